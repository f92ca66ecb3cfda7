"""TPP at scale (issue 15): the month's computation and the TPP list page.

Two uses:

1. Standalone, in its own throwaway database (never the dev one), with a quick bulk
   generator of one wilayah of N employees (units of 25, attendance of every working day,
   a rated evaluation for ~92 %, sanctions and leave for a few):

       eval $(make -s env)
       .venv/bin/python -m bench.tpp --scale 20000            # builds asn_kinerja_tpp_bench
       .venv/bin/python -m bench.tpp --scale 20000 --reuse-db  # measures again

2. From `bench.run` against the bench database (`seed_demo --pegawai N` + seed_bench):
   `fase_tpp(tahun=, bulan=)` computes the month of every wilayah twice and returns the
   timings; `lookup_bulan_tpp(user)` gives the URL kwargs of the TPP list page.

Measured: compute (first pass = insert, second = upsert of the same rows), rows, the
query count of the compute, and the TPP month page (in-process test client, 127.0.0.1):
p50/p95 and the query count for the default order, a sort by amount, a unit filter and a
name search.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
import urllib.parse
from typing import Any

NAMA_DB = "asn_kinerja_tpp_bench"
KODE = "bench-tpp"


def log(msg: str) -> None:
    print(f"[bench.tpp] {msg}", flush=True)


def _db_url(nama: str) -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        sys.exit("DATABASE_URL belum di-set: jalankan `eval $(make -s env)` dahulu.")
    u = urllib.parse.urlsplit(url)
    if u.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("bench.tpp hanya berjalan pada PostgreSQL di loopback.")
    return urllib.parse.urlunsplit((u.scheme, u.netloc, "/" + nama, u.query, u.fragment))


def _buat_db(url: str, ulang: bool) -> None:
    import psycopg2

    u = urllib.parse.urlsplit(url)
    nama = u.path.lstrip("/")
    admin = urllib.parse.urlunsplit((u.scheme, u.netloc, "/postgres", "", ""))
    conn = psycopg2.connect(admin)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama])
        ada = cur.fetchone() is not None
        if ada and ulang:
            cur.execute(f'DROP DATABASE "{nama}" WITH (FORCE)')
            ada = False
        if not ada:
            cur.execute(f'CREATE DATABASE "{nama}"')
    conn.close()


# --- the generator ------------------------------------------------------------------------


def bangkit(n: int, tahun: int, bulan: int, seed: int = 2026) -> Any:
    """One wilayah of `n` employees with a month of data. Idempotent per wilayah code."""
    import random

    from django.db import connection, transaction

    from kinerja.models import SKP, EvaluasiPeriodik, PeriodeKinerja, PeriodePenilaian
    from organisasi.models import Jabatan, UnitKerja, Wilayah
    from pegawai.models import Cuti, HukumanDisiplin, Kehadiran, Pegawai

    w = Wilayah.objects.filter(kode=KODE).first()
    if w is not None and Pegawai.objects.filter(wilayah=w).count() >= n:
        return w
    rng = random.Random(seed)
    t0 = time.perf_counter()
    with transaction.atomic():
        w = Wilayah.objects.create(kode=KODE, nama="Provinsi Bench", jenis="provinsi",
                                   nama_instansi="Pemerintah Provinsi Bench",
                                   zona_waktu="Asia/Makassar", kota_surat="Bench")  # fmt: skip
        root = UnitKerja.objects.create(wilayah=w, kode="ROOT", nama="Sekretariat Daerah",
                                        jenis="pemda")  # fmt: skip
        # 40 OPD under the root, the work units (25 employees each) under the OPD
        UnitKerja.objects.bulk_create(
            [
                UnitKerja(
                    wilayah=w,
                    parent=root,
                    kode=f"OPD{i:02d}",
                    nama=f"Dinas {i}",
                    jenis="dinas",
                    path="",
                    depth=1,
                )
                for i in range(40)
            ]  # fmt: skip
        )
        tabel_unit = UnitKerja._meta.db_table
        with connection.cursor() as cur:  # the materialised path of the bulk-created units
            cur.execute(
                f"UPDATE {tabel_unit} SET path = %s || id || '/' WHERE parent_id = %s",
                [root.path, root.pk],
            )
        opd = list(UnitKerja.objects.filter(wilayah=w, depth=1).order_by("pk"))
        n_unit = max(1, n // 25)
        UnitKerja.objects.bulk_create(
            [
                UnitKerja(
                    wilayah=w,
                    parent=opd[i % len(opd)],
                    kode=f"U{i:05d}",
                    nama=f"Unit Layanan {i}",
                    jenis="bidang",
                    path="",
                    depth=2,
                )
                for i in range(n_unit)
            ],  # fmt: skip
            batch_size=5000,
        )
        with connection.cursor() as cur:
            cur.execute(
                f"UPDATE {tabel_unit} u SET path = p.path || u.id || '/' FROM {tabel_unit} p "
                "WHERE u.parent_id = p.id AND u.wilayah_id = %s AND u.depth = 2",
                [w.pk],
            )
        units = list(UnitKerja.objects.filter(wilayah=w, depth=2).order_by("pk"))
        jab = []
        for u in units:
            jab.append(Jabatan(wilayah=w, unit=u, nama=f"Kepala {u.nama}", jenis="pengawas",
                               kelas_jabatan=9, is_kepala=True))  # fmt: skip
            jab.append(Jabatan(wilayah=w, unit=u, nama="Analis", jenis="fungsional_keahlian",
                               kelas_jabatan=8))  # fmt: skip
            jab.append(Jabatan(wilayah=w, unit=u, nama="Pengadministrasi", jenis="pelaksana",
                               kelas_jabatan=6))  # fmt: skip
        Jabatan.objects.bulk_create(jab, batch_size=5000)
        jab_unit: dict[int, list[Any]] = {}
        for j in Jabatan.objects.filter(wilayah=w).order_by("pk"):
            jab_unit.setdefault(j.unit_id, []).append(j)
        peg = []
        for i in range(n):
            u = units[i % len(units)]
            js = jab_unit[u.pk]
            j = js[0] if i < len(units) else js[1 + (i % 2)]
            lahir = dt.date(1970 + i % 30, 1 + i % 12, 1 + i % 28)
            peg.append(Pegawai(wilayah=w, nip=f"{lahir:%Y%m%d}{i:010d}", nama=f"Pegawai Bench {i:06d}",
                               tanggal_lahir=lahir, jenis_kelamin="LP"[i % 2], unit=u, jabatan=j,
                               golongan="III/a"))  # fmt: skip
        Pegawai.objects.bulk_create(peg, batch_size=5000)
        ids = list(Pegawai.objects.filter(wilayah=w).values_list("pk", flat=True))
        awal = dt.date(tahun, bulan, 1)
        akhir = (awal + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        with connection.cursor() as cur:  # every working day: hadir / late / alpa / ...
            cur.execute(
                f"""
                INSERT INTO {Kehadiran._meta.db_table}
                    (created_at, updated_at, pegawai_id, tanggal, status, jam_masuk, jam_pulang,
                     menit_terlambat, menit_pulang_cepat, keterangan, sumber)
                SELECT now(), now(), x.pid, x.hari,
                    CASE WHEN x.h < 850 THEN CASE WHEN x.h %% 10 = 0 THEN 'terlambat' ELSE 'hadir' END
                         WHEN x.h < 930 THEN 'dinas_luar' WHEN x.h < 950 THEN 'izin'
                         WHEN x.h < 970 THEN 'sakit' WHEN x.h < 990 THEN 'cuti' ELSE 'alpa' END,
                    CASE WHEN x.h < 850 THEN x.hari + time '00:00' END,
                    CASE WHEN x.h < 850 AND x.h %% 97 <> 0 THEN x.hari + time '09:00' END,
                    CASE WHEN x.h < 850 AND x.h %% 10 = 0 THEN 1 + x.h %% 120 ELSE 0 END,
                    0, '', 'bench'
                FROM (
                    SELECT p.pid, d::date AS hari,
                           abs(hashtext(p.pid::text || ':' || d::date::text)) %% 1000 AS h
                    FROM unnest(%(ids)s::bigint[]) AS p(pid)
                    CROSS JOIN generate_series(%(awal)s::date, %(akhir)s::date, '1 day') AS d
                    WHERE extract(isodow FROM d) < 6
                ) x
                ON CONFLICT (pegawai_id, tanggal) DO NOTHING
                """,
                {"ids": ids, "awal": awal, "akhir": akhir},
            )
        sekarang = dt.datetime(tahun, bulan, 28, 2, 0, tzinfo=dt.UTC)
        pk = PeriodeKinerja.objects.create(wilayah=w, tahun=tahun)
        PeriodePenilaian.objects.bulk_create(pk.susun_periode_penilaian())
        jendela = PeriodePenilaian.objects.get(periode_kinerja=pk, nomor=bulan)
        SKP.objects.bulk_create(
            [
                SKP(
                    pegawai_id=pid,
                    periode_kinerja=pk,
                    wilayah=w,
                    status="disetujui",
                    disetujui_pada=sekarang,
                )
                for pid in ids
            ],
            batch_size=5000,
        )
        matriks = [("sesuai", "sesuai", "baik")] * 8 + [
            ("di_atas", "di_atas", "sangat_baik"), ("di_bawah", "sesuai", "butuh_perbaikan"),
            ("sesuai", "di_bawah", "kurang"), ("di_bawah", "di_bawah", "sangat_kurang"),
        ]  # fmt: skip
        ev = []
        for s in SKP.objects.filter(wilayah=w).only("pk"):
            if rng.random() < 0.08:
                continue  # no rated evaluation: 0 % kinerja factor, flagged
            h, p, pred = rng.choice(matriks)
            ev.append(EvaluasiPeriodik(skp=s, periode_penilaian=jendela, status="final",
                                       rating_hasil=h, rating_perilaku=p, predikat=pred,
                                       diajukan_pada=sekarang, dinilai_pada=sekarang,
                                       final_pada=sekarang))  # fmt: skip
        EvaluasiPeriodik.objects.bulk_create(ev, batch_size=5000)
        sampel = rng.sample(ids, max(1, n // 100))
        HukumanDisiplin.objects.bulk_create(
            [
                HukumanDisiplin(
                    pegawai_id=pid,
                    tingkat="sedang",
                    jenis="tpp_6",
                    tanggal_mulai=awal - dt.timedelta(days=40),
                    nomor_sk=f"SK/B/{pid}",
                )
                for pid in sampel
            ]  # fmt: skip
        )
        Cuti.objects.bulk_create(
            [
                Cuti(
                    pegawai_id=pid,
                    jenis="besar",
                    tanggal_mulai=awal,
                    tanggal_selesai=akhir,
                    alasan="bench",
                    status="disetujui",
                )
                for pid in rng.sample(ids, max(1, n // 500))
            ]  # fmt: skip
        )
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    log(f"{n} pegawai, {len(units)} unit dibangkitkan dalam {time.perf_counter() - t0:.1f} dtk")
    return w


# --- measures -----------------------------------------------------------------------------


def ukur_hitung(wilayah: Any, tahun: int, bulan: int) -> dict[str, Any]:
    """The month's computation twice (insert, then upsert); same rows both times."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kinerja.tpp import services
    from kinerja.tpp.models import BulanTPP, TPPPegawai

    b = services.bulan_buat(actor=None, wilayah=wilayah, tahun=tahun, bulan=bulan)
    if not b.is_draf:
        BulanTPP.objects.filter(pk=b.pk).update(status="draf", dikunci_pada=None)
    hasil: dict[str, Any] = {"wilayah": wilayah.kode}
    for putaran in (1, 2):
        with CaptureQueriesContext(connection) as q:
            t0 = time.perf_counter()
            r = services.tpp_hitung(bulan=b, actor=None)
            detik = time.perf_counter() - t0
        hasil[f"detik_{putaran}"] = round(detik, 2)
        hasil["query"] = len(q.captured_queries)
        hasil["pegawai"] = r["jumlah_pegawai"]
    hasil["baris"] = TPPPegawai.objects.filter(bulan=b).count()
    b.refresh_from_db()
    hasil["bulan_id"] = b.pk
    hasil["total_netto"] = int(b.total_netto)
    return hasil


