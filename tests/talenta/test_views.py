"""Pages: content, roles, other-wilayah 404, constant query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from kinerja.talenta import services
from kinerja.talenta.models import HasilPotensi, KandidatSuksesi, KoreksiKotak
from pegawai.models import Diklat

from .conftest import pegawai_kotak

pytestmark = pytest.mark.django_db


def _isi(org, n: int, awal: int = 0):
    for i in range(awal, awal + n):
        lv = ("rendah", "menengah", "tinggi")[i % 3]
        pred = ("butuh_perbaikan", "baik", "sangat_baik")[(i // 3) % 3]
        pegawai_kotak(org, pred, lv, nama=f"Isi {i:03d}")


def test_grid_menghitung_per_kotak(org_a, sembilan, client_as):
    pegawai_kotak(org_a, "baik", None, nama="Tanpa potensi")
    resp = client_as(org_a.user_hr).get(reverse("talenta:9box") + "?tahun=2026")
    assert resp.status_code == 200
    assert resp.context["per_kotak"] == dict.fromkeys(range(1, 10), 1)
    assert resp.context["belum_lengkap"] == 7  # the fixture's 6 + "Tanpa potensi"
    html = resp.content.decode()
    assert 'data-kotak="9"' in html and "Belum lengkap" in html


def test_grid_per_unit(org_a, sembilan, client_as):
    pegawai_kotak(org_a, "sangat_baik", "tinggi", nama="Seksi", unit=org_a.seksi)
    resp = client_as(org_a.user_hr).get(
        reverse("talenta:9box") + f"?tahun=2026&unit={org_a.seksi.pk}"
    )
    assert resp.context["per_kotak"][9] == 1 and sum(resp.context["per_kotak"].values()) == 1


def test_grid_tidak_bocor_ke_wilayah_lain(org_a, org_b, sembilan, client_as):
    resp = client_as(org_b.user_hr).get(reverse("talenta:9box") + "?tahun=2026")
    assert sum(resp.context["per_kotak"].values()) == 0
    resp = client_as(org_b.user_hr).get(reverse("talenta:kotak_pegawai", args=[9]) + "?tahun=2026")
    assert list(resp.context["pegawai_list"]) == []


def test_pegawai_biasa_tidak_boleh_lihat_grid(org_a, client_as):
    assert client_as(org_a.user_staf).get(reverse("talenta:9box")).status_code == 403


@pytest.mark.parametrize("n", [9, 36])
def test_grid_dan_kotak_query_konstan(org_a, client_as, django_assert_max_num_queries, n):
    _isi(org_a, n)
    c = client_as(org_a.user_hr)
    services.kalibrasi_buat(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2026)
    with django_assert_max_num_queries(14):
        assert c.get(reverse("talenta:9box") + "?tahun=2026").status_code == 200
    with django_assert_max_num_queries(14):
        r = c.get(reverse("talenta:kotak_pegawai", args=[2]) + "?tahun=2026")
    assert r.status_code == 200 and len(r.context["pegawai_list"]) == n // 9


def test_koreksi_dari_halaman_kotak(org_a, sembilan, client_as):
    k = services.kalibrasi_buat(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2026)
    p = sembilan[("menengah", "baik")]
    c = client_as(org_a.user_pimpinan)
    url = reverse("talenta:kalibrasi_koreksi", args=[k.pk])
    r = c.post(url, {"pegawai": p.pk, "kotak_baru": 7, "catatan": ""}, follow=True)
    assert "isi catatan kalibrasi" in r.content.decode() and not KoreksiKotak.objects.exists()
    c.post(url, {"pegawai": p.pk, "kotak_baru": 7, "catatan": "Proyek strategis"})
    assert KoreksiKotak.objects.get().kotak_baru == 7
    r = c.get(reverse("talenta:9box") + "?tahun=2026")
    assert r.context["per_kotak"][5] == 0 and r.context["per_kotak"][7] == 2


@pytest.mark.parametrize(
    "kembali", ["//evil.example/", "/\\evil.example/", "https://evil.example/"]
)
def test_koreksi_kembali_luar_situs_diabaikan(org_a, sembilan, client_as, kembali):
    """`kembali` is followed only when it stays on this site: the view's own check
    (`startswith("/")`) let `//host` through, an open redirect."""
    k = services.kalibrasi_buat(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2026)
    p = sembilan[("menengah", "baik")]
    c = client_as(org_a.user_hr)
    url = reverse("talenta:kalibrasi_koreksi", args=[k.pk])
    r = c.post(url, {"pegawai": p.pk, "kotak_baru": 7, "catatan": "Proyek", "kembali": kembali})
    assert r.status_code == 302 and r.url == k.get_absolute_url()
    r = c.post(url, {"pegawai": p.pk, "kotak_baru": 8, "catatan": "X", "kembali": "/talenta/"})
    assert r.url == "/talenta/"


def test_kunci_dari_halaman(org_a, client_as):
    k = services.kalibrasi_buat(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2026)
    c = client_as(org_a.user_hr)
    c.post(reverse("talenta:kalibrasi_kunci", args=[k.pk]))
    r = c.post(reverse("talenta:kalibrasi_kunci", args=[k.pk]), follow=True)
    assert "sudah" in r.content.decode()
    k.refresh_from_db()
    assert k.status == "dikunci"


def test_objek_wilayah_lain_404(org_a, org_b, sembilan, client_as):
    k = services.kalibrasi_buat(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2026)
    pos = services.posisi_kunci_tandai(actor=org_a.user_hr, jabatan=org_a.j_kabid)
    cand = services.kandidat_tambah(actor=org_a.user_hr, posisi=pos, pegawai=sembilan[("tinggi", "sangat_baik")],
                                    kesiapan="siap_sekarang", tahun=2026)  # fmt: skip
    c = client_as(org_b.user_hr)
    p = sembilan[("tinggi", "sangat_baik")]
    for url, method in [
        (reverse("talenta:kalibrasi_detail", args=[k.pk]), "get"),
        (reverse("talenta:kalibrasi_kunci", args=[k.pk]), "post"),
        (reverse("talenta:kalibrasi_tandai", args=[k.pk]), "post"),
        (reverse("talenta:kalibrasi_koreksi", args=[k.pk]), "post"),
        (reverse("talenta:posisikunci_detail", args=[pos.pk]), "get"),
        (reverse("talenta:posisikunci_hapus", args=[pos.pk]), "post"),
        (reverse("talenta:kandidat_hapus", args=[cand.pk]), "post"),
        (reverse("talenta:profil_pdf", args=[p.pk]), "get"),
    ]:
        assert getattr(c, method)(url).status_code == 404, url
    k.refresh_from_db()
    assert k.status == "draf" and KandidatSuksesi.objects.exists()


def test_suksesi_kandidat_dari_pool_dan_risiko(org_a, sembilan, client_as):
    c = client_as(org_a.user_hr)
    r = c.post(reverse("talenta:posisikunci_list"), {"jabatan": org_a.j_staf.pk}, follow=True)
    assert "Pilih jabatan JPT atau administrator" in r.content.decode()
    r = c.post(reverse("talenta:posisikunci_list"), {"jabatan": org_a.j_kabid.pk})
    pos = org_a.j_kabid.posisi_kunci
    url = pos.get_absolute_url()
    r = c.get(url + "?tahun=2026")
    assert "Berisiko" in r.content.decode()
    assert {p.pk for p in r.context["rekomendasi"]} == {
        sembilan[(lv, pr)].pk
        for lv, pr in [("menengah", "sangat_baik"), ("tinggi", "baik"), ("tinggi", "sangat_baik")]
    }
    bukan_pool = sembilan[("rendah", "baik")]
    r = c.post(url, {"nip": bukan_pool.nip, "kesiapan": "siap_sekarang", "tahun": 2026})
    assert r.status_code == 400 and "talent pool" in r.content.decode()
    r = c.post(url, {"nip": org_a.staf.nip + "x", "kesiapan": "siap_sekarang", "tahun": 2026})
    assert r.status_code == 400
    top = sembilan[("tinggi", "sangat_baik")]
    c.post(url, {"nip": top.nip, "kesiapan": "siap_sekarang", "tahun": 2026})
    r = c.get(reverse("talenta:posisikunci_list"))
    assert r.context["tertutup"] == 1 and "Ada pengganti siap" in r.content.decode()


def test_nip_wilayah_lain_ditolak(org_a, org_b, client_as):
    r = client_as(org_a.user_hr).post(
        reverse("talenta:hasilpotensi_list"),
        {"nip": org_b.staf.nip, "sumber": "uji_kompetensi", "tanggal": "2026-05-01", "skor": "70"},
    )
    assert r.status_code == 400 and "tidak ditemukan di wilayah Anda" in r.content.decode()
    assert not HasilPotensi.objects.exists()


def test_hasil_potensi_level_otomatis(org_a, client_as):
    r = client_as(org_a.user_hr).post(
        reverse("talenta:hasilpotensi_list"),
        {"nip": org_a.staf.nip, "sumber": "uji_kompetensi", "tanggal": "2026-05-01", "skor": "81"},
    )
    assert r.status_code == 302
    assert HasilPotensi.objects.get().level == "tinggi"
    r = client_as(org_a.user_hr).post(
        reverse("talenta:hasilpotensi_list"),
        {"nip": org_a.staf.nip, "sumber": "uji_kompetensi", "tanggal": "", "skor": "181"},
    )
    assert r.status_code == 400 and HasilPotensi.objects.count() == 1


def test_karier_saya(org_a, sembilan, client_as):
    from .conftest import evaluasi_tahunan, potensi

    evaluasi_tahunan(org_a.staf, "sangat_baik")
    potensi(org_a.staf, "tinggi")
    pos = services.posisi_kunci_tandai(actor=org_a.user_hr, jabatan=org_a.j_kabid)
    services.kandidat_tambah(
        actor=org_a.user_hr, posisi=pos, pegawai=org_a.staf, kesiapan="1_2_tahun", tahun=2026
    )
    r = client_as(org_a.user_staf).get(reverse("talenta:karier"))
    assert r.status_code == 200
    assert r.context["riwayat"][0]["tahun"] == 2026 and r.context["riwayat"][0]["kotak"] == 9
    assert "Kepala Bidang Umum" in r.content.decode() and "Siap 1-2 tahun" in r.content.decode()
    # the development summary (pegawai.pengembangan): JP of this calendar year against 20
    assert r.context["ringkasan"]["jp"] == 0 and r.context["ringkasan"]["jp_kurang"] == 20
    Diklat.objects.create(
        pegawai=org_a.staf, nama="Pelatihan Data", jenis=Diklat.Jenis.TEKNIS,
        tanggal_mulai=dt.date(2026, 3, 2), tanggal_selesai=dt.date(2026, 3, 4), jam_pelajaran=24,
    )  # fmt: skip
    r = client_as(org_a.user_staf).get(reverse("talenta:karier"))
    html = r.content.decode()
    assert 'data-testid="ringkasan-pengembangan"' in html and "Hak 20 JP terpenuhi" in html
    assert r.context["ringkasan"]["jp"] == 24


@pytest.mark.parametrize("n", [2, 12])
def test_suksesi_query_konstan(org_a, client_as, django_assert_max_num_queries, n):
    from tests.factories import JabatanFactory

    for i in range(n):
        j = JabatanFactory(unit=org_a.bidang, nama=f"Adm {i}", jenis="administrator")
        services.posisi_kunci_tandai(actor=org_a.user_hr, jabatan=j)
    c = client_as(org_a.user_hr)
    with django_assert_max_num_queries(12):
        assert c.get(reverse("talenta:posisikunci_list")).status_code == 200


def test_pdf(org_a, sembilan, client_as, screenshot_dir):
    pos = services.posisi_kunci_tandai(actor=org_a.user_hr, jabatan=org_a.j_kabid)
    services.kandidat_tambah(actor=org_a.user_hr, posisi=pos, pegawai=sembilan[("tinggi", "sangat_baik")],
                             kesiapan="siap_sekarang", tahun=2026)  # fmt: skip
    c = client_as(org_a.user_hr)
    for nama, url in (
        ("talenta_suksesi.pdf", reverse("talenta:laporan_suksesi_pdf")),
        (
            "talenta_profil.pdf",
            reverse("talenta:profil_pdf", args=[sembilan[("tinggi", "baik")].pk]),
        ),
    ):
        r = c.get(url)
        assert r.status_code == 200 and r.content[:4] == b"%PDF"
        (screenshot_dir / nama).write_bytes(r.content)
