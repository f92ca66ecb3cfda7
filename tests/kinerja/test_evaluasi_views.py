"""Pages of the evaluation: scoping (another wilayah 404, wrong role 403/404), evidence
upload validation, bad form input, objections, and constant query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kinerja.models import BuktiDukung, EvaluasiPeriodik, Keberatan, LogHarian
from tests.kinerja.factories_evaluasi import evaluasi, organisasi_dinilai, predikat_unit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def test_halaman_lain_wilayah_404_dan_peran_salah(org_a, org_b, client_as):
    ra = organisasi_dinilai(org_a)
    ev = evaluasi(ra["staf"], status="realisasi_diajukan", realisasi=True)
    k_ev = evaluasi(ra["staf2"], status="final", predikat="baik")
    k = Keberatan.objects.create(evaluasi=k_ev, alasan="x")
    urls = [reverse("kinerja:evaluasi_detail", args=[ev.pk]), reverse("kinerja:evaluasi_nilai", args=[ev.pk]),
            reverse("kinerja:keberatan_detail", args=[k.pk])]  # fmt: skip
    c = client_as(org_b.user_hr)
    for u in urls:
        assert c.get(u).status_code == 404
    # a section head outside the chain cannot rate (kasi is not staf's pejabat penilai)
    c = client_as(org_a.user_kasi)
    assert c.get(reverse("kinerja:evaluasi_nilai", args=[ev.pk])).status_code == 404
    # the employee sees their evaluation but cannot open the rating page
    c = client_as(org_a.user_staf)
    assert c.get(urls[0]).status_code == 200
    assert c.get(urls[1]).status_code == 403
    # HR of the wilayah sees it, but may not rate it
    c = client_as(org_a.user_hr)
    assert c.get(urls[0]).status_code == 200
    assert c.get(urls[1]).status_code == 403
    # employee pages are refused to roles without them
    assert client_as(org_a.user_staf).get(reverse("kinerja:progres")).status_code == 403
    assert client_as(org_a.user_staf).get(reverse("kinerja:kurva_unit")).status_code == 403


def test_alur_lewat_halaman(org_a, client_as):
    r = organisasi_dinilai(org_a)
    c = client_as(org_a.user_staf)
    assert c.get(reverse("kinerja:evaluasi_saya")).status_code == 200
    jendela = r["periode"].periode_penilaian.get(nomor=1)
    resp = c.post(reverse("kinerja:evaluasi_mulai", args=[jendela.pk]))
    ev = EvaluasiPeriodik.objects.get(skp=r["staf"], periode_penilaian=jendela)
    assert resp.url == ev.get_absolute_url()
    ind = r["staf"].rhk_set.first().indikator_set.first()
    resp = c.post(reverse("kinerja:evaluasi_realisasi", args=[ev.pk]), {f"nilai_{ind.pk}": "abc"})
    assert resp.status_code == 400 and "Masukkan angka" in resp.content.decode()
    resp = c.post(
        reverse("kinerja:evaluasi_realisasi", args=[ev.pk]),
        {f"nilai_{ind.pk}": "12", f"narasi_{ind.pk}": "x" * 2001},
    )
    assert resp.status_code == 400 and not ev.realisasi_set.exists()
    c.post(
        reverse("kinerja:evaluasi_realisasi", args=[ev.pk]),
        {f"nilai_{ind.pk}": "12", f"narasi_{ind.pk}": "Dua belas"},
    )
    resp = c.post(reverse("kinerja:evaluasi_bukti_tambah", args=[ev.pk]),
                  {"berkas": SimpleUploadedFile("laporan.pdf", PDF, "application/pdf")})  # fmt: skip
    assert resp.status_code == 302
    c.post(reverse("kinerja:evaluasi_ajukan", args=[ev.pk]))
    ev.refresh_from_db()
    assert ev.status == "realisasi_diajukan"
    c = client_as(org_a.user_kabid)
    page = c.get(reverse("kinerja:evaluasi_nilai", args=[ev.pk]))
    assert (
        page.status_code == 200
        and b"kurva-data" in page.content
        or b"Predikat unit" in page.content
    )
    resp = c.post(reverse("kinerja:evaluasi_nilai", args=[ev.pk]), {"rating_hasil": "di_atas"})
    assert resp.status_code == 400 and "Pilih rating perilaku kerja" in resp.content.decode()
    resp = c.post(reverse("kinerja:evaluasi_nilai", args=[ev.pk]),
                  {"rating_hasil": "di_atas", "rating_perilaku": "di_atas", "mode": "nilai", "catatan": "Bagus"})  # fmt: skip
    ev.refresh_from_db()
    assert (ev.status, ev.predikat) == ("dinilai", "sangat_baik")


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("laporan.exe", b"MZ\x90\x00", "Jenis berkas tidak didukung"),
        ("laporan.pdf", b"<html>bukan pdf</html>", "Isi berkas tidak sesuai"),
        ("foto.png", PDF, "Isi berkas tidak sesuai"),
        ("besar.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "paling besar 5 MB"),
        ("a" * 120 + ".pdf", PDF, "paling banyak 100 karakter"),
        ("kosong.pdf", b"", ""),
    ],
)
def test_validasi_unggah_bukti(org_a, client_as, nama, isi, pesan):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"])
    resp = client_as(org_a.user_staf).post(
        reverse("kinerja:evaluasi_bukti_tambah", args=[ev.pk]),
        {"berkas": SimpleUploadedFile(nama, isi, "application/pdf")},
    )
    assert resp.status_code == 400
    assert pesan in resp.content.decode()
    assert not BuktiDukung.objects.exists()


def test_bukti_nama_aman_dan_unduh_terbatas(org_a, org_b, client_as):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"])
    client_as(org_a.user_staf).post(reverse("kinerja:evaluasi_bukti_tambah", args=[ev.pk]),
                                    {"berkas": SimpleUploadedFile("Foto <kegiatan>.png", PNG, "image/png")})  # fmt: skip
    b = BuktiDukung.objects.get()
    assert "<" not in b.nama and b.berkas.name.endswith(".png") and "kegiatan" not in b.berkas.name
    assert (
        client_as(org_a.user_staf).get(reverse("kinerja:bukti_unduh", args=[b.pk])).status_code
        == 200
    )
    assert (
        client_as(org_b.user_hr).get(reverse("kinerja:bukti_unduh", args=[b.pk])).status_code == 404
    )
    resp = client_as(org_a.user_staf).post(reverse("kinerja:evaluasi_bukti_tambah", args=[ev.pk]),
                                           {"tautan": "javascript:alert(1)"})  # fmt: skip
    assert resp.status_code == 400 and BuktiDukung.objects.count() == 1


def test_keberatan_dalam_batas_hari_dan_putusan(org_a, client_as):
    r = organisasi_dinilai(org_a)
    lama = evaluasi(r["staf"], nomor=1, status="final", predikat="baik",
                    final_pada=timezone.now() - dt.timedelta(days=30))  # fmt: skip
    ev = evaluasi(r["staf"], nomor=2, status="final", predikat="baik")
    c = client_as(org_a.user_staf)
    resp = c.post(reverse("kinerja:keberatan_ajukan", args=[lama.pk]), {"alasan": "Terlambat"})
    assert resp.status_code == 400 and "sudah lewat" in resp.content.decode()
    assert (
        c.post(reverse("kinerja:keberatan_ajukan", args=[ev.pk]), {"alasan": ""}).status_code == 400
    )
    c.post(reverse("kinerja:keberatan_ajukan", args=[ev.pk]), {"alasan": "Target terlampaui"})
    k = Keberatan.objects.get()
    # the pejabat penilai (kabid) may not decide; the atasan pejabat penilai (sekda) may
    resp = client_as(org_a.user_kabid).post(reverse("kinerja:keberatan_detail", args=[k.pk]),
                                            {"keputusan_jenis": "tolak", "keputusan": "x"})  # fmt: skip
    k.refresh_from_db()
    assert k.status == "diajukan"
    c = client_as(org_a.user_sekda)
    resp = c.post(reverse("kinerja:keberatan_detail", args=[k.pk]), {"keputusan_jenis": "terima"})
    assert resp.status_code == 400
    c.post(reverse("kinerja:keberatan_detail", args=[k.pk]),
           {"keputusan_jenis": "terima", "rating_hasil": "di_atas", "rating_perilaku": "di_atas", "keputusan": "Bukti kuat"})  # fmt: skip
    k.refresh_from_db()
    ev.refresh_from_db()
    assert (k.status, k.predikat_baru, ev.predikat) == ("diterima", "sangat_baik", "sangat_baik")


def _staf_tambahan(org, r, n):
    from tests.factories import PegawaiFactory
    from tests.kinerja.factories import skp_lengkap

    rhk = r["kabid"].rhk_set.first()
    for _i in range(n):
        p = PegawaiFactory(jabatan=org.j_staf)
        s = skp_lengkap(p, rhk_atasan=rhk)
        ev = evaluasi(s, status="realisasi_diajukan", realisasi=True)
        LogHarian.objects.create(
            pegawai=p, wilayah=org.wilayah, tanggal=dt.date(2026, 1, 5), kegiatan="Rapat"
        )
        yield ev


def test_jumlah_kueri_konstan_inbox_kurva_progres(org_a, client_as, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    r = organisasi_dinilai(org_a)
    predikat_unit(org_a.bidang, r["periode"], 1, "baik")
    list(_staf_tambahan(org_a, r, 3))
    halaman = [
        reverse("kinerja:inbox"),
        reverse("kinerja:kurva_unit")
        + f"?unit={org_a.bidang.pk}&periode={r['periode'].periode_penilaian.get(nomor=1).pk}",
    ]
    hr_halaman = [reverse("kinerja:progres"), reverse("kinerja:progres") + "?tampil=belum_dinilai",
                  reverse("kinerja:progres") + "?tampil=tanpa_skp", reverse("kinerja:tindak_lanjut")]  # fmt: skip
    awal = {}
    for user, urls in ((org_a.user_kabid, halaman), (org_a.user_hr, hr_halaman)):
        c = client_as(user)
        for u in urls:
            with CaptureQueriesContext(connection) as q:
                assert c.get(u).status_code == 200
            awal[u] = len(q)
    list(_staf_tambahan(org_a, r, 27))
    for user, urls in ((org_a.user_kabid, halaman), (org_a.user_hr, hr_halaman)):
        c = client_as(user)
        for u in urls:
            with django_assert_max_num_queries(awal[u]):
                resp = c.get(u)
            assert resp.status_code == 200
    resp = client_as(org_a.user_kabid).get(reverse("kinerja:inbox"))
    assert resp.context["counts"]["evaluasi"] == 30 and resp.context["counts"]["log"] == 30


def test_inbox_count_satu_kueri(org_a, django_assert_num_queries):
    from kinerja.selectors.inbox import inbox_count
    from pegawai.selectors import pegawai_dari_pengguna

    r = organisasi_dinilai(org_a)
    evaluasi(r["staf"], status="realisasi_diajukan", realisasi=True)
    k_ev = evaluasi(r["kasi"], status="final", predikat="baik")
    Keberatan.objects.create(evaluasi=k_ev, alasan="x")  # kasi's atasan penilai is sekda
    pegawai_dari_pengguna(org_a.user_kabid)
    with django_assert_num_queries(1):
        assert inbox_count(actor=org_a.user_kabid) == 1
    pegawai_dari_pengguna(org_a.user_sekda)
    with django_assert_num_queries(1):
        assert inbox_count(actor=org_a.user_sekda) == 1


def test_badge_inbox_dicache_dan_disegarkan(
    org_a, client_as, django_assert_num_queries, django_capture_on_commit_callbacks
):
    """The navbar badge comes from the cache (no query) until the head's own step or a
    visit to the inbox page recounts it; another head's badge is a separate entry."""
    from kinerja.selectors.inbox import inbox_count
    from kinerja.services import evaluasi as svc
    from pegawai.selectors import pegawai_dari_pengguna

    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"], status="realisasi_diajukan", realisasi=True)
    kabid = org_a.user_kabid
    pegawai_dari_pengguna(kabid)
    assert inbox_count(actor=kabid) == 1
    with django_assert_num_queries(0):
        assert inbox_count(actor=kabid) == 1
    # Something new waits (here written directly): the cached badge lags ...
    ev2 = evaluasi(r["staf2"], status="realisasi_diajukan", realisasi=True)
    assert inbox_count(actor=kabid) == 1
    # ... until the inbox page, which counts afresh and refreshes the badge.
    resp = client_as(kabid).get(reverse("kinerja:inbox"))
    assert resp.context["total"] == 2
    assert inbox_count(actor=kabid) == 2
    # The head's own rating clears it at once (after commit).
    with django_capture_on_commit_callbacks(execute=True):
        svc.penilaian_simpan(actor=kabid, evaluasi=ev2, rating_hasil="sesuai",
                             rating_perilaku="sesuai")  # fmt: skip
    assert inbox_count(actor=kabid) == 1
    assert ev.pk != ev2.pk


