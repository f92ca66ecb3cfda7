"""Bad input on every organisation form: empty, too long, wrong-typed and other-region
values give a clear Indonesian message and write nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from organisasi.models import Jabatan, KebutuhanKompetensi, Kompetensi, TugasJabatan, UnitKerja

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"organisasi:{name}", args=args)


def _errors(resp):
    assert resp.status_code == 200, resp.status_code
    return resp.context["form"].errors


UNIT_OK = {"kode": "BU-SEK", "nama": "Seksi Baru", "jenis": "seksi", "alamat": "", "urutan": "1"}


def test_unit_form_input_buruk(client_as, org_a, org_b):
    c = client_as(org_a.user_hr)
    n = UnitKerja.objects.count()
    e = _errors(c.post(url("unit_create"), {}))
    assert e["nama"] == ["Wajib diisi."] and e["kode"] == ["Wajib diisi."]
    assert e["parent"] == ["Wajib diisi."]
    e = _errors(
        c.post(url("unit_create"), {**UNIT_OK, "parent": org_a.bidang.pk, "nama": "x" * 201})
    )
    assert e["nama"] == ["Terlalu panjang: paling banyak 200 karakter."]
    e = _errors(c.post(url("unit_create"), {**UNIT_OK, "parent": org_a.bidang.pk, "urutan": "abc"}))
    assert e["urutan"] == ["Masukkan bilangan yang valid."]
    e = _errors(c.post(url("unit_create"), {**UNIT_OK, "parent": org_b.bidang.pk}))
    assert e["parent"] == ["Pilihan tidak valid atau di luar wilayah Anda."]
    e = _errors(c.post(url("unit_create"), {**UNIT_OK, "parent": org_a.bidang.pk, "jenis": "xx"}))
    assert "jenis" in e
    assert UnitKerja.objects.count() == n
    resp = c.post(url("unit_create"), {**UNIT_OK, "parent": org_a.bidang.pk})
    baru = UnitKerja.objects.get(kode="BU-SEK")
    assert resp.status_code == 302 and resp["Location"] == baru.get_absolute_url()
    # same code again: the service's uniqueness message, under the form
    resp = c.post(url("unit_create"), {**UNIT_OK, "parent": org_a.bidang.pk})
    assert resp.context["form"].errors["kode"] == [
        "Kode „BU-SEK“ sudah dipakai unit „Seksi Baru“ di wilayah ini."
    ]
    assert UnitKerja.objects.count() == n + 1


def test_unit_ubah_tidak_bisa_ke_bawah_dirinya(client_as, org_a):
    c = client_as(org_a.user_hr)
    data = {"kode": org_a.bidang.kode, "nama": "Bidang Umum", "jenis": "bidang", "urutan": "0"}
    e = _errors(c.post(url("unit_update", org_a.bidang.pk), {**data, "parent": org_a.seksi.pk}))
    assert e["parent"] == ["Pilihan tidak valid atau di luar wilayah Anda."]
    org_a.bidang.refresh_from_db()
    assert org_a.bidang.parent_id == org_a.root.pk and org_a.bidang.nama != "Bidang Umum"


JAB_OK = {"nama": "Analis Baru", "jenis": "pelaksana", "kelas_jabatan": "7",
          "pendidikan_minimal": "s1", "bidang_pendidikan": "Akuntansi, Ekonomi"}  # fmt: skip


def test_jabatan_form_input_buruk(client_as, org_a, org_b):
    c = client_as(org_a.user_hr)
    n = Jabatan.objects.count()
    e = _errors(c.post(url("jabatan_create"), {}))
    assert e["nama"] == ["Wajib diisi."] and e["unit"] == ["Wajib diisi."]
    e = _errors(
        c.post(url("jabatan_create"), {**JAB_OK, "unit": org_a.bidang.pk, "nama": "x" * 201})
    )
    assert e["nama"] == ["Terlalu panjang: paling banyak 200 karakter."]
    e = _errors(
        c.post(url("jabatan_create"), {**JAB_OK, "unit": org_a.bidang.pk, "kelas_jabatan": "tujuh"})
    )
    assert e["kelas_jabatan"] == ["Masukkan bilangan yang valid."]
    e = _errors(
        c.post(url("jabatan_create"), {**JAB_OK, "unit": org_a.bidang.pk, "kelas_jabatan": "99"})
    )
    assert "kelas_jabatan" in e
    e = _errors(c.post(url("jabatan_create"), {**JAB_OK, "unit": org_b.bidang.pk}))
    assert e["unit"] == ["Pilihan tidak valid atau di luar wilayah Anda."]
    e = _errors(c.post(url("jabatan_create"), {**JAB_OK, "unit": org_a.bidang.pk,
                                               "jenis": "fungsional_keahlian"}))  # fmt: skip
    assert e["jenjang"] == ["Jabatan fungsional wajib memiliki jenjang."]
    e = _errors(
        c.post(url("jabatan_create"), {**JAB_OK, "unit": org_a.bidang.pk, "eselon": "IV.a"})
    )
    assert e["eselon"] == ["Eselon hanya untuk jabatan struktural."]
    resp = c.post(url("jabatan_create"), {**JAB_OK, "unit": org_a.bidang.pk, "is_kepala": "on",
                                          "jenis": "administrator"})  # fmt: skip
    e = _errors(resp)
    assert "Kepala Bidang Umum" in e["is_kepala"][0]
    assert Jabatan.objects.count() == n
    resp = c.post(url("jabatan_create"), {**JAB_OK, "unit": org_a.bidang.pk})
    j = Jabatan.objects.get(nama="Analis Baru")
    assert resp.status_code == 302 and j.bidang_pendidikan == ["Akuntansi", "Ekonomi"]
    assert j.wilayah == org_a.wilayah


TUGAS_OK = {"uraian_tugas": "Menyusun RKA", "satuan_hasil": "dokumen", "volume_tahunan": "120",
            "norma_waktu_menit": "300"}  # fmt: skip


def test_tugas_form_input_buruk(client_as, org_a, org_b):
    c = client_as(org_a.user_hr)
    u = url("tugasjabatan_create", org_a.j_staf.pk)
    e = _errors(c.post(u, {}))
    assert e["uraian_tugas"] == ["Wajib diisi."] and e["volume_tahunan"] == ["Wajib diisi."]
    e = _errors(c.post(u, {**TUGAS_OK, "uraian_tugas": "x" * 301}))
    assert e["uraian_tugas"] == ["Terlalu panjang: paling banyak 300 karakter."]
    e = _errors(c.post(u, {**TUGAS_OK, "volume_tahunan": "banyak"}))
    assert e["volume_tahunan"] == ["Masukkan bilangan yang valid."]
    e = _errors(c.post(u, {**TUGAS_OK, "volume_tahunan": "0", "norma_waktu_menit": "-5"}))
    assert e["volume_tahunan"] == ["Volume minimal 1."]
    assert "norma_waktu_menit" in e
    e = _errors(c.post(u, {**TUGAS_OK, "norma_waktu_menit": "1000000"}))
    assert "paling banyak" in e["norma_waktu_menit"][0]
    e = _errors(c.post(u, {**TUGAS_OK, "uraian_tugas": "   "}))
    assert e["uraian_tugas"] == ["Wajib diisi."]
    assert not TugasJabatan.objects.exists()
    # other region's position: 404, nothing written
    assert c.post(url("tugasjabatan_create", org_b.j_staf.pk), TUGAS_OK).status_code == 404
    assert not TugasJabatan.objects.exists()
    assert c.post(u, TUGAS_OK).status_code == 302
    e = _errors(c.post(u, TUGAS_OK))  # duplicate task: the constraint's message
    assert "sudah ada" in str(e)
    assert TugasJabatan.objects.count() == 1


def test_kompetensi_jabatan_input_buruk(client_as, org_a):
    k = Kompetensi.objects.create(kode="TEK-X", nama="Uji", jenis="teknis")
    c = client_as(org_a.user_hr)
    u = url("kebutuhankompetensi_create", org_a.j_staf.pk)
    for data in [{}, {"kompetensi": k.pk, "level": "tinggi"}, {"kompetensi": k.pk, "level": "9"},
                 {"kompetensi": 999999, "level": "2"}]:  # fmt: skip
        resp = c.post(u, data, follow=True)
        assert "Kompetensi tidak disimpan" in resp.content.decode(), data
    assert not KebutuhanKompetensi.objects.exists()
    c.post(u, {"kompetensi": k.pk, "level": "3"})
    assert KebutuhanKompetensi.objects.get().level == 3
