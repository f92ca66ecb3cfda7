"""Forms of the objection: filing it, and the decision of the atasan pejabat penilai."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Rating

if TYPE_CHECKING:
    from organisasi.models import Pengguna


class KeberatanForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan keberatan"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Alasan keberatan wajib diisi.")},
        help_text=_("Jelaskan bagian penilaian yang Anda keberatan dan buktinya."),
    )  # fmt: skip

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor


class KeputusanKeberatanForm(forms.Form):
    KEPUTUSAN = (("terima", _("Terima: tetapkan rating baru")), ("tolak", _("Tolak")))

    keputusan_jenis = forms.ChoiceField(
        label=_("Keputusan"), choices=KEPUTUSAN, widget=forms.RadioSelect,
        error_messages={"required": _("Pilih terima atau tolak.")},
    )  # fmt: skip
    rating_hasil = forms.ChoiceField(
        label=_("Rating hasil kerja baru"), choices=[("", "—"), *Rating.choices], required=False
    )
    rating_perilaku = forms.ChoiceField(
        label=_("Rating perilaku kerja baru"), choices=[("", "—"), *Rating.choices], required=False
    )
    keputusan = forms.CharField(
        label=_("Pertimbangan keputusan"), max_length=4000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor

    def clean(self) -> dict[str, Any]:
        d = super().clean()
        if d.get("keputusan_jenis") == "terima":
            for f, pesan in (
                ("rating_hasil", _("Pilih rating hasil kerja baru.")),
                ("rating_perilaku", _("Pilih rating perilaku kerja baru.")),
            ):
                if not d.get(f):
                    self.add_error(f, pesan)
        elif d.get("keputusan_jenis") == "tolak" and not (d.get("keputusan") or "").strip():
            self.add_error("keputusan", _("Tuliskan alasan penolakan."))
        if self.errors:
            raise ValidationError(_("Periksa kembali isian keputusan."))
        return d
