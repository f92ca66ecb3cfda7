"""The one "is unit head" rule (`pegawai.selectors.memimpin`): a head position that is
deactivated makes nobody a head, on every question that asks it (issue 16: the inline
copies skipped `jabatan.aktif`)."""

from __future__ import annotations

import pytest

from kinerja.selectors.skp import skp_visible
from organisasi.models import BELUM_DIMUAT
from pegawai.models import Pegawai
from pegawai.selectors import is_atasan, memimpin
from tests.kinerja.factories import skp_lengkap

pytestmark = pytest.mark.django_db


def test_jabatan_kepala_nonaktif_bukan_kepala(org_a):
    # an SKP of the unit that does not name the head: only the unit subtree shows it to him
    skp = skp_lengkap(org_a.staf2)
    skp.pejabat_penilai = None
    skp.atasan_pejabat_penilai = None
    skp.save()
    user = org_a.user_kabid
    assert memimpin(org_a.kabid) and is_atasan(user)
    assert skp in skp_visible(actor=user)

    org_a.j_kabid.aktif = False
    org_a.j_kabid.save()
    user.pegawai_dimuat = BELUM_DIMUAT  # a new request reads the record afresh
    assert not memimpin(Pegawai.objects.select_related("jabatan").get(pk=org_a.kabid.pk))
    assert not is_atasan(user)
    assert skp not in skp_visible(actor=user)


def test_memimpin_tanpa_pegawai_atau_jabatan(org_a):
    assert not memimpin(None)
    assert not memimpin(org_a.staf)
    assert memimpin(org_a.kasi)
