"""Excel exports (openpyxl, write-only mode: rows are streamed from the database cursor, so
an export of 100,000 rows does not hold them all in memory)."""

from __future__ import annotations

import io
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill

from asn_kinerja.ekspor import aman_sel, baris_aman
from kinerja.choices import Predikat, StatusEvaluasi, StatusSKP

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_LABEL_PREDIKAT = {k: str(v) for k, v in Predikat.choices}
_LABEL_SKP = {k: str(v) for k, v in StatusSKP.choices}
_LABEL_EV = {k: str(v) for k, v in StatusEvaluasi.choices}


def _judul(ws, teks: list[str]) -> None:
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="17375E")
    baris = []
    for t in teks:
        c = WriteOnlyCell(ws, value=aman_sel(t))
        c.font, c.fill = bold, fill
        baris.append(c)
    ws.append(baris)


class _LembarAman:
    """A write-only sheet whose every appended row goes through `aman_sel` (names of
    employees, units and periods are user input)."""

    def __init__(self, ws):
        self._ws = ws

    def append(self, baris) -> None:
        self._ws.append(baris_aman(baris))

    def __getattr__(self, nama: str):
        return getattr(self._ws, nama)


def _buku(judul: str, keterangan: str):
    wb = Workbook(write_only=True)
    ws = _LembarAman(wb.create_sheet(judul[:31]))
    ws.append([keterangan])
    ws.append([f"Diekspor {timezone.localtime():%d-%m-%Y %H:%M}"])
    ws.append([])
    return wb, ws


def _simpan(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsx_response(data: bytes, nama: str) -> HttpResponse:
    resp = HttpResponse(data, content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="{nama}"'
    resp["Cache-Control"] = "private, no-store"
    return resp


def xlsx_rekap_pegawai(qs, periode: Any) -> bytes:
    wb, ws = _buku("Rekap pegawai", f"Rekap pegawai · {periode.nama if periode else '-'}")
    _judul(ws, ["No", "NIP", "Nama", "Unit kerja", "Pejabat penilai", "Status SKP",
                "Status evaluasi", "Predikat", "Indikator", "Terealisasi", "Log harian",
                "Hari tercatat", "Hari hadir", "Hari terlambat", "Menit terlambat",
                "Menit pulang cepat", "Hari tanpa keterangan"])  # fmt: skip
    for i, r in enumerate(qs.iterator(chunk_size=2000), 1):
        ws.append([
            i, r.pegawai.nip, r.pegawai.nama_lengkap, r.unit.nama,
            r.pejabat_penilai.nama_lengkap if r.pejabat_penilai_id else "",
            _LABEL_SKP.get(r.status_skp, "Tanpa SKP"), _LABEL_EV.get(r.status_evaluasi, "Belum ada"),
            _LABEL_PREDIKAT.get(r.predikat, ""), r.jumlah_indikator, r.jumlah_realisasi,
            r.jumlah_log_harian, r.hari_tercatat, r.hari_hadir, r.hari_terlambat,
            r.menit_terlambat, r.menit_pulang_cepat, r.hari_alpa,
        ])  # fmt: skip
    return _simpan(wb)


_KOLOM_ANGKA = [
    ("Pegawai", "jumlah_pegawai"), ("Sangat Baik", "jumlah_sangat_baik"), ("Baik", "jumlah_baik"),
    ("Butuh Perbaikan", "jumlah_butuh_perbaikan"), ("Kurang/Misconduct", "jumlah_kurang"),
    ("Sangat Kurang", "jumlah_sangat_kurang"), ("Belum dinilai", "jumlah_belum_dinilai"),
    ("Tanpa SKP", "jumlah_tanpa_skp"), ("SKP disetujui", "jumlah_skp_disetujui"),
    ("Evaluasi dinilai", "jumlah_evaluasi_dinilai"), ("Evaluasi final", "jumlah_evaluasi_final"),
    ("Menunggu penilai", "jumlah_menunggu_penilai"), ("Hari tercatat", "hari_tercatat"),
    ("Hari hadir", "hari_hadir"), ("Hari tanpa keterangan", "hari_alpa"),
    ("Menit terlambat", "menit_terlambat"), ("Menit pulang cepat", "menit_pulang_cepat"),
]  # fmt: skip


def xlsx_rekap_unit(qs, periode: Any) -> bytes:
    wb, ws = _buku("Rekap unit", f"Rekap unit kerja · {periode.nama}")
    # A unit row keeps the time its numbers last changed (the recap skips unchanged rows).
    _judul(ws, ["Unit kerja", *[k for k, _f in _KOLOM_ANGKA], "Predikat unit", "Kurva",
                "Pelanggaran kurva", "Terakhir berubah"])  # fmt: skip
    for r in qs.iterator(chunk_size=2000):
        kurva = "" if r.kurva_ok is None else ("Sesuai" if r.kurva_ok else "Melanggar")
        ws.append([
            r.unit.nama, *[getattr(r, f) for _k, f in _KOLOM_ANGKA],
            str(r.get_predikat_unit_display()), kurva, " ".join(r.kurva_pelanggaran or []),
            timezone.localtime(r.dihitung_pada).strftime("%d-%m-%Y %H:%M"),
        ])  # fmt: skip
    return _simpan(wb)


def xlsx_rekap_wilayah(qs, wilayah: Any) -> bytes:
    wb, ws = _buku("Rekap wilayah", f"Rekap wilayah · {wilayah.nama}")
    _judul(ws, ["Periode", *[k for k, _f in _KOLOM_ANGKA], "Jumlah unit",
                "Unit melanggar kurva", "Dihitung pada"])  # fmt: skip
    for r in qs.iterator(chunk_size=500):
        ws.append([
            r.periode_penilaian.nama, *[getattr(r, f) for _k, f in _KOLOM_ANGKA], r.jumlah_unit,
            r.jumlah_unit_melanggar_kurva,
            timezone.localtime(r.dihitung_pada).strftime("%d-%m-%Y %H:%M"),
        ])  # fmt: skip
    return _simpan(wb)
