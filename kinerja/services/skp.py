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
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from asn_kinerja.workflow import catat_transisi
from kinerja.models import (
    SKP,
    EkspektasiPerilaku,
    IndikatorKinerja,
    PeriodeKinerja,
    RencanaHasilKerja,
    TargetUnit,
)
from kinerja.services.periode import pastikan_terbuka
from kinerja.workflow.skp import is_pemilik, is_penilai
from pegawai.selectors import pegawai_dari_pengguna, pejabat_penilai

if TYPE_CHECKING:
    from organisasi.models import Pengguna

DAPAT_DIEDIT = frozenset({SKP.Status.DRAF, SKP.Status.DIKEMBALIKAN})
EKSPEKTASI_DAPAT_DIEDIT = frozenset({SKP.Status.DRAF, SKP.Status.DIAJUKAN, SKP.Status.DIKEMBALIKAN})


def _kunci(skp: SKP) -> SKP:
    return (
        SKP.objects.select_for_update(of=("self",))
        .select_related("periode_kinerja", "pegawai", "pejabat_penilai")
        .get(pk=skp.pk)
    )


def _pastikan_dapat_diedit(actor: Pengguna, skp: SKP) -> SKP:
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
def skp_buat(*, actor: Pengguna, periode: PeriodeKinerja, pendekatan: str = "kuantitatif") -> SKP:
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
    actor: Pengguna,
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
    actor: Pengguna,
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
def rhk_hapus(*, actor: Pengguna, rhk: RencanaHasilKerja) -> None:
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
    actor: Pengguna,
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
def indikator_hapus(*, actor: Pengguna, indikator: IndikatorKinerja) -> None:
    _pastikan_dapat_diedit(actor, indikator.rhk.skp)
    if indikator.realisasi_set.exists():
        raise ValidationError(_("Indikator ini sudah memiliki realisasi; tidak dapat dihapus."))
    indikator.delete()


@transaction.atomic
def ekspektasi_simpan(*, actor: Pengguna, skp: SKP, ekspektasi: dict[str, str]) -> SKP:
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


# --- The annual cycle: next year's SKP from last year's ----------------------------------------


def _kunci_teks(teks: str) -> str:
    return " ".join((teks or "").split()).casefold()


def _padanan_atasan(skp: SKP) -> tuple[dict[int, RencanaHasilKerja], dict[str, RencanaHasilKerja]]:
    """The RHK of the pejabat penilai's APPROVED SKP of `skp`'s year (the only ones an RHK
    may intervene), keyed by the last-year RHK they were copied from and by their text.
    One query."""
    if skp.pejabat_penilai_id is None:
        return {}, {}
    kandidat = RencanaHasilKerja.objects.filter(
        skp__pegawai_id=skp.pejabat_penilai_id,
        skp__periode_kinerja_id=skp.periode_kinerja_id,
        skp__status__in=[SKP.Status.DISETUJUI, SKP.Status.REVISI_DIAJUKAN],
    ).order_by("urutan", "id")
    per_asal: dict[int, RencanaHasilKerja] = {}
    per_teks: dict[str, RencanaHasilKerja] = {}
    for r in kandidat:
        if r.disalin_dari_id:
            per_asal.setdefault(r.disalin_dari_id, r)
        per_teks.setdefault(_kunci_teks(r.teks), r)
    return per_asal, per_teks


def _padanan_target(skp: SKP) -> dict[str, TargetUnit]:
    """A JPT's unit targets of `skp`'s year keyed by their text (sasaran). One query."""
    targets = TargetUnit.objects.filter(
        periode_kinerja_id=skp.periode_kinerja_id, unit_id=skp.pegawai.unit_id
    ).order_by("urutan", "id")
    hasil: dict[str, TargetUnit] = {}
    for t in targets:
        hasil.setdefault(_kunci_teks(t.sasaran), t)
    return hasil


def _cari_padanan(
    skp: SKP, lama: RencanaHasilKerja, atasan: tuple[dict, dict], target: dict
) -> tuple[RencanaHasilKerja | None, TargetUnit | None]:
    """The new-year counterpart of last year's link of `lama`: for staff the superior's
    RHK copied from the RHK `lama` intervened (else one with the same text); for a JPT the
    unit target with the same sasaran. None when nothing matches: the cascade check then
    refuses submission until the employee picks one."""
    if skp.is_jpt:
        teks = lama.target_unit.sasaran if lama.target_unit_id else lama.teks
        return None, target.get(_kunci_teks(teks))
    if lama.rhk_atasan_id is None:
        return None, None
    per_asal, per_teks = atasan
    cocok = per_asal.get(lama.rhk_atasan_id) or per_teks.get(_kunci_teks(lama.rhk_atasan.teks))
    return cocok, None


