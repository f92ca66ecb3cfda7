"""A real Celery worker consumes a real TPP job from the real Redis (the eager mode of the
other tests skips the broker)."""

from __future__ import annotations

import time

import pytest
from celery.contrib.testing.worker import start_worker

from asn_kinerja.celery import app
from kinerja.tpp import services
from kinerja.tpp.models import BulanTPP, TPPPegawai

from .conftest import buat_kasus


@pytest.mark.django_db(transaction=True)
def test_hitung_lewat_worker_sungguhan(org_a, periode_a, bulan_a):
    buat_kasus(org_a, periode_a, nama="Ani Telat", hari=[("terlambat", 45)] * 3)
    app.conf.task_always_eager = False
    app.control.purge()
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            services.tpp_hitung_mulai(actor=org_a.user_hr, bulan=bulan_a)
            batas = time.monotonic() + 30
            while time.monotonic() < batas:
                bulan_a.refresh_from_db()
                if bulan_a.proses in ("selesai", "gagal"):
                    break
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = True
    assert bulan_a.proses == BulanTPP.Proses.SELESAI, bulan_a.proses_pesan
    assert bulan_a.proses_persen == 100 and bulan_a.jumlah_pegawai == 7
    assert TPPPegawai.objects.get(bulan=bulan_a, nama="Ani Telat").netto == 3_458_000
