"""Talent fixtures: the 2026 annual evaluation and potential of wilayah A's employees."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kinerja.models import EvaluasiTahunan
from kinerja.talenta import services
from tests.factories import PegawaiFactory
from tests.kinerja.factories import PeriodeKinerjaFactory, SKPFactory

TAHUN = 2026
SEKARANG = dt.datetime(2026, 12, 1, 2, 0, tzinfo=dt.UTC)
RATING = {
    "sangat_baik": ("di_atas", "di_atas"),
    "baik": ("sesuai", "sesuai"),
    "butuh_perbaikan": ("di_bawah", "sesuai"),
    "kurang": ("sesuai", "di_bawah"),
    "sangat_kurang": ("di_bawah", "di_bawah"),
}
SKOR = {"rendah": Decimal(40), "menengah": Decimal(65), "tinggi": Decimal(90)}


def evaluasi_tahunan(pegawai, predikat: str, *, tahun: int = TAHUN, status: str = "final"):
    periode = PeriodeKinerjaFactory(wilayah=pegawai.wilayah, tahun=tahun, jendela=False)
    skp = SKPFactory(pegawai=pegawai, status="disetujui", periode_kinerja=periode)
    hasil, perilaku = RATING[predikat]
    return EvaluasiTahunan.objects.create(
        skp=skp, status=status, rating_hasil=hasil, rating_perilaku=perilaku, predikat=predikat,
        diajukan_pada=SEKARANG, dinilai_pada=SEKARANG,
        final_pada=SEKARANG if status == "final" else None,
    )  # fmt: skip


def potensi(pegawai, level: str, *, tanggal=dt.date(TAHUN, 6, 1)):
    return services.hasil_potensi_catat(
        actor=None, pegawai=pegawai, sumber="assessment_center", tanggal=tanggal,
        skor=SKOR[level], level=level,
    )  # fmt: skip


def pegawai_kotak(org, predikat: str | None, level: str | None, *, nama: str, unit=None):
    from tests.factories import JabatanFactory

    jab = JabatanFactory(unit=unit or org.bidang, nama=f"Jabatan {nama}")
    p = PegawaiFactory(jabatan=jab, nama=nama)
    if predikat:
        evaluasi_tahunan(p, predikat)
    if level:
        potensi(p, level)
    return p


@pytest.fixture
def sembilan(org_a):
    """One employee in each of the 9 boxes of wilayah A (plus the fixture's 6 without data)."""
    hasil = {}
    for lv in ("rendah", "menengah", "tinggi"):
        for pred in ("butuh_perbaikan", "baik", "sangat_baik"):
            p = pegawai_kotak(org_a, pred, lv, nama=f"P {lv} {pred}")
            hasil[(lv, pred)] = p
    return hasil
