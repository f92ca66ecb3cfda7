"""Defence in depth (issue 19 item 9): the Content-Security-Policy of app pages, no inline
script in any project template, and the request size limits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I | re.S)


def _templat() -> list[Path]:
    berkas = sorted(TEMPLATES.rglob("*.html")) + sorted(TEMPLATES.rglob("*.txt"))
    assert len(berkas) > 50
    return berkas


def test_tidak_ada_skrip_inline_tanpa_nonce():
    """Every <script> in a project template loads a static file, carries data only
    (type="application/json") or a per-request nonce; no on*= handler, no javascript: URL."""
    salah = []
    for f in _templat():
        teks = f.read_text()
        for m in SCRIPT.finditer(teks):
            attr = m.group(1)
            if "src=" in attr or 'type="application/json"' in attr or "nonce=" in attr:
                continue
            salah.append(f"{f.relative_to(TEMPLATES)}: <script{attr}>")
        salah += [f"{f.relative_to(TEMPLATES)}: handler {m.group(0)[-40:]!r}"
                  for m in HANDLER.finditer(teks)]  # fmt: skip
        if "javascript:" in teks.lower():
            salah.append(f"{f.relative_to(TEMPLATES)}: javascript: URL")
    assert not salah, "\n".join(salah)


def test_pemindai_mengenali_skrip_inline():
    assert SCRIPT.search("<script>alert(1)</script>").group(1) == ""
    assert HANDLER.search('<button class="x" onclick="f()">')
    assert not HANDLER.search('<div data-json="x" hx-get="/a/">')


def test_csp_di_halaman_aplikasi(org_a, client_as):
    c = client_as(org_a.user_hr)
    for url in (
        "/",
        "/pegawai/",
        "/organisasi/",
        reverse("pegawai:pegawai_detail", args=[org_a.staf.pk]),
    ):
        resp = c.get(url)
        assert resp.status_code == 200, url
        csp = resp["Content-Security-Policy"]
        arahan = dict(a.strip().split(" ", 1) for a in csp.split(";"))
        assert arahan["script-src"] == "'self'"
        assert arahan["default-src"] == "'self'"
        assert arahan["object-src"] == "'none'" and arahan["frame-ancestors"] == "'none'"
        assert "unsafe-eval" not in csp and "http" not in csp
    # Non-HTML responses (exports, files) do not need it.
    resp = c.get("/pegawai/ekspor/")
    assert resp.status_code == 200 and "Content-Security-Policy" not in resp


def test_csp_halaman_publik_dan_login(client):
    resp = client.get("/accounts/login/")
    assert "script-src 'self';" in resp["Content-Security-Policy"]


def test_csp_admin_lebih_longgar(admin_nasional, client_as):
    resp = client_as(admin_nasional).get("/admin/")
    assert resp.status_code == 200
    assert "script-src 'self' 'unsafe-inline'" in resp["Content-Security-Policy"]


def test_csp_report_only(org_a, client_as, settings):
    settings.CSP_LAPORAN_SAJA = True
    resp = client_as(org_a.user_hr).get("/")
    assert "Content-Security-Policy-Report-Only" in resp
    assert "Content-Security-Policy" not in resp


def test_batas_ukuran_permintaan(org_a, client_as):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 5 * 1024 * 1024
    assert 1000 <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS <= 5000
    assert settings.DATA_UPLOAD_MAX_NUMBER_FILES <= 20
    c = client_as(org_a.user_hr)
    besar = settings.MAKS_UKURAN_PERMINTAAN + 1
    resp = c.post("/pegawai/impor/", {"berkas": SimpleUploadedFile("a.csv", b"x" * besar)})
    assert resp.status_code == 413
    assert "Permintaan terlalu besar" in resp.content.decode()


def test_terlalu_banyak_field_bukan_500(org_a, client_as):
    c = client_as(org_a.user_hr)
    data = {f"f{i}": "x" for i in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 10)}
    resp = c.post(reverse("organisasi:unit_create"), data)
    assert resp.status_code == 400
