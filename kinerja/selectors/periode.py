"""Reads of performance years, their windows and the units' targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet

from asn_kinerja.waktu import hari_ini
from kinerja.models import PeriodeKinerja, PeriodePenilaian, TargetUnit

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def periode_list(*, actor: Pengguna) -> QuerySet[PeriodeKinerja]:
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


def periode_aktif(*, actor: Pengguna, wilayah_id: int | None = None) -> PeriodeKinerja | None:
    """The open year of the actor's wilayah: this (local) year's if open, else the latest
    open one. The default of the planning pages (SKP saya, SKP list, cascade)."""
    wilayah_id = wilayah_id or actor.wilayah_id
    if not wilayah_id:
        return None
    qs = PeriodeKinerja.objects.visible_to(actor).filter(wilayah_id=wilayah_id).buka()
    tahun = hari_ini().year
    return qs.filter(tahun=tahun).first() or qs.order_by("-tahun").first()


#: Up to this month of the new year the evaluation pages default to the previous year
#: while it is still open: December's window, the annual evaluation, objections and the
#: curve are finished in January-February (docs/kinerja-evaluasi.md, "Pergantian tahun").
BULAN_AKHIR_TAHUN_LALU = 2


def periode_evaluasi_aktif(
    *, actor: Pengguna, wilayah_id: int | None = None
) -> PeriodeKinerja | None:
    """The year the evaluation pages (my evaluations, curve, progress, follow-up) open on:
    in January-February the previous year while it is open (its last window and annual
    evaluation are still being finished), otherwise `periode_aktif`. The pages offer the
    other open years too (`periode_terbuka_list`)."""
    wilayah_id = wilayah_id or actor.wilayah_id
    if not wilayah_id:
        return None
    tanggal = hari_ini()
    if tanggal.month <= BULAN_AKHIR_TAHUN_LALU:
        lalu = (
            PeriodeKinerja.objects.visible_to(actor)
            .filter(wilayah_id=wilayah_id, tahun=tanggal.year - 1)
            .buka()
            .first()
        )
        if lalu is not None:
            return lalu
    return periode_aktif(actor=actor, wilayah_id=wilayah_id)


def periode_terbuka_list(*, actor: Pengguna, wilayah_id: int | None = None) -> list[PeriodeKinerja]:
    """The open years of the actor's wilayah, newest first (the year switch of a page)."""
    wilayah_id = wilayah_id or actor.wilayah_id
    if not wilayah_id:
        return []
    return list(
        PeriodeKinerja.objects.visible_to(actor)
        .filter(wilayah_id=wilayah_id)
        .buka()
        .order_by("-tahun")
    )


def periode_pilihan(
    *,
    actor: Pengguna,
    tahun: str | None,
    bawaan: PeriodeKinerja | None,
    jendela: str | None = None,
) -> PeriodeKinerja | None:
    """The year a page was asked for: the year of window `jendela` (a PeriodePenilaian pk,
    the `?periode=` of the curve and progress pages), else `?tahun=<year>` of the actor's
    wilayah (any status: a closed year stays readable), else `bawaan`. Within the actor's
    scope only."""
    if jendela and str(jendela).isdigit():
        pp = (
            PeriodePenilaian.objects.visible_to(actor)
            .select_related("periode_kinerja")
            .filter(pk=jendela)
            .first()
        )
        if pp is not None:
            return pp.periode_kinerja
    if tahun and str(tahun).isdigit() and actor.wilayah_id:
        dipilih = (
            PeriodeKinerja.objects.visible_to(actor)
            .filter(wilayah_id=actor.wilayah_id, tahun=int(tahun))
            .first()
        )
        if dipilih is not None:
            return dipilih
    return bawaan


def periode_penilaian_list(
    *, actor: Pengguna, periode: PeriodeKinerja
) -> QuerySet[PeriodePenilaian]:
    return PeriodePenilaian.objects.visible_to(actor).filter(periode_kinerja=periode)


def jendela_pilihan(
    *, actor: Pengguna, periode: PeriodeKinerja | None, dipilih: str = ""
) -> tuple[list[PeriodePenilaian], PeriodePenilaian | None]:
    """The evaluation windows of the year (in order) and the one a page shows: the window
    whose id is `dipilih`, else the latest that has started by today, else the first. One
    query. The one copy of the pick the progress and curve pages made each on their own."""
    if periode is None:
        return [], None
    jendela = list(periode_penilaian_list(actor=actor, periode=periode))
    pilihan = next((j for j in jendela if str(j.pk) == dipilih), None)
    if pilihan is None:
        hari = hari_ini()
        lewat = [j for j in jendela if j.tanggal_mulai <= hari]
        pilihan = lewat[-1] if lewat else (jendela[0] if jendela else None)
    return jendela, pilihan


def target_unit_list(*, actor: Pengguna, periode: PeriodeKinerja) -> QuerySet[TargetUnit]:
    return (
        TargetUnit.objects.visible_to(actor)
        .filter(periode_kinerja=periode)
        .select_related("unit")
        .annotate(jumlah_rhk=Count("rhk_set"))
        .order_by("unit__path", "urutan", "id")
    )
