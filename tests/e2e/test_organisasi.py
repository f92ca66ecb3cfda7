"""Browser: an HR officer expands the org chart (htmx), opens a unit, a position's workload
analysis (ABK), adds a task, and reads the workforce-needs report. Screenshots in
test-artifacts/."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_bagan_dibuka_dan_abk_jabatan(live_server, login_browser, screenshot_dir):
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    page = login_browser("hr_mamuju", "kinerja-demo")
    page.goto(f"{live_server.url}/organisasi/")
    expect(page.locator("h1")).to_contain_text("Struktur organisasi")
    # the root is open, its first level shown; Dinas Kesehatan's puskesmas are not loaded yet
    dinkes = page.locator("summary", has=page.locator(".org-nama", has_text="Dinas Kesehatan"))
    expect(dinkes).to_have_count(1)
    expect(page.get_by_text("Puskesmas Binanga")).to_have_count(0)
    page.screenshot(path=str(screenshot_dir / "organisasi_bagan_tertutup.png"), full_page=True)
    dinkes.locator(".org-toggle").click()
    expect(page.locator(".org-nama", has_text="Puskesmas Binanga")).to_be_visible()
    expect(page.locator(".org-nama", has_text="Puskesmas Rangas")).to_be_visible()
    assert "Gorontalo" not in page.locator("main").inner_text()
    page.screenshot(path=str(screenshot_dir / "organisasi_bagan_terbuka.png"), full_page=True)

    # search a unit by name
    page.fill("input[name=q]", "rangas")
    page.click("button:has-text('Cari')")
    expect(page.locator("table")).to_contain_text("Puskesmas Rangas")
    expect(page.locator("table")).to_contain_text("Dinas Kesehatan")  # the trail

    # unit detail -> a position's workload
    page.click("a:has-text('Puskesmas Rangas')")
    expect(page.locator("h1")).to_contain_text("Puskesmas Rangas")
    page.screenshot(path=str(screenshot_dir / "organisasi_unit_detail.png"), full_page=True)
    page.locator("table a", has_text="Perawat").first.click()
    expect(page.locator("h1")).to_contain_text("Perawat")
    tabel = page.locator("#tabel-abk")
    expect(tabel).to_contain_text("Melakukan asuhan keperawatan")
    expect(page.locator("#selisih-abk")).to_contain_text(re.compile("Kurang|Lebih|Sesuai"))
    page.screenshot(path=str(screenshot_dir / "organisasi_jabatan_abk.png"), full_page=True)

    # add a task: the need grows
    sebelum = tabel.locator("tfoot").inner_text()
    page.locator("a", has_text="Tambah tugas").first.click()
    page.fill("textarea[name=uraian_tugas]", "Melakukan skrining tekanan darah")
    page.fill("input[name=satuan_hasil]", "pasien")
    page.fill("input[name=volume_tahunan]", "0")
    page.click("button:has-text('Simpan')")
    expect(page.locator(".invalid-feedback").first).to_be_visible()
    page.screenshot(path=str(screenshot_dir / "organisasi_tugas_salah.png"), full_page=True)
    page.fill("input[name=volume_tahunan]", "3000")
    page.fill("input[name=norma_waktu_menit]", "25")
    page.locator("button[type=submit]", has_text=re.compile("^ *Simpan$")).click()
    expect(page.locator(".alert-success")).to_contain_text("Tugas ditambahkan")
    expect(page.locator("#tabel-abk")).to_contain_text("Melakukan skrining tekanan darah")
    assert page.locator("#tabel-abk tfoot").inner_text() != sebelum

    # the workforce-needs report, per unit
    page.goto(f"{live_server.url}/organisasi/kebutuhan-pegawai/")
    expect(page.locator("#tabel-kebutuhan")).to_contain_text("Perawat")
    page.screenshot(path=str(screenshot_dir / "organisasi_kebutuhan.png"), full_page=True)
    page.select_option("select[name=tampilan]", "unit")
    page.click("button:has-text('Terapkan')")
    expect(page.locator("#tabel-kebutuhan")).to_contain_text("Puskesmas Binanga")
    page.screenshot(path=str(screenshot_dir / "organisasi_kebutuhan_per_unit.png"), full_page=True)


def test_pegawai_melihat_bagan_saja(live_server, login_browser, screenshot_dir):
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    page = login_browser("pegawai_gayungan", "kinerja-demo")
    page.click("#menu-organisasi")
    expect(page.locator(".dropdown-menu", has_text="Struktur organisasi")).to_be_visible()
    expect(page.get_by_role("link", name="Kebutuhan pegawai")).to_have_count(0)
    page.get_by_role("link", name="Struktur organisasi").click()
    expect(page.locator(".org-nama", has_text="Kelurahan Ketintang")).to_be_visible()
    expect(page.locator("a.org-nama")).to_have_count(0)  # no unit pages for employees
    page.screenshot(path=str(screenshot_dir / "organisasi_bagan_pegawai.png"), full_page=True)
