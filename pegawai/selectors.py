"""Reads of employee data. Every selector starts from `visible_to(actor)`."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from organisasi.models import UnitKerja

from .models import Pegawai


def pegawai_list(*, actor: Any) -> QuerySet[Pegawai]:
    """Employees the actor may see: HR and pimpinan daerah their wilayah, a section head the
    subtree of the unit they head, an employee only themself."""
    qs = Pegawai.objects.visible_to(actor)
    if actor.is_admin_nasional or actor.is_admin_kepegawaian or actor.is_pimpinan_daerah:
        return qs
    sendiri = pegawai_dari_pengguna(actor)
    if sendiri is None:
        return qs.none()
    if sendiri.jabatan_id and sendiri.jabatan.is_kepala:
        return qs.di_subtree(sendiri.unit)
    return qs.filter(pk=sendiri.pk)


def pegawai_dari_pengguna(user: Any) -> Pegawai | None:
    """The employee record of a user (cached on the user object for the request)."""
    if not user.is_authenticated:
        return None
    if not hasattr(user, "_pegawai_cache"):
        user._pegawai_cache = (
            Pegawai.objects.select_related("jabatan", "unit", "wilayah")
            .filter(pengguna=user)
            .first()
        )
    return user._pegawai_cache


def kepala_unit(unit: UnitKerja) -> Pegawai | None:
    return (
        Pegawai.objects.aktif()
        .filter(jabatan__unit=unit, jabatan__is_kepala=True, jabatan__aktif=True)
        .select_related("jabatan", "unit")
        .first()
    )


def pejabat_penilai(pegawai: Pegawai) -> Pegawai | None:
    """The direct superior (DOMAIN.md section 3): the holder of the head position of the
    person's own unit, or of the unit above for a unit head. A vacant head position passes
    the role to the next holder up the tree. One query."""
    unit = pegawai.unit
    ids = [int(p) for p in unit.path.strip("/").split("/") if p]
    if pegawai.jabatan_id and pegawai.jabatan.is_kepala and pegawai.jabatan.unit_id == unit.pk:
        ids = ids[:-1]
    if not ids:
        return None
    return (
        Pegawai.objects.aktif()
        .filter(jabatan__is_kepala=True, jabatan__aktif=True, jabatan__unit_id__in=ids)
        .exclude(pk=pegawai.pk)
        .select_related("jabatan", "unit")
        .order_by("-unit__depth", "pk")
        .first()
    )


def atasan_pejabat_penilai(pegawai: Pegawai) -> Pegawai | None:
    penilai = pejabat_penilai(pegawai)
    return pejabat_penilai(penilai) if penilai else None


def bawahan_langsung(atasan: Pegawai) -> QuerySet[Pegawai]:
    """People whose pejabat penilai is `atasan`: the staff of the unit they head and the heads
    of its direct sub-units (and the staff of a direct sub-unit whose head is vacant)."""
    if not (atasan.jabatan_id and atasan.jabatan.is_kepala):
        return Pegawai.objects.none()
    unit = atasan.unit
    anak_berkepala = Pegawai.objects.aktif().filter(
        unit__parent=unit, jabatan__is_kepala=True, jabatan__aktif=True
    )
    anak_tanpa_kepala = (
        UnitKerja.objects.filter(parent=unit)
        .exclude(pk__in=anak_berkepala.values("unit_id"))
        .values("pk")
    )
    return (
        Pegawai.objects.aktif()
        .filter(
            Q(unit=unit)
            | Q(unit__parent=unit, jabatan__is_kepala=True)
            | Q(unit__in=anak_tanpa_kepala)
        )
        .exclude(pk=atasan.pk)
    )


def is_atasan(user: Any) -> bool:
    p = pegawai_dari_pengguna(user)
    return bool(p and p.jabatan_id and p.jabatan.is_kepala)
