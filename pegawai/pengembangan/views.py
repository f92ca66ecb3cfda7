"""Pages of development: thin views over selectors and services (docs/pengembangan.md)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import (
    CreateView,
    DetailView,
    FormView,
    ListView,
    TemplateView,
    UpdateView,
)

from asn_kinerja.pengalihan import tujuan_next
from asn_kinerja.views import galat_ke_form, jalankan_aksi, pesan_form, pesan_galat
from asn_kinerja.waktu import hari_ini
from organisasi import peran
from organisasi.models import UnitKerja
from organisasi.peran import HRWilayahSendiriWajibMixin
from pegawai.selectors import pegawai_dari_pengguna

from . import selectors, services
from .forms import (
    CatatanForm,
    KegiatanForm,
    PendaftaranForm,
    ProgramFilterForm,
    ProgramForm,
    RencanaForm,
    SelesaiForm,
)
from .models import (
    KegiatanPengembangan,
    PendaftaranProgram,
    ProgramPengembangan,
    RencanaPengembangan,
)


def _tahun(request: HttpRequest) -> int:
    return hari_ini(getattr(request.user, "wilayah", None)).year


# --- catalogue -------------------------------------------------------------------------------


class ProgramListView(ListView):
    """The wilayah's catalogue: employees see open programmes, HR all of them."""

    model = ProgramPengembangan
    template_name = "pengembangan/program_list.html"
    context_object_name = "program_list"
    paginate_by = 20

    def get_queryset(self):
        self.filter_form = ProgramFilterForm(self.request.GET or None, actor=self.request.user)
        data = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return selectors.program_list(
            actor=self.request.user, q=data.get("q", ""), jenis=data.get("jenis", ""),
            status=data.get("status", ""),
        ).order_by("tanggal_mulai", "judul", "pk")  # fmt: skip

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["filter_form"] = self.filter_form
        ctx["is_hr"] = peran.is_hr_wilayah_sendiri(self.request.user)
        ctx["disaring"] = bool(self.request.GET.get("q") or self.request.GET.get("jenis"))
        return ctx


