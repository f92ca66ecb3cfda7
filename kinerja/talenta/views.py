"""Pages of the talent app (docs/talenta.md): thin views over selectors and services."""

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
from django.views.generic import DetailView, FormView, ListView, TemplateView

from asn_kinerja.pdf import pdf_response, render_pdf
from asn_kinerja.pengalihan import tujuan_aman
from asn_kinerja.views import pesan_galat
from asn_kinerja.waktu import hari_ini
from organisasi import peran
from organisasi.models import UnitKerja, Wilayah
from pegawai.models import Pegawai
from pegawai.pengembangan.selectors import ringkasan_karier
from pegawai.selectors import pegawai_dari_pengguna

from . import impor, rules, selectors, services
from .forms import (
    HasilPotensiForm,
    ImporPotensiForm,
    KandidatForm,
    KoreksiForm,
    PengaturanTalentaForm,
    PosisiKunciForm,
)
from .models import (
    HasilPotensi,
    ImporPotensi,
    Kalibrasi,
    KandidatSuksesi,
    Level,
    PosisiKunci,
    SumbuKinerja,
)

NAMA_LEVEL = dict(Level.choices)
NAMA_SUMBU = dict(SumbuKinerja.choices)
#: Rows of the succession report PDF rendered in the request.
BATAS_PDF = 300


def _tahun(request: HttpRequest) -> int:
    """?tahun=, else `rules.tahun_bawaan` of the actor's today."""
    t = request.GET.get("tahun") or request.POST.get("tahun") or ""
    if t.isdigit() and 2000 <= int(t) <= 2100:
        return int(t)
    return rules.tahun_bawaan(hari_ini(getattr(request.user, "wilayah", None)))


def _unit(request: HttpRequest) -> UnitKerja | None:
    u = request.GET.get("unit", "")
    if not u.isdigit():
        return None
    return UnitKerja.objects.visible_to(request.user).filter(pk=u).first()


class NineBoxView(TemplateView):
    """The 9-box grid of a year (counts per box, click to the people), per wilayah or unit."""

    template_name = "talenta/9box.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        peran.wajib_pengawas_wilayah(self.request.user)
        ctx = super().get_context_data(**kwargs)
        user, tahun, unit = self.request.user, _tahun(self.request), _unit(self.request)
        data = selectors.grid_9box(actor=user, tahun=tahun, unit=unit)
        pool = set(selectors.pengaturan(user.wilayah_id).kotak_pool) if user.wilayah_id else set()
        ctx["grid"] = [
            {"level": NAMA_LEVEL[lv], "sel": [
                {"kotak": rules.KOTAK[(lv, sb)], "n": data["per_kotak"][rules.KOTAK[(lv, sb)]],
                 "pool": rules.KOTAK[(lv, sb)] in pool} for sb in rules.KOLOM_GRID]}
            for lv in rules.BARIS_GRID
        ]  # fmt: skip
        ctx["kolom"] = [NAMA_SUMBU[s] for s in rules.KOLOM_GRID]
        ctx.update(data, tahun=tahun, unit=unit, tahun_list=range(tahun + 1, tahun - 4, -1))
        ctx["kalibrasi"] = (
            selectors.kalibrasi_list(actor=user)
            .filter(wilayah_id=user.wilayah_id, tahun=tahun)
            .first()
            if user.wilayah_id
            else None
        )
        ctx["boleh_kalibrasi"] = peran.is_pengawas_wilayah_dari(user, user.wilayah_id)
        ctx["ringkasan"] = selectors.ringkasan_unit(actor=user, tahun=tahun)
        return ctx


