"""Writes of the API tokens: make one (the key is returned once and never stored), revoke
one (its owner, or HR of the owner's wilayah), mark it used."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisasi import peran

from .models import TokenAPI
from .selectors import hash_kunci

if TYPE_CHECKING:
    from organisasi.models import Pengguna

#: Active tokens one user may hold (one per device is plenty).
MAKS_TOKEN_AKTIF = 5
#: `terakhir_dipakai` is written at most this often per token (not one UPDATE per request).
JEDA_TANDAI = dt.timedelta(minutes=5)


@transaction.atomic
def token_buat(*, actor: Pengguna, nama: str) -> tuple[TokenAPI, str]:
    """A new token of the actor; returns it and its key (shown to the user once)."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        raise PermissionDenied(_("Masuk terlebih dahulu untuk membuat token."))
    nama = (nama or "").strip()
    if not nama:
        raise ValidationError({"nama": _("Beri nama token, misalnya nama perangkatnya.")})
    if len(nama) > 60:
        raise ValidationError({"nama": _("Nama token paling banyak 60 karakter.")})
    # Lock the user's row: two clicks at once cannot both pass the limit.
    get_user_model().objects.select_for_update().filter(pk=actor.pk).first()
    if TokenAPI.objects.filter(pengguna=actor).aktif().count() >= MAKS_TOKEN_AKTIF:
        raise ValidationError(
            _("Anda sudah punya %(n)s token aktif. Cabut salah satu terlebih dahulu.")
            % {"n": MAKS_TOKEN_AKTIF}
        )
    kunci = secrets.token_urlsafe(32)
    token = TokenAPI(pengguna=actor, nama=nama, awalan=kunci[:8], hash_kunci=hash_kunci(kunci))
    token.full_clean()
    token.save()
    return token, kunci


@transaction.atomic
def token_cabut(*, actor: Pengguna, token: TokenAPI) -> TokenAPI:
    """Revokes a token: its owner, or HR of the owner's wilayah (`peran.is_hr_wilayah`).
    Revoking twice is harmless."""
    token = TokenAPI.objects.select_for_update().select_related("pengguna").get(pk=token.pk)
    if token.pengguna_id != actor.pk and not (
        peran.is_hr(actor) and peran.is_hr_wilayah(actor, token.pengguna.wilayah_id)
    ):
        raise PermissionDenied(_("Anda tidak dapat mencabut token ini."))
    if token.dicabut_pada is None:
        token.dicabut_pada = timezone.now()
        token.dicabut_oleh = actor
        token.save(update_fields=["dicabut_pada", "dicabut_oleh", "updated_at"])
    return token


def token_tandai_dipakai(*, token: TokenAPI) -> None:
    """Records when the token was last used (at most every JEDA_TANDAI)."""
    sekarang = timezone.now()
    if token.terakhir_dipakai and sekarang - token.terakhir_dipakai < JEDA_TANDAI:
        return
    TokenAPI.objects.filter(pk=token.pk).update(terakhir_dipakai=sekarang)
    token.terakhir_dipakai = sekarang
