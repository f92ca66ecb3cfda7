"""Celery tasks of development: thin adapters that take ids and call one service."""

from __future__ import annotations

from celery import shared_task
from django.core.mail import send_mail


@shared_task(
    name="pegawai.pengembangan.tasks.kabari",
    ignore_result=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def kabari(jenis: str, pk: int, peristiwa: str) -> int:
    """E-mails the next actor of one step (see services.pesan_kabar)."""
    from .services import pesan_kabar

    terkirim = 0
    for subjek, badan, penerima in pesan_kabar(jenis, pk, peristiwa):
        terkirim += send_mail(f"[ASN Kinerja] {subjek}", badan, None, penerima)
    return terkirim
