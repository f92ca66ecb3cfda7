"""Warm-up of a web process (`asn_kinerja.panaskan`, called by `wsgi.py`): templates compiled,
URL table and locale ready before the first request; a missing Redis does not stop boot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.template import engines
from django.test import override_settings
from django.urls import get_resolver
from django.utils import translation

from asn_kinerja import panaskan

ROOT = Path(__file__).resolve().parents[2]


def test_semua_template_dikompilasi_ke_cache():
    jumlah = panaskan.semua()
    proyek = list((ROOT / "templates").rglob("*.html"))
    assert jumlah >= len(proyek) > 100
    loader = engines["django"].engine.template_loaders[0]
    cache = loader.get_template_cache  # the cached loader (Django's default)
    for nama in ("base.html", "kinerja/evaluasi_nilai.html", "pegawai/pegawai_list.html"):
        assert nama in cache, nama
    # A project override wins, as it does for a request.
    assert str(ROOT / "templates") in cache["base.html"].origin.name


def test_tabel_url_bahasa_situs_terisi():
    panaskan.bahasa_dan_url()
    with translation.override("id"):
        assert "id" in get_resolver()._reverse_dict  # populated, not on the first reverse()


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
)
def test_redis_mati_tidak_menghentikan_start():
    # No exception; the warning goes to the log (not asserted: other tests reconfigure logging).
    assert panaskan.cache_siap() is False


def test_redis_hidup_siap():
    assert panaskan.cache_siap() is True


def test_wsgi_dapat_diimpor():
    """The gunicorn entry point imports (URL conf, warm-up, gc.freeze) with test settings."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "asn_kinerja.settings.test"}
    kode = "import asn_kinerja.wsgi as w; print(callable(w.application))"
    r = subprocess.run([sys.executable, "-c", kode], cwd=ROOT, env=env, capture_output=True,
                       text=True, timeout=120)  # fmt: skip
    assert r.returncode == 0 and r.stdout.strip() == "True", r.stderr[-2000:]
