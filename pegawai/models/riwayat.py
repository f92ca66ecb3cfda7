"""Employee histories (riwayat), the Excel/CSV import log and transfer proposals.

Each history is a dated list hanging off `Pegawai`; every queryset is region-scoped through
the employee (`pegawai__wilayah`). Writes go through `pegawai/services.py`, which also keeps
the denormalised "current" fields of `Pegawai` (golongan, pendidikan terakhir, jabatan) in
step with the newest history row.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asn_kinerja.models import TimeStampedModel
from asn_kinerja.querysets import WilayahScopedQuerySet
from organisasi.choices import TingkatPendidikan

from ..choices import GOLONGAN_CHOICES

__all__ = [
    "RiwayatPendidikan",
    "RiwayatPangkat",
    "RiwayatJabatan",
    "Diklat",
    "KompetensiPegawai",
    "Penghargaan",
    "HukumanDisiplin",
    "ImporPegawai",
    "UsulanMutasi",
]


class RiwayatQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "pegawai__wilayah"


def _pegawai_fk(related_name: str) -> models.ForeignKey:
    return models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.CASCADE,
        related_name=related_name,
        verbose_name=_("pegawai"),
    )


TAHUN_VALIDATORS = [MinValueValidator(1940), MaxValueValidator(2100)]


class RiwayatPendidikan(TimeStampedModel):
    pegawai = _pegawai_fk("riwayat_pendidikan_set")
    tingkat = models.CharField(_("tingkat"), max_length=5, choices=TingkatPendidikan.choices)
    bidang = models.CharField(_("bidang/jurusan"), max_length=100, blank=True)
    institusi = models.CharField(_("institusi"), max_length=200)
    tahun_lulus = models.PositiveSmallIntegerField(_("tahun lulus"), validators=TAHUN_VALIDATORS)
    nomor_ijazah = models.CharField(_("nomor ijazah"), max_length=60, blank=True)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        ordering = ["-tahun_lulus", "-pk"]
        verbose_name = _("riwayat pendidikan")
        verbose_name_plural = _("riwayat pendidikan")
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "tingkat", "institusi", "tahun_lulus"],
                name="riwayat_pendidikan_unik",
                violation_error_message=_("Riwayat pendidikan ini sudah tercatat."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_tingkat_display()} {self.bidang} — {self.institusi} ({self.tahun_lulus})"


class RiwayatPangkat(TimeStampedModel):
    class Jenis(models.TextChoices):
        CPNS = "cpns", _("Pengangkatan CPNS/PPPK")
        PNS = "pns", _("Pengangkatan PNS")
        REGULER = "reguler", _("Kenaikan pangkat reguler")
        PILIHAN = "pilihan", _("Kenaikan pangkat pilihan")
        PENYESUAIAN = "penyesuaian", _("Penyesuaian ijazah")
        HUKUMAN = "hukuman", _("Penurunan pangkat (hukuman disiplin)")

    pegawai = _pegawai_fk("riwayat_pangkat_set")
    golongan = models.CharField(_("golongan"), max_length=10, choices=GOLONGAN_CHOICES)
    tmt = models.DateField(_("TMT"))
    jenis = models.CharField(
        _("jenis kenaikan"), max_length=15, choices=Jenis.choices, default=Jenis.REGULER
    )
    nomor_sk = models.CharField(_("nomor SK"), max_length=80, blank=True)
    tanggal_sk = models.DateField(_("tanggal SK"), null=True, blank=True)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        ordering = ["-tmt", "-pk"]
        verbose_name = _("riwayat pangkat")
        verbose_name_plural = _("riwayat pangkat")
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "golongan", "tmt"],
                name="riwayat_pangkat_unik",
                violation_error_message=_("Pangkat dengan TMT ini sudah tercatat."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.golongan} TMT {self.tmt:%d-%m-%Y}"


class RiwayatJabatan(TimeStampedModel):
    """One position held from `tmt` (every appointment, transfer or promotion). The names are
    copied so the history survives a renamed or deactivated unit/position."""

    class Jenis(models.TextChoices):
        PENGANGKATAN = "pengangkatan", _("Pengangkatan")
        MUTASI = "mutasi", _("Mutasi")
        PROMOSI = "promosi", _("Promosi")
        ROTASI = "rotasi", _("Rotasi")
        DEMOSI = "demosi", _("Penurunan jabatan")

    pegawai = _pegawai_fk("riwayat_jabatan_set")
    jabatan = models.ForeignKey(
        "organisasi.Jabatan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("jabatan"),
    )
    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit kerja"),
    )
    nama_jabatan = models.CharField(_("nama jabatan"), max_length=200)
    nama_unit = models.CharField(_("nama unit kerja"), max_length=200)
    jenis = models.CharField(
        _("jenis"), max_length=15, choices=Jenis.choices, default=Jenis.PENGANGKATAN
    )
    tmt = models.DateField(_("TMT"))
    nomor_sk = models.CharField(_("nomor SK"), max_length=80, blank=True)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        ordering = ["-tmt", "-pk"]
        verbose_name = _("riwayat jabatan")
        verbose_name_plural = _("riwayat jabatan")
        indexes = [models.Index(fields=["pegawai", "-tmt"])]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "nama_jabatan", "tmt"],
                name="riwayat_jabatan_unik",
                violation_error_message=_("Jabatan dengan TMT ini sudah tercatat."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama_jabatan} — {self.nama_unit} (TMT {self.tmt:%d-%m-%Y})"


class Diklat(TimeStampedModel):
    """Training (diklat / pengembangan kompetensi) with its hours (JP). DOMAIN.md section 4:
    every ASN is entitled to at least 20 JP a year."""

    class Jenis(models.TextChoices):
        KEPEMIMPINAN = "kepemimpinan", _("Pelatihan kepemimpinan (PKA/PKP/PKN)")
        FUNGSIONAL = "fungsional", _("Pelatihan fungsional")
        TEKNIS = "teknis", _("Pelatihan teknis")
        PRAJABATAN = "prajabatan", _("Pelatihan dasar CPNS")
        SEMINAR = "seminar", _("Seminar/lokakarya/webinar")
        KURSUS = "kursus", _("Kursus/e-learning")

    pegawai = _pegawai_fk("diklat_set")
    nama = models.CharField(_("nama diklat"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=15, choices=Jenis.choices)
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    jam_pelajaran = models.PositiveSmallIntegerField(
        _("jam pelajaran (JP)"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    nomor_sertifikat = models.CharField(_("nomor sertifikat"), max_length=80, blank=True)
    sertifikat = models.FileField(
        _("berkas sertifikat"),
        upload_to="pegawai/sertifikat/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png"])],
        help_text=_("PDF/JPG/PNG, paling besar 5 MB."),
    )

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        ordering = ["-tanggal_mulai", "-pk"]
        verbose_name = _("diklat")
        verbose_name_plural = _("diklat")
        indexes = [models.Index(fields=["pegawai", "tanggal_selesai"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_selesai__gte=models.F("tanggal_mulai")),
                name="diklat_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.UniqueConstraint(
                fields=["pegawai", "nama", "tanggal_mulai"],
                name="diklat_unik",
                violation_error_message=_("Diklat ini sudah tercatat."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.jam_pelajaran} JP)"


class KompetensiPegawai(TimeStampedModel):
    """A competency an employee holds at an assessed level (compared with
    `organisasi.KebutuhanKompetensi.level` for placement)."""

    pegawai = _pegawai_fk("kompetensi_set")
    kompetensi = models.ForeignKey(
        "organisasi.Kompetensi",
        on_delete=models.PROTECT,
        related_name="pemilik_set",
        verbose_name=_("kompetensi"),
    )
    level = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    tanggal_asesmen = models.DateField(_("tanggal asesmen"), null=True, blank=True)
    sumber = models.CharField(
        _("sumber penilaian"), max_length=150, blank=True, help_text=_("Mis. asesmen BKD 2025.")
    )

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        ordering = ["kompetensi__jenis", "kompetensi__nama"]
        verbose_name = _("kompetensi pegawai")
        verbose_name_plural = _("kompetensi pegawai")
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "kompetensi"],
                name="kompetensi_pegawai_unik",
                violation_error_message=_("Kompetensi ini sudah tercatat untuk pegawai ini."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kompetensi} (level {self.level})"


class Penghargaan(TimeStampedModel):
    pegawai = _pegawai_fk("penghargaan_set")
    nama = models.CharField(_("nama penghargaan"), max_length=200)
    pemberi = models.CharField(_("pemberi"), max_length=200)
    tanggal = models.DateField(_("tanggal"))
    nomor_sk = models.CharField(_("nomor SK/piagam"), max_length=80, blank=True)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        ordering = ["-tanggal", "-pk"]
        verbose_name = _("penghargaan")
        verbose_name_plural = _("penghargaan")
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "nama", "tanggal"],
                name="penghargaan_unik",
                violation_error_message=_("Penghargaan ini sudah tercatat."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.tanggal:%Y})"


class HukumanDisiplin(TimeStampedModel):
    """A disciplinary sanction imposed by decree (PP 94/2021)."""

    class Tingkat(models.TextChoices):
        RINGAN = "ringan", _("Ringan")
        SEDANG = "sedang", _("Sedang")
        BERAT = "berat", _("Berat")

    class Jenis(models.TextChoices):
        TEGURAN_LISAN = "teguran_lisan", _("Teguran lisan")
        TEGURAN_TERTULIS = "teguran_tertulis", _("Teguran tertulis")
        TIDAK_PUAS = "pernyataan_tidak_puas", _("Pernyataan tidak puas secara tertulis")
        POTONG_TPP_6 = "tpp_6", _("Pemotongan tunjangan kinerja 25% selama 6 bulan")
        POTONG_TPP_9 = "tpp_9", _("Pemotongan tunjangan kinerja 25% selama 9 bulan")
        POTONG_TPP_12 = "tpp_12", _("Pemotongan tunjangan kinerja 25% selama 12 bulan")
        PENURUNAN_JABATAN = "penurunan_jabatan", _("Penurunan jabatan setingkat lebih rendah")
        PELAKSANA = "pelaksana_12", _("Pembebasan dari jabatan menjadi pelaksana")
        PEMBERHENTIAN = (
            "pemberhentian",
            _("Pemberhentian dengan hormat tidak atas permintaan sendiri"),
        )

    #: PP 94/2021 Pasal 8: which kinds belong to which level.
    TINGKAT_JENIS = {
        Tingkat.RINGAN: {Jenis.TEGURAN_LISAN, Jenis.TEGURAN_TERTULIS, Jenis.TIDAK_PUAS},
        Tingkat.SEDANG: {Jenis.POTONG_TPP_6, Jenis.POTONG_TPP_9, Jenis.POTONG_TPP_12},
        Tingkat.BERAT: {Jenis.PENURUNAN_JABATAN, Jenis.PELAKSANA, Jenis.PEMBERHENTIAN},
    }

    pegawai = _pegawai_fk("hukuman_disiplin_set")
    tingkat = models.CharField(_("tingkat"), max_length=10, choices=Tingkat.choices)
    jenis = models.CharField(_("jenis hukuman"), max_length=25, choices=Jenis.choices)
    tanggal_mulai = models.DateField(_("berlaku mulai"))
    tanggal_selesai = models.DateField(_("berlaku sampai"), null=True, blank=True)
    nomor_sk = models.CharField(_("nomor SK"), max_length=80)
    pelanggaran = models.CharField(_("pelanggaran"), max_length=300, blank=True)

    objects = RiwayatQuerySet.as_manager()

    class Meta:
        ordering = ["-tanggal_mulai", "-pk"]
        verbose_name = _("hukuman disiplin")
        verbose_name_plural = _("hukuman disiplin")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_selesai__isnull=True)
                | models.Q(tanggal_selesai__gte=models.F("tanggal_mulai")),
                name="hukdis_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.UniqueConstraint(
                fields=["pegawai", "nomor_sk"],
                name="hukdis_sk_unik",
                violation_error_message=_("SK hukuman ini sudah tercatat untuk pegawai ini."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} ({self.nomor_sk})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if self.tingkat and self.jenis and self.jenis not in self.TINGKAT_JENIS[self.tingkat]:
            raise ValidationError(
                {"jenis": _("Jenis hukuman ini tidak termasuk tingkat yang dipilih.")}
            )


class ImporPegawaiQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"


class ImporPegawai(TimeStampedModel):
    """One uploaded Excel/CSV file: its parsed rows and per-row errors (the preview), then,
    once committed, the import result. All rows are created in one transaction or none."""

    class Status(models.TextChoices):
        PRATINJAU = "pratinjau", _("Pratinjau")
        DIIMPOR = "diimpor", _("Diimpor")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.CASCADE,
        related_name="impor_pegawai_set",
        verbose_name=_("wilayah"),
    )
    nama_file = models.CharField(_("nama file"), max_length=255)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PRATINJAU
    )
    baris = models.JSONField(_("baris"), default=list, blank=True)
    jumlah_baris = models.PositiveIntegerField(_("jumlah baris"), default=0)
    jumlah_galat = models.PositiveIntegerField(_("baris bermasalah"), default=0)
    jumlah_dibuat = models.PositiveIntegerField(_("pegawai dibuat"), default=0)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diunggah oleh"),
    )
    diimpor_pada = models.DateTimeField(_("diimpor pada"), null=True, blank=True)

    objects = ImporPegawaiQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("impor pegawai")
        verbose_name_plural = _("impor pegawai")

    def __str__(self) -> str:
        return self.nama_file

    def get_absolute_url(self) -> str:
        return reverse("pegawai:impor_detail", args=[self.pk])


class UsulanMutasiQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "pegawai__wilayah"

    def menunggu(self) -> UsulanMutasiQuerySet:
        return self.filter(status=UsulanMutasi.Status.DIUSULKAN)


class UsulanMutasi(TimeStampedModel):
    """A proposed transfer from the placement page. An HR officer confirms it (with TMT and
    decree number), which moves the employee and writes their riwayat jabatan, or rejects it."""

    class Status(models.TextChoices):
        DIUSULKAN = "diusulkan", _("Menunggu konfirmasi")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")

    pegawai = _pegawai_fk("usulan_mutasi_set")
    jabatan_asal = models.ForeignKey(
        "organisasi.Jabatan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("jabatan asal"),
    )
    jabatan_tujuan = models.ForeignKey(
        "organisasi.Jabatan",
        on_delete=models.PROTECT,
        related_name="usulan_mutasi_set",
        verbose_name=_("jabatan tujuan"),
    )
    skor = models.PositiveSmallIntegerField(_("skor kecocokan"), default=0)
    alasan = models.CharField(_("alasan"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DIUSULKAN
    )
    diusulkan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diusulkan oleh"),
    )
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diputuskan oleh"),
    )
    diputuskan_pada = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    tmt = models.DateField(_("TMT jabatan baru"), null=True, blank=True)
    nomor_sk = models.CharField(_("nomor SK"), max_length=80, blank=True)
    catatan = models.CharField(_("catatan keputusan"), max_length=500, blank=True)

    objects = UsulanMutasiQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("usulan mutasi")
        verbose_name_plural = _("usulan mutasi")
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai"],
                condition=models.Q(status="diusulkan"),
                name="usulan_mutasi_satu_menunggu_per_pegawai",
                violation_error_message=_(
                    "Pegawai ini sudah memiliki usulan mutasi yang menunggu."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} -> {self.jabatan_tujuan}"

    def get_absolute_url(self) -> str:
        return reverse("pegawai:usulan_mutasi_detail", args=[self.pk])
