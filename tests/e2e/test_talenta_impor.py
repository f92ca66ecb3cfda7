"""Browser: HR uploads an Excel file of potential results, reads the
preview (a bad row first: no import button), uploads the corrected file, confirms, and the
results are on the potential page."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from kinerja.talenta.models import HasilPotensi

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _berkas(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(["NIP", "SUMBER", "TANGGAL", "SKOR", "LEVEL", "CATATAN"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return str(path)


def test_hr_impor_potensi_dengan_pratinjau(org_a, org_b, live_server, page, login_browser,
                                           screenshot_dir, tmp_path):  # fmt: skip
    baik = [
        [org_a.staf.nip, "Assessment center", "15-06-2026", "82", "", "Asesmen JPT"],
        [org_a.staf2.nip, "Uji kompetensi", "20-06-2026", "64,5", "", ""],
        [org_a.kasi.nip, "Penilaian atasan", "01-07-2026", "55", "Menengah", "Catatan atasan"],
    ]
    salah = [*baik[:2], [org_b.staf.nip, "Uji kompetensi", "20-06-2026", "70", "", ""]]

    login_browser("hr_alpha")
    page.click("#menu-karier")
    page.click("text=Hasil potensi")
    page.click("[data-testid=link-impor-potensi]")
    page.set_input_files("input[name=berkas]", _berkas(tmp_path / "salah.xlsx", salah))
    page.click("[data-testid=form-impor-potensi] button[type=submit]")
    page.wait_for_selector("[data-testid=tabel-pratinjau]")
    assert "tidak ditemukan di wilayah Anda" in page.locator("[data-testid=baris-4]").inner_text()
    assert page.locator("[data-testid=ada-galat]").is_visible()
    assert page.locator("[data-testid=form-jalankan]").count() == 0
    page.screenshot(path=str(screenshot_dir / "talenta_impor_galat.png"), full_page=True)

    page.goto(f"{live_server.url}/talenta/potensi/impor/")
    page.set_input_files("input[name=berkas]", _berkas(tmp_path / "benar.xlsx", baik))
    page.click("[data-testid=form-impor-potensi] button[type=submit]")
    page.wait_for_selector("[data-testid=tabel-pratinjau]")
    tabel = page.locator("[data-testid=tabel-pratinjau]").inner_text()
    assert tabel.count("Siap diimpor") == 3 and "otomatis" in tabel
    assert not HasilPotensi.objects.exists()
    page.screenshot(path=str(screenshot_dir / "talenta_impor_pratinjau.png"), full_page=True)

    page.click("[data-testid=form-jalankan] button[type=submit]")
    page.locator("#confirm-modal [data-confirm-ok]").click()
    page.wait_for_selector("text=3 hasil potensi berhasil diimpor.")
    assert "Diimpor" in page.locator("[data-testid=status-impor]").inner_text()
    assert page.locator("[data-testid=tabel-pratinjau]").inner_text().count("Tersimpan") == 3
    page.screenshot(path=str(screenshot_dir / "talenta_impor_selesai.png"), full_page=True)
    assert HasilPotensi.objects.filter(wilayah=org_a.wilayah).count() == 3

    page.goto(f"{live_server.url}/talenta/potensi/")
    assert "Asesmen JPT" in page.locator("table").inner_text()
