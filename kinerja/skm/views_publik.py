"""Public citizen pages (no login): the survey form, the thank-you page, the follow-up page
and officers' photos. Light pages: plain HTML forms, no htmx, no charts.

Nothing internal leaks: the page shows the unit's public name, its services and its listed
officers by name and photo only (no NIP, no other units' staff, no other responses). The
follow-up page is reached only with the response's secret key."""

from __future__ import annotations

import mimetypes
from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views import View
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from . import antispam, selectors, services
from .forms import FormulirSKMForm
from .models import AlasanPenolakan

PESAN_DITOLAK = {
    AlasanPenolakan.BATAS_IP: _l(
        "Terlalu banyak tanggapan terkirim dari jaringan Anda dalam waktu singkat. Silakan coba lagi sekitar satu jam lagi."
    ),
    AlasanPenolakan.BATAS_UNIT: _l(
        "Layanan ini sedang menerima sangat banyak tanggapan. Silakan coba lagi beberapa saat lagi."
    ),
    AlasanPenolakan.DUPLIKAT: _l(
        "Tanggapan yang sama baru saja kami terima. Terima kasih, Anda tidak perlu mengirim ulang."
    ),
    AlasanPenolakan.DITUTUP: _l(
        "Survei untuk layanan ini sedang ditutup. Terima kasih atas niat baik Anda."
    ),
    AlasanPenolakan.TERPAKAI: _l(
        "Formulir ini sudah pernah dikirim, jadi tidak kami terima lagi. Bila Anda ingin mengirim tanggapan baru, buka kembali tautan survei."
    ),
    AlasanPenolakan.HONEYPOT: _l(
        "Tanggapan Anda belum dapat kami terima. Silakan muat ulang halaman lalu coba lagi."
    ),
}
#: Reasons for which the form is shown again with the citizen's answers and a fresh token.
ULANGI_FORMULIR = {
    AlasanPenolakan.TERLALU_CEPAT: _l(
        "Formulir terkirim terlalu cepat. Mohon periksa kembali jawaban Anda, lalu tekan Kirim sekali lagi."
    ),
    AlasanPenolakan.KEDALUWARSA: _l(
        "Formulir sudah terlalu lama dibuka. Jawaban Anda masih ada: periksa, lalu tekan Kirim sekali lagi."
    ),
}


def _publik(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "same-origin"
    return response


class FormulirView(View):
    template_name = "skm/publik_form.html"
    scoping_exempt = "halaman publik; token, bukan id"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.ul = selectors.unit_layanan_publik(kwargs["token"])
        if self.ul is None:
            raise Http404(_("Tautan survei tidak ditemukan."))
        return super().dispatch(request, *args, **kwargs)

    def render(self, form=None, *, pesan: str = "", status: int = 200) -> HttpResponse:
        from django.shortcuts import render

        if form is None:
            form = FormulirSKMForm(unit_layanan=self.ul)
        ctx = {
            "ul": self.ul,
            "wilayah": self.ul.wilayah,
            "form": form,
            "token_formulir": antispam.token_formulir(self.ul.pk),
            "pesan": pesan,
        }
        template = self.template_name if self.ul.dibuka else "skm/publik_ditutup.html"
        return _publik(render(self.request, template, ctx, status=status))

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return self.render()

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        from django.shortcuts import render

        form = FormulirSKMForm(request.POST, unit_layanan=self.ul)
        if not form.is_valid():
            return self.render(form, status=400)
        try:
            t = services.tanggapan_kirim(
                unit_layanan=self.ul,
                data=form.cleaned_data,
                ip=antispam.alamat_ip(request),
                token=form.cleaned_data["t"],
                honeypot=form.cleaned_data["website"],
            )
        except antispam.Ditolak as tolak:
            if tolak.alasan in ULANGI_FORMULIR:
                return self.render(form, pesan=ULANGI_FORMULIR[tolak.alasan], status=400)
            if tolak.alasan in {AlasanPenolakan.BATAS_IP, AlasanPenolakan.BATAS_UNIT}:
                status = 429
            elif tolak.alasan == AlasanPenolakan.TERPAKAI:
                status = 409
            else:
                status = 200
            ctx = {"ul": self.ul, "wilayah": self.ul.wilayah, "pesan": PESAN_DITOLAK[tolak.alasan]}
            return _publik(render(request, "skm/publik_ditolak.html", ctx, status=status))
        return redirect("publik:skm_terima_kasih", kunci=t.kunci)


class _DenganKunci(TemplateView):
    scoping_exempt = "halaman publik; kunci rahasia, bukan id"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.t = selectors.tanggapan_publik(kwargs["kunci"])
        if self.t is None:
            raise Http404(_("Tanggapan tidak ditemukan."))
        return _publik(super().get(request, *args, **kwargs))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        t = self.t
        ctx.update(t=t, ul=t.unit_layanan, wilayah=t.unit_layanan.wilayah)
        ctx["tautan"] = self.request.build_absolute_uri(t.get_public_url())
        return ctx


class TerimaKasihView(_DenganKunci):
    template_name = "skm/publik_terima_kasih.html"


class TindakLanjutView(_DenganKunci):
    template_name = "skm/publik_tindak_lanjut.html"


@require_GET
def foto_petugas(request: HttpRequest, token: str, pegawai_id: int) -> HttpResponse:
    """A listed officer's photo, only through their unit's public token: nobody else's
    photo is reachable here."""
    ul = selectors.unit_layanan_publik(token)
    foto = selectors.foto_petugas_publik(ul, pegawai_id) if ul and ul.dibuka else None
    if foto is None:
        raise Http404
    try:
        fh = foto.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    resp = FileResponse(fh, content_type=mimetypes.guess_type(foto.name)[0] or "image/jpeg")
    resp["Cache-Control"] = "public, max-age=86400"
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


foto_petugas.scoping_exempt = "halaman publik"
