"""Web processes collect cyclic garbage after each request, not during it."""

from __future__ import annotations

import gc

import pytest

from asn_kinerja import sampah


@pytest.fixture
def terpasang():
    sampah.pasang()
    yield
    sampah.lepas()


def _kumpulkan_generasi(fungsi) -> list[int]:
    generasi: list[int] = []

    def cb(fase, info):
        if fase == "start":
            generasi.append(info["generation"])

    gc.callbacks.append(cb)
    try:
        fungsi()
    finally:
        gc.callbacks.remove(cb)
    return generasi


def test_gc_otomatis_mati_dan_berjalan_sesudah_request(terpasang, client):
    assert not gc.isenabled()
    # Exactly one collection, generation 0, run by the hook when the response is finished.
    sampah._jumlah = 0
    generasi = _kumpulkan_generasi(lambda: client.get("/healthz"))
    assert generasi == [0]


def test_generasi_lebih_tinggi_berkala(terpasang):
    from django.core.signals import request_finished

    sampah._jumlah = 0
    generasi = _kumpulkan_generasi(
        lambda: [request_finished.send(sender=None) for _ in range(sampah.SETIAP_GEN2)]
    )
    assert generasi.count(2) == 1
    assert generasi.count(1) == sampah.SETIAP_GEN2 // sampah.SETIAP_GEN1 - 1
    assert len(generasi) == sampah.SETIAP_GEN2


def test_lepas_mengembalikan_gc_bawaan():
    sampah.pasang()
    sampah.lepas()
    assert gc.isenabled()
