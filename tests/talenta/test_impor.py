"""Excel import of potential results: per-row and per-cell errors in the preview, all or
nothing, NIPs of the HR officer's own wilayah only, constant queries, roles, template."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kinerja.talenta import impor, services
from kinerja.talenta.models import HasilPotensi, ImporPotensi
from tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db

JUDUL = ["NIP", "SUMBER", "TANGGAL", "SKOR", "LEVEL", "CATATAN"]


def _baris(pegawai, **ubah) -> list:
    d = {"NIP": pegawai.nip, "SUMBER": "Assessment center", "TANGGAL": "15-06-2026",
         "SKOR": "78,5", "LEVEL": "", "CATATAN": "Asesmen 2026"}  # fmt: skip
    d.update(ubah)
    return [d[k] for k in JUDUL]


def _xlsx(rows, judul=JUDUL, nama="potensi.xlsx") -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    ws.append(judul)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile(nama, buf.getvalue())


def test_pratinjau_galat_per_baris_dan_sel(org_a, org_b):
    services.hasil_potensi_catat(actor=org_a.user_hr, pegawai=org_a.kasi, sumber="uji_kompetensi",
                                 tanggal=dt.date(2026, 3, 1), skor=Decimal(70))  # fmt: skip
    rows = [
        _baris(org_a.staf),  # 2: good, level derived
        _baris(org_b.staf),  # 3: another wilayah's NIP
        _baris(org_a.staf2, SUMBER="wawancara"),  # 4
        _baris(org_a.staf2, TANGGAL="31-02-2026", SKOR="seratus"),  # 5: two bad cells
        _baris(org_a.kabid, SKOR="120"),  # 6
        _baris(org_a.sekda, LEVEL="sedang"),  # 7
        _baris(org_a.staf, CATATAN="lain"),  # 8: duplicate of row 2 (NIP, sumber, tanggal)
        _baris(org_a.kasi, SUMBER="Uji Kompetensi", TANGGAL="2026-03-01"),  # 9: recorded
        _baris(org_a.staf_seksi, TANGGAL="01-01-2099"),  # 10: future
        _baris(org_a.staf_seksi, NIP="", SKOR=""),  # 11: required cells
        _baris(org_a.staf_seksi, SKOR="70,125"),  # 12: three decimals
        _baris(org_a.staf, SUMBER="uji_kompetensi", LEVEL="TINGGI", SKOR="10"),  # 13: good
    ]
    hasil = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx(rows))
    b = {r["no"]: r for r in hasil.baris}
    galat = {no: " ".join(r["galat"]) for no, r in b.items()}
    assert galat[2] == "" and b[2]["data"]["level"] == "menengah" and b[2]["data"]["level_otomatis"]
    assert b[2]["data"]["nama"] == org_a.staf.nama_lengkap
    assert galat[3] == "NIP tidak ditemukan di wilayah Anda." and b[3]["sel_galat"] == ["NIP"]
    assert "SUMBER: 'wawancara' tidak dikenal" in galat[4] and b[4]["sel_galat"] == ["SUMBER"]
    assert "TANGGAL: '31-02-2026' bukan tanggal" in galat[5]
    assert "SKOR: 'seratus' bukan angka" in galat[5] and b[5]["sel_galat"] == ["SKOR", "TANGGAL"]
    assert "SKOR: harus antara 0 dan 100." in galat[6]
    assert "LEVEL: 'sedang' tidak dikenal" in galat[7]
    assert "Baris ganda" in galat[8] and "baris 2" in galat[8]
    assert "sudah tercatat" in galat[9]
    assert "masa depan" in galat[10]
    assert "NIP: wajib diisi." in galat[11] and "SKOR: wajib diisi." in galat[11]
    assert "2 angka di belakang koma" in galat[12]
    assert galat[13] == "" and b[13]["data"]["level"] == "tinggi"
    assert not b[13]["data"]["level_otomatis"]
    assert (hasil.jumlah_baris, hasil.jumlah_galat) == (12, 10)
    assert HasilPotensi.objects.count() == 1  # the preview writes no result
    with pytest.raises(ValidationError, match="10 baris bermasalah"):
        impor.impor_jalankan(actor=org_a.user_hr, impor=hasil)
    assert HasilPotensi.objects.count() == 1
    hasil.refresh_from_db()
    assert hasil.status == "pratinjau"


def test_impor_semua_atau_tidak_sama_sekali(org_a):
    atur = services.pengaturan_untuk(org_a.wilayah)
    atur.batas_menengah, atur.batas_tinggi = Decimal(50), Decimal(75)
    atur.save()
    rows = [_baris(org_a.staf, SKOR="76"), _baris(org_a.staf2, SKOR="50", CATATAN=""),
            _baris(org_a.kasi, SKOR=49.99, SUMBER="penilaian atasan", TANGGAL=dt.date(2026, 5, 2))]  # fmt: skip
    pratinjau = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx(rows))
    assert pratinjau.jumlah_galat == 0
    assert impor.impor_jalankan(actor=org_a.user_hr, impor=pratinjau) == 3
    got = {h.pegawai_id: h for h in HasilPotensi.objects.all()}
    assert got[org_a.staf.pk].level == "tinggi" and got[org_a.staf.pk].catatan == "Asesmen 2026"
    assert got[org_a.staf2.pk].level == "menengah"
    k = got[org_a.kasi.pk]
    assert (k.level, k.skor, k.sumber, k.tanggal) == ("rendah", Decimal("49.99"),
                                                      "penilaian_atasan", dt.date(2026, 5, 2))  # fmt: skip
    assert {h.dicatat_oleh_id for h in got.values()} == {org_a.user_hr.pk}
    pratinjau.refresh_from_db()
    assert (pratinjau.status, pratinjau.jumlah_dibuat) == ("diimpor", 3)
    with pytest.raises(ValidationError, match="sudah diproses"):
        impor.impor_jalankan(actor=org_a.user_hr, impor=pratinjau)
    # the same file again: every row is already recorded
    ulang = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx(rows))
    assert ulang.jumlah_galat == 3


def test_baris_menjadi_salah_setelah_pratinjau_tidak_ada_yang_diimpor(org_a):
    rows = [_baris(org_a.staf), _baris(org_a.staf2)]
    pratinjau = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx(rows))
    # meanwhile someone records staf2's result by hand
    services.hasil_potensi_catat(actor=org_a.user_hr, pegawai=org_a.staf2,
                                 sumber="assessment_center", tanggal=dt.date(2026, 6, 15),
                                 skor=Decimal(60))  # fmt: skip
    with pytest.raises(ValidationError, match="1 baris bermasalah"):
        impor.impor_jalankan(actor=org_a.user_hr, impor=pratinjau)
    assert not HasilPotensi.objects.filter(pegawai=org_a.staf).exists()
    pratinjau.refresh_from_db()
    assert pratinjau.jumlah_galat == 1 and pratinjau.status == "pratinjau"


def test_batas_berubah_setelah_pratinjau_pratinjau_diperbarui(org_a):
    pratinjau = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx([_baris(org_a.staf)]))
    assert pratinjau.baris[0]["data"]["level"] == "menengah"
    atur = services.pengaturan_untuk(org_a.wilayah)
    atur.batas_tinggi = Decimal(78)
    atur.save()
    with pytest.raises(ValidationError, match="berubah sejak pratinjau"):
        impor.impor_jalankan(actor=org_a.user_hr, impor=pratinjau)
    assert not HasilPotensi.objects.exists()
    pratinjau.refresh_from_db()
    assert pratinjau.baris[0]["data"]["level"] == "tinggi"
    assert impor.impor_jalankan(actor=org_a.user_hr, impor=pratinjau) == 1


def test_berkas_salah(org_a):
    with pytest.raises(ValidationError, match="Kolom wajib tidak ada: SKOR"):
        impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx([["1"]], judul=["NIP", "SUMBER",
                                                                                  "TANGGAL"]))  # fmt: skip
    with pytest.raises(ValidationError, match="tidak berisi baris data"):
        impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx([]))
    with pytest.raises(ValidationError, match="tidak dapat dibaca"):
        impor.impor_pratinjau(actor=org_a.user_hr,
                              berkas=SimpleUploadedFile("x.xlsx", b"bukan excel"))  # fmt: skip
    with pytest.raises(ValidationError, match=r"\.xlsx atau \.csv"):
        impor.impor_pratinjau(actor=org_a.user_hr, berkas=SimpleUploadedFile("x.pdf", b"%PDF"))
    assert not ImporPotensi.objects.exists()


def test_hanya_hr_wilayah(org_a, org_b, admin_nasional):
    for actor in (org_a.user_pimpinan, org_a.user_staf, admin_nasional):
        with pytest.raises(PermissionDenied):
            impor.impor_pratinjau(actor=actor, berkas=_xlsx([_baris(org_a.staf)]))
    pratinjau = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx([_baris(org_a.staf)]))
    with pytest.raises(PermissionDenied):
        impor.impor_jalankan(actor=org_b.user_hr, impor=pratinjau)
    assert not HasilPotensi.objects.exists()


# --- pages ----------------------------------------------------------------------------------


def test_unggah_pratinjau_jalankan_lewat_halaman(org_a, client_as):
    c = client_as(org_a.user_hr)
    assert c.get(reverse("talenta:hasilpotensi_list")).context["boleh_impor"] is True
    url = reverse("talenta:imporpotensi_list")
    assert c.get(url).status_code == 200
    r = c.post(url, {"berkas": _xlsx([_baris(org_a.staf), _baris(org_a.staf2, SKOR="x")])})
    pratinjau = ImporPotensi.objects.get()
    assert r.status_code == 302 and r.url == pratinjau.get_absolute_url()
    r = c.get(r.url)
    html = r.content.decode()
    assert r.status_code == 200 and "SKOR: &#x27;x&#x27; bukan angka." in html
    assert 'data-testid="ada-galat"' in html
    assert reverse("talenta:imporpotensi_jalankan", args=[pratinjau.pk]) not in html
    r = c.get(pratinjau.get_absolute_url() + "?galat=1")
    assert len(r.context["page_obj"].object_list) == 1
    r = c.post(reverse("talenta:imporpotensi_jalankan", args=[pratinjau.pk]), follow=True)
    assert "1 baris bermasalah" in r.content.decode() and not HasilPotensi.objects.exists()

    r = c.post(url, {"berkas": _xlsx([_baris(org_a.staf), _baris(org_a.staf2)], nama="ok.xlsx")})
    pratinjau = ImporPotensi.objects.get(nama_file="ok.xlsx")
    html = c.get(r.url).content.decode()
    assert reverse("talenta:imporpotensi_jalankan", args=[pratinjau.pk]) in html
    assert "Impor 2 hasil potensi" in html and "otomatis" in html
    r = c.post(reverse("talenta:imporpotensi_jalankan", args=[pratinjau.pk]), follow=True)
    assert "2 hasil potensi berhasil diimpor." in r.content.decode()
    assert HasilPotensi.objects.count() == 2
    r = c.get(reverse("talenta:hasilpotensi_list"))
    assert "Asesmen 2026" in r.content.decode()


def test_unggah_berkas_rusak_400(org_a, client_as):
    c = client_as(org_a.user_hr)
    r = c.post(reverse("talenta:imporpotensi_list"), {"berkas": SimpleUploadedFile("a.xlsx", b"")})
    assert r.status_code == 400 and not ImporPotensi.objects.exists()
    r = c.post(reverse("talenta:imporpotensi_list"), {})
    assert r.status_code == 400


def test_batalkan(org_a, client_as):
    pratinjau = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx([_baris(org_a.staf)]))
    c = client_as(org_a.user_hr)
    r = c.post(reverse("talenta:imporpotensi_batalkan", args=[pratinjau.pk]), follow=True)
    assert "Impor dibatalkan" in r.content.decode()
    pratinjau.refresh_from_db()
    assert pratinjau.status == "dibatalkan"
    r = c.post(reverse("talenta:imporpotensi_jalankan", args=[pratinjau.pk]), follow=True)
    assert "sudah diproses" in r.content.decode() and not HasilPotensi.objects.exists()


def test_hr_wilayah_lain_tidak_dapat_mengimpor_ke_wilayah_ini(org_a, org_b, client_as):
    """B's HR: A's NIPs are not found (nothing written into A), A's previews are 404."""
    c = client_as(org_b.user_hr)
    c.post(reverse("talenta:imporpotensi_list"), {"berkas": _xlsx([_baris(org_a.staf)])})
    milik_b = ImporPotensi.objects.get()
    assert milik_b.wilayah_id == org_b.wilayah.pk and milik_b.jumlah_galat == 1
    assert "tidak ditemukan di wilayah Anda" in milik_b.baris[0]["galat"][0]
    assert c.post(reverse("talenta:imporpotensi_jalankan", args=[milik_b.pk])).status_code == 302
    assert not HasilPotensi.objects.exists()

    milik_a = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx([_baris(org_a.staf)]))
    for nama, method in (("imporpotensi_detail", "get"), ("imporpotensi_jalankan", "post"),
                         ("imporpotensi_batalkan", "post")):  # fmt: skip
        url = reverse(f"talenta:{nama}", args=[milik_a.pk])
        assert getattr(c, method)(url).status_code == 404, url
    assert milik_a.pk not in {
        i.pk for i in c.get(reverse("talenta:imporpotensi_list")).context["daftar"]
    }
    milik_a.refresh_from_db()
    assert milik_a.status == "pratinjau" and not HasilPotensi.objects.exists()


