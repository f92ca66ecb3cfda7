"""Writes of leave, holidays and attendance: the only code that changes these rows.

Leave flow (DOMAIN.md section 5): the employee submits (`diajukan`), the direct superior
(`pejabat_penilai` at submission time) recommends (`direkomendasikan`) or refuses, the
designated official (default: the wilayah's admin kepegawaian on behalf of the PPK) approves
(`disetujui`) or refuses (`ditolak`); the employee may withdraw a pending request
(`dibatalkan`). Every change writes a RiwayatStatusCuti row and e-mails the people concerned
after the commit. Approval marks the leave's working days as `cuti` in Kehadiran.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import hashlib
import io
import zoneinfo
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from asn_kinerja import antrean
from asn_kinerja.formatting import tanggal_indonesia
from pegawai.choices import STATUS_DI_KANTOR, JenisKelamin, StatusKehadiran
from pegawai.models import (
    Cuti,
    HariLibur,
    ImporKehadiran,
    Kehadiran,
    Pegawai,
    PresensiMesin,
    RiwayatStatusCuti,
)
from pegawai.selectors import pegawai_dari_pengguna, pejabat_penilai

from . import selectors

UKURAN_LAMPIRAN_MAKS = 2 * 1024 * 1024
MAKS_BARIS_PRESENSI = 100_000
EKSTENSI_LAMPIRAN = {".pdf": b"%PDF", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff",
                     ".png": b"\x89PNG"}  # fmt: skip
MAKS_SAKIT_HARI = 548  # 1 year + 6 months
STATUS_DIKECUALIKAN = {
    StatusKehadiran.IZIN,
    StatusKehadiran.SAKIT,
    StatusKehadiran.CUTI,
    StatusKehadiran.DINAS_LUAR,
}


# --- helpers ---------------------------------------------------------------------------------


def tambah_bulan(tanggal: dt.date, bulan: int) -> dt.date:
    m = tanggal.month - 1 + bulan
    y, m = tanggal.year + m // 12, m % 12 + 1
    return tanggal.replace(year=y, month=m, day=min(tanggal.day, calendar.monthrange(y, m)[1]))


def masa_kerja_tahun(pegawai: Pegawai, pada: dt.date) -> int:
    return selectors._masa_kerja_tahun(pegawai, pada)


def validasi_lampiran(berkas: Any) -> None:
    """An attachment (doctor's letter, supporting document): PDF, JPG or PNG, at most 2 MB,
    and its first bytes must match its extension."""
    if not berkas:
        return
    nama = (getattr(berkas, "name", "") or "").lower()
    ext = nama[nama.rfind(".") :] if "." in nama else ""
    if ext not in EKSTENSI_LAMPIRAN:
        raise ValidationError(_("Lampiran harus berupa berkas PDF, JPG, atau PNG."))
    if berkas.size > UKURAN_LAMPIRAN_MAKS:
        raise ValidationError(_("Ukuran lampiran paling besar 2 MB."))
    pos = berkas.tell() if hasattr(berkas, "tell") else 0
    berkas.seek(0)
    kepala = berkas.read(8)
    berkas.seek(pos)
    if not kepala.startswith(EKSTENSI_LAMPIRAN[ext]):
        raise ValidationError(_("Isi lampiran tidak sesuai dengan jenis berkasnya."))


def _catat(cuti: Cuti, *, dari: str, ke: str, oleh: Any, catatan: str = "") -> None:
    RiwayatStatusCuti.objects.create(
        cuti=cuti,
        dari=dari,
        ke=ke,
        oleh=oleh if getattr(oleh, "is_authenticated", False) else None,
        pada=timezone.now(),
        catatan=catatan,
    )


def _kabari(cuti: Cuti, peristiwa: str) -> None:
    from .tasks import kirim_email_cuti

    antrean.kirim_setelah_commit(kirim_email_cuti, cuti.pk, peristiwa)


# --- request validation ----------------------------------------------------------------------


def _validasi_pengajuan(cuti: Cuti, *, hari_ini: dt.date) -> None:
    """All the rules of DOMAIN.md section 5 for one request; raises ValidationError with
    messages the employee can act on. Sets `cuti.jumlah_hari_kerja`."""
    p = cuti.pegawai
    mulai, selesai, jenis = cuti.tanggal_mulai, cuti.tanggal_selesai, cuti.jenis
    if selesai < mulai:
        raise ValidationError(
            {"tanggal_selesai": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")}
        )
    if jenis in (Cuti.Jenis.TAHUNAN, Cuti.Jenis.BESAR, Cuti.Jenis.CLTN) and mulai < hari_ini:
        raise ValidationError(
            {"tanggal_mulai": _("Cuti ini harus diajukan sebelum tanggal mulainya.")}
        )
    hari = selectors.jumlah_hari_kerja(p.wilayah_id, mulai, selesai)
    if hari < 1:
        raise ValidationError(
            _(
                "Rentang tanggal tersebut tidak memuat hari kerja (akhir pekan atau hari libur). "
                "Cuti paling sedikit 1 hari kerja."
            )
        )
    cuti.jumlah_hari_kerja = hari
    bentrok = (
        Cuti.objects.aktif()
        .filter(pegawai=p, tanggal_mulai__lte=selesai, tanggal_selesai__gte=mulai)
        .exclude(pk=cuti.pk)
        .order_by("tanggal_mulai")
        .first()
    )
    if bentrok is not None:
        raise ValidationError(
            _(
                "Tanggal cuti bertumpang tindih dengan %(jenis)s tanggal %(mulai)s s.d. "
                "%(selesai)s (%(status)s). Pilih tanggal lain atau batalkan pengajuan itu."
            )
            % {
                "jenis": bentrok.get_jenis_display().lower(),
                "mulai": tanggal_indonesia(bentrok.tanggal_mulai),
                "selesai": tanggal_indonesia(bentrok.tanggal_selesai),
                "status": bentrok.get_status_display().lower(),
            }
        )
    masa_kerja = masa_kerja_tahun(p, mulai)
    besar_tahun_ini = (
        Cuti.objects.aktif()
        .filter(pegawai=p, jenis=Cuti.Jenis.BESAR, tanggal_mulai__year=mulai.year)
        .exclude(pk=cuti.pk)
    )
    if jenis == Cuti.Jenis.TAHUNAN:
        if selesai.year != mulai.year:
            raise ValidationError(
                _("Cuti tahunan tidak dapat melewati pergantian tahun; ajukan per tahun.")
            )
        if masa_kerja < 1:
            raise ValidationError(
                _("Cuti tahunan baru dapat diambil setelah masa kerja 1 tahun (TMT CPNS %(tmt)s).")
                % {"tmt": tanggal_indonesia(p.tmt_cpns) if p.tmt_cpns else "-"}
            )
        if besar_tahun_ini.exists():
            raise ValidationError(
                _(
                    "Anda mengambil cuti besar pada tahun %(tahun)s, sehingga tidak berhak atas cuti tahunan tahun itu."
                )
                % {"tahun": mulai.year}
            )
        saldo = selectors.saldo_cuti(p, mulai.year, kecuali=cuti)
        if hari > saldo["sisa"]:
            raise ValidationError(
                _(
                    "Sisa cuti tahunan %(tahun)s Anda %(sisa)s hari kerja, sedangkan pengajuan ini "
                    "%(hari)s hari kerja. Kurangi jumlah hari."
                )
                % {"tahun": mulai.year, "sisa": saldo["sisa"], "hari": hari}
            )
    elif jenis == Cuti.Jenis.BESAR:
        if masa_kerja < 5:
            raise ValidationError(_("Cuti besar baru dapat diambil setelah masa kerja 5 tahun."))
        if selesai >= tambah_bulan(mulai, 3):
            raise ValidationError(_("Cuti besar paling lama 3 bulan."))
        tahunan = Cuti.objects.aktif().filter(
            pegawai=p, jenis=Cuti.Jenis.TAHUNAN, tanggal_mulai__year=mulai.year
        )
        if tahunan.exists():
            raise ValidationError(
                _(
                    "Anda sudah mengambil atau mengajukan cuti tahunan pada tahun %(tahun)s; cuti "
                    "besar meniadakan cuti tahunan tahun itu. Batalkan cuti tahunan terlebih dahulu "
                    "atau ajukan cuti besar pada tahun lain."
                )
                % {"tahun": mulai.year}
            )
    elif jenis == Cuti.Jenis.SAKIT:
        kalender = cuti.jumlah_hari_kalender
        if kalender > 1 and not cuti.lampiran:
            raise ValidationError(
                {
                    "lampiran": _(
                        "Cuti sakit lebih dari 1 hari wajib melampirkan surat keterangan dokter."
                    )
                }
            )
        if kalender > 14 and not cuti.dokter_pemerintah:
            raise ValidationError(
                {
                    "dokter_pemerintah": _(
                        "Cuti sakit lebih dari 14 hari memerlukan surat keterangan dokter pemerintah."
                    )
                }
            )
        if kalender > MAKS_SAKIT_HARI:
            raise ValidationError(_("Cuti sakit paling lama 1 tahun 6 bulan."))
    elif jenis == Cuti.Jenis.MELAHIRKAN:
        if p.jenis_kelamin != JenisKelamin.PEREMPUAN:
            raise ValidationError(_("Cuti melahirkan hanya untuk pegawai perempuan."))
        if not cuti.anak_ke:
            raise ValidationError({"anak_ke": _("Isi kelahiran anak ke berapa.")})
        sebelumnya = (
            Cuti.objects.filter(
                pegawai=p, jenis=Cuti.Jenis.MELAHIRKAN, status=Cuti.Status.DISETUJUI
            )
            .exclude(pk=cuti.pk)
            .count()
        )
        if cuti.anak_ke > 3 or sebelumnya >= 3:
            raise ValidationError(
                _(
                    "Cuti melahirkan hanya untuk kelahiran anak pertama sampai ketiga selama "
                    "menjadi ASN; untuk anak keempat dan seterusnya ajukan cuti besar."
                )
            )
        if selesai >= tambah_bulan(mulai, 3):
            raise ValidationError(_("Cuti melahirkan paling lama 3 bulan."))
    elif jenis == Cuti.Jenis.ALASAN_PENTING:
        if selesai >= tambah_bulan(mulai, 1):
            raise ValidationError(_("Cuti karena alasan penting paling lama 1 bulan."))
    elif jenis == Cuti.Jenis.CLTN:
        if masa_kerja < 5:
            raise ValidationError(
                _("Cuti di luar tanggungan negara baru dapat diambil setelah masa kerja 5 tahun.")
            )
        if selesai >= tambah_bulan(mulai, 36):
            raise ValidationError(_("Cuti di luar tanggungan negara paling lama 3 tahun."))
    if cuti.lampiran:
        validasi_lampiran(cuti.lampiran)


# --- leave flow ------------------------------------------------------------------------------


@transaction.atomic
def cuti_ajukan(
    *,
    actor: Any,
    jenis: str,
    tanggal_mulai: dt.date,
    tanggal_selesai: dt.date,
    alasan: str,
    alamat_selama_cuti: str = "",
    telepon: str = "",
    anak_ke: int | None = None,
    dokter_pemerintah: bool = False,
    lampiran: UploadedFile | None = None,
    hari_ini: dt.date | None = None,
) -> Cuti:
    """The actor requests leave for themself. The employee row is locked so two concurrent
    requests cannot both pass the overlap and balance checks."""
    sendiri = pegawai_dari_pengguna(actor)
    if sendiri is None:
        raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
    pegawai = Pegawai.objects.select_for_update().select_related("wilayah").get(pk=sendiri.pk)
    pegawai.unit, pegawai.jabatan = sendiri.unit, sendiri.jabatan
    cuti = Cuti(
        pegawai=pegawai,
        jenis=jenis,
        tanggal_mulai=tanggal_mulai,
        tanggal_selesai=tanggal_selesai,
        alasan=alasan,
        alamat_selama_cuti=alamat_selama_cuti,
        telepon=telepon,
        anak_ke=anak_ke,
        dokter_pemerintah=dokter_pemerintah,
        lampiran=lampiran or "",
    )
    _validasi_pengajuan(cuti, hari_ini=hari_ini or timezone.localdate())
    atasan = pejabat_penilai(pegawai)
    cuti.atasan = atasan
    if atasan is None:
        # No superior above (e.g. the head of the region's top unit): straight to decision.
        cuti.status = Cuti.Status.DIREKOMENDASIKAN
    cuti.full_clean()
    cuti.save()
    _catat(cuti, dari="", ke=Cuti.Status.DIAJUKAN, oleh=actor, catatan=alasan[:500])
    if atasan is None:
        _catat(
            cuti,
            dari=Cuti.Status.DIAJUKAN,
            ke=Cuti.Status.DIREKOMENDASIKAN,
            oleh=None,
            catatan=_("Tanpa atasan langsung: diteruskan ke pejabat yang memutus."),
        )
    _kabari(cuti, "diajukan")
    return cuti


def _kunci(cuti: Cuti) -> Cuti:
    return (
        Cuti.objects.select_for_update(of=("self",))
        .select_related("pegawai__wilayah", "pegawai__unit", "pegawai__jabatan")
        .get(pk=cuti.pk)
    )


@transaction.atomic
def cuti_rekomendasikan(*, actor: Any, cuti: Cuti, setuju: bool, catatan: str = "") -> Cuti:
    """The direct superior recommends the request (it goes on to the decision) or refuses it
    (final; a refusal needs a reason)."""
    cuti = _kunci(cuti)
    if not selectors.boleh_merekomendasi(actor, cuti):
        raise PermissionDenied(_("Hanya atasan langsung pegawai yang dapat memberi rekomendasi."))
    if cuti.status != Cuti.Status.DIAJUKAN:
        raise ValidationError(
            _("Pengajuan ini tidak sedang menunggu rekomendasi (status: %(s)s).")
            % {"s": cuti.get_status_display()}
        )
    if not setuju and not catatan.strip():
        raise ValidationError({"catatan": _("Tuliskan alasan penolakan.")})
    dari = cuti.status
    cuti.status = Cuti.Status.DIREKOMENDASIKAN if setuju else Cuti.Status.DITOLAK
    cuti.catatan_atasan = catatan
    cuti.direkomendasikan_pada = timezone.now()
    cuti.full_clean()
    cuti.save()
    _catat(cuti, dari=dari, ke=cuti.status, oleh=actor, catatan=catatan)
    _kabari(cuti, "direkomendasikan" if setuju else "ditolak")
    return cuti


@transaction.atomic
def cuti_putuskan(*, actor: Any, cuti: Cuti, setujui: bool, catatan: str = "") -> Cuti:
    """The designated official (default: HR of the wilayah, on behalf of the PPK) approves or
    refuses a recommended request. Approval re-checks overlap and balance (something may have
    been approved meanwhile), numbers the letter and marks the attendance days as cuti."""
    cuti = _kunci(cuti)
    if not selectors.boleh_memutus(actor, cuti):
        raise PermissionDenied(_("Anda tidak berwenang memutus pengajuan cuti ini."))
    if cuti.status != Cuti.Status.DIREKOMENDASIKAN:
        raise ValidationError(
            _("Pengajuan ini tidak sedang menunggu keputusan (status: %(s)s).")
            % {"s": cuti.get_status_display()}
        )
    if not setujui and not catatan.strip():
        raise ValidationError({"catatan": _("Tuliskan alasan penolakan.")})
    dari = cuti.status
    if setujui:
        Pegawai.objects.select_for_update().filter(pk=cuti.pegawai_id).exists()
        # Decisions may come after the start date; only the balance/overlap rules apply.
        _validasi_pengajuan(cuti, hari_ini=cuti.tanggal_mulai)
        cuti.status = Cuti.Status.DISETUJUI
        cuti.nomor_surat = (
            f"800.1.11.4/{cuti.pk:05d}/{cuti.pegawai.wilayah.kode.upper()[:3]}/"
            f"{timezone.localdate().year}"
        )
    else:
        cuti.status = Cuti.Status.DITOLAK
    cuti.diputuskan_oleh = actor
    cuti.diputuskan_pada = timezone.now()
    cuti.catatan_keputusan = catatan
    cuti.full_clean()
    cuti.save()
    _catat(cuti, dari=dari, ke=cuti.status, oleh=actor, catatan=catatan)
    if setujui:
        _tandai_kehadiran_cuti(cuti)
    _kabari(cuti, cuti.status)
    return cuti


@transaction.atomic
def cuti_batalkan(*, actor: Any, cuti: Cuti, catatan: str = "") -> Cuti:
    """The employee withdraws their own pending request."""
    cuti = _kunci(cuti)
    if cuti.pegawai.pengguna_id != actor.pk:
        raise PermissionDenied(_("Hanya pegawai yang mengajukan yang dapat membatalkan."))
    if cuti.status not in Cuti.STATUS_MENUNGGU:
        raise ValidationError(_("Hanya pengajuan yang masih menunggu yang dapat dibatalkan."))
    dari = cuti.status
    cuti.status = Cuti.Status.DIBATALKAN
    cuti.full_clean()
    cuti.save()
    _catat(cuti, dari=dari, ke=cuti.status, oleh=actor, catatan=catatan)
    _kabari(cuti, "dibatalkan")
    return cuti


def _tandai_kehadiran_cuti(cuti: Cuti) -> int:
    """Marks the leave's working days as `cuti` (insert or overwrite, one statement)."""
    hari = selectors.hari_kerja(cuti.pegawai.wilayah_id, cuti.tanggal_mulai, cuti.tanggal_selesai)
    keterangan = f"{cuti.get_jenis_display()} ({cuti.nomor_surat})"[:255]
    rows = [
        Kehadiran(
            pegawai_id=cuti.pegawai_id,
            tanggal=d,
            status=StatusKehadiran.CUTI,
            keterangan=keterangan,
            sumber="cuti",
            menit_terlambat=0,
            menit_pulang_cepat=0,
        )
        for d in hari
    ]
    Kehadiran.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["pegawai", "tanggal"],
        update_fields=[
            "status",
            "keterangan",
            "sumber",
            "menit_terlambat",
            "menit_pulang_cepat",
            "updated_at",
        ],
    )
    return len(rows)


