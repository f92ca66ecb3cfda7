"""Writes of the daily activity log (LogHarian): the employee records, the superior
verifies or returns it. Status changes go through the workflow engine (one TransisiStatus
row each) and notify the employee."""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asn_kinerja.notifikasi import notifikasi_kirim
from asn_kinerja.waktu import hari_ini
from asn_kinerja.workflow import Transisi, catat_transisi, jalankan
from kinerja.models import LogHarian, PeriodePenilaian, RencanaHasilKerja
from kinerja.services.periode import pastikan_terbuka
from pegawai.selectors import pegawai_dari_pengguna, pejabat_penilai

if TYPE_CHECKING:
    from organisasi.models import Pengguna

S = LogHarian.Status

VERIFIKASI = Transisi(
    "verifikasi", frozenset({S.DIAJUKAN}), S.DIVERIFIKASI, gettext_lazy("Verifikasi")
)
KEMBALIKAN = Transisi(
    "kembalikan", frozenset({S.DIAJUKAN}), S.DIKEMBALIKAN, gettext_lazy("Kembalikan"), True
)
AJUKAN_ULANG = Transisi(
    "ajukan_ulang", frozenset({S.DIKEMBALIKAN}), S.DIAJUKAN, gettext_lazy("Ajukan ulang")
)

