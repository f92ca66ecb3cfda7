"""Staff pages of the SKM (HR, unit heads, pimpinan daerah). Thin views: reads through
selectors (scoped with visible_to + role), writes through services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView
from django_filters.views import FilterView

from asn_kinerja.pdf import pdf_response, render_pdf
from asn_kinerja.views import galat_ke_form
from organisasi import peran

from . import selectors, services
from .akses import boleh_melihat, boleh_menjawab
from .filters import TanggapanFilter
from .forms import JawabanForm, PeriodeForm, UnitLayananBukaForm, UnitLayananUbahForm
from .models import TanggapanSKM, UnitLayanan
from .qr import qr_data_uri, qr_svg

PER_HALAMAN = 25


class AksesMixin:
    """Staff pages: 403 for roles without SKM access; `perlu_kelola` for HR-only pages."""

    perlu_kelola = False

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not boleh_melihat(request.user):
            raise PermissionDenied(
                _(
                    "Halaman survei layanan hanya untuk admin kepegawaian, pimpinan, dan kepala unit."
                )
            )
        if self.perlu_kelola and not peran.is_hr(request.user):
            raise PermissionDenied(_("Hanya admin kepegawaian yang dapat melakukan ini."))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["boleh_kelola"] = peran.is_hr(self.request.user)
        ctx["boleh_menjawab"] = boleh_menjawab(self.request.user)
        return ctx


class PeriodeMixin:
    def periode_form(self) -> PeriodeForm:
        if not hasattr(self, "_periode_form"):
            data = self.request.GET if {"mulai", "selesai"} & set(self.request.GET) else None
            self._periode_form = PeriodeForm(data)
        return self._periode_form

    def periode(self):
        return self.periode_form().periode()


class UnitLayananListView(AksesMixin, PeriodeMixin, ListView):
    template_name = "skm/unitlayanan_list.html"
    paginate_by = PER_HALAMAN
    context_object_name = "unit_list"

    URUT = {"nama": "nama_publik", "ikm": "ikm", "n": "n", "belum": "belum_dijawab"}

    def get_queryset(self):
        mulai, selesai = self.periode()
        qs = selectors.ikm_per_unit(actor=self.request.user, mulai=mulai, selesai=selesai)
        q = self.request.GET.get("q", "").strip()[:100]
        if q:
            qs = qs.filter(nama_publik__icontains=q)
        o = self.request.GET.get("o", "nama")
        kolom = self.URUT.get(o.lstrip("-"), "nama_publik")
        if o.startswith("-"):
            return qs.order_by(f"-{kolom}", "nama_publik")
        return qs.order_by(kolom, "nama_publik")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["periode_form"] = self.periode_form()
        ctx["mulai"], ctx["selesai"] = self.periode()
        ctx["baris"] = [(u, selectors.hasil_ikm(vars(u))) for u in ctx["unit_list"]]
        return ctx


class UnitLayananCreateView(AksesMixin, FormView):
    perlu_kelola = True
    template_name = "skm/unitlayanan_form.html"
    form_class = UnitLayananBukaForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def form_valid(self, form):
        try:
            ul = services.unit_layanan_buka(
                actor=self.request.user,
                unit=form.cleaned_data["unit"],
                nama_publik=form.cleaned_data["nama_publik"],
                jenis_layanan=form.daftar_layanan(),
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Unit layanan dibuka untuk survei. Cetak posternya dan pasang di loket."),
        )
        return redirect(ul)


class UnitLayananDetailView(AksesMixin, PeriodeMixin, DetailView):
    model = UnitLayanan
    template_name = "skm/unitlayanan_detail.html"
    context_object_name = "ul"

    def get_queryset(self):
        return selectors.unit_layanan_list(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ul = self.object
        mulai, selesai = self.periode()
        tanggapan = selectors.tanggapan_list(actor=self.request.user).filter(unit_layanan=ul)
        ctx.update(
            periode_form=self.periode_form(),
            mulai=mulai,
            selesai=selesai,
            ikm=selectors.ikm_dari(tanggapan.antara(mulai, selesai)),
            tren=selectors.tren_bulanan(tanggapan.antara(mulai, selesai)),
            komentar_terbaru=tanggapan.exclude(komentar="").antara(mulai, selesai)[:5],
            ringkasan=selectors.ringkasan_tanggapan(tanggapan.antara(mulai, selesai)),
            penolakan=selectors.penolakan_ringkas(
                actor=self.request.user, mulai=mulai, selesai=selesai, unit_layanan=ul
            ),
            jenis_layanan=ul.jenis_layanan.all(),
            jumlah_petugas=ul.petugas.count(),
            qr=qr_svg(ul.get_public_absolute_url(), skala=4),
        )
        return ctx


class UnitLayananUpdateView(AksesMixin, FormView):
    perlu_kelola = True
    model = UnitLayanan
    template_name = "skm/unitlayanan_form.html"
    form_class = UnitLayananUbahForm

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = None

    def dispatch(self, request, *args, **kwargs):
        if peran.is_hr(request.user):  # others get the mixin's 403 first
            self.object = get_object_or_404(
                selectors.unit_layanan_list(actor=request.user), pk=kwargs["pk"]
            )
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        ul = self.object
        return {
            "nama_publik": ul.nama_publik,
            "jenis_layanan": "\n".join(j.nama for j in ul.jenis_layanan.all() if j.aktif),
            "petugas": list(ul.petugas.values_list("pk", flat=True)),
        }

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "actor": self.request.user,
            "unit_layanan": self.object,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(ul=self.object, **kwargs)

    def form_valid(self, form):
        try:
            services.unit_layanan_ubah(
                actor=self.request.user,
                unit_layanan=self.object,
                nama_publik=form.cleaned_data["nama_publik"],
                jenis_layanan=form.daftar_layanan(),
                petugas=form.cleaned_data["petugas"],
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Perubahan unit layanan disimpan."))
        return redirect(self.object)


class UnitLayananStatusView(AksesMixin, View):
    """POST dibuka=1|0: opens or closes the unit for feedback (HR)."""

    perlu_kelola = True
    model = UnitLayanan
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        ul = get_object_or_404(selectors.unit_layanan_list(actor=request.user), pk=pk)
        dibuka = request.POST.get("dibuka") == "1"
        services.unit_layanan_atur_status(actor=request.user, unit_layanan=ul, dibuka=dibuka)
        if dibuka:
            messages.success(request, _("Survei %(u)s dibuka kembali.") % {"u": ul})
        else:
            messages.success(
                request,
                _("Survei %(u)s ditutup. Tautan publik menampilkan pemberitahuan.") % {"u": ul},
            )
        return redirect(ul)


class UnitLayananPosterView(AksesMixin, DetailView):
    """The printable A4 poster with the wilayah's letterhead and the QR code."""

    model = UnitLayanan

    def get_queryset(self):
        return selectors.unit_layanan_list(actor=self.request.user)

    def render_to_response(self, context, **kwargs):
        ul = self.object
        url = ul.get_public_absolute_url()
        pdf = render_pdf(
            "skm/pdf/poster.html",
            {"ul": ul, "url": url, "qr_uri": qr_data_uri(url)},
            wilayah=ul.wilayah,
        )
        return pdf_response(pdf, f"poster-skm-{ul.unit.kode}.pdf", inline=True)


