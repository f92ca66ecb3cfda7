"""Forms of the daily log."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crispy_forms.helper import FormHelper
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.choices import StatusLogHarian
from kinerja.selectors.log_harian import rhk_untuk_log
from kinerja.services.log_harian import validasi_bukti

if TYPE_CHECKING:
    from organisasi.models import Pengguna


class _PilihanRHK(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.skp.periode_kinerja.tahun} · {obj.teks[:100]}"


class LogHarianForm(forms.Form):
    tanggal = forms.DateField(
        label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Masukkan tanggal yang sah.")},
    )  # fmt: skip
    kegiatan = forms.CharField(
        label=_("Kegiatan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Uraikan kegiatan yang dilakukan.")},
    )  # fmt: skip
    output = forms.CharField(label=_("Output"), max_length=200, required=False)
    volume = forms.DecimalField(
        label=_("Volume"), required=False, min_value=0, max_digits=10, decimal_places=2,
        error_messages={"invalid": _("Volume harus berupa angka.")},
    )  # fmt: skip
    satuan = forms.CharField(label=_("Satuan"), max_length=50, required=False)
    rhk = _PilihanRHK(
        label=_("RHK terkait"), queryset=None, required=False,
        error_messages={"invalid_choice": _("Pilih RHK dari SKP Anda.")},
    )  # fmt: skip
    bukti = forms.FileField(
        label=_("Bukti (opsional)"), required=False,
        help_text=_("PDF, JPG atau PNG, paling besar 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )  # fmt: skip

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rhk"].queryset = rhk_untuk_log(actor=actor)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_bukti(self) -> Any:
        berkas = self.cleaned_data.get("bukti")
        if berkas and hasattr(berkas, "size"):
            try:
                validasi_bukti(berkas)
            except ValidationError as e:
                raise ValidationError(e.messages) from e
        return berkas or None


class LogFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua")), *StatusLogHarian.choices]
    )
    dari = forms.DateField(
        label=_("Dari tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sampai = forms.DateField(
        label=_("Sampai tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    q = forms.CharField(label=_("Cari"), required=False, max_length=100)
