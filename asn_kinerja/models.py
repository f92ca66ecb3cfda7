"""The ground floor's models: shared abstract models, the heartbeat row written by the
periodic task, and the two tables every app writes to: `TransisiStatus` (the log of every
status change, written by `asn_kinerja.workflow`) and `Notifikasi` (in-app notifications,
created by `asn_kinerja.notifikasi`). Both moved here from kinerja (issue 16) and keep
their tables (`kinerja_transisistatus`, `kinerja_notifikasi`)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .querysets import NotifikasiQuerySet, TransisiStatusQuerySet


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah pada"), auto_now=True)

    class Meta:
        abstract = True


class Heartbeat(models.Model):
    """One row per worker process name, touched by the `heartbeat` beat task: proves that
    Redis, the worker and beat are alive (shown in admin and on the HR dashboard)."""

    nama = models.CharField(_("nama"), max_length=50, unique=True)
    terakhir = models.DateTimeField(_("terakhir berdetak"))
    jumlah = models.PositiveBigIntegerField(_("jumlah detak"), default=0)

    class Meta:
        verbose_name = _("detak sistem")
        verbose_name_plural = _("detak sistem")

    def __str__(self) -> str:
        return f"{self.nama} @ {self.terakhir:%Y-%m-%d %H:%M:%S}"


class TransisiStatus(TimeStampedModel):
    """THE log of status changes (SKP, periodic and annual evaluations, objections, daily
    logs, leave, periods, development plans, talent calibration): who (`oleh`), when (`created_at`), from (`dari`, empty for a creation), to (`ke`)
    and the note. Written only by the workflow; rows are never edited.

    Deliberately no GenericRelation on the logged models: deleting an object (e.g. a draft
    SKP) leaves its log in place for audit. Read an object's log with
    `TransisiStatus.objects.untuk(obj)`. `wilayah` is copied from the object for scoping.
    `dari == ke` marks an in-place step (a re-rating: the status stays, the note says what
    changed); the engine allows it only for transitions declared `tetap=True`.
    """

    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("jenis objek"),
    )
    object_id = models.PositiveBigIntegerField(_("ID objek"))
    objek = GenericForeignKey("content_type", "object_id")
    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        related_name="transisi_status_set",
        verbose_name=_("wilayah"),
    )
    dari = models.CharField(_("dari status"), max_length=30, blank=True)
    ke = models.CharField(_("ke status"), max_length=30)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="transisi_status_set",
        verbose_name=_("oleh"),
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = TransisiStatusQuerySet.as_manager()

    class Meta:
        db_table = "kinerja_transisistatus"  # kept from kinerja (moved in issue 16)
        ordering = ("created_at", "id")
        verbose_name = _("transisi status")
        verbose_name_plural = _("transisi status")
        indexes = (models.Index(fields=["content_type", "object_id", "created_at"]),)
        constraints = (models.CheckConstraint(condition=~Q(ke=""), name="transisistatus_ke_wajib"),)

    def __str__(self) -> str:
        return f"{self.dari or '-'} \u2192 {self.ke}"


class Notifikasi(TimeStampedModel):
    """An in-app notification for one user. `wilayah` is null for national admins."""

    penerima = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifikasi_set",
        verbose_name=_("penerima"),
    )
    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notifikasi_set",
        verbose_name=_("wilayah"),
    )
    judul = models.CharField(_("judul"), max_length=200)
    pesan = models.TextField(_("pesan"), blank=True)
    tautan = models.CharField(_("tautan"), max_length=500, blank=True)
    dibaca_pada = models.DateTimeField(_("dibaca pada"), null=True, blank=True)

    objects = NotifikasiQuerySet.as_manager()

    class Meta:
        db_table = "kinerja_notifikasi"  # kept from kinerja (moved in issue 16)
        ordering = ("-created_at",)
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        indexes = (
            models.Index(fields=["penerima", "dibaca_pada"]),
            models.Index(fields=["penerima", "-created_at"]),
        )

    def __str__(self) -> str:
        return self.judul
