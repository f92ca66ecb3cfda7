"""Form of the token page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    nama = forms.CharField(
        label=_("Nama token"), max_length=60,
        help_text=_("Misalnya nama perangkat: \"Ponsel kantor\"."),
        error_messages={"required": _("Beri nama token, misalnya nama perangkatnya."),
                        "max_length": _("Nama token paling banyak 60 karakter.")},
    )  # fmt: skip
