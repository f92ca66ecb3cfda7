"""Celery: the heartbeat task through a real worker consuming from the real Redis."""

from __future__ import annotations

import time

import pytest
from celery.contrib.testing.worker import start_worker

from asn_kinerja.celery import app
from asn_kinerja.models import Heartbeat
from asn_kinerja.tasks import heartbeat


@pytest.mark.django_db(transaction=True)
def test_heartbeat_lewat_worker_sungguhan():
    app.conf.task_always_eager = False
    app.control.purge()  # no stale messages from an earlier run
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            heartbeat.delay()
            heartbeat.delay()
            batas = time.monotonic() + 20
            while time.monotonic() < batas:
                hb = Heartbeat.objects.first()
                if hb and hb.jumlah >= 2:
                    break
                time.sleep(0.1)
    finally:
        app.conf.task_always_eager = True
    hb = Heartbeat.objects.get()
    assert hb.jumlah == 2


def test_jadwal_beat_dideklarasikan(settings):
    assert settings.CELERY_BEAT_SCHEDULE["heartbeat"]["task"] == "asn_kinerja.tasks.heartbeat"
    assert "asn_kinerja.tasks.heartbeat" in app.tasks
