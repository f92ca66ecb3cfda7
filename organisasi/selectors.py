"""Reads of the organisation structure. Every selector starts from `visible_to(actor)`.

Who sees what (DOMAIN.md section 3):
- HR officers and national admins manage; pimpinan daerah read the whole wilayah;
- a section head (holder of an active head position) reads the subtree of the unit they head;
- every user of a wilayah may view its org chart (names of heads, headcounts), nothing more.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When

from .abk import STATUS_AKTIF_PEGAWAI, anotasi_abk, anotasi_unit, ringkasan_abk
from .models import Jabatan, KebutuhanKompetensi, Kompetensi, TugasJabatan, UnitKerja

if TYPE_CHECKING:
    from organisasi.models import Pengguna

BAGAN, BACA, KELOLA = "bagan", "baca", "kelola"


@dataclass(frozen=True)
class AksesOrganisasi:
    kelola: bool
    baca_semua: bool
    unit_kepala: UnitKerja | None
    bagan: bool

    @property
    def baca(self) -> bool:
        return self.baca_semua or self.unit_kepala is not None

    def boleh(self, tingkat: str) -> bool:
        return {BAGAN: self.bagan, BACA: self.baca, KELOLA: self.kelola}[tingkat]


def akses_organisasi(actor: Pengguna) -> AksesOrganisasi:
    """The actor's rights on the organisation pages (cached on the user for the request)."""
    cached = getattr(actor, "_akses_organisasi", None)
    if cached is not None:
        return cached
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        akses = AksesOrganisasi(False, False, None, False)
    else:
        kelola = actor.is_admin_kepegawaian
        baca_semua = kelola or actor.is_pimpinan_daerah
        unit_kepala = None
        if not baca_semua:
            jab = (
                Jabatan.objects.visible_to(actor)
                .filter(
                    is_kepala=True,
                    aktif=True,
                    pemangku_set__pengguna=actor,
                    pemangku_set__status_aktif=STATUS_AKTIF_PEGAWAI,
                )
                .select_related("unit")
                .first()
            )
            unit_kepala = jab.unit if jab else None
        bagan = actor.is_admin_nasional or actor.wilayah_id is not None
        akses = AksesOrganisasi(kelola, baca_semua, unit_kepala, bagan)
    actor._akses_organisasi = akses
    return akses


# --- units ----------------------------------------------------------------------------------


def unit_list(*, actor: Pengguna) -> QuerySet[UnitKerja]:
    """Units the actor may open (detail pages, filters): the wilayah for HR and pimpinan,
    the headed subtree for a section head, none for others."""
    qs = UnitKerja.objects.visible_to(actor)
    akses = akses_organisasi(actor)
    if akses.baca_semua:
        return qs
    if akses.unit_kepala is not None:
        return qs.subtree(akses.unit_kepala)
    return qs.none()


