"""The unit <select> of forms and filter bars.

A province has hundreds to thousands of units (every school and health centre is one), so
Django's ModelChoiceField, which builds a model instance per option through a server-side
cursor, made the unit filter most of the employee list's time at 100,000 employees
(~1,350 units per wilayah; docs/bench.md). `PilihanUnitField` reads the options with one
`values_list` query (id, name, depth, ordered by the tree path) and writes them as an
indented tree.

With `batas`, a filter bar lists only the levels of the tree that fit in `batas` options
(all of them in a small wilayah), plus the unit already chosen, and ends with a disabled
line saying how many deeper units are left out. Deeper units stay valid values (validation
uses the whole queryset): the unit page links to the employee list of its unit. A form that
creates or moves something (no `batas`) lists every unit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import ngettext

from asn_kinerja.formatting import angka

from .selectors import kedalaman_muat

#: How many unit options a filter bar lists at most (the shallowest levels that fit).
BATAS_OPSI_UNIT = 150
#: Indentation of one tree level in an option label (an em space: <option> drops spaces).
INDEN = "\u2003"


class _PilihanUnit(BaseChoiceIterator):
    """Lazy choices of a PilihanUnitField: the query runs when the <select> is rendered
    (a BaseChoiceIterator, so Django's choice normalisation does not iterate it)."""

    def __init__(self, field: PilihanUnitField) -> None:
        self.field = field

    def baris(self) -> list[tuple[int, str, int]]:
        return list(self.field.queryset.order_by("path").values_list("pk", "nama", "depth"))

    def untuk(self, terpilih: list[str]) -> tuple[list[tuple[Any, str]], int]:
        """((value, label) of the options to write, narrowed to `field.batas` options; the
        number of units left out)."""
        baris = self.baris()
        pilihan: list[tuple[Any, str]] = []
        if self.field.empty_label is not None:
            pilihan.append(("", self.field.empty_label))
        if not baris:
            return pilihan, 0
        dangkal = min(d for _pk, _n, d in baris)
        batas = self.field.batas
        terdalam = None
        if batas is not None and len(baris) > batas:
            jumlah = Counter(d for _pk, _n, d in baris)
            terdalam = max(kedalaman_muat(jumlah, batas), dangkal)
        dipilih = {str(v) for v in terpilih}
        dilewati = 0
        for pk, nama, d in baris:
            if terdalam is not None and d > terdalam and str(pk) not in dipilih:
                dilewati += 1
                continue
            pilihan.append((pk, INDEN * (d - dangkal) + nama))
        return pilihan, dilewati

    def __iter__(self) -> Iterator[tuple[Any, str]]:
        return iter(self.untuk([])[0])

    def __len__(self) -> int:  # Django asks for len() when a form is built
        return self.field.queryset.count() + (self.field.empty_label is not None)

    def __bool__(self) -> bool:
        return True


class PilihUnitWidget(forms.Select):
    def use_required_attribute(self, initial: Any) -> bool:
        # Select's own check reads the first choice, i.e. runs the query once more.
        if isinstance(self.choices, _PilihanUnit):
            return not self.is_hidden and self.choices.field.empty_label is not None
        return super().use_required_attribute(initial)

    def optgroups(self, name: str, value: list[str], attrs: dict | None = None):
        asal = self.choices
        if not isinstance(asal, _PilihanUnit):
            return super().optgroups(name, value, attrs)
        pilihan, dilewati = asal.untuk(value)
        try:
            self.choices = pilihan
            grup = super().optgroups(name, value, attrs)
        finally:
            self.choices = asal
        if dilewati:
            teks = ngettext(
                "… %(n)s unit yang lebih rinci tidak dicantumkan: buka dari Bagan Organisasi",
                "… %(n)s unit yang lebih rinci tidak dicantumkan: buka dari Bagan Organisasi",
                dilewati,
            ) % {"n": angka(dilewati)}
            opsi = self.create_option(name, "", teks, False, len(grup))
            opsi["attrs"]["disabled"] = True
            grup.append((None, [opsi], len(grup)))
        return grup


class PilihanUnitField(forms.ModelChoiceField):
    """ModelChoiceField of UnitKerja with cheap, tree-indented options (see module doc)."""

    widget = PilihUnitWidget

    def __init__(self, queryset: Any, *, batas: int | None = None, **kwargs: Any) -> None:
        self.batas = batas
        super().__init__(queryset, **kwargs)

    def _get_choices(self):
        if hasattr(self, "_choices"):
            return self._choices
        return _PilihanUnit(self)

    choices = property(_get_choices, forms.ModelChoiceField.choices.fset)
