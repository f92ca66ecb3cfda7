"""Pages of development: every page renders for its roles (strict templates), another
wilayah's objects are 404, lists run constant queries, forms give clear messages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pegawai.models import Diklat
from pegawai.pengembangan import services
from pegawai.pengembangan.models import (
    KegiatanPengembangan,
    PendaftaranProgram,
    ProgramPengembangan,
    RencanaPengembangan,
)
from tests.factories import PegawaiFactory

from .conftest import buat_program

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_a(org_a, standar):
    p = buat_program(org_a.wilayah, kompetensi=standar[0])
    d = services.pendaftaran_ajukan(actor=org_a.user_staf, program=p)
    r = services.rencana_simpan(actor=org_a.user_staf, tahun=2026, tujuan="Tujuan", target_jp=20)
    k = services.kegiatan_tambah(actor=org_a.user_staf, rencana=r, jenis="pelatihan", judul="SQL",
                                 jp_rencana=12, bulan_rencana=3)  # fmt: skip
    return p, d, r, k


def test_halaman_tampil_untuk_setiap_peran(org_a, data_a, client_as):
    p, d, r, _k = data_a
    halaman = {
        org_a.user_staf: ["saya", "program_list", ("program_detail", p.pk), ("rencana_detail", r.pk),
                          ("rencana_ubah", r.pk)],
        org_a.user_kabid: ["persetujuan", "program_list", ("rencana_detail", r.pk)],
        org_a.user_hr: ["program_list", "program_buat", ("program_detail", p.pk), ("program_ubah", p.pk),
                        "pendaftaran_hr", "dasbor", ("rencana_detail", r.pk)],
        org_a.user_pimpinan: ["dasbor", "program_list"],
    }  # fmt: skip
    for user, names in halaman.items():
        c = client_as(user)
        for n in names:
            url = (
                reverse(f"pengembangan:{n[0]}", args=[n[1]])
                if isinstance(n, tuple)
                else reverse(f"pengembangan:{n}")
            )
            resp = c.get(url)
            assert resp.status_code == 200, (user.username, url, resp.status_code)
    c = client_as(org_a.user_kabid)
    assert (
        "Pendaftaran program menunggu"
        in c.get(reverse("pengembangan:persetujuan")).content.decode()
    )


def test_pegawai_tanpa_rencana_dan_empty_state(org_a, client_as):
    c = client_as(org_a.user_staf2 if hasattr(org_a, "user_staf2") else org_a.user_staf_seksi)
    html = c.get(reverse("pengembangan:saya")).content.decode()
    assert "Belum ada rencana pengembangan tahun ini." in html
    assert "Jabatan ini belum memiliki standar kompetensi." in html
    assert c.get(reverse("pengembangan:rencana_buat")).status_code == 200
    assert (
        "Belum ada program pengembangan"
        in c.get(reverse("pengembangan:program_list")).content.decode()
    )


def test_hak_akses(org_a, data_a, client_as):
    c = client_as(org_a.user_staf)
    assert c.get(reverse("pengembangan:program_buat")).status_code == 403
    assert c.get(reverse("pengembangan:pendaftaran_hr")).status_code == 403
    assert c.get(reverse("pengembangan:dasbor")).status_code == 403
    # the kasi is not the staff's superior: the IDP is not theirs to see
    _p, _d, r, _k = data_a
    assert (
        client_as(org_a.user_kasi)
        .get(reverse("pengembangan:rencana_detail", args=[r.pk]))
        .status_code
        == 404
    )


def test_objek_wilayah_lain_404(org_a, org_b, data_a, client_as):
    p, d, r, k = data_a
    c = client_as(org_b.user_hr)
    get_urls = [
        ("program_detail", p.pk),
        ("program_ubah", p.pk),
        ("rencana_detail", r.pk),
        ("rencana_ubah", r.pk),
    ]
    post_urls = [("program_hapus", p.pk), ("pendaftaran_ajukan", p.pk), ("kegiatan_tambah", r.pk),
                 ("rencana_ajukan", r.pk), ("rencana_putuskan", r.pk), ("kegiatan_hapus", k.pk),
                 ("kegiatan_status", k.pk), ("pendaftaran_putus_atasan", d.pk), ("pendaftaran_putus_hr", d.pk),
                 ("pendaftaran_selesai", d.pk), ("pendaftaran_batalkan", d.pk)]  # fmt: skip
    for name, pk in get_urls:
        assert c.get(reverse(f"pengembangan:{name}", args=[pk])).status_code == 404, name
    for name, pk in post_urls:
        assert (
            c.post(reverse(f"pengembangan:{name}", args=[pk]), {"aksi": "setujui"}).status_code
            == 404
        ), name
    assert ProgramPengembangan.objects.filter(pk=p.pk).exists()
    assert PendaftaranProgram.objects.get(pk=d.pk).status == "diajukan"
    # another wilayah's catalogue and dashboards do not show wilayah A's rows
    assert p.judul not in c.get(reverse("pengembangan:program_list")).content.decode()
    assert (
        d.pegawai.nama
        not in client_as(org_b.user_hr).get(reverse("pengembangan:pendaftaran_hr")).content.decode()
    )


def _banyak_program(wilayah, n):
    for i in range(n):
        buat_program(wilayah, judul=f"Massal {i}")


def test_katalog_query_konstan(org_a, client_as, django_assert_max_num_queries):
    c = client_as(org_a.user_staf)
    url = reverse("pengembangan:program_list")
    _banyak_program(org_a.wilayah, 3)
    c.get(url)
    with django_assert_max_num_queries(12) as q3:
        assert c.get(url).status_code == 200
    _banyak_program_lagi = [buat_program(org_a.wilayah, judul=f"Lagi {i}") for i in range(27)]
    with django_assert_max_num_queries(len(q3)):
        resp = c.get(url)
    assert len(resp.context["program_list"]) == 20  # paginated


def test_dasbor_dan_pendaftaran_hr_query_konstan(org_a, client_as, django_assert_max_num_queries):
    c = client_as(org_a.user_hr)
    p = buat_program(org_a.wilayah, kuota=100)
    orang = [PegawaiFactory(jabatan=org_a.j_staf) for _ in range(3)]
    for o in orang:
        PendaftaranProgram.objects.create(program=p, pegawai=o, status="disetujui_atasan")
    for name in ("dasbor", "pendaftaran_hr"):
        c.get(reverse(f"pengembangan:{name}"))
    counts = {}
    for name in ("dasbor", "pendaftaran_hr"):
        with django_assert_max_num_queries(15) as q:
            c.get(reverse(f"pengembangan:{name}"))
        counts[name] = len(q)
    for _ in range(27):
        o = PegawaiFactory(jabatan=org_a.j_staf)
        PendaftaranProgram.objects.create(program=p, pegawai=o, status="disetujui_atasan")
        Diklat.objects.create(pegawai=o, nama="X", jenis="teknis", tanggal_mulai=dt.date(2026, 2, 1),
                              tanggal_selesai=dt.date(2026, 2, 2), jam_pelajaran=30)  # fmt: skip
    for name in ("dasbor", "pendaftaran_hr"):
        with django_assert_max_num_queries(counts[name]):
            assert c.get(reverse(f"pengembangan:{name}")).status_code == 200


def test_persetujuan_atasan_query_konstan(org_a, client_as, django_assert_max_num_queries):
    c = client_as(org_a.user_kabid)
    url = reverse("pengembangan:persetujuan")

    def tambah(n):
        for _ in range(n):
            o = PegawaiFactory(jabatan=org_a.j_staf)
            RencanaPengembangan.objects.create(
                pegawai=o, tahun=2026, tujuan="x", target_jp=20, status="diajukan"
            )
            PendaftaranProgram.objects.create(program=buat_program(org_a.wilayah), pegawai=o)

    tambah(3)
    c.get(url)
    with django_assert_max_num_queries(15) as q:
        resp = c.get(url)
    assert len(resp.context["rencana_list"]) == 3
    tambah(27)
    with django_assert_max_num_queries(len(q)):
        resp = c.get(url)
    assert len(resp.context["pendaftaran_list"]) == 30


def test_alur_lewat_halaman(org_a, data_a, client_as):
    p, d, r, k = data_a
    c = client_as(org_a.user_staf)
    c.post(reverse("pengembangan:rencana_ajukan", args=[r.pk]))
    assert RencanaPengembangan.objects.get(pk=r.pk).status == "diajukan"
    c = client_as(org_a.user_kabid)
    resp = c.post(
        reverse("pengembangan:rencana_putuskan", args=[r.pk]), {"aksi": "kembalikan"}, follow=True
    )
    assert "Catatan wajib diisi" in resp.content.decode()
    c.post(reverse("pengembangan:rencana_putuskan", args=[r.pk]), {"aksi": "setujui"})
    assert RencanaPengembangan.objects.get(pk=r.pk).status == "disetujui"
    c.post(reverse("pengembangan:pendaftaran_putus_atasan", args=[d.pk]), {"aksi": "setujui"})
    c = client_as(org_a.user_hr)
    c.post(reverse("pengembangan:pendaftaran_putus_hr", args=[d.pk]), {"aksi": "setujui"})
    resp = c.post(
        reverse("pengembangan:pendaftaran_selesai", args=[d.pk]), {"jp_realisasi": ""}, follow=True
    )
    assert "JP yang diselesaikan wajib diisi." in resp.content.decode()
    c.post(reverse("pengembangan:pendaftaran_selesai", args=[d.pk]), {"jp_realisasi": "16"})
    d.refresh_from_db()
    assert d.status == "selesai" and d.diklat.jam_pelajaran == 16
    c = client_as(org_a.user_staf)
    c.post(reverse("pengembangan:kegiatan_status", args=[k.pk]), {"status": "selesai"})
    assert KegiatanPengembangan.objects.get(pk=k.pk).status == "selesai"
    html = c.get(reverse("pengembangan:saya")).content.decode()
    assert "16 <span" in html  # JP this year on the summary


def test_form_program_input_buruk(org_a, client_as):
    c = client_as(org_a.user_hr)
    url = reverse("pengembangan:program_buat")
    resp = c.post(url, {})
    assert resp.status_code == 200 and "is-invalid" in resp.content.decode()
    assert "This field" not in resp.content.decode()  # messages in Indonesian
    resp = c.post(url, {"judul": "x" * 300, "jenis": "pelatihan", "jam_pelajaran": "abc", "tanggal_mulai": "2026-12-10",
                        "tanggal_selesai": "2026-12-01", "kuota": "5", "penyelenggara": "B"})  # fmt: skip
    html = resp.content.decode()
    assert "Tanggal selesai tidak boleh sebelum tanggal mulai." in html
    assert ProgramPengembangan.objects.count() == 0
    resp = c.post(url, {"judul": "Baru", "jenis": "pelatihan", "jam_pelajaran": "8", "tanggal_mulai": "2026-12-10",
                        "tanggal_selesai": "2026-12-11", "kuota": "5", "penyelenggara": "B", "terbuka": "on"})  # fmt: skip
    assert resp.status_code == 302
    assert ProgramPengembangan.objects.get().wilayah == org_a.wilayah


def test_form_kegiatan_kompetensi_di_luar_standar_ditolak(org_a, data_a, client_as, kompetensi):
    from organisasi.models import Kompetensi

    _p, _d, r, _k = data_a
    lain = Kompetensi.objects.create(kode="LAIN", nama="Lain", jenis="teknis")
    c = client_as(org_a.user_staf)
    resp = c.post(reverse("pengembangan:kegiatan_tambah", args=[r.pk]),
                  {"jenis": "pelatihan", "judul": "", "jp_rencana": "x", "bulan_rencana": "13", "kompetensi": lain.pk},
                  follow=True)  # fmt: skip
    assert "Judul kegiatan wajib diisi." in resp.content.decode()
    assert KegiatanPengembangan.objects.filter(rencana=r).count() == 1


@pytest.mark.parametrize(
    "nxt", ["/\\evil.example/", "//evil.example/", "https://evil.example/", "javascript:alert(1)"]
)
def test_aksi_next_luar_situs_diabaikan(org_a, data_a, client_as, nxt):
    """A step's `next` is followed only when it stays on this site (asn_kinerja.pengalihan,
    through jalankan_aksi): the module's own check used to let `/\\host` through."""
    _p, _d, r, _k = data_a
    c = client_as(org_a.user_staf)
    resp = c.post(reverse("pengembangan:rencana_ajukan", args=[r.pk]), {"next": nxt})
    assert resp.status_code == 302
    assert resp.url == r.get_absolute_url()
    r.refresh_from_db()
    assert r.status != "draf"
    resp = client_as(org_a.user_kabid).post(
        reverse("pengembangan:rencana_putuskan", args=[r.pk]),
        {"aksi": "setujui", "next": "/pengembangan/"},
    )
    assert resp.url == "/pengembangan/"
