"""The demo fills the 9-box of Gorontalo (all nine boxes), key positions and a draft calibration."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from kinerja.talenta import selectors
from kinerja.talenta.models import Kalibrasi, PosisiKunci
from organisasi.models import Pengguna

pytestmark = pytest.mark.django_db


def test_demo_9box_penuh(client):
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)  # idempotent
    hr = Pengguna.objects.get(username="hr_gorontalo")
    grid = selectors.grid_9box(actor=hr, tahun=2026)
    assert all(n > 0 for n in grid["per_kotak"].values()), grid
    for kode in ("gorontalo", "mamuju", "gayungan"):
        assert Kalibrasi.objects.filter(wilayah__kode=kode, tahun=2026, status="draf").count() == 1
    posisi = list(selectors.posisi_kunci_list(actor=hr))
    assert posisi and any(p.ada_siap for p in posisi) and any(not p.ada_siap for p in posisi)
    assert PosisiKunci.objects.filter(wilayah__kode="gorontalo").count() == len(posisi)
    for user in ("hr_gorontalo", "pimpinan_gorontalo"):
        client.force_login(Pengguna.objects.get(username=user))
        assert client.get(reverse("talenta:9box")).status_code == 200
    client.force_login(Pengguna.objects.get(username="pegawai_gorontalo"))
    assert client.get(reverse("talenta:karier")).status_code == 200
