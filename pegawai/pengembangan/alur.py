"""Status steps of the IDP and of programme requests, declared in one module and run by the
shared workflow engine (`asn_kinerja.workflow`, issue 16): the row is locked and its status
re-checked inside the transaction, permission checked, the note required where declared, and
every step is logged once as a `TransisiStatus` (who, when, from, to, note).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _l

from asn_kinerja import workflow
from asn_kinerja.workflow import Transisi

M = TypeVar("M", bound=models.Model)


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
    """`asn_kinerja.workflow.jalankan`, with the step's note also kept on the row
    (`catatan`: the pages show the latest reason, the log keeps them all)."""

    def ubah_dan_catat(obj: M) -> None:
        obj.catatan = (catatan or "").strip()
        if ubah is not None:
            ubah(obj)

    return workflow.jalankan(
        model, pk, transisi, oleh=oleh, catatan=catatan, izin=izin, ubah=ubah_dan_catat
    )


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
