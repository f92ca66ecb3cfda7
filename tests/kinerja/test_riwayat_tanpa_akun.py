"""Issue 19: the history block of the SKP and evaluation pages with steps nobody with an
account took (system steps, employees without accounts, deleted users). Those rows have
`oleh` NULL; the page showed `{{ t.oleh.get_full_name|default:t.oleh.username }}` and
raised VariableDoesNotExist (a 500 on most demo pages)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.template import Context, Template
from django.urls import reverse

from tests.kinerja.factories import TransisiStatusFactory, riwayat_tanpa_akun, skp_lengkap
from tests.kinerja.factories_evaluasi import evaluasi, organisasi_dinilai

pytestmark = pytest.mark.django_db

HARI = dt.datetime(2026, 3, 10, 10, tzinfo=ZoneInfo("Asia/Makassar"))


def _riwayat_skp(org_a):
    # staf2 has no account in the test organisation (tests/conftest.py).
    skp = skp_lengkap(org_a.staf2, rhk_atasan=None, status="disetujui")
    riwayat_tanpa_akun(skp, tanpa_akun=org_a.staf2,
                       langkah=[("", "draf"), ("draf", "diajukan"), ("diajukan", "disetujui")])  # fmt: skip
    return skp


def test_factory_membuat_langkah_tanpa_akun(org_a):
    skp = _riwayat_skp(org_a)
    from asn_kinerja.models import TransisiStatus

    rows = list(TransisiStatus.objects.untuk(skp))
    assert [t.ke for t in rows] == ["draf", "diajukan", "disetujui"]
    assert all(t.oleh_id is None for t in rows)
    assert TransisiStatusFactory(objek=skp, dari="disetujui", ke="draf").oleh is None


@time_machine.travel(HARI, tick=False)
@pytest.mark.parametrize("peran", ["user_hr", "user_kabid"])
def test_riwayat_skp_tanpa_akun_tampil(org_a, client_as, peran):
    skp = _riwayat_skp(org_a)
    TransisiStatusFactory(objek=skp, dari="disetujui", ke="revisi_diajukan", oleh=org_a.user_kabid)
    resp = client_as(getattr(org_a, peran)).get(reverse("kinerja:skp_detail", args=[skp.pk]))
    assert resp.status_code == 200
    html = resp.content.decode()
    assert html.count("Sistem") >= 3
    assert org_a.user_kabid.nama_tampilan in html


@time_machine.travel(HARI, tick=False)
def test_riwayat_evaluasi_tanpa_akun_tampil(org_a, client_as):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf2"], status="dinilai", realisasi=True)
    riwayat_tanpa_akun(ev, tanpa_akun=org_a.staf2,
                       langkah=[("", "belum_diisi"), ("belum_diisi", "realisasi_diajukan"),
                                ("realisasi_diajukan", "dinilai")])  # fmt: skip
    for user in (org_a.user_hr, org_a.user_kabid):
        resp = client_as(user).get(reverse("kinerja:evaluasi_detail", args=[ev.pk]))
        assert resp.status_code == 200, user
        assert resp.content.decode().count("Sistem") >= 3


def test_filter_nama_aktor(org_a):
    t = Template('{% load asn %}{{ a|nama_aktor }}|{{ b|nama_aktor:"—" }}|{{ c|nama_aktor }}')
    org_a.user_kabid.first_name, org_a.user_kabid.last_name = "Rahmat", "Daud"
    html = t.render(Context({"a": None, "b": None, "c": org_a.user_kabid}))
    assert html == "Sistem|—|Rahmat Daud"
    org_a.user_hr.first_name = org_a.user_hr.last_name = ""
    assert Template("{% load asn %}{{ u|nama_aktor }}").render(Context({"u": org_a.user_hr})) == (
        org_a.user_hr.username
    )
