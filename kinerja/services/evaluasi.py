"""Writes of the evaluation outside the status steps (those are in `workflow.evaluasi`):
opening an evaluation for a window, the realisation per indicator, evidence (bukti dukung),
the superior's feedback per RHK and per behaviour value, and the annual evaluation's
pre-fill."""

from __future__ import annotations

import os
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from asn_kinerja.waktu import hari_ini
from asn_kinerja.workflow import catat_transisi
from kinerja.models import (
    SKP,
    BuktiDukung,
    EvaluasiPeriodik,
    EvaluasiTahunan,
    IndikatorKinerja,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
    UmpanBalikHasil,
    UmpanBalikPerilaku,
)
from kinerja.rules import predikat_tahunan_usulan
from kinerja.services.log_harian import validasi_bukti
from kinerja.services.periode import pastikan_terbuka
from kinerja.workflow import evaluasi as wf
from kinerja.workflow.skp import is_pemilik, is_penilai

if TYPE_CHECKING:
    from organisasi.models import Pengguna

S = EvaluasiPeriodik.Status
MAKS_BUKTI_PER_EVALUASI = 20
MAKS_NARASI = 2000


def _wajib_pemilik_belum_diisi(actor: Pengguna, ev: EvaluasiPeriodik) -> None:
    if not is_pemilik(actor, ev.skp):
        raise PermissionDenied(_("Hanya pegawai pemilik SKP yang dapat mengisi realisasi."))
    pastikan_terbuka(ev.periode_penilaian)
    if ev.status != S.BELUM_DIISI:
        raise ValidationError(
            _("Realisasi sudah diajukan dan tidak dapat diubah lagi. Muat ulang halaman."),
            code="status_berubah",
        )


def _kunci(ev: EvaluasiPeriodik) -> EvaluasiPeriodik:
    return (
        EvaluasiPeriodik.objects.select_for_update(of=("self",))
        .select_related(
            "skp__pegawai", "skp__periode_kinerja", "periode_penilaian__periode_kinerja"
        )
        .get(pk=ev.pk)
    )


@transaction.atomic
def evaluasi_mulai(
    *, actor: Pengguna, skp: SKP, periode_penilaian: PeriodePenilaian
) -> EvaluasiPeriodik:
    """Opens (or returns) the evaluation of an approved SKP for a window that has started.
    The employee or the pejabat penilai may open it. Safe against double clicks (the unique
    constraint on (skp, window) plus get-or-create)."""
    if not (is_pemilik(actor, skp) or is_penilai(actor, skp)):
        raise PermissionDenied(_("Anda tidak dapat membuka evaluasi SKP ini."))
    if not skp.is_terkunci:
        raise ValidationError(_("Evaluasi hanya untuk SKP yang sudah disetujui."))
    if periode_penilaian.periode_kinerja_id != skp.periode_kinerja_id:
        raise ValidationError(_("Periode penilaian harus dari tahun SKP."))
    if periode_penilaian.tanggal_mulai > hari_ini():
        raise ValidationError(_("Periode penilaian ini belum dimulai."))
    pastikan_terbuka(periode_penilaian)
    ada = EvaluasiPeriodik.objects.filter(skp=skp, periode_penilaian=periode_penilaian).first()
    if ada is not None:
        return ada
    try:
        with transaction.atomic():
            ev = EvaluasiPeriodik(skp=skp, periode_penilaian=periode_penilaian)
            ev.full_clean()
            ev.save()
    except (IntegrityError, ValidationError):
        ada = EvaluasiPeriodik.objects.filter(skp=skp, periode_penilaian=periode_penilaian).first()
        if ada is None:
            raise
        return ada
    catat_transisi(ev, dari="", ke=ev.status, oleh=actor)
    return ev


