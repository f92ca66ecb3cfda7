"""The recap computation of the reporting app.

`rekap_hitung` is set-based: three `INSERT ... SELECT ... ON CONFLICT DO UPDATE` statements
(employee rows from the evaluation tables, unit rows from the employee rows, the wilayah row
from the unit rows), one read + one update for the distribution curve of the units that have
a predikat, and deletes of rows that no longer belong. The number of queries is the same for
10 or 100,000 employees, and a rerun of a period gives the same rows with the same ids.

An upsert rewrites an employee or unit row only when one of its values changed (`WHERE ...
IS DISTINCT FROM EXCLUDED ...`): a rerun over unchanged data writes almost nothing (no new
row versions, index entries or dead tuples). So `dihitung_pada` of an employee/unit row is
the run that last changed it; the wilayah row is written on every run and carries the time
of the last run.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.choices import Predikat
from kinerja.models import (
    SKP,
    EvaluasiPeriodik,
    IndikatorKinerja,
    LogHarian,
    PeriodePenilaian,
    PredikatUnit,
    RealisasiIndikator,
    RencanaHasilKerja,
)
from kinerja.rules import cek_kurva
from pegawai.choices import STATUS_HADIR
from pegawai.models import Kehadiran, Pegawai

from ..models import KOLOM_ANGKA, ProsesLaporan, RekapPegawai, RekapUnit, RekapWilayah
from ..selectors import EVALUASI_DINILAI, SKP_DISETUJUI, SKP_MENUNGGU_PENILAI

Kemajuan = Callable[[int, str], None]


def _t(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


_KOLOM_PEGAWAI = [
    "periode_penilaian_id", "pegawai_id", "wilayah_id", "unit_id", "skp_id",
    "pejabat_penilai_id", "status_skp", "evaluasi_id", "status_evaluasi", "rating_hasil",
    "rating_perilaku", "predikat", "jumlah_indikator", "jumlah_realisasi", "jumlah_log_harian",
    "hari_tercatat", "hari_hadir", "hari_terlambat", "hari_alpa", "menit_terlambat",
    "menit_pulang_cepat", "dihitung_pada",
]  # fmt: skip


def _set_excluded(kolom: list[str], kunci: set[str]) -> str:
    return ", ".join(f"{k} = EXCLUDED.{k}" for k in kolom if k not in kunci)


def _jika_berubah(tabel: str, kolom: list[str], abaikan: set[str]) -> str:
    """The `WHERE` of a `DO UPDATE`: only rows whose values differ from the new ones. An
    unchanged row is left alone (no new row version, no index writes, no dead tuple)."""
    dibanding = [k for k in kolom if k not in abaikan]
    lama = ", ".join(f"{tabel}.{k}" for k in dibanding)
    baru = ", ".join(f"EXCLUDED.{k}" for k in dibanding)
    return f"WHERE ({lama}) IS DISTINCT FROM ({baru})"


def _sql_rekap_pegawai() -> str:
    """One row per active employee of the wilayah.

    Plain joins from the employees (no CTEs: a materialised CTE has no statistics, its joins
    were estimated at 10^19 rows, which planned badly and switched JIT compilation on). The
    per-SKP and per-evaluation counts are LATERAL index probes (their rows are few per key
    and stored together), attendance too (the unique (pegawai, tanggal) index; a month is ~20
    rows per employee, cheaper than hashing the whole month of every wilayah). The daily logs
    are one grouped scan of the wilayah's month (the `wilayah_id` of the log row counts, as
    before, and no index carries it next to the employee)."""
    kolom = ", ".join(_KOLOM_PEGAWAI)
    tabel = _t(RekapPegawai)
    return f"""
INSERT INTO {tabel} AS rp ({kolom})
SELECT %(periode)s, p.id, %(wilayah)s, p.unit_id, s.id, s.pejabat_penilai_id,
       coalesce(s.status, ''), e.id, coalesce(e.status, ''), coalesce(e.rating_hasil, ''),
       coalesce(e.rating_perilaku, ''), coalesce(e.predikat, ''),
       iki.n, realisasi.n, coalesce(log.n, 0),
       hadir.tercatat, hadir.hadir, hadir.terlambat, hadir.alpa, hadir.menit_terlambat,
       hadir.menit_pulang_cepat, %(sekarang)s
