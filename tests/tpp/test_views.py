"""TPP pages through the client: status, content, scoping (another wilayah's TPP is 404, one
test per view), query counts, bad input."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from kinerja.tpp import services
from kinerja.tpp.models import BulanTPP, PengaturanTPP, TPPPegawai

from .conftest import buat_kasus

pytestmark = pytest.mark.django_db


@pytest.fixture
def tpp_b(org_b, bulan_b):
    services.tpp_hitung(bulan=bulan_b, actor=org_b.user_hr)
    bulan_b.refresh_from_db()
    return bulan_b


# --- scoping: one test per view ---------------------------------------------------------

URL_BULAN = [
    ("tpp:bulantpp_detail", "get"),
    ("tpp:bulantpp_proses", "get"),
    ("tpp:bulantpp_xlsx", "get"),
    ("tpp:bulantpp_pdf", "get"),
    ("tpp:bulantpp_hitung", "post"),
    ("tpp:bulantpp_kunci", "post"),
    ("tpp:bulantpp_buka", "post"),
]


@pytest.mark.parametrize(("nama", "metode"), URL_BULAN)
def test_bulan_wilayah_lain_404(client_as, org_a, tpp_b, nama, metode):
    c = client_as(org_a.user_hr)
    resp = getattr(c, metode)(reverse(nama, args=[tpp_b.pk]), {"catatan": "x"})
    assert resp.status_code == 404
    assert BulanTPP.objects.get(pk=tpp_b.pk).status == "draf"


def test_baris_pegawai_wilayah_lain_404(client_as, org_a, tpp_b):
    row = TPPPegawai.objects.filter(bulan=tpp_b).first()
    assert (
        client_as(org_a.user_hr).get(reverse("tpp:tpppegawai_detail", args=[row.pk])).status_code
        == 404
    )


def test_daftar_bulan_hanya_wilayah_sendiri(client_as, org_a, tpp_a, tpp_b):
    resp = client_as(org_a.user_hr).get(reverse("tpp:bulantpp_list"))
    assert resp.status_code == 200
    assert list(resp.context["bulan_list"]) == [tpp_a.bulan]


def test_pengaturan_hanya_wilayah_sendiri(client_as, org_a, org_b):
    services.pengaturan_untuk(org_b.wilayah)
    resp = client_as(org_a.user_hr).get(reverse("tpp:pengaturan"))
    assert resp.status_code == 200
    assert resp.context["form"].instance.wilayah == org_a.wilayah


def test_tpp_saya_hanya_miliknya(client_as, org_a, tpp_a, tpp_b):
    resp = client_as(org_a.user_staf).get(reverse("tpp:tpp_saya"))
    assert resp.status_code == 200
    assert [r.pegawai_id for r in resp.context["baris_list"]] == [org_a.staf.pk]


# --- roles ---------------------------------------------------------------------------------


def test_pegawai_biasa_tidak_melihat_daftar_wilayah(client_as, org_a, tpp_a):
    c = client_as(org_a.user_staf)
    assert c.get(reverse("tpp:bulantpp_list")).status_code == 403
    assert c.get(reverse("tpp:bulantpp_detail", args=[tpp_a.bulan.pk])).status_code == 403
    assert c.get(reverse("tpp:pengaturan")).status_code == 403
    lain = TPPPegawai.objects.get(bulan=tpp_a.bulan, pegawai=org_a.staf2)
    assert c.get(reverse("tpp:tpppegawai_detail", args=[lain.pk])).status_code == 404


def test_pimpinan_melihat_tetapi_tidak_mengunci(client_as, org_a, tpp_a):
    c = client_as(org_a.user_pimpinan)
    resp = c.get(reverse("tpp:bulantpp_detail", args=[tpp_a.bulan.pk]))
    assert resp.status_code == 200 and not resp.context["boleh_kelola"]
    assert c.post(reverse("tpp:bulantpp_kunci", args=[tpp_a.bulan.pk])).status_code == 403
    assert BulanTPP.objects.get(pk=tpp_a.bulan.pk).is_draf


# --- the HR flow ------------------------------------------------------------------------


def test_buat_hitung_kunci_buka(client_as, org_a, periode_a, django_capture_on_commit_callbacks):
    buat_kasus(org_a, periode_a, nama="Ani Telat", hari=[("terlambat", 45)] * 3)
    c = client_as(org_a.user_hr)
    with django_capture_on_commit_callbacks(execute=True):  # the job is sent after commit
        resp = c.post(reverse("tpp:bulantpp_buat"), {"tahun": 2026, "bulan": 11})
    bulan = BulanTPP.objects.get(wilayah=org_a.wilayah, tahun=2026, bulan=11)
    assert resp.status_code == 302 and resp["Location"] == bulan.get_absolute_url()
    assert bulan.proses == "selesai" and bulan.jumlah_pegawai == 7  # Celery eager in tests
    resp = c.get(bulan.get_absolute_url())
    assert "Ani Telat" in resp.content.decode() and "3.458.000" in resp.content.decode()
    c.post(reverse("tpp:bulantpp_kunci", args=[bulan.pk]))
    bulan.refresh_from_db()
    assert bulan.status == "terkunci"
    resp = c.post(reverse("tpp:bulantpp_hitung", args=[bulan.pk]), follow=True)
    assert "sudah dikunci" in resp.content.decode()
    resp = c.post(reverse("tpp:bulantpp_buka", args=[bulan.pk]), {"catatan": ""}, follow=True)
    assert "Tuliskan alasan" in resp.content.decode()
    assert BulanTPP.objects.get(pk=bulan.pk).status == "terkunci"
    c.post(reverse("tpp:bulantpp_buka", args=[bulan.pk]), {"catatan": "Koreksi dinas luar"})
    bulan.refresh_from_db()
    assert bulan.is_draf
    assert "Koreksi dinas luar" in c.get(bulan.get_absolute_url()).content.decode()


def test_buat_input_salah(client_as, org_a):
    c = client_as(org_a.user_hr)
    for data in (
        {},
        {"tahun": "abc", "bulan": 1},
        {"tahun": 2026, "bulan": 13},
        {"tahun": 99999, "bulan": 1},
    ):
        resp = c.post(reverse("tpp:bulantpp_buat"), data, follow=True)
        assert "Pilih bulan dan tahun yang sah" in resp.content.decode()
    assert not BulanTPP.objects.exists()


def test_proses_htmx(client_as, org_a, tpp_a):
    resp = client_as(org_a.user_hr).get(
        reverse("tpp:bulantpp_proses", args=[tpp_a.bulan.pk]), HTTP_HX_REQUEST="true"
    )
    assert resp.status_code == 200


# --- the list: search, filter, sort, constant queries -------------------------------------


def test_cari_saring_urut(client_as, org_a, tpp_a):
    c = client_as(org_a.user_hr)
    url = reverse("tpp:bulantpp_detail", args=[tpp_a.bulan.pk])
    nama = lambda resp: [r.nama for r in resp.context["baris_list"]]  # noqa: E731
    assert nama(c.get(url, {"q": "ani"})) == ["Ani Baik"]
    assert nama(c.get(url, {"q": tpp_a.sedang.nip})) == ["Budi Sanksi"]
    assert nama(c.get(url, {"tanda": "sanksi"})) == ["Budi Sanksi"]
    assert set(nama(c.get(url, {"unit": org_a.seksi.pk}))) == {
        "Budi Sanksi", org_a.kasi.nama, org_a.staf_seksi.nama}  # fmt: skip
    urut = nama(c.get(url, {"o": "-netto"}))
    assert urut[0] == "Ani Baik"
    resp = c.get(url, {"q": "tidak-ada-siapa-pun"})
    assert "Tidak ada pegawai yang cocok" in resp.content.decode()
    resp = c.get(url, {"unit": "999999"})  # not a choice: the filter is ignored, no 500
    assert resp.status_code == 200


def _tambah(org, periode, bulan, n):
    for i in range(n):
        buat_kasus(org, periode, nama=f"Pegawai {i:02d}", hari=[("terlambat", 5)])
    services.tpp_hitung(bulan=bulan, actor=org.user_hr)


@pytest.mark.parametrize("n", [3, 30])
def test_jumlah_query_tetap(client_as, org_a, periode_a, bulan_a, django_assert_num_queries, n):
    _tambah(org_a, periode_a, bulan_a, n)
    c = client_as(org_a.user_hr)
    url = reverse("tpp:bulantpp_detail", args=[bulan_a.pk])
    c.get(url)  # warm the session and the user's groups
    with django_assert_num_queries(_JUMLAH_QUERY["detail"]):
        resp = c.get(url)
    assert len(resp.context["baris_list"]) == n + 6


_JUMLAH_QUERY = {"detail": 10}


def test_daftar_bulan_dan_saya_query_tetap(
    client_as, org_a, periode_a, bulan_a, django_assert_max_num_queries
):
    _tambah(org_a, periode_a, bulan_a, 3)
    c = client_as(org_a.user_hr)
    c.get(reverse("tpp:bulantpp_list"))
    with django_assert_max_num_queries(12):
        c.get(reverse("tpp:bulantpp_list"))


# --- employee page ------------------------------------------------------------------------


def test_halaman_pegawai_menjelaskan_setiap_rupiah(client_as, org_a, tpp_a):
    from tests.factories import pengguna_untuk

    user = pengguna_untuk(tpp_a.baik, username="ani")
    c = client_as(user)
    resp = c.get(reverse("tpp:tpp_saya"))
    row = resp.context["baris_list"][0]
    resp = c.get(reverse("tpp:tpppegawai_detail", args=[row.pk]))
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "Terlambat 3x 31-60 menit: -3%" in html
    assert "- Rp 42.000" in html  # 3 % of the 1.400.000 discipline share
    assert "Rp 3.458.000" in html


# --- exports ------------------------------------------------------------------------------


def test_excel(client_as, org_a, tpp_a):
    resp = client_as(org_a.user_hr).get(reverse("tpp:bulantpp_xlsx", args=[tpp_a.bulan.pk]))
    assert resp.status_code == 200
    ws = load_workbook(io.BytesIO(resp.content)).active
    rows = list(ws.iter_rows(values_only=True))
    kepala = rows[3]
    assert (
        kepala[2] == "Nama"
        and kepala[10] == "Hari log terverifikasi"
        and kepala[36] == "TPP diterima"
    )
    data = [r for r in rows[4:] if isinstance(r[0], int)]
    assert len(data) == 8
    assert rows[-1][0] == "Jumlah" and rows[-1][36] == tpp_a.bulan.total_netto


def test_pdf(client_as, org_a, tpp_a, screenshot_dir):
    resp = client_as(org_a.user_hr).get(reverse("tpp:bulantpp_pdf", args=[tpp_a.bulan.pk]))
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    import subprocess

    pdf = screenshot_dir / "tpp_daftar_nominatif.pdf"
    pdf.write_bytes(resp.content)
    # a PNG of page 1 to look at (test-artifacts/tpp_daftar_nominatif-1.png)
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf),
                    str(screenshot_dir / "tpp_daftar_nominatif")], check=True)  # fmt: skip
    teks = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True
    ).stdout
    assert "DAFTAR NOMINATIF" in teks.upper() and "Budi Sanksi" in teks
    assert "JUMLAH SELURUHNYA" in teks and "DRAF" in teks
    assert f"{tpp_a.bulan.total_netto:,}".replace(",", ".") in teks


# --- settings -----------------------------------------------------------------------------


def _data_pengaturan(**ganti):
    p = PengaturanTPP()
    data = {k: getattr(p, k) for k in (
        "sumber_kinerja", "faktor_sangat_baik", "faktor_baik", "faktor_butuh_perbaikan",
        "faktor_kurang", "faktor_sangat_kurang", "faktor_tanpa_evaluasi", "batas_menit_1",
        "batas_menit_2", "batas_menit_3", "potongan_1", "potongan_2", "potongan_3", "potongan_4",
        "potongan_alpa", "potongan_izin", "potongan_sakit", "potongan_maks",
        "potongan_sanksi_sedang", "potongan_sanksi_berat", "pembulatan")}  # fmt: skip
    data["bobot_kinerja"] = "60"
    data.update({f"pagu_{k}": 1_000_000 * k for k in range(1, 18)})
    data["cuti_tanpa_tpp"] = ["besar", "cltn"]
    data.update(ganti)
    return data


def test_pengaturan_simpan(client_as, org_a):
    c = client_as(org_a.user_hr)
    resp = c.post(reverse("tpp:pengaturan"), _data_pengaturan(bobot_kinerja="40"))
    assert resp.status_code == 302
    p = PengaturanTPP.objects.get(wilayah=org_a.wilayah)
    assert p.bobot_kinerja == 40 and p.pagu[16] == 17_000_000
    org_a.wilayah.refresh_from_db()
    assert org_a.wilayah.bobot_kinerja_tpp == 40
    assert p.sumber_kinerja == "predikat"
    resp = c.post(reverse("tpp:pengaturan"), _data_pengaturan(sumber_kinerja="log_harian"))
    assert resp.status_code == 302
    assert PengaturanTPP.objects.get(wilayah=org_a.wilayah).sumber_kinerja == "log_harian"


@pytest.mark.parametrize(("ganti", "pesan"), [
    ({"bobot_kinerja": "120"}, "100"),
    ({"bobot_kinerja": ""}, "wajib"),
    ({"bobot_kinerja": "abc"}, "angka"),
    ({"batas_menit_2": "20"}, "harus naik"),
    ({"pagu_3": "-5"}, "0"),
    ({"cuti_tanpa_tpp": ["bukan"]}, "bukan"),
    ({"pembulatan": "x" * 300}, "x"),
    ({"sumber_kinerja": "tebakan"}, "tebakan"),
])  # fmt: skip
def test_pengaturan_input_salah(client_as, org_a, ganti, pesan):
    c = client_as(org_a.user_hr)
    resp = c.post(reverse("tpp:pengaturan"), _data_pengaturan(**ganti))
    assert resp.status_code == 200
    assert resp.context["form"].errors
    assert PengaturanTPP.objects.get(wilayah=org_a.wilayah).bobot_kinerja == 60


def test_jumlah_per_unit_menjumlah_subtree(client_as, org_a, tpp_a):
    c = client_as(org_a.user_hr)
    url = reverse("tpp:bulantpp_detail", args=[tpp_a.bulan.pk])
    rows = {r.pegawai_id: r for r in TPPPegawai.objects.filter(bulan=tpp_a.bulan)}

    def jumlah(*units):
        paths = [u.path for u in units]
        return sum(r.netto for r in rows.values() if any(r.unit.path.startswith(p) for p in paths))

    atas = c.get(url).context["ringkasan_unit"]
    assert [(r["unit_id"], r["netto_total"]) for r in atas] == [
        (None, rows[org_a.sekda.pk].netto),  # the root's own employees
        (org_a.bidang.pk, jumlah(org_a.bidang)),  # bidang with seksi below it
    ]
    bawah = c.get(url, {"unit": org_a.bidang.pk}).context
    assert [(r["unit_id"], r["jumlah"]) for r in bawah["ringkasan_unit"]] == [
        (None, 4), (org_a.seksi.pk, 3)]  # fmt: skip
    assert bawah["total"]["netto_total"] == jumlah(org_a.bidang)
    assert bawah["page_obj"].paginator.count == 7
    assert c.get(url, {"q": "Ani"}).context["page_obj"].paginator.count == 1


def test_redis_mati_pesan_jelas(client_as, org_a, bulan_a, monkeypatch):
    from kinerja.tpp import tasks

    def mati(*args, **kwargs):
        raise OSError("Connection refused")

    monkeypatch.setattr(tasks.hitung_bulan, "delay_on_commit", mati)
    resp = client_as(org_a.user_hr).post(
        reverse("tpp:bulantpp_hitung", args=[bulan_a.pk]), follow=True
    )
    assert resp.status_code == 200
    assert "Redis" in resp.content.decode()
    bulan_a.refresh_from_db()
    assert bulan_a.proses == "gagal" and bulan_a.dihitung_pada is None


def test_baris_tabel_di_escape_dan_lengkap(client_as, org_a, periode_a, bulan_a):
    """The month table's rows are written in Python (`tpp_baris`): text from the database
    is escaped, and every cell is there (badge, flags, kelas, amounts, link)."""
    buat_kasus(org_a, periode_a, nama='<script>alert("x")</script> & Co', kelas=9)
    buat_kasus(org_a, periode_a, nama="Tanpa Evaluasi", predikat=None)
    services.tpp_hitung(bulan=bulan_a, actor=org_a.user_hr)
    resp = client_as(org_a.user_hr).get(reverse("tpp:bulantpp_detail", args=[bulan_a.pk]))
    html = resp.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in html
    row = TPPPegawai.objects.get(bulan=bulan_a, nama__startswith="<script>")
    assert f'href="{row.get_absolute_url()}"' in html
    assert "\u00b7 kelas 9" in html
    assert 'badge-predikat badge-predikat-baik">Baik</span>' in html
    assert 'badge-predikat-kosong">Belum ada predikat</span>' in html
    assert '<span class="badge text-bg-warning me-1">tanpa evaluasi</span>' in html
