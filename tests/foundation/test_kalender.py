"""The date matrix (issue "Works on every day of the year"): every date-sensitive path at the
days that broke or could break it, in both zones of the deployment.

The days: 1 January, the first working day of January, 29 February 2028, the first minutes
of a window (the previous one has just ended: a day "between two windows"), the last day of
a month, 31 December 23:30 WITA (still 31 December in WIB too), 1 January 00:30 WITA (already
the new year in WITA, still 31 December in WIB), and the real today (unpinned).

Seeding the whole demo is the expensive part (~20 s a day); it runs once per day of the
matrix and every check of that day reads the same data.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Count
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from asn_kinerja import waktu
from bench.pages import LOOKUP
from kinerja.models import (
    SKP,
    EvaluasiPeriodik,
    EvaluasiTahunan,
    PeriodeKinerja,
    PeriodePenilaian,
)
from organisasi.models import Pengguna, Wilayah

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
KODE = ["gorontalo", "mamuju", "gayungan"]

SAAT = {
    "1-januari": dt.datetime(2027, 1, 1, 10, 0, tzinfo=WITA),
    "hari-kerja-pertama-januari": dt.datetime(2027, 1, 4, 7, 45, tzinfo=WITA),
    "29-februari-2028": dt.datetime(2028, 2, 29, 10, 0, tzinfo=WITA),
    "antara-dua-jendela": dt.datetime(2026, 12, 1, 0, 30, tzinfo=WITA),
    "akhir-bulan": dt.datetime(2026, 11, 30, 16, 0, tzinfo=WITA),
    "31-desember-23.30-wita": dt.datetime(2026, 12, 31, 23, 30, tzinfo=WITA),
    "1-januari-00.30-wita": dt.datetime(2027, 1, 1, 0, 30, tzinfo=WITA),
}
PARAM = [pytest.param(v, id=k) for k, v in SAAT.items()] + [
    pytest.param(None, id="hari-ini-nyata", marks=pytest.mark.hari_nyata)
]


@pytest.fixture
def saat(request):
    """Travel to the day of the matrix (the real clock for the last case), frozen."""
    nilai = request.param
    if nilai is None:
        yield timezone.now()
        return
    with time_machine.travel(nilai, tick=False):
        yield nilai


def _tanggal(saat: dt.datetime, zona: zoneinfo.ZoneInfo) -> dt.date:
    return saat.astimezone(zona).date()


# --- the clock itself -------------------------------------------------------------------------


@pytest.mark.parametrize("saat", PARAM, indirect=True)
def test_hari_ini_tiap_zona(saat):
    """The wilayah's date is the date of its zone, whatever the server's zone."""
    w_wita = Wilayah(zona_waktu="Asia/Makassar")
    w_wib = Wilayah(zona_waktu="Asia/Jakarta")
    assert waktu.hari_ini(w_wita) == _tanggal(saat, WITA)
    assert waktu.hari_ini(w_wib) == _tanggal(saat, WIB)
    assert waktu.hari_ini(Wilayah(zona_waktu="Bukan/Zona")) == _tanggal(saat, WIB)


def test_pergantian_tahun_beda_zona():
    """00:30 WITA on 1 January is 23:30 WIB on 31 December: the two wilayah are a day apart."""
    with time_machine.travel(SAAT["1-januari-00.30-wita"], tick=False):
        assert waktu.hari_ini(Wilayah(zona_waktu="Asia/Makassar")) == dt.date(2027, 1, 1)
        assert waktu.hari_ini(Wilayah(zona_waktu="Asia/Jakarta")) == dt.date(2026, 12, 31)
    with time_machine.travel(SAAT["31-desember-23.30-wita"], tick=False):
        assert waktu.hari_ini(Wilayah(zona_waktu="Asia/Makassar")) == dt.date(2026, 12, 31)
        assert waktu.hari_ini(Wilayah(zona_waktu="Asia/Jakarta")) == dt.date(2026, 12, 31)


# --- the demo on that day, and what each role finds there -------------------------------------


def _cek_demo(saat: dt.datetime) -> None:
    hari = _tanggal(saat, WITA)
    for kode in KODE:
        w = Wilayah.objects.get(kode=kode)
        lokal = waktu.hari_ini(w)
        pegawai = Pengguna.objects.get(username=f"pegawai_{kode}")
        atasan = Pengguna.objects.get(username=f"atasan_{kode}")
        milik = EvaluasiPeriodik.objects.filter(skp__pegawai__pengguna=pegawai)
        # A running window to fill ...
        assert milik.filter(
            status="belum_diisi",
            periode_penilaian__tanggal_mulai__lte=lokal,
            periode_penilaian__tanggal_selesai__gte=lokal,
        ).exists(), f"{kode} {hari}: tidak ada evaluasi berjalan belum_diisi"
        # ... and one submitted, waiting for the head.
        assert milik.filter(status="realisasi_diajukan").exists(), (
            f"{kode} {hari}: tidak ada evaluasi yang menunggu atasan"
        )
        # The head's inbox has work.
        from kinerja.selectors.inbox import inbox_counts

        assert sum(inbox_counts(actor=atasan).values()) > 0, f"{kode} {hari}: kotak masuk kosong"
        # The curve page has a unit with rated, not yet final evaluations.
        assert EvaluasiPeriodik.objects.filter(
            skp__wilayah=w, status="dinilai", periode_penilaian__status="buka"
        ).exists(), f"{kode} {hari}: tidak ada unit untuk difinalisasi"
        # The bench's page lookups (the demo accounts' ids) all resolve.
        for nama in ("pegawai_saya", "skp_saya", "evaluasi_saya_bulan_ini", "evaluasi_isian"):
            assert LOOKUP[nama](pegawai)
        for nama in ("evaluasi_menunggu", "evaluasi_dinilai", "bawahan_pertama"):
            assert LOOKUP[nama](atasan)
    for kode in KODE:
        lokal = waktu.hari_ini(Wilayah.objects.get(kode=kode))
        if lokal.month <= 2:
            # January-February: last year's annual evaluation is under way, this year's SKP
            # are mostly being drafted.
            assert EvaluasiTahunan.objects.filter(
                skp__wilayah__kode=kode, skp__periode_kinerja__tahun=lokal.year - 1
            ).exists()
            status = dict(
                SKP.objects.filter(wilayah__kode=kode, periode_kinerja__tahun=lokal.year)
                .values_list("status")
                .annotate(n=Count("pk"))
            )
            belum = status.get("draf", 0) + status.get("diajukan", 0)
            assert belum > status.get("disetujui", 0), status


HALAMAN = {
    "pegawai": ["kinerja:skp_saya", "kinerja:evaluasi_saya", "kinerja:log_list",
                "pegawai:cuti_list", "laporan:dasbor_pegawai", "home"],
    "atasan": ["kinerja:inbox", "kinerja:kurva_unit", "kinerja:skp_list", "laporan:dasbor_unit",
               "home"],
    "hr": ["laporan:dasbor_wilayah", "kinerja:progres", "kinerja:periode_list",
           "kinerja:kurva_unit", "pegawai:kehadiran_list", "home"],
}  # fmt: skip


def _cek_halaman() -> None:
    """The main pages of each role answer 200 (no 404 or 500 on any day)."""
    for kode in KODE:
        for peran, nama_url in HALAMAN.items():
            c = Client()
            c.force_login(Pengguna.objects.get(username=f"{peran}_{kode}"))
            for nama in nama_url:
                r = c.get(reverse(nama), follow=True)
                assert r.status_code == 200, (kode, peran, nama, r.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("saat", PARAM, indirect=True)
def test_demo_dan_halaman_pada_hari_itu(saat):
    call_command("seed_demo", verbosity=0)  # "today" from the (pinned) clock, per wilayah
    _cek_demo(saat)
    _cek_halaman()


@pytest.mark.django_db
def test_demo_diulang_sebulan_kemudian_tidak_memindahkan_apa_pun():
    """A rerun a month later (across the year end) duplicates nothing, keeps every row a user
    changed as it is, and only adds what the new day brings (the new window / year)."""
    from kinerja.models import Keberatan
    from pegawai.models import Cuti, Pegawai

    with time_machine.travel(dt.datetime(2026, 12, 2, 10, tzinfo=WITA), tick=False):
        call_command("seed_demo", verbosity=0)
        pegawai = Pengguna.objects.get(username="pegawai_gorontalo")
        ev = EvaluasiPeriodik.objects.get(
            skp__pegawai__pengguna=pegawai, periode_penilaian__nomor=12,
            skp__periode_kinerja__tahun=2026,
        )  # fmt: skip
        assert ev.status == "belum_diisi"
        # A user acts: the employee submits December, an objection is decided.
        EvaluasiPeriodik.objects.filter(pk=ev.pk).update(status="realisasi_diajukan")
        keberatan = Keberatan.objects.filter(status="diajukan").first()
        Keberatan.objects.filter(pk=keberatan.pk).update(
            status="diterima", keputusan="Diterima.", diputus_pada=timezone.now()
        )
        sebelum = {
            "pegawai": Pegawai.objects.count(),
            "pengguna": Pengguna.objects.count(),
            "skp_2026": SKP.objects.filter(periode_kinerja__tahun=2026).count(),
            "evaluasi_2026": dict(
                EvaluasiPeriodik.objects.filter(skp__periode_kinerja__tahun=2026).values_list(
                    "pk", "status"
                )
            ),
            "skp": dict(SKP.objects.values_list("pk", "status")),
            "keberatan": Keberatan.objects.count(),
            "cuti": Cuti.objects.count(),
            "akun": dict(Pegawai.objects.filter(pengguna__isnull=False).values_list("pk", "nip")),
        }
    with time_machine.travel(dt.datetime(2027, 1, 4, 9, tzinfo=WITA), tick=False):
        call_command("seed_demo", verbosity=0)
        sesudah = {
            "pegawai": Pegawai.objects.count(),
            "pengguna": Pengguna.objects.count(),
            "skp_2026": SKP.objects.filter(periode_kinerja__tahun=2026).count(),
            # rows that existed keep their status; December's now-due rows may be added
            "evaluasi_2026": dict(
                EvaluasiPeriodik.objects.filter(pk__in=sebelum["evaluasi_2026"]).values_list(
                    "pk", "status"
                )
            ),
            "skp": dict(SKP.objects.filter(pk__in=sebelum["skp"]).values_list("pk", "status")),
            "keberatan": Keberatan.objects.filter(evaluasi__skp__periode_kinerja__tahun=2026)
            .count(),
            "cuti": Cuti.objects.count(),
            "akun": dict(Pegawai.objects.filter(pengguna__isnull=False).values_list("pk", "nip")),
        }  # fmt: skip
        assert sesudah == sebelum
        ev.refresh_from_db()
        assert ev.status == "realisasi_diajukan"
        keberatan.refresh_from_db()
        assert keberatan.status == "diterima"
        # The new year arrived with its windows and drafts.
        assert PeriodeKinerja.objects.filter(tahun=2027).count() == 3
        assert PeriodePenilaian.objects.filter(periode_kinerja__tahun=2027).count() == 36
        _cek_halaman()


# --- the date-sensitive services, on the small two-wilayah fixtures ---------------------------
# org_a is Asia/Makassar (like Gorontalo and Mamuju), org_b Asia/Jakarta (like Gayungan).


def _tahun_bulanan(wilayah, tahun: int) -> PeriodeKinerja:
    pk = PeriodeKinerja.objects.create(wilayah=wilayah, tahun=tahun)
    PeriodePenilaian.objects.bulk_create(pk.susun_periode_penilaian())
    return pk


@pytest.mark.django_db
@pytest.mark.parametrize("saat", PARAM, indirect=True)
def test_jendela_tahun_dan_jendela_bawaan_dasbor(saat, org_a, org_b):
    """On every day: exactly one monthly window holds the wilayah's date, the open year is
    that date's year, and the dashboards' default window is the latest one that has ended
    (or the running one when none has)."""
    from kinerja.laporan.selectors import periode_list, periode_terpilih
    from kinerja.selectors.periode import periode_aktif

    for org in (org_a, org_b):
        w = org.wilayah
        lokal = waktu.hari_ini(w)
        for tahun in {lokal.year - 1, lokal.year}:
            _tahun_bulanan(w, tahun)
        jendela = PeriodePenilaian.objects.filter(periode_kinerja__wilayah=w).mencakup(lokal)
        assert jendela.count() == 1
        assert jendela.get().tanggal_mulai == lokal.replace(day=1)
        with timezone.override(waktu.zona(w)):  # what the middleware does in a request
            assert periode_aktif(actor=org.user_hr).tahun == lokal.year
            daftar = periode_list(actor=org.user_hr, wilayah=w)
            bawaan = periode_terpilih(daftar, None)
        assert bawaan.tanggal_selesai < lokal
        assert bawaan.tanggal_selesai == lokal.replace(day=1) - dt.timedelta(days=1)


@pytest.mark.django_db
def test_rekap_malam_dan_pengingat_menurut_tanggal_wilayah(org_a, org_b):
    """00:30 WITA on 1 December is still 30 November in WIB: December has started in org_a
    only, so only org_a's December window is in the nightly recap."""
    from kinerja.laporan.selectors import periode_perlu_rekap_malam

    a, b = _tahun_bulanan(org_a.wilayah, 2026), _tahun_bulanan(org_b.wilayah, 2026)
    with time_machine.travel(SAAT["antara-dua-jendela"], tick=False):
        ids = set(periode_perlu_rekap_malam())
    des_a = a.periode_penilaian.get(nomor=12).pk
    des_b = b.periode_penilaian.get(nomor=12).pk
    assert des_a in ids and des_b not in ids
    assert b.periode_penilaian.get(nomor=11).pk in ids
    # With an explicit date every wilayah is judged on it.
    assert des_b in set(periode_perlu_rekap_malam(hari_ini=dt.date(2026, 12, 1)))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("saat_lokal", "harap_a", "harap_b"),
    [
        # jam pulang 16:00 + 120 min grace; WITA is an hour ahead of WIB
        (dt.datetime(2026, 12, 2, 17, 59, tzinfo=WITA), dt.date(2026, 12, 1), dt.date(2026, 12, 1)),
        (dt.datetime(2026, 12, 2, 18, 30, tzinfo=WITA), dt.date(2026, 12, 2), dt.date(2026, 12, 1)),
        (dt.datetime(2026, 12, 2, 19, 30, tzinfo=WITA), dt.date(2026, 12, 2), dt.date(2026, 12, 2)),
        # Friday closes at 16:30: due at 18:30 local
        (dt.datetime(2026, 12, 4, 18, 20, tzinfo=WITA), dt.date(2026, 12, 3), dt.date(2026, 12, 3)),
        (dt.datetime(2026, 12, 4, 18, 40, tzinfo=WITA), dt.date(2026, 12, 4), dt.date(2026, 12, 3)),
        # the year end: 00:30 WITA on 1 January, 23:30 WIB on 31 December
        (SAAT["1-januari-00.30-wita"], dt.date(2026, 12, 31), dt.date(2026, 12, 31)),
    ],
)  # fmt: skip
def test_alpa_jatuh_tempo_per_zona_wilayah(org_a, org_b, saat_lokal, harap_a, harap_b):
    from pegawai.cuti.services.alpa import hari_alpa_jatuh_tempo

    with time_machine.travel(saat_lokal, tick=False):
        assert hari_alpa_jatuh_tempo(org_a.wilayah) == harap_a
        assert hari_alpa_jatuh_tempo(org_b.wilayah) == harap_b


