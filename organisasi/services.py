"""Writes of the organisation structure: units, positions, competency requirements and
workload tasks. The only code that changes these rows (views, admin actions and commands
call it). Every service checks that the actor is an HR officer of the object's wilayah,
validates with full_clean(), and runs in a transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from .abk import STATUS_AKTIF_PEGAWAI
from .models import Jabatan, KebutuhanKompetensi, Kompetensi, TugasJabatan, UnitKerja, Wilayah
from .peran import is_hr_wilayah

if TYPE_CHECKING:
    from organisasi.models import Pengguna

FIELD_UNIT = ("kode", "nama", "jenis", "alamat", "urutan")
FIELD_JABATAN = (
    "nama",
    "jenis",
    "jenjang",
    "eselon",
    "kelas_jabatan",
    "is_kepala",
    "pendidikan_minimal",
    "bidang_pendidikan",
    "koefisien_angka_kredit",
)
FIELD_TUGAS = ("uraian_tugas", "satuan_hasil", "volume_tahunan", "norma_waktu_menit", "urutan")


# --- guards ---------------------------------------------------------------------------------


def _pastikan_hr(actor: Pengguna, wilayah_id: int | None) -> None:
    """Only HR officers of the object's wilayah (or national admins) change the structure."""
    if not getattr(actor, "is_admin_kepegawaian", False):
        raise PermissionDenied(
            _("Hanya admin kepegawaian yang dapat mengubah struktur organisasi.")
        )
    if not is_hr_wilayah(actor, wilayah_id):
        raise PermissionDenied(_("Data ini berada di luar wilayah Anda."))


def _riwayat(obj: Any, actor: Pengguna, alasan: str) -> None:
    obj._history_user = actor
    obj._change_reason = alasan


def _unit_terkunci(unit: UnitKerja) -> UnitKerja:
    return UnitKerja.objects.select_for_update().get(pk=unit.pk)


def _validasi_induk(unit: UnitKerja | None, induk: UnitKerja) -> None:
    if not induk.aktif:
        raise ValidationError({"parent": _("Unit induk „%(nama)s“ tidak aktif.") % {"nama": induk}})
    if unit is None:
        return
    if induk.wilayah_id != unit.wilayah_id:
        raise ValidationError({"parent": _("Unit tidak dapat dipindahkan ke wilayah lain.")})
    if induk.pk == unit.pk or induk.path.startswith(unit.path):
        raise ValidationError(
            {
                "parent": _(
                    "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau ke bawah "
                    "sub-unitnya (pohon organisasi akan berputar)."
                )
            }
        )


def _cek_kode(unit: UnitKerja) -> None:
    lain = (
        UnitKerja.objects.filter(wilayah_id=unit.wilayah_id, kode=unit.kode)
        .exclude(pk=unit.pk)
        .first()
    )
    if lain is not None:
        raise ValidationError(
            {
                "kode": _("Kode „%(kode)s“ sudah dipakai unit „%(nama)s“ di wilayah ini.")
                % {"kode": unit.kode, "nama": lain.nama}
            }
        )


# --- units ----------------------------------------------------------------------------------


@transaction.atomic
def unit_buat(
    *,
    actor: Pengguna,
    parent: UnitKerja | None,
    kode: str,
    nama: str,
    jenis: str,
    alamat: str = "",
    urutan: int = 0,
    wilayah: Wilayah | None = None,
) -> UnitKerja:
    """A new unit under `parent` (in the parent's wilayah). A root unit (no parent) only for a
    wilayah that has no root yet."""
    if parent is not None:
        wilayah_id = parent.wilayah_id
    else:
        wilayah_id = getattr(wilayah, "pk", None) or actor.wilayah_id
    _pastikan_hr(actor, wilayah_id)
    if parent is not None:
        parent = _unit_terkunci(parent)
        _validasi_induk(None, parent)
    elif UnitKerja.objects.filter(wilayah_id=wilayah_id, parent__isnull=True).exists():
        raise ValidationError(
            {"parent": _("Pilih unit induk: wilayah ini sudah memiliki unit puncak.")}
        )
    unit = UnitKerja(
        wilayah_id=wilayah_id,
        parent=parent,
        kode=kode,
        nama=nama,
        jenis=jenis,
        alamat=alamat,
        urutan=urutan,
    )
    _cek_kode(unit)
    unit.full_clean(exclude=["path"])
    _riwayat(unit, actor, "dibuat")
    unit.save()
    return unit


