"""Reads of SKP: lists by role, the detail page, the superior's RHK to pick from and the
cascade tree. Every selector starts from `visible_to(actor)`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet

from asn_kinerja.models import TransisiStatus
from kinerja.models import (
    SKP,
    EkspektasiPerilaku,
    IndikatorKinerja,
    PeriodeKinerja,
    RencanaHasilKerja,
    TargetUnit,
    UmpanBalik,
)
from organisasi import peran
from organisasi.models import UnitKerja
from pegawai.selectors import memimpin, pegawai_dari_pengguna

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def _lihat_wilayah(actor: Pengguna) -> bool:
    return peran.is_pengawas_wilayah(actor)


def skp_visible(*, actor: Pengguna) -> QuerySet[SKP]:
    """Every SKP the actor may open: HR/leadership their wilayah; a section head the SKP of
    their unit's subtree; everyone their own and those they evaluate (as pejabat penilai or
    atasan pejabat penilai)."""
    qs = SKP.objects.visible_to(actor)
    if _lihat_wilayah(actor):
        return qs
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return qs.none()
    syarat = Q(pegawai=saya) | Q(pejabat_penilai=saya) | Q(atasan_pejabat_penilai=saya)
    if memimpin(saya):
        syarat |= Q(pegawai__unit__path__startswith=saya.unit.path)
    return qs.filter(syarat)


def skp_list(
    *,
    actor: Pengguna,
    periode: PeriodeKinerja | None = None,
    status: str = "",
    q: str = "",
    hanya_penilai: bool = False,
) -> QuerySet[SKP]:
    """The SKP list of HR (wilayah) and section heads (subtree), with what a row shows."""
    qs = skp_visible(actor=actor)
    saya = pegawai_dari_pengguna(actor)
    if not _lihat_wilayah(actor) and saya is not None:
        qs = qs.exclude(pegawai=saya)
    if hanya_penilai and saya is not None:
        qs = qs.filter(pejabat_penilai=saya)
    if periode is not None:
        qs = qs.filter(periode_kinerja=periode)
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(pegawai__nama__icontains=q) | Q(pegawai__nip__startswith=q))
    return qs.select_related(
        "pegawai__jabatan", "pegawai__unit", "pejabat_penilai", "periode_kinerja"
    ).annotate(jumlah_rhk=Count("rhk_set"))


def skp_detail(*, actor: Pengguna, pk: int) -> SKP:
    """The SKP page: header, RHK with indicators and the superior's RHK, expectations,
    feedback, transitions. A fixed number of queries."""
    return skp_detail_qs(actor=actor).get(pk=pk)


def skp_detail_qs(*, actor: Pengguna) -> QuerySet[SKP]:
    """`skp_visible` with what the SKP page (and the API's SKP detail) shows."""
    return (
        skp_visible(actor=actor)
        .select_related(
            "pegawai__jabatan",
            "pegawai__unit",
            "pejabat_penilai__jabatan",
            "atasan_pejabat_penilai",
            "periode_kinerja",
        )
        .prefetch_related(
            Prefetch(
                "rhk_set",
                queryset=RencanaHasilKerja.objects.select_related(
                    "rhk_atasan__skp__pegawai", "target_unit"
                ).prefetch_related(
                    Prefetch(
                        "indikator_set", queryset=IndikatorKinerja.objects.order_by("urutan", "id")
                    )
                ),
            ),
            Prefetch("ekspektasi_set", queryset=EkspektasiPerilaku.objects.order_by("id")),
        )
    )


def skp_riwayat(*, skp: SKP) -> QuerySet[TransisiStatus]:
    return TransisiStatus.objects.untuk(skp).select_related("oleh")


def skp_umpan_balik(*, skp: SKP) -> QuerySet[UmpanBalik]:
    return UmpanBalik.objects.filter(skp=skp, wilayah_id=skp.wilayah_id).select_related(
        "dari", "kepada"
    )


def skp_saya(*, actor: Pengguna, periode: PeriodeKinerja) -> SKP | None:
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return None
    return SKP.objects.visible_to(actor).filter(pegawai=saya, periode_kinerja=periode).first()


def skp_saya_list(*, actor: Pengguna) -> list[SKP]:
    """All the actor's own SKP, newest year first, with their year (one query)."""
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return []
    return list(
        SKP.objects.visible_to(actor)
        .filter(pegawai=saya)
        .select_related("periode_kinerja")
        .annotate(jumlah_rhk=Count("rhk_set"))
        .order_by("-periode_kinerja__tahun")
    )


def skp_atasan(*, skp: SKP) -> SKP | None:
    """The pejabat penilai's SKP of the same year (any status)."""
    if skp.pejabat_penilai_id is None:
        return None
    return (
        SKP.objects.filter(
            pegawai_id=skp.pejabat_penilai_id,
            periode_kinerja_id=skp.periode_kinerja_id,
            wilayah_id=skp.wilayah_id,
        )
        .select_related("pegawai")
        .first()
    )


def rhk_atasan_pilihan(*, skp: SKP) -> QuerySet[RencanaHasilKerja]:
    """The RHK a non-JPT RHK may intervene: those of the pejabat penilai's APPROVED SKP of
    the same year."""
    if skp.pejabat_penilai_id is None or skp.is_jpt:
        return RencanaHasilKerja.objects.none()
    return (
        RencanaHasilKerja.objects.filter(
            skp__pegawai_id=skp.pejabat_penilai_id,
            skp__periode_kinerja_id=skp.periode_kinerja_id,
            skp__wilayah_id=skp.wilayah_id,
            skp__status__in=[SKP.Status.DISETUJUI, SKP.Status.REVISI_DIAJUKAN],
        )
        .select_related("skp")
        .order_by("urutan", "id")
    )


def target_unit_pilihan(*, skp: SKP) -> QuerySet[TargetUnit]:
    """The unit targets a JPT's RHK may take: their unit's perjanjian kinerja this year."""
    if not skp.is_jpt:
        return TargetUnit.objects.none()
    return TargetUnit.objects.filter(
        periode_kinerja_id=skp.periode_kinerja_id, unit_id=skp.pegawai.unit_id
    ).order_by("urutan", "id")


# --- Cascade ---------------------------------------------------------------------------------


@dataclass
class SimpulKaskade:
    jenis: str  # "target" or "rhk"
    obj: Any
    kedalaman: int = 0
    anak: list[SimpulKaskade] = field(default_factory=list)


def kaskade(*, actor: Pengguna, periode: PeriodeKinerja, unit: UnitKerja) -> list[SimpulKaskade]:
    """The cascade of a unit's subtree for a year, flattened in display order: each unit
    target, the RHK that take it (JPT), then the RHK that intervene those, and so on. RHK
    whose parent lies outside the subtree (a section head's own RHK) start their own branch;
    RHK with no link at all come last. Four queries whatever the size."""
    units = UnitKerja.objects.visible_to(actor).filter(path__startswith=unit.path)
    targets = list(
        TargetUnit.objects.visible_to(actor)
        .filter(periode_kinerja=periode, unit__in=units)
        .select_related("unit")
        .order_by("unit__path", "urutan", "id")
    )
    rhk = list(
        RencanaHasilKerja.objects.visible_to(actor)
        .filter(skp__periode_kinerja=periode, skp__pegawai__unit__in=units)
        .select_related("skp__pegawai__jabatan", "skp__pegawai__unit")
        .prefetch_related("indikator_set")
        .order_by("skp__pegawai__unit__path", "skp__pegawai__nama", "urutan", "id")
    )
    anak_target: dict[int, list[RencanaHasilKerja]] = {}
    anak_rhk: dict[int, list[RencanaHasilKerja]] = {}
    id_rhk = {r.pk for r in rhk}
    id_target = {t.pk for t in targets}
    akar_rhk: list[RencanaHasilKerja] = []
    for r in rhk:
        if r.target_unit_id in id_target:
            anak_target.setdefault(r.target_unit_id, []).append(r)
        elif r.rhk_atasan_id in id_rhk:
            anak_rhk.setdefault(r.rhk_atasan_id, []).append(r)
        else:
            akar_rhk.append(r)

    hasil: list[SimpulKaskade] = []

    def turun(r: RencanaHasilKerja, d: int) -> None:
        hasil.append(SimpulKaskade("rhk", r, d))
        for a in anak_rhk.get(r.pk, []):
            turun(a, d + 1)

    for t in targets:
        hasil.append(SimpulKaskade("target", t, 0))
        for r in anak_target.get(t.pk, []):
            turun(r, 1)
    for r in sorted(akar_rhk, key=lambda x: x.rhk_atasan_id is None and x.target_unit_id is None):
        turun(r, 0)
    return hasil
