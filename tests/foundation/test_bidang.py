"""`{{ field|bidang }}` writes the same markup as crispy's `|as_crispy_field` (whitespace
between tags aside, which the browser ignores), for every state of a field."""

from __future__ import annotations

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms
from django.template import Context, Template

from asn_kinerja.templatetags.asn import bidang


class _Form(forms.Form):
    wajib = forms.CharField(label="Nama <lengkap>", help_text="Sesuai <b>SK</b>.", max_length=5)
    teks = forms.CharField(
        label="Catatan & saran", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    pilih = forms.ChoiceField(label="Rating", choices=[("", "---"), ("a", "A"), ("b", "B")])
    angka = forms.DecimalField(label="Nilai", required=False, min_value=0)
    tanggal = forms.DateField(
        label="Tanggal", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    berkelas = forms.CharField(
        label="Berkelas", required=False, widget=forms.TextInput(attrs={"class": "font-monospace"})
    )
    tanpa_label = forms.CharField(label="", required=False)
    mati = forms.CharField(label="Terkunci", required=False, disabled=True, initial="x")
    # Not written by `bidang`: passed to crispy (identical by construction).
    centang = forms.BooleanField(label="Setuju", required=False)
    radio = forms.ChoiceField(
        label="Radio", choices=[("1", "Satu")], widget=forms.RadioSelect, required=False
    )
    tersembunyi = forms.CharField(required=False, widget=forms.HiddenInput)


class _FormKelasWajib(_Form):
    required_css_class = "wajib"
    error_css_class = "salah"


def _rapi(html: str) -> str:
    html = re.sub(r"\s+", " ", str(html))
    return re.sub(r"\s*(<|>)\s*", r"\1", html).strip()


DATA_SALAH = {"wajib": "terlalu panjang", "teks": 'a <b> & "c"', "pilih": "z", "angka": "-1",
              "tanggal": "bukan", "berkelas": "x"}  # fmt: skip
DATA_BENAR = {"wajib": "Ani", "teks": "baik", "pilih": "a", "angka": "2.5", "tanggal": "2026-01-02"}


@pytest.mark.parametrize("kelas", [_Form, _FormKelasWajib])
@pytest.mark.parametrize("data", [None, DATA_SALAH, DATA_BENAR], ids=["kosong", "salah", "benar"])
def test_bidang_sama_dengan_crispy(kelas, data):
    for nama in kelas.base_fields:
        # Two form instances: crispy leaves its CSS class on the widget it renders.
        asli = as_crispy_field(kelas(data)[nama])
        cepat = bidang(kelas(data)[nama])
        assert _rapi(cepat) == _rapi(asli), nama


def test_bidang_menandai_error_dan_escape():
    f = _Form(DATA_SALAH)
    html = str(bidang(f["wajib"]))
    assert 'class="textinput form-control is-invalid"' in html
    assert "Nama &lt;lengkap&gt;" in html and '<span class="asteriskField">*</span>' in html
    assert 'id="id_wajib_error" class="invalid-feedback"' in html
    assert "Sesuai <b>SK</b>." in html  # help text is trusted markup, as in crispy
    teks = str(bidang(f["teks"]))
    assert "a &lt;b&gt; &amp; &quot;c&quot;" in teks and "is-invalid" not in teks


def test_bidang_di_template():
    html = Template("{% load asn %}{{ form.pilih|bidang }}").render(Context({"form": _Form()}))
    assert '<select name="pilih" class="select form-select"' in html


def test_label_status_untuk_nilai_mentah():
    """A raw status value from an annotation renders as its label (no "belum_diisi")."""
    from django.template import Context, Template

    from kinerja.choices import StatusEvaluasi

    t = Template('{% include "components/status_badge.html" with status=s %}')
    assert ">Belum Diisi<" in t.render(Context({"s": "belum_diisi"}))
    assert ">Belum Diisi<" in t.render(Context({"s": StatusEvaluasi.BELUM_DIISI}))
    assert ">Hadir<" in t.render(Context({"s": "hadir"}))
    assert ">entah<" in t.render(Context({"s": "entah"}))
    assert ">—<" in t.render(Context({"s": ""}))