@transaction.atomic
def unit_ubah(
    *, actor: Pengguna, unit: UnitKerja, parent: UnitKerja | None = None, **data: Any
) -> UnitKerja:
    """Changes a unit's own fields; a new `parent` moves it (with its subtree)."""
    _pastikan_hr(actor, unit.wilayah_id)
    unit = _unit_terkunci(unit)
    tidak_dikenal = set(data) - set(FIELD_UNIT)
    if tidak_dikenal:
        raise TypeError(f"unit_ubah: field tidak dikenal {sorted(tidak_dikenal)}")
    if parent is not None and parent.pk != unit.parent_id:
        unit = unit_pindahkan(actor=actor, unit=unit, parent_baru=parent)
    berubah = False
    for k, v in data.items():
        if getattr(unit, k) != v:
            setattr(unit, k, v)
            berubah = True
    if berubah:
        _cek_kode(unit)
        unit.full_clean(exclude=["path"])
        _riwayat(unit, actor, "diubah")
        unit.save()
    return unit


@transaction.atomic
def unit_pindahkan(*, actor: Pengguna, unit: UnitKerja, parent_baru: UnitKerja) -> UnitKerja:
    """Moves `unit` (and everything under it) below `parent_baru`.

    Refused: a move into another wilayah, under itself or its own subtree (a cycle), under an
    inactive unit. Moves of one wilayah are serialised by locking its Wilayah row, so two
    concurrent moves cannot build a cycle between them. The moved unit's row is saved
    through the model (simple_history records the old and new parent); the descendants' paths
    are rewritten in ONE UPDATE (`new prefix || substr(path, len(old prefix) + 1)`)."""
    _pastikan_hr(actor, unit.wilayah_id)
    Wilayah.objects.select_for_update().get(pk=unit.wilayah_id)
    unit = _unit_terkunci(unit)
    parent_baru = UnitKerja.objects.get(pk=parent_baru.pk)  # fresh path after the lock
    if parent_baru.wilayah_id != unit.wilayah_id:
        raise ValidationError({"parent": _("Unit tidak dapat dipindahkan ke wilayah lain.")})
    _validasi_induk(unit, parent_baru)
    if unit.parent_id == parent_baru.pk:
        return unit
    path_lama, depth_lama = unit.path, unit.depth
    unit.parent = parent_baru
    _riwayat(unit, actor, "dipindahkan")
    unit.save()  # recomputes its own path and depth
    UnitKerja.objects.filter(path__startswith=path_lama).exclude(pk=unit.pk).update(
        path=Concat(Value(unit.path), Substr("path", len(path_lama) + 1)),
        depth=F("depth") + (unit.depth - depth_lama),
    )
    return unit


@transaction.atomic
def unit_nonaktifkan(*, actor: Pengguna, unit: UnitKerja) -> UnitKerja:
    """Deactivates a unit (never deletes it: its history, people's careers and evaluations
    keep pointing at it). Refused while active sub-units or active employees remain; its
    vacant positions are deactivated with it."""
    _pastikan_hr(actor, unit.wilayah_id)
    unit = _unit_terkunci(unit)
    if not unit.aktif:
        return unit
    anak = unit.children.filter(aktif=True).count()
    if anak:
        raise ValidationError(
            _("Unit masih memiliki %(n)d sub-unit aktif. Pindahkan atau nonaktifkan dulu.")
            % {"n": anak}
        )
    pegawai = unit.pegawai_set.filter(status_aktif=STATUS_AKTIF_PEGAWAI).count()
    if pegawai:
        raise ValidationError(
            _(
                "Unit masih memiliki %(n)d pegawai aktif. Pindahkan pegawai ke unit lain "
                "sebelum menonaktifkan unit."
            )
            % {"n": pegawai}
        )
    for jab in unit.jabatan_set.filter(aktif=True):
        jab.aktif = False
        _riwayat(jab, actor, "unit dinonaktifkan")
        jab.save()
    unit.aktif = False
    _riwayat(unit, actor, "dinonaktifkan")
    unit.save()
    return unit


