"""Continuous feedback: the notes I sent and received, and a form to write one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from asn_kinerja.views import galat_ke_form, jalankan_aksi
from kinerja.choices import JenisUmpanBalik
from kinerja.forms.umpan_balik import UmpanBalikForm
from kinerja.models import UmpanBalik
from kinerja.selectors.umpan_balik import umpan_balik_list
from kinerja.services.umpan_balik import umpan_balik_kirim, umpan_balik_tandai_dibaca
from pegawai.selectors import pegawai_dari_pengguna


class UmpanBalikListView(ListView):
    scoping_exempt = "daftar milik sendiri; tanpa id objek"
    template_name = "kinerja/umpan_balik_list.html"
    context_object_name = "umpan_balik_list"
    paginate_by = 25

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.saya = pegawai_dari_pengguna(request.user)
        if self.saya is None:
            raise PermissionDenied
        self.form = UmpanBalikForm(
            request.POST if request.method == "POST" else None, actor=request.user
        )
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        jenis = self.request.GET.get("jenis", "")
        jenis = jenis if jenis in JenisUmpanBalik.values else ""
        arah = self.request.GET.get("arah", "")
        return umpan_balik_list(actor=self.request.user, jenis=jenis, arah=arah)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx.update(form=self.form, saya=self.saya, jenis_choices=JenisUmpanBalik.choices)
        return ctx

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.form.is_valid():
            try:
                umpan_balik_kirim(actor=request.user, **self.form.cleaned_data)
            except ValidationError as e:
                galat_ke_form(self.form, e)
            else:
                messages.success(request, _("Umpan balik terkirim."))
                return HttpResponseRedirect(reverse("kinerja:umpan_balik_list"))
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(), status=400)


@require_POST
def umpan_balik_baca(request: HttpRequest, pk: int) -> HttpResponse:
    ub = get_object_or_404(umpan_balik_list(actor=request.user), pk=pk)
    return jalankan_aksi(
        request, lambda: umpan_balik_tandai_dibaca(actor=request.user, umpan_balik=ub),
        berhasil=_("Ditandai sudah dibaca."), kembali=reverse("kinerja:umpan_balik_list"),
    )  # fmt: skip


umpan_balik_baca.scoped_model = UmpanBalik
