"""Benchmark harness (issue 8): build a database at a scale, serve it with gunicorn on
127.0.0.1, measure, write `bench/results/<timestamp>-<scale>.{json,md}`.

    python -m bench.run --scale 100000              # what `make bench` runs
    python -m bench.run --scale 500 --rush-users 10 --rush-seconds 5

Environment: DATABASE_URL / REDIS_URL of the private servers (`eval $(make -s env)`); the
bench uses its OWN database on that server (`--db-name`, default asn_kinerja_bench), dropped
and rebuilt unless --reuse-db finds one built with the same scale/seed/date. All traffic goes
to 127.0.0.1 only, bounded in users and time. See docs/bench.md.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import importlib
import inspect
import json
import os
import platform
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
RUSH_MIX = {"pegawai": 60, "atasan": 25, "hr": 15}
#: Users arrive over this many seconds; statistics are reset once all have arrived
#: (locust --reset-stats), so the rush is measured in its steady state, `--rush-seconds` long,
#: not the start-up burst of every user's first click at once.
NAIK_S = 10


def log(msg: str) -> None:
    print(f"[bench] {msg}", flush=True)


# --- environment and database ----------------------------------------------------------------


def ganti_nama_db(url: str, nama: str) -> str:
    u = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((u.scheme, u.netloc, "/" + nama, u.query, u.fragment))


def ganti_db_redis(url: str, nomor: int) -> str:
    u = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((u.scheme, u.netloc, f"/{nomor}", u.query, u.fragment))


def cek_loopback(url: str) -> None:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("127."):
        raise SystemExit(f"bench: server {host} bukan loopback; bench hanya untuk 127.0.0.1")


def lingkungan(args: argparse.Namespace, db_url: str, redis_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url,
        REDIS_URL=redis_url,
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_SECRET_KEY=args.secret_key,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="False",
        DJANGO_LOG_LEVEL="WARNING",
        BENCH_STATIC_ROOT=str(ROOT / "var" / "bench-static"),
        PYTHONPATH=str(ROOT),
    )
    return env


def psql_admin(db_url: str):
    import psycopg2

    conn = psycopg2.connect(ganti_nama_db(db_url, "postgres"))
    conn.autocommit = True
    return conn


def stempel(args: argparse.Namespace) -> str:
    return f"scale={args.scale} seed={args.seed} tanggal={args.tanggal}"


def db_siap_dipakai(db_url: str, args: argparse.Namespace) -> bool:
    import psycopg2

    try:
        with psycopg2.connect(db_url) as conn, conn.cursor() as cur:
            cur.execute("SELECT isi FROM bench_stempel")
            return cur.fetchone()[0] == stempel(args)
    except psycopg2.Error:
        return False


def jalankan(langkah: str, cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.monotonic()
    log(f"{langkah}: {' '.join(cmd[1:])}")
    hasil = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if hasil.returncode != 0:
        sys.stderr.write(hasil.stdout[-4000:] + hasil.stderr[-4000:])
        raise SystemExit(f"bench: {langkah} gagal (exit {hasil.returncode})")
    detik = time.monotonic() - t0
    for baris in hasil.stdout.splitlines():
        if "dtk" in baris or "baris" in baris:
            log("  " + baris.strip())
    log(f"{langkah}: {detik:.1f} dtk")
    return detik


def bangun_db(args, db_url: str, env: dict[str, str]) -> dict[str, Any]:
    nama = urllib.parse.urlsplit(db_url).path.lstrip("/")
    if args.reuse_db and db_siap_dipakai(db_url, args):
        log(f"memakai ulang database {nama} ({stempel(args)})")
        return {"dipakai_ulang": True}
    conn = psql_admin(db_url)
    with conn.cursor() as cur:
        cur.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [nama]
        )
        cur.execute(f'DROP DATABASE IF EXISTS "{nama}"')
        cur.execute(f'CREATE DATABASE "{nama}"')
    conn.close()
    t = {"dipakai_ulang": False}
    t["migrate_s"] = jalankan("migrate", [PY, "manage.py", "migrate", "--noinput", "-v0"], env)
    t["seed_demo_s"] = jalankan(
        "seed_demo",
        [PY, "manage.py", "seed_demo", "--pegawai", str(args.scale), "--seed", str(args.seed),
         "--tanggal", args.tanggal, "--force"],
        env,
    )  # fmt: skip
    t["seed_bench_s"] = jalankan(
        "seed_bench",
        [PY, "-m", "bench.seed_bench", "--seed", str(args.seed), "--tanggal", args.tanggal,
         "--tanpa-fk-trigger"],
        env,
    )  # fmt: skip
    t["seed_total_s"] = round(t["seed_demo_s"] + t["seed_bench_s"], 1)
    import psycopg2

    with psycopg2.connect(db_url) as c, c.cursor() as cur:
        cur.execute("CREATE TABLE bench_stempel (isi text)")
        cur.execute("INSERT INTO bench_stempel VALUES (%s)", [stempel(args)])
    return t


# --- in-process Django on the bench database ----------------------------------------------


def django_setup(env: dict[str, str]) -> None:
    for k in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_SECRET_KEY",
              "DJANGO_ALLOWED_HOSTS", "DJANGO_SECURE_SSL_REDIRECT", "BENCH_STATIC_ROOT"):  # fmt: skip
        os.environ[k] = env[k]
    import django

    django.setup()


def buat_sesi(user) -> dict[str, str]:
    """A logged-in session for `user` stored in the bench database (what the login form
    would create), and a CSRF secret for POSTs."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    # The project's own backend (the last one; axes' backend only guards logins).
    s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    csrf = secrets.token_hex(16)
    return {"cookie": f"sessionid={s.session_key}; csrftoken={csrf}", "csrf": csrf}


