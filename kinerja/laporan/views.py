"""Dashboards, recap lists, exports and reports. Thin views over `selectors` (reads, always
scoped through `visible_to`) and `services` (jobs)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from asn_kinerja.antrean import AntreanTidakTersedia
from asn_kinerja.pdf import pdf_response
from asn_kinerja.pengalihan import tujuan_next
from asn_kinerja.views import pesan_galat
from asn_kinerja.waktu import hari_ini
from kinerja.models import SKP, EvaluasiPeriodik, EvaluasiTahunan
from kinerja.rules import cek_kurva
from kinerja.skm.selectors import ikm_unit, ikm_wilayah
from organisasi.models import UnitKerja, Wilayah
from organisasi.peran import is_hr_wilayah, is_pengawas_wilayah
from pegawai.cuti.selectors import saldo_cuti
from pegawai.models import Pegawai
from pegawai.rules import HAK_JP_TAHUNAN
from pegawai.selectors import jam_pelatihan, pegawai_dari_pengguna, pegawai_list, unit_dipimpin

from . import ekspor, pdf, selectors, tasks
from .forms import KehadiranUnitForm, PeriodeForm, RekapFilterForm, bulan_dari_teks
from .models import ProsesLaporan

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def _chart_data(d: selectors.Dasbor) -> dict[str, Any]:
    """The numbers the dashboard charts draw (passed with json_script)."""
    rekap = d.rekap
    return {
        "distribusi": {
            "label": [str(label) for _v, label, _n in rekap.distribusi] if rekap else [],
            "nilai": [n for _v, _l, n in rekap.distribusi] if rekap else [],
            "kunci": [v or "kosong" for v, _l, _n in rekap.distribusi] if rekap else [],
        },
        "unit": {
            "id": [a.unit.pk for a in d.baris_unit],
            "label": [a.unit.nama for a in d.baris_unit],
            "skp": [round(a.persen_skp or 0, 1) for a in d.baris_unit],
            "dinilai": [round(a.persen_dinilai or 0, 1) for a in d.baris_unit],
            "hadir": [round(a.persen_kehadiran or 0, 1) for a in d.baris_unit],
        },
        "tren": {
            "id": [t["periode"].pk for t in d.tren],
            "label": [t["label"] for t in d.tren],
            "dinilai": [t["persen_dinilai"] for t in d.tren],
            "skp": [t["persen_skp"] for t in d.tren],
            "hadir": [t["persen_kehadiran"] for t in d.tren],
        },
    }


def _q(d: selectors.Dasbor, actor: Pengguna) -> str:
    """The querystring that leads from a dashboard number to the list behind it."""
    if d.periode is None:
        return ""
    q = f"periode={d.periode.pk}"
    if d.unit is not None:
        q += f"&unit={d.unit.pk}"
    if actor.is_admin_nasional:
        q += f"&wilayah={d.wilayah.kode}"
    return q


def _atau_404(selector: Any, **kwargs: Any) -> Any:
    """`selector(**kwargs)`, with its `TidakDitemukan` (a unit or window the actor may not
    see) answered as a 404."""
    try:
        return selector(**kwargs)
    except selectors.TidakDitemukan as exc:
        raise Http404 from exc


def _wilayah_atau_404(actor: Pengguna, kode_atau_id: Any) -> Wilayah:
    wilayah = selectors.wilayah_untuk(actor=actor, kode_atau_id=kode_atau_id)
    if wilayah is None:
        raise Http404
    return wilayah


class PeranMixin:
    def wilayah_aktif(self):
        return _wilayah_atau_404(self.request.user, self.request.GET.get("wilayah"))


class BerandaView(PeranMixin, TemplateView):
    """Home page per role: HR and pimpinan the wilayah dashboard summary, a section head the
    unit summary, an employee their own progress, a national admin the comparison."""

    template_name = "laporan/beranda.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["pegawai_saya"] = pegawai_dari_pengguna(user)
        if user.is_admin_nasional:
            ctx["ringkasan"] = selectors.ringkasan_beranda(actor=user, per_wilayah=True)
            ctx["per_wilayah"] = ctx["ringkasan"]["per_wilayah"]
            ctx["perbandingan"] = selectors.perbandingan_wilayah(actor=user)
            ctx["peran"] = "admin"
        elif is_pengawas_wilayah(user):
            ctx["ringkasan"] = selectors.ringkasan_beranda(actor=user)
            d = _atau_404(selectors.dasbor_wilayah, actor=user, wilayah=self.wilayah_aktif())
            ctx.update(dasbor=d, grafik=_chart_data(d), peran="wilayah", q=_q(d, user))
        elif unit_dipimpin(user) is not None:
            d = _atau_404(selectors.dasbor_unit, actor=user)
            ctx.update(dasbor=d, grafik=_chart_data(d), peran="unit", q=_q(d, user))
        if ctx["pegawai_saya"] is not None:
            ctx["saya"] = selectors.dasbor_pegawai(actor=user, pegawai=ctx["pegawai_saya"])
        return ctx


class DasborWilayahView(PeranMixin, TemplateView):
    template_name = "laporan/dasbor_wilayah.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        if not is_pengawas_wilayah(user):
            raise PermissionDenied
        d = _atau_404(
            selectors.dasbor_wilayah,
            actor=user,
            wilayah=self.wilayah_aktif(),
            periode_id=self.request.GET.get("periode"),
        )
        ctx.update(dasbor=d, grafik=_chart_data(d), q=_q(d, user))
        if d.periode is not None:  # citizen feedback (SKM) in the same window: one query
            ctx["ikm"] = ikm_wilayah(
                wilayah=d.wilayah,
                mulai=d.periode.tanggal_mulai,
                selesai=d.periode.tanggal_selesai,
                actor=user,
            )
        if user.is_admin_nasional:
            ctx["wilayah_list"] = Wilayah.objects.visible_to(user).order_by("nama")
        return ctx


class DasborUnitView(TemplateView):
    template_name = "laporan/dasbor_unit.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        d = _atau_404(
            selectors.dasbor_unit,
            actor=user,
            unit_id=self.request.GET.get("unit"),
            periode_id=self.request.GET.get("periode"),
        )
        ctx.update(dasbor=d, grafik=_chart_data(d), q=_q(d, user))
        if d.periode is not None and d.unit is not None:
            ctx["ikm"] = ikm_unit(
                unit=d.unit,
                mulai=d.periode.tanggal_mulai,
                selesai=d.periode.tanggal_selesai,
                actor=user,
            )
        agg = d.staf_langsung
        if agg is not None and agg.predikat_unit:
            counts: dict[Any, int] = {
                v: agg.angka[f"jumlah_{v}"] for v, _l, _n in agg.distribusi if v
            }
            counts[None] = agg.angka["jumlah_belum_dinilai"]
            ctx["kurva"] = cek_kurva(
                agg.predikat_unit,
                counts,
                bulatkan_menguntungkan=d.periode.periode_kinerja.aturan_pembulatan_kecil,
            )
        ctx["leluhur"] = (
            UnitKerja.objects.visible_to(user)
            .filter(pk__in=d.unit.ancestor_ids)
            .filter(pk__in=selectors.unit_boleh_dilihat(actor=user).values("pk"))
            .order_by("depth")
        )
        return ctx


class DasborPegawaiView(TemplateView):
    template_name = "laporan/dasbor_pegawai.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        pegawai = pegawai_dari_pengguna(user)
        pk = self.request.GET.get("pegawai")
        if pk:
            pegawai = get_object_or_404(
                pegawai_list(actor=user).select_related("unit", "jabatan"), pk=selectors._int(pk)
            )
        if pegawai is None:
            raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
        ctx["saya"] = selectors.dasbor_pegawai(actor=user, pegawai=pegawai)
        tahun = hari_ini().year
        ctx["tahun"] = tahun
        ctx["jam_pelatihan"] = jam_pelatihan(pegawai, tahun)
        ctx["hak_pelatihan"] = HAK_JP_TAHUNAN  # DOMAIN.md section 4
        ctx["saldo_cuti"] = saldo_cuti(pegawai, tahun)
        ctx["skp_list"] = (
            SKP.objects.visible_to(user)
            .filter(pegawai=pegawai)
            .select_related("periode_kinerja")
            .order_by("-periode_kinerja__tahun")[:5]
        )
        return ctx


# --- Recap list and exports --------------------------------------------------------------------


class RekapFilterMixin(PeranMixin):
    URUTAN = {
        "nama": "pegawai__nama",
        "unit": "unit__path",
        "predikat": "predikat",
        "status": "status_evaluasi",
        "terlambat": "menit_terlambat",
        "alpa": "hari_alpa",
        "log": "jumlah_log_harian",
    }

    def _wilayah(self):
        user = self.request.user
        if is_pengawas_wilayah(user):
            return self.wilayah_aktif()
        p = pegawai_dari_pengguna(user)
        if p is None:
            raise PermissionDenied
        return p.wilayah

    def rekap_queryset(self):
        user = self.request.user
        self.wilayah = self._wilayah()
        self.form = RekapFilterForm(self.request.GET or None, actor=user, wilayah=self.wilayah)
        qs = selectors.rekap_pegawai_list(actor=user).filter(wilayah=self.wilayah)
        periodes = selectors.periode_list(actor=user, wilayah=self.wilayah)
        self.periode = None
        if self.form.is_bound and not self.form.is_valid():
            self.periode = periodes[0] if periodes else None
            return qs.none()
        periode = self.form.cleaned_data.get("periode") if self.form.is_bound else None
        self.periode = periode or (periodes[0] if periodes else None)
        if self.periode is None:
            return qs.none()
        qs = qs.filter(periode_penilaian=self.periode)
        if self.form.is_bound:
            qs = self.form.terapkan(qs)
        o = self.request.GET.get("o", "")
        kunci = o.lstrip("-")
        if kunci in self.URUTAN:
            kolom = self.URUTAN[kunci]
            return qs.order_by(
                F(kolom).desc() if o.startswith("-") else F(kolom).asc(), "pegawai__nama", "pk"
            )
        return qs.order_by("unit__path", "pegawai__nama", "pk")


class RekapPegawaiListView(RekapFilterMixin, ListView):
    template_name = "laporan/rekappegawai_list.html"
    paginate_by = 25
    context_object_name = "rekap_list"

    def get_queryset(self):
        return self.rekap_queryset()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["filter"] = type("F", (), {"form": self.form})()
        ctx["periode"] = self.periode
        ctx["wilayah"] = self.wilayah
        ctx["dihitung_pada"] = (
            self.periode.rekap_wilayah.dihitung_pada
            if self.periode is not None and hasattr(self.periode, "rekap_wilayah")
            else None
        )
        ctx["querystring"] = self.request.GET.urlencode()
        return ctx


class RekapPegawaiExcelView(RekapFilterMixin, TemplateView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        qs = self.rekap_queryset()
        nama = (
            f"rekap-pegawai-{self.wilayah.kode}-{self.periode.tanggal_mulai:%Y-%m}.xlsx"
            if self.periode
            else "rekap-pegawai.xlsx"
        )
        return ekspor.xlsx_response(ekspor.xlsx_rekap_pegawai(qs, self.periode), nama)


class RekapUnitExcelView(PeranMixin, TemplateView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not (is_pengawas_wilayah(user) or unit_dipimpin(user)):
            raise PermissionDenied
        wilayah = (
            self.wilayah_aktif()
            if is_pengawas_wilayah(user)
            else pegawai_dari_pengguna(user).wilayah
        )
        periodes = selectors.periode_list(actor=user, wilayah=wilayah)
        periode = _atau_404(
            selectors.periode_terpilih, periodes=periodes, nilai=request.GET.get("periode")
        )
        if periode is None:
            raise Http404
        qs = selectors.rekap_unit_list(actor=user, periode=periode)
        nama = f"rekap-unit-{wilayah.kode}-{periode.tanggal_mulai:%Y-%m}.xlsx"
        return ekspor.xlsx_response(ekspor.xlsx_rekap_unit(qs, periode), nama)


class RekapWilayahExcelView(PeranMixin, TemplateView):
    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        wilayah = self.wilayah_aktif()
        qs = selectors.rekap_wilayah_list(actor=request.user, wilayah=wilayah)
        return ekspor.xlsx_response(
            ekspor.xlsx_rekap_wilayah(qs, wilayah), f"rekap-wilayah-{wilayah.kode}.xlsx"
        )


class PerbandinganView(TemplateView):
    template_name = "laporan/perbandingan.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        if not user.is_admin_nasional:
            raise PermissionDenied
        bulan = None
        teks = self.request.GET.get("bulan")
        if teks:
            try:
                bulan = bulan_dari_teks(teks)
            except ValidationError:
                messages.error(self.request, _("Format bulan: TTTT-BB, mis. 2026-10."))
        ctx["bulan"] = bulan
        ctx["baris"] = selectors.perbandingan_wilayah(actor=user, bulan=bulan)
        ctx["grafik"] = {
            "label": [r.wilayah.nama for r in ctx["baris"]],
            "skp": [round(r.persen_skp or 0, 1) for r in ctx["baris"]],
            "dinilai": [round(r.persen_dinilai or 0, 1) for r in ctx["baris"]],
            "hadir": [round(r.persen_kehadiran or 0, 1) for r in ctx["baris"]],
        }
        return ctx


# --- Jobs (recap, wilayah PDF) -----------------------------------------------------------------


class LaporanIndexView(PeranMixin, TemplateView):
    """Reports page: start a recap or a wilayah recap PDF (HR), download kept PDFs (HR,
    pimpinan), attendance recap per unit and month (HR, pimpinan, section heads)."""

    template_name = "laporan/laporan_index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        atasan = unit_dipimpin(user)
        if not (is_pengawas_wilayah(user) or atasan):
            raise PermissionDenied
        wilayah = self.wilayah_aktif() if is_pengawas_wilayah(user) else atasan.wilayah
        ctx["wilayah"] = wilayah
        ctx["boleh_kelola"] = is_hr_wilayah(user, wilayah.pk)
        periodes = selectors.periode_list(actor=user, wilayah=wilayah)
        ctx["form_periode"] = PeriodeForm(
            actor=user, wilayah=wilayah, initial={"periode": periodes[0] if periodes else None}
        )
        ctx["form_kehadiran"] = KehadiranUnitForm(
            actor=user,
            initial={"bulan": (hari_ini().replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")},
        )
        if is_pengawas_wilayah(user):
            ctx["proses_list"] = selectors.proses_list(actor=user, wilayah=wilayah)[:15]
            ctx["rekap_terakhir"] = (
                selectors.rekap_wilayah_list(actor=user, wilayah=wilayah)
                .order_by("-dihitung_pada")
                .first()
            )
        return ctx


def _mulai_proses(request: HttpRequest, fungsi) -> HttpResponse:
    user = request.user
    wilayah = _wilayah_atau_404(user, request.POST.get("wilayah"))
    form = PeriodeForm(request.POST, actor=user, wilayah=wilayah)
    kembali = tujuan_next(request, reverse("laporan:laporan_index"))
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("periode", [_("Periode tidak valid.")])))
        return redirect(kembali)
    try:
        proses = fungsi(actor=user, periode_penilaian=form.cleaned_data["periode"])
    except AntreanTidakTersedia as exc:
        messages.error(request, str(exc))
        return redirect(kembali)
    except ValidationError as exc:
        messages.warning(request, pesan_galat(exc))
        return redirect(kembali)
    messages.success(request, _("Proses dimulai. Kemajuan tampil di bawah ini."))
    return redirect(f"{reverse('laporan:proses_detail', args=[proses.pk])}")


@require_POST
def rekap_jalankan(request: HttpRequest) -> HttpResponse:
    if not is_pengawas_wilayah(request.user):
        raise PermissionDenied
    return _mulai_proses(request, tasks.proses_rekap_mulai)


rekap_jalankan.scoping_exempt = "no object id in the URL; the period comes from a scoped form"


@require_POST
def pdf_wilayah_buat(request: HttpRequest) -> HttpResponse:
    if not is_pengawas_wilayah(request.user):
        raise PermissionDenied
    return _mulai_proses(request, tasks.proses_pdf_wilayah_mulai)


class ProsesDetailView(DetailView):
    """A job's progress; with htmx only the status card (polled every second while it runs)."""

    model = ProsesLaporan
    context_object_name = "proses"

    def get_queryset(self):
        return ProsesLaporan.objects.visible_to(self.request.user).select_related(
            "periode_penilaian", "dibuat_oleh", "wilayah"
        )

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not is_pengawas_wilayah(self.request.user):
            raise PermissionDenied
        return obj

    def get_template_names(self) -> list[str]:
        if self.request.headers.get("HX-Request"):
            return ["laporan/_proses_status.html"]
        return ["laporan/proses_detail.html"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        p = self.object
        ctx["macet"] = (
            p.status == ProsesLaporan.Status.ANTRE
            and timezone.now() - p.created_at > dt.timedelta(seconds=30)
        )
        return ctx


def proses_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    proses = get_object_or_404(ProsesLaporan.objects.visible_to(request.user), pk=pk)
    if not is_pengawas_wilayah(request.user):
        raise PermissionDenied
    if not proses.berkas:
        raise Http404
    try:
        fh = proses.berkas.open("rb")
    except OSError:
        raise Http404 from None
    resp = FileResponse(fh, as_attachment=True, filename=proses.berkas.name.rsplit("/", 1)[-1],
                        content_type="application/pdf")  # fmt: skip
    resp["Cache-Control"] = "private, no-store"
    return resp


proses_unduh.scoped_model = ProsesLaporan


# --- Small PDFs (streamed) ---------------------------------------------------------------------


def _pegawai_terlihat(request: HttpRequest, pk: int) -> Pegawai:
    return get_object_or_404(pegawai_list(actor=request.user), pk=pk)


def pdf_skp(request: HttpRequest, pk: int) -> HttpResponse:
    """The SKP document of an employee (?tahun=<PeriodeKinerja id>, default the latest)."""
    pegawai = _pegawai_terlihat(request, pk)
    qs = SKP.objects.visible_to(request.user).filter(pegawai=pegawai)
    if request.GET.get("tahun"):
        qs = qs.filter(periode_kinerja_id=selectors._int(request.GET["tahun"]))
    skp = qs.order_by("-periode_kinerja__tahun").first()
    if skp is None:
        raise Http404(_("Pegawai ini belum memiliki SKP."))
    isi = pdf.pdf_skp(skp)
    return pdf_response(isi, f"SKP-{pegawai.nip}-{skp.periode_kinerja.tahun}.pdf")


pdf_skp.scoped_model = Pegawai


def pdf_evaluasi(request: HttpRequest, pk: int) -> HttpResponse:
    """Dokumen evaluasi kinerja pegawai: ?periode=<PeriodePenilaian id> (periodic) or
    ?tahunan=<PeriodeKinerja id> (annual). Default: the latest periodic evaluation."""
    pegawai = _pegawai_terlihat(request, pk)
    if request.GET.get("tahunan"):
        et = (
            EvaluasiTahunan.objects.visible_to(request.user)
            .filter(
                skp__pegawai=pegawai, skp__periode_kinerja_id=selectors._int(request.GET["tahunan"])
            )
            .first()
        )
        if et is None:
            raise Http404
        return pdf_response(pdf.pdf_evaluasi_tahunan(et), f"evaluasi-tahunan-{pegawai.nip}.pdf")
    qs = EvaluasiPeriodik.objects.visible_to(request.user).filter(skp__pegawai=pegawai)
    if request.GET.get("periode"):
        qs = qs.filter(periode_penilaian_id=selectors._int(request.GET["periode"]))
    ev = qs.order_by("-periode_penilaian__tanggal_mulai").first()
    if ev is None:
        raise Http404(_("Belum ada evaluasi periodik."))
    return pdf_response(
        pdf.pdf_evaluasi(ev),
        f"evaluasi-{pegawai.nip}-{ev.periode_penilaian.tanggal_mulai:%Y-%m}.pdf",
    )


pdf_evaluasi.scoped_model = Pegawai


def pdf_kehadiran(request: HttpRequest, pk: int) -> HttpResponse:
    """Attendance recap of a unit (with its sub-units) for ?bulan=YYYY-MM."""
    unit = get_object_or_404(selectors.unit_boleh_dilihat(actor=request.user), pk=pk)
    try:
        bulan = bulan_dari_teks(request.GET.get("bulan") or hari_ini().strftime("%Y-%m"))
    except ValidationError as exc:
        messages.error(request, pesan_galat(exc))
        return redirect("laporan:laporan_index")
    return pdf_response(
        pdf.pdf_kehadiran_unit(unit, bulan), f"kehadiran-{unit.kode}-{bulan:%Y-%m}.pdf"
    )


pdf_kehadiran.scoped_model = UnitKerja


def pdf_kehadiran_form(request: HttpRequest) -> HttpResponse:
    """The form on the reports page posts here (GET); redirects to the unit's PDF URL."""
    form = KehadiranUnitForm(request.GET, actor=request.user)
    if not form.is_valid():
        for errs in form.errors.values():
            messages.error(request, " ".join(errs))
        return redirect("laporan:laporan_index")
    return redirect(
        f"{reverse('laporan:pdf_kehadiran', args=[form.cleaned_data['unit'].pk])}"
        f"?bulan={form.cleaned_data['bulan']:%Y-%m}"
    )
