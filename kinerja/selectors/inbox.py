"""The section head's inbox: what waits for them. SKP to approve (they are the pejabat
penilai), realisations to rate, daily logs of their direct subordinates to verify, and
objections to decide (they are the atasan pejabat penilai). `inbox_count` is ONE query
(scalar subqueries), used by the navbar on every page."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Q, QuerySet

from asn_kinerja import cache_aman
from asn_kinerja.db import SalahSatu, jumlah_subquery
from kinerja.models import SKP, EvaluasiPeriodik, EvaluasiTahunan, Keberatan, LogHarian
from pegawai.models import Pegawai
from pegawai.selectors import bawahan_langsung, pegawai_dari_pengguna

if TYPE_CHECKING:
    from organisasi.models import Pengguna

BAGIAN = ("skp", "evaluasi", "tahunan", "log", "keberatan")


def skp_menunggu(*, actor: Pengguna, saya: Pegawai) -> QuerySet[SKP]:
    return SKP.objects.visible_to(actor).filter(
        pejabat_penilai=saya, status__in=[SKP.Status.DIAJUKAN, SKP.Status.REVISI_DIAJUKAN]
    )


def inbox_siapkan(*, actor: Pengguna) -> None:
    """For the inbox page, which runs every section twice (counts and lists): the ids of the
    SKPs the head rates and of their direct reports, fetched once (one query) and kept on
    the request's user, so the sections probe their indexes with short literal lists. As
    subqueries (`SalahSatu`, what the one-query navbar badge uses) Django compiled the same
    sets for every section: ~20 ms of Python on the inbox page (docs/bench.md)."""
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return
    skp_ids, bawahan_ids = (
        Pegawai.objects.filter(pk=saya.pk)
        .annotate(
            _skp=ArraySubquery(SKP.objects.filter(pejabat_penilai=saya).values("pk")),
            _bawahan=ArraySubquery(bawahan_langsung(saya).values("pk")),
        )
        .values_list("_skp", "_bawahan")
        .get()
    )
    # A subquery Django knows to be empty (`bawahan_langsung` of someone heading nothing is
    # `.none()`) compiles to NULL, not to an empty array.
    actor._inbox_himpunan = (saya.pk, skp_ids or [], bawahan_ids or [])


def _di(actor: Pengguna, saya: Pegawai, kolom: str, bagian: int, subquery: QuerySet) -> Q:
    """`kolom IN <ids prepared by inbox_siapkan>`, else `kolom = ANY(ARRAY(subquery))`."""
    memo = getattr(actor, "_inbox_himpunan", None)
    if memo is not None and memo[0] == saya.pk:
        return Q(**{f"{kolom}__in": memo[bagian]})
    return Q(SalahSatu(kolom, subquery))


def evaluasi_menunggu(*, actor: Pengguna, saya: Pegawai) -> QuerySet[EvaluasiPeriodik]:
    # The head's SKPs once, then probes of the small partial index of waiting evaluations
    # (a join would read every waiting evaluation of the wilayah).
    skp_saya = SKP.objects.filter(pejabat_penilai=saya).values("pk")
    return EvaluasiPeriodik.objects.visible_to(actor).filter(
        _di(actor, saya, "skp_id", 1, skp_saya), status=EvaluasiPeriodik.Status.REALISASI_DIAJUKAN
    )


def tahunan_menunggu(*, actor: Pengguna, saya: Pegawai) -> QuerySet[EvaluasiTahunan]:
    return EvaluasiTahunan.objects.visible_to(actor).filter(
        skp__pejabat_penilai=saya, status=EvaluasiTahunan.Status.REALISASI_DIAJUKAN
    )


def log_menunggu(*, actor: Pengguna, saya: Pegawai) -> QuerySet[LogHarian]:
    bawahan = bawahan_langsung(saya).values("pk")
    return LogHarian.objects.visible_to(actor).filter(
        _di(actor, saya, "pegawai_id", 2, bawahan), status=LogHarian.Status.DIAJUKAN
    )


def keberatan_menunggu(*, actor: Pengguna, saya: Pegawai) -> QuerySet[Keberatan]:
    return Keberatan.objects.visible_to(actor).filter(
        evaluasi__skp__atasan_pejabat_penilai=saya, status=Keberatan.Status.DIAJUKAN
    )


def _qs(nama: str, actor: Pengguna, saya: Pegawai) -> QuerySet:
    return {
        "skp": skp_menunggu,
        "evaluasi": evaluasi_menunggu,
        "tahunan": tahunan_menunggu,
        "log": log_menunggu,
        "keberatan": keberatan_menunggu,
    }[nama](actor=actor, saya=saya)


def inbox_counts(*, actor: Pengguna) -> dict[str, int]:
    """{section: count} for the five sections: one query, once per request (the navbar and
    the inbox page both show them; the result is kept on the user object of the request)."""
    tersimpan = getattr(actor, "_inbox_counts", None)
    if tersimpan is not None:
        return tersimpan
    actor._inbox_counts = hasil = _inbox_counts(actor)
    return hasil


def _inbox_counts(actor: Pengguna) -> dict[str, int]:
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return dict.fromkeys(BAGIAN, 0)
    baris = (
        Pegawai.objects.filter(pk=saya.pk)
        .annotate(**{f"n_{b}": jumlah_subquery(_qs(b, actor, saya)) for b in BAGIAN})
        .values(*(f"n_{b}" for b in BAGIAN))
        .first()
    ) or {}
    return {b: baris.get(f"n_{b}", 0) for b in BAGIAN}


def notifikasi_belum_dibaca_navigasi(*, actor: Pengguna) -> int | None:
    """The unread count loaded with the request's user (asn_kinerja.auth), if any."""
    return getattr(actor, "notifikasi_belum_dibaca_dimuat", None)  # None: anonymous user


