"""Reads of the distribution curve (SE MenPANRB 3/2023).

THE GROUP a unit's curve applies to: the approved SKP of the year whose pejabat penilai is
the head of that unit (`SKP.pejabat_penilai` holds the unit's head position): its staff and
the heads of its direct sub-units, i.e. exactly the people the head rates and can move
between predikat. The unit's own head is rated one level up (their hasil kerja follows the
unit's predikat) and belongs to the group of the unit above.

A member without a rated (dinilai/final) evaluation in the window counts as "not rated
yet" (key None for `rules.cek_kurva`), so a unit cannot become final while anyone is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, OuterRef, QuerySet, Subquery

from kinerja.choices import Predikat, StatusSKP
from kinerja.models import (
    SKP,
    EvaluasiPeriodik,
    EvaluasiTahunan,
    PeriodeKinerja,
    PeriodePenilaian,
    PredikatUnit,
)
from kinerja.rules import PREDIKAT_URUTAN, HasilKurva, cek_kurva
from organisasi.models import UnitKerja
from pegawai.selectors import memimpin, pegawai_dari_pengguna

from .evaluasi import lihat_wilayah

if TYPE_CHECKING:
    from organisasi.models import Pengguna

DINILAI = ("dinilai", "final")
SKP_BERLAKU = (StatusSKP.DISETUJUI, StatusSKP.REVISI_DIAJUKAN)


def anggota_skp(*, unit: UnitKerja, periode_kinerja: PeriodeKinerja) -> QuerySet[SKP]:
    """The SKP of the unit's curve group (see the module docstring)."""
    return SKP.objects.filter(
        periode_kinerja=periode_kinerja,
        status__in=SKP_BERLAKU,
        pejabat_penilai__jabatan__unit=unit,
        pejabat_penilai__jabatan__is_kepala=True,
    )


def _ev_subquery(periode_penilaian: PeriodePenilaian | None):
    if periode_penilaian is None:
        return EvaluasiTahunan.objects.filter(skp=OuterRef("pk"))
    return EvaluasiPeriodik.objects.filter(skp=OuterRef("pk"), periode_penilaian=periode_penilaian)


def anggota_dengan_evaluasi(
    *, unit: UnitKerja, periode_kinerja: PeriodeKinerja, periode_penilaian: PeriodePenilaian | None
) -> QuerySet[SKP]:
    """The group's SKP with their evaluation of the window (or the annual one) annotated."""
    ev = _ev_subquery(periode_penilaian)
    return (
        anggota_skp(unit=unit, periode_kinerja=periode_kinerja)
        .select_related("pegawai__jabatan")
        .annotate(
            ev_id=Subquery(ev.values("pk")[:1]),
            ev_status=Subquery(ev.values("status")[:1]),
            ev_predikat=Subquery(ev.values("predikat")[:1]),
        )
        .order_by("pegawai__nama", "pk")
    )


def distribusi(
    *, unit: UnitKerja, periode_kinerja: PeriodeKinerja, periode_penilaian: PeriodePenilaian | None
) -> dict[str | None, int]:
    """{predikat or None (not rated yet): number of members}: ONE SQL aggregate."""
    ev = _ev_subquery(periode_penilaian).filter(status__in=DINILAI)
    baris = (
        anggota_skp(unit=unit, periode_kinerja=periode_kinerja)
        .annotate(p=Subquery(ev.values("predikat")[:1]))
        .values("p")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {b["p"]: b["n"] for b in baris}


def predikat_unit(
    *, unit: UnitKerja, periode_kinerja: PeriodeKinerja, periode_penilaian: PeriodePenilaian | None
) -> PredikatUnit | None:
    qs = PredikatUnit.objects.filter(unit=unit, periode_kinerja=periode_kinerja)
    if periode_penilaian is None:
        return qs.filter(periode_penilaian__isnull=True).select_related("ditetapkan_oleh").first()
    return qs.filter(periode_penilaian=periode_penilaian).select_related("ditetapkan_oleh").first()


@dataclass
class StatusKurva:
    unit: UnitKerja
    periode_kinerja: PeriodeKinerja
    periode_penilaian: PeriodePenilaian | None
    predikat_unit: PredikatUnit | None
    counts: dict[str | None, int]
    hasil: HasilKurva | None

    @property
    def jumlah_anggota(self) -> int:
        return sum(self.counts.values())

    def chart(self) -> dict[str, Any]:
        """Data of the Chart.js chart: the actual count per predikat and, for rules on a
        single predikat, its allowed minimum and maximum."""
        labels = [str(p.label) for p in PREDIKAT_URUTAN]
        aktual = [self.counts.get(p.value, 0) for p in PREDIKAT_URUTAN]
        maks: list[int | None] = [None] * len(PREDIKAT_URUTAN)
        mins: list[int | None] = [None] * len(PREDIKAT_URUTAN)
        if self.hasil is not None:
            for b in self.hasil.batas:
                for p in b.predikat:
                    i = PREDIKAT_URUTAN.index(Predikat(p))
                    if b.jenis == "maks":
                        maks[i] = b.maksimum
                    elif len(b.predikat) == 1:
                        mins[i] = b.minimum
        return {
            "labels": labels,
            "aktual": aktual,
            "maks": maks,
            "min": mins,
            "belum": self.counts.get(None, 0),
        }


def status_kurva(
    *, unit: UnitKerja, periode_kinerja: PeriodeKinerja, periode_penilaian: PeriodePenilaian | None
) -> StatusKurva:
    """The unit's curve for a window (or the year): 2 queries."""
    pu = predikat_unit(
        unit=unit, periode_kinerja=periode_kinerja, periode_penilaian=periode_penilaian
    )
    counts = distribusi(
        unit=unit, periode_kinerja=periode_kinerja, periode_penilaian=periode_penilaian
    )
    hasil = (
        cek_kurva(
            pu.predikat, counts, bulatkan_menguntungkan=periode_kinerja.aturan_pembulatan_kecil
        )
        if pu is not None
        else None
    )
    return StatusKurva(unit, periode_kinerja, periode_penilaian, pu, counts, hasil)


def unit_kurva_visible(*, actor: Pengguna) -> QuerySet[UnitKerja]:
    """Units whose curve the actor may see: HR/leadership the wilayah's; a section head
    their unit and its subtree."""
    qs = UnitKerja.objects.visible_to(actor).filter(aktif=True)
    if lihat_wilayah(actor):
        return qs
    saya = pegawai_dari_pengguna(actor)
    if not memimpin(saya):
        return qs.none()
    return qs.filter(path__startswith=saya.jabatan.unit.path)


def sub_unit_dengan_predikat(
    *, unit: UnitKerja, periode_kinerja: PeriodeKinerja, periode_penilaian: PeriodePenilaian | None
) -> QuerySet[UnitKerja]:
    """The direct sub-units with their predikat for the window annotated (one query)."""
    pu = PredikatUnit.objects.filter(unit=OuterRef("pk"), periode_kinerja=periode_kinerja)
    pu = (
        pu.filter(periode_penilaian__isnull=True)
        if periode_penilaian is None
        else pu.filter(periode_penilaian=periode_penilaian)
    )
    return (
        UnitKerja.objects.filter(parent=unit, aktif=True)
        .annotate(predikat_unit=Subquery(pu.values("predikat")[:1]))
        .order_by("urutan", "nama")
    )
