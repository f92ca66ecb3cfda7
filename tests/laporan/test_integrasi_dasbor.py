"""Cards other areas contribute to the dashboards: training hours and leave balance on the
employee dashboard (pegawai), IKM on the wilayah dashboard (skm)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dasbor_pegawai_jam_pelatihan_dan_saldo_cuti(client_as, org_a):
    resp = client_as(org_a.user_staf).get(reverse("laporan:dasbor_pegawai"))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "Jam pelatihan tahun ini" in html and "Sisa cuti tahunan" in html
    assert resp.context["jam_pelatihan"] == 0
    assert set(resp.context["saldo_cuti"]) >= {"hak", "sisa_tahun_lalu", "terpakai", "sisa"}


def test_dasbor_wilayah_menampilkan_ikm_wilayahnya(client_as, org_a):
    from tests.kinerja.factories import PeriodeKinerjaFactory

    PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    resp = client_as(org_a.user_hr).get(reverse("laporan:dasbor_wilayah"))
    assert resp.status_code == 200
    assert resp.context["dasbor"].periode is not None
    assert resp.context["ikm"]["n"] == 0
    assert "Kepuasan masyarakat (IKM)" in resp.content.decode()
