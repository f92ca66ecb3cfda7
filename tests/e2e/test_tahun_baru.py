"""Browser: the demo seeded on 2 January 2027 (the first days of a new performance year), each
demo role's home page and main work page as its user sees them, screenshots kept in
test-artifacts/ (tahun_baru_<akun>.png)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SAAT = dt.datetime(2027, 1, 2, 9, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Makassar"))

#: account -> (a page of its daily work, text that must be on it)
AKUN = {
    # In January the evaluation page opens on last year (still being rated) ...
    "pegawai_gorontalo": ("/kinerja/evaluasi/", "Desember 2026"),
    "atasan_gorontalo": ("/kinerja/kotak-masuk/", "Desember 2026"),
    "hr_gorontalo": ("/laporan/wilayah/", "Desember 2026"),
    "pimpinan_gorontalo": ("/laporan/wilayah/", "Desember 2026"),
    # ... and the new year is one switch away.
    "pegawai_gayungan": ("/kinerja/evaluasi/?tahun=2027", "Januari 2027"),
}


def test_beranda_tiap_peran_pada_2_januari(live_server, browser, screenshot_dir):
    with time_machine.travel(SAAT, tick=True):
        call_command("seed_demo", verbosity=0)
        for akun, (halaman, teks) in AKUN.items():
            ctx = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
            page = ctx.new_page()
            page.goto(f"{live_server.url}/accounts/login/")
            page.fill("input[name=username]", akun)
            page.fill("input[name=password]", "kinerja-demo")
            page.click("button[type=submit]")
            page.wait_for_url(f"{live_server.url}/")
            assert "Server Error" not in page.content()
            page.screenshot(path=str(screenshot_dir / f"tahun_baru_{akun}.png"), full_page=True)
            r = page.goto(f"{live_server.url}{halaman}")
            assert r.status == 200, (akun, halaman, r.status)
            assert teks in page.locator("body").inner_text(), (akun, halaman, teks)
            page.screenshot(
                path=str(screenshot_dir / f"tahun_baru_{akun}_kerja.png"), full_page=True
            )
            ctx.close()
