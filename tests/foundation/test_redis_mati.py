"""Issue 19: with Redis down (cache and Celery broker on a closed port, fixture
`redis_mati`) nothing is a 500: the cache fails open (asn_kinerja.cache_aman), logged once
per outage; jobs queued after a commit are dropped with a warning (asn_kinerja.antrean)."""

from __future__ import annotations

import logging

import pytest
from django.core import mail
from django.urls import reverse

from asn_kinerja import antrean, cache_aman
from kinerja.models import SKP
from tests.kinerja.factories import rantai_skp, skp_lengkap
from tests.kinerja.factories_evaluasi import evaluasi, organisasi_dinilai


class _Catat(logging.Handler):
    """Records what one logger writes (caplog misses records once other tests have
    reconfigured logging)."""

    def __init__(self, nama: str):
        super().__init__(logging.DEBUG)
        self.pesan: list[str] = []
        self.logger = logging.getLogger(nama)

    def emit(self, record):
        self.pesan.append(record.getMessage())

    def __enter__(self):
        self.logger.addHandler(self)
        self.level_lama, self.logger.level = self.logger.level, logging.DEBUG
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self)
        self.logger.level = self.level_lama


def test_cache_aman_gagal_terbuka_dan_dicatat_sekali(redis_mati):
    with _Catat("asn_kinerja.cache_aman") as log:
        assert cache_aman.ambil("k", 7) == 7
        assert cache_aman.simpan("k", 1, 30) is False
        assert cache_aman.hapus("k") is False
        assert cache_aman.tambah("k", 1, 30) is None
        assert cache_aman.naikkan("k") is None
        assert not cache_aman.tersedia()  # waited out: the next calls do not touch Redis
    assert len(log.pesan) == 1 and "tidak tersedia" in log.pesan[0]


def test_cache_aman_pulih(settings):
    with _Catat("asn_kinerja.cache_aman") as log:
        cache_aman._gagal("get", ConnectionError("uji"))
        cache_aman.reset()
        cache_aman._padam = True  # an outage was reported, now Redis answers again
        assert cache_aman.simpan("uji-cache-aman", 5, 10)
        assert cache_aman.ambil("uji-cache-aman") == 5
        assert cache_aman.tambah("uji-cache-aman", 1, 10) is False
        assert cache_aman.hapus("uji-cache-aman")
    assert log.pesan[-1] == "Cache (Redis) tersedia kembali."


@pytest.mark.django_db
def test_lencana_kotak_masuk_dihitung_dari_database(org_a, client_as, redis_mati):
    r = organisasi_dinilai(org_a)
    evaluasi(r["staf"], status="realisasi_diajukan", realisasi=True)
    resp = client_as(org_a.user_kabid).get(reverse("kinerja:inbox"))
    assert resp.status_code == 200 and resp.context["total"] == 1
    resp = client_as(org_a.user_kabid).get(reverse("kinerja:evaluasi_saya"))
    assert resp.status_code == 200 and resp.context["nav"]["inbox_count"] == 1


@pytest.mark.django_db(transaction=True)
def test_langkah_alur_kerja_tanpa_500_saat_redis_mati(org_a, client_as, redis_mati):
    """The head approves an SKP while Redis is down: after the commit `lupakan_inbox` (cache)
    and the e-mail job (broker) both fail; the user gets the normal redirect, the step is
    done and the in-app notification exists."""
    from asn_kinerja.models import Notifikasi

    rantai = rantai_skp(org_a)
    skp = skp_lengkap(
        org_a.staf_seksi, status="diajukan", rhk_atasan=rantai["kasi"].rhk_set.first()
    )
    org_a.user_staf_seksi.email = "staf@contoh.id"
    org_a.user_staf_seksi.save(update_fields=["email"])
    with _Catat("asn_kinerja.antrean") as log:
        resp = client_as(org_a.user_kasi).post(reverse("kinerja:skp_setujui", args=[skp.pk]))
    assert resp.status_code == 302
    assert SKP.objects.get(pk=skp.pk).status == "disetujui"
    assert Notifikasi.objects.filter(penerima=org_a.user_staf_seksi).exists()
    assert any("tidak dikirim" in p for p in log.pesan)
    assert not mail.outbox


def test_antrean_kirim_broker_mati(redis_mati):
    from asn_kinerja.tasks import kirim_email_notifikasi

    with _Catat("asn_kinerja.antrean") as log:
        assert antrean.kirim(kirim_email_notifikasi, 1) is False
    assert "Antrean Celery tidak tersedia" in log.pesan[0]


@pytest.mark.django_db
def test_login_dan_sesi_tanpa_redis(org_a, client, redis_mati):
    """Sessions are in the database and django-axes uses its database handler: logging in
    (and a failed attempt) works with Redis down."""
    from django.conf import settings

    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    url = reverse("login")
    gagal = client.post(url, {"username": org_a.user_kabid.username, "password": "salah"})
    assert gagal.status_code == 200
    resp = client.post(url, {"username": org_a.user_kabid.username, "password": "rahasia-uji-123"})
    assert resp.status_code == 302
    assert client.get(reverse("kinerja:inbox")).status_code == 200
