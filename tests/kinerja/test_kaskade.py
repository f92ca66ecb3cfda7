"""The cascade view: the tree from a unit's targets down to each staff member's RHK, in a
constant number of queries; scoped to the wilayah and, for section heads, their subtree."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.selectors.skp import kaskade
from tests.factories import PegawaiFactory
from tests.kinerja.factories import rantai_skp, skp_lengkap

pytestmark = pytest.mark.django_db


def test_pohon_kaskade(org_a):
    r = rantai_skp(org_a)
    staf = skp_lengkap(org_a.staf_seksi, rhk_atasan=r["kasi"].rhk_set.first())
    simpul = kaskade(actor=org_a.user_hr, periode=r["periode"], unit=org_a.root)
    urutan = [(s.jenis, s.kedalaman, getattr(s.obj, "skp_id", None)) for s in simpul]
    assert urutan == [
        ("target", 0, None),
        ("rhk", 1, r["sekda"].pk),
        ("rhk", 2, r["kabid"].pk),
        ("rhk", 3, r["kasi"].pk),
        ("rhk", 4, staf.pk),
    ]
    # a section head: their own RHK start the branch
    simpul = kaskade(actor=org_a.user_kasi, periode=r["periode"], unit=org_a.seksi)
    assert [(s.kedalaman, s.obj.skp_id) for s in simpul] == [(0, r["kasi"].pk), (1, staf.pk)]


def test_kaskade_query_konstan(org_a, client_as, django_assert_max_num_queries):
    r = rantai_skp(org_a)
    c = client_as(org_a.user_hr)
    url = reverse("kinerja:kaskade") + f"?unit={org_a.root.pk}"
    with CaptureQueriesContext(connection) as q:
        assert c.get(url).status_code == 200
    for _ in range(20):
        p = PegawaiFactory(jabatan=org_a.j_staf)
        skp_lengkap(p, rhk_atasan=r["kabid"].rhk_set.first(), jumlah_rhk=2)
    with django_assert_max_num_queries(len(q)):
        resp = c.get(url)
    assert resp.content.decode().count('data-testid="kaskade-rhk"') == 3 + 40


def test_kaskade_akses(org_a, org_b, client_as):
    rantai_skp(org_a)
    assert client_as(org_a.user_staf).get(reverse("kinerja:kaskade")).status_code == 403
    # another wilayah's unit id is ignored: HR of B sees only B's units
    resp = client_as(org_b.user_hr).get(reverse("kinerja:kaskade") + f"?unit={org_a.root.pk}")
    assert resp.status_code == 200 and resp.context["unit"].wilayah_id == org_b.wilayah.pk
    resp = client_as(org_a.user_kasi).get(reverse("kinerja:kaskade") + f"?unit={org_a.root.pk}")
    assert resp.context["unit"] == org_a.seksi
