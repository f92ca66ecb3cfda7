from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from asn_kinerja.demo import DEMO_PASSWORD
from pegawai.selectors import bawahan_langsung, pejabat_penilai
from pegawai.validators import validasi_nip

pytestmark = pytest.mark.django_db

AKUN = ["admin", "hr_gorontalo", "hr_mamuju", "hr_gayungan", "pimpinan_gorontalo",
        "atasan_gorontalo", "pegawai_gorontalo", "atasan_mamuju", "pegawai_mamuju",
        "atasan_gayungan", "pegawai_gayungan"]  # fmt: skip


def _jumlah_baris() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label in {"organisasi", "pegawai", "kinerja", "skm", "laporan", "auth"}
    }


def test_seed_demo_dua_kali_jumlah_baris_sama():
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    pertama = _jumlah_baris()
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    assert _jumlah_baris() == pertama
    assert pertama["organisasi.Wilayah"] == 3
    assert pertama["pegawai.Pegawai"] > 100


def test_seed_demo_akun_dan_peran():
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    for username in AKUN:
        user = authenticate(RequestFactory().post("/accounts/login/"), username=username,
                            password=DEMO_PASSWORD)  # fmt: skip
        assert user is not None, username
    Pengguna = apps.get_model("organisasi", "Pengguna")
    for w in ["gorontalo", "mamuju", "gayungan"]:
        atasan = Pengguna.objects.get(username=f"atasan_{w}").pegawai
        pegawai = Pengguna.objects.get(username=f"pegawai_{w}").pegawai
        assert atasan.wilayah.kode == w == pegawai.wilayah.kode
        assert pejabat_penilai(pegawai) == atasan, w
        assert pegawai in bawahan_langsung(atasan)
        assert Pengguna.objects.get(username=f"hr_{w}").is_admin_kepegawaian
    assert Pengguna.objects.get(username="pimpinan_gorontalo").is_pimpinan_daerah
    assert Pengguna.objects.get(username="admin").is_admin_nasional


def test_seed_demo_nip_sah_dan_zona_waktu():
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    Pegawai = apps.get_model("pegawai", "Pegawai")
    for p in Pegawai.objects.all():
        validasi_nip(p.nip, pppk=p.status_kepegawaian == "pppk", tanggal_lahir=p.tanggal_lahir,
                     jenis_kelamin=p.jenis_kelamin)  # fmt: skip
    Wilayah = apps.get_model("organisasi", "Wilayah")
    zona = dict(Wilayah.objects.values_list("kode", "zona_waktu"))
    assert zona == {
        "gorontalo": "Asia/Makassar",
        "mamuju": "Asia/Makassar",
        "gayungan": "Asia/Jakarta",
    }
    kelurahan = set(
        apps.get_model("organisasi", "UnitKerja")
        .objects.filter(wilayah__kode="gayungan", jenis="kelurahan")
        .values_list("nama", flat=True)
    )
    assert kelurahan == {"Kelurahan Gayungan", "Kelurahan Ketintang", "Kelurahan Menanggal",
                         "Kelurahan Dukuh Menanggal"}  # fmt: skip


def test_seed_demo_pegawai_massal_idempoten():
    Pegawai = apps.get_model("pegawai", "Pegawai")
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    dasar = Pegawai.objects.count()
    call_command("seed_demo", tanggal="2026-11-23", pegawai=600, verbosity=0)
    n = Pegawai.objects.count()
    assert n == dasar + 600
    UnitKerja = apps.get_model("organisasi", "UnitKerja")
    Jabatan = apps.get_model("organisasi", "Jabatan")
    units, jabatan = UnitKerja.objects.count(), Jabatan.objects.count()
    call_command("seed_demo", tanggal="2026-11-23", pegawai=600, verbosity=0)
    assert Pegawai.objects.count() == n
    assert (UnitKerja.objects.count(), Jabatan.objects.count()) == (units, jabatan)
    for p in Pegawai.objects.order_by("-pk")[:50]:
        validasi_nip(p.nip, tanggal_lahir=p.tanggal_lahir, jenis_kelamin=p.jenis_kelamin)
        assert (
            p.unit.wilayah_id == p.wilayah_id == p.jabatan.wilayah_id == p.jabatan.unit.wilayah_id
        )


def test_seed_demo_pegawai_massal_di_organisasi_realistis():
    """The generated employees get generated units (a head and <= 24 staff each, grouped
    under generated parents below the demo units), so no head rates thousands of people;
    the demo units and demo accounts keep their own people."""
    from django.db.models import Count

    from organisasi.demo import kode_unit_demo

    Pegawai = apps.get_model("pegawai", "Pegawai")
    UnitKerja = apps.get_model("organisasi", "UnitKerja")
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    di_unit_demo = Pegawai.objects.filter(unit__kode__in=kode_unit_demo()).count()
    call_command("seed_demo", tanggal="2026-11-23", pegawai=600, verbosity=0)
    assert Pegawai.objects.filter(unit__kode__in=kode_unit_demo()).count() == di_unit_demo
    baru = UnitKerja.objects.exclude(kode__in=kode_unit_demo())
    assert baru.count() >= 600 // 25
    assert all(u.path == f"{u.parent.path}{u.pk}/" for u in baru.select_related("parent"))
    terbesar = (
        Pegawai.objects.filter(unit__in=baru).values("unit").annotate(n=Count("pk")).order_by("-n")
    )
    assert terbesar[0]["n"] <= 25
    for p in Pegawai.objects.filter(unit__in=baru).order_by("pk")[:60]:
        penilai = pejabat_penilai(p)
        assert penilai is not None and penilai.pk != p.pk
        assert bawahan_langsung(penilai).count() <= 25
    kepala_demo = Pegawai.objects.get(pengguna__username="atasan_gorontalo")
    assert bawahan_langsung(kepala_demo).count() <= 40


def test_seed_demo_menolak_prod(settings):
    from django.core.management.base import CommandError

    settings.SETTINGS_MODULE = "asn_kinerja.settings.prod"
    with pytest.raises(CommandError, match="produksi"):
        call_command("seed_demo", verbosity=0)
