"""Coaching plans (rencana pembinaan) for low performers (DOMAIN.md section 2, "Tindak
lanjut"): recorded by the pejabat penilai or HR after a poor periodic predikat."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from asn_kinerja.notifikasi import notifikasi_kirim
from asn_kinerja.waktu import hari_ini
from kinerja.models import EvaluasiPeriodik, RencanaPembinaan
from kinerja.workflow.skp import is_hr_wilayah, is_penilai
from pegawai.selectors import pegawai_dari_pengguna

if TYPE_CHECKING:
    from organisasi.models import Pengguna

PREDIKAT_PEMBINAAN = ("butuh_perbaikan", "kurang", "sangat_kurang")
MAKS_RENCANA = 4000


def boleh_kelola(actor: Pengguna, evaluasi: EvaluasiPeriodik) -> bool:
    return is_hr_wilayah(actor, evaluasi.skp) or is_penilai(actor, evaluasi.skp)


@transaction.atomic
def rencana_pembinaan_buat(
    *,
    actor: Pengguna,
    evaluasi: EvaluasiPeriodik,
    rencana: str,
    target_waktu: dt.date | None = None,
) -> RencanaPembinaan:
    if not boleh_kelola(actor, evaluasi):
        raise PermissionDenied(
            _("Rencana pembinaan dicatat oleh pejabat penilai atau admin kepegawaian.")
        )
    if evaluasi.predikat not in PREDIKAT_PEMBINAAN:
        raise ValidationError(
            _("Rencana pembinaan untuk pegawai berpredikat Butuh Perbaikan atau lebih rendah.")
        )
    rencana = (rencana or "").strip()
    if not rencana:
        raise ValidationError({"rencana": _("Rencana pembinaan wajib diisi.")})
    if len(rencana) > MAKS_RENCANA:
        raise ValidationError(
            {"rencana": _("Rencana paling banyak %(n)s karakter.") % {"n": MAKS_RENCANA}}
        )
    if target_waktu is not None and target_waktu < hari_ini():
        raise ValidationError({"target_waktu": _("Target waktu tidak boleh di masa lalu.")})
    obj = RencanaPembinaan(
        pegawai=evaluasi.skp.pegawai,
        evaluasi=evaluasi,
        periode_kinerja=evaluasi.skp.periode_kinerja,
        rencana=rencana,
        target_waktu=target_waktu,
        dibuat_oleh=pegawai_dari_pengguna(actor),
    )
    obj.full_clean()
    obj.save()
    notifikasi_kirim(
        penerima=evaluasi.skp.pegawai,
        judul=_("Rencana pembinaan kinerja untuk Anda telah dicatat"),
        pesan=rencana[:300],
        tautan=evaluasi.get_absolute_url(),
    )
    return obj


@transaction.atomic
def rencana_pembinaan_ubah_status(
    *, actor: Pengguna, rencana: RencanaPembinaan, status: str
) -> RencanaPembinaan:
    obj = (
        RencanaPembinaan.objects.select_for_update(of=("self",))
        .select_related("evaluasi__skp__pejabat_penilai", "evaluasi__skp__pegawai")
        .get(pk=rencana.pk)
    )
    if obj.evaluasi is None or not boleh_kelola(actor, obj.evaluasi):
        raise PermissionDenied(
            _("Rencana pembinaan dikelola oleh pejabat penilai atau admin kepegawaian.")
        )
    if status not in RencanaPembinaan.Status.values:
        raise ValidationError(_("Status rencana pembinaan tidak dikenal."))
    if obj.status == status:
        return obj
    obj.status = status
    obj.save(update_fields=["status", "updated_at"])
    return obj
