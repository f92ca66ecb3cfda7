"""Forms of the organisation pages. They check the shape of the input and narrow every
choice to the actor's wilayah; the services do the writing (views never call form.save())."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import JenisJabatan
from .fields import PilihanUnitField
from .models import Jabatan, TugasJabatan, UnitKerja
from .selectors import kompetensi_katalog

if TYPE_CHECKING:
    from organisasi.models import Pengguna

JENIS_FUNGSIONAL = {JenisJabatan.FUNGSIONAL_KEAHLIAN, JenisJabatan.FUNGSIONAL_KETERAMPILAN}
JENIS_STRUKTURAL = JenisJabatan.jpt() | {JenisJabatan.ADMINISTRATOR, JenisJabatan.PENGAWAS}
JENJANG_KEAHLIAN = {"ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama"}

PESAN = {
    "required": _("Wajib diisi."),
    "invalid_choice": _("Pilihan tidak valid atau di luar wilayah Anda."),
    "invalid": _("Isian tidak valid."),
    "max_length": _("Terlalu panjang: paling banyak %(limit_value)d karakter."),
}


def _pesan_indonesia(form: forms.BaseForm) -> None:
    """Clear Indonesian messages on every field, whatever the active language."""
    for field in form.fields.values():
        field.error_messages.update(PESAN)
        if isinstance(field, forms.IntegerField | forms.DecimalField):
            field.error_messages["invalid"] = _("Masukkan bilangan yang valid.")


class LayananMemvalidasiMixin:
    """Uniqueness and constraints are validated by the service (full_clean inside the
    transaction, with clearer messages); the form checks only the shape of the input."""

    def validate_unique(self) -> None:
        return None


class UnitKerjaForm(LayananMemvalidasiMixin, forms.ModelForm):
    class Meta:
        model = UnitKerja
        fields = ["parent", "kode", "nama", "jenis", "alamat", "urutan"]
        field_classes = {"parent": PilihanUnitField}
        help_texts = {
            "kode": _("Kode unik di wilayah ini, mis. GTO-BKD-PK."),
            "urutan": _("Urutan tampil di antara unit sesaudara (kecil lebih dulu)."),
        }

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        qs = UnitKerja.objects.visible_to(actor).aktif().order_by("path")
        unit = self.instance
        if unit.pk:
            qs = qs.exclude(path__startswith=unit.path)  # never under itself: no cycles
        self.fields["parent"].queryset = qs
        self.fields["parent"].label = _("Unit induk")
        if unit.pk and unit.parent_id is None:
            del self.fields["parent"]  # the root of a wilayah stays the root
        else:
            self.fields["parent"].required = True
        _pesan_indonesia(self)

    def clean_kode(self) -> str:
        return self.cleaned_data["kode"].strip().upper()

    def clean_nama(self) -> str:
        nama = " ".join(self.cleaned_data["nama"].split())
        if not nama:
            raise forms.ValidationError(_("Wajib diisi."))
        return nama


class JabatanForm(LayananMemvalidasiMixin, forms.ModelForm):
    bidang_pendidikan = forms.CharField(
        label=_("Bidang pendidikan yang sesuai"),
        required=False,
        max_length=1000,
        help_text=_("Pisahkan dengan koma, mis. Akuntansi, Manajemen Keuangan."),
    )

    class Meta:
        model = Jabatan
        field_classes = {"unit": PilihanUnitField}
        fields = [
            "unit",
            "nama",
            "jenis",
            "jenjang",
            "eselon",
            "kelas_jabatan",
            "is_kepala",
            "pendidikan_minimal",
            "bidang_pendidikan",
            "koefisien_angka_kredit",
        ]
        help_texts = {
            "is_kepala": _(
                "Pemangkunya menjadi pejabat penilai pegawai unit ini. Satu unit hanya "
                "memiliki satu jabatan kepala."
            ),
            "kelas_jabatan": _("1 sampai 17."),
            "jenjang": _("Khusus jabatan fungsional."),
            "eselon": _("Khusus jabatan struktural (JPT, administrator, pengawas)."),
        }

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["unit"].queryset = UnitKerja.objects.visible_to(actor).aktif().order_by("path")
        if self.instance.pk:
            self.initial["bidang_pendidikan"] = ", ".join(self.instance.bidang_pendidikan)
        self.fields["kelas_jabatan"].min_value = 1
        self.fields["kelas_jabatan"].max_value = 17
        self.fields["kelas_jabatan"].widget.attrs.update(min=1, max=17)
        _pesan_indonesia(self)

    def clean_nama(self) -> str:
        nama = " ".join(self.cleaned_data["nama"].split())
        if not nama:
            raise forms.ValidationError(_("Wajib diisi."))
        return nama

    def clean_kelas_jabatan(self) -> int | None:
        kelas = self.cleaned_data.get("kelas_jabatan")
        if kelas is not None and not 1 <= kelas <= 17:
            raise forms.ValidationError(_("Kelas jabatan harus antara 1 dan 17."))
        return kelas

    def clean_bidang_pendidikan(self) -> list[str]:
        bidang = [b.strip() for b in self.cleaned_data["bidang_pendidikan"].split(",")]
        bidang = [b for b in bidang if b]
        terlalu_panjang = [b for b in bidang if len(b) > 100]
        if terlalu_panjang:
            raise forms.ValidationError(
                _("Nama bidang paling banyak 100 karakter: %(b)s") % {"b": terlalu_panjang[0][:40]}
            )
        return list(dict.fromkeys(bidang))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        jenis, jenjang, eselon = data.get("jenis"), data.get("jenjang"), data.get("eselon")
        if jenis in JENIS_FUNGSIONAL and not jenjang:
            self.add_error("jenjang", _("Jabatan fungsional wajib memiliki jenjang."))
        if jenis and jenis not in JENIS_FUNGSIONAL and jenjang:
            self.add_error("jenjang", _("Jenjang hanya untuk jabatan fungsional."))
        if (
            jenjang
            and jenis == JenisJabatan.FUNGSIONAL_KEAHLIAN
            and jenjang not in JENJANG_KEAHLIAN
        ):
            self.add_error(
                "jenjang", _("Fungsional keahlian berjenjang Ahli Pertama s.d. Ahli Utama.")
            )
        if (
            jenjang
            and jenis == JenisJabatan.FUNGSIONAL_KETERAMPILAN
            and jenjang in JENJANG_KEAHLIAN
        ):
            self.add_error("jenjang", _("Fungsional keterampilan berjenjang Pemula s.d. Penyelia."))
        if eselon and jenis and jenis not in JENIS_STRUKTURAL:
            self.add_error("eselon", _("Eselon hanya untuk jabatan struktural."))
        return data


class TugasJabatanForm(LayananMemvalidasiMixin, forms.ModelForm):
    class Meta:
        model = TugasJabatan
        fields = ["uraian_tugas", "satuan_hasil", "volume_tahunan", "norma_waktu_menit"]
        widgets = {"uraian_tugas": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, actor: Pengguna, jabatan: Jabatan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.instance.jabatan = jabatan
        for f in ("volume_tahunan", "norma_waktu_menit"):
            self.fields[f].widget.attrs["min"] = 1
        _pesan_indonesia(self)
        self.fields["volume_tahunan"].error_messages.update(
            min_value=_("Volume minimal 1."),
            max_value=_("Volume paling banyak %(limit_value)s setahun."),
        )
        self.fields["norma_waktu_menit"].error_messages.update(
            min_value=_("Norma waktu minimal 1 menit."),
            max_value=_("Norma waktu paling banyak %(limit_value)s menit."),
        )

    def clean_uraian_tugas(self) -> str:
        uraian = " ".join(self.cleaned_data["uraian_tugas"].split())
        if not uraian:
            raise forms.ValidationError(_("Wajib diisi."))
        return uraian


class KebutuhanKompetensiForm(forms.Form):
    kompetensi = forms.ModelChoiceField(queryset=None, label=_("Kompetensi"))
    level = forms.IntegerField(label=_("Level minimal"), min_value=1, max_value=5, initial=2)

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["kompetensi"].queryset = kompetensi_katalog()
        self.fields["kompetensi"].widget.attrs["class"] = "form-select"
        self.fields["level"].widget.attrs["class"] = "form-control"
        _pesan_indonesia(self)
        self.fields["level"].error_messages.update(
            min_value=_("Level minimal 1."), max_value=_("Level paling tinggi 5.")
        )
