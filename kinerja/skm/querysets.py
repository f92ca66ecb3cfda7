"""Region scoping of the SKM models (STYLE.md section 4): each names its path to the wilayah.
Selectors narrow further by role (a unit head sees the service units of the unit they head
and below)."""

from __future__ import annotations

import datetime as dt

from asn_kinerja.querysets import WilayahScopedQuerySet


class UnitLayananQuerySet(WilayahScopedQuerySet):
    def dibuka(self) -> UnitLayananQuerySet:
        return self.filter(dibuka=True)

    def di_subtree(self, unit) -> UnitLayananQuerySet:
        return self.filter(unit__path__startswith=unit.path)


class JenisLayananQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "unit_layanan__wilayah"

    def aktif(self) -> JenisLayananQuerySet:
        return self.filter(aktif=True)


class TanggapanQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "unit_layanan__wilayah"

    def di_subtree(self, unit) -> TanggapanQuerySet:
        return self.filter(unit_layanan__unit__path__startswith=unit.path)

    def antara(self, mulai: dt.date | None, selesai: dt.date | None) -> TanggapanQuerySet:
        """Responses whose local date (the wilayah's zone) lies in [mulai, selesai]."""
        qs = self
        if mulai:
            qs = qs.filter(tanggal__gte=mulai)
        if selesai:
            qs = qs.filter(tanggal__lte=selesai)
        return qs


class PenolakanQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "unit_layanan__wilayah"
