"""The SKP status machine: every allowed and every refused transition for each role, the
cascading rule, closed years, snapshots, notifications and the transition log."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from asn_kinerja.models import Notifikasi, TransisiStatus
from kinerja.models import SKP
from kinerja.services.periode import periode_tutup
from kinerja.workflow import skp as wf
from tests.kinerja.factories import IndikatorFactory, RHKFactory, rantai_skp, skp_lengkap

pytestmark = pytest.mark.django_db

LANGKAH = {
    "ajukan": lambda skp, u: wf.skp_ajukan(skp=skp, oleh=u),
    "setujui": lambda skp, u: wf.skp_setujui(skp=skp, oleh=u),
    "kembalikan": lambda skp, u: wf.skp_kembalikan(skp=skp, oleh=u, catatan="Perbaiki target"),
    "ajukan_revisi": lambda skp, u: wf.skp_ajukan_revisi(skp=skp, oleh=u, alasan="Mutasi tugas"),
    "terima_revisi": lambda skp, u: wf.skp_terima_revisi(skp=skp, oleh=u),
    "tolak_revisi": lambda skp, u: wf.skp_tolak_revisi(skp=skp, oleh=u, catatan="Belum perlu"),
    "buka_kembali": lambda skp, u: wf.skp_buka_kembali(skp=skp, oleh=u, alasan="Salah input"),
}

#: (step, from status, role allowed, to status)
DIIZINKAN = [
    ("ajukan", "draf", "pegawai", "diajukan"),
    ("ajukan", "dikembalikan", "pegawai", "diajukan"),
    ("setujui", "diajukan", "penilai", "disetujui"),
    ("kembalikan", "diajukan", "penilai", "dikembalikan"),
    ("ajukan_revisi", "disetujui", "pegawai", "revisi_diajukan"),
    ("terima_revisi", "revisi_diajukan", "penilai", "draf"),
    ("tolak_revisi", "revisi_diajukan", "penilai", "disetujui"),
    ("buka_kembali", "diajukan", "hr", "draf"),
    ("buka_kembali", "dikembalikan", "hr", "draf"),
    ("buka_kembali", "disetujui", "hr", "draf"),
    ("buka_kembali", "revisi_diajukan", "hr", "draf"),
]
PERAN = ["pegawai", "penilai", "atasan_penilai", "rekan", "hr", "hr_lain", "pimpinan"]
STATUS = ["draf", "diajukan", "dikembalikan", "disetujui", "revisi_diajukan"]


@pytest.fixture
def dunia(org_a, request):
    """staf_seksi's SKP (penilai: kasi, atasan penilai: kabid) on top of an approved chain.
    The other wilayah is built only for the case that needs it (speed)."""
    rantai = rantai_skp(org_a)
    skp = skp_lengkap(org_a.staf_seksi, status="draf", rhk_atasan=rantai["kasi"].rhk_set.first())
    peran = {
        "pegawai": org_a.user_staf_seksi,
        "penilai": org_a.user_kasi,
        "atasan_penilai": org_a.user_kabid,
        "rekan": org_a.user_staf,
        "hr": org_a.user_hr,
        "hr_lain": None,
        "pimpinan": org_a.user_pimpinan,
    }
    return skp, peran


def _set_status(skp: SKP, status: str) -> None:
    SKP.objects.filter(pk=skp.pk).update(
        status=status,
        disetujui_pada="2026-01-15T02:00Z" if status in ("disetujui", "revisi_diajukan") else None,
    )


KASUS = [(langkah, status, peran) for langkah in LANGKAH for status in STATUS for peran in PERAN]


@pytest.mark.parametrize(("langkah", "status", "peran"), KASUS)
def test_tabel_transisi(dunia, langkah, status, peran, request):
    skp, users = dunia
    if peran == "hr_lain":
        users["hr_lain"] = request.getfixturevalue("org_b").user_hr
    _set_status(skp, status)
    skp.refresh_from_db()
    sebelum = TransisiStatus.objects.count()
    izin = {(la, d, p): k for la, d, p, k in DIIZINKAN}
    ke = izin.get((langkah, status, peran))
    if ke is not None:
        hasil = LANGKAH[langkah](skp, users[peran])
        assert hasil.status == ke
        assert TransisiStatus.objects.count() == sebelum + 1
        t = TransisiStatus.objects.latest("id")
        assert (t.dari, t.ke, t.oleh) == (status, ke, users[peran])
    else:
        with pytest.raises((PermissionDenied, ValidationError)):
            LANGKAH[langkah](skp, users[peran])
        skp.refresh_from_db()
        assert skp.status == status
        assert TransisiStatus.objects.count() == sebelum


def test_salah_status_pesan_jelas(dunia):
    skp, users = dunia
    with pytest.raises(ValidationError, match="status saat ini sudah"):
        wf.skp_setujui(skp=skp, oleh=users["penilai"])


def test_penilai_hanya_bawahan_langsung(dunia, org_a):
    """kabid is the atasan pejabat penilai of staf_seksi, not the pejabat penilai."""
    skp, users = dunia
    wf.skp_ajukan(skp=skp, oleh=users["pegawai"])
    with pytest.raises(PermissionDenied):
        wf.skp_setujui(skp=skp, oleh=users["atasan_penilai"])


def test_catatan_wajib(dunia):
    skp, users = dunia
    wf.skp_ajukan(skp=skp, oleh=users["pegawai"])
    with pytest.raises(ValidationError) as e:
        wf.skp_kembalikan(skp=skp, oleh=users["penilai"], catatan="   ")
    assert "catatan" in e.value.message_dict
    skp.refresh_from_db()
    assert skp.status == "diajukan"


def test_setujui_snapshot_dan_notifikasi(dunia, org_a):
    skp, users = dunia
    wf.skp_ajukan(skp=skp, oleh=users["pegawai"])
    assert Notifikasi.objects.filter(
        penerima=users["penilai"], tautan=skp.get_absolute_url()
    ).exists()
    hasil = wf.skp_setujui(skp=skp, oleh=users["penilai"])
    assert hasil.disetujui_pada is not None and hasil.is_terkunci
    assert hasil.snapshot["pegawai"]["nip"] == org_a.staf_seksi.nip
    assert hasil.snapshot["pejabat_penilai"]["id"] == org_a.kasi.pk
    assert hasil.snapshot["atasan_pejabat_penilai"]["id"] == org_a.kabid.pk
    assert Notifikasi.objects.filter(
        penerima=users["pegawai"], judul__contains="disetujui"
    ).exists()


def test_snapshot_tidak_berubah_setelah_mutasi(dunia, org_a):
    skp, users = dunia
    wf.skp_ajukan(skp=skp, oleh=users["pegawai"])
    wf.skp_setujui(skp=skp, oleh=users["penilai"])
    org_a.staf_seksi.nama = "Nama Baru"
    org_a.staf_seksi.save()
    skp.refresh_from_db()
    assert skp.snapshot["pegawai"]["nama"] != "Nama Baru"


def test_setujui_butuh_tujuh_ekspektasi(dunia):
    skp, users = dunia
    skp.ekspektasi_set.filter(perilaku="loyal").update(ekspektasi="")
    wf.skp_ajukan(skp=skp, oleh=users["pegawai"])
    with pytest.raises(ValidationError, match="Loyal"):
        wf.skp_setujui(skp=skp, oleh=users["penilai"])


def test_revisi_riwayat_tersimpan(dunia):
    skp, users = dunia
    wf.skp_ajukan(skp=skp, oleh=users["pegawai"])
    wf.skp_setujui(skp=skp, oleh=users["penilai"])
    wf.skp_ajukan_revisi(skp=skp, oleh=users["pegawai"], alasan="Tugas baru")
    wf.skp_terima_revisi(skp=skp, oleh=users["penilai"])
    skp.refresh_from_db()
    assert skp.status == "draf"
    statuses = list(skp.history.order_by("history_date").values_list("status", flat=True))
    assert "disetujui" in statuses and statuses[-1] == "draf"
    log = list(TransisiStatus.objects.untuk(skp).values_list("ke", flat=True))
    assert log == ["diajukan", "disetujui", "revisi_diajukan", "draf"]


# --- Cascading ----------------------------------------------------------------------------


def test_kaskade_rhk_tanpa_intervensi_ditolak(dunia, org_a):
    skp, users = dunia
    rhk = RHKFactory(skp=skp, teks="RHK yatim tanpa induk", rhk_atasan=None, urutan=9)
    IndikatorFactory(rhk=rhk)
    with pytest.raises(ValidationError, match="RHK yatim tanpa induk"):
        wf.skp_ajukan(skp=skp, oleh=users["pegawai"])


def test_kaskade_rhk_dari_atasan_lain_ditolak(dunia, org_a):
    """Intervening the kabid's RHK (not the pejabat penilai kasi's) is refused."""
    skp, users = dunia
    kabid_rhk = SKP.objects.get(pegawai=org_a.kabid).rhk_set.first()
    skp.rhk_set.update(rhk_atasan=kabid_rhk)
    with pytest.raises(ValidationError, match="belum mengintervensi"):
        wf.skp_ajukan(skp=skp, oleh=users["pegawai"])


def test_kaskade_skp_atasan_belum_disetujui_ditolak(dunia, org_a):
    skp, users = dunia
    SKP.objects.filter(pegawai=org_a.kasi).update(status="diajukan", disetujui_pada=None)
    with pytest.raises(ValidationError, match="belum mengintervensi"):
        wf.skp_ajukan(skp=skp, oleh=users["pegawai"])


def test_kaskade_tahun_lain_ditolak(org_a):
    lama = rantai_skp(org_a, tahun=2025)
    rantai_skp(org_a, tahun=2026)
    skp = skp_lengkap(org_a.staf_seksi, status="draf", rhk_atasan=None, tahun=2026)
    RHKFactory(skp=skp, urutan=5, teks="RHK lintas tahun", rhk_atasan=None)
    from kinerja.models import RencanaHasilKerja

    RencanaHasilKerja.objects.filter(skp=skp).update(rhk_atasan=lama["kasi"].rhk_set.first())
    with pytest.raises(ValidationError, match="belum mengintervensi"):
        wf.skp_ajukan(skp=skp, oleh=org_a.user_staf_seksi)


def test_kaskade_tanpa_rhk_atau_indikator(org_a):
    rantai = rantai_skp(org_a)
    skp = skp_lengkap(org_a.staf, status="draf", jumlah_rhk=0)
    with pytest.raises(ValidationError, match="belum memiliki rencana hasil kerja"):
        wf.skp_ajukan(skp=skp, oleh=org_a.user_staf)
    RHKFactory(skp=skp, teks="RHK tanpa indikator", rhk_atasan=rantai["kabid"].rhk_set.first())
    with pytest.raises(ValidationError, match="belum memiliki indikator"):
        wf.skp_ajukan(skp=skp, oleh=org_a.user_staf)


def test_jpt_dari_perjanjian_kinerja_dan_disetujui_hr(org_a):
    from kinerja.models import TargetUnit
    from tests.kinerja.factories import PeriodeKinerjaFactory

    periode = PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    target = TargetUnit.objects.create(
        periode_kinerja=periode, unit=org_a.root, sasaran="Sasaran A", indikator="I", target="T"
    )
    skp = skp_lengkap(org_a.sekda, status="draf", target_unit=None)
    assert skp.is_jpt and skp.pejabat_penilai is None
    with pytest.raises(ValidationError, match="perjanjian kinerja"):
        wf.skp_ajukan(skp=skp, oleh=org_a.user_sekda)
    skp.rhk_set.update(target_unit=target)
    wf.skp_ajukan(skp=skp, oleh=org_a.user_sekda)
    assert Notifikasi.objects.filter(penerima=org_a.user_hr).exists()
    with pytest.raises(PermissionDenied):
        wf.skp_setujui(skp=skp, oleh=org_a.user_pimpinan)
    assert wf.skp_setujui(skp=skp, oleh=org_a.user_hr).status == "disetujui"


# --- Closed periods -----------------------------------------------------------------------


@pytest.mark.parametrize("langkah", ["ajukan", "buka_kembali"])
def test_periode_tutup_menolak_transisi(dunia, org_a, langkah):
    skp, users = dunia
    if langkah == "buka_kembali":
        _set_status(skp, "disetujui")
    periode_tutup(actor=users["hr"], periode=skp.periode_kinerja)
    skp.refresh_from_db()
    peran = "pegawai" if langkah == "ajukan" else "hr"
    with pytest.raises(ValidationError, match="sudah ditutup"):
        LANGKAH[langkah](skp, users[peran])
    assert wf.aksi_tersedia(users[peran], skp) == set()
