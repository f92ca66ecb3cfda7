from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from organisasi.models import Jabatan
from pegawai.models import Pegawai

from . import rules
from .models import HasilPotensi, KandidatSuksesi, Level, SumbuKinerja
from .services import JENIS_KUNCI

if TYPE_CHECKING:
    from organisasi.models import Pengguna


class _NipMixin:
    def _pegawai_dari_nip(self, nip: str) -> Pegawai:
        nip = (nip or "").strip()
        p = Pegawai.objects.visible_to(self.actor).filter(nip=nip).first()
        if p is None:
            raise forms.ValidationError(
                _("NIP %(nip)s tidak ditemukan di wilayah Anda.") % {"nip": nip}
            )
        return p


class HasilPotensiForm(_NipMixin, forms.Form):
    nip = forms.CharField(label=_("NIP pegawai"), max_length=18)
    sumber = forms.ChoiceField(label=_("Sumber"), choices=HasilPotensi.Sumber.choices)
    tanggal = forms.DateField(
        label=_("Tanggal asesmen"), widget=forms.DateInput(attrs={"type": "date"})
    )
    skor = forms.DecimalField(label=_("Skor (0-100)"), min_value=0, max_value=100, decimal_places=2)
    level = forms.ChoiceField(
        label=_("Level potensi"),
        choices=[("", _("Otomatis dari skor"))] + list(Level.choices),
        required=False,
    )
    catatan = forms.CharField(
        label=_("Catatan"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(*args, **kwargs)

    def clean_nip(self) -> Pegawai:
        return self._pegawai_dari_nip(self.cleaned_data["nip"])


class ImporPotensiForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas Excel"),
        help_text=_("Format .xlsx sesuai templat (atau .csv), paling besar 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


def _pilihan_kotak() -> list[tuple[int, Any]]:
    level, sumbu = dict(Level.choices), dict(SumbuKinerja.choices)
    return sorted(
        (n, format_lazy("{} — {} {} / {}", n, _("potensi"), level[lv], sumbu[sb]))
        for (lv, sb), n in rules.KOTAK.items()
    )


class PengaturanTalentaForm(forms.Form):
    """The shape of the settings; the rules between the fields (menengah below tinggi) are
    the model's constraint, checked by `services.pengaturan_simpan`."""

    kotak_pool = forms.TypedMultipleChoiceField(
        label=_("Kotak kelompok rencana suksesi (talent pool)"),
        help_text=_("Pegawai di kotak yang dicentang masuk talent pool dan dapat dipilih "
                    "sebagai kandidat suksesi."),
        coerce=int, choices=_pilihan_kotak, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih paling sedikit satu kotak untuk talent pool.")},
    )  # fmt: skip
    batas_menengah = forms.DecimalField(
        label=_("Skor minimal potensi menengah"), min_value=0, max_value=100, max_digits=5,
        decimal_places=2,
    )  # fmt: skip
    batas_tinggi = forms.DecimalField(
        label=_("Skor minimal potensi tinggi"), min_value=0, max_value=100, max_digits=5,
        decimal_places=2,
    )  # fmt: skip


class KoreksiForm(forms.Form):
    pegawai = forms.IntegerField(widget=forms.HiddenInput)
    kotak_baru = forms.TypedChoiceField(
        label=_("Kotak baru"), coerce=int, choices=[(i, str(i)) for i in range(1, 10)]
    )
    catatan = forms.CharField(
        label=_("Catatan kalibrasi"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )


class PosisiKunciForm(forms.Form):
    jabatan = forms.ModelChoiceField(label=_("Jabatan"), queryset=None)  # set in __init__

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jabatan"].queryset = (
            Jabatan.objects.visible_to(actor)
            .filter(jenis__in=JENIS_KUNCI, aktif=True, posisi_kunci__isnull=True)
            .select_related("unit")
            .order_by("unit__nama", "nama")
        )
        self.fields["jabatan"].label_from_instance = lambda j: f"{j.nama} — {j.unit.nama}"


class KandidatForm(_NipMixin, forms.Form):
    nip = forms.CharField(label=_("NIP kandidat"), max_length=18)
    kesiapan = forms.ChoiceField(label=_("Kesiapan"), choices=KandidatSuksesi.Kesiapan.choices)

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(*args, **kwargs)

    def clean_nip(self) -> Pegawai:
        return self._pegawai_dari_nip(self.cleaned_data["nip"])
