"""Browser: log in as hr_mamuju on the live server and see the dashboard in Indonesian."""

from __future__ import annotations

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_hr_mamuju_login_melihat_beranda(live_server, page, screenshot_dir):
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    page.goto(f"{live_server.url}/")
    assert "/accounts/login/" in page.url
    page.fill("input[name=username]", "hr_mamuju")
    page.fill("input[name=password]", "salah-sandi")
    page.click("button[type=submit]")
    assert page.locator(".alert, .errornote, .invalid-feedback").first.is_visible()
    page.fill("input[name=username]", "hr_mamuju")
    page.fill("input[name=password]", "kinerja-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "id"
    body = page.locator("body").inner_text()
    assert "Beranda" in body
    assert "Pegawai aktif" in body
    assert "Mamuju" in body
    assert "Gorontalo" not in body
    page.screenshot(path=str(screenshot_dir / "beranda_hr_mamuju.png"), full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=str(screenshot_dir / "beranda_hr_mamuju_ponsel.png"), full_page=True)