def resolusi(halaman, user) -> tuple[str | None, str | None]:
    """(url, None) or (None, reason to skip) or raises LookupError."""
    from django.urls import NoReverseMatch, reverse

    from bench.pages import LOOKUP

    kwargs = LOOKUP[halaman.lookup](user) if halaman.lookup else {}
    if halaman.url.startswith("/"):
        return halaman.url + halaman.query, None
    try:
        return reverse(halaman.url, kwargs=kwargs or None) + halaman.query, None
    except NoReverseMatch:
        return None, f"URL {halaman.url} belum ada"


def data_post(halaman, user, url: str) -> dict[str, Any]:
    from bench.pages import DATA_POST

    return DATA_POST[halaman.data](user, url) if halaman.data else {}


# --- gunicorn --------------------------------------------------------------------------------


def port_bebas() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, args, env: dict[str, str]):
        self.port = port_bebas()
        self.host = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(tempfile.gettempdir()) / f"bench-gunicorn-{self.port}.log"
        cmd = [PY, "-m", "gunicorn", "asn_kinerja.wsgi:application",
               "--bind", f"127.0.0.1:{self.port}", "--workers", str(args.workers),
               "--worker-class", "sync", "--timeout", "60", "--log-level", "warning"]  # fmt: skip
        log(f"gunicorn: {args.workers} worker di {self.host}")
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        import requests

        for _ in range(300):
            if self.proc.poll() is not None:
                raise SystemExit(f"bench: gunicorn berhenti, lihat {self.log_path}")
            try:
                if requests.get(self.host + "/healthz", timeout=1).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.1)
        self.stop()
        raise SystemExit("bench: gunicorn tidak menjawab dalam 30 dtk")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # our own child, by its pid
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


# --- measuring -------------------------------------------------------------------------------


