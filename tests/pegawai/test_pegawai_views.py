"""Employee list, export, profile, editing and histories: roles, scoping, forms and query
counts."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pegawai.models import Diklat, Pegawai, RiwayatPangkat
from pegawai.selectors import jam_pelatihan
from tests.factories import PegawaiFactory

from .factories import (
    DiklatFactory,
    HukumanDisiplinFactory,
    KompetensiPegawaiFactory,
    PenghargaanFactory,
    RiwayatJabatanFactory,
    RiwayatPangkatFactory,
    RiwayatPendidikanFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("pegawai:pegawai_list")


def _detail(p):
    return reverse("pegawai:pegawai_detail", args=[p.pk])


# --- list -----------------------------------------------------------------------------------


def test_daftar_hr_melihat_wilayahnya_saja(org_a, org_b, client_as):
    r = client_as(org_a.user_hr).get(LIST)
    assert r.status_code == 200
    nama = {p.nama for p in r.context["daftar"]}
    assert org_a.staf.nama in nama and org_b.staf.nama not in nama


def test_daftar_kepala_seksi_hanya_subtree(org_a, client_as):
    r = client_as(org_a.user_kasi).get(LIST)
    assert {p.pk for p in r.context["daftar"]} == {org_a.kasi.pk, org_a.staf_seksi.pk}


def test_daftar_pegawai_biasa_403_dan_pimpinan_boleh(org_a, client_as):
    assert client_as(org_a.user_staf).get(LIST).status_code == 403
    assert client_as(org_a.user_pimpinan).get(LIST).status_code == 200


def test_cari_filter_unit_subtree_dan_urut(org_a, client_as):
    c = client_as(org_a.user_hr)
    r = c.get(LIST, {"q": org_a.staf.nip[:10]})
    assert org_a.staf in r.context["daftar"]
    r = c.get(LIST, {"q": "Staf Satu"})
    assert [p.pk for p in r.context["daftar"]] == [org_a.staf.pk]
    r = c.get(LIST, {"unit": org_a.bidang.pk})  # bidang + its seksi
    assert {p.pk for p in r.context["daftar"]} == {
        org_a.kabid.pk, org_a.staf.pk, org_a.staf2.pk, org_a.kasi.pk, org_a.staf_seksi.pk
    }  # fmt: skip
    r = c.get(LIST, {"o": "-nama"})
    names = [p.nama for p in r.context["daftar"]]
    assert names == sorted(names, reverse=True)


def test_filter_unit_wilayah_lain_ditolak(org_a, org_b, client_as):
    r = client_as(org_a.user_hr).get(LIST, {"unit": org_b.bidang.pk})
    assert r.status_code == 200
    assert "unit" in r.context["filter"].form.errors


def test_daftar_jumlah_query_tetap(org_a, client_as, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_as(org_a.user_hr)
    DiklatFactory(pegawai=org_a.staf)
    with CaptureQueriesContext(connection) as ctx:
        c.get(LIST)
    n = len(ctx.captured_queries)
    for _i in range(24):
        DiklatFactory(pegawai=PegawaiFactory(jabatan=org_a.j_staf))
    with django_assert_max_num_queries(n):
        r = c.get(LIST)
    assert len(r.context["daftar"]) == 25


def test_ekspor_excel_dan_csv_ikut_filter(org_a, org_b, client_as):
    c = client_as(org_a.user_hr)
    r = c.get(reverse("pegawai:pegawai_export"), {"unit": org_a.seksi.pk})
    wb = load_workbook(io.BytesIO(r.content))
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0][0] == "NIP" and {x[0] for x in rows[1:]} == {
        org_a.kasi.nip,
        org_a.staf_seksi.nip,
    }
    r = c.get(reverse("pegawai:pegawai_export"), {"format": "csv"})
    teks = r.content.decode("utf-8-sig")
    assert org_a.staf.nip in teks and org_b.staf.nip not in teks
    assert client_as(org_a.user_staf).get(reverse("pegawai:pegawai_export")).status_code == 403


# --- profile --------------------------------------------------------------------------------


def test_profil_sendiri_kepala_subtree_hr_wilayah(org_a, org_b, client_as):
    assert client_as(org_a.user_staf).get(_detail(org_a.staf)).status_code == 200
    assert client_as(org_a.user_staf).get(_detail(org_a.staf2)).status_code == 404
    assert client_as(org_a.user_kasi).get(_detail(org_a.staf_seksi)).status_code == 200
    assert client_as(org_a.user_kasi).get(_detail(org_a.staf)).status_code == 404
    assert client_as(org_a.user_hr).get(_detail(org_a.sekda)).status_code == 200
    assert client_as(org_b.user_hr).get(_detail(org_a.staf)).status_code == 404


def test_profil_saya_mengarah_ke_profil(org_a, client_as):
    r = client_as(org_a.user_staf).get(reverse("pegawai:pegawai_saya"))
    assert r.status_code == 302 and r.url == _detail(org_a.staf)
    assert client_as(org_a.user_hr).get(reverse("pegawai:pegawai_saya")).status_code == 404


def test_profil_tab_jp_dan_linimasa(org_a, client_as):
    p = org_a.staf
    tahun = timezone.localdate().year
    DiklatFactory(pegawai=p, jam_pelajaran=12, tanggal_mulai=dt.date(tahun, 2, 1),
                  tanggal_selesai=dt.date(tahun, 2, 2))  # fmt: skip
    DiklatFactory(pegawai=p, jam_pelajaran=40, tanggal_mulai=dt.date(tahun - 1, 2, 1),
                  tanggal_selesai=dt.date(tahun - 1, 2, 5))  # fmt: skip
    RiwayatPangkatFactory(pegawai=p, golongan="III/b", tmt=dt.date(2020, 4, 1))
    HukumanDisiplinFactory(pegawai=p)
    r = client_as(org_a.user_staf).get(_detail(p))
    assert r.context["jp"] == 12 == jam_pelatihan(p, tahun) and r.context["jp_kurang"] == 8
    assert jam_pelatihan(p, tahun - 1) == 40
    html = r.content.decode()
    assert "Kurang 8 JP" in html and "Linimasa karier" in html
    assert {k["jenis"] for k in r.context["linimasa"]} >= {"pangkat", "hukuman", "cpns"}
    # read-only for the employee: no edit buttons, but the contact link
    assert reverse("pegawai:pegawai_update", args=[p.pk]) not in html
    assert reverse("pegawai:pegawai_kontak", args=[p.pk]) in html


def _isi_riwayat(p, n):
    for i in range(n):
        RiwayatPendidikanFactory(pegawai=p, tahun_lulus=1990 + i)
        RiwayatPangkatFactory(pegawai=p)
        RiwayatJabatanFactory(pegawai=p)
        DiklatFactory(pegawai=p)
        KompetensiPegawaiFactory(pegawai=p)
        PenghargaanFactory(pegawai=p)
        HukumanDisiplinFactory(pegawai=p)


def test_profil_jumlah_query_tetap(org_a, client_as, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    c = client_as(org_a.user_hr)
    _isi_riwayat(org_a.staf, 3)
    _isi_riwayat(org_a.staf2, 30)
    with CaptureQueriesContext(connection) as ctx:
        c.get(_detail(org_a.staf))
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        r = c.get(_detail(org_a.staf2))
    assert r.status_code == 200


# --- editing --------------------------------------------------------------------------------


def test_pegawai_ubah_kontak_sendiri_saja(org_a, client_as):
    c = client_as(org_a.user_staf)
    url = reverse("pegawai:pegawai_kontak", args=[org_a.staf.pk])
    r = c.post(url, {"email": "baru@contoh.go.id", "telepon": "0812", "alamat": "Jl. Baru 1"})
    assert r.status_code == 302
    assert Pegawai.objects.get(pk=org_a.staf.pk).email == "baru@contoh.go.id"
    assert c.get(reverse("pegawai:pegawai_kontak", args=[org_a.staf2.pk])).status_code == 404
    assert c.get(reverse("pegawai:pegawai_update", args=[org_a.staf.pk])).status_code == 403
    r = c.post(url, {"email": "bukan-email", "telepon": "x" * 31, "alamat": ""})
    assert r.status_code == 200 and set(r.context["form"].errors) == {"email", "telepon"}


def _data_form(p, **ubah):
    d = {
        "nip": p.nip, "nama": p.nama, "tanggal_lahir": p.tanggal_lahir.isoformat(),
        "jenis_kelamin": p.jenis_kelamin, "status_kepegawaian": p.status_kepegawaian,
        "golongan": p.golongan, "unit": p.unit_id, "jabatan": p.jabatan_id or "",
        "status_aktif": p.status_aktif, "pendidikan_terakhir": p.pendidikan_terakhir,
        "tmt_cpns": p.tmt_cpns.isoformat() if p.tmt_cpns else "",
    }  # fmt: skip
    d.update(ubah)
    return d


def test_form_pegawai_input_buruk(org_a, org_b, client_as):
    c = client_as(org_a.user_hr)
    p = org_a.staf
    url = reverse("pegawai:pegawai_update", args=[p.pk])
    nama_lama = p.nama
    r = c.post(url, {})  # empty
    assert r.status_code == 200 and "nip" in r.context["form"].errors
    r = c.post(url, _data_form(p, nama="x" * 151))  # too long
    assert "nama" in r.context["form"].errors
    r = c.post(url, _data_form(p, tanggal_lahir="kemarin"))  # wrong type
    assert "tanggal_lahir" in r.context["form"].errors
    r = c.post(url, _data_form(p, unit=org_b.bidang.pk))  # other region
    assert "unit" in r.context["form"].errors
    lahir_lain = p.tanggal_lahir.replace(year=p.tanggal_lahir.year - 1).isoformat()
    r = c.post(url, _data_form(p, tanggal_lahir=lahir_lain))  # NIP disagrees with birth date
    assert "tidak sama dengan tanggal lahir" in str(r.context["form"].errors["nip"])
    assert Pegawai.objects.get(pk=p.pk).nama == nama_lama
    r = c.post(url, _data_form(p, nama="Nama Baru", gelar_belakang="S.E."))
    assert r.status_code == 302 and Pegawai.objects.get(pk=p.pk).nama_lengkap == "Nama Baru, S.E."


def test_form_foto_harus_gambar(org_a, client_as):
    c = client_as(org_a.user_hr)
    p = org_a.staf
    palsu = SimpleUploadedFile("foto.jpg", b"bukan gambar", content_type="image/jpeg")
    r = c.post(reverse("pegawai:pegawai_update", args=[p.pk]), _data_form(p, foto=palsu))
    assert "foto" in r.context["form"].errors


def test_tambah_pegawai_menulis_riwayat_jabatan(org_a, client_as):
    from pegawai.validators import buat_nip

    nip = buat_nip(dt.date(1990, 5, 17), dt.date(2015, 3, 1), "P", 7)
    data = {"nip": nip, "nama": "Nurain Katili", "tanggal_lahir": "1990-05-17",
            "jenis_kelamin": "P", "status_kepegawaian": "pns", "golongan": "III/a",
            "unit": org_a.seksi.pk, "jabatan": org_a.j_staf_seksi.pk, "status_aktif": "aktif",
            "tmt_jabatan": "2020-01-02"}  # fmt: skip
    r = client_as(org_a.user_hr).post(reverse("pegawai:pegawai_create"), data)
    p = Pegawai.objects.get(nip=nip)
    assert r.status_code == 302 and p.wilayah == org_a.wilayah
    assert p.riwayat_jabatan_set.get().nama_jabatan == org_a.j_staf_seksi.nama
    assert client_as(org_a.user_kasi).get(reverse("pegawai:pegawai_create")).status_code == 403


# --- histories ------------------------------------------------------------------------------


def test_riwayat_pangkat_tambah_menyinkronkan_golongan(org_a, client_as):
    c = client_as(org_a.user_hr)
    p = org_a.staf
    url = reverse("pegawai:riwayat_pangkat_create", args=[p.pk])
    r = c.post(url, {"golongan": "III/c", "tmt": "2025-04-01", "jenis": "reguler"})
    assert r.status_code == 302
    p.refresh_from_db()
    assert (p.golongan, p.tmt_golongan) == ("III/c", dt.date(2025, 4, 1))
    rp = RiwayatPangkat.objects.get(pegawai=p)
    c.post(reverse("pegawai:riwayat_pangkat_delete", args=[rp.pk]))
    assert not RiwayatPangkat.objects.filter(pegawai=p).exists()


def test_riwayat_form_input_buruk(org_a, org_b, client_as):
    c = client_as(org_a.user_hr)
    url = reverse("pegawai:riwayat_diklat_create", args=[org_a.staf.pk])
    r = c.post(url, {})
    assert {"nama", "jenis", "tanggal_mulai", "jam_pelajaran"} <= set(r.context["form"].errors)
    r = c.post(url, {"nama": "x" * 201, "jenis": "teknis", "tanggal_mulai": "2026-02-02",
                     "tanggal_selesai": "2026-02-01", "jam_pelajaran": "banyak"})  # fmt: skip
    assert {"nama", "tanggal_selesai", "jam_pelajaran"} <= set(r.context["form"].errors)
    assert not Diklat.objects.filter(pegawai=org_a.staf).exists()
    # other region's employee: 404 (nothing written)
    url_b = reverse("pegawai:riwayat_diklat_create", args=[org_b.staf.pk])
    assert c.get(url_b).status_code == 404


def test_riwayat_hanya_hr(org_a, org_b, client_as):
    d = DiklatFactory(pegawai=org_a.staf)
    for user in (org_a.user_staf, org_a.user_kabid, org_a.user_pimpinan):
        c = client_as(user)
        assert (
            c.get(reverse("pegawai:riwayat_diklat_create", args=[org_a.staf.pk])).status_code == 403
        )
        assert c.post(reverse("pegawai:riwayat_diklat_delete", args=[d.pk])).status_code == 403
    c = client_as(org_b.user_hr)
    assert c.get(reverse("pegawai:riwayat_diklat_update", args=[d.pk])).status_code == 404
    assert c.post(reverse("pegawai:riwayat_diklat_delete", args=[d.pk])).status_code == 404
    assert Diklat.objects.filter(pk=d.pk).exists()


def test_hukuman_jenis_harus_sesuai_tingkat(org_a, client_as):
    c = client_as(org_a.user_hr)
    url = reverse("pegawai:riwayat_hukuman_create", args=[org_a.staf.pk])
    r = c.post(url, {"tingkat": "ringan", "jenis": "tpp_6", "tanggal_mulai": "2025-01-01",
                     "nomor_sk": "862/1"})  # fmt: skip
    assert "jenis" in r.context["form"].errors


def test_sertifikat_dan_foto_lewat_view_berhak(org_a, org_b, client_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    d = DiklatFactory(pegawai=org_a.staf,
                      sertifikat=SimpleUploadedFile("s.pdf", b"%PDF-1.4", content_type="application/pdf"))  # fmt: skip
    url = reverse("pegawai:diklat_sertifikat", args=[d.pk])
    r = client_as(org_a.user_staf).get(url)
    assert r.status_code == 200 and b"".join(r.streaming_content) == b"%PDF-1.4"
    assert (
        client_as(org_a.user_staf2 if hasattr(org_a, "user_staf2") else org_a.user_staf_seksi)
        .get(url)
        .status_code
        == 404
    )
    assert client_as(org_b.user_hr).get(url).status_code == 404
    assert (
        client_as(org_a.user_hr)
        .get(reverse("pegawai:pegawai_foto", args=[org_a.staf.pk]))
        .status_code
        == 404
    )
