"""Strict templates for the tests: a variable a project template names but the context does
not have is an error, not a silent blank (issue 19). Test settings set
`TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = VariabelTidakAda()`.

Django consults `string_if_invalid` when a lookup fails: `FilterExpression.resolve` asks
`bool(string_if_invalid)`, then `"%s" in string_if_invalid`, then formats it with the
variable (`{{ x.y }}`, `{{ x.y|default:"—" }}`, `{% url ... x.y %}`, `{% with %}`);
`{% blocktranslate %}` asks `"%s" in` for a missing name. `{% if %}` and `{% for %}`
ignore failures and never get here, so `{% if x.y %}` stays the way to test for something
that may be absent.

Only the project's own templates (`BASE_DIR/templates`) are strict. Django admin, crispy
forms and other libraries rely on missing variables rendering as "" by design; for them
this object answers like Django's default (`bool()` is False, so Django uses it as the
empty string and still applies the filters). Which template is rendering is read from the
template node on the call stack (every node carries the `origin` it was parsed from).
"""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings


class VariabelTemplateTidakAda(Exception):
    """A project template used a variable that does not exist."""


def _asal_template() -> str | None:
    """The file of the template node being rendered (the nearest `self.origin` up the
    stack), or None."""
    f = sys._getframe(2)
    for _ in range(12):
        if f is None:
            return None
        node = f.f_locals.get("self")
        origin = getattr(node, "origin", None)
        nama = getattr(origin, "name", None)
        if isinstance(nama, str):
            return nama
        f = f.f_back
    return None


def _milik_proyek(nama: str | None) -> bool:
    return nama is not None and nama.startswith(str(Path(settings.BASE_DIR) / "templates"))


class VariabelTidakAda(str):
    """`string_if_invalid` that raises for the project's templates (see module doc)."""

    def __new__(cls) -> VariabelTidakAda:
        return super().__new__(cls, "")

    def __bool__(self) -> bool:
        return _milik_proyek(_asal_template())

    def __contains__(self, item: object) -> bool:
        return item == "%s" and _milik_proyek(_asal_template())

    def __mod__(self, variabel: object) -> str:
        raise VariabelTemplateTidakAda(
            f"Variabel template tidak ada: {variabel!s} (di {_asal_template() or '?'}). "
            "Teruskan variabelnya dari view, atau periksa dengan {% if %} dulu."
        )
