"""Project-level periodic tasks."""

from __future__ import annotations

import socket

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db.models import F
from django.utils import timezone

from .models import Heartbeat, Notifikasi


@shared_task(name="asn_kinerja.tasks.heartbeat", ignore_result=True)
def heartbeat() -> None:
    """Proves beat -> Redis -> worker -> PostgreSQL works; safe to run any number of times."""
    nama = f"worker@{socket.gethostname()}"[:50]
    updated = Heartbeat.objects.filter(nama=nama).update(
        terakhir=timezone.now(), jumlah=F("jumlah") + 1
    )
    if not updated:
        Heartbeat.objects.get_or_create(
            nama=nama, defaults={"terakhir": timezone.now(), "jumlah": 1}
        )


# The task keeps its historical name so messages already queued still run.
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