def cuti_email(cuti: Cuti, peristiwa: str) -> list[tuple[str, str, list[str]]]:
    """The e-mails one event sends: (subject, body, recipients). In-app notifications live in
    kinerja, which pegawai may not import; the employee sees the status on their own leave
    list, and these e-mails go out after the commit (tasks.kirim_email_cuti)."""
    from django.conf import settings

    def alamat(p: Pegawai | None) -> list[str]:
        if p is None:
            return []
        email = p.email or (p.pengguna.email if p.pengguna_id else "")
        return [email] if email else []

    tautan = f"{getattr(settings, 'SITE_URL', '').rstrip('/')}{cuti.get_absolute_url()}"
    rentang = (
        f"{tanggal_indonesia(cuti.tanggal_mulai)} s.d. {tanggal_indonesia(cuti.tanggal_selesai)}"
    )
    jenis = cuti.get_jenis_display()
    nama = cuti.pegawai.nama_lengkap
    surat = []
    if peristiwa == "diajukan" and cuti.status == Cuti.Status.DIAJUKAN:
        surat.append(
            (
                _("Permohonan rekomendasi %(jenis)s: %(nama)s") % {"jenis": jenis, "nama": nama},
                _(
                    "%(nama)s mengajukan %(jenis)s %(rentang)s (%(hari)s hari kerja).\n\nBuka: %(url)s"
                )
                % {
                    "nama": nama,
                    "jenis": jenis,
                    "rentang": rentang,
                    "hari": cuti.jumlah_hari_kerja,
                    "url": tautan,
                },  # fmt: skip
                alamat(cuti.atasan),
            )
        )
    else:
        status = cuti.get_status_display()
        catatan = cuti.catatan_keputusan or cuti.catatan_atasan
        badan = _("Status %(jenis)s Anda %(rentang)s: %(status)s.") % {
            "jenis": jenis.lower(),
            "rentang": rentang,
            "status": status,
        }
        if catatan:
            badan += "\n" + _("Catatan: %(c)s") % {"c": catatan}
        surat.append(
            (
                _("[Cuti] %(status)s: %(jenis)s") % {"status": status, "jenis": jenis},
                f"{badan}\n\n{_('Buka')}: {tautan}",
                alamat(cuti.pegawai),
            )
        )
    return [s for s in surat if s[2]]


