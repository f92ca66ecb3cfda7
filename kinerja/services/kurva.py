"""Writes of the distribution curve: the unit's predikat (set by the leader one level up)
and the finalisation of a unit's evaluations of a window (or of the year), which is allowed
only when the distribution satisfies the curve (`rules.cek_kurva`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from asn_kinerja.notifikasi import notifikasi_kirim
from asn_kinerja.workflow import jalankan_massal
from kinerja.models import (
    EvaluasiPeriodik,
    EvaluasiTahunan,
    PeriodeKinerja,
    PeriodePenilaian,
    PredikatUnit,
)
from kinerja.rules import cek_kurva
from kinerja.selectors.kurva import anggota_skp
from kinerja.services.periode import pastikan_terbuka
from kinerja.workflow.evaluasi import FINAL
from organisasi.models import UnitKerja
from pegawai.selectors import kepala_unit, memimpin, pegawai_dari_pengguna

if TYPE_CHECKING:
    from organisasi.models import Pengguna

S = EvaluasiPeriodik.Status


def is_kepala(actor: Pengguna, unit: UnitKerja | None) -> bool:
    """The actor holds the head position of `unit`."""
    if unit is None or not actor.is_authenticated:
        return False
    saya = pegawai_dari_pengguna(actor)
    return bool(saya and memimpin(saya) and saya.jabatan.unit_id == unit.pk)


def boleh_tetapkan_predikat_unit(actor: Pengguna, unit: UnitKerja) -> bool:
    """The leader one level up: the head of the parent unit. A top unit (no parent: its
    leader is the elected head without an account) is set by the wilayah's HR."""
    if actor.is_admin_nasional:
        return True
    if actor.wilayah_id != unit.wilayah_id:
        return False
    if unit.parent_id is None:
        return bool(actor.is_admin_kepegawaian)
    return is_kepala(actor, unit.parent)


def _pastikan_terbuka(periode_kinerja: PeriodeKinerja, periode_penilaian: PeriodePenilaian | None):
    pastikan_terbuka(periode_penilaian if periode_penilaian is not None else periode_kinerja)


def _evaluasi_grup(unit: UnitKerja, periode_kinerja: PeriodeKinerja,
                   periode_penilaian: PeriodePenilaian | None):  # fmt: skip
    skp = anggota_skp(unit=unit, periode_kinerja=periode_kinerja).values("pk")
    if periode_penilaian is None:
        return EvaluasiTahunan.objects.filter(skp__in=skp)
    return EvaluasiPeriodik.objects.filter(skp__in=skp, periode_penilaian=periode_penilaian)


@transaction.atomic
def predikat_unit_tetapkan(
    *,
    actor: Pengguna,
    unit: UnitKerja,
    periode_kinerja: PeriodeKinerja,
    periode_penilaian: PeriodePenilaian | None,
    predikat: str,
    catatan: str = "",
) -> PredikatUnit:
    """Sets (or changes) the unit's predikat for a window (None: the year). Refused once any
    evaluation of the unit's group in that window is final (the curve it was checked against
    would change under it)."""
    if not boleh_tetapkan_predikat_unit(actor, unit):
        raise PermissionDenied(
            _("Predikat unit ditetapkan oleh pimpinan satu tingkat di atas unit ini.")
        )
    if unit.wilayah_id != periode_kinerja.wilayah_id:
        raise ValidationError(_("Unit kerja harus dari wilayah periode ini."))
    if predikat not in PredikatUnit.Predikat.values:
        raise ValidationError({"predikat": _("Pilih predikat unit yang tersedia.")})
    _pastikan_terbuka(periode_kinerja, periode_penilaian)
    if _evaluasi_grup(unit, periode_kinerja, periode_penilaian).filter(status=S.FINAL).exists():
        raise ValidationError(
            _("Evaluasi unit ini sudah final; predikat unit tidak dapat diubah lagi.")
        )
    lookup = {"unit": unit, "periode_kinerja": periode_kinerja}
    lookup["periode_penilaian"] = periode_penilaian
    obj = PredikatUnit.objects.select_for_update().filter(**lookup).first() or PredikatUnit(
        **lookup
    )
    obj.predikat = predikat
    obj.catatan = (catatan or "").strip()
    obj.ditetapkan_oleh = pegawai_dari_pengguna(actor)
    obj.full_clean(validate_constraints=False)
    obj.save()
    kepala = kepala_unit(unit)
    if kepala is not None:
        notifikasi_kirim(
            penerima=kepala,
            judul=_("Predikat unit %(unit)s ditetapkan: %(p)s")
            % {"unit": unit.nama, "p": obj.get_predikat_display()},
            pesan=_("Sebaran predikat pegawai harus sesuai kurva predikat unit ini."),
            tautan=f"/kinerja/kurva/?unit={unit.pk}"
            + (f"&periode={periode_penilaian.pk}" if periode_penilaian else "&periode=tahunan"),
        )
    return obj


