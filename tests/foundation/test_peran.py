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


def test_is_hr(org_a, admin_nasional):
    from django.contrib.auth.models import AnonymousUser

    assert peran.is_hr(org_a.user_hr) and peran.is_hr(admin_nasional)
    assert not peran.is_hr(org_a.user_kabid) and not peran.is_hr(org_a.user_pimpinan)
    assert not peran.is_hr(AnonymousUser())


@pytest.mark.parametrize(
    "url", ["/pegawai/tambah/", "/pegawai/libur/tambah/", "/pengembangan/program/baru/"]
)
def test_satu_mixin_hr_untuk_halaman_hr(org_a, client_as, admin_nasional, url):
    """The three HR-only page guards of pegawai, cuti and pengembangan are one mixin
    (`peran.HRWajibMixin` / `HRWilayahSendiriWajibMixin`): staff get a 403."""
    assert client_as(org_a.user_kabid).get(url).status_code == 403
    assert client_as(org_a.user_hr).get(url).status_code == 200
    # The development catalogue belongs to a wilayah: the national admin has none (decision
    # of issue 16: pengembangan kept its rule, the leave and employee pages admit them).
    admin = client_as(admin_nasional).get(url).status_code
    assert admin == (403 if "pengembangan" in url else 200)


def test_pengawas_wilayah(org_a, org_b, admin_nasional, pengguna_tanpa_wilayah):
    """HR, pimpinan daerah and national admins oversee a wilayah (talent, TPP, dashboards,
    SKM); `_dari` narrows it to the row's wilayah."""
    from django.contrib.auth.models import AnonymousUser

    for u in (org_a.user_hr, org_a.user_pimpinan, admin_nasional):
        assert peran.is_pengawas_wilayah(u)
    for u in (org_a.user_kabid, org_a.user_staf, pengguna_tanpa_wilayah, AnonymousUser()):
        assert not peran.is_pengawas_wilayah(u)
    w = org_a.wilayah.pk
    assert peran.is_pengawas_wilayah_dari(org_a.user_hr, w)
    assert peran.is_pengawas_wilayah_dari(org_a.user_pimpinan, w)
    assert peran.is_pengawas_wilayah_dari(admin_nasional, w)
    assert not peran.is_pengawas_wilayah_dari(org_b.user_hr, w)
    assert not peran.is_pengawas_wilayah_dari(org_b.user_pimpinan, w)
    assert not peran.is_pengawas_wilayah_dari(org_a.user_pimpinan, None)
    assert not peran.is_pengawas_wilayah_dari(org_a.user_kabid, w)
    peran.wajib_pengawas_wilayah(org_a.user_pimpinan)
    with pytest.raises(PermissionDenied, match="Tidak boleh"):
        peran.wajib_pengawas_wilayah(org_a.user_staf, "Tidak boleh")
    with pytest.raises(PermissionDenied, match="Tidak boleh"):
        peran.wajib_pengawas_wilayah_dari(org_b.user_pimpinan, w, "Tidak boleh")


def test_akun_nonaktif_tanpa_peran(org_a, admin_nasional):
    """Where the app copies disagreed (laporan's wilayah dashboard and TPP's month list did
    not check `is_active`, talenta did), the stricter rule won: an inactive account has no
    role at all, whatever its groups."""
    w = org_a.wilayah.pk
    for u in (org_a.user_hr, org_a.user_pimpinan, admin_nasional):
        u.is_active = False
        assert not peran.is_pengawas_wilayah(u)
        assert not peran.is_pengawas_wilayah_dari(u, w)
        assert not peran.is_hr(u)
        assert not peran.is_hr_wilayah(u, w)
        assert not peran.is_pimpinan_daerah(u)
        assert not peran.is_admin_nasional(u)
