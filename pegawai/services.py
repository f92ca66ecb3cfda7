"""Writes of employee master data, histories and transfers. The only code that changes
these rows: views, the admin, the import and the demo call these functions.

Every service validates (`full_clean()`), writes in a transaction, and raises
`ValidationError` / `PermissionDenied` with a message the user can act on.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from asn_kinerja.waktu import hari_ini
from organisasi.choices import TingkatPendidikan
from organisasi.models import Jabatan

from .models import Pegawai, RiwayatJabatan, UsulanMutasi
from .selectors import boleh_kelola, boleh_ubah_kontak

if TYPE_CHECKING:
    from organisasi.models import Pengguna

#: Fields an employee may change on their own profile.
FIELD_KONTAK = ("email", "telepon", "alamat")


def _wajib_kelola(actor: Pengguna, pegawai: Pegawai | None = None) -> None:
    if not boleh_kelola(actor, pegawai):
        raise PermissionDenied(_("Hanya admin kepegawaian wilayah ini yang dapat mengubah data."))


# --- Pegawai --------------------------------------------------------------------------------


@transaction.atomic
def pegawai_simpan(*, actor: Pengguna, pegawai: Pegawai) -> Pegawai:
    """Creates or updates an employee's master data (HR). For a new employee with a position
    the first riwayat jabatan is written too."""
    baru = pegawai.pk is None
    if baru and not actor.is_admin_nasional:
        pegawai.wilayah_id = actor.wilayah_id
    _wajib_kelola(actor, pegawai)
    if not baru:
        Pegawai.objects.select_for_update().filter(pk=pegawai.pk).first()
    pegawai.full_clean()
    pegawai.save()
    if baru and pegawai.jabatan_id:
        _tulis_riwayat_jabatan(
            pegawai=pegawai,
            jabatan=pegawai.jabatan,
            tmt=pegawai.tmt_jabatan or pegawai.tmt_cpns or hari_ini(),
            jenis=RiwayatJabatan.Jenis.PENGANGKATAN,
            nomor_sk="",
        )
    return pegawai


@transaction.atomic
def pegawai_ubah_kontak(
    *, actor: Pengguna, pegawai: Pegawai, email: str, telepon: str, alamat: str
) -> Pegawai:
    """The employee's own contact data (also HR). Nothing else of the record changes."""
    if not boleh_ubah_kontak(actor, pegawai):
        raise PermissionDenied(_("Anda hanya dapat mengubah data kontak Anda sendiri."))
    p = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
    p.email, p.telepon, p.alamat = email.strip(), telepon.strip(), alamat.strip()
    p.full_clean()
    p.save(update_fields=[*FIELD_KONTAK, "updated_at"])
    return p


@transaction.atomic
def pegawai_simpan_foto(*, actor: Pengguna, pegawai: Pegawai, foto: Any) -> Pegawai:
    _wajib_kelola(actor, pegawai)
    p = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
    if p.foto:
        p.foto.delete(save=False)
    p.foto = foto
    p.save(update_fields=["foto", "updated_at"])
    return p


# --- Histories ------------------------------------------------------------------------------


@transaction.atomic
def riwayat_simpan(*, actor: Pengguna, obj: models.Model) -> models.Model:
    """Creates or updates one history row of an employee (HR), then brings the employee's
    current rank / education in step with the newest row."""
    pegawai = Pegawai.objects.select_for_update().get(pk=obj.pegawai_id)
    _wajib_kelola(actor, pegawai)
    obj.full_clean()
    obj.save()
    sinkron_data_terkini(pegawai=pegawai)
    return obj


@transaction.atomic
def riwayat_hapus(*, actor: Pengguna, obj: models.Model) -> None:
    pegawai = Pegawai.objects.select_for_update().get(pk=obj.pegawai_id)
    _wajib_kelola(actor, pegawai)
    obj.delete()
    sinkron_data_terkini(pegawai=pegawai)


def sinkron_data_terkini(*, pegawai: Pegawai) -> None:
    """Copies the newest rank (golongan, TMT) and the highest education into `Pegawai` (the
    list filters and placement read those columns). Writes only when something changed."""
    ubah: dict[str, Any] = {}
    pangkat = pegawai.riwayat_pangkat_set.order_by("-tmt", "-pk").first()
    if pangkat and (pegawai.golongan, pegawai.tmt_golongan) != (pangkat.golongan, pangkat.tmt):
        ubah.update(golongan=pangkat.golongan, tmt_golongan=pangkat.tmt)
    pendidikan = max(
        pegawai.riwayat_pendidikan_set.all(),
        key=lambda r: (TingkatPendidikan.peringkat(r.tingkat), r.tahun_lulus),
        default=None,
    )
    if pendidikan and (pegawai.pendidikan_terakhir, pegawai.bidang_pendidikan) != (
        pendidikan.tingkat,
        pendidikan.bidang,
    ):
        ubah.update(pendidikan_terakhir=pendidikan.tingkat, bidang_pendidikan=pendidikan.bidang)
    if ubah:
        for k, v in ubah.items():
            setattr(pegawai, k, v)
        pegawai.save(update_fields=[*ubah, "updated_at"])


def _tulis_riwayat_jabatan(
    *, pegawai: Pegawai, jabatan: Jabatan, tmt: dt.date, jenis: str, nomor_sk: str
) -> RiwayatJabatan:
    r = RiwayatJabatan(
        pegawai=pegawai,
        jabatan=jabatan,
        unit=jabatan.unit,
        nama_jabatan=jabatan.nama,
        nama_unit=jabatan.unit.nama,
        jenis=jenis,
        tmt=tmt,
        nomor_sk=nomor_sk,
    )
    r.full_clean()
    r.save()
    return r