# --- holiday calendar ------------------------------------------------------------------------


def _wajib_hr(actor: Any) -> None:
    if not actor.is_admin_kepegawaian:
        raise PermissionDenied(_("Hanya admin kepegawaian yang dapat melakukan ini."))


@transaction.atomic
def libur_simpan(
    *,
    actor: Any,
    wilayah: Any,
    tanggal: dt.date,
    nama: str,
    jenis: str,
    libur: HariLibur | None = None,
) -> HariLibur:
    _wajib_hr(actor)
    if not actor.is_admin_nasional and wilayah.pk != actor.wilayah_id:
        raise PermissionDenied(_("Anda hanya dapat mengubah kalender wilayah Anda."))
    libur = libur or HariLibur()
    libur.wilayah, libur.tanggal, libur.nama, libur.jenis = wilayah, tanggal, nama, jenis
    libur.full_clean()
    libur.save()
    return libur


@transaction.atomic
def libur_hapus(*, actor: Any, libur: HariLibur) -> None:
    _wajib_hr(actor)
    if not actor.is_admin_nasional and libur.wilayah_id != actor.wilayah_id:
        raise PermissionDenied(_("Anda hanya dapat mengubah kalender wilayah Anda."))
    libur.delete()


# --- attendance ------------------------------------------------------------------------------


