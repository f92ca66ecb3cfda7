"""Staff pages: roles, region scoping, forms with bad input, answers, poster, query counts."""

from __future__ import annotations

import subprocess

import pytest
from django.core import mail
from django.urls import reverse

from kinerja.skm import services
from kinerja.skm.models import JenisLayanan, TanggapanSKM, UnitLayanan
from tests.factories import PegawaiFactory, UnitKerjaFactory

from .conftest import buat_tanggapan

pytestmark = pytest.mark.django_db


def _url_objek(skm, t):
    ul = skm.ul.pk
    return {
        "get": [
            reverse("skm:unitlayanan_detail", args=[ul]),
            reverse("skm:unitlayanan_update", args=[ul]),
            reverse("skm:unitlayanan_poster", args=[ul]),
            reverse("skm:tanggapan_detail", args=[t.pk]),
        ],
        "post": [
            reverse("skm:unitlayanan_status", args=[ul]),
            reverse("skm:tanggapan_tindaklanjut", args=[t.pk]),
            reverse("skm:tanggapan_detail", args=[t.pk]),
        ],
    }


def test_wilayah_lain_404(client_as, skm_a, skm_b, org_b):
    t = buat_tanggapan(skm_a, (3,) * 9, komentar="x")
    client = client_as(org_b.user_hr)
    urls = _url_objek(skm_a, t)
    for url in urls["get"]:
        assert client.get(url).status_code == 404, url
    for url in urls["post"]:
        assert client.post(url, {"dibuka": "0", "jawaban": "x"}).status_code == 404, url
    skm_a.ul.refresh_from_db()
    assert skm_a.ul.dibuka
    # Lists do not show the other wilayah.
    html = client.get(reverse("skm:unitlayanan_list")).content.decode()
    assert "Kantor Layanan Beta" in html and "Kantor Layanan Alpha" not in html
    assert client.get(reverse("skm:tanggapan_list")).context["paginator"].count == 0


def test_pegawai_biasa_403(client_as, skm_a, org_a):
    t = buat_tanggapan(skm_a, (3,) * 9)
    client = client_as(org_a.user_staf)
    for url in [reverse("skm:ikm"), reverse("skm:unitlayanan_list"), reverse("skm:tanggapan_list"),
                reverse("skm:unitlayanan_create"), *_url_objek(skm_a, t)["get"]]:  # fmt: skip
        assert client.get(url).status_code == 403, url
    for url in _url_objek(skm_a, t)["post"]:
        assert client.post(url, {"jawaban": "x"}).status_code == 403, url


def test_kepala_unit_melihat_subtree_saja(client_as, skm_a, org_a):
    seksi = services.unit_layanan_buka(actor=org_a.user_hr, unit=org_a.seksi, nama_publik="Loket Seksi",
                                       jenis_layanan=["Data"])  # fmt: skip
    kasi = client_as(org_a.user_kasi)
    assert kasi.get(reverse("skm:unitlayanan_detail", args=[seksi.pk])).status_code == 200
    assert kasi.get(reverse("skm:unitlayanan_detail", args=[skm_a.ul.pk])).status_code == 404
    kabid = client_as(org_a.user_kabid)
    for pk in (seksi.pk, skm_a.ul.pk):
        assert kabid.get(reverse("skm:unitlayanan_detail", args=[pk])).status_code == 200
    # A unit head may not open/close or edit units: that is HR's.
    assert kabid.get(reverse("skm:unitlayanan_update", args=[skm_a.ul.pk])).status_code == 403
    assert (
        kabid.post(
            reverse("skm:unitlayanan_status", args=[skm_a.ul.pk]), {"dibuka": "0"}
        ).status_code
        == 403
    )


