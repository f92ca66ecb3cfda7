"""Continuous feedback between an employee and their direct superior; the notification
list and the navbar bell."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from asn_kinerja.models import Notifikasi
from asn_kinerja.notifikasi import notifikasi_kirim
from kinerja.models import UmpanBalik
from kinerja.services.umpan_balik import umpan_balik_kirim

pytestmark = pytest.mark.django_db


def test_kirim_dua_arah_dan_notifikasi(org_a):
    umpan_balik_kirim(
        actor=org_a.user_kasi, kepada=org_a.staf_seksi, jenis="pembinaan", teks="Bagus"
    )
    umpan_balik_kirim(
        actor=org_a.user_staf_seksi, kepada=org_a.kasi, jenis="umpan_balik", teks="Terima kasih"
    )
    assert UmpanBalik.objects.count() == 2
    assert Notifikasi.objects.filter(penerima=org_a.user_staf_seksi).count() == 1


def test_hanya_atasan_langsung(org_a, org_b):
    for dari, kepada in [(org_a.user_kabid, org_a.staf_seksi), (org_a.user_staf, org_a.staf_seksi),
                         (org_b.user_kasi, org_a.staf_seksi)]:  # fmt: skip
        with pytest.raises(ValidationError):
            umpan_balik_kirim(actor=dari, kepada=kepada, jenis="umpan_balik", teks="x")
    assert not UmpanBalik.objects.exists()


def test_form_umpan_balik_input_buruk(org_a, org_b, client_as):
    c = client_as(org_a.user_kasi)
    url = reverse("kinerja:umpan_balik_list")
    for data, field in [
        ({"kepada": "", "jenis": "umpan_balik", "teks": "x"}, "kepada"),
        ({"kepada": org_b.staf_seksi.pk, "jenis": "umpan_balik", "teks": "x"}, "kepada"),
        ({"kepada": org_a.staf.pk, "jenis": "umpan_balik", "teks": "x"}, "kepada"),
        ({"kepada": "abc", "jenis": "umpan_balik", "teks": "x"}, "kepada"),
        ({"kepada": org_a.staf_seksi.pk, "jenis": "gosip", "teks": "x"}, "jenis"),
        ({"kepada": org_a.staf_seksi.pk, "jenis": "umpan_balik", "teks": ""}, "teks"),
        ({"kepada": org_a.staf_seksi.pk, "jenis": "umpan_balik", "teks": "x" * 4001}, "teks"),
    ]:
        resp = c.post(url, data)
        assert resp.status_code == 400 and field in resp.context["form"].errors, (data, field)
    assert not UmpanBalik.objects.exists()
    resp = c.post(url, {"kepada": org_a.staf_seksi.pk, "jenis": "umpan_balik", "teks": "Bagus"})
    assert resp.status_code == 302 and UmpanBalik.objects.count() == 1


def test_daftar_umpan_balik_scoping_dan_baca(org_a, org_b, client_as):
    ub = umpan_balik_kirim(
        actor=org_a.user_kasi, kepada=org_a.staf_seksi, jenis="umpan_balik", teks="Bagus"
    )
    assert (
        client_as(org_b.user_hr).post(reverse("kinerja:umpan_balik_baca", args=[ub.pk])).status_code
        == 404
    )
    assert (
        client_as(org_a.user_staf)
        .post(reverse("kinerja:umpan_balik_baca", args=[ub.pk]))
        .status_code
        == 404
    )
    c = client_as(org_a.user_staf_seksi)
    assert "Bagus" in c.get(reverse("kinerja:umpan_balik_list")).content.decode()
    c.post(reverse("kinerja:umpan_balik_baca", args=[ub.pk]))
    ub.refresh_from_db()
    assert ub.dibaca_pada is not None
    assert client_as(org_a.user_hr).get(reverse("kinerja:umpan_balik_list")).status_code == 403


def test_notifikasi_lonceng_dan_baca(org_a, org_b, client_as, django_assert_max_num_queries):
    n = notifikasi_kirim(
        penerima=org_a.user_staf, judul="SKP disetujui", tautan="/kinerja/skp/saya/"
    )
    c = client_as(org_a.user_staf)
    html = c.get(reverse("kinerja:notifikasi_list")).content.decode()
    assert "SKP disetujui" in html and 'data-testid="lonceng-notifikasi"' in html
    with CaptureQueriesContext(connection) as q:
        c.get(reverse("kinerja:notifikasi_list"))
    for i in range(30):
        notifikasi_kirim(penerima=org_a.user_staf, judul=f"N{i}")
    with django_assert_max_num_queries(len(q)):
        resp = c.get(reverse("kinerja:notifikasi_list"))
    assert resp.context["nav"]["notifikasi_count"] == 31
    # another user (same or other wilayah) cannot open it
    assert (
        client_as(org_a.user_staf_seksi)
        .post(reverse("kinerja:notifikasi_buka", args=[n.pk]))
        .status_code
        == 404
    )
    assert (
        client_as(org_b.user_hr).post(reverse("kinerja:notifikasi_buka", args=[n.pk])).status_code
        == 404
    )
    c = client_as(org_a.user_staf)
    resp = c.post(reverse("kinerja:notifikasi_buka", args=[n.pk]))
    assert resp.url == "/kinerja/skp/saya/"
    n.refresh_from_db()
    assert n.dibaca_pada is not None
    c.post(reverse("kinerja:notifikasi_baca_semua"))
    assert not Notifikasi.objects.filter(
        penerima=org_a.user_staf, dibaca_pada__isnull=True
    ).exists()


def test_notifikasi_tautan_luar_tidak_diikuti(org_a, client_as):
    n = notifikasi_kirim(penerima=org_a.user_staf, judul="x", tautan="https://evil.example/")
    resp = client_as(org_a.user_staf).post(reverse("kinerja:notifikasi_buka", args=[n.pk]))
    assert resp.url == reverse("kinerja:notifikasi_list")
