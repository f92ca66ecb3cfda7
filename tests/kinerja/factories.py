"""Factories of the performance model. An SKP's wilayah follows its employee, its periode
is the employee's wilayah's year, and the evaluator is taken from the org tree."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.contenttypes.models import ContentType

from asn_kinerja.models import TransisiStatus
from kinerja.models import (
    SKP,
    EkspektasiPerilaku,
    EvaluasiPeriodik,
    IndikatorKinerja,
    PeriodeKinerja,
    PeriodePenilaian,
    RencanaHasilKerja,
)
from kinerja.rules import jendela_penilaian
from pegawai.selectors import atasan_pejabat_penilai, pejabat_penilai
from tests.factories import PegawaiFactory, WilayahFactory


class PeriodeKinerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeriodeKinerja
        django_get_or_create = ["wilayah", "tahun"]
        skip_postgeneration_save = True

    wilayah = factory.SubFactory(WilayahFactory)
    tahun = 2026
    granularitas = "bulanan"

    @factory.post_generation
    def jendela(self, create, extracted, **kwargs):
        """Creates the periodic windows (12 months by default) unless `jendela=False`."""
        if not create or extracted is False or self.periode_penilaian.exists():
            return
        for j in jendela_penilaian(self.tahun, self.granularitas):
            PeriodePenilaian.objects.create(
                periode_kinerja=self,
                nomor=j.nomor,
                nama=j.nama,
                tanggal_mulai=j.tanggal_mulai,
                tanggal_selesai=j.tanggal_selesai,
            )


def periode_penilaian(periode: PeriodeKinerja, nomor: int) -> PeriodePenilaian:
    return periode.periode_penilaian.get(nomor=nomor)


class SKPFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SKP

    pegawai = factory.SubFactory(PegawaiFactory)
    wilayah = factory.LazyAttribute(lambda o: o.pegawai.wilayah)
    periode_kinerja = factory.LazyAttribute(
        lambda o: PeriodeKinerjaFactory(wilayah=o.pegawai.wilayah)
    )
    pejabat_penilai = factory.LazyAttribute(lambda o: pejabat_penilai(o.pegawai))
    atasan_pejabat_penilai = factory.LazyAttribute(lambda o: atasan_pejabat_penilai(o.pegawai))
    pendekatan = "kuantitatif"
    status = "draf"
    is_jpt = factory.LazyAttribute(lambda o: bool(o.pegawai.jabatan and o.pegawai.jabatan.is_jpt))
    disetujui_pada = factory.LazyAttribute(
        lambda o: (
            dt.datetime(2026, 1, 15, 2, 0, tzinfo=dt.UTC)
            if o.status in {"disetujui", "revisi_diajukan"}
            else None
        )
    )


class RHKFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RencanaHasilKerja

    skp = factory.SubFactory(SKPFactory)
    urutan = factory.Sequence(lambda n: n % 50)
    teks = factory.Sequence(lambda n: f"Tersusunnya dokumen kinerja ke-{n}")
    jenis = "utama"
    rhk_atasan = None


class IndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndikatorKinerja

    rhk = factory.SubFactory(RHKFactory)
    aspek = "kuantitas"
    teks = "Jumlah dokumen yang tersusun"
    target_nilai = 12
    target_satuan = "dokumen"


class EkspektasiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EkspektasiPerilaku

    skp = factory.SubFactory(SKPFactory)
    perilaku = "berorientasi_pelayanan"
    ekspektasi = "Melayani pemohon dengan ramah dan tuntas"


class EvaluasiPeriodikFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluasiPeriodik

    skp = factory.SubFactory(SKPFactory, status="disetujui")
    periode_penilaian = factory.LazyAttribute(lambda o: periode_penilaian(o.skp.periode_kinerja, 1))
    status = "belum_diisi"


class TransisiStatusFactory(factory.django.DjangoModelFactory):
    """A row of an object's status history. `oleh` is None by default: a system step (the
    workflow stores None for anyone without an account). `TransisiStatusFactory(objek=skp,
    dari="draf", ke="diajukan", oleh=user)` for a step by a user."""

    class Meta:
        model = TransisiStatus
        exclude = ["objek"]

    objek = factory.SubFactory(SKPFactory)
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.objek))
    object_id = factory.LazyAttribute(lambda o: o.objek.pk)
    wilayah = factory.LazyAttribute(lambda o: _wilayah_objek(o.objek))
    dari = ""
    ke = "draf"
    oleh = None
    catatan = ""


def _wilayah_objek(obj):
    from asn_kinerja.workflow import wilayah_id_dari
    from organisasi.models import Wilayah

    return Wilayah.objects.get(pk=wilayah_id_dari(obj))


def riwayat_tanpa_akun(obj, *, langkah: list[tuple[str, str]], tanpa_akun) -> list[TransisiStatus]:
    """History rows of `obj` that nobody with an account took, the way production has them:
    the first step by the system (`oleh=None`), the second through the real workflow by
    `tanpa_akun`, an employee without an account (`catat_transisi` stores None), the third by
    a user whose account was deleted afterwards (SET_NULL); further steps by the system."""
    from asn_kinerja.workflow import catat_transisi
    from tests.factories import PenggunaFactory

    assert tanpa_akun.pengguna_id is None
    hasil = []
    for i, (dari, ke) in enumerate(langkah):
        if i == 1:
            hasil.append(catat_transisi(obj, dari=dari, ke=ke, oleh=tanpa_akun))
        elif i == 2:
            dihapus = PenggunaFactory(wilayah=_wilayah_objek(obj), first_name="Mantan")
            t = TransisiStatusFactory(objek=obj, dari=dari, ke=ke, oleh=dihapus)
            dihapus.delete()
            t.refresh_from_db()
            hasil.append(t)
        else:
            hasil.append(TransisiStatusFactory(objek=obj, dari=dari, ke=ke, catatan="otomatis"))
    return hasil


# --- Helpers of the planning tests (SKP chains) ----------------------------------------------

PERILAKU_SEMUA = [
    "berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif",
    "kolaboratif",
]  # fmt: skip


def ekspektasi_lengkap(skp: SKP, teks: str = "Sesuai standar pelayanan") -> None:
    for p in PERILAKU_SEMUA:
        EkspektasiPerilaku.objects.update_or_create(
            skp=skp, perilaku=p, defaults={"ekspektasi": teks}
        )


def skp_lengkap(
    pegawai,
    *,
    status: str = "disetujui",
    rhk_atasan: RencanaHasilKerja | None = None,
    target_unit=None,
    jumlah_rhk: int = 1,
    tahun: int = 2026,
) -> SKP:
    """An SKP with `jumlah_rhk` RHK (each with one indicator) cascading from `rhk_atasan`
    (or taking `target_unit` for a JPT) and the seven expectations filled."""
    periode = PeriodeKinerjaFactory(wilayah=pegawai.wilayah, tahun=tahun)
    skp = SKPFactory(pegawai=pegawai, periode_kinerja=periode, status=status)
    for i in range(jumlah_rhk):
        rhk = RHKFactory(
            skp=skp,
            urutan=i + 1,
            rhk_atasan=rhk_atasan,
            target_unit=target_unit,
            perspektif=getattr(target_unit, "perspektif", "") or "",
        )
        IndikatorFactory(rhk=rhk)
    ekspektasi_lengkap(skp)
    return skp


def rantai_skp(org, *, tahun: int = 2026) -> dict:
    """Approved SKP down the test organisation: sekda (JPT, from the root unit's target)
    -> kabid -> kasi; returns them with the target."""
    from kinerja.models import TargetUnit

    periode = PeriodeKinerjaFactory(wilayah=org.wilayah, tahun=tahun)
    target = TargetUnit.objects.create(
        periode_kinerja=periode, unit=org.root, sasaran="Meningkatnya kualitas layanan publik",
        indikator="Indeks kepuasan masyarakat", target="85", perspektif="penerima_layanan",
    )  # fmt: skip
    sekda = skp_lengkap(org.sekda, target_unit=target, tahun=tahun)
    kabid = skp_lengkap(org.kabid, rhk_atasan=sekda.rhk_set.first(), tahun=tahun)
    kasi = skp_lengkap(org.kasi, rhk_atasan=kabid.rhk_set.first(), tahun=tahun)
    return {"periode": periode, "target": target, "sekda": sekda, "kabid": kabid, "kasi": kasi}
