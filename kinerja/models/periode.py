"""Performance years, their evaluation windows and the units' performance agreements."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asn_kinerja.models import TimeStampedModel

from ..choices import Granularitas, Perspektif, StatusPeriode
from ..querysets import (
    PeriodeKinerjaQuerySet,
    PeriodePenilaianQuerySet,
    UnitTargetQuerySet,
)
from ..rules import jendela_penilaian
from .base import cek_pilihan


class PeriodeKinerja(TimeStampedModel):
    """A performance year of a wilayah, with the rule settings that hold for it (DOMAIN.md
    marks them configurable). A service creates it with defaults copied from the wilayah
    (e.g. `Wilayah.hari_keberatan`), so later changes of the wilayah's settings do not
    rewrite a year already running."""

    Granularitas = Granularitas
    Status = StatusPeriode

    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        related_name="periode_kinerja_set",
        verbose_name=_("wilayah"),
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    granularitas = models.CharField(
        _("granularitas evaluasi periodik"),
        max_length=12,
        choices=Granularitas.choices,
        default=Granularitas.BULANAN,
    )
    status = models.CharField(
        _("status"),
        max_length=5,
        choices=StatusPeriode.choices,
        default=StatusPeriode.BUKA,
    )
    batas_hari_keberatan = models.PositiveSmallIntegerField(
        _("batas hari keberatan"),
        default=14,
        validators=[MinValueValidator(1)],
        help_text=_("Jumlah hari pegawai dapat mengajukan keberatan atas hasil penilaian."),
    )
    aturan_pembulatan_kecil = models.BooleanField(
        _("pembulatan unit kecil menguntungkan pegawai"),
        default=True,
        help_text=_(
            "Pada unit kecil, batas maksimal predikat baik dibulatkan ke atas dan batas "
            "minimal predikat rendah dibulatkan ke bawah."
        ),
    )

    objects = PeriodeKinerjaQuerySet.as_manager()

    class Meta:
        ordering = ("-tahun",)
        verbose_name = _("periode kinerja")
        verbose_name_plural = _("periode kinerja")
        constraints = (
            models.UniqueConstraint(
                fields=["wilayah", "tahun"],
                name="periodekinerja_unik_wilayah_tahun",
                violation_error_message=_("Periode kinerja tahun ini sudah ada di wilayah ini."),
            ),
            models.CheckConstraint(
                condition=Q(tahun__gte=2000, tahun__lte=2100),
                name="periodekinerja_tahun_wajar",
            ),
            models.CheckConstraint(
                condition=Q(batas_hari_keberatan__gte=1),
                name="periodekinerja_batas_keberatan_positif",
            ),
            cek_pilihan("periodekinerja", "granularitas", Granularitas),
            cek_pilihan("periodekinerja", "status", StatusPeriode),
        )

    def __str__(self) -> str:
        return _("Periode kinerja %(tahun)s") % {"tahun": self.tahun}

    def get_absolute_url(self) -> str:
        return reverse("kinerja:periode_detail", args=[self.pk])

    def susun_periode_penilaian(self) -> list[PeriodePenilaian]:
        """The evaluation windows of this year for its granularity, in order, UNSAVED (a
        service bulk-creates them). Pure: no query."""
        return [
            PeriodePenilaian(
                periode_kinerja=self,
                nomor=j.nomor,
                nama=j.nama,
                tanggal_mulai=j.tanggal_mulai,
                tanggal_selesai=j.tanggal_selesai,
                status=StatusPeriode.BUKA,
            )
            for j in jendela_penilaian(self.tahun, self.granularitas)
        ]


class PeriodePenilaian(TimeStampedModel):
    """One periodic evaluation window of a performance year ("Januari 2026",
    "Triwulan I 2026")."""

    Status = StatusPeriode

    periode_kinerja = models.ForeignKey(
        PeriodeKinerja,
        on_delete=models.CASCADE,
        related_name="periode_penilaian",
        verbose_name=_("periode kinerja"),
    )
    nomor = models.PositiveSmallIntegerField(_("nomor"), validators=[MinValueValidator(1)])
    nama = models.CharField(_("nama"), max_length=50)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    status = models.CharField(
        _("status"),
        max_length=5,
        choices=StatusPeriode.choices,
        default=StatusPeriode.BUKA,
    )

    objects = PeriodePenilaianQuerySet.as_manager()

    class Meta:
        ordering = ("tanggal_mulai", "nomor")
        verbose_name = _("periode penilaian")
        verbose_name_plural = _("periode penilaian")
        constraints = (
            models.UniqueConstraint(
                fields=["periode_kinerja", "nomor"],
                name="periodepenilaian_unik_nomor",
                violation_error_message=_("Nomor periode penilaian sudah dipakai tahun ini."),
            ),
            models.CheckConstraint(
                condition=Q(tanggal_mulai__lte=F("tanggal_selesai")),
                name="periodepenilaian_mulai_sebelum_selesai",
                violation_error_message=_("Tanggal mulai harus sebelum tanggal selesai."),
            ),
            models.CheckConstraint(
                condition=Q(nomor__gte=1), name="periodepenilaian_nomor_positif"
            ),
            cek_pilihan("periodepenilaian", "status", StatusPeriode),
        )

    def __str__(self) -> str:
        return self.nama


class TargetUnit(TimeStampedModel):
    """One line of a unit's perjanjian kinerja for a year: the source of a JPT's RHK."""

    Perspektif = Perspektif

    periode_kinerja = models.ForeignKey(
        PeriodeKinerja,
        on_delete=models.PROTECT,
        related_name="target_unit_set",
        verbose_name=_("periode kinerja"),
    )
    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.PROTECT,
        related_name="target_unit_set",
        verbose_name=_("unit kerja"),
    )
    sasaran = models.TextField(_("sasaran strategis"))
    indikator = models.TextField(_("indikator kinerja"))
    target = models.TextField(_("target"))
    perspektif = models.CharField(
        _("perspektif"), max_length=20, choices=Perspektif.choices, blank=True
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    objects = UnitTargetQuerySet.as_manager()

    class Meta:
        ordering = ("periode_kinerja_id", "unit_id", "urutan", "id")
        verbose_name = _("target unit (perjanjian kinerja)")
        verbose_name_plural = _("target unit (perjanjian kinerja)")
        indexes = (models.Index(fields=["unit", "periode_kinerja", "urutan"]),)
        constraints = (cek_pilihan("targetunit", "perspektif", Perspektif, boleh_kosong=True),)

    def __str__(self) -> str:
        return self.sasaran[:80]

    def clean(self) -> None:
        super().clean()
        if (
            self.unit_id
            and self.periode_kinerja_id
            and self.unit.wilayah_id != self.periode_kinerja.wilayah_id
        ):
            raise ValidationError({"unit": _("Unit kerja harus berada di wilayah periode ini.")})
