"""Browser: an employee requests leave, the direct superior recommends, HR approves, and the
employee sees it approved (demo accounts of Gorontalo)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _masuk(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "kinerja-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def test_alur_cuti_pegawai_atasan_hr(live_server, page, screenshot_dir):
    call_command("seed_demo", verbosity=0)
    hari_ini = timezone.localdate()
    mulai = hari_ini + dt.timedelta(days=7 * 8 - hari_ini.weekday())  # a Monday 8 weeks ahead
    selesai = mulai + dt.timedelta(days=2)

    # 1. The employee requests three days of annual leave, seeing the balance first.
    _masuk(page, live_server, "pegawai_gorontalo")
    page.click("#menu-cuti")
    page.click("text=Cuti saya")
    page.click("text=Ajukan cuti")
    assert page.locator("[data-testid=saldo-cuti]").is_visible()
    page.select_option("select[name=jenis]", "tahunan")
    page.fill("input[name=tanggal_mulai]", mulai.isoformat())
    page.fill("input[name=tanggal_selesai]", selesai.isoformat())
    page.fill("textarea[name=alasan]", "Menghadiri wisuda anak di Makassar")
    page.fill("input[name=alamat_selama_cuti]", "Jl. Perintis Kemerdekaan, Makassar")
    page.screenshot(path=str(screenshot_dir / "cuti_1_form.png"), full_page=True)
    page.click("button:has-text('Kirim pengajuan')")
    page.wait_for_load_state("networkidle")
    assert "Menunggu rekomendasi atasan" in page.locator("[data-testid=status-cuti]").inner_text()
    detail = page.url

    # 2. The direct superior finds it among the requests waiting and recommends it.
    _masuk(page, live_server, "atasan_gorontalo")
    page.goto(f"{live_server.url}/pegawai/cuti/persetujuan/")
    page.screenshot(path=str(screenshot_dir / "cuti_2_persetujuan_atasan.png"), full_page=True)
    page.locator(f"a[href='{detail.removeprefix(live_server.url)}']").click()
    page.fill("textarea[name=catatan]", "Pekerjaan sudah diserahkan kepada rekan.")
    page.click("button:has-text('Rekomendasikan')")
    page.wait_for_load_state("networkidle")
    assert "Menunggu keputusan" in page.locator("[data-testid=status-cuti]").inner_text()

    # 3. HR of the wilayah approves on behalf of the PPK.
    _masuk(page, live_server, "hr_gorontalo")
    page.click("#menu-cuti")
    page.click("text=Persetujuan cuti")
    page.locator(f"a[href='{detail.removeprefix(live_server.url)}']").click()
    page.screenshot(path=str(screenshot_dir / "cuti_3_keputusan_hr.png"), full_page=True)
    page.click("button:has-text('Setujui')")
    page.wait_for_load_state("networkidle")
    assert "Disetujui" in page.locator("[data-testid=status-cuti]").inner_text()

    # 4. The employee sees it approved on their own list, with the leave letter.
    _masuk(page, live_server, "pegawai_gorontalo")
    page.goto(f"{live_server.url}/pegawai/cuti/")
    baris = page.locator(
        "tr", has=page.locator(f"a[href='{detail.removeprefix(live_server.url)}']")
    )
    assert "Disetujui" in baris.inner_text()
    assert baris.locator("text=Surat izin").is_visible()
    page.screenshot(path=str(screenshot_dir / "cuti_4_disetujui_pegawai.png"), full_page=True)
    page.goto(detail)
    page.screenshot(path=str(screenshot_dir / "cuti_5_detail.png"), full_page=True)
