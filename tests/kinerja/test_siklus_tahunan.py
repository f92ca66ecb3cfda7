"""The annual cycle (issue 14): opening next year (HR and the December beat job, on each
wilayah's local date), next year's SKP copied from last year's with its cascade links
re-made, and a closed year refusing every write."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError

from asn_kinerja.models import TransisiStatus
from kinerja import tasks
from kinerja.models import (
    SKP,
    EvaluasiTahunan,
    IndikatorKinerja,
    Keberatan,
    PeriodeKinerja,
    TargetUnit,
)
from kinerja.services import evaluasi as svc_ev
from kinerja.services import keberatan as svc_keberatan
from kinerja.services import kurva as svc_kurva
from kinerja.services import log_harian as svc_log
from kinerja.services import periode as svc
from kinerja.services import skp as svc_skp
from kinerja.services import umpan_balik as svc_ub
from kinerja.workflow import evaluasi as wf_ev
from kinerja.workflow import skp as wf
from tests.kinerja.factories import PeriodeKinerjaFactory, periode_penilaian, rantai_skp
from tests.kinerja.factories_evaluasi import evaluasi, organisasi_dinilai

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")
WIB = ZoneInfo("Asia/Jakarta")


# --- Opening a year ------------------------------------------------------------------------


def test_buka_tahun_duplikat_ditolak_tanpa_menulis(org_a):
    svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027)
    with pytest.raises(ValidationError) as e:
        svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027)
    assert "2027 sudah ada di wilayah Alpha" in str(e.value.message_dict["tahun"])
    p = PeriodeKinerja.objects.get(wilayah=org_a.wilayah, tahun=2027)
    assert p.periode_penilaian.count() == 12
    assert TransisiStatus.objects.untuk(p).count() == 1


def test_buka_tahun_paling_jauh_tahun_depan(org_a):
    with (
        time_machine.travel(dt.datetime(2026, 12, 31, 23, 30, tzinfo=WITA), tick=False),
        pytest.raises(ValidationError, match=r"paling jauh untuk tahun depan \(2027\)"),
    ):
        svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2028)
    # the wilayah's date decides: just after midnight WITA (still 31 December in UTC)
    with time_machine.travel(dt.datetime(2027, 1, 1, 0, 1, tzinfo=WITA), tick=False):
        assert (
            svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2028).tahun == 2028
        )
    assert not PeriodeKinerja.objects.filter(tahun=2029).exists()


def test_usulan_tahun_dan_granularitas_wilayah(org_a):
    with time_machine.travel(dt.datetime(2026, 12, 2, 9, tzinfo=WITA), tick=False):
        assert svc.tahun_berikut_usulan(org_a.wilayah) == 2026
        assert svc.granularitas_wilayah(org_a.wilayah) == "bulanan"
        PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=2026, granularitas="triwulanan")
        assert svc.tahun_berikut_usulan(org_a.wilayah) == 2027
        assert svc.granularitas_wilayah(org_a.wilayah) == "triwulanan"


def test_tugas_beat_terdaftar():
    jadwal = settings.CELERY_BEAT_SCHEDULE["kinerja-buka-tahun-berikut"]
    assert jadwal["task"] == tasks.buka_tahun_berikut.name == "kinerja.buka_tahun_berikut"


def test_tugas_desember_per_tanggal_lokal_wilayah_dan_idempoten(org_a, org_b):
    """Alpha is WITA (UTC+8), Beta WIB (UTC+7): 1 December arrives an hour apart. The job
    opens next year with the wilayah's granularity once, only where the setting is on."""
    PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=2026, granularitas="semesteran")
    PeriodeKinerjaFactory(wilayah=org_b.wilayah, tahun=2026, granularitas="triwulanan")
    for w in (org_a.wilayah, org_b.wilayah):
        w.buka_tahun_otomatis = True
        w.save()

    # 30 Nov 16:30 UTC = 1 Dec 00:30 WITA = 30 Nov 23:30 WIB
    with time_machine.travel(dt.datetime(2026, 11, 30, 16, 30, tzinfo=dt.UTC), tick=False):
        dibuka = tasks.buka_tahun_berikut.delay().get()
        assert dibuka == [PeriodeKinerja.objects.get(wilayah=org_a.wilayah, tahun=2027).pk]
        assert tasks.buka_tahun_berikut.delay().get() == []  # run twice: nothing new
    a = PeriodeKinerja.objects.get(wilayah=org_a.wilayah, tahun=2027)
    assert a.granularitas == "semesteran" and a.periode_penilaian.count() == 2
    log = TransisiStatus.objects.untuk(a).get()
    assert log.oleh is None and log.ke == "buka"
    assert not PeriodeKinerja.objects.filter(wilayah=org_b.wilayah, tahun=2027).exists()

    # an hour later it is 1 December in WIB too
    with time_machine.travel(dt.datetime(2026, 11, 30, 17, 30, tzinfo=dt.UTC), tick=False):
        tasks.buka_tahun_berikut()
        tasks.buka_tahun_berikut()
    b = PeriodeKinerja.objects.get(wilayah=org_b.wilayah, tahun=2027)
    assert b.periode_penilaian.count() == 4
    assert PeriodeKinerja.objects.filter(tahun=2027).count() == 2


