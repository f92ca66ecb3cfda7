"""Every page of bench/pages.py runs a constant number of queries, at most MAKS_QUERY
(MAKS_QUERY_AKSI for a form POST), whatever the number of rows: rendered with 3 and with
30 employees (each with a year of performance data, daily logs and attendance) in the
section, the counts are equal.
Pages added to bench/pages.py later are covered automatically; a page whose URL name does
not exist yet is skipped."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.pages import HALAMAN
from bench.run import data_post, resolusi


def _permintaan(client, halaman, user):
    if user is None:
        from django.urls import reverse

        url = reverse(halaman.url) if not halaman.url.startswith("/") else halaman.url
    else:
        url, alasan = resolusi(halaman, user)
        if url is None:
            pytest.skip(alasan)
        client.force_login(user)
    data = data_post(halaman, user, url) if user else {}

    def kirim():
        if halaman.method == "POST":
            return client.post(url, data)
        return client.get(url)

    return url, kirim


def _hitung(kirim):
    kirim()  # warm-up: per-process caches (content types, translations, templates)
    with CaptureQueriesContext(connection) as q:
        r = kirim()
    return r, len(q.captured_queries), q


@pytest.mark.parametrize("halaman", HALAMAN, ids=[h.kunci for h in HALAMAN])
def test_query_konstan(halaman, client, pengguna_peran, isi_data):
    user = pengguna_peran[halaman.peran]
    isi_data(3)
    url, kirim = _permintaan(client, halaman, user)
    r3, n3, _q3 = _hitung(kirim)
    assert r3.status_code == halaman.status_ok, f"{url}: {r3.status_code}"
    isi_data(30)
    r30, n30, q30 = _hitung(kirim)
    assert r30.status_code == halaman.status_ok, f"{url}: {r30.status_code}"
    daftar = "\n".join(q["sql"][:200] for q in q30.captured_queries)
    assert n3 == n30, f"{url}: {n3} query dengan 3 baris, {n30} dengan 30:\n{daftar}"
    maks = halaman.maks_query
    assert n30 <= maks, f"{url}: {n30} query (maks {maks}):\n{daftar}"


def test_data_bench_tumbuh_dengan_pegawai(org_a, isi_data):
    """The fixture really adds rows: 30 employees have ~10x the data of 3."""
    from kinerja.models import SKP, EvaluasiPeriodik, EvaluasiTahunan, LogHarian
    from kinerja.talenta.models import HasilPotensi
    from pegawai.models import Kehadiran

    model = (SKP, EvaluasiPeriodik, LogHarian, Kehadiran, EvaluasiTahunan, HasilPotensi)
    isi_data(3)
    sebelum = [m.objects.count() for m in model]
    isi_data(30)
    sesudah = [m.objects.count() for m in model]
    assert all(b > a for a, b in zip(sebelum, sesudah, strict=True)), (sebelum, sesudah)
    assert SKP.objects.filter(pegawai__unit=org_a.seksi).count() >= 30
    isi_data(30)  # idempotent: a rerun inserts nothing
    assert [m.objects.count() for m in model] == sesudah


def test_data_bench_mengisi_9box(org_a, isi_data):
    """The generated annual evaluations and potential results place most employees in the
    9-box (the bench measures the grid with real data)."""
    from django.utils import timezone

    from kinerja.talenta import selectors

    isi_data(30)  # the year of the generated SKPs: the fixture's today
    grid = selectors.grid_9box(
        actor=org_a.user_hr, tahun=timezone.localdate().year, unit=org_a.seksi
    )
    assert sum(grid["per_kotak"].values()) >= 15, grid
    assert sum(1 for n in grid["per_kotak"].values() if n) >= 3, grid
