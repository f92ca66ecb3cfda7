"""Forms of the SKM. The public form is rendered by hand (big touch targets, no crispy, no
script); staff forms use crispy. Every choice field is narrowed to what the actor (or, on the
public page, the unit) may pick."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from asn_kinerja import waktu

from .selectors import (
    calon_petugas,
    jenis_layanan_publik,
    petugas_publik,
    unit_kerja_belum_dibuka,
)
from .unsur import UNSUR

TELEPON = re.compile(r"^\+?[0-9][0-9 ()\-]{6,18}[0-9]$")
PILIH_SATU = _("Pilih salah satu jawaban.")


class PetugasChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.nama_lengkap


class FormulirSKMForm(forms.Form):
    """The citizen's form. `t` carries the signed timestamp, `website` is the honeypot."""

    jenis_layanan = forms.ModelChoiceField(
        label=_("Layanan apa yang Anda terima hari ini?"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Pilih layanan yang Anda terima."),
            "invalid_choice": _("Pilih layanan dari daftar."),
        },
    )
    komentar = forms.CharField(
        label=_("Saran atau keluhan (boleh dikosongkan)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        error_messages={
            "max_length": _("Saran paling panjang 1.000 karakter (Anda menulis %(show_value)d).")
        },
    )
    petugas = PetugasChoiceField(
        label=_("Siapa petugas yang melayani Anda? (boleh dikosongkan)"),
        queryset=None,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Pilih petugas dari daftar, atau kosongkan.")},
    )
    kontak = forms.CharField(
        label=_("E-mail atau nomor HP (boleh dikosongkan)"),
        required=False,
        max_length=100,
        help_text=_("Isi hanya bila Anda ingin dihubungi tentang saran Anda."),
        error_messages={"max_length": _("Kontak paling panjang 100 karakter.")},
    )
    t = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(required=False, label=_("Jangan diisi"))

    def __init__(self, *args: Any, unit_layanan, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.unit_layanan = unit_layanan
        self.fields["jenis_layanan"].queryset = jenis_layanan_publik(unit_layanan)
        self.fields["petugas"].queryset = petugas_publik(unit_layanan)
        for u in UNSUR:
            self.fields[u.kode] = forms.TypedChoiceField(
                label=u.pertanyaan,
                choices=[(i + 1, teks) for i, teks in enumerate(u.jawaban)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": PILIH_SATU, "invalid_choice": PILIH_SATU},
            )

    def unsur_fields(self):
        return [(u, self[u.kode]) for u in UNSUR]

    def clean_kontak(self) -> str:
        kontak = " ".join(self.cleaned_data["kontak"].split())
        if not kontak:
            return ""
        if "@" in kontak:
            try:
                validate_email(kontak)
            except ValidationError as exc:
                raise ValidationError(_("Alamat e-mail tidak valid.")) from exc
            return kontak
        if not TELEPON.match(kontak):
            raise ValidationError(_("Tulis e-mail atau nomor HP, mis. 0812 3456 7890."))
        return kontak


class UnitLayananBukaForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit kerja"),
        queryset=None,
        error_messages={
            "required": _("Pilih unit kerja yang akan dibuka untuk survei."),
            "invalid_choice": _(
                "Pilih unit kerja dari daftar (unit di wilayah Anda yang belum dibuka)."
            ),
        },
    )
    nama_publik = forms.CharField(
        label=_("Nama untuk masyarakat"),
        max_length=150,
        required=False,
        help_text=_("Kosongkan untuk memakai nama unit kerja."),
        error_messages={"max_length": _("Nama paling panjang 150 karakter.")},
    )
    jenis_layanan = forms.CharField(
        label=_("Jenis layanan"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Satu layanan per baris, mis. Surat keterangan domisili."),
        max_length=3000,
        error_messages={
            "required": _("Isi sedikitnya satu jenis layanan."),
            "max_length": _("Daftar layanan terlalu panjang (paling banyak 3.000 karakter)."),
        },
    )

    def __init__(self, *args: Any, actor, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["unit"].queryset = unit_kerja_belum_dibuka(actor=actor)

    def daftar_layanan(self) -> list[str]:
        return [b for b in self.cleaned_data["jenis_layanan"].splitlines() if b.strip()]


class UnitLayananUbahForm(forms.Form):
    nama_publik = forms.CharField(
        label=_("Nama untuk masyarakat"),
        max_length=150,
        error_messages={
            "required": _("Nama untuk masyarakat wajib diisi."),
            "max_length": _("Nama paling panjang 150 karakter."),
        },
    )
    jenis_layanan = forms.CharField(
        label=_("Jenis layanan"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Satu layanan per baris. Layanan yang dihapus dari daftar dinonaktifkan; tanggapan lamanya tetap tersimpan."
        ),
        max_length=3000,
        error_messages={
            "required": _("Isi sedikitnya satu jenis layanan."),
            "max_length": _("Daftar layanan terlalu panjang (paling banyak 3.000 karakter)."),
        },
    )
    petugas = forms.ModelMultipleChoiceField(
        label=_("Petugas yang dapat dipilih masyarakat"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Masyarakat melihat nama dan foto petugas ini, tanpa NIP."),
        error_messages={"invalid_choice": _("Pilih petugas dari pegawai unit ini.")},
    )

    def __init__(self, *args: Any, actor, unit_layanan, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["petugas"].queryset = calon_petugas(actor=actor, unit=unit_layanan.unit)
        self.fields["petugas"].label_from_instance = lambda p: (
            f"{p.nama_lengkap} — {p.jabatan or ''}"
        )

    def daftar_layanan(self) -> list[str]:
        return [b for b in self.cleaned_data["jenis_layanan"].splitlines() if b.strip()]


class JawabanForm(forms.Form):
    jawaban = forms.CharField(
        label=_("Jawaban untuk masyarakat"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Jawaban tampil di halaman tindak lanjut warga; bila warga meninggalkan e-mail, jawaban juga dikirim ke e-mail itu."
        ),
        error_messages={
            "required": _("Jawaban tidak boleh kosong."),
            "max_length": _("Jawaban paling panjang 2.000 karakter (Anda menulis %(show_value)d)."),
        },
    )
    ditindaklanjuti = forms.BooleanField(label=_("Tandai sudah ditindaklanjuti"), required=False)


class PeriodeForm(forms.Form):
    """Period of the IKM pages: from/to dates (default: this year up to today)."""

    mulai = forms.DateField(
        label=_("Dari tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Tanggal tidak valid.")},
    )
    selesai = forms.DateField(
        label=_("Sampai tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Tanggal tidak valid.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("mulai") and data.get("selesai") and data["mulai"] > data["selesai"]:
            raise ValidationError(_("Tanggal mulai harus sebelum tanggal selesai."))
        return data

    def periode(self) -> tuple[dt.date, dt.date]:
        hari_ini = waktu.hari_ini()
        awal = dt.date(hari_ini.year, 1, 1)
        if not self.is_bound or not self.is_valid():
            return awal, hari_ini
        return self.cleaned_data.get("mulai") or awal, self.cleaned_data.get("selesai") or hari_ini
