"""Celery tasks of kinerja: thin adapters that take ids and call one service."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="kinerja.buka_tahun_berikut", ignore_result=False)
def buka_tahun_berikut() -> list[int]:
    """Daily (beat): for every wilayah with `buka_tahun_otomatis`, opens next year once its
    local date reaches December (`services.periode.periode_buka_otomatis`, idempotent).
    Returns the ids of the years opened by this run."""
    from kinerja.services.periode import periode_buka_otomatis
    from organisasi.models import Wilayah

    dibuka = []
    for wilayah in Wilayah.objects.filter(buka_tahun_otomatis=True).order_by("pk"):
        periode = periode_buka_otomatis(wilayah=wilayah)
        if periode is not None:
            dibuka.append(periode.pk)
    return dibuka
