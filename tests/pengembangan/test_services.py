"""Services of development: gaps, the request flow with quota and completion, the IDP flow."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from pegawai.models import Diklat
from pegawai.pengembangan import selectors, services
from pegawai.pengembangan.models import (
    KegiatanPengembangan,
    PendaftaranProgram,
    RencanaPengembangan,
)
from pegawai.selectors import jam_pelatihan
from tests.factories import PegawaiFactory, pengguna_untuk

from .conftest import buat_program

pytestmark = pytest.mark.django_db
S = PendaftaranProgram.Status


def test_kesenjangan_dihitung_dalam_satu_query(org_a, standar, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = list(selectors.kesenjangan_kompetensi(org_a.staf))
    gap = {r.kompetensi.kode: (r.level, r.level_dimiliki, r.kesenjangan) for r in rows}
    assert gap == {"K0": (3, 1, 2), "K1": (2, 0, 2), "K2": (1, 4, -3)}


def test_kesenjangan_per_unit(org_a, standar):
    # staf2 has the same position and holds nothing: 3 gaps; staf: 2 gaps
    rows = selectors.kesenjangan_per_unit(actor=org_a.user_hr)
    per_k = {r["kompetensi"]: r["jumlah"] for r in rows}
    assert per_k == {"Kompetensi 0": 2, "Kompetensi 1": 2, "Kompetensi 2": 1}
    assert selectors.kesenjangan_per_unit(actor=org_a.user_staf) == []


def test_alur_pendaftaran_sampai_selesai_menulis_diklat(org_a):
    program = buat_program(org_a.wilayah, tanggal_mulai=dt.date(2026, 11, 2),
                           tanggal_selesai=dt.date(2026, 12, 20))  # fmt: skip
    d = services.pendaftaran_ajukan(actor=org_a.user_staf, program=program, alasan="Perlu")
    assert d.status == S.DIAJUKAN
    with pytest.raises(PermissionDenied):  # the HR officer is not the pejabat penilai
        services.pendaftaran_putus_atasan(actor=org_a.user_hr, pendaftaran=d, setuju=True)
    with pytest.raises(ValidationError):  # HR cannot act before the superior
        services.pendaftaran_putus_hr(actor=org_a.user_hr, pendaftaran=d, setuju=True)
    d = services.pendaftaran_putus_atasan(actor=org_a.user_kabid, pendaftaran=d, setuju=True)
    assert d.status == S.DISETUJUI_ATASAN
    with pytest.raises(PermissionDenied):
        services.pendaftaran_putus_hr(actor=org_a.user_kabid, pendaftaran=d, setuju=True)
    d = services.pendaftaran_putus_hr(actor=org_a.user_hr, pendaftaran=d, setuju=True)
    assert d.status == S.DISETUJUI
    with pytest.raises(ValidationError):  # no cancelling after approval
        services.pendaftaran_batalkan(actor=org_a.user_staf, pendaftaran=d)
    before = jam_pelatihan(org_a.staf, 2026)
    d = services.pendaftaran_selesai(actor=org_a.user_hr, pendaftaran=d, jp_realisasi=14)
    assert d.status == S.SELESAI and d.diklat is not None
    assert d.diklat.jam_pelajaran == 14 and d.diklat.nama == program.judul
    assert jam_pelatihan(org_a.staf, 2026) == before + 14
    with pytest.raises(ValidationError):  # twice: refused, no second history row
        services.pendaftaran_selesai(actor=org_a.user_hr, pendaftaran=d, jp_realisasi=14)
    assert Diklat.objects.filter(pegawai=org_a.staf, nama=program.judul).count() == 1


def test_penolakan_wajib_catatan(org_a):
    d = services.pendaftaran_ajukan(actor=org_a.user_staf, program=buat_program(org_a.wilayah))
    with pytest.raises(ValidationError) as e:
        services.pendaftaran_putus_atasan(actor=org_a.user_kabid, pendaftaran=d, setuju=False)
    assert "Catatan wajib" in str(e.value)
    d = services.pendaftaran_putus_atasan(
        actor=org_a.user_kabid, pendaftaran=d, setuju=False, catatan="Belum relevan."
    )
    assert d.status == S.DITOLAK and d.catatan == "Belum relevan."
    # a refused request frees the place: the employee may ask again
    d2 = services.pendaftaran_ajukan(actor=org_a.user_staf, program=d.program)
    assert d2.pk != d.pk


def test_batal_oleh_pendaftar_saja(org_a):
    d = services.pendaftaran_ajukan(actor=org_a.user_staf, program=buat_program(org_a.wilayah))
    with pytest.raises(PermissionDenied):
        services.pendaftaran_batalkan(actor=org_a.user_kabid, pendaftaran=d)
    assert (
        services.pendaftaran_batalkan(actor=org_a.user_staf, pendaftaran=d).status == S.DIBATALKAN
    )


def test_program_tutup_lain_wilayah_dan_dobel_ditolak(org_a, org_b):
    with pytest.raises(ValidationError, match="ditutup"):
        services.pendaftaran_ajukan(
            actor=org_a.user_staf, program=buat_program(org_a.wilayah, terbuka=False)
        )
    with pytest.raises(PermissionDenied):
        services.pendaftaran_ajukan(actor=org_a.user_staf, program=buat_program(org_b.wilayah))
    p = buat_program(org_a.wilayah)
    services.pendaftaran_ajukan(actor=org_a.user_staf, program=p)
    with pytest.raises(ValidationError, match="sudah terdaftar"):
        services.pendaftaran_ajukan(actor=org_a.user_staf, program=p)


def test_kuota_penuh(org_a):
    p = buat_program(org_a.wilayah, kuota=1)
    services.pendaftaran_ajukan(actor=org_a.user_staf, program=p)
    with pytest.raises(ValidationError, match="Kuota"):
        services.pendaftaran_ajukan(actor=org_a.user_kasi, program=p)


@pytest.mark.django_db(transaction=True)
def test_kuota_aman_dari_balapan(org_a):
    """Two employees ask for the last seat at the same moment: exactly one gets it (the
    programme row is locked)."""
    p = buat_program(org_a.wilayah, kuota=1)
    users = [org_a.user_staf, pengguna_untuk(PegawaiFactory(jabatan=org_a.j_staf))]
    hasil, mulai = [], threading.Barrier(2)

    def daftar(u):
        try:
            mulai.wait()
            services.pendaftaran_ajukan(actor=u, program=p)
            hasil.append("ok")
        except ValidationError as e:
            hasil.append(" ".join(e.messages))
        finally:
            connection.close()

    ts = [threading.Thread(target=daftar, args=(u,)) for u in users]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert sorted(hasil) == ["Kuota program ini sudah penuh.", "ok"]
    assert PendaftaranProgram.objects.filter(program=p).count() == 1


def test_alur_idp(org_a, standar):
    r = services.rencana_simpan(
        actor=org_a.user_staf, tahun=2026, tujuan="Analis data", target_jp=20
    )
    with pytest.raises(ValidationError, match="paling sedikit satu kegiatan"):
        services.rencana_ajukan(actor=org_a.user_staf, rencana=r)
    k = services.kegiatan_tambah(
        actor=org_a.user_staf, rencana=r, jenis="pelatihan", judul="Pelatihan SQL", jp_rencana=12,
        bulan_rencana=3, kompetensi=standar[0],
    )  # fmt: skip
    services.kegiatan_tambah(actor=org_a.user_staf, rencana=r, jenis="coaching", judul="Coaching",
                             jp_rencana=8, bulan_rencana=5)  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.rencana_ajukan(actor=org_a.user_kabid, rencana=r)
    r = services.rencana_ajukan(actor=org_a.user_staf, rencana=r)
    assert r.status == RencanaPengembangan.Status.DIAJUKAN
    with pytest.raises(ValidationError):  # no edits once submitted
        services.kegiatan_hapus(actor=org_a.user_staf, kegiatan=k)
    with pytest.raises(PermissionDenied):  # only the pejabat penilai (kabid), not the kasi
        services.rencana_putuskan(actor=org_a.user_kasi, rencana=r, setuju=True)
    with pytest.raises(ValidationError, match="Catatan wajib"):
        services.rencana_putuskan(actor=org_a.user_kabid, rencana=r, setuju=False)
    r = services.rencana_putuskan(
        actor=org_a.user_kabid, rencana=r, setuju=False, catatan="Tambah target"
    )
    assert r.status == RencanaPengembangan.Status.DIKEMBALIKAN
    r = services.rencana_simpan(
        actor=org_a.user_staf, tahun=2026, tujuan="Analis data", target_jp=24, rencana=r
    )
    r = services.rencana_ajukan(actor=org_a.user_staf, rencana=r)
    r = services.rencana_putuskan(actor=org_a.user_kabid, rencana=r, setuju=True)
    assert r.status == RencanaPengembangan.Status.DISETUJUI and r.disetujui_oleh == org_a.kabid
    services.kegiatan_ubah_status(actor=org_a.user_staf, kegiatan=k, status="selesai")
    ring = selectors.ringkasan_karier(org_a.staf, 2026)
    assert ring["rencana"].jp_selesai == 12 and ring["idp_persen"] == 50
    assert ring["hak_jp"] == 20


def test_satu_idp_per_tahun(org_a):
    services.rencana_simpan(actor=org_a.user_staf, tahun=2026, tujuan="A", target_jp=20)
    with pytest.raises(ValidationError, match="sudah ada"):
        services.rencana_simpan(actor=org_a.user_staf, tahun=2026, tujuan="B", target_jp=20)


def test_selesai_menandai_kegiatan_idp(org_a, standar):
    r = services.rencana_simpan(actor=org_a.user_staf, tahun=2026, tujuan="A", target_jp=16)
    k = services.kegiatan_tambah(actor=org_a.user_staf, rencana=r, jenis="pelatihan", judul="X",
                                 jp_rencana=16, bulan_rencana=12, kompetensi=standar[0])  # fmt: skip
    RencanaPengembangan.objects.filter(pk=r.pk).update(status="disetujui")
    p = buat_program(org_a.wilayah, kompetensi=standar[0])
    d = services.pendaftaran_ajukan(actor=org_a.user_staf, program=p)
    d = services.pendaftaran_putus_atasan(actor=org_a.user_kabid, pendaftaran=d, setuju=True)
    d = services.pendaftaran_putus_hr(actor=org_a.user_hr, pendaftaran=d, setuju=True)
    services.pendaftaran_selesai(actor=org_a.user_hr, pendaftaran=d, jp_realisasi=16)
    k.refresh_from_db()
    assert k.status == KegiatanPengembangan.Status.SELESAI


def test_jp_per_unit_satu_query(org_a, django_assert_num_queries):
    Diklat.objects.create(pegawai=org_a.staf, nama="D", jenis="teknis", tanggal_mulai=dt.date(2026, 3, 1),
                          tanggal_selesai=dt.date(2026, 3, 3), jam_pelajaran=24)  # fmt: skip
    assert selectors.boleh_lihat_rekap(org_a.user_hr)  # the role lookup (once per request)
    with django_assert_num_queries(1):
        rows = {
            r["unit__nama"]: (r["jumlah"], r["kurang"])
            for r in selectors.jp_per_unit(actor=org_a.user_hr, tahun=2026)
        }
    assert rows[org_a.bidang.nama] == (3, 2)  # kabid, staf (24 JP), staf2
    assert rows[org_a.seksi.nama] == (2, 2)
    assert selectors.jp_wilayah(actor=org_a.user_hr, tahun=2026)["kurang"] == 5


def test_jp_kurang_batas_tahun_dan_penjumlahan(org_a, org_b):
    """Under the entitlement = the training FINISHED in the year sums to less than 20 JP:
    exactly 20 is enough, two rows add up, another year's training does not count, and an
    inactive employee is not counted at all (the grouped NOT IN agrees with the per-employee
    sum it replaced)."""

    def diklat(p, selesai, jp):
        Diklat.objects.create(pegawai=p, nama="D", jenis="teknis", tanggal_mulai=selesai,
                              tanggal_selesai=selesai, jam_pelajaran=jp)  # fmt: skip

    diklat(org_a.kabid, dt.date(2026, 6, 1), 20)  # exactly the entitlement
    diklat(org_a.staf, dt.date(2026, 2, 1), 12)
    diklat(org_a.staf, dt.date(2026, 11, 30), 8)  # 12 + 8 = 20
    diklat(org_a.staf2, dt.date(2025, 12, 31), 40)  # last year: does not count for 2026
    diklat(org_a.staf2, dt.date(2026, 1, 1), 19)
    diklat(org_b.staf, dt.date(2026, 5, 1), 30)  # another wilayah: not in org_a's numbers
    rows = {
        r["unit__nama"]: (r["jumlah"], r["kurang"])
        for r in selectors.jp_per_unit(actor=org_a.user_hr, tahun=2026)
    }
    assert rows[org_a.bidang.nama] == (3, 1)  # only staf2 (19 JP in 2026)
    assert (
        selectors.jp_per_unit(actor=org_a.user_hr, tahun=2025).get(unit_id=org_a.bidang.pk)[
            "kurang"
        ]
        == 2
    )  # kabid and staf had none in 2025
    org_a.staf2.status_aktif = "pensiun"
    org_a.staf2.save()
    rows = {
        r["unit__nama"]: (r["jumlah"], r["kurang"])
        for r in selectors.jp_per_unit(actor=org_a.user_hr, tahun=2026)
    }
    assert rows[org_a.bidang.nama] == (2, 0)
    assert rows[org_a.seksi.nama] == (2, 2)
    w = selectors.jp_wilayah(actor=org_a.user_hr, tahun=2026)
    assert w["jumlah"] == sum(j for j, _ in rows.values())
    assert w["kurang"] == sum(k for _, k in rows.values())
