"""Per-user API tokens. Our own small model rather than `rest_framework.authtoken`: that one
keeps the key in clear text (a copy of the table is a copy of every account) and allows one
token per user; here only a SHA-256 hash is stored, the key is shown once when it is made,
a user may hold a few (one per device, named), and revoking keeps the row (who, when) for
the HR page instead of deleting it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from asn_kinerja.models import TimeStampedModel
from asn_kinerja.querysets import WilayahScopedQuerySet


class TokenAPIQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "pengguna__wilayah"

    def aktif(self) -> TokenAPIQuerySet:
        return self.filter(dicabut_pada__isnull=True)


class TokenAPI(TimeStampedModel):
    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="token_api_set",
        verbose_name=_("pengguna"),
    )  # fmt: skip
    nama = models.CharField(_("nama"), max_length=60)
    #: The first characters of the key, to recognise a token in lists (not secret enough to use).
    awalan = models.CharField(_("awalan"), max_length=8)
    #: SHA-256 (hex) of the key.
    hash_kunci = models.CharField(_("hash kunci"), max_length=64, unique=True)
    terakhir_dipakai = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    dicabut_pada = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    dicabut_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("dicabut oleh"),
    )  # fmt: skip

    objects = TokenAPIQuerySet.as_manager()

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["pengguna", "dicabut_pada"], name="tokenapi_pengguna_aktif")
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.awalan}…)"

    @property
    def aktif(self) -> bool:
        return self.dicabut_pada is None
