"""Workload analysis (ABK): the arithmetic against a hand-computed example, the A-E band
edges, and the SQL annotations agreeing with the Python rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from organisasi.abk import anotasi_abk, hitung_abk, kebutuhan_tugas, kelas_efisiensi
from organisasi.models import Jabatan
from tests.factories import JabatanFactory, PegawaiFactory
from tests.organisasi.factories import TugasJabatanFactory

D = Decimal


def test_contoh_hitung_tangan():
    # Analis Anggaran: 120 RKA x 300' + 200 DPA x 150' + 12 laporan x 2.500' = 96.000 menit
    beban = 120 * 300 + 200 * 150 + 12 * 2500
    assert beban == 96_000
    h = hitung_abk(beban_menit=beban, waktu_efektif=75_000, pemangku=2)
    assert h.kebutuhan == D("1.28")  # 96.000 / 75.000
    assert h.kebutuhan_bulat == 1
    assert h.selisih == -1 and h.status == "lebih"
    assert h.rasio == D("0.64") and h.kelas == "C"  # 1,28 / 2 orang
    h1 = hitung_abk(beban_menit=beban, waktu_efektif=75_000, pemangku=1)
    assert (h1.selisih, h1.rasio, h1.kelas, h1.status) == (0, D("1.28"), "A", "sesuai")
    # waktu kerja efektif dapat diatur per wilayah: 60.000 menit -> 1,6 -> 2 orang
    h2 = hitung_abk(beban_menit=beban, waktu_efektif=60_000, pemangku=1)
    assert (h2.kebutuhan, h2.kebutuhan_bulat, h2.selisih, h2.status) == (D("1.60"), 2, 1, "kurang")
    assert kebutuhan_tugas(volume=120, norma_menit=300, waktu_efektif=75_000) == D("0.4800")


def test_pembulatan_dan_kasus_tepi():
    assert hitung_abk(beban_menit=112_500, waktu_efektif=75_000, pemangku=0).kebutuhan_bulat == 2
    assert hitung_abk(beban_menit=112_499, waktu_efektif=75_000, pemangku=0).kebutuhan_bulat == 1
    # sedikit pekerjaan tetap butuh satu orang
    kecil = hitung_abk(beban_menit=600, waktu_efektif=75_000, pemangku=0)
    assert (kecil.kebutuhan, kecil.kebutuhan_bulat, kecil.selisih) == (D("0.01"), 1, 1)
    assert kecil.rasio is None and kecil.kelas is None  # lowong: tanpa kapasitas
    kepala = hitung_abk(beban_menit=0, waktu_efektif=75_000, pemangku=1, is_kepala=True)
    assert (kepala.kebutuhan_bulat, kepala.selisih, kepala.kelas) == (1, 0, None)
    belum = hitung_abk(beban_menit=0, waktu_efektif=75_000, pemangku=3)
    assert (belum.kebutuhan_bulat, belum.selisih, belum.status) == (None, None, "belum")


# beban (menit, 1 pemangku, 75.000 menit) -> (rasio, kelas)
TEPI = [
    (75_000 * 2, D("2.00"), "A"),
    (68_250, D("0.91"), "A"),
    (67_875, D("0.91"), "A"),  # 0,905 dibulatkan ke 0,91
    (67_874, D("0.90"), "B"),
    (67_500, D("0.90"), "B"),
    (57_000, D("0.76"), "B"),
    (56_999, D("0.76"), "B"),
    (56_250, D("0.75"), "C"),
    (45_750, D("0.61"), "C"),
    (45_000, D("0.60"), "D"),
    (38_250, D("0.51"), "D"),
    (37_500, D("0.50"), "E"),
    (1, D("0.00"), "E"),
]


@pytest.mark.parametrize(("beban", "rasio", "kelas"), TEPI)
def test_batas_kelas_efisiensi(beban, rasio, kelas):
    h = hitung_abk(beban_menit=beban, waktu_efektif=75_000, pemangku=1)
    assert (h.rasio, h.kelas) == (rasio, kelas)
    assert kelas_efisiensi(rasio) == kelas


@pytest.mark.django_db
def test_anotasi_sql_sama_dengan_python(org_a):
    jabatan = []
    for beban, _rasio, _kelas in TEPI:
        j = JabatanFactory(unit=org_a.bidang)
        TugasJabatanFactory(jabatan=j, volume_tahunan=beban, norma_waktu_menit=1)
        PegawaiFactory(jabatan=j)
        jabatan.append(j)
    hasil = {j.pk: j for j in anotasi_abk(Jabatan.objects.filter(pk__in=[j.pk for j in jabatan]))}
    for j, (beban, rasio, kelas) in zip(jabatan, TEPI, strict=True):
        row = hasil[j.pk]
        py = hitung_abk(beban_menit=beban, waktu_efektif=75_000, pemangku=1)
        assert (row.beban_menit, row.pemangku, row.rasio, row.kelas) == (beban, 1, rasio, kelas)
        assert (row.kebutuhan, row.kebutuhan_bulat, row.selisih) == (
            py.kebutuhan,
            py.kebutuhan_bulat,
            py.selisih,
        )


@pytest.mark.django_db
def test_anotasi_sql_contoh_tangan_dan_pemangku_nonaktif(org_a):
    j = org_a.j_staf  # 2 pemangku aktif (staf, staf2)
    for vol, menit in [(120, 300), (200, 150), (12, 2500)]:
        TugasJabatanFactory(jabatan=j, volume_tahunan=vol, norma_waktu_menit=menit)
    PegawaiFactory(jabatan=j, status_aktif="pensiun")  # tidak dihitung
    row = anotasi_abk(Jabatan.objects.all()).get(pk=j.pk)
    assert (row.beban_menit, row.pemangku, row.kebutuhan, row.kebutuhan_bulat) == (
        96_000,
        2,
        D("1.28"),
        1,
    )
    assert (row.selisih, row.rasio, row.kelas) == (-1, D("0.64"), "C")
    org_a.wilayah.waktu_kerja_efektif_menit = 60_000
    org_a.wilayah.save()
    row = anotasi_abk(Jabatan.objects.all()).get(pk=j.pk)
    assert (row.kebutuhan, row.kebutuhan_bulat, row.selisih, row.kelas) == (D("1.60"), 2, 0, "B")
    kepala = anotasi_abk(Jabatan.objects.all()).get(pk=org_a.j_kabid.pk)
    assert (kepala.kebutuhan_bulat, kepala.pemangku, kepala.selisih, kepala.kelas) == (
        1,
        1,
        0,
        None,
    )
