from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView

from pegawai.selectors import pegawai_dari_pengguna

from .selectors import ringkasan_beranda, ringkasan_per_wilayah


class BerandaView(TemplateView):
    """Home page per role: counts of the user's wilayah (or all wilayah for national admins)
    and the employee's own card."""

    template_name = "laporan/beranda.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["ringkasan"] = ringkasan_beranda(actor=user)
        ctx["pegawai_saya"] = pegawai_dari_pengguna(user)
        if user.is_admin_nasional:
            ctx["per_wilayah"] = ringkasan_per_wilayah(actor=user)
        return ctx