def test_bukan_hr_403(org_a, client_as, admin_nasional):
    pratinjau = impor.impor_pratinjau(actor=org_a.user_hr, berkas=_xlsx([_baris(org_a.staf)]))
    for user in (org_a.user_pimpinan, org_a.user_staf, admin_nasional):
        c = client_as(user)
        for nama, method, args in (
            ("imporpotensi_list", "get", []), ("imporpotensi_templat", "get", []),
            ("imporpotensi_list", "post", []),
            ("imporpotensi_detail", "get", [pratinjau.pk]),
            ("imporpotensi_jalankan", "post", [pratinjau.pk]),
            ("imporpotensi_batalkan", "post", [pratinjau.pk]),
        ):  # fmt: skip
            r = getattr(c, method)(reverse(f"talenta:{nama}", args=args))
            assert r.status_code == 403, (user, nama)
    r = client_as(org_a.user_pimpinan).get(reverse("talenta:hasilpotensi_list"))
    assert r.context["boleh_impor"] is False
    assert reverse("talenta:imporpotensi_list") not in r.content.decode()
    pratinjau.refresh_from_db()
    assert pratinjau.status == "pratinjau" and not HasilPotensi.objects.exists()


@pytest.mark.parametrize("n", [5, 50])
def test_pratinjau_query_konstan(org_a, client_as, django_assert_max_num_queries, n):
    pegawai = [PegawaiFactory(jabatan=org_a.j_staf, nama=f"Impor {i}") for i in range(n)]
    rows = [_baris(p, SKOR=str(40 + i % 60)) for i, p in enumerate(pegawai)]
    rows.append(_baris(pegawai[0]))  # one duplicate
    c = client_as(org_a.user_hr)
    with django_assert_max_num_queries(10):
        r = c.post(reverse("talenta:imporpotensi_list"), {"berkas": _xlsx(rows)})
    assert r.status_code == 302
    with django_assert_max_num_queries(4):
        r = c.get(r.url)
    assert r.status_code == 200 and len(r.context["page_obj"].object_list) == min(n + 1, 50)
    assert ImporPotensi.objects.get().jumlah_galat == 1


