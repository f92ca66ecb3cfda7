"""Evaluation pages: my evaluations, the evaluation page (realisation, evidence, feedback,
predikat, objection), the rating page of the pejabat penilai, the annual evaluation, and
the one-shot workflow actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from asn_kinerja.views import galat_ke_form, jalankan_aksi, langkah_view
from asn_kinerja.waktu import hari_ini
from kinerja.choices import Perilaku
from kinerja.forms.evaluasi import (
    RATING_UNTUK_PREDIKAT,
    BuktiForm,
    CatatanForm,
    PenilaianForm,
    RatingForm,
    RealisasiForm,
)
from kinerja.forms.keberatan import KeberatanForm
from kinerja.models import SKP, BuktiDukung, EvaluasiPeriodik, EvaluasiTahunan, PeriodePenilaian
from kinerja.rules import MATRIKS_PREDIKAT
from kinerja.selectors import evaluasi as sel
from kinerja.selectors.kurva import status_kurva
from kinerja.selectors.periode import (
    periode_evaluasi_aktif,
    periode_pilihan,
    periode_terbuka_list,
)
from kinerja.selectors.skp import skp_visible
from kinerja.services import evaluasi as svc
from kinerja.services.keberatan import batas_keberatan, boleh_ajukan
from kinerja.skm.selectors import umpan_balik_pegawai
from kinerja.workflow import evaluasi as wf
from kinerja.workflow.skp import is_penilai
from pegawai.selectors import pegawai_dari_pengguna


def matriks_json() -> dict[str, list[str]]:
    """The matrix for the live predikat on the rating pages (rendered with json_script):
    {"hasil|perilaku": [value, label]}."""
    return {
        f"{h.value}|{p.value}": [k.value, str(k.label)] for (h, p), k in MATRIKS_PREDIKAT.items()
    }


def evaluasi_saya(request: HttpRequest) -> HttpResponse:
    """The employee's windows of the open year with each evaluation's status and predikat."""
    pegawai = pegawai_dari_pengguna(request.user)
    if pegawai is None:
        raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
    periode = periode_pilihan(
        actor=request.user,
        tahun=request.GET.get("tahun"),
        bawaan=periode_evaluasi_aktif(actor=request.user),
    )
    skp = sel.skp_saya_disetujui(actor=request.user, periode=periode)
    ctx: dict[str, Any] = {
        "periode": periode,
        "skp": skp,
        "tahun_pilihan": periode_terbuka_list(actor=request.user),
    }
    if skp is not None and skp.is_terkunci:
        ctx["jendela"] = list(sel.jendela_evaluasi(actor=request.user, skp=skp))
        ctx["hari_ini"] = hari_ini()
        ctx["tahunan"] = EvaluasiTahunan.objects.visible_to(request.user).filter(skp=skp).first()
    return render(request, "kinerja/evaluasi_saya.html", ctx)


evaluasi_saya.scoping_exempt = "tanpa id objek"


@require_POST
def evaluasi_mulai(request: HttpRequest, pk: int) -> HttpResponse:
    """Opens the evaluation of window `pk` for the actor's SKP (or for `skp` posted by the
    pejabat penilai)."""
    jendela = get_object_or_404(
        PeriodePenilaian.objects.visible_to(request.user).select_related("periode_kinerja"), pk=pk
    )
    skp_id = request.POST.get("skp")
    skp_qs = skp_visible(actor=request.user).filter(periode_kinerja=jendela.periode_kinerja)
    if skp_id and skp_id.isdigit():
        skp = get_object_or_404(skp_qs, pk=skp_id)
    else:
        skp = get_object_or_404(skp_qs, pegawai=pegawai_dari_pengguna(request.user))
    try:
        ev = svc.evaluasi_mulai(actor=request.user, skp=skp, periode_penilaian=jendela)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return HttpResponseRedirect(reverse("kinerja:evaluasi_saya"))
    return HttpResponseRedirect(ev.get_absolute_url())


evaluasi_mulai.scoped_model = PeriodePenilaian


def _evaluasi(request: HttpRequest, pk: int, **opsi: Any) -> EvaluasiPeriodik:
    try:
        return sel.evaluasi_detail(actor=request.user, pk=pk, **opsi)
    except EvaluasiPeriodik.DoesNotExist as e:
        raise Http404 from e


def _umpan_balik_skm(user: Any, ev: EvaluasiPeriodik) -> list:
    """Citizen feedback (SKM) naming this officer in the window: evidence for the behaviour
    value Berorientasi Pelayanan, visible to whoever may see the evaluation (one query)."""
    pp = ev.periode_penilaian
    qs = umpan_balik_pegawai(
        pegawai=ev.skp.pegawai, mulai=pp.tanggal_mulai, selesai=pp.tanggal_selesai, actor=user
    )
    return list(qs[:20])


def _indikator(ev: EvaluasiPeriodik) -> list:
    return [i for r in ev.skp.rhk_set.all() for i in r.indikator_set.all()]


def evaluasi_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ev = _evaluasi(request, pk)
    return _render_detail(request, ev)


evaluasi_detail.scoped_model = EvaluasiPeriodik


def _render_detail(request: HttpRequest, ev: EvaluasiPeriodik, **forms: Any) -> HttpResponse:
    user = request.user
    aksi = wf.aksi_tersedia(user, ev)
    realisasi = {r.indikator_id: r for r in ev.realisasi_set.all()}
    ub_hasil = {u.rhk_id: u for u in ev.umpan_balik_hasil_set.all()}
    ctx: dict[str, Any] = {
        "ev": ev,
        "skp": ev.skp,
        "aksi": aksi,
        "rhk_list": [
            (r, ub_hasil.get(r.pk), [(i, realisasi.get(i.pk)) for i in r.indikator_set.all()])
            for r in ev.skp.rhk_set.all()
        ],
        "ub_perilaku": sorted(
            ev.umpan_balik_perilaku_set.all(), key=lambda u: Perilaku.values.index(u.perilaku)
        ),
        "bukti_list": list(ev.bukti_set.all()),
        "keberatan_list": list(ev.keberatan_set.all()),
        "riwayat": list(sel.riwayat(ev)),
        "batas_keberatan": batas_keberatan(ev),
        "is_penilai": is_penilai(user, ev.skp),
        "umpan_balik_skm": _umpan_balik_skm(user, ev),
    }
    if "isi" in aksi:
        ctx["realisasi_form"] = forms.get("realisasi_form") or RealisasiForm(
            actor=user, evaluasi=ev, indikator=_indikator(ev)
        )
        ctx["bukti_form"] = forms.get("bukti_form") or BuktiForm(actor=user, evaluasi=ev)
    if forms.get("keberatan_form") is not None:
        ctx["keberatan_form"] = forms["keberatan_form"]
    elif boleh_ajukan(user, ev) and not any(k.status == "diajukan" for k in ctx["keberatan_list"]):
        ctx["keberatan_form"] = KeberatanForm(actor=user)
    if {"kembalikan", "buka_kembali"} & aksi:
        ctx["catatan_form"] = CatatanForm()
    return render(request, "kinerja/evaluasi_detail.html", ctx, status=forms.get("status", 200))


@require_POST
def evaluasi_realisasi(request: HttpRequest, pk: int) -> HttpResponse:
    # Only what the form needs; the whole page is loaded again only to show errors.
    ev = _evaluasi(request, pk, ringkas=True)
    form = RealisasiForm(request.POST, actor=request.user, evaluasi=ev, indikator=_indikator(ev))
    if form.is_valid():
        try:
            svc.realisasi_simpan(actor=request.user, evaluasi=ev, isian=form.isian())
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Realisasi disimpan. Lengkapi bukti dukung, lalu ajukan."))
            return HttpResponseRedirect(ev.get_absolute_url())
    return _render_detail(request, _evaluasi(request, pk), realisasi_form=form, status=400)


evaluasi_realisasi.scoped_model = EvaluasiPeriodik


@require_POST
def evaluasi_bukti_tambah(request: HttpRequest, pk: int) -> HttpResponse:
    ev = _evaluasi(request, pk)
    form = BuktiForm(request.POST, request.FILES, actor=request.user, evaluasi=ev)
    if form.is_valid():
        d = form.cleaned_data
        try:
            svc.bukti_tambah(
                actor=request.user, evaluasi=ev, berkas=d.get("berkas"), tautan=d.get("tautan", ""),
                nama=d.get("nama", ""), realisasi=d.get("realisasi"),
            )  # fmt: skip
        except ValidationError as e:
            galat_ke_form(form, e)
        else:
            messages.success(request, _("Bukti dukung ditambahkan."))
            return HttpResponseRedirect(ev.get_absolute_url() + "#bukti")
    return _render_detail(request, ev, bukti_form=form, status=400)


evaluasi_bukti_tambah.scoped_model = EvaluasiPeriodik


def _bukti(request: HttpRequest, pk: int) -> BuktiDukung:
    return get_object_or_404(
        sel.bukti_visible(actor=request.user).select_related("evaluasi__skp__pegawai"), pk=pk
    )


@require_POST
def bukti_hapus(request: HttpRequest, pk: int) -> HttpResponse:
    bukti = _bukti(request, pk)
    return jalankan_aksi(
        request, lambda: svc.bukti_hapus(actor=request.user, bukti=bukti),
        berhasil=_("Bukti dukung dihapus."), kembali=bukti.evaluasi.get_absolute_url() + "#bukti",
    )  # fmt: skip


bukti_hapus.scoped_model = BuktiDukung


def bukti_unduh(request: HttpRequest, pk: int) -> HttpResponse:
    """Serves an evidence file to those who may see its evaluation (never a public URL)."""
    bukti = _bukti(request, pk)
    if bukti.tautan:
        return HttpResponseRedirect(bukti.tautan)
    if not bukti.berkas:
        raise Http404
    try:
        f = bukti.berkas.open("rb")
    except FileNotFoundError as e:
        raise Http404 from e
    ext = bukti.berkas.name.rsplit(".", 1)[-1].lower()
    jenis = {"pdf": "application/pdf", "png": "image/png"}.get(ext, "image/jpeg")
    resp = FileResponse(f, content_type=jenis, filename=svc.nama_unduhan(bukti))
    resp["X-Content-Type-Options"] = "nosniff"
    resp["Content-Security-Policy"] = "sandbox"
    return resp


bukti_unduh.scoped_model = BuktiDukung


def _langkah(nama: str, model: type, langkah: Any, berhasil: str, catatan: str | None = None):
    terlihat = sel.evaluasi_visible if model is EvaluasiPeriodik else sel.evaluasi_tahunan_visible
    return langkah_view(
        nama=nama, model=model, terlihat=terlihat, langkah=langkah, objek="evaluasi",
        berhasil=berhasil, catatan=catatan,
    )  # fmt: skip


P, T = EvaluasiPeriodik, EvaluasiTahunan
evaluasi_ajukan = _langkah(
    "evaluasi_ajukan", P, wf.evaluasi_ajukan, _("Realisasi diajukan kepada pejabat penilai.")
)
evaluasi_kembalikan = _langkah(
    "evaluasi_kembalikan", P, wf.evaluasi_kembalikan,
    _("Realisasi dikembalikan kepada pegawai."), "catatan",
)  # fmt: skip
evaluasi_buka_kembali = _langkah(
    "evaluasi_buka_kembali", P, wf.evaluasi_buka_kembali, _("Evaluasi dibuka kembali."), "alasan"
)
tahunan_ajukan = _langkah("tahunan_ajukan", T, wf.evaluasi_ajukan, _("Evaluasi tahunan diajukan."))
tahunan_buka_kembali = _langkah(
    "tahunan_buka_kembali", T, wf.evaluasi_buka_kembali,
    _("Evaluasi tahunan dibuka kembali."), "alasan",
)  # fmt: skip


def evaluasi_nilai(request: HttpRequest, pk: int) -> HttpResponse:
    """The rating page of the pejabat penilai: realisation, evidence, feedback, the two
    ratings with the predikat computed live, and the unit's distribution against its curve."""
    # A POST needs only what the form and the service read; a GET the whole page.
    if request.method == "POST":
        ev = _evaluasi(request, pk, ringkas=True)
    else:
        ev = _evaluasi(request, pk, untuk_penilaian=True)
    if not is_penilai(request.user, ev.skp):
        raise PermissionDenied(_("Hanya pejabat penilai SKP ini yang dapat menilai."))
    aksi = wf.aksi_tersedia(request.user, ev)
    ubah = "ubah_nilai" in aksi
    form = PenilaianForm(request.POST or None, actor=request.user, evaluasi=ev)
    if request.method == "POST":
        if not ({"nilai", "ubah_nilai"} & aksi):
            messages.error(
                request,
                _("Evaluasi ini tidak dapat dinilai pada status %(s)s.")
                % {"s": ev.get_status_display()},
            )
            return HttpResponseRedirect(ev.get_absolute_url())
        if form.is_valid():
            d = form.cleaned_data
            try:
                ev2 = svc.penilaian_simpan(
                    actor=request.user, evaluasi=ev, rating_hasil=d["rating_hasil"],
                    rating_perilaku=d["rating_perilaku"], catatan=d["catatan"],
                    umpan_balik_hasil=form.umpan_balik_hasil(),
                    umpan_balik_perilaku=form.umpan_balik_perilaku(),
                    ubah=request.POST.get("mode") == "ubah",
                )  # fmt: skip
            except ValidationError as e:
                galat_ke_form(form, e)
            else:
                messages.success(
                    request,
                    _("Penilaian disimpan. Predikat: %(p)s.") % {"p": ev2.get_predikat_display()},
                )
                return HttpResponseRedirect(ev.get_absolute_url())
    unit = (
        ev.skp.pejabat_penilai.jabatan.unit
        if ev.skp.pejabat_penilai_id and ev.skp.pejabat_penilai.jabatan_id
        else None
    )
    kurva = (
        status_kurva(
            unit=unit,
            periode_kinerja=ev.skp.periode_kinerja,
            periode_penilaian=ev.periode_penilaian,
        )
        if unit is not None
        else None
    )
    realisasi = {r.indikator_id: r for r in ev.realisasi_set.all()}
    ctx = {
        "ev": ev,
        "form": form,
        "aksi": aksi,
        "mode": "ubah" if ubah else "nilai",
        "rhk_list": [
            (r, form[f"ub_rhk_{r.pk}"], [(i, realisasi.get(i.pk)) for i in r.indikator_set.all()])
            for r in ev.skp.rhk_set.all()
        ],
        "ekspektasi": {e.perilaku: e.ekspektasi for e in ev.skp.ekspektasi_set.all()},
        "umpan_balik_skm": _umpan_balik_skm(request.user, ev),
        "bukti_list": list(ev.bukti_set.all()),
        "matriks_json": matriks_json(),
        "kurva": kurva,
        "kurva_json": kurva.chart() if kurva else None,
        "unit": unit,
    }
    return render(request, "kinerja/evaluasi_nilai.html", ctx, status=400 if form.errors else 200)


