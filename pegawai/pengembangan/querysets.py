"""Scoping of the development rows: every queryset reaches its wilayah through one lookup."""

from __future__ import annotations

from asn_kinerja.querysets import WilayahScopedQuerySet


class ProgramQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"

    def terbuka(self) -> ProgramQuerySet:
        return self.filter(terbuka=True)


class PendaftaranQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "program__wilayah"


class RencanaQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "pegawai__wilayah"


class KegiatanQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "rencana__pegawai__wilayah"
