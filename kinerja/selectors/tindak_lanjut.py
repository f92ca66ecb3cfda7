"""Follow-up lists (DOMAIN.md section 2, "Tindak lanjut"): candidates for a reward (Sangat
Baik in two consecutive windows) and for coaching (latest rated predikat Butuh Perbaikan or
worse), each a single SQL query (Exists / Subquery), never a loop over employees."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from kinerja.models import SKP, EvaluasiPeriodik, PeriodeKinerja, RencanaPembinaan
from pegawai.selectors import pegawai_dari_pengguna

from .evaluasi import lihat_wilayah

if TYPE_CHECKING:
    from organisasi.models import Pengguna

DINILAI = ("dinilai", "final")
PEMBINAAN = ("butuh_perbaikan", "kurang", "sangat_kurang")


def _skp_lingkup(*, actor: Pengguna, periode: PeriodeKinerja) -> QuerySet[SKP]:
    """HR/leadership: the wilayah's SKP; a section head: those they rate."""
    qs = SKP.objects.visible_to(actor).filter(periode_kinerja=periode)
    if lihat_wilayah(actor):
        return qs
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return qs.none()
    return qs.filter(pejabat_penilai=saya)


def kandidat_penghargaan(*, actor: Pengguna, periode: PeriodeKinerja, q: str = "") -> QuerySet[SKP]:
    """SKP with Sangat Baik in two consecutive windows (window nomor n and n-1)."""
    sebelumnya = EvaluasiPeriodik.objects.filter(
        skp=OuterRef("skp"),
        predikat="sangat_baik",
        status__in=DINILAI,
        periode_penilaian__nomor=OuterRef("periode_penilaian__nomor") - 1,
    )
    beruntun = EvaluasiPeriodik.objects.filter(
        skp=OuterRef("pk"), predikat="sangat_baik", status__in=DINILAI
    ).filter(Exists(sebelumnya))
    qs = _skp_lingkup(actor=actor, periode=periode).filter(Exists(beruntun))
    if q:
        qs = qs.filter(Q(pegawai__nama__icontains=q) | Q(pegawai__nip__startswith=q))
    return qs.select_related("pegawai__jabatan", "pegawai__unit").annotate(
        jumlah_sangat_baik=Count(
            "evaluasi_set",
            filter=Q(evaluasi_set__predikat="sangat_baik", evaluasi_set__status__in=DINILAI),
        )
    )


def kandidat_pembinaan(*, actor: Pengguna, periode: PeriodeKinerja, q: str = "") -> QuerySet[SKP]:
    """SKP whose latest rated window has Butuh Perbaikan or worse, with that evaluation and
    the number and latest status of the coaching plans annotated."""
    terakhir = EvaluasiPeriodik.objects.filter(skp=OuterRef("pk"), status__in=DINILAI).order_by(
        "-periode_penilaian__tanggal_mulai"
    )
    rencana = RencanaPembinaan.objects.filter(
        pegawai=OuterRef("pegawai"), periode_kinerja=OuterRef("periode_kinerja")
    ).order_by("-created_at")
    qs = (
        _skp_lingkup(actor=actor, periode=periode)
        .annotate(
            predikat_terakhir=Subquery(terakhir.values("predikat")[:1]),
            evaluasi_terakhir_id=Subquery(terakhir.values("pk")[:1]),
            periode_terakhir=Subquery(terakhir.values("periode_penilaian__nama")[:1]),
            rencana_status=Subquery(rencana.values("status")[:1]),
            rencana_teks=Subquery(rencana.values("rencana")[:1]),
            rencana_target=Subquery(rencana.values("target_waktu")[:1]),
        )
        .filter(predikat_terakhir__in=PEMBINAAN)
    )
    if q:
        qs = qs.filter(Q(pegawai__nama__icontains=q) | Q(pegawai__nip__startswith=q))
    return qs.select_related("pegawai__jabatan", "pegawai__unit")


def rencana_pembinaan_list(
    *, actor: Pengguna, periode: PeriodeKinerja
) -> QuerySet[RencanaPembinaan]:
    qs = RencanaPembinaan.objects.visible_to(actor).filter(periode_kinerja=periode)
    if not lihat_wilayah(actor):
        saya = pegawai_dari_pengguna(actor)
        qs = qs.filter(evaluasi__skp__pejabat_penilai=saya) if saya else qs.none()
    return qs.select_related("pegawai", "evaluasi__periode_penilaian", "dibuat_oleh")
