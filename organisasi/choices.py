"""Choices of the organisation domain (DOMAIN.md sections 1, 3, 4 and 8)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisWilayah(models.TextChoices):
    PROVINSI = "provinsi", _("Pemerintah Provinsi")
    KABUPATEN = "kabupaten", _("Pemerintah Kabupaten")
    KOTA = "kota", _("Pemerintah Kota")
    KECAMATAN = "kecamatan", _("Kecamatan")


class JenisUnit(models.TextChoices):
    PEMDA = "pemda", _("Pemerintah Daerah")
    SEKRETARIAT = "sekretariat", _("Sekretariat")
    DINAS = "dinas", _("Dinas")
    BADAN = "badan", _("Badan")
    BIDANG = "bidang", _("Bidang")
    BAGIAN = "bagian", _("Bagian")
    SEKSI = "seksi", _("Seksi")
    SUBBAGIAN = "subbagian", _("Subbagian")
    UPT = "upt", _("UPT")
    PUSKESMAS = "puskesmas", _("Puskesmas")
    SEKOLAH = "sekolah", _("Sekolah")
    KECAMATAN = "kecamatan", _("Kecamatan")
    KELURAHAN = "kelurahan", _("Kelurahan")


class JenisJabatan(models.TextChoices):
    JPT_UTAMA = "jpt_utama", _("JPT Utama")
    JPT_MADYA = "jpt_madya", _("JPT Madya")
    JPT_PRATAMA = "jpt_pratama", _("JPT Pratama")
    ADMINISTRATOR = "administrator", _("Administrator")
    PENGAWAS = "pengawas", _("Pengawas")
    PELAKSANA = "pelaksana", _("Pelaksana")
    FUNGSIONAL_KEAHLIAN = "fungsional_keahlian", _("Fungsional Keahlian")
    FUNGSIONAL_KETERAMPILAN = "fungsional_keterampilan", _("Fungsional Keterampilan")

    @classmethod
    def jpt(cls) -> set[str]:
        return {cls.JPT_UTAMA, cls.JPT_MADYA, cls.JPT_PRATAMA}


class JenjangFungsional(models.TextChoices):
    AHLI_PERTAMA = "ahli_pertama", _("Ahli Pertama")
    AHLI_MUDA = "ahli_muda", _("Ahli Muda")
    AHLI_MADYA = "ahli_madya", _("Ahli Madya")
    AHLI_UTAMA = "ahli_utama", _("Ahli Utama")
    PEMULA = "pemula", _("Pemula")
    TERAMPIL = "terampil", _("Terampil")
    MAHIR = "mahir", _("Mahir")
    PENYELIA = "penyelia", _("Penyelia")


class Eselon(models.TextChoices):
    I_A = "I.a", "I.a"
    I_B = "I.b", "I.b"
    II_A = "II.a", "II.a"
    II_B = "II.b", "II.b"
    III_A = "III.a", "III.a"
    III_B = "III.b", "III.b"
    IV_A = "IV.a", "IV.a"
    IV_B = "IV.b", "IV.b"


class TingkatPendidikan(models.TextChoices):
    """Ordered lowest first; `peringkat()` compares levels."""

    SD = "sd", "SD"
    SMP = "smp", "SMP"
    SMA = "sma", "SMA/SMK"
    D1 = "d1", "D-I"
    D2 = "d2", "D-II"
    D3 = "d3", "D-III"
    D4 = "d4", "D-IV"
    S1 = "s1", "S1"
    S2 = "s2", "S2"
    S3 = "s3", "S3"

    @classmethod
    def peringkat(cls, value: str | None) -> int:
        """0 for unknown, 1 for SD ... 10 for S3. D-IV ranks with S1 (PP 11/2017)."""
        order = [c.value for c in cls]
        if value not in order:
            return 0
        rank = order.index(value) + 1
        return rank + 1 if value == cls.D4 else rank


class JenisKompetensi(models.TextChoices):
    TEKNIS = "teknis", _("Teknis")
    MANAJERIAL = "manajerial", _("Manajerial")
    SOSIAL_KULTURAL = "sosial_kultural", _("Sosial Kultural")


class KelasEfisiensi(models.TextChoices):
    """Efficiency class of a position from its workload analysis (DOMAIN.md section 8;
    PermenPANRB 1/2020): the load/capacity ratio, see organisasi/abk.py."""

    A = "A", _("A (sangat baik)")
    B = "B", _("B (baik)")
    C = "C", _("C (cukup)")
    D = "D", _("D (sedang)")
    E = "E", _("E (kurang)")


class StatusKebutuhan(models.TextChoices):
    """Where a position stands against its ABK need (for filters of the workforce report)."""

    KURANG = "kurang", _("Kekurangan")
    LEBIH = "lebih", _("Kelebihan")
    SESUAI = "sesuai", _("Sesuai")
    BELUM = "belum", _("Belum dianalisis")
