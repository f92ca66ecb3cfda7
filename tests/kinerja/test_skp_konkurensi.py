"""Two approvals at once (two tabs, two approvers) against the real PostgreSQL: exactly one
transition, the other caller gets a clear error."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from asn_kinerja.models import TransisiStatus
from kinerja.models import SKP
from kinerja.workflow import skp as wf
from tests.kinerja.factories import rantai_skp, skp_lengkap

pytestmark = pytest.mark.django_db(transaction=True)


def _serentak(fn, n=2):
    mulai = threading.Barrier(n)
    hasil: list = []

    def kerja():
        try:
            mulai.wait()
            hasil.append(("ok", fn()))
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            hasil.append(("error", e))
        finally:
            connection.close()

    threads = [threading.Thread(target=kerja) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return hasil


def test_dua_persetujuan_serentak_satu_transisi(org_a):
    rantai = rantai_skp(org_a)
    skp = skp_lengkap(org_a.staf_seksi, status="draf", rhk_atasan=rantai["kasi"].rhk_set.first())
    wf.skp_ajukan(skp=skp, oleh=org_a.user_staf_seksi)

    hasil = _serentak(lambda: wf.skp_setujui(skp=skp, oleh=org_a.user_kasi))

    ok = [h for h in hasil if h[0] == "ok"]
    gagal = [h[1] for h in hasil if h[0] == "error"]
    assert len(ok) == 1 and len(gagal) == 1, hasil
    assert isinstance(gagal[0], ValidationError)
    assert "sudah \u201cDisetujui\u201d" in gagal[0].messages[0]
    assert SKP.objects.get(pk=skp.pk).status == "disetujui"
    assert TransisiStatus.objects.untuk(skp).filter(ke="disetujui").count() == 1


def test_setujui_dan_kembalikan_serentak(org_a):
    rantai = rantai_skp(org_a)
    skp = skp_lengkap(org_a.staf_seksi, status="draf", rhk_atasan=rantai["kasi"].rhk_set.first())
    wf.skp_ajukan(skp=skp, oleh=org_a.user_staf_seksi)
    langkah = iter(
        [
            lambda: wf.skp_setujui(skp=skp, oleh=org_a.user_kasi),
            lambda: wf.skp_kembalikan(skp=skp, oleh=org_a.user_kasi, catatan="Perbaiki"),
        ]
    )
    kunci = threading.Lock()

    def satu():
        with kunci:
            fn = next(langkah)
        return fn()

    hasil = _serentak(satu)
    assert sorted(h[0] for h in hasil) == ["error", "ok"]
    assert TransisiStatus.objects.untuk(skp).exclude(ke="diajukan").count() == 1
