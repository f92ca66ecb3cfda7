"""Writes of performance years (PeriodeKinerja), their windows (PeriodePenilaian) and the
units' performance agreements (TargetUnit).

`pastikan_terbuka()` is THE guard every write of kinerja calls: a closed year or a closed
window accepts no edit anywhere (SKP, daily log, realisation, rating).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asn_kinerja.waktu import hari_ini
from asn_kinerja.workflow import Transisi, catat_transisi, jalankan
from kinerja.choices import StatusPeriode
from kinerja.models import SKP, Keberatan, PeriodeKinerja, PeriodePenilaian, TargetUnit
from kinerja.signals import periode_penilaian_ditutup
from organisasi import peran
from organisasi.models import UnitKerja, Wilayah
from pegawai.selectors import kepala_unit, memimpin, pegawai_dari_pengguna

if TYPE_CHECKING:
    from organisasi.models import Pengguna


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


def _wajib_hr(actor: Pengguna, wilayah_id: int | None) -> None:
    peran.wajib_hr_wilayah(
        actor, wilayah_id, _("Hanya admin kepegawaian wilayah ini yang dapat mengelola periode.")
    )


def granularitas_wilayah(wilayah: Wilayah) -> str:
    """The wilayah's granularity of periodic evaluation: that of its latest performance year
    (a new year keeps the rhythm the wilayah chose), monthly when it has none yet."""
    terakhir = (
        PeriodeKinerja.objects.filter(wilayah=wilayah)
        .order_by("-tahun")
        .values_list("granularitas", flat=True)
        .first()
    )
    return terakhir or PeriodeKinerja.Granularitas.BULANAN


def tahun_berikut_usulan(wilayah: Wilayah) -> int:
    """The year HR most likely opens next: the wilayah's latest year + 1, or this (local)
    year when it has none."""
    terakhir = (
        PeriodeKinerja.objects.filter(wilayah=wilayah)
        .order_by("-tahun")
        .values_list("tahun", flat=True)
        .first()
    )
    return terakhir + 1 if terakhir else hari_ini(wilayah).year


def _buka(*, wilayah: Wilayah, tahun: int, granularitas: str, oleh: Any) -> PeriodeKinerja:
    """Creates the year and its windows. The caller holds the wilayah's row lock and has
    checked that the year does not exist."""
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
    catat_transisi(periode, dari="", ke=periode.status, oleh=oleh)
    return periode


def _kunci_wilayah(wilayah: Wilayah) -> Wilayah:
    """Serialises the opening of years of one wilayah (two HR clicks, HR and the beat task):
    the second waits, then sees the year the first created."""
    return Wilayah.objects.select_for_update().get(pk=wilayah.pk)


@transaction.atomic
def periode_buka(
    *, actor: Pengguna, wilayah: Wilayah, tahun: int, granularitas: str = "bulanan"
) -> PeriodeKinerja:
    """Opens a performance year for a wilayah with its evaluation windows (one per month,
    quarter or semester). The objection deadline is copied from the wilayah's settings so a
    later change of the setting does not rewrite a running year. A year that exists already,
    or one beyond next year (wilayah-local), is refused with a clear message (nothing is
    written)."""
    _wajib_hr(actor, wilayah.pk)
    paling_lambat = hari_ini(wilayah).year + 1
    if tahun > paling_lambat:
        raise ValidationError(
            {
                "tahun": _("Tahun kinerja dapat dibuka paling jauh untuk tahun depan (%(t)s).")
                % {"t": paling_lambat}
            },
            code="terlalu_jauh",
        )
    wilayah = _kunci_wilayah(wilayah)
    ada = PeriodeKinerja.objects.filter(wilayah=wilayah, tahun=tahun).first()
    if ada is not None:
        raise ValidationError(
            {
                "tahun": _(
                    "Periode kinerja %(tahun)s sudah ada di wilayah %(wilayah)s (status: "
                    "%(status)s); tidak dibuka dua kali."
                )
                % {"tahun": tahun, "wilayah": wilayah.nama, "status": ada.get_status_display()}
            },
            code="duplikat",
        )
    return _buka(wilayah=wilayah, tahun=tahun, granularitas=granularitas, oleh=actor)


#: From this day of December (wilayah-local date) the beat task opens next year.
TANGGAL_BUKA_OTOMATIS = 1


def tanggal_buka_otomatis() -> int:
    """The day of December from which the beat job opens next year."""
    return int(getattr(settings, "KINERJA_TANGGAL_BUKA_TAHUN_BERIKUT", TANGGAL_BUKA_OTOMATIS))


@transaction.atomic
def periode_buka_otomatis(*, wilayah: Wilayah) -> PeriodeKinerja | None:
    """The December job for one wilayah (`Wilayah.buka_tahun_otomatis`): on or after
    `settings.KINERJA_TANGGAL_BUKA_TAHUN_BERIKUT` December of the wilayah's LOCAL date it
    opens next year with the granularity of the wilayah's latest year, logged as a
    transition without an actor (the system). Returns the year it opened, or None (setting
    off, not December yet, or already open): safe to run every day and twice."""
    wilayah = _kunci_wilayah(wilayah)
    if not wilayah.buka_tahun_otomatis:
        return None
    tanggal = hari_ini(wilayah)
    if tanggal.month != 12 or tanggal.day < tanggal_buka_otomatis():
        return None
    tahun = tanggal.year + 1
    if PeriodeKinerja.objects.filter(wilayah=wilayah, tahun=tahun).exists():
        return None
    return _buka(
        wilayah=wilayah, tahun=tahun, granularitas=granularitas_wilayah(wilayah), oleh=None
    )


S = StatusPeriode

TUTUP = Transisi("tutup", frozenset({S.BUKA}), S.TUTUP, gettext_lazy("Tutup"))
BUKA_KEMBALI = Transisi(
    "buka_kembali", frozenset({S.TUTUP}), S.BUKA, gettext_lazy("Buka kembali"), catatan_wajib=True
)


def _ubah_status(obj: Any, *, transisi: Transisi, actor: Pengguna, catatan: str = "") -> Any:
    """A year's or a window's status step through the workflow engine (row lock, state
    check, one TransisiStatus row)."""
    return jalankan(type(obj), obj.pk, transisi, oleh=actor, catatan=catatan)


def periode_tutup(*, actor: Pengguna, periode: PeriodeKinerja, catatan: str = "") -> PeriodeKinerja:
    """Closes the whole year: no edit anywhere in it any more (its windows keep their own
    status, but a closed year overrides them); the pages turn read-only, PDFs still print.
    Refused while an objection (keberatan) of the year waits for its decision: closing
    would leave it undecidable."""
    _wajib_hr(actor, periode.wilayah_id)

    def izin(obj: PeriodeKinerja) -> None:
        menunggu = Keberatan.objects.filter(
            evaluasi__skp__periode_kinerja=obj, status=Keberatan.Status.DIAJUKAN
        ).count()
        if menunggu:
            raise ValidationError(
                _(
                    "Periode kinerja %(tahun)s belum dapat ditutup: %(n)s keberatan belum "
                    "diputuskan oleh atasan pejabat penilai."
                )
                % {"tahun": obj.tahun, "n": menunggu},
                code="keberatan_menunggu",
            )

    return jalankan(PeriodeKinerja, periode.pk, TUTUP, oleh=actor, catatan=catatan, izin=izin)


def periode_buka_kembali(
    *, actor: Pengguna, periode: PeriodeKinerja, catatan: str = ""
) -> PeriodeKinerja:
    _wajib_hr(actor, periode.wilayah_id)
    if not (catatan or "").strip():
        raise ValidationError({"catatan": _("Alasan membuka kembali periode wajib diisi.")})
    return _ubah_status(periode, transisi=BUKA_KEMBALI, actor=actor, catatan=catatan)


def periode_penilaian_tutup(
    *, actor: Pengguna, periode_penilaian: PeriodePenilaian, catatan: str = ""
) -> PeriodePenilaian:
    _wajib_hr(actor, periode_penilaian.periode_kinerja.wilayah_id)
    pastikan_terbuka(periode_penilaian.periode_kinerja)
    hasil = _ubah_status(periode_penilaian, transisi=TUTUP, actor=actor, catatan=catatan)
    # The final recap (kinerja.laporan) runs once the close is committed.
    transaction.on_commit(
        lambda: periode_penilaian_ditutup.send(sender=PeriodePenilaian, periode_penilaian=hasil)
    )
    return hasil


def periode_penilaian_buka_kembali(
    *, actor: Pengguna, periode_penilaian: PeriodePenilaian, catatan: str = ""
) -> PeriodePenilaian:
    _wajib_hr(actor, periode_penilaian.periode_kinerja.wilayah_id)
    pastikan_terbuka(periode_penilaian.periode_kinerja)
    if not (catatan or "").strip():
        raise ValidationError({"catatan": _("Alasan membuka kembali periode wajib diisi.")})
    return _ubah_status(periode_penilaian, transisi=BUKA_KEMBALI, actor=actor, catatan=catatan)


# --- Unit targets (perjanjian kinerja) ----------------------------------------------------


def boleh_kelola_target(actor: Pengguna, unit: UnitKerja) -> bool:
    """HR of the unit's wilayah, or the head of the unit itself."""
    if actor.is_admin_nasional:
        return True
    if actor.wilayah_id != unit.wilayah_id:
        return False
    if actor.is_admin_kepegawaian:
        return True
    saya = pegawai_dari_pengguna(actor)
    return bool(
        saya and memimpin(saya) and saya.jabatan.unit_id == unit.pk and kepala_unit(unit) == saya
    )


@transaction.atomic
def target_unit_simpan(
    *,
    actor: Pengguna,
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
def target_unit_hapus(*, actor: Pengguna, target_unit: TargetUnit) -> None:
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
