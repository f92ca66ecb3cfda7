"""TPP totals on the wilayah and unit dashboards."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dasbor_wilayah_menampilkan_total_tpp(client_as, org_a, tpp_a, tpp_b_kosong):
    resp = client_as(org_a.user_hr).get(reverse("laporan:dasbor_wilayah"))
    html = resp.content.decode()
    assert resp.status_code == 200 and 'data-testid="tpp-total"' in html
    assert f"{tpp_a.bulan.total_netto:,}".replace(",", ".") in html
    assert "TPP November 2026" in html


def test_dasbor_unit_menampilkan_total_subtree(client_as, org_a, tpp_a):
    resp = client_as(org_a.user_kabid).get(
        reverse("laporan:dasbor_unit"), {"unit": org_a.bidang.pk}
    )
    html = resp.content.decode()
    assert resp.status_code == 200 and 'data-testid="tpp-total"' in html
    # bidang (kabid, staf, staf2, Ani Baik) + seksi (kasi, staf_seksi, Budi Sanksi)
    from kinerja.tpp.models import TPPPegawai

    diharapkan = sum(
        TPPPegawai.objects.filter(
            bulan=tpp_a.bulan, unit__path__startswith=org_a.bidang.path
        ).values_list("netto", flat=True)
    )
    assert f"{diharapkan:,}".replace(",", ".") in html
    assert "Lihat daftar TPP" not in html  # a head sees totals, not the wilayah's list


@pytest.fixture
def tpp_b_kosong(org_b, bulan_b):
    """Wilayah B has a month too: its totals never show in A."""
    return bulan_b
