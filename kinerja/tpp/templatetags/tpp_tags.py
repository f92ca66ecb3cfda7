"""Template tags of the TPP pages:

- `{% tpp_total wilayah=... %}` / `{% tpp_total unit=... %}`: the latest computed TPP month's
  totals on the dashboards (two queries; nothing when the actor may not see TPP totals);
- `{% tpp_baris r %}`: one row of a month's table."""

from __future__ import annotations

from html import escape as e
from typing import Any

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from asn_kinerja import formatting
from asn_kinerja.templatetags.asn import predikat_badge
from kinerja.tpp import selectors
from organisasi.peran import is_pengawas_wilayah

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
        "tautan": is_pengawas_wilayah(user),
    }


@register.simple_tag
def tpp_baris(r: Any) -> str:
    """`{% tpp_baris r %}`: one row of the month's table (templates/tpp/bulantpp_detail.html).

    Python rather than template markup: the table has 50 rows of eight cells and six
    formatted amounts each; as template markup that was ~950 function calls a row, 40% of
    the page's work at 100,000 employees (docs/bench.md, session 02-12). Every text is
    escaped with `html.escape`; amounts come from `formatting.angka` (digits, separators)."""
    angka = formatting.angka
    flags = "".join(f'<span class="badge text-bg-warning me-1">{e(f)}</span>' for f in r.flags)
    jabatan = e(r.nama_jabatan)
    if r.kelas_jabatan:
        jabatan += f" \u00b7 {e(_('kelas'))} {r.kelas_jabatan}"
    disiplin = angka(r.potongan_disiplin)
    if r.persen_potongan_disiplin:
        disiplin += (
            f' <span class="small text-muted">({angka(r.persen_potongan_disiplin, 2)}%)</span>'
        )
    if r.persen_potongan_sanksi:
        judul = e(r.sanksi_tingkat or r.cuti_tanpa_tpp or r.status_aktif)
        sanksi = (
            f'<span title="{judul}">{angka(r.potongan_sanksi)} '
            f"({angka(r.persen_potongan_sanksi)}%)</span>"
        )
    else:
        sanksi = "0"
    return mark_safe(
        "<tr>"
        f'<td><a href="{e(r.get_absolute_url())}">{e(r.nama)}</a>'
        f'<div class="small text-muted font-monospace">{e(r.nip)}</div>{flags}</td>'
        f'<td class="small">{e(r.unit.nama)}<div class="text-muted">{jabatan}</div></td>'
        f'<td class="text-end text-nowrap">{angka(r.pagu)}</td>'
        f"<td>{predikat_badge(r.predikat)}</td>"
        f'<td class="text-end text-nowrap">{angka(r.potongan_kinerja)}</td>'
        f'<td class="text-end text-nowrap">{disiplin}</td>'
        f'<td class="text-end text-nowrap">{sanksi}</td>'
        f'<td class="text-end text-nowrap fw-semibold">{angka(r.netto)}</td>'
        "</tr>"
    )
