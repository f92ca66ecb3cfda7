"""Pages of the organisation structure: org chart, units, positions with their workload
analysis (ABK), and the workforce-needs report with CSV/Excel export.

Thin views: reads go through selectors (scoped by `visible_to`), writes through services.
Objects are looked up in the actor's scoped queryset, so another wilayah's object is a 404;
a role without the right gets 403 (see AksesMixin)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import (
    CreateView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
)

from asn_kinerja.ekspor import aman_sel, baris_aman
from asn_kinerja.pengalihan import alihkan_next
from asn_kinerja.views import galat_ke_form
from asn_kinerja.waktu import hari_ini

from . import services
from .abk import hitung_abk, kebutuhan_tugas, ringkasan_abk
from .choices import KelasEfisiensi, StatusKebutuhan
from .filters import URUTAN_JABATAN, URUTAN_UNIT, JabatanFilter, KebutuhanFilter, per_unit, urutkan
from .forms import JabatanForm, KebutuhanKompetensiForm, TugasJabatanForm, UnitKerjaForm
from .models import Jabatan, KebutuhanKompetensi, TugasJabatan, UnitKerja
from .selectors import (
    BACA,
    BAGAN,
    KELOLA,
    akses_organisasi,
    bagan_akar,
    bagan_anak,
    bagan_unit,
    jabatan_abk,
    jabatan_list,
    kebutuhan_kompetensi_list,
    leluhur,
    pasang_jejak,
    pegawai_unit,
    pemangku_jabatan,
    ringkasan_beban,
    sub_unit,
    tugas_jabatan,
    tugas_list,
    unit_cari,
    unit_detail_qs,
    unit_list,
)

PER_HALAMAN = 25


class AksesMixin:
    """403 for a role that may not use the page at all (`akses`: bagan, baca or kelola)."""

    akses: str = BACA

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.hak = akses_organisasi(request.user)
        if not self.hak.boleh(self.akses):
            raise PermissionDenied(_("Anda tidak memiliki akses ke halaman ini."))
        self.siapkan()
        return super().dispatch(request, *args, **kwargs)

    def siapkan(self) -> None:
        """Hook after the role check: look up the objects of the URL (404 outside scope)."""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["hak"] = self.hak
        return ctx


def _kembali(request: HttpRequest, bawaan: str) -> HttpResponseRedirect:
    return alihkan_next(request, bawaan)


# --- org chart ------------------------------------------------------------------------------


class UnitListView(AksesMixin, TemplateView):
    """The org chart: the roots with their first level open, deeper levels loaded with htmx
    when a node is expanded; with ?q= a flat, paginated search result."""

    akses = BAGAN
    template_name = "organisasi/unit_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        q = (self.request.GET.get("q") or "").strip()[:100]
        ctx["q"] = q
        if q:
            page = Paginator(unit_cari(actor=self.request.user, q=q), PER_HALAMAN).get_page(
                self.request.GET.get("page")
            )
            pasang_jejak(list(page.object_list), actor=self.request.user)
            ctx["page_obj"] = page
            ctx["hasil"] = page.object_list
        else:
            ctx["akar"] = bagan_akar(actor=self.request.user)
        return ctx


class UnitChildrenView(AksesMixin, DetailView):
    """htmx fragment: the sub-units of one node of the org chart."""

    akses = BAGAN
    model = UnitKerja
    template_name = "organisasi/_unit_nodes.html"
    context_object_name = "induk"

    def get_queryset(self) -> QuerySet[UnitKerja]:
        return bagan_unit(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["units"] = bagan_anak(actor=self.request.user, unit=self.object)
        return ctx


# --- unit -----------------------------------------------------------------------------------


class UnitDetailView(AksesMixin, DetailView):
    model = UnitKerja
    template_name = "organisasi/unit_detail.html"
    context_object_name = "unit"

    def get_queryset(self) -> QuerySet[UnitKerja]:
        return unit_detail_qs(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user, unit = self.request.user, self.object
        ctx["leluhur"] = leluhur(actor=user, unit=unit)
        ctx["jabatan_list"] = (
            jabatan_abk(actor=user).filter(unit=unit).order_by("-aktif", "-is_kepala", "nama")
        )
        ctx["sub_unit"] = sub_unit(actor=user, unit=unit)
        ctx["pegawai_page"] = Paginator(pegawai_unit(unit=unit), PER_HALAMAN).get_page(
            self.request.GET.get("page")
        )
        ctx["page_obj"] = ctx["pegawai_page"]
        ctx["beban_unit"] = ringkasan_beban(actor=user, unit=unit)
        ctx["beban_subtree"] = ringkasan_beban(actor=user, unit=unit, subtree=True)
        return ctx


class UnitFormMixin(AksesMixin):
    akses = KELOLA
    form_class = UnitKerjaForm
    template_name = "organisasi/unit_form.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}


class UnitCreateView(UnitFormMixin, CreateView):
    model = UnitKerja

    def get_initial(self) -> dict[str, Any]:
        induk = self.request.GET.get("parent")
        if induk and induk.isdigit():
            return {"parent": unit_list(actor=self.request.user).filter(pk=induk).first()}
        return {}

    def form_valid(self, form: UnitKerjaForm) -> HttpResponse:
        try:
            unit = services.unit_buat(actor=self.request.user, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Unit „%(nama)s“ dibuat.") % {"nama": unit.nama})
        return HttpResponseRedirect(unit.get_absolute_url())


class UnitUpdateView(UnitFormMixin, UpdateView):
    model = UnitKerja
    context_object_name = "unit"

    def get_queryset(self) -> QuerySet[UnitKerja]:
        return unit_list(actor=self.request.user)

    def form_valid(self, form: UnitKerjaForm) -> HttpResponse:
        try:
            unit = services.unit_ubah(
                actor=self.request.user, unit=self.object, **form.cleaned_data
            )
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Unit „%(nama)s“ disimpan.") % {"nama": unit.nama})
        return HttpResponseRedirect(unit.get_absolute_url())


class AksiObjekView(AksesMixin, View):
    """A single-action POST on one object of the actor's scope (deactivate, delete...)."""

    akses = KELOLA
    model: type = UnitKerja

    def get_queryset(self) -> QuerySet:
        raise NotImplementedError

    def aksi(self, obj: Any) -> tuple[str, str]:
        """Runs the service; returns (success message, redirect URL)."""
        raise NotImplementedError

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        tujuan = obj.get_absolute_url()
        try:
            pesan, tujuan = self.aksi(obj)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, pesan)
        return _kembali(request, tujuan)


