"""Benchmark data: a year of performance data for every employee already in the database
(the demo employees and the `seed_demo --pegawai N` ones), generated inside PostgreSQL with
set-based `INSERT ... SELECT` (no row travels through Python: 100,000 employees with their
year is ~8 million rows).

Deterministic: every "random" choice is `pg_temp.h(seed:tag:id) % n`, an md5 of the seed
and the row's key, so the same --seed on a database built the same way gives the same
data. Idempotent: unique keys with ON CONFLICT DO NOTHING, or NOT EXISTS where a table has
no natural key, so a rerun inserts nothing.

The steps are a list (`LANGKAH`): a capability that lands later (leave, SKM responses)
appends its own function `langkah(k: KonteksBench) -> int` (rows inserted).

Run: `python -m bench.seed_bench --seed 2026 [--tanggal YYYY-MM-DD]` (DJANGO_SETTINGS_MODULE
and DATABASE_URL from the environment), or `seed_bench(...)` from Python.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Demo accounts' password, reused for the bench accounts (the bench DB is throwaway).
JUMLAH_AKUN_PEGAWAI = 120
JUMLAH_AKUN_ATASAN = 30


@dataclass
class KonteksBench:
    seed: int
    hari_ini: dt.date
    cursor: Any
    log: Callable[[str], None] = print
    waktu: dict[str, float] = field(default_factory=dict)
    baris: dict[str, int] = field(default_factory=dict)

    @property
    def tahun(self) -> int:
        return self.hari_ini.year

    def sql(self, query: str, params: dict[str, Any] | None = None) -> int:
        p = {"seed": str(self.seed), "hari_ini": self.hari_ini, "tahun": self.tahun}
        p.update(params or {})
        self.cursor.execute(query, p)
        return max(self.cursor.rowcount, 0)


def _hari_kerja(k: KonteksBench) -> list[dt.date]:
    """Monday-Friday of the 30 days before 'today' ("the last month")."""
    return [
        k.hari_ini - dt.timedelta(days=d)
        for d in range(30, 0, -1)
        if (k.hari_ini - dt.timedelta(days=d)).weekday() < 5
    ]


def _fungsi_hash(k: KonteksBench) -> None:
    # 28 bits of md5: a stable, well-spread, non-negative integer (hashtext() is internal and
    # may change between PostgreSQL versions).
    k.cursor.execute(
        "CREATE OR REPLACE FUNCTION pg_temp.h(t text) RETURNS int LANGUAGE sql IMMUTABLE "
        "AS $$ SELECT ('x' || substr(md5(t), 1, 7))::bit(28)::int $$"
    )


# --- steps -------------------------------------------------------------------------------


def periode(k: KonteksBench) -> int:
    """The current performance year of every wilayah with its 12 monthly windows (past
    windows closed), unless a demo step already created them."""
    from kinerja.models import PeriodeKinerja, PeriodePenilaian
    from organisasi.models import Wilayah

    sebelum = PeriodePenilaian.objects.count() + PeriodeKinerja.objects.count()
    for w in Wilayah.objects.all():
        pk, _dibuat = PeriodeKinerja.objects.get_or_create(
            wilayah=w,
            tahun=k.tahun,
            defaults={"batas_hari_keberatan": w.hari_keberatan},
        )
        jendela = pk.susun_periode_penilaian()
        for j in jendela:
            if j.tanggal_selesai < k.hari_ini:
                j.status = PeriodePenilaian.Status.TUTUP
        PeriodePenilaian.objects.bulk_create(jendela, ignore_conflicts=True)
    return PeriodePenilaian.objects.count() + PeriodeKinerja.objects.count() - sebelum


def _tabel_penilai(k: KonteksBench) -> None:
    """Temp table unit -> (penilai and atasan penilai of its staff, of its head), following
    `pegawai.selectors.pejabat_penilai`: the nearest head up the path, a vacant head position
    passing the role upwards."""
    from organisasi.models import UnitKerja
    from pegawai.models import Pegawai

    kepala: dict[int, int] = {}
    for unit_id, pegawai_id in (
        Pegawai.objects.aktif()
        .filter(jabatan__is_kepala=True, jabatan__aktif=True)
        .order_by("pk")
        .values_list("jabatan__unit_id", "pk")
    ):
        kepala.setdefault(unit_id, pegawai_id)
    units = {u.pk: u.path for u in UnitKerja.objects.only("pk", "path")}

    def terdekat(ids: list[int]) -> tuple[int | None, int | None]:
        """(head of the deepest unit of `ids` with a head, that unit's index)."""
        for i in range(len(ids) - 1, -1, -1):
            if ids[i] in kepala:
                return kepala[ids[i]], i
        return None, None

    baris = []
    for unit_id, path in units.items():
        ids = [int(p) for p in path.strip("/").split("/") if p]
        staf_penilai, i = terdekat(ids)
        staf_atasan = terdekat(ids[:i])[0] if i is not None else None
        kepala_penilai, j = terdekat(ids[:-1])
        kepala_atasan = terdekat(ids[:j])[0] if j is not None else None
        baris.append((unit_id, staf_penilai, staf_atasan, kepala_penilai, kepala_atasan))
    k.cursor.execute(
        "CREATE TEMP TABLE IF NOT EXISTS bench_penilai (unit_id bigint PRIMARY KEY, "
        "staf_penilai bigint, staf_atasan bigint, kepala_penilai bigint, kepala_atasan bigint)"
    )
    k.cursor.execute("TRUNCATE bench_penilai")
    k.cursor.executemany("INSERT INTO bench_penilai VALUES (%s, %s, %s, %s, %s)", baris)


def skp(k: KonteksBench) -> int:
    """An approved SKP of the current year for every active employee, with the pejabat
    penilai / atasan pejabat penilai of the org tree and the identity snapshot."""
    _tabel_penilai(k)
    return k.sql(
        """
        INSERT INTO kinerja_skp (created_at, updated_at, pendekatan, status, snapshot, is_jpt,
            dukungan_sumber_daya, skema_pertanggungjawaban, konsekuensi, disetujui_pada,
            pegawai_id, pejabat_penilai_id, atasan_pejabat_penilai_id, periode_kinerja_id,
            wilayah_id)
        SELECT now(), now(), 'kuantitatif', 'disetujui',
            jsonb_build_object('pegawai', jsonb_build_object('id', p.id, 'nama', p.nama,
                'nip', p.nip, 'jabatan', coalesce(j.nama, ''), 'unit', u.nama,
                'pangkat', p.golongan)),
            false, '', '', '', make_timestamptz(%(tahun)s, 1, 20, 9, 0, 0),
            p.id, x.penilai, x.atasan, pk.id, p.wilayah_id
        FROM pegawai_pegawai p
        JOIN organisasi_unitkerja u ON u.id = p.unit_id
        LEFT JOIN organisasi_jabatan j ON j.id = p.jabatan_id
        JOIN kinerja_periodekinerja pk ON pk.wilayah_id = p.wilayah_id AND pk.tahun = %(tahun)s
        JOIN bench_penilai bp ON bp.unit_id = p.unit_id
        CROSS JOIN LATERAL (SELECT
            CASE WHEN j.is_kepala AND j.unit_id = p.unit_id THEN bp.kepala_penilai
                 ELSE bp.staf_penilai END AS penilai,
            CASE WHEN j.is_kepala AND j.unit_id = p.unit_id THEN bp.kepala_atasan
                 ELSE bp.staf_atasan END AS atasan) x0
        CROSS JOIN LATERAL (SELECT
            CASE WHEN x0.penilai = p.id THEN NULL ELSE x0.penilai END AS penilai,
            CASE WHEN x0.atasan = p.id THEN NULL ELSE x0.atasan END AS atasan) x
        WHERE p.status_aktif = 'aktif'
        ORDER BY p.id
        ON CONFLICT (pegawai_id, periode_kinerja_id) DO NOTHING
        """
    )


RHK_TEKS = [
    "Terlaksananya pelayanan administrasi kepegawaian yang tepat waktu",
    "Tersusunnya laporan kinerja unit yang akurat",
    "Meningkatnya kualitas data pegawai di SIMPEG",
    "Terselenggaranya pelayanan kesehatan dasar sesuai standar",
    "Tersedianya dokumen perencanaan anggaran unit",
    "Terlaksananya pengelolaan arsip dinamis",
    "Meningkatnya kepuasan masyarakat atas layanan unit",
    "Terlaksananya monitoring dan evaluasi program",
]


def rhk(k: KonteksBench) -> int:
    """Two RHK per SKP of the year (utama), texts from a small pool."""
    return k.sql(
        """
        INSERT INTO kinerja_rencanahasilkerja (created_at, updated_at, urutan, teks, jenis,
            perspektif, skp_id)
        SELECT now(), now(), g.n,
            (%(teks)s::text[])[1 + pg_temp.h(%(seed)s || ':rhk:' || s.id || ':' || g.n) %% %(m)s],
            'utama', '', s.id
        FROM kinerja_skp s
        JOIN kinerja_periodekinerja pk ON pk.id = s.periode_kinerja_id AND pk.tahun = %(tahun)s
        CROSS JOIN generate_series(1, 2) AS g(n)
        WHERE NOT EXISTS (SELECT 1 FROM kinerja_rencanahasilkerja r WHERE r.skp_id = s.id)
        ORDER BY s.id, g.n
        """,
        {"teks": RHK_TEKS, "m": len(RHK_TEKS)},
    )


def indikator(k: KonteksBench) -> int:
    """One or two indicators per RHK: a quantity (n documents) and sometimes a time one."""
    return k.sql(
        """
        INSERT INTO kinerja_indikatorkinerja (created_at, updated_at, aspek, teks, target_nilai,
            target_satuan, target_kualitatif, urutan, rhk_id)
        SELECT now(), now(),
            CASE g.n WHEN 1 THEN 'kuantitas' ELSE 'waktu' END,
            CASE g.n WHEN 1 THEN 'Jumlah dokumen yang diselesaikan'
                     ELSE 'Persentase penyelesaian tepat waktu' END,
            CASE g.n WHEN 1 THEN 6 + pg_temp.h(%(seed)s || ':iki:' || r.id) %% 30 ELSE 100 END,
            CASE g.n WHEN 1 THEN 'dokumen' ELSE 'persen' END,
            '', g.n, r.id
        FROM kinerja_rencanahasilkerja r
        JOIN kinerja_skp s ON s.id = r.skp_id
        JOIN kinerja_periodekinerja pk ON pk.id = s.periode_kinerja_id AND pk.tahun = %(tahun)s
        CROSS JOIN LATERAL generate_series(
            1, 1 + pg_temp.h(%(seed)s || ':iki-n:' || r.id) %% 2) AS g(n)
        WHERE NOT EXISTS (SELECT 1 FROM kinerja_indikatorkinerja i WHERE i.rhk_id = r.id)
        ORDER BY r.id, g.n
        """
    )


def evaluasi(k: KonteksBench) -> int:
    """12 monthly evaluations per SKP: months already over are final with ratings (mostly
    "sesuai"), the current month is in the month-end rush (60% realisation submitted, 25%
    rated, 15% not yet filled), later months not filled. Predikat from the same matrix as
    `kinerja.rules.predikat_dari_rating` (the database checks it too)."""
    from kinerja.rules import MATRIKS_PREDIKAT

    matriks = ", ".join(
        f"('{h.value}', '{p.value}', '{pr.value}')" for (h, p), pr in MATRIKS_PREDIKAT.items()
    )
    return k.sql(
        f"""
        WITH e AS (
            SELECT s.id AS skp_id, pp.id AS pp_id, s.pejabat_penilai_id,
                pp.tanggal_mulai, pp.tanggal_selesai,
                CASE
                    WHEN pp.tanggal_selesai < %(hari_ini)s THEN 'final'
                    WHEN pp.tanggal_mulai > %(hari_ini)s THEN 'belum_diisi'
                    ELSE (CASE WHEN x.r < 60 THEN 'realisasi_diajukan'
                               WHEN x.r < 85 THEN 'dinilai' ELSE 'belum_diisi' END)
                END AS status,
                CASE WHEN x.a < 12 THEN 'di_atas' WHEN x.a < 92 THEN 'sesuai'
                     ELSE 'di_bawah' END AS rh,
                CASE WHEN x.b < 15 THEN 'di_atas' WHEN x.b < 95 THEN 'sesuai'
                     ELSE 'di_bawah' END AS rp
            FROM kinerja_skp s
            JOIN kinerja_periodekinerja pk ON pk.id = s.periode_kinerja_id
                AND pk.tahun = %(tahun)s
            JOIN kinerja_periodepenilaian pp ON pp.periode_kinerja_id = pk.id
            CROSS JOIN LATERAL (SELECT
                pg_temp.h(%(seed)s || ':ev:' || s.id || ':' || pp.nomor) %% 100 AS r,
                pg_temp.h(%(seed)s || ':rh:' || s.id || ':' || pp.nomor) %% 100 AS a,
                pg_temp.h(%(seed)s || ':rp:' || s.id || ':' || pp.nomor) %% 100 AS b) x
        )
        INSERT INTO kinerja_evaluasiperiodik (created_at, updated_at, status, rating_hasil,
            rating_perilaku, predikat, catatan_penilai, diajukan_pada, dinilai_pada, final_pada,
            dinilai_oleh_id, periode_penilaian_id, skp_id)
        SELECT now(), now(), e.status,
            CASE WHEN e.status IN ('dinilai', 'final') THEN e.rh END,
            CASE WHEN e.status IN ('dinilai', 'final') THEN e.rp END,
            CASE WHEN e.status IN ('dinilai', 'final') THEN m.predikat END,
            '',
            CASE WHEN e.status <> 'belum_diisi'
                 THEN least(e.tanggal_selesai, %(hari_ini)s - 1) + time '10:00' END,
            CASE WHEN e.status IN ('dinilai', 'final')
                 THEN least(e.tanggal_selesai + 3, %(hari_ini)s) + time '09:00' END,
            CASE WHEN e.status = 'final' THEN e.tanggal_selesai + 10 + time '09:00' END,
            CASE WHEN e.status IN ('dinilai', 'final') THEN e.pejabat_penilai_id END,
            e.pp_id, e.skp_id
        FROM e
        JOIN (VALUES {matriks}) AS m(rh, rp, predikat) ON m.rh = e.rh AND m.rp = e.rp
        ORDER BY e.skp_id, e.pp_id
        ON CONFLICT (skp_id, periode_penilaian_id) DO NOTHING
        """
    )


def realisasi(k: KonteksBench) -> int:
    """A realisation for every indicator of every evaluation that was submitted."""
    return k.sql(
        """
        INSERT INTO kinerja_realisasiindikator (created_at, updated_at, nilai, narasi,
            evaluasi_id, indikator_id)
        SELECT now(), now(),
            round(i.target_nilai
                  * (70 + pg_temp.h(%(seed)s || ':re:' || e.id || ':' || i.id) %% 50) / 100, 2),
            '', e.id, i.id
        FROM kinerja_evaluasiperiodik e
        JOIN kinerja_skp s ON s.id = e.skp_id
        JOIN kinerja_periodekinerja pk ON pk.id = s.periode_kinerja_id AND pk.tahun = %(tahun)s
        JOIN kinerja_rencanahasilkerja r ON r.skp_id = e.skp_id
        JOIN kinerja_indikatorkinerja i ON i.rhk_id = r.id
        WHERE e.status <> 'belum_diisi'
        ORDER BY e.id, i.id
        ON CONFLICT (evaluasi_id, indikator_id) DO NOTHING
        """
    )


KEGIATAN = [
    "Memverifikasi usulan kenaikan pangkat",
    "Menginput data pegawai ke SIMPEG",
    "Menyusun draf laporan bulanan",
    "Melayani konsultasi pegawai",
    "Mengikuti rapat koordinasi",
    "Mengarsipkan surat masuk dan keluar",
    "Melakukan pelayanan pasien rawat jalan",
    "Menyusun notula rapat",
    "Memeriksa kelengkapan berkas cuti",
    "Merekap daftar hadir bulanan",
]


def log_harian(k: KonteksBench) -> int:
    """Daily logs on 85% of the working days of the last month, tied to one of the
    employee's RHK; logs older than 5 days mostly verified by the pejabat penilai."""
    hari = _hari_kerja(k)
    if not hari:
        return 0
    return k.sql(
        """
        WITH skp_rhk AS (
            SELECT s.pegawai_id, s.wilayah_id, s.pejabat_penilai_id,
                min(r.id) AS rhk1, max(r.id) AS rhk2
            FROM kinerja_skp s
            JOIN kinerja_periodekinerja pk ON pk.id = s.periode_kinerja_id
                AND pk.tahun = %(tahun)s
            JOIN kinerja_rencanahasilkerja r ON r.skp_id = s.id
            GROUP BY s.pegawai_id, s.wilayah_id, s.pejabat_penilai_id
        ), d AS (
            SELECT sr.*, t.tanggal,
                pg_temp.h(%(seed)s || ':log:' || sr.pegawai_id || ':' || t.tanggal) AS x
            FROM skp_rhk sr CROSS JOIN unnest(%(hari)s::date[]) AS t(tanggal)
        )
        INSERT INTO kinerja_logharian (created_at, updated_at, tanggal, kegiatan, output, volume,
            satuan, bukti, status, catatan_atasan, diverifikasi_pada, diverifikasi_oleh_id,
            pegawai_id, wilayah_id, rhk_id)
        SELECT d.tanggal + time '15:00', d.tanggal + time '15:00', d.tanggal,
            (%(kegiatan)s::text[])[1 + d.x %% %(m)s], 'Dokumen', 1 + d.x %% 5, 'dokumen', '',
            v.status, '',
            CASE WHEN v.status <> 'diajukan' THEN d.tanggal + 2 + time '09:00' END,
            CASE WHEN v.status <> 'diajukan' THEN d.pejabat_penilai_id END,
            d.pegawai_id, d.wilayah_id, CASE WHEN d.x %% 2 = 0 THEN d.rhk1 ELSE d.rhk2 END
        FROM d
        CROSS JOIN LATERAL (SELECT CASE
            WHEN d.tanggal > %(hari_ini)s - 5 OR d.pejabat_penilai_id IS NULL THEN 'diajukan'
            WHEN (d.x / 100) %% 100 < 92 THEN 'diverifikasi'
            WHEN (d.x / 100) %% 100 < 95 THEN 'dikembalikan'
            ELSE 'diajukan' END AS status) v
        WHERE d.x %% 100 < 85
          AND NOT EXISTS (SELECT 1 FROM kinerja_logharian l
                          WHERE l.pegawai_id = d.pegawai_id AND l.tanggal = d.tanggal)
        ORDER BY d.tanggal, d.pegawai_id
        """,
        {"hari": hari, "kegiatan": KEGIATAN, "m": len(KEGIATAN)},
    )


def kehadiran(k: KonteksBench) -> int:
    """Attendance of every active employee on the working days of the last month: 85%
    on time, 7% late (1-90 min), 1% leaving early, the rest leave/sick/permission/duty
    travel and 0.5% absent without notice. Times in the wilayah's zone and hours."""
    hari = _hari_kerja(k)
    if not hari:
        return 0
    return k.sql(
        """
        WITH d AS (
            SELECT p.id AS pegawai_id, t.tanggal, w.zona_waktu, w.jam_masuk,
                CASE WHEN extract(isodow FROM t.tanggal) = 5 THEN w.jam_pulang_jumat
                     ELSE w.jam_pulang END AS jam_pulang,
                pg_temp.h(%(seed)s || ':hadir:' || p.id || ':' || t.tanggal) AS x
            FROM pegawai_pegawai p
            JOIN organisasi_wilayah w ON w.id = p.wilayah_id
            CROSS JOIN unnest(%(hari)s::date[]) AS t(tanggal)
            WHERE p.status_aktif = 'aktif'
        ), s AS (
            SELECT d.*, CASE
                WHEN d.x %% 1000 < 850 THEN 'hadir'
                WHEN d.x %% 1000 < 920 THEN 'terlambat'
                WHEN d.x %% 1000 < 930 THEN 'pulang_cepat'
                WHEN d.x %% 1000 < 945 THEN 'izin'
                WHEN d.x %% 1000 < 960 THEN 'sakit'
                WHEN d.x %% 1000 < 980 THEN 'cuti'
                WHEN d.x %% 1000 < 995 THEN 'dinas_luar'
                ELSE 'alpa' END AS status,
                1 + (d.x / 1000) %% 90 AS menit
            FROM d
        )
        INSERT INTO pegawai_kehadiran (created_at, updated_at, tanggal, jam_masuk, jam_pulang,
            status, menit_terlambat, menit_pulang_cepat, keterangan, sumber, pegawai_id)
        SELECT now(), now(), s.tanggal,
            CASE WHEN s.status IN ('hadir', 'pulang_cepat')
                     THEN (s.tanggal + s.jam_masuk - make_interval(mins => (s.x / 7) %% 25))
                          AT TIME ZONE s.zona_waktu
                 WHEN s.status = 'terlambat'
                     THEN (s.tanggal + s.jam_masuk + make_interval(mins => s.menit))
                          AT TIME ZONE s.zona_waktu END,
            CASE WHEN s.status IN ('hadir', 'terlambat')
                     THEN (s.tanggal + s.jam_pulang + make_interval(mins => (s.x / 11) %% 40))
                          AT TIME ZONE s.zona_waktu
                 WHEN s.status = 'pulang_cepat'
                     THEN (s.tanggal + s.jam_pulang - make_interval(mins => s.menit))
                          AT TIME ZONE s.zona_waktu END,
            s.status,
            CASE WHEN s.status = 'terlambat' THEN s.menit ELSE 0 END,
            CASE WHEN s.status = 'pulang_cepat' THEN s.menit ELSE 0 END,
            '', 'mesin', s.pegawai_id
        FROM s
        ORDER BY s.tanggal, s.pegawai_id
        ON CONFLICT (pegawai_id, tanggal) DO NOTHING
        """,
        {"hari": hari},
    )


def akun_bench(k: KonteksBench) -> int:
    """Accounts for the month-end rush: `bench_pegawai_NNN` (employees with an evaluation
    they can still fill: belum_diisi in an open window) and `bench_atasan_NN` (heads with the fullest inbox), password of the demo
    accounts. Demo accounts stay as they are."""
    from django.contrib.auth.hashers import make_password

    from asn_kinerja.demo import DEMO_PASSWORD

    sandi = make_password(DEMO_PASSWORD)
    n = 0
    # Employees: active, without an account, with an SKP; spread over the id range.
    n += k.sql(
        """
        WITH calon AS (
            SELECT p.id, p.wilayah_id, p.nama,
                row_number() OVER (ORDER BY pg_temp.h(%(seed)s || ':akun:' || p.id), p.id) AS i
            FROM pegawai_pegawai p
            JOIN organisasi_jabatan j ON j.id = p.jabatan_id AND NOT j.is_kepala
            WHERE p.pengguna_id IS NULL AND p.status_aktif = 'aktif'
              AND EXISTS (
                  SELECT 1 FROM kinerja_skp s
                  JOIN kinerja_periodekinerja pk ON pk.id = s.periode_kinerja_id
                      AND pk.status = 'buka'
                  JOIN kinerja_evaluasiperiodik e ON e.skp_id = s.id
                      AND e.status = 'belum_diisi'
                  JOIN kinerja_periodepenilaian pp ON pp.id = e.periode_penilaian_id
                      AND pp.status = 'buka'
                  WHERE s.pegawai_id = p.id)
        )
        INSERT INTO organisasi_pengguna (password, is_superuser, username, first_name,
            last_name, email, is_staff, is_active, date_joined, wilayah_id)
        SELECT %(sandi)s, false, 'bench_pegawai_' || lpad(c.i::text, 3, '0'),
            split_part(c.nama, ' ', 1), '', '', false, true, now(), c.wilayah_id
        FROM calon c WHERE c.i <= %(n)s
        ORDER BY c.i
        ON CONFLICT (username) DO NOTHING
        """,
        {"sandi": sandi, "n": JUMLAH_AKUN_PEGAWAI},
    )
    # Heads: the most evaluations waiting for their rating this month.
    n += k.sql(
        """
        WITH calon AS (
            SELECT p.id, p.wilayah_id, p.nama,
                row_number() OVER (ORDER BY count(*) DESC, p.id) AS i
            FROM kinerja_evaluasiperiodik e
            JOIN kinerja_skp s ON s.id = e.skp_id
            JOIN pegawai_pegawai p ON p.id = s.pejabat_penilai_id
            WHERE e.status = 'realisasi_diajukan' AND p.pengguna_id IS NULL
            GROUP BY p.id
        )
        INSERT INTO organisasi_pengguna (password, is_superuser, username, first_name,
            last_name, email, is_staff, is_active, date_joined, wilayah_id)
        SELECT %(sandi)s, false, 'bench_atasan_' || lpad(c.i::text, 2, '0'),
            split_part(c.nama, ' ', 1), '', '', false, true, now(), c.wilayah_id
        FROM calon c WHERE c.i <= %(n)s
        ORDER BY c.i
        ON CONFLICT (username) DO NOTHING
        """,
        {"sandi": sandi, "n": JUMLAH_AKUN_ATASAN},
    )
    # Link them (same ordering as above, recomputed: deterministic).
    k.sql(
        """
        WITH calon AS (
            SELECT p.id,
                row_number() OVER (ORDER BY pg_temp.h(%(seed)s || ':akun:' || p.id), p.id) AS i
            FROM pegawai_pegawai p
            JOIN organisasi_jabatan j ON j.id = p.jabatan_id AND NOT j.is_kepala
            WHERE p.pengguna_id IS NULL AND p.status_aktif = 'aktif'
              AND EXISTS (
                  SELECT 1 FROM kinerja_skp s
                  JOIN kinerja_periodekinerja pk ON pk.id = s.periode_kinerja_id
                      AND pk.status = 'buka'
                  JOIN kinerja_evaluasiperiodik e ON e.skp_id = s.id
                      AND e.status = 'belum_diisi'
                  JOIN kinerja_periodepenilaian pp ON pp.id = e.periode_penilaian_id
                      AND pp.status = 'buka'
                  WHERE s.pegawai_id = p.id)
        )
        UPDATE pegawai_pegawai p SET pengguna_id = u.id
        FROM calon c JOIN organisasi_pengguna u
            ON u.username = 'bench_pegawai_' || lpad(c.i::text, 3, '0')
        WHERE p.id = c.id AND c.i <= %(n)s
          AND NOT EXISTS (SELECT 1 FROM pegawai_pegawai q WHERE q.pengguna_id = u.id)
        """,
        {"n": JUMLAH_AKUN_PEGAWAI},
    )
    k.sql(
        """
        WITH calon AS (
            SELECT p.id, row_number() OVER (ORDER BY count(*) DESC, p.id) AS i
            FROM kinerja_evaluasiperiodik e
            JOIN kinerja_skp s ON s.id = e.skp_id
            JOIN pegawai_pegawai p ON p.id = s.pejabat_penilai_id
            WHERE e.status = 'realisasi_diajukan' AND p.pengguna_id IS NULL
            GROUP BY p.id
        )
        UPDATE pegawai_pegawai p SET pengguna_id = u.id
        FROM calon c JOIN organisasi_pengguna u
            ON u.username = 'bench_atasan_' || lpad(c.i::text, 2, '0')
        WHERE p.id = c.id AND c.i <= %(n)s
          AND NOT EXISTS (SELECT 1 FROM pegawai_pegawai q WHERE q.pengguna_id = u.id)
        """,
        {"n": JUMLAH_AKUN_ATASAN},
    )
    return n


def analisis(k: KonteksBench) -> int:
    """Fresh planner statistics (without them the first minutes after a bulk load run on the
    estimates of an empty table), and a vacuumed employee table (visibility map set, so
    counts can use index-only scans as they do in a database autovacuum has visited). The
    big generated tables are left to autovacuum: vacuuming 8 million rows would cost ~1 min.
    Runs outside a transaction (VACUUM refuses one)."""
    k.cursor.execute("VACUUM (ANALYZE) pegawai_pegawai")
    k.cursor.execute("ANALYZE")
    return 0


analisis.tanpa_transaksi = True  # type: ignore[attr-defined]


#: The steps, in order. Append a function `(KonteksBench) -> int` for new capabilities
#: (e.g. leave requests, SKM responses) before `analisis`.
LANGKAH: list[Callable[[KonteksBench], int]] = [
    periode,
    skp,
    rhk,
    indikator,
    evaluasi,
    realisasi,
    log_harian,
    kehadiran,
    akun_bench,
    analisis,
]


def seed_bench(
    *, seed: int, hari_ini: dt.date, log: Callable[[str], None] = print, replika: bool = False
) -> KonteksBench:
    """Run every step (each in its own transaction); returns timings and row counts."""
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        k = KonteksBench(seed=seed, hari_ini=hari_ini, cursor=cursor, log=log)
        _fungsi_hash(k)
        if replika:
            # Foreign keys are satisfied by construction (every id comes from a SELECT of
            # the referenced table): skip their per-row triggers, as pg_restore does.
            # Needs a superuser (the private server's `app` is one); check constraints and
            # unique indexes still apply.
            cursor.execute("SET session_replication_role = replica")
        for langkah in LANGKAH:
            t0 = time.monotonic()
            if getattr(langkah, "tanpa_transaksi", False):
                n = langkah(k)
            else:
                with transaction.atomic():
                    n = langkah(k)
            k.waktu[langkah.__name__] = round(time.monotonic() - t0, 2)
            k.baris[langkah.__name__] = n
            log(f"  bench {langkah.__name__}: {n} baris, {k.waktu[langkah.__name__]:.1f} dtk")
        if replika:
            cursor.execute("SET session_replication_role = DEFAULT")
    return k


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--tanggal", type=dt.date.fromisoformat, default=None)
    parser.add_argument(
        "--tanpa-fk-trigger",
        action="store_true",
        help="session_replication_role=replica (superuser; only for a throwaway database)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    t0 = time.monotonic()
    k = seed_bench(
        seed=args.seed, hari_ini=args.tanggal or dt.date.today(), replika=args.tanpa_fk_trigger
    )
    print(f"bench data: {sum(k.baris.values())} baris, {time.monotonic() - t0:.1f} dtk")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