class ProgramDetailView(DetailView):
    model = ProgramPengembangan
    template_name = "pengembangan/program_detail.html"
    context_object_name = "program"

    def get_queryset(self):
        return selectors.program_detail(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        p = self.object
        sendiri = pegawai_dari_pengguna(user)
        aktif = selectors.pendaftaran_aktif_pegawai(sendiri, p)
        ctx.update(
            pendaftaran_saya=aktif,
            boleh_daftar=bool(sendiri and aktif is None and p.terbuka and p.terisi < p.kuota),
            penuh=p.terisi >= p.kuota,
            form=PendaftaranForm(),
            is_hr=peran.is_hr_wilayah_sendiri(user) and p.wilayah_id == user.wilayah_id,
            peserta=(
                PendaftaranProgram.objects.visible_to(user)
                .filter(program=p)
                .select_related("pegawai", "pegawai__unit")
                .order_by("status", "pegawai__nama")[:200]
                if peran.is_hr_wilayah_sendiri(user)
                else []
            ),
        )
        return ctx


class ProgramBuatView(HRWilayahSendiriWajibMixin, CreateView):
    model = ProgramPengembangan
    form_class = ProgramForm
    template_name = "pengembangan/program_form.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def form_valid(self, form: ProgramForm) -> HttpResponse:
        try:
            self.object = services.program_simpan(actor=self.request.user, program=form.instance)
        except ValidationError as exc:
            galat_ke_form(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Program “%(p)s” disimpan.") % {"p": self.object})
        return redirect(self.object.get_absolute_url())


class ProgramUbahView(ProgramBuatView, UpdateView):
    def get_queryset(self):
        return ProgramPengembangan.objects.visible_to(self.request.user)

    def get_object(self, queryset=None):
        return UpdateView.get_object(self, queryset)


@require_POST
def program_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(ProgramPengembangan.objects.visible_to(request.user), pk=pk)
    try:
        services.program_hapus(actor=request.user, program=program)
    except ValidationError as exc:
        messages.error(request, pesan_galat(exc))
        return redirect(program.get_absolute_url())
    messages.success(request, _("Program dihapus."))
    return redirect("pengembangan:program_list")


@require_POST
def pendaftaran_ajukan(request: HttpRequest, pk: int) -> HttpResponse:
    program = get_object_or_404(selectors.program_detail(actor=request.user), pk=pk)
    form = PendaftaranForm(request.POST)
    alasan = form.cleaned_data["alasan"] if form.is_valid() else ""
    if not form.is_valid():
        messages.error(request, pesan_form(form))
        return redirect(program.get_absolute_url())
    return jalankan_aksi(
        request,
        lambda: services.pendaftaran_ajukan(actor=request.user, program=program, alasan=alasan),
        berhasil=_("Pendaftaran dikirim ke atasan Anda untuk disetujui."),
        kembali=program.get_absolute_url(),
    )


# --- my development --------------------------------------------------------------------------


class SayaView(TemplateView):
    template_name = "pengembangan/saya.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        sendiri = pegawai_dari_pengguna(user)
        if sendiri is None:
            raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
        tahun = _tahun(self.request)
        ringkasan = selectors.ringkasan_karier(sendiri, tahun)
        ctx.update(
            pegawai=sendiri,
            ringkasan=ringkasan,
            kesenjangan=list(selectors.kesenjangan_kompetensi(sendiri)),
            kegiatan=(
                list(selectors.kegiatan_list(ringkasan["rencana"])) if ringkasan["rencana"] else []
            ),
            pendaftaran_list=list(selectors.pendaftaran_saya(actor=user)[:20]),
        )
        return ctx


class RencanaBuatView(FormView):
    form_class = RencanaForm
    template_name = "pengembangan/rencana_form.html"

    def dispatch(self, request, *args, **kwargs):
        if pegawai_dari_pengguna(request.user) is None:
            raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"target_jp": selectors.HAK_JP_TAHUNAN}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "tahun": _tahun(self.request),
            "rencana": None,
        }

    def form_valid(self, form: RencanaForm) -> HttpResponse:
        try:
            r = services.rencana_simpan(
                actor=self.request.user, tahun=_tahun(self.request),
                tujuan=form.cleaned_data["tujuan"], target_jp=form.cleaned_data["target_jp"],
                rencana=getattr(self, "rencana", None),
            )  # fmt: skip
        except ValidationError as exc:
            galat_ke_form(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Rencana pengembangan disimpan."))
        return redirect(r.get_absolute_url())


class RencanaUbahView(RencanaBuatView):
    scoped_model = RencanaPengembangan

    def dispatch(self, request, *args, **kwargs):
        self.rencana = get_object_or_404(
            selectors.rencana_list(actor=request.user), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.rencana}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx.update(tahun=self.rencana.tahun, rencana=self.rencana)
        return ctx


class RencanaDetailView(DetailView):
    model = RencanaPengembangan
    template_name = "pengembangan/rencana_detail.html"
    context_object_name = "rencana"

    def get_queryset(self):
        return selectors.rencana_list(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        r = self.object
        milik = r.pegawai.pengguna_id == user.pk
        kesenjangan = list(selectors.kesenjangan_kompetensi(r.pegawai))
        ctx.update(
            kegiatan=list(selectors.kegiatan_list(r)),
            kesenjangan=kesenjangan,
            milik_sendiri=milik,
            boleh_ubah=milik and r.bisa_diubah,
            boleh_putuskan=(
                r.status == RencanaPengembangan.Status.DIAJUKAN
                and selectors.is_penilai(user, r.pegawai)
            ),
            boleh_lapor=milik and r.status == RencanaPengembangan.Status.DISETUJUI,
            kegiatan_form=KegiatanForm(kesenjangan=kesenjangan),
            catatan_form=CatatanForm(),
            persen=min(100, round(r.jp_selesai * 100 / r.target_jp)) if r.target_jp else 0,
            status_kegiatan=KegiatanPengembangan.Status.choices,
        )
        return ctx


def _rencana(request: HttpRequest, pk: int) -> RencanaPengembangan:
    return get_object_or_404(selectors.rencana_list(actor=request.user), pk=pk)


@require_POST
def kegiatan_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    r = _rencana(request, pk)
    form = KegiatanForm(request.POST, kesenjangan=list(selectors.kesenjangan_kompetensi(r.pegawai)))
    if not form.is_valid():
        pesan = []
        for nama, errs in form.errors.items():
            label = form.fields[nama].label if nama in form.fields else ""
            pesan.extend(f"{label}: {e}" if label else e for e in errs)
        messages.error(request, " ".join(pesan))
        return redirect(r.get_absolute_url())
    d = form.cleaned_data
    return jalankan_aksi(
        request,
        lambda: services.kegiatan_tambah(
            actor=request.user,
            rencana=r,
            jenis=d["jenis"],
            judul=d["judul"],
            jp_rencana=d["jp_rencana"],
            bulan_rencana=d["bulan_rencana"],
            kompetensi=d["kompetensi"],
        ),
        berhasil=_("Kegiatan ditambahkan."),
        kembali=r.get_absolute_url(),
    )


def _kegiatan(request: HttpRequest, pk: int) -> KegiatanPengembangan:
    return get_object_or_404(
        KegiatanPengembangan.objects.visible_to(request.user).select_related(
            "rencana", "rencana__pegawai"
        ),
        pk=pk,
    )


@require_POST
def kegiatan_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    k = _kegiatan(request, pk)
    return jalankan_aksi(
        request,
        lambda: services.kegiatan_hapus(actor=request.user, kegiatan=k),
        berhasil=_("Kegiatan dihapus."),
        kembali=k.rencana.get_absolute_url(),
    )


@require_POST
def kegiatan_status(request: HttpRequest, pk: int) -> HttpResponse:
    k = _kegiatan(request, pk)
    return jalankan_aksi(
        request,
        lambda: services.kegiatan_ubah_status(
            actor=request.user, kegiatan=k, status=request.POST.get("status", "")
        ),
        berhasil=_("Kemajuan kegiatan dicatat."),
        kembali=k.rencana.get_absolute_url(),
    )


@require_POST
def rencana_ajukan(request: HttpRequest, pk: int) -> HttpResponse:
    r = _rencana(request, pk)
    return jalankan_aksi(
        request,
        lambda: services.rencana_ajukan(actor=request.user, rencana=r),
        berhasil=_("Rencana pengembangan diajukan ke atasan Anda."),
        kembali=r.get_absolute_url(),
    )


@require_POST
def rencana_putuskan(request: HttpRequest, pk: int) -> HttpResponse:
    r = _rencana(request, pk)
    setuju = request.POST.get("aksi") == "setujui"
    return jalankan_aksi(
        request,
        lambda: services.rencana_putuskan(
            actor=request.user, rencana=r, setuju=setuju, catatan=request.POST.get("catatan", "")
        ),
        berhasil=_("Rencana disetujui.") if setuju else _("Rencana dikembalikan kepada pegawai."),
        kembali=r.get_absolute_url(),
    )


# --- approvals -------------------------------------------------------------------------------


class PersetujuanView(TemplateView):
    """What waits for the superior: IDPs and programme requests of their direct reports."""

    template_name = "pengembangan/persetujuan.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        rencana, daftar = selectors.menunggu_atasan(actor=self.request.user)
        ctx.update(rencana_list=list(rencana[:100]), pendaftaran_list=list(daftar[:100]))
        return ctx


class PendaftaranHRView(HRWilayahSendiriWajibMixin, ListView):
    template_name = "pengembangan/pendaftaran_hr.html"
    context_object_name = "pendaftaran_list"
    paginate_by = 25

    def get_queryset(self):
        return selectors.pendaftaran_hr(
            actor=self.request.user, status=self.request.GET.get("status", "")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            status=self.request.GET.get("status", ""),
            status_choices=PendaftaranProgram.Status.choices,
            selesai_form=SelesaiForm(),
        )
        return ctx


def _pendaftaran(request: HttpRequest, pk: int) -> PendaftaranProgram:
    return get_object_or_404(
        PendaftaranProgram.objects.visible_to(request.user).select_related("program", "pegawai"),
        pk=pk,
    )


@require_POST
def pendaftaran_putus_atasan(request: HttpRequest, pk: int) -> HttpResponse:
    d = _pendaftaran(request, pk)
    setuju = request.POST.get("aksi") == "setujui"
    return jalankan_aksi(
        request,
        lambda: services.pendaftaran_putus_atasan(
            actor=request.user,
            pendaftaran=d,
            setuju=setuju,
            catatan=request.POST.get("catatan", ""),
        ),
        berhasil=_("Pendaftaran disetujui dan diteruskan ke admin kepegawaian.")
        if setuju
        else _("Pendaftaran ditolak."),
        kembali=reverse("pengembangan:persetujuan"),
    )


@require_POST
def pendaftaran_putus_hr(request: HttpRequest, pk: int) -> HttpResponse:
    d = _pendaftaran(request, pk)
    setuju = request.POST.get("aksi") == "setujui"
    return jalankan_aksi(
        request,
        lambda: services.pendaftaran_putus_hr(
            actor=request.user,
            pendaftaran=d,
            setuju=setuju,
            catatan=request.POST.get("catatan", ""),
        ),
        berhasil=_("Pendaftaran disetujui.") if setuju else _("Pendaftaran ditolak."),
        kembali=reverse("pengembangan:pendaftaran_hr"),
    )


@require_POST
def pendaftaran_selesai(request: HttpRequest, pk: int) -> HttpResponse:
    d = _pendaftaran(request, pk)
    tujuan = tujuan_next(request, reverse("pengembangan:pendaftaran_hr"))
    form = SelesaiForm(request.POST)
    if not form.is_valid():
        messages.error(request, pesan_form(form))
        return redirect(tujuan)
    return jalankan_aksi(
        request,
        lambda: services.pendaftaran_selesai(
            actor=request.user,
            pendaftaran=d,
            jp_realisasi=form.cleaned_data["jp_realisasi"],
            nomor_sertifikat=form.cleaned_data["nomor_sertifikat"],
        ),
        berhasil=_("Keikutsertaan ditandai selesai dan dicatat di riwayat diklat."),
        kembali=tujuan,
    )


@require_POST
def pendaftaran_batalkan(request: HttpRequest, pk: int) -> HttpResponse:
    d = _pendaftaran(request, pk)
    return jalankan_aksi(
        request,
        lambda: services.pendaftaran_batalkan(actor=request.user, pendaftaran=d),
        berhasil=_("Pendaftaran dibatalkan."),
        kembali=reverse("pengembangan:saya"),
    )


for _v in (program_hapus, pendaftaran_ajukan):
    _v.scoped_model = ProgramPengembangan
for _v in (kegiatan_tambah, rencana_ajukan, rencana_putuskan):
    _v.scoped_model = RencanaPengembangan
for _v in (kegiatan_hapus, kegiatan_status):
    _v.scoped_model = KegiatanPengembangan
for _v in (
    pendaftaran_putus_atasan,
    pendaftaran_putus_hr,
    pendaftaran_selesai,
    pendaftaran_batalkan,
):
    _v.scoped_model = PendaftaranProgram


# --- competence gaps per employee (HR) -------------------------------------------------------


class KesenjanganListView(HRWilayahSendiriWajibMixin, ListView):
    """HR of the wilayah: the active employees with competence gaps (count, sum of level
    gaps, the biggest three), filter by unit (subtree), search by name/NIP, sorting `o`,
    50 per page. A unit of another wilayah is a 404. Constant queries per page."""

    template_name = "pengembangan/kesenjangan_list.html"
    context_object_name = "pegawai_list"
    paginate_by = 50

    def _unit(self) -> UnitKerja | None:
        u = self.request.GET.get("unit", "")
        if not u:
            return None
        unit = (
            UnitKerja.objects.visible_to(self.request.user).filter(pk=u).first()
            if u.isdigit()
            else None
        )
        if unit is None:
            raise Http404
        return unit

    def get_queryset(self):
        g = self.request.GET
        self.unit = self._unit()
        return selectors.kesenjangan_pegawai_list(
            actor=self.request.user, unit=self.unit, q=g.get("q", "").strip(),
            urut=g.get("o", ""), semua=g.get("semua") == "1",
        )  # fmt: skip

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        terbesar = selectors.kesenjangan_terbesar_per_pegawai(list(ctx["pegawai_list"]))
        for p in ctx["pegawai_list"]:
            p.terbesar = terbesar.get(p.pk, [])
        ctx.update(
            unit_pk=self.unit.pk if self.unit else None,
            unit_list=UnitKerja.objects.visible_to(self.request.user)
            .filter(aktif=True)
            .order_by("path")
            .only("pk", "nama", "path"),
            q=self.request.GET.get("q", ""),
            semua=self.request.GET.get("semua") == "1",
        )
        return ctx


# --- dashboard -------------------------------------------------------------------------------


class DasborView(TemplateView):
    """HR / pimpinan: share of employees under the yearly JP per unit, and the most common
    competence gaps. Constant queries whatever the number of employees."""

    template_name = "pengembangan/dasbor.html"

    def dispatch(self, request, *args, **kwargs):
        if not selectors.boleh_lihat_rekap(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        tahun = _tahun(self.request)
        page = Paginator(selectors.jp_per_unit(actor=user, tahun=tahun), 25).get_page(
            self.request.GET.get("page")
        )
        ctx.update(
            tahun=tahun,
            hak_jp=selectors.HAK_JP_TAHUNAN,
            total=selectors.jp_wilayah(actor=user, tahun=tahun),
            page_obj=page,
            unit_list=list(page.object_list),
            kesenjangan_list=selectors.kesenjangan_per_unit(actor=user, batas=20),
        )
        return ctx
