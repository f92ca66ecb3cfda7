"""Browser: the second half of the performance loop, from an approved SKP created in the
test: the employee enters a month's realisation with a PDF evidence and submits it, the
pejabat penilai rates it on the rating page (predikat shown live, chart of the unit's
curve), and the predikat shows on the evaluation page. Screenshots in test-artifacts/."""

from __future__ import annotations

import pytest

from kinerja.models import EvaluasiPeriodik
from tests.kinerja.factories_evaluasi import organisasi_dinilai, predikat_unit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _konfirmasi(page):
    page.locator("#confirm-modal [data-confirm-ok]").click()


def test_realisasi_bukti_penilaian_predikat(org_a, live_server, login_browser, screenshot_dir):
    r = organisasi_dinilai(org_a)
    predikat_unit(org_a.bidang, r["periode"], 1, "baik")
    page = login_browser(org_a.user_staf.username)
    page.goto(f"{live_server.url}/kinerja/evaluasi/")
    baris = page.locator("[data-testid=tabel-evaluasi-saya] tbody tr").first
    baris.get_by_role("button", name="Mulai isi realisasi").click()
    page.wait_for_load_state("networkidle")
    ind = r["staf"].rhk_set.first().indikator_set.first()
    page.fill(f"input[name=nilai_{ind.pk}]", "11")
    page.fill(f"textarea[name=narasi_{ind.pk}]", "Sebelas laporan selesai, satu menunggu data.")
    page.click("[data-testid=simpan-realisasi]")
    page.wait_for_load_state("networkidle")
    page.set_input_files(
        "input[name=berkas]",
        files=[{"name": "laporan-januari.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.click("[data-testid=unggah-bukti]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-testid=bukti-link]").inner_text() == "laporan-januari.pdf"
    page.screenshot(path=str(screenshot_dir / "evaluasi-1-realisasi.png"), full_page=True)
    page.get_by_role("button", name="Ajukan realisasi").click()
    with page.expect_navigation():
        _konfirmasi(page)
    assert "diajukan" in page.locator(".alert-success").inner_text()
    ev = EvaluasiPeriodik.objects.get(skp=r["staf"])
    assert ev.status == "realisasi_diajukan"

    page.context.clear_cookies()
    page = login_browser(org_a.user_kabid.username)
    page.goto(f"{live_server.url}/kinerja/kotak-masuk/")
    assert page.locator("[data-testid=inbox-total]").inner_text() == "1"
    page.screenshot(path=str(screenshot_dir / "evaluasi-2-inbox.png"), full_page=True)
    page.click("[data-testid=inbox-nilai]")
    page.wait_for_load_state("networkidle")
    live = page.locator("[data-testid=predikat-live]")
    page.check("input[name=rating_hasil][value=di_atas]")
    page.check("input[name=rating_perilaku][value=sesuai]")
    assert live.inner_text() == "Baik"
    page.check("input[name=rating_perilaku][value=di_atas]")
    assert live.inner_text() == "Sangat Baik"  # live, no reload
    assert page.locator("#kurva-chart").is_visible()
    page.fill(f"textarea[name=ub_rhk_{ind.rhk_id}]", "Laporan tepat waktu dan rapi.")
    page.screenshot(path=str(screenshot_dir / "evaluasi-3-penilaian.png"), full_page=True)
    with page.expect_navigation():
        page.click("[data-testid=simpan-penilaian]")
    assert "Sangat Baik" in page.locator("[data-testid=predikat]").inner_text()
    page.screenshot(path=str(screenshot_dir / "evaluasi-4-predikat.png"), full_page=True)
    ev.refresh_from_db()
    assert (ev.status, ev.predikat) == ("dinilai", "sangat_baik")
