"""Benchmark data: a year of performance data for every employee already in the database
(the demo employees and the `seed_demo --pegawai N` ones), generated inside PostgreSQL with
set-based `INSERT ... SELECT` (no row travels through Python: 100,000 employees with their
year is ~8 million rows).

Deterministic: every "random" choice is `pg_temp.h(seed:tag:id) % n`, an md5 of the seed
and the row's key, so the same --seed on a database built the same way gives the same
data. Idempotent: unique keys with ON CONFLICT DO NOTHING, or NOT EXISTS where a table has
no natural key, so a rerun inserts nothing.

The steps are a list (`LANGKAH`): each capability has its own function
`langkah(k: KonteksBench) -> int` (rows inserted); a new one is appended before `akun_bench`.

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


def _tabel_hari_kerja(k: KonteksBench) -> None:
    """Temp table of every wilayah's working days (Monday-Friday without the wilayah's
    HariLibur, the rule of `pegawai.cuti.selectors.hari_kerja`) from 13 months back to
    5 months ahead, numbered per wilayah: consecutive numbers are consecutive working days,
    so "n working days from a start" and "working days between two dates" are lookups."""
    k.cursor.execute(
        "CREATE TEMP TABLE IF NOT EXISTS bench_hari_kerja (wilayah_id bigint, tanggal date, "
        "i int, PRIMARY KEY (wilayah_id, i), UNIQUE (wilayah_id, tanggal))"
    )
    k.cursor.execute("TRUNCATE bench_hari_kerja")
    k.sql(
        """
        INSERT INTO bench_hari_kerja
        SELECT w.id, d.tanggal, row_number() OVER (PARTITION BY w.id ORDER BY d.tanggal)
        FROM organisasi_wilayah w
        CROSS JOIN LATERAL (SELECT g::date AS tanggal FROM generate_series(
            least(make_date(%(tahun)s, 1, 1), %(hari_ini)s - 400), %(hari_ini)s + 150,
            interval '1 day') AS g) d
        WHERE extract(isodow FROM d.tanggal) < 6
          AND NOT EXISTS (SELECT 1 FROM pegawai_harilibur l
                          WHERE l.wilayah_id = w.id AND l.tanggal = d.tanggal)
        """
    )
    k.cursor.execute("ANALYZE bench_hari_kerja")


ALASAN_CUTI = {
    "tahunan": [
        "Keperluan keluarga di kampung halaman",
        "Menghadiri pernikahan saudara",
        "Berlibur bersama keluarga",
        "Mengurus keperluan rumah tangga",
        "Mendampingi anak wisuda",
        "Ibadah umrah",
    ],
    "sakit": ["Demam dan flu", "Sakit gigi, perlu perawatan", "Gangguan pencernaan",
              "Rawat jalan pascaoperasi ringan"],
    "alasan_penting": ["Orang tua sakit keras", "Anggota keluarga meninggal dunia",
                       "Melangsungkan pernikahan",
                       "Mendampingi keluarga yang dirawat di rumah sakit"],
    "melahirkan": ["Persalinan"],
    "besar": ["Menunaikan ibadah haji", "Keperluan keluarga yang memerlukan waktu panjang"],
    "cltn": ["Mendampingi suami/istri tugas belajar di luar negeri",
             "Mengurus orang tua yang sakit menahun"],
}  # fmt: skip


def cuti(k: KonteksBench) -> int:
    """Leave requests of the active employees over the last 12 months (and a month ahead),
    following DOMAIN.md section 5 and the checks of `pegawai.cuti.services`:

    - ~50% one cuti tahunan and ~20% a second (so ~60% took annual leave), 1-5 working days,
      only after one year of service (TMT CPNS), never across a year end: at most 10 days a
      year, within the 12-day entitlement, so `selectors.saldo_cuti` never goes negative;
    - ~4% cuti sakit (1-3 working days; a doctor's letter path when longer than a day),
      ~0.8% cuti karena alasan penting (1-5 days), ~2% of the women cuti melahirkan
      (3 months, 1st-3rd child), ~0.15% cuti besar (1-2 months, 5 years of service, no cuti
      tahunan that year) and a few pending CLTN requests (12 months, starting next month);
    - statuses: older requests ~96% approved (the rest refused or withdrawn); this month's
      and upcoming ones partly waiting for the superior's recommendation or the decision;
    - `jumlah_hari_kerja` counted on the wilayah's calendar (weekends and HariLibur
      excluded), `atasan` = the SKP's pejabat penilai, the decision by the wilayah's
      designated official or its first admin kepegawaian, a letter number on approval, and
      the TransisiStatus rows (the workflow engine's log) of every transition.

    Requests of one employee never overlap: each short kind has its own quarter of the
    window (rotated per employee), the long kinds go to employees without others, and a
    request overlapping an existing one (demo data, a rerun) is skipped. The balance is not
    stored anywhere: it is computed from these rows.

    Attendance is kept consistent with the leave over the attendance window (the working days
    of the last month, `kehadiran`): an approved leave's working days become `cuti` (as
    `services._tandai_kehadiran_cuti` does), and the `cuti` days the attendance step drew
    without any leave behind them become `izin`."""
    from organisasi.models import GRUP_ADMIN_KEPEGAWAIAN
    from pegawai.models import Cuti

    k.cursor.execute("SET LOCAL jit = off")  # compiling costs more than it saves here
    _tabel_hari_kerja(k)
    alasan = [(j, i + 1, t) for j, daftar in ALASAN_CUTI.items() for i, t in enumerate(daftar)]
    awal = k.hari_ini - dt.timedelta(days=335)
    akhir = k.hari_ini + dt.timedelta(days=30)
    n = k.sql(
        """
        WITH alasan AS (
            SELECT * FROM unnest(%(a_jenis)s::text[], %(a_n)s::int[], %(a_teks)s::text[])
                AS a(jenis, n, teks)
        ), jendela AS (
            -- per wilayah: the first working day of the window and a quarter's length
            SELECT wilayah_id, min(i) AS i0, (max(i) - min(i) + 1) / 4 AS seg
            FROM bench_hari_kerja WHERE tanggal BETWEEN %(awal)s AND %(akhir)s
            GROUP BY wilayah_id
        ), p AS (
            SELECT p.id, p.wilayah_id, p.jenis_kelamin, p.tmt_cpns, p.alamat, p.telepon,
                x.x, CASE
                    WHEN x.x %% 10000 < 200 AND p.jenis_kelamin = 'P' THEN 'melahirkan'
                    WHEN x.x %% 10000 BETWEEN 200 AND 214 THEN 'besar'
                    WHEN x.x %% 10000 BETWEEN 215 AND 217 THEN 'cltn' END AS panjang,
                (SELECT s.pejabat_penilai_id FROM kinerja_skp s
                 JOIN kinerja_periodekinerja pk ON pk.id = s.periode_kinerja_id
                     AND pk.tahun = %(tahun)s
                 WHERE s.pegawai_id = p.id LIMIT 1) AS atasan_id
            FROM pegawai_pegawai p
            CROSS JOIN LATERAL (SELECT pg_temp.h(%(seed)s || ':cuti:' || p.id) AS x) x
            WHERE p.status_aktif = 'aktif' AND p.tmt_cpns IS NOT NULL
        ), slot AS (
            -- short kinds: (kind, slot number = quarter offset, per-mille chance, max days)
            SELECT p.*, j.jenis, j.slot, j.maks,
                pg_temp.h(%(seed)s || ':cuti:' || p.id || ':' || j.slot) AS y
            FROM p
            CROSS JOIN (VALUES ('tahunan', 0, 500, 5), ('sakit', 1, 43, 3),
                               ('tahunan', 2, 200, 5), ('alasan_penting', 3, 8, 5))
                AS j(jenis, slot, peluang, maks)
            WHERE p.panjang IS NULL
              AND pg_temp.h(%(seed)s || ':cuti:' || p.id || ':' || j.slot) %% 1000 < j.peluang
        ), pendek AS (
            SELECT s.id AS pegawai_id, s.wilayah_id, s.tmt_cpns, s.alamat, s.telepon,
                s.atasan_id, s.jenis, s.y, m.tanggal AS mulai, e.tanggal AS selesai
            FROM slot s
            JOIN jendela jd ON jd.wilayah_id = s.wilayah_id
            CROSS JOIN LATERAL (SELECT 1 + (s.y / 1000) %% s.maks AS hari,
                jd.i0 + ((s.x / 10000 + s.slot) %% 4) * jd.seg AS i_seg) a
            JOIN bench_hari_kerja m ON m.wilayah_id = s.wilayah_id
                AND m.i = a.i_seg + (s.y / 10000) %% greatest(jd.seg - a.hari + 1, 1)
            -- the last working day of the leave, not past the start's year end
            CROSS JOIN LATERAL (SELECT max(d.tanggal) AS tanggal FROM bench_hari_kerja d
                WHERE d.wilayah_id = s.wilayah_id AND d.i BETWEEN m.i AND m.i + a.hari - 1
                  AND extract(year FROM d.tanggal) = extract(year FROM m.tanggal)) e
            WHERE (s.jenis <> 'tahunan' OR s.tmt_cpns <= m.tanggal - interval '1 year')
              AND (s.jenis <> 'sakit' OR m.tanggal <= %(hari_ini)s)  -- nobody is sick ahead
        ), panjang AS (
            -- long kinds, one per employee: melahirkan (women), besar, cltn (pending)
            SELECT p.id AS pegawai_id, p.wilayah_id, p.tmt_cpns, p.alamat, p.telepon,
                p.atasan_id, j.jenis, pg_temp.h(%(seed)s || ':cuti:' || p.id || ':9') AS y,
                m.tanggal AS mulai,
                (m.tanggal + make_interval(months => j.bulan + (p.x / 10000) %% j.tambah))::date
                    - 1 AS selesai
            FROM p
            JOIN jendela jd ON jd.wilayah_id = p.wilayah_id
            CROSS JOIN LATERAL (SELECT p.panjang AS jenis,
                CASE p.panjang WHEN 'cltn' THEN 12 WHEN 'melahirkan' THEN 3 ELSE 1 END AS bulan,
                CASE p.panjang WHEN 'besar' THEN 2 ELSE 1 END AS tambah) j
            JOIN bench_hari_kerja m ON m.wilayah_id = p.wilayah_id AND m.i = CASE
                WHEN j.jenis = 'cltn' THEN jd.i0 + 4 * jd.seg + (p.x / 10000) %% 20
                ELSE jd.i0 + (p.x / 10000) %% (4 * jd.seg) END
            WHERE p.panjang IS NOT NULL
              AND (j.jenis = 'melahirkan' OR p.tmt_cpns <= m.tanggal - interval '5 years')
        ), r0 AS (
            SELECT * FROM pendek UNION ALL SELECT * FROM panjang
        ), r AS MATERIALIZED (
            SELECT r0.*, z.z, w.zona_waktu, upper(left(w.kode, 3)) AS kode_w,
                coalesce(pu.pengguna_id, hr.id) AS pemutus_id,
                (SELECT count(*) FROM bench_hari_kerja d
                 WHERE d.wilayah_id = r0.wilayah_id
                   AND d.tanggal BETWEEN r0.mulai AND r0.selesai)
                + CASE WHEN r0.selesai > %(hari_ini)s + 150 THEN (
                    SELECT count(*) FROM generate_series(
                        %(hari_ini)s + 151, r0.selesai, interval '1 day') g
                    WHERE extract(isodow FROM g) < 6 AND NOT EXISTS (
                        SELECT 1 FROM pegawai_harilibur l
                        WHERE l.wilayah_id = r0.wilayah_id AND l.tanggal = g::date))
                  ELSE 0 END AS hari,
                CASE
                    WHEN r0.jenis = 'cltn' THEN
                        CASE WHEN z.z %% 100 < 50 THEN 'diajukan' ELSE 'direkomendasikan' END
                    WHEN r0.mulai > %(hari_ini)s THEN CASE
                        WHEN z.z %% 100 < 45 THEN 'disetujui'
                        WHEN z.z %% 100 < 65 THEN 'direkomendasikan'
                        WHEN z.z %% 100 < 85 THEN 'diajukan'
                        WHEN z.z %% 100 < 95 THEN 'ditolak' ELSE 'dibatalkan' END
                    WHEN r0.mulai >= date_trunc('month', %(hari_ini)s::date) THEN CASE
                        WHEN z.z %% 100 < 86 THEN 'disetujui'
                        WHEN z.z %% 100 < 92 THEN 'ditolak'
                        WHEN z.z %% 100 < 97 THEN 'direkomendasikan'
                        ELSE 'diajukan' END
                    ELSE CASE
                        WHEN z.z %% 100 < 96 THEN 'disetujui'
                        WHEN z.z %% 100 < 99 THEN 'ditolak' ELSE 'dibatalkan' END
                END AS status0,
                -- submitted: a sick leave after it, the others 3-14 days before (not later
                -- than today), 08:00-11:59 local time
                (CASE WHEN r0.jenis = 'sakit' THEN least(r0.selesai + 1, %(hari_ini)s)
                      ELSE least(r0.mulai - 3 - (z.z / 100) %% 12, %(hari_ini)s) END
                 + time '08:00' + make_interval(mins => (z.z / 1200) %% 240))
                    AT TIME ZONE w.zona_waktu AS diajukan_pada,
                nextval(pg_get_serial_sequence('pegawai_cuti', 'id')) AS id
            FROM r0
            -- status, submission time and reason: a hash of their own
            CROSS JOIN LATERAL (SELECT pg_temp.h(
                %(seed)s || ':cuti-z:' || r0.pegawai_id || ':' || r0.mulai) AS z) z
            JOIN organisasi_wilayah w ON w.id = r0.wilayah_id
            LEFT JOIN pegawai_pengaturancuti pc ON pc.wilayah_id = r0.wilayah_id
            LEFT JOIN pegawai_pegawai pu ON pu.id = pc.pejabat_pemutus_id
            LEFT JOIN LATERAL (SELECT min(u.id) AS id FROM organisasi_pengguna u
                JOIN organisasi_pengguna_groups ug ON ug.pengguna_id = u.id
                JOIN auth_group g ON g.id = ug.group_id AND g.name = %(grup_hr)s
                WHERE u.wilayah_id = r0.wilayah_id AND u.is_active) hr ON true
            WHERE NOT EXISTS (SELECT 1 FROM pegawai_cuti c WHERE c.pegawai_id = r0.pegawai_id
                                AND c.tanggal_mulai <= r0.selesai
                                AND c.tanggal_selesai >= r0.mulai)
              AND (r0.jenis <> 'besar' OR NOT EXISTS (
                    SELECT 1 FROM pegawai_cuti c WHERE c.pegawai_id = r0.pegawai_id
                      AND c.jenis = 'tahunan'
                      AND c.status IN ('diajukan', 'direkomendasikan', 'disetujui')
                      AND extract(year FROM c.tanggal_mulai) = extract(year FROM r0.mulai)))
              AND (r0.jenis <> 'tahunan' OR NOT EXISTS (
                    SELECT 1 FROM pegawai_cuti c WHERE c.pegawai_id = r0.pegawai_id
                      AND c.jenis = 'besar'
                      AND c.status IN ('diajukan', 'direkomendasikan', 'disetujui')
                      AND extract(year FROM c.tanggal_mulai) = extract(year FROM r0.mulai)))
        ), t AS (
            SELECT r.*,
                -- without a superior a request goes straight to the decision
                CASE WHEN r.status0 = 'diajukan' AND r.atasan_id IS NULL
                     THEN 'direkomendasikan' ELSE r.status0 END AS status,
                -- a day and two days later, but not after noon today
                least(r.diajukan_pada + interval '1 day 2 hours', greatest(r.diajukan_pada,
                    (%(hari_ini)s + time '12:00') AT TIME ZONE r.zona_waktu))
                    AS rekomendasi_pada,
                least(r.diajukan_pada + interval '2 days 3 hours', greatest(r.diajukan_pada,
                    (%(hari_ini)s + time '12:30') AT TIME ZONE r.zona_waktu)) AS putusan_pada
            FROM r
        )
        INSERT INTO pegawai_cuti (id, created_at, updated_at, jenis, tanggal_mulai,
            tanggal_selesai, jumlah_hari_kerja, alasan, alamat_selama_cuti, telepon, anak_ke,
            dokter_pemerintah, lampiran, status, catatan_atasan, direkomendasikan_pada,
            catatan_keputusan, diputuskan_pada, nomor_surat, atasan_id, diputuskan_oleh_id,
            pegawai_id)
        SELECT t.id, t.diajukan_pada,
            CASE WHEN t.status IN ('disetujui', 'ditolak') THEN t.putusan_pada
                 WHEN t.status = 'direkomendasikan' AND t.atasan_id IS NOT NULL
                     THEN t.rekomendasi_pada
                 WHEN t.status = 'dibatalkan' THEN t.diajukan_pada + interval '1 day'
                 ELSE t.diajukan_pada END,
            t.jenis, t.mulai, t.selesai, t.hari,
            (SELECT a.teks FROM alasan a WHERE a.jenis = t.jenis
             AND a.n = 1 + (t.z / 288000) %% (SELECT count(*) FROM alasan b
                                                WHERE b.jenis = t.jenis)),
            left(coalesce(t.alamat, ''), 255), left(coalesce(t.telepon, ''), 30),
            CASE WHEN t.jenis = 'melahirkan' THEN 1 + (t.y / 100000) %% 3 END,
            false,
            CASE WHEN t.jenis = 'sakit' AND t.selesai > t.mulai
                 THEN 'cuti/lampiran/' || extract(year FROM t.mulai) || '/surat_dokter.pdf'
                 ELSE '' END,
            t.status,
            CASE WHEN t.atasan_id IS NOT NULL AND t.status IN ('direkomendasikan', 'disetujui',
                'ditolak') THEN 'Pekerjaan sudah diserahterimakan.' ELSE '' END,
            CASE WHEN t.atasan_id IS NOT NULL AND t.status IN ('direkomendasikan', 'disetujui',
                'ditolak') THEN t.rekomendasi_pada END,
            CASE WHEN t.status = 'ditolak' THEN 'Bertepatan dengan jadwal pelayanan padat.'
                 ELSE '' END,
            CASE WHEN t.status IN ('disetujui', 'ditolak') THEN t.putusan_pada END,
            CASE WHEN t.status = 'disetujui' THEN '800.1.11.4/'
                || lpad(t.id::text, greatest(5, length(t.id::text)), '0')
                || '/' || t.kode_w || '/' || extract(year FROM t.putusan_pada) ELSE '' END,
            t.atasan_id,
            CASE WHEN t.status IN ('disetujui', 'ditolak') THEN t.pemutus_id END,
            t.pegawai_id
        FROM t
        ORDER BY t.pegawai_id, t.mulai
        """,
        {
            "awal": awal,
            "akhir": akhir,
            "grup_hr": GRUP_ADMIN_KEPEGAWAIAN,
            "a_jenis": [a[0] for a in alasan],
            "a_n": [a[1] for a in alasan],
            "a_teks": [a[2] for a in alasan],
        },
    )
    # Every transition of the new requests (the ones without history yet), in the engine's
    # log (TransisiStatus) as `asn_kinerja.workflow` writes it.
    from django.contrib.contenttypes.models import ContentType

    ct_cuti = ContentType.objects.get_for_model(Cuti).pk
    n_riwayat = k.sql(
        """
        INSERT INTO kinerja_transisistatus (dari, ke, oleh_id, created_at, updated_at, catatan,
                                            object_id, content_type_id, wilayah_id)
        SELECT l.dari, l.ke, l.oleh_id, l.pada, l.pada, l.catatan, c.id, %(ct)s, p.wilayah_id
        FROM pegawai_cuti c
        JOIN pegawai_pegawai p ON p.id = c.pegawai_id
        LEFT JOIN pegawai_pegawai a ON a.id = c.atasan_id
        CROSS JOIN LATERAL (VALUES
            (1, '', 'diajukan', p.pengguna_id, c.created_at, c.alasan, true),
            (2, 'diajukan', 'direkomendasikan',
                CASE WHEN c.atasan_id IS NOT NULL THEN a.pengguna_id END,
                coalesce(c.direkomendasikan_pada, c.created_at),
                CASE WHEN c.atasan_id IS NOT NULL THEN c.catatan_atasan
                     ELSE 'Tanpa atasan langsung: diteruskan ke pejabat yang memutus.' END,
                c.status IN ('direkomendasikan', 'disetujui', 'ditolak')),
            (3, 'direkomendasikan', c.status, c.diputuskan_oleh_id, c.diputuskan_pada,
                c.catatan_keputusan, c.status IN ('disetujui', 'ditolak')),
            (4, 'diajukan', 'dibatalkan', p.pengguna_id, c.updated_at, '',
                c.status = 'dibatalkan')
        ) AS l(urutan, dari, ke, oleh_id, pada, catatan, ada)
        WHERE l.ada
          AND NOT EXISTS (SELECT 1 FROM kinerja_transisistatus x
                          WHERE x.content_type_id = %(ct)s AND x.object_id = c.id)
        ORDER BY c.id, l.urutan
        """,
        {"ct": ct_cuti},
    )
    hari = _hari_kerja(k)
    n_hadir = n_izin = 0
    if hari:
        # Approved leave days of the attendance window say `cuti` (insert or overwrite, like
        # services._tandai_kehadiran_cuti; a row already saying so is left alone).
        n_hadir = k.sql(
            """
            INSERT INTO pegawai_kehadiran (created_at, updated_at, tanggal, jam_masuk,
                jam_pulang, status, menit_terlambat, menit_pulang_cepat, keterangan, sumber,
                pegawai_id)
            SELECT now(), now(), d.tanggal, NULL, NULL, 'cuti', 0, 0,
                left(j.label || ' (' || c.nomor_surat || ')', 255), 'cuti', c.pegawai_id
            FROM pegawai_cuti c
            JOIN pegawai_pegawai p ON p.id = c.pegawai_id
            JOIN unnest(%(l_jenis)s::text[], %(l_label)s::text[]) AS j(jenis, label)
                ON j.jenis = c.jenis
            JOIN bench_hari_kerja d ON d.wilayah_id = p.wilayah_id
                AND d.tanggal BETWEEN c.tanggal_mulai AND c.tanggal_selesai
                AND d.tanggal = ANY(%(hari)s::date[])
            WHERE c.status = 'disetujui'
              AND c.tanggal_selesai >= %(dari)s AND c.tanggal_mulai <= %(sampai)s
            ORDER BY c.pegawai_id, d.tanggal
            ON CONFLICT (pegawai_id, tanggal) DO UPDATE SET
                status = EXCLUDED.status, jam_masuk = NULL, jam_pulang = NULL,
                menit_terlambat = 0, menit_pulang_cepat = 0,
                keterangan = EXCLUDED.keterangan, sumber = EXCLUDED.sumber,
                updated_at = EXCLUDED.updated_at
            WHERE (pegawai_kehadiran.status, pegawai_kehadiran.sumber,
                   pegawai_kehadiran.keterangan)
                IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.sumber, EXCLUDED.keterangan)
            """,
            {
                "hari": hari,
                "dari": hari[0],
                "sampai": hari[-1],
                "l_jenis": [j.value for j in Cuti.Jenis],
                "l_label": [str(j.label) for j in Cuti.Jenis],
            },
        )
        # `cuti` days with no approved leave behind them (the attendance step draws some): an
        # excused day without a leave request is an `izin`.
        n_izin = k.sql(
            """
            UPDATE pegawai_kehadiran h
            SET status = 'izin', keterangan = 'Izin keperluan keluarga', sumber = 'manual',
                updated_at = now()
            WHERE h.status = 'cuti' AND h.tanggal BETWEEN %(dari)s AND %(sampai)s
              AND NOT EXISTS (SELECT 1 FROM pegawai_cuti c
                              WHERE c.pegawai_id = h.pegawai_id AND c.status = 'disetujui'
                                AND h.tanggal BETWEEN c.tanggal_mulai AND c.tanggal_selesai)
            """,
            {"dari": hari[0], "sampai": hari[-1]},
        )
    k.log(
        f"    cuti: {n} pengajuan, {n_riwayat} riwayat status, {n_hadir} hari kehadiran -> cuti,"
        f" {n_izin} hari cuti tanpa pengajuan -> izin"
    )
    return n + n_riwayat


def skm(k: KonteksBench) -> int:
    """Citizen feedback (TanggapanSKM) for every service unit of the demo (kinerja/skm/demo.py)
    on each of its working days from the start of the year (or its opening) to yesterday:
    ~20-50 responses a day per unit (busier on Mondays), sent 08:00-15:00 local time.

    Ratings follow the unit's quality profile of the demo (`demo.UNIT`, 0.75 for other
    units) with the demo's distribution (mostly 3-4), correlated within a response (a
    satisfied citizen rates most elements alike); free services (kelurahan, PATEN) always
    get 4 for the cost element. ~40% name an officer of the unit, ~30% leave a comment
    (praise or complaint by the mean rating), half of those a contact; most complaints older
    than a few days are answered by the wilayah's admin kepegawaian and partly followed up.
    `kunci` is an md5 of seed, unit, day and number: a rerun inserts nothing (ON CONFLICT)."""
    from kinerja.skm import demo
    from organisasi.models import GRUP_ADMIN_KEPEGAWAIAN

    # JIT would compile the nine rating expressions for seconds to save less than that.
    k.cursor.execute("SET LOCAL jit = off")
    _tabel_hari_kerja(k)
    profil = [
        (kode, round(mutu**1.5 * 0.85 * 1000), kode.startswith(("GYG-KEL", "GYG-PEM")))
        for daftar in demo.UNIT.values()
        for kode, _nama, _layanan, mutu, _n in daftar
    ]

    def nilai(md5: str, posisi: int) -> str:
        """A rating 1-4 from 12 bits of `md5` at `posisi` (1-based), per mille against the
        unit's thresholds (the distribution of `demo._nilai`)."""
        r = f"(('x' || substr({md5}, {posisi}, 3))::bit(12)::int * 1000 / 4096)"
        return (
            f"CASE WHEN {r} < r.t4 THEN 4 WHEN {r} < r.t3 THEN 3 WHEN {r} < r.t2 THEN 2 ELSE 1 END"
        )

    # Element i follows the response's mood (60%) or draws on its own.
    unsur = ",\n".join(
        f"CASE WHEN ('x' || substr(r.a, {3 * i + 1}, 3))::bit(12)::int < 2458 THEN m.mood "
        f"ELSE {nilai('r.b', 3 * i - 2)} END AS u{i}"
        for i in range(1, 10)
    )
    return k.sql(
        f"""
        WITH profil AS (
            SELECT * FROM unnest(%(p_kode)s::text[], %(p4)s::int[], %(gratis)s::bool[])
                AS x(kode, p4, gratis)
        ), ul AS MATERIALIZED (
            SELECT ul.id, ul.wilayah_id, w.zona_waktu,
                coalesce(pr.p4, 552) AS t4,
                coalesce(pr.p4, 552) + (1000 - coalesce(pr.p4, 552)) * 65 / 100 AS t3,
                coalesce(pr.p4, 552) + (1000 - coalesce(pr.p4, 552)) * 90 / 100 AS t2,
                coalesce(pr.gratis, false) AS gratis,
                greatest(make_date(%(tahun)s, 1, 1),
                         (ul.dibuka_pada AT TIME ZONE w.zona_waktu)::date) AS dari,
                least(%(hari_ini)s - 1,
                      coalesce((ul.ditutup_pada AT TIME ZONE w.zona_waktu)::date,
                               %(hari_ini)s)) AS sampai,
                20 + pg_temp.h(%(seed)s || ':skm:' || ul.id) %% 31 AS dasar,
                (SELECT array_agg(j.id ORDER BY j.urutan, j.id) FROM skm_jenislayanan j
                 WHERE j.unit_layanan_id = ul.id AND j.aktif) AS jenis,
                (SELECT count(*) FROM skm_unitlayanan_petugas pt
                 WHERE pt.unitlayanan_id = ul.id) AS n_petugas,
                (SELECT min(u.id) FROM organisasi_pengguna u
                 JOIN organisasi_pengguna_groups ug ON ug.pengguna_id = u.id
                 JOIN auth_group g ON g.id = ug.group_id AND g.name = %(grup_hr)s
                 WHERE u.wilayah_id = ul.wilayah_id AND u.is_active) AS hr_id
            FROM skm_unitlayanan ul
            JOIN organisasi_wilayah w ON w.id = ul.wilayah_id
            JOIN organisasi_unitkerja uk ON uk.id = ul.unit_id
            LEFT JOIN profil pr ON pr.kode = uk.kode
        ), petugas AS (
            -- the officers citizens can pick, numbered per unit (an array of a unit's
            -- thousands of bench employees carried on every row would cost ~1 min)
            SELECT pt.unitlayanan_id, pt.pegawai_id,
                row_number() OVER (PARTITION BY pt.unitlayanan_id ORDER BY pt.pegawai_id) AS i
            FROM skm_unitlayanan_petugas pt
        ), r AS (
            SELECT ul.*, d.tanggal, g.n,
                md5(%(seed)s || ':skm:' || ul.id || ':' || d.tanggal || ':' || g.n) AS a,
                md5(%(seed)s || ':skm-nilai:' || ul.id || ':' || d.tanggal || ':' || g.n) AS b
            FROM ul
            JOIN bench_hari_kerja d ON d.wilayah_id = ul.wilayah_id
                AND d.tanggal BETWEEN ul.dari AND ul.sampai
            CROSS JOIN LATERAL generate_series(1, (ul.dasar
                * (60 + pg_temp.h(%(seed)s || ':skm:' || ul.id || ':' || d.tanggal) %% 81)
                * CASE extract(isodow FROM d.tanggal) WHEN 1 THEN 125 WHEN 5 THEN 80
                       ELSE 100 END / 10000)::int) AS g(n)
            WHERE ul.jenis IS NOT NULL
        ), v AS MATERIALIZED (
            -- 12-bit slices of the two md5s: a[1] the mood, a[2..10] "follows the mood",
            -- b[1..9] the elements' own draws, b[10..11] the other choices
            SELECT r.id, r.wilayah_id, r.zona_waktu, r.gratis, r.n_petugas, r.jenis, r.hr_id,
                r.tanggal, r.n, r.a, r.b, {unsur}
            FROM r
            CROSS JOIN LATERAL (SELECT {nilai("r.a", 1)} AS mood) m
        ), t AS (
            SELECT v.*,
                ('x' || substr(v.b, 28, 5))::bit(20)::int AS c,
                (v.tanggal + time '08:00'
                 + make_interval(secs => ('x' || substr(v.a, 31, 2))::bit(8)::int * 98
                                         + v.n %% 98)) AT TIME ZONE v.zona_waktu AS pada,
                CASE WHEN v.gratis THEN 4 ELSE v.u4 END AS u4_,
                (v.u1 + v.u2 + v.u3 + CASE WHEN v.gratis THEN 4 ELSE v.u4 END
                 + v.u5 + v.u6 + v.u7 + v.u8 + v.u9) AS total
            FROM v
        ), s AS (
            SELECT t.*,
                t.c %% 100 < 30 AS berkomentar,
                t.c %% 100 < 30 AND t.total < 27 AND (t.c / 100) %% 10 < 6
                    AND t.tanggal <= %(hari_ini)s - 3 AND t.hr_id IS NOT NULL AS dijawab,
                (t.c / 1000) %% 10 < 6 AND t.tanggal <= %(hari_ini)s - 6 AS ditindaklanjuti
            FROM t
        )
        INSERT INTO skm_tanggapanskm (kunci, dikirim_pada, tanggal, u1, u2, u3, u4, u5, u6, u7,
            u8, u9, komentar, kontak, jawaban, dijawab_pada, ditindaklanjuti,
            ditindaklanjuti_pada, updated_at, dijawab_oleh_id, jenis_layanan_id, petugas_id,
            unit_layanan_id)
        SELECT substr(md5(%(seed)s || ':skm-kunci:' || s.id || ':' || s.tanggal || ':' || s.n),
                      1, 22),
            s.pada, s.tanggal, s.u1, s.u2, s.u3, s.u4_, s.u5, s.u6, s.u7, s.u8, s.u9,
            CASE WHEN NOT s.berkomentar THEN ''
                 WHEN s.total >= 27 THEN (%(baik)s::text[])[1 + (s.c / 10) %% %(n_baik)s]
                 ELSE (%(buruk)s::text[])[1 + (s.c / 10) %% %(n_buruk)s] END,
            CASE WHEN s.berkomentar AND (s.c / 10000) %% 2 = 0 THEN
                CASE WHEN (s.c / 20000) %% 2 = 0 THEN 'warga' || s.id || s.n || '@contoh.id'
                     ELSE '0812' || lpad(((s.c * 37) %% 100000000)::text, 8, '0') END
                 ELSE '' END,
            CASE WHEN s.dijawab THEN (%(jawaban)s::text[])[1 + (s.c / 7) %% %(n_jawaban)s]
                 ELSE '' END,
            CASE WHEN s.dijawab THEN s.pada + interval '2 days' END,
            s.dijawab AND s.ditindaklanjuti,
            CASE WHEN s.dijawab AND s.ditindaklanjuti THEN s.pada + interval '5 days' END,
            CASE WHEN s.dijawab AND s.ditindaklanjuti THEN s.pada + interval '5 days'
                 WHEN s.dijawab THEN s.pada + interval '2 days' ELSE s.pada END,
            CASE WHEN s.dijawab THEN s.hr_id END,
            s.jenis[1 + (s.c / 3) %% array_length(s.jenis, 1)],
            pt.pegawai_id,
            s.id
        FROM s
        LEFT JOIN petugas pt ON pt.unitlayanan_id = s.id AND (s.c / 100000) %% 10 < 4
            AND pt.i = 1 + (s.c / 11) %% greatest(s.n_petugas, 1)
        ORDER BY s.pada, s.id, s.n
        ON CONFLICT (kunci) DO NOTHING
        """,
        {
            "p_kode": [p[0] for p in profil],
            "p4": [p[1] for p in profil],
            "gratis": [p[2] for p in profil],
            "grup_hr": GRUP_ADMIN_KEPEGAWAIAN,
            "baik": demo.KOMENTAR["baik"],
            "n_baik": len(demo.KOMENTAR["baik"]),
            "buruk": demo.KOMENTAR["buruk"],
            "n_buruk": len(demo.KOMENTAR["buruk"]),
            "jawaban": demo.JAWABAN,
            "n_jawaban": len(demo.JAWABAN),
        },
    )


