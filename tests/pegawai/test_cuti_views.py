"""Leave and holiday pages: roles (403), scoping (404), the forms' bad input, the PDF, the
attachment, and constant query counts on the lists."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from django.urls import reverse

from pegawai.cuti.services.libur import libur_simpan
from pegawai.models import Cuti, HariLibur
from tests.pegawai.fixtures_cuti import ajukan, senin_depan, surat_dokter

pytestmark = pytest.mark.django_db


def _data(mulai: dt.date, hari: int = 2, **kw) -> dict:
    return {
        "jenis": "tahunan",
        "tanggal_mulai": mulai.isoformat(),
        "tanggal_selesai": (mulai + dt.timedelta(days=hari - 1)).isoformat(),
        "alasan": "Acara keluarga",
        **kw,
    }


# --- request form ------------------------------------------------------------------------------


def test_halaman_cuti_saya_menampilkan_saldo_dan_status(client_as, org_a, cuti_disetujui):
    resp = client_as(org_a.user_staf).get(reverse("pegawai:cuti_list"))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert 'data-testid="saldo-cuti"' in html and "Disetujui" in html
    assert resp.context["saldo"]["terpakai"] == 3


def test_ajukan_lewat_form(client_as, org_a):
    client = client_as(org_a.user_staf)
    resp = client.get(reverse("pegawai:cuti_create"))
    assert resp.status_code == 200 and "Sisa" in resp.content.decode()
    resp = client.post(reverse("pegawai:cuti_create"), _data(senin_depan(2)))
    cuti = Cuti.objects.get(pegawai=org_a.staf)
    assert resp.status_code == 302 and resp["Location"] == cuti.get_absolute_url()
    assert cuti.jumlah_hari_kerja == 2 and cuti.atasan == org_a.kabid


@pytest.mark.parametrize(
    "ubah,pesan",
    [
        (
            {"jenis": "", "tanggal_mulai": "", "tanggal_selesai": "", "alasan": ""},
            "tidak boleh kosong",
        ),
        ({"alasan": "x" * 501}, "paling banyak 500 karakter"),
        ({"tanggal_mulai": "kemarin"}, "tanggal yang valid"),
        ({"jenis": "liburan"}, "pilihan yang valid"),
        ({"anak_ke": "dua"}, "angka bilangan"),
    ],
)
def test_form_cuti_input_buruk(client_as, org_a, ubah, pesan):
    resp = client_as(org_a.user_staf).post(
        reverse("pegawai:cuti_create"), {**_data(senin_depan(2)), **ubah}
    )
    assert resp.status_code == 200
    assert pesan in resp.content.decode()
    assert not Cuti.objects.exists()


def test_form_cuti_lampiran_salah_tipe_dan_aturan_layanan(client_as, org_a):
    client = client_as(org_a.user_staf)
    data = _data(senin_depan(2), hari=3, jenis="sakit")
    resp = client.post(reverse("pegawai:cuti_create"), data)
    assert "wajib melampirkan surat keterangan dokter" in resp.content.decode()
    resp = client.post(
        reverse("pegawai:cuti_create"), {**data, "lampiran": surat_dokter("virus.exe", b"MZ")}
    )
    assert "PDF, JPG, atau PNG" in resp.content.decode()
    assert not Cuti.objects.exists()
    resp = client.post(reverse("pegawai:cuti_create"), {**data, "lampiran": surat_dokter()})
    assert resp.status_code == 302


def test_form_cuti_tumpang_tindih_pesan_jelas(client_as, org_a):
    ajukan(org_a.user_staf, senin_depan(2), hari=3)
    resp = client_as(org_a.user_staf).post(reverse("pegawai:cuti_create"), _data(senin_depan(2)))
    assert "bertumpang tindih" in resp.content.decode()
    assert Cuti.objects.count() == 1


def test_ajukan_tanpa_data_pegawai_403(client_as, org_a):
    assert client_as(org_a.user_hr).get(reverse("pegawai:cuti_create")).status_code == 403


# --- detail, actions and scope --------------------------------------------------------------------


def test_detail_lingkup(client, org_a, org_b, cuti_disetujui):
    url = cuti_disetujui.get_absolute_url()
    boleh = [org_a.user_staf, org_a.user_kabid, org_a.user_hr, org_a.user_pimpinan]
    for user in boleh:
        client.force_login(user)
        assert client.get(url).status_code == 200, user
    for user in [org_b.user_hr, org_b.user_staf, org_a.user_staf_seksi, org_a.user_kasi]:
        client.force_login(user)
        assert client.get(url).status_code == 404, user


def test_rekomendasi_dan_putusan_lewat_halaman(client, org_a, org_b):
    c = ajukan(org_a.user_staf, senin_depan(2), hari=2)
    client.force_login(org_a.user_kabid)
    resp = client.get(c.get_absolute_url())
    assert 'data-testid="aksi-cuti"' in resp.content.decode()
    client.force_login(org_b.user_hr)
    url = reverse("pegawai:cuti_rekomendasi", args=[c.pk])
    assert client.post(url, {"aksi": "setuju"}).status_code == 404
    client.force_login(org_a.user_hr)  # sees the request, is not the superior
    assert client.post(url, {"aksi": "setuju"}).status_code == 403
    client.force_login(org_a.user_kabid)
    assert client.post(url, {"aksi": "setuju", "catatan": "OK"}).status_code == 302
    c.refresh_from_db()
    assert c.status == "direkomendasikan"
    url = reverse("pegawai:cuti_putusan", args=[c.pk])
    assert client.post(url, {"aksi": "setuju"}).status_code == 403  # kabid does not decide
    client.force_login(org_a.user_hr)
    resp = client.post(url, {"aksi": "tolak", "catatan": ""}, follow=True)
    assert "alasan penolakan" in resp.content.decode()
    resp = client.post(url, {"aksi": "tolak", "catatan": "x" * 501}, follow=True)
    assert "500 karakter" in resp.content.decode()
    c.refresh_from_db()
    assert c.status == "direkomendasikan"
    client.post(url, {"aksi": "setuju"})
    c.refresh_from_db()
    assert c.status == "disetujui"


def test_batal_lewat_halaman(client_as, org_a):
    c = ajukan(org_a.user_staf, senin_depan(2))
    resp = client_as(org_a.user_staf).post(reverse("pegawai:cuti_batal", args=[c.pk]))
    assert resp.status_code == 302
    c.refresh_from_db()
    assert c.status == "dibatalkan"


def test_surat_izin_cuti_pdf(client_as, org_a, org_b, cuti_disetujui, tmp_path):
    url = reverse("pegawai:cuti_surat", args=[cuti_disetujui.pk])
    resp = client_as(org_a.user_staf).get(url)
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    pdf = tmp_path / "surat.pdf"
    pdf.write_bytes(resp.content)
    teks = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "SURAT IZIN CUTI TAHUNAN" in teks.upper()
    assert org_a.staf.nip in teks and cuti_disetujui.nomor_surat in teks
    assert "3 (3) hari kerja" in teks
    client_as(org_b.user_hr)
    assert client_as(org_b.user_hr).get(url).status_code == 404
    pending = ajukan(org_a.user_staf, senin_depan(4))
    url2 = reverse("pegawai:cuti_surat", args=[pending.pk])
    assert client_as(org_a.user_staf).get(url2).status_code == 404


def test_lampiran_hanya_untuk_yang_berhak(client, org_a, org_b):
    c = ajukan(org_a.user_staf, senin_depan(2), hari=3, jenis="sakit", lampiran=surat_dokter())
    url = reverse("pegawai:cuti_lampiran", args=[c.pk])
    for user, status in [(org_a.user_hr, 200), (org_a.user_kabid, 200), (org_a.user_staf, 200),
                         (org_a.user_staf_seksi, 404), (org_b.user_hr, 404)]:  # fmt: skip
        client.force_login(user)
        resp = client.get(url)
        assert resp.status_code == status, user
        if status == 200:
            assert b"".join(resp.streaming_content).startswith(b"%PDF")
            assert resp["X-Content-Type-Options"] == "nosniff"


def test_persetujuan_peran(client, org_a):
    ajukan(org_a.user_staf, senin_depan(2))
    client.force_login(org_a.user_staf_seksi)
    assert client.get(reverse("pegawai:cuti_persetujuan")).status_code == 403
    client.force_login(org_a.user_kabid)
    resp = client.get(reverse("pegawai:cuti_persetujuan"))
    assert resp.status_code == 200 and len(resp.context["daftar_cuti"]) == 1
    client.force_login(org_a.user_hr)
    resp = client.get(reverse("pegawai:cuti_persetujuan"))
    assert len(resp.context["daftar_cuti"]) == 0  # waits for the recommendation first
    resp = client.get(reverse("pegawai:cuti_persetujuan") + "?tab=semua&status=diajukan&q=Staf")
    assert len(resp.context["daftar_cuti"]) == 1


def _banyak_cuti(org, n: int) -> None:
    from tests.factories import PegawaiFactory

    for i in range(n):
        p = PegawaiFactory(jabatan=org.j_staf)
        mulai = senin_depan(2) + dt.timedelta(days=7 * (i % 5))
        Cuti.objects.create(pegawai=p, jenis="tahunan", tanggal_mulai=mulai, tanggal_selesai=mulai,
                            jumlah_hari_kerja=1, alasan="x", status="direkomendasikan",
                            atasan=org.kabid)  # fmt: skip


@pytest.mark.parametrize("url", ["?tab=menunggu", "?tab=semua", "?tab=semua&o=-nama"])
def test_persetujuan_jumlah_query_konstan(client_as, org_a, url, django_assert_max_num_queries):
    client = client_as(org_a.user_hr)
    _banyak_cuti(org_a, 3)
    with django_assert_max_num_queries(30) as ctx:
        assert client.get(reverse("pegawai:cuti_persetujuan") + url).status_code == 200
    n = len(ctx.captured_queries)
    _banyak_cuti(org_a, 27)
    with django_assert_max_num_queries(n):
        resp = client.get(reverse("pegawai:cuti_persetujuan") + url)
    assert len(resp.context["daftar_cuti"]) == 25


def test_cuti_saya_jumlah_query_konstan(client_as, org_a, django_assert_max_num_queries):
    client = client_as(org_a.user_staf)
    for i in range(3):
        ajukan(org_a.user_staf, senin_depan(2 + i))
    with django_assert_max_num_queries(30) as ctx:
        client.get(reverse("pegawai:cuti_list"))
    n = len(ctx.captured_queries)
    mulai = dt.date(2031, 1, 6)
    for i in range(27):
        Cuti.objects.create(pegawai=org_a.staf, jenis="sakit", tanggal_mulai=mulai + dt.timedelta(days=i * 7),
                            tanggal_selesai=mulai + dt.timedelta(days=i * 7), alasan="x")  # fmt: skip
    with django_assert_max_num_queries(n):
        client.get(reverse("pegawai:cuti_list"))


# --- holiday calendar ---------------------------------------------------------------------------


def test_libur_hr_tambah_ubah_hapus(client_as, org_a, org_b):
    client = client_as(org_a.user_hr)
    resp = client.post(
        reverse("pegawai:libur_create"),
        {
            "tanggal": "2026-08-17",
            "nama": "Hari Kemerdekaan",
            "jenis": "nasional",
            "wilayah": org_b.wilayah.pk,
        },  # fmt: skip  (the other region's id is ignored)
    )
    assert resp.status_code == 302
    h = HariLibur.objects.get()
    assert h.wilayah == org_a.wilayah
    resp = client.post(
        reverse("pegawai:libur_update", args=[h.pk]),
        {"tanggal": "2026-08-18", "nama": "Cuti bersama", "jenis": "cuti_bersama"},
    )
    h.refresh_from_db()
    assert (h.tanggal, h.jenis) == (dt.date(2026, 8, 18), "cuti_bersama")
    resp = client.get(reverse("pegawai:libur_list") + "?tahun=2026")
    assert "Cuti bersama" in resp.content.decode() and "data-confirm" in resp.content.decode()
    assert client.post(reverse("pegawai:libur_delete", args=[h.pk])).status_code == 302
    assert not HariLibur.objects.exists()


@pytest.mark.parametrize(
    "data,pesan",
    [
        ({}, "tidak boleh kosong"),
        ({"tanggal": "2026-08-17", "nama": "x" * 151, "jenis": "nasional"}, "paling banyak 150"),
        ({"tanggal": "17 Agustus", "nama": "HUT RI", "jenis": "nasional"}, "tanggal yang valid"),
        ({"tanggal": "1999-08-17", "nama": "HUT RI", "jenis": "nasional"}, "antara 2000 dan 2100"),
        ({"tanggal": "2026-08-17", "nama": "HUT RI", "jenis": "bebas"}, "pilihan yang valid"),
    ],
)
def test_form_libur_input_buruk(client_as, org_a, data, pesan):
    resp = client_as(org_a.user_hr).post(reverse("pegawai:libur_create"), data)
    assert resp.status_code == 200 and pesan in resp.content.decode()
    assert not HariLibur.objects.exists()


def test_form_libur_tanggal_ganda(client_as, org_a):
    HariLibur.objects.create(wilayah=org_a.wilayah, tanggal=dt.date(2026, 8, 17), nama="HUT RI",
                             jenis="nasional")  # fmt: skip
    resp = client_as(org_a.user_hr).post(
        reverse("pegawai:libur_create"),
        {"tanggal": "2026-08-17", "nama": "Lagi", "jenis": "nasional"},
    )
    assert "sudah terdaftar" in resp.content.decode()


def test_form_libur_admin_nasional_wilayah_lain_ditolak(client_as, org_a, admin_nasional):
    resp = client_as(admin_nasional).post(
        reverse("pegawai:libur_create"),
        {"tanggal": "2026-08-17", "nama": "HUT", "jenis": "nasional", "wilayah": 999999},
    )
    assert "pilihan yang valid" in resp.content.decode()


def test_libur_peran_dan_lingkup(client, org_a, org_b):
    h = HariLibur.objects.create(wilayah=org_b.wilayah, tanggal=dt.date(2026, 8, 17), nama="HUT",
                                 jenis="nasional")  # fmt: skip
    client.force_login(org_a.user_staf)
    assert client.get(reverse("pegawai:libur_list")).status_code == 200
    assert client.get(reverse("pegawai:libur_create")).status_code == 403
    client.force_login(org_a.user_hr)
    assert client.get(reverse("pegawai:libur_update", args=[h.pk])).status_code == 404
    assert client.post(reverse("pegawai:libur_delete", args=[h.pk])).status_code == 404
    resp = client.get(reverse("pegawai:libur_list") + "?tahun=2026")
    assert list(resp.context["daftar_libur"]) == []


def test_libur_jumlah_query_konstan(client_as, org_a, django_assert_max_num_queries):
    client = client_as(org_a.user_hr)
    for i in range(3):
        HariLibur.objects.create(wilayah=org_a.wilayah, tanggal=dt.date(2026, 1, 1 + i), nama="L",
                                 jenis="nasional")  # fmt: skip
    with django_assert_max_num_queries(30) as ctx:
        client.get(reverse("pegawai:libur_list") + "?tahun=2026")
    n = len(ctx.captured_queries)
    for i in range(27):
        HariLibur.objects.create(wilayah=org_a.wilayah, tanggal=dt.date(2026, 3, 1 + i), nama="L",
                                 jenis="cuti_bersama")  # fmt: skip
    with django_assert_max_num_queries(n):
        client.get(reverse("pegawai:libur_list") + "?tahun=2026")


def test_service_libur_menolak_wilayah_lain(org_a, org_b):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        libur_simpan(actor=org_a.user_hr, wilayah=org_b.wilayah, tanggal=dt.date(2026, 1, 1),
                              nama="x", jenis="nasional")  # fmt: skip