FROM {_t(Pegawai)} p
LEFT JOIN {_t(SKP)} s ON s.pegawai_id = p.id AND s.periode_kinerja_id = %(periode_kinerja)s
LEFT JOIN {_t(EvaluasiPeriodik)} e
    ON e.skp_id = s.id AND e.periode_penilaian_id = %(periode)s
CROSS JOIN LATERAL (
    SELECT count(*) AS n FROM {_t(RencanaHasilKerja)} r
    JOIN {_t(IndikatorKinerja)} i ON i.rhk_id = r.id
    WHERE r.skp_id = s.id
) iki
CROSS JOIN LATERAL (
    SELECT count(*) AS n FROM {_t(RealisasiIndikator)} ri
    WHERE ri.evaluasi_id = e.id AND (ri.nilai IS NOT NULL OR ri.narasi <> '')
) realisasi
CROSS JOIN LATERAL (
    SELECT count(*) AS tercatat,
           count(*) FILTER (WHERE k.status IN %(status_hadir)s) AS hadir,
           count(*) FILTER (WHERE k.status = 'terlambat' OR k.menit_terlambat > 0) AS terlambat,
           count(*) FILTER (WHERE k.status = 'alpa') AS alpa,
           coalesce(sum(k.menit_terlambat), 0) AS menit_terlambat,
           coalesce(sum(k.menit_pulang_cepat), 0) AS menit_pulang_cepat
    FROM {_t(Kehadiran)} k
    WHERE k.pegawai_id = p.id AND k.tanggal BETWEEN %(mulai)s AND %(selesai)s
) hadir
LEFT JOIN (
    SELECT l.pegawai_id, count(*) AS n FROM {_t(LogHarian)} l
    WHERE l.wilayah_id = %(wilayah)s AND l.tanggal BETWEEN %(mulai)s AND %(selesai)s
    GROUP BY l.pegawai_id
) log ON log.pegawai_id = p.id
WHERE p.wilayah_id = %(wilayah)s AND p.status_aktif = 'aktif'
ON CONFLICT (periode_penilaian_id, pegawai_id) DO UPDATE SET
    {_set_excluded(_KOLOM_PEGAWAI, {"periode_penilaian_id", "pegawai_id"})}
    {_jika_berubah("rp", _KOLOM_PEGAWAI, {"periode_penilaian_id", "pegawai_id", "dihitung_pada"})}
"""


def _sql_hapus_pegawai_lama() -> str:
    """Rows of employees who are no longer active in the wilayah (left, moved)."""
    return f"""
DELETE FROM {_t(RekapPegawai)} r
WHERE r.periode_penilaian_id = %(periode)s AND NOT EXISTS (
    SELECT 1 FROM {_t(Pegawai)} p
    WHERE p.id = r.pegawai_id AND p.wilayah_id = %(wilayah)s AND p.status_aktif = 'aktif'
)
"""


def _agregat_dari_pegawai() -> str:
    """The unit counts as SQL aggregates over the employee rows `r`."""
    p = [f"count(*) FILTER (WHERE r.predikat = '{v.value}')" for v in Predikat]
    return ", ".join(
        [
            "count(*)",
            *p,
            "count(*) FILTER (WHERE r.predikat = '')",
            "count(*) FILTER (WHERE r.skp_id IS NULL)",
            "count(*) FILTER (WHERE r.status_skp IN %(skp_disetujui)s)",
            "count(*) FILTER (WHERE r.status_evaluasi IN %(ev_dinilai)s)",
            "count(*) FILTER (WHERE r.status_evaluasi = 'final')",
            "count(*) FILTER (WHERE r.status_skp IN %(skp_menunggu)s "
            "OR r.status_evaluasi = 'realisasi_diajukan')",
            "sum(r.hari_tercatat)",
            "sum(r.hari_hadir)",
            "sum(r.hari_alpa)",
            "sum(r.menit_terlambat)",
            "sum(r.menit_pulang_cepat)",
        ]
    )


def _sql_rekap_unit() -> str:
    kolom = [
        "periode_penilaian_id", "unit_id", "wilayah_id", *KOLOM_ANGKA, "predikat_unit",
        "kurva_ok", "kurva_pelanggaran", "dihitung_pada",
    ]  # fmt: skip
    # The curve columns are reset on a changed row and then set by _cek_kurva_unit; an
    # unchanged row keeps its curve (which _cek_kurva_unit still checks).
    tetap = {"kurva_ok", "kurva_pelanggaran", "dihitung_pada"}
    return f"""
