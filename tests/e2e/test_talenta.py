"""Browser: HR opens the 9-box, clicks a box, overrides one employee with a note, locks the
calibration (with confirmation); the employee sees the box on the career page."""

from __future__ import annotations

import pytest

from kinerja.talenta import services
from tests.talenta.conftest import evaluasi_tahunan, pegawai_kotak, potensi

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_hr_kalibrasi_9box(org_a, live_server, page, login_browser, screenshot_dir):
    for lv in ("rendah", "menengah", "tinggi"):
        for pred in ("butuh_perbaikan", "baik", "sangat_baik"):
            pegawai_kotak(org_a, pred, lv, nama=f"Pegawai {lv} {pred}")
    evaluasi_tahunan(org_a.staf, "baik")
    potensi(org_a.staf, "menengah")
    services.kalibrasi_buat(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2026)

    login_browser("hr_alpha")
    page.click("#menu-karier")
    page.click("text=9-box talenta")
    page.wait_for_selector("[data-testid=grid-9box]")
    assert page.locator("[data-kotak='5']").inner_text().strip().endswith("2")
    page.screenshot(path=str(screenshot_dir / "talenta_9box.png"), full_page=True)

    page.click("[data-kotak='5'] a")
    page.wait_for_selector("[data-testid=tabel-kotak]")
    form = page.locator(f"[data-testid=koreksi-{org_a.staf.pk}]")
    form.locator("select[name=kotak_baru]").select_option("7")
    form.locator("input[name=catatan]").fill("Memimpin proyek digitalisasi arsip")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "dikoreksi" not in page.locator("[data-testid=tabel-kotak]").inner_text()  # left box 5
    page.screenshot(path=str(screenshot_dir / "talenta_kotak.png"), full_page=True)

    page.goto(f"{live_server.url}/talenta/?tahun=2026")
    assert page.locator("[data-kotak='7']").inner_text().strip().endswith("2")
    page.click("text=Buka kalibrasi")
    assert "Memimpin proyek" in page.locator("[data-testid=tabel-koreksi]").inner_text()
    page.click("[data-testid=form-kunci] button[type=submit]")
    page.locator("#confirm-modal [data-confirm-ok]").click()
    page.wait_for_selector("[data-testid=status-kalibrasi]:has-text('Dikunci')")
    page.screenshot(path=str(screenshot_dir / "talenta_kalibrasi.png"), full_page=True)

    page.click("#menu-pengguna")
    page.click("text=Keluar") if page.locator("text=Keluar").count() else None
    login_browser("staf_alpha")
    page.goto(f"{live_server.url}/talenta/karier/")
    riwayat = page.locator("[data-testid=riwayat-9box]").inner_text()
    assert "2026" in riwayat and "7" in riwayat
    page.screenshot(path=str(screenshot_dir / "talenta_karier.png"), full_page=True)
