"""NIP validation (DOMAIN.md section 4).

PNS: 18 digits `YYYYMMDD YYYYMM G NNN`: birth date (a real date), TMT CPNS year and month
(month 01-12, after the birth date, at an age of at least 18), gender (1 male, 2 female),
sequence 001-999; it must agree with the stored birth date and gender.
PPPK: 18 digits with another layout: length and digits only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class NipPns:
    tanggal_lahir: dt.date
    tmt_cpns: dt.date  # first day of the TMT month
    jenis_kelamin: str  # "L" / "P"
    nomor_urut: int


def _cek_panjang(nip: str) -> None:
    if not nip:
        raise ValidationError(_("NIP wajib diisi."), code="nip_kosong")
    if not nip.isdigit():
        raise ValidationError(_("NIP hanya boleh berisi angka."), code="nip_bukan_angka")
    if len(nip) != 18:
        raise ValidationError(
            _("NIP harus 18 digit (saat ini %(n)d digit).") % {"n": len(nip)}, code="nip_panjang"
        )


def urai_nip_pns(nip: str) -> NipPns:
    """Parses a PNS NIP or raises ValidationError with a message saying which part is wrong."""
    nip = (nip or "").strip().replace(" ", "")
    _cek_panjang(nip)
    try:
        lahir = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValidationError(
            _("Digit 1-8 NIP (%(p)s) bukan tanggal lahir yang sah.") % {"p": nip[0:8]},
            code="nip_tanggal_lahir",
        ) from None
    tahun_tmt, bulan_tmt = int(nip[8:12]), int(nip[12:14])
    if not 1 <= bulan_tmt <= 12:
        raise ValidationError(
            _("Digit 13-14 NIP (bulan TMT CPNS %(b)s) harus 01-12.") % {"b": nip[12:14]},
            code="nip_bulan_tmt",
        )
    tmt = dt.date(tahun_tmt, bulan_tmt, 1)
    umur_18 = _tambah_tahun(lahir, 18)
    # TMT CPNS is the first day of its month and must be on or after the 18th birthday: a
    # TMT in the birthday's month is refused unless the birthday is the 1st.
    if tmt < umur_18:
        raise ValidationError(
            _("TMT CPNS pada NIP (%(t)s) harus pada atau setelah pegawai berumur 18 tahun (%(u)s).")
            % {"t": f"{nip[12:14]}/{nip[8:12]}", "u": umur_18.strftime("%d-%m-%Y")},
            code="nip_tmt_umur",
        )
    gender = nip[14]
    if gender not in "12":
        raise ValidationError(
            _("Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan)."),
            code="nip_jenis_kelamin",
        )
    urut = int(nip[15:18])
    if urut < 1:
        raise ValidationError(_("Nomor urut NIP (digit 16-18) harus 001-999."), code="nip_urut")
    return NipPns(lahir, tmt, "L" if gender == "1" else "P", urut)


def validasi_nip(
    nip: str,
    *,
    pppk: bool = False,
    tanggal_lahir: dt.date | None = None,
    jenis_kelamin: str | None = None,
) -> None:
    """Validates a NIP; for PNS/CPNS also its agreement with the stored birth date/gender."""
    nip = (nip or "").strip()
    if pppk:
        _cek_panjang(nip)
        return
    data = urai_nip_pns(nip)
    if tanggal_lahir and data.tanggal_lahir != tanggal_lahir:
        raise ValidationError(
            _("Tanggal lahir pada NIP (%(n)s) tidak sama dengan tanggal lahir pegawai (%(t)s).")
            % {
                "n": data.tanggal_lahir.strftime("%d-%m-%Y"),
                "t": tanggal_lahir.strftime("%d-%m-%Y"),
            },
            code="nip_beda_tanggal_lahir",
        )
    if jenis_kelamin and data.jenis_kelamin != jenis_kelamin:
        raise ValidationError(
            _("Digit jenis kelamin pada NIP tidak sesuai dengan jenis kelamin pegawai."),
            code="nip_beda_jenis_kelamin",
        )


def buat_nip(lahir: dt.date, tmt: dt.date, jenis_kelamin: str, urut: int) -> str:
    return f"{lahir:%Y%m%d}{tmt:%Y%m}{'1' if jenis_kelamin == 'L' else '2'}{urut:03d}"


def _tambah_tahun(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)
