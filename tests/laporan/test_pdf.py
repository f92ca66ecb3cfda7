"""Each PDF opens, carries the letterhead of the right wilayah and the expected names, and
nothing of another wilayah (pdftotext). The wilayah recap PDF is generated as a job."""

from __future__ import annotations

import gc
import subprocess
from pathlib import Path

import pytest

from kinerja.laporan.models import ProsesLaporan
from kinerja.laporan.services.rekap import rekap_hitung
from kinerja.models import EvaluasiTahunan

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def teks_pdf(data: bytes, nama: str) -> str:
    assert data.startswith(b"%PDF")
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / f"{nama}.pdf"
    out.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(out), str(ARTIFACTS / nama)],
                   check=True)  # fmt: skip
    teks = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    return " ".join(teks.split())


def _tanpa_wilayah_lain(teks: str, org_b) -> None:
    for p in (org_b.sekda, org_b.kabid, org_b.staf, org_b.staf2, org_b.kasi, org_b.staf_seksi):
        assert p.nama not in teks and p.nip not in teks
    assert "BETA" not in teks.upper()


@pytest.fixture
def rekap(org_a, org_b, kinerja_a, kinerja_b, hari_ini_februari):
    for k in (kinerja_a, kinerja_b):
        rekap_hitung(periode_penilaian=k.jan)
    return kinerja_a


def test_pdf_skp(org_a, org_b, rekap, client_as):
    resp = client_as(org_a.user_staf).get(f"/laporan/pdf/skp/{org_a.staf.pk}/")
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    teks = teks_pdf(resp.content, "skp")
    assert org_a.wilayah.nama_instansi.upper() in teks
    assert "SASARAN KINERJA PEGAWAI" in teks
    for s in (org_a.staf.nama, org_a.staf.nip, org_a.kabid.nama, org_a.sekda.nama,
              "Tersusunnya laporan keuangan Alpha", "Terselenggaranya layanan umum Alpha",
              "Tepat waktu setiap bulan", "Jujur dan bertanggung jawab", "Laptop dan akses aplikasi",
              "1 Januari 2026", "Halaman 1 dari"):  # fmt: skip
        assert s in teks, s
    _tanpa_wilayah_lain(teks, org_b)


def test_pdf_skp_cakupan(org_a, org_b, rekap, client_as):
    assert (
        client_as(org_a.user_staf_seksi).get(f"/laporan/pdf/skp/{org_a.staf.pk}/").status_code
        == 404
    )
    assert client_as(org_a.user_hr).get(f"/laporan/pdf/skp/{org_b.staf.pk}/").status_code == 404
    assert client_as(org_a.user_kabid).get(f"/laporan/pdf/skp/{org_a.staf.pk}/").status_code == 200
    assert client_as(org_a.user_hr).get(f"/laporan/pdf/skp/{org_a.sekda.pk}/").status_code == 404


def test_pdf_evaluasi_periodik_dan_tahunan(org_a, org_b, rekap, client_as):
    c = client_as(org_a.user_kabid)
    resp = c.get(f"/laporan/pdf/evaluasi/{org_a.staf.pk}/?periode={rekap.jan.pk}")
    assert resp.status_code == 200
    teks = teks_pdf(resp.content, "evaluasi")
    for s in ("DOKUMEN EVALUASI KINERJA PEGAWAI", org_a.wilayah.nama_instansi.upper(),
              org_a.staf.nama, org_a.kabid.nama, "Januari 2026", "Laporan Januari",
              "Sesuai Ekspektasi", "BAIK"):  # fmt: skip
        assert s in teks, s
    _tanpa_wilayah_lain(teks, org_b)
    EvaluasiTahunan.objects.create(skp=rekap.skp_staf, status="belum_diisi")
    resp = c.get(f"/laporan/pdf/evaluasi/{org_a.staf.pk}/?tahunan={rekap.pk.pk}")
    teks = teks_pdf(resp.content, "evaluasi_tahunan")
    assert "TAHUNAN" in teks and "Tahun 2026" in teks and org_a.staf.nama in teks
    assert (
        client_as(org_a.user_hr).get(f"/laporan/pdf/evaluasi/{org_b.staf.pk}/").status_code == 404
    )