@transaction.atomic
def realisasi_simpan(
    *,
    actor: Pengguna,
    evaluasi: EvaluasiPeriodik,
    isian: dict[int, tuple[Decimal | None, str]],
) -> list[RealisasiIndikator]:
    """Saves the realisation `{indikator_id: (nilai, narasi)}` of the evaluation's indicators
    (employee, while belum_diisi). Unknown indicator ids are refused; every indicator of the
    SKP gets a row (empty ones stay empty and block the submission)."""
    ev = _kunci(evaluasi)
    _wajib_pemilik_belum_diisi(actor, ev)
    indikator = {
        i.pk: i
        for i in IndikatorKinerja.objects.filter(rhk__skp_id=ev.skp_id).select_related("rhk")
    }
    asing = set(isian) - set(indikator)
    if asing:
        raise ValidationError(_("Indikator bukan bagian dari SKP ini."), code="indikator_asing")
    ada = {r.indikator_id: r for r in RealisasiIndikator.objects.filter(evaluasi=ev)}
    hasil = []
    for ind_id, (nilai, narasi) in isian.items():
        narasi = (narasi or "").strip()
        if len(narasi) > MAKS_NARASI:
            raise ValidationError(
                _("Narasi realisasi paling banyak %(n)s karakter.") % {"n": MAKS_NARASI}
            )
        if nilai is not None and nilai < 0:
            raise ValidationError(_("Nilai realisasi tidak boleh negatif."))
        r = ada.get(ind_id) or RealisasiIndikator(evaluasi=ev, indikator_id=ind_id)
        # The related rows are at hand: the model's clean() reads them without a query each.
        r.evaluasi, r.indikator = ev, indikator[ind_id]
        r.nilai, r.narasi = nilai, narasi
        r.full_clean(exclude=["evaluasi", "indikator"])
        hasil.append(r)
    # Two statements whatever the number of indicators (the month-end rush path).
    sekarang = timezone.now()
    lama = [r for r in hasil if r.pk is not None]
    for r in lama:
        r.updated_at = sekarang
    RealisasiIndikator.objects.bulk_update(lama, ["nilai", "narasi", "updated_at"])
    RealisasiIndikator.objects.bulk_create([r for r in hasil if r.pk is None])
    return hasil


def nama_aman(nama: str) -> str:
    """A display name without path parts or odd characters, at most 100 characters."""
    dasar = os.path.basename((nama or "").replace("\\", "/"))
    akar, ext = os.path.splitext(dasar)
    bersih = get_valid_filename(akar)[: 100 - len(ext)] or "berkas"
    return f"{bersih}{ext.lower()}"


def nama_unduhan(bukti: BuktiDukung) -> str:
    """The download name of an evidence file: its display name made safe, ending with the
    stored file's extension (a display name typed without one, "Laporan Oktober", or with
    another one still downloads as .pdf/.jpg/.png and opens in the right program)."""
    ext = os.path.splitext(bukti.berkas.name)[1].lower()
    akar, ext_nama = os.path.splitext(nama_aman(bukti.nama))
    if ext_nama != ext:
        akar += ext_nama
    return f"{akar[: 100 - len(ext)] or 'berkas'}{ext}"


@transaction.atomic
def bukti_tambah(
    *,
    actor: Pengguna,
    evaluasi: EvaluasiPeriodik,
    berkas: UploadedFile | None = None,
    tautan: str = "",
    nama: str = "",
    realisasi: RealisasiIndikator | None = None,
) -> BuktiDukung:
    """Adds evidence to an evaluation (employee, while belum_diisi): a PDF/JPG/PNG file
    (content checked by its magic bytes, at most 5 MB) stored under a random name, or a
    link (http/https)."""
    ev = _kunci(evaluasi)
    _wajib_pemilik_belum_diisi(actor, ev)
    tautan = (tautan or "").strip()
    if bool(berkas) == bool(tautan):
        raise ValidationError(_("Unggah satu berkas atau isi satu tautan bukti dukung."))
    if realisasi is not None and realisasi.evaluasi_id != ev.pk:
        raise ValidationError({"realisasi": _("Realisasi bukan bagian dari evaluasi ini.")})
    if BuktiDukung.objects.filter(evaluasi=ev).count() >= MAKS_BUKTI_PER_EVALUASI:
        raise ValidationError(
            _("Paling banyak %(n)s bukti dukung per evaluasi.") % {"n": MAKS_BUKTI_PER_EVALUASI}
        )
    bukti = BuktiDukung(evaluasi=ev, realisasi=realisasi, diunggah_oleh=actor)
    if berkas:
        validasi_bukti(berkas)
        tampil = nama_aman(berkas.name)
        bukti.nama = (nama or "").strip()[:200] or tampil
        bukti.ukuran = berkas.size
        ext = os.path.splitext(tampil)[1]
        bukti.berkas.save(f"{uuid.uuid4().hex}{ext}", berkas, save=False)
    else:
        if not tautan.lower().startswith(("http://", "https://")):
            raise ValidationError({"tautan": _("Tautan harus diawali http:// atau https://.")})
        bukti.tautan = tautan
        bukti.nama = (nama or "").strip()[:200] or tautan[:200]
    try:
        bukti.full_clean()
    except ValidationError:
        if bukti.berkas:
            bukti.berkas.delete(save=False)
        raise
    bukti.save()
    return bukti


