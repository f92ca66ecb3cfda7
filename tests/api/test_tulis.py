"""Writes of the phone client: the employee's daily log (create, change, delete) and the
realisation of their evaluation, through the services; bad input is a 400 with Indonesian
field errors and nothing saved; someone else's row is a 404 (other wilayah) or 403."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.models import LogHarian, RealisasiIndikator
from kinerja.services import log_harian as svc_log
from tests.api.conftest import ids
from tests.kinerja.factories import PeriodeKinerjaFactory

pytestmark = pytest.mark.django_db

HARI = dt.date(2026, 12, 1)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def periode(org_a, org_b):
    PeriodeKinerjaFactory(wilayah=org_b.wilayah, tahun=2026)
    return PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=2026)


def _log(org, **kw):
    return svc_log.log_harian_simpan(
        actor=org.user_staf, tanggal=kw.pop("tanggal", HARI), kegiatan="Rekap data", **kw
    )


# --- daily log --------------------------------------------------------------------------


def test_catat_ubah_hapus_log_sendiri(api_as, org_a, periode):
    c = api_as(org_a.user_staf)
    resp = c.post("/api/v1/log-harian/", {"tanggal": "2026-12-01", "kegiatan": "Menyusun laporan",
                                          "volume": "2.5", "satuan": "dokumen"}, format="json")  # fmt: skip
    assert resp.status_code == 201, resp.json()
    log = LogHarian.objects.get(pk=resp.json()["id"])
    assert log.pegawai == org_a.staf and log.status == "diajukan" and log.volume == 2.5
    resp = c.patch(f"/api/v1/log-harian/{log.pk}/", {"kegiatan": "Menyusun laporan bulanan"},
                   format="json")  # fmt: skip
    assert resp.status_code == 200, resp.json()
    log.refresh_from_db()
    assert log.kegiatan == "Menyusun laporan bulanan" and log.satuan == "dokumen"
    assert ids(c.get("/api/v1/log-harian/")) == {log.pk}
    assert c.delete(f"/api/v1/log-harian/{log.pk}/").status_code == 204
    assert not LogHarian.objects.filter(pk=log.pk).exists()


def test_log_dengan_bukti_multipart(api_as, org_a, periode):
    c = api_as(org_a.user_staf)
    resp = c.post("/api/v1/log-harian/", {"tanggal": "2026-12-01", "kegiatan": "Rapat",
                  "bukti": SimpleUploadedFile("notulen.pdf", PDF)}, format="multipart")  # fmt: skip
    assert resp.status_code == 201, resp.json()
    assert resp.json()["ada_bukti"] is True
    resp = c.post("/api/v1/log-harian/", {"tanggal": "2026-12-01", "kegiatan": "Rapat",
                  "bukti": SimpleUploadedFile("virus.exe", PDF)}, format="multipart")  # fmt: skip
    assert resp.status_code == 400
    assert "Jenis berkas tidak didukung" in " ".join(resp.json()["bukti"])
    assert LogHarian.objects.count() == 1


@pytest.mark.parametrize(
    ("isi", "bidang", "pesan"),
    [
        ({"tanggal": "2026-12-01"}, "kegiatan", "Uraikan kegiatan"),
        ({"tanggal": "2026-12-01", "kegiatan": ""}, "kegiatan", "Uraikan kegiatan"),
        ({"tanggal": "kemarin", "kegiatan": "x"}, "tanggal", "tanggal yang sah"),
        ({"kegiatan": "x"}, "tanggal", "Isi tanggal"),
        ({"tanggal": "2026-12-01", "kegiatan": "x" * 2001}, "kegiatan", "paling banyak 2000"),
        ({"tanggal": "2026-12-01", "kegiatan": "x", "volume": "banyak"}, "volume", "berupa angka"),
        ({"tanggal": "2026-12-01", "kegiatan": "x", "volume": "-1"}, "volume", "negatif"),
        ({"tanggal": "2026-12-31", "kegiatan": "x"}, "tanggal", "masa depan"),
        ({"tanggal": "2025-06-01", "kegiatan": "x"}, "tanggal", "Belum ada periode"),
        (
            {"tanggal": "2026-12-01", "kegiatan": "x", "rhk": 99999},
            "rhk",
            "Pilih RHK dari SKP Anda",
        ),
    ],
)
def test_masukan_buruk_400_tanpa_tersimpan(api_as, org_a, periode, isi, bidang, pesan):
    resp = api_as(org_a.user_staf).post("/api/v1/log-harian/", isi, format="json")
    assert resp.status_code == 400
    body = resp.json()
    assert bidang in body, body
    assert pesan in " ".join(body[bidang])
    assert not LogHarian.objects.exists()


def test_rhk_orang_lain_ditolak(api_as, org_a, periode, dinilai):
    rhk_kabid = dinilai["a"]["kabid"].rhk_set.first()
    resp = api_as(org_a.user_staf).post(
        "/api/v1/log-harian/", {"tanggal": "2026-12-01", "kegiatan": "x", "rhk": rhk_kabid.pk},
        format="json",
    )  # fmt: skip
    assert resp.status_code == 400 and "rhk" in resp.json()
    rhk_sendiri = dinilai["a"]["staf"].rhk_set.first()
    resp = api_as(org_a.user_staf).post(
        "/api/v1/log-harian/", {"tanggal": "2026-12-01", "kegiatan": "x", "rhk": rhk_sendiri.pk},
        format="json",
    )  # fmt: skip
    assert resp.status_code == 201 and resp.json()["rhk"] == rhk_sendiri.pk


def test_log_orang_lain_403_dan_wilayah_lain_404(api_as, org_a, org_b, periode):
    log = _log(org_a)
    lain = svc_log.log_harian_simpan(actor=org_b.user_staf, tanggal=HARI, kegiatan="Lain")
    atasan = api_as(org_a.user_kabid)  # the superior reads it (like the page) but may not change it
    assert atasan.get(f"/api/v1/log-harian/{log.pk}/").status_code == 200
    assert (
        atasan.patch(
            f"/api/v1/log-harian/{log.pk}/", {"kegiatan": "ubah"}, format="json"
        ).status_code
        == 403
    )
    assert atasan.delete(f"/api/v1/log-harian/{log.pk}/").status_code == 403
    assert log.pk not in ids(atasan.get("/api/v1/log-harian/"))  # the list is one's own
    c = api_as(org_a.user_staf)
    assert c.get(f"/api/v1/log-harian/{lain.pk}/").status_code == 404
    assert (
        c.patch(f"/api/v1/log-harian/{lain.pk}/", {"kegiatan": "x"}, format="json").status_code
        == 404
    )
    assert c.delete(f"/api/v1/log-harian/{lain.pk}/").status_code == 404
    lain.refresh_from_db()
    assert lain.kegiatan == "Lain"


def test_log_terverifikasi_tidak_bisa_diubah(api_as, org_a, periode):
    log = _log(org_a)
    svc_log.log_harian_verifikasi(actor=org_a.user_kabid, log=log)
    c = api_as(org_a.user_staf)
    resp = c.patch(f"/api/v1/log-harian/{log.pk}/", {"kegiatan": "ubah"}, format="json")
    assert resp.status_code == 400
    assert "sudah diverifikasi" in " ".join(resp.json()["non_field_errors"])
    assert c.delete(f"/api/v1/log-harian/{log.pk}/").status_code == 400


def test_akun_tanpa_pegawai_403(api_as, org_a):
    assert api_as(org_a.user_hr).get("/api/v1/log-harian/").status_code == 403


def test_csrf_ditegakkan_untuk_sesi(org_a, periode):
    from rest_framework.test import APIClient

    c = APIClient(enforce_csrf_checks=True)
    c.force_login(org_a.user_staf)
    resp = c.post("/api/v1/log-harian/", {"tanggal": "2026-12-01", "kegiatan": "x"}, format="json")
    assert resp.status_code == 403 and "CSRF" in resp.json()["detail"]
    assert not LogHarian.objects.exists()


def test_jumlah_query_log_tetap(api_as, org_a, periode, django_assert_num_queries):
    """3 logs, then 30: the same number of queries."""
    for i in range(3):
        _log(org_a, tanggal=HARI - dt.timedelta(days=i))
    c = api_as(org_a.user_staf)
    c.get("/api/v1/log-harian/")
    with CaptureQueriesContext(connection) as q:
        c.get("/api/v1/log-harian/")
    for i in range(27):
        _log(org_a, tanggal=HARI - dt.timedelta(days=i % 20))
    with django_assert_num_queries(len(q)):
        assert len(c.get("/api/v1/log-harian/").json()["results"]) == 25


# --- realisation ------------------------------------------------------------------------


def _indikator(skp):
    return [i for r in skp.rhk_set.all() for i in r.indikator_set.all()]


def test_isi_realisasi_sendiri(api_as, org_a, dinilai):
    ev = dinilai["a"]["ev_staf"]
    ind = _indikator(dinilai["a"]["staf"])[0]
    resp = api_as(org_a.user_staf).post(
        f"/api/v1/evaluasi/{ev.pk}/realisasi/",
        {"realisasi": [{"indikator": ind.pk, "nilai": "12.5", "narasi": "Selesai"}]},
        format="json",
    )
    assert resp.status_code == 200, resp.json()
    r = RealisasiIndikator.objects.get(evaluasi=ev, indikator=ind)
    assert r.nilai == 12.5 and r.narasi == "Selesai"
    assert resp.json()["realisasi"] == [
        {"indikator": ind.pk, "nilai": "12.50", "narasi": "Selesai"}
    ]


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        ({}, "tidak boleh kosong"),
        ({"realisasi": []}, "paling sedikit satu"),
        ({"realisasi": [{"indikator": "IND", "nilai": 1}]}, "id indikator"),
        ({"realisasi": [{"indikator": 0, "nilai": "sepuluh"}]}, "Masukkan angka"),
        ({"realisasi": [{"indikator": 0, "nilai": -1}]}, "tidak boleh negatif"),
        ({"realisasi": [{"indikator": 0, "narasi": "x" * 2001}]}, "paling banyak 2000"),
        ({"realisasi": [{"indikator": 0}, {"indikator": 0}]}, "hanya boleh muncul sekali"),
        ({"realisasi": [{"indikator": 99999999, "nilai": 1}]}, "bukan bagian dari SKP"),
    ],
)
def test_realisasi_masukan_buruk(api_as, org_a, dinilai, isi, pesan):
    import json

    ev = dinilai["a"]["ev_staf"]
    ind = _indikator(dinilai["a"]["staf"])[0]
    isi = json.loads(json.dumps(isi).replace('"indikator": 0', f'"indikator": {ind.pk}'))
    resp = api_as(org_a.user_staf).post(f"/api/v1/evaluasi/{ev.pk}/realisasi/", isi, format="json")
    assert resp.status_code == 400
    body = resp.json()
    assert "realisasi" in body, body
    assert pesan in json.dumps(body, ensure_ascii=False)
    assert not RealisasiIndikator.objects.filter(evaluasi=ev).exists()


def test_realisasi_milik_orang_lain(api_as, org_a, org_b, dinilai):
    ev = dinilai["a"]["ev_staf"]
    ind = _indikator(dinilai["a"]["staf"])[0]
    isi = {"realisasi": [{"indikator": ind.pk, "nilai": 1}]}
    # The superior sees the evaluation but only its owner fills it in (the service's rule).
    resp = api_as(org_a.user_kabid).post(f"/api/v1/evaluasi/{ev.pk}/realisasi/", isi, format="json")
    assert resp.status_code == 403
    assert "pemilik SKP" in resp.json()["detail"]
    resp = api_as(org_b.user_staf).post(f"/api/v1/evaluasi/{ev.pk}/realisasi/", isi, format="json")
    assert resp.status_code == 404
    assert not RealisasiIndikator.objects.exists()


def test_realisasi_setelah_diajukan_ditolak(api_as, org_a, dinilai):
    from django.utils import timezone

    from kinerja.models import EvaluasiPeriodik
    from tests.kinerja.factories_evaluasi import evaluasi

    ev = evaluasi(dinilai["a"]["staf"], nomor=2)
    EvaluasiPeriodik.objects.filter(pk=ev.pk).update(
        status="realisasi_diajukan", diajukan_pada=timezone.now()
    )
    ind = _indikator(dinilai["a"]["staf"])[0]
    resp = api_as(org_a.user_staf).post(
        f"/api/v1/evaluasi/{ev.pk}/realisasi/", {"realisasi": [{"indikator": ind.pk, "nilai": 1}]},
        format="json",
    )  # fmt: skip
    assert resp.status_code == 400
    assert "sudah diajukan" in " ".join(resp.json()["non_field_errors"])