def test_pdf_kehadiran_unit(org_a, org_b, rekap, client_as):
    resp = client_as(org_a.user_kabid).get(
        f"/laporan/pdf/kehadiran/{org_a.bidang.pk}/?bulan=2026-01"
    )
    assert resp.status_code == 200
    teks = teks_pdf(resp.content, "kehadiran")
    for s in ("REKAPITULASI KEHADIRAN PEGAWAI", org_a.wilayah.nama_instansi.upper(), org_a.staf.nama,
              org_a.kasi.nama, "1 Januari 2026 s.d. 31 Januari 2026", "Kepala Unit", org_a.kabid.nama):  # fmt: skip
        assert s in teks, s
    _tanpa_wilayah_lain(teks, org_b)
    assert (
        client_as(org_a.user_kabid).get(f"/laporan/pdf/kehadiran/{org_a.root.pk}/").status_code
        == 404
    )
    assert (
        client_as(org_a.user_hr).get(f"/laporan/pdf/kehadiran/{org_b.bidang.pk}/").status_code
        == 404
    )


def test_pdf_rekap_wilayah_lewat_proses(
    org_a, org_b, rekap, client_as, django_capture_on_commit_callbacks
):
    c = client_as(org_a.user_hr)
    with django_capture_on_commit_callbacks(execute=True):
        resp = c.post("/laporan/pdf/wilayah/buat/", {"periode": rekap.jan.pk})
    proses = ProsesLaporan.objects.get(jenis="pdf_wilayah")
    assert resp["Location"] == f"/laporan/proses/{proses.pk}/"
    proses.refresh_from_db()
    assert proses.status == "selesai" and proses.berkas and proses.dibuat_oleh == org_a.user_hr
    teks = c.get(resp["Location"]).content.decode()
    assert "Unduh PDF" in teks and "hr_alpha" in teks
    resp = c.get(f"/laporan/proses/{proses.pk}/unduh/")
    assert resp.status_code == 200
    teks = teks_pdf(b"".join(resp.streaming_content), "rekap_wilayah")
    for s in ("REKAPITULASI KINERJA PEGAWAI", org_a.wilayah.nama_instansi.upper(), "Januari 2026",
              "Bidang Umum Alpha", "Seksi Data Alpha", "Melanggar", org_a.staf2.nama,
              "Butuh Perbaikan", "Mengetahui", org_a.sekda.nama):  # fmt: skip
        assert s in teks, s
    assert org_a.staf.nama not in teks  # Baik: no follow-up
    _tanpa_wilayah_lain(teks, org_b)
    assert client_as(org_b.user_hr).get(f"/laporan/proses/{proses.pk}/unduh/").status_code == 404
    assert client_as(org_a.user_staf).get(f"/laporan/proses/{proses.pk}/unduh/").status_code == 403


def test_pdf_rekap_wilayah_predikat_terendah_dulu(org_a, rekap, monkeypatch):
    """The follow-up list is cut in SQL, worst predikat first: with room for one row, the
    Sangat Kurang employee is kept, not the Butuh Perbaikan one ordered first alphabetically."""
    from kinerja.laporan import pdf, selectors_pdf
    from kinerja.laporan.models import RekapPegawai

    RekapPegawai.objects.filter(periode_penilaian=rekap.jan, pegawai=org_a.staf).update(
        predikat="sangat_kurang"
    )
    monkeypatch.setattr(selectors_pdf, "BATAS_DAFTAR_TINDAK_LANJUT", 1)
    data = selectors_pdf.data_rekap_wilayah(rekap.jan)
    assert [r.pegawai for r in data["tindak_lanjut"]] == [org_a.staf]
    assert data["tindak_lanjut_lebih"] is True
    assert data["jumlah_tindak_lanjut"] == 1  # from the recap row, computed before the update
    teks = teks_pdf(pdf.pdf_rekap_wilayah(periode_penilaian=rekap.jan), "rekap_batas")
    assert gc.isenabled()  # render_pdf pauses the collector only while WeasyPrint runs
    assert org_a.staf.nama in teks and org_a.staf.nip in teks and "Sangat Kurang" in teks
    assert org_a.staf2.nama not in teks.split("Perlu Tindak Lanjut")[1]
    assert "Daftar dibatasi 1 dari 1 pegawai" in teks


