"""The section head's inbox."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kinerja.selectors.inbox import inbox_count, inbox_counts, inbox_daftar, inbox_siapkan
from pegawai.selectors import pegawai_dari_pengguna


def inbox(request: HttpRequest) -> HttpResponse:
    if pegawai_dari_pengguna(request.user) is None:
        raise PermissionDenied(_("Kotak masuk untuk pegawai yang memiliki bawahan atau penilai."))
    inbox_siapkan(actor=request.user)
    counts = inbox_counts(actor=request.user)
    inbox_count(actor=request.user, segar=True)  # the badge shows what this page shows
    return render(
        request,
        "kinerja/inbox.html",
        {
            "counts": counts,
            "total": sum(counts.values()),
            "daftar": inbox_daftar(actor=request.user),
        },
    )


inbox.scoping_exempt = "tanpa id objek"
