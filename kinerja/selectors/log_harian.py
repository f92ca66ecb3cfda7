"""Reads of daily logs: the employee's own, and those a superior verifies."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from kinerja.models import LogHarian, RencanaHasilKerja
from organisasi import peran
from pegawai.selectors import bawahan_langsung, pegawai_dari_pengguna

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def log_visible(*, actor: Pengguna) -> QuerySet[LogHarian]:
    """Own logs, the logs of one's direct subordinates, and the wilayah's for HR."""
    qs = LogHarian.objects.visible_to(actor)
    if peran.is_hr(actor):
        return qs
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return qs.none()
    return qs.filter(Q(pegawai=saya) | Q(pegawai__in=bawahan_langsung(saya).values("pk")))


def log_list(
    *,
    actor: Pengguna,
    lingkup: str = "saya",
    status: str = "",
    dari: dt.date | None = None,
    sampai: dt.date | None = None,
    q: str = "",
) -> QuerySet[LogHarian]:
    """`lingkup` "saya" (own) or "bawahan" (direct subordinates', to verify)."""
    qs = log_visible(actor=actor)
    saya = pegawai_dari_pengguna(actor)
    if lingkup == "bawahan":
        qs = qs.exclude(pegawai=saya) if saya else qs
    else:
        qs = qs.filter(pegawai=saya) if saya else qs.none()
    if status:
        qs = qs.filter(status=status)
    if dari:
        qs = qs.filter(tanggal__gte=dari)
    if sampai:
        qs = qs.filter(tanggal__lte=sampai)
    if q:
        qs = qs.filter(
            Q(kegiatan__icontains=q) | Q(output__icontains=q) | Q(pegawai__nama__icontains=q)
        )
    return qs.select_related("pegawai", "rhk", "diverifikasi_oleh")


def rhk_untuk_log(*, actor: Pengguna) -> QuerySet[RencanaHasilKerja]:
    """RHK the actor may link a log to: those of their own SKP (any open year)."""
    saya = pegawai_dari_pengguna(actor)
    if saya is None:
        return RencanaHasilKerja.objects.none()
    return (
        RencanaHasilKerja.objects.visible_to(actor)
        .filter(skp__pegawai=saya, skp__periode_kinerja__status="buka")
        .select_related("skp__periode_kinerja")
        .order_by("-skp__periode_kinerja__tahun", "urutan", "id")
    )
