"""SKP pages: my SKP, the SKP page with its workflow actions, the editors of the header,
RHK, indicators and behaviour expectations, the list for HR and section heads, and the
cascade tree."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, ListView, TemplateView

from asn_kinerja.views import galat_ke_form, jalankan_aksi, langkah_view, pesan_form
from kinerja.choices import StatusSKP
from kinerja.forms.skp import EkspektasiForm, IndikatorForm, RHKForm, SKPForm
from kinerja.forms.umpan_balik import UmpanBalikForm
from kinerja.models import SKP, IndikatorKinerja, PeriodeKinerja, RencanaHasilKerja
from kinerja.selectors import skp as sel
from kinerja.selectors.periode import periode_aktif, periode_pilihan, periode_terbuka_list
from kinerja.services import skp as svc
from kinerja.services.umpan_balik import umpan_balik_kirim
from kinerja.workflow import skp as wf
from organisasi import peran
from organisasi.models import UnitKerja
from pegawai.selectors import is_atasan, memimpin, pegawai_dari_pengguna


class SKPSayaView(TemplateView):
    """GET: my SKP of the open year (redirects to its page), or a page to start the SKP of
    an open year I have none for yet: empty, or copied from my SKP of an earlier year
    (the annual cycle: in December or January the new year is open while last year's SKP
    is still running). POST: creates it (`sumber` = the SKP to copy from)."""

    template_name = "kinerja/skp_saya.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.pegawai = pegawai_dari_pengguna(request.user)
        if self.pegawai is None:
            raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
        aktif = periode_aktif(actor=request.user)
        self.skp_list = sel.skp_saya_list(actor=request.user)
        punya = {s.periode_kinerja_id: s for s in self.skp_list}
        # The open year to start an SKP for: the earliest open year from the active one on
        # that has none (this year first; then next year once HR has opened it).
        belum = [
            p
            for p in periode_terbuka_list(actor=request.user)
            if p.pk not in punya and (aktif is None or p.tahun >= aktif.tahun)
        ]
        self.periode = min(belum, key=lambda p: p.tahun) if belum else None
        if self.periode is None and aktif is not None and aktif.pk in punya:
            return HttpResponseRedirect(punya[aktif.pk].get_absolute_url())
        self.sumber = next(
            (
                s
                for s in self.skp_list
                if self.periode and s.periode_kinerja.tahun < self.periode.tahun
            ),
            None,
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx["periode"] = self.periode
        ctx["pegawai"] = self.pegawai
        ctx["sumber"] = self.sumber
        ctx["skp_list"] = self.skp_list
        return ctx

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.periode is None:
            messages.error(request, _("Belum ada periode kinerja yang dibuka."))
            return HttpResponseRedirect(request.path)
        sumber_id = request.POST.get("sumber", "")
        try:
            if sumber_id:
                sumber = next((s for s in self.skp_list if str(s.pk) == sumber_id), None)
                if sumber is None:
                    raise Http404
                skp = svc.skp_salin(actor=request.user, sumber=sumber, periode=self.periode)
                isi = {"baru": self.periode.tahun, "lama": sumber.periode_kinerja.tahun,
                       "n": skp.rhk_tanpa_tautan}  # fmt: skip
                if skp.rhk_tanpa_tautan:
                    pesan = (
                        _(
                            "SKP %(baru)s dibuat dari SKP %(lama)s. %(n)s RHK belum tertaut ke "
                            "RHK atasan tahun %(baru)s: pilih sebelum diajukan. Periksa juga "
                            "indikator dan targetnya."
                        )
                        % isi
                    )
                else:
                    pesan = (
                        _(
                            "SKP %(baru)s dibuat dari SKP %(lama)s; setiap RHK sudah tertaut ke "
                            "RHK atasan tahun %(baru)s. Periksa indikator dan targetnya, lalu ajukan."
                        )
                        % isi
                    )
            else:
                skp = svc.skp_buat(
                    actor=request.user,
                    periode=self.periode,
                    pendekatan=request.POST.get("pendekatan") or SKP.Pendekatan.KUANTITATIF,
                )
                pesan = _("SKP dibuat. Tambahkan rencana hasil kerja dan indikatornya.")
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return HttpResponseRedirect(request.path)
        messages.success(request, pesan)
        return HttpResponseRedirect(skp.get_absolute_url())


@require_POST
def skp_tautkan_ulang(request: HttpRequest, pk: int) -> HttpResponse:
    """Owner: retries the new-year links of a copied SKP's RHK to the superior's RHK."""
    skp = get_object_or_404(sel.skp_visible(actor=request.user), pk=pk)
    try:
        n = svc.skp_tautkan_ulang(actor=request.user, skp=skp)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        if n:
            messages.success(request, _("%(n)s RHK ditautkan ke RHK atasan tahun ini.") % {"n": n})
        else:
            messages.warning(
                request,
                _(
                    "Belum ada RHK atasan yang cocok: SKP pejabat penilai tahun ini belum "
                    "disetujui atau RHK-nya berbeda. Pilih RHK atasan di setiap RHK."
                ),
            )
    return HttpResponseRedirect(skp.get_absolute_url())


skp_tautkan_ulang.scoped_model = SKP


class SKPListView(ListView):
    """HR: the wilayah's SKP; section head: the subtree's (default: the ones they evaluate)."""

    template_name = "kinerja/skp_list.html"
    context_object_name = "skp_list"
    paginate_by = 25
    URUTAN = {
        "nama": "pegawai__nama", "-nama": "-pegawai__nama", "status": "status",
        "-status": "-status", "unit": "pegawai__unit__path", "-unit": "-pegawai__unit__path",
        "diubah": "updated_at", "-diubah": "-updated_at",
    }  # fmt: skip

    def get_queryset(self):
        user = self.request.user
        hr = peran.is_pengawas_wilayah(user)
        if not (hr or is_atasan(user)):
            raise PermissionDenied
        self.periode = None
        pid = self.request.GET.get("periode")
        periode_qs = PeriodeKinerja.objects.visible_to(user)
        if pid and pid.isdigit():
            self.periode = periode_qs.filter(pk=pid).first()
        self.periode = self.periode or periode_pilihan(
            actor=user, tahun=self.request.GET.get("tahun"), bawaan=periode_aktif(actor=user)
        )
        self.lingkup = self.request.GET.get("lingkup") or ("wilayah" if hr else "penilai")
        qs = sel.skp_list(
            actor=user,
            periode=self.periode,
            status=self.request.GET.get("status", ""),
            q=self.request.GET.get("q", "").strip(),
            hanya_penilai=self.lingkup == "penilai",
        )
        return qs.order_by(self.URUTAN.get(self.request.GET.get("o", ""), "pegawai__nama"), "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            periode=self.periode,
            lingkup=self.lingkup,
            status_choices=StatusSKP.choices,
            tahun_pilihan=periode_terbuka_list(actor=self.request.user),
            is_hr=peran.is_hr(self.request.user),
        )
        return ctx


def _skp(request: HttpRequest, pk: int) -> SKP:
    try:
        return sel.skp_detail(actor=request.user, pk=pk)
    except SKP.DoesNotExist as e:
        raise Http404 from e


def _riwayat(skp: SKP) -> list:
    label = dict(StatusSKP.choices)
    hasil = list(sel.skp_riwayat(skp=skp))
    for t in hasil:
        t.dari_label = label.get(t.dari, t.dari)
        t.ke_label = label.get(t.ke, t.ke)
    return hasil


def skp_detail(request: HttpRequest, pk: int) -> HttpResponse:
    skp = _skp(request, pk)
    user = request.user
    pemilik = wf.is_pemilik(user, skp)
    penilai = wf.is_penilai(user, skp)
    terbuka = skp.periode_kinerja.status == PeriodeKinerja.Status.BUKA
    ctx: dict[str, Any] = {
        "skp": skp,
        "rhk_list": list(skp.rhk_set.all()),
        "ekspektasi_list": list(skp.ekspektasi_set.all()),
        "aksi": wf.aksi_tersedia(user, skp),
        "is_pemilik": pemilik,
        "is_penilai": penilai,
        "boleh_edit": pemilik and terbuka and skp.status in svc.DAPAT_DIEDIT,
        "boleh_ekspektasi": penilai and terbuka and skp.status in svc.EKSPEKTASI_DAPAT_DIEDIT,
        "riwayat": _riwayat(skp),
        "umpan_balik": sel.skp_umpan_balik(skp=skp)[:50],
        "periode_terbuka": terbuka,
    }
    ctx["ekspektasi_kosong"] = any(not e.ekspektasi.strip() for e in ctx["ekspektasi_list"])
    if pemilik and skp.status in svc.DAPAT_DIEDIT:
        ctx["masalah"] = wf.masalah_kaskade(skp)
        ctx["ada_salinan"] = any(r.disalin_dari_id for r in ctx["rhk_list"])
        if not skp.is_jpt:
            ctx["skp_atasan"] = sel.skp_atasan(skp=skp)
    if pemilik or penilai:
        saya = pegawai_dari_pengguna(user)
        lawan = skp.pejabat_penilai if pemilik else skp.pegawai
        if lawan is not None and saya is not None:
            ctx["umpan_balik_form"] = UmpanBalikForm(actor=user, initial={"kepada": lawan.pk})
    return render(request, "kinerja/skp_detail.html", ctx)


skp_detail.scoped_model = SKP


def _langkah(nama: str, langkah: Any, berhasil: str, catatan: str | None = None) -> Any:
    return langkah_view(
        nama=f"skp_{nama}", model=SKP, terlihat=sel.skp_visible, langkah=langkah, objek="skp",
        berhasil=berhasil, catatan=catatan,
    )  # fmt: skip


skp_ajukan = _langkah("ajukan", wf.skp_ajukan, _("SKP diajukan kepada pejabat penilai."))
skp_setujui = _langkah("setujui", wf.skp_setujui, _("SKP disetujui."))
skp_kembalikan = _langkah(
    "kembalikan", wf.skp_kembalikan, _("SKP dikembalikan kepada pegawai."), "catatan"
)
skp_ajukan_revisi = _langkah(
    "ajukan_revisi", wf.skp_ajukan_revisi, _("Permintaan revisi diajukan."), "alasan"
)
skp_terima_revisi = _langkah(
    "terima_revisi", wf.skp_terima_revisi,
    _("Revisi diterima; SKP kembali menjadi draf."), "catatan",
)  # fmt: skip
skp_tolak_revisi = _langkah(
    "tolak_revisi", wf.skp_tolak_revisi, _("Permintaan revisi ditolak."), "catatan"
)
skp_buka_kembali = _langkah(
    "buka_kembali", wf.skp_buka_kembali, _("SKP dibuka kembali menjadi draf."), "alasan"
)


# --- Editors ---------------------------------------------------------------------------------


class _EditorSKP(FormView):
    """Base of the owner's editors: looks the object up in the actor's scope (404 outside),
    403 for anyone but the owner, back to the SKP page when the SKP is not editable."""

    model: type = SKP

    def ambil(self, pk: int) -> tuple[SKP, Any]:
        skp = get_object_or_404(sel.skp_visible(actor=self.request.user), pk=pk)
        return skp, None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.skp, self.objek = self.ambil(kwargs["pk"])
        if not wf.is_pemilik(request.user, self.skp):
            raise PermissionDenied
        if self.skp.status not in svc.DAPAT_DIEDIT:
            messages.warning(request, _("SKP ini tidak dapat diubah pada status sekarang."))
            return HttpResponseRedirect(self.skp.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "skp": self.skp, "objek": self.objek}

    def simpan(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            self.simpan(form.cleaned_data)
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Perubahan disimpan."))
        return HttpResponseRedirect(self.skp.get_absolute_url())


class SKPUpdateView(_EditorSKP):
    template_name = "kinerja/skp_form.html"
    form_class = SKPForm

    def get_initial(self) -> dict[str, Any]:
        s = self.skp
        return {
            "pendekatan": s.pendekatan, "dukungan_sumber_daya": s.dukungan_sumber_daya,
            "skema_pertanggungjawaban": s.skema_pertanggungjawaban, "konsekuensi": s.konsekuensi,
        }  # fmt: skip

    def simpan(self, data: dict[str, Any]) -> None:
        svc.skp_ubah(actor=self.request.user, skp=self.skp, **data)


class RHKCreateView(_EditorSKP):
    template_name = "kinerja/rhk_form.html"
    form_class = RHKForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "skp": self.skp}

    def simpan(self, data: dict[str, Any]) -> None:
        svc.rhk_simpan(actor=self.request.user, skp=self.skp, rhk=self.objek, **data)


class RHKUpdateView(RHKCreateView):
    model = RencanaHasilKerja

    def ambil(self, pk: int) -> tuple[SKP, Any]:
        rhk = get_object_or_404(
            RencanaHasilKerja.objects.visible_to(self.request.user).filter(
                skp__in=sel.skp_visible(actor=self.request.user)
            ),
            pk=pk,
        )
        return rhk.skp, rhk

    def get_initial(self) -> dict[str, Any]:
        r = self.objek
        return {
            "teks": r.teks, "jenis": r.jenis, "rhk_atasan": r.rhk_atasan_id,
            "target_unit": r.target_unit_id, "perspektif": r.perspektif,
        }  # fmt: skip


@require_POST
def rhk_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rhk = get_object_or_404(
        RencanaHasilKerja.objects.visible_to(request.user).filter(
            skp__in=sel.skp_visible(actor=request.user)
        ),
        pk=pk,
    )
    return jalankan_aksi(
        request, lambda: svc.rhk_hapus(actor=request.user, rhk=rhk),
        berhasil=_("RHK dihapus."), kembali=rhk.skp.get_absolute_url(),
    )  # fmt: skip


rhk_delete.scoped_model = RencanaHasilKerja


class IndikatorCreateView(_EditorSKP):
    """URL pk = the RHK."""

    model = RencanaHasilKerja
    template_name = "kinerja/indikator_form.html"
    form_class = IndikatorForm

    def ambil(self, pk: int) -> tuple[SKP, Any]:
        self.rhk = get_object_or_404(
            RencanaHasilKerja.objects.visible_to(self.request.user).filter(
                skp__in=sel.skp_visible(actor=self.request.user)
            ),
            pk=pk,
        )
        return self.rhk.skp, None

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "rhk": self.rhk}

    def simpan(self, data: dict[str, Any]) -> None:
        svc.indikator_simpan(actor=self.request.user, rhk=self.rhk, indikator=self.objek, **data)


class IndikatorUpdateView(IndikatorCreateView):
    model = IndikatorKinerja

    def ambil(self, pk: int) -> tuple[SKP, Any]:
        ind = get_object_or_404(
            IndikatorKinerja.objects.visible_to(self.request.user)
            .filter(rhk__skp__in=sel.skp_visible(actor=self.request.user))
            .select_related("rhk__skp"),
            pk=pk,
        )
        self.rhk = ind.rhk
        return ind.rhk.skp, ind

    def get_initial(self) -> dict[str, Any]:
        i = self.objek
        return {
            "aspek": i.aspek, "teks": i.teks, "target_nilai": i.target_nilai,
            "target_satuan": i.target_satuan, "target_kualitatif": i.target_kualitatif,
        }  # fmt: skip


@require_POST
def indikator_delete(request: HttpRequest, pk: int) -> HttpResponse:
    ind = get_object_or_404(
        IndikatorKinerja.objects.visible_to(request.user)
        .filter(rhk__skp__in=sel.skp_visible(actor=request.user))
        .select_related("rhk__skp"),
        pk=pk,
    )
    return jalankan_aksi(
        request, lambda: svc.indikator_hapus(actor=request.user, indikator=ind),
        berhasil=_("Indikator dihapus."), kembali=ind.rhk.skp.get_absolute_url(),
    )  # fmt: skip


indikator_delete.scoped_model = IndikatorKinerja


class EkspektasiUpdateView(FormView):
    """The pejabat penilai's seven behaviour expectations."""

    model = SKP
    template_name = "kinerja/skp_ekspektasi.html"
    form_class = EkspektasiForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.skp = get_object_or_404(sel.skp_visible(actor=request.user), pk=kwargs["pk"])
        if not wf.is_penilai(request.user, self.skp):
            raise PermissionDenied
        if self.skp.status not in svc.EKSPEKTASI_DAPAT_DIEDIT:
            messages.warning(request, _("SKP sudah disetujui; ekspektasi tidak dapat diubah."))
            return HttpResponseRedirect(self.skp.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "actor": self.request.user, "skp": self.skp}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "skp": self.skp}

    def form_valid(self, form: EkspektasiForm) -> HttpResponse:
        try:
            svc.ekspektasi_simpan(
                actor=self.request.user, skp=self.skp, ekspektasi=form.cleaned_data
            )
        except ValidationError as e:
            galat_ke_form(form, e)
            return self.form_invalid(form)
        messages.success(self.request, _("Ekspektasi perilaku disimpan."))
        return HttpResponseRedirect(self.skp.get_absolute_url() + "#perilaku")


