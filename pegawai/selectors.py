"""Reads of employee data. Every selector starts from `visible_to(actor)`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet

from asn_kinerja.db import SalahSatu
from organisasi import peran
from organisasi.models import BELUM_DIMUAT, Jabatan, UnitKerja

from . import rules
from .models import Pegawai

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def pegawai_list(*, actor: Pengguna) -> QuerySet[Pegawai]:
    """Employees the actor may see: HR and pimpinan daerah their wilayah, a section head the
    subtree of the unit they head, an employee only themself."""
    qs = Pegawai.objects.visible_to(actor)
    if peran.is_pengawas_wilayah(actor):
        return qs
    sendiri = pegawai_dari_pengguna(actor)
    if sendiri is None:
        return qs.none()
    if memimpin(sendiri):
        return qs.di_subtree(sendiri.unit)
    return qs.filter(pk=sendiri.pk)


def pegawai_dari_pengguna(user: Any) -> Pegawai | None:
    """The employee record of a user, read once per request: kept in the attribute
    `Pengguna.pegawai_dimuat` declares (not Django's reverse one-to-one cache, which a user
    built as `Pegawai(pengguna=user)` already carries, possibly stale)."""
    if not user.is_authenticated:
        return None
    if user.pegawai_dimuat is BELUM_DIMUAT:
        user.pegawai_dimuat = (
            Pegawai.objects.select_related("jabatan", "unit", "wilayah")
            .filter(pengguna=user)
            .first()
        )
    return user.pegawai_dimuat


def memimpin(pegawai: Pegawai | None) -> bool:
    """Holds a head position that is active: the one "is unit head" rule (DOMAIN.md section
    3). A deactivated position makes nobody a head, for scoping, the inbox and the steps
    alike (issue 16: the inline checks skipped `jabatan.aktif`, `kepala_unit` did not)."""
    return bool(
        pegawai is not None
        and pegawai.jabatan_id
        and pegawai.jabatan.is_kepala
        and pegawai.jabatan.aktif
    )


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
    if memimpin(pegawai) and pegawai.jabatan.unit_id == unit.pk:
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
    of its direct sub-units (and the staff of a direct sub-unit whose head is vacant).

    Every condition is on an indexed column of pegawai (unit, jabatan) with the small sets
    computed once, so the navbar's inbox count stays an index scan even for a head of
    thousands (measured in the 100k benchmark: 240 ms with OR-ed joins, see docs/bench.md)."""
    if not memimpin(atasan):
        return Pegawai.objects.none()
    unit = atasan.unit
    anak = UnitKerja.objects.filter(parent=unit).values("pk")
    anak_berkepala = Pegawai.objects.aktif().filter(
        unit__parent=unit, jabatan__is_kepala=True, jabatan__aktif=True
    )
    unit_staf = UnitKerja.objects.filter(
        Q(pk=unit.pk) | (Q(parent=unit) & ~Q(pk__in=anak_berkepala.values("unit_id")))
    ).values("pk")
    # Only the head positions of the direct sub-units: a province has thousands of head
    # positions, and probing the jabatan index with all of them cost 8 ms per page.
    jabatan_kepala = Jabatan.objects.filter(is_kepala=True, unit__parent=unit).values("pk")
    return (
        Pegawai.objects.aktif()
        .filter(
            Q(SalahSatu("unit_id", unit_staf))
            | (Q(SalahSatu("unit_id", anak)) & Q(SalahSatu("jabatan_id", jabatan_kepala)))
        )
        .exclude(pk=atasan.pk)
    )


def kepala_dari(user: Any) -> Pegawai | None:
    """The user's employee record if it holds an active head position (`memimpin`), else
    None: the user form of the one "unit head" rule for the apps above (skm, laporan)."""
    p = pegawai_dari_pengguna(user)
    return p if memimpin(p) else None


def is_atasan(user: Any) -> bool:
    """Holds an active head position (`memimpin`; issue 16, the rules used to disagree)."""
    return kepala_dari(user) is not None


def unit_dipimpin(user: Any) -> UnitKerja | None:
    """The unit the user heads (`kepala_dari`), else None: the root of the subtree whose
    dashboards and recaps a section head sees."""
    p = kepala_dari(user)
    if p is None:
        return None
    return p.jabatan.unit if p.jabatan.unit_id == p.unit_id else p.unit


# --- employee records (lists, profile, histories) -------------------------------------------

#: Kept as a re-export of the one definition in pegawai/rules.py (DOMAIN.md section 4).
HAK_JP_TAHUNAN = rules.HAK_JP_TAHUNAN


def boleh_lihat_daftar(actor: Pengguna) -> bool:
    """Who gets the employee list: HR, national admins, pimpinan daerah and section heads."""
    return bool(
        actor.is_admin_nasional
        or actor.is_admin_kepegawaian
        or actor.is_pimpinan_daerah
        or is_atasan(actor)
    )


def boleh_kelola(actor: Pengguna, pegawai: Pegawai | None = None) -> bool:
    """HR of the employee's wilayah (and national admins) edit master data and histories."""
    if not actor.is_admin_kepegawaian:
        return False
    return pegawai is None or actor.is_admin_nasional or pegawai.wilayah_id == actor.wilayah_id


