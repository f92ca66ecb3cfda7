"""One way to ask "what day is it" (DOMAIN.md section 1: times are stored in UTC and
evaluated in the wilayah's zone).

Never call `datetime.date.today()` or a naive `datetime.now()` in the product: the server's
clock zone is not any wilayah's. Where a wilayah is involved use `hari_ini(wilayah)`; in a
request the middleware has already activated the user's zone, so `hari_ini()` without an
argument is that wilayah's date too. Tests pin the clock with time-machine, which moves
`timezone.now()` and therefore everything here.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django.conf import settings
from django.utils import timezone


def zona(wilayah: Any = None) -> zoneinfo.ZoneInfo:
    """The wilayah's time zone (a `Wilayah` or its zone name); the active zone when None.
    An unknown zone name falls back to the project's TIME_ZONE."""
    if wilayah is None:
        aktif = timezone.get_current_timezone()
        return aktif if isinstance(aktif, zoneinfo.ZoneInfo) else zoneinfo.ZoneInfo(str(aktif))
    nama = wilayah if isinstance(wilayah, str) else getattr(wilayah, "zona_waktu", "")
    try:
        return zoneinfo.ZoneInfo(nama or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def waktu_lokal(wilayah: Any = None, waktu: dt.datetime | None = None) -> dt.datetime:
    """`waktu` (default now) in the wilayah's zone."""
    return timezone.localtime(waktu or timezone.now(), zona(wilayah))


def hari_ini(wilayah: Any = None) -> dt.date:
    """Today's date in the wilayah's zone (the active zone when `wilayah` is None)."""
    return waktu_lokal(wilayah).date()
