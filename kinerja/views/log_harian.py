"""Daily log pages: my log (record, edit, delete), my subordinates' logs to verify, and
the evidence download (served through the scope, never as a public media URL)."""

from __future__ import annotations

import os
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView

from asn_kinerja.views import galat_ke_form, jalankan_aksi
from asn_kinerja.waktu import hari_ini
from kinerja.forms.log_harian import LogFilterForm, LogHarianForm
from kinerja.models import LogHarian
from kinerja.selectors.log_harian import log_list, log_visible
from kinerja.services import log_harian as svc
from pegawai.selectors import is_atasan, pegawai_dari_pengguna


class LogListView(ListView):
    scoping_exempt = "daftar; tanpa id objek"
    template_name = "kinerja/log_list.html"
    context_object_name = "log_list"
    paginate_by = 25
    URUTAN = {"tanggal": "tanggal", "-tanggal": "-tanggal", "status": "status",
              "-status": "-status", "pegawai": "pegawai__nama", "-pegawai": "-pegawai__nama"}  # fmt: skip

    def get_queryset(self):
        user = self.request.user
        self.lingkup = "bawahan" if self.request.GET.get("lingkup") == "bawahan" else "saya"
        if self.lingkup == "saya" and pegawai_dari_pengguna(user) is None:
            raise PermissionDenied
        if self.lingkup == "bawahan" and not is_atasan(user):
            raise PermissionDenied
        self.filter_form = LogFilterForm(self.request.GET or None)
        data = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        qs = log_list(
            actor=user, lingkup=self.lingkup, status=data.get("status", ""),
            dari=data.get("dari"), sampai=data.get("sampai"), q=data.get("q", ""),
        )  # fmt: skip
        return qs.order_by(self.URUTAN.get(self.request.GET.get("o", ""), "-tanggal"), "-id")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["lingkup"] = self.lingkup
        ctx["filter"] = self.filter_form
        ctx["is_atasan"] = is_atasan(self.request.user)
        return ctx


class _LogFormView(FormView):
    template_name = "kinerja/log_form.html"
    form_class = LogHarianForm
    log: LogHarian | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "log": self.log}

    def form_valid(self, form: LogHarianForm) -> HttpResponse:
        try:
            svc.log_harian_simpan(actor=self.request.user, log=self.log, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Log harian disimpan."))
        return HttpResponseRedirect(reverse("kinerja:log_list"))


class LogCreateView(_LogFormView):
    scoping_exempt = "membuat log milik sendiri"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if pegawai_dari_pengguna(request.user) is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"tanggal": hari_ini()}


class LogUpdateView(_LogFormView):
    model = LogHarian

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.log = get_object_or_404(log_visible(actor=request.user), pk=kwargs["pk"])
        saya = pegawai_dari_pengguna(request.user)
        if saya is None or self.log.pegawai_id != saya.pk:
            raise PermissionDenied
        if self.log.status == LogHarian.Status.DIVERIFIKASI:
            messages.warning(request, _("Log yang sudah diverifikasi tidak dapat diubah."))
            return HttpResponseRedirect(reverse("kinerja:log_list"))
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        g = self.log
        return {"tanggal": g.tanggal, "kegiatan": g.kegiatan, "output": g.output,
                "volume": g.volume, "satuan": g.satuan, "rhk": g.rhk_id}  # fmt: skip


def _log(request: HttpRequest, pk: int) -> LogHarian:
    return get_object_or_404(log_visible(actor=request.user).select_related("pegawai"), pk=pk)


@require_POST
def log_delete(request: HttpRequest, pk: int) -> HttpResponse:
    log = _log(request, pk)
    return jalankan_aksi(
        request, lambda: svc.log_harian_hapus(actor=request.user, log=log),
        berhasil=_("Log harian dihapus."), kembali=reverse("kinerja:log_list"),
    )  # fmt: skip


log_delete.scoped_model = LogHarian


@require_POST
def log_verifikasi(request: HttpRequest, pk: int) -> HttpResponse:
    log = _log(request, pk)
    return jalankan_aksi(
        request,
        lambda: svc.log_harian_verifikasi(
            actor=request.user, log=log, catatan=request.POST.get("catatan", "")
        ),
        berhasil=_("Log harian diverifikasi."),
        kembali=reverse("kinerja:log_list") + "?lingkup=bawahan",
    )


log_verifikasi.scoped_model = LogHarian


@require_POST
def log_kembalikan(request: HttpRequest, pk: int) -> HttpResponse:
    log = _log(request, pk)
    return jalankan_aksi(
        request,
        lambda: svc.log_harian_kembalikan(
            actor=request.user, log=log, catatan=request.POST.get("catatan", "")
        ),
        berhasil=_("Log harian dikembalikan kepada pegawai."),
        kembali=reverse("kinerja:log_list") + "?lingkup=bawahan",
    )


log_kembalikan.scoped_model = LogHarian


def log_bukti(request: HttpRequest, pk: int) -> HttpResponse:
    log = _log(request, pk)
    if not log.bukti:
        raise Http404
    try:
        berkas = log.bukti.open("rb")
    except FileNotFoundError as e:
        raise Http404 from e
    return FileResponse(berkas, filename=os.path.basename(log.bukti.name))


log_bukti.scoped_model = LogHarian
