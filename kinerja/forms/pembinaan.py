"""Form of a coaching plan (rencana pembinaan)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from organisasi.models import Pengguna


class RencanaPembinaanForm(forms.Form):
    rencana = forms.CharField(
        label=_("Rencana pembinaan"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Rencana pembinaan wajib diisi.")},
        help_text=_("Mis. bimbingan teknis, pendampingan mentor, target perbaikan bulanan."),
    )  # fmt: skip
    target_waktu = forms.DateField(
        label=_("Target waktu"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Masukkan tanggal yang benar.")},
    )  # fmt: skip

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
