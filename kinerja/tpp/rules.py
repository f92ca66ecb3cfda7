"""The TPP formula as pure Python (DOMAIN.md section 7; issue 15). No query, no model import.

    TPP = pagu(kelas jabatan)
          x [w_kinerja x faktor kinerja + w_disiplin x max(0, 1 - min(cap, sum of deductions))]
          x (1 - sanction cut)

All percentages are Decimal percent (60 = 60 %). Every intermediate value is exact (Decimal
with the default 28 digits, far more than rupiah need); the components are stored rounded to
the sen (ROUND_HALF_UP, as PostgreSQL rounds numeric), the net amount is rounded once at the
end by the wilayah's rule. The SQL of `services.tpp_hitung` computes the same expression
column by column; `tests/tpp/test_rules.py` asserts that both agree on the table of cases.

This module serves two purposes: the explanation on the employee's page ("terlambat 3x
31-60 menit: -3%") and the table tests of the formula.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

SERATUS = Decimal(100)
SEN = Decimal("0.01")

#: Predikat keys (kinerja.choices.Predikat values), best first.
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")

#: Default pagu per kelas jabatan 1..17 (rupiah a month). Illustrative: each wilayah sets its
#: own table from its Perkada.
PAGU_BAWAAN = (
    1_750_000, 2_000_000, 2_250_000, 2_500_000, 2_800_000, 3_100_000, 3_500_000,
    4_000_000, 4_600_000, 5_300_000, 6_200_000, 7_300_000, 8_700_000, 10_500_000,
    13_000_000, 17_500_000, 25_000_000,
)  # fmt: skip


class SumberKinerja:
    """Where the faktor kinerja comes from (issue 15: "optionally from the share of approved
    daily logs")."""

    PREDIKAT = "predikat"  # the month's periodic predikat (default)
    LOG_HARIAN = "log_harian"  # share of the month's working days with a verified daily log


class Pembulatan:
    BAWAH = "bawah"
    TERDEKAT = "terdekat"
    ATAS = "atas"


@dataclass(frozen=True)
class Aturan:
    """One wilayah's rule settings (a `PengaturanTPP` as plain values)."""

    bobot_kinerja: Decimal = Decimal(60)
    sumber_kinerja: str = SumberKinerja.PREDIKAT
    faktor: dict[str, Decimal] = field(
        default_factory=lambda: {
            "sangat_baik": Decimal(100),
            "baik": Decimal(100),
            "butuh_perbaikan": Decimal(75),
            "kurang": Decimal(50),
            "sangat_kurang": Decimal(25),
        }
    )
    faktor_tanpa_evaluasi: Decimal = Decimal(0)
    #: Upper edges (minutes, inclusive) of bands 1-3; band 4 is everything above.
    batas_menit: tuple[int, int, int] = (30, 60, 90)
    #: Deduction per occurrence in bands 1-4 (band 4 also: no check-in / no check-out).
    potongan_band: tuple[Decimal, Decimal, Decimal, Decimal] = (
        Decimal("0.5"),
        Decimal(1),
        Decimal("1.25"),
        Decimal("1.5"),
    )
    potongan_alpa: Decimal = Decimal(4)
    potongan_izin: Decimal = Decimal(0)
    potongan_sakit: Decimal = Decimal(0)
    potongan_maks: Decimal = Decimal(100)
    cuti_tanpa_tpp: tuple[str, ...] = ("besar", "cltn")
    potongan_sanksi_sedang: Decimal = Decimal(25)
    potongan_sanksi_berat: Decimal = Decimal(100)
    pembulatan: str = Pembulatan.BAWAH
    pagu: tuple[int, ...] = PAGU_BAWAAN

    @property
    def bobot_disiplin(self) -> Decimal:
        return SERATUS - self.bobot_kinerja

    def pagu_kelas(self, kelas: int | None) -> int:
        if kelas is None or not 1 <= kelas <= len(self.pagu):
            return 0
        return int(self.pagu[kelas - 1])

    def faktor_log(self, hari_log: int, hari_kerja: int) -> Decimal:
        """Percent of the month's working days with a verified daily log (capped at 100,
        two decimals, half up)."""
        if hari_kerja <= 0:
            return Decimal(0)
        persen = min(SERATUS, SERATUS * hari_log / Decimal(hari_kerja))
        return persen.quantize(SEN, ROUND_HALF_UP)

    def faktor_predikat(self, predikat: str | None) -> Decimal:
        if not predikat:
            return self.faktor_tanpa_evaluasi
        return self.faktor.get(predikat, self.faktor_tanpa_evaluasi)

    def band(self, menit: int) -> int:
        """0 for no minutes, else the band 1-4 of a lateness / early leave."""
        if menit <= 0:
            return 0
        for i, batas in enumerate(self.batas_menit, start=1):
            if menit <= batas:
                return i
        return 4

    def as_json(self) -> dict:
        """The settings as stored with a computed month (what the numbers were made with)."""
        return {
            "bobot_kinerja": str(self.bobot_kinerja),
            "sumber_kinerja": self.sumber_kinerja,
            "faktor": {k: str(v) for k, v in self.faktor.items()},
            "faktor_tanpa_evaluasi": str(self.faktor_tanpa_evaluasi),
            "batas_menit": list(self.batas_menit),
            "potongan_band": [str(x) for x in self.potongan_band],
            "potongan_alpa": str(self.potongan_alpa),
            "potongan_izin": str(self.potongan_izin),
            "potongan_sakit": str(self.potongan_sakit),
            "potongan_maks": str(self.potongan_maks),
            "cuti_tanpa_tpp": list(self.cuti_tanpa_tpp),
            "potongan_sanksi_sedang": str(self.potongan_sanksi_sedang),
            "potongan_sanksi_berat": str(self.potongan_sanksi_berat),
            "pembulatan": self.pembulatan,
            "pagu": list(self.pagu),
        }

    @classmethod
    def from_json(cls, data: dict) -> Aturan:
        d = Decimal
        return cls(
            bobot_kinerja=d(data["bobot_kinerja"]),
            # months computed before the option existed used the predikat
            sumber_kinerja=data.get("sumber_kinerja", SumberKinerja.PREDIKAT),
            faktor={k: d(v) for k, v in data["faktor"].items()},
            faktor_tanpa_evaluasi=d(data["faktor_tanpa_evaluasi"]),
            batas_menit=tuple(data["batas_menit"]),
            potongan_band=tuple(d(x) for x in data["potongan_band"]),
            potongan_alpa=d(data["potongan_alpa"]),
            potongan_izin=d(data["potongan_izin"]),
            potongan_sakit=d(data["potongan_sakit"]),
            potongan_maks=d(data["potongan_maks"]),
            cuti_tanpa_tpp=tuple(data["cuti_tanpa_tpp"]),
            potongan_sanksi_sedang=d(data["potongan_sanksi_sedang"]),
            potongan_sanksi_berat=d(data["potongan_sanksi_berat"]),
            pembulatan=data["pembulatan"],
            pagu=tuple(int(x) for x in data["pagu"]),
        )


@dataclass(frozen=True)
class Masukan:
    """What the month's data says about one employee (counts of occurrences)."""

    kelas_jabatan: int | None = 7
    predikat: str | None = "baik"
    terlambat: tuple[int, int, int, int] = (0, 0, 0, 0)
    pulang_cepat: tuple[int, int, int, int] = (0, 0, 0, 0)
    tanpa_absen_masuk: int = 0
    tanpa_absen_pulang: int = 0
    alpa: int = 0
    izin: int = 0
    sakit: int = 0
    aktif: bool = True
    sanksi_tingkat: str = ""  # "", "ringan", "sedang", "berat"
    cuti_tanpa_tpp: str = ""  # the leave kind that stops the month's TPP, or ""
    #: Daily-log source only: days of the month with a verified log, and working days.
    hari_log: int = 0
    hari_kerja: int = 0


@dataclass(frozen=True)
class Hasil:
    pagu: int
    faktor_kinerja: Decimal
    persen_potongan_disiplin: Decimal  # sum of deductions, before the cap
    persen_potongan_disiplin_berlaku: Decimal  # after the cap
    nilai_kinerja: Decimal
    nilai_disiplin: Decimal
    potongan_kinerja: Decimal
    potongan_disiplin: Decimal
    persen_potongan_sanksi: Decimal
    potongan_sanksi: Decimal
    netto: int

    def dibulatkan(self) -> dict:
        """The components as stored (sen)."""
        q = SEN
        return {
            "pagu": self.pagu,
            "faktor_kinerja": self.faktor_kinerja,
            "persen_potongan_disiplin": self.persen_potongan_disiplin,
            "nilai_kinerja": self.nilai_kinerja.quantize(q, ROUND_HALF_UP),
            "nilai_disiplin": self.nilai_disiplin.quantize(q, ROUND_HALF_UP),
            "potongan_kinerja": self.potongan_kinerja.quantize(q, ROUND_HALF_UP),
            "potongan_disiplin": self.potongan_disiplin.quantize(q, ROUND_HALF_UP),
            "persen_potongan_sanksi": self.persen_potongan_sanksi,
            "potongan_sanksi": self.potongan_sanksi.quantize(q, ROUND_HALF_UP),
            "netto": self.netto,
        }


def bulatkan(nilai: Decimal, aturan: str) -> int:
    mode = {
        Pembulatan.BAWAH: ROUND_FLOOR,
        Pembulatan.ATAS: ROUND_CEILING,
        Pembulatan.TERDEKAT: ROUND_HALF_UP,
    }[aturan]
    return int(nilai.quantize(Decimal(1), mode))


def persen_potongan_disiplin(a: Aturan, m: Masukan) -> Decimal:
    """The sum of attendance deductions (percent, before the cap)."""
    p1, p2, p3, p4 = a.potongan_band
    total = Decimal(0)
    for jumlah in (m.terlambat, m.pulang_cepat):
        total += jumlah[0] * p1 + jumlah[1] * p2 + jumlah[2] * p3 + jumlah[3] * p4
    total += (m.tanpa_absen_masuk + m.tanpa_absen_pulang) * p4
    total += m.alpa * a.potongan_alpa + m.izin * a.potongan_izin + m.sakit * a.potongan_sakit
    return total


def persen_potongan_sanksi(a: Aturan, m: Masukan) -> Decimal:
    """The cut of the whole amount: non-active employees, a month with a leave kind that pays
    no TPP (cuti besar, CLTN) pay nothing; a heavy / medium sanction in force cuts its
    configured share. The largest applicable cut wins."""
    cut = Decimal(0)
    if not m.aktif or m.cuti_tanpa_tpp:
        cut = SERATUS
    if m.sanksi_tingkat == "berat":
        cut = max(cut, a.potongan_sanksi_berat)
    elif m.sanksi_tingkat == "sedang":
        cut = max(cut, a.potongan_sanksi_sedang)
    return cut


def hitung(a: Aturan, m: Masukan) -> Hasil:
    pagu = Decimal(a.pagu_kelas(m.kelas_jabatan))
    if a.sumber_kinerja == SumberKinerja.LOG_HARIAN:
        fk = a.faktor_log(m.hari_log, m.hari_kerja)
    else:
        fk = a.faktor_predikat(m.predikat)
    pd = persen_potongan_disiplin(a, m)
    pd_berlaku = min(pd, a.potongan_maks)
    wk, wd = a.bobot_kinerja, a.bobot_disiplin
    nilai_kinerja = pagu * wk * fk / 10000
    nilai_disiplin = pagu * wd * max(Decimal(0), SERATUS - pd_berlaku) / 10000
    sebelum_sanksi = nilai_kinerja + nilai_disiplin
    ps = persen_potongan_sanksi(a, m)
    potongan_sanksi = sebelum_sanksi * ps / SERATUS
    return Hasil(
        pagu=int(pagu),
        faktor_kinerja=fk,
        persen_potongan_disiplin=pd,
        persen_potongan_disiplin_berlaku=pd_berlaku,
        nilai_kinerja=nilai_kinerja,
        nilai_disiplin=nilai_disiplin,
        potongan_kinerja=pagu * wk / SERATUS - nilai_kinerja,
        potongan_disiplin=pagu * wd / SERATUS - nilai_disiplin,
        persen_potongan_sanksi=ps,
        potongan_sanksi=potongan_sanksi,
        netto=bulatkan(sebelum_sanksi - potongan_sanksi, a.pembulatan),
    )


# --- Explanation ------------------------------------------------------------------------


@dataclass(frozen=True)
class Baris:
    """One line of the explanation: a label, the percent it moves and its rupiah."""

    uraian: str
    persen: Decimal | None
    rupiah: Decimal
    jenis: str = "potongan"  # "dasar", "potongan", "total"

    @property
    def mutlak(self) -> Decimal:
        return abs(self.rupiah)


def _fmt(p: Decimal) -> str:
    s = f"{p.normalize():f}"
    return s.replace(".", ",")


def _sumber_label(a: Aturan, m: Masukan) -> str:
    if a.sumber_kinerja == SumberKinerja.LOG_HARIAN:
        return _("log harian terverifikasi %(n)s dari %(h)s hari kerja") % {
            "n": m.hari_log,
            "h": m.hari_kerja,
        }
    return _predikat_label(m.predikat)


def penjelasan(a: Aturan, m: Masukan) -> list[Baris]:
    """Every rupiah of the month, line by line (the employee's page)."""
    h = hitung(a, m)
    pagu = Decimal(h.pagu)
    wk, wd = a.bobot_kinerja, a.bobot_disiplin
    porsi_disiplin = pagu * wd / SERATUS
    out = [
        Baris(
            _("Pagu kelas jabatan %(k)s") % {"k": m.kelas_jabatan or "-"},
            None,
            pagu,
            "dasar",
        ),
        Baris(_("Porsi kinerja %(w)s%%") % {"w": _fmt(wk)}, wk, pagu * wk / SERATUS, "dasar"),
    ]
    if h.potongan_kinerja:
        out.append(
            Baris(
                _("Faktor kinerja %(f)s%% (%(p)s): -%(s)s%% dari porsi kinerja")
                % {
                    "f": _fmt(h.faktor_kinerja),
                    "p": _sumber_label(a, m),
                    "s": _fmt(SERATUS - h.faktor_kinerja),
                },
                -(SERATUS - h.faktor_kinerja),
                -h.potongan_kinerja,
            )
        )
    out.append(Baris(_("Porsi disiplin %(w)s%%") % {"w": _fmt(wd)}, wd, porsi_disiplin, "dasar"))
    p1, p2, p3, p4 = a.potongan_band
    b1, b2, b3 = a.batas_menit
    rentang = (f"1-{b1}", f"{b1 + 1}-{b2}", f"{b2 + 1}-{b3}", f"> {b3}")
    for label, jumlah in ((_("terlambat"), m.terlambat), (_("pulang cepat"), m.pulang_cepat)):
        for i, n in enumerate(jumlah):
            if n:
                persen = n * a.potongan_band[i]
                out.append(
                    Baris(
                        _("%(l)s %(n)sx %(r)s menit: -%(p)s%%")
                        % {"l": label.capitalize(), "n": n, "r": rentang[i], "p": _fmt(persen)},
                        -persen,
                        -porsi_disiplin * persen / SERATUS,
                    )
                )
    lain = (
        (_("Tidak absen masuk"), m.tanpa_absen_masuk, p4),
        (_("Tidak absen pulang"), m.tanpa_absen_pulang, p4),
        (_("Tanpa keterangan (alpa)"), m.alpa, a.potongan_alpa),
        (_("Izin"), m.izin, a.potongan_izin),
        (_("Sakit"), m.sakit, a.potongan_sakit),
    )
    for label, n, tarif in lain:
        if n and tarif:
            persen = n * tarif
            out.append(
                Baris(
                    _("%(l)s %(n)s hari: -%(p)s%%") % {"l": label, "n": n, "p": _fmt(persen)},
                    -persen,
                    -porsi_disiplin * persen / SERATUS,
                )
            )
    if h.persen_potongan_disiplin > h.persen_potongan_disiplin_berlaku:
        lebih = h.persen_potongan_disiplin - h.persen_potongan_disiplin_berlaku
        out.append(
            Baris(
                _("Batas potongan disiplin %(m)s%%: +%(p)s%% dikembalikan")
                % {"m": _fmt(a.potongan_maks), "p": _fmt(lebih)},
                lebih,
                porsi_disiplin * lebih / SERATUS,
            )
        )
    if h.persen_potongan_sanksi:
        if not m.aktif:
            alasan = _("pegawai tidak aktif")
        elif m.cuti_tanpa_tpp:
            alasan = _("bulan dengan %(c)s") % {"c": _cuti_label(m.cuti_tanpa_tpp)}
        else:
            alasan = _("hukuman disiplin %(t)s") % {"t": m.sanksi_tingkat}
        out.append(
            Baris(
                _("Potongan %(p)s%% karena %(a)s")
                % {"p": _fmt(h.persen_potongan_sanksi), "a": alasan},
                -h.persen_potongan_sanksi,
                -h.potongan_sanksi,
            )
        )
    out.append(Baris(_("TPP diterima (dibulatkan)"), None, Decimal(h.netto), "total"))
    return out


def _predikat_label(predikat: str | None) -> str:
    if not predikat:
        return _("tanpa evaluasi berpredikat")
    return {
        "sangat_baik": _("Sangat Baik"),
        "baik": _("Baik"),
        "butuh_perbaikan": _("Butuh Perbaikan"),
        "kurang": _("Kurang/Misconduct"),
        "sangat_kurang": _("Sangat Kurang"),
    }.get(predikat, predikat)


def _cuti_label(jenis: str) -> str:
    return {
        "besar": _("cuti besar"),
        "cltn": _("cuti di luar tanggungan negara"),
        "tahunan": _("cuti tahunan"),
        "sakit": _("cuti sakit"),
        "melahirkan": _("cuti melahirkan"),
        "alasan_penting": _("cuti karena alasan penting"),
    }.get(jenis, jenis)
