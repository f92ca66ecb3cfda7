"""Browser: HR opens the wilayah dashboard, drills into a unit through the chart's table,
and downloads the unit's attendance PDF; then starts the wilayah recap PDF job."""

from __future__ import annotations

import subprocess

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_dasbor_wilayah_ke_unit_dan_unduh_pdf(live_server, page, screenshot_dir, tmp_path):
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "hr_gorontalo")
    page.fill("input[name=password]", "kinerja-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    body = page.locator("body").inner_text()
    assert "Pegawai aktif" in body and "Distribusi predikat" in body

    page.click("#menu-laporan")
    page.click("text=Dasbor wilayah")
    page.wait_for_load_state("networkidle")
    assert "Rekap terakhir:" in page.locator("body").inner_text()
    assert page.locator("canvas#grafik-distribusi").is_visible()
    page.screenshot(path=str(screenshot_dir / "laporan_dasbor_wilayah.png"), full_page=True)

    tabel = page.locator(".card:has-text('Unit kerja') table a").first
    nama_unit = tabel.inner_text()
    tabel.click()
    page.wait_for_load_state("networkidle")
    assert "/laporan/unit/" in page.url
    assert nama_unit in page.locator("h1").inner_text()
    assert "Siapa menunggu siapa" in page.locator("body").inner_text()
    page.screenshot(path=str(screenshot_dir / "laporan_dasbor_unit.png"), full_page=True)

    with page.expect_download() as unduh:
        page.click("[data-testid=pdf-kehadiran]")
    berkas = tmp_path / "kehadiran.pdf"
    unduh.value.save_as(berkas)
    teks = subprocess.run(["pdftotext", str(berkas), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "PROVINSI GORONTALO" in teks.upper() and "Mamuju" not in teks and "Gayungan" not in teks
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(berkas),
                    str(screenshot_dir / "laporan_kehadiran_pdf")], check=True)  # fmt: skip

    # The wilayah recap PDF: a job (eager in tests), then the download.
    page.goto(f"{live_server.url}/laporan/pdf/")
    page.click("[data-testid=buat-pdf-wilayah]")
    page.wait_for_selector("[data-testid=proses-status][data-status=selesai]")
    page.screenshot(path=str(screenshot_dir / "laporan_proses_pdf.png"), full_page=True)
    with page.expect_download() as unduh:
        page.click("[data-testid=unduh-pdf]")
    berkas = tmp_path / "rekap.pdf"
    unduh.value.save_as(berkas)
    teks = subprocess.run(["pdftotext", str(berkas), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "REKAPITULASI KINERJA PEGAWAI" in teks and "Mamuju" not in teks
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(berkas),
                    str(screenshot_dir / "laporan_rekap_wilayah_pdf")], check=True)  # fmt: skip
