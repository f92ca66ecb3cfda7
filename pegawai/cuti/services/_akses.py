"""The role check shared by the HR-only writes (holidays, attendance)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def wajib_hr(actor: Pengguna) -> None:
    if not actor.is_admin_kepegawaian:
        raise PermissionDenied(_("Hanya admin kepegawaian yang dapat melakukan ini."))
