"""The token pages: "Token API saya" (make one, see its key once, revoke) and the HR page
of the wilayah's tokens (list, revoke). Revoking looks the token up in what the actor may
revoke (`token_boleh_dicabut`), so another wilayah's token is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from asn_kinerja.pengalihan import alihkan_next
from asn_kinerja.views import galat_ke_form
from organisasi.peran import HRWajibMixin

from . import selectors, services
from .forms import TokenForm
from .models import TokenAPI


def token_list(request: HttpRequest) -> HttpResponse:
    """GET: the user's tokens and the form; POST: a new token, whose key this one response
    shows (it is not stored anywhere it could be shown again)."""
    form = TokenForm(request.POST or None)
    kunci_baru = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _token, kunci_baru = services.token_buat(
                    actor=request.user, nama=form.cleaned_data["nama"]
                )
            except ValidationError as e:
                galat_ke_form(form, e)
                status = 400
            else:
                form = TokenForm()
        else:
            status = 400
    ctx = {
        "form": form,
        "kunci_baru": kunci_baru,
        "daftar": selectors.token_saya(actor=request.user),
    }
    resp = render(request, "api/token_list.html", ctx, status=status)
    resp["Cache-Control"] = "no-store"  # the new key must not stay in a cache
    return resp


token_list.scoping_exempt = "token milik sendiri; tanpa id objek"


@require_POST
def token_cabut(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(selectors.token_boleh_dicabut(actor=request.user), pk=pk)
    services.token_cabut(actor=request.user, token=token)
    messages.success(request, _("Token “%(nama)s” dicabut.") % {"nama": token.nama})
    return alihkan_next(request, reverse("token_api:token_list"))


token_cabut.scoped_model = TokenAPI


class TokenWilayahView(HRWajibMixin, ListView):
    """HR: the tokens of the wilayah's users, to revoke one (a lost phone, a transfer)."""

    scoping_exempt = "daftar; tanpa id objek"
    template_name = "api/token_wilayah.html"
    context_object_name = "daftar"
    paginate_by = 50

    def get_queryset(self):
        g = self.request.GET
        aktif = {"1": True, "0": False}.get(g.get("aktif", ""))
        return selectors.token_wilayah(actor=self.request.user, q=g.get("q", "").strip()[:100],
                                       aktif=aktif)  # fmt: skip

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["q"] = self.request.GET.get("q", "")
        ctx["aktif"] = self.request.GET.get("aktif", "")
        return ctx
