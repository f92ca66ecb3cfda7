"""Forms of the development pages: shape of the input; the services validate the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import (
    JenisPengembangan,
    KegiatanPengembangan,
    ProgramPengembangan,
    RencanaPengembangan,
)

if TYPE_CHECKING:
    from organisasi.models import Pengguna

NAMA_BULAN = [
    (i, n)
    for i, n in enumerate(
        [_("Januari"), _("Februari"), _("Maret"), _("April"), _("Mei"), _("Juni"), _("Juli"),
         _("Agustus"), _("September"), _("Oktober"), _("November"), _("Desember")],
        start=1,
    )
]  # fmt: skip


class ProgramFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Cari judul, penyelenggara, kompetensi"), required=False, max_length=100
    )
    jenis = forms.ChoiceField(
        label=_("Jenis"),
        required=False,
        choices=[("", _("Semua jenis")), *JenisPengembangan.choices],
    )

    def __init__(self, *args: Any, actor: Pengguna = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if actor is not None and actor.is_admin_kepegawaian:
            self.fields["status"] = forms.ChoiceField(
                label=_("Pendaftaran"),
                required=False,
                choices=[("", _("Semua")), ("terbuka", _("Dibuka")), ("tutup", _("Ditutup"))],
            )


class ProgramForm(forms.ModelForm):
    class Meta:
        model = ProgramPengembangan
        fields = [
            "judul", "jenis", "kompetensi", "jam_pelajaran", "tanggal_mulai", "tanggal_selesai",
            "kuota", "penyelenggara", "deskripsi", "terbuka",
        ]  # fmt: skip
        widgets = {
            "tanggal_mulai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "tanggal_selesai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "deskripsi": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, actor: Pengguna = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # National reference data (not region-owned): every competency may be picked.
        self.fields["kompetensi"].queryset = selectors.kompetensi_pilihan()
        self.fields["kompetensi"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        mulai, selesai = data.get("tanggal_mulai"), data.get("tanggal_selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error(
                "tanggal_selesai", _("Tanggal selesai tidak boleh sebelum tanggal mulai.")
            )
        return data

    def validate_unique(self) -> None:  # the service validates with the wilayah set
        pass


class PendaftaranForm(forms.Form):
    alasan = forms.CharField(
        label=_("Alasan mengikuti (opsional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CatatanForm(forms.Form):
    catatan = forms.CharField(label=_("Catatan"), required=False, max_length=1000,
                              widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class SelesaiForm(forms.Form):
    jp_realisasi = forms.IntegerField(
        label=_("JP yang diselesaikan"),
        min_value=1,
        max_value=2000,
        error_messages={"required": _("JP yang diselesaikan wajib diisi.")},
    )
    nomor_sertifikat = forms.CharField(label=_("Nomor sertifikat"), required=False, max_length=80)


class RencanaForm(forms.ModelForm):
    class Meta:
        model = RencanaPengembangan
        fields = ["tujuan", "target_jp"]
        widgets = {"tujuan": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "tujuan": {"required": _("Tuliskan tujuan pengembangan Anda tahun ini.")},
            "target_jp": {"required": _("Target JP wajib diisi.")},
        }

    def validate_unique(self) -> None:
        pass


class KegiatanForm(forms.ModelForm):
    bulan_rencana = forms.TypedChoiceField(
        label=_("Bulan pelaksanaan"), choices=NAMA_BULAN, coerce=int
    )

    class Meta:
        model = KegiatanPengembangan
        fields = ["jenis", "judul", "kompetensi", "jp_rencana", "bulan_rencana"]
        error_messages = {
            "judul": {"required": _("Judul kegiatan wajib diisi.")},
            "jp_rencana": {"required": _("JP direncanakan wajib diisi.")},
        }

    def __init__(self, *args: Any, kesenjangan: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the competencies the employee's position requires (the gaps to close).
        ids = [k.kompetensi_id for k in (kesenjangan or [])]
        self.fields["kompetensi"].queryset = selectors.kompetensi_pilihan(ids)
        self.fields["kompetensi"].required = False
