"""Status steps of the IDP and of programme requests, in one module.

A local stand-in for the shared workflow engine (`jalankan`/`Transisi`, moving to the ground
floor on branch h16core): the same contract — lock the row, re-check its status inside the
transaction, check permission, require the note where declared, set the status, save — so
the lead can swap this module for the engine (and its TransisiStatus log and in-app
Notifikasi) without touching the services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

M = TypeVar("M", bound=models.Model)


@dataclass(frozen=True)
class Transisi:
    """One allowed step: from any of `dari` to `ke`."""

    nama: str
    dari: frozenset[str]
    ke: str
    label: str
    catatan_wajib: bool = False


def jalankan(
    model: type[M],
    pk: int,
    transisi: Transisi,
    *,
    oleh: Any,
    catatan: str = "",
    izin: Callable[[M], None] | None = None,
    ubah: Callable[[M], None] | None = None,
) -> M:
    """Runs `transisi` on row `pk`: lock -> check state -> `izin(obj)` (raises
    PermissionDenied) -> required note -> set status -> `ubah(obj)` -> full_clean -> save."""
    catatan = (catatan or "").strip()
    with transaction.atomic():
        obj = model._default_manager.select_for_update().get(pk=pk)
        sekarang = obj.status
        if sekarang not in transisi.dari:
            nama = dict(obj._meta.get_field("status").choices).get(sekarang, sekarang)
            raise ValidationError(
                _("Tidak dapat %(aksi)s: status saat ini sudah “%(status)s”. Muat ulang halaman.")
                % {"aksi": transisi.label.lower(), "status": nama},
                code="status_berubah",
            )
        if izin is not None:
            izin(obj)
        if transisi.catatan_wajib and not catatan:
            raise ValidationError(
                {
                    "catatan": _("Catatan wajib diisi untuk %(aksi)s.")
                    % {"aksi": transisi.label.lower()}
                },
                code="catatan_wajib",
            )
        obj.status = transisi.ke
        obj.catatan = catatan
        if ubah is not None:
            ubah(obj)
        fk = [f.name for f in obj._meta.concrete_fields if f.is_relation]
        obj.full_clean(exclude=fk, validate_constraints=False)
        obj.save()
    return obj


def _t(nama: str, dari: tuple[str, ...], ke: str, label: str, catatan_wajib: bool = False):
    return Transisi(nama, frozenset(dari), ke, label, catatan_wajib)


# --- the IDP ---------------------------------------------------------------------------------
IDP_AJUKAN = _t("ajukan", ("draf", "dikembalikan"), "diajukan", _l("mengajukan rencana"))
IDP_SETUJUI = _t("setujui", ("diajukan",), "disetujui", _l("menyetujui rencana"))
IDP_KEMBALIKAN = _t(
    "kembalikan", ("diajukan",), "dikembalikan", _l("mengembalikan rencana"), catatan_wajib=True
)

# --- programme requests ----------------------------------------------------------------------
DAFTAR_SETUJUI_ATASAN = _t(
    "setujui_atasan", ("diajukan",), "disetujui_atasan", _l("menyetujui pendaftaran")
)
DAFTAR_TOLAK_ATASAN = _t("tolak_atasan", ("diajukan",), "ditolak", _l("menolak pendaftaran"), True)
DAFTAR_SETUJUI_HR = _t("setujui", ("disetujui_atasan",), "disetujui", _l("menyetujui pendaftaran"))
DAFTAR_TOLAK_HR = _t("tolak", ("disetujui_atasan",), "ditolak", _l("menolak pendaftaran"), True)
DAFTAR_SELESAI = _t("selesai", ("disetujui",), "selesai", _l("menandai selesai"))
DAFTAR_BATALKAN = _t(
    "batalkan", ("diajukan", "disetujui_atasan"), "dibatalkan", _l("membatalkan pendaftaran")
)