INSERT INTO {_t(RekapUnit)} AS ru ({", ".join(kolom)})
SELECT r.periode_penilaian_id, r.unit_id, r.wilayah_id, {_agregat_dari_pegawai()},
       coalesce(pu.predikat, ''), NULL, '[]'::jsonb, %(sekarang)s
FROM {_t(RekapPegawai)} r
LEFT JOIN {_t(PredikatUnit)} pu
    ON pu.unit_id = r.unit_id AND pu.periode_penilaian_id = r.periode_penilaian_id
WHERE r.periode_penilaian_id = %(periode)s
GROUP BY r.periode_penilaian_id, r.unit_id, r.wilayah_id, pu.predikat
ON CONFLICT (periode_penilaian_id, unit_id) DO UPDATE SET
    {_set_excluded(kolom, {"periode_penilaian_id", "unit_id"})}
    {_jika_berubah("ru", kolom, {"periode_penilaian_id", "unit_id", *tetap})}
"""


def _sql_hapus_unit_lama() -> str:
    """Unit rows of units that no longer have an employee row in this window."""
    return f"""
DELETE FROM {_t(RekapUnit)} u
WHERE u.periode_penilaian_id = %(periode)s AND NOT EXISTS (
    SELECT 1 FROM {_t(RekapPegawai)} r
    WHERE r.periode_penilaian_id = %(periode)s AND r.unit_id = u.unit_id
)
"""


def _sql_rekap_wilayah() -> str:
    kolom = [
        "periode_penilaian_id", "wilayah_id", *KOLOM_ANGKA, "jumlah_unit",
        "jumlah_unit_melanggar_kurva", "dihitung_pada",
    ]  # fmt: skip
    jumlah = ", ".join(f"coalesce(sum(u.{k}), 0)" for k in KOLOM_ANGKA)
    # An aggregate without GROUP BY always yields one row: a wilayah without employees
    # still gets its (zero) recap, so pages can say "computed at ..." instead of nothing.
    return f"""
INSERT INTO {_t(RekapWilayah)} ({", ".join(kolom)})
SELECT %(periode)s, %(wilayah)s, {jumlah}, count(u.id),
       count(u.id) FILTER (WHERE u.kurva_ok = false), %(sekarang)s
FROM {_t(RekapUnit)} u WHERE u.periode_penilaian_id = %(periode)s
ON CONFLICT (periode_penilaian_id) DO UPDATE SET
    {_set_excluded(kolom, {"periode_penilaian_id"})}
RETURNING jumlah_pegawai, jumlah_unit
"""


def _cek_kurva_unit(periode: PeriodePenilaian, bulatkan: bool) -> int:
    """The curve of every unit that has a predikat for this window: one read of the unit
    rows (not of employees) and one update that writes only the units whose result changed.
    Returns the number of units checked."""
    baris = list(
        RekapUnit.objects.filter(periode_penilaian=periode)
        .exclude(predikat_unit="")
        .values_list(
            "id", "predikat_unit", "jumlah_belum_dinilai", *[f"jumlah_{p.value}" for p in Predikat]
        )
    )
    ids, ok, pelanggaran = [], [], []
    for pk, predikat_unit, belum_dinilai, *jumlah in baris:
        counts: dict[Any, int] = dict(zip(Predikat, jumlah, strict=True))
        counts[None] = belum_dinilai
        hasil = cek_kurva(predikat_unit, counts, bulatkan_menguntungkan=bulatkan)
        ids.append(pk)
        ok.append(hasil.ok)
        pelanggaran.append(json.dumps([str(p) for p in hasil.pelanggaran]))
    if ids:
        with connection.cursor() as cur:
            cur.execute(
                f"""
