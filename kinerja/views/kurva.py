"""The unit curve page: the unit's predikat (set by the leader one level up), the actual
distribution against the allowed one (Chart.js), the members' evaluations, the sub-units'
predikat, and the finalisation of the unit's window."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from asn_kinerja.views import galat_ke_form
from kinerja.forms.evaluasi import PredikatUnitForm
from kinerja.selectors import kurva as sel
from kinerja.selectors.evaluasi import lihat_wilayah
from kinerja.selectors.periode import (
    jendela_pilihan,
    periode_evaluasi_aktif,
    periode_pilihan,
    periode_terbuka_list,
)
from kinerja.services import kurva as svc
from pegawai.selectors import memimpin, pegawai_dari_pengguna


def _pilihan(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    units = sel.unit_kurva_visible(actor=user)
    if not (lihat_wilayah(user) or units.exists()):
        raise PermissionDenied(_("Halaman kurva untuk kepala unit dan admin kepegawaian."))
    param = request.POST if request.method == "POST" else request.GET
    periode = periode_pilihan(
        actor=user,
        tahun=param.get("tahun"),
        jendela=param.get("periode"),
        bawaan=periode_evaluasi_aktif(actor=user),
    )
    uid = param.get("unit", "")
    unit = units.filter(pk=uid).first() if uid.isdigit() else None
    if unit is None:
        saya = pegawai_dari_pengguna(user)
        if saya and memimpin(saya):
            unit = units.filter(pk=saya.jabatan.unit_id).first()
    if unit is None:
        unit = units.order_by("path").first()
    pid = param.get("periode", "")
    jendela, pp = jendela_pilihan(actor=user, periode=periode, dipilih=pid)
    if pid == "tahunan":
        pp = None
    return {"units": units, "unit": unit, "periode": periode, "jendela": jendela, "pp": pp,
            "tahunan": pid == "tahunan",
            "tahun_pilihan": periode_terbuka_list(actor=user)}  # fmt: skip


def _url(unit: Any, pp: Any) -> str:
    return f"?unit={unit.pk}&periode={pp.pk if pp else 'tahunan'}"


def kurva_unit(request: HttpRequest) -> HttpResponse:
    p = _pilihan(request)
    unit, periode, pp = p["unit"], p["periode"], p["pp"]
    user = request.user
    form = None
    if unit is not None and periode is not None and svc.boleh_tetapkan_predikat_unit(user, unit):
        form = PredikatUnitForm(request.POST if request.POST.get("aksi") == "predikat" else None)
    if request.method == "POST":
        if unit is None or periode is None:
            messages.error(request, _("Pilih unit dan periode."))
            return HttpResponseRedirect(request.path)
        aksi = request.POST.get("aksi")
        if aksi == "finalisasi":
            try:
                n = svc.kurva_finalisasi(actor=user, unit=unit, periode_kinerja=periode,
                                         periode_penilaian=pp)  # fmt: skip
            except ValidationError as e:
                for m in e.messages:
                    messages.error(request, m)
            else:
                messages.success(request, _("%(n)s evaluasi menjadi final.") % {"n": n})
            return HttpResponseRedirect(request.path + _url(unit, pp))
        if aksi == "predikat":
            if form is None:
                raise PermissionDenied(
                    _("Predikat unit ditetapkan oleh pimpinan satu tingkat di atas unit ini.")
                )
            if form.is_valid():
                try:
                    svc.predikat_unit_tetapkan(
                        actor=user, unit=unit, periode_kinerja=periode, periode_penilaian=pp,
                        predikat=form.cleaned_data["predikat"], catatan=form.cleaned_data["catatan"],
                    )  # fmt: skip
                except ValidationError as e:
                    galat_ke_form(form, e)
                else:
                    messages.success(request, _("Predikat unit ditetapkan."))
                    return HttpResponseRedirect(request.path + _url(unit, pp))
    ctx: dict[str, Any] = dict(p)
    if unit is not None and periode is not None:
        status = sel.status_kurva(unit=unit, periode_kinerja=periode, periode_penilaian=pp)
        if form is not None and not form.is_bound and status.predikat_unit:
            form = PredikatUnitForm(initial={"predikat": status.predikat_unit.predikat,
                                             "catatan": status.predikat_unit.catatan})  # fmt: skip
        ctx.update(
            status=status,
            chart_json=status.chart(),
            anggota=list(
                sel.anggota_dengan_evaluasi(
                    unit=unit, periode_kinerja=periode, periode_penilaian=pp
                )
            ),  # fmt: skip
            sub_unit=list(
                sel.sub_unit_dengan_predikat(
                    unit=unit, periode_kinerja=periode, periode_penilaian=pp
                )
            ),  # fmt: skip
            boleh_finalisasi=svc.is_kepala(user, unit) or user.is_admin_nasional,
            jumlah_dinilai=0,
        )
        ctx["jumlah_dinilai"] = sum(1 for a in ctx["anggota"] if a.ev_status == "dinilai")
    ctx["form"] = form
    return render(
        request,
        "kinerja/kurva_unit.html",
        ctx,
        status=400 if form is not None and form.errors else 200,
    )


kurva_unit.scoping_exempt = "tanpa id objek di URL; unit dicari dalam cakupan pengguna"
