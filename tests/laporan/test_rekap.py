"""The recap: numbers against a hand-computed case, idempotency, constant query count,
the final recap hook, the beat schedule and the reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from asn_kinerja.models import Notifikasi
from kinerja.laporan import tasks
from kinerja.laporan.models import ProsesLaporan, RekapPegawai, RekapUnit, RekapWilayah
from kinerja.laporan.selectors import periode_ditutup_tanpa_rekap_akhir, periode_perlu_rekap_malam
from kinerja.laporan.services.pengingat import pengingat_menunggu_atasan, pengingat_tenggat
from kinerja.laporan.services.rekap import rekap_hitung
from tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db


def _baris(model, **filt):
    kolom = [f.attname for f in model._meta.concrete_fields if f.name != "dihitung_pada"]
    return sorted(model.objects.filter(**filt).values_list(*kolom))


def test_angka_rekap_sesuai_hitungan_tangan(org_a, kinerja_a):
    hasil = rekap_hitung(periode_penilaian=kinerja_a.jan)
    assert hasil["pegawai"] == 6 and hasil["unit"] == 3 and hasil["unit_kurva"] == 1

    w = RekapWilayah.objects.get(periode_penilaian=kinerja_a.jan)
    assert w.wilayah_id == org_a.wilayah.pk
    assert (w.jumlah_pegawai, w.jumlah_baik, w.jumlah_butuh_perbaikan, w.jumlah_sangat_baik) == (
        6, 1, 1, 0)  # fmt: skip
    assert w.jumlah_belum_dinilai == 4  # kabid, kasi, staf_seksi, sekda
    assert w.jumlah_tanpa_skp == 1  # sekda
    assert w.jumlah_skp_disetujui == 4
    assert w.jumlah_evaluasi_dinilai == 2 and w.jumlah_evaluasi_final == 1
    assert w.jumlah_menunggu_penilai == 2  # kabid's realisation, staf_seksi's SKP
    assert (w.hari_tercatat, w.hari_hadir, w.hari_alpa, w.menit_terlambat) == (3, 2, 1, 10)
    assert (w.jumlah_unit, w.jumlah_unit_melanggar_kurva) == (3, 1)

    staf = RekapPegawai.objects.get(periode_penilaian=kinerja_a.jan, pegawai=org_a.staf)
    assert staf.predikat == "baik" and staf.status_evaluasi == "final"
    assert (staf.jumlah_indikator, staf.jumlah_realisasi, staf.jumlah_log_harian) == (2, 1, 2)
    assert (staf.hari_tercatat, staf.hari_hadir, staf.hari_terlambat, staf.hari_alpa) == (
        3,
        2,
        1,
        1,
    )
    assert staf.pejabat_penilai_id == org_a.kabid.pk
    sekda = RekapPegawai.objects.get(periode_penilaian=kinerja_a.jan, pegawai=org_a.sekda)
    assert sekda.skp_id is None and sekda.status_skp == "" and sekda.predikat == ""

    bidang = RekapUnit.objects.get(periode_penilaian=kinerja_a.jan, unit=org_a.bidang)
    assert (bidang.jumlah_pegawai, bidang.jumlah_baik, bidang.jumlah_butuh_perbaikan) == (3, 1, 1)
    assert bidang.predikat_unit == "baik" and bidang.kurva_ok is False
    assert any("belum dinilai" in p for p in bidang.kurva_pelanggaran)
    seksi = RekapUnit.objects.get(periode_penilaian=kinerja_a.jan, unit=org_a.seksi)
    assert seksi.kurva_ok is None and seksi.jumlah_menunggu_penilai == 1


def test_rekap_hanya_wilayah_periodenya(org_a, org_b, kinerja_a, kinerja_b):
    rekap_hitung(periode_penilaian=kinerja_a.jan)
    assert not RekapPegawai.objects.filter(pegawai__wilayah=org_b.wilayah).exists()
    assert set(RekapUnit.objects.values_list("wilayah", flat=True)) == {org_a.wilayah.pk}


def test_rekap_dua_kali_baris_sama(org_a, kinerja_a):
    rekap_hitung(periode_penilaian=kinerja_a.jan)
    pertama = [_baris(m) for m in (RekapPegawai, RekapUnit, RekapWilayah)]
    rekap_hitung(periode_penilaian=kinerja_a.jan)
    assert [_baris(m) for m in (RekapPegawai, RekapUnit, RekapWilayah)] == pertama


def test_rekap_ulang_hanya_menulis_baris_yang_berubah(org_a, kinerja_a):
    from pegawai.models import Kehadiran

    jan = kinerja_a.jan
    assert rekap_hitung(periode_penilaian=jan)["pegawai_berubah"] == 6
    ids = dict(RekapPegawai.objects.values_list("pegawai_id", "pk"))
    waktu = dict(RekapPegawai.objects.values_list("pegawai_id", "dihitung_pada"))
    waktu_wilayah = RekapWilayah.objects.get(periode_penilaian=jan).dihitung_pada

    hasil = rekap_hitung(periode_penilaian=jan)
    assert (hasil["pegawai"], hasil["unit"], hasil["pegawai_berubah"]) == (6, 3, 0)
    # Unchanged rows are not rewritten; the wilayah row carries the time of the run.
    assert dict(RekapPegawai.objects.values_list("pegawai_id", "dihitung_pada")) == waktu
    assert RekapWilayah.objects.get(periode_penilaian=jan).dihitung_pada > waktu_wilayah

    Kehadiran.objects.create(pegawai=org_a.staf2, tanggal=dt.date(2026, 1, 8), status="hadir")
    assert rekap_hitung(periode_penilaian=jan)["pegawai_berubah"] == 1
    staf2 = RekapPegawai.objects.get(periode_penilaian=jan, pegawai=org_a.staf2)
    assert (staf2.hari_tercatat, staf2.hari_hadir) == (1, 1)
    assert staf2.dihitung_pada > waktu[org_a.staf2.pk]
    assert dict(RekapPegawai.objects.values_list("pegawai_id", "pk")) == ids
    bidang = RekapUnit.objects.get(periode_penilaian=jan, unit=org_a.bidang)
    assert (bidang.hari_tercatat, bidang.hari_hadir) == (4, 3)
    assert RekapWilayah.objects.get(periode_penilaian=jan).hari_tercatat == 4


def test_pindah_unit_dan_unit_kosong(org_a, kinerja_a):
    from pegawai.models import Pegawai

    jan = kinerja_a.jan
    rekap_hitung(periode_penilaian=jan)
    Pegawai.objects.filter(pk=org_a.staf2.pk).update(unit=org_a.seksi)
    hasil = rekap_hitung(periode_penilaian=jan)
    assert hasil["pegawai_berubah"] == 1
    jumlah = dict(
        RekapUnit.objects.filter(periode_penilaian=jan).values_list("unit", "jumlah_pegawai")
    )
    assert jumlah == {org_a.root.pk: 1, org_a.bidang.pk: 2, org_a.seksi.pk: 3}

    Pegawai.objects.filter(unit=org_a.seksi).update(status_aktif="pensiun")
    hasil = rekap_hitung(periode_penilaian=jan)
    assert (hasil["pegawai"], hasil["unit"]) == (3, 2)
    assert not RekapUnit.objects.filter(periode_penilaian=jan, unit=org_a.seksi).exists()
    assert RekapWilayah.objects.get(periode_penilaian=jan).jumlah_unit == 2


def test_kurva_diperiksa_walau_baris_unit_tidak_berubah(org_a, kinerja_a):
    from kinerja.models import PredikatUnit

    jan = kinerja_a.jan
    rekap_hitung(periode_penilaian=jan)
    RekapUnit.objects.filter(unit=org_a.bidang).update(kurva_ok=True, kurva_pelanggaran=[])
    rekap_hitung(periode_penilaian=jan)
    bidang = RekapUnit.objects.get(periode_penilaian=jan, unit=org_a.bidang)
    assert bidang.kurva_ok is False and bidang.kurva_pelanggaran
    assert RekapWilayah.objects.get(periode_penilaian=jan).jumlah_unit_melanggar_kurva == 1

    PredikatUnit.objects.filter(unit=org_a.bidang, periode_penilaian=jan).delete()
    rekap_hitung(periode_penilaian=jan)
    bidang.refresh_from_db()
    assert (bidang.predikat_unit, bidang.kurva_ok, bidang.kurva_pelanggaran) == ("", None, [])
    assert RekapWilayah.objects.get(periode_penilaian=jan).jumlah_unit_melanggar_kurva == 0


def test_pegawai_nonaktif_hilang_dari_rekap_berikutnya(org_a, kinerja_a):
    rekap_hitung(periode_penilaian=kinerja_a.jan)
    org_a.staf2.status_aktif = "pensiun"
    org_a.staf2.save(update_fields=["status_aktif"])
    rekap_hitung(periode_penilaian=kinerja_a.jan)
    assert RekapPegawai.objects.filter(periode_penilaian=kinerja_a.jan).count() == 5
    assert RekapWilayah.objects.get(periode_penilaian=kinerja_a.jan).jumlah_butuh_perbaikan == 0


def test_periode_tanpa_pegawai_tetap_punya_rekap_nol(org_a, kinerja_a):
    from pegawai.models import Pegawai

    Pegawai.objects.filter(wilayah=org_a.wilayah).update(status_aktif="pensiun")
    rekap_hitung(periode_penilaian=kinerja_a.feb)
    w = RekapWilayah.objects.get(periode_penilaian=kinerja_a.feb)
    assert w.jumlah_pegawai == 0 and w.jumlah_unit == 0


def _jumlah_query(periode) -> int:
    with CaptureQueriesContext(connection) as q:
        rekap_hitung(periode_penilaian=periode)
    return len(q)


def test_jumlah_query_rekap_tidak_bergantung_jumlah_pegawai(org_a, kinerja_a):
    sedikit = _jumlah_query(kinerja_a.jan)
    for _ in range(30):
        PegawaiFactory(jabatan=org_a.j_staf)
    assert RekapPegawai.objects.count() == 6
    banyak = _jumlah_query(kinerja_a.jan)
    assert RekapPegawai.objects.filter(periode_penilaian=kinerja_a.jan).count() == 36
    assert banyak == sedikit, (sedikit, banyak)
    assert banyak <= 12


def test_rekap_akhir_periode_ditutup(org_a, kinerja_a):
    kinerja_a.jan.status = "tutup"
    kinerja_a.jan.save()
    assert kinerja_a.jan.pk in periode_ditutup_tanpa_rekap_akhir()
    assert tasks.rekap_susulan_periode_ditutup.delay().get() == 1  # eager
    proses = ProsesLaporan.objects.get(periode_penilaian=kinerja_a.jan)
    assert proses.status == "selesai" and proses.ringkasan["pegawai"] == 6
    assert kinerja_a.jan.pk not in periode_ditutup_tanpa_rekap_akhir()


def test_rekap_malam_periode_buka(org_a, kinerja_a):
    ids = periode_perlu_rekap_malam(hari_ini=dt.date(2026, 2, 3))
    assert set(ids) == {kinerja_a.jan.pk, kinerja_a.feb.pk}
    kinerja_a.jan.status = "tutup"
    kinerja_a.jan.save()
    assert periode_perlu_rekap_malam(hari_ini=dt.date(2026, 2, 3)) == [kinerja_a.feb.pk]


def test_jadwal_beat_di_settings_dan_admin(settings, admin_nasional, client):
    from django_celery_beat.models import PeriodicTask

    from asn_kinerja.celery import app

    jadwal = settings.CELERY_BEAT_SCHEDULE
    nama = {
        "laporan-rekap-malam": "laporan.rekap_malam",
        "laporan-rekap-susulan-periode-ditutup": "laporan.rekap_susulan_periode_ditutup",
        "laporan-pengingat-tenggat": "laporan.pengingat_tenggat",
        "laporan-pengingat-menunggu-atasan": "laporan.pengingat_menunggu_atasan",
    }
    for kunci, task in nama.items():
        assert jadwal[kunci]["task"] == task
        assert task in app.tasks
        assert PeriodicTask.objects.get(name=kunci).task == task  # synced after migrate
    client.force_login(admin_nasional)
    resp = client.get("/admin/django_celery_beat/periodictask/")
    assert resp.status_code == 200
    assert "laporan-rekap-malam" in resp.content.decode()


def test_sinkron_jadwal_tidak_menimpa_suntingan_admin():
    from django_celery_beat.models import PeriodicTask

    from kinerja.laporan.jadwal import sinkronkan_jadwal_beat

    PeriodicTask.objects.filter(name="laporan-rekap-malam").update(enabled=False)
    assert sinkronkan_jadwal_beat() == 0
    assert PeriodicTask.objects.get(name="laporan-rekap-malam").enabled is False
    PeriodicTask.objects.filter(name="laporan-rekap-malam").delete()
    assert sinkronkan_jadwal_beat() == 1


def test_pengingat_tenggat_sekali_per_orang(org_a, kinerja_a):
    for u in (org_a.user_kasi, org_a.user_staf_seksi, org_a.user_staf):
        u.email = ""
        u.save()
    n = pengingat_tenggat(hari_ini=dt.date(2026, 1, 29), hari=3)
    # Unfilled January evaluation (or none) and an account: kasi, staf_seksi, sekda.
    # staf (final) and staf2 (dinilai), kabid (realisasi diajukan) are done with their part.
    penerima = set(Notifikasi.objects.values_list("penerima__username", flat=True))
    assert penerima == {"kasi_alpha", "stafseksi_alpha", "sekda_alpha"}
    assert n == 3
    assert pengingat_tenggat(hari_ini=dt.date(2026, 1, 29), hari=3) == 0
    assert pengingat_tenggat(hari_ini=dt.date(2026, 1, 20), hari=3) == 0


def test_pengingat_menunggu_atasan(org_a, kinerja_a):
    from kinerja.models import SKP

    SKP.objects.filter(pk=kinerja_a.skp_staf_seksi.pk).update(
        updated_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    sekarang = dt.datetime(2026, 2, 3, 3, 0, tzinfo=dt.UTC)
    n = pengingat_menunggu_atasan(sekarang=sekarang, hari=5)
    # kabid's realisation waits on the sekda (10 days), staf_seksi's SKP on the kasi.
    penerima = set(Notifikasi.objects.values_list("penerima__username", flat=True))
    assert penerima == {"sekda_alpha", "kasi_alpha"} and n == 2
    assert pengingat_menunggu_atasan(sekarang=sekarang, hari=5) == 0
