"""Unexcused absence per year and the PP 94/2021 sanction level it reaches, flagged to HR."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pegawai.cuti.selectors import alpa_beruntun, tingkat_sanksi
from pegawai.models import Kehadiran

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "hari,kode",
    [(0, None), (2, None), (3, "teguran_lisan"), (4, "teguran_tertulis"), (6, "teguran_tertulis"),
     (7, "pernyataan_tidak_puas"), (10, "pernyataan_tidak_puas"), (11, "tpp_6"), (13, "tpp_6"),
     (14, "tpp_9"), (16, "tpp_9"), (17, "tpp_12"), (20, "tpp_12"), (21, "penurunan_jabatan"),
     (24, "penurunan_jabatan"), (25, "pelaksana_12"), (27, "pelaksana_12"),
     (28, "pemberhentian"), (60, "pemberhentian")],
)  # fmt: skip
def test_tingkat_sanksi_pp_94_2021(hari, kode):
    s = tingkat_sanksi(hari)
    assert (s.kode if s else None) == kode
    if s:
        assert str(s.tingkat) == {"teguran": "ringan", "pernyataan": "ringan", "tpp": "sedang"}.get(
            kode.split("_")[0], "berat"
        )


def test_sepuluh_hari_berturut_turut_pemberhentian():
    assert tingkat_sanksi(10, beruntun=10).kode == "pemberhentian"
    assert tingkat_sanksi(10, beruntun=9).kode == "pernyataan_tidak_puas"


def _hari_kerja(mulai: dt.date, n: int) -> list[dt.date]:
    hasil, d = [], mulai
    while len(hasil) < n:
        if d.weekday() < 5:
            hasil.append(d)
        d += dt.timedelta(days=1)
    return hasil


def test_alpa_beruntun_melewati_akhir_pekan(org_a):
    hari = _hari_kerja(dt.date(2026, 3, 2), 14)
    for i, d in enumerate(hari):
        status = "hadir" if i in (0, 13) else "alpa"  # 12 working days in a row, over weekends
        Kehadiran.objects.create(pegawai=org_a.staf, tanggal=d, status=status)
    assert alpa_beruntun([org_a.staf.pk], 2026) == {org_a.staf.pk: 12}


def test_daftar_disiplin_hr(client, org_a, org_b, django_assert_max_num_queries):
    for p, n in [(org_a.staf, 4), (org_a.staf2, 2), (org_a.kasi, 11), (org_b.staf, 9)]:
        for d in _hari_kerja(dt.date(2026, 2, 2), n):
            Kehadiran.objects.create(pegawai=p, tanggal=d, status="alpa")
    Kehadiran.objects.create(pegawai=org_a.staf, tanggal=dt.date(2025, 5, 5), status="alpa")
    client.force_login(org_a.user_hr)
    url = reverse("pegawai:disiplin_list") + "?tahun=2026"
    with django_assert_max_num_queries(30) as ctx:
        resp = client.get(url)
    rows = [(p.nama, p.alpa, p.sanksi.kode) for p in resp.context["daftar"]]
    assert rows == [
        (org_a.kasi.nama, 11, "pemberhentian"),
        (org_a.staf.nama, 4, "teguran_tertulis"),
    ]
    assert "Teguran tertulis" in resp.content.decode()
    n = len(ctx.captured_queries)
    from tests.factories import PegawaiFactory

    for _i in range(25):
        p = PegawaiFactory(jabatan=org_a.j_staf)
        for d in _hari_kerja(dt.date(2026, 4, 6), 3):
            Kehadiran.objects.create(pegawai=p, tanggal=d, status="alpa")
    with django_assert_max_num_queries(n):
        client.get(url)
    for user in (org_a.user_staf, org_a.user_kabid, org_a.user_pimpinan):
        client.force_login(user)
        assert client.get(url).status_code == 403
