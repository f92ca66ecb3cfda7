"""Closing a periodic window (kinerja) triggers its final recap (kinerja.laporan) after
commit, through the kinerja.signals hook."""

from __future__ import annotations

import pytest

from kinerja.laporan.models import RekapPegawai, RekapWilayah
from kinerja.services.periode import periode_penilaian_tutup
from tests.kinerja.factories import PeriodeKinerjaFactory

pytestmark = pytest.mark.django_db


def test_tutup_jendela_menghitung_rekap_akhir(org_a, django_capture_on_commit_callbacks):
    periode = PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    jendela = periode.periode_penilaian.get(nomor=1)
    assert not RekapWilayah.objects.filter(periode_penilaian=jendela).exists()
    with django_capture_on_commit_callbacks(execute=True):
        periode_penilaian_tutup(actor=org_a.user_hr, periode_penilaian=jendela, catatan="Selesai")
    rekap = RekapWilayah.objects.get(periode_penilaian=jendela)
    assert rekap.wilayah == org_a.wilayah
    assert RekapPegawai.objects.filter(periode_penilaian=jendela).count() == 6


def test_broker_mati_tidak_menggagalkan_penutupan(
    org_a, django_capture_on_commit_callbacks, monkeypatch
):
    from kinerja.laporan import tasks

    def gagal(*a, **k):
        raise ConnectionError("broker mati")

    monkeypatch.setattr(tasks.rekap_akhir, "delay", gagal)
    periode = PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    jendela = periode.periode_penilaian.get(nomor=2)
    with django_capture_on_commit_callbacks(execute=True):
        hasil = periode_penilaian_tutup(actor=org_a.user_hr, periode_penilaian=jendela)
    assert hasil.status == "tutup"
    assert not RekapWilayah.objects.filter(periode_penilaian=jendela).exists()
