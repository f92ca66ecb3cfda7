"""Read endpoints: each one scoped like its page (another wilayah's object is a 404 and
never in a list), the pages' role rules, filters, pagination, constant query counts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import hasil, ids
from tests.factories import PegawaiFactory
from tests.kinerja.factories import skp_lengkap
from tests.kinerja.factories_evaluasi import evaluasi

pytestmark = pytest.mark.django_db


# --- scoping: list excludes, detail 404 ------------------------------------------------


def _objek(org, dinilai_w, jenis):
    return {
        "pegawai": org.staf.pk,
        "unit-kerja": org.bidang.pk,
        "jabatan": org.j_staf.pk,
        "skp": dinilai_w["staf"].pk,
        "evaluasi": dinilai_w["ev_staf"].pk,
    }[jenis]


@pytest.mark.parametrize("jenis", ["pegawai", "unit-kerja", "jabatan", "skp", "evaluasi"])
def test_wilayah_lain_tidak_terlihat(api_as, org_a, org_b, dinilai, jenis):
    c = api_as(org_a.user_hr)
    milik_a = _objek(org_a, dinilai["a"], jenis)
    milik_b = _objek(org_b, dinilai["b"], jenis)
    daftar = ids(c.get(f"/api/v1/{jenis}/", {"page_size": 100}))
    assert milik_a in daftar and milik_b not in daftar
    assert c.get(f"/api/v1/{jenis}/{milik_a}/").status_code == 200
    resp = c.get(f"/api/v1/{jenis}/{milik_b}/")
    assert resp.status_code == 404
    assert resp.json() == {"detail": "Tidak ditemukan."} or "detail" in resp.json()


def test_admin_nasional_melihat_semua_wilayah(api_as, admin_nasional, org_a, org_b):
    daftar = ids(api_as(admin_nasional).get("/api/v1/pegawai/", {"page_size": 100}))
    assert {org_a.staf.pk, org_b.staf.pk} <= daftar


def test_tanpa_login_401_atau_403_bukan_redirect(client, org_a):
    resp = client.get("/api/v1/pegawai/")
    assert resp.status_code in (401, 403)
    assert resp["Content-Type"].startswith("application/json")


# --- the pages' role rules --------------------------------------------------------------


def test_pegawai_tidak_boleh_daftar_pegawai_tetapi_profil_sendiri(api_as, org_a):
    c = api_as(org_a.user_staf)
    resp = c.get("/api/v1/pegawai/")
    assert resp.status_code == 403
    assert "hanya untuk" in resp.json()["detail"]
    assert c.get(f"/api/v1/pegawai/{org_a.staf.pk}/").json()["nip"] == org_a.staf.nip
    assert c.get(f"/api/v1/pegawai/{org_a.staf2.pk}/").status_code == 404


def test_atasan_melihat_subtree_saja(api_as, org_a):
    c = api_as(org_a.user_kasi)
    assert ids(c.get("/api/v1/pegawai/")) == {org_a.kasi.pk, org_a.staf_seksi.pk}
    assert c.get(f"/api/v1/pegawai/{org_a.kabid.pk}/").status_code == 404


def test_pegawai_tidak_boleh_baca_organisasi(api_as, org_a):
    c = api_as(org_a.user_staf)
    assert c.get("/api/v1/unit-kerja/").status_code == 403
    assert c.get("/api/v1/jabatan/").status_code == 403
    assert c.get(f"/api/v1/unit-kerja/{org_a.bidang.pk}/").status_code == 403


def test_skp_pegawai_hanya_miliknya(api_as, org_a, dinilai):
    c = api_as(org_a.user_staf)
    assert ids(c.get("/api/v1/skp/")) == {dinilai["a"]["staf"].pk}
    assert c.get("/api/v1/skp/", {"lingkup": "semua"}).status_code == 403
    assert c.get(f"/api/v1/skp/{dinilai['a']['kabid'].pk}/").status_code == 404
    detail = c.get(f"/api/v1/skp/{dinilai['a']['staf'].pk}/").json()
    assert detail["rhk"] and detail["rhk"][0]["indikator"]


def test_evaluasi_atasan_melihat_bawahan(api_as, org_a, dinilai):
    c = api_as(org_a.user_kabid)
    daftar = ids(c.get("/api/v1/evaluasi/"))
    assert dinilai["a"]["ev_staf"].pk in daftar and dinilai["a"]["ev_kabid"].pk in daftar
    assert ids(c.get("/api/v1/evaluasi/", {"lingkup": "saya"})) == {dinilai["a"]["ev_kabid"].pk}
    assert (
        api_as(org_a.user_staf).get(f"/api/v1/evaluasi/{dinilai['a']['ev_kabid'].pk}/").status_code
        == 404
    )


# --- filters, ordering, pagination ----------------------------------------------------


def test_filter_pegawai_seperti_halaman(api_as, org_a, org_b):
    c = api_as(org_a.user_hr)
    assert ids(c.get("/api/v1/pegawai/", {"q": org_a.staf.nip})) == {org_a.staf.pk}
    assert ids(c.get("/api/v1/pegawai/", {"unit": org_a.seksi.pk})) == {
        org_a.kasi.pk, org_a.staf_seksi.pk}  # fmt: skip
    nama = [r["nama"] for r in hasil(c.get("/api/v1/pegawai/", {"o": "-nama"}))]
    assert nama == sorted(nama, reverse=True)
    resp = c.get("/api/v1/pegawai/", {"unit": org_b.seksi.pk})
    assert resp.status_code == 400 and "unit" in resp.json()


def test_filter_skp_tahun_status_dan_unit_wilayah_lain(api_as, org_a, org_b, dinilai):
    c = api_as(org_a.user_hr)
    assert len(hasil(c.get("/api/v1/skp/", {"tahun": 2026, "status": "disetujui"}))) == 6
    assert hasil(c.get("/api/v1/skp/", {"tahun": 2025})) == []
    assert ids(c.get("/api/v1/skp/", {"unit": org_a.seksi.pk})) == {
        dinilai["a"]["kasi"].pk, dinilai["a"]["staf_seksi"].pk}  # fmt: skip
    assert c.get("/api/v1/skp/", {"unit": org_b.seksi.pk}).status_code == 400
    resp = c.get("/api/v1/skp/", {"status": "entah"})
    assert resp.status_code == 400 and "status" in resp.json()
    urut = [r["pegawai"]["nama"] for r in hasil(c.get("/api/v1/skp/", {"o": "pegawai__nama"}))]
    assert urut == sorted(urut)


def test_paginasi_maksimum_100(api_as, org_a):
    for i in range(3):
        PegawaiFactory(jabatan=org_a.j_staf, nama=f"Tambahan {i}")
    c = api_as(org_a.user_hr)
    body = c.get("/api/v1/pegawai/", {"page_size": 2}).json()
    assert body["count"] == 9 and len(body["results"]) == 2 and body["next"]
    assert len(c.get("/api/v1/pegawai/", {"page_size": 1000}).json()["results"]) == 9
    assert c.get("/api/v1/pegawai/", {"page": 99}).status_code == 404


# --- constant query counts -----------------------------------------------------------


def _tambah_pegawai_dan_skp(org, n):
    for i in range(n):
        p = PegawaiFactory(jabatan=org.j_staf_seksi, nama=f"Pegawai {i:02d}")
        evaluasi(skp_lengkap(p, jumlah_rhk=2), nomor=1)


def _hitung(c, url):
    c.get(url)  # warm the session and the user
    with CaptureQueriesContext(connection) as q:
        assert c.get(url).status_code == 200
    return len(q)


URL_DAFTAR = ["/api/v1/pegawai/", "/api/v1/unit-kerja/", "/api/v1/jabatan/", "/api/v1/skp/",
              "/api/v1/evaluasi/"]  # fmt: skip


@pytest.mark.parametrize("url", URL_DAFTAR)
def test_jumlah_query_daftar_tetap(api_as, org_a, url, django_assert_num_queries):
    c = api_as(org_a.user_hr)
    _tambah_pegawai_dan_skp(org_a, 3)
    kecil = _hitung(c, url)
    _tambah_pegawai_dan_skp(org_a, 27)
    with django_assert_num_queries(kecil):
        c.get(url)


def test_jumlah_query_detail_skp_tetap(api_as, org_a, django_assert_num_queries):
    c = api_as(org_a.user_hr)
    kecil = skp_lengkap(org_a.staf, jumlah_rhk=2)
    besar = skp_lengkap(org_a.staf2, jumlah_rhk=20)
    n = _hitung(c, f"/api/v1/skp/{kecil.pk}/")
    with django_assert_num_queries(n):
        resp = c.get(f"/api/v1/skp/{besar.pk}/")
    assert len(resp.json()["rhk"]) == 20
