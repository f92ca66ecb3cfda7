"""A small, hand-computable performance situation in wilayah A (and a different one in B).

Wilayah A, window "Januari 2026" (nomor 1):
  root   sekda       no SKP
  bidang kabid       SKP disetujui, evaluation realisasi_diajukan (waits on the sekda)
         staf        SKP disetujui, evaluation final, Baik, 2 indicators / 1 realised,
                     2 daily logs, attendance: hadir, terlambat 10 min, alpa
         staf2       SKP disetujui, evaluation dinilai, Butuh Perbaikan
  seksi  kasi        SKP disetujui, evaluation belum_diisi
         staf_seksi  SKP diajukan (waits on the kasi), no evaluation
  PredikatUnit bidang = Baik for window 1 (curve: 1 Baik, 1 BP, 1 unrated -> violated).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
import time_machine

from kinerja.models import LogHarian, PredikatUnit, RealisasiIndikator
from pegawai.models import Kehadiran
from tests.kinerja.factories import (
    EkspektasiFactory,
    EvaluasiPeriodikFactory,
    IndikatorFactory,
    PeriodeKinerjaFactory,
    RHKFactory,
    SKPFactory,
)

SEKARANG = dt.datetime(2026, 2, 3, 3, 0, tzinfo=dt.UTC)


def _evaluasi(skp, periode, status, hasil=None, perilaku=None, predikat=None):
    return EvaluasiPeriodikFactory(
        skp=skp,
        periode_penilaian=periode,
        status=status,
        rating_hasil=hasil,
        rating_perilaku=perilaku,
        predikat=predikat,
        diajukan_pada=SEKARANG - dt.timedelta(days=10) if status != "belum_diisi" else None,
        dinilai_pada=SEKARANG if status in ("dinilai", "final") else None,
        final_pada=SEKARANG if status == "final" else None,
    )


def buat_kinerja(org) -> SimpleNamespace:
    pk = PeriodeKinerjaFactory(wilayah=org.wilayah, tahun=2026)
    jan = pk.periode_penilaian.get(nomor=1)
    feb = pk.periode_penilaian.get(nomor=2)
    disetujui = {"status": "disetujui", "periode_kinerja": pk}
    skp_sekda_tidak_ada = None
    skp_kabid = SKPFactory(pegawai=org.kabid, **disetujui)
    skp_staf = SKPFactory(
        pegawai=org.staf,
        dukungan_sumber_daya="Laptop dan akses aplikasi",
        snapshot={},
        **disetujui,
    )
    skp_staf.snapshot = skp_staf.buat_snapshot()
    skp_staf.save(update_fields=["snapshot"])
    skp_staf2 = SKPFactory(pegawai=org.staf2, **disetujui)
    skp_kasi = SKPFactory(pegawai=org.kasi, **disetujui)
    skp_staf_seksi = SKPFactory(pegawai=org.staf_seksi, status="diajukan", periode_kinerja=pk)
    rhk_kabid = RHKFactory(skp=skp_kabid, teks=f"Terselenggaranya layanan umum {org.wilayah.nama}")
    rhk = RHKFactory(
        skp=skp_staf, teks=f"Tersusunnya laporan keuangan {org.wilayah.nama}", rhk_atasan=rhk_kabid
    )
    i1 = IndikatorFactory(rhk=rhk, teks="Jumlah laporan yang tersusun", target_nilai=12)
    IndikatorFactory(rhk=rhk, aspek="waktu", teks="Ketepatan waktu penyusunan", target_nilai=None,
                     target_satuan="", target_kualitatif="Tepat waktu setiap bulan")  # fmt: skip
    EkspektasiFactory(skp=skp_staf, perilaku="akuntabel", ekspektasi="Jujur dan bertanggung jawab")
    ev_staf = _evaluasi(skp_staf, jan, "final", "sesuai", "sesuai", "baik")
    RealisasiIndikator.objects.create(
        evaluasi=ev_staf, indikator=i1, nilai=1, narasi="Laporan Januari"
    )
    _evaluasi(skp_staf2, jan, "dinilai", "di_bawah", "sesuai", "butuh_perbaikan")
    _evaluasi(skp_kabid, jan, "realisasi_diajukan")
    _evaluasi(skp_kasi, jan, "belum_diisi")
    PredikatUnit.objects.create(unit=org.bidang, periode_kinerja=pk, periode_penilaian=jan,
                                predikat="baik")  # fmt: skip
    for tanggal, status, telat in [
        (dt.date(2026, 1, 5), "hadir", 0),
        (dt.date(2026, 1, 6), "terlambat", 10),
        (dt.date(2026, 1, 7), "alpa", 0),
        (dt.date(2026, 2, 2), "hadir", 0),  # another window: not counted in January
    ]:
        Kehadiran.objects.create(pegawai=org.staf, tanggal=tanggal, status=status,
                                 menit_terlambat=telat)  # fmt: skip
    for hari in (5, 6):
        LogHarian.objects.create(pegawai=org.staf, wilayah=org.wilayah,
                                 tanggal=dt.date(2026, 1, hari), kegiatan="Menyusun laporan")  # fmt: skip
    return SimpleNamespace(
        pk=pk, jan=jan, feb=feb, skp_staf=skp_staf, skp_kabid=skp_kabid, ev_staf=ev_staf,
        skp_staf_seksi=skp_staf_seksi, tidak_ada=skp_sekda_tidak_ada,
    )  # fmt: skip


@pytest.fixture
def kinerja_a(org_a):
    return buat_kinerja(org_a)


@pytest.fixture
def kinerja_b(org_b):
    return buat_kinerja(org_b)


@pytest.fixture
def hari_ini_februari():
    """'Today' is 3 February 2026 (the clock travels there): January and February have
    started."""
    with time_machine.travel(dt.datetime(2026, 2, 3, 10, 0, tzinfo=dt.UTC), tick=True):
        yield dt.date(2026, 2, 3)
