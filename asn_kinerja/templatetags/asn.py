"""Template filters shared by every app: `{% load asn %}`."""

from __future__ import annotations

import functools
from typing import Any

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django import forms, template
from django.conf import settings
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from asn_kinerja import formatting

register = template.Library()


@functools.cache
def _label_status() -> dict[str, Any]:
    """{stored value: label} of every status-like choice field of every model (the first
    model wins where two share a value; their labels agree). Read from the app registry, so
    this lower layer knows the higher apps' statuses without importing them."""
    from django.apps import apps

    hasil: dict[str, Any] = {}
    for model in apps.get_models():
        for f in model._meta.get_fields():
            if "status" in getattr(f, "name", "") and getattr(f, "choices", None):
                for nilai, label in f.flatchoices:
                    hasil.setdefault(str(nilai), label)
    return hasil


@register.filter
def label_status(value) -> Any:
    """`{{ "belum_diisi"|label_status }}` -> "Belum Diisi": the label of a stored status value
    (a raw value from `.values()` / an annotation has no get_..._display); the value itself
    when unknown."""
    if value is None or value == "":
        return ""
    label = getattr(value, "label", None)
    return label if label is not None else _label_status().get(str(value), value)


@register.filter
def tanggal_id(value, arg: str = ""):
    """`{{ d|tanggal_id }}` -> "22 November 2026"; `{{ d|tanggal_id:"hari" }}` adds the day."""
    return formatting.tanggal_indonesia(value, dengan_hari=arg == "hari")


@register.filter
def bulan_tahun(value):
    return formatting.bulan_tahun(value) if value else ""


@register.filter
def angka_id(value, desimal: int = 0):
    return formatting.angka(value, int(desimal))


@register.filter
def persen(value, total):
    """`{{ part|persen:total }}` -> "42,9%" (or "—" when total is 0)."""
    try:
        return formatting.angka(100 * float(value) / float(total), 1) + "%"
    except (TypeError, ValueError, ZeroDivisionError):
        return "—"


@register.filter
def kunci(data, nama: str):
    """`{% with n=ident|kunci:"pejabat_penilai" %}`: a key of a dict that may be absent (an
    older snapshot), None then; `{% with n=ident.x %}` would be a missing variable."""
    return data.get(nama) if isinstance(data, dict) else getattr(data, nama, None)


@register.filter
def nama_aktor(user, kosong: str = ""):
    """`{{ t.oleh|nama_aktor }}`: who took a step, as the page shows it. An empty actor (a
    system step, an employee without an account, a deleted user) is "Sistem", or `kosong`
    when given (`{{ usulan.diputuskan_oleh|nama_aktor:"—" }}`).

    Replaces `{{ x.get_full_name|default:x.username }}`: a filter argument that is a variable
    lookup raises VariableDoesNotExist when `x` is None (issue 19: most history pages 500)."""
    if user is None or user == "":
        return kosong or _("Sistem")
    nama = getattr(user, "nama_tampilan", None)
    return nama if nama is not None else str(user)


#: Widgets `bidang` writes itself; anything else (checkbox, radio, file, hidden, multi-widgets)
#: goes to crispy's own filter.
_BIDANG_CEPAT = (forms.Textarea, forms.Select, forms.widgets.Input)
_BIDANG_CRISPY = (forms.CheckboxInput, forms.RadioSelect, forms.FileInput, forms.HiddenInput)


