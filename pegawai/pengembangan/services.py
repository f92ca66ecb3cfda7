"""Writes of the development data: the only code that changes these rows. Status changes
go through `alur.jalankan` (locked, status re-checked, note required where declared)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from asn_kinerja import workflow
from asn_kinerja.notifikasi import notifikasi_kirim
from asn_kinerja.waktu import hari_ini
from organisasi import peran
from organisasi.models import Pengguna
from pegawai.models import Diklat, Pegawai
from pegawai.selectors import pegawai_dari_pengguna

from . import alur, selectors
from .models import (
    JenisPengembangan,
    KegiatanPengembangan,
    PendaftaranProgram,
    ProgramPengembangan,
    RencanaPengembangan,
)

#: How a completed programme is filed in the training history (Diklat.Jenis).
JENIS_DIKLAT = {
    JenisPengembangan.PELATIHAN: Diklat.Jenis.TEKNIS,
    JenisPengembangan.COACHING: Diklat.Jenis.KURSUS,
    JenisPengembangan.MENTORING: Diklat.Jenis.KURSUS,
    JenisPengembangan.MAGANG: Diklat.Jenis.KURSUS,
    JenisPengembangan.LAINNYA: Diklat.Jenis.KURSUS,
}


def _wajib_hr(actor: Pengguna, wilayah_id: int | None = None) -> None:
    """HR of their own wilayah (a national admin has none: the catalogue and the approvals
    belong to a wilayah), and of `wilayah_id` when given. Asked of `organisasi.peran`."""
    pesan = _("Hanya admin kepegawaian wilayah ini yang dapat melakukan ini.")
    peran.wajib_hr_wilayah_sendiri(actor, pesan)
    if wilayah_id is not None:
        peran.wajib_hr_wilayah(actor, wilayah_id, pesan)


def _pegawai_sendiri(actor: Pengguna) -> Pegawai:
    sendiri = pegawai_dari_pengguna(actor)
    if sendiri is None:
        raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
    return sendiri


# --- notifying the next actor ---------------------------------------------------------------


def _kabari(jenis: str, obj: Any) -> None:
    """Notifies whoever acts next (or the employee, on a decision) in-app, mirrored by e-mail
    after the commit (`asn_kinerja.notifikasi`)."""
    for judul, pesan, penerima, tautan in pesan_kabar(jenis, obj.pk, obj.status):
        for user in penerima:
            notifikasi_kirim(penerima=user, judul=judul, pesan=pesan, tautan=tautan)


def _pengguna(p: Pegawai | None) -> list[Pengguna]:
    return [p.pengguna] if p is not None and p.pengguna_id else []


def pesan_kabar(jenis: str, pk: int, peristiwa: str) -> list[tuple[str, str, list[Pengguna], str]]:
    """The notifications of one step: (title, message, recipients, link)."""
    if jenis == "rencana":
        r = (
            RencanaPengembangan.objects.select_related("pegawai__pengguna", "pegawai__unit")
            .filter(pk=pk)
            .first()
        )
        if r is None or r.status != peristiwa:
            return []
        tautan = r.get_absolute_url()
        nama = r.pegawai.nama
        if peristiwa == RencanaPengembangan.Status.DIAJUKAN:
            return [(_("Rencana pengembangan menunggu persetujuan: %(nama)s") % {"nama": nama},
                     _("%(nama)s mengajukan rencana pengembangan %(tahun)s.")
                     % {"nama": nama, "tahun": r.tahun},
                     _pengguna(selectors.pejabat_penilai(r.pegawai)), tautan)]  # fmt: skip
        return [(_("Rencana pengembangan %(tahun)s: %(status)s") % {"tahun": r.tahun, "status": r.get_status_display()},
                 _("Rencana pengembangan Anda %(status)s.\n%(catatan)s")
                 % {"status": r.get_status_display().lower(), "catatan": r.catatan},
                 _pengguna(r.pegawai), tautan)]  # fmt: skip
    d = (
        PendaftaranProgram.objects.select_related("program", "pegawai__pengguna", "pegawai__unit")
        .filter(pk=pk)
        .first()
    )
    if d is None or d.status != peristiwa:
        return []
    tautan = d.program.get_absolute_url()
    nama, judul = d.pegawai.nama, d.program.judul
    if peristiwa == PendaftaranProgram.Status.DIAJUKAN:
        penerima = _pengguna(selectors.pejabat_penilai(d.pegawai))
        subjek = _("Pendaftaran program menunggu persetujuan: %(nama)s") % {"nama": nama}
    elif peristiwa == PendaftaranProgram.Status.DISETUJUI_ATASAN:
        penerima = list(peran.pengguna_hr_wilayah(d.program.wilayah_id))
        subjek = _("Pendaftaran program menunggu admin kepegawaian: %(nama)s") % {"nama": nama}
    elif peristiwa == PendaftaranProgram.Status.DIBATALKAN:
        return []
    else:
        penerima = _pengguna(d.pegawai)
        subjek = _("Pendaftaran %(judul)s: %(status)s") % {
            "judul": judul,
            "status": d.get_status_display(),
        }
    badan = _("%(nama)s — %(judul)s: %(status)s.\n%(catatan)s") % {
        "nama": nama, "judul": judul, "status": d.get_status_display(), "catatan": d.catatan,
    }  # fmt: skip
    return [(subjek, badan, penerima, tautan)] if penerima else []


# --- catalogue -------------------------------------------------------------------------------


@transaction.atomic
def program_simpan(*, actor: Pengguna, program: ProgramPengembangan) -> ProgramPengembangan:
    """Creates or updates a programme of the actor's wilayah (HR only)."""
    _wajib_hr(actor)
    if program.pk:
        asli = ProgramPengembangan.objects.select_for_update().get(pk=program.pk)
        _wajib_hr(actor, asli.wilayah_id)
        terisi = asli.pendaftaran_set.filter(status__in=PendaftaranProgram.MENEMPATI_KUOTA).count()
        if program.kuota < terisi:
            raise ValidationError(
                {
                    "kuota": _("Kuota tidak boleh kurang dari %(n)d peserta yang sudah terdaftar.")
                    % {"n": terisi}
                }
            )
    program.wilayah_id = actor.wilayah_id
    program.full_clean()
    program.save()
    return program


