"""Forms of the TPP app: shape of the input only; the services validate the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from pegawai.models import Cuti

from .models import PengaturanTPP

NAMA_BULAN_PILIHAN = [
    (i, n)
    for i, n in enumerate(
        [_("Januari"), _("Februari"), _("Maret"), _("April"), _("Mei"), _("Juni"), _("Juli"),
         _("Agustus"), _("September"), _("Oktober"), _("November"), _("Desember")],
        start=1,
    )
]  # fmt: skip

FIELD_ATURAN = [
    "sumber_kinerja", "faktor_sangat_baik", "faktor_baik", "faktor_butuh_perbaikan", "faktor_kurang",
    "faktor_sangat_kurang", "faktor_tanpa_evaluasi",
    "batas_menit_1", "batas_menit_2", "batas_menit_3",
    "potongan_1", "potongan_2", "potongan_3", "potongan_4",
    "potongan_alpa", "potongan_izin", "potongan_sakit", "potongan_maks",
    "potongan_sanksi_sedang", "potongan_sanksi_berat", "pembulatan",
]  # fmt: skip


class BulanForm(forms.Form):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    bulan = forms.TypedChoiceField(label=_("Bulan"), choices=NAMA_BULAN_PILIHAN, coerce=int)


class BukaForm(forms.Form):
    catatan = forms.CharField(
        label=_("Alasan membuka kembali"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Tuliskan alasan membuka kembali TPP bulan ini.")},
    )


class BarisFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari nama/NIP"), required=False, max_length=100)
    unit = forms.ModelChoiceField(label=_("Unit kerja (beserta sub-unit)"), queryset=None,
                                  required=False)  # fmt: skip
    tanda = forms.ChoiceField(
        label=_("Tanda"),
        required=False,
        choices=[
            ("", _("Semua")),
            ("tanpa_evaluasi", _("Tanpa evaluasi")),
            ("kehadiran_kurang", _("Kehadiran tidak lengkap")),
            ("tanpa_kelas", _("Tanpa kelas jabatan")),
            ("dipotong", _("Ada potongan disiplin")),
            ("sanksi", _("Sanksi, cuti besar/CLTN atau tidak aktif")),
        ],
    )

    def __init__(self, *args: Any, units, **kwargs: Any) -> None:
        """`units`: every unit the actor may pick (validation). The dropdown lists only the
        first two levels (a province has thousands of schools and clinics) plus the unit
        picked; deeper units are reached through the per-unit totals' links."""
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        field.queryset = units
        dipilih = self.data.get("unit") if self.is_bound else None
        atas = units.filter(depth__lte=1)
        if dipilih and str(dipilih).isdigit():
            atas = units.filter(Q(depth__lte=1) | Q(pk=int(dipilih)))
        field.choices = [("", "---------"), *atas.order_by("path").values_list("pk", "nama")]


class PengaturanForm(forms.ModelForm):
    bobot_kinerja = forms.DecimalField(
        label=_("Bobot kinerja (%)"),
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        help_text=_("Bobot disiplin = 100 - bobot kinerja. Sama dengan bobot TPP di data wilayah."),
    )
    cuti_tanpa_tpp = forms.MultipleChoiceField(
        label=_("Jenis cuti yang meniadakan TPP bulan itu"),
        choices=Cuti.Jenis.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = PengaturanTPP
        fields = FIELD_ATURAN

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        pagu = list(self.instance.pagu or [])
        for k in range(1, 18):
            self.fields[f"pagu_{k}"] = forms.IntegerField(
                label=_("Pagu kelas %(k)s (Rp)") % {"k": k},
                min_value=0,
                max_value=1_000_000_000,
                initial=pagu[k - 1] if len(pagu) >= k else 0,
            )
        self.fields["cuti_tanpa_tpp"].initial = list(self.instance.cuti_tanpa_tpp or [])
        if self.instance.wilayah_id:
            self.fields["bobot_kinerja"].initial = self.instance.wilayah.bobot_kinerja_tpp
        self.order_fields(["bobot_kinerja"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        b = [data.get(f"batas_menit_{i}") for i in (1, 2, 3)]
        if all(x is not None for x in b) and not (0 < b[0] < b[1] < b[2]):
            raise forms.ValidationError(
                _("Batas menit pita harus naik: 0 < pita 1 < pita 2 < pita 3.")
            )
        return data

    def data_aturan(self) -> dict[str, Any]:
        d = {k: self.cleaned_data[k] for k in FIELD_ATURAN}
        d["bobot_kinerja"] = self.cleaned_data["bobot_kinerja"]
        d["pagu"] = [self.cleaned_data[f"pagu_{k}"] for k in range(1, 18)]
        d["cuti_tanpa_tpp"] = list(self.cleaned_data["cuti_tanpa_tpp"])
        return d
