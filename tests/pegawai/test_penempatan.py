"""Placement ranking on a small constructed case, and the transfer it proposes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from pegawai import services
from pegawai.models import Pegawai, RiwayatJabatan, UsulanMutasi
from pegawai.penempatan import jabatan_penempatan, kandidat_penempatan, lengkapi_alasan
from tests.factories import JabatanFactory, PegawaiFactory

from .factories import KebutuhanKompetensiFactory, KompetensiFactory, KompetensiPegawaiFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kasus(org_a, org_b):
    """A finance analyst position (S1 Akuntansi/Manajemen Keuangan, K1 level 3, K2 level 2)
    and four candidates whose scores are computed by hand below."""
    jab = JabatanFactory(
        unit=org_a.bidang,
        nama="Analis Keuangan",
        pendidikan_minimal="s1",
        bidang_pendidikan=["Akuntansi", "Manajemen Keuangan"],
    )
    k1, k2 = KompetensiFactory(kode="KEU", nama="Keuangan"), KompetensiFactory(kode="ANG")
    KebutuhanKompetensiFactory(jabatan=jab, kompetensi=k1, level=3)
    KebutuhanKompetensiFactory(jabatan=jab, kompetensi=k2, level=2)

    def calon(nama, pend, bidang, komp, **kw):
        p = PegawaiFactory(
            jabatan=org_a.j_staf_seksi, nama=nama, pendidikan_terakhir=pend,
            bidang_pendidikan=bidang, **kw,
        )  # fmt: skip
        for k, level in komp:
            KompetensiPegawaiFactory(pegawai=p, kompetensi=k, level=level)
        return p

    a = calon("Ani", "s1", "Akuntansi", [(k1, 3), (k2, 2)])  # 25+25+30+10 = 90
    b = calon("Budi", "s2", "akuntansi", [(k1, 2), (k2, 3)])  # 25+25+15+10 = 75
    c = calon("Citra", "sma", "Akuntansi", [(k1, 4), (k2, 2)])  # 0+25+30+10 = 65
    d = calon("Dedi", "s1", "Hukum", [])  # 25+0+0+10 = 35
    pensiun = calon("Eko", "s1", "Akuntansi", [(k1, 5), (k2, 5)], status_aktif="pensiun")
    pemangku = PegawaiFactory(jabatan=jab, nama="Fajar", bidang_pendidikan="Akuntansi")
    lain = PegawaiFactory(jabatan=org_b.j_staf, nama="Gita", bidang_pendidikan="Akuntansi")
    return {"jab": jab, "a": a, "b": b, "c": c, "d": d, "pensiun": pensiun,
            "pemangku": pemangku, "lain": lain}  # fmt: skip


def test_urutan_dan_skor_kasus_kecil(kasus, org_a):
    qs = kandidat_penempatan(actor=org_a.user_hr, jabatan=kasus["jab"])
    hasil = list(qs)
    skor = {p.pk: p.skor for p in hasil}
    assert [p.pk for p in hasil[:3]] == [kasus["a"].pk, kasus["b"].pk, kasus["c"].pk]
    assert (skor[kasus["a"].pk], skor[kasus["b"].pk], skor[kasus["c"].pk]) == (90, 75, 65)
    assert skor[kasus["d"].pk] == 35
    ids = set(skor)
    # retired, current holder and the other wilayah's people are not candidates
    assert not ids & {kasus["pensiun"].pk, kasus["pemangku"].pk, kasus["lain"].pk}
    b = next(p for p in hasil if p.pk == kasus["b"].pk)
    assert (b.pendidikan_cukup, b.bidang_cocok, b.kompetensi_terpenuhi) == (True, True, 1)


def test_alasan_menjelaskan_skor(kasus, org_a):
    hasil = list(kandidat_penempatan(actor=org_a.user_hr, jabatan=kasus["jab"])[:4])
    lengkapi_alasan(hasil, kasus["jab"])
    c = next(p for p in hasil if p.pk == kasus["c"].pk)
    teks = [a.teks for a in c.alasan if not a.cocok]
    assert any("SMA/SMK di bawah minimal S1" in t for t in teks)
    b = next(p for p in hasil if p.pk == kasus["b"].pk)
    assert any("baru level 2 (dibutuhkan 3)" in a.teks for a in b.alasan)


def test_golongan_minimal_jabatan_struktural(org_a):
    jab = JabatanFactory(unit=org_a.bidang, nama="Kepala Subbagian", jenis="pengawas",
                         pendidikan_minimal="", bidang_pendidikan=[])  # fmt: skip
    muda = PegawaiFactory(jabatan=org_a.j_staf_seksi, golongan="II/c")
    senior = PegawaiFactory(jabatan=org_a.j_staf_seksi, golongan="III/d")
    hasil = {p.pk: p for p in kandidat_penempatan(actor=org_a.user_hr, jabatan=jab)}
    assert hasil[senior.pk].golongan_cukup and not hasil[muda.pk].golongan_cukup
    assert hasil[senior.pk].skor - hasil[muda.pk].skor == 10


def test_ranking_satu_query(kasus, org_a, django_assert_num_queries):
    hr = org_a.user_hr
    assert hr.is_admin_kepegawaian  # the user's groups, cached for the request
    with django_assert_num_queries(2):  # requirements + the ranked list
        list(kandidat_penempatan(actor=hr, jabatan=kasus["jab"]))


def test_hanya_hr(kasus, org_a):
    assert not kandidat_penempatan(actor=org_a.user_staf, jabatan=kasus["jab"]).exists()
    assert not jabatan_penempatan(actor=org_a.user_kabid).exists()


def test_jabatan_kosong_terdaftar(kasus, org_a):
    kosong = JabatanFactory(unit=org_a.seksi, nama="Pranata Komputer")
    baris = {j.pk: j for j in jabatan_penempatan(actor=org_a.user_hr)}
    assert baris[kosong.pk].jumlah_pemangku == 0 and baris[kosong.pk].kekurangan == 1
    assert baris[org_a.j_staf.pk].jumlah_pemangku == 2 and baris[org_a.j_staf.pk].kekurangan == 0
    assert kasus["jab"].pk in baris


# --- usulkan mutasi -> HR confirms -----------------------------------------------------------


def test_usulan_disetujui_memindahkan_dan_menulis_riwayat(kasus, org_a):
    a = kasus["a"]
    usulan = services.usulan_mutasi_buat(
        actor=org_a.user_hr, pegawai=a, jabatan=kasus["jab"], skor=90, alasan="cocok"
    )
    assert usulan.status == UsulanMutasi.Status.DIUSULKAN
    with pytest.raises(ValidationError):  # one pending proposal per employee
        services.usulan_mutasi_buat(actor=org_a.user_hr, pegawai=a, jabatan=org_a.j_staf)
    services.usulan_mutasi_setujui(
        actor=org_a.user_hr, usulan=usulan, tmt=dt.date(2026, 12, 1), nomor_sk="821/12/BKD"
    )
    a = Pegawai.objects.get(pk=a.pk)
    assert (a.jabatan, a.unit, a.tmt_jabatan) == (kasus["jab"], org_a.bidang, dt.date(2026, 12, 1))
    r = RiwayatJabatan.objects.get(pegawai=a)
    assert (r.nama_jabatan, r.nama_unit, r.nomor_sk, r.jenis) == (
        "Analis Keuangan", org_a.bidang.nama, "821/12/BKD", "mutasi"
    )  # fmt: skip
    usulan.refresh_from_db()
    assert usulan.status == "disetujui" and usulan.diputuskan_oleh == org_a.user_hr
    with pytest.raises(ValidationError):
        services.usulan_mutasi_setujui(
            actor=org_a.user_hr, usulan=usulan, tmt=dt.date(2026, 12, 1), nomor_sk="x"
        )


def test_usulan_ditolak_tidak_memindahkan(kasus, org_a):
    u = services.usulan_mutasi_buat(actor=org_a.user_hr, pegawai=kasus["b"], jabatan=kasus["jab"])
    with pytest.raises(ValidationError):
        services.usulan_mutasi_tolak(actor=org_a.user_hr, usulan=u, catatan="  ")
    services.usulan_mutasi_tolak(actor=org_a.user_hr, usulan=u, catatan="Masih dibutuhkan")
    assert Pegawai.objects.get(pk=kasus["b"].pk).jabatan == org_a.j_staf_seksi
    assert not RiwayatJabatan.objects.filter(pegawai=kasus["b"]).exists()


def test_usulan_kepala_terisi_ditolak_dan_tidak_setengah(kasus, org_a):
    u = services.usulan_mutasi_buat(actor=org_a.user_hr, pegawai=kasus["a"], jabatan=org_a.j_kasi)
    with pytest.raises(ValidationError, match="masih dipangku"):
        services.usulan_mutasi_setujui(
            actor=org_a.user_hr, usulan=u, tmt=dt.date(2026, 12, 1), nomor_sk="1"
        )
    assert Pegawai.objects.get(pk=kasus["a"].pk).jabatan == org_a.j_staf_seksi
    assert UsulanMutasi.objects.get(pk=u.pk).status == "diusulkan"


def test_usulan_bukan_hr_atau_wilayah_lain(kasus, org_a, org_b):
    with pytest.raises(PermissionDenied):
        services.usulan_mutasi_buat(
            actor=org_a.user_kabid, pegawai=kasus["a"], jabatan=kasus["jab"]
        )
    with pytest.raises(PermissionDenied):
        services.usulan_mutasi_buat(actor=org_b.user_hr, pegawai=kasus["a"], jabatan=kasus["jab"])
    with pytest.raises(ValidationError):
        services.usulan_mutasi_buat(actor=org_a.user_hr, pegawai=kasus["a"], jabatan=org_b.j_staf)
