"""Issue 19, item 2: the import preview page with rows that lack optional columns (the
template used a missing dict key as a filter argument: a 500)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pegawai import impor
from tests.pegawai.test_impor import _nip

pytestmark = pytest.mark.django_db


def test_pratinjau_tanpa_kolom_opsional(org_a, client_as):
    teks = f"NIP;NAMA;STATUS_KEPEGAWAIAN;KODE_UNIT\n{_nip(1)};Yusuf Lamusu;PNS;{org_a.seksi.kode}\n;;;\n"
    obj = impor.impor_pratinjau(
        actor=org_a.user_hr, berkas=SimpleUploadedFile("p.csv", teks.encode())
    )
    resp = client_as(org_a.user_hr).get(obj.get_absolute_url())
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Yusuf Lamusu" in html and _nip(1) in html
    assert 'data-testid="tabel-pratinjau"' in html
