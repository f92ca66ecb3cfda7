"""Choices of the performance domain (DOMAIN.md section 2) shared by several models and by
the pure rules in `kinerja.rules`.

This module imports only `django.db.models` and `gettext_lazy`: it can be imported (and the
rules used) without configured settings or a loaded app registry. Every class here is also
exposed nested on the models that use it (`SKP.Status`, `SKP.Pendekatan`,
`EvaluasiPeriodik.Rating`, ...): use those names in application code. They are declared here,
at module level, because rules and querysets need them without importing models, and because
a model's `Meta.constraints` (built from the choices) cannot see names nested in the model.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.TextChoices):
    """The superior's rating of hasil kerja and of perilaku kerja (no weighted score)."""

    DI_ATAS = "di_atas", _("Di Atas Ekspektasi")
    SESUAI = "sesuai", _("Sesuai Ekspektasi")
    DI_BAWAH = "di_bawah", _("Di Bawah Ekspektasi")


class Predikat(models.TextChoices):
    """Predikat kinerja pegawai, best first (the declaration order is the ranking; see
    `kinerja.rules.PREDIKAT_URUTAN`)."""

    SANGAT_BAIK = "sangat_baik", _("Sangat Baik")
    BAIK = "baik", _("Baik")
    BUTUH_PERBAIKAN = "butuh_perbaikan", _("Butuh Perbaikan")
    KURANG = "kurang", _("Kurang/Misconduct")
    SANGAT_KURANG = "sangat_kurang", _("Sangat Kurang")


class PredikatOrganisasi(models.TextChoices):
    """Predikat of a unit, set by the leader one level up (SE MenPANRB 3/2023)."""

    ISTIMEWA = "istimewa", _("Istimewa")
    BAIK = "baik", _("Baik")
    BUTUH_PERBAIKAN = "butuh_perbaikan", _("Butuh Perbaikan")
    KURANG = "kurang", _("Kurang")
    SANGAT_KURANG = "sangat_kurang", _("Sangat Kurang")


class Perilaku(models.TextChoices):
    """The seven BerAKHLAK core values, in their canonical order."""

    BERORIENTASI_PELAYANAN = "berorientasi_pelayanan", _("Berorientasi Pelayanan")
    AKUNTABEL = "akuntabel", _("Akuntabel")
    KOMPETEN = "kompeten", _("Kompeten")
    HARMONIS = "harmonis", _("Harmonis")
    LOYAL = "loyal", _("Loyal")
    ADAPTIF = "adaptif", _("Adaptif")
    KOLABORATIF = "kolaboratif", _("Kolaboratif")


class Aspek(models.TextChoices):
    """Aspect of an indikator kinerja individu (IKI)."""

    KUANTITAS = "kuantitas", _("Kuantitas")
    KUALITAS = "kualitas", _("Kualitas")
    WAKTU = "waktu", _("Waktu")
    BIAYA = "biaya", _("Biaya")


class Perspektif(models.TextChoices):
    """Balanced-scorecard perspective of a JPT's RHK / a unit's perjanjian kinerja."""

    PENERIMA_LAYANAN = "penerima_layanan", _("Penerima Layanan")
    PROSES_BISNIS = "proses_bisnis", _("Proses Bisnis")
    PENGUATAN_INTERNAL = "penguatan_internal", _("Penguatan Internal")
    ANGGARAN = "anggaran", _("Anggaran")


class Granularitas(models.TextChoices):
    """How a performance year is split into periodic evaluation windows (configurable per
    wilayah, default monthly)."""

    BULANAN = "bulanan", _("Bulanan")
    TRIWULANAN = "triwulanan", _("Triwulanan")
    SEMESTERAN = "semesteran", _("Semesteran")


class StatusPeriode(models.TextChoices):
    BUKA = "buka", _("Buka")
    TUTUP = "tutup", _("Tutup")


class StatusEvaluasi(models.TextChoices):
    """Flow of a periodic and of the annual evaluation:
    belum diisi -> realisasi diajukan (employee) -> dinilai (superior) -> final (after the
    unit's distribution check)."""

    BELUM_DIISI = "belum_diisi", _("Belum Diisi")
    REALISASI_DIAJUKAN = "realisasi_diajukan", _("Realisasi Diajukan")
    DINILAI = "dinilai", _("Dinilai")
    FINAL = "final", _("Final")


class StatusSKP(models.TextChoices):
    """draf -> diajukan -> disetujui, or diajukan -> dikembalikan -> (edited) -> diajukan.
    An approved SKP is locked; `revisi_diajukan` is an approved SKP (still in force) whose
    revision was requested: accepted, it goes back to draf; rejected, back to disetujui."""

    DRAF = "draf", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    DISETUJUI = "disetujui", _("Disetujui")
    REVISI_DIAJUKAN = "revisi_diajukan", _("Revisi Diajukan")


class StatusKeberatan(models.TextChoices):
    DIAJUKAN = "diajukan", _("Diajukan")
    DITERIMA = "diterima", _("Diterima")
    DITOLAK = "ditolak", _("Ditolak")


class PendekatanSKP(models.TextChoices):
    KUANTITATIF = "kuantitatif", _("Kuantitatif")
    KUALITATIF = "kualitatif", _("Kualitatif")


class JenisRHK(models.TextChoices):
    UTAMA = "utama", _("Utama")
    TAMBAHAN = "tambahan", _("Tambahan")


class StatusLogHarian(models.TextChoices):
    DIAJUKAN = "diajukan", _("Diajukan")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")


class JenisUmpanBalik(models.TextChoices):
    UMPAN_BALIK = "umpan_balik", _("Umpan Balik")
    DIALOG_KINERJA = "dialog_kinerja", _("Dialog Kinerja")
    PEMBINAAN = "pembinaan", _("Pembinaan")


class StatusPembinaan(models.TextChoices):
    DIRENCANAKAN = "direncanakan", _("Direncanakan")
    BERJALAN = "berjalan", _("Berjalan")
    SELESAI = "selesai", _("Selesai")
