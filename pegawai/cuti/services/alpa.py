"""Unexcused absence (alpa): after a working day, every active employee without a record
is marked `alpa`; the hourly beat job does it per wilayah once its day is over.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from pegawai.choices import StatusKehadiran
from pegawai.models import (
    Kehadiran,
    Pegawai,
)

from .. import selectors
from .kehadiran import jam_setelan


@transaction.atomic
def kehadiran_tandai_alpa(*, wilayah: Any, tanggal: dt.date) -> int:
    """After a working day: every active employee of the wilayah without a record that day is
    recorded `alpa` (tanpa keterangan). Safe to run twice. Returns the rows added."""
    if not selectors.hari_kerja(wilayah, tanggal, tanggal):
        return 0
    tanpa = (
        Pegawai.objects.di_wilayah(wilayah)
        .aktif()
        .exclude(kehadiran_set__tanggal=tanggal)
        .values_list("pk", flat=True)
    )
    rows = [
        Kehadiran(pegawai_id=pid, tanggal=tanggal, status=StatusKehadiran.ALPA, sumber="sistem")
        for pid in tanpa
    ]
    return len(Kehadiran.objects.bulk_create(rows, ignore_conflicts=True))


#: Minutes after a wilayah's closing time before the day's missing records become `alpa`
#: (a late check-out or a manual correction still lands first). settings.ALPA_JEDA_MENIT.
ALPA_JEDA_MENIT = 120


def hari_alpa_jatuh_tempo(wilayah: Any, sekarang: dt.datetime | None = None) -> dt.date:
    """The latest local date of the wilayah whose working day is over: today once its closing
    time (Friday's on Fridays) plus the grace period has passed in the wilayah's zone,
    otherwise yesterday."""
    from django.conf import settings

    from asn_kinerja.waktu import waktu_lokal

    lokal = waktu_lokal(wilayah, sekarang)
    tutup = wilayah.jam_pulang_jumat if lokal.weekday() == 4 else wilayah.jam_pulang
    jeda = dt.timedelta(minutes=getattr(settings, "ALPA_JEDA_MENIT", ALPA_JEDA_MENIT))
    batas = dt.datetime.combine(lokal.date(), jam_setelan(tutup), tzinfo=lokal.tzinfo) + jeda
    return lokal.date() if lokal >= batas else lokal.date() - dt.timedelta(days=1)


def kehadiran_tandai_alpa_jatuh_tempo(*, sekarang: dt.datetime | None = None) -> dict[str, int]:
    """What the hourly beat job runs: for every wilayah, `kehadiran_tandai_alpa` on the
    working day that has just ended there (each wilayah on its own local date and closing
    time, so Gayungan (WIB) is marked an hour after Gorontalo (WITA) in real time). Safe to
    run every hour: a day already marked adds nothing. Returns rows added per wilayah."""
    from organisasi.models import Wilayah

    return {
        w.kode: kehadiran_tandai_alpa(wilayah=w, tanggal=hari_alpa_jatuh_tempo(w, sekarang))
        for w in Wilayah.objects.order_by("pk")
    }


def kehadiran_tandai_alpa_tanggal(*, tanggal: dt.date, wilayah_id: int | None = None) -> int:
    """A manual catch-up: `kehadiran_tandai_alpa` on that date in every wilayah, or only in
    `wilayah_id`. Returns the rows added."""
    from organisasi.models import Wilayah

    wilayah = Wilayah.objects.order_by("pk")
    if wilayah_id is not None:
        wilayah = wilayah.filter(pk=wilayah_id)
    return sum(kehadiran_tandai_alpa(wilayah=w, tanggal=tanggal) for w in wilayah)
