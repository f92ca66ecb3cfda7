"""Filters of the position list and the workforce-needs report. The unit choices are narrowed
to what the actor may read; picking a unit filters its whole subtree."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .abk import filter_status
from .choices import JenisJabatan, JenisUnit, StatusKebutuhan
from .selectors import unit_list

#: ?o= values -> ordering (NULLs last both ways, so "not analysed" never tops a sort).
URUTAN_JABATAN = {
    "unit": ["unit__path", "-is_kepala", "nama"],
    "nama": ["nama", "unit__path"],
    "jenis": ["jenis", "nama"],
    "kelas_jabatan": ["kelas_jabatan", "nama"],
    "kebutuhan": ["kebutuhan_bulat", "nama"],
    "pemangku": ["pemangku", "nama"],
    "selisih": ["selisih", "nama"],
    "rasio": ["rasio", "nama"],
}


def urutkan(
    qs: QuerySet, o: str | None, peta: dict[str, list[str]], bawaan: str, akhir: str = "pk"
) -> QuerySet:
    """Orders by the whitelisted `o` (or `bawaan`), NULLs last, with `akhir` as tie-breaker
    (stable pagination). On a grouped values() queryset `akhir` must be a grouped column."""
    kunci = (o or bawaan).lstrip("-")
    if kunci not in peta:
        kunci, o = bawaan.lstrip("-"), bawaan
    turun = (o or bawaan).startswith("-")
    urutan = []
    for i, f in enumerate(peta[kunci]):
        desc = f.startswith("-")
        expr = F(f.lstrip("-"))
        if i == 0 and turun:
            desc = not desc
        urutan.append(expr.desc(nulls_last=True) if desc else expr.asc(nulls_last=True))
    return qs.order_by(*urutan, akhir)


class JabatanFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari"), method="filter_q", max_length=100)
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit kerja (beserta sub-unit)"),
        queryset=lambda request: unit_list(actor=request.user).aktif().order_by("path"),
        method="filter_unit",
        empty_label=_("Semua unit"),
    )
    jenis = django_filters.ChoiceFilter(
        label=_("Jenis jabatan"), choices=JenisJabatan.choices, empty_label=_("Semua jenis")
    )
    jenis_unit = django_filters.ChoiceFilter(
        label=_("Jenis unit"),
        field_name="unit__jenis",
        choices=JenisUnit.choices,
        empty_label=_("Semua jenis unit"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status kebutuhan"),
        choices=StatusKebutuhan.choices,
        method="filter_status",
        empty_label=_("Semua status"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.form.fields["q"].widget.attrs["placeholder"] = _("Nama jabatan atau unit")
        self.form.fields["unit"].error_messages["invalid_choice"] = _(
            "Unit tidak ditemukan di wilayah Anda."
        )
        self.form.fields["q"].error_messages["max_length"] = _(
            "Kata kunci paling banyak 100 karakter."
        )

    def filter_q(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(Q(nama__icontains=value) | Q(unit__nama__icontains=value))

    def filter_unit(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(unit__path__startswith=value.path) if value else qs

    def filter_status(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return filter_status(qs, value)


class KebutuhanFilter(JabatanFilter):
    """The report's filters, plus how to group its rows (per position or per unit)."""

    tampilan = django_filters.ChoiceFilter(
        label=_("Tampilkan"),
        choices=[("jabatan", _("Per jabatan")), ("unit", _("Per unit"))],
        method="filter_tampilan",
        empty_label=None,
    )

    def filter_tampilan(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs  # grouping is done by the view


#: ?o= values of the per-unit view of the report.
URUTAN_UNIT = {
    "unit": ["unit__path"],
    "kebutuhan": ["t_kebutuhan", "unit__path"],
    "pemangku": ["t_pemangku", "unit__path"],
    "selisih": ["t_selisih", "unit__path"],
    "kekurangan": ["t_kekurangan", "unit__path"],
    "kelebihan": ["t_kelebihan", "unit__path"],
}


def per_unit(qs: QuerySet) -> QuerySet:
    """Rows of an `anotasi_abk` queryset summed per unit, in SQL (GROUP BY unit)."""
    from django.db.models import Count, Sum, Value
    from django.db.models.functions import Coalesce, Greatest

    return (
        qs.order_by()
        .values("unit__pk", "unit__nama", "unit__kode", "unit__path", "unit__jenis")
        .annotate(
            t_jabatan=Count("pk"),
            t_kebutuhan=Coalesce(Sum("kebutuhan_bulat"), Value(0)),
            t_pemangku=Coalesce(Sum("pemangku"), Value(0)),
            t_selisih=Coalesce(Sum("selisih"), Value(0)),
            t_kekurangan=Coalesce(Sum(Greatest(F("selisih"), Value(0))), Value(0)),
            t_kelebihan=Coalesce(Sum(Greatest(-F("selisih"), Value(0))), Value(0)),
        )
    )
