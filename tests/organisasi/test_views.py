"""Organisation pages through the client: content, roles (403), scoping (404 / absent)."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.organisasi.factories import TugasJabatanFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"organisasi:{name}", args=args)


@pytest.fixture
def abk_a(org_a):
    """Analis Umum (2 holders) with the hand example: 96.000 menit -> 1,28 -> 1 orang."""
    for vol, menit, uraian in [(120, 300, "Menyusun RKA"), (200, 150, "Memverifikasi DPA"),
                               (12, 2500, "Menyusun laporan")]:  # fmt: skip
        TugasJabatanFactory(jabatan=org_a.j_staf, volume_tahunan=vol, norma_waktu_menit=menit,
                            uraian_tugas=uraian)  # fmt: skip
    # Pengelola Data (1 holder): 150.000 menit -> 2 orang, kurang 1
    TugasJabatanFactory(jabatan=org_a.j_staf_seksi, volume_tahunan=1500, norma_waktu_menit=100)
    return org_a


def test_bagan_untuk_semua_pegawai_wilayah(client_as, abk_a, org_b):
    resp = client_as(abk_a.user_staf).get(url("unit_list"))
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Pemda Alpha" in html and "Bidang Umum Alpha" in html
    assert "Kabid Alpha" in html  # head of the first level
    assert "Beta" not in html
    # an employee sees the chart but may not open unit pages
    assert f'href="{reverse("organisasi:unit_detail", args=[abk_a.bidang.pk])}"' not in html
    assert client_as(abk_a.user_staf).get(url("unit_detail", abk_a.bidang.pk)).status_code == 403


def test_bagan_htmx_anak_dan_pencarian(client_as, abk_a, org_b):
    c = client_as(abk_a.user_hr)
    resp = c.get(url("unit_children", abk_a.bidang.pk), HTTP_HX_REQUEST="true")
    html = resp.content.decode()
    assert resp.status_code == 200 and "Seksi Data Alpha" in html and "Kasi Alpha" in html
    assert "1 lowong" in html  # Pengelola Data: butuh 2, ada 1
    assert "<html" not in html  # a fragment
    assert c.get(url("unit_children", org_b.bidang.pk)).status_code == 404
    resp = c.get(url("unit_list"), {"q": "seksi"})
    assert resp.status_code == 200
    assert [u.nama for u in resp.context["hasil"]] == ["Seksi Data Alpha"]
    assert resp.context["hasil"][0].jejak == ["Pemda Alpha", "Bidang Umum Alpha"]
    assert c.get(url("unit_list"), {"q": "Beta"}).context["hasil"].__len__() == 0


def test_unit_detail(client_as, abk_a):
    resp = client_as(abk_a.user_hr).get(url("unit_detail", abk_a.bidang.pk))
    html = resp.content.decode()
    assert resp.status_code == 200
    for teks in ["Kabid Alpha", "Kepala Bidang Umum", "Analis Umum", "Staf Satu Alpha",
                 "Seksi Data Alpha", "Tambah jabatan", "Lebih 1"]:  # fmt: skip
        assert teks in html, teks
    assert resp.context["beban_unit"]["kebutuhan"] == 2  # kepala 1 + analis 1
    assert resp.context["beban_unit"]["kelebihan"] == 1
    assert resp.context["beban_subtree"]["kekurangan"] == 1


def test_jabatan_detail_tabel_abk_dan_selisih(client_as, abk_a):
    resp = client_as(abk_a.user_pimpinan).get(url("jabatan_detail", abk_a.j_staf.pk))
    html = resp.content.decode()
    assert resp.status_code == 200
    h = resp.context["hasil"]
    assert (h.beban_menit, str(h.kebutuhan), h.kebutuhan_bulat, h.pemangku, h.selisih, h.kelas) == (
        96_000, "1.28", 1, 2, -1, "C")  # fmt: skip
    for teks in ["Menyusun RKA", "36.000", "96.000", "1,28", "0,4800", "Lebih 1"]:
        assert teks in html, teks
    assert "Tambah tugas" not in html  # pimpinan reads only


def test_kepala_seksi_membaca_subtree_saja(client_as, abk_a):
    c = client_as(abk_a.user_kasi)
    assert c.get(url("unit_detail", abk_a.seksi.pk)).status_code == 200
    assert c.get(url("unit_detail", abk_a.bidang.pk)).status_code == 404
    assert c.get(url("jabatan_detail", abk_a.j_staf_seksi.pk)).status_code == 200
    assert c.get(url("jabatan_detail", abk_a.j_staf.pk)).status_code == 404
    resp = c.get(url("kebutuhan_list"))
    assert {j.nama for j in resp.context["baris"]} == {"Kepala Seksi Data", "Pengelola Data"}
    assert c.get(url("jabatan_create")).status_code == 403
    assert c.post(url("unit_deactivate", abk_a.seksi.pk)).status_code == 403


@pytest.mark.parametrize(
    "name",
    ["unit_detail", "unit_update", "unit_children", "jabatan_detail", "jabatan_update",
     "tugasjabatan_create"],
)  # fmt: skip
def test_wilayah_lain_404(client_as, abk_a, org_b, name):
    obj = org_b.bidang if name.startswith("unit") else org_b.j_staf
    assert client_as(abk_a.user_hr).get(url(name, obj.pk)).status_code == 404


def test_wilayah_lain_404_aksi_post(client_as, abk_a, org_b):
    c = client_as(abk_a.user_hr)
    tugas_b = TugasJabatanFactory(jabatan=org_b.j_staf)
    assert c.get(url("tugasjabatan_update", tugas_b.pk)).status_code == 404
    for name, pk in [("tugasjabatan_delete", tugas_b.pk), ("unit_deactivate", org_b.seksi.pk),
                     ("jabatan_deactivate", org_b.j_staf.pk),
                     ("kebutuhankompetensi_create", org_b.j_staf.pk)]:  # fmt: skip
        assert c.post(url(name, pk)).status_code == 404, name
    assert tugas_b.__class__.objects.filter(pk=tugas_b.pk).exists()


@pytest.mark.parametrize("user", ["user_staf", "user_pimpinan", "user_kabid"])
def test_peran_tanpa_hak_kelola_403(client_as, abk_a, user):
    c = client_as(getattr(abk_a, user))
    tugas = abk_a.j_staf.tugas_set.first()
    for name, args in [("unit_create", []), ("jabatan_create", []),
                       ("unit_update", [abk_a.seksi.pk]), ("tugasjabatan_update", [tugas.pk]),
                       ("tugasjabatan_create", [abk_a.j_staf.pk])]:  # fmt: skip
        assert c.get(url(name, *args)).status_code in (403, 404), (user, name)
    assert c.post(url("tugasjabatan_delete", tugas.pk)).status_code in (403, 404)
    assert abk_a.j_staf.tugas_set.filter(pk=tugas.pk).exists()


def test_laporan_kebutuhan_filter_urut_dan_per_unit(client_as, abk_a, org_b):
    c = client_as(abk_a.user_hr)
    resp = c.get(url("kebutuhan_list"))
    baris = list(resp.context["baris"])
    assert baris[0].nama == "Pengelola Data"  # bawaan: kekurangan terbesar dahulu
    assert resp.context["total"]["kekurangan"] == 1 and resp.context["total"]["kelebihan"] == 1
    assert "Beta" not in resp.content.decode()
    resp = c.get(url("kebutuhan_list"), {"status": "lebih"})
    assert [j.nama for j in resp.context["baris"]] == ["Analis Umum"]
    resp = c.get(url("kebutuhan_list"), {"unit": abk_a.seksi.pk, "o": "nama"})
    assert [j.nama for j in resp.context["baris"]] == ["Kepala Seksi Data", "Pengelola Data"]
    resp = c.get(url("kebutuhan_list"), {"jenis": "pengawas"})
    assert [j.nama for j in resp.context["baris"]] == ["Kepala Seksi Data"]
    resp = c.get(url("kebutuhan_list"), {"tampilan": "unit", "o": "-kekurangan"})
    rows = list(resp.context["baris"])
    assert rows[0]["unit__nama"] == "Seksi Data Alpha" and rows[0]["t_kekurangan"] == 1
    assert {r["unit__nama"]: r["t_kebutuhan"] for r in rows} == {
        "Pemda Alpha": 1, "Bidang Umum Alpha": 2, "Seksi Data Alpha": 3}  # fmt: skip
    # a unit of another wilayah in the filter: a clear error, no rows
    resp = c.get(url("kebutuhan_list"), {"unit": org_b.bidang.pk})
    assert list(resp.context["baris"]) == []
    assert "Unit tidak ditemukan di wilayah Anda." in resp.content.decode()


def test_ekspor_csv_dan_excel_tanpa_wilayah_lain(client_as, abk_a, org_b):
    TugasJabatanFactory(jabatan=org_b.j_staf)
    c = client_as(abk_a.user_hr)
    resp = c.get(url("kebutuhan_export"), {"format": "csv"})
    assert resp.status_code == 200 and resp["Content-Type"].startswith("text/csv")
    teks = resp.content.decode("utf-8-sig")
    assert "Analis Umum;" in teks and "1,28" in teks and "Beta" not in teks
    assert teks.splitlines()[0].startswith("Unit kerja;Kode unit;Jabatan")
    resp = c.get(url("kebutuhan_export"), {"format": "xlsx", "status": "kurang"})
    ws = load_workbook(io.BytesIO(resp.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Unit kerja"
    assert [r[2] for r in rows[1:]] == ["Pengelola Data"]
    assert rows[1][7:10] == (2, 1, 1)
    semua = " ".join(str(v) for r in rows for v in r)
    assert "Beta" not in semua
    assert client_as(abk_a.user_staf).get(url("kebutuhan_export")).status_code == 403


def test_admin_nasional_melihat_semua_wilayah(client_as, abk_a, org_b, admin_nasional):
    resp = client_as(admin_nasional).get(url("unit_list"))
    html = resp.content.decode()
    assert "Pemda Alpha" in html and "Pemda Beta" in html
    assert client_as(admin_nasional).get(url("unit_detail", org_b.bidang.pk)).status_code == 200
