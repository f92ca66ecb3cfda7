"""Placement pages: roles, scoping, the propose -> confirm flow through the UI."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pegawai.models import Pegawai, UsulanMutasi
from tests.factories import JabatanFactory, PegawaiFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kosong(org_a):
    return JabatanFactory(
        unit=org_a.seksi, nama="Pranata Komputer", bidang_pendidikan=["Sistem Informasi"]
    )


def test_daftar_jabatan_kosong_dan_kandidat(org_a, kosong, client_as):
    c = client_as(org_a.user_hr)
    r = c.get(reverse("pegawai:penempatan_list"))
    assert r.status_code == 200 and kosong in r.context["daftar"]
    assert org_a.j_staf not in r.context["daftar"]  # filled
    r = c.get(reverse("pegawai:penempatan_kandidat", args=[kosong.pk]))
    assert r.status_code == 200
    kandidat = r.context["kandidat"]
    assert all(hasattr(p, "alasan") for p in kandidat)
    assert "Usulkan mutasi" in r.content.decode()


def test_kandidat_jumlah_query_tetap(org_a, kosong, client_as, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_as(org_a.user_hr)
    url = reverse("pegawai:penempatan_kandidat", args=[kosong.pk])
    with CaptureQueriesContext(connection) as ctx:
        c.get(url)
    for _i in range(25):
        PegawaiFactory(jabatan=org_a.j_staf)
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        r = c.get(url)
    assert len(r.context["kandidat"]) == 25


def test_usulkan_lalu_setujui_lewat_halaman(org_a, kosong, client_as):
    c = client_as(org_a.user_hr)
    r = c.post(reverse("pegawai:penempatan_usulkan", args=[kosong.pk]), {"pegawai": org_a.staf2.pk})
    usulan = UsulanMutasi.objects.get()
    assert r.status_code == 302 and r.url == usulan.get_absolute_url()
    url = reverse("pegawai:usulan_mutasi_setujui", args=[usulan.pk])
    r = c.post(url, {"tmt": "", "nomor_sk": ""})  # empty
    assert r.status_code == 400 and {"tmt", "nomor_sk"} <= set(r.context["form_setujui"].errors)
    r = c.post(url, {"tmt": "besok", "nomor_sk": "x" * 81})  # wrong type, too long
    assert {"tmt", "nomor_sk"} <= set(r.context["form_setujui"].errors)
    assert Pegawai.objects.get(pk=org_a.staf2.pk).jabatan == org_a.j_staf
    r = c.post(url, {"tmt": "2026-12-01", "nomor_sk": "821/55/BKD"})
    p = Pegawai.objects.get(pk=org_a.staf2.pk)
    assert r.status_code == 302 and (p.jabatan, p.unit) == (kosong, org_a.seksi)
    assert p.riwayat_jabatan_set.get().nomor_sk == "821/55/BKD"


def test_usulkan_pegawai_wilayah_lain_ditolak(org_a, org_b, kosong, client_as):
    c = client_as(org_a.user_hr)
    r = c.post(
        reverse("pegawai:penempatan_usulkan", args=[kosong.pk]),
        {"pegawai": org_b.staf.pk},
        follow=True,
    )
    assert "tidak ditemukan di wilayah Anda" in r.content.decode()
    assert not UsulanMutasi.objects.exists()


def test_tolak_butuh_alasan(org_a, kosong, client_as):
    c = client_as(org_a.user_hr)
    c.post(reverse("pegawai:penempatan_usulkan", args=[kosong.pk]), {"pegawai": org_a.staf2.pk})
    u = UsulanMutasi.objects.get()
    r = c.post(reverse("pegawai:usulan_mutasi_tolak", args=[u.pk]), {"catatan": ""})
    assert r.status_code == 400 and "catatan" in r.context["form_tolak"].errors
    r = c.post(reverse("pegawai:usulan_mutasi_tolak", args=[u.pk]), {"catatan": "Belum perlu"})
    assert r.status_code == 302 and UsulanMutasi.objects.get().status == "ditolak"


def test_penempatan_hanya_hr_dan_wilayahnya(org_a, org_b, kosong, client_as):
    for user in (org_a.user_kabid, org_a.user_staf, org_a.user_pimpinan):
        c = client_as(user)
        assert c.get(reverse("pegawai:penempatan_list")).status_code == 403
        assert c.get(reverse("pegawai:penempatan_kandidat", args=[kosong.pk])).status_code == 403
    c = client_as(org_b.user_hr)
    assert c.get(reverse("pegawai:penempatan_kandidat", args=[kosong.pk])).status_code == 404
    assert (
        c.post(
            reverse("pegawai:penempatan_usulkan", args=[kosong.pk]), {"pegawai": org_a.staf.pk}
        ).status_code
        == 404
    )
    c = client_as(org_a.user_hr)
    c.post(reverse("pegawai:penempatan_usulkan", args=[kosong.pk]), {"pegawai": org_a.staf2.pk})
    u = UsulanMutasi.objects.get()
    c = client_as(org_b.user_hr)
    assert c.get(u.get_absolute_url()).status_code == 404
    assert c.post(reverse("pegawai:usulan_mutasi_setujui", args=[u.pk]),
                  {"tmt": "2026-12-01", "nomor_sk": "1"}).status_code == 404  # fmt: skip
