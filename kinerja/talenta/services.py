"""Writes of the talent app: keyword-only, atomic, `full_clean()`, row locks where two
people may act at once (calibration overrides and the lock)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from asn_kinerja.workflow import Transisi, jalankan
from organisasi import peran
from organisasi.choices import JenisJabatan
from organisasi.models import Jabatan
from pegawai.models import Pegawai

from . import rules, selectors
from .models import (
    HasilPotensi,
    Kalibrasi,
    KandidatSuksesi,
    KoreksiKotak,
    PengaturanTalenta,
    PosisiKunci,
)

if TYPE_CHECKING:
    from organisasi.models import Pengguna

S = Kalibrasi.Status
TANDAI_DIKALIBRASI = Transisi("tandai", frozenset({S.DRAF}), S.DIKALIBRASI, _("Tandai dikalibrasi"))
KUNCI = Transisi("kunci", frozenset({S.DRAF, S.DIKALIBRASI}), S.DIKUNCI, _("Kunci kalibrasi"))
JENIS_KUNCI = {
    JenisJabatan.JPT_UTAMA, JenisJabatan.JPT_MADYA, JenisJabatan.JPT_PRATAMA,
    JenisJabatan.ADMINISTRATOR,
}  # fmt: skip


def _wajib_kelola(actor: Pengguna, wilayah_id: int) -> None:
    """`peran.wajib_hr_wilayah`, skipped for the system (actor None: commands, tasks)."""
    if actor is not None:
        peran.wajib_hr_wilayah(
            actor, wilayah_id, _("Hanya admin kepegawaian wilayah ini yang dapat melakukannya.")
        )


def _wajib_kalibrasi(actor: Pengguna, wilayah_id: int) -> None:
    peran.wajib_pengawas_wilayah_dari(
        actor,
        wilayah_id,
        _("Hanya admin kepegawaian atau pimpinan wilayah ini yang dapat mengkalibrasi."),
    )


def pengaturan_untuk(wilayah: Any) -> PengaturanTalenta:
    obj, _dibuat = PengaturanTalenta.objects.get_or_create(
        wilayah_id=getattr(wilayah, "pk", wilayah)
    )
    return obj


@transaction.atomic
def pengaturan_simpan(
    *, actor: Pengguna, wilayah: Any, kotak_pool: list[int], batas_menengah: Decimal,
    batas_tinggi: Decimal,
) -> PengaturanTalenta:  # fmt: skip
    """Saves the wilayah's pool boxes and potential thresholds (HR of the wilayah). The
    model's rules decide: boxes 1-9, at least one; scores 0-100; menengah below tinggi (the
    CHECK constraint, through `full_clean`, so it reaches the form as a message)."""
    wilayah_id = getattr(wilayah, "pk", wilayah)
    _wajib_kelola(actor, wilayah_id)
    obj = PengaturanTalenta.objects.select_for_update().filter(
        wilayah_id=wilayah_id
    ).first() or PengaturanTalenta(wilayah_id=wilayah_id)
    kotak = sorted({int(k) for k in kotak_pool})
    if not kotak:
        raise ValidationError(
            {"kotak_pool": _("Pilih paling sedikit satu kotak untuk talent pool.")}
        )
    obj.kotak_pool, obj.batas_menengah, obj.batas_tinggi = kotak, batas_menengah, batas_tinggi
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def hasil_potensi_catat(
    *, actor: Pengguna, pegawai: Pegawai, sumber: str, tanggal: dt.date, skor: Decimal,
    level: str | None = None, catatan: str = "",
) -> HasilPotensi:  # fmt: skip
    """Records one assessment result; without `level` it is derived from the score by the
    wilayah's thresholds."""
    _wajib_kelola(actor, pegawai.wilayah_id)
    if not level and skor is not None:
        atur = selectors.pengaturan(pegawai.wilayah_id)
        level = rules.level_dari_skor(
            Decimal(skor), batas_menengah=atur.batas_menengah, batas_tinggi=atur.batas_tinggi
        )
    hasil = HasilPotensi(
        wilayah_id=pegawai.wilayah_id, pegawai=pegawai, sumber=sumber, tanggal=tanggal,
        skor=skor, level=level or "", catatan=(catatan or "").strip(),
        dicatat_oleh=actor if getattr(actor, "is_authenticated", False) else None,
    )  # fmt: skip
    hasil.full_clean()
    hasil.save()
    return hasil


@transaction.atomic
def kalibrasi_buat(*, actor: Pengguna, wilayah: Any, tahun: int) -> Kalibrasi:
    wilayah_id = getattr(wilayah, "pk", wilayah)
    if actor is not None:
        _wajib_kalibrasi(actor, wilayah_id)
    obj, _dibuat = Kalibrasi.objects.get_or_create(wilayah_id=wilayah_id, tahun=tahun)
    return obj


def _kunci_kalibrasi(kalibrasi: Kalibrasi) -> Kalibrasi:
    """Locks the calibration row and refuses when it is already locked."""
    k = Kalibrasi.objects.select_for_update().get(pk=kalibrasi.pk)
    if k.terkunci:
        raise ValidationError(
            _("Kalibrasi %(tahun)s sudah dikunci; kotak tidak dapat diubah lagi.")
            % {"tahun": k.tahun},
            code="terkunci",
        )
    return k