def test_tindak_lanjut_penghargaan_dan_pembinaan(org_a, client_as):
    r = organisasi_dinilai(org_a)
    evaluasi(r["staf"], nomor=1, status="final", predikat="sangat_baik")
    evaluasi(r["staf"], nomor=2, status="final", predikat="sangat_baik")
    evaluasi(r["staf2"], nomor=1, status="final", predikat="sangat_baik")
    evaluasi(r["staf2"], nomor=3, status="final", predikat="sangat_baik")
    bp = evaluasi(r["kasi"], nomor=1, status="final", predikat="butuh_perbaikan")
    c = client_as(org_a.user_hr)
    resp = c.get(reverse("kinerja:tindak_lanjut") + "?tampil=penghargaan")
    assert [s.pegawai_id for s in resp.context["object_list"]] == [org_a.staf.pk]
    resp = c.get(reverse("kinerja:tindak_lanjut"))
    assert [s.pegawai_id for s in resp.context["object_list"]] == [org_a.kasi.pk]
    resp = c.post(reverse("kinerja:pembinaan_create", args=[bp.pk]), {"rencana": ""})
    assert resp.status_code == 400
    resp = c.post(
        reverse("kinerja:pembinaan_create", args=[bp.pk]),
        {"rencana": "Mentoring", "target_waktu": "2099-01-01"},
    )
    assert resp.status_code == 302 and bp.rencana_pembinaan_set.count() == 1