@pytest.mark.django_db
def test_tugas_tandai_alpa_tiap_jam_idempoten(org_a, org_b):
    """The hourly beat job marks each wilayah's ended working day once, on its own date."""
    from pegawai.cuti.tasks import tandai_alpa
    from pegawai.models import Kehadiran

    aktif_a = org_a.wilayah.pegawai_set.filter(status_aktif="aktif").count()
    aktif_b = org_b.wilayah.pegawai_set.filter(status_aktif="aktif").count()
    with time_machine.travel(dt.datetime(2026, 12, 2, 18, 30, tzinfo=WITA), tick=False):
        # 18:30 WITA: Wednesday is over in org_a; in org_b (17:30 WIB) Tuesday is the latest.
        assert tandai_alpa.delay().get() == aktif_a + aktif_b
        assert tandai_alpa.delay().get() == 0
    alpa = Kehadiran.objects.filter(status="alpa")
    assert set(alpa.filter(pegawai__wilayah=org_a.wilayah).values_list("tanggal", flat=True)) == {
        dt.date(2026, 12, 2)
    }
    assert set(alpa.filter(pegawai__wilayah=org_b.wilayah).values_list("tanggal", flat=True)) == {
        dt.date(2026, 12, 1)
    }
    # A manual catch-up for one wilayah and date.
    assert tandai_alpa.delay(tanggal="2026-12-01", wilayah_id=org_a.wilayah.pk).get() == aktif_a
    # A weekend or a holiday adds nothing.
    assert tandai_alpa.delay(tanggal="2026-12-05").get() == 0