def _jam(nilai: dt.time | str) -> dt.time:
    """A working-hour setting (a just-created Wilayah may still hold the "07:30" default)."""
    return nilai if isinstance(nilai, dt.time) else dt.time.fromisoformat(str(nilai))


def hitung_keterlambatan(
    *,
    wilayah: Any,
    tanggal: dt.date,
    jam_masuk: dt.datetime | None,
    jam_pulang: dt.datetime | None,
) -> tuple[int, int]:
    """Minutes late and minutes of early leave, evaluated in the wilayah's time zone against
    its working hours (Friday has its own closing time). Whole minutes, seconds dropped."""
    tz = zoneinfo.ZoneInfo(wilayah.zona_waktu)
    terlambat = pulang_cepat = 0
    if jam_masuk is not None:
        batas = dt.datetime.combine(tanggal, _jam(wilayah.jam_masuk), tzinfo=tz)
        terlambat = max(0, int((jam_masuk - batas).total_seconds() // 60))
    if jam_pulang is not None:
        tutup = wilayah.jam_pulang_jumat if tanggal.weekday() == 4 else wilayah.jam_pulang
        batas = dt.datetime.combine(tanggal, _jam(tutup), tzinfo=tz)
        pulang_cepat = max(0, int((batas - jam_pulang).total_seconds() // 60))
    return terlambat, pulang_cepat


def status_dari_jam(terlambat: int, pulang_cepat: int) -> str:
    """Late wins over early leave (both minute counts are kept)."""
    if terlambat > 0:
        return StatusKehadiran.TERLAMBAT
    if pulang_cepat > 0:
        return StatusKehadiran.PULANG_CEPAT
    return StatusKehadiran.HADIR


def _baca_csv(data: bytes) -> list[tuple[int, str, str]]:
    """(row number, NIP, timestamp) of each non-blank row. At most `MAKS_BARIS_PRESENSI`
    rows (a month of two punches a day for 2,000 employees is 88,000): a longer file is
    refused before anything is written, so a hostile upload costs bounded memory."""
    # PostgreSQL refuses NUL in text and JSON (the report of unreadable rows is JSON).
    teks = data.decode("utf-8-sig", errors="replace").replace("\x00", "")
    sampel = teks[:2048]
    try:
        dialek = csv.Sniffer().sniff(sampel, delimiters=",;\t")
    except csv.Error:
        dialek = csv.excel
    baris: list[tuple[int, str, str]] = []
    try:
        for no, row in enumerate(csv.reader(io.StringIO(teks), dialek), 1):
            if not row or not any(c.strip() for c in row):
                continue
            if len(baris) >= MAKS_BARIS_PRESENSI:
                raise ValidationError(
                    _("Paling banyak %(n)s baris presensi per berkas; pecah berkas Anda per "
                      "minggu atau per mesin.")
                    % {"n": f"{MAKS_BARIS_PRESENSI:,}".replace(",", ".")}
                )  # fmt: skip
            baris.append((no, row[0].strip(), row[1].strip() if len(row) > 1 else ""))
    except csv.Error:  # NUL byte, a field over csv.field_size_limit (128 KB), ...
        raise ValidationError(_("Berkas CSV tidak dapat dibaca.")) from None
    return baris


FORMAT_WAKTU = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M",
                "%Y-%m-%dT%H:%M:%S", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M"]  # fmt: skip


def _parse_waktu(teks: str, tz: zoneinfo.ZoneInfo) -> dt.datetime | None:
    """A machine timestamp: local time of the wilayah unless it carries an offset."""
    try:
        nilai = dt.datetime.fromisoformat(teks)
    except ValueError:
        nilai = None
        for fmt in FORMAT_WAKTU:
            try:
                nilai = dt.datetime.strptime(teks, fmt)
                break
            except ValueError:
                continue
    if nilai is None:
        return None
    if nilai.tzinfo is None:
        nilai = nilai.replace(tzinfo=tz)
    return nilai.astimezone(dt.UTC)


@transaction.atomic
def kehadiran_impor(
    *, actor: Any, wilayah: Any, data: bytes, nama_file: str = "presensi.csv"
) -> ImporKehadiran:
    """Imports a fingerprint-machine export (CSV rows: NIP, timestamp; a header row is
    skipped). Punches are stored once (unique per employee and instant), so the same file
    twice adds nothing; each touched day is then recomputed from all its punches. Unknown NIPs
    and unreadable rows are reported, not fatal. Days with an excused status (izin, sakit,
    cuti, dinas luar) keep that status."""
    _wajib_hr(actor)
    if not actor.is_admin_nasional and wilayah.pk != actor.wilayah_id:
        raise PermissionDenied(_("Anda hanya dapat mengimpor kehadiran wilayah Anda."))
    tz = zoneinfo.ZoneInfo(wilayah.zona_waktu)
    rows = _baca_csv(data)
    nip_set = {nip for _no, nip, _w in rows}
    pegawai_by_nip = dict(
        Pegawai.objects.di_wilayah(wilayah).filter(nip__in=nip_set).values_list("nip", "pk")
    )
    impor = ImporKehadiran.objects.create(
        wilayah=wilayah,
        nama_file=nama_file[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        diimpor_oleh=actor,
    )
    presensi: dict[tuple[int, dt.datetime], PresensiMesin] = {}
    tidak_dikenal: dict[str, int] = {}
    tidak_sah: list[dict[str, Any]] = []
    jumlah = 0
    for no, nip, waktu_teks in rows:
        if not nip.isdigit():
            if no == 1:
                continue  # header row
            tidak_sah.append({"baris": no, "isi": f"{nip},{waktu_teks}"[:80],
                              "alasan": _("NIP bukan angka")})  # fmt: skip
            continue
        jumlah += 1
        waktu = _parse_waktu(waktu_teks, tz)
        if waktu is None:
            tidak_sah.append({"baris": no, "isi": f"{nip},{waktu_teks}"[:80],
                              "alasan": _("waktu tidak terbaca")})  # fmt: skip
            continue
        pid = pegawai_by_nip.get(nip)
        if pid is None:
            tidak_dikenal[nip] = tidak_dikenal.get(nip, 0) + 1
            continue
        presensi[(pid, waktu)] = PresensiMesin(pegawai_id=pid, waktu=waktu, impor=impor)
    sebelum = PresensiMesin.objects.filter(
        pegawai_id__in={k[0] for k in presensi}, waktu__in={k[1] for k in presensi}
    ).count()
    PresensiMesin.objects.bulk_create(list(presensi.values()), ignore_conflicts=True)
    sesudah = PresensiMesin.objects.filter(
        pegawai_id__in={k[0] for k in presensi}, waktu__in={k[1] for k in presensi}
    ).count()
    hari = {(pid, waktu.astimezone(tz).date()) for pid, waktu in presensi}
    diperbarui = _hitung_ulang_hari(wilayah, hari)
    impor.jumlah_baris = jumlah
    impor.jumlah_presensi_baru = sesudah - sebelum
    impor.jumlah_duplikat = len(presensi) - (sesudah - sebelum)
    impor.jumlah_hari_diperbarui = diperbarui
    impor.nip_tidak_dikenal = [{"nip": k, "jumlah": v} for k, v in sorted(tidak_dikenal.items())]
    impor.baris_tidak_sah = tidak_sah[:200]
    impor.save()
    return impor


def _hitung_ulang_hari(wilayah: Any, hari: set[tuple[int, dt.date]]) -> int:
    """Recomputes Kehadiran of the given (employee, local date) pairs from their punches: the
    first punch is the check-in, the last (if another) the check-out. Writes only rows whose
    values change; returns their number."""
    if not hari:
        return 0
    tz = zoneinfo.ZoneInfo(wilayah.zona_waktu)
    pids = {pid for pid, _d in hari}
    tanggal_min = min(d for _p, d in hari)
    tanggal_max = max(d for _p, d in hari)
    awal = dt.datetime.combine(tanggal_min, dt.time.min, tzinfo=tz)
    akhir = dt.datetime.combine(tanggal_max + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    from django.db.models.functions import TruncDate

    agregat = (
        PresensiMesin.objects.filter(pegawai_id__in=pids, waktu__gte=awal, waktu__lt=akhir)
        .annotate(tgl=TruncDate("waktu", tzinfo=tz))
        .values("pegawai_id", "tgl")
        .annotate(pertama=Min("waktu"), terakhir=Max("waktu"))
    )
    ada = {
        (k.pegawai_id, k.tanggal): k
        for k in Kehadiran.objects.filter(
            pegawai_id__in=pids, tanggal__range=(tanggal_min, tanggal_max)
        )
    }
    baru, ubah = [], []
    for row in agregat:
        kunci = (row["pegawai_id"], row["tgl"])
        if kunci not in hari:
            continue
        masuk = row["pertama"]
        pulang = row["terakhir"] if row["terakhir"] != row["pertama"] else None
        terlambat, cepat = hitung_keterlambatan(
            wilayah=wilayah, tanggal=row["tgl"], jam_masuk=masuk, jam_pulang=pulang
        )
        k = ada.get(kunci)
        if k is None:
            baru.append(
                Kehadiran(
                    pegawai_id=kunci[0],
                    tanggal=kunci[1],
                    jam_masuk=masuk,
                    jam_pulang=pulang,
                    status=status_dari_jam(terlambat, cepat),
                    menit_terlambat=terlambat,
                    menit_pulang_cepat=cepat,
                    sumber="mesin",
                )  # fmt: skip
            )
            continue
        status = k.status
        if status not in STATUS_DIKECUALIKAN:
            status = status_dari_jam(terlambat, cepat)
        else:
            terlambat = cepat = 0
        nilai = (masuk, pulang, status, terlambat, cepat)
        if (k.jam_masuk, k.jam_pulang, k.status, k.menit_terlambat, k.menit_pulang_cepat) != nilai:
            k.jam_masuk, k.jam_pulang, k.status, k.menit_terlambat, k.menit_pulang_cepat = nilai
            k.sumber = "mesin"
            ubah.append(k)
    Kehadiran.objects.bulk_create(baru, ignore_conflicts=True)
    if ubah:
        Kehadiran.objects.bulk_update(
            ubah,
            ["jam_masuk", "jam_pulang", "status", "menit_terlambat", "menit_pulang_cepat",
             "sumber"],
        )  # fmt: skip
    return len(baru) + len(ubah)


@transaction.atomic
def kehadiran_ubah(
    *, actor: Any, kehadiran: Kehadiran, status: str, keterangan: str = ""
) -> Kehadiran:
    """HR records an excuse (izin, sakit, dinas luar) or an unexcused absence for a day.
    Lateness minutes only count for days the employee was present."""
    _wajib_hr(actor)
    k = (
        Kehadiran.objects.select_for_update()
        .select_related("pegawai__wilayah")
        .get(pk=kehadiran.pk)
    )
    if not actor.is_admin_nasional and k.pegawai.wilayah_id != actor.wilayah_id:
        raise PermissionDenied(_("Anda hanya dapat mengubah kehadiran wilayah Anda."))
    if status in STATUS_DI_KANTOR:
        if k.jam_masuk is None:
            raise ValidationError(
                {"status": _("Status hadir memerlukan jam masuk dari mesin presensi.")}
            )
        terlambat, cepat = hitung_keterlambatan(
            wilayah=k.pegawai.wilayah, tanggal=k.tanggal, jam_masuk=k.jam_masuk,
            jam_pulang=k.jam_pulang,
        )  # fmt: skip
        status = status_dari_jam(terlambat, cepat)
        k.menit_terlambat, k.menit_pulang_cepat = terlambat, cepat
    else:
        k.menit_terlambat = k.menit_pulang_cepat = 0
    k.status = status
    k.keterangan = keterangan
    k.sumber = "manual"
    k.full_clean()
    k.save()
    return k


@transaction.atomic
def kehadiran_tandai_alpa(*, wilayah: Any, tanggal: dt.date) -> int:
    """After a working day: every active employee of the wilayah without a record that day is
    recorded `alpa` (tanpa keterangan). Safe to run twice. Returns the rows added."""
    if not selectors.hari_kerja(wilayah, tanggal, tanggal):
        return 0
    tanpa = (
        Pegawai.objects.di_wilayah(wilayah)
        .aktif()
        .exclude(kehadiran_set__tanggal=tanggal)
        .values_list("pk", flat=True)
    )
    rows = [
        Kehadiran(pegawai_id=pid, tanggal=tanggal, status=StatusKehadiran.ALPA, sumber="sistem")
        for pid in tanpa
    ]
    return len(Kehadiran.objects.bulk_create(rows, ignore_conflicts=True))


#: Minutes after a wilayah's closing time before the day's missing records become `alpa`
#: (a late check-out or a manual correction still lands first). settings.ALPA_JEDA_MENIT.
ALPA_JEDA_MENIT = 120


def hari_alpa_jatuh_tempo(wilayah: Any, sekarang: dt.datetime | None = None) -> dt.date:
    """The latest local date of the wilayah whose working day is over: today once its closing
    time (Friday's on Fridays) plus the grace period has passed in the wilayah's zone,
    otherwise yesterday."""
    from django.conf import settings

    from asn_kinerja.waktu import waktu_lokal

    lokal = waktu_lokal(wilayah, sekarang)
    tutup = wilayah.jam_pulang_jumat if lokal.weekday() == 4 else wilayah.jam_pulang
    jeda = dt.timedelta(minutes=getattr(settings, "ALPA_JEDA_MENIT", ALPA_JEDA_MENIT))
    batas = dt.datetime.combine(lokal.date(), _jam(tutup), tzinfo=lokal.tzinfo) + jeda
    return lokal.date() if lokal >= batas else lokal.date() - dt.timedelta(days=1)


def kehadiran_tandai_alpa_jatuh_tempo(*, sekarang: dt.datetime | None = None) -> dict[str, int]:
    """What the hourly beat job runs: for every wilayah, `kehadiran_tandai_alpa` on the
    working day that has just ended there (each wilayah on its own local date and closing
    time, so Gayungan (WIB) is marked an hour after Gorontalo (WITA) in real time). Safe to
    run every hour: a day already marked adds nothing. Returns rows added per wilayah."""
    from organisasi.models import Wilayah

    return {
        w.kode: kehadiran_tandai_alpa(wilayah=w, tanggal=hari_alpa_jatuh_tempo(w, sekarang))
        for w in Wilayah.objects.order_by("pk")
    }
