"""Reads of performance years, their windows and the units' targets."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from kinerja.models import PeriodeKinerja, PeriodePenilaian, TargetUnit


def periode_list(*, actor: Any) -> QuerySet[PeriodeKinerja]:
    return (
        PeriodeKinerja.objects.visible_to(actor)
        .select_related("wilayah")
        .annotate(
            jumlah_skp=Count("skp_set", distinct=True),
            jumlah_skp_disetujui=Count(
                "skp_set",
                filter=Q(skp_set__status__in=["disetujui", "revisi_diajukan"]),
                distinct=True,
            ),
        )
        .order_by("-tahun", "wilayah__nama")
    )


def periode_aktif(*, actor: Any, wilayah_id: int | None = None) -> PeriodeKinerja | None:
    """The open year of the actor's wilayah: this year's if open, else the latest open."""
    wilayah_id = wilayah_id or actor.wilayah_id
    if not wilayah_id:
        return None
    qs = PeriodeKinerja.objects.visible_to(actor).filter(wilayah_id=wilayah_id).buka()
    tahun = timezone.localdate().year
    return qs.filter(tahun=tahun).first() or qs.order_by("-tahun").first()


def periode_penilaian_list(*, actor: Any, periode: PeriodeKinerja) -> QuerySet[PeriodePenilaian]:
    return PeriodePenilaian.objects.visible_to(actor).filter(periode_kinerja=periode)


def target_unit_list(*, actor: Any, periode: PeriodeKinerja) -> QuerySet[TargetUnit]:
    return (
        TargetUnit.objects.visible_to(actor)
        .filter(periode_kinerja=periode)
        .select_related("unit")
        .annotate(jumlah_rhk=Count("rhk_set"))
        .order_by("unit__path", "urutan", "id")
    )
