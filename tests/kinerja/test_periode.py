"""Performance years: opening (windows, copied settings), closing and reopening, the
closed-period guard, unit targets, and the HR pages' scoping."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from asn_kinerja.models import TransisiStatus
from kinerja.models import PeriodeKinerja, TargetUnit
from kinerja.services import periode as svc
from kinerja.services.skp import rhk_simpan
from tests.kinerja.factories import PeriodeKinerjaFactory, rantai_skp, skp_lengkap

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("granularitas", "jumlah"), [("bulanan", 12), ("triwulanan", 4), ("semesteran", 2)]
)
def test_buka_periode_jendela_dan_hari_keberatan(org_a, granularitas, jumlah):
    org_a.wilayah.hari_keberatan = 21
    org_a.wilayah.save()
    p = svc.periode_buka(
        actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027, granularitas=granularitas
    )
    assert p.periode_penilaian.count() == jumlah
    assert p.batas_hari_keberatan == 21
    assert TransisiStatus.objects.untuk(p).count() == 1


def test_buka_periode_hanya_hr_wilayahnya(org_a, org_b):
    for user in (org_a.user_kabid, org_a.user_pimpinan, org_b.user_hr):
        with pytest.raises(PermissionDenied):
            svc.periode_buka(actor=user, wilayah=org_a.wilayah, tahun=2027)
    svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027)
    with pytest.raises(ValidationError, match="sudah ada"):
        svc.periode_buka(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027)


def test_tutup_dan_buka_kembali(org_a):
    p = PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    svc.periode_tutup(actor=org_a.user_hr, periode=p)
    p.refresh_from_db()
    with pytest.raises(ValidationError, match="sudah ditutup"):
        svc.pastikan_terbuka(p)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        svc.pastikan_terbuka(p.periode_penilaian.first())
    with pytest.raises(ValidationError):
        svc.periode_buka_kembali(actor=org_a.user_hr, periode=p, catatan="")
    svc.periode_buka_kembali(actor=org_a.user_hr, periode=p, catatan="Koreksi data")
    p.refresh_from_db()
    svc.pastikan_terbuka(p)


def test_jendela_tutup(org_a):
    p = PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    jan = p.periode_penilaian.get(nomor=1)
    svc.periode_penilaian_tutup(actor=org_a.user_hr, periode_penilaian=jan)
    jan.refresh_from_db()
    with pytest.raises(ValidationError, match="Januari"):
        svc.pastikan_terbuka(jan)
    svc.pastikan_terbuka(p.periode_penilaian.get(nomor=2))
    with pytest.raises(ValidationError, match="sudah"):
        svc.periode_penilaian_tutup(actor=org_a.user_hr, periode_penilaian=jan)


def test_periode_tutup_menolak_edit_skp(org_a):
    rantai = rantai_skp(org_a)
    skp = skp_lengkap(org_a.staf_seksi, status="draf", rhk_atasan=rantai["kasi"].rhk_set.first())
    svc.periode_tutup(actor=org_a.user_hr, periode=rantai["periode"])
    with pytest.raises(ValidationError, match="sudah ditutup"):
        rhk_simpan(actor=org_a.user_staf_seksi, skp=skp, teks="Baru", jenis="utama")


def test_target_unit_hr_dan_kepala_unit(org_a, org_b):
    p = PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    t = svc.target_unit_simpan(actor=org_a.user_hr, periode=p, unit=org_a.bidang, sasaran="S",
                               indikator="I", target="T")  # fmt: skip
    svc.target_unit_simpan(actor=org_a.user_kabid, periode=p, unit=org_a.bidang, sasaran="S2",
                           indikator="I", target="T", target_unit=t)  # fmt: skip
    t.refresh_from_db()
    assert t.sasaran == "S2"
    for user in (org_a.user_kasi, org_a.user_staf, org_b.user_hr):
        with pytest.raises(PermissionDenied):
            svc.target_unit_simpan(actor=user, periode=p, unit=org_a.bidang, sasaran="X",
                                   indikator="I", target="T")  # fmt: skip


def test_halaman_periode_scoping(org_a, org_b, client_as):
    p = PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    t = TargetUnit.objects.create(
        periode_kinerja=p, unit=org_a.root, sasaran="S", indikator="I", target="T"
    )
    c = client_as(org_b.user_hr)
    assert c.get(reverse("kinerja:periode_detail", args=[p.pk])).status_code == 404
    assert c.post(reverse("kinerja:periode_tutup", args=[p.pk])).status_code == 404
    jan = p.periode_penilaian.first()
    assert c.post(reverse("kinerja:periode_penilaian_tutup", args=[jan.pk])).status_code == 404
    assert c.get(reverse("kinerja:target_update", args=[t.pk])).status_code == 404
    assert c.post(reverse("kinerja:target_delete", args=[t.pk])).status_code == 404
    assert c.get(reverse("kinerja:target_create", args=[p.pk])).status_code == 404
    s = client_as(org_a.user_staf)
    assert s.get(reverse("kinerja:periode_list")).status_code == 403
    assert s.get(reverse("kinerja:periode_detail", args=[p.pk])).status_code == 403
    assert s.post(reverse("kinerja:periode_tutup", args=[p.pk])).status_code == 403
    assert s.get(reverse("kinerja:target_create", args=[p.pk])).status_code == 403


def test_halaman_buka_periode(org_a, client_as):
    c = client_as(org_a.user_hr)
    assert c.get(reverse("kinerja:periode_list")).status_code == 200
    resp = c.post(reverse("kinerja:periode_create"),
                  {"wilayah": org_a.wilayah.pk, "tahun": "2027", "granularitas": "triwulanan"})  # fmt: skip
    p = PeriodeKinerja.objects.get(wilayah=org_a.wilayah, tahun=2027)
    assert resp.url == p.get_absolute_url()
    assert "Triwulan IV 2027" in c.get(p.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [({"tahun": ""}, "tahun"), ({"tahun": "dua ribu"}, "tahun"), ({"tahun": "1999"}, "tahun"),
     ({"tahun": "2027", "granularitas": "harian"}, "granularitas")],
)  # fmt: skip
def test_form_periode_input_buruk(org_a, client_as, data, field):
    c = client_as(org_a.user_hr)
    resp = c.post(
        reverse("kinerja:periode_create"),
        {"wilayah": org_a.wilayah.pk, "granularitas": "bulanan", **data},
    )
    assert resp.status_code == 200 and field in resp.context["form"].errors
    assert not PeriodeKinerja.objects.exists()


def test_form_periode_wilayah_lain(org_a, org_b, client_as):
    resp = client_as(org_a.user_hr).post(
        reverse("kinerja:periode_create"),
        {"wilayah": org_b.wilayah.pk, "tahun": "2027", "granularitas": "bulanan"},
    )
    assert "wilayah" in resp.context["form"].errors and not PeriodeKinerja.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"sasaran": ""}, "sasaran"),
        ({"sasaran": "x" * 1001}, "sasaran"),
        ({"urutan": "satu"}, "urutan"),
    ],
)
def test_form_target_input_buruk(org_a, client_as, data, field):
    p = PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    base = {"unit": org_a.bidang.pk, "sasaran": "S", "indikator": "I", "target": "T", "urutan": "0"}
    resp = client_as(org_a.user_hr).post(
        reverse("kinerja:target_create", args=[p.pk]), {**base, **data}
    )
    assert resp.status_code == 200 and field in resp.context["form"].errors
    assert not TargetUnit.objects.exists()


def test_form_target_unit_wilayah_lain(org_a, org_b, client_as):
    p = PeriodeKinerjaFactory(wilayah=org_a.wilayah)
    resp = client_as(org_a.user_hr).post(
        reverse("kinerja:target_create", args=[p.pk]),
        {"unit": org_b.bidang.pk, "sasaran": "S", "indikator": "I", "target": "T", "urutan": "0"},
    )
    assert "unit" in resp.context["form"].errors and not TargetUnit.objects.exists()


def test_jendela_pilihan_yang_dipilih_terakhir_dimulai_atau_pertama(org_a, org_b):
    """The one pick of the progress and curve pages: the named window, else the latest that
    has started (the clock is pinned to 2 December 2026), else the first of the year."""
    from kinerja.selectors.periode import jendela_pilihan

    p = svc.periode_buka(
        actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2026, granularitas="triwulanan"
    )
    jendela, pilihan = jendela_pilihan(actor=org_a.user_hr, periode=p)
    assert [j.nomor for j in jendela] == [1, 2, 3, 4]
    assert pilihan == jendela[3]  # Q4 started on 1 October
    _, pilihan = jendela_pilihan(actor=org_a.user_hr, periode=p, dipilih=str(jendela[1].pk))
    assert pilihan == jendela[1]
    _, pilihan = jendela_pilihan(actor=org_a.user_hr, periode=p, dipilih="bukan-angka")
    assert pilihan == jendela[3]
    depan = svc.periode_buka(
        actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2027, granularitas="semesteran"
    )
    jendela, pilihan = jendela_pilihan(actor=org_a.user_hr, periode=depan)
    assert pilihan == jendela[0]  # nothing started yet
    # another wilayah's user sees none of the windows
    assert jendela_pilihan(actor=org_b.user_hr, periode=p) == ([], None)
    assert jendela_pilihan(actor=org_a.user_hr, periode=None) == ([], None)