# --- Transfers (placement) ------------------------------------------------------------------


@transaction.atomic
def usulan_mutasi_buat(
    *, actor: Pengguna, pegawai: Pegawai, jabatan: Jabatan, skor: int = 0, alasan: str = ""
) -> UsulanMutasi:
    """Proposes moving `pegawai` into `jabatan` (from the placement page)."""
    pegawai = Pegawai.objects.select_for_update().get(pk=pegawai.pk)
    _wajib_kelola(actor, pegawai)
    if jabatan.wilayah_id != pegawai.wilayah_id:
        raise ValidationError(_("Jabatan tujuan harus berada di wilayah pegawai."))
    if not jabatan.aktif:
        raise ValidationError(_("Jabatan tujuan tidak aktif."))
    if pegawai.jabatan_id == jabatan.pk:
        raise ValidationError(_("Pegawai sudah memangku jabatan ini."))
    if pegawai.status_aktif != "aktif":
        raise ValidationError(_("Hanya pegawai aktif yang dapat dimutasikan."))
    if UsulanMutasi.objects.menunggu().filter(pegawai=pegawai).exists():
        raise ValidationError(_("Pegawai ini sudah memiliki usulan mutasi yang menunggu."))
    usulan = UsulanMutasi(
        pegawai=pegawai,
        jabatan_asal_id=pegawai.jabatan_id,
        jabatan_tujuan=jabatan,
        skor=max(0, int(skor)),
        alasan=alasan[:500],
        diusulkan_oleh=actor,
    )
    usulan.full_clean()
    usulan.save()
    return usulan


@transaction.atomic
def usulan_mutasi_setujui(
    *, actor: Pengguna, usulan: UsulanMutasi, tmt: dt.date, nomor_sk: str, catatan: str = ""
) -> UsulanMutasi:
    """HR confirms a proposal: the employee moves to the target position and unit from
    `tmt`, and the move is written to their riwayat jabatan (mutasi, or promosi when the
    class of the position rises)."""
    usulan = UsulanMutasi.objects.select_for_update().get(pk=usulan.pk)
    pegawai = (
        Pegawai.objects.select_for_update(of=("self",))
        .select_related("jabatan")
        .get(pk=usulan.pegawai_id)
    )
    _wajib_kelola(actor, pegawai)
    if usulan.status != UsulanMutasi.Status.DIUSULKAN:
        raise ValidationError(_("Usulan ini sudah diputuskan."))
    if not nomor_sk.strip():
        raise ValidationError({"nomor_sk": _("Nomor SK mutasi wajib diisi.")})
    tujuan = (
        Jabatan.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=usulan.jabatan_tujuan_id)
    )
    if not tujuan.aktif or not tujuan.unit.aktif:
        raise ValidationError(_("Jabatan atau unit tujuan sudah tidak aktif."))
    if tujuan.is_kepala and tujuan.pemangku_set.filter(status_aktif="aktif").exists():
        raise ValidationError(
            _("Jabatan kepala %(j)s masih dipangku pegawai lain.") % {"j": tujuan.nama}
        )
    if pegawai.tmt_jabatan and tmt < pegawai.tmt_jabatan:
        raise ValidationError(
            {"tmt": _("TMT tidak boleh sebelum TMT jabatan sekarang (%(t)s).")
             % {"t": pegawai.tmt_jabatan.strftime("%d-%m-%Y")}}
        )  # fmt: skip
    kelas_lama = pegawai.jabatan.kelas_jabatan if pegawai.jabatan_id else None
    jenis = (
        RiwayatJabatan.Jenis.PROMOSI
        if kelas_lama and tujuan.kelas_jabatan and tujuan.kelas_jabatan > kelas_lama
        else RiwayatJabatan.Jenis.MUTASI
    )
    pegawai.unit = tujuan.unit
    pegawai.jabatan = tujuan
    pegawai.tmt_jabatan = tmt
    pegawai.full_clean()
    pegawai.save()
    _tulis_riwayat_jabatan(
        pegawai=pegawai, jabatan=tujuan, tmt=tmt, jenis=jenis, nomor_sk=nomor_sk.strip()
    )
    usulan.status = UsulanMutasi.Status.DISETUJUI
    usulan.tmt, usulan.nomor_sk, usulan.catatan = tmt, nomor_sk.strip(), catatan.strip()
    usulan.diputuskan_oleh, usulan.diputuskan_pada = actor, timezone.now()
    usulan.full_clean()
    usulan.save()
    return usulan


@transaction.atomic
def usulan_mutasi_tolak(*, actor: Pengguna, usulan: UsulanMutasi, catatan: str) -> UsulanMutasi:
    usulan = (
        UsulanMutasi.objects.select_for_update(of=("self",))
        .select_related("pegawai")
        .get(pk=usulan.pk)
    )
    _wajib_kelola(actor, usulan.pegawai)
    if usulan.status != UsulanMutasi.Status.DIUSULKAN:
        raise ValidationError(_("Usulan ini sudah diputuskan."))
    if not catatan.strip():
        raise ValidationError({"catatan": _("Tuliskan alasan penolakan.")})
    usulan.status = UsulanMutasi.Status.DITOLAK
    usulan.catatan = catatan.strip()
    usulan.diputuskan_oleh, usulan.diputuskan_pada = actor, timezone.now()
    usulan.full_clean()
    usulan.save()
    return usulan
