"""Development fixtures: programmes, competencies and requirements in wilayah A (and B)."""

from __future__ import annotations

import datetime as dt

import pytest

from organisasi.models import KebutuhanKompetensi, Kompetensi
from pegawai.models import KompetensiPegawai
from pegawai.pengembangan.models import ProgramPengembangan


def buat_program(wilayah, **kw) -> ProgramPengembangan:
    n = ProgramPengembangan.objects.count()
    data = {
        "judul": f"Program Uji {n}",
        "jenis": "pelatihan",
        "jam_pelajaran": 16,
        "tanggal_mulai": dt.date(2026, 12, 7),
        "tanggal_selesai": dt.date(2026, 12, 9),
        "kuota": 10,
        "penyelenggara": "BPSDM",
        "terbuka": True,
    }
    data.update(kw)
    return ProgramPengembangan.objects.create(wilayah=wilayah, **data)


@pytest.fixture
def kompetensi(db):
    return [
        Kompetensi.objects.create(kode=f"K{i}", nama=f"Kompetensi {i}", jenis="teknis")
        for i in range(3)
    ]


@pytest.fixture
def standar(org_a, kompetensi):
    """The staff position requires K0 level 3, K1 level 2, K2 level 1; staf holds K0 at 1 and
    K2 at 4 (gaps: K0 = 2, K1 = 2, K2 none)."""
    for k, level in zip(kompetensi, (3, 2, 1), strict=True):
        KebutuhanKompetensi.objects.create(jabatan=org_a.j_staf, kompetensi=k, level=level)
    KompetensiPegawai.objects.create(pegawai=org_a.staf, kompetensi=kompetensi[0], level=1)
    KompetensiPegawai.objects.create(pegawai=org_a.staf, kompetensi=kompetensi[2], level=4)
    return kompetensi
