"""The shared PDF frame: letterhead of the right wilayah, Indonesian date, page numbers."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from asn_kinerja.formatting import angka, tanggal_indonesia
from asn_kinerja.pdf import render_pdf


def test_tanggal_dan_angka_indonesia():
    assert tanggal_indonesia(dt.date(2026, 11, 22)) == "22 November 2026"
    assert tanggal_indonesia(dt.date(2026, 11, 23), dengan_hari=True) == "Senin, 23 November 2026"
    assert angka(1234567.891, 2) == "1.234.567,89"


@pytest.mark.django_db
def test_pdf_berkop_wilayah(org_a, tmp_path, settings):
    tpl = tmp_path / "uji.html"
    tpl.write_text(
        '{% extends "pdf/base_pdf.html" %}{% block content %}<h1>Dokumen Uji</h1>'
        '<p>{{ isi }}</p>{% include "pdf/_ttd.html" %}{% endblock %}'
    )
    engine = {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    settings.TEMPLATES = [engine]  # assignment resets the cached template engines
    ttd = [{"peran": "Pejabat Penilai", "nama": "Kabid Alpha", "nip": "198503122010011002"}]
    pdf = render_pdf(
        "uji.html", {"isi": "Isi laporan", "penandatangan": ttd}, wilayah=org_a.wilayah
    )
    assert pdf.startswith(b"%PDF")
    out = tmp_path / "uji.pdf"
    out.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert org_a.wilayah.nama_instansi.upper() in text
    assert "Dokumen Uji" in text.upper() or "DOKUMEN UJI" in text
    assert "Halaman 1 dari 1" in text
    assert "NIP 198503122010011002" in text
