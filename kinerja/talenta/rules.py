"""Pure rules of the 9-box (DOMAIN.md section 8, PermenPANRB 3/2020): ONE place for the
kinerja axis mapping and the box table. Imported by the SQL expressions in `selectors`.

Kinerja axis from the FINAL annual evaluation's predikat:
    Sangat Baik -> di atas; Baik -> sesuai; Butuh Perbaikan / Kurang / Sangat Kurang -> di bawah.

Box (rows: potensi, columns: kinerja di bawah -> sesuai -> di atas):
    rendah   1 2 4
    menengah 3 5 7
    tinggi   6 8 9
"""

from __future__ import annotations

from decimal import Decimal

from kinerja.choices import Predikat

DI_BAWAH, SESUAI, DI_ATAS = "di_bawah", "sesuai", "di_atas"
RENDAH, MENENGAH, TINGGI = "rendah", "menengah", "tinggi"

SUMBU_KINERJA: dict[str, str] = {
    Predikat.SANGAT_BAIK: DI_ATAS,
    Predikat.BAIK: SESUAI,
    Predikat.BUTUH_PERBAIKAN: DI_BAWAH,
    Predikat.KURANG: DI_BAWAH,
    Predikat.SANGAT_KURANG: DI_BAWAH,
}

KOTAK: dict[tuple[str, str], int] = {
    (RENDAH, DI_BAWAH): 1, (RENDAH, SESUAI): 2, (RENDAH, DI_ATAS): 4,
    (MENENGAH, DI_BAWAH): 3, (MENENGAH, SESUAI): 5, (MENENGAH, DI_ATAS): 7,
    (TINGGI, DI_BAWAH): 6, (TINGGI, SESUAI): 8, (TINGGI, DI_ATAS): 9,
}  # fmt: skip

#: The grid as drawn: top row tinggi, bottom row rendah; left di bawah, right di atas.
BARIS_GRID = (TINGGI, MENENGAH, RENDAH)
KOLOM_GRID = (DI_BAWAH, SESUAI, DI_ATAS)

KOTAK_POOL_BAWAAN = (7, 8, 9)
BATAS_MENENGAH_BAWAAN = Decimal(60)
BATAS_TINGGI_BAWAAN = Decimal(80)


def kotak(potensi: str | None, predikat: str | None) -> int | None:
    """The box of one employee (None = belum lengkap)."""
    if not potensi or not predikat:
        return None
    return KOTAK[(potensi, SUMBU_KINERJA[predikat])]


def level_dari_skor(skor: Decimal, *, batas_menengah: Decimal, batas_tinggi: Decimal) -> str:
    if skor >= batas_tinggi:
        return TINGGI
    if skor >= batas_menengah:
        return MENENGAH
    return RENDAH


#: Until the end of February the annual evaluations of the year just ended are being
#: finalised: the 9-box pages open on that year; from March on, on the running year.
BULAN_AKHIR_MUSIM_TAHUNAN = 2


def tahun_bawaan(hari_ini) -> int:
    return hari_ini.year - 1 if hari_ini.month <= BULAN_AKHIR_MUSIM_TAHUNAN else hari_ini.year