class KotakPegawaiListView(ListView):
    """The people of one box (with the calibration override form while not locked)."""

    template_name = "talenta/kotak_pegawai.html"
    context_object_name = "pegawai_list"
    paginate_by = 50
    scoping_exempt = "kotak is a box number 1-9, not an object id; rows come from visible_to"

    def get_queryset(self):
        peran.wajib_pengawas_wilayah(self.request.user)
        kotak = self.kwargs["kotak"]
        if kotak not in range(1, 10):
            raise Http404
        qs = selectors.pegawai_di_kotak(
            actor=self.request.user,
            tahun=_tahun(self.request),
            kotak=kotak,
            unit=_unit(self.request),
        )
        q = self.request.GET.get("q", "").strip()
        if q:
            qs = qs.filter(nama__icontains=q) | qs.filter(nip=q)
        return qs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user, tahun = self.request.user, _tahun(self.request)
        k = (
            selectors.kalibrasi_list(actor=user)
            .filter(wilayah_id=user.wilayah_id, tahun=tahun)
            .first()
            if user.wilayah_id
            else None
        )
        ctx.update(kotak=self.kwargs["kotak"], tahun=tahun, kalibrasi=k, unit=_unit(self.request),
                   q=self.request.GET.get("q", ""),
                   boleh_koreksi=bool(k and not k.terkunci and peran.is_pengawas_wilayah_dari(user, k.wilayah_id)),
                   form=KoreksiForm(), nama_level=NAMA_LEVEL)  # fmt: skip
        return ctx


@require_POST
def kalibrasi_buat(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.wilayah_id:
        raise PermissionDenied
    tahun = _tahun(request)
    try:
        k = services.kalibrasi_buat(actor=user, wilayah=user.wilayah_id, tahun=tahun)
    except PermissionDenied as exc:
        raise PermissionDenied from exc
    messages.success(request, _("Kalibrasi 9-box %(tahun)s dibuka (draf).") % {"tahun": tahun})
    return redirect(k.get_absolute_url())


kalibrasi_buat.scoping_exempt = "no object id; the calibration is opened in the actor's wilayah"


class KalibrasiDetailView(DetailView):
    model = Kalibrasi
    template_name = "talenta/kalibrasi_detail.html"
    context_object_name = "kalibrasi"

    def get_object(self, queryset=None):
        peran.wajib_pengawas_wilayah(self.request.user)
        return get_object_or_404(
            selectors.kalibrasi_list(actor=self.request.user), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        k = self.object
        ctx["koreksi_list"] = selectors.koreksi_list(kalibrasi=k)
        ctx["boleh_kalibrasi"] = peran.is_pengawas_wilayah_dari(self.request.user, k.wilayah_id)
        from asn_kinerja.models import TransisiStatus

        ctx["riwayat"] = (
            TransisiStatus.objects.visible_to(self.request.user).untuk(k).select_related("oleh")
        )
        return ctx


def _aksi_kalibrasi(request: HttpRequest, pk: int, fn) -> HttpResponse:
    peran.wajib_pengawas_wilayah(request.user)
    k = get_object_or_404(selectors.kalibrasi_list(actor=request.user), pk=pk)
    try:
        fn(actor=request.user, kalibrasi=k, catatan=request.POST.get("catatan", ""))
    except ValidationError as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _("Status kalibrasi diperbarui."))
    return redirect(k.get_absolute_url())


@require_POST
def kalibrasi_tandai(request: HttpRequest, pk: int) -> HttpResponse:
    return _aksi_kalibrasi(request, pk, services.kalibrasi_tandai)


@require_POST
def kalibrasi_kunci(request: HttpRequest, pk: int) -> HttpResponse:
    return _aksi_kalibrasi(request, pk, services.kalibrasi_kunci)


@require_POST
def kalibrasi_koreksi(request: HttpRequest, pk: int) -> HttpResponse:
    peran.wajib_pengawas_wilayah(request.user)
    k = get_object_or_404(selectors.kalibrasi_list(actor=request.user), pk=pk)
    form = KoreksiForm(request.POST)
    kembali = tujuan_aman(request, request.POST.get("kembali"), k.get_absolute_url())
    if not form.is_valid():
        messages.error(
            request, _("Koreksi tidak disimpan: pilih kotak 1-9 dan isi catatan kalibrasi.")
        )
        return redirect(kembali)
    pegawai = (
        Pegawai.objects.visible_to(request.user).filter(pk=form.cleaned_data["pegawai"]).first()
    )
    if pegawai is None:
        raise Http404
    try:
        services.kalibrasi_koreksi(actor=request.user, kalibrasi=k, pegawai=pegawai,
                                   kotak_baru=form.cleaned_data["kotak_baru"],
                                   catatan=form.cleaned_data["catatan"])  # fmt: skip
    except ValidationError as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _("Kotak %(nama)s dikoreksi.") % {"nama": pegawai.nama})
    return redirect(kembali)


