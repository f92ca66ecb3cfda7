"""The one-SQL-pass computation against hand-computed cases, and SQL == Python (rules.hitung)
for every row."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kinerja.tpp import rules, services
from kinerja.tpp.models import BulanTPP, RiwayatBulanTPP, TPPPegawai
from tests.factories import JabatanFactory, PegawaiFactory

from .conftest import buat_kasus, hari_november, riwayat_jabatan

pytestmark = pytest.mark.django_db

KASUS = [
    # name, kwargs of buat_kasus, expected net
    ("hadir penuh", {}, 3_500_000),
    ("telat 30", {"hari": [("terlambat", 30)]}, 3_493_000),
    ("telat 31", {"hari": [("terlambat", 31)]}, 3_486_000),
    ("telat 60", {"hari": [("terlambat", 60)]}, 3_486_000),
    ("telat 61", {"hari": [("terlambat", 61)]}, 3_482_500),
    ("telat 90", {"hari": [("terlambat", 90)]}, 3_482_500),
    ("telat 91", {"hari": [("terlambat", 91)]}, 3_479_000),
    ("telat 3x 45", {"hari": [("terlambat", 45)] * 3}, 3_458_000),
    ("pulang cepat 15 + tanpa absen pulang", {"hari": [("pulang_cepat", 15), ("tanpa_pulang",)]},
     3_472_000),
    ("pulang cepat 91", {"hari": [("pulang_cepat", 91)]}, 3_479_000),
    ("tanpa absen masuk", {"hari": [("tanpa_masuk",)]}, 3_479_000),
    ("alpa 2", {"hari": [("alpa",), ("alpa",)]}, 3_388_000),
    ("cuti, sakit, izin, dinas luar", {"hari": [("cuti",), ("sakit",), ("izin",),
                                               ("dinas_luar",)]}, 3_500_000),
    ("cuti besar", {"cuti": "besar"}, 0),
    ("CLTN", {"cuti": "cltn"}, 0),
    ("cuti tahunan disetujui: tetap dibayar", {"cuti": "tahunan"}, 3_500_000),
    ("sanksi sedang berlaku", {"sanksi": ("sedang", "tpp_9", dt.date(2026, 9, 1),
                                          dt.date(2027, 5, 31))}, 2_625_000),
    ("sanksi sedang tanpa tanggal selesai, 6 bulan sampai 30 Nov",
     {"sanksi": ("sedang", "tpp_6", dt.date(2026, 6, 1), None)}, 2_625_000),
    ("sanksi sedang 6 bulan berakhir 31 Okt",
     {"sanksi": ("sedang", "tpp_6", dt.date(2026, 5, 1), None)}, 3_500_000),
    ("sanksi sedang mulai Desember", {"sanksi": ("sedang", "tpp_12", dt.date(2026, 12, 1),
                                                 None)}, 3_500_000),
    ("sanksi ringan", {"sanksi": ("ringan", "teguran_tertulis", dt.date(2026, 11, 3), None)},
     3_500_000),
    ("sanksi berat", {"sanksi": ("berat", "penurunan_jabatan", dt.date(2026, 8, 1), None)}, 0),
    ("tidak aktif dengan kehadiran", {"status_aktif": "pensiun"}, 0),
    ("tanpa evaluasi", {"predikat": None}, 1_400_000),
    ("butuh perbaikan", {"predikat": "butuh_perbaikan"}, 2_975_000),
    ("kurang + telat 61", {"predikat": "kurang", "hari": [("terlambat", 61)]}, 2_432_500),
    ("sangat kurang", {"predikat": "sangat_kurang"}, 1_925_000),
    ("tanpa kelas jabatan", {"kelas": None}, 0),
    ("kehadiran tidak lengkap: tidak dipotong, ditandai", {"hari": [("hadir",)] * 5,
                                                           "lengkap": False}, 3_500_000),
]  # fmt: skip


def _sama_dengan_python(row: TPPPegawai, aturan: rules.Aturan) -> None:
    diharapkan = rules.hitung(aturan, row.masukan()).dibulatkan()
    for k, v in diharapkan.items():
        assert getattr(row, k) == v, (row.nama, k, getattr(row, k), v)


def test_kasus_tangan_dan_sql_sama_dengan_python(org_a, periode_a, bulan_a):
    pegawai = {nama: buat_kasus(org_a, periode_a, nama=nama, **kw) for nama, kw, _n in KASUS}
    # non-active without attendance in the month: not listed at all
    buat_kasus(org_a, periode_a, nama="Pensiun lama", status_aktif="pensiun", hari=[],
               lengkap=False)  # fmt: skip
    hasil = services.tpp_hitung(bulan=bulan_a, actor=org_a.user_hr)
    rows = {r.pegawai_id: r for r in TPPPegawai.objects.filter(bulan=bulan_a)}
    aturan = services.pengaturan_untuk(org_a.wilayah).aturan()
    for nama, _kw, netto in KASUS:
        row = rows[pegawai[nama].pk]
        assert row.netto == netto, nama
        _sama_dengan_python(row, aturan)
    for row in rows.values():
        _sama_dengan_python(row, aturan)
    assert "Pensiun lama" not in {r.nama for r in rows.values()}
    # the organisation's six employees (no attendance, no evaluation) + the cases
    assert hasil["jumlah_pegawai"] == len(KASUS) + 6
    bulan_a.refresh_from_db()
    assert bulan_a.hari_kerja == 21
    assert bulan_a.total_netto == sum(r.netto for r in rows.values())
    r = rows[pegawai["telat 3x 45"].pk]
    assert (r.terlambat_2, r.persen_potongan_disiplin, r.hari_tercatat) == (3, D(3), 21)
    assert not r.kehadiran_kurang and not r.tanpa_evaluasi
    assert rows[pegawai["kehadiran tidak lengkap: tidak dipotong, ditandai"].pk].kehadiran_kurang
    assert rows[pegawai["tanpa evaluasi"].pk].tanpa_evaluasi
    assert rows[pegawai["tanpa kelas jabatan"].pk].tanpa_kelas
    assert rows[pegawai["CLTN"].pk].cuti_tanpa_tpp == "cltn"


def test_wilayah_lain_dengan_bobot_lain(org_a, org_b, periode_a, bulan_a, bulan_b):
    """Wilayah B: weights 70/30, its own pagu, cap 50 %, alpa 5 %, rounding up."""
    from tests.kinerja.factories import PeriodeKinerjaFactory

    periode_b = PeriodeKinerjaFactory(wilayah=org_b.wilayah, tahun=2026)
    pengaturan = services.pengaturan_untuk(org_b.wilayah)
    services.pengaturan_simpan(actor=org_b.user_hr, pengaturan=pengaturan, data={
        "bobot_kinerja": D(70), "pagu": [3_333_333] * 17, "potongan_maks": D(50),
        "potongan_alpa": D(5), "pembulatan": "atas",
    })  # fmt: skip
    org_b.wilayah.refresh_from_db()
    assert org_b.wilayah.bobot_kinerja_tpp == D(70)
    telat = buat_kasus(org_b, periode_b, nama="Telat", hari=[("terlambat", 5)])
    alpa = buat_kasus(org_b, periode_b, nama="Alpa", hari=[("alpa",)] * 15)
    sama = buat_kasus(org_a, periode_a, nama="Telat A", hari=[("terlambat", 5)])
    services.tpp_hitung(bulan=bulan_b, actor=org_b.user_hr)
    services.tpp_hitung(bulan=bulan_a, actor=org_a.user_hr)
    b = {r.pegawai_id: r for r in TPPPegawai.objects.filter(bulan=bulan_b)}
    assert b[telat.pk].netto == 3_328_334  # 3.328.333,0005 rounded up
    assert b[alpa.pk].netto == 2_833_334  # 75 % capped at 50 %: 2.833.333,05 up
    aturan_b = services.pengaturan_untuk(org_b.wilayah).aturan()
    for row in b.values():
        _sama_dengan_python(row, aturan_b)
    assert TPPPegawai.objects.get(bulan=bulan_a, pegawai=sama).netto == 3_493_000
    assert not TPPPegawai.objects.filter(bulan=bulan_b, pegawai__wilayah=org_a.wilayah).exists()


def test_pindah_jabatan_tengah_bulan_memakai_jabatan_akhir_bulan(org_a, periode_a, bulan_a):
    lama = JabatanFactory(unit=org_a.seksi, nama="Jabatan lama", kelas_jabatan=7)
    baru = JabatanFactory(unit=org_a.bidang, nama="Jabatan baru", kelas_jabatan=9)
    # moved on 15 November: the position at the month's end (the new one) counts
    pindah = PegawaiFactory(jabatan=baru, tmt_jabatan=dt.date(2026, 11, 15), nama="Pindah Nov")
    riwayat_jabatan(pindah, lama, dt.date(2026, 1, 1))
    riwayat_jabatan(pindah, baru, dt.date(2026, 11, 15))
    # moved on 1 December, computed afterwards: November is paid on the old position
    desember = PegawaiFactory(jabatan=baru, tmt_jabatan=dt.date(2026, 12, 1), nama="Pindah Des")
    riwayat_jabatan(desember, lama, dt.date(2025, 3, 1))
    riwayat_jabatan(desember, baru, dt.date(2026, 12, 1))
    services.tpp_hitung(bulan=bulan_a, actor=org_a.user_hr)
    r1 = TPPPegawai.objects.get(bulan=bulan_a, pegawai=pindah)
    r2 = TPPPegawai.objects.get(bulan=bulan_a, pegawai=desember)
    assert (r1.jabatan_id, r1.unit_id, r1.kelas_jabatan, r1.pagu) == (
        baru.pk,
        org_a.bidang.pk,
        9,
        4_600_000,
    )
    assert (r2.jabatan_id, r2.unit_id, r2.kelas_jabatan, r2.pagu, r2.nama_jabatan) == (
        lama.pk, org_a.seksi.pk, 7, 3_500_000, "Jabatan lama")  # fmt: skip


def test_hitung_ulang_memberi_baris_yang_sama(org_a, tpp_a):
    kolom = [f.attname for f in TPPPegawai._meta.concrete_fields if f.attname != "dihitung_pada"]
    sebelum = list(TPPPegawai.objects.filter(bulan=tpp_a.bulan).order_by("pk").values(*kolom))
    services.tpp_hitung(bulan=tpp_a.bulan, actor=org_a.user_hr)
    sesudah = list(TPPPegawai.objects.filter(bulan=tpp_a.bulan).order_by("pk").values(*kolom))
    assert sebelum == sesudah and len(sesudah) == 8
    assert RiwayatBulanTPP.objects.filter(bulan=tpp_a.bulan, aksi="hitung").count() == 2


def test_hitung_ulang_mengikuti_koreksi_data(org_a, tpp_a):
    from pegawai.models import Kehadiran

    baris = TPPPegawai.objects.get(bulan=tpp_a.bulan, pegawai=tpp_a.baik)
    assert baris.netto == 3_458_000
    Kehadiran.objects.filter(pegawai=tpp_a.baik, status="terlambat").update(
        status="dinas_luar", menit_terlambat=0
    )  # HR corrects: it was an official trip
    services.tpp_hitung(bulan=tpp_a.bulan, actor=org_a.user_hr)
    baris.refresh_from_db()
    assert baris.netto == 3_500_000 and baris.dinas_luar == 3


def test_baris_pegawai_yang_keluar_dihapus(org_a, tpp_a):
    from pegawai.models import Kehadiran

    Kehadiran.objects.filter(pegawai=tpp_a.baik).delete()
    type(tpp_a.baik).objects.filter(pk=tpp_a.baik.pk).update(status_aktif="pindah")
    hasil = services.tpp_hitung(bulan=tpp_a.bulan, actor=org_a.user_hr)
    assert hasil["dihapus"] == 1
    assert not TPPPegawai.objects.filter(bulan=tpp_a.bulan, pegawai=tpp_a.baik).exists()


def test_jumlah_query_tetap(org_a, periode_a, bulan_a):
    def hitung_query():
        with CaptureQueriesContext(connection) as ctx:
            services.tpp_hitung(bulan=bulan_a, actor=org_a.user_hr)
        return len(ctx.captured_queries)

    hitung_query()  # the first run creates the wilayah's settings
    n3 = hitung_query()
    for i in range(30):
        buat_kasus(org_a, periode_a, nama=f"Tambahan {i}", hari=[("terlambat", 10 + i)])
    assert hitung_query() == n3


def test_bulan_terkunci_tidak_dihitung_ulang(org_a, tpp_a):
    services.tpp_kunci(actor=org_a.user_hr, bulan=tpp_a.bulan)
    with pytest.raises(ValidationError, match="sudah dikunci"):
        services.tpp_hitung(bulan=tpp_a.bulan, actor=org_a.user_hr)
    assert BulanTPP.objects.get(pk=tpp_a.bulan.pk).status == "terkunci"


def test_hr_wilayah_lain_ditolak(org_b, tpp_a):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.tpp_hitung(bulan=tpp_a.bulan, actor=org_b.user_hr)
    with pytest.raises(PermissionDenied):
        services.tpp_kunci(actor=org_b.user_hr, bulan=tpp_a.bulan)
    with pytest.raises(PermissionDenied):
        services.tpp_hitung(bulan=tpp_a.bulan, actor=org_b.user_staf)


def test_bobot_satu_sumber_di_wilayah(org_a, periode_a, bulan_a):
    """The kinerja weight is Wilayah.bobot_kinerja_tpp (also edited in the wilayah admin)."""
    p = buat_kasus(org_a, periode_a, nama="Tanpa Evaluasi", predikat=None)
    type(org_a.wilayah).objects.filter(pk=org_a.wilayah.pk).update(bobot_kinerja_tpp=D(70))
    org_a.wilayah.refresh_from_db()
    services.tpp_hitung(bulan=bulan_a, actor=org_a.user_hr)
    # no evaluation: only the discipline share, now 30 % of 3.500.000
    assert TPPPegawai.objects.get(bulan=bulan_a, pegawai=p).netto == 1_050_000
    assert BulanTPP.objects.get(pk=bulan_a.pk).aturan["bobot_kinerja"] == "70.00"
    type(org_a.wilayah).objects.filter(pk=org_a.wilayah.pk).update(bobot_kinerja_tpp=D(150))
    with pytest.raises(ValidationError, match="antara 0 dan 100"):
        services.tpp_hitung(bulan=bulan_a, actor=org_a.user_hr)


def test_faktor_kinerja_dari_log_harian(org_a, periode_a, bulan_a):
    """Wilayah option: faktor kinerja = working days of the month with a verified daily log /
    working days (capped at 100 %). Unverified logs, a second log on the same day and logs of
    another month do not count; the predikat is ignored. SQL == Python for every row."""
    from kinerja.models import LogHarian

    pengaturan = services.pengaturan_untuk(org_a.wilayah)
    services.pengaturan_simpan(
        actor=org_a.user_hr, pengaturan=pengaturan, data={"sumber_kinerja": "log_harian"}
    )
    hari = hari_november(org_a.wilayah)
    assert len(hari) == 21

    def log(p, tanggal, status="diverifikasi"):
        LogHarian.objects.create(
            pegawai=p, wilayah=org_a.wilayah, tanggal=tanggal, kegiatan="Kegiatan", status=status
        )

    penuh = buat_kasus(org_a, periode_a, nama="Log penuh", predikat="sangat_kurang")
    for d in hari:
        log(penuh, d)
    log(penuh, dt.date(2026, 11, 29))  # a Sunday: counted, but the factor stays capped
    sebagian = buat_kasus(org_a, periode_a, nama="Log 14 hari")
    for d in hari[:14]:
        log(sebagian, d)
        log(sebagian, d)  # two logs on one day count once
    for d in hari[14:]:
        log(sebagian, d, status="diajukan")  # not verified yet
    log(sebagian, dt.date(2026, 10, 30))  # another month
    kosong = buat_kasus(org_a, periode_a, nama="Tanpa log")

    services.tpp_hitung(bulan=bulan_a, actor=org_a.user_hr)
    rows = {r.pegawai_id: r for r in TPPPegawai.objects.filter(bulan=bulan_a)}
    assert (rows[penuh.pk].hari_log, rows[penuh.pk].faktor_kinerja) == (22, D(100))
    assert rows[penuh.pk].netto == 3_500_000
    assert (rows[sebagian.pk].hari_log, rows[sebagian.pk].faktor_kinerja) == (14, D("66.67"))
    # 3.5M x 60% x 66.67% + 3.5M x 40% = 1,400,070 + 1,400,000
    assert rows[sebagian.pk].netto == 2_800_070
    assert rows[kosong.pk].hari_log == 0 and rows[kosong.pk].tanpa_evaluasi
    assert rows[kosong.pk].netto == 1_400_000
    assert rows[kosong.pk].flags == ["tanpa log harian terverifikasi"]
    aturan = services.pengaturan_untuk(org_a.wilayah).aturan()
    assert aturan.sumber_kinerja == rules.SumberKinerja.LOG_HARIAN
    for row in rows.values():
        _sama_dengan_python(row, aturan)
    bulan_a.refresh_from_db()
    assert bulan_a.aturan["sumber_kinerja"] == "log_harian"
    teks = [b.uraian for b in rules.penjelasan(aturan, rows[sebagian.pk].masukan())]
    assert (
        "Faktor kinerja 66,67% (log harian terverifikasi 14 dari 21 hari kerja): -33,33% dari porsi kinerja"
        in teks
    )


def test_bulan_lama_tanpa_sumber_kinerja_memakai_predikat():
    data = rules.Aturan().as_json()
    del data["sumber_kinerja"]
    assert rules.Aturan.from_json(data).sumber_kinerja == rules.SumberKinerja.PREDIKAT
