"""Constant query counts: the org chart, its htmx fragment, the search, the lists, the
report, the export and the detail pages run the same number of queries with 3 or 30 rows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import JabatanFactory, PegawaiFactory, UnitKerjaFactory
from tests.organisasi.factories import TugasJabatanFactory

pytestmark = pytest.mark.django_db


def _jumlah(client, path, django_assert_max_num_queries, data=None):
    client.get(path, data)  # warm caches (session, user, content types)
    with django_assert_max_num_queries(40) as ctx:
        resp = client.get(path, data)
    assert resp.status_code == 200, path
    return len(ctx.captured_queries)


def _tambah_baris(org, n):
    """n more units under the root and under the bidang, each with positions, tasks, people."""
    for i in range(n):
        for induk in (org.root, org.bidang):
            u = UnitKerjaFactory(parent=induk, nama=f"Seksi Tambahan {induk.pk}-{i}", jenis="seksi")
            kepala = JabatanFactory(unit=u, nama=f"Kepala {u.nama}", is_kepala=True)
            staf = JabatanFactory(unit=u, nama=f"Pelaksana {u.nama}")
            TugasJabatanFactory(jabatan=staf, volume_tahunan=900, norma_waktu_menit=100)
            PegawaiFactory(jabatan=kepala)
            PegawaiFactory(jabatan=staf)
        TugasJabatanFactory(jabatan=org.j_staf, volume_tahunan=10 + i)
        PegawaiFactory(jabatan=org.j_staf)


HALAMAN = [
    ("unit_list", [], None),
    ("unit_list", [], {"q": "seksi"}),
    ("unit_children", ["bidang"], None),
    ("unit_detail", ["bidang"], None),
    ("jabatan_list", [], None),
    ("jabatan_detail", ["j_staf"], None),
    ("kebutuhan_list", [], None),
    ("kebutuhan_list", [], {"tampilan": "unit"}),
    ("kebutuhan_export", [], {"format": "csv"}),
    ("kebutuhan_export", [], {"format": "xlsx"}),
]


@pytest.mark.parametrize(("name", "args", "data"), HALAMAN, ids=lambda v: str(v))
def test_jumlah_query_konstan(client_as, org_a, django_assert_max_num_queries, name, args, data):
    client = client_as(org_a.user_hr)
    path = reverse(f"organisasi:{name}", args=[getattr(org_a, a).pk for a in args])
    _tambah_baris(org_a, 1)
    sedikit = _jumlah(client, path, django_assert_max_num_queries, data)
    _tambah_baris(org_a, 14)
    banyak = _jumlah(client, path, django_assert_max_num_queries, data)
    print(f"{name} {data}: {sedikit} query (3 baris) / {banyak} query (30 baris)")
    assert banyak == sedikit, f"{name}: {sedikit} -> {banyak} query"
    assert sedikit <= 15, f"{name}: {sedikit} query"