#: Candidates for the rush accounts (same ordering in the INSERT and the UPDATE that links
#: them): employees with an evaluation they can still fill, spread over the id range ...
_CALON_PEGAWAI = """
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
                  WHERE s.pegawai_id = p.id)"""
#: ... and the heads with the most evaluations waiting for their rating.
_CALON_ATASAN = """
            SELECT p.id, p.wilayah_id, p.nama,
                row_number() OVER (ORDER BY count(*) DESC, p.id) AS i
            FROM kinerja_evaluasiperiodik e
            JOIN kinerja_skp s ON s.id = e.skp_id
            JOIN pegawai_pegawai p ON p.id = s.pejabat_penilai_id
            WHERE e.status = 'realisasi_diajukan' AND p.pengguna_id IS NULL
            GROUP BY p.id"""


def evaluasi_tahunan(k: KonteksBench) -> int:
    """A FINAL annual evaluation for the year's SKP of every active employee without one, so
    the talent 9-box (`kinerja.talenta`, axis = the final annual predikat) has its kinerja
    axis at scale: each rating ~15% di atas, ~75% sesuai, ~10% di bawah, the predikat from
    the matrix (the database checks it), rated by the SKP's pejabat penilai."""
    from kinerja.rules import MATRIKS_PREDIKAT

    matriks = ", ".join(
        f"('{h.value}', '{p.value}', '{pr.value}')" for (h, p), pr in MATRIKS_PREDIKAT.items()
    )
    return k.sql(
        f"""
        WITH e AS (
            SELECT s.id AS skp_id, s.pejabat_penilai_id,
                CASE WHEN x.a < 15 THEN 'di_atas' WHEN x.a < 90 THEN 'sesuai'
                     ELSE 'di_bawah' END AS rh,
                CASE WHEN x.b < 15 THEN 'di_atas' WHEN x.b < 90 THEN 'sesuai'
                     ELSE 'di_bawah' END AS rp
            FROM kinerja_skp s
            JOIN kinerja_periodekinerja pk ON pk.id = s.periode_kinerja_id
                AND pk.tahun = %(tahun)s
            JOIN pegawai_pegawai p ON p.id = s.pegawai_id AND p.status_aktif = 'aktif'
            CROSS JOIN LATERAL (SELECT
                pg_temp.h(%(seed)s || ':th:' || s.id) %% 100 AS a,
                pg_temp.h(%(seed)s || ':tp:' || s.id) %% 100 AS b) x
            WHERE s.status = 'disetujui'
        )
        INSERT INTO kinerja_evaluasitahunan (created_at, updated_at, status, rating_hasil,
            rating_perilaku, predikat, predikat_usulan, catatan_penilai, diajukan_pada,
            dinilai_pada, final_pada, dinilai_oleh_id, skp_id)
        SELECT now(), now(), 'final', e.rh, e.rp, m.predikat, m.predikat, '',
            %(hari_ini)s - 9 + time '10:00', %(hari_ini)s - 6 + time '09:00',
            %(hari_ini)s - 3 + time '09:00', e.pejabat_penilai_id, e.skp_id
        FROM e
        JOIN (VALUES {matriks}) AS m(rh, rp, predikat) ON m.rh = e.rh AND m.rp = e.rp
        ORDER BY e.skp_id
        ON CONFLICT (skp_id) DO NOTHING
        """
    )


