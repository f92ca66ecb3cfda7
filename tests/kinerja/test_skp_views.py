"""SKP pages through the client: scoping (404 for another wilayah, 403 for a role without
the right), the whole flow by form posts, bad input, constant query counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kinerja.models import SKP, IndikatorKinerja, RencanaHasilKerja
from kinerja.services.skp import skp_buat
from tests.kinerja.factories import PeriodeKinerjaFactory, rantai_skp, skp_lengkap

pytestmark = pytest.mark.django_db


@pytest.fixture
def dua(org_a, org_b):
    a = rantai_skp(org_a)
    b = rantai_skp(org_b)
    skp_a = skp_lengkap(org_a.staf_seksi, status="draf", rhk_atasan=a["kasi"].rhk_set.first())
    return a, b, skp_a


URL_SKP = ["kinerja:skp_detail", "kinerja:skp_update", "kinerja:skp_ekspektasi",
           "kinerja:rhk_create"]  # fmt: skip
URL_POST_SKP = ["kinerja:skp_ajukan", "kinerja:skp_setujui", "kinerja:skp_kembalikan",
                "kinerja:skp_ajukan_revisi", "kinerja:skp_terima_revisi",
                "kinerja:skp_tolak_revisi", "kinerja:skp_buka_kembali",
                "kinerja:skp_umpan_balik"]  # fmt: skip


@pytest.mark.parametrize("nama", URL_SKP + URL_POST_SKP)
def test_skp_wilayah_lain_404(dua, org_b, client_as, nama):
    _a, _b, skp_a = dua
    for user in (org_b.user_hr, org_b.user_kasi, org_b.user_staf_seksi):
        c = client_as(user)
        url = reverse(nama, args=[skp_a.pk])
        resp = c.post(url, {"catatan": "x"}) if nama in URL_POST_SKP else c.get(url)
        assert resp.status_code == 404, (nama, user)


@pytest.mark.parametrize(
    "nama", ["kinerja:rhk_update", "kinerja:rhk_delete", "kinerja:indikator_create"]
)
def test_rhk_wilayah_lain_404(dua, org_b, client_as, nama):
    rhk = dua[2].rhk_set.first()
    c = client_as(org_b.user_hr)
    resp = (
        c.post(reverse(nama, args=[rhk.pk]))
        if "delete" in nama
        else c.get(reverse(nama, args=[rhk.pk]))
    )
    assert resp.status_code == 404


def test_indikator_wilayah_lain_404(dua, org_b, client_as):
    ind = IndikatorKinerja.objects.filter(rhk__skp=dua[2]).first()
    c = client_as(org_b.user_hr)
    assert c.get(reverse("kinerja:indikator_update", args=[ind.pk])).status_code == 404
    assert c.post(reverse("kinerja:indikator_delete", args=[ind.pk])).status_code == 404


def test_rekan_tidak_melihat_skp_orang_lain(dua, org_a, client_as):
    """A staff member of another unit neither sees nor edits someone else's SKP."""
    skp = dua[2]
    c = client_as(org_a.user_staf)
    assert c.get(skp.get_absolute_url()).status_code == 404
    assert c.post(reverse("kinerja:skp_ajukan", args=[skp.pk])).status_code == 404


def test_hr_melihat_tapi_tidak_mengubah(dua, org_a, client_as):
    skp = dua[2]
    c = client_as(org_a.user_hr)
    assert c.get(skp.get_absolute_url()).status_code == 200
    assert c.get(reverse("kinerja:skp_update", args=[skp.pk])).status_code == 403
    assert c.get(reverse("kinerja:rhk_create", args=[skp.pk])).status_code == 403
    assert c.post(reverse("kinerja:skp_ajukan", args=[skp.pk])).status_code == 403


def test_kabid_bukan_penilai_403_saat_menyetujui(dua, org_a, client_as):
    """kabid sees the seksi's SKP (subtree) but is not its pejabat penilai."""
    skp = dua[2]
    SKP.objects.filter(pk=skp.pk).update(status="diajukan")
    c = client_as(org_a.user_kabid)
    assert c.get(skp.get_absolute_url()).status_code == 200
    assert c.post(reverse("kinerja:skp_setujui", args=[skp.pk])).status_code == 403
    assert c.get(reverse("kinerja:skp_ekspektasi", args=[skp.pk])).status_code == 403


