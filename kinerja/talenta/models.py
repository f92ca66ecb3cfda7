"""Talent management (issue 17 part A, DOMAIN.md section 8; docs/talenta.md).

- `PengaturanTalenta`: per wilayah, the pool boxes and the score thresholds of the levels.
- `HasilPotensi`: one assessment result of an employee (source, date, score, level); one
  per (employee, source, date).
- `ImporPotensi`: an uploaded Excel file of results, its preview and outcome.
- `Kalibrasi`: the 9-box year of a wilayah, draf -> dikalibrasi -> dikunci (workflow engine,
  logged in TransisiStatus); `KoreksiKotak`: an override of one employee's box with a
  required note (history kept by simple_history).
- `PosisiKunci`: a JPT/Administrator position flagged by HR; `KandidatSuksesi`: its ranked
  candidates with readiness.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asn_kinerja.models import TimeStampedModel
from asn_kinerja.querysets import WilayahScopedQuerySet

from . import rules

SKOR = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]
KOTAK_VALID = [MinValueValidator(1), MaxValueValidator(9)]


class Level(models.TextChoices):
    RENDAH = rules.RENDAH, _("Rendah")
    MENENGAH = rules.MENENGAH, _("Menengah")
    TINGGI = rules.TINGGI, _("Tinggi")


class SumbuKinerja(models.TextChoices):
    DI_BAWAH = rules.DI_BAWAH, _("Di bawah ekspektasi")
    SESUAI = rules.SESUAI, _("Sesuai ekspektasi")
    DI_ATAS = rules.DI_ATAS, _("Di atas ekspektasi")


def _pool_bawaan() -> list[int]:
    return list(rules.KOTAK_POOL_BAWAAN)


class WilayahQS(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"


class PengaturanTalenta(TimeStampedModel):
    wilayah = models.OneToOneField(
        "organisasi.Wilayah",
        on_delete=models.CASCADE,
        related_name="pengaturan_talenta",
        verbose_name=_("wilayah"),
    )
    kotak_pool = ArrayField(
        models.PositiveSmallIntegerField(validators=KOTAK_VALID),
        verbose_name=_("kotak kelompok rencana suksesi (talent pool)"),
        default=_pool_bawaan,
    )
    batas_menengah = models.DecimalField(
        _("skor minimal potensi menengah"), max_digits=5, decimal_places=2,
        default=rules.BATAS_MENENGAH_BAWAAN, validators=SKOR,
    )  # fmt: skip
    batas_tinggi = models.DecimalField(
        _("skor minimal potensi tinggi"), max_digits=5, decimal_places=2,
        default=rules.BATAS_TINGGI_BAWAAN, validators=SKOR,
    )  # fmt: skip

    history = HistoricalRecords()
    objects = WilayahQS.as_manager()

    class Meta:
        verbose_name = _("pengaturan talenta")
        verbose_name_plural = _("pengaturan talenta")
        constraints = [
            models.CheckConstraint(
                condition=Q(batas_menengah__lt=models.F("batas_tinggi")),
                name="pengaturantalenta_batas_naik",
                violation_error_message=_(
                    "Skor minimal menengah harus di bawah skor minimal tinggi."
                ),
            ),
        ]

    def __str__(self) -> str:
        return str(self.wilayah)


class HasilPotensiQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"


class HasilPotensi(TimeStampedModel):
    class Sumber(models.TextChoices):
        ASSESSMENT_CENTER = "assessment_center", _("Assessment center")
        UJI_KOMPETENSI = "uji_kompetensi", _("Uji kompetensi")
        PENILAIAN_ATASAN = "penilaian_atasan", _("Penilaian atasan")

    Level = Level

    wilayah = models.ForeignKey(
        "organisasi.Wilayah", on_delete=models.PROTECT, related_name="+", verbose_name=_("wilayah")
    )
    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.CASCADE,
        related_name="hasil_potensi_set",
        verbose_name=_("pegawai"),
    )
    sumber = models.CharField(_("sumber"), max_length=20, choices=Sumber.choices)
    tanggal = models.DateField(_("tanggal asesmen"))
    skor = models.DecimalField(_("skor (0-100)"), max_digits=5, decimal_places=2, validators=SKOR)
    level = models.CharField(_("level potensi"), max_length=10, choices=Level.choices)
    catatan = models.TextField(_("catatan"), max_length=1000, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dicatat oleh"),
    )

    objects = HasilPotensiQuerySet.as_manager()

    class Meta:
        ordering = ("-tanggal", "-id")
        verbose_name = _("hasil potensi")
        verbose_name_plural = _("hasil potensi")
        indexes = [models.Index(fields=["pegawai", "-tanggal", "-id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(skor__gte=0) & Q(skor__lte=100),
                name="hasilpotensi_skor_0_100",
                violation_error_message=_("Skor potensi harus antara 0 dan 100."),
            ),
            models.UniqueConstraint(
                fields=["pegawai", "sumber", "tanggal"],
                name="hasilpotensi_satu_per_sumber_tanggal",
                violation_error_message=_(
                    "Hasil potensi pegawai ini dari sumber dan tanggal yang sama sudah tercatat."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} {self.tanggal:%d/%m/%Y} {self.get_level_display()}"


class ImporPotensi(TimeStampedModel):
    """One uploaded Excel file of potential results: its checked rows with per-row errors
    (the preview), then the result. All rows are saved in one transaction or none
    (`kinerja.talenta.impor`)."""

    class Status(models.TextChoices):
        PRATINJAU = "pratinjau", _("Pratinjau")
        DIIMPOR = "diimpor", _("Diimpor")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    wilayah = models.ForeignKey(
        "organisasi.Wilayah", on_delete=models.CASCADE, related_name="+", verbose_name=_("wilayah")
    )
    nama_file = models.CharField(_("nama file"), max_length=255)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PRATINJAU
    )
    baris = models.JSONField(_("baris"), default=list, blank=True)
    jumlah_baris = models.PositiveIntegerField(_("jumlah baris"), default=0)
    jumlah_galat = models.PositiveIntegerField(_("baris bermasalah"), default=0)
    jumlah_dibuat = models.PositiveIntegerField(_("hasil dibuat"), default=0)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diunggah oleh"),
    )
    diimpor_pada = models.DateTimeField(_("diimpor pada"), null=True, blank=True)

    objects = WilayahQS.as_manager()

    class Meta:
        ordering = ("-created_at", "-pk")
        verbose_name = _("impor hasil potensi")
        verbose_name_plural = _("impor hasil potensi")

    def __str__(self) -> str:
        return self.nama_file

    def get_absolute_url(self) -> str:
        return reverse("talenta:imporpotensi_detail", args=[self.pk])


class Kalibrasi(TimeStampedModel):
    """The 9-box year of one wilayah."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DIKALIBRASI = "dikalibrasi", _("Dikalibrasi")
        DIKUNCI = "dikunci", _("Dikunci (final)")

    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        related_name="kalibrasi_talenta_set",
        verbose_name=_("wilayah"),
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAF
    )
    dikunci_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dikunci oleh"),
    )
    dikunci_pada = models.DateTimeField(_("dikunci pada"), null=True, blank=True)

    objects = WilayahQS.as_manager()

    class Meta:
        ordering = ("-tahun",)
        verbose_name = _("kalibrasi 9-box")
        verbose_name_plural = _("kalibrasi 9-box")
        constraints = [
            models.UniqueConstraint(
                fields=["wilayah", "tahun"],
                name="kalibrasi_satu_per_wilayah_tahun",
                violation_error_message=_("Kalibrasi tahun ini sudah ada untuk wilayah ini."),
            ),
            models.CheckConstraint(
                condition=~Q(status="dikunci") | Q(dikunci_pada__isnull=False),
                name="kalibrasi_dikunci_ada_tanggal",
            ),
        ]

    def __str__(self) -> str:
        return _("Kalibrasi 9-box %(tahun)s %(wilayah)s") % {
            "tahun": self.tahun,
            "wilayah": self.wilayah,
        }

    def get_absolute_url(self) -> str:
        return reverse("talenta:kalibrasi_detail", args=[self.pk])

    @property
    def terkunci(self) -> bool:
        return self.status == self.Status.DIKUNCI


class KoreksiKotakQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "kalibrasi__wilayah"


class KoreksiKotak(TimeStampedModel):
    """An override of one employee's computed box in a calibration (note required)."""

    kalibrasi = models.ForeignKey(
        Kalibrasi, on_delete=models.CASCADE, related_name="koreksi_set", verbose_name=_("kalibrasi")
    )
    pegawai = models.ForeignKey(
        "pegawai.Pegawai", on_delete=models.CASCADE, related_name="+", verbose_name=_("pegawai")
    )
    kotak_asli = models.PositiveSmallIntegerField(_("kotak hasil hitung"), validators=KOTAK_VALID)
    kotak_baru = models.PositiveSmallIntegerField(
        _("kotak setelah kalibrasi"), validators=KOTAK_VALID
    )
    catatan = models.TextField(_("catatan kalibrasi"))
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("oleh"),
    )

    history = HistoricalRecords()
    objects = KoreksiKotakQuerySet.as_manager()

    class Meta:
        verbose_name = _("koreksi kotak")
        verbose_name_plural = _("koreksi kotak")
        constraints = [
            models.UniqueConstraint(
                fields=["kalibrasi", "pegawai"], name="koreksikotak_satu_per_pegawai"
            ),
            models.CheckConstraint(
                condition=Q(
                    kotak_asli__gte=1, kotak_asli__lte=9, kotak_baru__gte=1, kotak_baru__lte=9
                )
                & ~Q(catatan=""),
                name="koreksikotak_valid",
                violation_error_message=_("Kotak 1-9 dan catatan wajib diisi."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai}: {self.kotak_asli} -> {self.kotak_baru}"


class PosisiKunci(TimeStampedModel):
    """A key position (JPT or Administrator) chosen by HR for succession planning."""

    wilayah = models.ForeignKey(
        "organisasi.Wilayah", on_delete=models.PROTECT, related_name="+", verbose_name=_("wilayah")
    )
    jabatan = models.OneToOneField(
        "organisasi.Jabatan",
        on_delete=models.CASCADE,
        related_name="posisi_kunci",
        verbose_name=_("jabatan"),
    )
    ditandai_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ditandai oleh"),
    )

    objects = WilayahQS.as_manager()

    class Meta:
        ordering = ("jabatan__nama", "pk")
        verbose_name = _("posisi kunci")
        verbose_name_plural = _("posisi kunci")

    def __str__(self) -> str:
        return str(self.jabatan)

    def get_absolute_url(self) -> str:
        return reverse("talenta:posisikunci_detail", args=[self.pk])


class KandidatSuksesiQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "posisi__wilayah"


class KandidatSuksesi(TimeStampedModel):
    class Kesiapan(models.TextChoices):
        SIAP_SEKARANG = "siap_sekarang", _("Siap sekarang")
        SATU_DUA_TAHUN = "1_2_tahun", _("Siap 1-2 tahun")
        TIGA_TAHUN = "3_tahun", _("Siap 3+ tahun")

    posisi = models.ForeignKey(
        PosisiKunci, on_delete=models.CASCADE, related_name="kandidat_set", verbose_name=_("posisi")
    )
    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.CASCADE,
        related_name="kandidat_suksesi_set",
        verbose_name=_("pegawai"),
    )
    kesiapan = models.CharField(_("kesiapan"), max_length=15, choices=Kesiapan.choices)
    skor = models.PositiveSmallIntegerField(_("skor penempatan saat dipilih"), default=0)

    history = HistoricalRecords()
    objects = KandidatSuksesiQuerySet.as_manager()

    class Meta:
        ordering = ("-skor", "pk")
        verbose_name = _("kandidat suksesi")
        verbose_name_plural = _("kandidat suksesi")
        constraints = [
            models.UniqueConstraint(fields=["posisi", "pegawai"], name="kandidat_satu_per_posisi")
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} -> {self.posisi}"
