"""Reads of continuous feedback notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from kinerja.models import UmpanBalik
from pegawai.models import Pegawai
from pegawai.selectors import bawahan_langsung, pegawai_dari_pengguna, pejabat_penilai

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def umpan_balik_list(*, actor: Pengguna, jenis: str = "", arah: str = "") -> QuerySet[UmpanBalik]:
    """Notes the actor sent or received. `arah`: "masuk", "keluar" or both."""
    saya = pegawai_dari_pengguna(actor)
    qs = UmpanBalik.objects.visible_to(actor)
    if saya is None:
        return qs.none()
    if arah == "masuk":
        qs = qs.filter(kepada=saya)
    elif arah == "keluar":
        qs = qs.filter(dari=saya)
    else:
        qs = qs.filter(Q(kepada=saya) | Q(dari=saya))
    if jenis:
        qs = qs.filter(jenis=jenis)
    return qs.select_related("dari", "kepada", "skp__periode_kinerja")


def lawan_dialog(*, actor: Pengguna) -> QuerySet[Pegawai]:
    """Who the actor may write to: their pejabat penilai and their direct subordinates."""
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return Pegawai.objects.none()
    atasan = pejabat_penilai(saya)
    ids = list(bawahan_langsung(saya).values_list("pk", flat=True))
    if atasan is not None:
        ids.append(atasan.pk)
    return Pegawai.objects.visible_to(actor).filter(pk__in=ids).order_by("nama")
