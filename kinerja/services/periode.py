"""Writes of performance years (PeriodeKinerja), their windows (PeriodePenilaian) and the
units' performance agreements (TargetUnit).

`pastikan_terbuka()` is THE guard every write of kinerja calls: a closed year or a closed
window accepts no edit anywhere (SKP, daily log, realisation, rating).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinerja.models import SKP, PeriodeKinerja, PeriodePenilaian, TargetUnit
from kinerja.signals import periode_penilaian_ditutup
from kinerja.workflow.base import catat_transisi
from organisasi.models import UnitKerja, Wilayah
from pegawai.selectors import kepala_unit, pegawai_dari_pengguna


def pastikan_terbuka(obj: PeriodeKinerja | PeriodePenilaian | SKP) -> None:
    """Raises ValidationError when the year (or the window, and its year) is closed.
    Accepts a PeriodeKinerja, a PeriodePenilaian or anything with a `periode_kinerja`
    (an SKP). Reads the status from the objects given (no query when they are loaded)."""
    if isinstance(obj, PeriodePenilaian):
        if obj.status != PeriodePenilaian.Status.BUKA:
            raise ValidationError(
                _("Periode penilaian %(nama)s sudah ditutup: data tidak dapat diubah.")
                % {"nama": obj.nama},
                code="periode_tutup",
            )
        obj = obj.periode_kinerja
    elif not isinstance(obj, PeriodeKinerja):
        obj = obj.periode_kinerja
    if obj.status != PeriodeKinerja.Status.BUKA:
        raise ValidationError(
            _("Periode kinerja %(tahun)s sudah ditutup: data tidak dapat diubah.")
            % {"tahun": obj.tahun},
            code="periode_tutup",
        )


def _wajib_hr(actor: Any, wilayah_id: int | None) -> None:
    if actor.is_admin_nasional:
        return
    if not (actor.is_admin_kepegawaian and actor.wilayah_id and actor.wilayah_id == wilayah_id):
        raise PermissionDenied(
            _("Hanya admin kepegawaian wilayah ini yang dapat mengelola periode.")
        )


@transaction.atomic
def periode_buka(
    *, actor: Any, wilayah: Wilayah, tahun: int, granularitas: str = "bulanan"
) -> PeriodeKinerja:
    """Opens a performance year for a wilayah with its evaluation windows (one per month,
    quarter or semester). The objection deadline is copied from the wilayah's settings so a
    later change of the setting does not rewrite a running year."""
    _wajib_hr(actor, wilayah.pk)
    periode = PeriodeKinerja(
        wilayah=wilayah,
        tahun=tahun,
        granularitas=granularitas,
        batas_hari_keberatan=wilayah.hari_keberatan,
        status=PeriodeKinerja.Status.BUKA,
    )
    periode.full_clean()
    periode.save()
    PeriodePenilaian.objects.bulk_create(periode.susun_periode_penilaian())
    catat_transisi(periode, dari="", ke=periode.status, oleh=actor)
    return periode


def _ubah_status(obj: Any, *, ke: str, actor: Any, catatan: str = "") -> Any:
    model = type(obj)
    with transaction.atomic():
        terkunci = model.objects.select_for_update().get(pk=obj.pk)
        if terkunci.status == ke:
            raise ValidationError(
                _("Status sudah \u201c%(status)s\u201d. Muat ulang halaman.")
                % {"status": terkunci.get_status_display()},
                code="status_berubah",
            )
        dari = terkunci.status
        terkunci.status = ke
        terkunci.save(update_fields=["status", "updated_at"])
        catat_transisi(terkunci, dari=dari, ke=ke, oleh=actor, catatan=catatan)
    return terkunci


def periode_tutup(*, actor: Any, periode: PeriodeKinerja, catatan: str = "") -> PeriodeKinerja:
    """Closes the whole year: no edit anywhere in it any more (its windows keep their own
    status, but a closed year overrides them)."""
    _wajib_hr(actor, periode.wilayah_id)
    return _ubah_status(periode, ke=PeriodeKinerja.Status.TUTUP, actor=actor, catatan=catatan)


def periode_buka_kembali(
    *, actor: Any, periode: PeriodeKinerja, catatan: str = ""
) -> PeriodeKinerja:
    _wajib_hr(actor, periode.wilayah_id)
    if not (catatan or "").strip():
        raise ValidationError({"catatan": _("Alasan membuka kembali periode wajib diisi.")})
    return _ubah_status(periode, ke=PeriodeKinerja.Status.BUKA, actor=actor, catatan=catatan)


def periode_penilaian_tutup(
    *, actor: Any, periode_penilaian: PeriodePenilaian, catatan: str = ""
) -> PeriodePenilaian:
    _wajib_hr(actor, periode_penilaian.periode_kinerja.wilayah_id)
    pastikan_terbuka(periode_penilaian.periode_kinerja)
    hasil = _ubah_status(
        periode_penilaian, ke=PeriodePenilaian.Status.TUTUP, actor=actor, catatan=catatan
    )
    # The final recap (kinerja.laporan) runs once the close is committed.
    transaction.on_commit(
        lambda: periode_penilaian_ditutup.send(sender=PeriodePenilaian, periode_penilaian=hasil)
    )
    return hasil


def periode_penilaian_buka_kembali(
    *, actor: Any, periode_penilaian: PeriodePenilaian, catatan: str = ""
) -> PeriodePenilaian:
    _wajib_hr(actor, periode_penilaian.periode_kinerja.wilayah_id)
    pastikan_terbuka(periode_penilaian.periode_kinerja)
    if not (catatan or "").strip():
        raise ValidationError({"catatan": _("Alasan membuka kembali periode wajib diisi.")})
    return _ubah_status(
        periode_penilaian, ke=PeriodePenilaian.Status.BUKA, actor=actor, catatan=catatan
    )


# --- Unit targets (perjanjian kinerja) ----------------------------------------------------


def boleh_kelola_target(actor: Any, unit: UnitKerja) -> bool:
    """HR of the unit's wilayah, or the head of the unit itself."""
    if actor.is_admin_nasional:
        return True
    if actor.wilayah_id != unit.wilayah_id:
        return False
    if actor.is_admin_kepegawaian:
        return True
    saya = pegawai_dari_pengguna(actor)
    return bool(
        saya
        and saya.jabatan_id
        and saya.jabatan.is_kepala
        and saya.jabatan.unit_id == unit.pk
        and kepala_unit(unit) == saya
    )


