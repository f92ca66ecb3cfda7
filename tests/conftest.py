"""Fixtures shared by every test: two wilayah with a small organisation each and users of
every role, the browser (system Chromium), and Celery in eager mode."""

from __future__ import annotations

import datetime as dt
import os
import uuid
import zoneinfo
from pathlib import Path
from types import SimpleNamespace

import pytest
import time_machine

# pytest-playwright keeps an asyncio loop in the test thread (ENVIRONMENT.md pitfall 4).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tests.factories import (  # noqa: E402
    JabatanFactory,
    PegawaiFactory,
    PenggunaFactory,
    UnitKerjaFactory,
    WilayahFactory,
    pengguna_hr,
    pengguna_pimpinan,
    pengguna_untuk,
)

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def _organisasi(kode: str, nama: str, zona: str) -> SimpleNamespace:
    """A wilayah: root unit -> bidang (head + 2 staff) -> seksi (head + 1 staff)."""
    w = WilayahFactory(kode=kode, nama=nama, zona_waktu=zona, nama_instansi=f"Pemerintah {nama}")
    root = UnitKerjaFactory(wilayah=w, nama=f"Pemda {nama}", jenis="pemda")
    bidang = UnitKerjaFactory(wilayah=w, parent=root, nama=f"Bidang Umum {nama}")
    seksi = UnitKerjaFactory(wilayah=w, parent=bidang, nama=f"Seksi Data {nama}", jenis="seksi")
    j_kepala_root = JabatanFactory(
        unit=root, nama="Sekretaris Daerah", is_kepala=True, jenis="jpt_pratama"
    )
    j_kabid = JabatanFactory(
        unit=bidang, nama="Kepala Bidang Umum", is_kepala=True, jenis="administrator"
    )
    j_staf = JabatanFactory(unit=bidang, nama="Analis Umum")
    j_kasi = JabatanFactory(unit=seksi, nama="Kepala Seksi Data", is_kepala=True, jenis="pengawas")
    j_staf_seksi = JabatanFactory(unit=seksi, nama="Pengelola Data")
    sekda = PegawaiFactory(jabatan=j_kepala_root, nama=f"Sekda {nama}")
    kabid = PegawaiFactory(jabatan=j_kabid, nama=f"Kabid {nama}")
    staf = PegawaiFactory(jabatan=j_staf, nama=f"Staf Satu {nama}")
    staf2 = PegawaiFactory(jabatan=j_staf, nama=f"Staf Dua {nama}")
    kasi = PegawaiFactory(jabatan=j_kasi, nama=f"Kasi {nama}")
    staf_seksi = PegawaiFactory(jabatan=j_staf_seksi, nama=f"Staf Seksi {nama}")
    return SimpleNamespace(
        wilayah=w, root=root, bidang=bidang, seksi=seksi,
        j_kabid=j_kabid, j_staf=j_staf, j_kasi=j_kasi, j_staf_seksi=j_staf_seksi,
        sekda=sekda, kabid=kabid, staf=staf, staf2=staf2, kasi=kasi, staf_seksi=staf_seksi,
        user_hr=pengguna_hr(w, username=f"hr_{kode}"),
        user_pimpinan=pengguna_pimpinan(w, username=f"pimpinan_{kode}"),
        user_sekda=pengguna_untuk(sekda, username=f"sekda_{kode}"),
        user_kabid=pengguna_untuk(kabid, username=f"kabid_{kode}"),
        user_staf=pengguna_untuk(staf, username=f"staf_{kode}"),
        user_kasi=pengguna_untuk(kasi, username=f"kasi_{kode}"),
        user_staf_seksi=pengguna_untuk(staf_seksi, username=f"stafseksi_{kode}"),
    )  # fmt: skip


@pytest.fixture
def org_a(db) -> SimpleNamespace:
    return _organisasi("alpha", "Alpha", "Asia/Makassar")


@pytest.fixture
def org_b(db) -> SimpleNamespace:
    return _organisasi("beta", "Beta", "Asia/Jakarta")


@pytest.fixture
def wilayah_a(org_a):
    return org_a.wilayah


@pytest.fixture
def wilayah_b(org_b):
    return org_b.wilayah


@pytest.fixture
def admin_nasional(db):
    return PenggunaFactory(
        username="admin_nasional", wilayah=None, is_superuser=True, is_staff=True
    )


@pytest.fixture
def pengguna_tanpa_wilayah(db):
    return PenggunaFactory(username="tanpa_wilayah", wilayah=None)


@pytest.fixture
def client_as(client):
    """`client_as(user)` logs the test client in as `user` and returns it."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


#: The moment every test starts at (the clock then ticks on): no test depends on the day the
#: suite happens to run. A test that needs another day travels there itself
#: (`time_machine.travel(...)`, which nests); one marked `hari_nyata` runs on the real clock
#: (the date matrix's "real today" case).
SAAT_UJI = dt.datetime(2026, 12, 2, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Makassar"))


@pytest.fixture(autouse=True)
def _jam_uji(request):
    if request.node.get_closest_marker("hari_nyata"):
        yield
        return
    with time_machine.travel(SAAT_UJI, tick=True):
        yield


@pytest.fixture(autouse=True)
def _inbox_cache_per_tes(settings):
    """The navbar's inbox badge is cached in the real Redis by user id: a namespace per test,
    so ids reused by another test (or an earlier run) never see a stale count."""
    settings.INBOX_CACHE_PREFIX = f"inbox-uji-{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="session", autouse=True)
def _celery_eager():
    from asn_kinerja.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    yield


# --- Browser (ENVIRONMENT.md pitfall 3: the system Chromium, no download) -------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
        "headless": True,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "id-ID", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def screenshot_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def login_browser(live_server, page):
    """`login_browser(username, password)` logs the Playwright page in through the form."""

    def _login(username: str, password: str = "rahasia-uji-123"):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        return page

    return _login


@pytest.fixture(autouse=True)
def _cache_aman_reset():
    """An outage seen by one test (a dead cache port) must not leave the next one without
    its cache (asn_kinerja.cache_aman waits failures out for 30 s)."""
    from asn_kinerja import cache_aman

    cache_aman.reset()
    yield
    cache_aman.reset()


#: A port nothing listens on: Redis (cache and Celery broker) is down.
REDIS_MATI = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_mati(settings):
    """The cache and the Celery broker pointed at a closed port for one test (Celery not
    eager, so enqueueing really talks to the broker)."""
    from asn_kinerja.celery import app

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_MATI,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    lama = app.conf.broker_url, app.conf.task_always_eager
    app.conf.broker_url, app.conf.task_always_eager = REDIS_MATI, False
    app._pool = app.amqp._producer_pool = None  # they keep the old broker's connection
    yield
    app.conf.broker_url, app.conf.task_always_eager = lama
    app._pool = app.amqp._producer_pool = None
