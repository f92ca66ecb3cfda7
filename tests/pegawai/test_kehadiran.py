"""Attendance: lateness in the wilayah's time zone, the idempotent fingerprint import, recaps
in SQL, pages (roles, scoping, bad input, query counts)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pegawai.choices import StatusKehadiran
from pegawai.cuti.selectors import rekap_kehadiran, rekap_kehadiran_unit
from pegawai.cuti.services.alpa import kehadiran_tandai_alpa
from pegawai.cuti.services.impor_kehadiran import kehadiran_impor
from pegawai.cuti.services.kehadiran import hitung_keterlambatan
from pegawai.models import ImporKehadiran, Kehadiran, Pegawai, PresensiMesin

pytestmark = pytest.mark.django_db

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
SENIN = dt.date(2026, 11, 23)
JUMAT = dt.date(2026, 11, 27)


def _jam_kerja(w, masuk="07:30", pulang="16:00", jumat="16:30"):
    w.jam_masuk = dt.time.fromisoformat(masuk)
    w.jam_pulang = dt.time.fromisoformat(pulang)
    w.jam_pulang_jumat = dt.time.fromisoformat(jumat)
    w.save()


# --- lateness in the wilayah's zone ----------------------------------------------------------------


def test_0745_wita_terlambat_di_gorontalo_tetapi_0645_wib_tepat_waktu(org_a, org_b):
    """org_a is Asia/Makassar (like Gorontalo), org_b Asia/Jakarta (like Gayungan); both start
    at 07:30 local. The same instant, 23:45 UTC, is 07:45 WITA (15 minutes late) and 06:45 WIB
    (on time)."""
    _jam_kerja(org_a.wilayah)
    _jam_kerja(org_b.wilayah)
    instan = dt.datetime(2026, 11, 22, 23, 45, tzinfo=dt.UTC)
    assert instan.astimezone(WITA).strftime("%H:%M") == "07:45"
    a = hitung_keterlambatan(wilayah=org_a.wilayah, tanggal=SENIN, jam_masuk=instan,
                                      jam_pulang=None)  # fmt: skip
    b = hitung_keterlambatan(wilayah=org_b.wilayah, tanggal=SENIN, jam_masuk=instan,
                                      jam_pulang=None)  # fmt: skip
    assert a == (15, 0)
    assert b == (0, 0)
    # 07:45 WIB in the WIB wilayah is 15 minutes late too.
    wib = dt.datetime(2026, 11, 23, 7, 45, tzinfo=WIB)
    assert hitung_keterlambatan(
        wilayah=org_b.wilayah, tanggal=SENIN, jam_masuk=wib, jam_pulang=None
    ) == (15, 0)


def test_pulang_cepat_jumat_memakai_jam_pulang_jumat(org_a):
    _jam_kerja(org_a.wilayah, pulang="16:00", jumat="16:30")
    pulang = dt.datetime(2026, 11, 27, 16, 10, tzinfo=WITA)
    assert hitung_keterlambatan(
        wilayah=org_a.wilayah, tanggal=JUMAT, jam_masuk=None, jam_pulang=pulang
    ) == (0, 20)
    senin = dt.datetime(2026, 11, 23, 16, 10, tzinfo=WITA)
    assert hitung_keterlambatan(
        wilayah=org_a.wilayah, tanggal=SENIN, jam_masuk=None, jam_pulang=senin
    ) == (0, 0)


# --- import ------------------------------------------------------------------------------------------


def _csv(*rows: str) -> bytes:
    return ("NIP,Waktu\n" + "\n".join(rows) + "\n").encode()


def test_impor_idempoten_dan_laporan_nip_tidak_dikenal(org_a, org_b):
    _jam_kerja(org_a.wilayah)
    a, b = org_a.staf, org_b.staf
    data = _csv(
        f"{a.nip},2026-11-23 07:45:10",  # WITA: 15 minutes late
        f"{a.nip},2026-11-23 16:05:00",
        f"{org_a.kabid.nip},2026-11-23 07:20:00",
        f"{org_a.kabid.nip},2026-11-23 16:00:00",
        "199001012015011999,2026-11-23 07:00:00",  # unknown
        f"{b.nip},2026-11-23 07:00:00",  # another wilayah's employee: unknown here
        f"{a.nip},kemarin pagi",
    )
    impor = kehadiran_impor(actor=org_a.user_hr, wilayah=org_a.wilayah, data=data)
    assert impor.jumlah_presensi_baru == 4
    assert {r["nip"] for r in impor.nip_tidak_dikenal} == {"199001012015011999", b.nip}
    assert impor.baris_tidak_sah[0]["alasan"] == "waktu tidak terbaca"
    k = Kehadiran.objects.get(pegawai=a, tanggal=SENIN)
    assert (k.status, k.menit_terlambat, k.menit_pulang_cepat) == ("terlambat", 15, 0)
    assert k.jam_masuk == dt.datetime(2026, 11, 22, 23, 45, 10, tzinfo=dt.UTC)  # stored in UTC
    assert Kehadiran.objects.get(pegawai=org_a.kabid, tanggal=SENIN).status == "hadir"
    jumlah = (Kehadiran.objects.count(), PresensiMesin.objects.count())
    diubah = Kehadiran.objects.get(pegawai=a, tanggal=SENIN).updated_at

    again = kehadiran_impor(actor=org_a.user_hr, wilayah=org_a.wilayah, data=data)
    assert again.jumlah_presensi_baru == 0 and again.jumlah_duplikat == 4
    assert again.jumlah_hari_diperbarui == 0
    assert (Kehadiran.objects.count(), PresensiMesin.objects.count()) == jumlah
    assert Kehadiran.objects.get(pegawai=a, tanggal=SENIN).updated_at == diubah


def test_impor_zona_wib(org_b):
    _jam_kerja(org_b.wilayah, masuk="07:30", pulang="15:30")
    data = _csv(f"{org_b.staf.nip},2026-11-23 07:45:00", f"{org_b.staf.nip},2026-11-23 15:00:00")
    kehadiran_impor(actor=org_b.user_hr, wilayah=org_b.wilayah, data=data)
    k = Kehadiran.objects.get(pegawai=org_b.staf)
    assert (k.menit_terlambat, k.menit_pulang_cepat) == (15, 30)
    assert k.jam_masuk == dt.datetime(2026, 11, 23, 0, 45, tzinfo=dt.UTC)


def test_impor_file_berikutnya_melengkapi_hari(org_a):
    _jam_kerja(org_a.wilayah)
    nip = org_a.staf.nip
    kehadiran_impor(actor=org_a.user_hr, wilayah=org_a.wilayah,
                             data=_csv(f"{nip},2026-11-23 07:10:00"))  # fmt: skip
    kehadiran_impor(actor=org_a.user_hr, wilayah=org_a.wilayah,
                             data=_csv(f"{nip},2026-11-23 16:20:00"))  # fmt: skip
    k = Kehadiran.objects.get(pegawai=org_a.staf)
    assert k.jam_pulang.astimezone(WITA).strftime("%H:%M") == "16:20" and k.status == "hadir"


def test_impor_tidak_menimpa_cuti(org_a, cuti_disetujui):
    hari = cuti_disetujui.tanggal_mulai
    data = _csv(f"{org_a.staf.nip},{hari} 09:00:00")
    kehadiran_impor(actor=org_a.user_hr, wilayah=org_a.wilayah, data=data)
    k = Kehadiran.objects.get(pegawai=org_a.staf, tanggal=hari)
    assert k.status == "cuti" and k.menit_terlambat == 0


def test_impor_hanya_hr_wilayahnya(org_a, org_b):
    from django.core.exceptions import PermissionDenied

    for user, w in [(org_a.user_staf, org_a.wilayah), (org_a.user_hr, org_b.wilayah)]:
        with pytest.raises(PermissionDenied):
            kehadiran_impor(actor=user, wilayah=w, data=_csv())
    assert not ImporKehadiran.objects.exists()


def test_tandai_alpa_idempoten(org_a):
    Kehadiran.objects.create(pegawai=org_a.staf, tanggal=SENIN, status="hadir")
    n = kehadiran_tandai_alpa(wilayah=org_a.wilayah, tanggal=SENIN)
    assert n == 5  # six employees, one present
    assert kehadiran_tandai_alpa(wilayah=org_a.wilayah, tanggal=SENIN) == 0
    assert kehadiran_tandai_alpa(wilayah=org_a.wilayah, tanggal=dt.date(2026, 11, 22)) == 0


# --- recaps -----------------------------------------------------------------------------------------


def _isi(pegawai, hari: dt.date, status: str, terlambat: int = 0) -> Kehadiran:
    return Kehadiran.objects.create(pegawai=pegawai, tanggal=hari, status=status,
                                    menit_terlambat=terlambat)  # fmt: skip


def test_rekap_kehadiran_per_pegawai_dan_unit(org_a, org_b, django_assert_num_queries):
    _isi(org_a.staf, SENIN, "terlambat", 20)
    _isi(org_a.staf, SENIN + dt.timedelta(days=1), "hadir")
    _isi(org_a.staf, SENIN + dt.timedelta(days=2), "alpa")
    _isi(org_a.staf, SENIN + dt.timedelta(days=3), "cuti")
    _isi(org_a.staf2, SENIN, "terlambat", 5)
    _isi(org_a.staf, dt.date(2026, 10, 1), "alpa")  # outside the month
    assert org_a.user_hr.is_admin_kepegawaian  # (loads the user's groups once)
    with django_assert_num_queries(1):
        rows = {
            p.pk: p
            for p in rekap_kehadiran(
                Pegawai.objects.visible_to(org_a.user_hr),
                dt.date(2026, 11, 1),
                dt.date(2026, 11, 30),
            )
        }
    s = rows[org_a.staf.pk]
    assert (s.hadir, s.terlambat, s.menit_terlambat, s.alpa, s.cuti, s.hari_tercatat) == (
        2,
        1,
        20,
        1,
        1,
        4,
    )
    assert rows[org_a.kabid.pk].hadir == 0 and org_b.staf.pk not in rows
    with django_assert_num_queries(1):
        unit = list(rekap_kehadiran_unit(actor=org_a.user_hr, mulai=dt.date(2026, 11, 1),
                                         selesai=dt.date(2026, 11, 30)))  # fmt: skip
    assert len(unit) == 1
    assert (unit[0]["jumlah_pegawai"], unit[0]["menit_terlambat"], unit[0]["alpa"]) == (2, 25, 1)


# --- pages -------------------------------------------------------------------------------------------


def test_kehadiran_list_lingkup(client, org_a, org_b):
    for p in (org_a.staf, org_a.staf2, org_a.staf_seksi, org_b.staf):
        _isi(p, SENIN, "hadir")
    url = reverse("pegawai:kehadiran_list") + "?bulan=2026-11"
    harapan = {org_a.user_staf: {org_a.staf}, org_a.user_kasi: {org_a.staf_seksi},
               org_a.user_hr: {org_a.staf, org_a.staf2, org_a.staf_seksi}}  # fmt: skip
    for user, pegawai in harapan.items():
        client.force_login(user)
        resp = client.get(url)
        assert resp.status_code == 200
        assert {k.pegawai for k in resp.context["daftar_kehadiran"]} == pegawai, user
    client.force_login(org_a.user_staf)
    assert "rekap_saya" in client.get(url).context


def test_kehadiran_list_bulan_salah_tetap_tampil(client_as, org_a):
    resp = client_as(org_a.user_hr).get(reverse("pegawai:kehadiran_list") + "?bulan=abc&status=x")
    assert resp.status_code == 200 and "TTTT-BB" in resp.content.decode()


def _banyak(org, n: int, hari: dt.date) -> None:
    from tests.factories import PegawaiFactory

    for _i in range(n):
        _isi(PegawaiFactory(jabatan=org.j_staf), hari, "terlambat", 7)


@pytest.mark.parametrize("nama", ["pegawai:kehadiran_list", "pegawai:kehadiran_rekap"])
def test_daftar_kehadiran_jumlah_query_konstan(
    client_as, org_a, nama, django_assert_max_num_queries
):
    client = client_as(org_a.user_hr)
    url = reverse(nama) + "?bulan=2026-11"
    _banyak(org_a, 3, SENIN)
    with django_assert_max_num_queries(30) as ctx:
        assert client.get(url).status_code == 200
    n = len(ctx.captured_queries)
    _banyak(org_a, 27, SENIN)
    with django_assert_max_num_queries(n):
        client.get(url)


def test_rekap_peran(client, org_a):
    client.force_login(org_a.user_kasi)
    resp = client.get(reverse("pegawai:kehadiran_rekap") + "?bulan=2026-11")
    assert {p.pk for p in resp.context["rekap"]} == {org_a.kasi.pk, org_a.staf_seksi.pk}


def test_halaman_impor(client, org_a, org_b):
    client.force_login(org_a.user_staf)
    assert client.get(reverse("pegawai:kehadiran_impor")).status_code == 403
    client.force_login(org_a.user_hr)
    berkas = SimpleUploadedFile("mesin.csv", _csv(f"{org_a.staf.nip},2026-11-23 07:45:00"))
    resp = client.post(reverse("pegawai:kehadiran_impor"), {"berkas": berkas,
                                                             "wilayah": org_b.wilayah.pk})  # fmt: skip
    impor = ImporKehadiran.objects.get()
    assert impor.wilayah == org_a.wilayah  # HR imports into their own wilayah only
    assert resp.status_code == 302 and resp["Location"] == impor.get_absolute_url()
    assert "Presensi baru" in client.get(impor.get_absolute_url()).content.decode()
    client.force_login(org_b.user_hr)
    assert client.get(impor.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "berkas,pesan",
    [
        (None, "tidak boleh kosong"),
        (SimpleUploadedFile("data.xlsx", b"PK\x03\x04"), "format CSV"),
        (SimpleUploadedFile("data.csv", b"\x00\x01\x02"), "bukan teks CSV"),
        (SimpleUploadedFile("data.csv", b""), "kosong"),
        (SimpleUploadedFile("besar.csv", b"1" * (5 * 1024 * 1024 + 1)), "paling besar 5 MB"),
    ],
)
def test_form_impor_input_buruk(client_as, org_a, berkas, pesan):
    data = {"berkas": berkas} if berkas else {}
    resp = client_as(org_a.user_hr).post(reverse("pegawai:kehadiran_impor"), data)
    assert resp.status_code == 200 and pesan in resp.content.decode()
    assert not ImporKehadiran.objects.exists()


def test_ubah_kehadiran_oleh_hr(client, org_a, org_b):
    k = _isi(org_a.staf, SENIN, StatusKehadiran.ALPA)
    url = reverse("pegawai:kehadiran_update", args=[k.pk])
    client.force_login(org_a.user_staf)
    assert client.get(url).status_code == 403
    client.force_login(org_b.user_hr)
    assert client.get(url).status_code == 404
    client.force_login(org_a.user_hr)
    resp = client.post(url, {"status": "sakit", "keterangan": "Surat dokter"})
    assert resp.status_code == 302
    k.refresh_from_db()
    assert (k.status, k.keterangan) == ("sakit", "Surat dokter")
    resp = client.post(url, {"status": "hadir"})
    assert "memerlukan jam masuk" in resp.content.decode()
    resp = client.post(url, {"status": "libur", "keterangan": "x" * 256})
    html = resp.content.decode()
    assert "pilihan yang valid" in html and "paling banyak 255" in html
    k.refresh_from_db()
    assert k.status == "sakit"
