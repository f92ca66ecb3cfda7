"""The reminders of the reporting app (nightly tasks): evaluation deadlines to employees,
waiting submissions to their pejabat penilai. Safe to rerun: one reminder per person and
window (or day)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from asn_kinerja.notifikasi import notifikasi_kirim

from ..selectors import (
    antrean_penilai_lama,
    pegawai_belum_mengisi,
    penilai_dengan_akun,
    periode_tenggat_dekat,
    sudah_diberi_tahu,
)

if TYPE_CHECKING:
    from pegawai.models import Pegawai


def _kirim_sekali(*, pegawai: list[Pegawai], judul: str, pesan: Callable[[Pegawai], str]) -> int:
    """One notification titled `judul` to each employee's account, skipping those who already
    have it (a rerun sends nothing twice). Returns the number sent."""
    sudah = sudah_diberi_tahu(judul=judul, penerima_ids=[p.pengguna_id for p in pegawai])
    dikirim = 0
    for p in pegawai:
        if p.pengguna_id in sudah:
            continue
        notifikasi_kirim(penerima=p.pengguna, judul=judul, pesan=pesan(p))
        dikirim += 1
    return dikirim


def pengingat_tenggat(*, hari_ini: dt.date | None = None, hari: int = 3) -> int:
    """Employees (with an account) whose evaluation of an open window ending within `hari`
    days is still unfilled get a reminder. Safe to rerun: one reminder per window and
    person. Without `hari_ini`, each wilayah's windows are judged on its own local date.
    Returns the number of notifications sent."""
    dikirim = 0
    for periode in periode_tenggat_dekat(hari_ini=hari_ini, hari=hari):
        judul = _("Batas evaluasi %(periode)s: %(tanggal)s") % {
            "periode": periode.nama,
            "tanggal": periode.tanggal_selesai.strftime("%d-%m-%Y"),
        }
        pesan = _(
            "Isi realisasi dan unggah bukti dukung evaluasi %(periode)s sebelum periode berakhir."
        ) % {"periode": periode.nama}
        dikirim += _kirim_sekali(
            pegawai=list(pegawai_belum_mengisi(periode_penilaian=periode)),
            judul=judul,
            pesan=lambda _p, pesan=pesan: pesan,
        )
    return dikirim


def pengingat_menunggu_atasan(*, sekarang: dt.datetime, hari: int = 5) -> int:
    """Section heads with SKP or realisations waiting on them for more than `hari` days get
    one reminder a day with the count. Returns the number of notifications sent."""
    baris = antrean_penilai_lama(sekarang=sekarang, hari=hari)
    tanggal = timezone.localdate(sekarang).strftime("%d-%m-%Y")
    judul = _("Pengajuan menunggu penilaian Anda (%(tanggal)s)") % {"tanggal": tanggal}
    jumlah = {b["penilai"]: b["n"] for b in baris}
    return _kirim_sekali(
        pegawai=list(penilai_dengan_akun(pegawai_ids=list(jumlah))),
        judul=judul,
        pesan=lambda p: (
            _(
                "%(n)s pengajuan SKP atau realisasi bawahan menunggu tindakan Anda lebih dari "
                "%(hari)s hari."
            )
            % {"n": jumlah[p.pk], "hari": hari}
        ),
    )
