from __future__ import annotations

from django.contrib.auth.models import UserManager

from asn_kinerja.querysets import WilayahScopedQuerySet


class UnitKerjaQuerySet(WilayahScopedQuerySet):
    def aktif(self) -> UnitKerjaQuerySet:
        return self.filter(aktif=True)

    def subtree(self, unit, include_self: bool = True) -> UnitKerjaQuerySet:
        """All units under `unit` in ONE query: a prefix match on the materialised path
        (indexed with varchar_pattern_ops), no recursion needed."""
        qs = self.filter(path__startswith=unit.path)
        return qs if include_self else qs.exclude(pk=unit.pk)


class JabatanQuerySet(WilayahScopedQuerySet):
    def aktif(self) -> JabatanQuerySet:
        return self.filter(aktif=True)


class PenggunaQuerySet(WilayahScopedQuerySet):
    pass


class PenggunaManager(UserManager.from_queryset(PenggunaQuerySet)):
    pass


class TugasJabatanQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "jabatan__wilayah"


class KebutuhanKompetensiQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "jabatan__wilayah"
