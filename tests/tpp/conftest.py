"""TPP fixtures: November 2026 (21 working days, 2 to 30 November; no holidays in the test
database), one employee per case in wilayah A, each with exactly the data of the case."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
import time_machine

from kinerja.tpp import services
from pegawai.cuti.selectors import hari_kerja
from pegawai.models import Cuti, HukumanDisiplin, Kehadiran, RiwayatJabatan
from tests.factories import JabatanFactory, PegawaiFactory
from tests.kinerja.factories import EvaluasiPeriodikFactory, PeriodeKinerjaFactory, SKPFactory

TAHUN, BULAN = 2026, 11
SEKARANG = dt.datetime(2026, 12, 2, 2, 0, tzinfo=dt.UTC)

RATING = {
    "sangat_baik": ("di_atas", "di_atas"),
    "baik": ("sesuai", "sesuai"),
    "butuh_perbaikan": ("di_bawah", "sesuai"),
    "kurang": ("sesuai", "di_bawah"),
    "sangat_kurang": ("di_bawah", "di_bawah"),
}


@pytest.fixture(autouse=True)
def _jam_tetap():
    with time_machine.travel(SEKARANG, tick=False):
        yield


def hari_november(wilayah) -> list[dt.date]:
    return hari_kerja(wilayah, dt.date(TAHUN, BULAN, 1), dt.date(TAHUN, BULAN, 30))


def _waktu(tanggal: dt.date, jam: int, menit: int = 0) -> dt.datetime:
    return dt.datetime(tanggal.year, tanggal.month, tanggal.day, jam, menit, tzinfo=dt.UTC)


def buat_kasus(org, periode, *, nama: str, kelas: int | None = 7, predikat: str | None = "baik",
               hari: list[tuple] | None = None, lengkap: bool = True, status_aktif: str = "aktif",
               sanksi: tuple | None = None, cuti: str | None = None, unit=None):  # fmt: skip
    """One employee. `hari`: special days in order, e.g. ("terlambat", 31), ("pulang_cepat",
    15), ("tanpa_pulang",), ("tanpa_masuk",), ("alpa",), ("izin",), ("sakit",), ("cuti",),
    ("dinas_luar",); the other working days are plain `hadir` when `lengkap`."""
    jab = JabatanFactory(unit=unit or org.bidang, nama=f"Jabatan {nama}", kelas_jabatan=kelas)
    p = PegawaiFactory(jabatan=jab, nama=nama, status_aktif=status_aktif)
    if predikat is not None:
        skp = SKPFactory(pegawai=p, status="disetujui", periode_kinerja=periode)
        hasil, perilaku = RATING[predikat]
        EvaluasiPeriodikFactory(
            skp=skp, periode_penilaian=periode.periode_penilaian.get(nomor=BULAN),
            status="final", rating_hasil=hasil, rating_perilaku=perilaku, predikat=predikat,
            diajukan_pada=SEKARANG, dinilai_pada=SEKARANG, final_pada=SEKARANG,
        )  # fmt: skip
    hari_list = hari_november(org.wilayah)
    khusus = list(hari or [])
    baris = []
    for i, tanggal in enumerate(hari_list):
        spec = khusus[i] if i < len(khusus) else None
        if spec is None and not lengkap:
            break
        jenis = spec[0] if spec else "hadir"
        masuk, pulang = _waktu(tanggal, 0), _waktu(tanggal, 9)
        k = Kehadiran(pegawai=p, tanggal=tanggal, status=jenis, jam_masuk=masuk, jam_pulang=pulang)
        if jenis == "terlambat":
            k.menit_terlambat = spec[1]
        elif jenis == "pulang_cepat":
            k.menit_pulang_cepat = spec[1]
        elif jenis == "tanpa_pulang":
            k.status, k.jam_pulang = "hadir", None
        elif jenis == "tanpa_masuk":
            k.status, k.jam_masuk = "hadir", None
        elif jenis != "hadir":
            k.jam_masuk = k.jam_pulang = None
        baris.append(k)
    Kehadiran.objects.bulk_create(baris)
    if sanksi:
        tingkat, jenis_h, mulai, selesai = sanksi
        HukumanDisiplin.objects.create(pegawai=p, tingkat=tingkat, jenis=jenis_h,
                                       tanggal_mulai=mulai, tanggal_selesai=selesai,
                                       nomor_sk=f"SK/{nama}")  # fmt: skip
    if cuti:
        Cuti.objects.create(pegawai=p, jenis=cuti, tanggal_mulai=dt.date(2026, 11, 20),
                            tanggal_selesai=dt.date(2027, 1, 20), alasan="Uji",
                            status="disetujui")  # fmt: skip
    return p


@pytest.fixture
def periode_a(org_a):
    return PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=TAHUN)


@pytest.fixture
def bulan_a(org_a):
    return services.bulan_buat(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=TAHUN, bulan=BULAN)


@pytest.fixture
def bulan_b(org_b):
    return services.bulan_buat(actor=org_b.user_hr, wilayah=org_b.wilayah, tahun=TAHUN, bulan=BULAN)


@pytest.fixture
def tpp_a(org_a, periode_a, bulan_a):
    """A computed month in wilayah A: the org's six employees (no attendance, no
    evaluation) plus two case employees."""
    baik = buat_kasus(org_a, periode_a, nama="Ani Baik", hari=[("terlambat", 45)] * 3)
    sedang = buat_kasus(org_a, periode_a, nama="Budi Sanksi", unit=org_a.seksi,
                        sanksi=("sedang", "tpp_6", dt.date(2026, 10, 1), None))  # fmt: skip
    services.tpp_hitung(bulan=bulan_a, actor=org_a.user_hr)
    bulan_a.refresh_from_db()
    return SimpleNamespace(bulan=bulan_a, baik=baik, sedang=sedang)


def riwayat_jabatan(pegawai, jabatan, tmt):
    return RiwayatJabatan.objects.create(
        pegawai=pegawai, jabatan=jabatan, unit=jabatan.unit, nama_jabatan=jabatan.nama,
        nama_unit=jabatan.unit.nama, tmt=tmt,
    )  # fmt: skip
