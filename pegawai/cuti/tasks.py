"""Celery tasks of leave/attendance: thin adapters that take ids and call one service."""

from __future__ import annotations

import datetime as dt

from celery import shared_task
from django.core.mail import send_mail

from organisasi.models import Wilayah
from pegawai.models import Cuti


@shared_task(
    name="pegawai.cuti.tasks.kirim_email_cuti",
    ignore_result=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def kirim_email_cuti(cuti_id: int, peristiwa: str) -> int:
    """E-mails the people concerned by one leave event (see services.cuti_email)."""
    from .services import cuti_email

    cuti = (
        Cuti.objects.select_related("pegawai__pengguna", "atasan__pengguna")
        .filter(pk=cuti_id)
        .first()
    )
    if cuti is None:
        return 0
    terkirim = 0
    for subjek, badan, penerima in cuti_email(cuti, peristiwa):
        terkirim += send_mail(f"[ASN Kinerja] {subjek}", badan, None, penerima)
    return terkirim


@shared_task(name="pegawai.cuti.tasks.tandai_alpa", ignore_result=True)
def tandai_alpa(tanggal: str | None = None) -> int:
    """Records `alpa` for every active employee without attendance on a working day (default:
    yesterday), in every wilayah. Safe to run twice."""
    from .services import kehadiran_tandai_alpa

    hari = dt.date.fromisoformat(tanggal) if tanggal else dt.date.today() - dt.timedelta(days=1)
    return sum(kehadiran_tandai_alpa(wilayah=w, tanggal=hari) for w in Wilayah.objects.all())
