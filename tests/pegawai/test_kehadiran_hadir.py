"""One meaning of "hadir" (pegawai.choices.STATUS_HADIR): the attendance pages count the same
present days as the kinerja recap, dinas luar included, and show it without counting twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from kinerja.laporan.models import RekapPegawai
from kinerja.laporan.services.rekap import rekap_hitung
from pegawai.choices import STATUS_DI_KANTOR, STATUS_HADIR, StatusKehadiran
from pegawai.models import Kehadiran
from tests.kinerja.factories import PeriodeKinerjaFactory

pytestmark = pytest.mark.django_db

NOVEMBER = [
    (dt.date(2026, 11, 2), StatusKehadiran.HADIR, 0),
    (dt.date(2026, 11, 3), StatusKehadiran.TERLAMBAT, 15),
    (dt.date(2026, 11, 4), StatusKehadiran.PULANG_CEPAT, 0),
    (dt.date(2026, 11, 5), StatusKehadiran.DINAS_LUAR, 0),
    (dt.date(2026, 11, 6), StatusKehadiran.ALPA, 0),
    (dt.date(2026, 11, 9), StatusKehadiran.CUTI, 0),
    (dt.date(2026, 11, 10), StatusKehadiran.IZIN, 0),
]


def test_dua_konsep_hadir():
    assert set(STATUS_HADIR) - set(STATUS_DI_KANTOR) == {StatusKehadiran.DINAS_LUAR}
    assert set(STATUS_DI_KANTOR) < set(STATUS_HADIR)


def test_halaman_kehadiran_dan_rekap_kinerja_menghitung_hadir_sama(client, org_a):
    for tanggal, status, menit in NOVEMBER:
        Kehadiran.objects.create(
            pegawai=org_a.staf, tanggal=tanggal, status=status, menit_terlambat=menit
        )
    november = PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=2026).periode_penilaian.get(
        nomor=11
    )
    assert (november.tanggal_mulai, november.tanggal_selesai) == (
        dt.date(2026, 11, 1),
        dt.date(2026, 11, 30),
    )
    rekap_hitung(periode_penilaian=november)
    rekap = RekapPegawai.objects.get(periode_penilaian=november, pegawai=org_a.staf)

    client.force_login(org_a.user_staf)
    resp = client.get(reverse("pegawai:kehadiran_list") + "?bulan=2026-11")
    saya = resp.context["rekap_saya"]
    assert saya["hadir"] == rekap.hari_hadir == 4  # hadir, terlambat, pulang cepat, dinas luar
    assert saya["dinas_luar"] == 1
    assert "termasuk 1 hari dinas luar" in resp.content.decode()

    client.force_login(org_a.user_hr)
    resp = client.get(reverse("pegawai:kehadiran_rekap") + "?bulan=2026-11")
    baris = {p.pk: p for p in resp.context["rekap"]}[org_a.staf.pk]
    assert baris.hadir == rekap.hari_hadir
    (unit,) = [u for u in resp.context["per_unit"] if u["pegawai__unit_id"] == org_a.staf.unit_id]
    assert unit["hadir"] == sum(
        r.hari_hadir
        for r in RekapPegawai.objects.filter(periode_penilaian=november, unit=org_a.staf.unit)
    )
    html = resp.content.decode()
    assert "Hadir (termasuk DL)" in html and "di antaranya DL" in html


def test_tanpa_dinas_luar_tidak_ada_catatan(client, org_a):
    Kehadiran.objects.create(
        pegawai=org_a.staf, tanggal=dt.date(2026, 11, 2), status=StatusKehadiran.HADIR
    )
    client.force_login(org_a.user_staf)
    resp = client.get(reverse("pegawai:kehadiran_list") + "?bulan=2026-11")
    assert resp.context["rekap_saya"]["hadir"] == 1
    assert "hari dinas luar" not in resp.content.decode()
