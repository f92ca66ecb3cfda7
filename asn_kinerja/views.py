"""The view toolkit every app shares (issue 16): what thin views repeat around a service."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError


def galat_ke_form(form: Any, exc: ValidationError) -> None:
    """Puts a service's ValidationError onto the form: errors naming a field the form has go
    under that field, everything else above the form (the form then re-renders with the
    user's input kept). The one copy of what used to be written in seven views."""
    if hasattr(exc, "error_dict"):
        for field, errs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)


class PeranWajibMixin:
    """A class-based view only a role may open: `peran_wajib(user)` False is a 403 with
    `pesan_peran`, before the view does anything. The role itself is asked of the permission
    layer (`organisasi.peran`), never written here: see `organisasi.peran.HRWajibMixin`."""

    peran_wajib: Any = None
    pesan_peran: Any = ""

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not type(self).peran_wajib(request.user):
            raise PermissionDenied(self.pesan_peran)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
