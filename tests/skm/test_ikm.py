"""IKM arithmetic (DOMAIN.md section 9) against a hand-computed example, and the quality
bands at their edges."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from kinerja.skm import selectors
from kinerja.skm.unsur import hitung_ikm, mutu_pelayanan

from .conftest import buat_tanggapan

pytestmark = pytest.mark.django_db

# Hand-computed example: three respondents.
#   r1 = 4 4 4 4 4 4 4 4 4
#   r2 = 3 3 3 3 3 3 3 3 3
#   r3 = 2 3 4 1 2 3 4 1 2
# Element means: u1 3, u2 10/3, u3 11/3, u4 8/3, u5 3, u6 10/3, u7 11/3, u8 8/3, u9 3.
# Their sum is 85/3; their mean 85/27 = 3.148148...; IKM = 25 x 85/27 = 78.7037... -> 78.70 (B).
CONTOH = [(4,) * 9, (3,) * 9, (2, 3, 4, 1, 2, 3, 4, 1, 2)]


def test_ikm_contoh_hitungan_tangan(skm_a):
    for nilai in CONTOH:
        buat_tanggapan(skm_a, nilai)
    h = selectors.ikm_unit(unit=skm_a.org.bidang, mulai=None, selesai=None)
    assert h["n"] == 3
    assert h["ikm"] == Decimal("78.70")
    assert (h["mutu"], str(h["mutu_label"])) == ("B", "Baik")
    assert h["per_unsur"] == {
        "u1": Decimal("3.00"), "u2": Decimal("3.33"), "u3": Decimal("3.67"),
        "u4": Decimal("2.67"), "u5": Decimal("3.00"), "u6": Decimal("3.33"),
        "u7": Decimal("3.67"), "u8": Decimal("2.67"), "u9": Decimal("3.00"),
    }  # fmt: skip
    assert [u["kode"] for u in h["terlemah"][:2]] == ["u4", "u8"]
    # The pure reference function agrees with SQL.
    rata = [Decimal(sum(r[i] for r in CONTOH)) / 3 for i in range(9)]
    assert hitung_ikm(rata) == Decimal("78.70")


def test_ikm_semua_sangat_baik_dan_semua_buruk(skm_a, skm_b):
    buat_tanggapan(skm_a, (4,) * 9)
    buat_tanggapan(skm_b, (1,) * 9)
    a = selectors.ikm_wilayah(wilayah=skm_a.org.wilayah, mulai=None, selesai=None)
    b = selectors.ikm_wilayah(wilayah=skm_b.org.wilayah, mulai=None, selesai=None)
    assert (a["ikm"], a["mutu"], a["n"]) == (Decimal("100.00"), "A", 1)
    assert (b["ikm"], b["mutu"], b["n"]) == (Decimal("25.00"), "D", 1)


def test_ikm_kosong():
    h = selectors.hasil_ikm({"n": 0})
    assert (h["ikm"], h["mutu"], h["n"], h["terlemah"]) == (None, None, 0, [])


def test_ikm_unit_mencakup_subunit_dan_periode(skm_a, org_a):
    from kinerja.skm import services

    seksi = services.unit_layanan_buka(
        actor=org_a.user_hr, unit=org_a.seksi, nama_publik="Loket Seksi", jenis_layanan=["Data"]
    )
    j = seksi.jenis_layanan.get()
    from kinerja.skm.models import TanggapanSKM

    TanggapanSKM.objects.create(
        unit_layanan=seksi,
        jenis_layanan=j,
        tanggal=dt.date(2026, 3, 5),
        **{f"u{i}": 2 for i in range(1, 10)},
    )
    buat_tanggapan(skm_a, (4,) * 9, tanggal=dt.date(2026, 3, 10))
    buat_tanggapan(skm_a, (4,) * 9, tanggal=dt.date(2026, 5, 1))  # outside the period
    maret = {"mulai": dt.date(2026, 3, 1), "selesai": dt.date(2026, 3, 31)}
    bidang = selectors.ikm_unit(unit=org_a.bidang, **maret)
    assert (bidang["n"], bidang["ikm"]) == (2, Decimal("75.00"))  # (4+2)/2 x 25
    hanya_seksi = selectors.ikm_unit(unit=org_a.seksi, **maret)
    assert (hanya_seksi["n"], hanya_seksi["ikm"]) == (1, Decimal("50.00"))


def test_tren_bulanan(skm_a):
    buat_tanggapan(skm_a, (4,) * 9, tanggal=dt.date(2026, 1, 5))
    buat_tanggapan(skm_a, (2,) * 9, tanggal=dt.date(2026, 2, 5))
    buat_tanggapan(skm_a, (4,) * 9, tanggal=dt.date(2026, 2, 6))
    from kinerja.skm.models import TanggapanSKM

    tren = selectors.tren_bulanan(TanggapanSKM.objects.all())
    assert [(b["bulan"].month, b["n"], b["ikm"]) for b in tren] == [
        (1, 1, Decimal("100.00")),
        (2, 2, Decimal("75.00")),
    ]


@pytest.mark.parametrize(
    "ikm,mutu",
    [
        ("100", "A"), ("88.31", "A"), ("88.305", "A"), ("88.30", "B"), ("88.3049", "B"),
        ("76.61", "B"), ("76.60", "C"), ("65.00", "C"), ("64.99", "D"), ("64.995", "C"),
        ("25.00", "D"),
    ],
)  # fmt: skip
def test_batas_mutu(ikm, mutu):
    assert mutu_pelayanan(Decimal(ikm))[0] == mutu


def test_umpan_balik_pegawai_dan_template_bukti(skm_a, org_a):
    buat_tanggapan(skm_a, (4,) * 9, petugas=org_a.staf, komentar="Ramah sekali", kontak="x@contoh.id",
                   tanggal=dt.date(2026, 4, 2))  # fmt: skip
    buat_tanggapan(skm_a, (3,) * 9, petugas=org_a.staf2, tanggal=dt.date(2026, 4, 3))
    buat_tanggapan(skm_a, (2,) * 9, petugas=org_a.staf, tanggal=dt.date(2025, 4, 3))
    qs = selectors.umpan_balik_pegawai(
        pegawai=org_a.staf, mulai=dt.date(2026, 1, 1), selesai=dt.date(2026, 12, 31)
    )
    assert [t.komentar for t in qs] == ["Ramah sekali"]
    html = render_to_string("skm/_bukti_pelayanan.html", {"umpan_balik_list": qs})
    assert "Ramah sekali" in html and "Kantor Layanan Alpha" in html
    assert "x@contoh.id" not in html
    kosong = render_to_string("skm/_bukti_pelayanan.html", {"umpan_balik_list": []})
    assert "Belum ada umpan balik" in kosong
