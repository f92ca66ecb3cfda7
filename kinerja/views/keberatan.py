"""Objections: filing (from the evaluation page) and the decision page of the atasan
pejabat penilai."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from asn_kinerja.views import galat_ke_form
from kinerja.forms.keberatan import KeberatanForm, KeputusanKeberatanForm
from kinerja.models import EvaluasiPeriodik, Keberatan
from kinerja.selectors import evaluasi as sel
from kinerja.services import keberatan as svc
from kinerja.workflow.evaluasi import is_atasan_penilai

from .evaluasi import _evaluasi, _render_detail, matriks_json


@require_POST
def keberatan_ajukan(request: HttpRequest, pk: int) -> HttpResponse:
    ev = _evaluasi(request, pk)
    form = KeberatanForm(request.POST, actor=request.user)
    if form.is_valid():
        try:
            k = svc.keberatan_ajukan(
                actor=request.user, evaluasi=ev, alasan=form.cleaned_data["alasan"]
            )
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Keberatan diajukan kepada atasan pejabat penilai."))
            return HttpResponseRedirect(k.evaluasi.get_absolute_url())
    return _render_detail(request, ev, keberatan_form=form, status=400)


keberatan_ajukan.scoped_model = EvaluasiPeriodik


def keberatan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    k = get_object_or_404(
        sel.keberatan_visible(actor=request.user).select_related(
            "evaluasi__skp__pegawai__jabatan", "evaluasi__skp__pejabat_penilai",
            "evaluasi__skp__atasan_pejabat_penilai", "evaluasi__skp__periode_kinerja",
            "evaluasi__periode_penilaian", "diputus_oleh",
        ),
        pk=pk,
    )  # fmt: skip
    boleh = k.status == Keberatan.Status.DIAJUKAN and is_atasan_penilai(
        request.user, k.evaluasi.skp
    )
    form = KeputusanKeberatanForm(request.POST or None, actor=request.user) if boleh else None
    if request.method == "POST":
        if form is None:
            messages.error(request, _("Anda tidak dapat memutus keberatan ini."))
            return HttpResponseRedirect(request.path)
        if form.is_valid():
            d = form.cleaned_data
            try:
                svc.keberatan_putuskan(
                    actor=request.user, keberatan=k, terima=d["keputusan_jenis"] == "terima",
                    keputusan=d["keputusan"], rating_hasil=d["rating_hasil"],
                    rating_perilaku=d["rating_perilaku"],
                )  # fmt: skip
            except ValidationError as e:
                galat_ke_form(form, e)
            else:
                messages.success(request, _("Keputusan atas keberatan disimpan."))
                return HttpResponseRedirect(request.path)
    ctx = {"k": k, "ev": k.evaluasi, "form": form, "riwayat": sel.riwayat(k),
           "matriks_json": matriks_json()}  # fmt: skip
    return render(request, "kinerja/keberatan_detail.html", ctx,
                  status=400 if form is not None and form.errors else 200)  # fmt: skip


keberatan_detail.scoped_model = Keberatan