@transaction.atomic
def program_hapus(*, actor: Pengguna, program: ProgramPengembangan) -> None:
    _wajib_hr(actor, program.wilayah_id)
    if program.pendaftaran_set.exists():
        raise ValidationError(
            _(
                "Program yang sudah memiliki pendaftar tidak dapat dihapus; tutup pendaftarannya saja."
            )
        )
    program.delete()


# --- programme requests ----------------------------------------------------------------------


def pendaftaran_ajukan(
    *, actor: Pengguna, program: ProgramPengembangan, alasan: str = ""
) -> PendaftaranProgram:
    """The employee asks to join an open programme of their wilayah. The programme row is
    locked so two requests for the last seat cannot both get it."""
    sendiri = _pegawai_sendiri(actor)
    with transaction.atomic():
        p = ProgramPengembangan.objects.select_for_update().get(pk=program.pk)
        if p.wilayah_id != sendiri.wilayah_id:
            raise PermissionDenied
        if not p.terbuka:
            raise ValidationError(_("Pendaftaran program ini sudah ditutup."))
        if p.tanggal_selesai < hari_ini(sendiri.wilayah):
            raise ValidationError(_("Program ini sudah berakhir."))
        aktif = p.pendaftaran_set.filter(status__in=PendaftaranProgram.MENEMPATI_KUOTA)
        if aktif.filter(pegawai=sendiri).exists():
            raise ValidationError(_("Anda sudah terdaftar pada program ini."))
        if aktif.count() >= p.kuota:
            raise ValidationError(_("Kuota program ini sudah penuh."))
        daftar = PendaftaranProgram(program=p, pegawai=sendiri, alasan=(alasan or "").strip())
        daftar.full_clean(exclude=["program", "pegawai", "diklat"], validate_constraints=False)
        try:
            with transaction.atomic():
                daftar.save()
        except IntegrityError as e:  # the partial unique constraint, a double click
            raise ValidationError(_("Anda sudah terdaftar pada program ini.")) from e
        workflow.catat_transisi(daftar, dari="", ke=daftar.status, oleh=actor)
        _kabari("pendaftaran", daftar)
    return daftar


def _izin_penilai(actor: Pengguna):
    def cek(obj: Any) -> None:
        if not selectors.is_penilai(actor, obj.pegawai):
            raise PermissionDenied(_("Hanya pejabat penilai pegawai ini yang dapat memutuskan."))

    return cek


def _izin_hr(actor: Pengguna):
    def cek(obj: PendaftaranProgram) -> None:
        _wajib_hr(actor, obj.program.wilayah_id)

    return cek


def pendaftaran_putus_atasan(
    *, actor: Pengguna, pendaftaran: PendaftaranProgram, setuju: bool, catatan: str = ""
) -> PendaftaranProgram:
    t = alur.DAFTAR_SETUJUI_ATASAN if setuju else alur.DAFTAR_TOLAK_ATASAN
    with transaction.atomic():
        obj = alur.jalankan(
            PendaftaranProgram,
            pendaftaran.pk,
            t,
            oleh=actor,
            catatan=catatan,
            izin=_izin_penilai(actor),
        )
        _kabari("pendaftaran", obj)
    return obj


