"""Celery tasks of the SKM: thin adapters, safe to run twice."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


@shared_task(ignore_result=True)
def kirim_email_jawaban(tanggapan_id: int) -> None:
    """Mails the staff's answer to a citizen who left an e-mail address."""
    from .models import TanggapanSKM
    from .services import kontak_email

    t = (
        TanggapanSKM.objects.select_related("unit_layanan", "jenis_layanan")
        .filter(pk=tanggapan_id)
        .first()
    )
    if t is None or not t.jawaban or not kontak_email(t.kontak):
        return
    ctx = {"t": t, "url": settings.SITE_URL.rstrip("/") + t.get_public_url()}
    send_mail(
        subject=f"Jawaban atas tanggapan Anda untuk {t.unit_layanan.nama_publik}",
        message=render_to_string("skm/email_jawaban.txt", ctx),
        from_email=None,
        recipient_list=[t.kontak],
    )


@shared_task(name="skm.token_terpakai_bersihkan", ignore_result=True)
def token_terpakai_bersihkan() -> int:
    """Daily: prunes used form tokens past their lifetime."""
    from .services import token_terpakai_bersihkan as bersihkan

    return bersihkan()
