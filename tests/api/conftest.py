"""Fixtures of the API tests: an approved SKP chain with evaluations in both wilayah, and a
DRF client logged in as a user."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.kinerja.factories_evaluasi import evaluasi, organisasi_dinilai


@pytest.fixture
def api_as():
    """`api_as(user)`: an APIClient with that user's session (CSRF not enforced: the test
    of CSRF builds its own client)."""

    def _masuk(user):
        c = APIClient()
        c.force_login(user)
        return c

    return _masuk


@pytest.fixture
def dinilai(org_a, org_b):
    """Approved SKP in both wilayah (organisasi_dinilai) and the staff member's evaluation
    of January, open for realisation."""
    a, b = organisasi_dinilai(org_a), organisasi_dinilai(org_b)
    a["ev_staf"] = evaluasi(a["staf"], nomor=1)
    a["ev_kabid"] = evaluasi(a["kabid"], nomor=1)
    b["ev_staf"] = evaluasi(b["staf"], nomor=1)
    return {"a": a, "b": b}


def hasil(resp) -> list[dict]:
    assert resp.status_code == 200, resp.content[:500]
    return resp.json()["results"]


def ids(resp) -> set[int]:
    return {r["id"] for r in hasil(resp)}