@require_POST
def skp_umpan_balik_create(request: HttpRequest, pk: int) -> HttpResponse:
    skp = get_object_or_404(sel.skp_visible(actor=request.user), pk=pk)
    if not (wf.is_pemilik(request.user, skp) or wf.is_penilai(request.user, skp)):
        raise PermissionDenied
    form = UmpanBalikForm(request.POST, actor=request.user)
    if not form.is_valid():
        messages.error(request, pesan_form(form))
        return HttpResponseRedirect(skp.get_absolute_url() + "#umpan-balik")
    return jalankan_aksi(
        request, lambda: umpan_balik_kirim(actor=request.user, skp=skp, **form.cleaned_data),
        berhasil=_("Umpan balik terkirim."), kembali=skp.get_absolute_url() + "#umpan-balik",
    )  # fmt: skip


skp_umpan_balik_create.scoped_model = SKP


# --- Cascade ---------------------------------------------------------------------------------


class KaskadeView(TemplateView):
    """The RHK tree of a unit's subtree: HR picks any unit of the wilayah, a section head
    sees their own unit's subtree."""

    scoping_exempt = "tanpa id objek di URL; unit dari parameter GET dibatasi visible_to"
    template_name = "kinerja/kaskade_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        hr = peran.is_pengawas_wilayah(user)
        saya = pegawai_dari_pengguna(user)
        units = UnitKerja.objects.visible_to(user).filter(aktif=True)
        if hr:
            pilihan = units.filter(Q(depth__lte=1)).order_by("path")
        elif saya and memimpin(saya):
            pilihan = units.filter(
                path__startswith=saya.jabatan.unit.path, depth__lte=saya.jabatan.unit.depth + 1
            ).order_by("path")
        else:
            raise PermissionDenied
        uid = self.request.GET.get("unit", "")
        unit = pilihan.filter(pk=uid).first() if uid.isdigit() else None
        if unit is None:
            unit = pilihan.first()
        periode = periode_aktif(actor=user, wilayah_id=unit.wilayah_id if unit else None)
        ctx.update(
            unit=unit,
            unit_pilihan=pilihan,
            periode=periode,
            simpul=sel.kaskade(actor=user, periode=periode, unit=unit) if unit and periode else [],
        )
        return ctx
