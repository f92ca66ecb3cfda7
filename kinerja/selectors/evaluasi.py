"""Reads of the evaluation: who may see which evaluation, the employee's windows, the
detail and rating pages. Every selector starts from `visible_to(actor)`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from asn_kinerja.db import jumlah_subquery
from asn_kinerja.models import TransisiStatus
from kinerja.models import (
    SKP,
    BuktiDukung,
    EvaluasiPeriodik,
    EvaluasiTahunan,
    IndikatorKinerja,
    Keberatan,
    PeriodeKinerja,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
)
from organisasi import peran
from pegawai.models import Pegawai
from pegawai.selectors import memimpin, pegawai_dari_pengguna

if TYPE_CHECKING:
    from organisasi.models import Pengguna

_RELASI = (
    "skp__pegawai__jabatan",
    "skp__pegawai__unit",
    "skp__pejabat_penilai",
    "skp__atasan_pejabat_penilai",
    "skp__periode_kinerja",
    "dinilai_oleh",
)


def lihat_wilayah(actor: Pengguna) -> bool:
    return peran.is_pengawas_wilayah(actor)


def _syarat_pribadi(actor: Pengguna, awalan: str) -> Q | None:
    """Own evaluations, those one rates or decides objections on, and (for a section head)
    those of the subtree. None: nothing."""
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return None
    syarat = (
        Q(**{f"{awalan}pegawai": saya})
        | Q(**{f"{awalan}pejabat_penilai": saya})
        | Q(**{f"{awalan}atasan_pejabat_penilai": saya})
    )
    if memimpin(saya):
        syarat |= Q(**{f"{awalan}pegawai__unit__path__startswith": saya.unit.path})
    return syarat


def evaluasi_visible(*, actor: Pengguna) -> QuerySet[EvaluasiPeriodik]:
    qs = EvaluasiPeriodik.objects.visible_to(actor)
    if lihat_wilayah(actor):
        return qs
    syarat = _syarat_pribadi(actor, "skp__")
    return qs.filter(syarat) if syarat is not None else qs.none()


def evaluasi_tahunan_visible(*, actor: Pengguna) -> QuerySet[EvaluasiTahunan]:
    qs = EvaluasiTahunan.objects.visible_to(actor)
    if lihat_wilayah(actor):
        return qs
    syarat = _syarat_pribadi(actor, "skp__")
    return qs.filter(syarat) if syarat is not None else qs.none()


def keberatan_visible(*, actor: Pengguna) -> QuerySet[Keberatan]:
    qs = Keberatan.objects.visible_to(actor)
    if lihat_wilayah(actor):
        return qs
    syarat = _syarat_pribadi(actor, "evaluasi__skp__")
    return qs.filter(syarat) if syarat is not None else qs.none()


def bukti_visible(*, actor: Pengguna) -> QuerySet[BuktiDukung]:
    return BuktiDukung.objects.visible_to(actor).filter(
        evaluasi__in=evaluasi_visible(actor=actor).values("pk")
    )


#: What the evaluation query itself joins: the employee and the window. The raters come in
#: a second, simple query (`_pasang_pejabat`): with them the query joined 13 tables and
#: PostgreSQL spent ~10 ms choosing a join order for a 0.5 ms pk lookup (docs/bench.md).
_RELASI_DETAIL = (
    "skp__pegawai__jabatan",
    "skp__pegawai__unit",
    "periode_penilaian__periode_kinerja",
)


def evaluasi_detail(
    *, actor: Pengguna, pk: int, untuk_penilaian: bool = False, ringkas: bool = False
) -> EvaluasiPeriodik:
    """One evaluation with everything its page shows (a fixed number of queries). The rating
    page passes `untuk_penilaian=True` (no objections; the rater's unit for the curve); a
    form POST that only needs the indicators and their realisation passes `ringkas=True`."""
    qs = (
        evaluasi_visible(actor=actor)
        .select_related(*_RELASI_DETAIL)
        .prefetch_related(
            Prefetch(
                "skp__rhk_set",
                queryset=RencanaHasilKerja.objects.order_by("urutan", "id").prefetch_related(
                    Prefetch(
                        "indikator_set", queryset=IndikatorKinerja.objects.order_by("urutan", "id")
                    )
                ),
            ),
            Prefetch("realisasi_set", queryset=RealisasiIndikator.objects.all()),
        )
    )
    if not ringkas:
        if not untuk_penilaian:
            qs = qs.prefetch_related(
                Prefetch(
                    "keberatan_set",
                    queryset=Keberatan.objects.select_related("diputus_oleh").order_by("-id"),
                )
            )
        qs = qs.prefetch_related(
            Prefetch("bukti_set", queryset=BuktiDukung.objects.order_by("id")),
            "umpan_balik_hasil_set",
            "umpan_balik_perilaku_set",
            "skp__ekspektasi_set",
        )
    ev = qs.get(pk=pk)
    _pasang_pejabat(ev, actor=actor, unit_penilai=untuk_penilaian)
    return ev


def _pasang_pejabat(ev: EvaluasiPeriodik, *, actor: Pengguna, unit_penilai: bool) -> None:
    """Loads the SKP's pejabat penilai and atasan and the evaluation's rater (one query) and
    sets them on `ev`, as select_related would have; the SKP's performance period is the
    window's, already loaded."""
    skp = ev.skp
    if skp.periode_kinerja_id == ev.periode_penilaian.periode_kinerja_id:
        skp.periode_kinerja = ev.periode_penilaian.periode_kinerja
    ids = {skp.pejabat_penilai_id, skp.atasan_pejabat_penilai_id, ev.dinilai_oleh_id} - {None}
    qs = Pegawai.objects.visible_to(actor).filter(pk__in=ids)
    if unit_penilai:
        qs = qs.select_related("jabatan__unit")
    orang = {p.pk: p for p in qs} if ids else {}
    for obj, nama in ((skp, "pejabat_penilai"), (skp, "atasan_pejabat_penilai"),
                      (ev, "dinilai_oleh")):  # fmt: skip
        pk = getattr(obj, f"{nama}_id")
        if pk in orang:  # a FK outside the actor's scope stays lazy (never expected)
            setattr(obj, nama, orang[pk])


def evaluasi_tahunan_detail(*, actor: Pengguna, pk: int) -> EvaluasiTahunan:
    return (
        evaluasi_tahunan_visible(actor=actor)
        .select_related(*_RELASI)
        .prefetch_related(
            Prefetch("skp__rhk_set", queryset=RencanaHasilKerja.objects.order_by("urutan", "id"))
        )
        .get(pk=pk)
    )


def periodik_untuk_tahunan(*, evaluasi: EvaluasiTahunan) -> QuerySet[EvaluasiPeriodik]:
    return (
        EvaluasiPeriodik.objects.filter(skp_id=evaluasi.skp_id)
        .select_related("periode_penilaian")
        .order_by("periode_penilaian__tanggal_mulai")
    )


def indikator_belum_diisi(*, evaluasi: EvaluasiPeriodik) -> list[str]:
    """Texts of the SKP's indicators without a realisation (neither number nor narrative)."""
    terisi = RealisasiIndikator.objects.filter(evaluasi=evaluasi, indikator=OuterRef("pk")).filter(
        ~Q(narasi="") | Q(nilai__isnull=False)
    )
    return [
        t[:60]
        for t in IndikatorKinerja.objects.filter(rhk__skp_id=evaluasi.skp_id)
        .exclude(Exists(terisi))
        .order_by("rhk__urutan", "urutan", "id")
        .values_list("teks", flat=True)
    ]


def riwayat(obj: Any) -> QuerySet[TransisiStatus]:
    return TransisiStatus.objects.untuk(obj).select_related("oleh")


def skp_saya_disetujui(*, actor: Pengguna, periode: PeriodeKinerja | None) -> SKP | None:
    saya = pegawai_dari_pengguna(actor)
    if saya is None or periode is None:
        return None
    return (
        SKP.objects.visible_to(actor)
        .filter(pegawai=saya, periode_kinerja=periode)
        .select_related("periode_kinerja", "pejabat_penilai", "atasan_pejabat_penilai")
        .first()
    )


def jendela_evaluasi(*, actor: Pengguna, skp: SKP) -> QuerySet[PeriodePenilaian]:
    """The windows of the SKP's year with the evaluation of that window (id, status,
    predikat, open objection) annotated: one query for the employee's table."""
    ev = EvaluasiPeriodik.objects.filter(skp=skp, periode_penilaian=OuterRef("pk"))
    keberatan = Keberatan.objects.filter(
        evaluasi__skp=skp, evaluasi__periode_penilaian=OuterRef("pk")
    ).order_by("-id")
    return (
        PeriodePenilaian.objects.visible_to(actor)
        .filter(periode_kinerja_id=skp.periode_kinerja_id)
        .annotate(
            ev_id=Subquery(ev.values("pk")[:1]),
            ev_status=Subquery(ev.values("status")[:1]),
            ev_predikat=Subquery(ev.values("predikat")[:1]),
            ev_final_pada=Subquery(ev.values("final_pada")[:1]),
            keberatan_status=Subquery(keberatan.values("status")[:1]),
        )
        .order_by("tanggal_mulai", "nomor")
    )


def evaluasi_list(
    *,
    actor: Pengguna,
    periode_penilaian: PeriodePenilaian | None = None,
    status: str = "",
    q: str = "",
    hanya_penilai: bool = False,
) -> QuerySet[EvaluasiPeriodik]:
    """The evaluations the actor may see, filtered as the REST API's list asks."""
    qs = evaluasi_visible(actor=actor)
    saya = pegawai_dari_pengguna(actor)
    if hanya_penilai and saya is not None:
        qs = qs.filter(skp__pejabat_penilai=saya)
    if periode_penilaian is not None:
        qs = qs.filter(periode_penilaian=periode_penilaian)
    if status:
        qs = qs.filter(status=status)
    if q:
        qs = qs.filter(Q(skp__pegawai__nama__icontains=q) | Q(skp__pegawai__nip__startswith=q))
    return qs.select_related("skp__pegawai__jabatan", "skp__pegawai__unit", "periode_penilaian")


# --- HR: progress of the wilayah ---------------------------------------------------------------


def progres_unit(
    *, actor: Pengguna, periode: PeriodeKinerja, periode_penilaian: PeriodePenilaian | None
) -> QuerySet:
    """Per unit of the wilayah: active employees, employees without an SKP this year, SKP
    approved, and (for the window) evaluations rated and approved SKP not yet rated. One
    query (scalar subqueries per unit)."""
    from organisasi.models import UnitKerja

    skp_tahun = SKP.objects.filter(periode_kinerja=periode)
    pegawai = Pegawai.objects.filter(unit=OuterRef("pk"), status_aktif="aktif")
    disetujui = skp_tahun.filter(
        pegawai__unit=OuterRef("pk"), status__in=["disetujui", "revisi_diajukan"]
    )
    anotasi = {
        "jumlah_pegawai": jumlah_subquery(pegawai),
        "tanpa_skp": jumlah_subquery(
            pegawai.exclude(Exists(skp_tahun.filter(pegawai=OuterRef("pk"))))
        ),
        "skp_disetujui": jumlah_subquery(disetujui),
    }
    if periode_penilaian is not None:
        rated = EvaluasiPeriodik.objects.filter(
            periode_penilaian=periode_penilaian, status__in=["dinilai", "final"]
        )
        anotasi["sudah_dinilai"] = jumlah_subquery(rated.filter(skp__pegawai__unit=OuterRef("pk")))
        anotasi["belum_dinilai"] = jumlah_subquery(
            disetujui.exclude(Exists(rated.filter(skp=OuterRef("pk"))))
        )
    return (
        UnitKerja.objects.visible_to(actor)
        .filter(wilayah_id=periode.wilayah_id, aktif=True)
        .annotate(**anotasi)
        .order_by("path")
    )


def pegawai_tanpa_skp(*, actor: Pengguna, periode: PeriodeKinerja, q: str = "") -> QuerySet:
    from pegawai.models import Pegawai

    qs = (
        Pegawai.objects.visible_to(actor)
        .filter(wilayah_id=periode.wilayah_id, status_aktif="aktif")
        .exclude(Exists(SKP.objects.filter(periode_kinerja=periode, pegawai=OuterRef("pk"))))
        .select_related("jabatan", "unit")
    )
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nip__startswith=q))
    return qs.order_by("unit__path", "nama", "pk")


def skp_belum_dinilai(
    *, actor: Pengguna, periode: PeriodeKinerja, periode_penilaian: PeriodePenilaian, q: str = ""
) -> QuerySet[SKP]:
    """Approved SKP without a rated evaluation in the window, with the evaluation's status."""
    ev = EvaluasiPeriodik.objects.filter(skp=OuterRef("pk"), periode_penilaian=periode_penilaian)
    qs = (
        SKP.objects.visible_to(actor)
        .filter(periode_kinerja=periode, status__in=["disetujui", "revisi_diajukan"])
        .exclude(Exists(ev.filter(status__in=["dinilai", "final"])))
        .annotate(ev_status=Subquery(ev.values("status")[:1]), ev_id=Subquery(ev.values("pk")[:1]))
        .select_related("pegawai__unit", "pejabat_penilai")
    )
    if q:
        qs = qs.filter(Q(pegawai__nama__icontains=q) | Q(pegawai__nip__startswith=q))
    return qs.order_by("pegawai__unit__path", "pegawai__nama", "pk")
