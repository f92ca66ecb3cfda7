"""Browser: a citizen on a phone (375x800) fills the survey and sees the thank-you page;
then the unit head logs in and sees the new response and answers it."""

from __future__ import annotations

import io
import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kinerja.skm import services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_warga_mengisi_di_ponsel_lalu_kepala_unit_melihat(
    live_server, browser, org_a, org_b, screenshot_dir, settings
):
    settings.SKM_CACHE_PREFIX = f"skm-e2e-{uuid.uuid4().hex[:8]}"
    settings.SKM_MIN_DETIK = 2
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (11, 122, 117)).save(buf, format="JPEG")
    org_a.staf.foto = SimpleUploadedFile("staf.jpg", buf.getvalue(), content_type="image/jpeg")
    org_a.staf.save()
    ul = services.unit_layanan_buka(
        actor=org_a.user_hr, unit=org_a.bidang, nama_publik="Kantor Kelurahan Alpha",
        jenis_layanan=["Surat keterangan domisili", "Surat pengantar KTP/KK", "Legalisir dokumen"],
    )  # fmt: skip

    ponsel = browser.new_context(viewport={"width": 375, "height": 800}, locale="id-ID",
                                 is_mobile=True, has_touch=True)  # fmt: skip
    page = ponsel.new_page()
    page.goto(f"{live_server.url}{ul.get_public_url()}")
    assert "/accounts/login/" not in page.url
    page.screenshot(path=str(screenshot_dir / "skm_publik_ponsel_atas.png"))
    page.locator("label", has_text="Surat pengantar KTP/KK").click()
    for kode, jawaban in [("u1", "Sesuai"), ("u2", "Mudah"), ("u3", "Kurang cepat"),
                          ("u4", "Gratis"), ("u5", "Sesuai"), ("u6", "Sangat paham"),
                          ("u7", "Sangat sopan dan ramah"), ("u8", "Ditanggapi dengan baik"),
                          ("u9", "Cukup")]:  # fmt: skip
        pola = re.compile(rf"^\s*\d\s*{re.escape(jawaban)}\s*$")
        page.locator(f"#blok-{kode} label").filter(has_text=pola).click()
    page.get_by_text(org_a.staf.nama).click()
    page.get_by_label("Saran atau keluhan").fill("Antrean di loket pagi hari terlalu panjang.")
    page.get_by_label("E-mail atau nomor HP").fill("0812 3456 7890")
    page.screenshot(path=str(screenshot_dir / "skm_publik_ponsel_terisi.png"), full_page=True)
    page.wait_for_timeout(2100)  # a person takes longer than the minimum fill time
    page.get_by_role("button", name="Kirim tanggapan").click()
    page.wait_for_url("**/publik/skm/terima-kasih/**")
    body = page.locator("body").inner_text()
    assert "Terima kasih!" in body
    assert "/publik/skm/tindak-lanjut/" in body
    page.screenshot(path=str(screenshot_dir / "skm_publik_ponsel_terima_kasih.png"), full_page=True)
    tautan = page.locator("#tautan-tindak-lanjut").inner_text()
    ponsel.close()

    # The unit head (kabid of the bidang) logs in and finds the response.
    kantor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = kantor.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "kabid_alpha")
    page.fill("input[name=password]", "rahasia-uji-123")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Survei Layanan").or_(
        page.get_by_role("link", name="Survei Layanan")
    ).click()
    page.get_by_role("link", name="Tanggapan").click()
    page.wait_for_url("**/skm/tanggapan/")
    body = page.locator("body").inner_text()
    assert "Antrean di loket pagi hari" in body and "Kantor Kelurahan Alpha" in body
    assert org_a.staf.nama in body
    page.screenshot(path=str(screenshot_dir / "skm_kepala_tanggapan.png"), full_page=True)
    page.locator("tbody a").first.click()
    page.get_by_label("Jawaban untuk masyarakat").fill("Mulai Senin loket pagi dibuka dua.")
    page.get_by_role("button", name="Kirim jawaban").click()
    page.wait_for_load_state("networkidle")
    assert "Jawaban disimpan" in page.locator("body").inner_text()
    page.screenshot(path=str(screenshot_dir / "skm_kepala_jawab.png"), full_page=True)
    page.goto(f"{live_server.url}/skm/unit/{ul.pk}/")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(screenshot_dir / "skm_unit_detail.png"), full_page=True)
    kantor.close()

    # The citizen opens the follow-up link and reads the answer.
    ponsel = browser.new_context(viewport={"width": 375, "height": 800}, locale="id-ID")
    page = ponsel.new_page()
    page.goto(tautan)
    assert "Mulai Senin loket pagi dibuka dua." in page.locator("body").inner_text()
    page.screenshot(path=str(screenshot_dir / "skm_publik_tindak_lanjut.png"), full_page=True)
    ponsel.close()
