"""Browser: HR computes the November TPP (a Celery job, eager in tests), reads the list per
unit, opens one employee's explained breakdown, then locks the month."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from tests.kinerja.factories import PeriodeKinerjaFactory
from tests.tpp.conftest import buat_kasus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_hr_menghitung_memeriksa_dan_mengunci_tpp(org_a, live_server, page, login_browser,
                                                  screenshot_dir):  # fmt: skip
    with time_machine.travel(dt.datetime(2026, 12, 2, 2, 0, tzinfo=dt.UTC), tick=True):
        periode = PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=2026)
        buat_kasus(org_a, periode, nama="Ani Terlambat", hari=[("terlambat", 45)] * 3)
        buat_kasus(org_a, periode, nama="Budi Sanksi", unit=org_a.seksi,
                   sanksi=("sedang", "tpp_6", dt.date(2026, 10, 1), None))  # fmt: skip
        login_browser("hr_alpha")
        page.click("#menu-tpp")
        page.click("text=TPP bulanan")
        page.wait_for_load_state("networkidle")
        assert "Belum ada TPP bulanan" in page.locator("body").inner_text()
        page.select_option("select[name=bulan]", "11")
        page.fill("input[name=tahun]", "2026")
        page.click("[data-testid=form-bulan] button[type=submit]")
        page.wait_for_selector("[data-testid=proses-status][data-status=selesai]")
        tabel = page.locator("[data-testid=tabel-tpp]").inner_text()
        assert "Ani Terlambat" in tabel and "3.458.000" in tabel and "2.625.000" in tabel
        assert "tanpa evaluasi" in tabel  # the organisation's own staff have no evaluation
        page.screenshot(path=str(screenshot_dir / "tpp_bulan_detail.png"), full_page=True)

        page.click("text=Ani Terlambat")
        page.wait_for_load_state("networkidle")
        rincian = page.locator("[data-testid=penjelasan]").inner_text()
        assert "Terlambat 3x 31-60 menit: -3%" in rincian and "Rp 3.458.000" in rincian
        page.screenshot(path=str(screenshot_dir / "tpp_rincian_pegawai.png"), full_page=True)
        page.go_back()
        page.wait_for_selector("[data-testid=tabel-tpp]")

        page.click("text=Kunci (final)")
        page.locator("#confirm-modal [data-confirm-ok]").click()
        page.wait_for_selector("[data-testid=status-bulan]:has-text('Terkunci')")
        assert "Terkunci" in page.locator("[data-testid=status-bulan]").inner_text()
        assert page.locator("[data-testid=hitung-ulang]").count() == 0
        assert "Dikunci" in page.locator("[data-testid=riwayat]").inner_text()
