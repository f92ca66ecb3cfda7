"""Hostile spreadsheets (issue 19 item 4). A 5 KB .xlsx whose sheet declares
`A1:XFD1048576` made the employee import pad every row to 16,384 columns: 460 MB peak
(tracemalloc) and 8 s for a gap of 3,500 rows before the fix. Now every reader is bounded
in rows and columns and stops at its limit with a clear message."""

from __future__ import annotations

import io
import re
import time
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from pegawai import impor
from pegawai.cuti.services import impor_kehadiran as cuti_services
from pegawai.models import ImporKehadiran, ImporPegawai, Pegawai
from tests.pegawai.test_impor import JUDUL, _baris

pytestmark = pytest.mark.django_db

BATAS_MB = 15


def _xlsx_bom(org, *, baris_jauh: int = 3500, dimensi: str = "A1:XFD1048576") -> bytes:
    """A normal sheet (header, one valid row, one cell far below) whose declared dimension
    is rewritten in the zip to `dimensi`."""
    wb = Workbook()
    ws = wb.active
    ws.append(JUDUL)
    ws.append(_baris(org, 1))
    ws.cell(row=baris_jauh, column=1, value="x")
    buf = io.BytesIO()
    wb.save(buf)
    asal = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    keluar = io.BytesIO()
    with zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z:
        for item in asal.infolist():
            data = asal.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb'<dimension ref="[^"]*" ?/>',
                                  f'<dimension ref="{dimensi}"/>'.encode(), data)  # fmt: skip
                assert n == 1
            z.writestr(item, data)
    return keluar.getvalue()


def _puncak(fn):
    """(result or exception, peak MB, seconds) of fn()."""
    tracemalloc.start()
    t = time.perf_counter()
    try:
        hasil = fn()
    except ValidationError as e:
        hasil = e
    finally:
        _cur, puncak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return hasil, puncak / 1e6, time.perf_counter() - t


def test_bom_dimensi_memori_kecil(org_a):
    isi = _xlsx_bom(org_a)
    assert len(isi) < 10_000
    hasil, mb, detik = _puncak(lambda: impor.baca_berkas(SimpleUploadedFile("b.xlsx", isi)))
    assert mb < BATAS_MB, f"puncak {mb:.1f} MB"
    assert detik < 5
    assert [b["NIP"] for b in hasil] == [_baris(org_a, 1)[0], "x"]
    assert max(len(b) for b in hasil) <= impor.MAKS_KOLOM


def test_bom_baris_terakhir_excel_tidak_dibaca(org_a):
    isi = _xlsx_bom(org_a, baris_jauh=1_048_576)
    hasil, mb, detik = _puncak(lambda: impor.baca_berkas(SimpleUploadedFile("b.xlsx", isi)))
    assert mb < BATAS_MB and detik < 5
    assert len(hasil) == 1  # rows past MAKS_BARIS_FISIK + 1 are never parsed


def test_data_terlalu_jauh_di_bawah_ditolak(org_a):
    isi = _xlsx_bom(org_a, baris_jauh=impor.MAKS_BARIS_FISIK + 1)
    with pytest.raises(ValidationError, match="terlalu jauh di bawah"):
        impor.baca_berkas(SimpleUploadedFile("b.xlsx", isi))


def test_terlalu_banyak_baris_berhenti_di_batas(org_a, monkeypatch):
    monkeypatch.setattr(impor, "MAKS_BARIS", 3)
    wb = Workbook()
    ws = wb.active
    ws.append(JUDUL)
    for n in range(1, 6):
        ws.append(_baris(org_a, n))
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(ValidationError, match="Paling banyak 3 baris"):
        impor.baca_berkas(SimpleUploadedFile("b.xlsx", buf.getvalue()))
    teks = "\n".join(
        ";".join(str(x) for x in r) for r in [JUDUL] + [_baris(org_a, n) for n in range(1, 6)]
    )
    with pytest.raises(ValidationError, match="Paling banyak 3 baris"):
        impor.baca_berkas(SimpleUploadedFile("b.csv", teks.encode()))


def test_csv_bom_baris_kosong_dan_nul(org_a):
    """CSV memory follows the upload's size (at most 5 MB: the bytes, the text and csv's
    buffer), never a declared size."""
    kepala = ";".join(JUDUL).encode()
    isi = kepala + b"\n" * (4 * 1024 * 1024)
    hasil, mb, detik = _puncak(lambda: impor.baca_berkas(SimpleUploadedFile("b.csv", isi)))
    assert isinstance(hasil, ValidationError) and "tidak berisi baris data" in str(hasil)
    assert mb < 40 and detik < 5, f"puncak {mb:.1f} MB"
    lebar = kepala + b"\n" + b";" * 1_000_000 + b"x\n"
    hasil, mb, _d = _puncak(lambda: impor.baca_berkas(SimpleUploadedFile("b.csv", lebar)))
    assert mb < 60  # one row of a million fields is csv's own allocation, then cut
    assert max(len(b) for b in hasil) <= impor.MAKS_KOLOM
    hasil = impor.baca_berkas(SimpleUploadedFile("b.csv", kepala + b"\n1\x002;Ba\x00di\n"))
    assert hasil[0]["NIP"] == "12" and hasil[0]["NAMA"] == "Badi"


def test_bom_lewat_halaman_impor_pesan_jelas(org_a, client_as):
    c = client_as(org_a.user_hr)
    isi = _xlsx_bom(org_a, baris_jauh=impor.MAKS_BARIS_FISIK + 1)
    r = c.post(reverse("pegawai:impor_list"), {"berkas": SimpleUploadedFile("b.xlsx", isi)})
    assert r.status_code == 400
    assert "terlalu jauh di bawah" in r.content.decode()
    assert (
        not ImporPegawai.objects.exists()
        and not Pegawai.objects.filter(nama__startswith="Pegawai Impor").exists()
    )


def test_impor_kehadiran_dibatasi(org_a, monkeypatch):
    monkeypatch.setattr(cuti_services, "MAKS_BARIS_PRESENSI", 3)
    data = "".join(f"{org_a.staf.nip},2026-11-2{d} 07:30:00\n" for d in range(5)).encode()
    with pytest.raises(ValidationError, match="Paling banyak 3 baris presensi"):
        cuti_services.kehadiran_impor(actor=org_a.user_hr, wilayah=org_a.wilayah, data=data)
    assert not ImporKehadiran.objects.exists()
    impor_nul = cuti_services.kehadiran_impor(
        actor=org_a.user_hr, wilayah=org_a.wilayah, data=b"1\x002,2026-11-23 07:00\nx\x00y,z\n"
    )
    assert "12" in str(impor_nul.nip_tidak_dikenal)  # NUL dropped, no 500 from PostgreSQL
    assert impor_nul.baris_tidak_sah[0]["isi"] == "xy,z"


def test_impor_kehadiran_baris_kosong_memori_kecil(org_a):
    data = b"\n" * (4 * 1024 * 1024) + f"{org_a.staf.nip},2026-11-23 07:30:00\n".encode()
    hasil, mb, detik = _puncak(
        lambda: cuti_services.kehadiran_impor(actor=org_a.user_hr, wilayah=org_a.wilayah, data=data)
    )
    assert mb < BATAS_MB + 10, f"puncak {mb:.1f} MB"  # the decoded text itself is 4 MB
    assert hasil.jumlah_presensi_baru == 1
