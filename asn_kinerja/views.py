"""The view toolkit every app shares (issue 16): what thin views repeat around a service."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


def galat_ke_form(form: Any, exc: ValidationError) -> None:
    """Puts a service's ValidationError onto the form: errors naming a field the form has go
    under that field, everything else above the form (the form then re-renders with the
    user's input kept). The one copy of what used to be written in seven views."""
    if hasattr(exc, "error_dict"):
        for field, errs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)
