"""Forms of the SKP: header and attachments, RHK, indicators, behaviour expectations and
the workflow notes. Choice fields are narrowed to what the SKP allows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crispy_forms.helper import FormHelper
from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Aspek, JenisRHK, PendekatanSKP, Perilaku, Perspektif
from kinerja.models import SKP
from kinerja.selectors.skp import rhk_atasan_pilihan, target_unit_pilihan

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def _helper() -> FormHelper:
    h = FormHelper()
    h.form_tag = False
    return h


class _PilihanRHKAtasan(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.urutan}. {obj.teks[:120]}"


class _PilihanTarget(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        persp = f" [{obj.get_perspektif_display()}]" if obj.perspektif else ""
        return f"{obj.sasaran[:100]}{persp}"


class SKPForm(forms.Form):
    pendekatan = forms.ChoiceField(label=_("Pendekatan"), choices=PendekatanSKP.choices)
    dukungan_sumber_daya = forms.CharField(
        label=_("Dukungan sumber daya"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    skema_pertanggungjawaban = forms.CharField(
        label=_("Skema pertanggungjawaban"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip
    konsekuensi = forms.CharField(
        label=_("Konsekuensi"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )  # fmt: skip

    def __init__(self, *args: Any, actor: Pengguna = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class RHKForm(forms.Form):
    teks = forms.CharField(
        label=_("Rencana hasil kerja"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Rumusan RHK wajib diisi.")},
    )  # fmt: skip
    jenis = forms.ChoiceField(label=_("Jenis"), choices=JenisRHK.choices, initial=JenisRHK.UTAMA)
    rhk_atasan = _PilihanRHKAtasan(
        label=_("RHK atasan yang diintervensi"), queryset=None, required=False,
        help_text=_("Hanya RHK dari SKP pejabat penilai Anda yang sudah disetujui tahun ini."),
        error_messages={"invalid_choice": _("Pilih RHK dari SKP atasan Anda yang disetujui.")},
    )  # fmt: skip
    target_unit = _PilihanTarget(
        label=_("Sasaran perjanjian kinerja unit"), queryset=None, required=False,
        error_messages={"invalid_choice": _("Pilih sasaran dari perjanjian kinerja unit Anda.")},
    )  # fmt: skip
    perspektif = forms.ChoiceField(
        label=_("Perspektif"), choices=[("", "—"), *Perspektif.choices], required=False
    )

    def __init__(self, *args: Any, actor: Pengguna, skp: SKP, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.skp = skp
        if skp.is_jpt:
            del self.fields["rhk_atasan"]
            self.fields["target_unit"].queryset = target_unit_pilihan(skp=skp)
            self.fields["target_unit"].required = True
            self.fields["teks"].required = False
            self.fields["teks"].help_text = _("Kosongkan untuk memakai rumusan sasaran unit.")
        else:
            del self.fields["target_unit"]
            del self.fields["perspektif"]
            self.fields["rhk_atasan"].queryset = rhk_atasan_pilihan(skp=skp)
        self.helper = _helper()


class IndikatorForm(forms.Form):
    aspek = forms.ChoiceField(label=_("Aspek"), choices=Aspek.choices)
    teks = forms.CharField(
        label=_("Indikator kinerja individu"), max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Rumusan indikator wajib diisi.")},
    )  # fmt: skip
    target_nilai = forms.DecimalField(
        label=_("Target (angka)"), required=False, max_digits=12, decimal_places=2,
        error_messages={"invalid": _("Target angka harus berupa bilangan, mis. 12 atau 95,5.")},
    )  # fmt: skip
    target_satuan = forms.CharField(
        label=_("Satuan"), required=False, max_length=50,
        help_text=_("Mis. dokumen, laporan, %, hari."),
    )  # fmt: skip
    target_kualitatif = forms.CharField(
        label=_("Target kualitatif"), required=False, max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Isi bila target tidak berupa angka."),
    )  # fmt: skip

    def __init__(self, *args: Any, actor: Pengguna = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class EkspektasiForm(forms.Form):
    """One text field per BerAKHLAK value, named by the value."""

    def __init__(self, *args: Any, actor: Pengguna = None, skp: SKP, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ada = {e.perilaku: e.ekspektasi for e in skp.ekspektasi_set.all()}
        for nilai, label in Perilaku.choices:
            self.fields[nilai] = forms.CharField(
                label=label, required=False, max_length=1000, initial=ada.get(nilai, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip
        self.helper = _helper()
