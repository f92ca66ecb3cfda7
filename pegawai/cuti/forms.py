"""Forms of leave, holidays and attendance. They check the shape of the input; the rules
(balance, overlap, entitlement) are the services'. Every form receives `actor`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from organisasi.fields import BATAS_OPSI_UNIT, PilihanUnitField
from organisasi.models import UnitKerja, Wilayah
from pegawai.choices import StatusKehadiran
from pegawai.models import Cuti, HariLibur

from .services.cuti import UKURAN_LAMPIRAN_MAKS, validasi_lampiran

if TYPE_CHECKING:
    from organisasi.models import Pengguna

UKURAN_CSV_MAKS = 5 * 1024 * 1024


class TanggalInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class CutiForm(forms.Form):
    jenis = forms.ChoiceField(label=_("Jenis cuti"), choices=Cuti.Jenis.choices)
    tanggal_mulai = forms.DateField(label=_("Tanggal mulai"), widget=TanggalInput())
    tanggal_selesai = forms.DateField(label=_("Tanggal selesai"), widget=TanggalInput())
    alasan = forms.CharField(
        label=_("Alasan"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    alamat_selama_cuti = forms.CharField(
        label=_("Alamat selama cuti"), max_length=255, required=False
    )
    telepon = forms.CharField(label=_("Telepon selama cuti"), max_length=30, required=False)
    anak_ke = forms.IntegerField(
        label=_("Kelahiran anak ke-"),
        min_value=1,
        max_value=20,
        required=False,
        help_text=_("Hanya untuk cuti melahirkan."),
    )
    dokter_pemerintah = forms.BooleanField(
        label=_("Surat keterangan dari dokter pemerintah"),
        required=False,
        help_text=_("Wajib untuk cuti sakit lebih dari 14 hari."),
    )
    lampiran = forms.FileField(
        label=_("Lampiran"),
        required=False,
        help_text=_(
            "PDF, JPG, atau PNG, paling besar 2 MB. Wajib untuk cuti sakit lebih dari 1 hari "
            "(surat keterangan dokter)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(*args, **kwargs)

    def clean_lampiran(self):
        berkas = self.cleaned_data.get("lampiran")
        if berkas:
            if berkas.size > UKURAN_LAMPIRAN_MAKS:
                raise ValidationError(_("Ukuran lampiran paling besar 2 MB."))
            validasi_lampiran(berkas)
        return berkas

    def clean(self):
        data = super().clean()
        mulai, selesai = data.get("tanggal_mulai"), data.get("tanggal_selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error(
                "tanggal_selesai", _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
            )
        if mulai and selesai and (selesai - mulai).days > 3 * 366 + 31:
            self.add_error("tanggal_selesai", _("Rentang tanggal terlalu panjang."))
        if data.get("jenis") == Cuti.Jenis.MELAHIRKAN and not data.get("anak_ke"):
            self.add_error("anak_ke", _("Isi kelahiran anak ke berapa."))
        return data


class CatatanForm(forms.Form):
    """The note of a recommendation or decision (required when refusing; the service says
    so)."""

    catatan = forms.CharField(
        label=_("Catatan"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, actor: Pengguna = None, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(*args, **kwargs)


def _wilayah_dalam_lingkup(form: forms.BaseForm, actor: Pengguna) -> None:
    """Narrows the form's `wilayah` to the actor's scope; HR of one wilayah works in their
    own wilayah only, so the field is not offered to them."""
    form.fields["wilayah"].queryset = Wilayah.objects.visible_to(actor)
    if actor.wilayah_id:
        del form.fields["wilayah"]


class HariLiburForm(forms.ModelForm):
    class Meta:
        model = HariLibur
        fields = ["wilayah", "tanggal", "nama", "jenis"]
        widgets = {"tanggal": TanggalInput()}

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(*args, **kwargs)
        _wilayah_dalam_lingkup(self, actor)
        if actor.wilayah_id:
            self.instance.wilayah_id = actor.wilayah_id

    def clean_tanggal(self):
        tanggal = self.cleaned_data["tanggal"]
        if not 2000 <= tanggal.year <= 2100:
            raise ValidationError(_("Tahun harus antara 2000 dan 2100."))
        return tanggal


class ImporKehadiranForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas CSV dari mesin presensi"),
        help_text=_(
            "Dua kolom per baris: NIP dan waktu (mis. 198501012010011001,2026-11-23 07:42:10), "
            "waktu setempat wilayah. Paling besar 5 MB. Mengimpor berkas yang sama dua kali "
            "tidak menambah data."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    wilayah = forms.ModelChoiceField(label=_("Wilayah"), queryset=None)

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(*args, **kwargs)
        _wilayah_dalam_lingkup(self, actor)

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if not berkas.name.lower().endswith((".csv", ".txt")):
            raise ValidationError(_("Berkas harus berformat CSV (.csv)."))
        if berkas.size > UKURAN_CSV_MAKS:
            raise ValidationError(_("Ukuran berkas paling besar 5 MB."))
        data = berkas.read()
        if b"\x00" in data[:4096]:
            raise ValidationError(_("Berkas bukan teks CSV."))
        self.data_berkas = data
        return berkas

    def wilayah_tujuan(self) -> Wilayah:
        return self.cleaned_data.get("wilayah") or self.actor.wilayah


class KehadiranUbahForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=StatusKehadiran.choices)
    keterangan = forms.CharField(label=_("Keterangan"), max_length=255, required=False)

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(*args, **kwargs)


class BulanForm(forms.Form):
    """Month picker of recaps (GET). Invalid input falls back to the current month."""

    bulan = forms.CharField(
        label=_("Bulan"), required=False, widget=forms.DateInput(attrs={"type": "month"})
    )
    unit = PilihanUnitField(
        label=_("Unit kerja"),
        queryset=None,
        required=False,
        batas=BATAS_OPSI_UNIT,
    )

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        self.actor = actor
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitKerja.objects.visible_to(actor)

    def clean_bulan(self) -> dt.date | None:
        teks = self.cleaned_data.get("bulan") or ""
        if not teks:
            return None
        try:
            return dt.datetime.strptime(teks, "%Y-%m").date()
        except ValueError as exc:
            raise ValidationError(_("Format bulan: TTTT-BB, mis. 2026-11.")) from exc
