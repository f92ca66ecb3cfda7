"""One definition of "hadir" (pegawai.choices.STATUS_HADIR): the period recap and the unit
attendance PDF count the same days as present, dinas luar included, and the same late days."""

from __future__ import annotations

import datetime as dt

import pytest

from kinerja.laporan.models import RekapPegawai
from kinerja.laporan.selectors_pdf import kehadiran_unit_bulan
from kinerja.laporan.services.rekap import rekap_hitung
from pegawai.choices import STATUS_HADIR, StatusKehadiran
from pegawai.models import Kehadiran

pytestmark = pytest.mark.django_db


def test_rekap_dan_pdf_kehadiran_memakai_definisi_hadir_yang_sama(org_a, kinerja_a):
    pegawai = org_a.staf2
    for i, status in enumerate(StatusKehadiran):
        Kehadiran.objects.create(pegawai=pegawai, tanggal=dt.date(2026, 1, 12 + i), status=status)
    rekap_hitung(periode_penilaian=kinerja_a.jan)

    baris = RekapPegawai.objects.get(periode_penilaian=kinerja_a.jan, pegawai=pegawai)
    assert baris.hari_tercatat == len(StatusKehadiran)
    assert baris.hari_hadir == len(STATUS_HADIR) == 4
    assert StatusKehadiran.DINAS_LUAR in STATUS_HADIR
    assert StatusKehadiran.CUTI not in STATUS_HADIR

    qs, _awal, _akhir = kehadiran_unit_bulan(pegawai.unit, dt.date(2026, 1, 1))
    di_pdf = next(p for p in qs if p.pk == pegawai.pk)
    assert di_pdf.tercatat == baris.hari_tercatat
    assert di_pdf.hadir == baris.hari_hadir
    # Late: the two copies disagreed on a day marked late without minutes; the recap's rule
    # (marked late OR minutes recorded) is the one kept.
    assert baris.hari_terlambat == 1
    assert di_pdf.terlambat == baris.hari_terlambat
