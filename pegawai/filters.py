"""Filters of the employee list (search, unit subtree, rank, position kind, status,
education) and its ordering. The unit choices are narrowed to the actor's wilayah."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from organisasi.choices import JenisJabatan, TingkatPendidikan
from organisasi.fields import BATAS_OPSI_UNIT, PilihanUnitField
from organisasi.models import UnitKerja

from .choices import GOLONGAN_CHOICES, StatusAktif, StatusKepegawaian

if TYPE_CHECKING:
    from organisasi.models import Pengguna


class UnitFilter(django_filters.ModelChoiceFilter):
    """Unit filter of a list: the levels of the tree that fit in BATAS_OPSI_UNIT options
    (organisasi.fields.PilihanUnitField)."""

    field_class = PilihanUnitField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("batas", BATAS_OPSI_UNIT)
        super().__init__(*args, **kwargs)


class PegawaiFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="cari", label=_("Cari NIP atau nama"))
    unit = UnitFilter(
        queryset=UnitKerja.objects.visible_to(None),
        method="di_unit",
        label=_("Unit kerja (dan sub-unit)"),
    )
    golongan = django_filters.ChoiceFilter(choices=GOLONGAN_CHOICES, label=_("Golongan"))
    jenis_jabatan = django_filters.ChoiceFilter(
        field_name="jabatan__jenis", choices=JenisJabatan.choices, label=_("Jenis jabatan")
    )
    status_kepegawaian = django_filters.ChoiceFilter(
        choices=StatusKepegawaian.choices, label=_("Status kepegawaian")
    )
    status_aktif = django_filters.ChoiceFilter(choices=StatusAktif.choices, label=_("Status"))
    pendidikan = django_filters.ChoiceFilter(
        field_name="pendidikan_terakhir", choices=TingkatPendidikan.choices, label=_("Pendidikan")
    )
    o = django_filters.OrderingFilter(
        fields=[
            ("nama", "nama"),
            ("nip", "nip"),
            ("golongan", "golongan"),
            ("unit__path", "unit"),
            ("jabatan__nama", "jabatan"),
            ("jp_tahun", "jp"),
        ],
        label=_("Urutkan"),
        widget=django_filters.widgets.forms.HiddenInput,
    )

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = UnitKerja.objects.visible_to(actor)

    def cari(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        if value.replace(" ", "").isdigit():
            return qs.filter(nip__startswith=value.replace(" ", ""))
        return qs.filter(Q(nama__icontains=value) | Q(gelar_belakang__icontains=value))

    def di_unit(self, qs: QuerySet, name: str, value: UnitKerja | None) -> QuerySet:
        return qs.di_subtree(value) if value else qs
