"""Browser: the employee makes an API token on "Token API saya", sees its key once (gone
after a reload), uses it against the API, and revokes it through the confirmation modal."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from kinerja.api.models import TokenAPI

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_buat_lihat_sekali_lalu_cabut(org_a, live_server, page, login_browser, screenshot_dir):
    login_browser(org_a.user_staf.username)
    page.click("#menu-pengguna")
    page.click("text=Token API saya")
    page.wait_for_load_state("networkidle")
    page.fill("input[name=nama]", "Ponsel kantor")
    page.click("[data-testid=buat-token]")
    page.wait_for_load_state("networkidle")
    kunci = page.inner_text("[data-testid=kunci-token]").strip()
    assert len(kunci) >= 40
    assert "hanya ditampilkan sekali" in page.inner_text("[data-testid=token-baru]")
    page.screenshot(path=str(screenshot_dir / "token_01_baru.png"), full_page=True)

    resp = APIClient().get("/api/v1/skp/", HTTP_AUTHORIZATION=f"Token {kunci}")
    assert resp.status_code == 200

    page.goto(f"{live_server.url}/api/token/")
    assert page.locator("[data-testid=kunci-token]").count() == 0
    assert kunci not in page.content()
    baris = page.locator("[data-testid=tabel-token] tbody tr", has_text="Ponsel kantor")
    assert "Aktif" in baris.inner_text()

    baris.locator("button", has_text="Cabut").click()
    ok = page.locator("#confirm-modal [data-confirm-ok]")
    ok.wait_for(state="visible")
    assert "Ponsel kantor" in page.inner_text("#confirm-modal")
    page.screenshot(path=str(screenshot_dir / "token_02_konfirmasi.png"), full_page=True)
    with page.expect_navigation():
        ok.click()
    page.wait_for_load_state("networkidle")
    assert "dicabut" in page.inner_text("body")
    assert "Dicabut" in page.locator("[data-testid=tabel-token] tbody tr").first.inner_text()
    assert TokenAPI.objects.get().dicabut_pada is not None
    resp = APIClient().get("/api/v1/skp/", HTTP_AUTHORIZATION=f"Token {kunci}")
    assert resp.status_code == 401


def test_swagger_ui_jalan_di_bawah_csp_tanpa_internet(org_a, live_server, page, login_browser):
    """Swagger UI loads from our own static files (drf-spectacular-sidecar) and renders the
    schema under the app's Content-Security-Policy (the conftest fails on a violation)."""
    diminta: list[str] = []
    page.on("request", lambda r: diminta.append(r.url))
    login_browser(org_a.user_staf.username)
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.locator(".swagger-ui .info .title").wait_for(timeout=20_000)
    assert "ASN Kinerja API" in page.inner_text(".swagger-ui .info .title")
    page.locator(".swagger-ui .opblock-tag", has_text="log-harian").first.wait_for()
    luar = [u for u in diminta if not u.startswith(live_server.url) and not u.startswith("data:")]
    assert not luar, luar
