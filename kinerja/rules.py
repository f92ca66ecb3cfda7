"""The pure rules of the performance domain (DOMAIN.md section 2): no database, no models.

- `predikat_dari_rating`: the 3x3 matrix (PermenPANRB 6/2022) from the two ratings to the
  predikat kinerja pegawai.
- `cek_kurva`: the distribution curve a unit's predikat bounds its employees to
  (SE MenPANRB 3/2023), with the rounding rule for small units.
- `predikat_tahunan_usulan`: the pre-filled annual predikat (most frequent periodic one).
- `koefisien_angka_kredit` / `angka_kredit`: credit points of functional positions.
- `jendela_penilaian`: the periodic evaluation windows of a year for a granularity.

Services, selectors and the models' constraints build on these functions; they import only
`kinerja.choices`, so they can be used (and tested) without a database. Messages are
translated when the function is called (`gettext`), so a configured Django is needed to build
them, but no app registry or database.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from django.utils.translation import gettext as _

from .choices import Granularitas, Predikat, PredikatOrganisasi, Rating

__all__ = [
    "ATURAN_KURVA",
    "KOEFISIEN_ANGKA_KREDIT",
    "MATRIKS_PREDIKAT",
    "PERINGKAT_PREDIKAT",
    "PREDIKAT_URUTAN",
    "AturanKurva",
    "BatasKurva",
    "HasilKurva",
    "JendelaPenilaian",
    "angka_kredit",
    "cek_kurva",
    "jendela_penilaian",
    "koefisien_angka_kredit",
    "predikat_dari_rating",
    "predikat_tahunan_usulan",
]

# --- Ratings -> predikat ------------------------------------------------------------------

#: (rating hasil kerja, rating perilaku kerja) -> predikat. Rows hasil kerja, columns
#: perilaku, exactly as the table of DOMAIN.md section 2. The models' check constraints are
#: generated from this table too, so the database refuses any other combination.
MATRIKS_PREDIKAT: dict[tuple[Rating, Rating], Predikat] = {
    (Rating.DI_ATAS, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.DI_ATAS, Rating.SESUAI): Predikat.BAIK,
    (Rating.DI_ATAS, Rating.DI_ATAS): Predikat.SANGAT_BAIK,
    (Rating.SESUAI, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
    (Rating.SESUAI, Rating.DI_ATAS): Predikat.BAIK,
    (Rating.DI_BAWAH, Rating.DI_BAWAH): Predikat.SANGAT_KURANG,
    (Rating.DI_BAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.DI_ATAS): Predikat.BUTUH_PERBAIKAN,
}

#: The five predikat, best first.
PREDIKAT_URUTAN: tuple[Predikat, ...] = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
#: Rank of each predikat: 0 is the best. Sort with `key=PERINGKAT_PREDIKAT.__getitem__`.
PERINGKAT_PREDIKAT: dict[Predikat, int] = {p: i for i, p in enumerate(PREDIKAT_URUTAN)}


def predikat_dari_rating(rating_hasil: Rating | str, rating_perilaku: Rating | str) -> Predikat:
    """The predikat of a pair of ratings. Raises ValueError on a value that is not a Rating
    (None included): a predikat exists only once both ratings are given."""
    return MATRIKS_PREDIKAT[(Rating(rating_hasil), Rating(rating_perilaku))]


# --- Distribution curve (SE MenPANRB 3/2023) ----------------------------------------------

JenisBatas = Literal["maks", "min"]


@dataclass(frozen=True)
class AturanKurva:
    """One bound of the curve on a group of predikat.

    `jenis` "maks": the group holds at most `persen`% of the unit.
    `jenis` "min": the group holds at least `persen`% of the unit; `persen` None means
    "at least one employee" (an absolute bound, not a share).
    """

    predikat: tuple[Predikat, ...]
    jenis: JenisBatas
    persen: int | None


_SB, _B, _BP, _K, _SK = PREDIKAT_URUTAN

#: The table of DOMAIN.md section 2. Every "maks" bound is on a good predikat and every "min"
#: bound on a poor one, which is what makes "round in the employee's favour" well defined.
#: "Sangat Baik at most 70% (the largest group)": the 70% bound is implemented; "the largest
#: group" only describes it and adds no rule. Within one unit predikat the "min" groups are
#: disjoint (needed by the feasibility clamp in `cek_kurva`).
ATURAN_KURVA: dict[PredikatOrganisasi, tuple[AturanKurva, ...]] = {
    PredikatOrganisasi.ISTIMEWA: (AturanKurva((_SB,), "maks", 70),),
    PredikatOrganisasi.BAIK: (
        AturanKurva((_B,), "maks", 70),
        AturanKurva((_BP, _K), "min", None),
    ),
    PredikatOrganisasi.BUTUH_PERBAIKAN: (
        AturanKurva((_BP,), "min", 60),
        AturanKurva((_SB,), "maks", 10),
    ),
    PredikatOrganisasi.KURANG: (
        AturanKurva((_K,), "min", 60),
        AturanKurva((_BP,), "min", 10),
        AturanKurva((_SB,), "maks", 10),
    ),
    PredikatOrganisasi.SANGAT_KURANG: (
        AturanKurva((_SK,), "min", 60),
        AturanKurva((_K, _BP), "min", 10),
        AturanKurva((_SB,), "maks", 0),
    ),
}


@dataclass(frozen=True)
class BatasKurva:
    """One rule applied to a unit of `jumlah_pegawai` employees: the allowed count range
    [`minimum`, `maksimum`] of the group and its actual count `jumlah` (for charts)."""

    predikat: tuple[Predikat, ...]
    jenis: JenisBatas
    persen: int | None
    teks: str
    minimum: int
    maksimum: int
    jumlah: int
    keterangan: str = ""

    @property
    def ok(self) -> bool:
        return self.minimum <= self.jumlah <= self.maksimum

    @property
    def selisih(self) -> int:
        """How many employees must move out of (positive over a maximum) or into (below a
        minimum) the group; 0 when the rule holds."""
        if self.jumlah > self.maksimum:
            return self.jumlah - self.maksimum
        if self.jumlah < self.minimum:
            return self.minimum - self.jumlah
        return 0


@dataclass(frozen=True)
class HasilKurva:
    """`ok`: the unit's evaluations may become final as far as the curve is concerned.
    `pelanggaran`: one message per violated rule (and for unrated employees), telling the
    head which predikat must move and by how many employees."""

    ok: bool
    pelanggaran: list[str]
    batas: list[BatasKurva]
    jumlah_pegawai: int = 0
    belum_dinilai: int = 0
    jumlah: dict[Predikat, int] = field(default_factory=dict)


def _label(predikat: tuple[Predikat, ...]) -> str:
    return _(" atau ").join(str(p.label) for p in predikat)


def _persen_ke_jumlah(n: int, persen: int, ke_atas: bool) -> int:
    """`persen`% of `n` employees as a whole number, exactly (integer arithmetic)."""
    return -(-n * persen // 100) if ke_atas else n * persen // 100


def _teks_aturan(aturan: AturanKurva, label: str) -> str:
    konteks = {"label": label, "persen": aturan.persen}
    if aturan.jenis == "maks" and aturan.persen == 0:
        return _("%(label)s tidak diperbolehkan") % konteks
    if aturan.jenis == "maks":
        return _("%(label)s paling banyak %(persen)s%%") % konteks
    if aturan.persen is None:
        return _("Paling sedikit satu pegawai berpredikat %(label)s") % konteks
    return _("%(label)s paling sedikit %(persen)s%%") % konteks


def _pesan_pelanggaran(b: BatasKurva, label: str, n: int) -> str:
    """What the head must do: which predikat moves, and by how many employees."""
    konteks = {
        "label": label,
        "persen": b.persen,
        "batas": b.maksimum if b.jenis == "maks" else b.minimum,
        "n": n,
        "aktual": b.jumlah,
        "selisih": b.selisih,
    }
    if b.jenis == "maks" and b.persen == 0:
        pesan = _(
            "%(label)s tidak diperbolehkan (maks. 0 dari %(n)s pegawai); saat ini "
            "%(aktual)s: turunkan %(selisih)s pegawai."
        )
    elif b.jenis == "maks" and b.predikat == (Predikat.SANGAT_BAIK,):
        pesan = _(
            "%(label)s paling banyak %(persen)s%% (maks. %(batas)s dari %(n)s pegawai); "
            "saat ini %(aktual)s: turunkan %(selisih)s pegawai."
        )
    elif b.jenis == "maks":
        # Baik can move up (to Sangat Baik, where the unit allows it) or down.
        pesan = _(
            "%(label)s paling banyak %(persen)s%% (maks. %(batas)s dari %(n)s pegawai); "
            "saat ini %(aktual)s: pindahkan %(selisih)s pegawai ke predikat lain."
        )
    elif b.persen is None:
        pesan = _(
            "Paling sedikit satu pegawai berpredikat %(label)s; saat ini %(aktual)s: "
            "tetapkan %(selisih)s pegawai dengan predikat %(label)s."
        )
    else:
        pesan = _(
            "%(label)s paling sedikit %(persen)s%% (min. %(batas)s dari %(n)s pegawai); "
            "saat ini %(aktual)s: tetapkan %(selisih)s pegawai lagi dengan predikat "
            "%(label)s."
        )
    return pesan % konteks


def cek_kurva(
    predikat_unit: PredikatOrganisasi | str,
    counts: Mapping[Predikat | str | None, int],
    bulatkan_menguntungkan: bool = True,
) -> HasilKurva:
    """Check a unit's distribution of employee predikat against the curve its predikat
    organisasi allows.

    `counts` maps each predikat to its number of employees in the unit; a key None counts
    employees not rated yet: they belong to the unit (the limits are computed on the whole
    unit) but the result is not ok while any is left.

    Small units (percentages cannot be met exactly):
    - `bulatkan_menguntungkan` True (default, in the employee's favour): maximum bounds on
      good predikat round UP, minimum bounds on poor predikat round DOWN. The rule "at least
      one Butuh Perbaikan or Kurang/Misconduct" of a Baik unit is WAIVED when the unit has
      fewer than 2 employees: with a single employee it would force that one person below
      Baik although the unit itself is rated Baik, which is not in the employee's favour.
      From 2 employees on it applies (at least one of them).
    - False (strict): maximum bounds round DOWN, minimum bounds round UP; "at least one"
      applies to a unit of 1 too.
    In both modes, when the minimum bounds of one unit predikat together exceed the unit's
    size (only possible in strict mode, e.g. a Kurang unit of 1 asked for 60% Kurang AND 10%
    Butuh Perbaikan), the later bounds in the table are reduced to what is left, so there is
    always at least one distribution that passes and finalisation is never blocked for good.
    A unit of 0 employees is ok.
    """
    unit = PredikatOrganisasi(predikat_unit)
    jumlah: dict[Predikat, int] = dict.fromkeys(PREDIKAT_URUTAN, 0)
    belum_dinilai = 0
    for kunci, banyak in counts.items():
        if banyak < 0:
            raise ValueError(f"Jumlah pegawai tidak boleh negatif: {kunci!r}={banyak}")
        if kunci is None or kunci == "":
            belum_dinilai += banyak
        else:
            jumlah[Predikat(kunci)] += banyak
    n = sum(jumlah.values()) + belum_dinilai

    batas: list[BatasKurva] = []
    pelanggaran: list[str] = []
    sisa_untuk_minimum = n
    for aturan in ATURAN_KURVA[unit]:
        label = _label(aturan.predikat)
        keterangan = ""
        if aturan.jenis == "maks":
            minimum = 0
            maksimum = _persen_ke_jumlah(n, aturan.persen or 0, ke_atas=bulatkan_menguntungkan)
        else:
            maksimum = n
            if aturan.persen is not None:
                minimum = _persen_ke_jumlah(n, aturan.persen, ke_atas=not bulatkan_menguntungkan)
            elif n == 0 or (bulatkan_menguntungkan and n < 2):
                minimum = 0
                if n:
                    keterangan = _("dikecualikan untuk unit dengan kurang dari 2 pegawai")
            else:
                minimum = 1
            if minimum > sisa_untuk_minimum:
                minimum = sisa_untuk_minimum
                keterangan = _("dikurangi agar semua batas minimum dapat dipenuhi")
            sisa_untuk_minimum -= minimum
        b = BatasKurva(
            predikat=aturan.predikat,
            jenis=aturan.jenis,
            persen=aturan.persen,
            teks=_teks_aturan(aturan, label),
            minimum=minimum,
            maksimum=maksimum,
            jumlah=sum(jumlah[p] for p in aturan.predikat),
            keterangan=keterangan,
        )
        batas.append(b)
        if not b.ok:
            pelanggaran.append(_pesan_pelanggaran(b, label, n))

    if belum_dinilai:
        pelanggaran.append(_("%(jumlah)s pegawai belum dinilai.") % {"jumlah": belum_dinilai})
    return HasilKurva(
        ok=not pelanggaran,
        pelanggaran=pelanggaran,
        batas=batas,
        jumlah_pegawai=n,
        belum_dinilai=belum_dinilai,
        jumlah=jumlah,
    )


# --- Annual predikat proposal --------------------------------------------------------------


def predikat_tahunan_usulan(
    predikat_periodik: Sequence[Predikat | str | None],
) -> Predikat | None:
    """The pre-filled annual predikat: the most frequent periodic predikat. `predikat_periodik`
    is in period order (None for a period without a predikat, which is skipped). A tie goes to
    the predikat whose latest occurrence is the later period. None when no period has one."""
    banyak: Counter[Predikat] = Counter()
    terakhir: dict[Predikat, int] = {}
    for urutan, nilai in enumerate(predikat_periodik):
        if nilai is None or nilai == "":
            continue
        p = Predikat(nilai)
        banyak[p] += 1
        terakhir[p] = urutan
    if not banyak:
        return None
    return max(banyak, key=lambda p: (banyak[p], terakhir[p]))


# --- Angka kredit ---------------------------------------------------------------------------

#: Multiplier of the annual credit coefficient per predikat: 150% / 100% / 75% / 50% / 25%.
KOEFISIEN_ANGKA_KREDIT: dict[Predikat, Decimal] = {
    Predikat.SANGAT_BAIK: Decimal("1.50"),
    Predikat.BAIK: Decimal("1.00"),
    Predikat.BUTUH_PERBAIKAN: Decimal("0.75"),
    Predikat.KURANG: Decimal("0.50"),
    Predikat.SANGAT_KURANG: Decimal("0.25"),
}


def koefisien_angka_kredit(predikat: Predikat | str) -> Decimal:
    """The predikat's share of the annual coefficient as a multiplier: Decimal("1.50") for
    Sangat Baik (150%) ... Decimal("0.25") for Sangat Kurang (25%)."""
    return KOEFISIEN_ANGKA_KREDIT[Predikat(predikat)]


def angka_kredit(koefisien_tahunan: Decimal | int | str, predikat: Predikat | str) -> Decimal:
    """Credit points earned in a year by a functional position (JF): the position's annual
    coefficient x the predikat's percentage, to 3 decimals."""
    hasil = Decimal(koefisien_tahunan) * koefisien_angka_kredit(predikat)
    return hasil.quantize(Decimal("0.001"))


# --- Periodic evaluation windows --------------------------------------------------------------

NAMA_BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_ROMAWI = ("I", "II", "III", "IV")
_BULAN_PER_JENDELA = {
    Granularitas.BULANAN: 1,
    Granularitas.TRIWULANAN: 3,
    Granularitas.SEMESTERAN: 6,
}


@dataclass(frozen=True)
class JendelaPenilaian:
    nomor: int
    nama: str
    tanggal_mulai: dt.date
    tanggal_selesai: dt.date


def jendela_penilaian(tahun: int, granularitas: Granularitas | str) -> list[JendelaPenilaian]:
    """The periodic evaluation windows of a year, in order, covering 1 January to
    31 December without gap or overlap: 12 months ("Januari 2026"), 4 quarters
    ("Triwulan I 2026") or 2 semesters ("Semester I 2026"). Names are stored data, in
    Indonesian."""
    g = Granularitas(granularitas)
    lebar = _BULAN_PER_JENDELA[g]
    hasil = []
    for nomor, bulan_awal in enumerate(range(1, 13, lebar), start=1):
        bulan_akhir = bulan_awal + lebar - 1
        if g == Granularitas.BULANAN:
            nama = f"{NAMA_BULAN[bulan_awal - 1]} {tahun}"
        elif g == Granularitas.TRIWULANAN:
            nama = f"Triwulan {_ROMAWI[nomor - 1]} {tahun}"
        else:
            nama = f"Semester {_ROMAWI[nomor - 1]} {tahun}"
        hasil.append(
            JendelaPenilaian(
                nomor=nomor,
                nama=nama,
                tanggal_mulai=dt.date(tahun, bulan_awal, 1),
                tanggal_selesai=dt.date(
                    tahun, bulan_akhir, calendar.monthrange(tahun, bulan_akhir)[1]
                ),
            )
        )
    return hasil