@transaction.atomic
def skp_salin(*, actor: Pengguna, sumber: SKP, periode: PeriodeKinerja) -> SKP:
    """Starts the actor's SKP of `periode` (a new, open year) from their own SKP of an
    earlier year: a new draft (`skp_buat`: evaluators from today's org tree, seven
    behaviour rows) with the approach and attachments, every RHK with its indicators, and
    the behaviour expectations copied. Each RHK remembers its origin (`disalin_dari`).

    Cascade links are re-made for the new year, never carried over: a staff RHK is linked
    to the pejabat penilai's approved new-year RHK copied from (or worded like) the one it
    intervened; a JPT's RHK to the unit's new-year target with the same sasaran. What does
    not match stays empty, and `skp_ajukan` refuses submission naming those RHK
    (`workflow.skp.masalah_kaskade`), so the cascade to the superior's new SKP is
    re-checked when submitted. `skp_tautkan_ulang` retries the matching later."""
    pegawai = pegawai_dari_pengguna(actor)
    if pegawai is None or sumber.pegawai_id != pegawai.pk:
        raise PermissionDenied(_("Hanya SKP Anda sendiri yang dapat disalin."))
    if sumber.periode_kinerja.tahun >= periode.tahun:
        raise ValidationError(
            _("SKP sumber harus dari tahun sebelum %(tahun)s.") % {"tahun": periode.tahun}
        )
    skp = skp_buat(actor=actor, periode=periode, pendekatan=sumber.pendekatan)
    skp.dukungan_sumber_daya = sumber.dukungan_sumber_daya
    skp.skema_pertanggungjawaban = sumber.skema_pertanggungjawaban
    skp.konsekuensi = sumber.konsekuensi
    skp.save(
        update_fields=[
            "dukungan_sumber_daya", "skema_pertanggungjawaban", "konsekuensi", "updated_at",
        ]
    )  # fmt: skip
    atasan = _padanan_atasan(skp)
    target = _padanan_target(skp) if skp.is_jpt else {}
    lama_list = list(
        sumber.rhk_set.select_related("rhk_atasan", "target_unit")
        .prefetch_related("indikator_set")
        .order_by("urutan", "id")
    )
    baru_list = []
    for lama in lama_list:
        rhk_atasan, target_unit = _cari_padanan(skp, lama, atasan, target)
        baru_list.append(
            RencanaHasilKerja(
                skp=skp, urutan=lama.urutan, teks=lama.teks, jenis=lama.jenis,
                rhk_atasan=rhk_atasan, target_unit=target_unit,
                perspektif=(target_unit.perspektif if target_unit else lama.perspektif)
                if skp.is_jpt else "",
                disalin_dari=lama,
            )
        )  # fmt: skip
    baru_list = bulk_create_with_history(baru_list, RencanaHasilKerja, default_user=actor)
    indikator = [
        IndikatorKinerja(
            rhk=baru, aspek=i.aspek, teks=i.teks, target_nilai=i.target_nilai,
            target_satuan=i.target_satuan, target_kualitatif=i.target_kualitatif,
            urutan=i.urutan,
        )
        for lama, baru in zip(lama_list, baru_list, strict=True)
        for i in lama.indikator_set.all()
    ]  # fmt: skip
    bulk_create_with_history(indikator, IndikatorKinerja, default_user=actor)
    teks_lama = {e.perilaku: e.ekspektasi for e in sumber.ekspektasi_set.all()}
    ekspektasi = list(skp.ekspektasi_set.all())
    for e in ekspektasi:
        e.ekspektasi = teks_lama.get(e.perilaku, "")
    bulk_update_with_history(ekspektasi, EkspektasiPerilaku, ["ekspektasi"], default_user=actor)
    #: for the page's message: how many copied RHK still wait for their new-year link
    skp.rhk_tanpa_tautan = sum(
        1 for r in baru_list if (r.target_unit_id if skp.is_jpt else r.rhk_atasan_id) is None
    )
    return skp


@transaction.atomic
def skp_tautkan_ulang(*, actor: Pengguna, skp: SKP) -> int:
    """Retries the new-year cascade links of a copied SKP (e.g. after the superior's new
    SKP was approved): each copied RHK still without its superior's RHK (or a JPT's
    without its unit target) is linked where a counterpart now exists. Returns how many
    were linked; the others stay empty."""
    skp = _pastikan_dapat_diedit(actor, skp)
    if skp.pejabat_penilai_id is None and not skp.is_jpt:
        skp.pejabat_penilai = pejabat_penilai(skp.pegawai)
        skp.save(update_fields=["pejabat_penilai", "updated_at"])
    kolom = "target_unit" if skp.is_jpt else "rhk_atasan"
    kosong = RencanaHasilKerja.objects.filter(
        skp=skp, disalin_dari__isnull=False, **{f"{kolom}__isnull": True}
    )
    kosong = list(kosong.select_related("disalin_dari__rhk_atasan", "disalin_dari__target_unit"))
    atasan = _padanan_atasan(skp)
    target = _padanan_target(skp) if skp.is_jpt else {}
    berubah = []
    for rhk in kosong:
        rhk_atasan, target_unit = _cari_padanan(skp, rhk.disalin_dari, atasan, target)
        if skp.is_jpt and target_unit is not None:
            rhk.target_unit = target_unit
            rhk.perspektif = target_unit.perspektif or rhk.perspektif
            berubah.append(rhk)
        elif not skp.is_jpt and rhk_atasan is not None:
            rhk.rhk_atasan = rhk_atasan
            berubah.append(rhk)
    if berubah:
        bulk_update_with_history(
            berubah, RencanaHasilKerja, ["rhk_atasan", "target_unit", "perspektif"],
            default_user=actor,
        )  # fmt: skip
    return len(berubah)
