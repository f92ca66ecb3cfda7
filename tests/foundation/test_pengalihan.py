"""Open redirect (issue 19 item 7): every `next` goes through asn_kinerja.pengalihan, which
follows only links on this site."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse

from asn_kinerja.pengalihan import tujuan_aman, tujuan_next

JAHAT = [
    "//evil.example/",
    "https://evil.example/",
    "http://evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "///evil.example/",
    "javascript:alert(1)",
    " //evil.example/",
    "/\x00/evil.example",
]


@pytest.mark.parametrize("url", JAHAT)
def test_tautan_luar_ditolak(url):
    rf = RequestFactory()
    req = rf.post("/x/", {"next": url})
    assert tujuan_next(req, "/aman/") == "/aman/"
    assert tujuan_aman(rf.get("/x/"), url, "/aman/") == "/aman/"


def test_tautan_lokal_diikuti_https_dihormati():
    rf = RequestFactory()
    assert tujuan_next(rf.post("/x/", {"next": "/pegawai/?q=a"}), "/b/") == "/pegawai/?q=a"
    assert tujuan_next(rf.get("/x/", {"next": "/organisasi/"}), "/b/") == "/organisasi/"
    assert tujuan_aman(rf.get("/x/"), "http://testserver/a/", "/b/") == "http://testserver/a/"
    # On an HTTPS request a plain-http link to the same host is a downgrade: refused.
    assert tujuan_aman(rf.get("/x/", secure=True), "http://testserver/a/", "/b/") == "/b/"
    assert tujuan_aman(rf.get("/x/"), "", "/b/") == "/b/"
    assert tujuan_aman(rf.get("/x/"), None, "/b/") == "/b/"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["//evil.example/", "https://evil.example/", "/\\evil.example"])
def test_proses_laporan_next_jahat_tidak_diikuti(org_a, client_as, url):
    """The report job form (`_mulai_proses`): an invalid period redirects back to `next`."""
    c = client_as(org_a.user_hr)
    resp = c.post("/laporan/rekap/jalankan/", {"next": url})
    assert resp.status_code == 302
    assert resp["Location"] == reverse("laporan:laporan_index")
    resp = c.post("/laporan/rekap/jalankan/", {"next": "/laporan/wilayah/"})
    assert resp["Location"] == "/laporan/wilayah/"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["//evil.example/", "https://evil.example/", "/\\evil.example"])
def test_aksi_organisasi_next_jahat_tidak_diikuti(org_a, client_as, url):
    c = client_as(org_a.user_hr)
    resp = c.post(f"/organisasi/unit/{org_a.seksi.pk}/aktifkan/", {"next": url})
    assert resp.status_code == 302
    assert "evil" not in resp["Location"]
    assert resp["Location"].startswith("/organisasi/")
