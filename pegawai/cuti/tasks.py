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
def tandai_alpa(tanggal: str | None = None, wilayah_id: int | None = None) -> int:
    """Records `alpa` for every active employee without attendance on a working day. Without
    `tanggal` (the hourly beat job): in each wilayah, the working day that has just ended on
    that wilayah's local clock (see services.hari_alpa_jatuh_tempo). With `tanggal`
    (YYYY-MM-DD, a manual catch-up): that date in every wilayah, or in `wilayah_id`. Safe to
    run twice."""
    from .services import kehadiran_tandai_alpa, kehadiran_tandai_alpa_jatuh_tempo

    if tanggal is None:
        return sum(kehadiran_tandai_alpa_jatuh_tempo().values())
    hari = dt.date.fromisoformat(tanggal)
    wilayah = Wilayah.objects.all()
    if wilayah_id is not None:
        wilayah = wilayah.filter(pk=wilayah_id)
    return sum(kehadiran_tandai_alpa(wilayah=w, tanggal=hari) for w in wilayah)
