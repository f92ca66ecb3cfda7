"""The pure performance rules (kinerja.rules): no database.

These tests also run without pytest-django (`-p no:django --noconftest`): then Django is
configured minimally here so that messages can be built (gettext needs settings).
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

import pytest
from django.conf import settings

from kinerja.choices import Granularitas, Predikat, PredikatOrganisasi, Rating
from kinerja.rules import (
    ATURAN_KURVA,
    MATRIKS_PREDIKAT,
    PERINGKAT_PREDIKAT,
    PREDIKAT_URUTAN,
    angka_kredit,
    cek_kurva,
    jendela_penilaian,
    koefisien_angka_kredit,
    predikat_dari_rating,
    predikat_tahunan_usulan,
)

if not settings.configured:  # pragma: no cover - only without pytest-django
    settings.configure(USE_I18N=False)

SB = Predikat.SANGAT_BAIK
B = Predikat.BAIK
BP = Predikat.BUTUH_PERBAIKAN
K = Predikat.KURANG
SK = Predikat.SANGAT_KURANG

ISTIMEWA = PredikatOrganisasi.ISTIMEWA
BAIK = PredikatOrganisasi.BAIK
BUTUH_PERBAIKAN = PredikatOrganisasi.BUTUH_PERBAIKAN
KURANG = PredikatOrganisasi.KURANG
SANGAT_KURANG = PredikatOrganisasi.SANGAT_KURANG

MENGUNTUNGKAN = True
KETAT = False


# --- The 3x3 matrix -----------------------------------------------------------------------

# Rows hasil kerja, columns perilaku kerja: DOMAIN.md section 2, cell by cell.
MATRIKS = [
    # hasil kerja   perilaku kerja   predikat
    ("di_atas", "di_bawah", "kurang"),
    ("di_atas", "sesuai", "baik"),
    ("di_atas", "di_atas", "sangat_baik"),
    ("sesuai", "di_bawah", "kurang"),
    ("sesuai", "sesuai", "baik"),
    ("sesuai", "di_atas", "baik"),
    ("di_bawah", "di_bawah", "sangat_kurang"),
    ("di_bawah", "sesuai", "butuh_perbaikan"),
    ("di_bawah", "di_atas", "butuh_perbaikan"),
]


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), MATRIKS)
def test_predikat_dari_rating(hasil, perilaku, predikat):
    hasil_predikat = predikat_dari_rating(hasil, perilaku)
    assert hasil_predikat == predikat
    assert isinstance(hasil_predikat, Predikat)
    assert predikat_dari_rating(Rating(hasil), Rating(perilaku)) is Predikat(predikat)


def test_matriks_lengkap_dan_sama_dengan_tabel():
    assert len(MATRIKS_PREDIKAT) == 9
    assert {(h.value, p.value): m.value for (h, p), m in MATRIKS_PREDIKAT.items()} == {
        (h, p): m for h, p, m in MATRIKS
    }


@pytest.mark.parametrize(
    ("hasil", "perilaku"),
    [(None, "sesuai"), ("sesuai", None), ("baik", "sesuai"), ("", "")],
)
def test_predikat_dari_rating_menolak_nilai_bukan_rating(hasil, perilaku):
    with pytest.raises(ValueError):
        predikat_dari_rating(hasil, perilaku)


def test_urutan_predikat_terbaik_dahulu():
    assert PREDIKAT_URUTAN == (SB, B, BP, K, SK)
    assert sorted([SK, B, K, SB, BP], key=PERINGKAT_PREDIKAT.__getitem__) == [
        SB,
        B,
        BP,
        K,
        SK,
    ]
    assert str(K.label) == "Kurang/Misconduct"


# --- Curve: the limits ----------------------------------------------------------------------

N = [1, 2, 3, 5, 7, 10]
# Favourable: max (good predikat) rounds UP, min (poor predikat) rounds DOWN.
CEIL_70 = dict(zip(N, [1, 2, 3, 4, 5, 7], strict=True))
CEIL_10 = dict(zip(N, [1, 1, 1, 1, 1, 1], strict=True))
FLOOR_60 = dict(zip(N, [0, 1, 1, 3, 4, 6], strict=True))
FLOOR_10 = dict(zip(N, [0, 0, 0, 0, 0, 1], strict=True))
SATU_MENGUNTUNGKAN = dict(zip(N, [0, 1, 1, 1, 1, 1], strict=True))  # waived for n < 2
# Strict: max rounds DOWN, min rounds UP; a second minimum is cut to what the first leaves.
FLOOR_70 = dict(zip(N, [0, 1, 2, 3, 4, 7], strict=True))
CEIL_60 = dict(zip(N, [1, 2, 2, 3, 5, 6], strict=True))
CEIL_10_SISA = dict(zip(N, [0, 0, 1, 1, 1, 1], strict=True))  # ceil(10%) limited to n - ceil(60%)


def _harapan(unit, n, menguntungkan):
    """Expected (minimum, maksimum) per rule of ATURAN_KURVA[unit], from the tables above."""
    if menguntungkan:
        return {
            ISTIMEWA: [(0, CEIL_70[n])],
            BAIK: [(0, CEIL_70[n]), (SATU_MENGUNTUNGKAN[n], n)],
            BUTUH_PERBAIKAN: [(FLOOR_60[n], n), (0, CEIL_10[n])],
            KURANG: [(FLOOR_60[n], n), (FLOOR_10[n], n), (0, CEIL_10[n])],
            SANGAT_KURANG: [(FLOOR_60[n], n), (FLOOR_10[n], n), (0, 0)],
        }[unit]
    return {
        ISTIMEWA: [(0, FLOOR_70[n])],
        BAIK: [(0, FLOOR_70[n]), (1, n)],
        BUTUH_PERBAIKAN: [(CEIL_60[n], n), (0, FLOOR_10[n])],
        KURANG: [(CEIL_60[n], n), (CEIL_10_SISA[n], n), (0, FLOOR_10[n])],
        SANGAT_KURANG: [(CEIL_60[n], n), (CEIL_10_SISA[n], n), (0, 0)],
    }[unit]


@pytest.mark.parametrize("menguntungkan", [MENGUNTUNGKAN, KETAT], ids=["menguntungkan", "ketat"])
@pytest.mark.parametrize("n", N)
@pytest.mark.parametrize("unit", list(PredikatOrganisasi))
def test_batas_kurva_unit_kecil(unit, n, menguntungkan):
    hasil = cek_kurva(unit, {None: n}, bulatkan_menguntungkan=menguntungkan)
    assert [(b.minimum, b.maksimum) for b in hasil.batas] == _harapan(unit, n, menguntungkan)
    assert [b.predikat for b in hasil.batas] == [a.predikat for a in ATURAN_KURVA[unit]]
    assert hasil.jumlah_pegawai == n


def test_batas_kurva_untuk_grafik():
    hasil = cek_kurva(KURANG, {K: 3, BP: 1, B: 1})
    k, bp, sb = hasil.batas
    assert (k.predikat, k.jenis, k.persen, k.jumlah, k.ok) == ((K,), "min", 60, 3, True)
    assert str(k.teks) == "Kurang/Misconduct paling sedikit 60%"
    assert (bp.predikat, bp.minimum, bp.jumlah) == ((BP,), 0, 1)
    assert (sb.predikat, sb.jenis, sb.maksimum, sb.jumlah) == ((SB,), "maks", 1, 0)
    assert str(sb.teks) == "Sangat Baik paling banyak 10%"
    assert hasil.jumlah == {SB: 0, B: 1, BP: 1, K: 3, SK: 0}


# --- Curve: passing and failing distributions ----------------------------------------------

KASUS = [
    # Istimewa: Sangat Baik at most 70%.
    (ISTIMEWA, {SB: 4, B: 1}, MENGUNTUNGKAN, []),
    (
        ISTIMEWA,
        {SB: 5},
        MENGUNTUNGKAN,
        ["Sangat Baik paling banyak 70% (maks. 4 dari 5 pegawai); saat ini 5: turunkan 1 pegawai."],
    ),
    (ISTIMEWA, {SB: 3, B: 1, K: 1}, KETAT, []),
    (
        ISTIMEWA,
        {SB: 4, B: 1},
        KETAT,
        ["Sangat Baik paling banyak 70% (maks. 3 dari 5 pegawai); saat ini 4: turunkan 1 pegawai."],
    ),
    (ISTIMEWA, {SB: 1}, MENGUNTUNGKAN, []),
    (ISTIMEWA, {SB: 2}, MENGUNTUNGKAN, []),
    (
        ISTIMEWA,
        {SB: 1},
        KETAT,
        ["Sangat Baik paling banyak 70% (maks. 0 dari 1 pegawai); saat ini 1: turunkan 1 pegawai."],
    ),
    (ISTIMEWA, {SB: 5, SK: 2}, MENGUNTUNGKAN, []),
    (
        ISTIMEWA,
        {SB: 5, B: 2},
        KETAT,
        ["Sangat Baik paling banyak 70% (maks. 4 dari 7 pegawai); saat ini 5: turunkan 1 pegawai."],
    ),
    # Baik: Baik at most 70% and at least one Butuh Perbaikan or Kurang/Misconduct.
    (BAIK, {B: 1}, MENGUNTUNGKAN, []),  # unit of 1: "at least one" waived
    (
        BAIK,
        {B: 1},
        KETAT,
        [
            (
                "Baik paling banyak 70% (maks. 0 dari 1 pegawai); saat ini 1: "
                "pindahkan 1 pegawai ke predikat lain."
            ),
            (
                "Paling sedikit satu pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct; "
                "saat ini 0: tetapkan 1 pegawai dengan predikat Butuh Perbaikan atau "
                "Kurang/Misconduct."
            ),
        ],
    ),
    (BAIK, {K: 1}, KETAT, []),
    (BAIK, {B: 1, BP: 1}, MENGUNTUNGKAN, []),
    (
        BAIK,
        {B: 2},
        MENGUNTUNGKAN,
        [
            (
                "Paling sedikit satu pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct; "
                "saat ini 0: tetapkan 1 pegawai dengan predikat Butuh Perbaikan atau "
                "Kurang/Misconduct."
            )
        ],
    ),
    (BAIK, {SB: 2, K: 1}, MENGUNTUNGKAN, []),  # Sangat Baik is free in a Baik unit
    (BAIK, {B: 3, BP: 1, SB: 1}, MENGUNTUNGKAN, []),
    (BAIK, {B: 3, BP: 1, SB: 1}, KETAT, []),
    (
        BAIK,
        {B: 5, BP: 2},
        KETAT,
        [
            (
                "Baik paling banyak 70% (maks. 4 dari 7 pegawai); saat ini 5: "
                "pindahkan 1 pegawai ke predikat lain."
            )
        ],
    ),
    (BAIK, {B: 5, BP: 2}, MENGUNTUNGKAN, []),
    # Butuh Perbaikan: Butuh Perbaikan at least 60%, Sangat Baik at most 10%.
    (BUTUH_PERBAIKAN, {BP: 3, SB: 1, B: 1}, MENGUNTUNGKAN, []),
    (
        BUTUH_PERBAIKAN,
        {BP: 3, SB: 1, B: 1},
        KETAT,
        ["Sangat Baik paling banyak 10% (maks. 0 dari 5 pegawai); saat ini 1: turunkan 1 pegawai."],
    ),
    (
        BUTUH_PERBAIKAN,
        {BP: 2, SB: 2, B: 1},
        MENGUNTUNGKAN,
        [
            (
                "Butuh Perbaikan paling sedikit 60% (min. 3 dari 5 pegawai); saat ini 2: "
                "tetapkan 1 pegawai lagi dengan predikat Butuh Perbaikan."
            ),
            (
                "Sangat Baik paling banyak 10% (maks. 1 dari 5 pegawai); saat ini 2: "
                "turunkan 1 pegawai."
            ),
        ],
    ),
    (BUTUH_PERBAIKAN, {B: 1}, MENGUNTUNGKAN, []),  # 60% of 1 rounds down to 0
    (
        BUTUH_PERBAIKAN,
        {B: 1},
        KETAT,
        [
            (
                "Butuh Perbaikan paling sedikit 60% (min. 1 dari 1 pegawai); saat ini 0: "
                "tetapkan 1 pegawai lagi dengan predikat Butuh Perbaikan."
            )
        ],
    ),
    (BUTUH_PERBAIKAN, {BP: 1, B: 1}, MENGUNTUNGKAN, []),
    (BUTUH_PERBAIKAN, {BP: 2, K: 1}, KETAT, []),
    (BUTUH_PERBAIKAN, {BP: 4, B: 3}, MENGUNTUNGKAN, []),
    (
        BUTUH_PERBAIKAN,
        {BP: 4, B: 3},
        KETAT,
        [
            (
                "Butuh Perbaikan paling sedikit 60% (min. 5 dari 7 pegawai); saat ini 4: "
                "tetapkan 1 pegawai lagi dengan predikat Butuh Perbaikan."
            )
        ],
    ),
    # Kurang: Kurang at least 60%, Butuh Perbaikan at least 10%, Sangat Baik at most 10%.
    (KURANG, {K: 4, B: 3}, MENGUNTUNGKAN, []),
    (
        KURANG,
        {K: 4, BP: 1, B: 2},
        KETAT,
        [
            (
                "Kurang/Misconduct paling sedikit 60% (min. 5 dari 7 pegawai); saat ini 4: "
                "tetapkan 1 pegawai lagi dengan predikat Kurang/Misconduct."
            )
        ],
    ),
    (KURANG, {K: 5, BP: 2}, KETAT, []),
    (
        KURANG,
        {K: 6, B: 4},
        MENGUNTUNGKAN,
        [
            (
                "Butuh Perbaikan paling sedikit 10% (min. 1 dari 10 pegawai); saat ini 0: "
                "tetapkan 1 pegawai lagi dengan predikat Butuh Perbaikan."
            )
        ],
    ),
    (KURANG, {K: 6, BP: 1, SB: 1, B: 2}, MENGUNTUNGKAN, []),
    (
        KURANG,
        {K: 6, BP: 1, SB: 2, B: 1},
        MENGUNTUNGKAN,
        [
            (
                "Sangat Baik paling banyak 10% (maks. 1 dari 10 pegawai); saat ini 2: "
                "turunkan 1 pegawai."
            )
        ],
    ),
    (
        KURANG,
        {SB: 1},
        MENGUNTUNGKAN,
        [],
    ),  # 10% of 1 rounds up to 1 in the employee's favour
    (KURANG, {K: 1}, KETAT, []),  # 60% and 10% of 1 cannot both be met: the 10% is cut
    (KURANG, {K: 2}, KETAT, []),
    (
        KURANG,
        {K: 2, B: 1},
        KETAT,
        [
            (
                "Butuh Perbaikan paling sedikit 10% (min. 1 dari 3 pegawai); saat ini 0: "
                "tetapkan 1 pegawai lagi dengan predikat Butuh Perbaikan."
            )
        ],
    ),
    (KURANG, {K: 1, B: 2}, MENGUNTUNGKAN, []),
    # Sangat Kurang: Sangat Kurang at least 60%, Kurang or Butuh Perbaikan at least 10%, no SB.
    (SANGAT_KURANG, {SK: 2, K: 1}, KETAT, []),
    (SANGAT_KURANG, {SK: 2, BP: 1}, KETAT, []),
    (
        SANGAT_KURANG,
        {SK: 2, B: 1},
        KETAT,
        [
            (
                "Kurang/Misconduct atau Butuh Perbaikan paling sedikit 10% (min. 1 dari 3 pegawai); "
                "saat ini 0: tetapkan 1 pegawai lagi dengan predikat Kurang/Misconduct atau "
                "Butuh Perbaikan."
            )
        ],
    ),
    (SANGAT_KURANG, {SK: 2, B: 1}, MENGUNTUNGKAN, []),
    (
        SANGAT_KURANG,
        {SK: 2, SB: 1},
        MENGUNTUNGKAN,
        [
            "Sangat Baik tidak diperbolehkan (maks. 0 dari 3 pegawai); saat ini 1: turunkan 1 pegawai."
        ],
    ),
    (SANGAT_KURANG, {SK: 1, B: 1}, MENGUNTUNGKAN, []),
    (
        SANGAT_KURANG,
        {SK: 1, B: 1},
        KETAT,
        [
            (
                "Sangat Kurang paling sedikit 60% (min. 2 dari 2 pegawai); saat ini 1: "
                "tetapkan 1 pegawai lagi dengan predikat Sangat Kurang."
            )
        ],
    ),
    (SANGAT_KURANG, {B: 1}, MENGUNTUNGKAN, []),
    (SANGAT_KURANG, {SK: 1}, KETAT, []),
    (SANGAT_KURANG, {SK: 3, K: 1, B: 1}, MENGUNTUNGKAN, []),
    (
        SANGAT_KURANG,
        {SK: 4, B: 2, SB: 1},
        MENGUNTUNGKAN,
        [
            "Sangat Baik tidak diperbolehkan (maks. 0 dari 7 pegawai); saat ini 1: turunkan 1 pegawai."
        ],
    ),
]


@pytest.mark.parametrize(("unit", "counts", "menguntungkan", "pelanggaran"), KASUS)
def test_cek_kurva(unit, counts, menguntungkan, pelanggaran):
    hasil = cek_kurva(unit, counts, bulatkan_menguntungkan=menguntungkan)
    assert [str(p) for p in hasil.pelanggaran] == pelanggaran
    assert hasil.ok is (not pelanggaran)
    assert hasil.ok is all(b.ok for b in hasil.batas)


def test_cek_kurva_default_menguntungkan():
    assert cek_kurva(ISTIMEWA, {SB: 4, B: 1}).ok
    assert not cek_kurva(ISTIMEWA, {SB: 4, B: 1}, bulatkan_menguntungkan=False).ok


@pytest.mark.parametrize("menguntungkan", [MENGUNTUNGKAN, KETAT])
@pytest.mark.parametrize("unit", list(PredikatOrganisasi))
def test_unit_kosong_ok(unit, menguntungkan):
    hasil = cek_kurva(unit, {}, bulatkan_menguntungkan=menguntungkan)
    assert hasil.ok
    assert hasil.pelanggaran == []
    assert all((b.minimum, b.maksimum, b.jumlah) == (0, 0, 0) for b in hasil.batas)


def test_pesan_keterangan_pengecualian_dan_pemotongan():
    (_b, satu) = cek_kurva(BAIK, {B: 1}).batas
    assert satu.minimum == 0 and "dikecualikan" in str(satu.keterangan)
    (_k, bp, _sb) = cek_kurva(KURANG, {K: 1}, bulatkan_menguntungkan=False).batas
    assert bp.minimum == 0 and "dikurangi" in str(bp.keterangan)


def test_pegawai_belum_dinilai_ikut_dihitung_dan_menghalangi_final():
    hasil = cek_kurva(ISTIMEWA, {SB: 3, None: 2})
    assert hasil.jumlah_pegawai == 5
    assert hasil.belum_dinilai == 2
    assert hasil.batas[0].maksimum == 4  # limits on the whole unit of 5
    assert not hasil.ok
    assert [str(p) for p in hasil.pelanggaran] == ["2 pegawai belum dinilai."]


def test_kunci_string_diterima():
    assert cek_kurva("butuh_perbaikan", {"butuh_perbaikan": 3, "baik": 2}).ok


@pytest.mark.parametrize(
    ("unit", "counts"),
    [("luar_biasa", {}), ("baik", {"istimewa": 1}), ("baik", {"baik": -1})],
)
def test_cek_kurva_menolak_masukan_salah(unit, counts):
    with pytest.raises(ValueError):
        cek_kurva(unit, counts)


def _semua_sebaran(n):
    """Every distribution of n employees over the five predikat."""
    for potong in itertools.combinations(range(n + 4), 4):
        batas = (-1, *potong, n + 4)
        yield dict(
            zip(
                PREDIKAT_URUTAN,
                (batas[i + 1] - batas[i] - 1 for i in range(5)),
                strict=True,
            )
        )


@pytest.mark.parametrize("unit", list(PredikatOrganisasi))
def test_selalu_ada_sebaran_yang_lolos_dan_menguntungkan_tidak_lebih_ketat(unit):
    """For every unit size up to 12, in both modes, some distribution passes (finalisation is
    never blocked for good); every distribution that passes the strict rounding also passes
    the favourable one."""
    for n in range(13):
        lolos = {MENGUNTUNGKAN: 0, KETAT: 0}
        for sebaran in _semua_sebaran(n):
            ketat = cek_kurva(unit, sebaran, bulatkan_menguntungkan=False).ok
            menguntungkan = cek_kurva(unit, sebaran, bulatkan_menguntungkan=True).ok
            assert menguntungkan or not ketat, (n, sebaran)
            lolos[KETAT] += ketat
            lolos[MENGUNTUNGKAN] += menguntungkan
        assert lolos[KETAT] > 0 and lolos[MENGUNTUNGKAN] > 0, (unit, n)


# --- Annual proposal --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("periodik", "usulan"),
    [
        ([B, B, SB], B),
        ([SB, B], B),  # tie: the later period wins
        ([B, SB], SB),
        ([B, SB, SB, B], B),  # 2-2: Baik occurs last
        ([SB, B, B, SB], SB),
        ([K, BP, BP, K, SB], K),  # 2-2-1: Kurang occurs later than Butuh Perbaikan
        ([SB] * 6 + [B] * 6, B),
        ([SB] * 7 + [B] * 5, SB),
        ([None, K, None], K),
        ([None, None], None),
        ([], None),
        (["baik", "sangat_baik", "baik"], B),
    ],
)
def test_predikat_tahunan_usulan(periodik, usulan):
    assert predikat_tahunan_usulan(periodik) == usulan


# --- Angka kredit -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("predikat", "koefisien"),
    [
        (SB, Decimal("1.50")),
        (B, Decimal("1.00")),
        (BP, Decimal("0.75")),
        (K, Decimal("0.50")),
        (SK, Decimal("0.25")),
        ("baik", Decimal(1)),
    ],
)
def test_koefisien_angka_kredit(predikat, koefisien):
    hasil = koefisien_angka_kredit(predikat)
    assert isinstance(hasil, Decimal)
    assert hasil == koefisien


def test_angka_kredit():
    assert angka_kredit(Decimal("12.5"), SB) == Decimal("18.750")
    assert angka_kredit(Decimal("12.5"), B) == Decimal("12.500")
    assert angka_kredit("25", BP) == Decimal("18.750")
    assert angka_kredit(50, SK) == Decimal("12.500")


# --- Evaluation windows ------------------------------------------------------------------------


def test_jendela_bulanan():
    jendela = jendela_penilaian(2024, Granularitas.BULANAN)
    assert [j.nomor for j in jendela] == list(range(1, 13))
    assert jendela[0].nama == "Januari 2024"
    assert jendela[1].nama == "Februari 2024"
    assert jendela[1].tanggal_selesai == dt.date(2024, 2, 29)  # leap year
    assert jendela[11].nama == "Desember 2024"
    assert jendela_penilaian(2026, "bulanan")[1].tanggal_selesai == dt.date(2026, 2, 28)


def test_jendela_triwulanan_dan_semesteran():
    tw = jendela_penilaian(2026, Granularitas.TRIWULANAN)
    assert [(j.nama, j.tanggal_mulai, j.tanggal_selesai) for j in tw] == [
        ("Triwulan I 2026", dt.date(2026, 1, 1), dt.date(2026, 3, 31)),
        ("Triwulan II 2026", dt.date(2026, 4, 1), dt.date(2026, 6, 30)),
        ("Triwulan III 2026", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        ("Triwulan IV 2026", dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
    ]
    sm = jendela_penilaian(2026, "semesteran")
    assert [(j.nomor, j.nama, j.tanggal_mulai, j.tanggal_selesai) for j in sm] == [
        (1, "Semester I 2026", dt.date(2026, 1, 1), dt.date(2026, 6, 30)),
        (2, "Semester II 2026", dt.date(2026, 7, 1), dt.date(2026, 12, 31)),
    ]


@pytest.mark.parametrize("granularitas", list(Granularitas))
def test_jendela_menutup_tahun_tanpa_celah(granularitas):
    jendela = jendela_penilaian(2025, granularitas)
    assert jendela[0].tanggal_mulai == dt.date(2025, 1, 1)
    assert jendela[-1].tanggal_selesai == dt.date(2025, 12, 31)
    for a, b in itertools.pairwise(jendela):
        assert b.tanggal_mulai == a.tanggal_selesai + dt.timedelta(days=1)


def test_jendela_granularitas_tidak_dikenal():
    with pytest.raises(ValueError):
        jendela_penilaian(2026, "mingguan")


# --- Thin model wrappers (need the app registry: skipped without pytest-django) -----------------


def _butuh_app_registry():
    from django.apps import apps

    if not apps.ready:
        pytest.skip("app registry not loaded (run without pytest-django)")


def test_periode_kinerja_menyusun_periode_penilaian_tanpa_menyimpan():
    _butuh_app_registry()
    from kinerja.models import PeriodeKinerja

    periode = PeriodeKinerja(tahun=2026, granularitas=PeriodeKinerja.Granularitas.TRIWULANAN)
    jendela = periode.susun_periode_penilaian()
    assert [j.nama for j in jendela] == [f"Triwulan {r} 2026" for r in ("I", "II", "III", "IV")]
    assert all(j.pk is None and j.periode_kinerja is periode for j in jendela)
    assert all(j.status == "buka" for j in jendela)


def test_constraint_matriks_dibangun_dari_tabel():
    _butuh_app_registry()
    from kinerja.models.base import q_predikat_sesuai_matriks

    q = q_predikat_sesuai_matriks()
    kosong, terisi = q.children
    assert q.connector == "OR"
    assert dict(kosong.children) == {
        "predikat__isnull": True,
        "rating_hasil__isnull": True,
        "rating_perilaku__isnull": True,
    }
    # NULL-safe: the cells are only tested once all three columns are set.
    *wajib_isi, sel = terisi.children
    assert terisi.connector == "AND"
    assert dict(wajib_isi) == {
        "predikat__isnull": False,
        "rating_hasil__isnull": False,
        "rating_perilaku__isnull": False,
    }
    assert sel.connector == "OR" and len(sel.children) == 9
    assert {tuple(sorted(dict(c.children).items())) for c in sel.children} == {
        (("predikat", m), ("rating_hasil", h), ("rating_perilaku", p)) for h, p, m in MATRIKS
    }
