"""Lock and reopen: final, audited, race-safe."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from kinerja.tpp import services
from kinerja.tpp.models import BulanTPP, RiwayatBulanTPP


@pytest.mark.django_db
def test_kunci_lalu_buka_dengan_catatan(org_a, tpp_a):
    b = services.tpp_kunci(actor=org_a.user_hr, bulan=tpp_a.bulan)
    assert b.status == "terkunci" and b.dikunci_oleh == org_a.user_hr
    with pytest.raises(ValidationError, match="sudah dikunci"):
        services.tpp_kunci(actor=org_a.user_hr, bulan=b)
    with pytest.raises(ValidationError, match="alasan"):
        services.tpp_buka(actor=org_a.user_hr, bulan=b, catatan="   ")
    with pytest.raises(ValidationError, match="500"):
        services.tpp_buka(actor=org_a.user_hr, bulan=b, catatan="x" * 501)
    assert BulanTPP.objects.get(pk=b.pk).status == "terkunci"
    b = services.tpp_buka(actor=org_a.user_hr, bulan=b, catatan="Koreksi kehadiran dinas luar")
    assert b.status == "draf" and b.dikunci_pada is None
    aksi = list(
        RiwayatBulanTPP.objects.filter(bulan=b).order_by("pk").values_list("aksi", "catatan")
    )
    assert aksi == [("hitung", ""), ("kunci", ""), ("buka", "Koreksi kehadiran dinas luar")]
    with pytest.raises(ValidationError, match="belum dikunci"):
        services.tpp_buka(actor=org_a.user_hr, bulan=b, catatan="lagi")


@pytest.mark.django_db
def test_belum_dihitung_tidak_bisa_dikunci(org_a, bulan_a):
    with pytest.raises(ValidationError, match="Hitung TPP"):
        services.tpp_kunci(actor=org_a.user_hr, bulan=bulan_a)


def _jalankan(fungsi, hasil, barrier):
    try:
        barrier.wait(timeout=10)
        fungsi()
        hasil.append("ok")
    except ValidationError as exc:
        hasil.append(" ".join(exc.messages))
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_dua_kunci_bersamaan_satu_menang(org_a, tpp_a):
    barrier = threading.Barrier(2)
    hasil: list[str] = []
    threads = [
        threading.Thread(
            target=_jalankan,
            args=(
                lambda: services.tpp_kunci(actor=org_a.user_hr, bulan=tpp_a.bulan),
                hasil,
                barrier,
            ),
        )
        for _ in range(2)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=20)
    assert sorted(hasil) == ["TPP bulan ini sudah dikunci.", "ok"]
    assert RiwayatBulanTPP.objects.filter(bulan=tpp_a.bulan, aksi="kunci").count() == 1


@pytest.mark.django_db(transaction=True)
def test_kunci_saat_perhitungan_berjalan_ditolak_nowait(org_a, tpp_a):
    """While a computation holds the month row (another connection), a lock with nowait is
    refused with a clear message; without nowait it waits and then wins."""
    pegang = threading.Event()
    lepas = threading.Event()

    def perhitungan_berjalan():
        try:
            with transaction.atomic():
                BulanTPP.objects.select_for_update().get(pk=tpp_a.bulan.pk)
                pegang.set()
                lepas.wait(timeout=10)
        finally:
            connection.close()

    t = threading.Thread(target=perhitungan_berjalan)
    t.start()
    assert pegang.wait(timeout=10)
    try:
        with pytest.raises(ValidationError, match="sedang dihitung"):
            services.tpp_kunci(actor=org_a.user_hr, bulan=tpp_a.bulan, nowait=True)
    finally:
        lepas.set()
        t.join(timeout=10)
    assert services.tpp_kunci(actor=org_a.user_hr, bulan=tpp_a.bulan).status == "terkunci"