class TanggapanListView(AksesMixin, FilterView):
    template_name = "skm/tanggapan_list.html"
    filterset_class = TanggapanFilter
    paginate_by = PER_HALAMAN
    context_object_name = "tanggapan_list"

    URUT = {
        "dikirim_pada": "dikirim_pada",
        "nilai": "total_nilai",
        "unit": "unit_layanan__nama_publik",
    }

    def get_queryset(self):
        o = self.request.GET.get("o", "-dikirim_pada")
        kolom = self.URUT.get(o.lstrip("-"), "dikirim_pada")
        arah = "-" if o.startswith("-") else ""
        return selectors.tanggapan_list(actor=self.request.user).order_by(f"{arah}{kolom}", "-pk")

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "actor": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["ringkasan"] = selectors.ringkasan_tanggapan(self.object_list)
        return ctx


class TanggapanDetailView(AksesMixin, DetailView):
    model = TanggapanSKM
    template_name = "skm/tanggapan_detail.html"
    context_object_name = "t"

    def get_queryset(self):
        return selectors.tanggapan_list(actor=self.request.user).select_related(
            "dijawab_oleh", "unit_layanan__wilayah"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        t = self.object
        ctx["form"] = kwargs.get("form") or JawabanForm(
            initial={"jawaban": t.jawaban, "ditindaklanjuti": t.ditindaklanjuti}
        )
        from .unsur import UNSUR

        ctx["nilai_unsur"] = [
            (u, getattr(t, u.kode), u.jawaban[getattr(t, u.kode) - 1]) for u in UNSUR
        ]
        return ctx

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.object = self.get_object()
        if not boleh_menjawab(request.user):
            raise PermissionDenied(_("Anda tidak berwenang menjawab tanggapan ini."))
        form = JawabanForm(request.POST)
        if form.is_valid():
            try:
                services.tanggapan_jawab(
                    actor=request.user,
                    tanggapan=self.object,
                    jawaban=form.cleaned_data["jawaban"],
                    ditindaklanjuti=form.cleaned_data["ditindaklanjuti"],
                )
            except ValidationError as exc:
                galat_ke_form(form, exc)
            else:
                messages.success(
                    request, _("Jawaban disimpan dan tampil di halaman tindak lanjut warga.")
                )
                return HttpResponseRedirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form), status=400)


class TanggapanTindakLanjutView(AksesMixin, View):
    model = TanggapanSKM
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        t = get_object_or_404(selectors.tanggapan_list(actor=request.user), pk=pk)
        services.tanggapan_tandai_ditindaklanjuti(actor=request.user, tanggapan=t)
        messages.success(request, _("Tanggapan ditandai sudah ditindaklanjuti."))
        return redirect(t)


class IkmView(AksesMixin, PeriodeMixin, TemplateView):
    """IKM of every visible unit for a period, the overall IKM, the monthly trend, the
    weakest elements and the rejected submissions."""

    template_name = "skm/ikm.html"
    scoping_exempt = "tanpa id objek"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        mulai, selesai = self.periode()
        tanggapan = selectors.tanggapan_list(actor=user).antara(mulai, selesai)
        # The ten weakest units with responses; the full, paginated table is the unit list.
        per_unit = (
            selectors.ikm_per_unit(actor=user, mulai=mulai, selesai=selesai)
            .filter(n__gt=0)
            .order_by("ikm", "nama_publik")[:10]
        )
        ctx.update(
            periode_form=self.periode_form(),
            mulai=mulai,
            selesai=selesai,
            ikm=selectors.ikm_dari(tanggapan),
            tren=selectors.tren_bulanan(tanggapan),
            per_unit=[(u, selectors.hasil_ikm(vars(u))) for u in per_unit],
            penolakan=selectors.penolakan_ringkas(actor=user, mulai=mulai, selesai=selesai),
        )
        return ctx
