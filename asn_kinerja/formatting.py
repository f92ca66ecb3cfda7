"""Indonesian formatting independent of the active locale (PDFs must read the same in any
worker): dates like "22 November 2026", numbers like "1.234,5"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def tanggal_indonesia(value: dt.date | dt.datetime | None, dengan_hari: bool = False) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.date()
    teks = f"{value.day} {BULAN[value.month - 1]} {value.year}"
    return f"{HARI[value.weekday()]}, {teks}" if dengan_hari else teks


def bulan_tahun(value: dt.date) -> str:
    return f"{BULAN[value.month - 1]} {value.year}"


def angka(value: int | float | Decimal | None, desimal: int = 0) -> str:
    if value is None:
        return "—"
    s = f"{value:,.{desimal}f}"
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