for _v in (kalibrasi_tandai, kalibrasi_kunci, kalibrasi_koreksi):
    _v.scoped_model = Kalibrasi


class HasilPotensiListView(ListView):
    """Potential results of the wilayah (search by name/NIP) and the entry form for HR."""

    template_name = "talenta/hasilpotensi_list.html"
    context_object_name = "hasil_list"
    paginate_by = 50

    def get_queryset(self):
        peran.wajib_pengawas_wilayah(self.request.user)
        qs = HasilPotensi.objects.visible_to(self.request.user).select_related("pegawai")
        q = self.request.GET.get("q", "").strip()
        if q:
            qs = qs.filter(pegawai__nama__icontains=q) | qs.filter(pegawai__nip=q)
        return qs.order_by("-tanggal", "-pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["boleh_kelola"] = peran.is_hr_wilayah(user, user.wilayah_id)
        ctx["boleh_impor"] = ctx["boleh_kelola"] and bool(user.wilayah_id)
        ctx["form"] = kwargs.get("form") or HasilPotensiForm(actor=user)
        ctx["q"] = self.request.GET.get("q", "")
        return ctx

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        peran.wajib_pengawas_wilayah(request.user)
        form = HasilPotensiForm(request.POST, actor=request.user)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.hasil_potensi_catat(actor=request.user, pegawai=d["nip"], sumber=d["sumber"],
                                             tanggal=d["tanggal"], skor=d["skor"], level=d["level"] or None,
                                             catatan=d["catatan"])  # fmt: skip
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, _("Hasil potensi %(nama)s disimpan.") % {"nama": d["nip"].nama}
                )
                return redirect("talenta:hasilpotensi_list")
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form), status=400)


# --- import of potential results (kinerja.talenta.impor) ------------------------------------


class ImporPotensiListView(ListView):
    """Upload of an Excel file (checked first, preview) and the history of imports."""

    template_name = "talenta/imporpotensi_list.html"
    context_object_name = "daftar"
    paginate_by = 25

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        peran.wajib_hr_wilayah_sendiri(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.impor_potensi_list(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["form"] = kwargs.get("form") or ImporPotensiForm()
        ctx["kolom"] = impor.KOLOM
        return ctx

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = ImporPotensiForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                hasil = impor.impor_pratinjau(
                    actor=request.user, berkas=form.cleaned_data["berkas"]
                )
            except ValidationError as exc:
                form.add_error("berkas", exc.messages)
            else:
                return redirect(hasil)
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form), status=400)


NAMA_SUMBER = dict(HasilPotensi.Sumber.choices)


def _baris_pratinjau(b: dict[str, Any]) -> dict[str, Any]:
    """One preview row with every cell the page shows (the stored JSON may lack a key)."""
    mentah, data = b.get("mentah") or {}, b.get("data") or {}
    tanggal = data.get("tanggal") or ""
    return {
        "no": b.get("no"),
        "nip": mentah.get("NIP", ""),
        "nama": data.get("nama") or "",
        "sumber": NAMA_SUMBER.get(data.get("sumber"), mentah.get("SUMBER", "")),
        "tanggal": "-".join(reversed(tanggal.split("-"))) if tanggal else mentah.get("TANGGAL", ""),
        "skor": data.get("skor") or mentah.get("SKOR", ""),
        "level": NAMA_LEVEL.get(data.get("level"), mentah.get("LEVEL", "")),
        "level_otomatis": bool(data.get("level_otomatis")),
        "catatan": data.get("catatan") or mentah.get("CATATAN", ""),
        "galat": b.get("galat") or [],
        "salah": set(b.get("sel_galat") or []),
    }


