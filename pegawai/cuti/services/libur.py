"""Writes of the holiday calendar (HariLibur) of a wilayah, by its admin kepegawaian."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from pegawai.models import (
    HariLibur,
)

from ._akses import wajib_hr

if TYPE_CHECKING:
    from organisasi.models import Pengguna


@transaction.atomic
def libur_simpan(
    *,
    actor: Pengguna,
    wilayah: Any,
    tanggal: dt.date,
    nama: str,
    jenis: str,
    libur: HariLibur | None = None,
) -> HariLibur:
    wajib_hr(actor, wilayah.pk, _("Anda hanya dapat mengubah kalender wilayah Anda."))
    libur = libur or HariLibur()
    libur.wilayah, libur.tanggal, libur.nama, libur.jenis = wilayah, tanggal, nama, jenis
    libur.full_clean()
    libur.save()
    return libur


@transaction.atomic
def libur_hapus(*, actor: Pengguna, libur: HariLibur) -> None:
    wajib_hr(actor, libur.wilayah_id, _("Anda hanya dapat mengubah kalender wilayah Anda."))
    libur.delete()