def test_alur_lewat_halaman(org_a, client_as):
    rantai = rantai_skp(org_a)
    c = client_as(org_a.user_staf_seksi)
    resp = c.get(reverse("kinerja:skp_saya"))
    assert resp.status_code == 200 and "Buat SKP" in resp.content.decode()
    resp = c.post(reverse("kinerja:skp_saya"), {"pendekatan": "kuantitatif"})
    skp = SKP.objects.get(pegawai=org_a.staf_seksi)
    assert resp.url == skp.get_absolute_url() and skp.ekspektasi_set.count() == 7
    assert c.get(reverse("kinerja:skp_saya")).url == skp.get_absolute_url()
    induk = rantai["kasi"].rhk_set.first()
    resp = c.get(reverse("kinerja:rhk_create", args=[skp.pk]))
    assert induk.teks[:40] in resp.content.decode()
    resp = c.post(
        reverse("kinerja:rhk_create", args=[skp.pk]),
        {"teks": "Tersusunnya data kepegawaian", "jenis": "utama", "rhk_atasan": induk.pk},
    )
    assert resp.status_code == 302, resp.content.decode()[:2000]
    rhk = skp.rhk_set.get()
    resp = c.post(
        reverse("kinerja:indikator_create", args=[rhk.pk]),
        {
            "aspek": "kuantitas",
            "teks": "Jumlah data",
            "target_nilai": "12",
            "target_satuan": "data",
        },
    )
    assert resp.status_code == 302
    resp = c.post(reverse("kinerja:skp_ajukan", args=[skp.pk]), follow=True)
    skp.refresh_from_db()
    assert skp.status == "diajukan"
    # head: fills expectations, approves
    k = client_as(org_a.user_kasi)
    data = dict.fromkeys(
        SKP.objects.get(pk=skp.pk).ekspektasi_set.values_list("perilaku", flat=True),
        "Ekspektasi jelas",
    )
    assert k.post(reverse("kinerja:skp_ekspektasi", args=[skp.pk]), data).status_code == 302
    k.post(reverse("kinerja:skp_setujui", args=[skp.pk]))
    skp.refresh_from_db()
    assert skp.status == "disetujui"
    # locked: the editor redirects back, the service refuses
    c = client_as(org_a.user_staf_seksi)
    resp = c.get(reverse("kinerja:rhk_create", args=[skp.pk]))
    assert resp.status_code == 302


def _buat_draf(org_a):
    rantai = rantai_skp(org_a)
    skp = skp_buat(actor=org_a.user_staf_seksi, periode=rantai["periode"])
    return skp, rantai


@pytest.mark.parametrize(
    ("data", "field", "pesan"),
    [
        ({"teks": "", "jenis": "utama"}, "teks", "Rumusan RHK wajib diisi"),
        ({"teks": "x" * 1001, "jenis": "utama"}, "teks", "paling banyak"),
        ({"teks": "RHK", "jenis": "bukan"}, "jenis", "pilihan yang valid"),
        ({"teks": "RHK", "jenis": "utama", "rhk_atasan": "abc"}, "rhk_atasan", "Pilih RHK"),
    ],
)
def test_rhk_form_input_buruk(org_a, client_as, data, field, pesan):
    skp, _r = _buat_draf(org_a)
    resp = client_as(org_a.user_staf_seksi).post(reverse("kinerja:rhk_create", args=[skp.pk]), data)
    assert resp.status_code == 200
    assert pesan in " ".join(resp.context["form"].errors[field])
    assert not RencanaHasilKerja.objects.filter(skp=skp).exists()


def test_rhk_atasan_wilayah_lain_ditolak(org_a, org_b, client_as):
    skp, _r = _buat_draf(org_a)
    lain = rantai_skp(org_b)["kasi"].rhk_set.first()
    resp = client_as(org_a.user_staf_seksi).post(
        reverse("kinerja:rhk_create", args=[skp.pk]),
        {"teks": "RHK", "jenis": "utama", "rhk_atasan": lain.pk},
    )
    assert resp.status_code == 200 and "rhk_atasan" in resp.context["form"].errors
    assert not RencanaHasilKerja.objects.filter(skp=skp).exists()


def test_rhk_atasan_bukan_milik_penilai_ditolak(org_a, client_as):
    """The kabid's RHK is not offered (and refused) for staf_seksi, whose penilai is kasi."""
    skp, rantai = _buat_draf(org_a)
    resp = client_as(org_a.user_staf_seksi).post(
        reverse("kinerja:rhk_create", args=[skp.pk]),
        {"teks": "RHK", "jenis": "utama", "rhk_atasan": rantai["kabid"].rhk_set.first().pk},
    )
    assert "rhk_atasan" in resp.context["form"].errors


