"""Template filters shared by every app: `{% load asn %}`."""

from __future__ import annotations

from django import template

from asn_kinerja import formatting

register = template.Library()


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
