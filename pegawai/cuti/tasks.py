"""Celery tasks of leave/attendance: thin adapters that take ids and call one service."""

from __future__ import annotations

import datetime as dt

from celery import shared_task


@shared_task(
    name="pegawai.cuti.tasks.kirim_email_cuti",
    ignore_result=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def kirim_email_cuti(cuti_id: int, peristiwa: str) -> int:
    """E-mails the people concerned by one leave event (services.cuti.cuti_email_kirim)."""
    from .services.cuti import cuti_email_kirim

    return cuti_email_kirim(cuti_id=cuti_id, peristiwa=peristiwa)


@shared_task(name="pegawai.cuti.tasks.tandai_alpa", ignore_result=True)
def tandai_alpa(tanggal: str | None = None, wilayah_id: int | None = None) -> int:
    """Records `alpa` for every active employee without attendance on a working day. Without
    `tanggal` (the hourly beat job): in each wilayah, the working day that has just ended on
    that wilayah's local clock (see services.alpa.hari_alpa_jatuh_tempo). With `tanggal`
    (YYYY-MM-DD, a manual catch-up): that date in every wilayah, or in `wilayah_id`. Safe to
    run twice."""
    from .services.alpa import kehadiran_tandai_alpa_jatuh_tempo, kehadiran_tandai_alpa_tanggal

    if tanggal is None:
        return sum(kehadiran_tandai_alpa_jatuh_tempo().values())
    return kehadiran_tandai_alpa_tanggal(
        tanggal=dt.date.fromisoformat(tanggal), wilayah_id=wilayah_id
    )
