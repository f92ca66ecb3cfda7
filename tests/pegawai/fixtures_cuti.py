"""Fixtures of the leave/attendance tests (imported by tests/pegawai/test_cuti*.py,
test_kehadiran*.py, test_disiplin*.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pegawai.cuti.services.cuti import cuti_ajukan, cuti_putuskan, cuti_rekomendasikan
from pegawai.models import Cuti, HariLibur

PDF_KECIL = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def senin_depan(minggu: int = 1) -> dt.date:
    """The Monday `minggu` weeks ahead of today (always in the future, a working week)."""
    hari_ini = timezone.localdate()
    return hari_ini + dt.timedelta(days=7 * minggu - hari_ini.weekday())


def surat_dokter(nama: str = "surat-dokter.pdf", isi: bytes = PDF_KECIL) -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


def ajukan(user, mulai: dt.date, hari: int = 1, jenis: str = Cuti.Jenis.TAHUNAN, **kw) -> Cuti:
    """Submits a request of `hari` calendar days starting `mulai` through the service."""
    return cuti_ajukan(
        actor=user,
        jenis=jenis,
        tanggal_mulai=mulai,
        tanggal_selesai=mulai + dt.timedelta(days=hari - 1),
        alasan=kw.pop("alasan", "Keperluan keluarga"),
        **kw,
    )


def libur(wilayah, tanggal: dt.date, nama: str = "Libur uji") -> HariLibur:
    return HariLibur.objects.create(
        wilayah=wilayah, tanggal=tanggal, nama=nama, jenis=HariLibur.Jenis.NASIONAL
    )


@pytest.fixture
def cuti_disetujui(org_a):
    """An approved 3-day annual leave of org_a.staf (recommended by kabid, approved by HR)."""
    c = ajukan(org_a.user_staf, senin_depan(2), hari=3)
    cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True)
    return cuti_putuskan(actor=org_a.user_hr, cuti=c, setujui=True)


@pytest.fixture
def cuti_b(org_b):
    """A pending request in the other wilayah."""
    return ajukan(org_b.user_staf, senin_depan(2), hari=2)
