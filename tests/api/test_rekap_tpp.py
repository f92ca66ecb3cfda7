"""Recap and TPP read endpoints: the laporan and tpp selectors' scope (another wilayah's
month or row is a 404, never listed), the TPP pages' role rule, filters, query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.laporan.services.rekap import rekap_hitung
from kinerja.tpp import services as tpp
from tests.api.conftest import hasil, ids
from tests.kinerja.factories import PeriodeKinerjaFactory, periode_penilaian
from tests.tpp.conftest import BULAN, TAHUN, buat_kasus

pytestmark = pytest.mark.django_db


@pytest.fixture
def dua_bulan(org_a, org_b):
    pa = PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=TAHUN)
    PeriodeKinerjaFactory(wilayah=org_b.wilayah, tahun=TAHUN)
    kasus = buat_kasus(org_a, pa, nama="Ani Baik", hari=[("terlambat", 45)])
    hasil_bulan = {}
    for org in (org_a, org_b):
        b = tpp.bulan_buat(actor=org.user_hr, wilayah=org.wilayah, tahun=TAHUN, bulan=BULAN)
        tpp.tpp_hitung(bulan=b, actor=org.user_hr)
        hasil_bulan[org.wilayah.kode] = b
    return {"a": hasil_bulan["alpha"], "b": hasil_bulan["beta"], "periode": pa, "kasus": kasus}


def test_bulan_tpp_wilayah_lain_404(api_as, org_a, dua_bulan):
    c = api_as(org_a.user_hr)
    assert ids(c.get("/api/v1/tpp/bulan/")) == {dua_bulan["a"].pk}
    assert c.get(f"/api/v1/tpp/bulan/{dua_bulan['a'].pk}/").json()["bulan"] == BULAN
    assert c.get(f"/api/v1/tpp/bulan/{dua_bulan['b'].pk}/").status_code == 404
    assert c.get(f"/api/v1/tpp/bulan/{dua_bulan['b'].pk}/baris/").status_code == 404


def test_baris_tpp_dan_saringannya(api_as, org_a, org_b, dua_bulan):
    c = api_as(org_a.user_hr)
    url = f"/api/v1/tpp/bulan/{dua_bulan['a'].pk}/baris/"
    semua = hasil(c.get(url))
    assert len(semua) == 7 and all(r["bulan"] == dua_bulan["a"].pk for r in semua)
    assert [r["nama"] for r in hasil(c.get(url, {"q": "Ani"}))] == ["Ani Baik"]
    assert {r["nama"] for r in hasil(c.get(url, {"unit": org_a.seksi.pk}))} == {
        org_a.kasi.nama, org_a.staf_seksi.nama}  # fmt: skip
    resp = c.get(url, {"unit": org_b.seksi.pk})
    assert resp.status_code == 400 and "unit" in resp.json()
    resp = c.get(url, {"tanda": "entah"})
    assert resp.status_code == 400 and "tanda" in resp.json()
    netto = [float(r["netto"]) for r in hasil(c.get(url, {"o": "-netto"}))]
    assert netto == sorted(netto, reverse=True)


def test_tpp_wilayah_hanya_hr_dan_pimpinan(api_as, org_a, dua_bulan):
    assert api_as(org_a.user_pimpinan).get("/api/v1/tpp/bulan/").status_code == 200
    c = api_as(org_a.user_kabid)
    assert c.get("/api/v1/tpp/bulan/").status_code == 403
    assert c.get(f"/api/v1/tpp/bulan/{dua_bulan['a'].pk}/baris/").status_code == 403


def test_tpp_saya_hanya_baris_sendiri(api_as, org_a, dua_bulan):
    baris = hasil(api_as(org_a.user_staf).get("/api/v1/tpp/saya/"))
    assert [r["pegawai"] for r in baris] == [org_a.staf.pk]


def test_jumlah_query_baris_tpp_tetap(api_as, org_a, dua_bulan, django_assert_num_queries):
    c = api_as(org_a.user_hr)
    url = f"/api/v1/tpp/bulan/{dua_bulan['a'].pk}/baris/"
    c.get(url)
    with CaptureQueriesContext(connection) as q:
        c.get(url)
    for i in range(20):
        buat_kasus(org_a, dua_bulan["periode"], nama=f"Pegawai {i:02d}")
    tpp.tpp_hitung(bulan=dua_bulan["a"], actor=org_a.user_hr)
    with django_assert_num_queries(len(q)):
        assert len(c.get(url).json()["results"]) == 25


# --- employee recaps --------------------------------------------------------------------


@pytest.fixture
def rekap(org_a, org_b):
    for org in (org_a, org_b):
        p = PeriodeKinerjaFactory(wilayah=org.wilayah, tahun=TAHUN)
        rekap_hitung(periode_penilaian=periode_penilaian(p, BULAN))


def test_rekap_pegawai_lingkup(api_as, org_a, org_b, rekap):
    from kinerja.laporan.models import RekapPegawai

    c = api_as(org_a.user_hr)
    daftar = hasil(c.get("/api/v1/rekap-pegawai/", {"page_size": 100}))
    assert {r["pegawai"]["id"] for r in daftar} == set(
        RekapPegawai.objects.filter(wilayah=org_a.wilayah).values_list("pegawai_id", flat=True)
    )
    lain = RekapPegawai.objects.filter(wilayah=org_b.wilayah).first()
    assert c.get(f"/api/v1/rekap-pegawai/{lain.pk}/").status_code == 404
    sendiri = hasil(api_as(org_a.user_staf).get("/api/v1/rekap-pegawai/"))
    assert [r["pegawai"]["id"] for r in sendiri] == [org_a.staf.pk]
    kasi = hasil(api_as(org_a.user_kasi).get("/api/v1/rekap-pegawai/"))
    assert {r["pegawai"]["id"] for r in kasi} == {org_a.kasi.pk, org_a.staf_seksi.pk}
    assert len(hasil(c.get("/api/v1/rekap-pegawai/", {"unit": org_a.seksi.pk}))) == 2
    assert c.get("/api/v1/rekap-pegawai/", {"unit": org_b.seksi.pk}).status_code == 400


def test_jumlah_query_tpp_saya_dan_rekap_tetap(api_as, org_a, dua_bulan, django_assert_num_queries):
    c = api_as(org_a.user_staf)
    c.get("/api/v1/tpp/saya/")
    with CaptureQueriesContext(connection) as q:
        c.get("/api/v1/tpp/saya/")
    tpp.tpp_hitung(
        bulan=tpp.bulan_buat(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=TAHUN, bulan=10),
        actor=org_a.user_hr,
    )
    with django_assert_num_queries(len(q)):
        assert len(c.get("/api/v1/tpp/saya/").json()["results"]) == 2


def test_jumlah_query_rekap_tetap(api_as, org_a, rekap, django_assert_num_queries):
    c = api_as(org_a.user_hr)
    c.get("/api/v1/rekap-pegawai/")
    with CaptureQueriesContext(connection) as q:
        c.get("/api/v1/rekap-pegawai/")
    for i in range(20):
        from tests.factories import PegawaiFactory

        PegawaiFactory(jabatan=org_a.j_staf, nama=f"Tambahan {i:02d}")
    p = PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=TAHUN)
    rekap_hitung(periode_penilaian=periode_penilaian(p, BULAN))
    with django_assert_num_queries(len(q)):
        assert len(c.get("/api/v1/rekap-pegawai/").json()["results"]) == 25