def boleh_ubah_kontak(actor: Pengguna, pegawai: Pegawai) -> bool:
    """Employees edit their own contact data; HR edits anyone's in its wilayah."""
    return boleh_kelola(actor, pegawai) or (
        pegawai.pengguna_id is not None and pegawai.pengguna_id == actor.pk
    )


def jam_pelatihan(pegawai: Pegawai, tahun: int) -> int:
    """JP of training the employee finished in `tahun` (one aggregate query)."""
    from django.db.models import Sum

    from .models import Diklat

    total = Diklat.objects.filter(pegawai=pegawai, tanggal_selesai__year=tahun).aggregate(
        jp=Sum("jam_pelajaran")
    )["jp"]
    return int(total or 0)


def _jp_subquery(tahun: int):
    from django.db.models import IntegerField, OuterRef, Subquery, Sum
    from django.db.models.functions import Coalesce

    from .models import Diklat

    jp = (
        Diklat.objects.filter(pegawai=OuterRef("pk"), tanggal_selesai__year=tahun)
        .order_by()
        .values("pegawai")
        .annotate(total=Sum("jam_pelajaran"))
        .values("total")
    )
    return Coalesce(Subquery(jp, output_field=IntegerField()), 0)


def pegawai_daftar(*, actor: Pengguna, tahun: int) -> QuerySet[Pegawai]:
    """The HR employee list: the actor's scope with what the table shows (unit, position,
    this year's JP) in one query per page."""
    return (
        pegawai_list(actor=actor)
        .select_related("unit", "jabatan")
        .annotate(jp_tahun=_jp_subquery(tahun))
    )


def pegawai_profil(*, actor: Pengguna) -> QuerySet[Pegawai]:
    """Employees whose profile the actor may open (the same scope as `pegawai_list`), with
    every history prefetched: the profile renders in a constant number of queries."""
    from django.db.models import Prefetch

    from .models import KompetensiPegawai

    return (
        pegawai_list(actor=actor)
        .select_related("unit", "jabatan", "wilayah", "pengguna")
        .prefetch_related(
            "riwayat_pendidikan_set",
            "riwayat_pangkat_set",
            "riwayat_jabatan_set",
            "diklat_set",
            Prefetch(
                "kompetensi_set",
                queryset=KompetensiPegawai.objects.select_related("kompetensi"),
            ),
            "penghargaan_set",
            "hukuman_disiplin_set",
        )
    )


def linimasa_karier(pegawai: Pegawai) -> list[dict[str, Any]]:
    """Career timeline (newest first) from the prefetched histories: rank, positions,
    education, awards and sanctions. No query when `pegawai` comes from `pegawai_profil`."""
    from django.utils.translation import gettext as _

    kejadian: list[dict[str, Any]] = []
    if pegawai.tmt_cpns:
        kejadian.append(
            {"tanggal": pegawai.tmt_cpns, "jenis": "cpns", "ikon": "flag",
             "judul": _("Diangkat sebagai CPNS/PPPK"), "keterangan": ""}
        )  # fmt: skip
    for r in pegawai.riwayat_pangkat_set.all():
        kejadian.append(
            {"tanggal": r.tmt, "jenis": "pangkat", "ikon": "award",
             "judul": r.get_golongan_display(), "keterangan": r.get_jenis_display()}
        )  # fmt: skip
    for r in pegawai.riwayat_jabatan_set.all():
        kejadian.append(
            {"tanggal": r.tmt, "jenis": "jabatan", "ikon": "briefcase",
             "judul": r.nama_jabatan, "keterangan": f"{r.get_jenis_display()} — {r.nama_unit}"}
        )  # fmt: skip
    for r in pegawai.penghargaan_set.all():
        kejadian.append(
            {"tanggal": r.tanggal, "jenis": "penghargaan", "ikon": "trophy",
             "judul": r.nama, "keterangan": r.pemberi}
        )  # fmt: skip
    for r in pegawai.hukuman_disiplin_set.all():
        kejadian.append(
            {"tanggal": r.tanggal_mulai, "jenis": "hukuman", "ikon": "exclamation-octagon",
             "judul": r.get_jenis_display(), "keterangan": r.nomor_sk}
        )  # fmt: skip
    return sorted(kejadian, key=lambda k: k["tanggal"], reverse=True)


def jp_dari_prefetch(pegawai: Pegawai, tahun: int) -> int:
    """`jam_pelatihan` from the prefetched `diklat_set` (no query on the profile page)."""
    return sum(d.jam_pelajaran for d in pegawai.diklat_set.all() if d.tanggal_selesai.year == tahun)


def impor_pegawai_list(*, actor: Pengguna) -> QuerySet:
    from .models import ImporPegawai

    if not actor.is_admin_kepegawaian:
        return ImporPegawai.objects.none()
    return ImporPegawai.objects.visible_to(actor).select_related("diunggah_oleh", "wilayah")


def usulan_mutasi_list(*, actor: Pengguna) -> QuerySet:
    from .models import UsulanMutasi

    if not actor.is_admin_kepegawaian:
        return UsulanMutasi.objects.none()
    return UsulanMutasi.objects.visible_to(actor).select_related(
        "pegawai",
        "pegawai__unit",
        "jabatan_asal",
        "jabatan_asal__unit",
        "jabatan_tujuan",
        "jabatan_tujuan__unit",
        "diusulkan_oleh",
        "diputuskan_oleh",
    )