class UnitNonaktifkanView(AksiObjekView):
    model = UnitKerja

    def get_queryset(self) -> QuerySet:
        return unit_list(actor=self.request.user)

    def aksi(self, obj: UnitKerja) -> tuple[str, str]:
        unit = services.unit_nonaktifkan(actor=self.request.user, unit=obj)
        return _("Unit „%(nama)s“ dinonaktifkan.") % {"nama": unit.nama}, unit.get_absolute_url()


class UnitAktifkanView(AksiObjekView):
    model = UnitKerja

    def get_queryset(self) -> QuerySet:
        return unit_list(actor=self.request.user)

    def aksi(self, obj: UnitKerja) -> tuple[str, str]:
        unit = services.unit_aktifkan(actor=self.request.user, unit=obj)
        return _("Unit „%(nama)s“ diaktifkan kembali.") % {
            "nama": unit.nama
        }, unit.get_absolute_url()


# --- positions ------------------------------------------------------------------------------


class JabatanFilterMixin:
    """The filtered, sorted positions with their ABK numbers (list, report and export)."""

    urutan_bawaan = "unit"
    filterset_class: type[JabatanFilter] = JabatanFilter

    def jabatan_terfilter(self, urut: bool = True) -> tuple[JabatanFilter, QuerySet[Jabatan]]:
        qs = jabatan_abk(actor=self.request.user).filter(aktif=True)
        f = self.filterset_class(self.request.GET or None, queryset=qs, request=self.request)
        if f.is_bound and not f.is_valid():
            return f, qs.none()
        hasil = f.qs if f.is_bound else qs
        if not urut:
            return f, hasil
        return f, urutkan(hasil, self.request.GET.get("o"), URUTAN_JABATAN, self.urutan_bawaan)


class JabatanListView(AksesMixin, JabatanFilterMixin, ListView):
    template_name = "organisasi/jabatan_list.html"
    paginate_by = PER_HALAMAN
    context_object_name = "jabatan_list"

    def get_queryset(self) -> QuerySet[Jabatan]:
        self.filter, qs = self.jabatan_terfilter()
        return qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["filter"] = self.filter
        return ctx


