"""The predikat badge component (templates/components/predikat_badge.html -> the
`predikat_badge` tag): one colour class and standard name per predikat, the label escaped."""

from __future__ import annotations

import pytest
from django.template import Context, Template

KASUS = [
    ("sangat_baik", "sangat-baik", "Sangat Baik", "bi-star-fill"),
    ("baik", "baik", "Baik", None),
    ("butuh_perbaikan", "butuh-perbaikan", "Butuh Perbaikan", None),
    ("kurang", "kurang", "Kurang/Misconduct", None),
    ("sangat_kurang", "sangat-kurang", "Sangat Kurang", None),
    ("istimewa", "istimewa", "Istimewa", "bi-award-fill"),
    ("", "kosong", "Belum ada predikat", None),
    (None, "kosong", "Belum ada predikat", None),
    ("lain", "kosong", "lain", None),
]


def _render(teks: str, **ctx) -> str:
    return Template(teks).render(Context(ctx))


@pytest.mark.parametrize(("nilai", "kelas", "label", "ikon"), KASUS)
def test_komponen_dan_tag_sama(nilai, kelas, label, ikon):
    lewat_include = _render(
        '{% include "components/predikat_badge.html" with predikat=p %}', p=nilai
    )
    lewat_tag = _render("{% load asn %}{% predikat_badge p %}", p=nilai)
    assert lewat_include.strip() == lewat_tag
    assert f'class="badge badge-predikat badge-predikat-{kelas}"' in lewat_tag
    assert lewat_tag.endswith(f"{label}</span>")
    assert (ikon in lewat_tag) if ikon else ("<i " not in lewat_tag)


def test_label_diberikan_dan_di_escape():
    html = _render(
        '{% include "components/predikat_badge.html" with predikat="baik" label=l %}',
        l="<b>Baik sekali</b>",
    )
    assert "&lt;b&gt;Baik sekali&lt;/b&gt;</span>" in html
    assert "<b>" not in html
