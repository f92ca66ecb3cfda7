"""The view toolkit every app shares (issue 16): what thin views repeat around a service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from asn_kinerja.pengalihan import alihkan_next


def galat_ke_form(form: Any, exc: ValidationError) -> None:
    """Puts a service's ValidationError onto the form: errors naming a field the form has go
    under that field, everything else above the form (the form then re-renders with the
    user's input kept). The one copy of what used to be written in seven views."""
    if hasattr(exc, "error_dict"):
        for field, errs in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, exc.messages)


def pesan_galat(exc: ValidationError) -> str:
    """A service's ValidationError as one message line (for a POST that redirects instead of
    re-rendering a form). The one copy of `" ".join(exc.messages)`."""
    return " ".join(exc.messages)


def pesan_form(form: Any) -> str:
    """An invalid form's errors as one message line, for a small POST form (a note, a
    reason) whose page redirects instead of re-rendering it."""
    return " ".join(e for errs in form.errors.values() for e in errs)


def jalankan_aksi(
    request: HttpRequest, fn: Callable[[], Any], *, berhasil: str, kembali: str
) -> HttpResponseRedirect:
    """Runs a one-shot service call for a POST action: the success message, or the service's
    ValidationError as an error message (nothing changed), then back to `kembali` (or a safe
    `next`). A PermissionDenied propagates: 403."""
    try:
        fn()
    except ValidationError as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, berhasil)
    return alihkan_next(request, kembali)


def langkah_view(
    *,
    nama: str,
    model: type[Model],
    terlihat: Callable[..., QuerySet[Any]],
    langkah: Callable[..., Any],
    objek: str,
    berhasil: str,
    catatan: str | None = None,
) -> Callable[[HttpRequest, int], HttpResponse]:
    """The POST view of one workflow step, declared instead of written: the object is looked
    up in `terlihat(actor=user)` (404 outside the actor's scope), then
    `langkah(**{objek: obj}, oleh=user[, <catatan>=POST["catatan"]])` runs through
    `jalankan_aksi` and the user goes back to the object's page. `catatan` names the keyword
    the step takes the user's note under (`"catatan"`, `"alasan"`), None for a step without.
    The view declares `scoped_model = model` (the URL scoping test reads it).

    The one factory of the step buttons (SKP and evaluation had a lambda table each)."""

    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        obj: Model = get_object_or_404(terlihat(actor=request.user), pk=pk)
        kwargs: dict[str, Any] = {objek: obj, "oleh": request.user}
        if catatan:
            kwargs[catatan] = request.POST.get("catatan", "")
        return jalankan_aksi(
            request, lambda: langkah(**kwargs), berhasil=berhasil,
            kembali=obj.get_absolute_url(),  # type: ignore[attr-defined]
        )  # fmt: skip

    view.scoped_model = model  # type: ignore[attr-defined]
    view.__name__ = nama
    view.__qualname__ = nama
    view.__doc__ = langkah.__doc__
    return view


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
