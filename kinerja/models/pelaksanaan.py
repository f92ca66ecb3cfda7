"""Pelaksanaan, pemantauan, pembinaan: daily logs, continuous feedback and coaching plans."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from asn_kinerja.models import TimeStampedModel

from ..choices import JenisUmpanBalik, StatusLogHarian, StatusPembinaan
from ..querysets import LogHarianQuerySet, RencanaPembinaanQuerySet, UmpanBalikQuerySet
from .base import cek_pilihan


class LogHarian(TimeStampedModel):
    """One activity of an employee's day, optionally tied to an RHK, verified by the
    superior. `wilayah` is denormalised from `pegawai.wilayah` at creation (scoping and the
    per-region daily recaps), like `SKP.wilayah`."""

    Status = StatusLogHarian

    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        related_name="log_harian_set",
        verbose_name=_("pegawai"),
    )
    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        related_name="log_harian_set",
        verbose_name=_("wilayah"),
    )
    tanggal = models.DateField(_("tanggal"))
    kegiatan = models.TextField(_("kegiatan"))
    output = models.CharField(_("output"), max_length=200, blank=True)
    volume = models.DecimalField(
        _("volume"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    satuan = models.CharField(_("satuan"), max_length=50, blank=True)
    rhk = models.ForeignKey(
        "kinerja.RencanaHasilKerja",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="log_harian_set",
        verbose_name=_("rencana hasil kerja"),
    )
    bukti = models.FileField(_("bukti"), upload_to="log-harian/%Y/%m/", max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DIAJUKAN
    )
    catatan_atasan = models.TextField(_("catatan atasan"), blank=True)
    diverifikasi_oleh = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="log_harian_diverifikasi_set",
        verbose_name=_("diverifikasi oleh"),
    )
    diverifikasi_pada = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)

    objects = LogHarianQuerySet.as_manager()

    class Meta:
        ordering = ("-tanggal", "-id")
        verbose_name = _("log harian")
        verbose_name_plural = _("log harian")
        indexes = (
            models.Index(fields=["pegawai", "tanggal"]),
            models.Index(fields=["wilayah", "tanggal"]),
            models.Index(fields=["status"]),
            # The head's inbox counts the submitted logs of their staff on every page (navbar):
            # a small partial index instead of filtering ~15% of all logs by status.
            models.Index(
                fields=["pegawai", "tanggal"],
                condition=Q(status="diajukan"),
                name="logharian_diajukan_idx",
            ),
        )
        constraints = (
            models.CheckConstraint(
                condition=Q(volume__isnull=True) | Q(volume__gte=0),
                name="logharian_volume_tidak_negatif",
                violation_error_message=_("Volume tidak boleh negatif."),
            ),
            cek_pilihan("logharian", "status", StatusLogHarian),
        )

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d} {self.kegiatan[:60]}"

    def clean(self) -> None:
        super().clean()
        if (
            self._state.adding
            and self.pegawai_id
            and self.wilayah_id
            and self.pegawai.wilayah_id != self.wilayah_id
        ):
            raise ValidationError({"wilayah": _("Wilayah harus sama dengan wilayah pegawai.")})
        if self.rhk_id and self.pegawai_id and self.rhk.skp.pegawai_id != self.pegawai_id:
            raise ValidationError({"rhk": _("RHK harus dari SKP pegawai ini.")})


class UmpanBalik(TimeStampedModel):
    """Continuous feedback (umpan balik berkelanjutan), dialog kinerja notes and coaching
    notes between two employees of a wilayah."""

    Jenis = JenisUmpanBalik

    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        related_name="umpan_balik_set",
        verbose_name=_("wilayah"),
    )
    dari = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        related_name="umpan_balik_terkirim_set",
        verbose_name=_("dari"),
    )
    kepada = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        related_name="umpan_balik_diterima_set",
        verbose_name=_("kepada"),
    )
    skp = models.ForeignKey(
        "kinerja.SKP",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="umpan_balik_set",
        verbose_name=_("SKP"),
    )
    jenis = models.CharField(
        _("jenis"), max_length=15, choices=Jenis.choices, default=Jenis.UMPAN_BALIK
    )
    teks = models.TextField(_("isi"))
    dibaca_pada = models.DateTimeField(_("dibaca pada"), null=True, blank=True)

    objects = UmpanBalikQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("umpan balik")
        verbose_name_plural = _("umpan balik")
        indexes = (
            models.Index(fields=["kepada", "dibaca_pada"]),
            models.Index(fields=["kepada", "-created_at"]),
            models.Index(fields=["dari", "-created_at"]),
        )
        constraints = (
            models.CheckConstraint(
                condition=~Q(dari=F("kepada")),
                name="umpanbalik_bukan_diri_sendiri",
                violation_error_message=_("Umpan balik tidak dapat ditujukan ke diri sendiri."),
            ),
            cek_pilihan("umpanbalik", "jenis", JenisUmpanBalik),
        )

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.teks[:60]}"


class RencanaPembinaan(TimeStampedModel):
    """A coaching plan for a low performer, usually after a poor periodic predikat. It
    belongs to the wilayah of its performance year (scoping goes through
    `periode_kinerja`)."""

    Status = StatusPembinaan

    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        related_name="rencana_pembinaan_set",
        verbose_name=_("pegawai"),
    )
    evaluasi = models.ForeignKey(
        "kinerja.EvaluasiPeriodik",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rencana_pembinaan_set",
        verbose_name=_("evaluasi"),
    )
    periode_kinerja = models.ForeignKey(
        "kinerja.PeriodeKinerja",
        on_delete=models.PROTECT,
        related_name="rencana_pembinaan_set",
        verbose_name=_("periode kinerja"),
    )
    rencana = models.TextField(_("rencana pembinaan"))
    target_waktu = models.DateField(_("target waktu"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DIRENCANAKAN
    )
    dibuat_oleh = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rencana_pembinaan_dibuat_set",
        verbose_name=_("dibuat oleh"),
    )

    objects = RencanaPembinaanQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at",)
        verbose_name = _("rencana pembinaan")
        verbose_name_plural = _("rencana pembinaan")
        indexes = (models.Index(fields=["pegawai", "status"]),)
        constraints = (cek_pilihan("rencanapembinaan", "status", StatusPembinaan),)

    def __str__(self) -> str:
        return self.rencana[:80]
