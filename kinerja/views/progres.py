"""HR: progress of the wilayah: per unit (SQL aggregates), who has no SKP, who is not rated
yet for a window."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kinerja.selectors import evaluasi as sel
from kinerja.selectors.periode import (
    jendela_pilihan,
    periode_evaluasi_aktif,
    periode_pilihan,
    periode_terbuka_list,
)
from organisasi import peran


def progres(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not peran.is_pengawas_wilayah(user):
        raise PermissionDenied(_("Halaman progres untuk admin kepegawaian dan pimpinan."))
    periode = periode_pilihan(
        actor=user,
        tahun=request.GET.get("tahun"),
        jendela=request.GET.get("periode"),
        bawaan=periode_evaluasi_aktif(actor=user),
    )
    ctx: dict = {
        "periode": periode,
        "tampil": request.GET.get("tampil", "unit"),
        "tahun_pilihan": periode_terbuka_list(actor=user),
    }
    if periode is None:
        return render(request, "kinerja/progres_wilayah.html", ctx)
    jendela, pp = jendela_pilihan(
        actor=user, periode=periode, dipilih=request.GET.get("periode", "")
    )
    q = request.GET.get("q", "").strip()[:100]
    ctx.update(jendela=jendela, pp=pp, q=q)
    if ctx["tampil"] == "tanpa_skp":
        qs = sel.pegawai_tanpa_skp(actor=user, periode=periode, q=q)
    elif ctx["tampil"] == "belum_dinilai" and pp is not None:
        qs = sel.skp_belum_dinilai(actor=user, periode=periode, periode_penilaian=pp, q=q)
    else:
        ctx["tampil"] = "unit"
        qs = sel.progres_unit(actor=user, periode=periode, periode_penilaian=pp)
    halaman = Paginator(qs, 25).get_page(request.GET.get("page"))
    ctx.update(page_obj=halaman, object_list=halaman.object_list)
    return render(request, "kinerja/progres_wilayah.html", ctx)


progres.scoping_exempt = "tanpa id objek"
