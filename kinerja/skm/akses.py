"""Who may do what on the staff side of the SKM (read by views, services and the nav).

- HR of the wilayah (and national admins): everything in the wilayah: open/close units,
  edit services and officers, read and answer responses.
- A unit head: the service units of the unit they head and below: read, answer, poster.
- Pimpinan daerah: read-only in the wilayah.
- Everyone else: no access (403).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pegawai.selectors import pegawai_dari_pengguna

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def kepala_dari(actor: Pengguna):
    """The actor's employee record if they head a unit, else None."""
    p = pegawai_dari_pengguna(actor)
    if p and p.jabatan_id and p.jabatan.is_kepala and p.jabatan.aktif:
        return p
    return None


def boleh_kelola(actor: Pengguna) -> bool:
    return bool(actor.is_authenticated and actor.is_admin_kepegawaian)


def boleh_melihat(actor: Pengguna) -> bool:
    if not actor.is_authenticated:
        return False
    return boleh_kelola(actor) or actor.is_pimpinan_daerah or kepala_dari(actor) is not None


def boleh_menjawab(actor: Pengguna) -> bool:
    """Answering needs HR or a unit head; the object itself comes from the scoped selector."""
    return boleh_kelola(actor) or kepala_dari(actor) is not None
