"""PDF rendering with WeasyPrint: every report extends `templates/pdf/base_pdf.html`, which
draws the wilayah's letterhead (kop surat), numbers the pages and uses the only font family
these machines have (DejaVu). Use `render_pdf()` for bytes and `pdf_response()` to stream a
small document; large ones are rendered in a Celery worker with the same function."""

from __future__ import annotations

import base64
import mimetypes
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from .formatting import tanggal_indonesia


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


def render_pdf(template_name: str, context: dict[str, Any], *, wilayah: Any) -> bytes:
    """Renders `template_name` (which extends pdf/base_pdf.html) to PDF bytes.

    The context gains `wilayah`, `logo_uri`, `dicetak_pada` (Indonesian date) and
    `tanggal_surat` (today, Indonesian) unless given."""
    from weasyprint import HTML  # imported lazily: ~1 s on first import

    ctx = {
        "wilayah": wilayah,
        "logo_uri": _logo_data_uri(wilayah),
        "dicetak_pada": timezone.localtime().strftime("%d-%m-%Y %H:%M"),
        "tanggal_surat": tanggal_indonesia(timezone.localdate()),
        **context,
    }
    html = render_to_string(template_name, ctx)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def pdf_response(pdf: bytes, filename: str, *, inline: bool = False) -> HttpResponse:
    resp = HttpResponse(pdf, content_type="application/pdf")
    disp = "inline" if inline else "attachment"
    resp["Content-Disposition"] = f'{disp}; filename="{filename}"'
    resp["Cache-Control"] = "private, no-store"
    return resp