def _bagan_qs(actor: Pengguna) -> QuerySet[UnitKerja]:
    """Active units of the org chart (the whole wilayah for everyone in it), with a flag
    telling whether the actor may open the unit's page."""
    akses = akses_organisasi(actor)
    if not akses.bagan:
        return UnitKerja.objects.none()
    if akses.baca_semua:
        dapat = Value(True)
    elif akses.unit_kepala is not None:
        dapat = Case(
            When(path__startswith=akses.unit_kepala.path, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    else:
        dapat = Value(False)
    return (
        _unit_ringkasan()
        .visible_to(actor)
        .aktif()
        .annotate(dapat_dibuka=dapat)
        .order_by("urutan", "nama")
    )


@functools.cache
def _unit_ringkasan() -> QuerySet[UnitKerja]:
    """`anotasi_unit(UnitKerja.objects.all())`, built once per process (never evaluated: each
    use filters a clone). Building those nested subqueries costs ~12 ms of Python per call,
    compiling the result ~1 ms: the org chart builds it twice per page (docs/bench.md)."""
    return anotasi_unit(UnitKerja.objects.all())


def bagan_akar(*, actor: Pengguna) -> list[UnitKerja]:
    """The roots of the actor's org chart with their first level of children attached as
    `anak_dimuat` (two queries whatever the size of the tree)."""
    akar = list(_bagan_qs(actor).filter(parent__isnull=True))
    anak: dict[int, list[UnitKerja]] = {u.pk: [] for u in akar}
    for u in _bagan_qs(actor).filter(parent__in=[u.pk for u in akar]):
        anak[u.parent_id].append(u)
    for u in akar:
        u.anak_dimuat = anak[u.pk]
    return akar


def bagan_anak(*, actor: Pengguna, unit: UnitKerja) -> QuerySet[UnitKerja]:
    return _bagan_qs(actor).filter(parent=unit)


def bagan_unit(*, actor: Pengguna) -> QuerySet[UnitKerja]:
    """Units the actor may expand in the org chart (lookup for the htmx fragment)."""
    return (
        UnitKerja.objects.visible_to(actor).aktif()
        if akses_organisasi(actor).bagan
        else (UnitKerja.objects.none())
    )


def kedalaman_muat(jumlah_per_kedalaman: dict[int, int], batas: int) -> int:
    """The deepest level of the unit tree whose units, with all the levels above it, still
    fit in `batas` rows; never less than 1 (the root and its direct children are always
    shown, even past the limit). `jumlah_per_kedalaman` maps depth -> number of units
    (one `values("depth").annotate(Count("pk"))` query). When every unit fits, the deepest
    depth present is returned."""
    kedalaman, total = 1, 0
    for depth in sorted(jumlah_per_kedalaman):
        total += jumlah_per_kedalaman[depth]
        if total > batas:
            break
        kedalaman = max(kedalaman, depth)
    return kedalaman


def unit_cari(*, actor: Pengguna, q: str) -> QuerySet[UnitKerja]:
    return _bagan_qs(actor).filter(Q(nama__icontains=q) | Q(kode__icontains=q)).order_by("path")


def pasang_jejak(units: list[UnitKerja], *, actor: Pengguna) -> None:
    """Sets `u.jejak` (the names of its ancestors, top first) on each unit: one query."""
    ids = {i for u in units for i in u.ancestor_ids}
    nama = dict(UnitKerja.objects.visible_to(actor).filter(pk__in=ids).values_list("pk", "nama"))
    for u in units:
        u.jejak = [nama[i] for i in u.ancestor_ids if i in nama]


def leluhur(*, actor: Pengguna, unit: UnitKerja) -> list[UnitKerja]:
    """The ancestors of a unit, top first (one query), for breadcrumbs."""
    by_pk = UnitKerja.objects.visible_to(actor).in_bulk(unit.ancestor_ids)
    return [by_pk[i] for i in unit.ancestor_ids if i in by_pk]


def unit_detail_qs(*, actor: Pengguna) -> QuerySet[UnitKerja]:
    return anotasi_unit(unit_list(actor=actor)).select_related("wilayah", "parent")


def sub_unit(*, actor: Pengguna, unit: UnitKerja) -> QuerySet[UnitKerja]:
    return anotasi_unit(unit_list(actor=actor).filter(parent=unit)).order_by(
        "-aktif", "urutan", "nama"
    )


def pegawai_unit(*, unit: UnitKerja) -> QuerySet:
    """Active employees placed in the unit itself (not its sub-units), head first. The unit
    has already been scoped by the caller."""
    return (
        unit.pegawai_set.filter(status_aktif=STATUS_AKTIF_PEGAWAI)
        .select_related("jabatan")
        .order_by("-jabatan__is_kepala", "jabatan__nama", "nama")
    )


def ringkasan_beban(*, actor: Pengguna, unit: UnitKerja, subtree: bool = False) -> dict:
    qs = jabatan_list(actor=actor).aktif()
    qs = qs.filter(unit__path__startswith=unit.path) if subtree else qs.filter(unit=unit)
    return ringkasan_abk(anotasi_abk(qs))


# --- positions ------------------------------------------------------------------------------


def jabatan_list(*, actor: Pengguna) -> QuerySet[Jabatan]:
    qs = Jabatan.objects.visible_to(actor)
    akses = akses_organisasi(actor)
    if akses.baca_semua:
        return qs
    if akses.unit_kepala is not None:
        return qs.filter(unit__path__startswith=akses.unit_kepala.path)
    return qs.none()


def jabatan_abk(*, actor: Pengguna) -> QuerySet[Jabatan]:
    """Positions with their workload analysis and what the lists show."""
    return anotasi_abk(jabatan_list(actor=actor)).select_related("unit", "wilayah")


def tugas_jabatan(*, jabatan: Jabatan) -> QuerySet[TugasJabatan]:
    return TugasJabatan.objects.filter(jabatan=jabatan).order_by("urutan", "pk")


def tugas_list(*, actor: Pengguna) -> QuerySet[TugasJabatan]:
    return TugasJabatan.objects.visible_to(actor).filter(
        jabatan__in=jabatan_list(actor=actor).values("pk")
    )


def kebutuhan_kompetensi_list(*, actor: Pengguna) -> QuerySet[KebutuhanKompetensi]:
    return KebutuhanKompetensi.objects.visible_to(actor).filter(
        jabatan__in=jabatan_list(actor=actor).values("pk")
    )


def pemangku_jabatan(*, jabatan: Jabatan) -> QuerySet:
    return jabatan.pemangku_set.filter(status_aktif=STATUS_AKTIF_PEGAWAI).order_by("nama")


def kompetensi_katalog() -> QuerySet[Kompetensi]:
    """The national competency catalogue (reference data, not region-owned)."""
    return Kompetensi.objects.order_by("jenis", "nama")
