"""The browser enforces the Content-Security-Policy: an injected inline script does not run,
the vendored scripts (Bootstrap, htmx, app.js) do."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_skrip_sisipan_diblokir_skrip_statis_jalan(live_server, page, _pelanggaran_csp):
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.evaluate("typeof bootstrap") == "object"
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__disisipkan = 1'; document.body.appendChild(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.__disisipkan") is None
    assert any("Content Security Policy" in p for p in _pelanggaran_csp)
    _pelanggaran_csp.clear()  # expected here; any other violation fails the test
