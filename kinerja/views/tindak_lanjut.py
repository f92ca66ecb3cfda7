"""Follow-up lists: reward candidates and coaching candidates with their coaching plans."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kinerja.forms.pembinaan import RencanaPembinaanForm
from kinerja.models import EvaluasiPeriodik
from kinerja.selectors import tindak_lanjut as sel
from kinerja.selectors.evaluasi import evaluasi_visible, lihat_wilayah
from kinerja.selectors.periode import (
    periode_evaluasi_aktif,
    periode_pilihan,
    periode_terbuka_list,
)
from kinerja.services.pembinaan import rencana_pembinaan_buat
from pegawai.selectors import is_atasan


def tindak_lanjut(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not (lihat_wilayah(user) or is_atasan(user)):
        raise PermissionDenied(_("Daftar tindak lanjut untuk admin kepegawaian dan atasan."))
    periode = periode_pilihan(
        actor=user, tahun=request.GET.get("tahun"), bawaan=periode_evaluasi_aktif(actor=user)
    )
    tampil = request.GET.get("tampil", "pembinaan")
    q = request.GET.get("q", "").strip()[:100]
    ctx: dict = {
        "periode": periode,
        "tampil": tampil,
        "q": q,
        "tahun_pilihan": periode_terbuka_list(actor=user),
    }
    if periode is not None:
        if tampil == "penghargaan":
            qs = sel.kandidat_penghargaan(actor=user, periode=periode, q=q).order_by(
                "-jumlah_sangat_baik", "pegawai__nama", "pk"
            )
        elif tampil == "rencana":
            qs = sel.rencana_pembinaan_list(actor=user, periode=periode).order_by(
                "-created_at", "-pk"
            )
        else:
            ctx["tampil"] = "pembinaan"
            qs = sel.kandidat_pembinaan(actor=user, periode=periode, q=q).order_by(
                "pegawai__nama", "pk"
            )
        halaman = Paginator(qs, 25).get_page(request.GET.get("page"))
        ctx.update(page_obj=halaman, object_list=halaman.object_list,
                   form=RencanaPembinaanForm(actor=user))  # fmt: skip
    return render(request, "kinerja/tindak_lanjut_list.html", ctx)


tindak_lanjut.scoping_exempt = "tanpa id objek"


def pembinaan_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Records a coaching plan for the employee of evaluation `pk`."""
    ev = get_object_or_404(
        evaluasi_visible(actor=request.user).select_related(
            "skp__pegawai__pengguna",
            "skp__pejabat_penilai",
            "skp__periode_kinerja",
            "periode_penilaian",
        ),
        pk=pk,
    )
    form = RencanaPembinaanForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            rencana_pembinaan_buat(actor=request.user, evaluasi=ev, **form.cleaned_data)
        except ValidationError as e:
            from asn_kinerja.views import galat_ke_form

            galat_ke_form(form, e)
        else:
            messages.success(request, _("Rencana pembinaan dicatat."))
            return HttpResponseRedirect(reverse("kinerja:tindak_lanjut") + "?tampil=rencana")
    return render(request, "kinerja/pembinaan_form.html", {"form": form, "ev": ev},
                  status=400 if form.errors else 200)  # fmt: skip


pembinaan_create.scoped_model = EvaluasiPeriodik