class JabatanDetailView(AksesMixin, DetailView):
    model = Jabatan
    template_name = "organisasi/jabatan_detail.html"
    context_object_name = "jabatan"

    def get_queryset(self) -> QuerySet[Jabatan]:
        return jabatan_abk(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        j, user = self.object, self.request.user
        tugas = list(tugas_jabatan(jabatan=j))
        for t in tugas:
            t.kebutuhan = kebutuhan_tugas(
                volume=t.volume_tahunan,
                norma_menit=t.norma_waktu_menit,
                waktu_efektif=j.waktu_efektif,
            )
        ctx["tugas_list"] = tugas
        ctx["hasil"] = hitung_abk(
            beban_menit=j.beban_menit,
            waktu_efektif=j.waktu_efektif,
            pemangku=j.pemangku,
            is_kepala=j.is_kepala,
        )
        ctx["leluhur"] = [*leluhur(actor=user, unit=j.unit), j.unit]
        ctx["pemangku_list"] = pemangku_jabatan(jabatan=j)
        ctx["kompetensi_list"] = j.kebutuhankompetensi_set.select_related("kompetensi").order_by(
            "kompetensi__jenis", "kompetensi__nama"
        )
        if self.hak.kelola:
            ctx["kompetensi_form"] = KebutuhanKompetensiForm(actor=user)
        ctx["bidang_pendidikan"] = ", ".join(j.bidang_pendidikan)
        return ctx


class JabatanFormMixin(AksesMixin):
    akses = KELOLA
    form_class = JabatanForm
    template_name = "organisasi/jabatan_form.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}


class JabatanCreateView(JabatanFormMixin, CreateView):
    model = Jabatan

    def get_initial(self) -> dict[str, Any]:
        unit = self.request.GET.get("unit")
        if unit and unit.isdigit():
            return {"unit": unit_list(actor=self.request.user).filter(pk=unit).first()}
        return {}

    def form_valid(self, form: JabatanForm) -> HttpResponse:
        data = dict(form.cleaned_data)
        try:
            jab = services.jabatan_buat(actor=self.request.user, unit=data.pop("unit"), **data)
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Jabatan „%(nama)s“ dibuat.") % {"nama": jab.nama})
        return HttpResponseRedirect(jab.get_absolute_url())


class JabatanUpdateView(JabatanFormMixin, UpdateView):
    model = Jabatan
    context_object_name = "jabatan"

    def get_queryset(self) -> QuerySet[Jabatan]:
        return jabatan_list(actor=self.request.user).select_related("unit")

    def form_valid(self, form: JabatanForm) -> HttpResponse:
        data = dict(form.cleaned_data)
        try:
            jab = services.jabatan_ubah(
                actor=self.request.user, jabatan=self.object, unit=data.pop("unit"), **data
            )
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Jabatan „%(nama)s“ disimpan.") % {"nama": jab.nama})
        return HttpResponseRedirect(jab.get_absolute_url())


class JabatanNonaktifkanView(AksiObjekView):
    model = Jabatan

    def get_queryset(self) -> QuerySet:
        return jabatan_list(actor=self.request.user)

    def aksi(self, obj: Jabatan) -> tuple[str, str]:
        jab = services.jabatan_nonaktifkan(actor=self.request.user, jabatan=obj)
        return _("Jabatan „%(nama)s“ dinonaktifkan.") % {"nama": jab.nama}, jab.get_absolute_url()


class JabatanAktifkanView(AksiObjekView):
    model = Jabatan

    def get_queryset(self) -> QuerySet:
        return jabatan_list(actor=self.request.user)

    def aksi(self, obj: Jabatan) -> tuple[str, str]:
        jab = services.jabatan_aktifkan(actor=self.request.user, jabatan=obj)
        return _("Jabatan „%(nama)s“ diaktifkan kembali.") % {
            "nama": jab.nama
        }, jab.get_absolute_url()


class KebutuhanKompetensiTambahView(AksesMixin, View):
    """POST: add (or change the level of) a competency the position requires."""

    akses = KELOLA
    scoped_model = Jabatan

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        jab = get_object_or_404(jabatan_list(actor=request.user), pk=pk)
        form = KebutuhanKompetensiForm(request.POST, actor=request.user)
        if not form.is_valid():
            pesan = "; ".join(
                f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()
            )
            messages.error(request, _("Kompetensi tidak disimpan. %(pesan)s") % {"pesan": pesan})
            return HttpResponseRedirect(jab.get_absolute_url() + "#kompetensi")
        try:
            services.kebutuhan_kompetensi_simpan(
                actor=request.user, jabatan=jab, **form.cleaned_data
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, _("Kebutuhan kompetensi disimpan."))
        return HttpResponseRedirect(jab.get_absolute_url() + "#kompetensi")


class KebutuhanKompetensiHapusView(AksiObjekView):
    model = KebutuhanKompetensi

    def get_queryset(self) -> QuerySet:
        return kebutuhan_kompetensi_list(actor=self.request.user).select_related("jabatan")

    def aksi(self, obj: KebutuhanKompetensi) -> tuple[str, str]:
        services.kebutuhan_kompetensi_hapus(actor=self.request.user, kebutuhan=obj)
        return _("Kebutuhan kompetensi dihapus."), obj.jabatan.get_absolute_url() + "#kompetensi"


# --- workload tasks (ABK) -------------------------------------------------------------------


class TugasFormMixin(AksesMixin):
    akses = KELOLA
    form_class = TugasJabatanForm
    template_name = "organisasi/tugasjabatan_form.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user, "jabatan": self.jabatan}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["jabatan"] = self.jabatan
        ctx["waktu_efektif"] = self.jabatan.wilayah.waktu_kerja_efektif_menit
        return ctx


class TugasCreateView(TugasFormMixin, FormView):
    scoped_model = Jabatan

    def siapkan(self) -> None:
        self.jabatan = get_object_or_404(
            jabatan_list(actor=self.request.user).select_related("wilayah", "unit"),
            pk=self.kwargs["pk"],
        )

    def form_valid(self, form: TugasJabatanForm) -> HttpResponse:
        try:
            services.tugas_buat(actor=self.request.user, jabatan=self.jabatan, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Tugas ditambahkan ke analisis beban kerja."))
        if "simpan_tambah" in self.request.POST:
            return HttpResponseRedirect(self.request.path)
        return HttpResponseRedirect(self.jabatan.get_absolute_url() + "#abk")


class TugasUpdateView(TugasFormMixin, FormView):
    model = TugasJabatan

    def siapkan(self) -> None:
        self.object = get_object_or_404(
            tugas_list(actor=self.request.user).select_related("jabatan__wilayah", "jabatan__unit"),
            pk=self.kwargs["pk"],
        )
        self.jabatan = self.object.jabatan

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.object}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "tugas": self.object}

    def form_valid(self, form: TugasJabatanForm) -> HttpResponse:
        try:
            services.tugas_ubah(actor=self.request.user, tugas=self.object, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Tugas disimpan."))
        return HttpResponseRedirect(self.jabatan.get_absolute_url() + "#abk")


class TugasHapusView(AksiObjekView):
    model = TugasJabatan

    def get_queryset(self) -> QuerySet:
        return tugas_list(actor=self.request.user).select_related("jabatan")

    def aksi(self, obj: TugasJabatan) -> tuple[str, str]:
        services.tugas_hapus(actor=self.request.user, tugas=obj)
        return _("Tugas „%(t)s“ dihapus.") % {"t": obj.uraian_tugas}, (
            obj.jabatan.get_absolute_url() + "#abk"
        )


# --- workforce-needs report -----------------------------------------------------------------

KOLOM_EKSPOR = [
    gettext_lazy("Unit kerja"),
    gettext_lazy("Kode unit"),
    gettext_lazy("Jabatan"),
    gettext_lazy("Jenis jabatan"),
    gettext_lazy("Kelas jabatan"),
    gettext_lazy("Beban kerja (menit/tahun)"),
    gettext_lazy("Kebutuhan (hitung)"),
    gettext_lazy("Kebutuhan (orang)"),
    gettext_lazy("Pemangku"),
    gettext_lazy("Selisih"),
    gettext_lazy("Keterangan"),
    gettext_lazy("Rasio beban/kapasitas"),
    gettext_lazy("Kelas efisiensi"),
]


class KebutuhanListView(AksesMixin, JabatanFilterMixin, ListView):
    """Workforce needs (kebutuhan pegawai) per position, filterable by unit subtree, kinds
    and status, sortable, with totals of the filtered rows and CSV/Excel export."""

    template_name = "organisasi/kebutuhan_list.html"
    paginate_by = PER_HALAMAN
    context_object_name = "baris"
    urutan_bawaan = "-selisih"
    filterset_class = KebutuhanFilter

    def get_queryset(self) -> QuerySet:
        self.filter, qs = self.jabatan_terfilter(urut=False)
        self.terfilter = qs
        self.per_unit = self.request.GET.get("tampilan") == "unit"
        o = self.request.GET.get("o")
        if self.per_unit:
            return urutkan(per_unit(qs), o, URUTAN_UNIT, "-kekurangan", akhir="unit__pk")
        return urutkan(qs, o, URUTAN_JABATAN, self.urutan_bawaan)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["filter"] = self.filter
        ctx["per_unit"] = self.per_unit
        ctx["total"] = ringkasan_abk(self.terfilter.order_by())
        ctx["querystring"] = self.request.GET.urlencode()
        return ctx


def _baris_ekspor(j: Jabatan) -> list[Any]:
    if j.selisih is None:
        ket = StatusKebutuhan.BELUM.label
    elif j.selisih > 0:
        ket = StatusKebutuhan.KURANG.label
    elif j.selisih < 0:
        ket = StatusKebutuhan.LEBIH.label
    else:
        ket = StatusKebutuhan.SESUAI.label
    return [
        j.unit.nama,
        j.unit.kode,
        j.nama,
        j.get_jenis_display(),
        j.kelas_jabatan,
        j.beban_menit,
        j.kebutuhan,
        j.kebutuhan_bulat,
        j.pemangku,
        j.selisih,
        str(ket),
        j.rasio,
        str(KelasEfisiensi(j.kelas).label) if j.kelas else "",
    ]


class KebutuhanEksporView(AksesMixin, JabatanFilterMixin, View):
    """The report's filtered rows as CSV (?format=csv) or Excel (?format=xlsx)."""

    scoping_exempt = "no object id: rows come from the actor's scoped selector"
    urutan_bawaan = "unit"
    filterset_class = KebutuhanFilter

    def get(self, request: HttpRequest) -> HttpResponse:
        _f, qs = self.jabatan_terfilter()
        header = [str(k) for k in KOLOM_EKSPOR]
        rows = (_baris_ekspor(j) for j in qs.iterator(chunk_size=500))
        stamp = hari_ini().strftime("%Y%m%d")
        nama = f"kebutuhan-pegawai-{stamp}"
        if request.GET.get("format") == "xlsx":
            return self._xlsx(header, rows, nama)
        resp = HttpResponse(content_type="text/csv; charset=utf-8")
        resp["Content-Disposition"] = f'attachment; filename="{nama}.csv"'
        resp.write("\ufeff")  # BOM: Excel opens UTF-8 CSV correctly
        w = csv.writer(resp, delimiter=";")
        w.writerow(baris_aman(header))
        for r in rows:
            w.writerow([_sel_csv(aman_sel(v)) for v in r])
        return resp

    def _xlsx(self, header: list[str], rows, nama: str) -> HttpResponse:
        from openpyxl import Workbook
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        wb = Workbook(write_only=False)
        ws = wb.active
        ws.title = _("Kebutuhan pegawai")[:31]
        ws.append(baris_aman(header))
        for c in ws[1]:
            c.font = Font(bold=True, color="FFFFFF")
            c.fill = PatternFill("solid", fgColor="17375E")
        for r in rows:
            ws.append([float(v) if hasattr(v, "as_tuple") else aman_sel(v) for v in r])
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        lebar = [34, 14, 34, 22, 8, 14, 12, 12, 10, 10, 16, 12, 16]
        for i, w in enumerate(lebar, 1):
            ws.column_dimensions[get_column_letter(i)].width = w
        buf = io.BytesIO()
        wb.save(buf)
        resp = HttpResponse(
            buf.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        resp["Content-Disposition"] = f'attachment; filename="{nama}.xlsx"'
        return resp


def _sel_csv(v: Any) -> Any:
    """CSV cells for Indonesian spreadsheets (';' separated): decimal comma, empty None."""
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return str(v).replace(".", ",")
    return v
