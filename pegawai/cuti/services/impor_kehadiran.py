"""Import of fingerprint-machine punches (PresensiMesin) and the recomputation of the
Kehadiran days they touch. Idempotent: the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zoneinfo
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min
from django.utils.translation import gettext as _

from pegawai.choices import StatusKehadiran
from pegawai.models import (
    ImporKehadiran,
    Kehadiran,
    Pegawai,
    PresensiMesin,
)

from ._akses import wajib_hr
from .kehadiran import hitung_keterlambatan, status_dari_jam

if TYPE_CHECKING:
    from organisasi.models import Pengguna

MAKS_BARIS_PRESENSI = 100_000
STATUS_DIKECUALIKAN = {
    StatusKehadiran.IZIN,
    StatusKehadiran.SAKIT,
    StatusKehadiran.CUTI,
    StatusKehadiran.DINAS_LUAR,
}


def _baca_csv(data: bytes) -> list[tuple[int, str, str]]:
    """(row number, NIP, timestamp) of each non-blank row. At most `MAKS_BARIS_PRESENSI`
    rows (a month of two punches a day for 2,000 employees is 88,000): a longer file is
    refused before anything is written, so a hostile upload costs bounded memory."""
    # PostgreSQL refuses NUL in text and JSON (the report of unreadable rows is JSON).
    teks = data.decode("utf-8-sig", errors="replace").replace("\x00", "")
    sampel = teks[:2048]
    try:
        dialek = csv.Sniffer().sniff(sampel, delimiters=",;\t")
    except csv.Error:
        dialek = csv.excel
    baris: list[tuple[int, str, str]] = []
    try:
        for no, row in enumerate(csv.reader(io.StringIO(teks), dialek), 1):
            if not row or not any(c.strip() for c in row):
                continue
            if len(baris) >= MAKS_BARIS_PRESENSI:
                raise ValidationError(
                    _("Paling banyak %(n)s baris presensi per berkas; pecah berkas Anda per "
                      "minggu atau per mesin.")
                    % {"n": f"{MAKS_BARIS_PRESENSI:,}".replace(",", ".")}
                )  # fmt: skip
            baris.append((no, row[0].strip(), row[1].strip() if len(row) > 1 else ""))
    except csv.Error:  # NUL byte, a field over csv.field_size_limit (128 KB), ...
        raise ValidationError(_("Berkas CSV tidak dapat dibaca.")) from None
    return baris


FORMAT_WAKTU = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M",
                "%Y-%m-%dT%H:%M:%S", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M"]  # fmt: skip


def _parse_waktu(teks: str, tz: zoneinfo.ZoneInfo) -> dt.datetime | None:
    """A machine timestamp: local time of the wilayah unless it carries an offset."""
    try:
        nilai = dt.datetime.fromisoformat(teks)
    except ValueError:
        nilai = None
        for fmt in FORMAT_WAKTU:
            try:
                nilai = dt.datetime.strptime(teks, fmt)
                break
            except ValueError:
                continue
    if nilai is None:
        return None
    if nilai.tzinfo is None:
        nilai = nilai.replace(tzinfo=tz)
    return nilai.astimezone(dt.UTC)


@transaction.atomic
def kehadiran_impor(
    *, actor: Pengguna, wilayah: Any, data: bytes, nama_file: str = "presensi.csv"
) -> ImporKehadiran:
    """Imports a fingerprint-machine export (CSV rows: NIP, timestamp; a header row is
    skipped). Punches are stored once (unique per employee and instant), so the same file
    twice adds nothing; each touched day is then recomputed from all its punches. Unknown NIPs
    and unreadable rows are reported, not fatal. Days with an excused status (izin, sakit,
    cuti, dinas luar) keep that status."""
    wajib_hr(actor, wilayah.pk, _("Anda hanya dapat mengimpor kehadiran wilayah Anda."))
    tz = zoneinfo.ZoneInfo(wilayah.zona_waktu)
    rows = _baca_csv(data)
    nip_set = {nip for _no, nip, _w in rows}
    pegawai_by_nip = dict(
        Pegawai.objects.di_wilayah(wilayah).filter(nip__in=nip_set).values_list("nip", "pk")
    )
    impor = ImporKehadiran.objects.create(
        wilayah=wilayah,
        nama_file=nama_file[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        diimpor_oleh=actor,
    )
    presensi: dict[tuple[int, dt.datetime], PresensiMesin] = {}
    tidak_dikenal: dict[str, int] = {}
    tidak_sah: list[dict[str, Any]] = []
    jumlah = 0
    for no, nip, waktu_teks in rows:
        if not nip.isdigit():
            if no == 1:
                continue  # header row
            tidak_sah.append({"baris": no, "isi": f"{nip},{waktu_teks}"[:80],
                              "alasan": _("NIP bukan angka")})  # fmt: skip
            continue
        jumlah += 1
        waktu = _parse_waktu(waktu_teks, tz)
        if waktu is None:
            tidak_sah.append({"baris": no, "isi": f"{nip},{waktu_teks}"[:80],
                              "alasan": _("waktu tidak terbaca")})  # fmt: skip
            continue
        pid = pegawai_by_nip.get(nip)
        if pid is None:
            tidak_dikenal[nip] = tidak_dikenal.get(nip, 0) + 1
            continue
        presensi[(pid, waktu)] = PresensiMesin(pegawai_id=pid, waktu=waktu, impor=impor)
    sebelum = PresensiMesin.objects.filter(
        pegawai_id__in={k[0] for k in presensi}, waktu__in={k[1] for k in presensi}
    ).count()
    PresensiMesin.objects.bulk_create(list(presensi.values()), ignore_conflicts=True)
    sesudah = PresensiMesin.objects.filter(
        pegawai_id__in={k[0] for k in presensi}, waktu__in={k[1] for k in presensi}
    ).count()
    hari = {(pid, waktu.astimezone(tz).date()) for pid, waktu in presensi}
    diperbarui = _hitung_ulang_hari(wilayah, hari)
    impor.jumlah_baris = jumlah
    impor.jumlah_presensi_baru = sesudah - sebelum
    impor.jumlah_duplikat = len(presensi) - (sesudah - sebelum)
    impor.jumlah_hari_diperbarui = diperbarui
    impor.nip_tidak_dikenal = [{"nip": k, "jumlah": v} for k, v in sorted(tidak_dikenal.items())]
    impor.baris_tidak_sah = tidak_sah[:200]
    impor.save()
    return impor


def _hitung_ulang_hari(wilayah: Any, hari: set[tuple[int, dt.date]]) -> int:
    """Recomputes Kehadiran of the given (employee, local date) pairs from their punches: the
    first punch is the check-in, the last (if another) the check-out. Writes only rows whose
    values change; returns their number."""
    if not hari:
        return 0
    tz = zoneinfo.ZoneInfo(wilayah.zona_waktu)
    pids = {pid for pid, _d in hari}
    tanggal_min = min(d for _p, d in hari)
    tanggal_max = max(d for _p, d in hari)
    awal = dt.datetime.combine(tanggal_min, dt.time.min, tzinfo=tz)
    akhir = dt.datetime.combine(tanggal_max + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    from django.db.models.functions import TruncDate

    agregat = (
        PresensiMesin.objects.filter(pegawai_id__in=pids, waktu__gte=awal, waktu__lt=akhir)
        .annotate(tgl=TruncDate("waktu", tzinfo=tz))
        .values("pegawai_id", "tgl")
        .annotate(pertama=Min("waktu"), terakhir=Max("waktu"))
    )
    ada = {
        (k.pegawai_id, k.tanggal): k
        for k in Kehadiran.objects.filter(
            pegawai_id__in=pids, tanggal__range=(tanggal_min, tanggal_max)
        )
    }
    baru, ubah = [], []
    for row in agregat:
        kunci = (row["pegawai_id"], row["tgl"])
        if kunci not in hari:
            continue
        masuk = row["pertama"]
        pulang = row["terakhir"] if row["terakhir"] != row["pertama"] else None
        terlambat, cepat = hitung_keterlambatan(
            wilayah=wilayah, tanggal=row["tgl"], jam_masuk=masuk, jam_pulang=pulang
        )
        k = ada.get(kunci)
        if k is None:
            baru.append(
                Kehadiran(
                    pegawai_id=kunci[0],
                    tanggal=kunci[1],
                    jam_masuk=masuk,
                    jam_pulang=pulang,
                    status=status_dari_jam(terlambat, cepat),
                    menit_terlambat=terlambat,
                    menit_pulang_cepat=cepat,
                    sumber="mesin",
                )  # fmt: skip
            )
            continue
        status = k.status
        if status not in STATUS_DIKECUALIKAN:
            status = status_dari_jam(terlambat, cepat)
        else:
            terlambat = cepat = 0
        nilai = (masuk, pulang, status, terlambat, cepat)
        if (k.jam_masuk, k.jam_pulang, k.status, k.menit_terlambat, k.menit_pulang_cepat) != nilai:
            k.jam_masuk, k.jam_pulang, k.status, k.menit_terlambat, k.menit_pulang_cepat = nilai
            k.sumber = "mesin"
            ubah.append(k)
    Kehadiran.objects.bulk_create(baru, ignore_conflicts=True)
    if ubah:
        Kehadiran.objects.bulk_update(
            ubah,
            ["jam_masuk", "jam_pulang", "status", "menit_terlambat", "menit_pulang_cepat",
             "sumber"],
        )  # fmt: skip
    return len(baru) + len(ubah)