def fase_tpp(*, tahun: int, bulan: int) -> dict[str, Any]:
    """For bench.run: the month of every wilayah of the bench database."""
    from organisasi.models import Wilayah

    out = [ukur_hitung(w, tahun, bulan) for w in Wilayah.objects.order_by("kode")]
    return {
        "wilayah": out,
        "pegawai": sum(x["pegawai"] for x in out),
        "detik_maks": max((x["detik_1"] for x in out), default=0),
    }


def lookup_bulan_tpp(user: Any) -> dict[str, Any]:
    """URL kwargs of the latest TPP month of the user's wilayah (bench/pages.py lookup)."""
    from kinerja.tpp.models import BulanTPP

    b = BulanTPP.objects.visible_to(user).order_by("-tahun", "-bulan").first()
    return {"pk": b.pk} if b else {}


def ukur_halaman(bulan_id: int, hr: Any, sampel: int = 40) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kinerja.tpp.models import TPPPegawai

    c = Client(SERVER_NAME="127.0.0.1")
    c.force_login(hr)
    url = reverse("tpp:bulantpp_detail", args=[bulan_id])
    unit_id = TPPPegawai.objects.filter(bulan_id=bulan_id).values_list("unit_id", flat=True).first()
    varian = {
        "default": {},
        "urut netto": {"o": "-netto"},
        "unit": {"unit": unit_id},
        "cari": {"q": "Bench 0123"},
        "halaman 100": {"page": 100},
    }
    out = {}
    for nama, params in varian.items():
        for _ in range(3):
            c.get(url, params)
        waktu = []
        for _ in range(sampel):
            with CaptureQueriesContext(connection) as q:
                t0 = time.perf_counter()
                resp = c.get(url, params)
                waktu.append((time.perf_counter() - t0) * 1000)
        waktu.sort()
        out[nama] = {
            "status": resp.status_code,
            "p50_ms": round(statistics.median(waktu), 1),
            "p95_ms": round(waktu[max(0, int(round(0.95 * len(waktu))) - 1)], 1),
            "query": len(q.captured_queries),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="TPP pada skala besar (issue 15).")
    ap.add_argument("--scale", type=int, default=20000)
    ap.add_argument("--db-name", default=NAMA_DB)
    ap.add_argument("--reuse-db", action="store_true")
    ap.add_argument("--tahun", type=int, default=2026)
    ap.add_argument("--bulan", type=int, default=11)
    ap.add_argument("--samples", type=int, default=40)
    args = ap.parse_args(argv)
    if args.db_name in ("asn_kinerja", "test_asn_kinerja"):
        sys.exit("Pakai database bench sendiri, bukan database dev/tes.")
    url = _db_url(args.db_name)
    _buat_db(url, ulang=not args.reuse_db)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "asn_kinerja.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    log(f"migrate {time.perf_counter() - t0:.1f} dtk")
    w = bangkit(args.scale, args.tahun, args.bulan)
    from organisasi.models import Pengguna
    from tests.factories import pengguna_hr

    hr = Pengguna.objects.filter(username="hr_bench_tpp").first() or pengguna_hr(
        w, username="hr_bench_tpp"
    )
    hitung = ukur_hitung(w, args.tahun, args.bulan)
    log(json.dumps(hitung))
    halaman = ukur_halaman(hitung["bulan_id"], hr, args.samples)
    for k, v in halaman.items():
        log(f"halaman TPP [{k}]: {json.dumps(v)}")
    print(json.dumps({"skala": args.scale, "hitung": hitung, "halaman": halaman}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