@pytest.mark.parametrize(
    ("data", "field", "pesan"),
    [
        ({"aspek": "kuantitas", "teks": ""}, "teks", "wajib"),
        ({"aspek": "kuantitas", "teks": "I", "target_nilai": "dua belas"}, "target_nilai", "bilangan"),
        ({"aspek": "kuantitas", "teks": "I"}, "target_nilai", "Isi target"),
        ({"aspek": "kuantitas", "teks": "I", "target_nilai": "5"}, "target_satuan", "Satuan wajib"),
        ({"aspek": "kuantitas", "teks": "I", "target_nilai": "-1", "target_satuan": "x"}, "target_nilai", "lebih besar"),
        ({"aspek": "kuantitas", "teks": "I", "target_nilai": "5", "target_satuan": "x",
          "target_kualitatif": "baik"}, "target_kualitatif", "salah satu"),
        ({"aspek": "warna", "teks": "I", "target_kualitatif": "baik"}, "aspek", "pilihan yang valid"),
        ({"aspek": "kualitas", "teks": "x" * 1001, "target_kualitatif": "baik"}, "teks", "paling banyak"),
    ],
)  # fmt: skip
def test_indikator_form_input_buruk(org_a, client_as, data, field, pesan):
    skp, rantai = _buat_draf(org_a)
    rhk = RencanaHasilKerja.objects.create(
        skp=skp, teks="RHK", rhk_atasan=rantai["kasi"].rhk_set.first()
    )
    resp = client_as(org_a.user_staf_seksi).post(
        reverse("kinerja:indikator_create", args=[rhk.pk]), data
    )
    assert resp.status_code == 200
    assert pesan in " ".join(resp.context["form"].errors[field]), resp.context["form"].errors
    assert not IndikatorKinerja.objects.filter(rhk=rhk).exists()


def test_kembalikan_tanpa_catatan_pesan(dua, org_a, client_as):
    skp = dua[2]
    SKP.objects.filter(pk=skp.pk).update(status="diajukan")
    resp = client_as(org_a.user_kasi).post(
        reverse("kinerja:skp_kembalikan", args=[skp.pk]), {"catatan": ""}, follow=True
    )
    assert "Catatan wajib diisi" in resp.content.decode()
    assert SKP.objects.get(pk=skp.pk).status == "diajukan"


def _staf_massal(org, n, periode):
    from tests.factories import PegawaiFactory

    for _ in range(n):
        p = PegawaiFactory(jabatan=org.j_staf)
        skp_lengkap(p, status="diajukan", jumlah_rhk=1, tahun=periode.tahun)


def test_daftar_skp_query_konstan(org_a, client_as, django_assert_max_num_queries):
    rantai = rantai_skp(org_a)
    _staf_massal(org_a, 3, rantai["periode"])
    c = client_as(org_a.user_hr)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as q3:
        assert c.get(reverse("kinerja:skp_list")).status_code == 200
    _staf_massal(org_a, 27, rantai["periode"])
    with django_assert_max_num_queries(len(q3)):
        resp = c.get(reverse("kinerja:skp_list"))
    assert len(resp.context["skp_list"]) == 25
    # the head's list too
    k = client_as(org_a.user_kabid)
    with CaptureQueriesContext(connection) as qk:
        assert k.get(reverse("kinerja:skp_list") + "?lingkup=unit").status_code == 200
    _staf_massal(org_a, 5, rantai["periode"])
    with django_assert_max_num_queries(len(qk)):
        k.get(reverse("kinerja:skp_list") + "?lingkup=unit")


def test_detail_skp_query_konstan(org_a, client_as, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rantai = rantai_skp(org_a)
    skp = skp_lengkap(
        org_a.staf_seksi, status="draf", rhk_atasan=rantai["kasi"].rhk_set.first(), jumlah_rhk=2
    )
    c = client_as(org_a.user_staf_seksi)
    with CaptureQueriesContext(connection) as q:
        c.get(skp.get_absolute_url())
    skp2 = skp_lengkap(
        org_a.staf, status="draf", rhk_atasan=rantai["kabid"].rhk_set.first(), jumlah_rhk=12
    )
    c2 = client_as(org_a.user_staf)
    with django_assert_max_num_queries(len(q)):
        assert c2.get(skp2.get_absolute_url()).status_code == 200


def test_skp_saya_tanpa_periode(org_a, client_as):
    resp = client_as(org_a.user_staf).get(reverse("kinerja:skp_saya"))
    assert "Belum ada periode kinerja" in resp.content.decode()


def test_skp_saya_hr_tanpa_pegawai_403(org_a, client_as):
    PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    assert client_as(org_a.user_hr).get(reverse("kinerja:skp_saya")).status_code == 403


def test_daftar_skp_pegawai_biasa_403(org_a, client_as):
    assert client_as(org_a.user_staf).get(reverse("kinerja:skp_list")).status_code == 403
