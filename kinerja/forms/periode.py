"""Forms of performance years and unit targets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Granularitas, Perspektif
from organisasi.models import Wilayah

if TYPE_CHECKING:
    from organisasi.models import Pengguna


class PeriodeBukaForm(forms.Form):
    wilayah = forms.ModelChoiceField(label=_("Wilayah"), queryset=None)
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    granularitas = forms.ChoiceField(
        label=_("Evaluasi periodik"),
        choices=Granularitas.choices,
        initial=Granularitas.BULANAN,
        help_text=_("Bulanan (bawaan), triwulanan atau semesteran."),
    )

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wilayah"].queryset = Wilayah.objects.visible_to(actor)
        if actor.wilayah_id:
            self.fields["wilayah"].initial = actor.wilayah_id
            self.fields["wilayah"].widget = forms.HiddenInput()
        self.helper = FormHelper()
        self.helper.form_tag = False


class CatatanForm(forms.Form):
    """A required note/reason (returning, rejecting, reopening)."""

    catatan = forms.CharField(
        label=_("Catatan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Catatan wajib diisi.")},
    )

    def __init__(self, *args: Any, label: str | None = None, wajib: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["catatan"].label = label
        self.fields["catatan"].required = wajib
        self.helper = FormHelper()
        self.helper.form_tag = False


class TargetUnitForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit kerja"), queryset=None)
    sasaran = forms.CharField(
        label=_("Sasaran strategis"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    indikator = forms.CharField(
        label=_("Indikator kinerja"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    target = forms.CharField(label=_("Target"), max_length=500)
    perspektif = forms.ChoiceField(
        label=_("Perspektif"), choices=[("", "—"), *Perspektif.choices], required=False
    )
    urutan = forms.IntegerField(label=_("Urutan"), min_value=0, max_value=999, initial=0)

    def __init__(self, *args: Any, actor: Pengguna, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.helper = FormHelper()
        self.helper.form_tag = False
