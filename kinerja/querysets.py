"""Querysets of the performance models: region scoping (STYLE.md section 4) and small
reusable filters. One class per model family; `wilayah_lookup` is the path from the model
to its wilayah. Selectors start from `visible_to(actor)` and narrow by role from there.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from asn_kinerja.querysets import WilayahScopedQuerySet

from .choices import StatusEvaluasi, StatusKeberatan, StatusPeriode, StatusSKP


class PeriodeKinerjaQuerySet(WilayahScopedQuerySet):
    """PeriodeKinerja (owns its wilayah)."""

    def buka(self) -> PeriodeKinerjaQuerySet:
        return self.filter(status=StatusPeriode.BUKA)


class PeriodePenilaianQuerySet(WilayahScopedQuerySet):
    """PeriodePenilaian (the windows of a PeriodeKinerja)."""

    wilayah_lookup = "periode_kinerja__wilayah"

    def buka(self) -> PeriodePenilaianQuerySet:
        return self.filter(status=StatusPeriode.BUKA)

    def mencakup(self, tanggal: dt.date) -> PeriodePenilaianQuerySet:
        """Windows that contain `tanggal`."""
        return self.filter(tanggal_mulai__lte=tanggal, tanggal_selesai__gte=tanggal)


class UnitTargetQuerySet(WilayahScopedQuerySet):
    """Rows owned by a unit: TargetUnit, PredikatUnit."""

    wilayah_lookup = "unit__wilayah"


class SKPQuerySet(WilayahScopedQuerySet):
    """SKP: scoped by its own (denormalised) wilayah."""

    def status(self, *status: str) -> SKPQuerySet:
        return self.filter(status__in=status)

    def disetujui(self) -> SKPQuerySet:
        """Approved SKP, including those with a pending revision request (still in force)."""
        return self.filter(status__in=[StatusSKP.DISETUJUI, StatusSKP.REVISI_DIAJUKAN])

    def dinilai_oleh(self, pegawai: Any) -> SKPQuerySet:
        """SKP whose pejabat penilai is `pegawai` (the superior's inbox)."""
        return self.filter(pejabat_penilai=pegawai)


class BagianSKPQuerySet(WilayahScopedQuerySet):
    """Parts of the plan with a direct `skp` foreign key: RencanaHasilKerja,
    EkspektasiPerilaku."""

    wilayah_lookup = "skp__wilayah"


class IndikatorKinerjaQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "rhk__skp__wilayah"


class EvaluasiQuerySet(WilayahScopedQuerySet):
    """EvaluasiPeriodik and EvaluasiTahunan (both hang off an SKP)."""

    wilayah_lookup = "skp__wilayah"

    def status(self, *status: str) -> EvaluasiQuerySet:
        return self.filter(status__in=status)

    def final(self) -> EvaluasiQuerySet:
        return self.filter(status=StatusEvaluasi.FINAL)


class BagianEvaluasiQuerySet(WilayahScopedQuerySet):
    """Rows of a periodic evaluation: RealisasiIndikator, BuktiDukung, UmpanBalikHasil,
    UmpanBalikPerilaku, Keberatan."""

    wilayah_lookup = "evaluasi__skp__wilayah"


class KeberatanQuerySet(BagianEvaluasiQuerySet):
    def terbuka(self) -> KeberatanQuerySet:
        return self.filter(status=StatusKeberatan.DIAJUKAN)


class LogHarianQuerySet(WilayahScopedQuerySet):
    """LogHarian: scoped by its own (denormalised) wilayah."""

    def antara(self, mulai: dt.date, selesai: dt.date) -> LogHarianQuerySet:
        return self.filter(tanggal__gte=mulai, tanggal__lte=selesai)


class UmpanBalikQuerySet(WilayahScopedQuerySet):
    """UmpanBalik (continuous feedback, dialog kinerja notes)."""

    def belum_dibaca(self) -> UmpanBalikQuerySet:
        return self.filter(dibaca_pada__isnull=True)


class RencanaPembinaanQuerySet(WilayahScopedQuerySet):
    """RencanaPembinaan: belongs to the wilayah of the performance year it was made in."""

    wilayah_lookup = "periode_kinerja__wilayah"
