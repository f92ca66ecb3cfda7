"""Celery application: broker and result backend on Redis (REDIS_URL)."""

import os

from celery import Celery
from celery.signals import worker_process_init

# Production by default: dev, test and bench set DJANGO_SETTINGS_MODULE explicitly
# (scripts/services.sh use_settings, bench/run.py).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asn_kinerja.settings.prod")

app = Celery("asn_kinerja")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Task modules of sub-packages that are not Django apps themselves.
app.autodiscover_tasks(["pegawai.cuti"])


@worker_process_init.connect
def _panaskan_pdf(**_kwargs) -> None:
    """Each worker process loads WeasyPrint and the fonts at start, not during the first
    report a user waits for (~0.5 s, see asn_kinerja.pdf.panaskan)."""
    from asn_kinerja.pdf import panaskan

    try:
        panaskan()
    except Exception:  # noqa: BLE001 - a warm-up must never stop the worker
        import logging

        logging.getLogger(__name__).warning("Pemanasan WeasyPrint gagal", exc_info=True)
