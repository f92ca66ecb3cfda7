"""Project-level periodic tasks."""

from __future__ import annotations

import socket

from celery import shared_task
from django.db.models import F
from django.utils import timezone

from .models import Heartbeat


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
