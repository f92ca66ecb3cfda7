"""Where does a page spend its time? Renders one URL as one user against the bench database
(in-process, Django test client) and prints the total time, the SQL time and each query with
its duration, slowest first; `--explain` adds EXPLAIN ANALYZE of the slowest ones, and
`--profil` a pyinstrument-style cProfile summary of the Python side.

    eval $(make -s env)
    .venv/bin/python -m bench.profil --user pimpinan_gorontalo /           # home page
    .venv/bin/python -m bench.profil --user hr_gorontalo /laporan/wilayah/ --explain 2

Uses the database `make bench` built (`--db-name`, default asn_kinerja_bench); read-only for
GET pages. See docs/bench.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time

from bench.run import ganti_db_redis, ganti_nama_db


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Profil satu halaman di database bench.")
    ap.add_argument("url")
    ap.add_argument("--user", required=True, help="username, mis. hr_gorontalo")
    ap.add_argument("--db-name", default=os.environ.get("BENCH_DB_NAME") or "asn_kinerja_bench")
    ap.add_argument(
        "--ulang", type=int, default=3, help="berapa kali diminta (yang terakhir dilaporkan)"
    )
    ap.add_argument("--explain", type=int, default=0, help="EXPLAIN ANALYZE n query terlambat")
    ap.add_argument("--profil", action="store_true", help="cProfile sisi Python")
    ap.add_argument("--urut", default="cumulative", help="urutan cProfile: cumulative/tottime")
    args = ap.parse_args(argv)

    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("profil: DATABASE_URL kosong: eval $(make -s env) dulu")
    os.environ["DATABASE_URL"] = ganti_nama_db(os.environ["DATABASE_URL"], args.db_name)
    os.environ["REDIS_URL"] = ganti_db_redis(os.environ.get("REDIS_URL", ""), 2)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-profil")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "False")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from organisasi.models import Pengguna

    user = Pengguna.objects.get(username=args.user)
    client = Client()
    client.force_login(user)
    for _ in range(max(0, args.ulang - 1)):
        client.get(args.url)
    prof = cProfile.Profile() if args.profil else None
    with CaptureQueriesContext(connection) as q:
        t0 = time.perf_counter()
        if prof:
            prof.enable()
        r = client.get(args.url)
        if prof:
            prof.disable()
        total = (time.perf_counter() - t0) * 1000
    queries = [(float(x["time"]) * 1000, x["sql"]) for x in q.captured_queries]
    sql_ms = sum(t for t, _ in queries)
    print(f"{args.url} sebagai {args.user}: HTTP {r.status_code}, {total:.1f} ms, "
          f"{len(queries)} query {sql_ms:.1f} ms, Python ~{total - sql_ms:.1f} ms")  # fmt: skip
    for t, sql in sorted(queries, reverse=True):
        print(f"  {t:7.1f} ms  {sql[:300]}")
    for t, sql in sorted(queries, reverse=True)[: args.explain]:
        print(f"\n--- EXPLAIN ANALYZE ({t:.1f} ms)\n{sql}\n")
        with connection.cursor() as cur:
            cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            print("\n".join(row[0] for row in cur.fetchall()))
    if prof:
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats(args.urut).print_stats(
            int(os.environ.get("PROFIL_BARIS", 35))
        )
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
