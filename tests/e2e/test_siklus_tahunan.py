"""Browser, the annual cycle: in December HR opens next year from the period page, then an
employee starts next year's SKP from last year's and submits it (its RHK re-linked to the
head's approved new-year RHK)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from kinerja.models import SKP, PeriodeKinerja
from tests.kinerja.factories import RHKFactory, rantai_skp, skp_lengkap

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _konfirmasi(page):
    ok = page.locator("#confirm-modal [data-confirm-ok]")
    ok.wait_for(state="visible")
    page.wait_for_timeout(300)  # the modal's fade-in
    with page.expect_navigation():
        ok.click()
    page.wait_for_load_state("networkidle")


def test_hr_membuka_tahun_pegawai_menyalin_skp(
    org_a, live_server, page, login_browser, screenshot_dir
):
    def shot(nama):
        return page.screenshot(path=str(screenshot_dir / f"siklus_{nama}.png"), full_page=True)

    with time_machine.travel(dt.datetime(2026, 12, 15, 9, tzinfo=ZoneInfo("Asia/Makassar"))):
        rantai = rantai_skp(org_a, tahun=2026)
        rhk_kasi = rantai["kasi"].rhk_set.get()
        lama = skp_lengkap(org_a.staf_seksi, rhk_atasan=rhk_kasi, tahun=2026)

        # 1. HR opens 2027: the form proposes the next year.
        login_browser("hr_alpha")
        page.goto(f"{live_server.url}/kinerja/periode/")
        assert page.input_value("input[name=tahun]") == "2027"
        shot("01_hr_daftar_periode")
        page.click("main button:has-text('Buka periode')")
        page.wait_for_load_state("networkidle")
        assert "Periode kinerja 2027 dibuka" in page.inner_text("body")
        assert "Desember 2027" in page.inner_text("body")
        shot("02_hr_tahun_2027")
        p27 = PeriodeKinerja.objects.get(wilayah=org_a.wilayah, tahun=2027)
        assert p27.periode_penilaian.count() == 12

        # The head has an approved 2027 SKP with last year's RHK wording.
        kasi27 = skp_lengkap(org_a.kasi, tahun=2027, jumlah_rhk=0)
        RHKFactory(skp=kasi27, urutan=1, teks=rhk_kasi.teks)
        SKP.objects.filter(pk=kasi27.pk).update(status="disetujui", disetujui_pada=timezone.now())

        # 2. The employee: SKP saya offers to start from the 2026 SKP.
        page.context.clear_cookies()
        login_browser("stafseksi_alpha")
        page.click("#menu-kinerja")
        page.click("text=SKP saya")
        page.wait_for_load_state("networkidle")
        assert "Anda belum memiliki SKP tahun 2027" in page.inner_text("body")
        shot("03_pegawai_skp_saya")
        page.click("[data-testid=salin-skp]")
        page.wait_for_load_state("networkidle")
        body = page.inner_text("body")
        assert "SKP 2027 dibuat dari SKP 2026; setiap RHK sudah tertaut" in body
        assert lama.rhk_set.get().teks in body
        shot("04_pegawai_skp_2027_draf")
        baru = SKP.objects.get(pegawai=org_a.staf_seksi, periode_kinerja=p27)
        assert baru.rhk_set.get().rhk_atasan.skp_id == kasi27.pk

        # 3. Submitted: the cascade to the head's 2027 SKP holds.
        page.click(".page-actions button:has-text('Ajukan')")
        _konfirmasi(page)
        assert "SKP diajukan" in page.inner_text("body")
        shot("05_pegawai_skp_2027_diajukan")
    baru.refresh_from_db()
    assert baru.status == "diajukan"
    lama.refresh_from_db()
    assert lama.status == "disetujui"
