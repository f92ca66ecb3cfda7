"""Navigation context: the roles of the logged-in user, computed once per request. The roles
are asked of the permission layer (`organisasi.peran`, `pegawai.selectors.is_atasan`), the
same predicates the pages' guards ask, so a menu never shows a page its user gets a 403 on."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from kinerja.selectors.inbox import notifikasi_belum_dibaca_navigasi
from kinerja.selectors.notifikasi import notifikasi_belum_dibaca
from organisasi import peran
from pegawai.selectors import is_atasan, pegawai_dari_pengguna


def _nav(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {"wilayah": None, "is_admin": False, "is_hr": False, "is_pimpinan": False,
                "is_pengawas": False, "is_atasan": False, "is_pegawai": False, "inbox_count": 0,
                "pegawai": None, "notifikasi_count": 0}  # fmt: skip
    pegawai = pegawai_dari_pengguna(user)
    atasan = is_atasan(user)
    inbox = _inbox_count(user) if atasan else 0
    # The unread count came with the user (asn_kinerja.auth.PenggunaBackend); a user object
    # that did not come from that backend (request.user set by hand) falls back to a query.
    notifikasi = notifikasi_belum_dibaca_navigasi(actor=user)
    if notifikasi is None:
        notifikasi = notifikasi_belum_dibaca(actor=user)
    return {
        "wilayah": user.wilayah if user.wilayah_id else None,
        "is_admin": peran.is_admin_nasional(user),
        "is_hr": peran.is_hr(user),
        "is_pimpinan": peran.is_pimpinan_daerah(user),
        # HR, pimpinan daerah or national admin: the wilayah-wide pages (talent, TPP months,
        # wilayah dashboards, SKM).
        "is_pengawas": peran.is_pengawas_wilayah(user),
        "is_atasan": atasan,
        "is_pegawai": pegawai is not None,
        "pegawai": pegawai,
        "inbox_count": inbox,
        "notifikasi_count": notifikasi,
    }


def _inbox_count(user: Any) -> int:
    from kinerja.selectors.inbox import inbox_count

    return inbox_count(actor=user)


def navigasi(request: HttpRequest) -> dict[str, Any]:
    # Lazy: pages that never touch `nav` (PDFs, htmx fragments) pay no query for it.
    return {"nav": SimpleLazyObject(lambda: _nav(request))}
