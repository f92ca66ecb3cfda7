"""Leave rules (DOMAIN.md section 5): working days, entitlement and carry-over, the refusals,
and the approval flow with its log, e-mails and attendance marking."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from asn_kinerja.models import TransisiStatus
from organisasi.models import BELUM_DIMUAT
from pegawai.choices import StatusKehadiran
from pegawai.cuti import selectors
from pegawai.cuti.selectors import saldo_cuti
from pegawai.cuti.services.cuti import cuti_batalkan, cuti_putuskan, cuti_rekomendasikan
from pegawai.models import Cuti, Kehadiran, PengaturanCuti
from tests.pegawai.fixtures_cuti import (
    ajukan,
    libur,
    senin_depan,
    surat_dokter,
)

pytestmark = pytest.mark.django_db


def _cuti_lama(pegawai, tahun: int, hari: int, status=Cuti.Status.DISETUJUI, jenis="tahunan"):
    """A past leave row written directly (history for balance tests)."""
    mulai = dt.date(tahun, 3, 2)
    return Cuti.objects.create(
        pegawai=pegawai,
        jenis=jenis,
        tanggal_mulai=mulai,
        tanggal_selesai=mulai + dt.timedelta(days=hari),
        jumlah_hari_kerja=hari,
        alasan="lama",
        status=status,
    )


# --- working days ------------------------------------------------------------------------------


def test_hari_kerja_tanpa_akhir_pekan_dan_libur_wilayah(org_a, org_b):
    # Mon 2026-08-10 .. Fri 2026-08-21: 10 weekdays; 17 Aug (Mon) is a holiday in A only.
    libur(org_a.wilayah, dt.date(2026, 8, 17), "Hari Kemerdekaan")
    assert (
        selectors.jumlah_hari_kerja(org_a.wilayah, dt.date(2026, 8, 10), dt.date(2026, 8, 21)) == 9
    )
    assert (
        selectors.jumlah_hari_kerja(org_b.wilayah, dt.date(2026, 8, 10), dt.date(2026, 8, 21)) == 10
    )
    # Sat..Sun only: no working day.
    assert (
        selectors.jumlah_hari_kerja(org_a.wilayah, dt.date(2026, 8, 15), dt.date(2026, 8, 16)) == 0
    )


def test_pengajuan_melewati_libur_menghitung_hari_kerja(org_a):
    mulai = senin_depan(2)
    libur(org_a.wilayah, mulai + dt.timedelta(days=2))  # Wednesday
    cuti = ajukan(org_a.user_staf, mulai, hari=7)  # Mon..Sun: 5 weekdays - 1 holiday
    assert cuti.jumlah_hari_kerja == 4


# --- balance -----------------------------------------------------------------------------------


def test_saldo_hak_12_setelah_satu_tahun(org_a):
    p = org_a.staf
    tahun = 2026
    assert saldo_cuti(p, tahun) == {
        "tahun": 2026,
        "hak": 12,
        "sisa_tahun_lalu": 12,
        "terpakai": 0,
        "menunggu": 0,
        "sisa": 24,
    }  # fmt: skip  (never took leave in 2024 and 2025: 12 carried over, 24 in all)
    p.tmt_cpns = dt.date(2026, 3, 1)
    assert saldo_cuti(p, 2026)["hak"] == 0  # less than a year of service by end of 2026
    assert saldo_cuti(p, 2027)["hak"] == 12


def test_saldo_sisa_tahun_lalu_paling_banyak_enam(org_a):
    p = org_a.staf
    _cuti_lama(p, 2024, 5)
    _cuti_lama(p, 2025, 2)  # 10 unused in 2025, but at most 6 carry over
    s = saldo_cuti(p, 2026)
    assert (s["hak"], s["sisa_tahun_lalu"], s["sisa"]) == (12, 6, 18)


def test_saldo_dua_tahun_tidak_diambil_menjadi_24(org_a):
    p = org_a.staf
    _cuti_lama(p, 2023, 4)
    s = saldo_cuti(p, 2026)
    assert (s["sisa_tahun_lalu"], s["sisa"]) == (12, 24)


def test_saldo_cuti_memakai_sisa_tahun_lalu_dahulu(org_a):
    p = org_a.staf
    _cuti_lama(p, 2024, 12)
    lama = _cuti_lama(p, 2025, 10)  # 6 carried into 2025 used first: 4 of 2025's own used
    s = saldo_cuti(p, 2026)
    assert s["sisa_tahun_lalu"] == 6
    lama.delete()
    _cuti_lama(p, 2025, 14)  # 6 carry + 8 own: 4 own left
    assert saldo_cuti(p, 2026)["sisa_tahun_lalu"] == 4


def test_saldo_menghitung_yang_menunggu_dan_cuti_besar(org_a):
    p = org_a.staf
    _cuti_lama(p, 2026, 3)
    _cuti_lama(p, 2026, 2, status=Cuti.Status.DIAJUKAN)
    s = saldo_cuti(p, 2026)
    assert (s["terpakai"], s["menunggu"], s["sisa"]) == (3, 2, 24 - 5)
    _cuti_lama(p, 2026, 20, jenis="besar")
    assert saldo_cuti(p, 2026)["hak"] == 0  # no cuti tahunan in a year with cuti besar


# --- refusals ----------------------------------------------------------------------------------


def test_lebih_dari_saldo_ditolak_dengan_pesan_jelas(org_a):
    p = org_a.staf
    _cuti_lama(p, 2028, 18)  # everything used, carry-over included: nothing carries into 2030
    _cuti_lama(p, 2029, 18)
    mulai = dt.date(2030, 3, 4)  # a Monday; 3 weeks = 15 working days > 12
    with pytest.raises(
        ValidationError,
        match="Sisa cuti tahunan 2030 Anda 12 hari kerja, sedangkan pengajuan ini 15",
    ):
        ajukan(org_a.user_staf, mulai, hari=19, hari_ini=dt.date(2030, 1, 2))
    assert (
        ajukan(org_a.user_staf, mulai, hari=12, hari_ini=dt.date(2030, 1, 2)).jumlah_hari_kerja
        == 10
    )
    assert Cuti.objects.filter(pegawai=p, status=Cuti.Status.DIAJUKAN).count() == 1


def test_tumpang_tindih_ditolak(org_a):
    mulai = senin_depan(2)
    ajukan(org_a.user_staf, mulai, hari=3)
    with pytest.raises(ValidationError, match="bertumpang tindih"):
        ajukan(org_a.user_staf, mulai + dt.timedelta(days=2), hari=2)
    assert Cuti.objects.filter(pegawai=org_a.staf).count() == 1


def test_tumpang_tindih_dengan_yang_dibatalkan_boleh(org_a):
    mulai = senin_depan(2)
    c = ajukan(org_a.user_staf, mulai, hari=3)
    cuti_batalkan(actor=org_a.user_staf, cuti=c)
    assert ajukan(org_a.user_staf, mulai, hari=3).status == Cuti.Status.DIAJUKAN


def test_tanpa_hari_kerja_ditolak(org_a):
    sabtu = senin_depan(2) - dt.timedelta(days=2)
    with pytest.raises(ValidationError, match="paling sedikit 1 hari kerja"):
        ajukan(org_a.user_staf, sabtu, hari=2)


def test_cuti_tahunan_sebelum_satu_tahun_ditolak(org_a):
    org_a.staf.tmt_cpns = senin_depan(2) - dt.timedelta(days=100)
    org_a.staf.save()
    org_a.user_staf.pegawai_dimuat = BELUM_DIMUAT
    with pytest.raises(ValidationError, match="masa kerja 1 tahun"):
        ajukan(org_a.user_staf, senin_depan(2))


def test_cuti_tahunan_tanggal_lampau_ditolak(org_a):
    with pytest.raises(ValidationError, match="sebelum tanggal mulainya"):
        ajukan(org_a.user_staf, senin_depan(-1))


def test_cuti_sakit_butuh_surat_dokter(org_a):
    mulai = senin_depan(2)
    ajukan(org_a.user_staf, mulai, hari=1, jenis="sakit")  # 1 day: no letter needed
    with pytest.raises(ValidationError, match="surat keterangan dokter"):
        ajukan(org_a.user_staf, mulai + dt.timedelta(days=1), hari=3, jenis="sakit")
    c = ajukan(org_a.user_staf, mulai + dt.timedelta(days=1), hari=3, jenis="sakit",
               lampiran=surat_dokter())  # fmt: skip
    assert c.lampiran.name.endswith(".pdf")
    with pytest.raises(ValidationError, match="dokter pemerintah"):
        ajukan(org_a.user_staf, mulai + dt.timedelta(days=14), hari=20, jenis="sakit",
               lampiran=surat_dokter())  # fmt: skip


def test_lampiran_palsu_ditolak(org_a):
    with pytest.raises(ValidationError, match="tidak sesuai"):
        ajukan(org_a.user_staf, senin_depan(2), hari=3, jenis="sakit",
               lampiran=surat_dokter("surat.pdf", b"MZ\x90\x00 not a pdf"))  # fmt: skip
    with pytest.raises(ValidationError, match="PDF, JPG, atau PNG"):
        ajukan(org_a.user_staf, senin_depan(2), hari=3, jenis="sakit",
               lampiran=surat_dokter("surat.exe"))  # fmt: skip


def test_cuti_melahirkan_aturan(org_a):
    p = org_a.staf
    mulai = senin_depan(2)
    p.jenis_kelamin = "L"
    p.save()
    org_a.user_staf.pegawai_dimuat = BELUM_DIMUAT
    with pytest.raises(ValidationError, match="perempuan"):
        ajukan(org_a.user_staf, mulai, hari=30, jenis="melahirkan", anak_ke=1)
    org_a.staf2.jenis_kelamin = "P"
    org_a.staf2.save()
    from tests.factories import pengguna_untuk

    u2 = pengguna_untuk(org_a.staf2, username="staf2_alpha")
    with pytest.raises(ValidationError, match="anak keempat"):
        ajukan(u2, mulai, hari=30, jenis="melahirkan", anak_ke=4)
    with pytest.raises(ValidationError, match="paling lama 3 bulan"):
        ajukan(u2, mulai, hari=100, jenis="melahirkan", anak_ke=2)
    assert ajukan(u2, mulai, hari=90, jenis="melahirkan", anak_ke=2).pk


def test_cuti_besar_dan_cltn_butuh_lima_tahun(org_a):
    org_a.staf.tmt_cpns = senin_depan(2) - dt.timedelta(days=365 * 3)
    org_a.staf.save()
    org_a.user_staf.pegawai_dimuat = BELUM_DIMUAT
    with pytest.raises(ValidationError, match="masa kerja 5 tahun"):
        ajukan(org_a.user_staf, senin_depan(2), hari=30, jenis="besar")
    with pytest.raises(ValidationError, match="masa kerja 5 tahun"):
        ajukan(org_a.user_staf, senin_depan(2), hari=30, jenis="cltn")


def test_cuti_besar_tidak_bersama_cuti_tahunan(org_a):
    mulai, hari_ini = dt.date(2030, 3, 4), dt.date(2030, 1, 2)
    ajukan(org_a.user_staf, mulai, hari=2, hari_ini=hari_ini)
    with pytest.raises(ValidationError, match="cuti besar meniadakan cuti tahunan"):
        ajukan(org_a.user_staf, mulai + dt.timedelta(days=7), hari=30, jenis="besar",
               hari_ini=hari_ini)  # fmt: skip


def test_alasan_penting_paling_lama_sebulan(org_a):
    with pytest.raises(ValidationError, match="paling lama 1 bulan"):
        ajukan(org_a.user_staf, senin_depan(2), hari=40, jenis="alasan_penting")


# --- flow ----------------------------------------------------------------------------------------


def test_alur_lengkap_dengan_log_email_dan_kehadiran(org_a, django_capture_on_commit_callbacks):
    org_a.kabid.email = "kabid@contoh.go.id"
    org_a.kabid.save()
    org_a.staf.email = "staf@contoh.go.id"
    org_a.staf.save()
    org_a.user_staf.pegawai_dimuat = BELUM_DIMUAT
    mulai = senin_depan(2)
    with django_capture_on_commit_callbacks(execute=True):
        c = ajukan(org_a.user_staf, mulai, hari=5)
    assert c.status == Cuti.Status.DIAJUKAN and c.atasan == org_a.kabid
    assert mail.outbox[-1].to == ["kabid@contoh.go.id"]
    with django_capture_on_commit_callbacks(execute=True):
        c = cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True, catatan="OK")
    assert c.status == Cuti.Status.DIREKOMENDASIKAN
    with django_capture_on_commit_callbacks(execute=True):
        c = cuti_putuskan(actor=org_a.user_hr, cuti=c, setujui=True)
    assert c.status == Cuti.Status.DISETUJUI and c.nomor_surat
    assert mail.outbox[-1].to == ["staf@contoh.go.id"]
    assert "Disetujui" in mail.outbox[-1].subject
    log = list(TransisiStatus.objects.untuk(c).values_list("dari", "ke", "oleh__username"))
    assert log == [
        ("", "diajukan", "staf_alpha"),
        ("diajukan", "direkomendasikan", "kabid_alpha"),
        ("direkomendasikan", "disetujui", "hr_alpha"),
    ]
    hari = Kehadiran.objects.filter(pegawai=org_a.staf).order_by("tanggal")
    assert [k.tanggal for k in hari] == [mulai + dt.timedelta(days=i) for i in range(5)]
    assert {k.status for k in hari} == {StatusKehadiran.CUTI}
    assert saldo_cuti(org_a.staf, mulai.year)["terpakai"] == 5


def test_persetujuan_menimpa_kehadiran_yang_ada(org_a):
    mulai = senin_depan(2)
    Kehadiran.objects.create(pegawai=org_a.staf, tanggal=mulai, status=StatusKehadiran.ALPA)
    c = ajukan(org_a.user_staf, mulai, hari=1)
    cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True)
    cuti_putuskan(actor=org_a.user_hr, cuti=c, setujui=True)
    assert Kehadiran.objects.get(pegawai=org_a.staf, tanggal=mulai).status == "cuti"


def test_hanya_atasan_langsung_yang_merekomendasi(org_a):
    c = ajukan(org_a.user_staf, senin_depan(2))
    for user in (org_a.user_kasi, org_a.user_hr, org_a.user_staf, org_a.user_sekda):
        with pytest.raises(PermissionDenied):
            cuti_rekomendasikan(actor=user, cuti=c, setuju=True)
    c.refresh_from_db()
    assert c.status == Cuti.Status.DIAJUKAN


def test_keputusan_hanya_oleh_pemutus_dan_urutan_status(org_a, org_b):
    c = ajukan(org_a.user_staf, senin_depan(2))
    with pytest.raises(ValidationError, match="status saat ini sudah .Menunggu rekomendasi atasan"):
        cuti_putuskan(actor=org_a.user_hr, cuti=c, setujui=True)
    cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True)
    for user in (org_b.user_hr, org_a.user_kabid, org_a.user_pimpinan, org_a.user_staf):
        with pytest.raises(PermissionDenied):
            cuti_putuskan(actor=user, cuti=c, setujui=True)
    with pytest.raises(ValidationError, match="alasan penolakan"):
        cuti_putuskan(actor=org_a.user_hr, cuti=c, setujui=False, catatan=" ")
    c = cuti_putuskan(actor=org_a.user_hr, cuti=c, setujui=False, catatan="Tugas padat")
    assert c.status == Cuti.Status.DITOLAK
    with pytest.raises(ValidationError):
        cuti_batalkan(actor=org_a.user_staf, cuti=c)


def test_penolakan_atasan_butuh_alasan_dan_mengakhiri(org_a):
    c = ajukan(org_a.user_staf, senin_depan(2))
    with pytest.raises(ValidationError, match="alasan penolakan"):
        cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=False)
    c = cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=False, catatan="Tidak")
    assert c.status == Cuti.Status.DITOLAK
    assert saldo_cuti(org_a.staf, c.tanggal_mulai.year)["menunggu"] == 0


def test_pejabat_pemutus_yang_ditunjuk_wilayah(org_a):
    PengaturanCuti.objects.create(wilayah=org_a.wilayah, pejabat_pemutus=org_a.sekda)
    c = ajukan(org_a.user_staf, senin_depan(2))
    cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True)
    with pytest.raises(PermissionDenied):
        cuti_putuskan(actor=org_a.user_hr, cuti=c, setujui=True)
    c = cuti_putuskan(actor=org_a.user_sekda, cuti=c, setujui=True)
    assert c.status == Cuti.Status.DISETUJUI and c.diputuskan_oleh == org_a.user_sekda


def test_tidak_memutus_cuti_sendiri_dan_tanpa_atasan_langsung_ke_pemutus(org_a):
    from tests.factories import pengguna_untuk

    # The sekda has no superior: the request goes straight to the decision.
    c = ajukan(org_a.user_sekda, senin_depan(2))
    assert c.status == Cuti.Status.DIREKOMENDASIKAN and c.atasan is None
    # HR who is also an employee cannot decide their own request.
    hr_pegawai = org_a.staf2
    hr = pengguna_untuk(hr_pegawai, username="hr_pegawai_alpha")
    from django.contrib.auth.models import Group

    hr.groups.add(Group.objects.get(name="Admin Kepegawaian"))
    hr.__dict__.pop("nama_grup", None)
    c2 = ajukan(hr, senin_depan(3))
    cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c2, setuju=True)
    with pytest.raises(PermissionDenied):
        cuti_putuskan(actor=hr, cuti=c2, setujui=True)


def test_batal_hanya_oleh_pemohon(org_a):
    c = ajukan(org_a.user_staf, senin_depan(2))
    with pytest.raises(PermissionDenied):
        cuti_batalkan(actor=org_a.user_hr, cuti=c)
    c = cuti_batalkan(actor=org_a.user_staf, cuti=c)
    assert c.status == Cuti.Status.DIBATALKAN
    assert TransisiStatus.objects.untuk(c).last().ke == "dibatalkan"


def test_persetujuan_memeriksa_ulang_saldo(org_a):
    """Two pending requests fit the balance each; approving after the balance shrank (an
    older request approved directly meanwhile) re-checks it."""
    mulai = senin_depan(2)
    c = ajukan(org_a.user_staf, mulai, hari=5)
    cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True)
    tahun = mulai.year
    _cuti_lama(org_a.staf, tahun, 22)  # taken meanwhile (e.g. recorded by HR)
    with pytest.raises(ValidationError, match="Sisa cuti tahunan"):
        cuti_putuskan(actor=org_a.user_hr, cuti=c, setujui=True)
    c.refresh_from_db()
    assert c.status == Cuti.Status.DIREKOMENDASIKAN


def test_tanpa_data_pegawai_tidak_bisa_mengajukan(org_a):
    with pytest.raises(PermissionDenied):
        ajukan(org_a.user_hr, senin_depan(2))


def test_cuti_wilayah_lain_tidak_terlihat(org_a, org_b, cuti_b, cuti_disetujui):
    assert list(selectors.cuti_list(actor=org_a.user_hr)) == [cuti_disetujui]
    assert cuti_b not in selectors.cuti_menunggu_tindakan(actor=org_a.user_kabid)
    assert list(selectors.cuti_list(actor=org_a.user_staf_seksi)) == []
    assert list(selectors.cuti_list(actor=org_a.user_kabid)) == [cuti_disetujui]