@transaction.atomic
def bukti_hapus(*, actor: Pengguna, bukti: BuktiDukung) -> None:
    ev = _kunci(bukti.evaluasi)
    _wajib_pemilik_belum_diisi(actor, ev)
    berkas = bukti.berkas
    bukti.delete()
    if berkas:
        transaction.on_commit(lambda: berkas.delete(save=False))


def _simpan_umpan_balik(
    ev: EvaluasiPeriodik, hasil: dict[int, str], perilaku: dict[str, str]
) -> None:
    rhk_ids = set(RencanaHasilKerja.objects.filter(skp_id=ev.skp_id).values_list("pk", flat=True))
    if set(hasil) - rhk_ids:
        raise ValidationError(_("RHK bukan bagian dari SKP ini."))
    if set(perilaku) - set(UmpanBalikPerilaku.Perilaku.values):
        raise ValidationError(_("Perilaku kerja tidak dikenal."))
    # Set-based: one upsert and one delete per kind, whatever the number of RHK/values.
    _simpan_teks(UmpanBalikHasil, ev, "rhk_id", hasil)
    _simpan_teks(UmpanBalikPerilaku, ev, "perilaku", perilaku)


def _simpan_teks(model: type, ev: EvaluasiPeriodik, kunci: str, isian: dict[Any, str]) -> None:
    """Upserts the non-empty texts of `isian` ({key: text}) for `ev` and deletes the rows
    whose text was emptied: two statements. `kunci` is the other half of the unique key."""
    sekarang = timezone.now()
    teks = {k: (t or "").strip() for k, t in isian.items()}
    model.objects.bulk_create(
        [
            model(evaluasi=ev, teks=t, created_at=sekarang, updated_at=sekarang, **{kunci: k})
            for k, t in teks.items()
            if t
        ],
        update_conflicts=True,
        unique_fields=["evaluasi", kunci.removesuffix("_id")],
        update_fields=["teks", "updated_at"],
    )
    kosong = [k for k, t in teks.items() if not t]
    if kosong:
        model.objects.filter(evaluasi=ev, **{f"{kunci}__in": kosong}).delete()


@transaction.atomic
def penilaian_simpan(
    *,
    actor: Pengguna,
    evaluasi: EvaluasiPeriodik,
    rating_hasil: str,
    rating_perilaku: str,
    catatan: str = "",
    umpan_balik_hasil: dict[int, str] | None = None,
    umpan_balik_perilaku: dict[str, str] | None = None,
    ubah: bool = False,
) -> EvaluasiPeriodik:
    """The rating page: feedback per RHK and per behaviour value, the two ratings and the
    predikat from the matrix. `ubah` False is the first rating (realisasi_diajukan ->
    dinilai, a transition); True changes the ratings of an evaluation still `dinilai`.
    All or nothing: a refused step writes no feedback either."""
    fungsi = wf.evaluasi_ubah_nilai if ubah else wf.evaluasi_nilai
    ev = fungsi(
        evaluasi=evaluasi,
        oleh=actor,
        rating_hasil=rating_hasil,
        rating_perilaku=rating_perilaku,
        catatan=catatan,
    )
    _simpan_umpan_balik(ev, umpan_balik_hasil or {}, umpan_balik_perilaku or {})
    return ev


# --- Annual evaluation -------------------------------------------------------------------------


def usulan_tahunan(skp: SKP) -> str | None:
    """Most frequent periodic predikat of the SKP's rated windows (ties to the later one)."""
    urut = (
        EvaluasiPeriodik.objects.filter(skp=skp, status__in=[S.DINILAI, S.FINAL])
        .order_by("periode_penilaian__tanggal_mulai")
        .values_list("predikat", flat=True)
    )
    p = predikat_tahunan_usulan(list(urut))
    return p.value if p else None


@transaction.atomic
def evaluasi_tahunan_mulai(*, actor: Pengguna, skp: SKP) -> EvaluasiTahunan:
    """Opens (or returns) the annual evaluation of an approved SKP, pre-filled with the
    proposal from the periodic predikat. The employee or the pejabat penilai may open it."""
    if not (is_pemilik(actor, skp) or is_penilai(actor, skp)):
        raise PermissionDenied(_("Anda tidak dapat membuka evaluasi tahunan SKP ini."))
    if not skp.is_terkunci:
        raise ValidationError(_("Evaluasi tahunan hanya untuk SKP yang sudah disetujui."))
    pastikan_terbuka(skp.periode_kinerja)
    ada = EvaluasiTahunan.objects.filter(skp=skp).first()
    if ada is not None:
        return ada
    ev = EvaluasiTahunan(skp=skp, predikat_usulan=usulan_tahunan(skp))
    ev.full_clean()
    ev.save()
    catat_transisi(ev, dari="", ke=ev.status, oleh=actor)
    return ev
