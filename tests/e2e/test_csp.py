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


def test_tab_profil_dan_grafik_tren_skm_dari_berkas_statis(org_a, live_server, login_browser):
    """The two scripts that were inline (profile tab in the address, SKM trend chart) work
    from their static files under the policy."""
    import datetime as dt

    from asn_kinerja.waktu import hari_ini
    from tests.skm.conftest import _buka, buat_tanggapan

    skm = _buka(org_a, "Layanan Uji CSP")
    hari = hari_ini(org_a.wilayah)  # any day: three points in three different months
    for i, nilai in enumerate([(4,) * 9, (3,) * 9, (2,) * 9]):
        buat_tanggapan(skm, nilai, tanggal=hari - dt.timedelta(days=35 * i))
    page = login_browser(org_a.user_hr.username)
    page.goto(f"{live_server.url}/pegawai/{org_a.staf.pk}/")
    page.click('#tab-profil [data-bs-target="#tab-pendidikan"]')
    page.wait_for_url("**tab=pendidikan**")
    page.goto(f"{live_server.url}/skm/unit/{skm.ul.pk}/")
    page.wait_for_function("() => window.Chart && Chart.getChart('grafik-tren')")
    assert page.evaluate("Chart.getChart('grafik-tren').data.labels.length") >= 2
