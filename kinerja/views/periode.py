"""HR pages of performance years: list, open a year, windows, close/reopen; and the
units' performance agreements (TargetUnit)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, FormView, ListView

from asn_kinerja.views import galat_ke_form, jalankan_aksi
from kinerja.forms.periode import CatatanForm, PeriodeBukaForm, TargetUnitForm
from kinerja.models import PeriodeKinerja, PeriodePenilaian, TargetUnit
from kinerja.selectors.periode import periode_list, periode_penilaian_list, target_unit_list
from kinerja.services import periode as svc
from organisasi import peran
from organisasi.models import UnitKerja
from pegawai.selectors import is_atasan, memimpin, pegawai_dari_pengguna


def _wajib_hr(user: Any) -> None:
    if not peran.is_pengawas_wilayah(user):
        raise PermissionDenied


class PeriodeListView(ListView):
    template_name = "kinerja/periode_list.html"
    context_object_name = "periode_list"
    paginate_by = 25

    def get_queryset(self):
        _wajib_hr(self.request.user)
        return periode_list(actor=self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        if peran.is_hr(user):
            initial: dict[str, Any] = {}
            if user.wilayah is not None:
                # The next year after the wilayah's latest, with the rhythm it uses now.
                initial = {
                    "tahun": svc.tahun_berikut_usulan(user.wilayah),
                    "granularitas": svc.granularitas_wilayah(user.wilayah),
                }
            ctx["form"] = kwargs.get("form") or PeriodeBukaForm(actor=user, initial=initial)
            ctx["buka_otomatis"] = bool(user.wilayah and user.wilayah.buka_tahun_otomatis)
            ctx["tanggal_buka_otomatis"] = svc.tanggal_buka_otomatis()
        return ctx


class PeriodeBukaView(FormView):
    scoping_exempt = "membuat periode baru; wilayah dibatasi oleh form"
    form_class = PeriodeBukaForm
    template_name = "kinerja/periode_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not peran.is_hr(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def form_valid(self, form: PeriodeBukaForm) -> HttpResponse:
        try:
            periode = svc.periode_buka(actor=self.request.user, **form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Periode kinerja %(t)s dibuka.") % {"t": periode.tahun})
        return HttpResponseRedirect(periode.get_absolute_url())


class PeriodeDetailView(DetailView):
    model = PeriodeKinerja
    template_name = "kinerja/periode_detail.html"
    context_object_name = "periode"

    def get_queryset(self):
        return periode_list(actor=self.request.user)

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        user = self.request.user
        if not is_atasan(user):  # unit heads come here for their unit's targets
            _wajib_hr(user)
        return obj

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["jendela"] = periode_penilaian_list(actor=user, periode=self.object)
        ctx["targets"] = target_unit_list(actor=user, periode=self.object)
        ctx["boleh_kelola"] = peran.is_hr(user)
        ctx["unit_dikelola"] = set(_unit_dikelola(user).values_list("pk", flat=True))
        ctx["catatan_form"] = CatatanForm(label=_("Alasan membuka kembali"))
        return ctx


def _periode(request: HttpRequest, pk: int) -> PeriodeKinerja:
    return get_object_or_404(PeriodeKinerja.objects.visible_to(request.user), pk=pk)


@require_POST
def periode_tutup(request: HttpRequest, pk: int) -> HttpResponse:
    p = _periode(request, pk)
    return jalankan_aksi(
        request, lambda: svc.periode_tutup(actor=request.user, periode=p),
        berhasil=_("Periode kinerja %(t)s ditutup.") % {"t": p.tahun}, kembali=p.get_absolute_url(),
    )  # fmt: skip


periode_tutup.scoped_model = PeriodeKinerja


@require_POST
def periode_buka_kembali(request: HttpRequest, pk: int) -> HttpResponse:
    p = _periode(request, pk)
    catatan = request.POST.get("catatan", "")
    return jalankan_aksi(
        request, lambda: svc.periode_buka_kembali(actor=request.user, periode=p, catatan=catatan),
        berhasil=_("Periode kinerja %(t)s dibuka kembali.") % {"t": p.tahun},
        kembali=p.get_absolute_url(),
    )  # fmt: skip


periode_buka_kembali.scoped_model = PeriodeKinerja


def _jendela(request: HttpRequest, pk: int) -> PeriodePenilaian:
    return get_object_or_404(
        PeriodePenilaian.objects.visible_to(request.user).select_related("periode_kinerja"), pk=pk
    )


@require_POST
def periode_penilaian_tutup(request: HttpRequest, pk: int) -> HttpResponse:
    j = _jendela(request, pk)
    return jalankan_aksi(
        request, lambda: svc.periode_penilaian_tutup(actor=request.user, periode_penilaian=j),
        berhasil=_("%(n)s ditutup.") % {"n": j.nama}, kembali=j.periode_kinerja.get_absolute_url(),
    )  # fmt: skip


periode_penilaian_tutup.scoped_model = PeriodePenilaian


@require_POST
def periode_penilaian_buka_kembali(request: HttpRequest, pk: int) -> HttpResponse:
    j = _jendela(request, pk)
    catatan = request.POST.get("catatan", "")
    return jalankan_aksi(
        request,
        lambda: svc.periode_penilaian_buka_kembali(
            actor=request.user, periode_penilaian=j, catatan=catatan
        ),
        berhasil=_("%(n)s dibuka kembali.") % {"n": j.nama},
        kembali=j.periode_kinerja.get_absolute_url(),
    )


periode_penilaian_buka_kembali.scoped_model = PeriodePenilaian


# --- Unit targets ----------------------------------------------------------------------------


def _unit_dikelola(user: Any):
    """Units whose targets the user may edit: all of the wilayah for HR, their own unit for a
    unit head."""
    units = UnitKerja.objects.visible_to(user).filter(aktif=True).order_by("path")
    if peran.is_hr(user):
        return units
    saya = pegawai_dari_pengguna(user)
    if saya and memimpin(saya):
        return units.filter(pk=saya.jabatan.unit_id)
    return units.none()


class TargetFormView(FormView):
    """Adds (URL pk = PeriodeKinerja) or edits (URL pk = TargetUnit) a unit target."""

    template_name = "kinerja/target_form.html"
    form_class = TargetUnitForm
    target: TargetUnit | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if self.model is TargetUnit:
            self.target = get_object_or_404(
                TargetUnit.objects.visible_to(user).select_related("periode_kinerja", "unit"),
                pk=kwargs["pk"],
            )
            self.periode = self.target.periode_kinerja
        else:
            self.periode = get_object_or_404(
                PeriodeKinerja.objects.visible_to(user), pk=kwargs["pk"]
            )
        self.units = _unit_dikelola(user)
        if not self.units.exists() or (
            self.target and not self.units.filter(pk=self.target.unit_id).exists()
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kw = {**super().get_form_kwargs(), "actor": self.request.user, "units": self.units}
        if self.target and self.request.method == "GET":
            t = self.target
            kw["initial"] = {
                "unit": t.unit_id, "sasaran": t.sasaran, "indikator": t.indikator,
                "target": t.target, "perspektif": t.perspektif, "urutan": t.urutan,
            }  # fmt: skip
        elif self.request.method == "GET" and self.request.GET.get("unit"):
            kw["initial"] = {"unit": self.request.GET["unit"]}
        return kw

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "periode": self.periode,
            "target": self.target,
        }

    def form_valid(self, form: TargetUnitForm) -> HttpResponse:
        try:
            svc.target_unit_simpan(
                actor=self.request.user, periode=self.periode, target_unit=self.target,
                **form.cleaned_data,
            )  # fmt: skip
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Target unit disimpan."))
        return HttpResponseRedirect(self.periode.get_absolute_url() + "#target")


class TargetCreateView(TargetFormView):
    model = PeriodeKinerja


class TargetUpdateView(TargetFormView):
    model = TargetUnit


@require_POST
def target_delete(request: HttpRequest, pk: int) -> HttpResponse:
    t = get_object_or_404(
        TargetUnit.objects.visible_to(request.user).select_related("periode_kinerja", "unit"), pk=pk
    )
    return jalankan_aksi(
        request, lambda: svc.target_unit_hapus(actor=request.user, target_unit=t),
        berhasil=_("Target unit dihapus."), kembali=t.periode_kinerja.get_absolute_url() + "#target",
    )  # fmt: skip


target_delete.scoped_model = TargetUnit
