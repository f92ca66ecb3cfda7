"""Demo data of the evaluation half of kinerja (runs after `kinerja.demo`).

Per wilayah and demo year (`kinerja.demo.tahun_demo`: this year, and in January-February the
previous year too), for the approved SKP: the windows that ended before `ctx.hari_ini` get
an evaluation with realisation, a link as evidence, feedback and a
predikat whose distribution satisfies the unit's curve (PredikatUnit "Baik"); all but the
last ended window are final, the last one is rated (dinilai) with a few realisations still
waiting. The demo employee `pegawai_<w>` has rated months and ONE month submitted, waiting
for `atasan_<w>`, and the window running on `ctx.hari_ini` opened (belum diisi) for the demo
employee and some colleagues, so there is always a month to fill. In Gorontalo one unit's
last window violates its curve (PredikatUnit "Kurang" with a Baik-heavy distribution). An
open and a decided objection, a coaching plan and the demo employee's annual evaluation
(pre-filled) per wilayah and year.

Idempotent: an evaluation exists once per (SKP, window); the children of an evaluation are
written only when it is new, in bulk (with history rows); objections, coaching plans and
annual evaluations are created when missing and never updated, so a rerun on a later day
moves nothing a user has changed. Does nothing when there is no approved SKP (the planning
demo has not run).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from asn_kinerja.demo import DemoContext, upsert
from asn_kinerja.models import TransisiStatus
from kinerja.demo import tahun_demo
from kinerja.models import (
    SKP,
    BuktiDukung,
    EvaluasiPeriodik,
    EvaluasiTahunan,
    IndikatorKinerja,
    Keberatan,
    PeriodeKinerja,
    PeriodePenilaian,
    PredikatUnit,
    RealisasiIndikator,
    RencanaPembinaan,
    UmpanBalikHasil,
)
from kinerja.rules import predikat_tahunan_usulan

RATING = {
    "sangat_baik": ("di_atas", "di_atas"),
    "baik": ("sesuai", "sesuai"),
    "butuh_perbaikan": ("di_bawah", "sesuai"),
    "kurang": ("sesuai", "di_bawah"),
    "sangat_kurang": ("di_bawah", "di_bawah"),
}


def _sebaran_baik(n: int) -> list[str]:
    """Predikat of a group of n satisfying a "Baik" unit (Baik <= 70% rounded up, at least
    one Butuh Perbaikan from 2 employees on), best first."""
    if n <= 1:
        return ["baik"] * n
    bp = 1
    baik = min(-(-n * 70 // 100), n - bp)
    return ["sangat_baik"] * (n - bp - baik) + ["baik"] * baik + ["butuh_perbaikan"] * bp


def _aware(d: dt.date, jam: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(d, dt.time(jam)))


def seed(ctx: DemoContext) -> None:
    for kode, wilayah in ctx.data["wilayah"].items():
        ctx_w = ctx.untuk(wilayah)
        for tahun in tahun_demo(ctx_w.hari_ini):
            _seed_tahun(ctx_w, kode, wilayah, tahun)


def _seed_tahun(ctx: DemoContext, kode: str, wilayah: Any, tahun: int) -> None:
    periode = PeriodeKinerja.objects.filter(wilayah=wilayah, tahun=tahun).first()
    if periode is None:
        return
    skps = list(
        SKP.objects.filter(periode_kinerja=periode, status__in=["disetujui", "revisi_diajukan"])
        .select_related("pegawai__pengguna", "pejabat_penilai__jabatan__unit",
                        "pejabat_penilai__pengguna")
        .order_by("pk")
    )  # fmt: skip
    if not skps:
        return
    akun = ctx.data.get("akun", {})
    demo_pegawai = akun.get(f"pegawai_{kode}")
    semua = list(PeriodePenilaian.objects.filter(periode_kinerja=periode).order_by("nomor"))
    jendela = [j for j in semua if j.tanggal_selesai < ctx.hari_ini]
    if jendela:
        _evaluasi(ctx, wilayah, periode, skps, jendela, demo_pegawai, langgar=kode == "gorontalo")
    berjalan = next(
        (j for j in semua if j.tanggal_mulai <= ctx.hari_ini <= j.tanggal_selesai), None
    )
    if berjalan is not None:
        _jendela_berjalan(wilayah, berjalan, skps, demo_pegawai)
    if jendela:
        _lainnya(ctx, wilayah, periode, skps, demo_pegawai)


def _jendela_berjalan(wilayah: Any, jendela: PeriodePenilaian, skps: list[SKP],
                      demo_pegawai: Any) -> None:  # fmt: skip
    """The running window opened (belum diisi) for the demo employee and every third
    colleague: what an employee fills during the month."""
    ada = set(
        EvaluasiPeriodik.objects.filter(periode_penilaian=jendela).values_list("skp_id", flat=True)
    )
    pilih = [
        s for i, s in enumerate(skps)
        if s.pk not in ada and ((demo_pegawai and s.pegawai_id == demo_pegawai.pk) or i % 3 == 0)
    ]  # fmt: skip
    if not pilih:
        return
    baru = bulk_create_with_history(
        [EvaluasiPeriodik(skp=s, periode_penilaian=jendela) for s in pilih], EvaluasiPeriodik
    )
    baru = EvaluasiPeriodik.objects.filter(
        periode_penilaian=jendela, skp_id__in=[s.pk for s in pilih]
    ).select_related("skp__pegawai")
    ct = ContentType.objects.get_for_model(EvaluasiPeriodik)
    TransisiStatus.objects.bulk_create(
        [
            TransisiStatus(content_type=ct, object_id=ev.pk, wilayah=wilayah, dari="",
                           ke="belum_diisi", oleh=ev.skp.pegawai.pengguna, catatan="")
            for ev in baru
        ]
    )  # fmt: skip


def _evaluasi(ctx, wilayah, periode, skps, jendela, demo_pegawai, *, langgar: bool) -> None:
    ada = set(
        EvaluasiPeriodik.objects.filter(skp__periode_kinerja=periode).values_list(
            "skp_id", "periode_penilaian_id"
        )
    )
    grup: dict[int, list[SKP]] = {}
    for s in skps:
        if s.pejabat_penilai_id and s.pejabat_penilai.jabatan_id:
            grup.setdefault(s.pejabat_penilai.jabatan.unit_id, []).append(s)
    terakhir = jendela[-1]
    unit_langgar = None
    if langgar:
        calon = [u for u, g in grup.items() if len(g) >= 3
                 and not any(demo_pegawai and s.pegawai_id == demo_pegawai.pk for s in g)]  # fmt: skip
        unit_langgar = min(calon) if calon else None
    # The units' predikat: Baik everywhere (the violating unit: Kurang in the last window).
    pu = []
    for unit_id in grup:
        for j in jendela:
            nilai = "kurang" if unit_id == unit_langgar and j is terakhir else "baik"
            pu.append(PredikatUnit(unit_id=unit_id, periode_kinerja=periode, periode_penilaian=j,
                                   predikat=nilai, catatan="Ditetapkan pimpinan satu tingkat di atas."))  # fmt: skip
    PredikatUnit.objects.bulk_create(pu, ignore_conflicts=True)

    indikator: dict[int, list[IndikatorKinerja]] = {}
    for i in IndikatorKinerja.objects.filter(rhk__skp__in=skps).select_related("rhk"):
        indikator.setdefault(i.rhk.skp_id, []).append(i)
    baru: list[EvaluasiPeriodik] = []
    for anggota in grup.values():
        posisi = {s.pk: i for i, s in enumerate(anggota)}
        for nomor_j, j in enumerate(jendela):
            putar = nomor_j // 3
            urut = anggota[putar % len(anggota) :] + anggota[: putar % len(anggota)]
            sebaran = _sebaran_baik(len(urut))
            for s, predikat in zip(urut, sebaran, strict=True):
                urutan = posisi[s.pk]
                if (s.pk, j.pk) in ada:
                    continue
                demo = demo_pegawai is not None and s.pegawai_id == demo_pegawai.pk
                if j is terakhir:
                    # By position in the unit (not by pk, which depends on what else the
                    # database holds): every unit keeps rated evaluations to finalise.
                    status = "realisasi_diajukan" if demo or urutan % 5 == 4 else "dinilai"
                else:
                    status = "final"
                ev = EvaluasiPeriodik(skp=s, periode_penilaian=j, status=status)
                ev.diajukan_pada = _aware(
                    min(j.tanggal_selesai + dt.timedelta(days=2), ctx.hari_ini), 8
                )
                if status in ("dinilai", "final"):
                    ev.rating_hasil, ev.rating_perilaku = RATING[predikat]
                    ev.predikat = predikat
                    ev.dinilai_oleh = s.pejabat_penilai
                    ev.dinilai_pada = _aware(
                        min(j.tanggal_selesai + dt.timedelta(days=5), ctx.hari_ini), 8
                    )
                    ev.catatan_penilai = (
                        "Capaian sesuai target; pertahankan ketepatan waktu laporan."
                    )
                if status == "final":
                    ev.final_pada = _aware(
                        min(j.tanggal_selesai + dt.timedelta(days=12), ctx.hari_ini - dt.timedelta(days=10))
                    )  # fmt: skip
                baru.append(ev)
    if not baru:
        return
    baru = bulk_create_with_history(baru, EvaluasiPeriodik, batch_size=500)
    baru = list(
        EvaluasiPeriodik.objects.filter(skp__periode_kinerja=periode)
        .exclude(pk__in=TransisiStatus.objects.filter(
            content_type=ContentType.objects.get_for_model(EvaluasiPeriodik)).values("object_id"))
        .select_related("skp__pegawai__pengguna", "skp__pejabat_penilai__pengguna", "periode_penilaian")
    )  # fmt: skip
    # Realisation (one row per indicator), a link as evidence, feedback and the transition log.
    rng = ctx.rng_for(f"kinerja-evaluasi:{wilayah.kode}")
    realisasi, bukti, ub, log = [], [], [], []
    ct = ContentType.objects.get_for_model(EvaluasiPeriodik)
    for ev in baru:
        for i in indikator.get(ev.skp_id, []):
            faktor = Decimal(str(round(rng.uniform(0.8, 1.15), 2)))
            nilai = (i.target_nilai or Decimal(1)) * faktor
            realisasi.append(RealisasiIndikator(evaluasi=ev, indikator=i, nilai=round(nilai, 2),
                                                narasi="Terlaksana sesuai rencana kerja bulan ini."))  # fmt: skip
        bukti.append(BuktiDukung(evaluasi=ev, tautan=f"https://dokumen.{wilayah.kode}.go.id/laporan/{ev.pk}",
                                 nama=f"Laporan kinerja {ev.periode_penilaian.nama}"))  # fmt: skip
        pegawai_u = ev.skp.pegawai.pengguna
        penilai_u = ev.skp.pejabat_penilai.pengguna if ev.skp.pejabat_penilai else None
        jalan = [
            ("", "belum_diisi", pegawai_u, ""),
            ("belum_diisi", "realisasi_diajukan", pegawai_u, ""),
        ]
        if ev.status in ("dinilai", "final"):
            jalan.append(
                (
                    "realisasi_diajukan",
                    "dinilai",
                    penilai_u,
                    f"Predikat: {ev.get_predikat_display()}",
                )
            )
        if ev.status == "final":
            jalan.append(("dinilai", "final", penilai_u, "Finalisasi unit"))
        log += [TransisiStatus(content_type=ct, object_id=ev.pk, wilayah=wilayah, dari=d, ke=k,
                               oleh=o, catatan=c) for d, k, o, c in jalan]  # fmt: skip
    RealisasiIndikator.objects.bulk_create(realisasi, batch_size=1000, ignore_conflicts=True)
    BuktiDukung.objects.bulk_create(bukti, batch_size=1000)
    rhk_pertama = {}
    for i in indikator.values():
        for x in i:
            rhk_pertama.setdefault(x.rhk.skp_id, x.rhk)
    for ev in baru:
        if ev.status in ("dinilai", "final") and ev.skp_id in rhk_pertama:
            ub.append(UmpanBalikHasil(evaluasi=ev, rhk=rhk_pertama[ev.skp_id],
                                      teks="Hasil kerja tercapai; lengkapi bukti dukung tiap kegiatan."))  # fmt: skip
    UmpanBalikHasil.objects.bulk_create(ub, batch_size=1000, ignore_conflicts=True)
    TransisiStatus.objects.bulk_create(log, batch_size=1000)


def _lainnya(ctx: DemoContext, wilayah: Any, periode: PeriodeKinerja, skps: list[SKP],
             demo_pegawai: Any) -> None:  # fmt: skip
    final = list(
        EvaluasiPeriodik.objects.filter(skp__periode_kinerja=periode, status="final")
        .select_related("skp__pegawai", "periode_penilaian")
        .order_by("-periode_penilaian__nomor", "pk")[:40]
    )
    # Objections: one open (for atasan_<w> to decide when possible), one decided.
    sudah = Keberatan.objects.filter(evaluasi__skp__periode_kinerja=periode).exists()
    if len(final) >= 2 and not sudah:
        ev_buka, ev_putus = final[0], final[1]
        Keberatan.objects.create(
            evaluasi=ev_buka, status="diajukan",
            alasan="Realisasi laporan bulan ini melebihi target; mohon rating hasil kerja ditinjau kembali.",
        )  # fmt: skip
        Keberatan.objects.create(
            evaluasi=ev_putus, status="ditolak", keputusan="Penilaian sudah sesuai bukti dukung.",
            diputus_oleh=ev_putus.skp.atasan_pejabat_penilai,
            diputus_pada=_aware(max(ctx.hari_ini - dt.timedelta(days=3),
                                    ev_putus.final_pada.date() + dt.timedelta(days=1))),
            alasan="Mohon predikat ditinjau karena beban kerja tambahan.",
        )  # fmt: skip
    # A coaching plan for the first employee rated Butuh Perbaikan.
    bp = next(
        (e for e in EvaluasiPeriodik.objects.filter(skp__periode_kinerja=periode, status="final",
                                                     predikat="butuh_perbaikan")
         .select_related("skp__pegawai", "skp__pejabat_penilai").order_by("pk")[:1]),
        None,
    )  # fmt: skip
    if bp is not None and not RencanaPembinaan.objects.filter(periode_kinerja=periode).exists():
        upsert(
            RencanaPembinaan,
            {"periode_kinerja": periode, "target_waktu": ctx.hari_ini + dt.timedelta(days=60),
             "status": "berjalan", "dibuat_oleh": bp.skp.pejabat_penilai},
            pegawai=bp.skp.pegawai, evaluasi=bp,
            rencana="Pendampingan mentor dua kali sebulan dan bimbingan teknis penyusunan laporan.",
        )  # fmt: skip
    # The demo employee's annual evaluation, pre-filled from the periodic predikat.
    skp_demo = next((s for s in skps if demo_pegawai and s.pegawai_id == demo_pegawai.pk), None)
    skp_demo = skp_demo or skps[0]
    usulan = predikat_tahunan_usulan(
        list(
            EvaluasiPeriodik.objects.filter(skp=skp_demo, status__in=["dinilai", "final"])
            .order_by("periode_penilaian__nomor")
            .values_list("predikat", flat=True)
        )
    )
    if not EvaluasiTahunan.objects.filter(skp=skp_demo).exists():
        EvaluasiTahunan.objects.create(
            skp=skp_demo, predikat_usulan=usulan.value if usulan else None
        )
