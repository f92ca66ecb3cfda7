"""HR list of competence gaps per employee: counts, biggest gaps, unit filter, search,
sorting, pagination, roles, another wilayah, constant queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from organisasi.models import KebutuhanKompetensi
from tests.factories import JabatanFactory, PegawaiFactory

pytestmark = pytest.mark.django_db

URL = reverse("pengembangan:kesenjangan_list")


def test_daftar_jumlah_dan_terbesar(org_a, standar, client_as):
    r = client_as(org_a.user_hr).get(URL)
    assert r.status_code == 200
    baris = [(p.nama, p.jumlah_kesenjangan, p.total_kesenjangan, p.kesenjangan_terbesar)
             for p in r.context["pegawai_list"]]  # fmt: skip
    assert baris == [(org_a.staf2.nama, 3, 6, 3), (org_a.staf.nama, 2, 4, 2)]  # most gaps first
    staf = r.context["pegawai_list"][1]
    assert [(k["kompetensi"], k["gap"]) for k in staf.terbesar] == [("Kompetensi 0", 2),
                                                                   ("Kompetensi 1", 2)]  # fmt: skip
    html = r.content.decode()
    assert "Kompetensi 0: level 1 dari 3 (−2)" in html
    r = client_as(org_a.user_hr).get(URL + "?semua=1")
    assert len(r.context["pegawai_list"]) == 6  # every active employee of wilayah A


def test_filter_unit_cari_urut(org_a, standar, client_as):
    jab = JabatanFactory(unit=org_a.seksi, nama="Analis Seksi")
    KebutuhanKompetensi.objects.create(jabatan=jab, kompetensi=standar[0], level=1)
    seksi = PegawaiFactory(jabatan=jab, nama="Zaenal Seksi")
    c = client_as(org_a.user_hr)
    r = c.get(URL + f"?unit={org_a.seksi.pk}")
    assert [p.pk for p in r.context["pegawai_list"]] == [seksi.pk]
    r = c.get(URL + f"?unit={org_a.bidang.pk}")  # the subtree: bidang and its seksi
    assert {p.pk for p in r.context["pegawai_list"]} == {org_a.staf.pk, org_a.staf2.pk, seksi.pk}
    r = c.get(URL + "?q=zaenal")
    assert [p.pk for p in r.context["pegawai_list"]] == [seksi.pk]
    r = c.get(URL + f"?q={org_a.staf.nip}")
    assert [p.pk for p in r.context["pegawai_list"]] == [org_a.staf.pk]
    r = c.get(URL + "?o=nama")
    nama = [p.nama for p in r.context["pegawai_list"]]
    assert nama == sorted(nama)
    r = c.get(URL + "?o=jumlah")
    assert [p.jumlah_kesenjangan for p in r.context["pegawai_list"]] == [1, 2, 3]
    r = c.get(URL + "?o=-terbesar")
    assert r.context["pegawai_list"][0].pk == org_a.staf2.pk
    r = c.get(URL + "?o=bukan-kolom")  # unknown: the default order
    assert r.context["pegawai_list"][0].pk == org_a.staf2.pk


def test_wilayah_lain_dan_peran(org_a, org_b, standar, client_as):
    c = client_as(org_b.user_hr)
    r = c.get(URL)
    assert r.status_code == 200 and list(r.context["pegawai_list"]) == []
    assert c.get(URL + f"?unit={org_a.bidang.pk}").status_code == 404
    assert c.get(URL + "?unit=abc").status_code == 404
    assert c.get(URL + f"?q={org_a.staf.nip}&semua=1").context["pegawai_list"].count() == 0
    for user in (org_a.user_pimpinan, org_a.user_staf, org_a.user_kabid):
        assert client_as(user).get(URL).status_code == 403


def test_tautan_navigasi(org_a, client_as):
    assert URL in client_as(org_a.user_hr).get(reverse("pengembangan:dasbor")).content.decode()


@pytest.mark.parametrize("n", [3, 60])
def test_query_konstan_dan_halaman_50(org_a, standar, client_as, django_assert_max_num_queries, n):
    for i in range(n):
        PegawaiFactory(jabatan=org_a.j_staf, nama=f"Kurang {i:03d}")
    c = client_as(org_a.user_hr)
    with django_assert_max_num_queries(9):
        r = c.get(URL)
    assert r.status_code == 200
    assert len(r.context["pegawai_list"]) == min(n + 2, 50)
    assert all(len(p.terbesar) == min(p.jumlah_kesenjangan, 3) for p in r.context["pegawai_list"])
