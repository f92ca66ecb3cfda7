"""Choices of employee master data (DOMAIN.md sections 4 and 6)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", _("Laki-laki")
    PEREMPUAN = "P", _("Perempuan")


class StatusKepegawaian(models.TextChoices):
    CPNS = "cpns", "CPNS"
    PNS = "pns", "PNS"
    PPPK = "pppk", "PPPK"


class StatusAktif(models.TextChoices):
    AKTIF = "aktif", _("Aktif")
    PENSIUN = "pensiun", _("Pensiun")
    PINDAH = "pindah", _("Pindah instansi")
    BERHENTI = "berhenti", _("Berhenti")
    MENINGGAL = "meninggal", _("Meninggal dunia")


# Golongan ruang PNS with pangkat names (DOMAIN.md section 4), lowest first.
PANGKAT_PNS = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]
ROMAWI = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]  # fmt: skip
GOLONGAN_PPPK = [f"PPPK-{r}" for r in ROMAWI]

GOLONGAN_CHOICES = [(g, f"{p} ({g})") for g, p in PANGKAT_PNS] + [
    (g, _("PPPK golongan %(g)s") % {"g": g.removeprefix("PPPK-")}) for g in GOLONGAN_PPPK
]
PANGKAT = dict(PANGKAT_PNS)
#: Rank order for sorting and placement scoring (PNS 1-17, PPPK 1-17 kept separate).
URUTAN_GOLONGAN = {g: i + 1 for i, (g, _p) in enumerate(PANGKAT_PNS)} | {
    g: i + 1 for i, g in enumerate(GOLONGAN_PPPK)
}


class StatusKehadiran(models.TextChoices):
    HADIR = "hadir", _("Hadir")
    TERLAMBAT = "terlambat", _("Terlambat")
    PULANG_CEPAT = "pulang_cepat", _("Pulang cepat")
    IZIN = "izin", _("Izin")
    SAKIT = "sakit", _("Sakit")
    CUTI = "cuti", _("Cuti")
    DINAS_LUAR = "dinas_luar", _("Dinas luar")
    ALPA = "alpa", _("Tanpa keterangan")


#: Days that count as present (masuk kerja) in attendance rates and recaps: at the office
#: (on time, late or leaving early) or on official duty elsewhere (dinas luar).
STATUS_HADIR = (
    StatusKehadiran.HADIR,
    StatusKehadiran.TERLAMBAT,
    StatusKehadiran.PULANG_CEPAT,
    StatusKehadiran.DINAS_LUAR,
)
#: Days present AT THE OFFICE (clocked in): the only days lateness and leaving early apply to.
STATUS_DI_KANTOR = (StatusKehadiran.HADIR, StatusKehadiran.TERLAMBAT, StatusKehadiran.PULANG_CEPAT)
