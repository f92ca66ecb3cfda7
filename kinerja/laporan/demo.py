"""Demo step of the reporting app (runs last in seed_demo): the recap of every evaluation
window that has started, in every wilayah, from whatever the lower steps created.

- If no performance year exists yet for a wilayah (the kinerja demo not merged), the year of
  `ctx.hari_ini` is created with its windows so that the recap has periods: employees then
  show up as "tanpa SKP".
- If a wilayah has no attendance at all for that year, working-day attendance is generated
  for its employees up to `hari_ini` (deterministic; skipped once any attendance exists, so
  a later attendance demo wins and reruns add nothing).
- One finished `ProsesLaporan` per wilayah records the demo recap (natural key: wilayah,
  jenis, window, no user), so the job pages have data in every wilayah.
"""

from __future__ import annotations

import datetime as dt
import time

from django.db import connection
from django.utils import timezone

from asn_kinerja.demo import DemoContext, upsert
from kinerja.models import PeriodeKinerja, PeriodePenilaian
from organisasi.models import Wilayah
from pegawai.models import Kehadiran, Pegawai

from .models import ProsesLaporan
from .services.rekap import rekap_hitung


def _periode(ctx: DemoContext, wilayah) -> PeriodeKinerja:
    pk = PeriodeKinerja.objects.filter(wilayah=wilayah, tahun=ctx.hari_ini.year).first()
    if pk is None:
        pk = PeriodeKinerja.objects.create(
            wilayah=wilayah, tahun=ctx.hari_ini.year, batas_hari_keberatan=wilayah.hari_keberatan
        )
    if not pk.periode_penilaian.exists():
        PeriodePenilaian.objects.bulk_create(pk.susun_periode_penilaian(), ignore_conflicts=True)
    return pk


def _kehadiran(ctx: DemoContext, wilayah, tahun: int) -> int:
    """Working-day attendance in one INSERT ... SELECT (generate_series), pseudo-random but
    deterministic (a hash of employee, day and seed)."""
    if Kehadiran.objects.filter(pegawai__wilayah=wilayah, tanggal__year=tahun).exists():
        return 0
    pegawai = Pegawai.objects.aktif().filter(wilayah=wilayah)
    if ctx.jumlah_pegawai_tambahan:
        pegawai = pegawai.filter(pengguna__isnull=False)  # benchmarks: demo accounts only
    ids = list(pegawai.values_list("pk", flat=True))
    sql = f"""
    INSERT INTO {Kehadiran._meta.db_table}
        (created_at, updated_at, pegawai_id, tanggal, status, menit_terlambat,
         menit_pulang_cepat, keterangan, sumber)
    SELECT now(), now(), x.pid, x.hari,
        CASE WHEN x.h < 800 THEN 'hadir' WHEN x.h < 900 THEN 'terlambat'
             WHEN x.h < 930 THEN 'dinas_luar' WHEN x.h < 950 THEN 'izin'
             WHEN x.h < 970 THEN 'sakit' WHEN x.h < 985 THEN 'cuti' ELSE 'alpa' END,
        CASE WHEN x.h >= 800 AND x.h < 900 THEN 3 + (x.h * 7) %% 73 ELSE 0 END,
        0, '', 'demo'
    FROM (
        SELECT p.pid, d::date AS hari,
               abs(hashtext(p.pid::text || ':' || d::date::text || ':' || %(seed)s)) %% 1000 AS h
        FROM unnest(%(ids)s::bigint[]) AS p(pid)
        CROSS JOIN generate_series(%(awal)s::date, %(akhir)s::date, interval '1 day') AS d
        WHERE extract(isodow FROM d) < 6
    ) x
    ON CONFLICT (pegawai_id, tanggal) DO NOTHING
    """
    with connection.cursor() as cur:
        cur.execute(
            sql,
            {
                "ids": ids,
                "awal": dt.date(tahun, 1, 1),
                "akhir": ctx.hari_ini - dt.timedelta(days=1),
                "seed": str(ctx.seed),
            },
        )
        return cur.rowcount


def seed(ctx: DemoContext) -> None:
    # The demo has just bulk-loaded every table: without fresh statistics PostgreSQL may plan
    # the recap's INSERT ... SELECT as nested loops over "empty" tables (seen: 20 s+ per
    # window instead of ~40 ms). ANALYZE is cheap here and allowed inside the transaction.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    semua = ctx.data.get("wilayah") or {w.kode: w for w in Wilayah.objects.all()}
    for kode, wilayah in sorted(semua.items()):
        wctx = ctx.untuk(wilayah)
        t0 = time.monotonic()
        pk = _periode(wctx, wilayah)
        n_hadir = _kehadiran(wctx, wilayah, pk.tahun)
        windows = list(
            PeriodePenilaian.objects.filter(
                periode_kinerja__wilayah=wilayah, tanggal_mulai__lte=wctx.hari_ini
            ).order_by("tanggal_mulai")
        )
        ringkasan = {}
        for w in windows:
            ringkasan = rekap_hitung(periode_penilaian=w)
        if windows:
            akhir = windows[-1]
            selesai = timezone.make_aware(dt.datetime.combine(wctx.hari_ini, dt.time(1, 0)))
            upsert(
                ProsesLaporan,
                {
                    "status": ProsesLaporan.Status.SELESAI,
                    "persen": 100,
                    "pesan": f"Rekap demo {ringkasan.get('pegawai', 0)} pegawai selesai.",
                    "mulai_pada": selesai,
                    "selesai_pada": selesai,
                },
                wilayah=wilayah,
                jenis=ProsesLaporan.Jenis.REKAP,
                periode_penilaian=akhir,
                dibuat_oleh=None,
            )
        ctx.log(
            f"  laporan {kode}: {len(windows)} periode direkap, {n_hadir} kehadiran dibuat, "
            f"{time.monotonic() - t0:.1f} dtk"
        )