def test_tugas_mati_bawaan_dan_tidak_di_luar_desember(org_a, org_b):
    org_b.wilayah.buka_tahun_otomatis = True
    org_b.wilayah.save()
    with time_machine.travel(dt.datetime(2026, 12, 15, 9, tzinfo=WITA), tick=False):
        tasks.buka_tahun_berikut()  # Alpha: setting off (the default)
        assert svc.periode_buka_otomatis(wilayah=org_a.wilayah) is None
    assert not PeriodeKinerja.objects.filter(wilayah=org_a.wilayah).exists()
    with time_machine.travel(dt.datetime(2027, 1, 5, 9, tzinfo=WIB), tick=False):
        assert svc.periode_buka_otomatis(wilayah=org_b.wilayah) is None  # January: no 2028
    assert PeriodeKinerja.objects.filter(wilayah=org_b.wilayah).count() == 1  # 2027 in Dec
    assert PeriodeKinerja.objects.get(wilayah=org_b.wilayah).tahun == 2027


def test_tugas_mulai_tanggal_diatur(org_a, settings):
    settings.KINERJA_TANGGAL_BUKA_TAHUN_BERIKUT = 15
    org_a.wilayah.buka_tahun_otomatis = True
    org_a.wilayah.save()
    with time_machine.travel(dt.datetime(2026, 12, 14, 23, 59, tzinfo=WITA), tick=False):
        assert tasks.buka_tahun_berikut() == []
    with time_machine.travel(dt.datetime(2026, 12, 15, 0, 1, tzinfo=WITA), tick=False):
        assert len(tasks.buka_tahun_berikut()) == 1


# --- Next year's SKP from last year's -------------------------------------------------------


def _tahun_baru(org, rantai) -> PeriodeKinerja:
    """Opens 2027 with the root unit's target worded as in 2026."""
    p = svc.periode_buka(actor=org.user_hr, wilayah=org.wilayah, tahun=2027)
    TargetUnit.objects.create(
        periode_kinerja=p, unit=org.root, sasaran=rantai["target"].sasaran,
        indikator="Indeks kepuasan masyarakat", target="87", perspektif="penerima_layanan",
    )  # fmt: skip
    return p


def test_salin_skp_dengan_setiap_anak(org_a):
    rantai = rantai_skp(org_a)
    lama = rantai["kabid"]
    lama.dukungan_sumber_daya = "Anggaran DPA bidang"
    lama.konsekuensi = "Teguran"
    lama.save()
    rhk2 = lama.rhk_set.create(urutan=2, teks="Laporan tambahan", jenis="tambahan")
    IndikatorKinerja.objects.create(
        rhk=rhk2, aspek="kualitas", teks="Mutu laporan", target_kualitatif="Tanpa revisi"
    )
    IndikatorKinerja.objects.create(
        rhk=rhk2, aspek="waktu", teks="Tepat waktu", target_nilai=Decimal("12.5"),
        target_satuan="bulan", urutan=2,
    )  # fmt: skip
    p27 = _tahun_baru(org_a, rantai)

    baru = svc_skp.skp_salin(actor=org_a.user_kabid, sumber=lama, periode=p27)

    assert baru.periode_kinerja == p27 and baru.status == "draf" and baru.pk != lama.pk
    assert (baru.dukungan_sumber_daya, baru.konsekuensi) == ("Anggaran DPA bidang", "Teguran")
    assert baru.pejabat_penilai == org_a.sekda
    pasangan = list(
        zip(lama.rhk_set.order_by("urutan"), baru.rhk_set.order_by("urutan"), strict=True)
    )
    assert len(pasangan) == 2
    for a, b in pasangan:
        assert (a.teks, a.jenis, a.urutan) == (b.teks, b.jenis, b.urutan)
        assert b.disalin_dari == a
        ia = [(i.aspek, i.teks, i.target_nilai, i.target_satuan, i.target_kualitatif)
              for i in a.indikator_set.order_by("urutan", "id")]  # fmt: skip
        ib = [(i.aspek, i.teks, i.target_nilai, i.target_satuan, i.target_kualitatif)
              for i in b.indikator_set.order_by("urutan", "id")]  # fmt: skip
        assert ia == ib and ia
        assert b.history.count() == 1  # history rows written for the bulk copy
    eks_lama = dict(lama.ekspektasi_set.values_list("perilaku", "ekspektasi"))
    assert dict(baru.ekspektasi_set.values_list("perilaku", "ekspektasi")) == eks_lama
    assert baru.ekspektasi_set.count() == 7
    assert TransisiStatus.objects.untuk(baru).get().ke == "draf"
    # last year's SKP is untouched
    assert lama.rhk_set.count() == 2 and SKP.objects.get(pk=lama.pk).status == "disetujui"