def pendaftaran_putus_hr(
    *, actor: Pengguna, pendaftaran: PendaftaranProgram, setuju: bool, catatan: str = ""
) -> PendaftaranProgram:
    t = alur.DAFTAR_SETUJUI_HR if setuju else alur.DAFTAR_TOLAK_HR
    with transaction.atomic():
        obj = alur.jalankan(
            PendaftaranProgram, pendaftaran.pk, t, oleh=actor, catatan=catatan, izin=_izin_hr(actor)
        )
        _kabari("pendaftaran", obj)
    return obj


def pendaftaran_batalkan(*, actor: Pengguna, pendaftaran: PendaftaranProgram) -> PendaftaranProgram:
    def izin(obj: PendaftaranProgram) -> None:
        if obj.pegawai.pengguna_id != actor.pk:
            raise PermissionDenied(_("Hanya pendaftar sendiri yang dapat membatalkan."))

    return alur.jalankan(
        PendaftaranProgram, pendaftaran.pk, alur.DAFTAR_BATALKAN, oleh=actor, izin=izin
    )


def pendaftaran_selesai(
    *,
    actor: Pengguna,
    pendaftaran: PendaftaranProgram,
    jp_realisasi: int,
    nomor_sertifikat: str = "",
) -> PendaftaranProgram:
    """HR marks the participation complete with the JP actually earned: a `Diklat` row is
    written in the training history (counting towards the yearly JP) and linked back. Running
    it twice writes no second row: the status step refuses, and an existing history row with
    the same natural key is reused."""
    if not jp_realisasi or jp_realisasi < 1:
        raise ValidationError(
            {"jp_realisasi": _("JP yang diselesaikan wajib diisi (paling sedikit 1).")}
        )

    def ubah(obj: PendaftaranProgram) -> None:
        program = obj.program
        if obj.diklat_id is None:
            diklat, _baru = Diklat.objects.get_or_create(
                pegawai_id=obj.pegawai_id,
                nama=program.judul[:200],
                tanggal_mulai=program.tanggal_mulai,
                defaults={
                    "jenis": JENIS_DIKLAT.get(program.jenis, Diklat.Jenis.KURSUS),
                    "penyelenggara": program.penyelenggara[:200],
                    "tanggal_selesai": program.tanggal_selesai,
                    "jam_pelajaran": jp_realisasi,
                    "nomor_sertifikat": (nomor_sertifikat or "")[:80],
                },
            )
            obj.diklat = diklat
        obj.jp_realisasi = jp_realisasi

    with transaction.atomic():
        obj = alur.jalankan(
            PendaftaranProgram, pendaftaran.pk, alur.DAFTAR_SELESAI, oleh=actor,
            izin=_izin_hr(actor), ubah=ubah,
        )  # fmt: skip
        _tandai_kegiatan_selesai(obj)
        _kabari("pendaftaran", obj)
    return obj


def _tandai_kegiatan_selesai(pendaftaran: PendaftaranProgram) -> None:
    """A completed programme completes the matching activity of that year's approved IDP (same
    competency, or same title), so the IDP progress follows the training history."""
    program = pendaftaran.program
    kegiatan = KegiatanPengembangan.objects.filter(
        rencana__pegawai_id=pendaftaran.pegawai_id,
        rencana__tahun=program.tanggal_selesai.year,
        rencana__status=RencanaPengembangan.Status.DISETUJUI,
    ).exclude(status=KegiatanPengembangan.Status.SELESAI)
    if program.kompetensi_id:
        cocok = kegiatan.filter(kompetensi_id=program.kompetensi_id)
    else:
        cocok = kegiatan.filter(judul__iexact=program.judul)
    k = cocok.order_by("bulan_rencana", "pk").first()
    if k is not None:
        k.status = KegiatanPengembangan.Status.SELESAI
        k.save(update_fields=["status", "updated_at"])


# --- the IDP ---------------------------------------------------------------------------------


