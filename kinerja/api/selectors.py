"""Reads of the API tokens. Every list starts from `visible_to(actor)`."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from organisasi import peran

from .models import TokenAPI

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def hash_kunci(kunci: str) -> str:
    return hashlib.sha256(kunci.encode()).hexdigest()


def token_saya(*, actor: Pengguna) -> QuerySet[TokenAPI]:
    """The actor's own tokens (active and revoked), newest first. A national admin has no
    wilayah, so their own tokens are asked by owner, not by region."""
    if not getattr(actor, "is_authenticated", False):
        return TokenAPI.objects.none()
    return TokenAPI.objects.filter(pengguna=actor).select_related("dicabut_oleh")


def token_wilayah(*, actor: Pengguna, q: str = "", aktif: bool | None = None) -> QuerySet[TokenAPI]:
    """Tokens of the users of the actor's wilayah, for HR (`peran.is_hr`); nothing for
    anyone else."""
    if not peran.is_hr(actor):
        return TokenAPI.objects.none()
    qs = TokenAPI.objects.visible_to(actor).select_related("pengguna", "dicabut_oleh")
    if q:
        qs = qs.filter(Q(pengguna__username__icontains=q) | Q(pengguna__first_name__icontains=q))
    if aktif is True:
        qs = qs.aktif()
    elif aktif is False:
        qs = qs.filter(dicabut_pada__isnull=False)
    return qs.order_by("pengguna__username", "-created_at", "-pk")


def token_boleh_dicabut(*, actor: Pengguna) -> QuerySet[TokenAPI]:
    """Tokens the actor may revoke: their own and, for HR, those of their wilayah's users.
    The revoke page looks the token up here, so another wilayah's token is a 404."""
    sendiri = token_saya(actor=actor)
    if peran.is_hr(actor):
        return (sendiri | TokenAPI.objects.visible_to(actor)).distinct()
    return sendiri


def token_dari_kunci(kunci: str) -> TokenAPI | None:
    """The active token whose key is `kunci`, with its user (authentication, one query)."""
    if not kunci:
        return None
    return (
        TokenAPI.objects.aktif()
        .select_related("pengguna__wilayah")
        .filter(hash_kunci=hash_kunci(kunci))
        .first()
    )
