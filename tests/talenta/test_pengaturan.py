"""HR settings page of the talent app: pool boxes and potential thresholds of the wilayah."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from kinerja.talenta import selectors
from kinerja.talenta.models import PengaturanTalenta

pytestmark = pytest.mark.django_db


def _url(org) -> str:
    return reverse("talenta:pengaturan", args=[org.wilayah.pk])


def _pool(org) -> set:
    return set(
        selectors.pool(actor=org.user_hr, tahun=2026, wilayah_id=org.wilayah.pk).values_list(
            "pk", flat=True
        )
    )


def test_simpan_mengubah_isi_pool(org_a, sembilan, client_as):
    c = client_as(org_a.user_hr)
    assert _pool(org_a) == {sembilan[k].pk for k in [("menengah", "sangat_baik"),
                            ("tinggi", "baik"), ("tinggi", "sangat_baik")]}  # fmt: skip
    r = c.get(reverse("talenta:pengaturan_saya"))
    assert r.status_code == 302 and r.url == _url(org_a)
    r = c.get(_url(org_a))
    assert r.status_code == 200 and "Pengaturan talenta" in r.content.decode()
    assert not PengaturanTalenta.objects.exists()  # a GET writes nothing
    data = {"kotak_pool": ["6", "9"], "batas_menengah": "55", "batas_tinggi": "85.5"}
    r = c.post(_url(org_a), data, follow=True)
    assert "disimpan" in r.content.decode()
    p = PengaturanTalenta.objects.get(wilayah=org_a.wilayah)
    assert (p.kotak_pool, p.batas_menengah, p.batas_tinggi) == ([6, 9], 55, Decimal("85.5"))
    assert _pool(org_a) == {sembilan[("tinggi", "butuh_perbaikan")].pk,
                            sembilan[("tinggi", "sangat_baik")].pk}  # fmt: skip
    assert p.history.first().history_user == org_a.user_hr
    assert 'data-testid="riwayat-pengaturan"' in r.content.decode()
    r = c.get(reverse("talenta:9box") + "?tahun=2026")
    pool_grid = {s["kotak"] for baris in r.context["grid"] for s in baris["sel"] if s["pool"]}
    assert pool_grid == {6, 9}


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"kotak_pool": ["9"], "batas_menengah": "80", "batas_tinggi": "70"},
         "Skor minimal menengah harus di bawah skor minimal tinggi."),
        ({"kotak_pool": ["9"], "batas_menengah": "70", "batas_tinggi": "70"},
         "Skor minimal menengah harus di bawah skor minimal tinggi."),
        ({"batas_menengah": "60", "batas_tinggi": "80"},
         "Pilih paling sedikit satu kotak untuk talent pool."),
        ({"kotak_pool": ["10"], "batas_menengah": "60", "batas_tinggi": "80"},
         "10 bukan salah satu dari pilihan"),
        ({"kotak_pool": ["9"], "batas_menengah": "enam puluh", "batas_tinggi": "80"},
         "Masukkan sebuah bilangan."),
        ({"kotak_pool": ["9"], "batas_menengah": "60", "batas_tinggi": "150"},
         "lebih kecil dari atau sama dengan 100"),
        ({"kotak_pool": ["9"], "batas_menengah": "", "batas_tinggi": "80"},
         "Bidang ini tidak boleh kosong."),
        ({"kotak_pool": ["9"], "batas_menengah": "60.123", "batas_tinggi": "80"},
         "lebih dari 2 angka desimal"),
    ],
)  # fmt: skip
def test_masukan_salah_pesan_tanpa_simpan(org_a, client_as, data, pesan):
    r = client_as(org_a.user_hr).post(_url(org_a), data)
    assert r.status_code == 400
    assert pesan in r.content.decode()
    assert not PengaturanTalenta.objects.exists()


def test_batas_baru_dipakai_untuk_level_otomatis(org_a, client_as):
    c = client_as(org_a.user_hr)
    c.post(_url(org_a), {"kotak_pool": ["7", "8", "9"], "batas_menengah": "40",
                         "batas_tinggi": "50"})  # fmt: skip
    c.post(reverse("talenta:hasilpotensi_list"), {"nip": org_a.staf.nip, "sumber": "uji_kompetensi",
                                                  "tanggal": "2026-05-01", "skor": "55"})  # fmt: skip
    assert org_a.staf.hasil_potensi_set.get().level == "tinggi"


def test_hr_wilayah_lain_404_bukan_hr_403(org_a, org_b, client_as, admin_nasional):
    data = {"kotak_pool": ["9"], "batas_menengah": "60", "batas_tinggi": "80"}
    c = client_as(org_b.user_hr)
    assert c.get(_url(org_a)).status_code == 404
    assert c.post(_url(org_a), data).status_code == 404
    for user in (org_a.user_pimpinan, org_a.user_staf):
        c = client_as(user)
        assert c.get(_url(org_a)).status_code == 403
        assert c.post(_url(org_a), data).status_code == 403
        assert c.get(reverse("talenta:pengaturan_saya")).status_code == 403
    assert not PengaturanTalenta.objects.exists()
    # a national admin edits any wilayah's settings
    r = client_as(admin_nasional).post(_url(org_b), data)
    assert r.status_code == 302 and PengaturanTalenta.objects.get().wilayah == org_b.wilayah


def test_tautan_di_navigasi(org_a, client_as):
    html = client_as(org_a.user_hr).get(reverse("talenta:9box")).content.decode()
    assert reverse("talenta:pengaturan_saya") in html
    html = client_as(org_a.user_pimpinan).get(reverse("talenta:9box")).content.decode()
    assert reverse("talenta:pengaturan_saya") not in html
