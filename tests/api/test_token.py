"""API tokens: made on the user's page (the key shown once, only its hash stored), used as
`Authorization: Token <key>`, revoked by the owner or HR of the owner's wilayah (another
wilayah's token is a 404), throttling, and the schema/Swagger UI."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from kinerja.api import services
from kinerja.api.models import TokenAPI
from kinerja.api.selectors import hash_kunci

pytestmark = pytest.mark.django_db


def _pakai(kunci: str, url: str = "/api/v1/skp/"):
    return APIClient().get(url, HTTP_AUTHORIZATION=f"Token {kunci}")


def test_halaman_token_membuat_dan_menampilkan_sekali(client_as, org_a):
    c = client_as(org_a.user_staf)
    resp = c.post("/api/token/", {"nama": "Ponsel kantor"})
    assert resp.status_code == 200
    html = resp.content.decode()
    kunci = re.search(r'data-testid="kunci-token">([^<]+)<', html).group(1)
    assert resp["Cache-Control"] == "no-store"
    token = TokenAPI.objects.get()
    assert token.pengguna == org_a.user_staf and token.hash_kunci == hash_kunci(kunci)
    assert kunci not in str(TokenAPI.objects.values().get())  # only the hash is stored
    again = c.get("/api/token/").content.decode()
    assert kunci not in again and "Ponsel kantor" in again
    assert _pakai(kunci).status_code == 200


def test_halaman_token_masukan_buruk(client_as, org_a):
    c = client_as(org_a.user_staf)
    resp = c.post("/api/token/", {"nama": ""})
    assert resp.status_code == 400 and "Beri nama token" in resp.content.decode()
    resp = c.post("/api/token/", {"nama": "x" * 61})
    assert resp.status_code == 400 and "paling banyak 60" in resp.content.decode()
    for i in range(services.MAKS_TOKEN_AKTIF):
        services.token_buat(actor=org_a.user_staf, nama=f"T{i}")
    resp = c.post("/api/token/", {"nama": "Satu lagi"})
    assert resp.status_code == 400 and "Cabut salah satu" in resp.content.decode()
    assert TokenAPI.objects.count() == services.MAKS_TOKEN_AKTIF


def test_token_memakai_lingkup_pemiliknya(org_a, org_b, dinilai):
    _t, kunci = services.token_buat(actor=org_a.user_staf, nama="HP")
    resp = _pakai(kunci)
    assert {r["id"] for r in resp.json()["results"]} == {dinilai["a"]["staf"].pk}
    assert _pakai(kunci, f"/api/v1/skp/{dinilai['b']['staf'].pk}/").status_code == 404
    _t.refresh_from_db()
    assert _t.terakhir_dipakai is not None


def test_token_salah_atau_dicabut_401(org_a):
    token, kunci = services.token_buat(actor=org_a.user_staf, nama="HP")
    assert _pakai("bukan-token").status_code == 401
    assert APIClient().get("/api/v1/skp/", HTTP_AUTHORIZATION="Token").status_code == 401
    services.token_cabut(actor=org_a.user_staf, token=token)
    resp = _pakai(kunci)
    assert resp.status_code == 401 and "dicabut" in resp.json()["detail"]
    assert resp["WWW-Authenticate"] == "Token"


def test_token_pengguna_nonaktif_401(org_a):
    _t, kunci = services.token_buat(actor=org_a.user_staf, nama="HP")
    org_a.user_staf.is_active = False
    org_a.user_staf.save()
    assert _pakai(kunci).status_code == 401


def test_token_tanpa_csrf(org_a, dinilai):
    """A token client is not a browser: no CSRF token needed."""
    from tests.kinerja.factories import PeriodeKinerjaFactory

    PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=2026)
    _t, kunci = services.token_buat(actor=org_a.user_staf, nama="HP")
    c = APIClient(enforce_csrf_checks=True)
    resp = c.post("/api/v1/log-harian/", {"tanggal": "2026-12-01", "kegiatan": "Apel pagi"},
                  format="json", HTTP_AUTHORIZATION=f"Bearer {kunci}")  # fmt: skip
    assert resp.status_code == 201, resp.json()


def test_cabut_sendiri_lewat_halaman(client_as, org_a):
    token, kunci = services.token_buat(actor=org_a.user_staf, nama="HP")
    resp = client_as(org_a.user_staf).post(f"/api/token/{token.pk}/cabut/")
    assert resp.status_code == 302
    token.refresh_from_db()
    assert token.dicabut_pada and token.dicabut_oleh == org_a.user_staf
    assert _pakai(kunci).status_code == 401


def test_hr_melihat_dan_mencabut_token_wilayahnya_saja(client_as, org_a, org_b):
    milik_a, kunci_a = services.token_buat(actor=org_a.user_staf, nama="HP staf A")
    milik_b, _kunci_b = services.token_buat(actor=org_b.user_staf, nama="HP staf B")
    c = client_as(org_a.user_hr)
    html = c.get("/api/token/wilayah/").content.decode()
    assert "HP staf A" in html and "HP staf B" not in html
    assert c.post(f"/api/token/{milik_b.pk}/cabut/").status_code == 404
    milik_b.refresh_from_db()
    assert milik_b.dicabut_pada is None
    resp = c.post(f"/api/token/{milik_a.pk}/cabut/", {"next": "/api/token/wilayah/"})
    assert resp.status_code == 302 and resp["Location"] == "/api/token/wilayah/"
    assert _pakai(kunci_a).status_code == 401
    assert "HP staf A" in c.get("/api/token/wilayah/", {"aktif": "0"}).content.decode()


def test_pegawai_tidak_boleh_halaman_hr_atau_token_orang_lain(client_as, org_a):
    lain, _k = services.token_buat(actor=org_a.user_kasi, nama="HP")
    c = client_as(org_a.user_staf)
    assert c.get("/api/token/wilayah/").status_code == 403
    assert c.post(f"/api/token/{lain.pk}/cabut/").status_code == 404
    # The kabid is a superior, not HR: no revoking of the staff's tokens either.
    assert client_as(org_a.user_kabid).post(f"/api/token/{lain.pk}/cabut/").status_code == 404


def test_throttling(settings, org_a):
    from django.core.cache import cache

    rates = {
        **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
        "user": "3/minute",
        "anon": "2/minute",
    }
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    from rest_framework.throttling import SimpleRateThrottle

    lama = SimpleRateThrottle.THROTTLE_RATES
    SimpleRateThrottle.THROTTLE_RATES = rates  # read once at import by DRF
    cache.clear()
    try:
        _t, kunci = services.token_buat(actor=org_a.user_staf, nama="HP")
        status = [_pakai(kunci).status_code for _ in range(4)]
        assert status == [200, 200, 200, 429]
        resp = _pakai(kunci)
        assert resp.status_code == 429 and "Retry-After" in resp
        assert "Permintaan terlalu sering" in resp.json()["detail"] or resp.json()["detail"]
        # Another user has their own budget.
        _t2, kunci2 = services.token_buat(actor=org_a.user_kabid, nama="HP")
        assert _pakai(kunci2).status_code == 200
    finally:
        SimpleRateThrottle.THROTTLE_RATES = lama
        cache.clear()


def test_throttling_gagal_terbuka_saat_redis_mati(redis_mati, org_a):
    _t, kunci = services.token_buat(actor=org_a.user_staf, nama="HP")
    assert _pakai(kunci).status_code == 200


def test_schema_tanpa_peringatan(tmp_path):
    berkas = tmp_path / "s.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(berkas))
    teks = berkas.read_text()
    for jalur in (
        "/api/v1/pegawai/",
        "/api/v1/log-harian/{id}/",
        "/api/v1/evaluasi/{id}/realisasi/",
    ):
        assert jalur in teks


def test_swagger_ui_dari_berkas_statis_sendiri(client_as, org_a, client):
    c = client_as(org_a.user_staf)
    html = c.get("/api/v1/docs/").content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "//cdn" not in html and "unpkg" not in html and "<script>" not in html
    assert c.get("/api/v1/docs/?script=").status_code == 200
    assert c.get("/api/v1/schema/").status_code == 200
    client.logout()
    assert client.get("/api/v1/schema/").status_code == 401
    resp = client.get("/api/v1/docs/")
    assert resp.status_code == 302 and resp["Location"].startswith("/accounts/login/")
