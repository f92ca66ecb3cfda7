"""The fast <select> renderer writes exactly what Django's templates write."""

from __future__ import annotations

from django import forms
from django.forms.renderers import DjangoTemplates

from asn_kinerja.forms_renderer import RendererCepat


class _Form(forms.Form):
    satu = forms.ChoiceField(choices=[("", "---"), ("a", "A & <b>"), ("b", "Bé")], required=False)
    grup = forms.ChoiceField(
        choices=[("Kelompok <1>", [("x", "X"), ("y", "Y")]), ("z", "Z")], required=False
    )
    banyak = forms.MultipleChoiceField(choices=[(1, "Satu"), (2, "Dua")], required=False)
    ya = forms.NullBooleanField(required=False)


def test_select_sama_dengan_template_django():
    data = {"satu": "a", "grup": "y", "banyak": ["1", "2"], "ya": "true"}
    for nama in ("satu", "grup", "banyak", "ya"):
        asli = _Form(data, renderer=DjangoTemplates())[nama].as_widget()
        cepat = _Form(data, renderer=RendererCepat())[nama].as_widget()
        assert cepat == asli, (nama, cepat, asli)
        assert "<select" in cepat


def test_attrs_dan_escape():
    f = _Form({"satu": "a"}, renderer=RendererCepat())
    html = f["satu"].as_widget(attrs={"class": 'x"y', "disabled": True, "data-z": False})
    assert 'class="x&quot;y"' in html and " disabled" in html and "data-z" not in html
    assert "A &amp; &lt;b&gt;" in html and 'value="a" selected' in html


class _Isian(forms.Form):
    teks = forms.CharField(required=False)
    angka = forms.DecimalField(required=False)
    tanggal = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    surel = forms.EmailField(required=False)
    sandi = forms.CharField(required=False, widget=forms.PasswordInput)
    tersembunyi = forms.CharField(required=False, widget=forms.HiddenInput)
    catatan = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    wajib = forms.CharField(max_length=10)


def test_input_dan_textarea_sama_dengan_template_django():
    from django.utils.safestring import mark_safe

    kasus = [
        {},  # unbound-like: no values
        {"teks": 'a "b" <c> & d', "angka": "12.50", "tanggal": "2026-11-23",
         "surel": "x@y.id", "sandi": "rahasia", "tersembunyi": "7",
         "catatan": "baris 1\n<b>baris 2</b>", "wajib": ""},
        {"catatan": "", "teks": "0", "angka": "0"},
    ]  # fmt: skip
    for data in kasus:
        for bound in (True, False):
            asli_f = _Isian(data if bound else None, initial=data, renderer=DjangoTemplates())
            cepat_f = _Isian(data if bound else None, initial=data, renderer=RendererCepat())
            for nama in _Isian.base_fields:
                asli, cepat = asli_f[nama].as_widget(), cepat_f[nama].as_widget()
                assert cepat == asli, (nama, data, bound, cepat, asli)
    # a value already marked safe, and attrs with True/False/escaping
    attrs = {"class": 'x"y', "disabled": True, "data-z": False, "title": mark_safe("<i>")}
    asli = _Isian({"teks": mark_safe("<b>")}, renderer=DjangoTemplates())["teks"]
    cepat = _Isian({"teks": mark_safe("<b>")}, renderer=RendererCepat())["teks"]
    assert cepat.as_widget(attrs=attrs) == asli.as_widget(attrs=attrs)
