"""Fixtures of the SKM tests: a service unit in each wilayah of `org_a`/`org_b`, and a
private cache namespace per test (the rate-limit counters live in the real Redis)."""

from __future__ import annotations

import time
import uuid
from types import SimpleNamespace

import pytest
from django.utils import timezone

from kinerja.skm import antispam, services


@pytest.fixture(autouse=True)
def _skm_cache(settings):
    settings.SKM_CACHE_PREFIX = f"skm-uji-{uuid.uuid4().hex[:10]}"
    settings.SKM_MIN_DETIK = 5


def _buka(org, nama: str):
    ul = services.unit_layanan_buka(
        actor=org.user_hr,
        unit=org.bidang,
        nama_publik=nama,
        jenis_layanan=["Surat keterangan domisili", "Legalisir dokumen"],
    )
    return SimpleNamespace(ul=ul, jenis=list(ul.jenis_layanan.order_by("urutan")), org=org)


@pytest.fixture
def skm_a(org_a):
    return _buka(org_a, "Kantor Layanan Alpha")


@pytest.fixture
def skm_b(org_b):
    return _buka(org_b, "Kantor Layanan Beta")


def data_formulir(skm, *, nilai=(4, 3, 3, 4, 3, 4, 4, 2, 3), **lain) -> dict:
    """A valid POST of the public form, filled 60 seconds ago."""
    data = {
        "jenis_layanan": skm.jenis[0].pk,
        **{f"u{i + 1}": v for i, v in enumerate(nilai)},
        "komentar": "",
        "petugas": "",
        "kontak": "",
        "t": antispam.token_formulir(skm.ul.pk, waktu=time.time() - 60),
        "website": "",
    }
    data.update(lain)
    return data


def buat_tanggapan(skm, nilai, *, tanggal=None, petugas=None, komentar="", kontak=""):
    """A response written directly (no abuse checks), for IKM and list tests."""

    from kinerja.skm.models import TanggapanSKM

    return TanggapanSKM.objects.create(
        unit_layanan=skm.ul,
        jenis_layanan=skm.jenis[0],
        tanggal=tanggal or timezone.localdate(),
        petugas=petugas,
        komentar=komentar,
        kontak=kontak,
        **{f"u{i + 1}": v for i, v in enumerate(nilai)},
    )