@pytest.mark.django_db
def test_jadwal_beat_tandai_alpa_terdaftar():
    from django.conf import settings

    jadwal = settings.CELERY_BEAT_SCHEDULE["kehadiran-tandai-alpa"]
    assert jadwal["task"] == "pegawai.cuti.tasks.tandai_alpa"
    assert jadwal["schedule"].hour == set(range(24))  # hourly; each wilayah judged locally


@pytest.mark.django_db
def test_hari_kerja_dan_saldo_cuti_melintasi_tahun(org_a):
    """Working days across the year end skip the weekend and 1 January; the new year's
    balance is 12 days plus the carry-over: 12 (24 in all) after two years without leave."""
    from pegawai.cuti.selectors import hari_kerja, saldo_cuti
    from pegawai.models import HariLibur

    w = org_a.wilayah
    HariLibur.objects.create(wilayah=w, tanggal=dt.date(2027, 1, 1), nama="Tahun Baru",
                             jenis="nasional")  # fmt: skip
    hari = hari_kerja(w, dt.date(2026, 12, 28), dt.date(2027, 1, 5))
    assert hari == [dt.date(2026, 12, 28), dt.date(2026, 12, 29), dt.date(2026, 12, 30),
                    dt.date(2026, 12, 31), dt.date(2027, 1, 4), dt.date(2027, 1, 5)]  # fmt: skip
    p = org_a.staf
    p.tmt_cpns = dt.date(2015, 3, 1)
    p.save()
    with time_machine.travel(SAAT["1-januari"], tick=False):
        saldo = saldo_cuti(p, 2027)
    assert saldo["hak"] == 12
    assert saldo["sisa_tahun_lalu"] == 12
    assert saldo["sisa"] == 24