def persentil(nilai: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not nilai:
        return float("nan")
    urut = sorted(nilai)
    i = max(0, min(len(urut) - 1, int(round(p / 100 * len(urut) + 0.5)) - 1))
    return urut[i]


def ringkasan(waktu: list[float], status: dict[int, int]) -> dict[str, Any]:
    """Sample count, status counts and p50/p95/p99/mean of a list of request times (ms)."""
    return {
        "n": len(waktu),
        "status": {str(k): v for k, v in status.items()},
        "p50_ms": round(persentil(waktu, 50), 1),
        "p95_ms": round(persentil(waktu, 95), 1),
        "p99_ms": round(persentil(waktu, 99), 1),
        "mean_ms": round(statistics.fmean(waktu), 1),
    }


def _minta(host: str, method: str, url: str, headers: dict[str, str],
           data: dict[str, Any] | None) -> tuple[int, Any, bytes]:  # fmt: skip
    """One request with the standard library's http.client: the `requests` library spent
    3-6 ms of client CPU per request (proxy and .netrc lookups, adapters) on these 2 cores,
    measured as if it were the server's time (a trivial page: 8.4 ms with requests, 2 ms
    with curl)."""
    import http.client
    import urllib.parse

    u = urllib.parse.urlsplit(host)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    body = None
    if data is not None:
        body = urllib.parse.urlencode(data, doseq=True)
        headers = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
    try:
        conn.request(method, url, body=body, headers=headers)
        r = conn.getresponse()
        return r.status, r.headers, r.read()
    finally:
        conn.close()


class Sampel:
    """The requests of one page, sent one at a time by `ukur_bergiliran` (which takes turns
    over every page) and summarised at the end."""

    #: Warm-up requests per page before any is recorded (2 per worker of the default 4).
    PEMANASAN = 8

    def __init__(self, host: str, url: str, sesi: dict[str, str] | None, n: int,
                 method: str = "GET", data: dict[str, Any] | None = None):  # fmt: skip
        self.host, self.url, self.n, self.method, self.data = host, url, n, method, data
        self.headers = {"Cookie": sesi["cookie"], "X-CSRFToken": sesi["csrf"]} if sesi else {}
        if sesi:
            self.headers["Referer"] = host + "/"
        self.waktu: list[float] = []
        self.status: dict[int, int] = {}
        self.query: list[int] = []
        self.ukuran = 0

    def minta(self, catat: bool = True) -> None:
        t0 = time.perf_counter()
        kode, hdr, isi = _minta(self.host, self.method, self.url, self.headers, self.data)
        ms = (time.perf_counter() - t0) * 1000
        if not catat:
            return
        self.waktu.append(ms)
        self.status[kode] = self.status.get(kode, 0) + 1
        if hdr.get("X-Bench-Queries"):
            self.query.append(int(hdr["X-Bench-Queries"]))
        self.ukuran = len(isi)

    @property
    def selesai(self) -> bool:
        return len(self.waktu) >= self.n

    def ringkas(self) -> dict[str, Any]:
        return {
            **ringkasan(self.waktu, self.status),
            # The typical count: the first request a fresh gunicorn worker serves loads its
            # per-process caches (ContentType) with one more query.
            "query": int(statistics.median(self.query)) if self.query else None,
            "bytes": self.ukuran,
        }


def ukur_bergiliran(sampel: list[Sampel]) -> None:
    """Warms every page up, then takes turns: one request of each page per round until each
    has its `n`. Measured page after page instead, a few seconds of a slow VM (docs/bench.md:
    the same CPU loop varies up to 2x within an hour) landed on whichever page was being
    measured then and decided its p95 alone; taking turns spreads the machine's noise over
    every page, as real traffic does, so each p95 is the page's and not the moment's."""
    for s in sampel:
        for _ in range(Sampel.PEMANASAN):
            s.minta(catat=False)
    while not all(s.selesai for s in sampel):
        for s in sampel:
            if not s.selesai:
                s.minta()


def ukur_login(host: str, n: int) -> dict[str, Any]:
    """The real login form: GET (CSRF cookie), POST credentials, expect 302."""
    import re

    import requests

    from asn_kinerja.demo import DEMO_PASSWORD
    from bench.pages import AKUN_PERAN

    waktu, status = [], {}
    for _ in range(n):
        http = requests.Session()
        t0 = time.perf_counter()
        r = http.get(host + "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.text)
        csrf = r.cookies.get("csrftoken") or ""
        r = http.post(
            host + "/accounts/login/",
            data={"username": AKUN_PERAN["pegawai"], "password": DEMO_PASSWORD,
                  "csrfmiddlewaretoken": token.group(1) if token else ""},
            headers={"Cookie": f"csrftoken={csrf}", "Referer": host + "/accounts/login/"},
            allow_redirects=False,
        )  # fmt: skip
        waktu.append((time.perf_counter() - t0) * 1000)
        status[r.status_code] = status.get(r.status_code, 0) + 1
    return {**ringkasan(waktu, status), "query": None, "bytes": 0, "ok_status": "302"}


def fase_halaman(args, host: str) -> list[dict[str, Any]]:
    from bench.pages import AKUN_PERAN, HALAMAN
    from organisasi.models import Pengguna

    hasil = []
    sesi_cache: dict[str, dict[str, str]] = {}
    diukur: list[tuple[dict[str, Any], Sampel, Any]] = []
    for h in HALAMAN:
        baris: dict[str, Any] = {
            "nama": h.nama, "peran": h.peran, "kelompok": h.kelompok, "target_ms": h.target,
        }  # fmt: skip
        hasil.append(baris)
        if h.kelompok == "login":
            baris.update(url="/accounts/login/ (GET+POST)", **ukur_login(host, args.login_samples))
            continue
        user = Pengguna.objects.get(username=AKUN_PERAN[h.peran])
        try:
            url, alasan = resolusi(h, user)
        except LookupError as exc:
            baris.update(error=f"lookup gagal: {exc}")
            continue
        if url is None:
            baris.update(dilewati=alasan)
            continue
        sesi = sesi_cache.setdefault(user.username, buat_sesi(user))
        n = args.pdf_samples if h.kelompok == "pdf" else args.samples
        baris.update(url=url, ok_status=str(h.status_ok))
        diukur.append((baris, Sampel(host, url, sesi, n, h.method, data_post(h, user, url)), h))
    ukur_bergiliran([s for _, s, _ in diukur])
    for baris, s, h in diukur:
        baris.update(s.ringkas())
        log(f"{h.kunci:40} p50 {baris['p50_ms']:7.1f}  p95 {baris['p95_ms']:7.1f}  "
            f"p99 {baris['p99_ms']:7.1f} ms  q={baris['query']}  {baris['status']}")  # fmt: skip
    return hasil


def identitas_rush() -> dict[str, list[Any]]:
    from bench.pages import AKUN_PERAN
    from organisasi.models import Pengguna

    def pool(awalan: str, cadangan: list[str]) -> list[Any]:
        qs = list(Pengguna.objects.filter(username__startswith=awalan).order_by("username"))
        return qs or list(Pengguna.objects.filter(username__in=cadangan))

    return {
        "pegawai": pool("bench_pegawai_", [AKUN_PERAN["pegawai"]]),
        "atasan": pool("bench_atasan_", [AKUN_PERAN["atasan"]]),
        "hr": list(
            Pengguna.objects.filter(username__in=["hr_gorontalo", "hr_mamuju", "hr_gayungan"])
        ),
    }


def fase_rush(args, host: str, jeda: str) -> dict[str, Any]:
    """The month-end rush: locust headless, `--rush-users` users for `--rush-seconds`, each
    waiting `jeda` ("min,max" seconds) between clicks."""
    from bench.pages import HALAMAN

    rencana: dict[str, Any] = {"host": host, "bobot_peran": {}, "identitas": {}}
    for peran, users in identitas_rush().items():
        halaman = [h for h in HALAMAN if h.peran == peran and h.rush > 0]
        daftar = []
        for user in users:
            tugas = []
            for h in halaman:
                try:
                    url, _alasan = resolusi(h, user)
                except LookupError:
                    continue
                if url:
                    tugas.append({"nama": f"{h.nama} [{peran}]", "method": h.method, "url": url,
                                  "data": data_post(h, user, url), "bobot": h.rush,
                                  "ok": h.status_ok})  # fmt: skip
            if tugas:
                daftar.append({**buat_sesi(user), "tugas": tugas})
        if daftar:
            rencana["identitas"][peran] = daftar
            rencana["bobot_peran"][peran] = RUSH_MIX.get(peran, 1)
    if not rencana["identitas"]:
        return {"dilewati": "tidak ada halaman rush"}
    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "rencana.json"
        plan.write_text(json.dumps(rencana))
        prefix = Path(tmp) / "rush"
        env = dict(os.environ, BENCH_RUSH_PLAN=str(plan), BENCH_RUSH_WAIT=jeda)
        cmd = [PY, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
               "-u", str(args.rush_users), "-r", str(max(1, args.rush_users // NAIK_S)),
               "-t", f"{args.rush_seconds + NAIK_S}s", "--reset-stats",
               "--host", host, "--csv", str(prefix),
               "--only-summary", "--stop-timeout", "5", "--loglevel", "WARNING"]  # fmt: skip
        log(f"rush: {args.rush_users} pengguna, {args.rush_seconds} dtk, jeda {jeda} dtk, "
            f"campuran {rencana['bobot_peran']}")  # fmt: skip
        t0 = time.monotonic()
        p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                           timeout=args.rush_seconds + NAIK_S + 120)  # fmt: skip
        durasi = time.monotonic() - t0
        stats_csv = Path(f"{prefix}_stats.csv")
        if not stats_csv.exists():
            sys.stderr.write(p.stdout[-3000:] + p.stderr[-3000:])
            raise SystemExit("bench: locust tidak menulis statistik")
        with stats_csv.open() as f:
            baris = list(csv.DictReader(f))
        with Path(f"{prefix}_failures.csv").open() as f:
            gagal = list(csv.DictReader(f))

    def angka(teks: str) -> float:
        """locust writes N/A for a percentile without a successful sample."""
        try:
            return float(teks)
        except ValueError:
            return float("inf")

    per_halaman = []
    total = {}
    for b in baris:
        item = {
            "nama": b["Name"], "request": int(b["Request Count"]),
            "error": int(b["Failure Count"]), "rps": round(angka(b["Requests/s"]), 1),
            "p50_ms": angka(b["50%"]), "p95_ms": angka(b["95%"]), "p99_ms": angka(b["99%"]),
        }  # fmt: skip
        if b["Name"] == "Aggregated":
            total = item
        else:
            per_halaman.append(item)
    return {
        "pengguna": args.rush_users,
        "detik": args.rush_seconds,
        "jeda_s": jeda,
        "campuran": rencana["bobot_peran"],
        "durasi_s": round(durasi, 1),
        "total": total,
        "per_halaman": per_halaman,
        "kegagalan": [
            {"nama": g["Name"], "error": g["Error"][:200], "jumlah": g["Occurrences"]}
            for g in gagal
        ],  # fmt: skip
    }


def fase_rekap() -> dict[str, Any]:
    """The period recap for all employees, if the reporting service has landed."""
    from bench.pages import REKAP

    modul_nama, _sep, fungsi_nama = REKAP.rpartition(".")
    try:
        fungsi = getattr(importlib.import_module(modul_nama), fungsi_nama)
    except (ImportError, AttributeError):
        return {"dilewati": f"{REKAP} belum ada"}
    from bench.pages import panggil_rekap

    t0 = time.perf_counter()
    try:
        keterangan = panggil_rekap(fungsi)
    except TypeError as exc:
        return {"error": f"tanda tangan {REKAP} tak dikenal ({exc}); sesuaikan "
                f"bench/pages.py:panggil_rekap; parameter: {inspect.signature(fungsi)}"}  # fmt: skip
    return {"detik": round(time.perf_counter() - t0, 2), "keterangan": str(keterangan)[:200]}


def fase_tpp(tanggal: str) -> dict[str, Any]:
    """Measure 5 (issue TPP): the TPP month before the data's "today", computed for every
    wilayah (twice: insert, then the upsert of a recompute). Runs before the page phase, so
    the TPP pages have their month."""
    from bench.tpp import fase_tpp as ukur

    bulan_lalu = dt.date.fromisoformat(tanggal).replace(day=1) - dt.timedelta(days=1)
    try:
        return {
            "bulan": f"{bulan_lalu:%Y-%m}",
            **ukur(tahun=bulan_lalu.year, bulan=bulan_lalu.month),
        }
    except Exception as exc:  # a failed measure is reported, the rest of the bench goes on
        return {"error": f"{type(exc).__name__}: {exc}"[:300]}


def fase_pdf_wilayah() -> dict[str, Any]:
    """Measure 4: the wilayah recap PDF of the latest ended window of every wilayah, built as
    the worker builds it (the window is recapped first, untimed, so the report has data)."""
    from asn_kinerja.waktu import hari_ini as hari_ini_wilayah
    from kinerja.laporan.pdf import pdf_rekap_wilayah
    from kinerja.laporan.services.rekap import rekap_hitung
    from kinerja.models import PeriodePenilaian
    from organisasi.models import Wilayah

    hasil = []
    for w in Wilayah.objects.order_by("kode"):
        hari_ini = hari_ini_wilayah(w)
        periode = (
            PeriodePenilaian.objects.filter(
                periode_kinerja__wilayah=w, tanggal_selesai__lt=hari_ini
            )
            .select_related("periode_kinerja")
            .order_by("-tanggal_selesai")
            .first()
        )
        if periode is None:
            continue
        rekap_hitung(periode_penilaian=periode)
        t0 = time.perf_counter()
        pdf = pdf_rekap_wilayah(periode_penilaian=periode)
        detik = time.perf_counter() - t0
        halaman = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        log(f"PDF rekap {w.nama} {periode.nama}: {detik:.2f} dtk, {len(pdf) // 1024} KiB, "
            f"~{halaman} halaman")  # fmt: skip
        hasil.append({"wilayah": w.nama, "periode": periode.nama, "detik": round(detik, 2),
                      "kib": len(pdf) // 1024, "halaman": halaman})  # fmt: skip
    if not hasil:
        return {"dilewati": "tidak ada jendela yang sudah berakhir"}
    return {"per_wilayah": hasil, "detik": max(h["detik"] for h in hasil)}


def mesin() -> dict[str, Any]:
    info: dict[str, Any] = {"cores": os.cpu_count(), "python": platform.python_version()}
    try:
        for baris in Path("/proc/cpuinfo").read_text().splitlines():
            if baris.startswith("model name"):
                info["cpu"] = baris.split(":", 1)[1].strip()
                break
        for baris in Path("/proc/meminfo").read_text().splitlines():
            if baris.startswith("MemTotal"):
                info["memori_gib"] = round(int(baris.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        from django.db import connection

        with connection.cursor() as cur:
            cur.execute("SHOW server_version")
            info["postgresql"] = cur.fetchone()[0]
    except Exception:  # noqa: BLE001 - informative only
        pass
    return info


#: Share of CPU time (all cores) other processes may use while pages are measured. The
#: harness's own start (collectstatic, four gunicorn workers booting) leaves the machine busy
#: for some seconds; another job (a test run, a second bench) keeps it busy.
SIBUK_MAKS = 0.25
#: How long the harness waits by default for the machine to quieten before measuring anyway
#: (and saying so): `--tunggu-tenang`.
TUNGGU_TENANG_S = 90


def cpu_sibuk(detik: float = 2.0) -> float | None:
    """Busy share of all cores over `detik` seconds (from /proc/stat; None elsewhere)."""

    def baca() -> list[int]:
        with open("/proc/stat") as f:
            return [int(x) for x in f.readline().split()[1:]]

    try:
        a = baca()
        time.sleep(detik)
        b = baca()
    except OSError:
        return None
    d = [y - x for x, y in zip(a, b, strict=False)]
    total = sum(d) or 1
    return round(1 - (d[3] + d[4]) / total, 3)  # idle + iowait


def kalibrasi_cpu() -> float:
    """Milliseconds of a fixed pure-Python loop (median of 5): the speed of this VM's CPU at
    the moment, so runs of the same code can be told apart from runs on a slower machine
    (docs/bench.md: the same loop took 23-46 ms on this VM within one hour)."""
    waktu = []
    for _ in range(5):
        t0 = time.perf_counter()
        x = 0
        for i in range(1_000_000):
            x += i % 7
        waktu.append((time.perf_counter() - t0) * 1000)
    return round(statistics.median(waktu), 1)


def beban_mesin(tahap: str, tunggu_maks: float = TUNGGU_TENANG_S) -> dict[str, Any]:
    """Waits until the machine is quiet before a measuring phase, then records its state.
    Other work on these 2 cores doubles page times: the run of 23-11 16:51 measured every
    page ~2x slower than an idle rerun of the same code an hour later (docs/bench.md)."""
    t0 = time.monotonic()
    sibuk = cpu_sibuk()
    while sibuk is not None and sibuk > SIBUK_MAKS and time.monotonic() - t0 < tunggu_maks:
        sibuk = cpu_sibuk()
    info = {
        "tahap": tahap,
        "cpu_sibuk": sibuk,
        "tunggu_s": round(time.monotonic() - t0, 1),
        "loadavg_1m": round(os.getloadavg()[0], 2),
        "kalibrasi_cpu_ms": kalibrasi_cpu(),
    }
    if sibuk is not None and sibuk > SIBUK_MAKS:
        log(f"PERINGATAN: mesin tetap sibuk sebelum {tahap} ({sibuk:.0%} CPU terpakai sesudah "
            f"menunggu {tunggu_maks:g} dtk): latensi tidak sebanding dengan run di mesin kosong")  # fmt: skip
    return info


def jumlah_baris() -> dict[str, int]:
    from django.db import connection

    tabel = ["pegawai_pegawai", "kinerja_skp", "kinerja_rencanahasilkerja",
             "kinerja_indikatorkinerja", "kinerja_evaluasiperiodik",
             "kinerja_realisasiindikator", "kinerja_logharian", "pegawai_kehadiran"]  # fmt: skip
    hasil = {}
    with connection.cursor() as cur:
        for t in tabel:
            cur.execute(f"SELECT count(*) FROM {t}")  # noqa: S608 - fixed names
            hasil[t] = cur.fetchone()[0]
    return hasil


# --- verdicts and report ---------------------------------------------------------------------


def nilai(hasil: dict[str, Any]) -> list[dict[str, Any]]:
    """PASS/MISS against the targets of issue 8."""
    from bench.pages import MAKS_QUERY, MAKS_QUERY_AKSI

    v = []

    def cek(ukuran: str, target: str, angka: Any, lulus: bool | None) -> None:
        status = "n/a" if lulus is None else ("PASS" if lulus else "MISS")
        v.append({"ukuran": ukuran, "target": target, "hasil": angka, "status": status})

    for h in hasil["halaman"]:
        if h.get("dilewati"):
            cek(f"{h['nama']} [{h['peran']}]", "-", h["dilewati"], None)
            continue
        if h.get("error"):
            cek(f"{h['nama']} [{h['peran']}]", "200", h["error"], False)
            continue
        ok = h.get("ok_status", "200")
        semua_ok = set(h["status"]) == {ok}
        if h["target_ms"] is not None:
            cek(f"{h['nama']} [{h['peran']}] p95", f"<= {h['target_ms']} ms",
                f"{h['p95_ms']} ms", semua_ok and h["p95_ms"] <= h["target_ms"])  # fmt: skip
        else:
            cek(f"{h['nama']} [{h['peran']}] status", ok, str(h["status"]), semua_ok)
        if h.get("query") is not None:
            maks = MAKS_QUERY_AKSI if h["kelompok"] == "aksi" else MAKS_QUERY
            cek(f"{h['nama']} [{h['peran']}] query", f"<= {maks}", h["query"],
                h["query"] <= maks)  # fmt: skip
    r = hasil["rush"]
    if "total" in r:
        t = r["total"]
        cek(f"rush {r['pengguna']} pengguna: error", "0", t["error"], t["error"] == 0)
        cek(f"rush {r['pengguna']} pengguna: p95", "<= 300 ms", f"{t['p95_ms']} ms",
            t["p95_ms"] <= 300)  # fmt: skip
    r = hasil.get("rush_stres", {})
    if "total" in r:
        t = r["total"]
        cek(f"stres {r['pengguna']} pengguna (jeda {r['jeda_s']} dtk): error", "0", t["error"],
            t["error"] == 0)  # fmt: skip
        cek(f"stres {r['pengguna']} pengguna (jeda {r['jeda_s']} dtk): throughput, p95",
            "(informasi: kapasitas)", f"{t['rps']} req/dtk, p95 {t['p95_ms']} ms", None)  # fmt: skip
    rk = hasil["rekap"]
    if "detik" in rk:
        cek("rekap satu periode, semua pegawai", "<= 10 s", f"{rk['detik']} s", rk["detik"] <= 10)
    else:
        cek("rekap satu periode, semua pegawai", "<= 10 s", rk.get("dilewati") or rk.get("error"),
            None if rk.get("dilewati") else False)  # fmt: skip
    tp = hasil.get("tpp", {})
    if "detik_maks" in tp:
        cek(f"TPP satu bulan, {tp['pegawai']} pegawai (wilayah terlama)", "<= 30 s",
            f"{tp['detik_maks']} s", tp["detik_maks"] <= 30)  # fmt: skip
    elif tp:
        cek("TPP satu bulan", "<= 30 s", tp.get("error"), False)
    pw = hasil.get("pdf_wilayah", {})
    if "detik" in pw:
        cek("PDF rekap wilayah (terlama)", "<= 5 s", f"{pw['detik']} s", pw["detik"] <= 5)
    b = hasil["bangun"]
    if "seed_total_s" in b:
        cek(f"seed {hasil['scale']} pegawai + setahun data", "<= 300 s (100.000)",
            f"{b['seed_total_s']} s", b["seed_total_s"] <= 300)  # fmt: skip
    return v


def tulis_laporan(hasil: dict[str, Any], hasil_dir: Path) -> tuple[Path, Path]:
    hasil_dir.mkdir(parents=True, exist_ok=True)
    stamp = hasil["mulai"].replace(":", "").replace("-", "")[:15]
    dasar = hasil_dir / f"{stamp}-{hasil['scale']}"
    pj, pm = dasar.with_suffix(".json"), dasar.with_suffix(".md")
    pj.write_text(json.dumps(hasil, indent=2, ensure_ascii=False, default=str))
    m = hasil["mesin"]
    b = hasil["bangun"]
    md = [
        f"# Bench {hasil['mulai']} — {hasil['scale']} pegawai",
        "",
        f"Mesin: {m.get('cores')} core, {m.get('memori_gib')} GiB, {m.get('cpu', '?')}, "
        f"PostgreSQL {m.get('postgresql', '?')}, Python {m.get('python')}. "
        f"gunicorn {hasil['workers']} worker (sync). Seed {hasil['seed']}, tanggal "
        f"{hasil['tanggal']}, commit {hasil.get('commit', '?')}.",
        "",
        "Beban mesin sebelum fase (CPU dipakai proses lain, tunggu, load 1 menit, kalibrasi CPU "
        "= loop Python tetap): "
        + "; ".join(
            f"{b['tahap']}: {b['cpu_sibuk']}, tunggu {b['tunggu_s']} dtk, load "
            f"{b['loadavg_1m']}, {b['kalibrasi_cpu_ms']} ms"
            for b in hasil.get("beban", [])
        ),
        "",
        f"Bangun database: {json.dumps(b)}",
        "",
        f"Jumlah baris: {json.dumps(hasil.get('baris', {}))}",
        "",
        "## Latensi per halaman (sekuensial, 1 klien)",
        "",
        "| halaman | peran | URL | n | p50 ms | p95 ms | p99 ms | query | status | target |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for h in hasil["halaman"]:
        if h.get("dilewati") or h.get("error"):
            md.append(f"| {h['nama']} | {h['peran']} | - | - | - | - | - | - | "
                      f"{h.get('dilewati') or h.get('error')} | {h['target_ms']} |")  # fmt: skip
            continue
        md.append(
            f"| {h['nama']} | {h['peran']} | `{h['url']}` | {h['n']} | {h['p50_ms']} | "
            f"{h['p95_ms']} | {h['p99_ms']} | {h['query'] if h['query'] is not None else '-'} | "
            f"{h['status']} | {h['target_ms'] or '-'} |"
        )
    for judul, kunci in (("Month-end rush", "rush"), ("Stres (jeda pendek)", "rush_stres")):
        md += _md_rush(judul, hasil.get(kunci, {"dilewati": "-"}))
    md += ["", "## Rekap periode", "", json.dumps(hasil["rekap"], ensure_ascii=False), ""]
    md += ["", "## TPP bulanan", "", json.dumps(hasil.get("tpp", {}), ensure_ascii=False), ""]
    md += ["## PDF rekap wilayah", "", json.dumps(hasil.get("pdf_wilayah"), ensure_ascii=False),
           ""]  # fmt: skip
    md += ["## Target issue 8", "", "| ukuran | target | hasil | status |", "|---|---|---|---|"]
    for v in hasil["vonis"]:
        md.append(f"| {v['ukuran']} | {v['target']} | {v['hasil']} | **{v['status']}** |")
    pm.write_text("\n".join(md) + "\n")
    return pj, pm


def _md_rush(judul: str, r: dict[str, Any]) -> list[str]:
    md = ["", f"## {judul}", ""]
    if "total" in r:
        t = r["total"]
        md += [
            f"{r['pengguna']} pengguna serentak, {r['detik']} dtk, jeda {r['jeda_s']} dtk "
            f"antar-klik, campuran peran {r['campuran']}: **{t['request']} request, "
            f"{t['rps']} req/dtk, {t['error']} error, p50 {t['p50_ms']} ms, p95 {t['p95_ms']} "
            f"ms, p99 {t['p99_ms']} ms**.",
            "",
            "| halaman | request | error | req/dtk | p50 ms | p95 ms | p99 ms |",
            "|---|---|---|---|---|---|---|",
        ]
        for p in r["per_halaman"]:
            md.append(f"| {p['nama']} | {p['request']} | {p['error']} | {p['rps']} | "
                      f"{p['p50_ms']} | {p['p95_ms']} | {p['p99_ms']} |")  # fmt: skip
        for g in r["kegagalan"]:
            md.append(f"\nKegagalan: {g['nama']}: {g['error']} ({g['jumlah']}x)")
    else:
        md.append(str(r))
    return md


def hari_ini_server() -> dt.date:
    """Today in the project's TIME_ZONE (before Django is set up: read from the settings
    module's constant, not the machine's clock zone)."""
    import zoneinfo

    return dt.datetime.now(zoneinfo.ZoneInfo("Asia/Jakarta")).date()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark asn-kinerja (issue 8).")
    ap.add_argument("--scale", type=int, default=int(os.environ.get("SCALE") or 100000))
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--tanggal", default=hari_ini_server().isoformat(), help="'hari ini' data")
    ap.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS") or 4))
    ap.add_argument("--samples", type=int, default=None, help="request per halaman")
    ap.add_argument("--pdf-samples", type=int, default=5)
    ap.add_argument("--login-samples", type=int, default=3)
    ap.add_argument("--rush-users", type=int, default=100)
    ap.add_argument("--rush-seconds", type=int, default=60)
    ap.add_argument(
        "--rush-wait",
        default="3,8",
        help="jeda antar-klik 'min,max' detik (rush akhir bulan; docs/bench.md)",
    )
    ap.add_argument(
        "--stress-wait",
        default="1,2",
        help="jeda antar-klik fase stres (kapasitas), 'min,max' detik",
    )
    ap.add_argument("--skip-stress", action="store_true")
    ap.add_argument("--skip-halaman", action="store_true", help="lewati latensi per halaman")
    ap.add_argument("--db-name", default=os.environ.get("BENCH_DB_NAME") or "asn_kinerja_bench")
    ap.add_argument("--reuse-db", action="store_true", help="pakai ulang DB skala/seed sama")
    ap.add_argument("--out-dir", default=str(ROOT / "bench" / "results"))
    ap.add_argument("--skip-rush", action="store_true")
    ap.add_argument(
        "--tunggu-tenang",
        type=float,
        default=TUNGGU_TENANG_S,
        help="maks. detik menunggu mesin tenang sebelum mengukur latensi dan rush",
    )
    args = ap.parse_args(argv)
    args.samples = args.samples or (20 if args.scale < 10000 else 60)
    args.rush_users = min(args.rush_users, 200)  # bounded, whatever is asked
    args.rush_seconds = min(args.rush_seconds, 600)
    args.secret_key = "bench-" + secrets.token_hex(24)

    basis_db = os.environ.get("DATABASE_URL")
    basis_redis = os.environ.get("REDIS_URL")
    if not basis_db or not basis_redis:
        raise SystemExit("bench: DATABASE_URL/REDIS_URL kosong: jalankan lewat `make bench`")
    cek_loopback(basis_db)
    cek_loopback(basis_redis)
    db_url = ganti_nama_db(basis_db, args.db_name)
    if db_url == basis_db:
        raise SystemExit("bench: --db-name sama dengan database dev; pilih nama lain")
    env = lingkungan(args, db_url, ganti_db_redis(basis_redis, 2))

    mulai = dt.datetime.now().isoformat(timespec="seconds")
    t_total = time.monotonic()
    hasil: dict[str, Any] = {"mulai": mulai, "scale": args.scale, "seed": args.seed,
                             "tanggal": args.tanggal, "workers": args.workers}  # fmt: skip
    with contextlib.suppress(OSError):
        hasil["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                         capture_output=True, text=True).stdout.strip()  # fmt: skip
    hasil["bangun"] = bangun_db(args, db_url, env)
    jalankan("collectstatic", [PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    django_setup(env)
    hasil["mesin"] = mesin()
    hasil["baris"] = jumlah_baris()
    server = Server(args, env)
    hasil["tpp"] = fase_tpp(args.tanggal)
    try:
        hasil["beban"] = [beban_mesin("latensi halaman", args.tunggu_tenang)]
        hasil["halaman"] = [] if args.skip_halaman else fase_halaman(args, server.host)
        hasil["beban"].append(beban_mesin("rush", args.tunggu_tenang))
        hasil["rush"] = (
            {"dilewati": "--skip-rush"}
            if args.skip_rush
            else fase_rush(args, server.host, args.rush_wait)
        )
        hasil["rush_stres"] = (
            {"dilewati": "--skip-rush/--skip-stress"}
            if args.skip_rush or args.skip_stress
            else fase_rush(args, server.host, args.stress_wait)
        )
    finally:
        server.stop()
    hasil["rekap"] = fase_rekap()
    hasil["pdf_wilayah"] = fase_pdf_wilayah()
    hasil["vonis"] = nilai(hasil)
    hasil["durasi_total_s"] = round(time.monotonic() - t_total, 1)
    pj, pm = tulis_laporan(hasil, Path(args.out_dir))
    log(f"hasil: {pj} dan {pm} ({hasil['durasi_total_s']} dtk)")
    meleset = [v for v in hasil["vonis"] if v["status"] == "MISS"]
    for v in hasil["vonis"]:
        log(f"{v['status']:4}  {v['ukuran']}: {v['hasil']} (target {v['target']})")
    log(f"{len(meleset)} target meleset" if meleset else "semua target tercapai")
    return 0


if __name__ == "__main__":
    sys.exit(main())