#: The navbar badge of a head is cached this long (seconds). For a head of thousands the
#: count costs tens of ms on every page (docs/bench.md); the inbox page itself always counts
#: afresh (and refreshes the cache), and the head's own steps clear it (`lupakan_inbox`).
INBOX_CACHE_DETIK = 30


def _kunci_cache(actor: Pengguna) -> str:
    # The prefix is a setting so that tests get a namespace of their own in the real Redis.
    awalan = getattr(settings, "INBOX_CACHE_PREFIX", "kinerja:inbox")
    return f"{awalan}:{actor.pk}"


def lupakan_inbox(actor: Pengguna) -> None:
    """Drops the cached badge of `actor` (after a step that changes what waits for them).
    Runs in `on_commit` after every workflow step: with Redis down it does nothing (the
    step is already committed; a 500 now would make the user retry it)."""
    if getattr(actor, "pk", None) is not None:
        cache_aman.hapus(_kunci_cache(actor))


def lupakan_inbox_setelah_transisi(sender: Any, *, oleh: Any = None, **kwargs: Any) -> None:
    """Receiver of `asn_kinerja.workflow.status_berubah` (connected in KinerjaConfig.ready)."""
    lupakan_inbox(oleh)


def inbox_count(*, actor: Pengguna, segar: bool = False) -> int:
    """Everything waiting for the actor (the navbar badge): from the cache unless `segar`,
    at most INBOX_CACHE_DETIK old. With Redis down it is counted from the database on
    every page (asn_kinerja.cache_aman)."""
    if not segar:
        tersimpan = cache_aman.ambil(_kunci_cache(actor))
        if tersimpan is not None:
            return tersimpan
    total = sum(inbox_counts(actor=actor).values())
    cache_aman.simpan(_kunci_cache(actor), total, INBOX_CACHE_DETIK)
    return total


def inbox_daftar(*, actor: Pengguna, batas: int = 25) -> dict[str, list]:
    """The first `batas` items of each section with what the inbox shows: one query each,
    reading only the columns the page shows (a Pegawai row has ~30 columns; building the
    full rows of five select_related lists was a third of the page's Python)."""
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return {b: [] for b in BAGIAN}
    return {
        "skp": list(
            skp_menunggu(actor=actor, saya=saya)
            .select_related("pegawai__jabatan", "periode_kinerja")
            .only("status", "pegawai__nama", "pegawai__jabatan__nama", "periode_kinerja__tahun")
            .order_by("updated_at")[:batas]
        ),
        "evaluasi": list(
            evaluasi_menunggu(actor=actor, saya=saya)
            .select_related("skp__pegawai", "periode_penilaian")
            .only("diajukan_pada", "skp__pegawai__nama", "periode_penilaian__nama")
            .order_by("diajukan_pada", "pk")[:batas]
        ),
        "tahunan": list(
            tahunan_menunggu(actor=actor, saya=saya)
            .select_related("skp__pegawai", "skp__periode_kinerja")
            .only("skp__pegawai__nama", "skp__periode_kinerja__tahun")
            .order_by("diajukan_pada", "pk")[:batas]
        ),
        "log": list(
            log_menunggu(actor=actor, saya=saya)
            .select_related("pegawai")
            .only("tanggal", "kegiatan", "pegawai__nama")
            .order_by("tanggal", "pk")[:batas]
        ),
        "keberatan": list(
            keberatan_menunggu(actor=actor, saya=saya)
            .select_related("evaluasi__skp__pegawai", "evaluasi__periode_penilaian")
            .only("evaluasi__skp__pegawai__nama", "evaluasi__periode_penilaian__nama")
            .order_by("created_at", "pk")[:batas]
        ),
    }