evaluasi_nilai.scoped_model = EvaluasiPeriodik


# --- Annual evaluation -------------------------------------------------------------------------


@require_POST
def evaluasi_tahunan_mulai(request: HttpRequest, pk: int) -> HttpResponse:
    skp = get_object_or_404(skp_visible(actor=request.user), pk=pk)
    try:
        ev = svc.evaluasi_tahunan_mulai(actor=request.user, skp=skp)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return HttpResponseRedirect(reverse("kinerja:evaluasi_saya"))
    return HttpResponseRedirect(ev.get_absolute_url())


evaluasi_tahunan_mulai.scoped_model = SKP


def evaluasi_tahunan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        ev = sel.evaluasi_tahunan_detail(actor=request.user, pk=pk)
    except EvaluasiTahunan.DoesNotExist as e:
        raise Http404 from e
    aksi = wf.aksi_tersedia(request.user, ev)
    form = None
    if {"nilai", "ubah_nilai"} & aksi:
        awal = {}
        if ev.predikat_usulan and not ev.rating_hasil:
            awal["rating_hasil"], awal["rating_perilaku"] = RATING_UNTUK_PREDIKAT[
                ev.predikat_usulan
            ]
        elif ev.rating_hasil:
            awal = {"rating_hasil": ev.rating_hasil, "rating_perilaku": ev.rating_perilaku,
                    "catatan": ev.catatan_penilai}  # fmt: skip
        form = RatingForm(request.POST or None, actor=request.user, initial=awal)
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            fungsi = wf.evaluasi_ubah_nilai if "ubah_nilai" in aksi else wf.evaluasi_nilai
            try:
                fungsi(evaluasi=ev, oleh=request.user, rating_hasil=d["rating_hasil"],
                       rating_perilaku=d["rating_perilaku"], catatan=d["catatan"])  # fmt: skip
            except ValidationError as e:
                galat_ke_form(form, e)
            else:
                messages.success(request, _("Penilaian tahunan disimpan."))
                return HttpResponseRedirect(ev.get_absolute_url())
    elif request.method == "POST":
        raise PermissionDenied(_("Anda tidak dapat menilai evaluasi tahunan ini."))
    ctx = {
        "ev": ev,
        "aksi": aksi,
        "form": form,
        "periodik": list(sel.periodik_untuk_tahunan(evaluasi=ev)),
        "riwayat": list(sel.riwayat(ev)),
        "matriks_json": matriks_json(),
        "catatan_form": CatatanForm() if "buka_kembali" in aksi else None,
    }
    return render(request, "kinerja/evaluasi_tahunan_detail.html", ctx,
                  status=400 if form is not None and form.errors else 200)  # fmt: skip


evaluasi_tahunan_detail.scoped_model = EvaluasiTahunan
