"""One module of role predicates (organisasi.peran): the guards the services share."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from organisasi import peran

pytestmark = pytest.mark.django_db


def test_hr_wilayah_sendiri(org_a, org_b, admin_nasional):
    assert peran.is_hr_wilayah_sendiri(org_a.user_hr)
    assert not peran.is_hr_wilayah_sendiri(org_a.user_staf)
    assert not peran.is_hr_wilayah_sendiri(org_a.user_pimpinan)
    # A national admin may act in any wilayah, but has none of their own to import into.
    assert not peran.is_hr_wilayah_sendiri(admin_nasional)
    assert peran.is_hr_wilayah(admin_nasional, org_b.wilayah.pk)
    org_a.user_hr.is_active = False
    assert not peran.is_hr_wilayah_sendiri(org_a.user_hr)


def test_wajib_hr_wilayah_pesan_sendiri(org_a, org_b):
    peran.wajib_hr_wilayah(org_a.user_hr, org_a.wilayah.pk, "x")
    with pytest.raises(PermissionDenied, match="Hanya HR"):
        peran.wajib_hr_wilayah(org_a.user_hr, org_b.wilayah.pk, "Hanya HR")
    with pytest.raises(PermissionDenied, match="Hanya HR"):
        peran.wajib_hr_wilayah_sendiri(org_a.user_kabid, "Hanya HR")