def test_ua_ringan_aktif_dan_daftar_tetap_berpoin():
    """The light UA stylesheet is in use with the installed WeasyPrint (a WeasyPrint upgrade
    that changes the UA sheet makes this fail: the reports would silently be ~25 % slower) and
    lists keep their markers."""
    from asn_kinerja.pdf import _kelas_html, panaskan, ua_ringan

    panaskan()
    assert ua_ringan() is not None
    html = _kelas_html()
    assert html.__name__ == "HTMLRingan"
    pdf = html(string="<ul><li>Satu</li><li>Dua</li></ul><ol><li>Tiga</li></ol>").write_pdf()
    teks = teks_pdf(pdf, "ua_ringan")
    assert "• Satu" in teks and "• Dua" in teks and "1. Tiga" in teks


# --- Wilayah recap: the unit table is a summary of the tree ------------------------------------


def _baris_unit(data) -> dict:
    return {r.unit_id: r for r in data["units"]}


def test_rekap_wilayah_unit_membawa_total_subtree(org_a, rekap):
    """Each unit row carries its whole subtree (a parent row = own + children); predikat unit
    and curve stay the unit's own."""
    from kinerja.laporan import selectors_pdf
    from kinerja.laporan.models import KOLOM_ANGKA, RekapUnit

    sendiri = {
        r.unit_id: r for r in RekapUnit.objects.filter(periode_penilaian=rekap.jan)
    }  # the employees' own units
    data = selectors_pdf.data_rekap_wilayah(rekap.jan)
    baris = _baris_unit(data)
    assert [r.unit for r in data["units"]] == [org_a.root, org_a.bidang, org_a.seksi]
    root, bidang, seksi = org_a.root.pk, org_a.bidang.pk, org_a.seksi.pk
    for k in KOLOM_ANGKA:
        assert getattr(baris[seksi], k) == getattr(sendiri[seksi], k), k
        assert getattr(baris[bidang], k) == getattr(sendiri[bidang], k) + getattr(
            sendiri[seksi], k
        ), k
        assert getattr(baris[root], k) == getattr(sendiri[root], k) + getattr(baris[bidang], k), k
    assert (baris[root].jumlah_pegawai, baris[bidang].jumlah_pegawai) == (6, 5)
    assert baris[root].jumlah_pegawai == data["rekap"].jumlah_pegawai
    assert (baris[bidang].predikat_unit, baris[bidang].kurva_ok) == ("baik", False)
    assert (baris[root].predikat_unit, baris[root].kurva_ok) == ("", None)
    assert data["unit_tidak_tampil"] == 0


def test_rekap_wilayah_tabel_unit_dipotong_di_atas_batas(org_a, org_b, rekap, monkeypatch):
    """Past BATAS_UNIT_PDF rows the table stops at the deepest level that fits (never above
    depth 1); the cut units are counted in their parent and the note points to the Excel."""
    from kinerja.laporan import pdf, selectors_pdf

    monkeypatch.setattr(selectors_pdf, "BATAS_UNIT_PDF", 2)
    data = selectors_pdf.data_rekap_wilayah(rekap.jan)
    assert [r.unit for r in data["units"]] == [org_a.root, org_a.bidang]
    assert _baris_unit(data)[org_a.bidang.pk].jumlah_pegawai == 5  # seksi included
    assert (data["unit_kedalaman"], data["unit_tidak_tampil"]) == (1, 1)
    teks = teks_pdf(pdf.pdf_rekap_wilayah(periode_penilaian=rekap.jan), "rekap_potong")
    assert org_a.seksi.nama not in teks
    assert "1 unit pada tingkat di bawahnya tidak dicantumkan tersendiri" in teks
    assert "ekspor Excel rekap unit" in teks and "mencakup pegawai unit tersebut" in teks
    _tanpa_wilayah_lain(teks, org_b)

    monkeypatch.setattr(selectors_pdf, "BATAS_UNIT_PDF", 1)  # depth 0 and 1 always
    assert [r.unit for r in selectors_pdf.data_rekap_wilayah(rekap.jan)["units"]] == [
        org_a.root,
        org_a.bidang,
    ]