@transaction.atomic
def unit_aktifkan(*, actor: Pengguna, unit: UnitKerja) -> UnitKerja:
    _pastikan_hr(actor, unit.wilayah_id)
    unit = _unit_terkunci(unit)
    if unit.parent_id and not unit.parent.aktif:
        raise ValidationError(_("Aktifkan unit induknya terlebih dahulu."))
    if not unit.aktif:
        unit.aktif = True
        _riwayat(unit, actor, "diaktifkan")
        unit.save()
    return unit


# --- positions ------------------------------------------------------------------------------


def _cek_kepala(jabatan: Jabatan) -> None:
    """One head position per unit, with a message naming the existing one."""
    if not (jabatan.is_kepala and jabatan.aktif):
        return
    lain = (
        Jabatan.objects.filter(unit_id=jabatan.unit_id, is_kepala=True, aktif=True)
        .exclude(pk=jabatan.pk)
        .first()
    )
    if lain is not None:
        raise ValidationError(
            {
                "is_kepala": _(
                    "Unit ini sudah memiliki jabatan kepala: „%(nama)s“. Satu unit hanya "
                    "boleh memiliki satu jabatan kepala."
                )
                % {"nama": lain.nama}
            }
        )


def _simpan_jabatan(jabatan: Jabatan, actor: Pengguna, alasan: str) -> Jabatan:
    _cek_kepala(jabatan)
    jabatan.full_clean()
    _riwayat(jabatan, actor, alasan)
    try:
        with transaction.atomic():
            jabatan.save()
    except IntegrityError as e:  # a concurrent head position slipped in
        raise ValidationError({"is_kepala": _("Unit ini sudah memiliki jabatan kepala.")}) from e
    return jabatan


@transaction.atomic
def jabatan_buat(*, actor: Pengguna, unit: UnitKerja, **data: Any) -> Jabatan:
    _pastikan_hr(actor, unit.wilayah_id)
    unit = _unit_terkunci(unit)  # serialises head positions of this unit
    if not unit.aktif:
        raise ValidationError({"unit": _("Unit kerja tidak aktif.")})
    tidak_dikenal = set(data) - set(FIELD_JABATAN)
    if tidak_dikenal:
        raise TypeError(f"jabatan_buat: field tidak dikenal {sorted(tidak_dikenal)}")
    jabatan = Jabatan(wilayah_id=unit.wilayah_id, unit=unit, **data)
    return _simpan_jabatan(jabatan, actor, "dibuat")


@transaction.atomic
def jabatan_ubah(
    *, actor: Pengguna, jabatan: Jabatan, unit: UnitKerja | None = None, **data: Any
) -> Jabatan:
    """Changes a position. Moving it to another unit is refused while people hold it (their
    unit must match the position's, DOMAIN.md section 4): move the people first."""
    _pastikan_hr(actor, jabatan.wilayah_id)
    jabatan = Jabatan.objects.select_for_update().get(pk=jabatan.pk)
    tidak_dikenal = set(data) - set(FIELD_JABATAN)
    if tidak_dikenal:
        raise TypeError(f"jabatan_ubah: field tidak dikenal {sorted(tidak_dikenal)}")
    if unit is not None and unit.pk != jabatan.unit_id:
        if unit.wilayah_id != jabatan.wilayah_id:
            raise ValidationError({"unit": _("Jabatan tidak dapat dipindahkan ke wilayah lain.")})
        n = jabatan.pemangku_set.filter(status_aktif=STATUS_AKTIF_PEGAWAI).count()
        if n:
            raise ValidationError(
                {
                    "unit": _(
                        "Jabatan masih dipangku %(n)d pegawai; pindahkan pegawainya dulu "
                        "sebelum memindahkan jabatan ke unit lain."
                    )
                    % {"n": n}
                }
            )
        _unit_terkunci(unit)
        jabatan.unit = unit
    for k, v in data.items():
        setattr(jabatan, k, v)
    return _simpan_jabatan(jabatan, actor, "diubah")


