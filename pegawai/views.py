"""Views of employee records: list/export, profile, editing, histories, import, placement.

Thin views: lookups go through selectors (scoped, so another wilayah's object is a 404),
writes through services. HR-only pages answer 403 to other roles.
"""

from __future__ import annotations

import csv
import io
import mimetypes
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import DetailView, FormView, ListView, RedirectView
from django_filters.views import FilterView

from asn_kinerja.ekspor import baris_aman
from asn_kinerja.views import galat_ke_form, pesan_form
from asn_kinerja.waktu import hari_ini
from organisasi.models import Jabatan
from organisasi.peran import HRWajibMixin

from . import forms, impor, penempatan, rules, selectors, services
from .filters import PegawaiFilter
from .models import (
    Diklat,
    HukumanDisiplin,
    ImporPegawai,
    KompetensiPegawai,
    Pegawai,
    Penghargaan,
    RiwayatJabatan,
    RiwayatPangkat,
    RiwayatPendidikan,
    UsulanMutasi,
)


def _wajib(boleh: bool) -> None:
    if not boleh:
        raise PermissionDenied(_("Anda tidak berhak membuka halaman ini."))


# --- list and export ------------------------------------------------------------------------


class PegawaiListView(FilterView):
    template_name = "pegawai/pegawai_list.html"
    filterset_class = PegawaiFilter
    paginate_by = 25
    context_object_name = "daftar"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _wajib(request.user.is_authenticated and selectors.boleh_lihat_daftar(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        tahun = hari_ini().year
        return selectors.pegawai_daftar(actor=self.request.user, tahun=tahun).order_by("nama", "pk")

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "actor": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["tahun"] = hari_ini().year
        ctx["hak_jp"] = selectors.HAK_JP_TAHUNAN
        ctx["boleh_kelola"] = selectors.boleh_kelola(self.request.user)
        ctx["querystring"] = self.request.GET.urlencode()
        return ctx


KOLOM_EKSPOR = [
    (gettext_lazy("NIP"), lambda p: p.nip),
    (gettext_lazy("Nama"), lambda p: p.nama_lengkap),
    (gettext_lazy("Jenis kelamin"), lambda p: p.get_jenis_kelamin_display()),
    (gettext_lazy("Tanggal lahir"), lambda p: p.tanggal_lahir.strftime("%d-%m-%Y")),
    (gettext_lazy("Status"), lambda p: p.get_status_kepegawaian_display()),
    (gettext_lazy("Golongan"), lambda p: p.golongan),
    (gettext_lazy("Pangkat"), lambda p: p.pangkat),
    (gettext_lazy("Jabatan"), lambda p: p.jabatan.nama if p.jabatan_id else ""),
    (gettext_lazy("Unit kerja"), lambda p: p.unit.nama),
    (gettext_lazy("Pendidikan"), lambda p: p.get_pendidikan_terakhir_display()),
    (gettext_lazy("Bidang pendidikan"), lambda p: p.bidang_pendidikan),
    (gettext_lazy("JP tahun ini"), lambda p: p.jp_tahun),
    (gettext_lazy("Status aktif"), lambda p: p.get_status_aktif_display()),
]


class PegawaiExportView(View):
    """The filtered list as .xlsx (default) or .csv (?format=csv). Same selector and filter
    as the page; streamed in chunks of 2,000 rows."""

    def get(self, request: HttpRequest) -> HttpResponse:
        _wajib(selectors.boleh_lihat_daftar(request.user))
        qs = selectors.pegawai_daftar(actor=request.user, tahun=hari_ini().year).order_by(
            "nama", "pk"
        )
        qs = PegawaiFilter(request.GET, queryset=qs, actor=request.user).qs
        judul = [str(k) for k, _f in KOLOM_EKSPOR]
        nama = f"pegawai-{hari_ini():%Y%m%d}"
        if request.GET.get("format") == "csv":
            out = io.StringIO()
            out.write("\ufeff")  # Excel opens UTF-8 CSV correctly with a BOM
            w = csv.writer(out, delimiter=";")
            w.writerow(baris_aman(judul))
            for p in qs.iterator(chunk_size=2000):
                w.writerow(baris_aman(f(p) for _k, f in KOLOM_EKSPOR))
            resp = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
            resp["Content-Disposition"] = f'attachment; filename="{nama}.csv"'
            return resp
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Pegawai")
        ws.append(baris_aman(judul))
        for p in qs.iterator(chunk_size=2000):
            ws.append(baris_aman(f(p) for _k, f in KOLOM_EKSPOR))
        buf = io.BytesIO()
        wb.save(buf)
        resp = HttpResponse(
            buf.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        resp["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
        return resp


# --- profile --------------------------------------------------------------------------------


@dataclass(frozen=True)
class JenisRiwayat:
    slug: str
    model: type
    form: type
    judul: str
    tab: str


RIWAYAT = [
    JenisRiwayat("pendidikan", RiwayatPendidikan, forms.RiwayatPendidikanForm,
                 gettext_lazy("Riwayat pendidikan"), "pendidikan"),
    JenisRiwayat("pangkat", RiwayatPangkat, forms.RiwayatPangkatForm,
                 gettext_lazy("Riwayat pangkat"), "pangkat"),
    JenisRiwayat("jabatan", RiwayatJabatan, forms.RiwayatJabatanForm,
                 gettext_lazy("Riwayat jabatan"), "jabatan"),
    JenisRiwayat("diklat", Diklat, forms.DiklatForm, gettext_lazy("Diklat"), "diklat"),
    JenisRiwayat("kompetensi", KompetensiPegawai, forms.KompetensiPegawaiForm,
                 gettext_lazy("Kompetensi"), "kompetensi"),
    JenisRiwayat("penghargaan", Penghargaan, forms.PenghargaanForm,
                 gettext_lazy("Penghargaan"), "penghargaan"),
    JenisRiwayat("hukuman", HukumanDisiplin, forms.HukumanDisiplinForm,
                 gettext_lazy("Hukuman disiplin"), "hukuman"),
]  # fmt: skip


class PegawaiDetailView(DetailView):
    """The profile with its tabs. Employees see their own, section heads their subtree, HR and
    pimpinan their wilayah; anything else is a 404."""

    model = Pegawai
    template_name = "pegawai/pegawai_detail.html"
    context_object_name = "pegawai"

    def get_queryset(self):
        return selectors.pegawai_profil(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        p: Pegawai = self.object
        user = self.request.user
        tahun = hari_ini().year
        jp = selectors.jp_dari_prefetch(p, tahun)
        hak = selectors.HAK_JP_TAHUNAN
        ctx.update(
            tahun=tahun,
            jp=jp,
            hak_jp=hak,
            jp_persen=rules.jp_persen(jp, hak),
            jp_kurang=rules.jp_kurang(jp, hak),
            linimasa=selectors.linimasa_karier(p),
            boleh_kelola=selectors.boleh_kelola(user, p),
            boleh_ubah_kontak=selectors.boleh_ubah_kontak(user, p),
            milik_sendiri=p.pengguna_id == user.pk,
            boleh_lihat_daftar=selectors.boleh_lihat_daftar(user),
            tab=self.request.GET.get("tab", "data"),
        )
        return ctx


class PegawaiSayaView(RedirectView):
    def get_redirect_url(self, *args: Any, **kwargs: Any) -> str:
        p = selectors.pegawai_dari_pengguna(self.request.user)
        if p is None:
            raise Http404(_("Akun Anda belum terhubung dengan data pegawai."))
        return p.get_absolute_url()


class PegawaiFotoView(View):
    """The photo, only to whoever may see the profile (no public media URL)."""

    model = Pegawai

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        p = get_object_or_404(selectors.pegawai_list(actor=request.user), pk=pk)
        if not p.foto:
            raise Http404
        return _berkas(p.foto, inline=True)


def _berkas(f: Any, *, inline: bool) -> FileResponse:
    try:
        handle = f.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    jenis = mimetypes.guess_type(f.name)[0] or "application/octet-stream"
    resp = FileResponse(handle, content_type=jenis, as_attachment=not inline,
                        filename=f.name.rsplit("/", 1)[-1])  # fmt: skip
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Cache-Control"] = "private, max-age=300"
    return resp


class DiklatSertifikatView(View):
    model = Diklat

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        d = get_object_or_404(
            Diklat.objects.visible_to(request.user).filter(
                pegawai__in=selectors.pegawai_list(actor=request.user)
            ),
            pk=pk,
        )
        if not d.sertifikat:
            raise Http404
        return _berkas(d.sertifikat, inline=False)


# --- editing --------------------------------------------------------------------------------


class PegawaiCreateView(HRWajibMixin, FormView):
    form_class = forms.PegawaiForm
    template_name = "pegawai/pegawai_form.html"
    scoping_exempt = "membuat pegawai baru; tidak ada id objek di URL"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def form_valid(self, form: forms.PegawaiForm) -> HttpResponse:
        try:
            p = services.pegawai_simpan(actor=self.request.user, pegawai=form.instance)
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Data pegawai %(n)s disimpan.") % {"n": p.nama_lengkap})
        return redirect(p)


class PegawaiUpdateView(HRWajibMixin, FormView):
    model = Pegawai
    form_class = forms.PegawaiForm
    template_name = "pegawai/pegawai_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = get_object_or_404(Pegawai.objects.visible_to(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user, "instance": self.object}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "pegawai": self.object}

    def form_valid(self, form: forms.PegawaiForm) -> HttpResponse:
        try:
            p = services.pegawai_simpan(actor=self.request.user, pegawai=form.instance)
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Data pegawai %(n)s disimpan.") % {"n": p.nama_lengkap})
        return redirect(p)


class PegawaiKontakView(FormView):
    """Contact data: the employee themself (and HR)."""

    model = Pegawai
    form_class = forms.KontakForm
    template_name = "pegawai/pegawai_kontak_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = get_object_or_404(selectors.pegawai_list(actor=request.user), pk=kwargs["pk"])
        _wajib(selectors.boleh_ubah_kontak(request.user, self.object))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user, "instance": self.object}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "pegawai": self.object}

    def form_valid(self, form: forms.KontakForm) -> HttpResponse:
        d = form.cleaned_data
        try:
            services.pegawai_ubah_kontak(
                actor=self.request.user, pegawai=self.object,
                email=d["email"], telepon=d["telepon"], alamat=d["alamat"],
            )  # fmt: skip
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Data kontak disimpan."))
        return redirect(self.object)


# --- histories (one create/update/delete view per kind, generated below) --------------------


class RiwayatCreateView(HRWajibMixin, FormView):
    jenis: JenisRiwayat
    template_name = "pegawai/pegawai_riwayat_form.html"
    scoped_model = Pegawai

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.pegawai = get_object_or_404(Pegawai.objects.visible_to(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_class(self):
        return self.jenis.form

    def get_instance(self):
        return None

    def get_form_kwargs(self) -> dict[str, Any]:
        kw = {**super().get_form_kwargs(), "actor": self.request.user, "pegawai": self.pegawai}
        if self.get_instance() is not None:
            kw["instance"] = self.get_instance()
        return kw

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "pegawai": self.pegawai,
                "jenis": self.jenis, "objek": self.get_instance()}  # fmt: skip

    def form_valid(self, form) -> HttpResponse:
        try:
            services.riwayat_simpan(actor=self.request.user, obj=form.instance)
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("%(j)s disimpan.") % {"j": self.jenis.judul})
        return redirect(f"{self.pegawai.get_absolute_url()}?tab={self.jenis.tab}")


class RiwayatUpdateView(RiwayatCreateView):
    scoped_model = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.objek = get_object_or_404(
            self.jenis.model.objects.visible_to(request.user).select_related("pegawai"),
            pk=kwargs["pk"],
        )
        self.pegawai = self.objek.pegawai
        return HRWajibMixin.dispatch(self, request, *args, **kwargs)

    def get_instance(self):
        return self.objek


class RiwayatDeleteView(HRWajibMixin, View):
    jenis: JenisRiwayat
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        objek = get_object_or_404(
            self.jenis.model.objects.visible_to(request.user).select_related("pegawai"), pk=pk
        )
        services.riwayat_hapus(actor=request.user, obj=objek)
        messages.success(request, _("%(j)s dihapus.") % {"j": self.jenis.judul})
        return redirect(f"{objek.pegawai.get_absolute_url()}?tab={self.jenis.tab}")


def riwayat_urlpatterns() -> list:
    pola = []
    for j in RIWAYAT:
        buat = type(f"{j.model.__name__}CreateView", (RiwayatCreateView,), {"jenis": j})
        ubah = type(f"{j.model.__name__}UpdateView", (RiwayatUpdateView,),
                    {"jenis": j, "model": j.model})  # fmt: skip
        hapus = type(f"{j.model.__name__}DeleteView", (RiwayatDeleteView,),
                     {"jenis": j, "model": j.model})  # fmt: skip
        pola += [
            path(f"<int:pk>/{j.slug}/tambah/", buat.as_view(), name=f"riwayat_{j.slug}_create"),
            path(f"{j.slug}/<int:pk>/ubah/", ubah.as_view(), name=f"riwayat_{j.slug}_update"),
            path(f"{j.slug}/<int:pk>/hapus/", hapus.as_view(), name=f"riwayat_{j.slug}_delete"),
        ]
    return pola


# --- import ---------------------------------------------------------------------------------


class ImporListView(HRWajibMixin, ListView):
    template_name = "pegawai/impor_list.html"
    paginate_by = 25
    context_object_name = "daftar"

    def get_queryset(self):
        return selectors.impor_pegawai_list(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["form"] = kwargs.get("form") or forms.ImporForm(actor=self.request.user)
        ctx["kolom"] = impor.KOLOM
        return ctx

    def post(self, request: HttpRequest) -> HttpResponse:
        form = forms.ImporForm(request.POST, request.FILES, actor=request.user)
        if form.is_valid():
            try:
                hasil = impor.impor_pratinjau(
                    actor=request.user, berkas=form.cleaned_data["berkas"]
                )
            except ValidationError as e:
                form.add_error("berkas", e.messages)
            else:
                return redirect(hasil)
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ImporDetailView(HRWajibMixin, DetailView):
    model = ImporPegawai
    template_name = "pegawai/impor_detail.html"
    context_object_name = "impor"

    def get_queryset(self):
        return selectors.impor_pegawai_list(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        baris = self.object.baris
        hanya_galat = self.request.GET.get("galat") == "1"
        if hanya_galat:
            baris = [b for b in baris if b["galat"]]
        page = Paginator(baris, 25).get_page(self.request.GET.get("page"))
        page.object_list = [_baris_pratinjau(b) for b in page.object_list]
        ctx["page_obj"] = page
        ctx["hanya_galat"] = hanya_galat
        return ctx


def _baris_pratinjau(b: dict) -> dict[str, Any]:
    """One preview row with every cell the page shows: a file may lack any optional column
    (the row's `mentah` then has no such key; issue 19: a missing key used as a filter
    argument was a 500)."""
    mentah, data = b.get("mentah") or {}, b.get("data") or {}

    def sel(kunci: str) -> str:
        nilai = mentah.get(kunci)
        return "" if nilai is None else str(nilai).strip()

    nama = " ".join(x for x in (sel("GELAR_DEPAN"), sel("NAMA")) if x)
    if sel("GELAR_BELAKANG"):
        nama = f"{nama}, {sel('GELAR_BELAKANG')}"
    return {
        "no": b.get("no"),
        "nip": sel("NIP"),
        "nama": nama,
        "unit": data.get("unit_nama") or sel("KODE_UNIT"),
        "jabatan": data.get("jabatan_nama") or sel("NAMA_JABATAN"),
        "galat": b.get("galat") or [],
    }


class ImporJalankanView(HRWajibMixin, View):
    model = ImporPegawai
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        objek = get_object_or_404(selectors.impor_pegawai_list(actor=request.user), pk=pk)
        try:
            n = impor.impor_jalankan(actor=request.user, impor=objek)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, _("%(n)s pegawai berhasil diimpor.") % {"n": n})
        return redirect(objek)


class ImporBatalkanView(HRWajibMixin, View):
    model = ImporPegawai
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        objek = get_object_or_404(selectors.impor_pegawai_list(actor=request.user), pk=pk)
        try:
            impor.impor_batalkan(actor=request.user, impor=objek)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.info(request, _("Impor dibatalkan; tidak ada data yang ditulis."))
        return redirect("pegawai:impor_list")


class ImporTemplatView(HRWajibMixin, View):
    def get(self, request: HttpRequest) -> HttpResponse:
        if request.GET.get("format") == "csv":
            resp = HttpResponse(
                "\ufeff" + impor.templat_csv(), content_type="text/csv; charset=utf-8"
            )
            resp["Content-Disposition"] = 'attachment; filename="templat-impor-pegawai.csv"'
            return resp
        resp = HttpResponse(
            impor.templat_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        resp["Content-Disposition"] = 'attachment; filename="templat-impor-pegawai.xlsx"'
        return resp


# --- placement ------------------------------------------------------------------------------


class PenempatanListView(HRWajibMixin, ListView):
    """Positions to fill (vacant or short of their needed headcount) and pending proposals."""

    template_name = "pegawai/penempatan_list.html"
    paginate_by = 25
    context_object_name = "daftar"

    def get_queryset(self):
        qs = penempatan.jabatan_penempatan(actor=self.request.user)
        if self.request.GET.get("semua") != "1":
            qs = qs.filter(kekurangan__gt=0)
        q = self.request.GET.get("q", "").strip()
        if q:
            qs = qs.filter(nama__icontains=q) | qs.filter(unit__nama__icontains=q)
        return qs.order_by("-kekurangan", "unit__path", "nama")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["usulan"] = selectors.usulan_mutasi_list(actor=self.request.user).menunggu()[:25]
        ctx["semua"] = self.request.GET.get("semua") == "1"
        return ctx


class PenempatanKandidatView(HRWajibMixin, DetailView):
    model = Jabatan
    template_name = "pegawai/penempatan_kandidat.html"
    context_object_name = "jabatan"

    def get_queryset(self):
        return penempatan.jabatan_penempatan(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        qs = penempatan.kandidat_penempatan(actor=self.request.user, jabatan=self.object)
        page = Paginator(qs, 25).get_page(self.request.GET.get("page"))
        ctx["kebutuhan"] = penempatan.lengkapi_alasan(list(page.object_list), self.object)
        ctx["page_obj"] = page
        ctx["kandidat"] = page.object_list
        ctx["bobot"] = {
            "pendidikan": penempatan.BOBOT_PENDIDIKAN, "bidang": penempatan.BOBOT_BIDANG,
            "kompetensi": penempatan.BOBOT_KOMPETENSI, "pangkat": penempatan.BOBOT_PANGKAT,
            "predikat": penempatan.BOBOT_PREDIKAT,
        }  # fmt: skip
        return ctx


class PenempatanUsulkanView(HRWajibMixin, View):
    model = Jabatan
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        jabatan = get_object_or_404(penempatan.jabatan_penempatan(actor=request.user), pk=pk)
        form = forms.UsulkanMutasiForm(request.POST, actor=request.user)
        if not form.is_valid():
            messages.error(request, pesan_form(form))
            return redirect("pegawai:penempatan_kandidat", pk=pk)
        pegawai = form.cleaned_data["pegawai"]
        kandidat = (
            penempatan.kandidat_penempatan(actor=request.user, jabatan=jabatan)
            .filter(pk=pegawai.pk)
            .first()
        )
        try:
            usulan = services.usulan_mutasi_buat(
                actor=request.user, pegawai=pegawai, jabatan=jabatan,
                skor=kandidat.skor if kandidat else 0, alasan=form.cleaned_data["alasan"],
            )  # fmt: skip
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return redirect("pegawai:penempatan_kandidat", pk=pk)
        messages.success(
            request,
            _("Mutasi %(p)s ke %(j)s diusulkan; konfirmasikan dengan TMT dan nomor SK.")
            % {"p": pegawai.nama_lengkap, "j": jabatan.nama},
        )
        return redirect(usulan)


class UsulanMutasiDetailView(HRWajibMixin, DetailView):
    model = UsulanMutasi
    template_name = "pegawai/penempatan_usulan_detail.html"
    context_object_name = "usulan"

    def get_queryset(self):
        return selectors.usulan_mutasi_list(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("form_setujui", forms.SetujuiMutasiForm(
            actor=self.request.user, initial={"tmt": hari_ini()}))  # fmt: skip
        ctx.setdefault("form_tolak", forms.TolakMutasiForm(actor=self.request.user))
        return ctx


class UsulanMutasiSetujuiView(UsulanMutasiDetailView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.object = self.get_object()
        form = forms.SetujuiMutasiForm(request.POST, actor=request.user)
        if form.is_valid():
            try:
                services.usulan_mutasi_setujui(actor=request.user, usulan=self.object,
                                               **form.cleaned_data)  # fmt: skip
            except ValidationError as e:
                galat_ke_form(form, e)
            else:
                messages.success(
                    request,
                    _("Mutasi disetujui: %(p)s kini %(j)s. Riwayat jabatan telah dicatat.")
                    % {"p": self.object.pegawai.nama_lengkap, "j": self.object.jabatan_tujuan.nama},
                )
                return redirect(self.object.pegawai)
        return self.render_to_response(self.get_context_data(form_setujui=form), status=400)


class UsulanMutasiTolakView(UsulanMutasiDetailView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        self.object = self.get_object()
        form = forms.TolakMutasiForm(request.POST, actor=request.user)
        if form.is_valid():
            try:
                services.usulan_mutasi_tolak(actor=request.user, usulan=self.object,
                                             catatan=form.cleaned_data["catatan"])  # fmt: skip
            except ValidationError as e:
                galat_ke_form(form, e)
            else:
                messages.info(request, _("Usulan mutasi ditolak."))
                return redirect("pegawai:penempatan_list")
        return self.render_to_response(self.get_context_data(form_tolak=form), status=400)
