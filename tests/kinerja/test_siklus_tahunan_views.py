"""Pages of the annual cycle: HR opening the next year, the employee's "start from last
year's SKP" button, the year defaults across 31 December -> 1 January, and a closed year
read-only but printable."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kinerja.models import SKP, EvaluasiTahunan, Keberatan, PeriodeKinerja
from kinerja.services import periode as svc
from tests.kinerja.factories import PeriodeKinerjaFactory, rantai_skp, skp_lengkap
from tests.kinerja.factories_evaluasi import evaluasi, organisasi_dinilai

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")
DESEMBER = dt.datetime(2026, 12, 2, 10, tzinfo=WITA)


# --- HR opens the next year -----------------------------------------------------------------


def test_hr_membuka_tahun_berikut_dari_halaman(org_a, client_as):
    PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=2026, granularitas="triwulanan")
    c = client_as(org_a.user_hr)
    with time_machine.travel(DESEMBER, tick=False):
        resp = c.get(reverse("kinerja:periode_list"))
        assert resp.context["form"].initial == {"tahun": 2027, "granularitas": "triwulanan"}
        assert "otomatis pada bulan Desember tidak aktif" in resp.content.decode()
        resp = c.post(
            reverse("kinerja:periode_create"),
            {"wilayah": org_a.wilayah.pk, "tahun": "2027", "granularitas": "triwulanan"},
        )
        p = PeriodeKinerja.objects.get(wilayah=org_a.wilayah, tahun=2027)
        assert resp.url == p.get_absolute_url() and p.periode_penilaian.count() == 4
        # twice: refused on the form, nothing doubled
        resp = c.post(
            reverse("kinerja:periode_create"),
            {"wilayah": org_a.wilayah.pk, "tahun": "2027", "granularitas": "bulanan"},
        )
    assert resp.status_code == 200
    assert "2027 sudah ada di wilayah Alpha" in resp.content.decode()
    assert PeriodeKinerja.objects.filter(tahun=2027).count() == 1


def test_buka_tahun_hanya_hr_dan_wilayah_lain_404(org_a, org_b, client_as):
    p = PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=2026)
    data = {"wilayah": org_a.wilayah.pk, "tahun": "2027", "granularitas": "bulanan"}
    for user in (org_a.user_staf, org_a.user_kabid, org_a.user_pimpinan):
        assert client_as(user).post(reverse("kinerja:periode_create"), data).status_code == 403
    c = client_as(org_b.user_hr)
    assert c.get(p.get_absolute_url()).status_code == 404
    assert c.post(reverse("kinerja:periode_tutup", args=[p.pk])).status_code == 404
    resp = c.post(reverse("kinerja:periode_create"), data)
    assert "wilayah" in resp.context["form"].errors
    assert not PeriodeKinerja.objects.filter(tahun=2027).exists()


# --- The employee starts next year's SKP ----------------------------------------------------


def test_tombol_mulai_dari_skp_tahun_lalu(org_a, org_b, client_as):
    rantai = rantai_skp(org_a)
    c = client_as(org_a.user_kasi)
    with time_machine.travel(DESEMBER, tick=False):
        # only 2026 open: SKP saya goes straight to the 2026 SKP
        assert c.get(reverse("kinerja:skp_saya")).url == rantai["kasi"].get_absolute_url()
        p27 = svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027)
        resp = c.get(reverse("kinerja:skp_saya"))
        html = resp.content.decode()
        assert resp.status_code == 200 and 'data-testid="salin-skp"' in html
        assert "Mulai dari SKP 2026" in html and rantai["kasi"].get_absolute_url() in html
        # another employee's SKP as the source: 404, nothing written
        lain = client_as(org_a.user_kabid)
        lain.get(reverse("kinerja:skp_saya"))
        assert (
            lain.post(reverse("kinerja:skp_saya"), {"sumber": rantai["kasi"].pk}).status_code == 404
        )
        PeriodeKinerjaFactory(wilayah=org_b.wilayah, tahun=2027)
        assert (
            client_as(org_b.user_kasi)
            .post(reverse("kinerja:skp_saya"), {"sumber": rantai["kasi"].pk})
            .status_code
            == 404
        )
        c = client_as(org_a.user_kasi)
        resp = c.post(reverse("kinerja:skp_saya"), {"sumber": rantai["kasi"].pk})
        baru = SKP.objects.get(pegawai=org_a.kasi, periode_kinerja=p27)
        assert resp.url == baru.get_absolute_url()
        assert "1 RHK belum tertaut ke RHK atasan tahun 2027" in c.get(resp.url).content.decode()
        assert baru.rhk_set.get().disalin_dari == rantai["kasi"].rhk_set.get()
        # now every open year has an SKP: back to the redirect
        assert c.get(reverse("kinerja:skp_saya")).url == rantai["kasi"].get_absolute_url()
        halaman = c.get(baru.get_absolute_url()).content.decode()
    assert 'data-testid="tautkan-ulang"' in halaman
    assert SKP.objects.filter(periode_kinerja=p27).count() == 1


def test_tautkan_ulang_view_scoping(org_a, org_b, client_as):
    rantai = rantai_skp(org_a)
    with time_machine.travel(DESEMBER, tick=False):
        p27 = svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027)
        client_as(org_a.user_kasi).post(reverse("kinerja:skp_saya"), {"sumber": rantai["kasi"].pk})
        baru = SKP.objects.get(pegawai=org_a.kasi, periode_kinerja=p27)
        url = reverse("kinerja:skp_tautkan_ulang", args=[baru.pk])
        assert client_as(org_b.user_hr).post(url).status_code == 404
        assert client_as(org_a.user_staf).post(url).status_code == 404
        assert client_as(org_a.user_hr).post(url).status_code == 403
        resp = client_as(org_a.user_kasi).post(url, follow=True)
    assert "Belum ada RHK atasan yang cocok" in resp.content.decode()


def test_skp_saya_jumlah_query_tetap(org_a, client_as):
    """SKP saya with 1 or 3 earlier years lists them in the same number of queries."""

    def hitung() -> int:
        c = client_as(org_a.user_kasi)
        with CaptureQueriesContext(connection) as q:
            assert c.get(reverse("kinerja:skp_saya")).status_code == 200
        return len(q)

    with time_machine.travel(dt.datetime(2027, 3, 2, 10, tzinfo=WITA), tick=False):
        skp_lengkap(org_a.kasi, tahun=2026)
        PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=2027)
        hitung()  # warm the navbar's cached counts
        satu = hitung()
        skp_lengkap(org_a.kasi, tahun=2024)
        skp_lengkap(org_a.kasi, tahun=2025)
        assert hitung() == satu


# --- 31 December -> 1 January ---------------------------------------------------------------


@pytest.fixture
def akhir_tahun(org_a):
    """2026 in its last days: December's realisation waits for the kabid, an annual
    evaluation waits, an objection waits for the sekda (the kasi's atasan penilai)."""
    r = organisasi_dinilai(org_a)
    for n in range(1, 12):
        evaluasi(r["staf"], nomor=n, status="final")
    evaluasi(r["staf"], nomor=12, status="realisasi_diajukan", realisasi=True)
    tahunan = EvaluasiTahunan.objects.create(skp=r["staf2"], status="realisasi_diajukan")
    keberatan = Keberatan.objects.create(
        evaluasi=evaluasi(r["kasi"], nomor=11, status="final"), alasan="Tidak sesuai"
    )
    return {**r, "tahunan": tahunan, "keberatan": keberatan}


HALAMAN = [
    ("kinerja:skp_saya", ("staf", "kabid")),
    ("kinerja:evaluasi_saya", ("staf", "kabid")),
    ("kinerja:inbox", ("kabid", "sekda")),
    ("kinerja:skp_list", ("kabid", "hr")),
    ("kinerja:kurva_unit", ("kabid", "hr")),
    ("kinerja:progres", ("hr",)),
    ("kinerja:tindak_lanjut", ("kabid", "hr")),
    ("kinerja:periode_list", ("hr",)),
    ("laporan:dasbor_pegawai", ("staf", "kabid")),
    ("laporan:dasbor_unit", ("kabid", "hr")),
    ("laporan:dasbor_wilayah", ("hr",)),
    ("home", ("staf", "kabid", "hr")),
]


@pytest.mark.parametrize("tahun_baru_dibuka", [False, True], ids=["2027-belum", "2027-dibuka"])
@pytest.mark.parametrize(
    "saat",
    [dt.datetime(2026, 12, 31, 23, 30, tzinfo=WITA), dt.datetime(2027, 1, 1, 0, 30, tzinfo=WITA)],
    ids=["31des-2330", "1jan-0030"],
)
def test_pergantian_tahun_tanpa_404_500(org_a, akhir_tahun, client_as, saat, tahun_baru_dibuka):
    if tahun_baru_dibuka:
        svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027)
    users = {"staf": org_a.user_staf, "kabid": org_a.user_kabid, "hr": org_a.user_hr,
             "sekda": org_a.user_sekda}  # fmt: skip
    with time_machine.travel(saat, tick=False):
        for nama_url, peran in HALAMAN:
            for p in peran:
                c = client_as(users[p])
                resp = c.get(reverse(nama_url), follow=True)
                assert resp.status_code == 200, (nama_url, p, resp.status_code)
        # the pages of last year's items stay reachable
        for user, url in (
            (org_a.user_kabid, akhir_tahun["tahunan"].get_absolute_url()),
            (org_a.user_hr, akhir_tahun["tahunan"].get_absolute_url()),
            (org_a.user_sekda, reverse("kinerja:keberatan_detail", args=[akhir_tahun["keberatan"].pk])),
            (org_a.user_staf, reverse("laporan:pdf_skp", args=[org_a.staf.pk])
             + f"?tahun={akhir_tahun['periode'].pk}"),
        ):  # fmt: skip
            assert client_as(user).get(url).status_code == 200, url

        # the employee's evaluations: on 1 January last year stays the default while open
        html = client_as(org_a.user_staf).get(reverse("kinerja:evaluasi_saya")).content.decode()
        assert "Desember 2026" in html
        if tahun_baru_dibuka:
            assert 'data-testid="pilih-tahun"' in html
        # the inbox still holds last year's waiting items
        kotak = client_as(org_a.user_kabid).get(reverse("kinerja:inbox")).content.decode()
        assert org_a.staf.nama in kotak and org_a.staf2.nama in kotak
        kotak = client_as(org_a.user_sekda).get(reverse("kinerja:inbox")).content.decode()
        assert reverse("kinerja:keberatan_detail", args=[akhir_tahun["keberatan"].pk]) in kotak


