"""Who may do what on the staff side of the SKM (read by views, services and the nav).
The roles themselves are asked of the one permission layer: `organisasi.peran` (HR:
`is_hr`; HR, pimpinan daerah, national admins: `is_pengawas_wilayah`) and
`pegawai.selectors.kepala_dari` (unit head); only the SKM's combinations live here.

- HR of the wilayah (and national admins): everything in the wilayah: open/close units,
  edit services and officers, read and answer responses.
- A unit head: the service units of the unit they head and below: read, answer, poster.
- Pimpinan daerah: read-only in the wilayah.
- Everyone else: no access (403).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from organisasi import peran
from pegawai.selectors import kepala_dari

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def boleh_melihat(actor: Pengguna) -> bool:
    """Who oversees the wilayah (`peran.is_pengawas_wilayah`) or heads a unit."""
    return peran.is_pengawas_wilayah(actor) or kepala_dari(actor) is not None


def boleh_menjawab(actor: Pengguna) -> bool:
    """Answering needs HR or a unit head; the object itself comes from the scoped selector."""
    return peran.is_hr(actor) or kepala_dari(actor) is not None
