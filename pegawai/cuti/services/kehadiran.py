"""Attendance (Kehadiran) of one day: lateness from the wilayah's working hours, the
status a day's punches give, and HR's manual correction of a day.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from pegawai.choices import STATUS_DI_KANTOR, StatusKehadiran
from pegawai.models import (
    Kehadiran,
)

from ._akses import wajib_hr

if TYPE_CHECKING:
    from organisasi.models import Pengguna

# --- attendance ------------------------------------------------------------------------------


def jam_setelan(nilai: dt.time | str) -> dt.time:
    """A working-hour setting (a just-created Wilayah may still hold the "07:30" default)."""
    return nilai if isinstance(nilai, dt.time) else dt.time.fromisoformat(str(nilai))


def hitung_keterlambatan(
    *,
    wilayah: Any,
    tanggal: dt.date,
    jam_masuk: dt.datetime | None,
    jam_pulang: dt.datetime | None,
) -> tuple[int, int]:
    """Minutes late and minutes of early leave, evaluated in the wilayah's time zone against
    its working hours (Friday has its own closing time). Whole minutes, seconds dropped."""
    tz = zoneinfo.ZoneInfo(wilayah.zona_waktu)
    terlambat = pulang_cepat = 0
    if jam_masuk is not None:
        batas = dt.datetime.combine(tanggal, jam_setelan(wilayah.jam_masuk), tzinfo=tz)
        terlambat = max(0, int((jam_masuk - batas).total_seconds() // 60))
    if jam_pulang is not None:
        tutup = wilayah.jam_pulang_jumat if tanggal.weekday() == 4 else wilayah.jam_pulang
        batas = dt.datetime.combine(tanggal, jam_setelan(tutup), tzinfo=tz)
        pulang_cepat = max(0, int((batas - jam_pulang).total_seconds() // 60))
    return terlambat, pulang_cepat


def status_dari_jam(terlambat: int, pulang_cepat: int) -> str:
    """Late wins over early leave (both minute counts are kept)."""
    if terlambat > 0:
        return StatusKehadiran.TERLAMBAT
    if pulang_cepat > 0:
        return StatusKehadiran.PULANG_CEPAT
    return StatusKehadiran.HADIR


@transaction.atomic
def kehadiran_ubah(
    *, actor: Pengguna, kehadiran: Kehadiran, status: str, keterangan: str = ""
) -> Kehadiran:
    """HR records an excuse (izin, sakit, dinas luar) or an unexcused absence for a day.
    Lateness minutes only count for days the employee was present."""
    k = (
        Kehadiran.objects.select_for_update()
        .select_related("pegawai__wilayah")
        .get(pk=kehadiran.pk)
    )
    wajib_hr(actor, k.pegawai.wilayah_id, _("Anda hanya dapat mengubah kehadiran wilayah Anda."))
    if status in STATUS_DI_KANTOR:
        if k.jam_masuk is None:
            raise ValidationError(
                {"status": _("Status hadir memerlukan jam masuk dari mesin presensi.")}
            )
        terlambat, cepat = hitung_keterlambatan(
            wilayah=k.pegawai.wilayah, tanggal=k.tanggal, jam_masuk=k.jam_masuk,
            jam_pulang=k.jam_pulang,
        )  # fmt: skip
        status = status_dari_jam(terlambat, cepat)
        k.menit_terlambat, k.menit_pulang_cepat = terlambat, cepat
    else:
        k.menit_terlambat = k.menit_pulang_cepat = 0
    k.status = status
    k.keterangan = keterangan
    k.sumber = "manual"
    k.full_clean()
    k.save()
    return k
