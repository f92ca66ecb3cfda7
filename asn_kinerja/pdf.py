"""PDF rendering with WeasyPrint: every report extends `templates/pdf/base_pdf.html`, which
draws the wilayah's letterhead (kop surat), numbers the pages and uses the only font family
these machines have (DejaVu). Use `render_pdf()` for bytes and `pdf_response()` to stream a
small document; large ones are rendered in a Celery worker with the same function.

Speed: WeasyPrint's cost grows with the number of elements (every table cell is cascaded,
laid out and painted), so big reports keep their tables lean: `table-layout: fixed` with
`<colgroup>` widths (no min/max-content pass over every cell), one line per row, and no
per-cell border grid on long lists (`laporan/pdf/rekap_wilayah.html`). `render_pdf` itself
uses a lighter user-agent stylesheet (`ua_ringan`) and pauses the cyclic garbage collector
while WeasyPrint runs."""

from __future__ import annotations

import base64
import functools
import gc
import logging
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

from asn_kinerja import waktu

from .formatting import tanggal_indonesia

logger = logging.getLogger(__name__)

# WeasyPrint's user-agent stylesheet styles six pseudo-elements of *every* element
# (`::marker`, `::footnote-call`, `::footnote-marker`, `::note-call`, `::note-marker`,
# `::note-callback`), so each table cell costs seven computed styles instead of one: ~25 % of
# a 300-row report. Our documents use neither footnotes nor notes (`float: footnote`), and
# markers only on `li`, so the light copy drops the note rules and scopes `::marker` to `li`.
_UA_GANTI = {
    "::marker {": "li::marker {",
    "::footnote-call {": None,
    "::footnote-marker {": None,
    "::note-call {": None,
    "::note-marker {": None,
    "::note-callback {": None,
}


def _logo_data_uri(wilayah: Any) -> str:
    logo = getattr(wilayah, "logo", None)
    if not logo:
        return ""
    try:
        with logo.open("rb") as fh:
            data = fh.read()
    except (OSError, ValueError):
        return ""
    mime = mimetypes.guess_type(logo.name)[0] or "image/png"
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


@functools.cache
def ua_ringan() -> Any:
    """The light user-agent stylesheet (see `_UA_GANTI`), or None when this WeasyPrint's UA
    sheet no longer has exactly those rules (then the stock sheet is used, only slower)."""
    try:
        from weasyprint import CSS
        from weasyprint.css.counters import CounterStyle
        from weasyprint.html import UA
    except ImportError:  # pragma: no cover - WeasyPrint moved its internals
        return None
    baris, sisa = [], dict(_UA_GANTI)
    for b in UA.splitlines():
        awal = next((k for k in sisa if b.startswith(k)), None)
        if awal is None:
            baris.append(b)
            continue
        ganti = sisa.pop(awal)
        if ganti is not None:
            baris.append(ganti + b[len(awal) :])
    if sisa:
        logger.warning("WeasyPrint UA stylesheet changed (%s); using it unmodified", list(sisa))
        return None
    # Its @counter-style rules are already in WeasyPrint's shared UA counter styles (which
    # every document copies): parse them into a throwaway registry, not twice into that one.
    return CSS(string="\n".join(baris), counter_style=CounterStyle())


@functools.cache
def _kelas_html() -> type:
    """`weasyprint.HTML` using the light UA stylesheet instead of the stock one."""
    from weasyprint import HTML
    from weasyprint.html import UA_STYLESHEET

    ua = ua_ringan()
    if ua is None:
        return HTML

    class HTMLRingan(HTML):
        def _ua_stylesheets(self, *args: Any, **kwargs: Any) -> list[Any]:
            return [
                ua if s is UA_STYLESHEET else s for s in super()._ua_stylesheets(*args, **kwargs)
            ]

    return HTMLRingan


def _akar_statis() -> list[Path]:
    akar = [Path(d) for d in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        akar.append(Path(settings.STATIC_ROOT))
    return [a.resolve() for a in akar]


@functools.cache
def _kelas_pengambil() -> type:
    """WeasyPrint's URL fetcher narrowed to what our documents may load (defence in depth:
    a name a user typed never reaches the HTML unescaped, but if it did): `data:` URLs, and
    files inside the project's static directories. Anything else (`file:///etc/passwd`,
    `http://...`, `../` out of the static folder, symlinks out of it) raises, which WeasyPrint
    logs and skips: the document still renders, without that resource."""
    from weasyprint.urls import URLFetcher

    class PengambilURLAman(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            skema = url.split(":", 1)[0].lower()
            if skema == "data":
                return super().fetch(url, headers)
            bagian = urlsplit(url)
            if skema == "file" and bagian.netloc in ("", "localhost"):
                path = Path(url2pathname(bagian.path)).resolve()
                if any(path.is_relative_to(a) for a in _akar_statis()) and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"URL tidak diizinkan dalam PDF: {url[:200]}")

    return PengambilURLAman


def pengambil_url() -> Any:
    """A fresh restricted fetcher (see `_kelas_pengambil`); no network access."""
    return _kelas_pengambil()(timeout=1, allowed_protocols={"data", "file"},
                              allow_redirects=False)  # fmt: skip


def html_ke_pdf(html: str) -> bytes:
    """PDF bytes of an HTML string, with the light UA sheet and the restricted fetcher.
    Relative URLs resolve against the project's static directory."""
    HTML = _kelas_html()  # noqa: N806 - WeasyPrint is imported lazily: ~1 s on first import

    basis = _akar_statis()[0].as_uri() + "/"
    # WeasyPrint allocates hundreds of thousands of objects (boxes, styles, glyph runs) that
    # live until the end; the cyclic collector rescans them again and again: ~25 % of the time
    # of a large report. Paused for the render (~15 MB more peak on the 300-row recap),
    # resumed after, so the cycles are collected then.
    gc_aktif = gc.isenabled()
    gc.disable()
    try:
        return HTML(string=html, base_url=basis, url_fetcher=pengambil_url()).write_pdf()
    finally:
        if gc_aktif:
            gc.enable()


def panaskan() -> None:
    """Pays WeasyPrint's one-off costs ahead of the first report: the import (~0.6 s), the
    light UA sheet, fontconfig/Pango loading DejaVu regular and bold. Meant for a worker
    process start (Celery `worker_process_init`), so the user's first PDF does not pay them."""
    _kelas_html()(
        string='<p style="font-family: DejaVu Sans">a <b>b</b></p>'
        '<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><text>c</text></svg>'
    ).write_pdf()


def render_pdf(template_name: str, context: dict[str, Any], *, wilayah: Any) -> bytes:
    """Renders `template_name` (which extends pdf/base_pdf.html) to PDF bytes.

    The context gains `wilayah`, `logo_uri`, `dicetak_pada` (Indonesian date) and
    `tanggal_surat` (today, Indonesian) unless given."""
    ctx = {
        "wilayah": wilayah,
        "logo_uri": _logo_data_uri(wilayah),
        # The wilayah's clock, also in a Celery worker (which runs in TIME_ZONE).
        "dicetak_pada": waktu.waktu_lokal(wilayah).strftime("%d-%m-%Y %H:%M"),
        "tanggal_surat": tanggal_indonesia(waktu.hari_ini(wilayah)),
        **context,
    }
    return html_ke_pdf(render_to_string(template_name, ctx))


def pdf_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    resp = HttpResponse(pdf, content_type="application/pdf")
    disp = "inline" if inline else "attachment"
    resp["Content-Disposition"] = f'{disp}; filename="{filename}"'
    resp["Cache-Control"] = "private, no-store"
    return resp
