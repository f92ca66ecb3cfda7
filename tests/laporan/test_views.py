"""Dashboards, recap list, exports and jobs through the client: roles, scoping, query
counts, bad input and the broker being down."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from kinerja.laporan.models import ProsesLaporan
from kinerja.laporan.services.rekap import rekap_hitung
from tests.factories import PegawaiFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rekap(org_a, org_b, kinerja_a, kinerja_b, hari_ini_februari):
    for k in (kinerja_a, kinerja_b):
        rekap_hitung(periode_penilaian=k.jan)
        rekap_hitung(periode_penilaian=k.feb)
    return kinerja_a


def _get(client_as, user, url, **kw):
    return client_as(user).get(url, **kw)


def test_dasbor_wilayah_per_peran(org_a, org_b, rekap, client_as, admin_nasional):
    url = f"/laporan/wilayah/?periode={rekap.jan.pk}"
    for user in (org_a.user_hr, org_a.user_pimpinan):
        resp = _get(client_as, user, url)
        assert resp.status_code == 200
        teks = resp.content.decode()
        assert "Bidang Umum Alpha" in teks and "Beta" not in teks
        assert "Rekap terakhir:" in teks
    assert _get(client_as, org_a.user_staf, url).status_code == 403
    assert _get(client_as, org_a.user_kabid, url).status_code == 403
    resp = _get(client_as, admin_nasional, "/laporan/wilayah/?wilayah=beta")
    assert resp.status_code == 200 and "Bidang Umum Beta" in resp.content.decode()


def test_periode_wilayah_lain_404(org_a, kinerja_b, rekap, client_as):
    resp = _get(client_as, org_a.user_hr, f"/laporan/wilayah/?periode={kinerja_b.jan.pk}")
    assert resp.status_code == 404
    resp = _get(
        client_as, org_a.user_hr, f"/laporan/unit/?unit={kinerja_b.pk.wilayah.unit_set.first().pk}"
    )
    assert resp.status_code == 404


def test_pilihan_tidak_terlihat_404(org_a, kinerja_b, rekap, client_as, admin_nasional):
    """The selectors answer "not found" (None, `TidakDitemukan`); the views make it a 404:
    a wilayah the national admin picks that does not exist, another wilayah's window in the
    unit export."""
    assert _get(client_as, admin_nasional, "/laporan/wilayah/?wilayah=tidakada").status_code == 404
    url = f"/laporan/rekap/unit.xlsx?periode={kinerja_b.jan.pk}"
    assert _get(client_as, org_a.user_hr, url).status_code == 404


def test_dasbor_unit_per_peran(org_a, rekap, client_as):
    # section head: own unit by default, subtree allowed, the unit above is 404
    resp = _get(client_as, org_a.user_kabid, f"/laporan/unit/?periode={rekap.jan.pk}")
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "Bidang Umum Alpha" in teks and "Seksi Data Alpha" in teks
    assert "Siapa menunggu siapa" in teks and "Kasi Alpha" in teks
    assert "Kurva distribusi unit" in teks  # bidang has predikat Baik
    assert (
        _get(client_as, org_a.user_kabid, f"/laporan/unit/?unit={org_a.seksi.pk}").status_code
        == 200
    )
    assert (
        _get(client_as, org_a.user_kabid, f"/laporan/unit/?unit={org_a.root.pk}").status_code == 404
    )
    assert _get(client_as, org_a.user_hr, f"/laporan/unit/?unit={org_a.root.pk}").status_code == 200
    assert _get(client_as, org_a.user_staf, "/laporan/unit/").status_code == 403


def test_dasbor_pegawai(org_a, org_b, rekap, client_as):
    resp = _get(client_as, org_a.user_staf, "/laporan/saya/")
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "Januari 2026" in teks and "Baik" in teks
    # another employee: only within the actor's scope
    assert (
        _get(client_as, org_a.user_staf, f"/laporan/saya/?pegawai={org_a.staf2.pk}").status_code
        == 404
    )
    assert (
        _get(client_as, org_a.user_kabid, f"/laporan/saya/?pegawai={org_a.staf2.pk}").status_code
        == 200
    )
    assert (
        _get(client_as, org_a.user_hr, f"/laporan/saya/?pegawai={org_b.staf.pk}").status_code == 404
    )


def test_beranda_per_peran(org_a, rekap, client_as, admin_nasional):
    teks = _get(client_as, org_a.user_hr, "/").content.decode()
    assert "Beranda" in teks and "Pegawai aktif" in teks and "Distribusi predikat" in teks
    assert "Beta" not in teks
    teks = _get(client_as, org_a.user_kabid, "/").content.decode()
    assert "Siapa menunggu" not in teks and "Unit Bidang Umum Alpha" in teks
    teks = _get(client_as, org_a.user_staf, "/").content.decode()
    assert (
        "Kinerja saya" in teks and "Riwayat predikat" in teks and "Distribusi predikat" not in teks
    )
    teks = _get(client_as, admin_nasional, "/").content.decode()
    assert "Perbandingan antarwilayah" in teks and "Alpha" in teks and "Beta" in teks


def test_perbandingan_hanya_admin_nasional(org_a, rekap, client_as, admin_nasional):
    assert _get(client_as, org_a.user_hr, "/laporan/perbandingan/").status_code == 403
    resp = _get(client_as, admin_nasional, "/laporan/perbandingan/?bulan=2026-01")
    assert resp.status_code == 200 and "Januari 2026" in resp.content.decode()
    resp = _get(client_as, admin_nasional, "/laporan/perbandingan/?bulan=salah")
    assert resp.status_code == 200 and "Format bulan" in resp.content.decode()


def _hitung(client, url) -> int:
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q)


@pytest.mark.parametrize(
    "url,user",
    [
        ("/laporan/wilayah/?periode={jan}", "user_hr"),
        ("/laporan/unit/?periode={jan}", "user_kabid"),
        ("/laporan/rekap/?periode={jan}", "user_hr"),
        ("/", "user_hr"),
        ("/", "user_kabid"),
        ("/laporan/saya/", "user_staf"),
    ],
)
def test_jumlah_query_dasbor_konstan(org_a, rekap, client_as, url, user):
    url = url.format(jan=rekap.jan.pk)
    client = client_as(getattr(org_a, user))
    sedikit = _hitung(client, url)
    for _ in range(30):
        PegawaiFactory(jabatan=org_a.j_staf)
    rekap_hitung(periode_penilaian=rekap.jan)
    client = client_as(getattr(org_a, user))
    assert _hitung(client, url) <= sedikit


def test_daftar_rekap_filter_dan_tautan(org_a, rekap, client_as):
    c = client_as(org_a.user_hr)
    teks = c.get(f"/laporan/rekap/?periode={rekap.jan.pk}&status=tanpa_skp").content.decode()
    assert org_a.sekda.nama in teks and org_a.staf.nama not in teks
    teks = c.get(f"/laporan/rekap/?periode={rekap.jan.pk}&predikat=baik").content.decode()
    assert org_a.staf.nama in teks and org_a.staf2.nama not in teks
    teks = c.get(f"/laporan/rekap/?periode={rekap.jan.pk}&unit={org_a.seksi.pk}").content.decode()
    assert org_a.kasi.nip in teks and org_a.kabid.nip not in teks
    teks = c.get(f"/laporan/rekap/?periode={rekap.jan.pk}&o=-terlambat").content.decode()
    assert teks.index(org_a.staf.nama) < teks.index(org_a.kasi.nama)


def test_daftar_rekap_masukan_salah(org_a, kinerja_b, rekap, client_as):
    c = client_as(org_a.user_hr)
    resp = c.get(f"/laporan/rekap/?periode={kinerja_b.jan.pk}")
    assert (
        resp.status_code == 200
        and "Pilih periode yang tersedia di wilayah Anda." in resp.content.decode()
    )
    resp = c.get("/laporan/rekap/?periode=abc&unit=xyz")
    teks = resp.content.decode()
    assert (
        "Pilih periode yang tersedia" in teks and "Pilih unit kerja yang dapat Anda lihat" in teks
    )
    resp = c.get("/laporan/rekap/?q=" + "x" * 101)
    assert "paling banyak 100 karakter" in resp.content.decode()
    resp = c.get("/laporan/rekap/?predikat=hebat")
    assert "Pilih predikat dari daftar." in resp.content.decode()


def test_daftar_rekap_peran_pegawai_hanya_diri(org_a, rekap, client_as):
    teks = _get(
        client_as, org_a.user_staf, f"/laporan/rekap/?periode={rekap.jan.pk}"
    ).content.decode()
    assert org_a.staf.nama in teks and org_a.staf2.nama not in teks
    teks = _get(
        client_as, org_a.user_kasi, f"/laporan/rekap/?periode={rekap.jan.pk}"
    ).content.decode()
    assert org_a.staf_seksi.nama in teks and org_a.staf.nama not in teks


def _xlsx_teks(resp) -> str:
    assert resp.status_code == 200
    wb = load_workbook(io.BytesIO(resp.content))
    return "\n".join(
        " ".join(str(v) for v in row if v is not None)
        for ws in wb
        for row in ws.iter_rows(values_only=True)
    )


def test_ekspor_excel_tanpa_wilayah_lain(org_a, org_b, rekap, client_as):
    c = client_as(org_a.user_hr)
    teks = _xlsx_teks(c.get(f"/laporan/rekap/pegawai.xlsx?periode={rekap.jan.pk}"))
    assert org_a.staf.nip in teks and org_a.staf.nama in teks
    teks += _xlsx_teks(c.get(f"/laporan/rekap/unit.xlsx?periode={rekap.jan.pk}"))
    assert "Bidang Umum Alpha" in teks and "Melanggar" in teks
    teks += _xlsx_teks(c.get("/laporan/rekap/wilayah.xlsx"))
    assert "Januari 2026" in teks
    for p in (org_b.staf, org_b.kabid, org_b.sekda):
        assert p.nama not in teks and p.nip not in teks
    assert "Beta" not in teks
    assert _get(client_as, org_a.user_staf, "/laporan/rekap/wilayah.xlsx").status_code == 403
    assert _get(client_as, org_a.user_staf, "/laporan/rekap/unit.xlsx").status_code == 403


def test_jalankan_rekap_dari_ui(org_a, rekap, client_as, django_capture_on_commit_callbacks):
    c = client_as(org_a.user_hr)
    with django_capture_on_commit_callbacks(execute=True):
        resp = c.post("/laporan/rekap/jalankan/", {"periode": rekap.jan.pk})
    proses = ProsesLaporan.objects.get(jenis="rekap")
    assert resp.status_code == 302 and resp["Location"] == f"/laporan/proses/{proses.pk}/"
    proses.refresh_from_db()
    assert (
        proses.status == "selesai" and proses.persen == 100 and proses.dibuat_oleh == org_a.user_hr
    )
    resp = c.get(resp["Location"], HTTP_HX_REQUEST="true")
    teks = resp.content.decode()
    assert 'data-status="selesai"' in teks and "hx-trigger" not in teks and "<html" not in teks


def test_jalankan_rekap_ditolak_dan_masukan_salah(org_a, kinerja_b, rekap, client_as):
    assert _get(client_as, org_a.user_pimpinan, "/").status_code == 200
    c = client_as(org_a.user_pimpinan)
    assert c.post("/laporan/rekap/jalankan/", {"periode": rekap.jan.pk}).status_code == 403
    assert (
        client_as(org_a.user_staf)
        .post("/laporan/rekap/jalankan/", {"periode": rekap.jan.pk})
        .status_code
        == 403
    )
    c = client_as(org_a.user_hr)
    for data in ({}, {"periode": kinerja_b.jan.pk}, {"periode": "x" * 300}):
        resp = c.post("/laporan/rekap/jalankan/", data, follow=True)
        assert resp.status_code == 200
        teks = resp.content.decode()
        assert "Pilih periode" in teks
    assert not ProsesLaporan.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_broker_mati_pesan_jelas_bukan_500(org_a, kinerja_a, client_as, hari_ini_februari):
    """Redis down: pointing the broker at a closed port. The page keeps working from the
    last recap and starting a job says so in Indonesian."""
    from asn_kinerja.celery import app

    rekap_hitung(periode_penilaian=kinerja_a.jan)
    c = client_as(org_a.user_hr)
    lama = app.conf.broker_url
    app.conf.task_always_eager = False
    app.conf.broker_url = "redis://127.0.0.1:9/0"
    app._pool = None
    app.amqp._producer_pool = None
    try:
        resp = c.post("/laporan/rekap/jalankan/", {"periode": kinerja_a.jan.pk}, follow=True)
    finally:
        app.conf.broker_url = lama
        app.conf.task_always_eager = True
        app._pool = None
        app.amqp._producer_pool = None
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert "Antrean tugas latar belakang (Redis) sedang tidak tersedia" in teks
    assert "Rekap terakhir:" in teks
    proses = ProsesLaporan.objects.get()
    assert proses.status == "gagal"
    resp = c.get(f"/laporan/wilayah/?periode={kinerja_a.jan.pk}")
    assert resp.status_code == 200 and "Rekap terakhir:" in resp.content.decode()


def test_proses_wilayah_lain_404(org_a, org_b, rekap, client_as):
    p = ProsesLaporan.objects.create(
        wilayah=org_b.wilayah,
        periode_penilaian=rekap.jan.__class__.objects.filter(
            periode_kinerja__wilayah=org_b.wilayah
        ).first(),
        jenis="rekap",
    )
    for url in (f"/laporan/proses/{p.pk}/", f"/laporan/proses/{p.pk}/unduh/"):
        assert _get(client_as, org_a.user_hr, url).status_code == 404
    own = ProsesLaporan.objects.create(
        wilayah=org_a.wilayah, periode_penilaian=rekap.jan, jenis="rekap"
    )
    assert _get(client_as, org_a.user_staf, f"/laporan/proses/{own.pk}/").status_code == 403
    assert _get(client_as, org_a.user_hr, f"/laporan/proses/{own.pk}/").status_code == 200
    assert _get(client_as, org_a.user_hr, f"/laporan/proses/{own.pk}/unduh/").status_code == 404


def test_halaman_laporan_per_peran(org_a, rekap, client_as):
    teks = _get(client_as, org_a.user_hr, "/laporan/pdf/").content.decode()
    assert "Hitung rekap sekarang" in teks and "Rekap kehadiran unit" in teks
    teks = _get(client_as, org_a.user_kabid, "/laporan/pdf/").content.decode()
    assert "Hitung rekap sekarang" not in teks and "Rekap kehadiran unit" in teks
    assert _get(client_as, org_a.user_staf, "/laporan/pdf/").status_code == 403


def test_form_kehadiran_masukan_salah(org_a, org_b, rekap, client_as):
    c = client_as(org_a.user_kabid)
    for q, pesan in [
        ("", "Pilih unit kerja."),
        (f"?unit={org_b.bidang.pk}&bulan=2026-01", "Pilih unit kerja yang dapat Anda lihat."),
        (f"?unit={org_a.root.pk}&bulan=2026-01", "Pilih unit kerja yang dapat Anda lihat."),
        (f"?unit={org_a.bidang.pk}&bulan=Januari", "Format bulan"),
        (f"?unit={org_a.bidang.pk}&bulan=2026-01-01-01", "Format bulan"),
    ]:
        resp = c.get("/laporan/pdf/kehadiran/" + q, follow=True)
        assert resp.status_code == 200 and pesan in resp.content.decode(), q
    resp = c.get(f"/laporan/pdf/kehadiran/?unit={org_a.bidang.pk}&bulan=2026-01")
    assert (
        resp.status_code == 302
        and resp["Location"] == f"/laporan/pdf/kehadiran/{org_a.bidang.pk}/?bulan=2026-01"
    )


def test_dasbor_menjumlah_subpohon_di_sql(org_a, kinerja_a, hari_ini_februari, client_as):
    """Subtree sums of the dashboards (summed in SQL) equal the unit rows added up by hand,
    also for units two levels below the shown child, and the unit's own staff stay apart."""
    from kinerja.laporan.models import RekapUnit
    from tests.factories import JabatanFactory, UnitKerjaFactory

    cucu = UnitKerjaFactory(wilayah=org_a.wilayah, parent=org_a.seksi, nama="Subseksi Alpha")
    PegawaiFactory(jabatan=JabatanFactory(unit=cucu, nama="Pengolah Data"))
    rekap_hitung(periode_penilaian=kinerja_a.jan)

    def subpohon(unit, kolom="jumlah_pegawai"):
        return sum(
            getattr(r, kolom)
            for r in RekapUnit.objects.filter(periode_penilaian=kinerja_a.jan)
            if r.unit.path.startswith(unit.path)
        )

    jan = kinerja_a.jan.pk
    d = _get(client_as, org_a.user_hr, f"/laporan/wilayah/?periode={jan}").context["dasbor"]
    baris = {a.unit.pk: a for a in d.baris_unit}
    assert baris[org_a.bidang.pk].jumlah_pegawai == subpohon(org_a.bidang) == 6
    d = _get(client_as, org_a.user_hr, f"/laporan/unit/?periode={jan}&unit={org_a.root.pk}")
    d = d.context["dasbor"]
    assert d.rekap.jumlah_pegawai == subpohon(org_a.root) == 7
    assert d.rekap.jumlah_tanpa_skp == subpohon(org_a.root, "jumlah_tanpa_skp")
    assert d.staf_langsung.jumlah_pegawai == 1  # the sekda alone
    assert [a.unit for a in d.baris_unit] == [org_a.bidang]
    d = _get(client_as, org_a.user_kabid, f"/laporan/unit/?periode={jan}").context["dasbor"]
    assert d.rekap.jumlah_pegawai == 6 and d.staf_langsung.jumlah_pegawai == 3
    assert {a.unit.pk: a.jumlah_pegawai for a in d.baris_unit} == {org_a.seksi.pk: 3}
    own = RekapUnit.objects.get(periode_penilaian=kinerja_a.jan, unit=org_a.bidang)
    assert (d.staf_langsung.predikat_unit, d.staf_langsung.kurva_ok) == (
        own.predikat_unit,
        own.kurva_ok,
    )
