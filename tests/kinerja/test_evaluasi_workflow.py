"""The periodic evaluation's workflow through the services: the 3x3 matrix, every allowed
and refused transition per role, closed periods, and exactly one TransisiStatus per step."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from asn_kinerja.models import Notifikasi, TransisiStatus
from kinerja.models import EvaluasiPeriodik
from kinerja.services import evaluasi as svc
from kinerja.workflow import evaluasi as wf
from tests.kinerja.factories_evaluasi import evaluasi, organisasi_dinilai

pytestmark = pytest.mark.django_db

MATRIKS = [
    ("di_atas", "di_bawah", "kurang"),
    ("di_atas", "sesuai", "baik"),
    ("di_atas", "di_atas", "sangat_baik"),
    ("sesuai", "di_bawah", "kurang"),
    ("sesuai", "sesuai", "baik"),
    ("sesuai", "di_atas", "baik"),
    ("di_bawah", "di_bawah", "sangat_kurang"),
    ("di_bawah", "sesuai", "butuh_perbaikan"),
    ("di_bawah", "di_atas", "butuh_perbaikan"),
]


def _log(ev):
    return list(TransisiStatus.objects.untuk(ev).values_list("dari", "ke"))


@pytest.mark.parametrize(("hasil", "perilaku", "predikat"), MATRIKS)
def test_matriks_lewat_layanan(org_a, hasil, perilaku, predikat):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"], status="realisasi_diajukan", realisasi=True)
    ev = svc.penilaian_simpan(actor=org_a.user_kabid, evaluasi=ev, rating_hasil=hasil,
                              rating_perilaku=perilaku, umpan_balik_hasil={}, umpan_balik_perilaku={})  # fmt: skip
    ev.refresh_from_db()
    assert (ev.status, ev.predikat) == ("dinilai", predikat)
    assert _log(ev) == [("realisasi_diajukan", "dinilai")]


def test_rating_tidak_sah_ditolak_tanpa_tulis(org_a):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"], status="realisasi_diajukan", realisasi=True)
    with pytest.raises(ValidationError):
        wf.evaluasi_nilai(evaluasi=ev, oleh=org_a.user_kabid, rating_hasil="luar_biasa",
                          rating_perilaku="sesuai")  # fmt: skip
    ev.refresh_from_db()
    assert ev.status == "realisasi_diajukan" and ev.predikat is None and _log(ev) == []


def _langkah(nama, ev, user):
    if nama == "ajukan":
        return wf.evaluasi_ajukan(evaluasi=ev, oleh=user)
    if nama == "nilai":
        return wf.evaluasi_nilai(
            evaluasi=ev, oleh=user, rating_hasil="sesuai", rating_perilaku="sesuai"
        )
    if nama == "kembalikan":
        return wf.evaluasi_kembalikan(evaluasi=ev, oleh=user, catatan="Lengkapi bukti")
    if nama == "buka_kembali":
        return wf.evaluasi_buka_kembali(evaluasi=ev, oleh=user, alasan="Salah input")
    raise AssertionError(nama)


# (step, from status, role allowed)
LANGKAH = [
    ("ajukan", "belum_diisi", "pegawai"),
    ("nilai", "realisasi_diajukan", "penilai"),
    ("kembalikan", "realisasi_diajukan", "penilai"),
    ("buka_kembali", "realisasi_diajukan", "hr"),
    ("buka_kembali", "dinilai", "hr"),
    ("buka_kembali", "final", "hr"),
]
PERAN = ["pegawai", "penilai", "atasan_penilai", "hr", "hr_lain", "rekan"]


def _user(org_a, org_b, peran):
    return {
        "pegawai": org_a.user_staf, "penilai": org_a.user_kabid, "atasan_penilai": org_a.user_sekda,
        "hr": org_a.user_hr, "hr_lain": org_b.user_hr, "rekan": org_a.user_kasi,
    }[peran]  # fmt: skip


@pytest.mark.parametrize(("langkah", "dari", "boleh"), LANGKAH)
@pytest.mark.parametrize("peran", PERAN)
def test_transisi_per_peran(org_a, org_b, langkah, dari, boleh, peran):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"], status=dari, realisasi=True)
    user = _user(org_a, org_b, peran)
    if peran == boleh:
        _langkah(langkah, ev, user)
        ev.refresh_from_db()
        assert ev.status == wf.TRANSISI[langkah].ke
        assert len(_log(ev)) == 1
    else:
        with pytest.raises(PermissionDenied):
            _langkah(langkah, ev, user)
        ev.refresh_from_db()
        assert ev.status == dari and _log(ev) == []


@pytest.mark.parametrize("langkah", ["ajukan", "nilai", "kembalikan"])
@pytest.mark.parametrize("status", ["belum_diisi", "realisasi_diajukan", "dinilai", "final"])
def test_transisi_dari_status_salah_ditolak(org_a, langkah, status):
    r = organisasi_dinilai(org_a)
    if status in wf.TRANSISI[langkah].dari:
        pytest.skip("transisi yang diizinkan")
    ev = evaluasi(r["staf"], status=status, realisasi=True)
    user = org_a.user_staf if langkah == "ajukan" else org_a.user_kabid
    with pytest.raises(ValidationError) as e:
        _langkah(langkah, ev, user)
    assert "status saat ini" in " ".join(e.value.messages)


def test_ajukan_tanpa_realisasi_ditolak(org_a):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"])
    with pytest.raises(ValidationError, match="realisasi semua indikator"):
        wf.evaluasi_ajukan(evaluasi=ev, oleh=org_a.user_staf)


def test_buka_kembali_menghapus_rating(org_a):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"], status="final", predikat="sangat_baik")
    wf.evaluasi_buka_kembali(evaluasi=ev, oleh=org_a.user_hr, alasan="Salah penilai")
    ev.refresh_from_db()
    assert (ev.status, ev.predikat, ev.rating_hasil, ev.final_pada) == (
        "belum_diisi",
        None,
        None,
        None,
    )
    with pytest.raises(ValidationError):
        wf.evaluasi_buka_kembali(evaluasi=ev, oleh=org_a.user_hr, alasan="")


def test_ubah_nilai_hanya_saat_dinilai(org_a):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"], status="dinilai", predikat="baik")
    wf.evaluasi_ubah_nilai(
        evaluasi=ev, oleh=org_a.user_kabid, rating_hasil="di_bawah", rating_perilaku="sesuai"
    )
    ev.refresh_from_db()
    # Re-rating runs through the engine as an in-place step: logged once, with the new
    # predikat in its note, and the employee is told.
    assert ev.predikat == "butuh_perbaikan" and _log(ev) == [("dinilai", "dinilai")]
    t = TransisiStatus.objects.untuk(ev).get()
    assert "Butuh Perbaikan" in t.catatan and t.oleh == org_a.user_kabid
    assert Notifikasi.objects.filter(
        penerima=org_a.user_staf, judul__contains="\u2192 Butuh Perbaikan"
    ).exists()
    with pytest.raises(PermissionDenied):
        wf.evaluasi_ubah_nilai(
            evaluasi=ev, oleh=org_a.user_staf, rating_hasil="sesuai", rating_perilaku="sesuai"
        )
    ev.status = "final"
    ev.final_pada = ev.dinilai_pada
    ev.save()
    with pytest.raises(ValidationError):
        wf.evaluasi_ubah_nilai(
            evaluasi=ev, oleh=org_a.user_kabid, rating_hasil="sesuai", rating_perilaku="sesuai"
        )


@pytest.mark.parametrize("tutup", ["jendela", "tahun"])
def test_periode_tutup_menolak_semua_perubahan(org_a, tutup):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"], realisasi=True)
    ev2 = evaluasi(r["staf2"], status="realisasi_diajukan", realisasi=True)
    obj = ev.periode_penilaian if tutup == "jendela" else ev.skp.periode_kinerja
    type(obj).objects.filter(pk=obj.pk).update(status="tutup")
    for fn in (
        lambda: wf.evaluasi_ajukan(evaluasi=ev, oleh=org_a.user_staf),
        lambda: svc.realisasi_simpan(actor=org_a.user_staf, evaluasi=ev, isian={}),
        lambda: wf.evaluasi_nilai(
            evaluasi=ev2, oleh=org_a.user_kabid, rating_hasil="sesuai", rating_perilaku="sesuai"
        ),
        lambda: wf.evaluasi_buka_kembali(evaluasi=ev2, oleh=org_a.user_hr, alasan="x"),
    ):
        with pytest.raises(ValidationError, match="ditutup"):
            fn()
    assert EvaluasiPeriodik.objects.get(pk=ev.pk).status == "belum_diisi"


def test_realisasi_simpan_dan_indikator_asing(org_a):
    r = organisasi_dinilai(org_a)
    ev = evaluasi(r["staf"])
    ind = r["staf"].rhk_set.first().indikator_set.first()
    svc.realisasi_simpan(actor=org_a.user_staf, evaluasi=ev, isian={ind.pk: (5, "Lima dokumen")})
    assert ev.realisasi_set.get().nilai == 5
    asing = r["staf2"].rhk_set.first().indikator_set.first()
    with pytest.raises(ValidationError):
        svc.realisasi_simpan(actor=org_a.user_staf, evaluasi=ev, isian={asing.pk: (1, "")})
    with pytest.raises(PermissionDenied):
        svc.realisasi_simpan(actor=org_a.user_kabid, evaluasi=ev, isian={ind.pk: (1, "")})


def test_tahunan_usulan_dan_penilaian(org_a):
    r = organisasi_dinilai(org_a)
    for nomor, p in [(1, "baik"), (2, "sangat_baik"), (3, "sangat_baik"), (4, "baik")]:
        evaluasi(r["staf"], nomor=nomor, status="final", predikat=p)
    t = svc.evaluasi_tahunan_mulai(actor=org_a.user_staf, skp=r["staf"])
    assert t.predikat_usulan == "baik"  # tie 2-2 goes to the later period
    wf.evaluasi_ajukan(evaluasi=t, oleh=org_a.user_staf)
    t = wf.evaluasi_nilai(
        evaluasi=t, oleh=org_a.user_kabid, rating_hasil="di_atas", rating_perilaku="di_atas"
    )
    assert (t.status, t.predikat) == ("dinilai", "sangat_baik")
