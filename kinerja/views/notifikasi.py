"""The user's notifications: list, open one (marks it read), mark all read."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from asn_kinerja.models import Notifikasi
from asn_kinerja.notifikasi import notifikasi_baca, notifikasi_baca_semua
from asn_kinerja.pengalihan import tujuan_aman
from kinerja.selectors.notifikasi import notifikasi_list


class NotifikasiListView(ListView):
    scoping_exempt = "daftar milik sendiri; tanpa id objek"
    template_name = "kinerja/notifikasi_list.html"
    context_object_name = "notifikasi_list"
    paginate_by = 25

    def get_queryset(self):
        return notifikasi_list(
            actor=self.request.user, hanya_belum_dibaca=self.request.GET.get("belum") == "1"
        )


@require_POST
def notifikasi_buka(request: HttpRequest, pk: int) -> HttpResponse:
    """Marks one notification read and goes to its link (a local path only)."""
    notif = get_object_or_404(notifikasi_list(actor=request.user), pk=pk)
    notifikasi_baca(notifikasi=notif)
    daftar = reverse("kinerja:notifikasi_list")
    return HttpResponseRedirect(tujuan_aman(request, notif.tautan, daftar))


notifikasi_buka.scoped_model = Notifikasi


@require_POST
def notifikasi_baca_semua_view(request: HttpRequest) -> HttpResponse:
    n = notifikasi_baca_semua(actor=request.user)
    messages.success(request, _("%(n)s notifikasi ditandai sudah dibaca.") % {"n": n})
    return HttpResponseRedirect(reverse("kinerja:notifikasi_list"))
