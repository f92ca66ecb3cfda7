"""Services of the organisation tree: invariants of moves (no cycles, no cross-wilayah
moves, descendants rewritten in one UPDATE, history kept), deactivation, positions."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from organisasi import services
from organisasi.models import Jabatan, TugasJabatan, UnitKerja
from tests.factories import UnitKerjaFactory

pytestmark = pytest.mark.django_db


def _path(u):
    u.refresh_from_db()
    return u.path


def test_pindah_menulis_ulang_path_keturunan_dalam_satu_update(org_a, django_assert_num_queries):
    root, bidang, seksi = org_a.root, org_a.bidang, org_a.seksi
    cucu = UnitKerjaFactory(parent=seksi, nama="Subseksi")
    tujuan = UnitKerjaFactory(parent=root, nama="Bidang Baru")
    hr = org_a.user_hr
    hr.nama_grup  # noqa: B018 - warm the role cache outside the counted block
    # a constant handful of queries (locks, the moved row, its history row, ONE update for
    # every descendant), whatever the size of the subtree
    with django_assert_num_queries(8) as ctx:
        services.unit_pindahkan(actor=hr, unit=seksi, parent_baru=tujuan)
    updates = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 2  # the moved row itself + ONE for all its descendants
    assert "LIKE" in updates[1] and "SUBSTRING" in updates[1].upper()
    assert _path(seksi) == f"/{root.pk}/{tujuan.pk}/{seksi.pk}/"
    assert _path(cucu) == f"/{root.pk}/{tujuan.pk}/{seksi.pk}/{cucu.pk}/"
    cucu.refresh_from_db()
    seksi.refresh_from_db()
    assert (seksi.depth, cucu.depth) == (2, 3)
    assert set(UnitKerja.objects.subtree(tujuan).values_list("pk", flat=True)) == {
        tujuan.pk, seksi.pk, cucu.pk}  # fmt: skip
    assert not UnitKerja.objects.subtree(bidang).filter(pk=cucu.pk).exists()
    # history keeps the old parent
    riwayat = list(seksi.history.order_by("history_date").values_list("parent_id", flat=True))
    assert riwayat[-2:] == [bidang.pk, tujuan.pk]
    assert seksi.history.first().history_user == hr
    # the people of the moved subtree follow it (their own rows did not change)
    from pegawai.models import Pegawai

    assert set(Pegawai.objects.di_subtree(tujuan)) == {org_a.kasi, org_a.staf_seksi}


def test_pindah_menolak_siklus(org_a):
    with pytest.raises(ValidationError, match="berputar"):
        services.unit_pindahkan(actor=org_a.user_hr, unit=org_a.bidang, parent_baru=org_a.seksi)
    with pytest.raises(ValidationError, match="berputar"):
        services.unit_pindahkan(actor=org_a.user_hr, unit=org_a.bidang, parent_baru=org_a.bidang)
    assert _path(org_a.bidang) == f"/{org_a.root.pk}/{org_a.bidang.pk}/"


def test_pindah_menolak_wilayah_lain(org_a, org_b, admin_nasional):
    with pytest.raises(ValidationError, match="wilayah lain"):
        services.unit_pindahkan(actor=admin_nasional, unit=org_a.seksi, parent_baru=org_b.bidang)
    with pytest.raises(PermissionDenied):
        services.unit_pindahkan(actor=org_b.user_hr, unit=org_a.seksi, parent_baru=org_a.root)
    assert org_a.seksi.parent_id == org_a.bidang.pk


def test_hanya_hr_yang_menulis(org_a):
    for user in [org_a.user_pimpinan, org_a.user_kabid, org_a.user_staf]:
        with pytest.raises(PermissionDenied):
            services.unit_buat(actor=user, parent=org_a.root, kode="X1", nama="X", jenis="bidang")
        with pytest.raises(PermissionDenied):
            services.tugas_buat(actor=user, jabatan=org_a.j_staf, uraian_tugas="x",
                                satuan_hasil="x", volume_tahunan=1, norma_waktu_menit=1)  # fmt: skip
    assert not UnitKerja.objects.filter(kode="X1").exists()


def test_buat_unit_dan_kode_unik(org_a):
    u = services.unit_buat(actor=org_a.user_hr, parent=org_a.bidang, kode="BU-2", nama="Seksi Dua",
                           jenis="seksi")  # fmt: skip
    assert u.wilayah == org_a.wilayah and u.path == f"{org_a.bidang.path}{u.pk}/" and u.depth == 2
    with pytest.raises(ValidationError):
        services.unit_buat(actor=org_a.user_hr, parent=org_a.root, kode="BU-2", nama="Lain",
                           jenis="bidang")  # fmt: skip
    with pytest.raises(ValidationError, match="unit puncak"):
        services.unit_buat(actor=org_a.user_hr, parent=None, kode="ROOT2", nama="Root",
                           jenis="pemda")  # fmt: skip


def test_nonaktifkan_unit_tidak_pernah_menghapus(org_a):
    with pytest.raises(ValidationError, match="sub-unit aktif"):
        services.unit_nonaktifkan(actor=org_a.user_hr, unit=org_a.bidang)
    with pytest.raises(ValidationError, match="pegawai aktif"):
        services.unit_nonaktifkan(actor=org_a.user_hr, unit=org_a.seksi)
    kosong = UnitKerjaFactory(parent=org_a.bidang)
    jab = Jabatan.objects.create(
        wilayah=org_a.wilayah, unit=kosong, nama="Lowong", jenis="pelaksana"
    )
    services.unit_nonaktifkan(actor=org_a.user_hr, unit=kosong)
    kosong.refresh_from_db()
    jab.refresh_from_db()
    assert kosong.aktif is False and jab.aktif is False
    assert UnitKerja.objects.filter(pk=kosong.pk).exists()
    with pytest.raises(ValidationError, match="tidak aktif"):
        services.unit_buat(actor=org_a.user_hr, parent=kosong, kode="K2", nama="K2", jenis="seksi")
    services.unit_aktifkan(actor=org_a.user_hr, unit=kosong)
    kosong.refresh_from_db()
    assert kosong.aktif


def test_satu_kepala_per_unit_pesan_jelas(org_a):
    with pytest.raises(ValidationError) as e:
        services.jabatan_buat(actor=org_a.user_hr, unit=org_a.bidang, nama="Kepala Kedua",
                              jenis="administrator", is_kepala=True)  # fmt: skip
    assert "Kepala Bidang Umum" in str(e.value.message_dict["is_kepala"])
    with pytest.raises(ValidationError):
        services.jabatan_ubah(actor=org_a.user_hr, jabatan=org_a.j_staf, is_kepala=True)
    assert Jabatan.objects.filter(unit=org_a.bidang, is_kepala=True).count() == 1
    # a deactivated head position frees the slot
    services.jabatan_ubah(actor=org_a.user_hr, jabatan=org_a.j_kabid, nama="Kabid (lama)")
    j = services.jabatan_buat(actor=org_a.user_hr, unit=org_a.seksi, nama="Analis Data",
                              jenis="pelaksana")  # fmt: skip
    assert j.wilayah == org_a.wilayah


def test_jabatan_berpemangku_tidak_dipindah_atau_dinonaktifkan(org_a):
    with pytest.raises(ValidationError, match="dipangku 2 pegawai"):
        services.jabatan_ubah(actor=org_a.user_hr, jabatan=org_a.j_staf, unit=org_a.seksi)
    with pytest.raises(ValidationError, match="dipangku 2 pegawai"):
        services.jabatan_nonaktifkan(actor=org_a.user_hr, jabatan=org_a.j_staf)


def test_tugas_crud_dan_riwayat(org_a):
    t = services.tugas_buat(actor=org_a.user_hr, jabatan=org_a.j_staf, uraian_tugas="Menyusun RKA",
                            satuan_hasil="dokumen", volume_tahunan=120, norma_waktu_menit=300)  # fmt: skip
    assert t.urutan == 1 and t.beban_menit == 36_000
    with pytest.raises(ValidationError):  # duplicate task
        services.tugas_buat(actor=org_a.user_hr, jabatan=org_a.j_staf, uraian_tugas="Menyusun RKA",
                            satuan_hasil="dokumen", volume_tahunan=1, norma_waktu_menit=1)  # fmt: skip
    with pytest.raises(ValidationError):
        services.tugas_ubah(actor=org_a.user_hr, tugas=t, volume_tahunan=0)
    services.tugas_ubah(actor=org_a.user_hr, tugas=t, volume_tahunan=150)
    t.refresh_from_db()
    assert t.volume_tahunan == 150
    pk = t.pk
    services.tugas_hapus(actor=org_a.user_hr, tugas=t)
    assert not TugasJabatan.objects.filter(pk=pk).exists()
    jenis = list(TugasJabatan.history.filter(id=pk).order_by("history_date").values_list(
        "history_type", flat=True))  # fmt: skip
    assert jenis == ["+", "~", "-"]
