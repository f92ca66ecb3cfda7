"""Celery tasks of kinerja: thin adapters that take ids and call one service."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail

from kinerja.models import Notifikasi


@shared_task(
    name="kinerja.tasks.kirim_email_notifikasi",
    ignore_result=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def kirim_email_notifikasi(notifikasi_id: int) -> None:
    notif = Notifikasi.objects.select_related("penerima").filter(pk=notifikasi_id).first()
    if notif is None or not notif.penerima.email:
        return
    badan = notif.pesan
    if notif.tautan:
        badan += f"\n\nBuka: {getattr(settings, 'SITE_URL', '').rstrip('/')}{notif.tautan}"
    send_mail(f"[ASN Kinerja] {notif.judul}", badan, None, [notif.penerima.email])


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
