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
