"""Excel/CSV import: per-row errors in the preview, all-or-nothing commit, template."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from pegawai import impor
from pegawai.models import ImporPegawai, Pegawai
from pegawai.validators import buat_nip

pytestmark = pytest.mark.django_db

JUDUL = ["NIP", "NAMA", "GELAR_BELAKANG", "TANGGAL_LAHIR", "JENIS_KELAMIN", "STATUS_KEPEGAWAIAN",
         "GOLONGAN", "TMT_GOLONGAN", "KODE_UNIT", "NAMA_JABATAN", "PENDIDIKAN", "BIDANG_PENDIDIKAN"]  # fmt: skip


def _nip(n: int, jk: str = "L") -> str:
    return buat_nip(dt.date(1988, 2, 10 + n), dt.date(2012, 3, 1), jk, n)


def _baris(org, n: int, **ubah) -> list:
    d = {"NIP": _nip(n), "NAMA": f"Pegawai Impor {n}", "GELAR_BELAKANG": "S.E.",
         "TANGGAL_LAHIR": f"{10 + n:02d}-02-1988", "JENIS_KELAMIN": "L",
         "STATUS_KEPEGAWAIAN": "PNS", "GOLONGAN": "III/b", "TMT_GOLONGAN": "01-04-2022",
         "KODE_UNIT": org.seksi.kode, "NAMA_JABATAN": org.j_staf_seksi.nama,
         "PENDIDIKAN": "S1", "BIDANG_PENDIDIKAN": "Akuntansi"}  # fmt: skip
    d.update(ubah)
    return [d[k] for k in JUDUL]


def _xlsx(rows) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(JUDUL)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("pegawai.xlsx", buf.getvalue())


def _csv(rows) -> SimpleUploadedFile:
    teks = "\n".join(";".join(str(x) for x in r) for r in [JUDUL, *rows])
    return SimpleUploadedFile("pegawai.csv", ("\ufeff" + teks).encode())


def test_pratinjau_galat_per_baris(org_a, org_b):
    rows = [
        _baris(org_a, 1),
        _baris(org_a, 2, NIP="19880212201203100"),  # 17 digits
        _baris(org_a, 3, KODE_UNIT="TIDAK-ADA"),
        _baris(org_a, 4, KODE_UNIT=org_b.seksi.kode),  # another wilayah's unit
        _baris(org_a, 1, NAMA="Ganda"),  # duplicate in the file
        _baris(org_a, 5, NIP=org_a.staf.nip),  # already registered
        _baris(org_a, 6, JENIS_KELAMIN="P"),  # disagrees with the NIP
    ]
    hasil = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx(rows))
    galat = {b["no"]: " ".join(b["galat"]) for b in hasil.baris}
    assert galat[2] == ""
    assert "NIP tidak sah" in galat[3] and "18 digit" in galat[3]
    assert "tidak dikenal" in galat[4] and "tidak dikenal" in galat[5]
    assert "ganda" in galat[6]
    assert "sudah terdaftar" in galat[7]
    assert "jenis kelamin" in galat[8].lower()
    assert (hasil.jumlah_baris, hasil.jumlah_galat) == (7, 6)
    with pytest.raises(ValidationError, match="6 baris bermasalah"):
        impor.impor_jalankan(actor=org_a.user_hr, impor=hasil)
    assert not Pegawai.objects.filter(nama__startswith="Pegawai Impor").exists()


def test_impor_semua_atau_tidak_sama_sekali(org_a):
    berkas = _csv([_baris(org_a, 1), _baris(org_a, 2), _baris(org_a, 3)])
    pratinjau = impor.impor_pratinjau(actor=org_a.user_hr, berkas=berkas)
    assert pratinjau.jumlah_galat == 0
    # Between preview and commit another import registers row 3's NIP: the commit re-checks
    # and writes nothing.
    Pegawai.objects.filter(pk=org_a.staf2.pk).update(nip=_nip(3))
    with pytest.raises(ValidationError):
        impor.impor_jalankan(actor=org_a.user_hr, impor=pratinjau)
    assert Pegawai.objects.filter(nama__startswith="Pegawai Impor").count() == 0
    pratinjau.refresh_from_db()
    assert pratinjau.status == "pratinjau" and pratinjau.jumlah_galat == 1


def test_impor_berhasil_membuat_pegawai_dan_riwayat(org_a):
    pratinjau = impor.impor_pratinjau(
        actor=org_a.user_hr, berkas=_xlsx([_baris(org_a, 1), _baris(org_a, 2)])
    )
    assert impor.impor_jalankan(actor=org_a.user_hr, impor=pratinjau) == 2
    p = Pegawai.objects.get(nip=_nip(1))
    assert (p.wilayah, p.unit, p.jabatan, p.gelar_belakang) == (
        org_a.wilayah, org_a.seksi, org_a.j_staf_seksi, "S.E.")  # fmt: skip
    assert p.riwayat_jabatan_set.count() == 1 and p.riwayat_pangkat_set.get().golongan == "III/b"
    with pytest.raises(ValidationError, match="sudah diproses"):
        impor.impor_jalankan(actor=org_a.user_hr, impor=pratinjau)


def test_berkas_tidak_sah(org_a):
    with pytest.raises(ValidationError, match="Kolom wajib"):
        impor.impor_pratinjau(
            actor=org_a.user_hr, berkas=SimpleUploadedFile("a.csv", b"NAMA\nBudi\n")
        )
    with pytest.raises(ValidationError, match=".xlsx atau .csv"):
        impor.impor_pratinjau(actor=org_a.user_hr, berkas=SimpleUploadedFile("a.txt", b"x"))
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        impor.impor_pratinjau(actor=org_a.user_hr, berkas=SimpleUploadedFile("a.xlsx", b"rusak"))


def test_halaman_impor_alur_lengkap(org_a, client_as):
    c = client_as(org_a.user_hr)
    r = c.post(reverse("pegawai:impor_list"), {"berkas": _xlsx([_baris(org_a, 1)])})
    obj = ImporPegawai.objects.get()
    assert r.status_code == 302 and r.url == obj.get_absolute_url()
    r = c.get(obj.get_absolute_url())
    assert "Siap diimpor" in r.content.decode()
    r = c.post(reverse("pegawai:impor_jalankan", args=[obj.pk]), follow=True)
    assert "1 pegawai berhasil diimpor" in r.content.decode()
    r = c.post(reverse("pegawai:impor_list"), {})
    assert r.status_code == 400 and "berkas" in r.context["form"].errors


def test_halaman_impor_hanya_hr_dan_wilayahnya(org_a, org_b, client_as):
    obj = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx([_baris(org_a, 1)]))
    assert client_as(org_a.user_kabid).get(reverse("pegawai:impor_list")).status_code == 403
    assert (
        client_as(org_a.user_staf)
        .post(reverse("pegawai:impor_jalankan", args=[obj.pk]))
        .status_code
        == 403
    )
    c = client_as(org_b.user_hr)
    assert c.get(obj.get_absolute_url()).status_code == 404
    assert c.post(reverse("pegawai:impor_jalankan", args=[obj.pk])).status_code == 404
    assert not Pegawai.objects.filter(nip=_nip(1)).exists()


def test_templat_dapat_diunduh_dan_diimpor_ulang(org_a, client_as):
    c = client_as(org_a.user_hr)
    r = c.get(reverse("pegawai:impor_templat"))
    wb = load_workbook(io.BytesIO(r.content))
    assert [x.value for x in wb["Pegawai"][1]] == impor.NAMA_KOLOM
    assert "Petunjuk" in wb.sheetnames
    r = c.get(reverse("pegawai:impor_templat"), {"format": "csv"})
    assert r.content.decode("utf-8-sig").startswith("NIP;NAMA;")
