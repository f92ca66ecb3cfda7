"""The box mapping as a full table (DOMAIN.md section 8), in Python and in SQL."""

from __future__ import annotations

import datetime as dt

import pytest

from kinerja.talenta import rules, selectors
from pegawai.models import Pegawai

from .conftest import pegawai_kotak

#: (potensi, predikat) -> box: every combination of 3 levels x 5 predikat, plus missing data.
TABEL = [
    ("rendah", "butuh_perbaikan", 1), ("rendah", "kurang", 1), ("rendah", "sangat_kurang", 1),
    ("rendah", "baik", 2), ("rendah", "sangat_baik", 4),
    ("menengah", "butuh_perbaikan", 3), ("menengah", "kurang", 3), ("menengah", "sangat_kurang", 3),
    ("menengah", "baik", 5), ("menengah", "sangat_baik", 7),
    ("tinggi", "butuh_perbaikan", 6), ("tinggi", "kurang", 6), ("tinggi", "sangat_kurang", 6),
    ("tinggi", "baik", 8), ("tinggi", "sangat_baik", 9),
    (None, "baik", None), ("tinggi", None, None), (None, None, None),
]  # fmt: skip


@pytest.mark.parametrize(("level", "predikat", "kotak"), TABEL)
def test_kotak_python(level, predikat, kotak):
    assert rules.kotak(level, predikat) == kotak


def test_tabel_lengkap():
    assert sorted(rules.KOTAK.values()) == list(range(1, 10))
    assert len([t for t in TABEL if t[2]]) == 15


@pytest.mark.django_db
def test_kotak_sql_sama_dengan_tabel(org_a):
    harap = {}
    for i, (level, predikat, kotak) in enumerate(TABEL):
        p = pegawai_kotak(org_a, predikat, level, nama=f"T{i}")
        harap[p.pk] = kotak
    got = dict(
        selectors.anotasi_kotak(Pegawai.objects.filter(pk__in=harap), tahun=2026).values_list(
            "pk", "kotak"
        )
    )
    assert got == harap


@pytest.mark.django_db
def test_potensi_terakhir_sebelum_akhir_tahun_dan_evaluasi_final_saja(org_a):
    from .conftest import evaluasi_tahunan, potensi

    p = pegawai_kotak(org_a, "baik", "rendah", nama="X")
    potensi(p, "tinggi", tanggal=dt.date(2026, 12, 31))  # latest on/before 31 Dec: counts
    potensi(p, "menengah", tanggal=dt.date(2027, 1, 5))  # after the year: ignored
    q = selectors.anotasi_kotak(Pegawai.objects.filter(pk=p.pk), tahun=2026)
    assert q.get().kotak == 8
    draf = pegawai_kotak(org_a, None, "tinggi", nama="Y")
    evaluasi_tahunan(draf, "baik", status="dinilai")  # not final: not placed
    assert (
        selectors.anotasi_kotak(Pegawai.objects.filter(pk=draf.pk), tahun=2026).get().kotak is None
    )


def test_level_dari_skor():
    from decimal import Decimal as D

    kw = {"batas_menengah": D(60), "batas_tinggi": D(80)}
    assert rules.level_dari_skor(D("59.99"), **kw) == "rendah"
    assert rules.level_dari_skor(D(60), **kw) == "menengah"
    assert rules.level_dari_skor(D(80), **kw) == "tinggi"


def test_tahun_bawaan():
    assert rules.tahun_bawaan(dt.date(2027, 2, 28)) == 2026
    assert rules.tahun_bawaan(dt.date(2027, 3, 1)) == 2027
