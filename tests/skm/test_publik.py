"""The public page: works without login, leaks nothing internal, validates every field."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kinerja.skm import services
from kinerja.skm.models import PenolakanSKM, TanggapanSKM

from .conftest import buat_tanggapan, data_formulir

pytestmark = pytest.mark.django_db


def _url(skm) -> str:
    return reverse("publik:skm_form", args=[skm.ul.token])


def _foto(pegawai) -> None:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buf, format="JPEG")
    pegawai.foto = SimpleUploadedFile("foto.jpg", buf.getvalue(), content_type="image/jpeg")
    pegawai.save()


def test_halaman_publik_tanpa_login_dan_tanpa_data_internal(client, skm_a, skm_b, org_a, org_b):
    buat_tanggapan(skm_a, (1,) * 9, komentar="Komentar rahasia warga lain", kontak="0812999888")
    resp = client.get(_url(skm_a))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Kantor Layanan Alpha" in html
    assert "Surat keterangan domisili" in html
    assert "Apakah petugas sopan dan ramah?" in html
    # The unit's listed officers, by name only.
    for p in (org_a.kabid, org_a.staf, org_a.staf2):
        assert p.nama in html
        assert p.nip not in html
    # No staff of other units (the seksi below, another wilayah), no other responses.
    for p in (org_a.kasi, org_a.staf_seksi, org_a.sekda, org_b.kabid, org_b.staf):
        assert p.nama not in html
    assert "Komentar rahasia" not in html and "0812999888" not in html
    assert "Kantor Layanan Beta" not in html
    assert resp["Cache-Control"] == "private, no-store"


def test_token_tidak_dikenal_404(client, skm_a):
    assert client.get("/publik/skm/tidak-ada/").status_code == 404
    assert client.get(reverse("publik:skm_tindak_lanjut", args=["salah"])).status_code == 404
    assert client.get(reverse("publik:skm_terima_kasih", args=["salah"])).status_code == 404


def test_kirim_berhasil_lalu_terima_kasih_dan_tindak_lanjut(client, skm_a, org_a):
    data = data_formulir(skm_a, komentar="Antrean lama", kontak="warga@contoh.id",
                         petugas=org_a.staf.pk, jenis_layanan=skm_a.jenis[1].pk)  # fmt: skip
    resp = client.post(_url(skm_a), data, REMOTE_ADDR="10.0.0.1")
    t = TanggapanSKM.objects.get()
    assert resp.status_code == 302
    assert resp["Location"] == reverse("publik:skm_terima_kasih", args=[t.kunci])
    assert (t.unit_layanan, t.jenis_layanan, t.petugas) == (skm_a.ul, skm_a.jenis[1], org_a.staf)
    assert [t.u1, t.u8, t.total_nilai] == [4, 2, 30]
    assert (t.komentar, t.kontak) == ("Antrean lama", "warga@contoh.id")
    assert t.tanggal is not None
    halaman = client.get(resp["Location"]).content.decode()
    assert "Terima kasih" in halaman and t.get_public_url() in halaman
    tl = client.get(t.get_public_url()).content.decode()
    assert "Antrean lama" in tl and "Belum ada jawaban" in tl
    services.tanggapan_jawab(actor=org_a.user_kabid, tanggapan=t, jawaban="Loket ditambah.")
    tl = client.get(t.get_public_url()).content.decode()
    assert "Loket ditambah." in tl
    assert "warga@contoh.id" not in tl


def test_unit_ditutup_menolak_dan_menghitung(client, skm_a):
    services.unit_layanan_atur_status(actor=skm_a.org.user_hr, unit_layanan=skm_a.ul, dibuka=False)
    assert "sedang ditutup" in client.get(_url(skm_a)).content.decode()
    resp = client.post(_url(skm_a), data_formulir(skm_a))
    assert "sedang ditutup" in resp.content.decode()
    assert not TanggapanSKM.objects.exists()
    assert PenolakanSKM.objects.get().alasan == "ditutup"


@pytest.mark.parametrize(
    "ubah,field,pesan",
    [
        ({"jenis_layanan": ""}, "jenis_layanan", "Pilih layanan yang Anda terima."),
        ({"u3": ""}, "u3", "Pilih salah satu jawaban."),
        ({"u3": "5"}, "u3", "Pilih salah satu jawaban."),
        ({"u3": "dua"}, "u3", "Pilih salah satu jawaban."),
        ({"komentar": "x" * 1001}, "komentar", "paling panjang 1.000 karakter"),
        ({"kontak": "bukan kontak"}, "kontak", "Tulis e-mail atau nomor HP"),
        ({"kontak": "a@b"}, "kontak", "Alamat e-mail tidak valid."),
        ({"kontak": "1" * 101}, "kontak", "paling panjang 100 karakter"),
        ({"petugas": "abc"}, "petugas", "Pilih petugas dari daftar"),
    ],
)
def test_isian_salah_pesan_jelas_tanpa_tulis(client, skm_a, ubah, field, pesan):
    resp = client.post(_url(skm_a), data_formulir(skm_a, **ubah))
    assert resp.status_code == 400
    assert pesan in " ".join(resp.context["form"].errors[field])
    assert "belum lengkap" in resp.content.decode()
    assert not TanggapanSKM.objects.exists()
    assert not PenolakanSKM.objects.exists()  # a citizen's mistake is not an attack


def test_formulir_kosong(client, skm_a):
    resp = client.post(_url(skm_a), {})
    assert resp.status_code == 400
    errors = resp.context["form"].errors
    assert {"jenis_layanan", *(f"u{i}" for i in range(1, 10))} <= set(errors)
    assert not TanggapanSKM.objects.exists()


def test_pilihan_dari_unit_atau_wilayah_lain_ditolak(client, skm_a, skm_b, org_a, org_b):
    for ubah in (
        {"jenis_layanan": skm_b.jenis[0].pk},  # another wilayah's service
        {"petugas": org_b.staf.pk},  # another wilayah's employee
        {"petugas": org_a.kasi.pk},  # same wilayah, not listed for this unit
    ):
        resp = client.post(_url(skm_a), data_formulir(skm_a, **ubah))
        assert resp.status_code == 400, ubah
    assert not TanggapanSKM.objects.exists()


def test_layanan_nonaktif_tidak_bisa_dipilih(client, skm_a):
    services.unit_layanan_ubah(actor=skm_a.org.user_hr, unit_layanan=skm_a.ul, nama_publik="X",
                               jenis_layanan=["Legalisir dokumen"], petugas=[])  # fmt: skip
    resp = client.post(_url(skm_a), data_formulir(skm_a, jenis_layanan=skm_a.jenis[0].pk))
    assert resp.status_code == 400
    assert "Surat keterangan domisili" not in client.get(_url(skm_a)).content.decode()


def test_foto_hanya_petugas_yang_tercantum(client, skm_a, skm_b, org_a, org_b):
    _foto(org_a.staf)
    _foto(org_a.kasi)  # staff of the seksi below: not listed for this unit
    _foto(org_b.staf)
    url = lambda skm, p: reverse("publik:skm_foto", args=[skm.ul.token, p.pk])  # noqa: E731
    resp = client.get(url(skm_a, org_a.staf))
    assert resp.status_code == 200 and resp["Content-Type"] == "image/jpeg"
    assert client.get(url(skm_a, org_a.kasi)).status_code == 404
    assert client.get(url(skm_a, org_b.staf)).status_code == 404
    assert client.get(url(skm_a, org_a.staf2)).status_code == 404  # no photo
    assert client.get(url(skm_b, org_a.staf)).status_code == 404
    html = client.get(_url(skm_a)).content.decode()
    assert url(skm_a, org_a.staf) in html


def test_halaman_publik_jumlah_query_kecil(client, skm_a, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(_url(skm_a))
