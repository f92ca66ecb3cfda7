"""Pages of the TPP app: thin views over selectors and services (README table, docs/tpp.md)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, FormView, ListView

from asn_kinerja.antrean import AntreanTidakTersedia
from asn_kinerja.formatting import tanggal_indonesia
from asn_kinerja.pdf import pdf_response, render_pdf
from asn_kinerja.views import galat_ke_form, pesan_form, pesan_galat
from asn_kinerja.waktu import hari_ini
from organisasi import peran

from . import ekspor, rules, selectors, services
from .forms import BarisFilterForm, BukaForm, BulanForm, PengaturanForm
from .models import BulanTPP, PengaturanTPP, TPPPegawai

#: Rows of one daftar nominatif rendered in the request (WeasyPrint: ~4 s for 400 rows on
#: this machine); a larger list is printed per unit, or taken from the Excel export.
BATAS_PDF = 400
#: Rows of the per-unit totals on the page (a flat wilayah may have thousands of units).
BATAS_RINGKASAN = 60


class BulanTPPListView(ListView):
    """The wilayah's TPP months; HR opens (and computes) a new one here."""

    model = BulanTPP
    template_name = "tpp/bulantpp_list.html"
    context_object_name = "bulan_list"
    paginate_by = 24

    def get_queryset(self):
        peran.wajib_pengawas_wilayah(self.request.user)
        return selectors.bulan_list(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["boleh_kelola"] = peran.is_hr_wilayah(user, user.wilayah_id) and user.wilayah_id
        hari = hari_ini(getattr(user, "wilayah", None))
        lalu = hari.replace(day=1) - dt.timedelta(days=1)  # default: the month just ended
        ctx["form"] = BulanForm(initial={"tahun": lalu.year, "bulan": lalu.month})
        return ctx


@require_POST
def bulan_buat(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.wilayah_id or not peran.is_hr_wilayah(user, user.wilayah_id):
        raise PermissionDenied
    form = BulanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih bulan dan tahun yang sah."))
        return redirect("tpp:bulantpp_list")
    bulan = services.bulan_buat(actor=user, wilayah=user.wilayah, **form.cleaned_data)
    return _mulai_hitung(request, bulan)


bulan_buat.scoping_exempt = "no object id in the URL; the month is created in the actor's wilayah"


def _mulai_hitung(request: HttpRequest, bulan: BulanTPP) -> HttpResponse:
    try:
        services.tpp_hitung_mulai(actor=request.user, bulan=bulan)
    except AntreanTidakTersedia as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.warning(request, pesan_galat(exc))
    else:
        messages.success(request, _("Perhitungan TPP dimulai. Kemajuan tampil di bawah ini."))
    return redirect(bulan.get_absolute_url())


class BulanTPPDetailView(ListView):
    """One month: totals, per-unit totals, the rows (search, filter, sort, 50 a page), the
    actions and the audit trail."""

    scoped_model = BulanTPP
    template_name = "tpp/bulantpp_detail.html"
    context_object_name = "baris_list"
    paginate_by = 50

    def get_queryset(self):
        peran.wajib_pengawas_wilayah(self.request.user)
        self.bulan = get_object_or_404(
            selectors.bulan_list(actor=self.request.user), pk=self.kwargs["pk"]
        )
        self.filter_form = BarisFilterForm(
            self.request.GET or None,
            units=selectors.unit_pilihan(actor=self.request.user, bulan=self.bulan),
        )
        f = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        self.unit = f.get("unit")
        self.total = selectors.total(actor=self.request.user, bulan=self.bulan, unit=self.unit)
        self.tanpa_saring = not f.get("q") and not f.get("tanda")
        return selectors.baris_list(
            actor=self.request.user, bulan=self.bulan, unit=self.unit, q=f.get("q", ""),
            tanda=f.get("tanda", ""), urut=self.request.GET.get("o", ""),
        )  # fmt: skip

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        paginator = super().get_paginator(
            queryset, per_page, orphans, allow_empty_first_page, **kwargs
        )
        if self.tanpa_saring:  # the count is known from the per-unit totals: no COUNT(*)
            paginator.count = self.total["jumlah"] or 0
        return paginator

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ringkasan = selectors.ringkasan_unit(actor=user, bulan=self.bulan, unit=self.unit)
        ctx.update(
            bulan=self.bulan,
            filter=SimpleNamespace(form=self.filter_form),
            unit=self.unit,
            ringkasan_unit=ringkasan[:BATAS_RINGKASAN],
            ringkasan_lain=max(0, len(ringkasan) - BATAS_RINGKASAN),
            total=self.total,
            riwayat_list=selectors.riwayat_list(actor=user, bulan=self.bulan)[:20],
            boleh_kelola=peran.is_hr_wilayah(user, self.bulan.wilayah_id),
            buka_form=BukaForm(),
            querystring=self.request.GET.urlencode(),
            macet=_macet(self.bulan),
        )
        return ctx


def _macet(bulan: BulanTPP) -> bool:
    return bool(
        bulan.proses == BulanTPP.Proses.ANTRE
        and bulan.proses_mulai
        and timezone.now() - bulan.proses_mulai > dt.timedelta(seconds=30)
    )


class BulanTPPProsesView(DetailView):
    """The job's status card (htmx polls it every second while it runs)."""

    model = BulanTPP
    template_name = "tpp/_proses.html"
    context_object_name = "bulan"

    def get_object(self, queryset=None):
        peran.wajib_pengawas_wilayah(self.request.user)
        return get_object_or_404(
            selectors.bulan_list(actor=self.request.user), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["macet"] = _macet(self.object)
        return ctx


def _bulan_kelola(request: HttpRequest, pk: int) -> BulanTPP:
    bulan = get_object_or_404(selectors.bulan_list(actor=request.user), pk=pk)
    if not peran.is_hr_wilayah(request.user, bulan.wilayah_id):
        raise PermissionDenied
    return bulan


@require_POST
def bulan_hitung(request: HttpRequest, pk: int) -> HttpResponse:
    return _mulai_hitung(request, _bulan_kelola(request, pk))


@require_POST
def bulan_kunci(request: HttpRequest, pk: int) -> HttpResponse:
    bulan = _bulan_kelola(request, pk)
    try:
        services.tpp_kunci(actor=request.user, bulan=bulan, nowait=True)
    except ValidationError as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _("TPP %(b)s dikunci (final).") % {"b": bulan})
    return redirect(bulan.get_absolute_url())


@require_POST
def bulan_buka(request: HttpRequest, pk: int) -> HttpResponse:
    bulan = _bulan_kelola(request, pk)
    form = BukaForm(request.POST)
    if not form.is_valid():
        messages.error(request, pesan_form(form))
        return redirect(bulan.get_absolute_url())
    try:
        services.tpp_buka(actor=request.user, bulan=bulan, catatan=form.cleaned_data["catatan"])
    except ValidationError as exc:
        messages.error(request, pesan_galat(exc))
    else:
        messages.success(request, _("TPP %(b)s dibuka kembali sebagai draf.") % {"b": bulan})
    return redirect(bulan.get_absolute_url())


for _v in (bulan_hitung, bulan_kunci, bulan_buka):
    _v.scoped_model = BulanTPP


def bulan_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    peran.wajib_pengawas_wilayah(request.user)
    bulan = get_object_or_404(selectors.bulan_list(actor=request.user), pk=pk)
    qs = selectors.baris_list(actor=request.user, bulan=bulan)
    data = ekspor.xlsx_bulan(bulan, qs)
    return ekspor.xlsx_response(
        data, f"tpp-{bulan.wilayah.kode}-{bulan.tahun}-{bulan.bulan:02d}.xlsx"
    )


def bulan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """Daftar nominatif: letterhead, rows grouped per unit with unit totals, grand total,
    signatures. `?unit=` narrows to a unit's subtree (a large wilayah prints per OPD)."""
    peran.wajib_pengawas_wilayah(request.user)
    bulan = get_object_or_404(selectors.bulan_list(actor=request.user), pk=pk)
    units = selectors.unit_pilihan(actor=request.user, bulan=bulan)
    unit = (
        units.filter(pk=request.GET.get("unit")).first()
        if request.GET.get("unit", "").isdigit()
        else None
    )
    qs = selectors.baris_list(actor=request.user, bulan=bulan, unit=unit)
    jumlah = qs.count()
    if jumlah > BATAS_PDF:
        messages.warning(
            request,
            _(
                "Daftar nominatif memuat %(n)s pegawai (batas %(b)s): pilih unit kerja, atau pakai ekspor Excel."
            )
            % {"n": jumlah, "b": BATAS_PDF},
        )
        return redirect(bulan.get_absolute_url())
    kelompok: list[dict] = []
    for r in qs:
        if not kelompok or kelompok[-1]["unit_id"] != r.unit_id:
            kelompok.append({"unit_id": r.unit_id, "unit": r.unit, "baris": [], "pagu": 0,
                             "potongan": 0, "netto": 0})  # fmt: skip
        k = kelompok[-1]
        k["baris"].append(r)
        k["pagu"] += r.pagu
        k["potongan"] += r.potongan_kinerja + r.potongan_disiplin + r.potongan_sanksi
        k["netto"] += r.netto
    wilayah = bulan.wilayah
    ctx = {
        "bulan": bulan,
        "unit": unit,
        "kelompok": kelompok,
        "total": selectors.total(actor=request.user, bulan=bulan, unit=unit),
        "penandatangan": [
            {"peran": _("Bendahara Pengeluaran"), "nama": "", "nip": ""},
            {
                "peran": _("Pengguna Anggaran"),
                "jabatan": unit.nama if unit else wilayah.nama_instansi,
                "nama": "",
                "nip": "",
            },  # fmt: skip
        ],
        "tempat_tanggal": f"{wilayah.kota_surat or wilayah.nama}, {tanggal_indonesia(hari_ini(wilayah))}",
    }
    pdf = render_pdf("tpp/pdf/daftar_nominatif.html", ctx, wilayah=wilayah)
    return pdf_response(
        pdf, f"daftar-nominatif-tpp-{wilayah.kode}-{bulan.tahun}-{bulan.bulan:02d}.pdf"
    )


bulan_xlsx.scoped_model = BulanTPP
bulan_pdf.scoped_model = BulanTPP


class PengaturanView(FormView):
    """The wilayah's TPP rules (HR of the wilayah)."""

    form_class = PengaturanForm
    template_name = "tpp/pengaturantpp_form.html"

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if (
            not user.is_authenticated
            or not user.wilayah_id
            or not peran.is_hr_wilayah(user, user.wilayah_id)
        ):
            raise PermissionDenied
        self.pengaturan = services.pengaturan_untuk(user.wilayah)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kw = super().get_form_kwargs()
        kw["instance"] = PengaturanTPP.objects.visible_to(self.request.user).get(
            pk=self.pengaturan.pk
        )
        return kw

    def form_valid(self, form: PengaturanForm) -> HttpResponse:
        try:
            services.pengaturan_simpan(actor=self.request.user, pengaturan=self.pengaturan,
                                       data=form.data_aturan())  # fmt: skip
        except ValidationError as exc:
            galat_ke_form(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _(
                "Pengaturan TPP disimpan. Bulan yang masih draf memakai aturan baru saat dihitung ulang."
            ),
        )
        return redirect("tpp:pengaturan")


class TPPSayaListView(ListView):
    """The employee's own TPP months."""

    template_name = "tpp/tpp_saya.html"
    context_object_name = "baris_list"
    paginate_by = 24

    def get_queryset(self):
        return selectors.tpp_saya(actor=self.request.user)


class TPPPegawaiDetailView(DetailView):
    """One employee's month with the explanation of every rupiah."""

    model = TPPPegawai
    template_name = "tpp/tpppegawai_detail.html"
    context_object_name = "baris"

    def get_object(self, queryset=None):
        return get_object_or_404(
            selectors.tpppegawai_terlihat(actor=self.request.user), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        b = self.object
        if not b.bulan.aturan:
            raise Http404
        aturan = rules.Aturan.from_json(b.bulan.aturan)
        ctx["penjelasan"] = rules.penjelasan(aturan, b.masukan())
        ctx["aturan"] = aturan
        return ctx
