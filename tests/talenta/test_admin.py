"""Talent management in Django admin: the settings are editable (pool boxes, thresholds),
the audited tables are read-only lists."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.talenta import services
from kinerja.talenta.models import PengaturanTalenta

pytestmark = pytest.mark.django_db

MODEL = ["pengaturantalenta", "hasilpotensi", "kalibrasi", "koreksikotak", "posisikunci",
         "kandidatsuksesi", "imporpotensi"]  # fmt: skip


@pytest.fixture
def admin_client_(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin_uji", "a@uji.id", "rahasia-uji-1")
    client.force_login(admin)
    return client


@pytest.mark.parametrize("model", MODEL)
def test_daftar_admin_terbuka(admin_client_, org_a, model):
    services.pengaturan_untuk(org_a.wilayah)
    assert admin_client_.get(reverse(f"admin:talenta_{model}_changelist")).status_code == 200


def test_pengaturan_dapat_diubah_dan_divalidasi(admin_client_, org_a):
    p = services.pengaturan_untuk(org_a.wilayah)
    url = reverse("admin:talenta_pengaturantalenta_change", args=[p.pk])
    data = {"wilayah": org_a.wilayah.pk, "kotak_pool": "8,9", "batas_menengah": "55",
            "batas_tinggi": "85"}  # fmt: skip
    assert admin_client_.post(url, data).status_code == 302
    p.refresh_from_db()
    assert p.kotak_pool == [8, 9] and p.batas_tinggi == 85
    data["batas_tinggi"] = "40"  # below menengah: refused by the model constraint
    resp = admin_client_.post(url, data)
    assert resp.status_code == 200
    assert PengaturanTalenta.objects.get(pk=p.pk).batas_tinggi == 85


def test_tabel_audit_hanya_baca(admin_client_):
    assert admin_client_.get(reverse("admin:talenta_koreksikotak_add")).status_code == 403