def test_salin_kaskade_dicek_ulang_saat_diajukan(org_a):
    """The sekda (JPT) takes the new year's unit target; the kabid's link to the sekda's RHK
    is not carried over: empty until the sekda's 2027 SKP is approved, so submission is
    refused; after the relink it cascades to the sekda's 2027 RHK and can be submitted."""
    rantai = rantai_skp(org_a)
    p27 = _tahun_baru(org_a, rantai)
    sekda27 = svc_skp.skp_salin(actor=org_a.user_sekda, sumber=rantai["sekda"], periode=p27)
    rhk_sekda27 = sekda27.rhk_set.get()
    assert sekda27.is_jpt and rhk_sekda27.target_unit.periode_kinerja == p27

    kabid27 = svc_skp.skp_salin(actor=org_a.user_kabid, sumber=rantai["kabid"], periode=p27)
    assert kabid27.rhk_set.get().rhk_atasan is None  # sekda 2027 not approved yet
    with pytest.raises(ValidationError, match="belum mengintervensi"):
        wf.skp_ajukan(skp=kabid27, oleh=org_a.user_kabid)
    assert svc_skp.skp_tautkan_ulang(actor=org_a.user_kabid, skp=kabid27) == 0

    wf.skp_ajukan(skp=sekda27, oleh=org_a.user_sekda)
    wf.skp_setujui(skp=sekda27, oleh=org_a.user_hr)  # no pejabat penilai: HR approves
    assert svc_skp.skp_tautkan_ulang(actor=org_a.user_kabid, skp=kabid27) == 1
    assert kabid27.rhk_set.get().rhk_atasan == rhk_sekda27
    wf.skp_ajukan(skp=kabid27, oleh=org_a.user_kabid)

    # the kasi copies after the kabid's 2027 SKP is approved: linked at once
    wf.skp_setujui(skp=kabid27, oleh=org_a.user_sekda)
    kasi27 = svc_skp.skp_salin(actor=org_a.user_kasi, sumber=rantai["kasi"], periode=p27)
    assert kasi27.rhk_set.get().rhk_atasan == kabid27.rhk_set.get()
    assert wf.masalah_kaskade(kasi27) == []


def test_salin_cocok_teks_bila_atasan_menyusun_ulang(org_a):
    """A superior who typed the new SKP from scratch: the link matches by the RHK text."""
    rantai = rantai_skp(org_a)
    p27 = _tahun_baru(org_a, rantai)
    kabid27 = svc_skp.skp_buat(actor=org_a.user_kabid, periode=p27)
    kabid27.rhk_set.create(urutan=1, teks="  " + rantai["kabid"].rhk_set.get().teks.upper())
    SKP.objects.filter(pk=kabid27.pk).update(
        status="disetujui", disetujui_pada=dt.datetime.now(dt.UTC)
    )
    kasi27 = svc_skp.skp_salin(actor=org_a.user_kasi, sumber=rantai["kasi"], periode=p27)
    assert kasi27.rhk_set.get().rhk_atasan.skp_id == kabid27.pk


def test_salin_ditolak(org_a, org_b):
    rantai = rantai_skp(org_a)
    p27 = _tahun_baru(org_a, rantai)
    with pytest.raises(PermissionDenied):
        svc_skp.skp_salin(actor=org_a.user_kasi, sumber=rantai["kabid"], periode=p27)
    with pytest.raises(PermissionDenied):
        svc_skp.skp_salin(actor=org_b.user_kabid, sumber=rantai["kabid"], periode=p27)
    with pytest.raises(ValidationError, match="sebelum 2026"):
        svc_skp.skp_salin(actor=org_a.user_kabid, sumber=rantai["kabid"], periode=rantai["periode"])
    svc_skp.skp_salin(actor=org_a.user_kabid, sumber=rantai["kabid"], periode=p27)
    with pytest.raises(ValidationError, match="sudah memiliki SKP"):
        svc_skp.skp_salin(actor=org_a.user_kabid, sumber=rantai["kabid"], periode=p27)
    svc.periode_tutup(actor=org_a.user_hr, periode=p27)
    p27.refresh_from_db()
    with pytest.raises(ValidationError, match="sudah ditutup"):
        svc_skp.skp_salin(actor=org_a.user_kasi, sumber=rantai["kasi"], periode=p27)
    assert SKP.objects.filter(periode_kinerja=p27).count() == 1


