"""The unit <select> (organisasi.fields): cheap options, an indented tree, and in filter bars
only the levels that fit, while deeper units stay valid choices."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organisasi.fields import BATAS_OPSI_UNIT, INDEN
from pegawai.filters import PegawaiFilter
from pegawai.models import Pegawai
from tests.factories import UnitKerjaFactory


def _pohon_lebar(org, n_seksi: int):
    """n_seksi extra units under the bidang of `org` (depth 2)."""
    return [
        UnitKerjaFactory(wilayah=org.wilayah, parent=org.bidang, nama=f"Seksi Lebar {i:03d}")
        for i in range(n_seksi)
    ]


def _opsi(html: str) -> list[str]:
    import re

    return re.findall(r"<option[^>]*>([^<]*)</option>", html)


def test_filter_unit_pohon_berinden_dan_semua_unit_bila_muat(org_a, org_b):
    f = PegawaiFilter({}, queryset=Pegawai.objects.all(), actor=org_a.user_hr)
    opsi = _opsi(str(f.form["unit"]))
    assert opsi == [
        "---------",
        org_a.root.nama,
        INDEN + org_a.bidang.nama,
        INDEN * 2 + org_a.seksi.nama,
    ]  # another wilayah's units never appear


def _filter(data, actor, batas=5):
    f = PegawaiFilter(data, queryset=Pegawai.objects.all(), actor=actor)
    f.filters["unit"].extra["batas"] = batas  # the form is built lazily, on first use
    return f


def test_filter_unit_dibatasi_tingkat_yang_muat_dan_unit_dalam_tetap_sah(org_a):
    dalam = _pohon_lebar(org_a, 6)  # depth 2: seksi + 6 = 7 units; depth <= 1: 2 units
    f = _filter({}, org_a.user_hr)
    html = str(f.form["unit"])
    opsi = _opsi(html)
    assert opsi[:3] == ["---------", org_a.root.nama, INDEN + org_a.bidang.nama]
    assert opsi[3].startswith("… 7 unit yang lebih rinci tidak dicantumkan")
    assert '<option value="" disabled>' in html
    # A deeper unit chosen (e.g. from the unit page's link) is listed, selected, and filters.
    org_a.staf.unit = dalam[3]
    org_a.staf.save()
    f = _filter({"unit": str(dalam[3].pk)}, org_a.user_hr)
    html = str(f.form["unit"])
    assert f'<option value="{dalam[3].pk}" selected>{INDEN * 2}{dalam[3].nama}</option>' in html
    assert "… 6 unit yang lebih rinci" in html
    assert list(f.qs) == [org_a.staf]


def test_filter_unit_wilayah_lain_ditolak(org_a, org_b):
    f = PegawaiFilter({"unit": str(org_b.bidang.pk)}, queryset=Pegawai.objects.all(),
                      actor=org_a.user_hr)  # fmt: skip
    assert not f.is_valid()
    assert "unit" in f.errors


def test_filter_unit_satu_query_berapa_pun_unitnya(org_a):
    def hitung() -> int:
        f = PegawaiFilter({}, queryset=Pegawai.objects.all(), actor=org_a.user_hr)
        with CaptureQueriesContext(connection) as q:
            str(f.form["unit"])
        return len(q)

    sedikit = hitung()
    _pohon_lebar(org_a, BATAS_OPSI_UNIT + 20)
    assert sedikit == hitung() == 1


def test_form_jabatan_mencantumkan_semua_unit(client_as, org_a):
    """A form that places something (no limit) lists every unit of the wilayah."""
    _pohon_lebar(org_a, BATAS_OPSI_UNIT + 5)
    r = client_as(org_a.user_hr).get(reverse("organisasi:jabatan_create"))
    assert r.status_code == 200
    assert r.content.decode().count("Seksi Lebar ") == BATAS_OPSI_UNIT + 5


def test_halaman_unit_menautkan_daftar_pegawainya(client_as, org_a, org_b):
    r = client_as(org_a.user_hr).get(reverse("organisasi:unit_detail", args=[org_a.seksi.pk]))
    assert f"{reverse('pegawai:pegawai_list')}?unit={org_a.seksi.pk}" in r.content.decode()
    # another wilayah's HR never sees the unit page at all
    r = client_as(org_b.user_hr).get(reverse("organisasi:unit_detail", args=[org_a.seksi.pk]))
    assert r.status_code == 404
