"""NIP validation (DOMAIN.md section 4): valid, and each kind of invalid."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from pegawai.validators import buat_nip, urai_nip_pns, validasi_nip

SAH = "198503122010011002"  # born 12-03-1985, TMT CPNS 01/2010, male, no. 002


def test_nip_sah_diurai():
    d = urai_nip_pns(SAH)
    assert d.tanggal_lahir == dt.date(1985, 3, 12)
    assert d.tmt_cpns == dt.date(2010, 1, 1)
    assert d.jenis_kelamin == "L" and d.nomor_urut == 2
    validasi_nip(SAH, tanggal_lahir=dt.date(1985, 3, 12), jenis_kelamin="L")


def test_buat_nip_bolak_balik():
    nip = buat_nip(dt.date(1990, 2, 28), dt.date(2015, 3, 1), "P", 17)
    assert nip == "199002282015032017"
    assert urai_nip_pns(nip).jenis_kelamin == "P"


@pytest.mark.parametrize(
    ("nip", "kode"),
    [
        ("", "nip_kosong"),
        ("19850312201001100", "nip_panjang"),  # 17 digits
        ("1985031220100110021", "nip_panjang"),  # 19 digits
        ("19850312201001100A", "nip_bukan_angka"),
        ("198502302010011002", "nip_tanggal_lahir"),  # 30 February
        ("198513122010011002", "nip_tanggal_lahir"),  # month 13
        ("198503122010131002", "nip_bulan_tmt"),  # TMT month 13
        ("198503122010001002", "nip_bulan_tmt"),  # TMT month 00
        ("198503122002011002", "nip_tmt_umur"),  # CPNS at 16
        ("198503122010013002", "nip_jenis_kelamin"),  # gender digit 3
        ("198503122010011000", "nip_urut"),  # sequence 000
    ],
)
def test_nip_tidak_sah(nip, kode):
    with pytest.raises(ValidationError) as exc:
        validasi_nip(nip)
    assert exc.value.code == kode
    assert exc.value.messages[0]  # a message the user can act on


def test_nip_harus_sesuai_data_pegawai():
    with pytest.raises(ValidationError, match="Tanggal lahir pada NIP"):
        validasi_nip(SAH, tanggal_lahir=dt.date(1985, 3, 13))
    with pytest.raises(ValidationError, match="jenis kelamin"):
        validasi_nip(SAH, jenis_kelamin="P")


def test_nip_pppk_hanya_panjang_dan_angka():
    validasi_nip("202104012345678901", pppk=True)
    with pytest.raises(ValidationError):
        validasi_nip("20210401234567890", pppk=True)
    with pytest.raises(ValidationError):
        validasi_nip("2021040123456789O1", pppk=True)


@pytest.mark.parametrize(
    ("nip", "sah"),
    [
        ("198609262004091001", False),  # TMT 09/2004, 18 on 26-09-2004: 17 years 11 months
        ("198609262004101001", True),  # TMT 10/2004: after the 18th birthday
        ("198609012004091001", True),  # born on the 1st: 18 exactly on the TMT day
        ("198609022004091001", False),  # one day short
        ("200002292018031001", True),  # born 29 February: 18 on 28-02-2018
        ("200002292018021001", False),
    ],
)
def test_nip_tmt_pada_atau_setelah_umur_18(nip, sah):
    if sah:
        validasi_nip(nip)
        return
    with pytest.raises(ValidationError) as exc:
        validasi_nip(nip)
    assert exc.value.code == "nip_tmt_umur"
    assert "18 tahun" in exc.value.messages[0]
