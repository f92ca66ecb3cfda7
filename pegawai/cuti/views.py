"""Views of leave, holidays, attendance and discipline: thin, calling selectors and services.

Objects are looked up in the actor's scoped queryset, so another region's (or another
employee's) object is a 404; a role that may not act gets 403."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, FormView, ListView, TemplateView

from asn_kinerja.formatting import bulan_tahun, tanggal_indonesia
from asn_kinerja.pdf import pdf_response, render_pdf
from asn_kinerja.pengalihan import alihkan_next
from asn_kinerja.views import galat_ke_form, pesan_form, pesan_galat
from asn_kinerja.waktu import hari_ini
from organisasi import peran
from organisasi.peran import HRWajibMixin
from pegawai.choices import StatusKehadiran
from pegawai.models import Cuti, HariLibur, ImporKehadiran, Kehadiran
from pegawai.selectors import is_atasan, pegawai_dari_pengguna, pegawai_list

from . import selectors
from .forms import (
    BulanForm,
    CatatanForm,
    CutiForm,
    HariLiburForm,
    ImporKehadiranForm,
    KehadiranUbahForm,
)
from .services.cuti import (
    aksi_tersedia,
    cuti_ajukan,
    cuti_batalkan,
    cuti_putuskan,
    cuti_rekomendasikan,
    tambah_bulan,
)
from .services.impor_kehadiran import kehadiran_impor
from .services.kehadiran import kehadiran_ubah
from .services.libur import libur_hapus, libur_simpan

if TYPE_CHECKING:
    from organisasi.models import Pengguna

PER_HALAMAN = 25


class SortMixin:
    """`?o=field` / `?o=-field` ordering among `sort_fields` (name -> ORM ordering)."""

    sort_fields: dict[str, str] = {}
    default_sort: str = ""

    def urutkan(self, qs: QuerySet) -> QuerySet:
        o = self.request.GET.get("o") or self.default_sort
        desc = o.startswith("-")
        field = self.sort_fields.get(o.lstrip("-"))
        if not field:
            return qs
        return qs.order_by(f"-{field}" if desc else field, "pk")


def _bulan_dari(request: HttpRequest, actor: Pengguna) -> tuple[BulanForm, dt.date, dt.date]:
    form = BulanForm(request.GET or None, actor=actor)
    awal = None
    if form.is_bound and form.is_valid():
        awal = form.cleaned_data.get("bulan")
    if awal is None:
        awal = hari_ini().replace(day=1)
    akhir = tambah_bulan(awal, 1) - dt.timedelta(days=1)
    return form, awal, akhir


def _tahun_dari(request: HttpRequest) -> int:
    """`?tahun=` of a year-filtered list (2000-2100), this year when missing or invalid."""
    try:
        tahun = int(request.GET.get("tahun") or hari_ini().year)
    except ValueError:
        return hari_ini().year
    return tahun if 2000 <= tahun <= 2100 else hari_ini().year


# --- leave -----------------------------------------------------------------------------------


class CutiListView(ListView):
    """The employee's own leave requests, their status and the balance."""

    template_name = "pegawai/cuti_list.html"
    context_object_name = "daftar_cuti"
    paginate_by = PER_HALAMAN

    def get_queryset(self) -> QuerySet[Cuti]:
        return selectors.cuti_saya(actor=self.request.user).order_by("-tanggal_mulai", "-pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        pegawai = pegawai_dari_pengguna(self.request.user)
        ctx["pegawai"] = pegawai
        if pegawai is not None:
            ctx["saldo"] = selectors.saldo_cuti(pegawai, hari_ini().year)
        return ctx


class CutiCreateView(FormView):
    template_name = "pegawai/cuti_form.html"
    form_class = CutiForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.pegawai = pegawai_dari_pengguna(request.user)
        if self.pegawai is None:
            raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        tahun = hari_ini().year
        ctx["saldo"] = selectors.saldo_cuti(self.pegawai, tahun)
        ctx["saldo_depan"] = selectors.saldo_cuti(self.pegawai, tahun + 1)
        ctx["pegawai"] = self.pegawai
        return ctx

    def form_valid(self, form: CutiForm) -> HttpResponse:
        try:
            cuti = cuti_ajukan(actor=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            galat_ke_form(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Pengajuan %(jenis)s (%(hari)s hari kerja) terkirim. Status: %(status)s.")
            % {
                "jenis": cuti.get_jenis_display().lower(),
                "hari": cuti.jumlah_hari_kerja,
                "status": cuti.get_status_display(),
            },  # fmt: skip
        )
        return redirect(cuti.get_absolute_url())


class CutiDetailView(DetailView):
    model = Cuti
    template_name = "pegawai/cuti_detail.html"
    context_object_name = "cuti"

    def get_queryset(self) -> QuerySet[Cuti]:
        return selectors.cuti_list(actor=self.request.user).select_related(
            "pegawai__wilayah", "diputuskan_oleh", "atasan__jabatan"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        cuti: Cuti = self.object
        user = self.request.user
        ctx["riwayat"] = selectors.cuti_riwayat(cuti)
        # The buttons ask the transitions' own declarations (the services ask them again).
        aksi = aksi_tersedia(user, cuti)
        ctx["boleh_rekomendasi"] = "rekomendasikan" in aksi
        ctx["boleh_putus"] = "setujui" in aksi
        ctx["boleh_batal"] = "batalkan" in aksi
        if cuti.jenis == Cuti.Jenis.TAHUNAN:
            ctx["saldo"] = selectors.saldo_cuti(cuti.pegawai, cuti.tanggal_mulai.year)
        ctx["catatan_form"] = CatatanForm(actor=user)
        return ctx


class _CutiAksiView(View):
    """A POST action on one leave request (looked up in the actor's scope)."""

    http_method_names = ["post"]
    scoped_model = Cuti

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        cuti = get_object_or_404(selectors.cuti_list(actor=request.user), pk=pk)
        form = CatatanForm(request.POST, actor=request.user)
        if not form.is_valid():
            messages.error(request, pesan_form(form))
            return redirect(cuti.get_absolute_url())
        setuju = request.POST.get("aksi") == "setuju"
        try:
            cuti = self.jalankan(request.user, cuti, setuju, form.cleaned_data["catatan"])
        except ValidationError as exc:
            messages.error(request, pesan_galat(exc))
            return redirect(cuti.get_absolute_url())
        messages.success(
            request,
            _("Pengajuan cuti %(nama)s: %(status)s.")
            % {"nama": cuti.pegawai.nama_lengkap, "status": cuti.get_status_display()},
        )
        return alihkan_next(request, cuti.get_absolute_url())

    def jalankan(self, actor: Pengguna, cuti: Cuti, setuju: bool, catatan: str) -> Cuti:
        raise NotImplementedError


class CutiRekomendasiView(_CutiAksiView):
    def jalankan(self, actor, cuti, setuju, catatan):
        return cuti_rekomendasikan(actor=actor, cuti=cuti, setuju=setuju, catatan=catatan)


class CutiPutusanView(_CutiAksiView):
    def jalankan(self, actor, cuti, setuju, catatan):
        return cuti_putuskan(actor=actor, cuti=cuti, setujui=setuju, catatan=catatan)


class CutiBatalView(_CutiAksiView):
    def jalankan(self, actor, cuti, setuju, catatan):
        return cuti_batalkan(actor=actor, cuti=cuti, catatan=catatan)


def cuti_surat(request: HttpRequest, pk: int) -> HttpResponse:
    """The leave letter (surat izin cuti) of an approved request, on the wilayah's
    letterhead."""
    cuti = get_object_or_404(
        selectors.cuti_list(actor=request.user).select_related(
            "pegawai__wilayah", "pegawai__unit", "pegawai__jabatan", "atasan__jabatan"
        ),
        pk=pk,
        status=Cuti.Status.DISETUJUI,
    )
    wilayah = cuti.pegawai.wilayah
    pengaturan = selectors.pengaturan_cuti(wilayah)
    pemutus = pengaturan.pejabat_pemutus if pengaturan and pengaturan.pejabat_pemutus_id else None
    jabatan_ttd = (pengaturan.jabatan_penandatangan if pengaturan else "") or (
        pemutus.jabatan.nama
        if pemutus and pemutus.jabatan_id
        else _("a.n. Pejabat Pembina Kepegawaian")
    )
    if pemutus is not None:
        nama_ttd, nip_ttd = pemutus.nama_lengkap, pemutus.nip
    else:
        pemutus_pegawai = (
            getattr(cuti.diputuskan_oleh, "pegawai", None) if cuti.diputuskan_oleh_id else None
        )
        nama_ttd = (
            pemutus_pegawai.nama_lengkap
            if pemutus_pegawai
            else (cuti.diputuskan_oleh.get_full_name() if cuti.diputuskan_oleh_id else "")
        )
        nip_ttd = pemutus_pegawai.nip if pemutus_pegawai else ""
    tanggal = timezone.localtime(cuti.diputuskan_pada).date() if cuti.diputuskan_pada else None
    pdf = render_pdf(
        "pegawai/pdf/surat_cuti.html",
        {
            "cuti": cuti,
            "pegawai": cuti.pegawai,
            "tanggal_keputusan": tanggal_indonesia(tanggal),
            "penandatangan": [{"peran": jabatan_ttd, "nama": nama_ttd, "nip": nip_ttd}],
            "tempat_tanggal": f"{wilayah.kota_surat or wilayah.nama}, {tanggal_indonesia(tanggal)}",
            "mulai": tanggal_indonesia(cuti.tanggal_mulai),
            "selesai": tanggal_indonesia(cuti.tanggal_selesai),
        },
        wilayah=wilayah,
    )
    return pdf_response(pdf, f"surat-cuti-{cuti.pegawai.nip}-{cuti.pk}.pdf")


cuti_surat.scoped_model = Cuti


def cuti_lampiran(request: HttpRequest, pk: int) -> HttpResponse:
    """The attachment (doctor's letter) of a request: only for those who may see it."""
    cuti = get_object_or_404(selectors.cuti_list(actor=request.user), pk=pk)
    if not cuti.lampiran:
        raise Http404
    try:
        berkas = cuti.lampiran.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    nama = cuti.lampiran.name.rsplit("/", 1)[-1]
    resp = FileResponse(berkas, as_attachment=False, filename=nama)
    resp["Cache-Control"] = "private, no-store"
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


cuti_lampiran.scoped_model = Cuti


class CutiPersetujuanView(SortMixin, ListView):
    """Requests waiting for the actor (tab `menunggu`) and all requests of the actor's scope
    (tab `semua`) for section heads, HR, pimpinan and the designated official."""

    template_name = "pegawai/cuti_persetujuan.html"
    context_object_name = "daftar_cuti"
    paginate_by = PER_HALAMAN
    sort_fields = {"mulai": "tanggal_mulai", "nama": "pegawai__nama", "diajukan": "created_at",
                   "hari": "jumlah_hari_kerja"}  # fmt: skip

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        u = request.user
        if not (peran.is_pengawas_wilayah(u) or is_atasan(u) or selectors.is_pemutus_wilayah(u)):
            raise PermissionDenied(_("Halaman ini untuk atasan dan admin kepegawaian."))
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self) -> QuerySet[Cuti]:
        user = self.request.user
        self.tab = "semua" if self.request.GET.get("tab") == "semua" else "menunggu"
        if self.tab == "menunggu":
            qs = selectors.cuti_menunggu_tindakan(actor=user)
        else:
            qs = selectors.cuti_list(actor=user)
            status = self.request.GET.get("status")
            if status in Cuti.Status.values:
                qs = qs.filter(status=status)
            jenis = self.request.GET.get("jenis")
            if jenis in Cuti.Jenis.values:
                qs = qs.filter(jenis=jenis)
            q = (self.request.GET.get("q") or "").strip()[:100]
            if q:
                qs = qs.filter(Q(pegawai__nama__icontains=q) | Q(pegawai__nip__startswith=q))
            qs = qs.order_by("-tanggal_mulai", "-pk")
        return self.urutkan(qs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["tab"] = self.tab
        ctx["status_choices"] = Cuti.Status.choices
        ctx["jenis_choices"] = Cuti.Jenis.choices
        ctx["sendiri"] = pegawai_dari_pengguna(self.request.user)
        ctx["pemutus"] = selectors.is_pemutus_wilayah(self.request.user)
        return ctx


# --- holidays --------------------------------------------------------------------------------


class LiburListView(ListView):
    template_name = "pegawai/libur_list.html"
    context_object_name = "daftar_libur"
    paginate_by = PER_HALAMAN

    def get_queryset(self) -> QuerySet[HariLibur]:
        self.tahun = _tahun_dari(self.request)
        return selectors.libur_list(actor=self.request.user, tahun=self.tahun)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["tahun"] = self.tahun
        ctx["tahun_pilihan"] = range(self.tahun - 2, self.tahun + 3)
        ctx["boleh_ubah"] = self.request.user.is_admin_kepegawaian
        return ctx


class LiburCreateView(HRWajibMixin, FormView):
    template_name = "pegawai/libur_form.html"
    form_class = HariLiburForm
    libur: HariLibur | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        kw = {**super().get_form_kwargs(), "actor": self.request.user}
        if self.libur is not None:
            kw["instance"] = self.libur
        return kw

    def form_valid(self, form: HariLiburForm) -> HttpResponse:
        data = form.cleaned_data
        wilayah = data.get("wilayah") or self.request.user.wilayah
        try:
            libur_simpan(
                actor=self.request.user,
                libur=self.libur,
                wilayah=wilayah,
                tanggal=data["tanggal"],
                nama=data["nama"],
                jenis=data["jenis"],
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Hari libur disimpan."))
        return redirect(f"{reverse('pegawai:libur_list')}?tahun={data['tanggal'].year}")


class LiburUpdateView(LiburCreateView):
    scoped_model = HariLibur

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.libur = get_object_or_404(HariLibur.objects.visible_to(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "libur": self.libur}


class LiburDeleteView(HRWajibMixin, View):
    http_method_names = ["post"]
    scoped_model = HariLibur

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        libur = get_object_or_404(HariLibur.objects.visible_to(request.user), pk=pk)
        tahun = libur.tanggal.year
        libur_hapus(actor=request.user, libur=libur)
        messages.success(request, _("Hari libur %(nama)s dihapus.") % {"nama": libur.nama})
        return redirect(f"{reverse('pegawai:libur_list')}?tahun={tahun}")


# --- attendance ------------------------------------------------------------------------------


class KehadiranListView(SortMixin, ListView):
    """Daily records: an employee sees their own, a section head their subtree, HR and
    pimpinan the wilayah. Filter by month, status, unit and name/NIP."""

    template_name = "pegawai/kehadiran_list.html"
    context_object_name = "daftar_kehadiran"
    paginate_by = PER_HALAMAN
    sort_fields = {"tanggal": "tanggal", "nama": "pegawai__nama", "terlambat": "menit_terlambat",
                   "status": "status"}  # fmt: skip
    default_sort = "-tanggal"

    def get_queryset(self) -> QuerySet[Kehadiran]:
        user = self.request.user
        self.bulan_form, self.mulai, self.selesai = _bulan_dari(self.request, user)
        qs = selectors.kehadiran_list(actor=user).filter(tanggal__range=(self.mulai, self.selesai))
        status = self.request.GET.get("status")
        if status in StatusKehadiran.values:
            qs = qs.filter(status=status)
        unit = self.bulan_form.cleaned_data.get("unit") if self.bulan_form.is_bound else None
        if unit is not None and self.bulan_form.is_valid():
            qs = qs.filter(pegawai__unit__path__startswith=unit.path)
        q = (self.request.GET.get("q") or "").strip()[:100]
        if q:
            qs = qs.filter(Q(pegawai__nama__icontains=q) | Q(pegawai__nip__startswith=q))
        return self.urutkan(qs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["bulan_form"] = self.bulan_form
        ctx["bulan"] = self.mulai
        ctx["judul_bulan"] = bulan_tahun(self.mulai)
        ctx["status_choices"] = StatusKehadiran.choices
        ctx["boleh_ubah"] = user.is_admin_kepegawaian
        ctx["banyak_pegawai"] = peran.is_pengawas_wilayah(user) or is_atasan(user)
        sendiri = pegawai_dari_pengguna(user)
        if sendiri is not None and not ctx["banyak_pegawai"]:
            ctx["rekap_saya"] = (
                selectors.rekap_kehadiran(
                    pegawai_list(actor=user).filter(pk=sendiri.pk), self.mulai, self.selesai
                )
                .values()
                .first()
            )
        return ctx


class KehadiranRekapView(TemplateView):
    """Monthly recap per employee (paginated) and per unit, in SQL aggregates."""

    template_name = "pegawai/kehadiran_rekap.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from django.core.paginator import Paginator

        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        form, mulai, selesai = _bulan_dari(self.request, user)
        pegawai = pegawai_list(actor=user).aktif().select_related("unit")
        unit = form.cleaned_data.get("unit") if form.is_bound and form.is_valid() else None
        if unit is not None:
            pegawai = pegawai.di_subtree(unit)
        rekap = selectors.rekap_kehadiran(pegawai, mulai, selesai).order_by("unit__path", "nama")
        page = Paginator(rekap, PER_HALAMAN).get_page(self.request.GET.get("page"))
        per_unit = selectors.rekap_kehadiran_unit(actor=user, mulai=mulai, selesai=selesai)
        if unit is not None:
            per_unit = per_unit.filter(pegawai__unit__path__startswith=unit.path)
        ctx.update(
            bulan_form=form,
            bulan=mulai,
            judul_bulan=bulan_tahun(mulai),
            page_obj=page,
            rekap=page.object_list,
            per_unit=per_unit,
            hari_kerja=selectors.jumlah_hari_kerja(user.wilayah_id, mulai, min(selesai, hari_ini()))
            if user.wilayah_id
            else None,
        )
        return ctx


class KehadiranImporView(HRWajibMixin, FormView):
    template_name = "pegawai/kehadiran_impor.html"
    form_class = ImporKehadiranForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["riwayat_impor"] = selectors.impor_kehadiran_list(actor=self.request.user)[:10]
        return ctx

    def form_valid(self, form: ImporKehadiranForm) -> HttpResponse:
        try:
            impor = kehadiran_impor(
                actor=self.request.user,
                wilayah=form.wilayah_tujuan(),
                data=form.data_berkas,
                nama_file=form.cleaned_data["berkas"].name,
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Impor selesai: %(baru)s presensi baru, %(hari)s hari kehadiran diperbarui.")
            % {"baru": impor.jumlah_presensi_baru, "hari": impor.jumlah_hari_diperbarui},
        )
        return redirect(impor.get_absolute_url())


class KehadiranImporDetailView(HRWajibMixin, DetailView):
    model = ImporKehadiran
    template_name = "pegawai/kehadiran_impor_detail.html"
    context_object_name = "impor"

    def get_queryset(self) -> QuerySet[ImporKehadiran]:
        return selectors.impor_kehadiran_list(actor=self.request.user)


class KehadiranUbahView(HRWajibMixin, FormView):
    """HR records an excuse or an unexcused absence for one day."""

    template_name = "pegawai/kehadiran_form.html"
    form_class = KehadiranUbahForm
    scoped_model = Kehadiran

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.kehadiran = get_object_or_404(
            selectors.kehadiran_list(actor=request.user).select_related("pegawai__wilayah"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kw = {**super().get_form_kwargs(), "actor": self.request.user}
        kw["initial"] = {"status": self.kehadiran.status, "keterangan": self.kehadiran.keterangan}
        return kw

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "kehadiran": self.kehadiran}

    def form_valid(self, form: KehadiranUbahForm) -> HttpResponse:
        try:
            k = kehadiran_ubah(
                actor=self.request.user, kehadiran=self.kehadiran, **form.cleaned_data
            )
        except ValidationError as exc:
            galat_ke_form(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Kehadiran %(tgl)s disimpan.") % {"tgl": tanggal_indonesia(k.tanggal)}
        )
        return redirect(
            f"{reverse('pegawai:kehadiran_list')}?bulan={k.tanggal:%Y-%m}&q={k.pegawai.nip}"
        )


# --- discipline ------------------------------------------------------------------------------


class DisiplinListView(HRWajibMixin, ListView):
    """Employees whose unexcused absence this year reaches a PP 94/2021 sanction level."""

    template_name = "pegawai/disiplin_list.html"
    context_object_name = "daftar"
    paginate_by = PER_HALAMAN

    def get_queryset(self) -> QuerySet:
        self.tahun = _tahun_dari(self.request)
        return selectors.disiplin_list(actor=self.request.user, tahun=self.tahun)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["daftar"] = ctx["object_list"] = selectors.lengkapi_sanksi(
            list(ctx["object_list"]), self.tahun
        )
        ctx["tahun"] = self.tahun
        ctx["tahun_pilihan"] = range(self.tahun - 2, self.tahun + 1)
        ctx["ambang"] = selectors.SANKSI_ALPA[::-1]
        return ctx