#: Evidence: PDF or an image, at most 5 MB, a plain file name of at most 100 characters.
BUKTI_MAKS_BYTE = 5 * 1024 * 1024
BUKTI_MAKS_NAMA = 100
BUKTI_JENIS = {
    ".pdf": (b"%PDF-",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
}


def validasi_bukti(berkas: UploadedFile) -> None:
    """Checks an uploaded evidence file: name (length, no path or control characters),
    extension, the file's real content (magic bytes, not the browser's claim) and size."""
    nama = berkas.name or ""
    if not nama or len(nama) > BUKTI_MAKS_NAMA:
        raise ValidationError(
            _("Nama berkas paling banyak %(n)s karakter.") % {"n": BUKTI_MAKS_NAMA},
            code="nama",
        )
    if (
        "/" in nama
        or "\\" in nama
        or nama.startswith(".")
        or any(unicodedata.category(c).startswith("C") for c in nama)
    ):
        raise ValidationError(_("Nama berkas tidak sah."), code="nama")
    ext = os.path.splitext(nama)[1].lower()
    if ext not in BUKTI_JENIS:
        raise ValidationError(
            _("Jenis berkas tidak didukung. Unggah PDF, JPG atau PNG."), code="jenis"
        )
    if berkas.size > BUKTI_MAKS_BYTE:
        raise ValidationError(
            _("Ukuran berkas paling besar 5 MB (berkas ini %(mb).1f MB).")
            % {"mb": berkas.size / 1024 / 1024},
            code="ukuran",
        )
    if berkas.size == 0:
        raise ValidationError(_("Berkas kosong."), code="kosong")
    berkas.seek(0)
    kepala = berkas.read(16)
    berkas.seek(0)
    if not kepala.startswith(BUKTI_JENIS[ext]):
        raise ValidationError(
            _("Isi berkas tidak sesuai dengan jenisnya (%(ext)s).") % {"ext": ext},
            code="jenis",
        )


def _periode_untuk(pegawai: Any, tanggal: dt.date) -> PeriodePenilaian:
    periode = (
        PeriodePenilaian.objects.select_related("periode_kinerja")
        .filter(periode_kinerja__wilayah_id=pegawai.wilayah_id)
        .mencakup(tanggal)
        .first()
    )
    if periode is None:
        raise ValidationError(
            {"tanggal": _("Belum ada periode kinerja yang dibuka untuk tanggal ini.")}
        )
    pastikan_terbuka(periode)
    return periode


def _validasi_isi(
    pegawai: Any, *, tanggal: dt.date, rhk: RencanaHasilKerja | None, volume: Decimal | None
) -> None:
    errors: dict[str, str] = {}
    if tanggal > hari_ini():
        errors["tanggal"] = _("Tanggal tidak boleh di masa depan.")
    if rhk is not None and (
        rhk.skp.pegawai_id != pegawai.pk or rhk.skp.periode_kinerja.tahun != tanggal.year
    ):
        errors["rhk"] = _("RHK harus dari SKP Anda pada tahun yang sama dengan tanggal kegiatan.")
    if volume is not None and volume < 0:
        errors["volume"] = _("Volume tidak boleh negatif.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def log_harian_simpan(
    *,
    actor: Pengguna,
    tanggal: dt.date,
    kegiatan: str,
    output: str = "",
    volume: Decimal | None = None,
    satuan: str = "",
    rhk: RencanaHasilKerja | None = None,
    bukti: UploadedFile | None = None,
    log: LogHarian | None = None,
) -> LogHarian:
    """Records a new activity (log=None) or changes one that is not verified yet. Changing
    a returned log submits it again."""
    pegawai = pegawai_dari_pengguna(actor)
    if pegawai is None:
        raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
    if log is not None:
        log = LogHarian.objects.select_for_update().get(pk=log.pk)
        if log.pegawai_id != pegawai.pk:
            raise PermissionDenied(_("Hanya pemilik log yang dapat mengubahnya."))
        if log.status == S.DIVERIFIKASI:
            raise ValidationError(_("Log yang sudah diverifikasi tidak dapat diubah."))
        _periode_untuk(pegawai, log.tanggal)
    _periode_untuk(pegawai, tanggal)
    _validasi_isi(pegawai, tanggal=tanggal, rhk=rhk, volume=volume)
    if bukti is not None:
        validasi_bukti(bukti)
    baru = log is None
    obj = log or LogHarian(pegawai=pegawai, wilayah_id=pegawai.wilayah_id)
    obj.tanggal = tanggal
    obj.kegiatan = (kegiatan or "").strip()
    obj.output = (output or "").strip()
    obj.volume = volume
    obj.satuan = (satuan or "").strip()
    obj.rhk = rhk
    if bukti is not None:
        obj.bukti = bukti
    obj.full_clean()
    obj.save()
    if baru:
        catat_transisi(obj, dari="", ke=obj.status, oleh=actor)
    elif obj.status == S.DIKEMBALIKAN:
        jalankan(LogHarian, obj.pk, AJUKAN_ULANG, oleh=actor)
        obj.refresh_from_db()
    return obj


@transaction.atomic
def log_harian_hapus(*, actor: Pengguna, log: LogHarian) -> None:
    log = LogHarian.objects.select_for_update().get(pk=log.pk)
    pegawai = pegawai_dari_pengguna(actor)
    if pegawai is None or log.pegawai_id != pegawai.pk:
        raise PermissionDenied(_("Hanya pemilik log yang dapat menghapusnya."))
    if log.status == S.DIVERIFIKASI:
        raise ValidationError(_("Log yang sudah diverifikasi tidak dapat dihapus."))
    _periode_untuk(pegawai, log.tanggal)
    if log.bukti:
        log.bukti.delete(save=False)
    log.delete()


def is_verifikator(actor: Pengguna, log: LogHarian) -> bool:
    """The employee's pejabat penilai (from the org tree) verifies their logs."""
    saya = pegawai_dari_pengguna(actor)
    return bool(saya and saya == pejabat_penilai(log.pegawai))


def _izin_verifikator(actor: Pengguna):
    def izin(obj: LogHarian) -> None:
        if not is_verifikator(actor, obj):
            raise PermissionDenied(_("Hanya atasan langsung pegawai yang dapat memverifikasi."))
        _periode_untuk(obj.pegawai, obj.tanggal)

    return izin


def log_harian_verifikasi(*, actor: Pengguna, log: LogHarian, catatan: str = "") -> LogHarian:
    saya = pegawai_dari_pengguna(actor)

    def ubah(obj: LogHarian) -> None:
        obj.diverifikasi_oleh = saya
        obj.diverifikasi_pada = timezone.now()
        obj.catatan_atasan = (catatan or "").strip()

    obj = jalankan(
        LogHarian, log.pk, VERIFIKASI, oleh=actor, catatan=catatan,
        izin=_izin_verifikator(actor), ubah=ubah,
    )  # fmt: skip
    notifikasi_kirim(
        penerima=obj.pegawai,
        judul=_("Log harian %(tgl)s diverifikasi") % {"tgl": obj.tanggal.strftime("%d-%m-%Y")},
        pesan=obj.kegiatan[:200],
        tautan=_tautan_log(),
    )
    return obj


def log_harian_kembalikan(*, actor: Pengguna, log: LogHarian, catatan: str) -> LogHarian:
    saya = pegawai_dari_pengguna(actor)

    def ubah(obj: LogHarian) -> None:
        obj.diverifikasi_oleh = saya
        obj.diverifikasi_pada = timezone.now()
        obj.catatan_atasan = (catatan or "").strip()

    obj = jalankan(
        LogHarian, log.pk, KEMBALIKAN, oleh=actor, catatan=catatan,
        izin=_izin_verifikator(actor), ubah=ubah,
    )  # fmt: skip
    notifikasi_kirim(
        penerima=obj.pegawai,
        judul=_("Log harian %(tgl)s dikembalikan") % {"tgl": obj.tanggal.strftime("%d-%m-%Y")},
        pesan=catatan,
        tautan=_tautan_log(),
    )
    return obj


def _tautan_log() -> str:
    from django.urls import reverse

    return reverse("kinerja:log_list")