@register.filter
def bidang(field: forms.BoundField):
    """`{{ form.x|bidang }}`: the same Bootstrap 5 markup as crispy's `|as_crispy_field` for a
    text input, a textarea or a select, written in Python. crispy renders each field through
    five nested templates (~0.25 ms a field; the rating page has 13 fields, docs/bench.md).
    Tested against crispy's own output (tests/foundation/test_bidang.py); other widgets, and
    a form with a crispy helper, are passed to crispy."""
    w = field.field.widget
    if (
        not isinstance(w, _BIDANG_CEPAT)
        or isinstance(w, _BIDANG_CRISPY)
        or getattr(field.form, "helper", None) is not None
        or field.use_fieldset
        or hasattr(w, "widgets")  # MultiWidget and the like
        or hasattr(w, "widget")  # wrappers (admin's RelatedFieldWidgetWrapper)
    ):
        return as_crispy_field(field)
    # What crispy's `{% crispy_field field 'class' 'form-control' %}` leaves on the widget.
    nama_kelas = w.__class__.__name__.lower()
    nama_kelas = getattr(settings, "CRISPY_CLASS_CONVERTERS", {}).get(nama_kelas, nama_kelas)
    kelas = w.attrs.get("class", "")
    if kelas:
        if kelas.find(nama_kelas) == -1:
            kelas += f" {nama_kelas}"
    else:
        kelas = nama_kelas
    tambahan = "form-select" if isinstance(w, forms.Select) else "form-control"
    if field.errors:
        tambahan += " is-invalid"
    for k in tambahan.split():
        if k not in kelas.split():
            kelas += f" {k}"
    w.attrs["class"] = kelas
    auto_id = field.auto_id
    e = conditional_escape
    bagian = [f'<div id="div_{e(auto_id)}" class="mb-3']
    css = field.css_classes()
    if css:
        bagian.append(f" {e(css)}")
    bagian.append('">')
    wajib = field.field.required
    if field.label:
        untuk = f'for="{e(field.id_for_label)}" ' if field.id_for_label else ""
        bintang = '<span class="asteriskField">*</span>' if wajib else ""
        bagian.append(
            f'<label {untuk}class="form-label{" requiredField" if wajib else ""}">'
            f"{e(field.label)}{bintang}</label>"
        )
    bagian.append(str(field))
    if field.errors:
        bagian.append(f'<div id="{e(field.errors.field_id)}_error" class="invalid-feedback">')
        for i, pesan in enumerate(field.errors, 1):
            bagian.append(f'<p id="error_{i}_{e(auto_id)}"><strong>{e(pesan)}</strong></p>')
        bagian.append("</div>")
    if field.help_text:
        id_bantuan = f'id="{e(auto_id)}_helptext" ' if auto_id else ""
        bagian.append(f'<div {id_bantuan}class="form-text">{field.help_text}</div>')
    bagian.append("</div>")
    return mark_safe("".join(bagian))  # noqa: S308 - every value is escaped


#: (CSS suffix, icon, standard name) of each predikat value (PermenPANRB 6/2022; "istimewa"
#: is the predikat organisasi). Names are lazy: translated once, when a badge is rendered.
_BADGE_PREDIKAT = {
    "sangat_baik": ("sangat-baik", "star-fill", _l("Sangat Baik")),
    "baik": ("baik", "", _l("Baik")),
    "butuh_perbaikan": ("butuh-perbaikan", "", _l("Butuh Perbaikan")),
    "kurang": ("kurang", "", _l("Kurang/Misconduct")),
    "sangat_kurang": ("sangat-kurang", "", _l("Sangat Kurang")),
    "istimewa": ("istimewa", "award-fill", _l("Istimewa")),
}


@register.simple_tag
def predikat_badge(predikat: Any, label: Any = None) -> str:
    """`{% predikat_badge ev.predikat ev.get_predikat_display %}`: a predikat as a coloured
    badge (components/predikat_badge.html documents it and calls this). Python rather than
    template logic: a list page renders one per row (50 a page)."""
    nilai = str(predikat or "")
    kelas, ikon, nama = _BADGE_PREDIKAT.get(nilai, ("kosong", "", nilai))
    if not label:
        label = nama if nilai else _("Belum ada predikat")
    ikon_html = f'<i class="bi bi-{ikon}" aria-hidden="true"></i>' if ikon else ""
    return mark_safe(
        f'<span class="badge badge-predikat badge-predikat-{kelas}">{ikon_html}'
        f"{conditional_escape(label)}</span>"
    )