@transaction.atomic
def rencana_simpan(
    *,
    actor: Pengguna,
    tahun: int,
    tujuan: str,
    target_jp: int,
    rencana: RencanaPengembangan | None = None,
) -> RencanaPengembangan:
    """The employee writes (or edits while draft / returned) their IDP of a year."""
    sendiri = _pegawai_sendiri(actor)
    if rencana is None:
        rencana = RencanaPengembangan(pegawai=sendiri, tahun=tahun)
        if RencanaPengembangan.objects.filter(pegawai=sendiri, tahun=tahun).exists():
            raise ValidationError(_("Rencana pengembangan tahun ini sudah ada."))
    else:
        rencana = RencanaPengembangan.objects.select_for_update().get(pk=rencana.pk)
        if rencana.pegawai_id != sendiri.pk:
            raise PermissionDenied
        if not rencana.bisa_diubah:
            raise ValidationError(
                _("Rencana yang sudah diajukan atau disetujui tidak dapat diubah.")
            )
    rencana.tujuan = (tujuan or "").strip()
    rencana.target_jp = target_jp
    rencana.full_clean(exclude=["pegawai", "disetujui_oleh"], validate_constraints=False)
    rencana.save()
    return rencana


def _rencana_milik(
    actor: Pengguna, rencana: RencanaPengembangan, *, harus_bisa_diubah: bool
) -> RencanaPengembangan:
    sendiri = _pegawai_sendiri(actor)
    r = RencanaPengembangan.objects.select_for_update().get(pk=rencana.pk)
    if r.pegawai_id != sendiri.pk:
        raise PermissionDenied
    if harus_bisa_diubah and not r.bisa_diubah:
        raise ValidationError(
            _("Kegiatan hanya dapat diubah selama rencana berstatus draf atau dikembalikan.")
        )
    return r


@transaction.atomic
def kegiatan_tambah(
    *,
    actor: Pengguna,
    rencana: RencanaPengembangan,
    jenis: str,
    judul: str,
    jp_rencana: int,
    bulan_rencana: int,
    kompetensi: Any = None,
) -> KegiatanPengembangan:
    r = _rencana_milik(actor, rencana, harus_bisa_diubah=True)
    k = KegiatanPengembangan(
        rencana=r, jenis=jenis, judul=(judul or "").strip(), jp_rencana=jp_rencana,
        bulan_rencana=bulan_rencana, kompetensi=kompetensi,
    )  # fmt: skip
    k.full_clean(exclude=["rencana", "kompetensi"])
    k.save()
    return k


@transaction.atomic
def kegiatan_hapus(*, actor: Pengguna, kegiatan: KegiatanPengembangan) -> None:
    _rencana_milik(actor, kegiatan.rencana, harus_bisa_diubah=True)
    kegiatan.delete()


@transaction.atomic
def kegiatan_ubah_status(
    *, actor: Pengguna, kegiatan: KegiatanPengembangan, status: str
) -> KegiatanPengembangan:
    """The employee reports progress on an activity of their approved IDP."""
    r = _rencana_milik(actor, kegiatan.rencana, harus_bisa_diubah=False)
    if r.status != RencanaPengembangan.Status.DISETUJUI:
        raise ValidationError(_("Kemajuan kegiatan dicatat setelah rencana disetujui atasan."))
    if status not in KegiatanPengembangan.Status.values:
        raise ValidationError(_("Status kegiatan tidak dikenal."))
    k = KegiatanPengembangan.objects.select_for_update().get(pk=kegiatan.pk)
    k.status = status
    k.save(update_fields=["status", "updated_at"])
    return k


def rencana_ajukan(*, actor: Pengguna, rencana: RencanaPengembangan) -> RencanaPengembangan:
    def izin(obj: RencanaPengembangan) -> None:
        if obj.pegawai.pengguna_id != actor.pk:
            raise PermissionDenied(_("Hanya pemilik rencana yang dapat mengajukannya."))
        if not obj.kegiatan_set.exists():
            raise ValidationError(_("Tambahkan paling sedikit satu kegiatan sebelum mengajukan."))
        if selectors.pejabat_penilai(obj.pegawai) is None:
            raise ValidationError(
                _("Pejabat penilai Anda belum ditetapkan; hubungi admin kepegawaian.")
            )

    with transaction.atomic():
        obj = alur.jalankan(RencanaPengembangan, rencana.pk, alur.IDP_AJUKAN, oleh=actor, izin=izin)
        _kabari("rencana", obj)
    return obj


def rencana_putuskan(
    *, actor: Pengguna, rencana: RencanaPengembangan, setuju: bool, catatan: str = ""
) -> RencanaPengembangan:
    """The pejabat penilai agrees the IDP, or returns it with a note."""
    t = alur.IDP_SETUJUI if setuju else alur.IDP_KEMBALIKAN

    def ubah(obj: RencanaPengembangan) -> None:
        obj.disetujui_oleh = pegawai_dari_pengguna(actor) if setuju else None

    with transaction.atomic():
        obj = alur.jalankan(
            RencanaPengembangan, rencana.pk, t, oleh=actor, catatan=catatan,
            izin=_izin_penilai(actor), ubah=ubah,
        )  # fmt: skip
        _kabari("rencana", obj)
    return obj
