"""Template filters of the organisation pages: `{% load organisasi_tags %}`."""

from __future__ import annotations

from decimal import Decimal

from django import template

from asn_kinerja import formatting

register = template.Library()


@register.filter
def mutlak(value):
    """Absolute value (the size of an excess, shown without its minus sign)."""
    try:
        return abs(value)
    except TypeError:
        return value


@register.filter
def desimal(value, digits: int = 2):
    """`{{ 1.28|desimal }}` -> "1,28" (Indonesian decimal comma); "—" for None."""
    if value is None or value == "":
        return "—"
    return formatting.angka(Decimal(value), int(digits))
