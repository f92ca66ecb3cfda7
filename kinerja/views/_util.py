"""Small helpers shared by the planning views (not a public API)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseRedirect

from asn_kinerja.pengalihan import alihkan_next


def pesan_error(e: ValidationError) -> str:
    return " ".join(e.messages)


def jalankan_aksi(
    request: HttpRequest, fn: Callable[[], Any], *, berhasil: str, kembali: str
) -> HttpResponseRedirect:
    """Runs a one-shot service call for a POST action: success message or the service's
    ValidationError as an error message, then back to `kembali` (or a safe `next`)."""
    try:
        fn()
    except ValidationError as e:
        messages.error(request, pesan_error(e))
    else:
        messages.success(request, berhasil)
    return alihkan_next(request, kembali)
