"""Employee master data. Histories, leave and the rest grow beside these models."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asn_kinerja.models import TimeStampedModel
from organisasi.choices import TingkatPendidikan

from ..choices import (
    GOLONGAN_CHOICES,
    PANGKAT,
    JenisKelamin,
    StatusAktif,
    StatusKehadiran,
    StatusKepegawaian,
)
from ..querysets import KehadiranQuerySet, PegawaiQuerySet
from ..validators import validasi_nip


class Pegawai(TimeStampedModel):
    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        related_name="pegawai_set",
        verbose_name=_("wilayah"),
    )
    pengguna = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pegawai",
        verbose_name=_("akun pengguna"),
    )
    nip = models.CharField(_("NIP"), max_length=18, unique=True)
    nama = models.CharField(_("nama"), max_length=150, db_index=True)
    gelar_depan = models.CharField(_("gelar depan"), max_length=30, blank=True)
    gelar_belakang = models.CharField(_("gelar belakang"), max_length=50, blank=True)
    tempat_lahir = models.CharField(_("tempat lahir"), max_length=100, blank=True)
    tanggal_lahir = models.DateField(_("tanggal lahir"))
    jenis_kelamin = models.CharField(_("jenis kelamin"), max_length=1, choices=JenisKelamin.choices)
    status_kepegawaian = models.CharField(
        _("status kepegawaian"),
        max_length=5,
        choices=StatusKepegawaian.choices,
        default=StatusKepegawaian.PNS,
    )
    golongan = models.CharField(_("golongan"), max_length=10, choices=GOLONGAN_CHOICES, blank=True)
    tmt_golongan = models.DateField(_("TMT golongan"), null=True, blank=True)
    tmt_cpns = models.DateField(_("TMT CPNS/PPPK"), null=True, blank=True)
    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.PROTECT,
        related_name="pegawai_set",
        verbose_name=_("unit kerja"),
    )
    jabatan = models.ForeignKey(
        "organisasi.Jabatan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pemangku_set",
        verbose_name=_("jabatan"),
    )
    tmt_jabatan = models.DateField(_("TMT jabatan"), null=True, blank=True)
    status_aktif = models.CharField(
        _("status"), max_length=10, choices=StatusAktif.choices, default=StatusAktif.AKTIF
    )
    # Latest education, denormalised from the education history for filters and placement.
    pendidikan_terakhir = models.CharField(
        _("pendidikan terakhir"), max_length=5, choices=TingkatPendidikan.choices, blank=True
    )
    bidang_pendidikan = models.CharField(_("bidang pendidikan"), max_length=100, blank=True)
    email = models.EmailField(_("email"), blank=True)
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    alamat = models.CharField(_("alamat"), max_length=255, blank=True)
    foto = models.ImageField(_("foto"), upload_to="pegawai/foto/", blank=True)

    history = HistoricalRecords(excluded_fields=["foto"])
    objects = PegawaiQuerySet.as_manager()

    class Meta:
        ordering = ["nama"]
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        indexes = [
            models.Index(fields=["wilayah", "nama"]),
            # Name search: trigram GIN indexes on UPPER(nama) and UPPER(gelar_belakang) are
            # created by migration 0005 in SQL (Django renders OpClass inside GinIndex with
            # an extra pair of parentheses, which PostgreSQL refuses).
            # Covers the headcount by status (home page, dashboards): an index-only count.
            models.Index(
                fields=["wilayah", "status_aktif", "status_kepegawaian"],
                name="pegawai_wilayah_status_idx",
            ),
            models.Index(fields=["unit", "status_aktif"]),
            models.Index(fields=["wilayah", "golongan"], name="pegawai_wilayah_golongan_idx"),
            models.Index(
                fields=["wilayah", "pendidikan_terakhir"], name="pegawai_wilayah_pendidikan_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nip__regex=r"^[0-9]{18}$"),
                name="pegawai_nip_18_digit",
                violation_error_message=_("NIP harus 18 digit angka."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama_lengkap} ({self.nip})"

    def get_absolute_url(self) -> str:
        return reverse("pegawai:pegawai_detail", args=[self.pk])

    @property
    def nama_lengkap(self) -> str:
        depan = f"{self.gelar_depan} " if self.gelar_depan else ""
        belakang = f", {self.gelar_belakang}" if self.gelar_belakang else ""
        return f"{depan}{self.nama}{belakang}"

    @property
    def pangkat(self) -> str:
        return PANGKAT.get(self.golongan, "")

    @property
    def pangkat_golongan(self) -> str:
        if not self.golongan:
            return ""
        return f"{self.pangkat} ({self.golongan})" if self.pangkat else self.get_golongan_display()

    def clean(self) -> None:
        super().clean()
        if self.nip:
            try:
                validasi_nip(
                    self.nip,
                    pppk=self.status_kepegawaian == StatusKepegawaian.PPPK,
                    tanggal_lahir=self.tanggal_lahir,
                    jenis_kelamin=self.jenis_kelamin,
                )
            except ValidationError as e:  # shown under the NIP field of forms
                raise ValidationError({"nip": e.messages}) from None
        if self.unit_id and self.wilayah_id and self.unit.wilayah_id != self.wilayah_id:
            raise ValidationError({"unit": _("Unit kerja harus berada di wilayah pegawai.")})
        if self.jabatan_id and self.unit_id and self.jabatan.unit_id != self.unit_id:
            raise ValidationError({"jabatan": _("Jabatan harus berada di unit kerja pegawai.")})
        golongan_pppk = self.golongan.startswith("PPPK-") if self.golongan else None
        is_pppk = self.status_kepegawaian == StatusKepegawaian.PPPK
        if golongan_pppk is not None and golongan_pppk != is_pppk:
            raise ValidationError(
                {"golongan": _("Golongan tidak sesuai dengan status kepegawaian.")}
            )


class Kehadiran(TimeStampedModel):
    """One working day of one employee. Times are stored in UTC; lateness is computed in the
    wilayah's zone against its working hours (see services)."""

    pegawai = models.ForeignKey(
        Pegawai, on_delete=models.CASCADE, related_name="kehadiran_set", verbose_name=_("pegawai")
    )
    tanggal = models.DateField(_("tanggal"))
    jam_masuk = models.DateTimeField(_("jam masuk"), null=True, blank=True)
    jam_pulang = models.DateTimeField(_("jam pulang"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=15, choices=StatusKehadiran.choices)
    menit_terlambat = models.PositiveIntegerField(_("menit terlambat"), default=0)
    menit_pulang_cepat = models.PositiveIntegerField(_("menit pulang cepat"), default=0)
    keterangan = models.CharField(_("keterangan"), max_length=255, blank=True)
    sumber = models.CharField(_("sumber"), max_length=20, default="manual")

    objects = KehadiranQuerySet.as_manager()

    class Meta:
        ordering = ["-tanggal"]
        verbose_name = _("kehadiran")
        verbose_name_plural = _("kehadiran")
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "tanggal"], name="kehadiran_satu_per_hari")
        ]
        indexes = [models.Index(fields=["tanggal", "status"])]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.tanggal} {self.status}"


def umur(tanggal_lahir: dt.date, pada: dt.date) -> int:
    return (
        pada.year
        - tanggal_lahir.year
        - ((pada.month, pada.day) < (tanggal_lahir.month, tanggal_lahir.day))
    )