def test_pimpinan_hanya_membaca(client_as, skm_a, org_a):
    t = buat_tanggapan(skm_a, (3,) * 9, komentar="Saran")
    c = client_as(org_a.user_pimpinan)
    assert c.get(reverse("skm:tanggapan_detail", args=[t.pk])).status_code == 200
    assert c.post(reverse("skm:tanggapan_detail", args=[t.pk]), {"jawaban": "x"}).status_code == 403
    assert c.post(reverse("skm:tanggapan_tindaklanjut", args=[t.pk])).status_code == 403


def test_hr_membuka_unit(client_as, org_a):
    c = client_as(org_a.user_hr)
    resp = c.post(reverse("skm:unitlayanan_create"), {"unit": org_a.seksi.pk, "nama_publik": "",
                  "jenis_layanan": "Data A\n\nData B\ndata a"})  # fmt: skip
    ul = UnitLayanan.objects.get()
    assert resp.status_code == 302 and resp["Location"] == ul.get_absolute_url()
    assert ul.nama_publik == org_a.seksi.nama and ul.dibuka and ul.wilayah == org_a.wilayah
    assert list(ul.jenis_layanan.values_list("nama", flat=True)) == ["Data A", "Data B"]
    assert set(ul.petugas.all()) == {org_a.kasi, org_a.staf_seksi}
    # Already open: no longer offered.
    resp = c.post(reverse("skm:unitlayanan_create"), {"unit": org_a.seksi.pk, "jenis_layanan": "X"})
    assert resp.status_code == 200 and "unit" in resp.context["form"].errors


@pytest.mark.parametrize(
    "data,field",
    [
        ({}, "unit"),
        ({"unit": "", "jenis_layanan": "A"}, "unit"),
        ({"unit": "abc", "jenis_layanan": "A"}, "unit"),
        ({"unit": "ORG_B", "jenis_layanan": "A"}, "unit"),
        ({"unit": "SEKSI", "jenis_layanan": ""}, "jenis_layanan"),
        ({"unit": "SEKSI", "jenis_layanan": "   \n  "}, "jenis_layanan"),
        ({"unit": "SEKSI", "jenis_layanan": "x" * 121}, "jenis_layanan"),
        ({"unit": "SEKSI", "jenis_layanan": "A", "nama_publik": "n" * 151}, "nama_publik"),
    ],
)
def test_buka_unit_isian_salah(client_as, org_a, org_b, data, field):
    ganti = {"ORG_B": org_b.seksi.pk, "SEKSI": org_a.seksi.pk}
    data = {k: ganti.get(v, v) for k, v in data.items()}
    resp = client_as(org_a.user_hr).post(reverse("skm:unitlayanan_create"), data)
    assert resp.status_code == 200
    assert resp.context["form"].errors[field]
    assert not UnitLayanan.objects.exists() and not JenisLayanan.objects.exists()


def test_ubah_unit_layanan_dan_petugas(client_as, skm_a, org_a, org_b):
    c = client_as(org_a.user_hr)
    url = reverse("skm:unitlayanan_update", args=[skm_a.ul.pk])
    resp = c.post(url, {"nama_publik": "Loket Baru", "jenis_layanan": "Legalisir dokumen\nBaru",
                        "petugas": [org_a.staf.pk]})  # fmt: skip
    assert resp.status_code == 302
    ul = UnitLayanan.objects.get()
    assert ul.nama_publik == "Loket Baru"
    assert list(ul.jenis_layanan.filter(aktif=True).values_list("nama", flat=True)) == [
        "Legalisir dokumen",
        "Baru",
    ]
    assert not ul.jenis_layanan.get(nama="Surat keterangan domisili").aktif
    assert list(ul.petugas.all()) == [org_a.staf]
    for bad in ({"petugas": [org_b.staf.pk]}, {"petugas": [org_a.sekda.pk]}, {"nama_publik": ""},
                {"jenis_layanan": ""}, {"nama_publik": "n" * 151}):  # fmt: skip
        data = {"nama_publik": "Lagi", "jenis_layanan": "A", "petugas": [], **bad}
        resp = c.post(url, data)
        assert resp.status_code == 200 and resp.context["form"].errors, bad
    ul.refresh_from_db()
    assert ul.nama_publik == "Loket Baru"