# --- A closed year refuses every write -----------------------------------------------------


@pytest.fixture
def tahun_ditutup(org_a):
    """2026 in every state that has a write, then HR closes the year."""
    r = organisasi_dinilai(org_a)
    staf, kasi, seksi = r["staf"], r["kasi"], r["staf_seksi"]
    draf = SKP.objects.get(pk=seksi.pk)
    SKP.objects.filter(pk=draf.pk).update(status="draf", disetujui_pada=None)
    draf.refresh_from_db()
    ev_isi = evaluasi(staf, nomor=2, status="belum_diisi", realisasi=True)
    ev_nilai = evaluasi(r["staf2"], nomor=2, status="realisasi_diajukan", realisasi=True)
    ev_final = evaluasi(kasi, nomor=1, status="final", predikat="baik")
    ev_keberatan = evaluasi(staf, nomor=1, status="final")
    tahunan = EvaluasiTahunan.objects.create(skp=staf)
    svc.periode_tutup(actor=org_a.user_hr, periode=r["periode"])
    # an undecided objection cannot outlive the close through the UI (see below): one made
    # behind its back proves keberatan_putuskan refuses too
    keberatan = Keberatan.objects.create(evaluasi=ev_keberatan, alasan="Tidak sesuai")
    # What a request after the close loads: fresh rows (the services read the status of the
    # objects they are given).
    segar = {k: type(v).objects.get(pk=v.pk) for k, v in r.items()}
    for nama, obj in (("draf", draf), ("ev_isi", ev_isi), ("ev_nilai", ev_nilai),
                      ("ev_final", ev_final), ("keberatan", keberatan), ("tahunan", tahunan)):  # fmt: skip
        segar[nama] = type(obj).objects.get(pk=obj.pk)
    return segar