@pytest.mark.django_db
@pytest.mark.parametrize("saat", PARAM, indirect=True)
def test_keterlambatan_pada_hari_itu(saat, org_a, org_b):
    """07:45 local is 15 minutes late in either zone on every day of the matrix (leap day and
    year end included); the same instant is an hour earlier in WIB."""
    from pegawai.cuti.services.kehadiran import hitung_keterlambatan

    for org, zona in ((org_a, WITA), (org_b, WIB)):
        hari = _tanggal(saat, zona)
        masuk = dt.datetime.combine(hari, dt.time(7, 45), tzinfo=zona)
        assert hitung_keterlambatan(
            wilayah=org.wilayah, tanggal=hari, jam_masuk=masuk, jam_pulang=None
        ) == (15, 0)
    instan = dt.datetime.combine(_tanggal(saat, WITA), dt.time(7, 45), tzinfo=WITA)
    assert hitung_keterlambatan(
        wilayah=org_b.wilayah, tanggal=instan.astimezone(WIB).date(), jam_masuk=instan,
        jam_pulang=None,
    ) == (0, 0)  # fmt: skip


def test_libur_tanggal_tetap_dan_paskah():
    from pegawai.cuti.demo import _paskah, libur_demo

    assert _paskah(2025) == dt.date(2025, 4, 20)
    assert _paskah(2026) == dt.date(2026, 4, 5)
    assert _paskah(2027) == dt.date(2027, 3, 28)
    assert _paskah(2028) == dt.date(2028, 4, 16)
    tanggal = {t for t, _n, _j in libur_demo(dt.date(2027, 1, 4))}
    assert {dt.date(2027, 1, 1), dt.date(2027, 8, 17), dt.date(2027, 3, 26)} <= tanggal
    assert dt.date(2026, 3, 21) in tanggal  # the SKB list is kept