class ImporPotensiDetailView(DetailView):
    """The preview (rows with their errors per cell) and, once run, the result."""

    model = ImporPotensi
    template_name = "talenta/imporpotensi_detail.html"
    context_object_name = "impor"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        peran.wajib_hr_wilayah_sendiri(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.impor_potensi_list(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        baris = self.object.baris
        hanya_galat = self.request.GET.get("galat") == "1"
        if hanya_galat:
            baris = [b for b in baris if b.get("galat")]
        page = Paginator(baris, 50).get_page(self.request.GET.get("page"))
        page.object_list = [_baris_pratinjau(b) for b in page.object_list]
        ctx.update(page_obj=page, hanya_galat=hanya_galat)
        return ctx


def _impor_objek(request: HttpRequest, pk: int) -> ImporPotensi:
    peran.wajib_hr_wilayah_sendiri(request.user)
    return get_object_or_404(selectors.impor_potensi_list(actor=request.user), pk=pk)


@require_POST
def imporpotensi_jalankan(request: HttpRequest, pk: int) -> HttpResponse:
    objek = _impor_objek(request, pk)
    try:
        n = impor.impor_jalankan(actor=request.user, impor=objek)
    except ValidationError as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _("%(n)s hasil potensi berhasil diimpor.") % {"n": n})
    return redirect(objek)


@require_POST
def imporpotensi_batalkan(request: HttpRequest, pk: int) -> HttpResponse:
    objek = _impor_objek(request, pk)
    try:
        impor.impor_batalkan(actor=request.user, impor=objek)
    except ValidationError as exc:
        messages.error(request, pesan_galat(exc))
        return redirect(objek)
    messages.info(request, _("Impor dibatalkan; tidak ada data yang ditulis."))
    return redirect("talenta:imporpotensi_list")


for _v in (imporpotensi_jalankan, imporpotensi_batalkan):
    _v.scoped_model = ImporPotensi


def imporpotensi_templat(request: HttpRequest) -> HttpResponse:
    peran.wajib_hr_wilayah_sendiri(request.user)
    resp = HttpResponse(
        impor.templat_xlsx(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    resp["Content-Disposition"] = 'attachment; filename="templat-impor-potensi.xlsx"'
    return resp


# --- settings of the wilayah: pool boxes and potential thresholds ---------------------------


def pengaturan_saya(request: HttpRequest) -> HttpResponse:
    """/talenta/pengaturan/: the settings of the HR officer's own wilayah."""
    peran.wajib_hr_wilayah_sendiri(request.user)
    return redirect("talenta:pengaturan", pk=request.user.wilayah_id)


class PengaturanTalentaView(FormView):
    """The wilayah's pool boxes and thresholds (HR of the wilayah; `pk` is the Wilayah's, so
    another wilayah is a 404 before any role check). A GET writes nothing: the settings row
    is created by the first save."""

    template_name = "talenta/pengaturantalenta_form.html"
    form_class = PengaturanTalentaForm
    scoped_model = Wilayah

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.wilayah = get_object_or_404(Wilayah.objects.visible_to(request.user), pk=kwargs["pk"])
        if not peran.is_hr_wilayah(request.user, self.wilayah.pk):
            raise PermissionDenied
        self.pengaturan = selectors.pengaturan(self.wilayah.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        p = self.pengaturan
        return {"kotak_pool": list(p.kotak_pool), "batas_menengah": p.batas_menengah,
                "batas_tinggi": p.batas_tinggi}  # fmt: skip

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["wilayah"] = self.wilayah
        ctx["riwayat"] = (
            list(self.pengaturan.history.select_related("history_user")[:5])
            if self.pengaturan.pk
            else []
        )
        return ctx

    def form_valid(self, form: PengaturanTalentaForm) -> HttpResponse:
        d = form.cleaned_data
        try:
            services.pengaturan_simpan(actor=self.request.user, wilayah=self.wilayah,
                                       kotak_pool=d["kotak_pool"], batas_menengah=d["batas_menengah"],
                                       batas_tinggi=d["batas_tinggi"])  # fmt: skip
        except ValidationError as exc:
            form.add_error(None, exc)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Pengaturan talenta %(w)s disimpan.") % {"w": self.wilayah}
        )
        return redirect("talenta:pengaturan", pk=self.wilayah.pk)

    def form_invalid(self, form: PengaturanTalentaForm) -> HttpResponse:
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PosisiKunciListView(ListView):
    """Key positions with succession coverage and the risk flag."""

    template_name = "talenta/posisikunci_list.html"
    context_object_name = "posisi_list"
    paginate_by = 50

    def get_queryset(self):
        peran.wajib_pengawas_wilayah(self.request.user)
        return selectors.posisi_kunci_list(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["boleh_kelola"] = peran.is_hr_wilayah(user, user.wilayah_id) and bool(user.wilayah_id)
        if ctx["boleh_kelola"]:
            ctx["form"] = PosisiKunciForm(actor=user)
        ctx.update(selectors.cakupan_suksesi(actor=user))
        return ctx

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        peran.wajib_pengawas_wilayah(request.user)
        form = PosisiKunciForm(request.POST, actor=request.user)
        if not form.is_valid():
            messages.error(request, _("Pilih jabatan JPT atau administrator di wilayah Anda."))
            return redirect("talenta:posisikunci_list")
        try:
            p = services.posisi_kunci_tandai(
                actor=request.user, jabatan=form.cleaned_data["jabatan"]
            )
        except ValidationError as exc:
            messages.error(request, pesan_galat(exc))
            return redirect("talenta:posisikunci_list")
        return redirect(p.get_absolute_url())


class PosisiKunciDetailView(DetailView):
    """The succession plan of one key position: candidates, readiness, recommendations."""

    model = PosisiKunci
    template_name = "talenta/posisikunci_detail.html"
    context_object_name = "posisi"

    def get_object(self, queryset=None):
        peran.wajib_pengawas_wilayah(self.request.user)
        return get_object_or_404(
            selectors.posisi_kunci_list(actor=self.request.user), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from pegawai.penempatan import kandidat_penempatan

        ctx = super().get_context_data(**kwargs)
        user, posisi, tahun = self.request.user, self.object, _tahun(self.request)
        ctx["kandidat_list"] = selectors.kandidat_list(posisi=posisi)
        ctx["boleh_kelola"] = peran.is_hr_wilayah(user, posisi.wilayah_id)
        ctx["tahun"] = tahun
        if ctx["boleh_kelola"]:
            ctx["form"] = kwargs.get("form") or KandidatForm(actor=user)
            pool = selectors.pool(actor=user, tahun=tahun, wilayah_id=posisi.wilayah_id).values(
                "pk"
            )
            ctx["rekomendasi"] = list(
                kandidat_penempatan(actor=user, jabatan=posisi.jabatan)
                .filter(pk__in=pool)
                .exclude(kandidat_suksesi_set__posisi=posisi)[:10]
            )
        return ctx

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.object = self.get_object()
        form = KandidatForm(request.POST, actor=request.user)
        if form.is_valid():
            try:
                services.kandidat_tambah(actor=request.user, posisi=self.object, pegawai=form.cleaned_data["nip"],
                                         kesiapan=form.cleaned_data["kesiapan"], tahun=_tahun(request))  # fmt: skip
            except ValidationError as exc:
                form.add_error("nip", exc.messages)
            else:
                messages.success(request, _("Kandidat ditambahkan."))
                return redirect(self.object.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form), status=400)


@require_POST
def posisikunci_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    peran.wajib_pengawas_wilayah(request.user)
    p = get_object_or_404(selectors.posisi_kunci_list(actor=request.user), pk=pk)
    services.posisi_kunci_hapus(actor=request.user, posisi=p)
    messages.success(request, _("Posisi kunci %(nama)s dihapus.") % {"nama": p.jabatan.nama})
    return redirect("talenta:posisikunci_list")


posisikunci_hapus.scoped_model = PosisiKunci


@require_POST
def kandidat_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    peran.wajib_pengawas_wilayah(request.user)
    k = (
        KandidatSuksesi.objects.visible_to(request.user)
        .select_related("posisi")
        .filter(pk=pk)
        .first()
    )
    if k is None:
        raise Http404
    services.kandidat_hapus(actor=request.user, kandidat=k)
    messages.success(request, _("Kandidat dihapus."))
    return redirect(k.posisi.get_absolute_url())


kandidat_hapus.scoped_model = KandidatSuksesi


def laporan_suksesi_pdf(request: HttpRequest) -> HttpResponse:
    """Succession report of the actor's wilayah with letterhead."""
    peran.wajib_pengawas_wilayah(request.user)
    if not request.user.wilayah_id:
        raise Http404
    posisi = list(
        selectors.posisi_kunci_list(actor=request.user).filter(wilayah_id=request.user.wilayah_id)[
            :BATAS_PDF
        ]
    )
    kandidat = (
        KandidatSuksesi.objects.visible_to(request.user)
        .filter(posisi__in=posisi)
        .select_related("pegawai")
    )
    per_posisi: dict[int, list] = {}
    for k in kandidat.order_by("posisi_id", "-skor", "pk"):
        per_posisi.setdefault(k.posisi_id, []).append(k)
    for p in posisi:
        p.kandidat = per_posisi.get(p.pk, [])
    pdf = render_pdf(
        "talenta/pdf/laporan_suksesi.html", {"posisi_list": posisi}, wilayah=request.user.wilayah
    )
    return pdf_response(pdf, "laporan-suksesi.pdf")


def profil_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Talent profile of one employee (the 9-box of the last years, candidacies)."""
    peran.wajib_pengawas_wilayah(request.user)
    pegawai = (
        Pegawai.objects.visible_to(request.user)
        .select_related("unit", "jabatan", "wilayah")
        .filter(pk=pk)
        .first()
    )
    if pegawai is None:
        raise Http404
    tahun = rules.tahun_bawaan(hari_ini(pegawai.wilayah))
    ctx = {
        "pegawai": pegawai,
        "riwayat": selectors.riwayat_kotak(
            pegawai=pegawai, tahun_list=list(range(tahun, tahun - 3, -1))
        ),
        "kandidat_list": selectors.kandidat_untuk(pegawai=pegawai),
        "potensi_list": HasilPotensi.objects.visible_to(request.user).filter(pegawai=pegawai)[:10],
        "nama_level": NAMA_LEVEL,
    }
    pdf = render_pdf("talenta/pdf/profil_talenta.html", ctx, wilayah=pegawai.wilayah)
    return pdf_response(pdf, f"profil-talenta-{pegawai.nip}.pdf")


profil_pdf.scoped_model = Pegawai


class KarierView(TemplateView):
    """/talenta/karier/: the logged-in employee's own 9-box history and candidacies."""

    template_name = "talenta/karier.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        pegawai = pegawai_dari_pengguna(self.request.user)
        if pegawai is None:
            raise PermissionDenied
        tahun = rules.tahun_bawaan(hari_ini(self.request.user.wilayah))
        ctx["pegawai"] = pegawai
        ctx["riwayat"] = selectors.riwayat_kotak(
            pegawai=pegawai, tahun_list=list(range(tahun, tahun - 5, -1))
        )
        ctx["kandidat_list"] = selectors.kandidat_untuk(pegawai=pegawai)
        ctx["nama_level"] = NAMA_LEVEL
        # Development (pegawai.pengembangan): this calendar year's IDP and JP against 20.
        ctx["ringkasan"] = ringkasan_karier(pegawai, hari_ini(self.request.user.wilayah).year)
        return ctx


def url_kotak(kotak: int, tahun: int) -> str:
    return reverse("talenta:kotak_pegawai", args=[kotak]) + f"?tahun={tahun}"
