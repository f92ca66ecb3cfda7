"""Reads of in-app notifications: a user reads only their own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from asn_kinerja.models import Notifikasi

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def notifikasi_list(*, actor: Pengguna, hanya_belum_dibaca: bool = False) -> QuerySet[Notifikasi]:
    if not actor.is_authenticated:
        return Notifikasi.objects.none()
    qs = Notifikasi.objects.visible_to(actor).untuk(actor)
    if hanya_belum_dibaca:
        qs = qs.belum_dibaca()
    return qs.order_by("-created_at", "-id")


def notifikasi_belum_dibaca(*, actor: Pengguna) -> int:
    if not actor.is_authenticated:
        return 0
    return notifikasi_list(actor=actor, hanya_belum_dibaca=True).count()
