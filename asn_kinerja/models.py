"""Shared abstract models and the heartbeat row written by the periodic task."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
