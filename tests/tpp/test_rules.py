"""Table tests of the pure TPP formula (kinerja/tpp/rules.py), hand-computed.

Defaults: kelas 7 pagu Rp 3.500.000, weights 60/40, so the kinerja share is Rp 2.100.000 and
the discipline share Rp 1.400.000 (1 % of it = Rp 14.000).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from kinerja.tpp.rules import Aturan, Masukan, bulatkan, hitung, penjelasan

BAWAAN = Aturan()
LAIN = Aturan(  # a wilayah with other weights, its own table, cap and rounding
    bobot_kinerja=D(70),
    pagu=(3_333_333,) * 17,
    potongan_maks=D(50),
    potongan_alpa=D(5),
)


def telat(menit: int) -> tuple[int, int, int, int]:
    """One late arrival of `menit` minutes, as band counts (edges 30/60/90 by hand)."""
    if menit <= 30:
        return (1, 0, 0, 0)
    if menit <= 60:
        return (0, 1, 0, 0)
    if menit <= 90:
        return (0, 0, 1, 0)
    return (0, 0, 0, 1)


KASUS = [
    # name, rules, input, expected net (rupiah)
    ("hadir penuh, Baik", BAWAAN, Masukan(), 3_500_000),
    ("terlambat 30 menit (pita 1, 0,5%)", BAWAAN, Masukan(terlambat=telat(30)), 3_493_000),
    ("terlambat 31 menit (pita 2, 1%)", BAWAAN, Masukan(terlambat=telat(31)), 3_486_000),
    ("terlambat 60 menit (pita 2, 1%)", BAWAAN, Masukan(terlambat=telat(60)), 3_486_000),
    ("terlambat 61 menit (pita 3, 1,25%)", BAWAAN, Masukan(terlambat=telat(61)), 3_482_500),
    ("terlambat 90 menit (pita 3, 1,25%)", BAWAAN, Masukan(terlambat=telat(90)), 3_482_500),
    ("terlambat 91 menit (pita 4, 1,5%)", BAWAAN, Masukan(terlambat=telat(91)), 3_479_000),
    ("terlambat 3x 31-60 menit (3%)", BAWAAN, Masukan(terlambat=(0, 3, 0, 0)), 3_458_000),
    ("pulang cepat 15 menit + tidak absen pulang (2%)", BAWAAN,
     Masukan(pulang_cepat=(1, 0, 0, 0), tanpa_absen_pulang=1), 3_472_000),
    ("tidak absen masuk (1,5%)", BAWAAN, Masukan(tanpa_absen_masuk=1), 3_479_000),
    ("alpa 2 hari (8%)", BAWAAN, Masukan(alpa=2), 3_388_000),
    ("alpa 21 hari (84%)", BAWAAN, Masukan(alpa=21), 2_100_000 + 224_000),
    ("izin dan sakit tidak memotong", BAWAAN, Masukan(izin=2, sakit=3), 3_500_000),
    ("cuti besar: tidak dibayar", BAWAAN, Masukan(cuti_tanpa_tpp="besar"), 0),
    ("CLTN: tidak dibayar", BAWAAN, Masukan(cuti_tanpa_tpp="cltn"), 0),
    ("hukuman sedang: -25%", BAWAAN, Masukan(sanksi_tingkat="sedang"), 2_625_000),
    ("hukuman ringan: tidak memotong", BAWAAN, Masukan(sanksi_tingkat="ringan"), 3_500_000),
    ("hukuman berat: tidak dibayar", BAWAAN, Masukan(sanksi_tingkat="berat"), 0),
    ("tidak aktif: tidak dibayar", BAWAAN, Masukan(aktif=False), 0),
    ("tanpa evaluasi: faktor 0%", BAWAAN, Masukan(predikat=None), 1_400_000),
    ("Sangat Baik", BAWAAN, Masukan(predikat="sangat_baik"), 3_500_000),
    ("Butuh Perbaikan 75%", BAWAAN, Masukan(predikat="butuh_perbaikan"), 2_975_000),
    ("Kurang 50% + terlambat 61 menit", BAWAAN,
     Masukan(predikat="kurang", terlambat=telat(61)), 1_050_000 + 1_382_500),
    ("Sangat Kurang 25%", BAWAAN, Masukan(predikat="sangat_kurang"), 1_925_000),
    ("hukuman sedang + alpa 2 hari", BAWAAN, Masukan(sanksi_tingkat="sedang", alpa=2),
     2_541_000),
    ("tanpa kelas jabatan", BAWAAN, Masukan(kelas_jabatan=None), 0),
    ("kelas 17", BAWAAN, Masukan(kelas_jabatan=17), 25_000_000),
    # 3.333.333 x (0,7 + 0,3 x 0,995) = 3.328.333,0005 -> down
    ("bobot 70/30, terlambat 1x, ke bawah", LAIN, Masukan(terlambat=telat(5)), 3_328_333),
    # cap 50%: alpa 15 x 5% = 75% -> 50%: 3.333.333 x (0,7 + 0,3 x 0,5) = 2.833.333,05
    ("bobot 70/30, potongan dibatasi 50%", LAIN, Masukan(alpa=15), 2_833_333),
]  # fmt: skip


@pytest.mark.parametrize(("nama", "aturan", "m", "netto"), KASUS, ids=[k[0] for k in KASUS])
def test_rumus(nama, aturan, m, netto):
    h = hitung(aturan, m)
    assert h.netto == netto
    # The components add up to the pagu (before rounding).
    total = h.nilai_kinerja + h.nilai_disiplin - h.potongan_sanksi
    assert h.pagu - h.potongan_kinerja - h.potongan_disiplin - h.potongan_sanksi == total


def test_pembulatan():
    assert bulatkan(D("3328333.0005"), "bawah") == 3_328_333
    assert bulatkan(D("3328333.0005"), "atas") == 3_328_334
    assert bulatkan(D("3328333.5"), "terdekat") == 3_328_334
    assert bulatkan(D("3328333.4999"), "terdekat") == 3_328_333
    lain_atas = Aturan(bobot_kinerja=D(70), pagu=(3_333_333,) * 17, pembulatan="atas")
    assert hitung(lain_atas, Masukan(terlambat=telat(5))).netto == 3_328_334


def test_pita_dari_menit():
    a = BAWAAN
    assert [a.band(m) for m in (0, 1, 30, 31, 60, 61, 90, 91, 500)] == [0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_penjelasan_menjelaskan_setiap_rupiah():
    m = Masukan(terlambat=(0, 3, 0, 0), alpa=1, sanksi_tingkat="sedang")
    baris = penjelasan(BAWAAN, m)
    teks = [b.uraian for b in baris]
    assert "Terlambat 3x 31-60 menit: -3%" in teks
    assert "Tanpa keterangan (alpa) 1 hari: -4%" in teks
    assert any("hukuman disiplin sedang" in t for t in teks)
    h = hitung(BAWAAN, m)
    assert baris[-1].rupiah == h.netto
    # kinerja share + discipline share + every deduction = the amount before rounding
    dasar = [b.rupiah for b in baris if b.jenis == "dasar"]
    potongan = [b.rupiah for b in baris if b.jenis == "potongan"]
    assert (
        dasar[1] + dasar[2] + sum(potongan)
        == h.nilai_kinerja + h.nilai_disiplin - h.potongan_sanksi
    )


def test_penjelasan_batas_potongan():
    baris = penjelasan(LAIN, Masukan(alpa=15))
    assert any("Batas potongan disiplin 50%" in b.uraian for b in baris)
    assert baris[-1].rupiah == 2_833_333


def test_aturan_json_bolak_balik():
    assert Aturan.from_json(LAIN.as_json()) == LAIN
