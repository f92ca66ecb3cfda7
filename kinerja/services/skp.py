"""Writes of the plan: an employee's SKP, its RHK, indicators, attachments and the
superior's behaviour expectations. Status changes live in `kinerja.workflow.skp`.

Who edits what, when (docs/kinerja-skp.md):
- the employee edits the header, RHK and indicators while the SKP is `draf` or
  `dikembalikan` and the year is open; a submitted SKP waits for the superior, an approved
  SKP is locked (a revision request reopens it);
- the pejabat penilai (HR for an SKP without one) fills the seven *ekspektasi khusus
  pimpinan* while the SKP is not yet approved (draf, diajukan, dikembalikan), typically in
  the dialog kinerja before approving; approval requires all seven.

Every edit locks the SKP row first, so an edit cannot slip in between a submission and
its approval.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kinerja.models import (
    SKP,
    EkspektasiPerilaku,
    IndikatorKinerja,
    PeriodeKinerja,
    RencanaHasilKerja,
    TargetUnit,
)
from kinerja.services.periode import pastikan_terbuka
from kinerja.workflow.base import catat_transisi
from kinerja.workflow.skp import is_pemilik, is_penilai
from pegawai.selectors import pegawai_dari_pengguna, pejabat_penilai

DAPAT_DIEDIT = frozenset({SKP.Status.DRAF, SKP.Status.DIKEMBALIKAN})
EKSPEKTASI_DAPAT_DIEDIT = frozenset({SKP.Status.DRAF, SKP.Status.DIAJUKAN, SKP.Status.DIKEMBALIKAN})


def _kunci(skp: SKP) -> SKP:
    return (
        SKP.objects.select_for_update(of=("self",))
        .select_related("periode_kinerja", "pegawai", "pejabat_penilai")
        .get(pk=skp.pk)
    )


def _pastikan_dapat_diedit(actor: Any, skp: SKP) -> SKP:
    """Locks and returns the SKP, or raises: not the owner (403), locked status, closed year."""
    skp = _kunci(skp)
    if not is_pemilik(actor, skp):
        raise PermissionDenied(_("Hanya pemilik SKP yang dapat mengubahnya."))
    pastikan_terbuka(skp.periode_kinerja)
    if skp.status not in DAPAT_DIEDIT:
        if skp.is_terkunci:
            pesan = _("SKP sudah disetujui dan terkunci. Ajukan revisi untuk mengubahnya.")
        else:
            pesan = _("SKP sedang diajukan; tunggu keputusan pejabat penilai.")
        raise ValidationError(pesan, code="skp_terkunci")
    return skp


def rhk_dari_perjanjian_kinerja(pegawai: Any, penilai: Any) -> bool:
    """Whose RHK come from the unit's perjanjian kinerja instead of a superior's RHK (the
    SKP's `is_jpt`): JPT, and the head of a wilayah's top unit who has no pejabat penilai
    in the system (e.g. a camat, evaluated by the city's sekda outside this wilayah)."""
    if not pegawai.jabatan_id:
        return False
    return pegawai.jabatan.is_jpt or (pegawai.jabatan.is_kepala and penilai is None)


@transaction.atomic
def skp_buat(*, actor: Any, periode: PeriodeKinerja, pendekatan: str = "kuantitatif") -> SKP:
    """Creates the actor's own SKP for an open year, with the pejabat penilai and the
    atasan pejabat penilai from the org tree and the seven (empty) behaviour rows."""
    pegawai = pegawai_dari_pengguna(actor)
    if pegawai is None:
        raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
    if periode.wilayah_id != pegawai.wilayah_id:
        raise ValidationError(_("Periode kinerja bukan dari wilayah Anda."))
    pastikan_terbuka(periode)
    if SKP.objects.filter(pegawai=pegawai, periode_kinerja=periode).exists():
        raise ValidationError(_("Anda sudah memiliki SKP pada periode ini."), code="duplikat")
    penilai = pejabat_penilai(pegawai)
    skp = SKP(
        pegawai=pegawai,
        periode_kinerja=periode,
        wilayah_id=pegawai.wilayah_id,
        pendekatan=pendekatan,
        pejabat_penilai=penilai,
        atasan_pejabat_penilai=pejabat_penilai(penilai) if penilai else None,
        is_jpt=rhk_dari_perjanjian_kinerja(pegawai, penilai),
    )
    skp.full_clean()
    skp.save()
    EkspektasiPerilaku.objects.bulk_create(
        [EkspektasiPerilaku(skp=skp, perilaku=p) for p in EkspektasiPerilaku.Perilaku.values]
    )
    catat_transisi(skp, dari="", ke=skp.status, oleh=actor)
    return skp


@transaction.atomic
def skp_ubah(
    *,
    actor: Any,
    skp: SKP,
    pendekatan: str,
    dukungan_sumber_daya: str = "",
    skema_pertanggungjawaban: str = "",
    konsekuensi: str = "",
) -> SKP:
    """The header and the attachments (lampiran) of the SKP."""
    skp = _pastikan_dapat_diedit(actor, skp)
    skp.pendekatan = pendekatan
    skp.dukungan_sumber_daya = dukungan_sumber_daya.strip()
    skp.skema_pertanggungjawaban = skema_pertanggungjawaban.strip()
    skp.konsekuensi = konsekuensi.strip()
    skp.full_clean()
    skp.save()
    return skp


def _validasi_rhk(
    skp: SKP,
    *,
    rhk_atasan: RencanaHasilKerja | None,
    target_unit: TargetUnit | None,
) -> None:
    errors: dict[str, str] = {}
    if skp.is_jpt:
        if target_unit is None:
            errors["target_unit"] = _("Pilih sasaran dari perjanjian kinerja unit Anda.")
        elif (
            target_unit.unit_id != skp.pegawai.unit_id
            or target_unit.periode_kinerja_id != skp.periode_kinerja_id
        ):
            errors["target_unit"] = _("Sasaran harus dari perjanjian kinerja unit Anda tahun ini.")
    elif rhk_atasan is not None:
        atasan = rhk_atasan.skp
        if (
            atasan.pegawai_id != skp.pejabat_penilai_id
            or atasan.periode_kinerja_id != skp.periode_kinerja_id
            or not atasan.is_terkunci
        ):
            errors["rhk_atasan"] = _(
                "RHK atasan harus dari SKP pejabat penilai Anda yang sudah disetujui tahun ini."
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def rhk_simpan(
    *,
    actor: Any,
    skp: SKP,
    teks: str,
    jenis: str,
    rhk_atasan: RencanaHasilKerja | None = None,
    target_unit: TargetUnit | None = None,
    perspektif: str = "",
    rhk: RencanaHasilKerja | None = None,
) -> RencanaHasilKerja:
    """Adds (rhk=None) or changes an RHK. A non-JPT RHK may be saved without its superior's
    RHK while drafting (the superior's SKP may not be approved yet); submission refuses it.
    A JPT's RHK takes its text and perspective from the unit's target when left empty."""
    skp = _pastikan_dapat_diedit(actor, skp)
    if skp.pejabat_penilai_id is None and not skp.is_jpt:
        skp.pejabat_penilai = pejabat_penilai(skp.pegawai)
    _validasi_rhk(skp, rhk_atasan=rhk_atasan, target_unit=target_unit)
    if rhk is None:
        akhir = skp.rhk_set.aggregate(m=Max("urutan"))["m"]
        obj = RencanaHasilKerja(skp=skp, urutan=(akhir or 0) + 1)
    else:
        obj = RencanaHasilKerja.objects.select_for_update().get(pk=rhk.pk)
        if obj.skp_id != skp.pk:
            raise ValidationError(_("RHK bukan bagian dari SKP ini."))
    teks = (teks or "").strip()
    if skp.is_jpt:
        obj.target_unit = target_unit
        obj.rhk_atasan = None
        obj.perspektif = perspektif or (target_unit.perspektif if target_unit else "")
        teks = teks or (target_unit.sasaran if target_unit else "")
    else:
        obj.rhk_atasan = rhk_atasan
        obj.target_unit = None
        obj.perspektif = ""
    obj.teks = teks
    obj.jenis = jenis
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def rhk_hapus(*, actor: Any, rhk: RencanaHasilKerja) -> None:
    _pastikan_dapat_diedit(actor, rhk.skp)
    if rhk.rhk_bawahan.exists():
        raise ValidationError(
            _("RHK ini sudah diintervensi oleh RHK bawahan; tidak dapat dihapus.")
        )
    if rhk.log_harian_set.exists() or rhk.umpan_balik_hasil_set.exists():
        raise ValidationError(_("RHK ini sudah dipakai di log harian atau evaluasi."))
    rhk.delete()


def _validasi_indikator(
    *, target_nilai: Decimal | None, target_satuan: str, target_kualitatif: str
) -> None:
    errors: dict[str, str] = {}
    if target_nilai is None and not target_kualitatif:
        errors["target_nilai"] = _("Isi target berupa angka dengan satuan, atau target kualitatif.")
    if target_nilai is not None:
        if target_kualitatif:
            errors["target_kualitatif"] = _(
                "Pilih salah satu: target angka atau target kualitatif."
            )
        if target_nilai <= 0:
            errors["target_nilai"] = _("Target angka harus lebih besar dari nol.")
        if not target_satuan:
            errors["target_satuan"] = _("Satuan wajib diisi untuk target angka (mis. dokumen, %).")
    elif target_satuan:
        errors["target_satuan"] = _("Satuan hanya diisi bersama target angka.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def indikator_simpan(
    *,
    actor: Any,
    rhk: RencanaHasilKerja,
    aspek: str,
    teks: str,
    target_nilai: Decimal | None = None,
    target_satuan: str = "",
    target_kualitatif: str = "",
    indikator: IndikatorKinerja | None = None,
) -> IndikatorKinerja:
    """Adds or changes an indicator (IKI): an aspect and a target that is either a positive
    number with its unit or a qualitative statement."""
    _pastikan_dapat_diedit(actor, rhk.skp)
    target_satuan = (target_satuan or "").strip()
    target_kualitatif = (target_kualitatif or "").strip()
    _validasi_indikator(
        target_nilai=target_nilai, target_satuan=target_satuan, target_kualitatif=target_kualitatif
    )
    if indikator is None:
        akhir = rhk.indikator_set.aggregate(m=Max("urutan"))["m"]
        obj = IndikatorKinerja(rhk=rhk, urutan=(akhir or 0) + 1)
    else:
        obj = IndikatorKinerja.objects.select_for_update().get(pk=indikator.pk)
        if obj.rhk_id != rhk.pk:
            raise ValidationError(_("Indikator bukan bagian dari RHK ini."))
    obj.aspek = aspek
    obj.teks = (teks or "").strip()
    obj.target_nilai = target_nilai
    obj.target_satuan = target_satuan
    obj.target_kualitatif = target_kualitatif
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def indikator_hapus(*, actor: Any, indikator: IndikatorKinerja) -> None:
    _pastikan_dapat_diedit(actor, indikator.rhk.skp)
    if indikator.realisasi_set.exists():
        raise ValidationError(_("Indikator ini sudah memiliki realisasi; tidak dapat dihapus."))
    indikator.delete()


@transaction.atomic
def ekspektasi_simpan(*, actor: Any, skp: SKP, ekspektasi: dict[str, str]) -> SKP:
    """The pejabat penilai's specific expectation per BerAKHLAK value (keys: Perilaku
    values). Only rows that change are saved (the history records real changes only)."""
    skp = _kunci(skp)
    if not is_penilai(actor, skp):
        raise PermissionDenied(_("Ekspektasi perilaku diisi oleh pejabat penilai."))
    pastikan_terbuka(skp.periode_kinerja)
    if skp.status not in EKSPEKTASI_DAPAT_DIEDIT:
        raise ValidationError(
            _("SKP sudah disetujui dan terkunci; ekspektasi tidak dapat diubah."),
            code="skp_terkunci",
        )
    tidak_dikenal = set(ekspektasi) - set(EkspektasiPerilaku.Perilaku.values)
    if tidak_dikenal:
        raise ValidationError(_("Perilaku tidak dikenal: %(x)s") % {"x": ", ".join(tidak_dikenal)})
    ada = {e.perilaku: e for e in skp.ekspektasi_set.select_for_update()}
    for perilaku, teks in ekspektasi.items():
        teks = (teks or "").strip()
        obj = ada.get(perilaku) or EkspektasiPerilaku(skp=skp, perilaku=perilaku)
        if obj.pk and obj.ekspektasi == teks:
            continue
        obj.ekspektasi = teks
        obj.full_clean()
        obj.save()
    return skp
