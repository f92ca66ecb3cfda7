"""Demo step of the talent app (after kinerja.tpp.demo; registered in asn_kinerja.demo.LANGKAH).

Per wilayah, for the 9-box year of `ctx.hari_ini` (`rules.tahun_bawaan`): up to 36 employees
with an approved SKP of that year get a FINAL annual evaluation (the demo employee's own
annual evaluation is left to the evaluation demo) and a potential result, spread so that
all nine boxes are filled; up to three key positions (JPT/Administrator) with candidates
from the pool (the last one without a "siap sekarang" candidate: the risk flag); and the
year's calibration in draf.

Idempotent: evaluations, results, positions and candidates are created only when missing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from asn_kinerja.demo import DemoContext, upsert
from kinerja.models import SKP, EvaluasiTahunan
from organisasi.models import GRUP_ADMIN_KEPEGAWAIAN, Jabatan, Pengguna, Wilayah

from . import rules, services
from .models import HasilPotensi, ImporPotensi, KandidatSuksesi, PosisiKunci

JUMLAH = 36
#: predikat -> the two ratings that give it through the matrix
RATING = {
    "sangat_baik": ("di_atas", "di_atas"),
    "baik": ("sesuai", "sesuai"),
    "butuh_perbaikan": ("di_bawah", "sesuai"),
}
PREDIKAT = ("butuh_perbaikan", "baik", "sangat_baik")
SKOR = {rules.RENDAH: Decimal(45), rules.MENENGAH: Decimal(70), rules.TINGGI: Decimal(88)}


def seed(ctx: DemoContext) -> None:
    semua = ctx.data.get("wilayah") or {w.kode: w for w in Wilayah.objects.all()}
    for kode, wilayah in sorted(semua.items()):
        hari = ctx.untuk(wilayah).hari_ini if hasattr(ctx, "untuk") else ctx.hari_ini
        tahun = rules.tahun_bawaan(hari)
        hr = (
            Pengguna.objects.filter(wilayah=wilayah, groups__name=GRUP_ADMIN_KEPEGAWAIAN)
            .order_by("pk")
            .first()
        )
        services.pengaturan_untuk(wilayah)
        demo_pegawai = getattr(
            Pengguna.objects.filter(username=f"pegawai_{kode}").first(), "pegawai", None
        )
        skps = list(
            SKP.objects.filter(wilayah=wilayah, periode_kinerja__tahun=tahun, status="disetujui")
            .exclude(pegawai=demo_pegawai)
            .select_related("pegawai")
            .order_by("pegawai__nip")[:JUMLAH]
        )
        sekarang = timezone.now()
        for i, skp in enumerate(skps):
            predikat = PREDIKAT[i % 3]
            level = (rules.RENDAH, rules.MENENGAH, rules.TINGGI)[(i // 3) % 3]
            if not EvaluasiTahunan.objects.filter(skp=skp).exists():
                hasil, perilaku = RATING[predikat]
                EvaluasiTahunan.objects.create(
                    skp=skp, status="final", rating_hasil=hasil, rating_perilaku=perilaku,
                    predikat=predikat, predikat_usulan=predikat, diajukan_pada=sekarang,
                    dinilai_pada=sekarang, final_pada=sekarang,
                )  # fmt: skip
            if not HasilPotensi.objects.filter(pegawai=skp.pegawai).exists():
                services.hasil_potensi_catat(
                    actor=None, pegawai=skp.pegawai, sumber=HasilPotensi.Sumber.ASSESSMENT_CENTER,
                    tanggal=dt.date(tahun, 6, 30), skor=SKOR[level], level=level,
                )  # fmt: skip
        _impor_contoh(wilayah, kode, hr, [skp.pegawai for skp in skps[:3]], tahun)
        services.kalibrasi_buat(actor=None, wilayah=wilayah, tahun=tahun)
        jabatan = list(
            Jabatan.objects.filter(
                wilayah=wilayah, jenis__in=services.JENIS_KUNCI, aktif=True
            ).order_by("jenis", "pk")[:3]
        )
        from .selectors import pool

        kandidat = (
            list(pool(actor=hr, tahun=tahun, wilayah_id=wilayah.pk).order_by("nip")[:6])
            if hr
            else []
        )
        for n, j in enumerate(jabatan):
            posisi = services.posisi_kunci_tandai(actor=hr, jabatan=j)
            if posisi.kandidat_set.exists() or n == len(jabatan) - 1:
                continue
            siap = (KandidatSuksesi.Kesiapan.SIAP_SEKARANG, KandidatSuksesi.Kesiapan.SATU_DUA_TAHUN)
            for p, kesiapan in zip(kandidat[2 * n : 2 * n + 2], siap, strict=False):
                if p.jabatan_id != j.pk:
                    services.kandidat_tambah(
                        actor=hr, posisi=posisi, pegawai=p, kesiapan=kesiapan, tahun=tahun
                    )
        ctx.log(f"  talenta {kode}: {len(skps)} pegawai 9-box {tahun}, {len(jabatan)} posisi kunci, "
                f"{PosisiKunci.objects.filter(wilayah=wilayah).count()} tercatat")  # fmt: skip


def _impor_contoh(wilayah, kode: str, hr, pegawai: list, tahun: int) -> None:
    """The log of one finished Excel import of potential results (its rows as the preview
    stored them), so the import pages have something to show."""
    baris = []
    for i, p in enumerate(pegawai):
        h = HasilPotensi.objects.filter(pegawai=p).order_by("-tanggal", "-pk").first()
        if h is None:
            continue
        baris.append({
            "no": i + 2, "galat": [], "sel_galat": [],
            "mentah": {"NIP": p.nip, "SUMBER": h.get_sumber_display(), "TANGGAL": f"{h.tanggal:%d-%m-%Y}",
                       "SKOR": str(h.skor), "LEVEL": "", "CATATAN": ""},
            "data": {"pegawai_id": p.pk, "nama": p.nama_lengkap, "sumber": h.sumber,
                     "tanggal": h.tanggal.isoformat(), "skor": str(h.skor), "level": h.level,
                     "level_otomatis": True, "catatan": ""},
        })  # fmt: skip
    upsert(
        ImporPotensi,
        {"status": ImporPotensi.Status.DIIMPOR, "jumlah_baris": len(baris), "jumlah_galat": 0,
         "jumlah_dibuat": len(baris), "diunggah_oleh": hr, "baris": baris},
        wilayah=wilayah, nama_file=f"hasil-asesmen-{kode}-{tahun}.xlsx",
    )  # fmt: skip