def potensi(k: KonteksBench) -> int:
    """Potential results (`talenta_hasilpotensi`) for the 9-box: ~80% of active employees
    without one get a result of this year (score 40-100 by hash, dated between 15 January
    and today, one of the three sources), and ~30% an older one of last year too,
    so "the latest result on or before 31 December" chooses among several rows. The level
    comes from the wilayah's thresholds (`talenta_pengaturantalenta`, else 60/80), as
    `kinerja.talenta.services.hasil_potensi_catat` derives it."""
    sql = """
        INSERT INTO talenta_hasilpotensi (created_at, updated_at, wilayah_id, pegawai_id,
            sumber, tanggal, skor, level, catatan, dicatat_oleh_id)
        SELECT now(), now(), p.id_wilayah, p.id, x.sumber, x.tanggal, x.skor,
            CASE WHEN x.skor >= coalesce(t.batas_tinggi, 80) THEN 'tinggi'
                 WHEN x.skor >= coalesce(t.batas_menengah, 60) THEN 'menengah'
                 ELSE 'rendah' END,
            '', NULL
        FROM (SELECT id, wilayah_id AS id_wilayah FROM pegawai_pegawai
              WHERE status_aktif = 'aktif') p
        LEFT JOIN talenta_pengaturantalenta t ON t.wilayah_id = p.id_wilayah
        CROSS JOIN LATERAL (SELECT
            (ARRAY['assessment_center', 'uji_kompetensi', 'penilaian_atasan'])[
                1 + pg_temp.h(%(seed)s || ':ps{tag}:' || p.id) %% 3] AS sumber,
            {tanggal} AS tanggal,
            (40 + pg_temp.h(%(seed)s || ':pk{tag}:' || p.id) %% 6001 / 100.0)::numeric(5, 2)
                AS skor,
            pg_temp.h(%(seed)s || ':pa{tag}:' || p.id) %% 100 AS r) x
        WHERE x.r < {persen}
          AND NOT EXISTS (SELECT 1 FROM talenta_hasilpotensi h WHERE h.pegawai_id = p.id
                          AND {sudah})
        ORDER BY p.id
        ON CONFLICT (pegawai_id, sumber, tanggal) DO NOTHING
    """
    awal = "make_date(%(tahun)s, 1, 15)"
    ini = f"""least(%(hari_ini)s, {awal} + (pg_temp.h(%(seed)s || ':pt:' || p.id)
              %% greatest(1, %(hari_ini)s - {awal}))::int)"""
    lalu = "make_date(%(tahun)s - 1, 3, 1) + (pg_temp.h(%(seed)s || ':pl:' || p.id) %% 270)::int"
    n = k.sql(sql.format(tag="", tanggal=ini, persen=80,
                         sudah="h.tanggal >= make_date(%(tahun)s, 1, 1)"))  # fmt: skip
    n += k.sql(sql.format(tag="l", tanggal=lalu, persen=30, sudah="h.tanggal < make_date(%(tahun)s, 1, 1)"))  # fmt: skip
    return n