@transaction.atomic
def kalibrasi_koreksi(
    *, actor: Pengguna, kalibrasi: Kalibrasi, pegawai: Pegawai, kotak_baru: int, catatan: str
) -> KoreksiKotak:
    """Overrides one employee's box (note required). The calibration row is locked FOR
    UPDATE first, so an override racing the lock either lands before it or is refused."""
    _wajib_kalibrasi(actor, kalibrasi.wilayah_id)
    k = _kunci_kalibrasi(kalibrasi)
    catatan = (catatan or "").strip()
    if not catatan:
        raise ValidationError({"catatan": _("Catatan kalibrasi wajib diisi.")})
    if pegawai.wilayah_id != k.wilayah_id:
        raise ValidationError(_("Pegawai bukan dari wilayah kalibrasi ini."))
    if kotak_baru not in range(1, 10):
        raise ValidationError({"kotak_baru": _("Pilih kotak 1 sampai 9.")})
    asli = (
        selectors.anotasi_kotak(Pegawai.objects.filter(pk=pegawai.pk), tahun=k.tahun)
        .values_list("kotak_hitung", flat=True)
        .get()
    )
    if asli is None:
        raise ValidationError(
            _(
                "Pegawai belum lengkap (tanpa evaluasi tahunan final atau hasil potensi): "
                "tidak ada kotak untuk dikalibrasi."
            )  # fmt: skip
        )
    koreksi = KoreksiKotak.objects.filter(kalibrasi=k, pegawai=pegawai).first()
    if koreksi is None:
        koreksi = KoreksiKotak(kalibrasi=k, pegawai=pegawai)
    koreksi.kotak_asli, koreksi.kotak_baru, koreksi.catatan, koreksi.oleh = (
        asli,
        kotak_baru,
        catatan,
        actor,
    )
    koreksi.full_clean()
    koreksi.save()
    return koreksi


def kalibrasi_tandai(*, actor: Pengguna, kalibrasi: Kalibrasi, catatan: str = "") -> Kalibrasi:
    return jalankan(
        Kalibrasi, kalibrasi.pk, TANDAI_DIKALIBRASI, oleh=actor, catatan=catatan,
        izin=lambda k: _wajib_kalibrasi(actor, k.wilayah_id),
    )  # fmt: skip


def kalibrasi_kunci(*, actor: Pengguna, kalibrasi: Kalibrasi, catatan: str = "") -> Kalibrasi:
    """Locks the year (once: the engine locks the row and re-reads the status; a second
    lock gets "status saat ini sudah Dikunci")."""

    def ubah(k: Kalibrasi) -> None:
        k.dikunci_oleh, k.dikunci_pada = actor, timezone.now()

    return jalankan(
        Kalibrasi, kalibrasi.pk, KUNCI, oleh=actor, catatan=catatan,
        izin=lambda k: _wajib_kalibrasi(actor, k.wilayah_id), ubah=ubah,
    )  # fmt: skip


@transaction.atomic
def posisi_kunci_tandai(*, actor: Pengguna, jabatan: Jabatan) -> PosisiKunci:
    _wajib_kelola(actor, jabatan.wilayah_id)
    if jabatan.jenis not in JENIS_KUNCI:
        raise ValidationError(
            _("Posisi kunci hanya jabatan pimpinan tinggi (JPT) atau administrator.")
        )
    obj, _dibuat = PosisiKunci.objects.get_or_create(
        jabatan=jabatan,
        defaults={"wilayah_id": jabatan.wilayah_id,
                  "ditandai_oleh": actor if getattr(actor, "is_authenticated", False) else None},
    )  # fmt: skip
    return obj


@transaction.atomic
def posisi_kunci_hapus(*, actor: Pengguna, posisi: PosisiKunci) -> None:
    _wajib_kelola(actor, posisi.wilayah_id)
    posisi.delete()


@transaction.atomic
def kandidat_tambah(
    *, actor: Pengguna, posisi: PosisiKunci, pegawai: Pegawai, kesiapan: str, tahun: int
) -> KandidatSuksesi:
    """Adds (or re-rates) a candidate from the wilayah's talent pool of `tahun`; the stored
    score is the placement score (pegawai.penempatan) for this position."""
    from pegawai.penempatan import kandidat_penempatan

    _wajib_kelola(actor, posisi.wilayah_id)
    if (
        not selectors.pool(actor=actor, tahun=tahun, wilayah_id=posisi.wilayah_id)
        .filter(pk=pegawai.pk)
        .exists()
    ):
        raise ValidationError(
            {
                "pegawai": _(
                    "Kandidat harus dari kelompok rencana suksesi (talent pool) tahun %(tahun)s."
                )
                % {"tahun": tahun}
            }  # fmt: skip
        )
    skor = (
        kandidat_penempatan(actor=actor, jabatan=posisi.jabatan)
        .filter(pk=pegawai.pk)
        .values_list("skor", flat=True)
        .first()
    )
    obj = KandidatSuksesi.objects.filter(posisi=posisi, pegawai=pegawai).first() or KandidatSuksesi(
        posisi=posisi, pegawai=pegawai
    )
    obj.kesiapan, obj.skor = kesiapan, int(skor or 0)
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def kandidat_hapus(*, actor: Pengguna, kandidat: KandidatSuksesi) -> None:
    _wajib_kelola(actor, kandidat.posisi.wilayah_id)
    kandidat.delete()
