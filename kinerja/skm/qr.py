"""QR codes of the public links (segno: pure Python, no network)."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, *, skala: int = 8, gelap: str = "#111111") -> str:
    """An inline <svg> of `url` (error correction M: survives a scratched poster)."""
    buf = io.BytesIO()
    segno.make(url, error="m").save(
        buf, kind="svg", scale=skala, border=2, dark=gelap, xmldecl=False, svgns=True
    )
    return buf.getvalue().decode()


def qr_data_uri(url: str, *, skala: int = 10) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=skala, border=2)
