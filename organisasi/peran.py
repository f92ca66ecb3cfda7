"""Role predicates: one definition per rule (issue 16).

Placement: group- and account-based roles (national admin, HR of a wilayah, pimpinan
daerah) depend only on `Pengguna` and live here in organisasi, so every app above can ask
them. Structure-based roles (unit head, pejabat penilai) need `Pegawai` and live in
`pegawai.selectors` (`is_atasan`, `kepala_dari`, `unit_dipimpin`, `kepala_unit`,
`pejabat_penilai`), never redefined above.

Every predicate here starts from `_aktif`: an anonymous user or an inactive account has no
role at all (issue 16: the app copies disagreed, some checked `is_active` and some did not;
the stricter rule won). The `wajib_*` twins raise `PermissionDenied(pesan)` for services and
function views.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _lazy

from asn_kinerja.views import PeranWajibMixin

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def _aktif(actor: Pengguna | None) -> bool:
    """Logged in with an active account: the first condition of every role below."""
    return bool(
        actor is not None
        and getattr(actor, "is_authenticated", False)
        and getattr(actor, "is_active", False)
    )


def is_admin_nasional(actor: Pengguna | None) -> bool:
    """System administrator (active superuser, no wilayah needed): every wilayah."""
    return _aktif(actor) and actor.is_admin_nasional


def is_pimpinan_daerah(actor: Pengguna | None) -> bool:
    """Regional leadership (group Pimpinan Daerah, with a wilayah): read-only dashboards of
    their wilayah. A national admin is not pimpinan daerah."""
    return _aktif(actor) and actor.is_pimpinan_daerah


def is_hr(actor: Pengguna | None) -> bool:
    """HR officer (admin kepegawaian) of some wilayah, or a national admin: may open the HR
    pages at all. What they then see is scoped by `visible_to`; a step on one wilayah's row
    asks `is_hr_wilayah` with that row's wilayah."""
    return _aktif(actor) and actor.is_admin_kepegawaian


def is_hr_wilayah(actor: Pengguna | None, wilayah_id: int | None) -> bool:
    """HR officer (admin kepegawaian) of wilayah `wilayah_id`, or a national admin."""
    if not _aktif(actor):
        return False
    if actor.is_admin_nasional:
        return True
    return bool(actor.is_admin_kepegawaian and actor.wilayah_id and actor.wilayah_id == wilayah_id)


def is_pengawas_wilayah(actor: Pengguna | None) -> bool:
    """Who oversees a whole wilayah: HR officer, pimpinan daerah or national admin. They open
    the wilayah-wide read pages (talent, TPP months, wilayah dashboards, SKM results); the
    rows are then scoped by `visible_to` (a national admin sees every wilayah)."""
    return _aktif(actor) and bool(
        actor.is_admin_kepegawaian or actor.is_pimpinan_daerah or actor.is_admin_nasional
    )


def is_pengawas_wilayah_dari(actor: Pengguna | None, wilayah_id: int | None) -> bool:
    """HR officer or pimpinan daerah OF wilayah `wilayah_id`, or a national admin: a step on
    one wilayah's row that leadership shares with HR (talent calibration and its lock)."""
    if is_hr_wilayah(actor, wilayah_id):
        return True
    return bool(is_pimpinan_daerah(actor) and wilayah_id and actor.wilayah_id == wilayah_id)


def is_hr_wilayah_sendiri(actor: Pengguna) -> bool:
    """HR officer acting in their OWN wilayah, for work that looks rows up there (the Excel
    imports find NIPs in the actor's wilayah). A national admin has no wilayah of their
    own, so no. An inactive account, no."""
    return bool(_aktif(actor) and actor.is_admin_kepegawaian and actor.wilayah_id)


def wajib_hr(actor: Pengguna | None, pesan: str = "") -> None:
    """Raises PermissionDenied(`pesan`) unless `is_hr(actor)`."""
    if not is_hr(actor):
        raise PermissionDenied(pesan)


def wajib_pengawas_wilayah(actor: Pengguna | None, pesan: str = "") -> None:
    """Raises PermissionDenied(`pesan`) unless `is_pengawas_wilayah(actor)`."""
    if not is_pengawas_wilayah(actor):
        raise PermissionDenied(pesan)


def wajib_pengawas_wilayah_dari(
    actor: Pengguna | None, wilayah_id: int | None, pesan: str = ""
) -> None:
    """Raises PermissionDenied(`pesan`) unless `is_pengawas_wilayah_dari(actor, wilayah_id)`."""
    if not is_pengawas_wilayah_dari(actor, wilayah_id):
        raise PermissionDenied(pesan)


def wajib_hr_wilayah(actor: Pengguna, wilayah_id: int | None, pesan: str) -> None:
    """Raises PermissionDenied(`pesan`) unless `is_hr_wilayah(actor, wilayah_id)`. The one
    guard of the services that only HR of the wilayah may run."""
    if not is_hr_wilayah(actor, wilayah_id):
        raise PermissionDenied(pesan)


def wajib_hr_wilayah_sendiri(actor: Pengguna, pesan: str = "") -> None:
    """Raises PermissionDenied(`pesan`) unless `is_hr_wilayah_sendiri(actor)`."""
    if not is_hr_wilayah_sendiri(actor):
        raise PermissionDenied(pesan)


def pengguna_hr_wilayah(wilayah_id: int | None) -> QuerySet[Pengguna]:
    """The active HR officers (admin kepegawaian) of a wilayah: who is told when a step
    waits for HR. One definition for every flow that notifies them."""
    from organisasi.models import GRUP_ADMIN_KEPEGAWAIAN, Pengguna

    return Pengguna.objects.filter(
        wilayah_id=wilayah_id, groups__name=GRUP_ADMIN_KEPEGAWAIAN, is_active=True
    ).order_by("pk")


class HRWajibMixin(PeranWajibMixin):
    """The pages only HR officers (and national admins) open: the one mixin of the leave,
    attendance, employee-record and development HR pages (three copies before, with three
    different 403 texts). The rows they then show are scoped by `visible_to`."""

    peran_wajib = staticmethod(is_hr)
    pesan_peran = _lazy("Halaman ini hanya untuk admin kepegawaian.")


class HRWilayahSendiriWajibMixin(PeranWajibMixin):
    """Pages only the HR officer of their OWN wilayah opens (`is_hr_wilayah_sendiri`): the
    development catalogue and its approvals create and decide rows of that wilayah, which a
    national admin (no wilayah) does not have."""

    peran_wajib = staticmethod(is_hr_wilayah_sendiri)
    pesan_peran = _lazy("Halaman ini hanya untuk admin kepegawaian wilayah.")