@transaction.atomic
def jabatan_nonaktifkan(*, actor: Pengguna, jabatan: Jabatan) -> Jabatan:
    _pastikan_hr(actor, jabatan.wilayah_id)
    jabatan = Jabatan.objects.select_for_update().get(pk=jabatan.pk)
    n = jabatan.pemangku_set.filter(status_aktif=STATUS_AKTIF_PEGAWAI).count()
    if n:
        raise ValidationError(
            _("Jabatan masih dipangku %(n)d pegawai aktif; pindahkan mereka terlebih dahulu.")
            % {"n": n}
        )
    if jabatan.aktif:
        jabatan.aktif = False
        _riwayat(jabatan, actor, "dinonaktifkan")
        jabatan.save()
    return jabatan


@transaction.atomic
def jabatan_aktifkan(*, actor: Pengguna, jabatan: Jabatan) -> Jabatan:
    _pastikan_hr(actor, jabatan.wilayah_id)
    jabatan = Jabatan.objects.select_for_update().get(pk=jabatan.pk)
    if not jabatan.unit.aktif:
        raise ValidationError(_("Unit kerja jabatan ini tidak aktif."))
    jabatan.aktif = True
    return _simpan_jabatan(jabatan, actor, "diaktifkan")


@transaction.atomic
def kebutuhan_kompetensi_simpan(
    *, actor: Pengguna, jabatan: Jabatan, kompetensi: Kompetensi, level: int
) -> KebutuhanKompetensi:
    """Adds a required competency to a position, or changes its level."""
    _pastikan_hr(actor, jabatan.wilayah_id)
    if not 1 <= level <= kompetensi.level_maks:
        raise ValidationError(
            {"level": _("Level harus antara 1 dan %(maks)d.") % {"maks": kompetensi.level_maks}}
        )
    obj, _created = KebutuhanKompetensi.objects.update_or_create(
        jabatan=jabatan, kompetensi=kompetensi, defaults={"level": level}
    )
    return obj


@transaction.atomic
def kebutuhan_kompetensi_hapus(*, actor: Pengguna, kebutuhan: KebutuhanKompetensi) -> None:
    _pastikan_hr(actor, kebutuhan.jabatan.wilayah_id)
    kebutuhan.delete()


# --- workload tasks (ABK) -------------------------------------------------------------------


@transaction.atomic
def tugas_buat(*, actor: Pengguna, jabatan: Jabatan, **data: Any) -> TugasJabatan:
    _pastikan_hr(actor, jabatan.wilayah_id)
    tidak_dikenal = set(data) - set(FIELD_TUGAS)
    if tidak_dikenal:
        raise TypeError(f"tugas_buat: field tidak dikenal {sorted(tidak_dikenal)}")
    if "urutan" not in data:
        data["urutan"] = jabatan.tugas_set.count() + 1
    tugas = TugasJabatan(jabatan=jabatan, **data)
    tugas.full_clean()
    _riwayat(tugas, actor, "dibuat")
    tugas.save()
    return tugas


@transaction.atomic
def tugas_ubah(*, actor: Pengguna, tugas: TugasJabatan, **data: Any) -> TugasJabatan:
    _pastikan_hr(actor, tugas.jabatan.wilayah_id)
    tugas = TugasJabatan.objects.select_for_update().get(pk=tugas.pk)
    tidak_dikenal = set(data) - set(FIELD_TUGAS)
    if tidak_dikenal:
        raise TypeError(f"tugas_ubah: field tidak dikenal {sorted(tidak_dikenal)}")
    for k, v in data.items():
        setattr(tugas, k, v)
    tugas.full_clean()
    _riwayat(tugas, actor, "diubah")
    tugas.save()
    return tugas


@transaction.atomic
def tugas_hapus(*, actor: Pengguna, tugas: TugasJabatan) -> None:
    """Deletes a task of the analysis (the historical table keeps what it was)."""
    _pastikan_hr(actor, tugas.jabatan.wilayah_id)
    _riwayat(tugas, actor, "dihapus")
    tugas.delete()
