"""Login required everywhere, the login page, the home page and the time-zone middleware."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from asn_kinerja.middleware import WilayahTimezoneMiddleware

pytestmark = pytest.mark.django_db


def test_halaman_butuh_login(client):
    for url in ["/", "/admin/", "/pegawai/", "/kinerja/"]:
        resp = client.get(url)
        assert resp.status_code == 302, url
        assert "/login/" in resp["Location"], url


def test_halaman_login_berbahasa_indonesia(client):
    resp = client.get(reverse("login"))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Masuk" in html and 'lang="id"' in html


def test_login_gagal_berulang_dikunci(client, org_a):
    for _ in range(5):
        client.post(reverse("login"), {"username": "hr_alpha", "password": "salah"})
    resp = client.post(reverse("login"), {"username": "hr_alpha", "password": "rahasia-uji-123"})
    assert resp.status_code == 429
    assert "dikunci sementara" in resp.content.decode()


def test_beranda_hr_menampilkan_hitungan_wilayahnya(client_as, org_a, org_b):
    resp = client_as(org_a.user_hr).get("/")
    assert resp.status_code == 200
    assert resp.context["ringkasan"]["pegawai"]["jumlah"] == 6
    assert resp.context["ringkasan"]["unit"]["aktif"] == 3
    assert "Beta" not in resp.content.decode()


def test_beranda_admin_nasional_per_wilayah(client_as, org_a, org_b, admin_nasional):
    resp = client_as(admin_nasional).get("/")
    rows = {w.nama: w.jumlah_pegawai for w in resp.context["per_wilayah"]}
    assert rows == {"Alpha": 6, "Beta": 6}


def test_beranda_jumlah_query_konstan(client_as, org_a, django_assert_max_num_queries):
    from tests.factories import PegawaiFactory

    client = client_as(org_a.user_staf)
    client.get("/")
    with django_assert_max_num_queries(12) as ctx:
        client.get("/")
    n = len(ctx.captured_queries)
    PegawaiFactory.create_batch(20, jabatan=org_a.j_staf)
    with django_assert_max_num_queries(n):
        client.get("/")


def test_middleware_zona_waktu_wilayah(org_a, org_b):
    seen = {}

    def view(request):
        seen["tz"] = timezone.get_current_timezone_name()
        seen["jam"] = timezone.localtime(dt.datetime(2026, 11, 23, 23, 45, tzinfo=dt.UTC)).strftime(
            "%H:%M"
        )
        from django.http import HttpResponse

        return HttpResponse()

    mw = WilayahTimezoneMiddleware(view)
    req = RequestFactory().get("/")
    req.user = org_a.user_hr  # Asia/Makassar (WITA)
    mw(req)
    assert seen == {"tz": "Asia/Makassar", "jam": "07:45"}
    req.user = org_b.user_hr  # Asia/Jakarta (WIB)
    mw(req)
    assert seen == {"tz": "Asia/Jakarta", "jam": "06:45"}
    assert timezone.get_current_timezone_name() == "Asia/Jakarta"  # deactivated after
