"""Forms of the reporting pages. Every choice field is narrowed to the actor's scope."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from asn_kinerja.waktu import hari_ini
from kinerja.choices import Predikat, StatusEvaluasi, StatusSKP
from kinerja.models import PeriodePenilaian

from .selectors import unit_boleh_dilihat

if TYPE_CHECKING:
    from organisasi.models import Pengguna


class PeriodeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PeriodePenilaian) -> str:
        return obj.nama


class RekapFilterForm(forms.Form):
    """Filters of the employee recap list and its Excel export."""

    STATUS = [
        ("", _("Semua")),
        ("tanpa_skp", _("Tanpa SKP")),
        ("skp_disetujui", _("SKP disetujui")),
        ("menunggu_penilai", _("Menunggu pejabat penilai")),
        ("belum_dinilai", _("Belum dinilai")),
        ("dinilai", _("Sudah dinilai")),
        ("final", _("Final")),
        ("tindak_lanjut", _("Perlu tindak lanjut")),
        ("alpa", _("Ada hari tanpa keterangan")),
    ]

    periode = PeriodeChoiceField(
        queryset=None,
        label=_("Periode"),
        required=False,
        empty_label=_("Periode terbaru"),
        error_messages={"invalid_choice": _("Pilih periode yang tersedia di wilayah Anda.")},
    )
    unit = forms.ModelChoiceField(
        queryset=None,
        label=_("Unit kerja (beserta sub-unit)"),
        required=False,
        empty_label=_("Semua unit"),
        error_messages={"invalid_choice": _("Pilih unit kerja yang dapat Anda lihat.")},
    )
    predikat = forms.ChoiceField(
        label=_("Predikat"),
        required=False,
        choices=[("", _("Semua")), *Predikat.choices, ("kosong", _("Belum ada predikat"))],
        error_messages={"invalid_choice": _("Pilih predikat dari daftar.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=STATUS,
        error_messages={"invalid_choice": _("Pilih status dari daftar.")},
    )
    q = forms.CharField(
        label=_("Cari nama atau NIP"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Kata kunci paling banyak %(limit_value)d karakter.")},
    )

    def __init__(self, *args: Any, actor: Pengguna, wilayah: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["periode"].queryset = (
            PeriodePenilaian.objects.visible_to(actor)
            .filter(periode_kinerja__wilayah=wilayah, tanggal_mulai__lte=hari_ini())
            .order_by("-tanggal_mulai")
        )
        self.fields["unit"].queryset = (
            unit_boleh_dilihat(actor=actor).filter(wilayah=wilayah).order_by("path")
        )
        self.fields["unit"].label_from_instance = lambda u: "\u00a0\u00a0" * u.depth + u.nama

    def terapkan(self, qs):
        """Applies the cleaned filters (call after is_valid())."""
        d = self.cleaned_data
        if d.get("unit"):
            qs = qs.filter(unit__path__startswith=d["unit"].path)
        if d.get("predikat") == "kosong":
            qs = qs.filter(predikat="")
        elif d.get("predikat"):
            qs = qs.filter(predikat=d["predikat"])
        status = d.get("status")
        filters = {
            "tanpa_skp": Q(skp__isnull=True),
            "skp_disetujui": Q(status_skp__in=[StatusSKP.DISETUJUI, StatusSKP.REVISI_DIAJUKAN]),
            "menunggu_penilai": Q(status_skp__in=[StatusSKP.DIAJUKAN, StatusSKP.REVISI_DIAJUKAN])
            | Q(status_evaluasi=StatusEvaluasi.REALISASI_DIAJUKAN),
            "belum_dinilai": Q(predikat=""),
            "dinilai": Q(status_evaluasi__in=[StatusEvaluasi.DINILAI, StatusEvaluasi.FINAL]),
            "final": Q(status_evaluasi=StatusEvaluasi.FINAL),
            "tindak_lanjut": Q(
                predikat__in=[Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG]
            ),
            "alpa": Q(hari_alpa__gt=0),
        }
        if status in filters:
            qs = qs.filter(filters[status])
        if d.get("q"):
            kata = d["q"].strip()
            qs = qs.filter(Q(pegawai__nama__icontains=kata) | Q(pegawai__nip__startswith=kata))
        return qs


class PeriodeForm(forms.Form):
    """Choose a window of the actor's wilayah (start a recap / a PDF)."""

    periode = PeriodeChoiceField(
        queryset=None,
        label=_("Periode"),
        error_messages={
            "required": _("Pilih periode."),
            "invalid_choice": _("Pilih periode yang tersedia di wilayah Anda."),
        },
    )

    def __init__(self, *args: Any, actor: Pengguna, wilayah: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["periode"].queryset = (
            PeriodePenilaian.objects.visible_to(actor)
            .filter(periode_kinerja__wilayah=wilayah, tanggal_mulai__lte=hari_ini())
            .order_by("-tanggal_mulai")
        )


class KehadiranUnitForm(forms.Form):
    """Unit and month of the attendance recap PDF."""

    unit = forms.ModelChoiceField(
        queryset=None,
        label=_("Unit kerja"),
        error_messages={
            "required": _("Pilih unit kerja."),
            "invalid_choice": _("Pilih unit kerja yang dapat Anda lihat."),
        },
    )
    bulan = forms.CharField(
        label=_("Bulan"),
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month"}),
        error_messages={
            "required": _("Pilih bulan."),
            "max_length": _("Format bulan: TTTT-BB, mis. 2026-10."),
        },
    )

    def __init__(self, *args: Any, actor: Pengguna, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = unit_boleh_dilihat(actor=actor).order_by("path")
        self.fields["unit"].label_from_instance = lambda u: "\u00a0\u00a0" * u.depth + u.nama

    def clean_bulan(self) -> dt.date:
        return bulan_dari_teks(self.cleaned_data["bulan"])


def bulan_dari_teks(teks: str) -> dt.date:
    try:
        tahun, bulan = (int(x) for x in str(teks).split("-"))
        return dt.date(tahun, bulan, 1)
    except (TypeError, ValueError):
        raise forms.ValidationError(_("Format bulan: TTTT-BB, mis. 2026-10.")) from None
