"""Template tags through which kinerja shows itself on lower apps' pages
(`{% load kinerja_tags %}`)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.inclusion_tag("kinerja/_riwayat_predikat.html", takes_context=True)
def riwayat_predikat(context: dict[str, Any], pegawai: Any) -> dict[str, Any]:
    """The employee's predikat history for the profile: periodic evaluations (rated or
    final) and annual ones, newest first. Two queries, scoped through visible_to."""
    from kinerja.models import EvaluasiPeriodik, EvaluasiTahunan

    user = context["request"].user
    periodik = (
        EvaluasiPeriodik.objects.visible_to(user)
        .filter(skp__pegawai=pegawai, predikat__isnull=False)
        .select_related("periode_penilaian")
        .order_by("-periode_penilaian__tanggal_mulai")[:36]
    )
    tahunan = (
        EvaluasiTahunan.objects.visible_to(user)
        .filter(skp__pegawai=pegawai, predikat__isnull=False)
        .select_related("skp__periode_kinerja")
        .order_by("-skp__periode_kinerja__tahun")
    )
    return {"periodik": list(periodik), "tahunan": list(tahunan), "request": context["request"]}
