"""NUL byte in query parameters and form fields (issue 19 item 6): PostgreSQL rejects "\\x00"
in text, so a `?q=%00` reaching a filter (or a posted field read straight from request.POST)
was a 500. `asn_kinerja.middleware.BuangNulMiddleware` strips it from every GET and POST key
and value before any view sees it; uploaded files keep their bytes."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from asn_kinerja.middleware import BuangNulMiddleware

pytestmark = pytest.mark.django_db

#: The pages of the report, plus every other page without an id in its URL.
DILAPORKAN = ["/kinerja/skp/", "/organisasi/", "/pegawai/kehadiran/", "/pegawai/penempatan/"]
PARAM = ["q", "status", "unit", "jabatan", "periode", "tahun", "bulan", "wilayah", "jenis",
         "sort", "urut", "page", "pegawai", "predikat", "format", "tab", "kelas", "aktif"]  # fmt: skip
TANPA_GET = {"notifikasi_baca_semua", "rekap_jalankan", "pdf_wilayah_buat", "logout"}


def _url_tanpa_id() -> list[str]:
    hasil = []

    def jalan(res, awal=""):
        for p in res.url_patterns:
            if isinstance(p, URLResolver):
                jalan(p, awal + str(p.pattern))
            elif isinstance(p, URLPattern) and "<" not in str(p.pattern):
                url = "/" + awal + str(p.pattern)
                if not url.startswith("/admin") and p.name not in TANPA_GET:
                    hasil.append(url)

    jalan(get_resolver())
    return sorted(set(hasil) | set(DILAPORKAN))


def test_middleware_membersihkan_kunci_dan_nilai():
    seen = {}

    def view(request):
        seen["get"] = request.GET
        return None

    req = RequestFactory().get("/x/?q=ab%00c&st%00atus=%00&q=d")
    BuangNulMiddleware(view)(req)
    assert seen["get"].getlist("q") == ["abc", "d"]
    assert seen["get"]["status"] == ""
    assert "\x00" not in repr(dict(seen["get"].lists()))


@pytest.mark.parametrize("url", DILAPORKAN)
def test_halaman_dilaporkan_q_nul_bukan_500(org_a, client_as, url):
    resp = client_as(org_a.user_hr).get(url, {"q": "\x00"})
    assert resp.status_code == 200


def test_semua_halaman_nul_di_setiap_parameter_bukan_500(org_a, client_as, admin_nasional):
    gagal = []
    for user in (org_a.user_hr, org_a.user_kabid, admin_nasional):
        c = client_as(user)
        for url in _url_tanpa_id():
            resp = c.get(url, {k: f"a\x00{k}" for k in PARAM} | {"q\x00": "\x00"})
            if resp.status_code >= 500:
                gagal.append((user.username, url, resp.status_code))
    assert not gagal


def test_middleware_membersihkan_post_tanpa_menyentuh_berkas():
    from django.core.files.uploadedfile import SimpleUploadedFile

    seen = {}

    def view(request):
        seen["post"], seen["files"] = request.POST, request.FILES
        return None

    rf = RequestFactory()
    req = rf.post("/x/", {"catatan": "a\x00b", "berkas": SimpleUploadedFile("a.bin", b"\x00\x01")})
    BuangNulMiddleware(view)(req)
    assert seen["post"]["catatan"] == "ab"
    assert seen["files"]["berkas"].read() == b"\x00\x01"
    req = rf.post("/x/", "catatan=a%00b&x=1", content_type="application/x-www-form-urlencoded")
    BuangNulMiddleware(view)(req)
    assert dict(seen["post"].items()) == {"catatan": "ab", "x": "1"}


def test_post_dengan_nul_bukan_500(org_a, client_as, admin_nasional):
    """A view reading request.POST directly (the report job's `wilayah`) was a 500."""
    c = client_as(admin_nasional)
    resp = c.post("/laporan/rekap/jalankan/", {"wilayah": "a\x00", "periode": "1\x00"})
    assert resp.status_code in (302, 403, 404)
    resp = client_as(org_a.user_hr).post("/laporan/rekap/jalankan/", {"periode": "\x00"})
    assert resp.status_code == 302
