from __future__ import annotations

from asn_kinerja.querysets import WilayahScopedQuerySet


class PegawaiQuerySet(WilayahScopedQuerySet):
    def aktif(self) -> PegawaiQuerySet:
        return self.filter(status_aktif="aktif")

    def di_subtree(self, unit) -> PegawaiQuerySet:
        """Employees of `unit` and every unit below it (one indexed prefix match)."""
        return self.filter(unit__path__startswith=unit.path)


class KehadiranQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "pegawai__wilayah"
