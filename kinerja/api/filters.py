"""Filters of the API lists: the list pages' own filter sets where they exist (employees,
positions), small ones in the same spirit for the rest. A filter value outside the actor's
scope (a unit of another wilayah) is a 400, like a form error on the page."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend  # noqa: F401 - re-exported

from kinerja.choices import StatusLogHarian
from kinerja.laporan.models import RekapPegawai
from kinerja.models import SKP, EvaluasiPeriodik, LogHarian
from kinerja.tpp.models import BulanTPP, TPPPegawai
from kinerja.tpp.selectors import TANDA
from organisasi.filters import JabatanFilter  # noqa: F401 - re-exported
from organisasi.models import UnitKerja
from organisasi.selectors import unit_list
from pegawai.filters import PegawaiFilter as _PegawaiFilterHalaman


class PegawaiFilter(_PegawaiFilterHalaman):
    """The employee list page's filters (q, unit subtree, golongan, ..., ordering `o`),
    given the actor from the request."""

    def __init__(self, *args: Any, request: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, actor=request.user if request else None, request=request, **kwargs)


def _unit_aktor(request: Any) -> QuerySet[UnitKerja]:
    if request is None:
        return UnitKerja.objects.visible_to(None)
    return UnitKerja.objects.visible_to(request.user)


class _CariMixin(django_filters.FilterSet):
    q = django_filters.CharFilter(method="cari", max_length=100, label=_("Cari"))
    unit = django_filters.ModelChoiceFilter(
        queryset=_unit_aktor, method="di_unit", label=_("Unit kerja (beserta sub-unit)")
    )

    jalur_unit = "pegawai__unit__path"
    jalur_pegawai = "pegawai__"

    def cari(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        p = self.jalur_pegawai
        return qs.filter(Q(**{f"{p}nama__icontains": value}) | Q(**{f"{p}nip__startswith": value}))

    def di_unit(self, qs: QuerySet, name: str, value: UnitKerja | None) -> QuerySet:
        return qs.filter(**{f"{self.jalur_unit}__startswith": value.path}) if value else qs


class UnitKerjaFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="cari", max_length=100, label=_("Cari nama atau kode"))
    induk = django_filters.ModelChoiceFilter(
        field_name="parent", queryset=lambda r: unit_list(actor=r.user) if r else UnitKerja.objects.visible_to(None),
        label=_("Unit induk"),
    )  # fmt: skip
    aktif = django_filters.BooleanFilter()

    class Meta:
        model = UnitKerja
        fields = ["jenis"]

    def cari(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(Q(nama__icontains=value) | Q(kode__icontains=value))


class SKPFilter(_CariMixin):
    tahun = django_filters.NumberFilter(field_name="periode_kinerja__tahun", label=_("Tahun"))
    status = django_filters.ChoiceFilter(choices=SKP.Status.choices, label=_("Status"))

    class Meta:
        model = SKP
        fields = ["tahun", "status"]


class EvaluasiFilter(_CariMixin):
    tahun = django_filters.NumberFilter(
        field_name="periode_penilaian__periode_kinerja__tahun", label=_("Tahun")
    )
    status = django_filters.ChoiceFilter(choices=EvaluasiPeriodik.Status.choices, label=_("Status"))
    periode_penilaian = django_filters.NumberFilter(label=_("Id periode penilaian"))

    jalur_unit = "skp__pegawai__unit__path"
    jalur_pegawai = "skp__pegawai__"

    class Meta:
        model = EvaluasiPeriodik
        fields = ["tahun", "status", "periode_penilaian"]


class LogHarianFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=StatusLogHarian.choices, label=_("Status"))
    dari = django_filters.DateFilter(field_name="tanggal", lookup_expr="gte", label=_("Dari"))
    sampai = django_filters.DateFilter(field_name="tanggal", lookup_expr="lte", label=_("Sampai"))
    q = django_filters.CharFilter(method="cari", max_length=100, label=_("Cari"))

    class Meta:
        model = LogHarian
        fields = ["status", "dari", "sampai"]

    def cari(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(Q(kegiatan__icontains=value) | Q(output__icontains=value))


class RekapPegawaiFilter(_CariMixin):
    periode_penilaian = django_filters.NumberFilter(label=_("Id periode penilaian"))
    tahun = django_filters.NumberFilter(
        field_name="periode_penilaian__periode_kinerja__tahun", label=_("Tahun")
    )
    jalur_unit = "unit__path"

    class Meta:
        model = RekapPegawai
        fields = ["periode_penilaian", "tahun", "predikat"]


class BulanTPPFilter(django_filters.FilterSet):
    class Meta:
        model = BulanTPP
        fields = ["tahun", "bulan", "status"]


class BarisTPPFilter(django_filters.FilterSet):
    """The month page's row filters (q, unit, tanda) are arguments of `baris_list`."""

    q = django_filters.CharFilter(max_length=100, label=_("Cari NIP atau nama"), method="lewat")
    unit = django_filters.ModelChoiceFilter(
        queryset=_unit_aktor, label=_("Unit kerja (beserta sub-unit)"), method="lewat"
    )
    tanda = django_filters.ChoiceFilter(
        choices=[(k, k) for k in TANDA], label=_("Tanda"), method="lewat"
    )

    class Meta:
        model = TPPPegawai
        fields = ["q", "unit", "tanda"]

    def lewat(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs  # applied by the selector (see TPPBulanViewSet.baris)
