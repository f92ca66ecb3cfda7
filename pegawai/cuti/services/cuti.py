"""Writes of leave (Cuti): the only code that changes leave rows.

Leave flow (DOMAIN.md section 5): the employee submits (`diajukan`), the direct superior
(`pejabat_penilai` at submission time) recommends (`direkomendasikan`) or refuses, the
designated official (default: the wilayah's admin kepegawaian on behalf of the PPK) approves
(`disetujui`) or refuses (`ditolak`); the employee may withdraw a pending request
(`dibatalkan`). Every change runs through the shared workflow engine
(`asn_kinerja.workflow`, issue 16): the row is locked and its status re-checked, the
transition's declared `boleh` decides who may run it (the detail page's buttons ask the same
declarations), and one `TransisiStatus` row is written. The person who must act next gets an
in-app notification, and so does the employee when it is decided; the e-mails go out after
the commit. Approval marks the leave's working days as `cuti` in Kehadiran.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asn_kinerja import antrean, waktu, workflow
from asn_kinerja.formatting import tanggal_indonesia
from asn_kinerja.notifikasi import notifikasi_kirim
from asn_kinerja.workflow import Transisi, catat_transisi
from organisasi import peran
from organisasi.models import Pengguna
from pegawai.choices import JenisKelamin, StatusKehadiran
from pegawai.models import (
    Cuti,
    Kehadiran,
    Pegawai,
)
from pegawai.selectors import pegawai_dari_pengguna, pejabat_penilai

from .. import selectors

UKURAN_LAMPIRAN_MAKS = 2 * 1024 * 1024
EKSTENSI_LAMPIRAN = {".pdf": b"%PDF", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff",
                     ".png": b"\x89PNG"}  # fmt: skip
MAKS_SAKIT_HARI = 548  # 1 year + 6 months


# --- helpers ---------------------------------------------------------------------------------


def tambah_bulan(tanggal: dt.date, bulan: int) -> dt.date:
    m = tanggal.month - 1 + bulan
    y, m = tanggal.year + m // 12, m % 12 + 1
    return tanggal.replace(year=y, month=m, day=min(tanggal.day, calendar.monthrange(y, m)[1]))


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


S = Cuti.Status


def _is_pemohon(actor: Pengguna, cuti: Cuti) -> bool:
    return bool(getattr(actor, "is_authenticated", False) and cuti.pegawai.pengguna_id == actor.pk)


# The leave machine, declared once; who may run each step is declared with it.
_HANYA_ATASAN = gettext_lazy("Hanya atasan langsung pegawai yang dapat memberi rekomendasi.")
_HANYA_PEMUTUS = gettext_lazy("Anda tidak berwenang memutus pengajuan cuti ini.")
REKOMENDASIKAN = Transisi(
    "rekomendasikan",
    frozenset({S.DIAJUKAN}),
    S.DIREKOMENDASIKAN,
    gettext_lazy("Merekomendasikan cuti"),
    boleh=selectors.boleh_merekomendasi,
    pesan_tolak=_HANYA_ATASAN,
)
TOLAK_ATASAN = Transisi(
    "tolak_atasan",
    frozenset({S.DIAJUKAN}),
    S.DITOLAK,
    gettext_lazy("Menolak cuti"),
    catatan_wajib=True,
    boleh=selectors.boleh_merekomendasi,
    pesan_tolak=_HANYA_ATASAN,
)
SETUJUI = Transisi(
    "setujui",
    frozenset({S.DIREKOMENDASIKAN}),
    S.DISETUJUI,
    gettext_lazy("Menyetujui cuti"),
    boleh=selectors.boleh_memutus,
    pesan_tolak=_HANYA_PEMUTUS,
)
TOLAK = Transisi(
    "tolak",
    frozenset({S.DIREKOMENDASIKAN}),
    S.DITOLAK,
    gettext_lazy("Menolak cuti"),
    catatan_wajib=True,
    boleh=selectors.boleh_memutus,
    pesan_tolak=_HANYA_PEMUTUS,
)
BATALKAN = Transisi(
    "batalkan", frozenset(Cuti.STATUS_MENUNGGU), S.DIBATALKAN, gettext_lazy("Membatalkan cuti"),
    boleh=_is_pemohon,
    pesan_tolak=gettext_lazy("Hanya pegawai yang mengajukan yang dapat membatalkan."),
)  # fmt: skip
TRANSISI = {t.nama: t for t in (REKOMENDASIKAN, TOLAK_ATASAN, SETUJUI, TOLAK, BATALKAN)}


def aksi_tersedia(actor: Pengguna, cuti: Cuti) -> set[str]:
    """Names of the steps `actor` may run on `cuti` now (the detail page's buttons)."""
    return workflow.aksi_tersedia(actor, cuti, TRANSISI.values())


_RELASI = ("pegawai__wilayah", "pegawai__unit", "pegawai__jabatan", "pegawai__pengguna",
           "atasan__pengguna")  # fmt: skip


def _alasan_wajib(catatan: str) -> None:
    if not (catatan or "").strip():
        raise ValidationError({"catatan": _("Tuliskan alasan penolakan.")})


def _pemutus(cuti: Cuti) -> list[Any]:
    """Who decides a recommended request: the official the wilayah designated, else its
    active admin kepegawaian (not the employee themself)."""
    pengaturan = selectors.pengaturan_cuti(cuti.pegawai.wilayah_id)
    if pengaturan and pengaturan.pejabat_pemutus_id:
        return [pengaturan.pejabat_pemutus]
    return list(
        peran.pengguna_hr_wilayah(cuti.pegawai.wilayah_id).exclude(pk=cuti.pegawai.pengguna_id)
    )


def _notifikasi(cuti: Cuti) -> None:
    """In-app: the person who must act next, or the employee once it is decided. The
    e-mails are the leave's own (`cuti_email`), so these send none."""
    jenis, nama = cuti.get_jenis_display(), cuti.pegawai.nama_lengkap
    rentang = (
        f"{tanggal_indonesia(cuti.tanggal_mulai)} s.d. {tanggal_indonesia(cuti.tanggal_selesai)}"
    )
    tautan = cuti.get_absolute_url()
    if cuti.status == S.DIAJUKAN and cuti.atasan_id:
        penerima = [cuti.atasan]
        judul = _("%(nama)s mengajukan %(jenis)s: menunggu rekomendasi Anda")
    elif cuti.status == S.DIREKOMENDASIKAN:
        penerima = _pemutus(cuti)
        judul = _("%(jenis)s %(nama)s menunggu keputusan Anda")
    elif cuti.status in (S.DISETUJUI, S.DITOLAK):
        penerima = [cuti.pegawai]
        judul = _("%(jenis)s Anda: %(status)s")
    else:
        return
    judul = judul % {"nama": nama, "jenis": jenis, "status": cuti.get_status_display()}
    pesan = cuti.catatan_keputusan or cuti.catatan_atasan or ""
    for p in penerima:
        notifikasi_kirim(penerima=p, judul=judul, pesan=f"{rentang}. {pesan}".strip(),
                         tautan=tautan, email=False)  # fmt: skip


def _kabari(cuti: Cuti, peristiwa: str) -> None:
    from ..tasks import kirim_email_cuti

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
    masa_kerja = selectors.masa_kerja_tahun(p, mulai)
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
    actor: Pengguna,
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
    _validasi_pengajuan(cuti, hari_ini=hari_ini or waktu.hari_ini())
    atasan = pejabat_penilai(pegawai)
    cuti.atasan = atasan
    if atasan is None:
        # No superior above (e.g. the head of the region's top unit): straight to decision.
        cuti.status = Cuti.Status.DIREKOMENDASIKAN
    cuti.full_clean()
    cuti.save()
    catat_transisi(cuti, dari="", ke=Cuti.Status.DIAJUKAN, oleh=actor, catatan=alasan[:500])
    if atasan is None:
        catat_transisi(
            cuti,
            dari=Cuti.Status.DIAJUKAN,
            ke=Cuti.Status.DIREKOMENDASIKAN,
            oleh=None,
            catatan=_("Tanpa atasan langsung: diteruskan ke pejabat yang memutus."),
        )
    _notifikasi(cuti)
    _kabari(cuti, "diajukan")
    return cuti


def _jalankan(cuti: Cuti, transisi: Transisi, *, actor: Pengguna, catatan: str = "",
              izin: Any = None, ubah: Any = None) -> Cuti:  # fmt: skip
    return workflow.jalankan(Cuti, cuti.pk, transisi, oleh=actor, catatan=catatan, izin=izin,
                             ubah=ubah, relasi=_RELASI)  # fmt: skip


@transaction.atomic
def cuti_rekomendasikan(*, actor: Pengguna, cuti: Cuti, setuju: bool, catatan: str = "") -> Cuti:
    """The direct superior recommends the request (it goes on to the decision) or refuses it
    (final; a refusal needs a reason)."""

    def izin(obj: Cuti) -> None:
        if not setuju:
            _alasan_wajib(catatan)

    def ubah(obj: Cuti) -> None:
        obj.catatan_atasan = catatan
        obj.direkomendasikan_pada = timezone.now()

    transisi = REKOMENDASIKAN if setuju else TOLAK_ATASAN
    cuti = _jalankan(cuti, transisi, actor=actor, catatan=catatan, izin=izin, ubah=ubah)
    _notifikasi(cuti)
    _kabari(cuti, "direkomendasikan" if setuju else "ditolak")
    return cuti


@transaction.atomic
def cuti_putuskan(*, actor: Pengguna, cuti: Cuti, setujui: bool, catatan: str = "") -> Cuti:
    """The designated official (default: HR of the wilayah, on behalf of the PPK) approves or
    refuses a recommended request. Approval re-checks overlap and balance (something may have
    been approved meanwhile), numbers the letter and marks the attendance days as cuti."""

    def izin(obj: Cuti) -> None:
        if not setujui:
            _alasan_wajib(catatan)
            return
        Pegawai.objects.select_for_update().filter(pk=obj.pegawai_id).exists()
        # Decisions may come after the start date; only the balance/overlap rules apply.
        _validasi_pengajuan(obj, hari_ini=obj.tanggal_mulai)

    def ubah(obj: Cuti) -> None:
        if setujui:
            obj.nomor_surat = (
                f"800.1.11.4/{obj.pk:05d}/{obj.pegawai.wilayah.kode.upper()[:3]}/"
                f"{waktu.hari_ini().year}"
            )
        obj.diputuskan_oleh = actor
        obj.diputuskan_pada = timezone.now()
        obj.catatan_keputusan = catatan

    transisi = SETUJUI if setujui else TOLAK
    cuti = _jalankan(cuti, transisi, actor=actor, catatan=catatan, izin=izin, ubah=ubah)
    if setujui:
        _tandai_kehadiran_cuti(cuti)
    _notifikasi(cuti)
    _kabari(cuti, cuti.status)
    return cuti


@transaction.atomic
def cuti_batalkan(*, actor: Pengguna, cuti: Cuti, catatan: str = "") -> Cuti:
    """The employee withdraws their own pending request."""
    cuti = _jalankan(cuti, BATALKAN, actor=actor, catatan=catatan)
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
    """The e-mails one event sends: (subject, body, recipients), after the commit
    (tasks.kirim_email_cuti). The in-app notifications (`_notifikasi`) send no e-mail of
    their own, so nobody gets the same news twice."""
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


def cuti_email_kirim(*, cuti_id: int, peristiwa: str) -> int:
    """Sends the e-mails of one leave event (`cuti_email`); 0 when the leave is gone.
    Returns the number of messages sent."""
    from django.core.mail import send_mail

    cuti = (
        Cuti.objects.select_related("pegawai__pengguna", "atasan__pengguna")
        .filter(pk=cuti_id)
        .first()
    )
    if cuti is None:
        return 0
    terkirim = 0
    for subjek, badan, penerima in cuti_email(cuti, peristiwa):
        terkirim += send_mail(f"[ASN Kinerja] {subjek}", badan, None, penerima)
    return terkirim
