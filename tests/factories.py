"""Shared factories. They keep related rows consistent: a unit, its positions and its
people are always in the same wilayah, and every NIP is valid for its birth date/gender."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth.models import Group

from organisasi.choices import JenisJabatan, JenisUnit
from organisasi.models import (
    GRUP_ADMIN_KEPEGAWAIAN,
    GRUP_PIMPINAN_DAERAH,
    Jabatan,
    Pengguna,
    UnitKerja,
    Wilayah,
)
from pegawai.models import Pegawai
from pegawai.validators import buat_nip

PASSWORD = "rahasia-uji-123"


class WilayahFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wilayah
        django_get_or_create = ["kode"]

    kode = factory.Sequence(lambda n: f"wilayah-{n}")
    nama = factory.Sequence(lambda n: f"Wilayah Uji {n}")
    jenis = "kabupaten"
    nama_instansi = factory.LazyAttribute(lambda o: f"Pemerintah Kabupaten {o.nama}")
    zona_waktu = "Asia/Makassar"
    kop_baris_1 = factory.LazyAttribute(lambda o: o.nama_instansi.upper())
    kota_surat = factory.LazyAttribute(lambda o: o.nama)


class UnitKerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UnitKerja

    wilayah = factory.LazyAttribute(lambda o: o.parent.wilayah if o.parent else WilayahFactory())
    parent = None
    kode = factory.Sequence(lambda n: f"U{n:04d}")
    nama = factory.Sequence(lambda n: f"Unit Uji {n}")
    jenis = JenisUnit.BIDANG


class JabatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jabatan

    unit = factory.SubFactory(UnitKerjaFactory)
    wilayah = factory.LazyAttribute(lambda o: o.unit.wilayah)
    nama = factory.Sequence(lambda n: f"Jabatan Uji {n}")
    jenis = JenisJabatan.PELAKSANA
    kelas_jabatan = 7
    is_kepala = False
    pendidikan_minimal = "s1"


class PegawaiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pegawai

    jabatan = factory.SubFactory(JabatanFactory)
    unit = factory.LazyAttribute(lambda o: o.jabatan.unit if o.jabatan else UnitKerjaFactory())
    wilayah = factory.LazyAttribute(lambda o: o.unit.wilayah)
    nama = factory.Faker("name", locale="id_ID")
    jenis_kelamin = factory.Iterator(["L", "P"])
    tanggal_lahir = factory.Sequence(lambda n: dt.date(1975 + n % 20, 1 + n % 12, 1 + n % 28))
    tmt_cpns = factory.LazyAttribute(lambda o: dt.date(o.tanggal_lahir.year + 24, 3, 1))
    nip = factory.Sequence(lambda n: f"{n}")  # replaced in _create with a valid NIP
    status_kepegawaian = "pns"
    golongan = "III/a"
    pendidikan_terakhir = "s1"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        nip = kwargs.get("nip", "")
        if len(nip) != 18:
            kwargs["nip"] = buat_nip(
                kwargs["tanggal_lahir"],
                kwargs["tmt_cpns"],
                kwargs["jenis_kelamin"],
                1 + int(nip or 0) % 999,
            )
        return super()._create(model_class, *args, **kwargs)


class PenggunaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pengguna
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"pengguna{n}")
    wilayah = factory.SubFactory(WilayahFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def grup(self, create, extracted, **kwargs):
        if create and extracted:
            for nama in extracted:
                self.groups.add(Group.objects.get_or_create(name=nama)[0])
        if create:
            self.save()


def pengguna_hr(wilayah: Wilayah, **kw) -> Pengguna:
    return PenggunaFactory(wilayah=wilayah, grup=[GRUP_ADMIN_KEPEGAWAIAN], **kw)


def pengguna_pimpinan(wilayah: Wilayah, **kw) -> Pengguna:
    return PenggunaFactory(wilayah=wilayah, grup=[GRUP_PIMPINAN_DAERAH], **kw)


def pengguna_untuk(pegawai: Pegawai, **kw) -> Pengguna:
    user = PenggunaFactory(wilayah=pegawai.wilayah, **kw)
    pegawai.pengguna = user
    pegawai.save(update_fields=["pengguna"])
    return user
