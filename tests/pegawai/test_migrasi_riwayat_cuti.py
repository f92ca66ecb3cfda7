"""Migration pegawai 0006 copies leave's old status log into TransisiStatus (who, when, from,
to, note, wilayah of the employee) before dropping the old table; backwards restores it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from asn_kinerja.models import TransisiStatus
from pegawai.models import Cuti

SEBELUM = [("pegawai", "0005_indeks_trigram_nama")]
SESUDAH = [("pegawai", "0006_riwayat_cuti_ke_transisistatus")]


def _migrasi(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)


@pytest.mark.django_db(transaction=True)
def test_riwayat_lama_pindah_utuh(org_a):
    mulai = dt.date(2026, 3, 2)
    cuti = Cuti.objects.create(pegawai=org_a.staf, jenis="tahunan", tanggal_mulai=mulai,
                               tanggal_selesai=mulai, jumlah_hari_kerja=1, alasan="x",
                               status="disetujui")  # fmt: skip
    try:
        _migrasi(SEBELUM)
        with connection.cursor() as cur:
            cur.executemany(
                "INSERT INTO pegawai_riwayatstatuscuti (cuti_id, dari, ke, oleh_id, pada, catatan)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (cuti.pk, "", "diajukan", org_a.user_staf.pk, "2026-02-20 09:00+08", "Izin"),
                    (cuti.pk, "diajukan", "direkomendasikan", None, "2026-02-21 09:00+08", ""),
                    (cuti.pk, "direkomendasikan", "disetujui", org_a.user_hr.pk,
                     "2026-02-22 10:30+08", "OK"),
                ],
            )  # fmt: skip
        _migrasi(SESUDAH)
        log = list(
            TransisiStatus.objects.untuk(cuti).values_list(
                "dari", "ke", "oleh", "catatan", "wilayah", "created_at"
            )
        )
        assert [x[:5] for x in log] == [
            ("", "diajukan", org_a.user_staf.pk, "Izin", org_a.wilayah.pk),
            ("diajukan", "direkomendasikan", None, "", org_a.wilayah.pk),
            ("direkomendasikan", "disetujui", org_a.user_hr.pk, "OK", org_a.wilayah.pk),
        ]
        assert log[2][5] == dt.datetime(2026, 2, 22, 2, 30, tzinfo=dt.UTC)
        assert "pegawai_riwayatstatuscuti" not in connection.introspection.table_names()
    finally:
        _migrasi(SESUDAH)