TULIS = {
    "skp_buat": lambda o, t: svc_skp.skp_buat(actor=o.user_staf_seksi, periode=t["periode"]),
    "skp_ubah": lambda o, t: svc_skp.skp_ubah(
        actor=o.user_staf_seksi, skp=t["draf"], pendekatan="kualitatif"
    ),
    "rhk_simpan": lambda o, t: svc_skp.rhk_simpan(
        actor=o.user_staf_seksi, skp=t["draf"], teks="Baru", jenis="utama"
    ),
    "rhk_hapus": lambda o, t: svc_skp.rhk_hapus(
        actor=o.user_staf_seksi, rhk=t["draf"].rhk_set.first()
    ),
    "indikator_simpan": lambda o, t: svc_skp.indikator_simpan(
        actor=o.user_staf_seksi, rhk=t["draf"].rhk_set.first(), aspek="kuantitas", teks="X",
        target_nilai=Decimal(1), target_satuan="dok",
    ),
    "indikator_hapus": lambda o, t: svc_skp.indikator_hapus(
        actor=o.user_staf_seksi, indikator=IndikatorKinerja.objects.filter(rhk__skp=t["draf"]).first()
    ),
    "ekspektasi_simpan": lambda o, t: svc_skp.ekspektasi_simpan(
        actor=o.user_kasi, skp=t["draf"], ekspektasi={"akuntabel": "Baru"}
    ),
    "skp_tautkan_ulang": lambda o, t: svc_skp.skp_tautkan_ulang(actor=o.user_staf_seksi, skp=t["draf"]),
    "skp_ajukan": lambda o, t: wf.skp_ajukan(skp=t["draf"], oleh=o.user_staf_seksi),
    "skp_ajukan_revisi": lambda o, t: wf.skp_ajukan_revisi(skp=t["staf"], oleh=o.user_staf, alasan="x"),
    "skp_buka_kembali": lambda o, t: wf.skp_buka_kembali(skp=t["staf"], oleh=o.user_hr, alasan="x"),
    "evaluasi_mulai": lambda o, t: svc_ev.evaluasi_mulai(
        actor=o.user_staf, skp=t["staf"], periode_penilaian=periode_penilaian(t["periode"], 3)
    ),
    "realisasi_simpan": lambda o, t: svc_ev.realisasi_simpan(actor=o.user_staf, evaluasi=t["ev_isi"], isian={}),
    "evaluasi_ajukan": lambda o, t: wf_ev.evaluasi_ajukan(evaluasi=t["ev_isi"], oleh=o.user_staf),
    "penilaian_simpan": lambda o, t: svc_ev.penilaian_simpan(
        actor=o.user_kabid, evaluasi=t["ev_nilai"], rating_hasil="sesuai", rating_perilaku="sesuai"
    ),
    "evaluasi_kembalikan": lambda o, t: wf_ev.evaluasi_kembalikan(
        evaluasi=t["ev_nilai"], oleh=o.user_kabid, catatan="x"
    ),
    "evaluasi_buka_kembali": lambda o, t: wf_ev.evaluasi_buka_kembali(
        evaluasi=t["ev_final"], oleh=o.user_hr, alasan="x"
    ),
    "evaluasi_tahunan_mulai": lambda o, t: svc_ev.evaluasi_tahunan_mulai(actor=o.user_staf, skp=t["staf"]),
    "tahunan_ajukan": lambda o, t: wf_ev.evaluasi_ajukan(evaluasi=t["tahunan"], oleh=o.user_staf),
    "keberatan_ajukan": lambda o, t: svc_keberatan.keberatan_ajukan(
        actor=o.user_kasi, evaluasi=t["ev_final"], alasan="Tidak sesuai"
    ),
    "keberatan_putuskan": lambda o, t: svc_keberatan.keberatan_putuskan(
        actor=o.user_sekda, keberatan=t["keberatan"], terima=False, keputusan="Tetap"
    ),
    "predikat_unit_tetapkan": lambda o, t: svc_kurva.predikat_unit_tetapkan(
        actor=o.user_sekda, unit=o.bidang, periode_kinerja=t["periode"],
        periode_penilaian=periode_penilaian(t["periode"], 1), predikat="baik",
    ),
    "kurva_finalisasi": lambda o, t: svc_kurva.kurva_finalisasi(
        actor=o.user_kabid, unit=o.bidang, periode_kinerja=t["periode"],
        periode_penilaian=periode_penilaian(t["periode"], 1),
    ),
    "log_harian_simpan": lambda o, t: svc_log.log_harian_simpan(
        actor=o.user_staf, tanggal=dt.date(2026, 3, 2), kegiatan="Rapat"
    ),
    "umpan_balik_kirim": lambda o, t: svc_ub.umpan_balik_kirim(
        actor=o.user_kabid, kepada=o.staf, jenis="umpan_balik", teks="Bagus", skp=t["staf"]
    ),
    "target_unit_simpan": lambda o, t: svc.target_unit_simpan(
        actor=o.user_hr, periode=t["periode"], unit=o.bidang, sasaran="S", indikator="I", target="T"
    ),
    "periode_penilaian_tutup": lambda o, t: svc.periode_penilaian_tutup(
        actor=o.user_hr, periode_penilaian=periode_penilaian(t["periode"], 12)
    ),
}  # fmt: skip


@pytest.mark.parametrize("nama", sorted(TULIS))
def test_tahun_ditutup_menolak_setiap_tulis(org_a, tahun_ditutup, nama):
    sebelum = TransisiStatus.objects.count()
    with (
        time_machine.travel(dt.datetime(2027, 1, 10, 9, tzinfo=WITA), tick=False),
        pytest.raises(ValidationError, match="2026 sudah ditutup"),
    ):
        TULIS[nama](org_a, tahun_ditutup)
    assert TransisiStatus.objects.count() == sebelum


def test_tutup_tahun_ditolak_selama_keberatan_menunggu(org_a):
    r = organisasi_dinilai(org_a)
    k = Keberatan.objects.create(
        evaluasi=evaluasi(r["staf"], nomor=1, status="final"), alasan="Tidak sesuai"
    )
    with pytest.raises(ValidationError, match="1 keberatan belum diputuskan"):
        svc.periode_tutup(actor=org_a.user_hr, periode=r["periode"])
    assert PeriodeKinerja.objects.get(pk=r["periode"].pk).status == "buka"
    svc_keberatan.keberatan_putuskan(
        actor=org_a.user_sekda, keberatan=k, terima=False, keputusan="Penilaian sudah sesuai."
    )
    p = svc.periode_tutup(actor=org_a.user_hr, periode=r["periode"])
    assert p.status == "tutup"
    log = TransisiStatus.objects.untuk(p).order_by("-pk").first()
    assert (log.dari, log.ke, log.oleh) == ("buka", "tutup", org_a.user_hr)
    with pytest.raises(ValidationError, match="sudah"):
        svc.periode_tutup(actor=org_a.user_hr, periode=r["periode"])
