"""Reads for dashboards. Every aggregate is one SQL query scoped through visible_to()."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from organisasi.models import UnitKerja, Wilayah
from pegawai.models import Pegawai


def ringkasan_beranda(*, actor: Any) -> dict[str, Any]:
    """Headline numbers of the home page: 2 queries whatever the size of the wilayah."""
    unit = UnitKerja.objects.visible_to(actor).aggregate(
        jumlah=Count("*"), aktif=Count("pk", filter=Q(aktif=True))
    )
    # Filtered counts over the (wilayah, status_aktif, status_kepegawaian) index.
    pegawai = (
        Pegawai.objects.visible_to(actor)
        .filter(status_aktif="aktif")
        .aggregate(
            jumlah=Count("*"),
            # Counting an indexed column keeps the scan index-only (COUNT(id) would not).
            pns=Count("status_kepegawaian", filter=Q(status_kepegawaian="pns")),
            pppk=Count("status_kepegawaian", filter=Q(status_kepegawaian="pppk")),
            cpns=Count("status_kepegawaian", filter=Q(status_kepegawaian="cpns")),
        )
    )
    return {"unit": unit, "pegawai": pegawai}


def ringkasan_per_wilayah(*, actor: Any):
    """For national admins: one row per wilayah with unit and employee counts (1 query)."""

    # Correlated subqueries, not two joins: joining units and employees at once would
    # multiply rows (units x employees) before counting.
    def hitung(qs):
        return Coalesce(
            Subquery(
                qs.filter(wilayah=OuterRef("pk"))
                .order_by()
                .values("wilayah")
                .annotate(n=Count("pk"))
                .values("n")
            ),
            0,
        )

    return (
        Wilayah.objects.visible_to(actor)
        .annotate(
            jumlah_unit=hitung(UnitKerja.objects.all()),
            jumlah_pegawai=hitung(Pegawai.objects.aktif()),
        )
        .order_by("nama")
    )
