"""Browser tests: a page that breaks the Content-Security-Policy fails its test (issue 19:
scripts load only from static files, so a blocked inline script or handler is a bug)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _pelanggaran_csp(request):
    """The CSP violations the browser reported (a test that expects one clears the list)."""
    if "page" not in request.fixturenames:
        yield []
        return
    page = request.getfixturevalue("page")
    pelanggaran: list[str] = []

    def catat(msg) -> None:
        if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text:
            pelanggaran.append(f"{page.url}: {msg.text}")

    page.on("console", catat)
    yield pelanggaran
    assert not pelanggaran, "\n".join(pelanggaran)
