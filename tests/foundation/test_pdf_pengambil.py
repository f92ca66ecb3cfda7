"""WeasyPrint may load only `data:` URLs and the project's static files (issue 19 item 9):
a PDF template given `<img src="file:///etc/passwd">` or an http URL still renders, and
nothing outside is read or fetched."""

from __future__ import annotations

import base64
import http.server
import io
import subprocess
import threading

import pytest
from PIL import Image

from asn_kinerja import pdf as pdf_mod
from asn_kinerja.pdf import pengambil_url, render_pdf


def _png(warna: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), warna).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def server_http():
    """A local HTTP server counting the requests it gets."""
    permintaan: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            permintaan.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()
            self.wfile.write(_png("red"))

        def log_message(self, *a):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", permintaan
    srv.shutdown()


@pytest.fixture
def statis(tmp_path, settings):
    d = tmp_path / "static"
    (d / "img").mkdir(parents=True)
    (d / "img" / "logo.png").write_bytes(_png("blue"))
    (tmp_path / "rahasia.png").write_bytes(_png("green"))
    (d / "img" / "tautan.png").symlink_to(tmp_path / "rahasia.png")
    settings.STATICFILES_DIRS = [d]
    return d


def _jumlah_gambar(pdf: bytes, tmp_path) -> int:
    f = tmp_path / "x.pdf"
    f.write_bytes(pdf)
    out = subprocess.run(["pdfimages", "-list", str(f)], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    return len(out.strip().splitlines()) - 2  # two header lines


def test_pengambil_menolak_selain_data_dan_statis(statis, server_http, tmp_path):
    url, permintaan = server_http
    f = pengambil_url()
    data_uri = "data:image/png;base64," + base64.b64encode(_png("blue")).decode()
    assert f.fetch(data_uri).read().startswith(b"\x89PNG")
    assert f.fetch((statis / "img" / "logo.png").as_uri()).read().startswith(b"\x89PNG")
    for jahat in ("file:///etc/passwd", f"{url}/x.png", "https://example.invalid/x.png",
                  (statis / "img" / "tautan.png").as_uri(),  # symlink out of static
                  (statis / "img").as_uri() + "/../../rahasia.png",
                  "ftp://127.0.0.1/x", "file:///etc/",
                  "file://127.0.0.1" + str(statis / "img" / "logo.png")):  # fmt: skip
        with pytest.raises(ValueError, match="tidak diizinkan"):
            f.fetch(jahat)
    assert permintaan == []


@pytest.mark.django_db
def test_pdf_dengan_img_jahat_tetap_jadi_tanpa_mengambil(org_a, statis, server_http, tmp_path,
                                                         settings):  # fmt: skip
    url, permintaan = server_http
    tpl = tmp_path / "jahat.html"
    tpl.write_text(
        '{% extends "pdf/base_pdf.html" %}{% block content %}<h1>Dokumen Uji</h1>'
        '<img src="file:///etc/passwd"><img src="' + url + '/a.png">'
        '<link rel="stylesheet" href="' + url + '/a.css">'
        '<div style="background: url(' + url + '/b.png)">x</div>'
        '<img src="../../../../../etc/hostname"><img src="img/tautan.png">'
        '<img src="img/logo.png">{% endblock %}'
    )
    engine = {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    settings.TEMPLATES = [engine]
    # The letterhead's logo slot given a local file: refused as well.
    pdf = render_pdf("jahat.html", {"logo_uri": "file:///etc/passwd"}, wilayah=org_a.wilayah)
    assert pdf.startswith(b"%PDF")
    assert permintaan == []
    assert _jumlah_gambar(pdf, tmp_path) == 1  # only the static logo
    # The same document with a data: logo: two images.
    logo = "data:image/png;base64," + base64.b64encode(_png("blue")).decode()
    pdf = render_pdf("jahat.html", {"logo_uri": logo}, wilayah=org_a.wilayah)
    assert _jumlah_gambar(pdf, tmp_path) == 2 and permintaan == []


def test_akar_statis_mengikuti_pengaturan(statis):
    assert pdf_mod._akar_statis()[0] == statis.resolve()
