"""Forms of the evaluation: realisation per indicator, evidence, the rating page, a required
note, the annual rating and the unit's predikat. Shape only; the services decide."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kinerja.choices import Perilaku, PredikatOrganisasi, Rating
from kinerja.models import EvaluasiPeriodik, RealisasiIndikator
from kinerja.services.log_harian import validasi_bukti

if TYPE_CHECKING:
    from organisasi.models import Pengguna

MAKS_TEKS = 2000
_TEXTAREA = {"rows": 2}


class RealisasiForm(forms.Form):
    """One number and one narrative per indicator of the SKP (fields `nilai_<id>`,
    `narasi_<id>`)."""

    def __init__(self, *args: Any, actor: Pengguna, evaluasi: EvaluasiPeriodik, indikator: list,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.indikator = indikator
        ada = {r.indikator_id: r for r in evaluasi.realisasi_set.all()}
        for ind in indikator:
            r = ada.get(ind.pk)
            self.fields[f"nilai_{ind.pk}"] = forms.DecimalField(
                label=_("Realisasi (angka)"), required=False, min_value=0, max_digits=12,
                decimal_places=2, initial=r.nilai if r else None,
                help_text=_("Target: %(t)s") % {"t": ind.target_teks},
                error_messages={"invalid": _("Masukkan angka, mis. 12 atau 12,5.")},
            )  # fmt: skip
            self.fields[f"narasi_{ind.pk}"] = forms.CharField(
                label=_("Narasi realisasi"), required=False, max_length=MAKS_TEKS,
                widget=forms.Textarea(attrs=_TEXTAREA), initial=r.narasi if r else "",
            )  # fmt: skip

    def baris(self) -> list[tuple[Any, Any, Any]]:
        return [(i, self[f"nilai_{i.pk}"], self[f"narasi_{i.pk}"]) for i in self.indikator]

    def isian(self) -> dict[int, tuple[Any, str]]:
        d = self.cleaned_data
        return {
            i.pk: (d.get(f"nilai_{i.pk}"), d.get(f"narasi_{i.pk}") or "") for i in self.indikator
        }


class BuktiForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas (PDF, JPG, PNG; maks. 5 MB)"), required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )  # fmt: skip
    tautan = forms.URLField(
        label=_("atau tautan"), required=False, max_length=500, assume_scheme="https",
        help_text=_("Mis. tautan dokumen di Google Drive atau situs instansi."),
    )  # fmt: skip
    nama = forms.CharField(label=_("Keterangan"), required=False, max_length=200)
    realisasi = forms.ModelChoiceField(
        label=_("Untuk indikator"), required=False, queryset=None,
        empty_label=_("(seluruh evaluasi)"),
    )  # fmt: skip

    def __init__(
        self, *args: Any, actor: Pengguna, evaluasi: EvaluasiPeriodik, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["realisasi"].queryset = (
            RealisasiIndikator.objects.visible_to(actor)
            .filter(evaluasi=evaluasi)
            .select_related("indikator")
        )
        self.fields["realisasi"].label_from_instance = lambda r: r.indikator.teks[:80]
        # The options from the evaluation's prefetched rows (the page has them already): no
        # query of its own at render. Validation still goes through the scoped queryset.
        teks = {i.pk: i.teks for r in evaluasi.skp.rhk_set.all() for i in r.indikator_set.all()}
        self.fields["realisasi"].widget.choices = [
            ("", self.fields["realisasi"].empty_label),
            *((r.pk, teks.get(r.indikator_id, "")[:80]) for r in evaluasi.realisasi_set.all()),
        ]

    def clean_berkas(self):
        berkas = self.cleaned_data.get("berkas")
        if berkas:
            validasi_bukti(berkas)
        return berkas

    def clean(self) -> dict[str, Any]:
        d = super().clean()
        if not self.errors and bool(d.get("berkas")) == bool(d.get("tautan")):
            raise ValidationError(_("Unggah satu berkas ATAU isi satu tautan bukti dukung."))
        return d


class PenilaianForm(forms.Form):
    """The rating page: two ratings (the predikat follows from the matrix, shown live),
    a note, feedback per RHK (`ub_rhk_<id>`) and per behaviour value (`ub_<kode>`)."""

    rating_hasil = forms.ChoiceField(
        label=_("Rating hasil kerja"), choices=Rating.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Pilih rating hasil kerja.")},
    )  # fmt: skip
    rating_perilaku = forms.ChoiceField(
        label=_("Rating perilaku kerja"), choices=Rating.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Pilih rating perilaku kerja.")},
    )  # fmt: skip
    catatan = forms.CharField(
        label=_("Catatan pejabat penilai"), required=False, max_length=MAKS_TEKS,
        widget=forms.Textarea(attrs=_TEXTAREA),
    )  # fmt: skip

    def __init__(
        self, *args: Any, actor: Pengguna, evaluasi: EvaluasiPeriodik, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.rhk = list(evaluasi.skp.rhk_set.all())
        ub_hasil = {u.rhk_id: u.teks for u in evaluasi.umpan_balik_hasil_set.all()}
        ub_perilaku = {u.perilaku: u.teks for u in evaluasi.umpan_balik_perilaku_set.all()}
        if evaluasi.rating_hasil:
            self.initial.setdefault("rating_hasil", evaluasi.rating_hasil)
            self.initial.setdefault("rating_perilaku", evaluasi.rating_perilaku)
            self.initial.setdefault("catatan", evaluasi.catatan_penilai)
        for r in self.rhk:
            self.fields[f"ub_rhk_{r.pk}"] = forms.CharField(
                label=r.teks[:120], required=False, max_length=MAKS_TEKS,
                widget=forms.Textarea(attrs=_TEXTAREA), initial=ub_hasil.get(r.pk, ""),
            )  # fmt: skip
        for kode, label in Perilaku.choices:
            self.fields[f"ub_{kode}"] = forms.CharField(
                label=label, required=False, max_length=MAKS_TEKS,
                widget=forms.Textarea(attrs={"rows": 1}), initial=ub_perilaku.get(kode, ""),
            )  # fmt: skip

    def field_rhk(self) -> list:
        return [self[f"ub_rhk_{r.pk}"] for r in self.rhk]

    def field_perilaku(self) -> list:
        return [self[f"ub_{k}"] for k in Perilaku.values]

    def umpan_balik_hasil(self) -> dict[int, str]:
        return {r.pk: self.cleaned_data.get(f"ub_rhk_{r.pk}", "") for r in self.rhk}

    def umpan_balik_perilaku(self) -> dict[str, str]:
        return {k: self.cleaned_data.get(f"ub_{k}", "") for k in Perilaku.values}


class RatingForm(forms.Form):
    """Two ratings and a note (annual evaluation)."""

    rating_hasil = PenilaianForm.base_fields["rating_hasil"]
    rating_perilaku = PenilaianForm.base_fields["rating_perilaku"]
    catatan = PenilaianForm.base_fields["catatan"]

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor


class CatatanForm(forms.Form):
    catatan = forms.CharField(
        label=_("Catatan / alasan"), max_length=MAKS_TEKS, widget=forms.Textarea(attrs=_TEXTAREA),
        error_messages={"required": _("Catatan wajib diisi.")},
    )  # fmt: skip


class PredikatUnitForm(forms.Form):
    predikat = forms.ChoiceField(
        label=_("Predikat unit"), choices=PredikatOrganisasi.choices,
        error_messages={"required": _("Pilih predikat unit."),
                        "invalid_choice": _("Pilih predikat unit yang tersedia.")},
    )  # fmt: skip
    catatan = forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 1}),
    )


#: Ratings that give each predikat through the matrix: the annual form's pre-fill from the
#: proposal (the superior can change them).
RATING_UNTUK_PREDIKAT = {
    "sangat_baik": ("di_atas", "di_atas"),
    "baik": ("sesuai", "sesuai"),
    "butuh_perbaikan": ("di_bawah", "sesuai"),
    "kurang": ("sesuai", "di_bawah"),
    "sangat_kurang": ("di_bawah", "di_bawah"),
}