def test_maret_halaman_evaluasi_pindah_ke_tahun_baru(org_a, akhir_tahun, client_as):
    svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027)
    with time_machine.travel(dt.datetime(2027, 3, 1, 9, tzinfo=WITA), tick=False):
        c = client_as(org_a.user_staf)
        resp = c.get(reverse("kinerja:evaluasi_saya"))
        assert resp.context["periode"].tahun == 2027
        resp = c.get(reverse("kinerja:evaluasi_saya"), {"tahun": "2026"})
        assert resp.context["periode"].tahun == 2026
        assert "Desember 2026" in resp.content.decode()


# --- A closed year: read-only, still printable ----------------------------------------------


def test_tahun_ditutup_baca_saja_dan_pdf(org_a, org_b, client_as):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"], nomor=1, status="final")
    with time_machine.travel(dt.datetime(2027, 1, 20, 9, tzinfo=WITA), tick=False):
        c = client_as(org_a.user_hr)
        halaman = c.get(r["periode"].get_absolute_url()).content.decode()
        assert "data-confirm" in halaman and "Tutup tahun" in halaman
        c.post(reverse("kinerja:periode_tutup", args=[r["periode"].pk]))
        assert PeriodeKinerja.objects.get(pk=r["periode"].pk).status == "tutup"
        s = client_as(org_a.user_staf)
        html = s.get(r["staf"].get_absolute_url()).content.decode()
        assert "sudah ditutup: SKP hanya dapat dilihat" in html
        assert reverse("kinerja:skp_ajukan_revisi", args=[r["staf"].pk]) not in html
        resp = s.get(reverse("kinerja:evaluasi_saya"), {"tahun": "2026"})
        assert 'data-testid="tahun-ditutup"' in resp.content.decode()
        assert s.get(ev.get_absolute_url()).status_code == 200
        pdf = s.get(reverse("laporan:pdf_skp", args=[org_a.staf.pk]), {"tahun": r["periode"].pk})
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        pdf = s.get(
            reverse("laporan:pdf_evaluasi", args=[org_a.staf.pk]),
            {"periode": ev.periode_penilaian_id},
        )
        assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
        # a write POST on the closed year: refused with the message, nothing changes
        resp = s.post(
            reverse("kinerja:skp_ajukan_revisi", args=[r["staf"].pk]),
            {"catatan": "Ubah target"},
            follow=True,
        )
        assert "2026 sudah ditutup" in resp.content.decode()
        assert SKP.objects.get(pk=r["staf"].pk).status == "disetujui"
        assert (
            client_as(org_b.user_hr)
            .get(reverse("laporan:pdf_skp", args=[r["staf"].pk]))
            .status_code
            == 404
        )


def test_daftar_skp_pilih_tahun(org_a, client_as):
    rantai = rantai_skp(org_a)
    svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027)
    with time_machine.travel(dt.datetime(2027, 1, 5, 9, tzinfo=WITA), tick=False):
        c = client_as(org_a.user_hr)
        resp = c.get(reverse("kinerja:skp_list"))
        assert resp.context["periode"].tahun == 2027 and not resp.context["skp_list"]
        assert 'data-testid="pilih-tahun"' in resp.content.decode()
        resp = c.get(reverse("kinerja:skp_list"), {"tahun": "2026", "status": "disetujui"})
        assert resp.context["periode"] == rantai["periode"]
        assert len(resp.context["skp_list"]) == 3
