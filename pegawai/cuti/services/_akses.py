"""The role check shared by the HR-only writes (holidays, attendance): asked of the one
permission layer (`organisasi.peran`), with this app's messages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from organisasi import peran

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def wajib_hr(actor: Pengguna, wilayah_id: int | None, pesan_wilayah: str) -> None:
    """HR of wilayah `wilayah_id` (or a national admin). A non-HR is told it is HR's work;
    an HR officer of another wilayah gets `pesan_wilayah`."""
    if not peran.is_hr(actor):
        raise PermissionDenied(_("Hanya admin kepegawaian yang dapat melakukan ini."))
    peran.wajib_hr_wilayah(actor, wilayah_id, pesan_wilayah)
