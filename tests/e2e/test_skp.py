"""Browser, first half of the performance loop: the employee drafts and submits an SKP, the
head returns it with a note, the employee fixes it and resubmits, the head fills the
behaviour expectations and approves. (tests/e2e/test_evaluasi.py continues from an approved
SKP.)"""

from __future__ import annotations

import pytest
from django.utils import timezone

from kinerja.models import SKP
from tests.kinerja.factories import rantai_skp

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _konfirmasi(page):
    ok = page.locator("#confirm-modal [data-confirm-ok]")
    ok.wait_for(state="visible")
    page.wait_for_timeout(300)  # the modal's fade-in
    with page.expect_navigation():
        ok.click()
    page.wait_for_load_state("networkidle")


def test_skp_diajukan_dikembalikan_diperbaiki_disetujui(
    org_a, live_server, page, login_browser, screenshot_dir
):
    rantai = rantai_skp(org_a, tahun=timezone.localdate().year)
    induk = rantai["kasi"].rhk_set.first()

    def shot(nama):
        return page.screenshot(path=str(screenshot_dir / f"skp_{nama}.png"), full_page=True)

    # 1. The employee creates the SKP, adds an RHK intervening the head's RHK and an indicator.
    login_browser("stafseksi_alpha")
    page.click("#menu-kinerja")
    page.click("text=SKP saya")
    page.click("[data-testid=buat-skp]")
    page.wait_for_load_state("networkidle")
    assert "SKP dibuat" in page.inner_text("body")
    shot("01_draf_kosong")
    page.click("[data-testid=tambah-rhk]")
    page.fill("textarea[name=teks]", "Tersusunnya rekap data kepegawaian seksi yang mutakhir")
    page.select_option("select[name=rhk_atasan]", str(induk.pk))
    shot("02_form_rhk")
    page.click("main button[type=submit]")
    page.click("[data-testid=tambah-indikator]")
    page.select_option("select[name=aspek]", "kuantitas")
    page.fill("textarea[name=teks]", "Jumlah rekap data yang diselesaikan")
    page.click("main button[type=submit]")
    assert "Isi target" in page.inner_text("body")  # no target: a clear message
    shot("02b_indikator_tanpa_target")
    page.fill("input[name=target_nilai]", "12")
    page.fill("input[name=target_satuan]", "rekap")
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "12 rekap" in page.inner_text("body")
    shot("03_draf_lengkap")
    page.click(".page-actions button:has-text('Ajukan')")
    _konfirmasi(page)
    assert "SKP diajukan" in page.inner_text("body")
    skp = SKP.objects.get(pegawai=org_a.staf_seksi)
    assert skp.status == "diajukan"

    # 2. The head returns it with a note.
    page.context.clear_cookies()
    login_browser("kasi_alpha")
    page.goto(f"{live_server.url}{skp.get_absolute_url()}")
    page.fill("#catatan-kembali", "Target terlalu rendah: naikkan menjadi 24 rekap setahun.")
    shot("04_kepala_mengembalikan")
    page.click("[data-testid=form-kembalikan] button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "dikembalikan" in page.inner_text("body").lower()

    # 3. The employee sees the note (and the notification), fixes the target, resubmits.
    page.context.clear_cookies()
    login_browser("stafseksi_alpha")
    assert page.locator("[data-testid=lonceng-notifikasi] .badge").inner_text().strip() != ""
    page.click("[data-testid=lonceng-notifikasi]")
    shot("05_notifikasi")
    page.click("[data-testid=notifikasi] button")
    page.wait_for_load_state("networkidle")
    assert "naikkan menjadi 24" in page.inner_text("[data-testid=catatan-pengembalian]")
    shot("06_dikembalikan")
    page.click("a[title='Ubah indikator']")
    page.fill("input[name=target_nilai]", "24")
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "24 rekap" in page.inner_text("body")
    page.click(".page-actions button:has-text('Ajukan')")
    _konfirmasi(page)
    skp.refresh_from_db()
    assert skp.status == "diajukan"

    # 4. The head fills the seven expectations and approves.
    page.context.clear_cookies()
    login_browser("kasi_alpha")
    page.goto(f"{live_server.url}{skp.get_absolute_url()}")
    page.click("[data-testid=isi-ekspektasi]")
    for area in page.locator("textarea").all():
        area.fill("Menyelesaikan rekap tepat waktu dan membantu rekan seksi.")
    shot("07_ekspektasi")
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.click(".page-actions button:has-text('Setujui')")
    _konfirmasi(page)
    assert "SKP disetujui" in page.inner_text("body")
    shot("08_disetujui")
    skp.refresh_from_db()
    assert skp.status == "disetujui" and skp.snapshot["pejabat_penilai"]["id"] == org_a.kasi.pk
    assert page.locator("[data-testid=tambah-rhk]").count() == 0  # locked
