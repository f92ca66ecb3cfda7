"""Excel of a TPP month for the finance office (openpyxl write-only, rows streamed)."""

from __future__ import annotations

from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from kinerja.choices import Predikat
from kinerja.laporan.ekspor import _buku, _judul, _simpan, xlsx_response

__all__ = ["xlsx_bulan", "xlsx_response"]

_PREDIKAT = {k: str(v) for k, v in Predikat.choices}


def xlsx_bulan(bulan: Any, qs) -> bytes:
    status = "FINAL (terkunci)" if not bulan.is_draf else "DRAF (belum final)"
    wb, ws = _buku("TPP", f"TPP {bulan.nama_bulan} {bulan.tahun} · {bulan.wilayah.nama} · {status}")
    _judul(ws, [
        "No", "NIP", "Nama", "Golongan", "Jabatan", "Kelas", "Unit kerja", "Status",
        "Pagu", "Predikat", "Hari log terverifikasi", "Faktor kinerja (%)", "Potongan kinerja", "Hari kerja",
        "Hari tercatat", "Terlambat 1", "Terlambat 2", "Terlambat 3", "Terlambat 4",
        "Pulang cepat 1", "Pulang cepat 2", "Pulang cepat 3", "Pulang cepat 4",
        "Tidak absen masuk", "Tidak absen pulang", "Tanpa keterangan", "Izin", "Sakit", "Cuti",
        "Dinas luar", "Potongan disiplin (%)", "Potongan disiplin", "Hukuman disiplin",
        "Cuti tanpa TPP", "Potongan sanksi/status (%)", "Potongan sanksi", "TPP diterima",
        "Tanda",
    ])  # fmt: skip
    total = {"pagu": 0, "kinerja": 0, "disiplin": 0, "sanksi": 0, "netto": 0}
    n = 0
    for n, r in enumerate(qs.iterator(chunk_size=2000), start=1):
        ws.append([
            n, r.nip, r.nama, r.golongan, r.nama_jabatan, r.kelas_jabatan, r.unit.nama,
            r.status_aktif, r.pagu, _PREDIKAT.get(r.predikat, "-"),
            "-" if r.hari_log is None else r.hari_log, r.faktor_kinerja,
            r.potongan_kinerja, r.hari_kerja, r.hari_tercatat, r.terlambat_1, r.terlambat_2,
            r.terlambat_3, r.terlambat_4, r.pulang_cepat_1, r.pulang_cepat_2, r.pulang_cepat_3,
            r.pulang_cepat_4, r.tanpa_absen_masuk, r.tanpa_absen_pulang, r.alpa, r.izin,
            r.sakit, r.cuti, r.dinas_luar, r.persen_potongan_disiplin, r.potongan_disiplin,
            r.sanksi_tingkat, r.cuti_tanpa_tpp, r.persen_potongan_sanksi, r.potongan_sanksi,
            r.netto, ", ".join(r.flags),
        ])  # fmt: skip
        total["pagu"] += r.pagu
        total["kinerja"] += r.potongan_kinerja
        total["disiplin"] += r.potongan_disiplin
        total["sanksi"] += r.potongan_sanksi
        total["netto"] += r.netto
    tebal = Font(bold=True)

    def sel(v):
        c = WriteOnlyCell(ws, value=v)
        c.font = tebal
        return c

    ws.append([
        sel("Jumlah"), sel(f"{n} pegawai"), *[None] * 6, sel(total["pagu"]), None, None, None,
        sel(total["kinerja"]), *[None] * 18, sel(total["disiplin"]), None, None, None,
        sel(total["sanksi"]), sel(total["netto"]),
    ])  # fmt: skip
    return _simpan(wb)
