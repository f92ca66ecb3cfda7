"""Browser: an employee finds a programme in the catalogue and asks to join (with the
confirmation modal), the superior approves it, HR approves and marks it complete, and the
employee sees the JP on "Pengembangan saya"."""

from __future__ import annotations

import pytest

from pegawai.pengembangan.models import PendaftaranProgram
from tests.pengembangan.conftest import buat_program

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_daftar_program_sampai_selesai(org_a, live_server, page, login_browser, screenshot_dir):
    buat_program(org_a.wilayah, judul="Pelatihan Analisis Data", jam_pelajaran=24)
    buat_program(org_a.wilayah, judul="Coaching Kepemimpinan", jenis="coaching")
    login_browser("staf_alpha")
    page.click("#menu-karier")
    page.click("text=Katalog program")
    page.wait_for_load_state("networkidle")
    page.fill("input[name=q]", "analisis")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_load_state("networkidle")
    tabel = page.locator("[data-testid=tabel-program]").inner_text()
    assert "Pelatihan Analisis Data" in tabel and "Coaching Kepemimpinan" not in tabel
    page.screenshot(path=str(screenshot_dir / "pengembangan_katalog.png"), full_page=True)
    page.click("text=Pelatihan Analisis Data")
    page.wait_for_load_state("networkidle")
    page.click("[data-testid=form-daftar] button[type=submit]")
    page.locator("#confirm-modal [data-confirm-ok]").click()
    page.wait_for_selector("text=Pendaftaran dikirim ke atasan")
    assert page.locator("[data-testid=kuota]").inner_text().startswith("1 /")
    page.screenshot(path=str(screenshot_dir / "pengembangan_program_detail.png"), full_page=True)
    d = PendaftaranProgram.objects.get()
    assert d.status == "diajukan"

    page.context.clear_cookies()
    login_browser("kabid_alpha")
    page.click("#menu-karier")
    page.click("text=Persetujuan pengembangan")
    page.wait_for_load_state("networkidle")
    baris = page.locator("[data-testid=tabel-pendaftaran-menunggu] tbody tr").first
    assert "Pelatihan Analisis Data" in baris.inner_text()
    baris.locator("button[value=setujui]").click()
    page.wait_for_selector("text=diteruskan ke admin kepegawaian")

    page.context.clear_cookies()
    login_browser("hr_alpha")
    page.goto(f"{live_server.url}/pengembangan/pendaftaran/")
    page.locator("[data-testid=tabel-pendaftaran-hr] button[value=setujui]").click()
    page.wait_for_selector("text=Pendaftaran disetujui.")
    page.fill("[data-testid=tabel-pendaftaran-hr] input[name=jp_realisasi]", "20")
    page.click("text=Tandai selesai")
    page.locator("#confirm-modal [data-confirm-ok]").click()
    page.wait_for_selector("text=dicatat di riwayat diklat")
    d.refresh_from_db()
    assert d.status == "selesai" and d.diklat.jam_pelajaran == 20
    page.goto(f"{live_server.url}/pengembangan/dasbor/")
    page.screenshot(path=str(screenshot_dir / "pengembangan_dasbor.png"), full_page=True)

    page.context.clear_cookies()
    login_browser("staf_alpha")
    page.click("#menu-karier")
    page.click("text=Pengembangan saya")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-testid=jp-tahun]").inner_text().startswith("20")
    assert (
        "Hak 20 JP terpenuhi" in page.locator("[data-testid=ringkasan-pengembangan]").inner_text()
    )
    page.screenshot(path=str(screenshot_dir / "pengembangan_saya.png"), full_page=True)
