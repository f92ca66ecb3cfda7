"""Load the demo data of the three wilayah (idempotent).

manage.py seed_demo                     # demo data, accounts with password kinerja-demo
manage.py seed_demo --pegawai 100000    # plus N generated employees (benchmarks)
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from asn_kinerja.demo import LANGKAH, DemoContext
from asn_kinerja.waktu import hari_ini


class Command(BaseCommand):
    help = "Memuat data demo tiga wilayah (Gorontalo, Mamuju, Gayungan). Aman dijalankan ulang."

    def add_arguments(self, parser):
        parser.add_argument("--pegawai", type=int, default=0, help="Tambahan N pegawai acak.")
        parser.add_argument("--seed", type=int, default=2026, help="Bilangan acak (determinisme).")
        parser.add_argument(
            "--tanggal", type=dt.date.fromisoformat, default=None, help="'Hari ini' (YYYY-MM-DD)."
        )
        parser.add_argument("--force", action="store_true", help="Izinkan di pengaturan prod.")
        parser.add_argument("--hanya", default="", help="Hanya langkah ini (mis. organisasi.demo).")

    def handle(self, *args, **opts):
        modul_pengaturan = getattr(settings, "SETTINGS_MODULE", None) or os.environ.get(
            "DJANGO_SETTINGS_MODULE", ""
        )
        if modul_pengaturan.endswith(".prod") and not opts["force"]:
            raise CommandError(
                "seed_demo menolak berjalan dengan pengaturan produksi. Gunakan --force bila yakin."
            )
        if opts["pegawai"] < 0:
            raise CommandError("--pegawai tidak boleh negatif.")
        tanggal = opts["tanggal"]
        if isinstance(tanggal, str):  # call_command() passes options unparsed
            tanggal = dt.date.fromisoformat(tanggal)
        ctx = DemoContext(
            seed=opts["seed"],
            hari_ini=tanggal or hari_ini(),
            tanggal_tetap=tanggal is not None,
            jumlah_pegawai_tambahan=opts["pegawai"],
            verbose=opts["verbosity"] > 0,
            out=self.stdout,
        )
        mulai = time.monotonic()
        for nama in LANGKAH:
            if opts["hanya"] and nama != opts["hanya"]:
                continue
            try:
                modul = importlib.import_module(nama)
            except ModuleNotFoundError as exc:
                if exc.name == nama:
                    continue  # that capability has no demo data yet
                raise
            t0 = time.monotonic()
            with transaction.atomic():
                modul.seed(ctx)
            ctx.log(f"  {nama}: {time.monotonic() - t0:.1f} dtk")
        self.stdout.write(
            self.style.SUCCESS(f"Data demo siap ({time.monotonic() - mulai:.1f} dtk).")
        )