def test_templat(org_a, client_as):
    r = client_as(org_a.user_hr).get(reverse("talenta:imporpotensi_templat"))
    assert r.status_code == 200 and "templat-impor-potensi.xlsx" in r["Content-Disposition"]
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]] == JUDUL
    assert ws["A2"].number_format == "@"
    assert "Petunjuk" in wb.sheetnames
    # the template filled with a real NIP is accepted as it is
    ws["A2"] = org_a.staf.nip
    buf = io.BytesIO()
    wb.save(buf)
    hasil = impor.impor_pratinjau(
        actor=org_a.user_hr, berkas=SimpleUploadedFile("templat.xlsx", buf.getvalue())
    )
    assert hasil.jumlah_galat == 0 and hasil.baris[0]["data"]["skor"] == "78.5"


def test_form_catat_menolak_hasil_ganda(org_a, client_as):
    c = client_as(org_a.user_hr)
    data = {"nip": org_a.staf.nip, "sumber": "uji_kompetensi", "tanggal": "2026-05-01",
            "skor": "70", "catatan": "Uji kompetensi teknis"}  # fmt: skip
    assert c.post(reverse("talenta:hasilpotensi_list"), data).status_code == 302
    assert HasilPotensi.objects.get().catatan == "Uji kompetensi teknis"
    r = c.post(reverse("talenta:hasilpotensi_list"), data)
    assert r.status_code == 400 and "sudah tercatat" in r.content.decode()
    assert HasilPotensi.objects.count() == 1