@transaction.atomic
def kurva_finalisasi(
    *,
    actor: Pengguna,
    unit: UnitKerja,
    periode_kinerja: PeriodeKinerja,
    periode_penilaian: PeriodePenilaian | None,
) -> int:
    """The unit's head makes the group's `dinilai` evaluations of the window (None: the
    annual ones) `final`, one TransisiStatus each. Locks every evaluation of the group first
    (a concurrent finalisation waits, then finds nothing left and gets a clear error; a
    concurrent re-rating waits for the outcome), then requires the unit's predikat and a
    distribution within its curve; otherwise the error lists which predikat must move.
    Returns how many evaluations became final."""
    if not (is_kepala(actor, unit) or actor.is_admin_nasional):
        raise PermissionDenied(_("Hanya kepala unit ini yang dapat memfinalisasi penilaiannya."))
    _pastikan_terbuka(periode_kinerja, periode_penilaian)
    model = EvaluasiTahunan if periode_penilaian is None else EvaluasiPeriodik
    terkunci = list(
        _evaluasi_grup(unit, periode_kinerja, periode_penilaian).select_for_update().order_by("pk")
    )
    siap = [e for e in terkunci if e.status == S.DINILAI]
    if not siap:
        raise ValidationError(
            _("Tidak ada evaluasi berstatus Dinilai yang menunggu finalisasi (mungkin sudah "
              "difinalisasi). Muat ulang halaman."),
            code="status_berubah",
        )  # fmt: skip
    lookup = {"unit": unit, "periode_kinerja": periode_kinerja}
    lookup["periode_penilaian"] = periode_penilaian
    pu = PredikatUnit.objects.filter(**lookup).first()
    if pu is None:
        raise ValidationError(
            _("Predikat unit belum ditetapkan oleh pimpinan satu tingkat di atas."),
            code="predikat_unit_kosong",
        )
    counts: dict[str | None, int] = {}
    dinilai = {e.skp_id: e.predikat for e in terkunci if e.status in (S.DINILAI, S.FINAL)}
    jumlah_anggota = anggota_skp(unit=unit, periode_kinerja=periode_kinerja).count()
    for p in dinilai.values():
        counts[p] = counts.get(p, 0) + 1
    counts[None] = jumlah_anggota - len(dinilai)
    hasil = cek_kurva(
        pu.predikat, counts, bulatkan_menguntungkan=periode_kinerja.aturan_pembulatan_kecil
    )
    if not hasil.ok:
        raise ValidationError(hasil.pelanggaran, code="kurva")
    sekarang = timezone.now()

    def ubah(e: EvaluasiPeriodik | EvaluasiTahunan) -> None:
        e.final_pada = e.updated_at = sekarang

    # Set-based through the engine: the rows are locked above, one bulk UPDATE (with
    # history), one bulk INSERT of log rows.
    jalankan_massal(
        siap, FINAL, oleh=actor, ubah=ubah, fields=("final_pada", "updated_at"),
        wilayah_id=unit.wilayah_id,
        catatan=_("Finalisasi unit %(unit)s (predikat unit %(p)s)")
        % {"unit": unit.nama, "p": pu.get_predikat_display()},
    )  # fmt: skip
    hari = periode_kinerja.batas_hari_keberatan
    for e in model.objects.filter(pk__in=[e.pk for e in siap]).select_related("skp__pegawai"):
        notifikasi_kirim(
            penerima=e.skp.pegawai,
            judul=_("Evaluasi kinerja Anda sudah final: %(p)s") % {"p": e.get_predikat_display()},
            pesan=_("Anda dapat mengajukan keberatan dalam %(n)s hari.") % {"n": hari}
            if model is EvaluasiPeriodik
            else "",
            tautan=e.get_absolute_url(),
        )
    return len(siap)