def test_tutup_dan_buka(client_as, skm_a, org_a):
    c = client_as(org_a.user_hr)
    url = reverse("skm:unitlayanan_status", args=[skm_a.ul.pk])
    assert c.get(url).status_code == 405
    c.post(url, {"dibuka": "0"})
    skm_a.ul.refresh_from_db()
    assert not skm_a.ul.dibuka and skm_a.ul.ditutup_pada
    c.post(url, {"dibuka": "1"})
    skm_a.ul.refresh_from_db()
    assert skm_a.ul.dibuka


def test_kepala_unit_menjawab_dan_email_dikirim(
    client_as, skm_a, org_a, django_capture_on_commit_callbacks
):
    t = buat_tanggapan(skm_a, (2,) * 9, komentar="Antre lama", kontak="warga@contoh.id")
    c = client_as(org_a.user_kabid)
    url = reverse("skm:tanggapan_detail", args=[t.pk])
    with django_capture_on_commit_callbacks(execute=True):
        resp = c.post(url, {"jawaban": "Kami tambah loket.", "ditindaklanjuti": "on"})
    assert resp.status_code == 302
    t.refresh_from_db()
    assert (t.jawaban, t.dijawab_oleh, t.ditindaklanjuti) == (
        "Kami tambah loket.",
        org_a.user_kabid,
        True,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["warga@contoh.id"]
    assert "Kami tambah loket." in mail.outbox[0].body and t.kunci in mail.outbox[0].body


def test_jawaban_tanpa_email_tidak_mengirim(
    client_as, skm_a, org_a, django_capture_on_commit_callbacks
):
    t = buat_tanggapan(skm_a, (2,) * 9, komentar="x", kontak="0812 3456 7890")
    with django_capture_on_commit_callbacks(execute=True):
        client_as(org_a.user_hr).post(
            reverse("skm:tanggapan_detail", args=[t.pk]), {"jawaban": "Ok"}
        )
    assert TanggapanSKM.objects.get().jawaban == "Ok"
    assert mail.outbox == []


@pytest.mark.parametrize("jawaban,pesan", [("", "tidak boleh kosong"), ("   ", "tidak boleh kosong"),
                                           ("x" * 2001, "paling panjang 2.000")])  # fmt: skip
def test_jawaban_isian_salah(client_as, skm_a, org_a, jawaban, pesan):
    t = buat_tanggapan(skm_a, (2,) * 9, komentar="x")
    resp = client_as(org_a.user_kabid).post(
        reverse("skm:tanggapan_detail", args=[t.pk]), {"jawaban": jawaban}
    )
    assert resp.status_code == 400
    assert pesan in " ".join(resp.context["form"].errors["jawaban"])
    t.refresh_from_db()
    assert t.jawaban == "" and t.dijawab_oleh is None


def test_tandai_ditindaklanjuti(client_as, skm_a, org_a):
    t = buat_tanggapan(skm_a, (2,) * 9, komentar="x")
    resp = client_as(org_a.user_kabid).post(reverse("skm:tanggapan_tindaklanjut", args=[t.pk]))
    assert resp.status_code == 302
    t.refresh_from_db()
    assert t.ditindaklanjuti and t.ditindaklanjuti_pada


def test_filter_tanggapan(client_as, skm_a, skm_b, org_a):
    buat_tanggapan(skm_a, (2,) * 9, komentar="Antrean panjang")
    buat_tanggapan(skm_a, (4,) * 9)
    c = client_as(org_a.user_hr)
    url = reverse("skm:tanggapan_list")
    assert c.get(url).context["paginator"].count == 2
    assert c.get(url, {"status": "belum"}).context["paginator"].count == 1
    assert c.get(url, {"q": "antrean"}).context["paginator"].count == 1
    assert c.get(url, {"o": "-nilai"}).context["tanggapan_list"][0].total_nilai == 36
    # Another wilayah's unit id in the filter: a form error, not another wilayah's data.
    resp = c.get(url, {"unit_layanan": skm_b.ul.pk})
    assert resp.status_code == 200
    assert resp.context["filter"].form.errors["unit_layanan"]
    assert "Kantor Layanan Beta" not in resp.content.decode()
    assert c.get(url, {"mulai": "bukan-tanggal"}).context["filter"].form.errors["mulai"]


def test_periode_salah(client_as, skm_a, org_a):
    resp = client_as(org_a.user_hr).get(
        reverse("skm:ikm"), {"mulai": "2026-05-01", "selesai": "2026-01-01"}
    )
    assert resp.status_code == 200
    assert "Tanggal mulai harus sebelum tanggal selesai." in resp.content.decode()


def test_poster_pdf(client_as, skm_a, org_a, tmp_path, screenshot_dir):
    resp = client_as(org_a.user_kabid).get(reverse("skm:unitlayanan_poster", args=[skm_a.ul.pk]))
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    pdf = tmp_path / "poster.pdf"
    pdf.write_bytes(resp.content)
    teks = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert org_a.wilayah.nama_instansi.upper() in teks
    assert "Kantor Layanan Alpha" in teks
    assert skm_a.ul.get_public_url() in teks
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf),
                    str(screenshot_dir / "skm_poster")], check=True)  # fmt: skip


