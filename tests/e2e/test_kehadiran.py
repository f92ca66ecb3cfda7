"""Browser: the attendance pages show "hadir" with dinas luar included and label the dinas
luar column as a part of it (demo accounts of Gorontalo, demo attendance)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _masuk(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "kinerja-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_rekap_kehadiran_hadir_termasuk_dinas_luar(live_server, page, screenshot_dir):
    call_command("seed_demo", verbosity=0)

    _masuk(page, live_server, "pegawai_gorontalo")
    page.goto(f"{live_server.url}/pegawai/kehadiran/")
    assert page.locator(".stat-card").first.is_visible()
    page.screenshot(path=str(screenshot_dir / "kehadiran_1_saya.png"), full_page=True)

    _masuk(page, live_server, "hr_gorontalo")
    page.goto(f"{live_server.url}/pegawai/kehadiran/rekap/")
    kepala = page.locator("thead").last.inner_text()
    assert "Hadir (termasuk DL)" in kepala and "di antaranya DL" in kepala
    page.screenshot(path=str(screenshot_dir / "kehadiran_2_rekap.png"), full_page=True)
