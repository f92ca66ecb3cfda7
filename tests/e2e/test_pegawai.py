"""Browser: HR browses the employee list and a profile, fills a vacancy through placement
(propose, then confirm with TMT and decree number), and an employee edits their own
contact data on a read-only profile."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command

from organisasi.models import Pengguna

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _login(page, url, username):
    page.goto(f"{url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "kinerja-demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{url}/")


def _konfirmasi(page):
    page.locator("#confirm-modal [data-confirm-ok]").click()


def test_hr_penempatan_dan_pegawai_ubah_kontak(live_server, page, screenshot_dir):
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    url = live_server.url
    saya = Pengguna.objects.get(username="pegawai_gorontalo").pegawai

    _login(page, url, "hr_gorontalo")
    page.click("#menu-kepegawaian")
    page.click("text=Daftar pegawai")
    page.wait_for_url(re.compile(r"/pegawai/$"))
    page.screenshot(path=str(screenshot_dir / "pegawai_daftar.png"), full_page=True)
    page.fill("input[name=q]", saya.nama)
    page.locator(".filter-form button[type=submit]").click()
    baris = page.locator("[data-testid=tabel-pegawai] tbody tr")
    assert baris.count() >= 1
    page.click(f"text={saya.nama}")
    assert saya.nip in page.locator("body").inner_text()
    page.click("button[data-bs-target='#tab-diklat']")
    page.wait_for_selector("#tab-diklat.show")
    page.screenshot(path=str(screenshot_dir / "pegawai_profil_diklat.png"), full_page=True)
    page.click("button[data-bs-target='#tab-linimasa']")
    page.wait_for_selector("#tab-linimasa.show")
    page.screenshot(path=str(screenshot_dir / "pegawai_profil_linimasa.png"), full_page=True)

    page.click("#menu-kepegawaian")
    page.click("text=Penempatan")
    page.locator("[data-testid=tabel-jabatan] a", has_text="Cari kandidat").first.click()
    page.wait_for_selector("[data-testid=tabel-kandidat]")
    page.screenshot(path=str(screenshot_dir / "penempatan_kandidat.png"), full_page=True)
    tombol = page.locator("[data-testid=tabel-kandidat] button", has_text="Usulkan mutasi").first
    nama_calon = tombol.locator("xpath=ancestor::tr//a").first.inner_text()
    tombol.click()
    _konfirmasi(page)
    page.wait_for_url(re.compile(r"/penempatan/usulan/\d+/$"))
    page.fill("input[name=tmt]", "2026-12-01")
    page.fill("input[name=nomor_sk]", "821/77/BKD/2026")
    page.screenshot(path=str(screenshot_dir / "penempatan_usulan.png"), full_page=True)
    page.click("button:has-text('Setujui mutasi')")
    _konfirmasi(page)
    page.wait_for_url(re.compile(r"/pegawai/\d+/$"))
    assert "Mutasi disetujui" in page.locator(".alert").first.inner_text()
    assert nama_calon.split(",")[0] in page.locator("[data-testid=nama-pegawai]").inner_text()
    page.click("button[data-bs-target='#tab-jabatan']")
    page.wait_for_selector("#tab-jabatan.show")
    assert "821/77/BKD/2026" in page.locator("#tab-jabatan").inner_text()
    page.screenshot(path=str(screenshot_dir / "penempatan_setelah_mutasi.png"), full_page=True)

    page.context.clear_cookies()
    _login(page, url, "pegawai_gorontalo")
    page.click("#menu-kepegawaian")
    page.click("text=Profil saya")
    page.wait_for_selector("[data-testid=nama-pegawai]")
    assert page.locator("a", has_text="Ubah data pegawai").count() == 0
    page.click("text=Ubah data kontak")
    page.fill("input[name=telepon]", "081298765432")
    page.click("button:has-text('Simpan')")
    page.wait_for_selector("[data-testid=kontak]")
    assert "081298765432" in page.locator("[data-testid=kontak]").inner_text()
    page.screenshot(path=str(screenshot_dir / "pegawai_profil_saya.png"), full_page=True)
