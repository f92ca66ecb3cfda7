"""Filters of the staff response list. Every choice is narrowed to the actor's scope."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import TanggapanSKM
from .selectors import unit_layanan_list


class TanggapanFilter(django_filters.FilterSet):
    STATUS = [
        ("berkomentar", _("Ada komentar")),
        ("belum", _("Komentar belum dijawab")),
        ("dijawab", _("Sudah dijawab")),
        ("ditindaklanjuti", _("Sudah ditindaklanjuti")),
        ("petugas", _("Menyebut petugas")),
    ]

    q = django_filters.CharFilter(label=_("Cari komentar"), method="filter_q")
    unit_layanan = django_filters.ModelChoiceFilter(
        label=_("Unit layanan"), queryset=None, empty_label=_("Semua unit")
    )
    mulai = django_filters.DateFilter(
        label=_("Dari tanggal"), field_name="tanggal", lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    selesai = django_filters.DateFilter(
        label=_("Sampai tanggal"), field_name="tanggal", lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS, method="filter_status", empty_label=_("Semua")
    )

    class Meta:
        model = TanggapanSKM
        fields: list[str] = []

    def __init__(self, *args: Any, actor, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.filters["unit_layanan"].queryset = unit_layanan_list(actor=actor)

    def filter_q(self, qs, name, value):
        value = value.strip()[:100]
        return (
            qs.filter(Q(komentar__icontains=value) | Q(jawaban__icontains=value)) if value else qs
        )

    def filter_status(self, qs, name, value):
        return {
            "berkomentar": qs.exclude(komentar=""),
            "belum": qs.exclude(komentar="").filter(jawaban=""),
            "dijawab": qs.exclude(jawaban=""),
            "ditindaklanjuti": qs.filter(ditindaklanjuti=True),
            "petugas": qs.filter(petugas__isnull=False),
        }.get(value, qs)