UPDATE {_t(RekapUnit)} u SET kurva_ok = v.ok, kurva_pelanggaran = v.pelanggaran::jsonb
FROM unnest(%s::bigint[], %s::boolean[], %s::text[]) AS v(id, ok, pelanggaran)
WHERE u.id = v.id
  AND (u.kurva_ok, u.kurva_pelanggaran) IS DISTINCT FROM (v.ok, v.pelanggaran::jsonb)
""",
                [ids, ok, pelanggaran],
            )
    return len(ids)


@transaction.atomic
def rekap_hitung(
    *, periode_penilaian: PeriodePenilaian, kemajuan: Kemajuan | None = None
) -> dict[str, Any]:
    """Computes (upserts) the employee, unit and wilayah recap of one evaluation window.

    Employees counted: the wilayah's active employees at the time of the run, in their
    current unit. Rows of employees who left (inactive, moved) are deleted. Returns a
    summary {"pegawai", "unit", "unit_kurva", "pegawai_berubah", "detik", "dihitung_pada"}
    ("pegawai_berubah": employee rows inserted or changed by this run)."""
    mulai = time.monotonic()
    lapor = kemajuan or (lambda persen, pesan: None)
    periode = (
        PeriodePenilaian.objects.select_related("periode_kinerja")
        .select_for_update(of=("self",))
        .get(pk=periode_penilaian.pk)
    )
    pk = periode.periode_kinerja
    sekarang = timezone.now()
    params = {
        "periode": periode.pk,
        "periode_kinerja": pk.pk,
        "wilayah": pk.wilayah_id,
        "mulai": periode.tanggal_mulai,
        "selesai": periode.tanggal_selesai,
        "sekarang": sekarang,
        "status_hadir": tuple(s.value for s in STATUS_HADIR),
        "skp_disetujui": SKP_DISETUJUI,
        "skp_menunggu": SKP_MENUNGGU_PENILAI,
        "ev_dinilai": EVALUASI_DINILAI,
    }
    with connection.cursor() as cur:
        # For this transaction only: JIT compilation took ~0.7 s per wilayah (the plan's cost
        # is far above jit_above_cost) to save nothing on a query of index probes and hashes.
        cur.execute("SELECT set_config('jit', 'off', true)")
        lapor(10, _("Menghitung rekap pegawai"))
        cur.execute(_sql_rekap_pegawai(), params)
        n_berubah = cur.rowcount
        cur.execute(_sql_hapus_pegawai_lama(), params)
        lapor(55, _("Menghitung rekap unit"))
        cur.execute(_sql_rekap_unit(), params)
        cur.execute(_sql_hapus_unit_lama(), params)
    lapor(75, _("Memeriksa kurva distribusi unit"))
    n_kurva = _cek_kurva_unit(periode, pk.aturan_pembulatan_kecil)
    lapor(90, _("Menghitung rekap wilayah"))
    with connection.cursor() as cur:
        cur.execute(_sql_rekap_wilayah(), params)
        n_pegawai, n_unit = cur.fetchone()
    lapor(100, _("Selesai"))
    return {
        "pegawai": n_pegawai,
        "unit": n_unit,
        "unit_kurva": n_kurva,
        "pegawai_berubah": n_berubah,
        "detik": round(time.monotonic() - mulai, 3),
        "dihitung_pada": sekarang.isoformat(),
    }


def rekap_periode_ditutup(periode_penilaian: PeriodePenilaian) -> dict[str, Any]:
    """The final recap of a window that has just been closed.

    HOOK: the planning close action (`kinerja.services` periode_tutup) calls this after it
    sets the window to `tutup` (`transaction.on_commit(lambda:
    rekap_akhir.delay(periode.pk))` from there, or this function directly). The nightly
    task `laporan.rekap_susulan_periode_ditutup` catches any close without a final recap."""
    ringkasan = rekap_hitung(periode_penilaian=periode_penilaian)
    ProsesLaporan.objects.create(
        wilayah_id=periode_penilaian.periode_kinerja.wilayah_id,
        periode_penilaian=periode_penilaian,
        jenis=ProsesLaporan.Jenis.REKAP,
        status=ProsesLaporan.Status.SELESAI,
        persen=100,
        pesan=_("Rekap akhir setelah periode ditutup."),
        ringkasan=ringkasan,
        mulai_pada=timezone.now(),
        selesai_pada=timezone.now(),
    )
    return ringkasan
