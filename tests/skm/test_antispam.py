"""Abuse resistance: a rejected submission gets a friendly message, is counted per unit, day
and reason, and writes no response."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from kinerja.skm import antispam
from kinerja.skm.models import PenolakanSKM, TanggapanSKM

from .conftest import data_formulir

pytestmark = pytest.mark.django_db


def _kirim(client, skm, ip="10.1.1.1", **ubah):
    return client.post(
        reverse("publik:skm_form", args=[skm.ul.token]), data_formulir(skm, **ubah), REMOTE_ADDR=ip
    )


def _ditolak() -> dict[str, int]:
    return dict(PenolakanSKM.objects.values_list("alasan", "jumlah"))


def test_honeypot_dihitung_tanpa_tanggapan(client, skm_a):
    resp = _kirim(client, skm_a, website="http://spam.example")
    assert resp.status_code == 200
    assert "belum dapat kami terima" in resp.content.decode()
    _kirim(client, skm_a, website="lagi", u1=1)
    assert not TanggapanSKM.objects.exists()
    assert _ditolak() == {"honeypot": 2}
    assert PenolakanSKM.objects.get().unit_layanan == skm_a.ul


def test_terlalu_cepat_formulir_ditampilkan_lagi(client, skm_a):
    resp = _kirim(client, skm_a, t=antispam.token_formulir(skm_a.ul.pk), komentar="Cepat sekali")
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "terlalu cepat" in html
    assert "Cepat sekali" in html  # the answers are kept
    assert 'value="4" checked' in html
    assert not TanggapanSKM.objects.exists()
    assert _ditolak() == {"terlalu_cepat": 1}


@pytest.mark.parametrize("token", ["", "rusak", "palsu:abc:def"])
def test_token_rusak_atau_hilang(client, skm_a, token):
    resp = _kirim(client, skm_a, t=token)
    assert resp.status_code == 400 and "terlalu lama dibuka" in resp.content.decode()
    assert not TanggapanSKM.objects.exists()
    assert _ditolak() == {"kedaluwarsa": 1}


def test_token_kedaluwarsa_dan_token_unit_lain(client, skm_a, skm_b, settings):
    settings.SKM_FORM_MAKS_DETIK = 600
    _kirim(client, skm_a, t=antispam.token_formulir(skm_a.ul.pk, waktu=time.time() - 3600))
    _kirim(client, skm_a, t=antispam.token_formulir(skm_b.ul.pk, waktu=time.time() - 60))
    assert not TanggapanSKM.objects.exists()
    assert _ditolak() == {"kedaluwarsa": 2}


def test_batas_per_ip(client, skm_a, settings):
    settings.SKM_BATAS_IP = (2, 3600)
    assert _kirim(client, skm_a, u1=1).status_code == 302
    assert _kirim(client, skm_a, u1=2).status_code == 302
    resp = _kirim(client, skm_a, u1=3)
    assert resp.status_code == 429
    assert "jaringan Anda" in resp.content.decode()
    assert _kirim(client, skm_a, ip="10.9.9.9", u1=3).status_code == 302  # another address
    assert TanggapanSKM.objects.count() == 3
    assert _ditolak() == {"batas_ip": 1}


def test_batas_per_unit(client, skm_a, skm_b, settings):
    settings.SKM_BATAS_UNIT = (2, 3600)
    for i in range(2):
        assert _kirim(client, skm_a, ip=f"10.0.0.{i}").status_code == 302
    resp = _kirim(client, skm_a, ip="10.0.0.50")
    assert resp.status_code == 429
    assert _kirim(client, skm_b, ip="10.0.0.51").status_code == 302  # other units unaffected
    assert TanggapanSKM.objects.filter(unit_layanan=skm_a.ul).count() == 2
    assert _ditolak() == {"batas_unit": 1}


def test_duplikat(client, skm_a):
    assert _kirim(client, skm_a, komentar="Sama").status_code == 302
    resp = _kirim(client, skm_a, komentar="  sama ")
    assert resp.status_code == 200
    assert "baru saja kami terima" in resp.content.decode()
    assert _kirim(client, skm_a, komentar="Sama", ip="10.2.2.2").status_code == 302
    assert _kirim(client, skm_a, komentar="Sama", u9=1).status_code == 302
    assert TanggapanSKM.objects.count() == 3
    assert _ditolak() == {"duplikat": 1}


def test_cache_mati_tetap_menerima(client, skm_a, redis_mati):
    """Redis really down (a closed port): the limits and the duplicate check fail open."""
    assert _kirim(client, skm_a).status_code == 302
    assert _kirim(client, skm_a, komentar="Lagi").status_code == 302
    assert TanggapanSKM.objects.count() == 2


def test_alamat_ip_tidak_disimpan(client, skm_a):
    _kirim(client, skm_a, ip="203.0.113.77")
    t = TanggapanSKM.objects.values()[0]
    assert "203.0.113.77" not in str(t)
