"""The nine SKM elements (PermenPANRB 14/2017, DOMAIN.md section 9) and the IKM quality bands.

Pure Python: no query, no settings, so the rules are testable on their own.
Each element has the official name (staff pages), a plain-language question for citizens
and four answers from worst (1) to best (4), as in the regulation's model questionnaire.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Unsur:
    kode: str  # the model field: u1 ... u9
    nama: object  # official element name (lazy string)
    pertanyaan: object  # the question a citizen reads
    jawaban: tuple  # 4 lazy strings, worst (1) first


UNSUR: tuple[Unsur, ...] = (
    Unsur("u1", _("Persyaratan"),
          _("Apakah persyaratan layanan sesuai dengan yang diumumkan?"),
          (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai"))),
    Unsur("u2", _("Sistem, mekanisme dan prosedur"),
          _("Apakah prosedur (alur) layanan mudah diikuti?"),
          (_("Tidak mudah"), _("Kurang mudah"), _("Mudah"), _("Sangat mudah"))),
    Unsur("u3", _("Waktu penyelesaian"),
          _("Apakah layanan selesai dengan cepat?"),
          (_("Tidak cepat"), _("Kurang cepat"), _("Cepat"), _("Sangat cepat"))),
    Unsur("u4", _("Biaya/tarif"),
          _("Bagaimana biaya yang Anda bayar untuk layanan ini?"),
          (_("Sangat mahal"), _("Cukup mahal"), _("Murah"), _("Gratis"))),
    Unsur("u5", _("Produk spesifikasi jenis pelayanan"),
          _("Apakah hasil layanan yang Anda terima sesuai dengan yang dijanjikan?"),
          (_("Tidak sesuai"), _("Kurang sesuai"), _("Sesuai"), _("Sangat sesuai"))),
    Unsur("u6", _("Kompetensi pelaksana"),
          _("Apakah petugas memahami pekerjaannya?"),
          (_("Tidak paham"), _("Kurang paham"), _("Paham"), _("Sangat paham"))),
    Unsur("u7", _("Perilaku pelaksana"),
          _("Apakah petugas sopan dan ramah?"),
          (_("Tidak sopan"), _("Kurang sopan"), _("Sopan dan ramah"), _("Sangat sopan dan ramah"))),
    Unsur("u8", _("Penanganan pengaduan, saran dan masukan"),
          _("Bagaimana tempat ini menanggapi pengaduan, saran dan masukan?"),
          (_("Tidak ada"), _("Ada, tapi tidak ditanggapi"), _("Ditanggapi, kurang tuntas"),
           _("Ditanggapi dengan baik"))),
    Unsur("u9", _("Sarana dan prasarana"),
          _("Bagaimana kondisi ruang tunggu, loket dan fasilitasnya?"),
          (_("Buruk"), _("Cukup"), _("Baik"), _("Sangat baik"))),
)  # fmt: skip

KODE_UNSUR: tuple[str, ...] = tuple(u.kode for u in UNSUR)
NAMA_UNSUR: dict[str, object] = {u.kode: u.nama for u in UNSUR}

#: Quality bands of the IKM (25-100 scale), best first: (lower bound, letter, meaning).
MUTU: tuple[tuple[Decimal, str, object], ...] = (
    (Decimal("88.31"), "A", _("Sangat Baik")),
    (Decimal("76.61"), "B", _("Baik")),
    (Decimal("65.00"), "C", _("Kurang Baik")),
    (Decimal("25.00"), "D", _("Tidak Baik")),
)
DUA_DESIMAL = Decimal("0.01")


def bulatkan(nilai: Decimal | float | int | None) -> Decimal | None:
    """Two decimals, half up (88.305 -> 88.31), as the IKM is published."""
    if nilai is None:
        return None
    return Decimal(str(nilai)).quantize(DUA_DESIMAL, rounding=ROUND_HALF_UP)


def hitung_ikm(rata_unsur: list[Decimal | float]) -> Decimal | None:
    """IKM = mean of the element means x 25 (DOMAIN.md section 9), two decimals.
    The staff pages get it from SQL (selectors); this is the same arithmetic for callers
    that already hold the means, and the reference the tests compare SQL against."""
    if not rata_unsur:
        return None
    total = sum(Decimal(str(r)) for r in rata_unsur)
    return bulatkan(total / len(rata_unsur) * 25)


def mutu_pelayanan(ikm: Decimal | float | None) -> tuple[str, object] | tuple[None, None]:
    """(letter, meaning) of an IKM: A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99.
    The IKM is rounded to two decimals first, so 88.305 is A and 88.3049 is B."""
    nilai = bulatkan(ikm)
    if nilai is None:
        return None, None
    for batas, huruf, arti in MUTU:
        if nilai >= batas:
            return huruf, arti
    return "D", MUTU[-1][2]
