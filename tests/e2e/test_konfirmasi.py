"""The confirmation modal (static/js/app.js) in a real browser: an OK clicked while the modal
is still fading in is carried out (Bootstrap ignores hide() during the transition, so such a
click used to do nothing, and a later close through X or Batal then submitted the form);
Batal submits nothing."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

_FORM_UJI = """() => {
  const f = document.createElement('form');
  f.method = 'get';
  f.action = '/';
  f.setAttribute('data-confirm', 'Kirim formulir uji?');
  f.innerHTML = '<input type="hidden" name="dikonfirmasi" value="1">'
    + '<button type="submit" id="uji-kirim">Kirim</button>';
  document.querySelector('main').appendChild(f);
}"""


def _buka_modal(page, live_server):
    page.goto(f"{live_server.url}/")
    page.evaluate(_FORM_UJI)
    page.click("#uji-kirim")
    return page.locator("#confirm-modal [data-confirm-ok]")


def test_ok_saat_modal_masih_memudar_tetap_dijalankan(org_a, live_server, login_browser):
    page = login_browser(org_a.user_staf.username)
    ok = _buka_modal(page, live_server)
    # No wait for the fade-in: the click lands while Bootstrap is still transitioning.
    ok.dispatch_event("click")
    page.wait_for_url(re.compile(r"\?dikonfirmasi=1$"), timeout=10_000)


def test_batal_tidak_mengirim(org_a, live_server, login_browser):
    page = login_browser(org_a.user_staf.username)
    _buka_modal(page, live_server).wait_for(state="visible")
    page.locator("#confirm-modal button", has_text="Batal").click()
    page.locator("#confirm-modal").wait_for(state="hidden")
    page.wait_for_timeout(500)
    assert "dikonfirmasi" not in page.url
