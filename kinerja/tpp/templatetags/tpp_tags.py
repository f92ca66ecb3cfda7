"""`{% tpp_total wilayah=... %}` / `{% tpp_total unit=... %}`: the latest computed TPP month's
totals on the dashboards (two queries; nothing when the actor may not see TPP totals)."""

from __future__ import annotations

from typing import Any

from django import template

from kinerja.tpp import selectors

register = template.Library()


@register.inclusion_tag("tpp/_dasbor_total.html", takes_context=True)
def tpp_total(context: dict[str, Any], wilayah: Any = None, unit: Any = None) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    wilayah_id = unit.wilayah_id if unit is not None else getattr(wilayah, "pk", None)
    bulan = selectors.bulan_terakhir(actor=user, wilayah_id=wilayah_id) if user else None
    total = selectors.total(actor=user, bulan=bulan, unit=unit) if bulan else None
    return {
        "bulan": bulan,
        "total": total,
        "unit": unit,
        "tautan": selectors.boleh_lihat_wilayah(user),
    }
