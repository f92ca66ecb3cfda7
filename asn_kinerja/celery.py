"""Celery application: broker and result backend on Redis (REDIS_URL)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asn_kinerja.settings.dev")

app = Celery("asn_kinerja")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# Task modules of sub-packages that are not Django apps themselves.
app.autodiscover_tasks(["pegawai.cuti"])
