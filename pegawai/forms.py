"""Forms of the employee-records work. Every form receives `actor` and narrows its choice
fields to the actor's wilayah; files are checked for kind and size."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from organisasi.fields import PilihanUnitField
from organisasi.models import Jabatan, Kompetensi, UnitKerja

from .models import (
    Diklat,
    HukumanDisiplin,
    KompetensiPegawai,
    Pegawai,
    Penghargaan,
    RiwayatJabatan,
    RiwayatPangkat,
    RiwayatPendidikan,
)

if TYPE_CHECKING:
    from organisasi.models import Pengguna

MAKS_FOTO = 2 * 1024 * 1024
MAKS_SERTIFIKAT = 5 * 1024 * 1024


class TanggalInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _tanggal_widgets(model: type, fields: list[str]) -> dict[str, forms.Widget]:
    from django.db import models

    return {
        f: TanggalInput()
        for f in fields
        if isinstance(model._meta.get_field(f), models.DateField)
        and not isinstance(model._meta.get_field(f), models.DateTimeField)
    }


class PegawaiForm(forms.ModelForm):
    class Meta:
        model = Pegawai
        field_classes = {"unit": PilihanUnitField}
        fields = [
            "nip", "gelar_depan", "nama", "gelar_belakang", "tempat_lahir", "tanggal_lahir",
            "jenis_kelamin", "status_kepegawaian", "golongan", "tmt_golongan", "tmt_cpns",
            "unit", "jabatan", "tmt_jabatan", "status_aktif", "pendidikan_terakhir",
            "bidang_pendidikan", "email", "telepon", "alamat", "foto",
        ]  # fmt: skip
        widgets = {
            "tanggal_lahir": TanggalInput(),
            "tmt_golongan": TanggalInput(),
            "tmt_cpns": TanggalInput(),
            "tmt_jabatan": TanggalInput(),
            "foto": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
        }
        help_texts = {
            "nip": _(
                "18 digit tanpa spasi. NIP PNS memuat tanggal lahir, TMT CPNS dan jenis "
                "kelamin, dan harus sesuai dengan isian di bawah."
            ),  # fmt: skip
            "foto": _("JPG/PNG, paling besar 2 MB."),
        }

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["unit"].queryset = UnitKerja.objects.visible_to(actor).aktif()
        self.fields["jabatan"].queryset = (
            Jabatan.objects.visible_to(actor).aktif().select_related("unit")
        )
        self.fields["jabatan"].label_from_instance = lambda j: f"{j.nama} — {j.unit.nama}"
        self.fields["nip"].widget.attrs.update(inputmode="numeric", maxlength=18)
        if self.instance.pk is None and not actor.is_admin_nasional:
            self.instance.wilayah_id = actor.wilayah_id

    def clean_nip(self) -> str:
        return (self.cleaned_data.get("nip") or "").replace(" ", "")

    def clean_foto(self) -> Any:
        foto = self.cleaned_data.get("foto")
        if foto and getattr(foto, "size", 0) > MAKS_FOTO:
            raise ValidationError(_("Foto terlalu besar (maksimal 2 MB)."))
        if (
            foto
            and hasattr(foto, "content_type")
            and foto.content_type
            not in (
                "image/jpeg",
                "image/png",
            )
        ):
            raise ValidationError(_("Foto harus berformat JPG atau PNG."))
        return foto

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        unit = data.get("unit")
        if unit is not None:
            self.instance.wilayah_id = unit.wilayah_id
        return data


class KontakForm(forms.ModelForm):
    """What an employee may change on their own profile."""

    class Meta:
        model = Pegawai
        fields = ["email", "telepon", "alamat"]

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["telepon"].widget.attrs.update(inputmode="tel")


class RiwayatForm(forms.ModelForm):
    """Base of the history forms: the employee comes from the URL, never from the form."""

    def __init__(self, *args: Any, actor: Pengguna, pegawai: Pegawai, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.instance.pegawai = pegawai

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        mulai, selesai = data.get("tanggal_mulai"), data.get("tanggal_selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error(
                "tanggal_selesai", _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
            )
        return data


def _riwayat_form(model: type, fields: list[str]) -> type[RiwayatForm]:
    meta = type("Meta", (), {"model": model, "fields": fields,
                             "widgets": _tanggal_widgets(model, fields)})  # fmt: skip
    return type(f"{model.__name__}Form", (RiwayatForm,), {"Meta": meta})


RiwayatPendidikanForm = _riwayat_form(
    RiwayatPendidikan, ["tingkat", "bidang", "institusi", "tahun_lulus", "nomor_ijazah"]
)
RiwayatPangkatForm = _riwayat_form(
    RiwayatPangkat, ["golongan", "tmt", "jenis", "nomor_sk", "tanggal_sk"]
)
RiwayatJabatanForm = _riwayat_form(
    RiwayatJabatan, ["nama_jabatan", "nama_unit", "jenis", "tmt", "nomor_sk"]
)
PenghargaanForm = _riwayat_form(Penghargaan, ["nama", "pemberi", "tanggal", "nomor_sk"])
HukumanDisiplinForm = _riwayat_form(
    HukumanDisiplin,
    ["tingkat", "jenis", "tanggal_mulai", "tanggal_selesai", "nomor_sk", "pelanggaran"],
)


class DiklatForm(_riwayat_form(
    Diklat,
    ["nama", "jenis", "penyelenggara", "tanggal_mulai", "tanggal_selesai", "jam_pelajaran",
     "nomor_sertifikat", "sertifikat"],
)):  # fmt: skip
    def clean_sertifikat(self) -> Any:
        f = self.cleaned_data.get("sertifikat")
        if f and getattr(f, "size", 0) > MAKS_SERTIFIKAT:
            raise ValidationError(_("Berkas sertifikat terlalu besar (maksimal 5 MB)."))
        return f


class KompetensiPegawaiForm(
    _riwayat_form(KompetensiPegawai, ["kompetensi", "level", "tanggal_asesmen", "sumber"])
):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The competency catalogue is national reference data (not region-owned).
        self.fields["kompetensi"].queryset = Kompetensi.objects.all()  # scoping: ok

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        k, level = data.get("kompetensi"), data.get("level")
        if k and level and level > k.level_maks:
            self.add_error(
                "level", _("Level maksimal %(n)s untuk kompetensi ini.") % {"n": k.level_maks}
            )
        return data


class ImporForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas Excel/CSV"),
        help_text=_("Format .xlsx atau .csv sesuai templat, paling besar 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor


class UsulkanMutasiForm(forms.Form):
    pegawai = forms.ModelChoiceField(queryset=Pegawai.objects.visible_to(None), label=_("Pegawai"))
    alasan = forms.CharField(label=_("Alasan"), max_length=500, required=False)

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["pegawai"].queryset = Pegawai.objects.visible_to(actor).aktif()
        self.fields["pegawai"].error_messages["invalid_choice"] = _(
            "Pegawai tidak ditemukan di wilayah Anda."
        )


class SetujuiMutasiForm(forms.Form):
    tmt = forms.DateField(label=_("TMT jabatan baru"), widget=TanggalInput())
    nomor_sk = forms.CharField(label=_("Nomor SK"), max_length=80)
    catatan = forms.CharField(label=_("Catatan"), max_length=500, required=False)

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor


class TolakMutasiForm(forms.Form):
    catatan = forms.CharField(
        label=_("Alasan penolakan"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
