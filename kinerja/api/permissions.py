"""Who may use which endpoint: the same predicates as the pages, asked of the modules that
define them (`organisasi.peran`, `organisasi.selectors.akses_organisasi`,
`pegawai.selectors`), never redefined here. What a permitted actor then sees is the
selectors' (`visible_to`) business."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from kinerja.selectors.evaluasi import lihat_wilayah
from organisasi import peran
from organisasi.selectors import akses_organisasi
from pegawai.selectors import boleh_lihat_daftar, is_atasan, pegawai_dari_pengguna


class _Predikat(BasePermission):
    """`predikat(user)` must hold for the actions in `aksi` (None: every action)."""

    predikat: Any = None
    aksi: frozenset[str] | None = None

    def has_permission(self, request, view) -> bool:
        if self.aksi is not None and getattr(view, "action", None) not in self.aksi:
            return True
        return bool(type(self).predikat(request.user))


class BolehDaftarPegawai(_Predikat):
    """The employee list: HR, national admins, pimpinan daerah and section heads (the list
    page's rule). A single profile is the selector's business (own record included)."""

    message = _("Daftar pegawai hanya untuk admin kepegawaian, pimpinan dan atasan.")
    predikat = staticmethod(boleh_lihat_daftar)
    aksi = frozenset({"list"})


class BacaOrganisasi(_Predikat):
    """Units and positions: whoever may read the organisation pages (`akses_organisasi`)."""

    message = _("Anda tidak memiliki akses ke data organisasi.")
    predikat = staticmethod(lambda u: akses_organisasi(u).baca)


class BolehDaftarSKP(_Predikat):
    """The SKP and evaluation lists of others (`?lingkup=semua`): HR, pimpinan daerah and
    section heads, as the list pages; everyone may list their own."""

    message = _("Daftar SKP dan evaluasi pegawai lain hanya untuk admin kepegawaian, "
                "pimpinan dan atasan.")  # fmt: skip

    def has_permission(self, request, view) -> bool:
        if getattr(view, "action", None) != "list" or view.lingkup(request) == "saya":
            return True
        return bool(lihat_wilayah(request.user) or is_atasan(request.user))


class PunyaDataPegawai(BasePermission):
    """The phone client's own data (daily log): the account must be an employee's."""

    message = _("Akun Anda tidak terhubung dengan data pegawai.")

    def has_permission(self, request, view) -> bool:
        # One log is looked up in the actor's scope first (another wilayah's is a 404, as
        # on the page); changing it is then the service's owner check (403).
        if getattr(view, "action", None) not in ("list", "create"):
            return True
        return pegawai_dari_pengguna(request.user) is not None


class LihatTPPWilayah(_Predikat):
    """The wilayah's TPP months: HR, pimpinan daerah, national admins (the TPP pages' rule,
    `organisasi.peran.is_pengawas_wilayah`)."""

    message = _("TPP wilayah hanya untuk admin kepegawaian dan pimpinan daerah.")
    predikat = staticmethod(peran.is_pengawas_wilayah)
