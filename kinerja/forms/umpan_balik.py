"""Form of a feedback note."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.choices import JenisUmpanBalik
from kinerja.selectors.umpan_balik import lawan_dialog

if TYPE_CHECKING:
    from organisasi.models import Pengguna


class _PilihanPegawai(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.nama} ({obj.nip})"


class UmpanBalikForm(forms.Form):
    kepada = _PilihanPegawai(
        label=_("Kepada"), queryset=None,
        error_messages={"invalid_choice": _("Pilih atasan langsung atau bawahan langsung Anda."),
                        "required": _("Pilih penerima.")},
    )  # fmt: skip
    jenis = forms.ChoiceField(
        label=_("Jenis"), choices=JenisUmpanBalik.choices, initial=JenisUmpanBalik.UMPAN_BALIK
    )
    teks = forms.CharField(
        label=_("Isi"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Isi umpan balik wajib diisi.")},
    )  # fmt: skip

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kepada"].queryset = lawan_dialog(actor=actor)
        self.helper = FormHelper()
        self.helper.form_tag = False