@transaction.atomic
def target_unit_simpan(
    *,
    actor: Any,
    periode: PeriodeKinerja,
    unit: UnitKerja,
    sasaran: str,
    indikator: str,
    target: str,
    perspektif: str = "",
    urutan: int = 0,
    target_unit: TargetUnit | None = None,
) -> TargetUnit:
    """Creates or updates one line of a unit's perjanjian kinerja."""
    if not boleh_kelola_target(actor, unit):
        raise PermissionDenied(
            _("Hanya admin kepegawaian atau kepala unit yang dapat mengubah target unit.")
        )
    pastikan_terbuka(periode)
    obj = target_unit or TargetUnit(periode_kinerja=periode, unit=unit)
    if target_unit is not None:
        obj = TargetUnit.objects.select_for_update().get(pk=target_unit.pk)
        if obj.unit_id != unit.pk or obj.periode_kinerja_id != periode.pk:
            raise ValidationError(_("Target unit tidak dapat dipindah ke unit atau tahun lain."))
    obj.sasaran = sasaran.strip()
    obj.indikator = indikator.strip()
    obj.target = target.strip()
    obj.perspektif = perspektif or ""
    obj.urutan = urutan
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def target_unit_hapus(*, actor: Any, target_unit: TargetUnit) -> None:
    if not boleh_kelola_target(actor, target_unit.unit):
        raise PermissionDenied(
            _("Hanya admin kepegawaian atau kepala unit yang dapat mengubah target unit.")
        )
    pastikan_terbuka(target_unit.periode_kinerja)
    if target_unit.rhk_set.exists():
        raise ValidationError(
            _("Target ini sudah dipakai sebagai RHK pada SKP; ubah SKP tersebut terlebih dahulu.")
        )
    target_unit.delete()