def akun_bench(k: KonteksBench) -> int:
    """Accounts for the month-end rush: `bench_pegawai_NNN` (employees with an evaluation
    they can still fill: belum_diisi in an open window) and `bench_atasan_NN` (heads with
    the fullest inbox), password of the demo accounts. Demo accounts stay as they are."""
    from django.contrib.auth.hashers import make_password

    from asn_kinerja.demo import DEMO_PASSWORD

    sandi = make_password(DEMO_PASSWORD)
    n = 0
    # Employees (see _CALON_PEGAWAI).
    n += k.sql(
        f"""
        WITH calon AS (
{_CALON_PEGAWAI}
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
        f"""
        WITH calon AS (
{_CALON_ATASAN}
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
        f"""
        WITH calon AS (
{_CALON_PEGAWAI}
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
        f"""
        WITH calon AS (
{_CALON_ATASAN}
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


#: The steps, in order. Append a function `(KonteksBench) -> int` for a new capability
#: before `akun_bench`.
LANGKAH: list[Callable[[KonteksBench], int]] = [
    periode,
    skp,
    rhk,
    indikator,
    evaluasi,
    realisasi,
    log_harian,
    kehadiran,
    cuti,
    skm,
    evaluasi_tahunan,
    potensi,
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
        # Each step is one big INSERT ... SELECT run once: JIT compilation (on by default for
        # such cost estimates) added seconds per step and saved nothing.
        cursor.execute("SET jit = off")
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
    from asn_kinerja.waktu import hari_ini

    t0 = time.monotonic()
    k = seed_bench(
        seed=args.seed, hari_ini=args.tanggal or hari_ini(), replika=args.tanpa_fk_trigger
    )
    print(f"bench data: {sum(k.baris.values())} baris, {time.monotonic() - t0:.1f} dtk")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
