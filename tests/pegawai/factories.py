"""Factories of employee histories and placement data (tests of the employee-records work)."""

from __future__ import annotations

import datetime as dt

import factory

from organisasi.models import KebutuhanKompetensi, Kompetensi
from pegawai.models import (
    Diklat,
    HukumanDisiplin,
    KompetensiPegawai,
    Penghargaan,
    RiwayatJabatan,
    RiwayatPangkat,
    RiwayatPendidikan,
)
from tests.factories import PegawaiFactory


class KompetensiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kompetensi
        django_get_or_create = ["kode"]

    kode = factory.Sequence(lambda n: f"K{n:03d}")
    nama = factory.Sequence(lambda n: f"Kompetensi {n}")
    jenis = "teknis"


class KebutuhanKompetensiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KebutuhanKompetensi

    kompetensi = factory.SubFactory(KompetensiFactory)
    level = 2


class KompetensiPegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KompetensiPegawai

    pegawai = factory.SubFactory(PegawaiFactory)
    kompetensi = factory.SubFactory(KompetensiFactory)
    level = 2


class RiwayatPendidikanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiwayatPendidikan

    pegawai = factory.SubFactory(PegawaiFactory)
    tingkat = "s1"
    bidang = "Manajemen"
    institusi = factory.Sequence(lambda n: f"Universitas Uji {n}")
    tahun_lulus = 2005


class RiwayatPangkatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiwayatPangkat

    pegawai = factory.SubFactory(PegawaiFactory)
    golongan = "III/a"
    tmt = factory.Sequence(lambda n: dt.date(2010, 4, 1) + dt.timedelta(days=n))
    nomor_sk = factory.Sequence(lambda n: f"800/{n}/BKD")


class RiwayatJabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RiwayatJabatan

    pegawai = factory.SubFactory(PegawaiFactory)
    jabatan = factory.LazyAttribute(lambda o: o.pegawai.jabatan)
    unit = factory.LazyAttribute(lambda o: o.pegawai.unit)
    nama_jabatan = factory.LazyAttribute(lambda o: o.jabatan.nama if o.jabatan else "Pelaksana")
    nama_unit = factory.LazyAttribute(lambda o: o.unit.nama if o.unit else "Unit")
    tmt = factory.Sequence(lambda n: dt.date(2015, 1, 2) + dt.timedelta(days=n))


class DiklatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Diklat

    pegawai = factory.SubFactory(PegawaiFactory)
    nama = factory.Sequence(lambda n: f"Pelatihan Uji {n}")
    jenis = "teknis"
    tanggal_mulai = dt.date(2026, 3, 2)
    tanggal_selesai = dt.date(2026, 3, 4)
    jam_pelajaran = 8


class PenghargaanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Penghargaan

    pegawai = factory.SubFactory(PegawaiFactory)
    nama = factory.Sequence(lambda n: f"Satyalancana Karya Satya {n}")
    pemberi = "Presiden Republik Indonesia"
    tanggal = dt.date(2020, 8, 17)


class HukumanDisiplinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HukumanDisiplin

    pegawai = factory.SubFactory(PegawaiFactory)
    tingkat = "ringan"
    jenis = "teguran_tertulis"
    tanggal_mulai = dt.date(2024, 5, 1)
    nomor_sk = factory.Sequence(lambda n: f"862/{n}/HD")