def _banyak_unit(org, n):
    for i in range(n):
        unit = UnitKerjaFactory(wilayah=org.wilayah, parent=org.root, nama=f"Kelurahan Uji {i}")
        p = PegawaiFactory(jabatan=None, unit=unit, wilayah=org.wilayah)
        ul = services.unit_layanan_buka(actor=org.user_hr, unit=unit, nama_publik=f"Kelurahan {i}",
                                        jenis_layanan=["Surat"])  # fmt: skip
        j = ul.jenis_layanan.get()
        TanggapanSKM.objects.create(unit_layanan=ul, jenis_layanan=j, tanggal=ul.created_at.date(),
                                    petugas=p, komentar="k", **{f"u{k}": 3 for k in range(1, 10)})  # fmt: skip


@pytest.mark.parametrize("nama", ["skm:unitlayanan_list", "skm:tanggapan_list", "skm:ikm"])
def test_jumlah_query_konstan(client_as, org_a, nama, django_assert_max_num_queries):
    c = client_as(org_a.user_hr)
    _banyak_unit(org_a, 3)
    c.get(reverse(nama))
    with django_assert_max_num_queries(40) as ctx:
        assert c.get(reverse(nama)).status_code == 200
    n = len(ctx.captured_queries)
    _banyak_unit(org_a, 27)
    with django_assert_max_num_queries(n):
        c.get(reverse(nama))
    print(nama, n, "query")


def test_detail_unit_jumlah_query_konstan(client_as, skm_a, org_a, django_assert_max_num_queries):
    c = client_as(org_a.user_kabid)
    url = reverse("skm:unitlayanan_detail", args=[skm_a.ul.pk])
    for _ in range(3):
        buat_tanggapan(skm_a, (3,) * 9, komentar="k")
    c.get(url)
    with django_assert_max_num_queries(40) as ctx:
        c.get(url)
    n = len(ctx.captured_queries)
    for _ in range(30):
        buat_tanggapan(skm_a, (2,) * 9, komentar="k", petugas=org_a.staf)
    with django_assert_max_num_queries(n):
        c.get(url)


def test_ringkasan_daftar_tanggapan(client_as, skm_a, org_a):
    buat_tanggapan(skm_a, (2,) * 9, komentar="Antrean panjang")
    buat_tanggapan(skm_a, (4,) * 9)
    ringkasan = client_as(org_a.user_hr).get(reverse("skm:tanggapan_list")).context["ringkasan"]
    assert ringkasan == {"jumlah": 2, "berkomentar": 1, "belum_dijawab": 1, "ditindaklanjuti": 0}
