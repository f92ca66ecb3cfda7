"""The org tree helpers the whole product relies on: path, subtree, pejabat penilai."""

from __future__ import annotations

import pytest

from organisasi.models import UnitKerja
from pegawai.models import Pegawai
from pegawai.selectors import atasan_pejabat_penilai, bawahan_langsung, pejabat_penilai

pytestmark = pytest.mark.django_db


def test_path_dan_subtree_satu_query(org_a, django_assert_num_queries):
    assert org_a.seksi.path == f"/{org_a.root.pk}/{org_a.bidang.pk}/{org_a.seksi.pk}/"
    assert org_a.seksi.depth == 2
    with django_assert_num_queries(1):
        ids = set(UnitKerja.objects.subtree(org_a.bidang).values_list("pk", flat=True))
    assert ids == {org_a.bidang.pk, org_a.seksi.pk}
    assert set(Pegawai.objects.di_subtree(org_a.bidang)) == {
        org_a.kabid,
        org_a.staf,
        org_a.staf2,
        org_a.kasi,
        org_a.staf_seksi,
    }


def test_pejabat_penilai_dari_pohon(org_a):
    assert pejabat_penilai(org_a.staf) == org_a.kabid  # staff: head of own unit
    assert pejabat_penilai(org_a.kasi) == org_a.kabid  # head: head of the unit above
    assert pejabat_penilai(org_a.staf_seksi) == org_a.kasi
    assert pejabat_penilai(org_a.kabid) == org_a.sekda
    assert pejabat_penilai(org_a.sekda) is None
    assert atasan_pejabat_penilai(org_a.staf_seksi) == org_a.kabid


def test_jabatan_kepala_kosong_naik_ke_atas(org_a):
    org_a.kasi.status_aktif = "pensiun"
    org_a.kasi.save()
    assert pejabat_penilai(org_a.staf_seksi) == org_a.kabid
    assert org_a.staf_seksi in bawahan_langsung(org_a.kabid)


def test_bawahan_langsung(org_a):
    assert set(bawahan_langsung(org_a.kabid)) == {org_a.staf, org_a.staf2, org_a.kasi}
    assert set(bawahan_langsung(org_a.kasi)) == {org_a.staf_seksi}
    assert not bawahan_langsung(org_a.staf).exists()
