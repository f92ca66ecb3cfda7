"""A real Celery worker consumes a real recap job from the real Redis."""

from __future__ import annotations

import time

import pytest
from celery.contrib.testing.worker import start_worker

from asn_kinerja.celery import app
from kinerja.laporan import tasks
from kinerja.laporan.models import ProsesLaporan, RekapWilayah


@pytest.mark.django_db(transaction=True)
def test_rekap_lewat_worker_sungguhan(org_a, kinerja_a):
    app.conf.task_always_eager = False
    app.control.purge()
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            proses = tasks.proses_rekap_mulai(actor=org_a.user_hr, periode_penilaian=kinerja_a.jan)
            batas = time.monotonic() + 30
            while time.monotonic() < batas:
                proses.refresh_from_db()
                if proses.status in ("selesai", "gagal"):
                    break
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = True
    assert proses.status == "selesai", proses.pesan
    assert proses.persen == 100 and proses.ringkasan["pegawai"] == 6
    assert RekapWilayah.objects.get(periode_penilaian=kinerja_a.jan).jumlah_baik == 1
    assert ProsesLaporan.objects.count() == 1