def test_rekap_wilayah_unit_melanggar_di_kedalaman_mana_pun(org_a, org_b, rekap, monkeypatch):
    """Every unit violating its curve is listed, also below the levels of the unit table,
    capped at BATAS_UNIT_MELANGGAR with a note."""
    from kinerja.laporan import pdf, selectors_pdf
    from kinerja.laporan.models import RekapUnit, RekapWilayah

    RekapUnit.objects.filter(periode_penilaian=rekap.jan, unit=org_a.seksi).update(
        predikat_unit="butuh_perbaikan", kurva_ok=False, kurva_pelanggaran=["Pelanggaran seksi."]
    )
    RekapWilayah.objects.filter(periode_penilaian=rekap.jan).update(jumlah_unit_melanggar_kurva=2)
    monkeypatch.setattr(selectors_pdf, "BATAS_UNIT_PDF", 2)
    data = selectors_pdf.data_rekap_wilayah(rekap.jan)
    assert [r.unit for r in data["melanggar"]] == [org_a.bidang, org_a.seksi]
    assert data["melanggar_lebih"] is False and data["jumlah_melanggar"] == 2
    teks = teks_pdf(pdf.pdf_rekap_wilayah(periode_penilaian=rekap.jan), "rekap_langgar")
    bagian = teks.split("Unit yang Melanggar Kurva Distribusi")[1].split("Perlu Tindak Lanjut")[0]
    assert org_a.seksi.nama in bagian and "Pelanggaran seksi." in bagian
    assert org_a.bidang.nama in bagian and "Butuh Perbaikan" in bagian
    _tanpa_wilayah_lain(teks, org_b)

    monkeypatch.setattr(selectors_pdf, "BATAS_UNIT_MELANGGAR", 1)
    data = selectors_pdf.data_rekap_wilayah(rekap.jan)
    assert [r.unit for r in data["melanggar"]] == [org_a.bidang]
    assert data["melanggar_lebih"] is True
    teks = teks_pdf(pdf.pdf_rekap_wilayah(periode_penilaian=rekap.jan), "rekap_langgar1")
    assert "Daftar dibatasi 1 dari 2 unit" in teks


def test_rekap_wilayah_tanpa_unit_melanggar(org_a, rekap):
    from kinerja.laporan import pdf, selectors_pdf
    from kinerja.laporan.models import RekapUnit

    RekapUnit.objects.filter(periode_penilaian=rekap.jan).update(kurva_ok=True)
    assert selectors_pdf.data_rekap_wilayah(rekap.jan)["melanggar"] == []
    teks = teks_pdf(pdf.pdf_rekap_wilayah(periode_penilaian=rekap.jan), "rekap_sesuai")
    assert "Tidak ada unit yang melanggar kurva." in teks


def test_rekap_wilayah_jumlah_query_tetap(org_a, rekap, django_assert_num_queries):
    """Same number of queries with 3 units as with 40 units on 5 levels (and violators)."""
    from django.utils import timezone

    from kinerja.laporan import selectors_pdf
    from kinerja.laporan.models import RekapUnit
    from tests.factories import UnitKerjaFactory

    with django_assert_num_queries(8):
        sedikit = selectors_pdf.data_rekap_wilayah(rekap.jan)
    induk = org_a.seksi
    baru = []
    for i in range(40):
        induk = UnitKerjaFactory(parent=induk if i % 8 else org_a.seksi)
        baru.append(
            RekapUnit(
                periode_penilaian=rekap.jan, unit=induk, wilayah=org_a.wilayah,
                jumlah_pegawai=2, jumlah_baik=1, jumlah_belum_dinilai=1, predikat_unit="baik",
                kurva_ok=i % 3 != 0, dihitung_pada=timezone.now(),
            )
        )  # fmt: skip
    RekapUnit.objects.bulk_create(baru)
    with django_assert_num_queries(8):
        banyak = selectors_pdf.data_rekap_wilayah(rekap.jan)
    assert len(banyak["units"]) == 43 > len(sedikit["units"])
    assert len(banyak["melanggar"]) == 1 + 14
    baris = _baris_unit(banyak)
    assert baris[org_a.root.pk].jumlah_pegawai == 6 + 80
    assert baris[org_a.seksi.pk].jumlah_pegawai == 2 + 80
