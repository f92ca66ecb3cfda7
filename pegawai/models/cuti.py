"""Leave (cuti), holiday calendar and attendance import. Owned by the leave/attendance work.

Rules: DOMAIN.md sections 5 and 6 (PP 11/2017 jo. PP 17/2020; PP 94/2021). The rules live in
`pegawai/cuti/services/`; the models hold fields, constraints and one-row properties.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asn_kinerja.models import TimeStampedModel
from asn_kinerja.querysets import WilayahScopedQuerySet

__all__ = [
    "HariLibur",
    "PengaturanCuti",
    "Cuti",
    "ImporKehadiran",
    "PresensiMesin",
]


class HariLiburQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"


class HariLibur(TimeStampedModel):
    """A non-working day of one wilayah: a national holiday, a cuti bersama or a regional
    holiday. Each wilayah keeps its own calendar (HR edits it)."""

    class Jenis(models.TextChoices):
        NASIONAL = "nasional", _("Libur nasional")
        CUTI_BERSAMA = "cuti_bersama", _("Cuti bersama")
        DAERAH = "daerah", _("Libur daerah")

    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.CASCADE,
        related_name="hari_libur_set",
        verbose_name=_("wilayah"),
    )
    tanggal = models.DateField(_("tanggal"))
    nama = models.CharField(_("keterangan"), max_length=150)
    jenis = models.CharField(_("jenis"), max_length=15, choices=Jenis.choices)

    objects = HariLiburQuerySet.as_manager()

    class Meta:
        ordering = ["tanggal"]
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        constraints = [
            models.UniqueConstraint(
                fields=["wilayah", "tanggal"],
                name="harilibur_satu_per_tanggal",
                violation_error_message=_("Tanggal ini sudah terdaftar sebagai hari libur."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"


class PengaturanCutiQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"


class PengaturanCuti(TimeStampedModel):
    """Per-wilayah leave settings: who decides leave requests. Without a designated official
    the wilayah's admin kepegawaian decides on behalf of the PPK (DOMAIN.md section 5)."""

    wilayah = models.OneToOneField(
        "organisasi.Wilayah",
        on_delete=models.CASCADE,
        related_name="pengaturan_cuti",
        verbose_name=_("wilayah"),
    )
    pejabat_pemutus = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pejabat yang memutus cuti"),
        help_text=_("Kosongkan agar admin kepegawaian memutus atas nama PPK."),
    )
    jabatan_penandatangan = models.CharField(
        _("jabatan penandatangan surat"),
        max_length=150,
        blank=True,
        help_text=_("Mis. 'a.n. Gubernur Gorontalo, Kepala BKD'."),
    )

    objects = PengaturanCutiQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengaturan cuti")
        verbose_name_plural = _("pengaturan cuti")

    def __str__(self) -> str:
        return str(self.wilayah)


class CutiQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "pegawai__wilayah"

    def aktif(self) -> CutiQuerySet:
        """Requests that hold their dates (and balance): pending or approved."""
        return self.filter(status__in=Cuti.STATUS_AKTIF)


class Cuti(TimeStampedModel):
    """A leave request and, once approved, the leave itself."""

    class Jenis(models.TextChoices):
        TAHUNAN = "tahunan", _("Cuti tahunan")
        BESAR = "besar", _("Cuti besar")
        SAKIT = "sakit", _("Cuti sakit")
        MELAHIRKAN = "melahirkan", _("Cuti melahirkan")
        ALASAN_PENTING = "alasan_penting", _("Cuti karena alasan penting")
        CLTN = "cltn", _("Cuti di luar tanggungan negara")

    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("Menunggu rekomendasi atasan")
        DIREKOMENDASIKAN = "direkomendasikan", _("Menunggu keputusan")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    STATUS_AKTIF = (Status.DIAJUKAN, Status.DIREKOMENDASIKAN, Status.DISETUJUI)
    STATUS_MENUNGGU = (Status.DIAJUKAN, Status.DIREKOMENDASIKAN)

    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.CASCADE,
        related_name="cuti_set",
        verbose_name=_("pegawai"),
    )
    jenis = models.CharField(_("jenis cuti"), max_length=20, choices=Jenis.choices)
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    jumlah_hari_kerja = models.PositiveSmallIntegerField(_("jumlah hari kerja"), default=0)
    alasan = models.CharField(_("alasan"), max_length=500)
    alamat_selama_cuti = models.CharField(_("alamat selama cuti"), max_length=255, blank=True)
    telepon = models.CharField(_("telepon selama cuti"), max_length=30, blank=True)
    anak_ke = models.PositiveSmallIntegerField(_("kelahiran anak ke-"), null=True, blank=True)
    dokter_pemerintah = models.BooleanField(_("surat keterangan dokter pemerintah"), default=False)
    lampiran = models.FileField(_("lampiran"), upload_to="cuti/lampiran/%Y/", blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DIAJUKAN
    )
    atasan = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cuti_direkomendasikan_set",
        verbose_name=_("atasan langsung"),
    )
    catatan_atasan = models.CharField(_("catatan atasan"), max_length=500, blank=True)
    direkomendasikan_pada = models.DateTimeField(_("direkomendasikan pada"), null=True, blank=True)
    diputuskan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diputuskan oleh"),
    )
    catatan_keputusan = models.CharField(_("catatan keputusan"), max_length=500, blank=True)
    diputuskan_pada = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    nomor_surat = models.CharField(_("nomor surat"), max_length=60, blank=True)

    objects = CutiQuerySet.as_manager()

    class Meta:
        ordering = ["-tanggal_mulai", "-pk"]
        verbose_name = _("cuti")
        verbose_name_plural = _("cuti")
        indexes = [
            models.Index(fields=["pegawai", "status", "tanggal_mulai"]),
            models.Index(fields=["status", "tanggal_mulai"]),
            models.Index(fields=["atasan", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_selesai__gte=models.F("tanggal_mulai")),
                name="cuti_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.tanggal_mulai:%d-%m-%Y}–{self.tanggal_selesai:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("pegawai:cuti_detail", args=[self.pk])

    @property
    def jumlah_hari_kalender(self) -> int:
        return (self.tanggal_selesai - self.tanggal_mulai).days + 1

    @property
    def menunggu(self) -> bool:
        return self.status in self.STATUS_MENUNGGU


class ImporKehadiranQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"


class ImporKehadiran(TimeStampedModel):
    """One upload of a fingerprint-machine export (CSV: NIP, timestamp) and its report."""

    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.CASCADE,
        related_name="impor_kehadiran_set",
        verbose_name=_("wilayah"),
    )
    nama_file = models.CharField(_("nama file"), max_length=255)
    sha256 = models.CharField(_("sidik file (SHA-256)"), max_length=64)
    diimpor_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("diimpor oleh"),
    )
    jumlah_baris = models.PositiveIntegerField(_("jumlah baris"), default=0)
    jumlah_presensi_baru = models.PositiveIntegerField(_("presensi baru"), default=0)
    jumlah_duplikat = models.PositiveIntegerField(_("presensi sudah ada"), default=0)
    jumlah_hari_diperbarui = models.PositiveIntegerField(_("hari kehadiran diperbarui"), default=0)
    nip_tidak_dikenal = models.JSONField(_("NIP tidak dikenal"), default=list, blank=True)
    baris_tidak_sah = models.JSONField(_("baris tidak sah"), default=list, blank=True)

    objects = ImporKehadiranQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("impor kehadiran")
        verbose_name_plural = _("impor kehadiran")

    def __str__(self) -> str:
        return f"{self.nama_file} ({self.created_at:%d-%m-%Y %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("pegawai:kehadiran_impor_detail", args=[self.pk])


class PresensiMesinQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "pegawai__wilayah"


class PresensiMesin(models.Model):
    """One raw punch of the fingerprint machine (UTC). Unique per employee and instant, so
    importing the same file twice adds nothing; the day's Kehadiran is derived from the
    punches (first = in, last = out)."""

    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.CASCADE,
        related_name="presensi_mesin_set",
        verbose_name=_("pegawai"),
    )
    waktu = models.DateTimeField(_("waktu"))
    impor = models.ForeignKey(
        ImporKehadiran,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presensi_set",
        verbose_name=_("impor"),
    )

    objects = PresensiMesinQuerySet.as_manager()

    class Meta:
        ordering = ["waktu"]
        verbose_name = _("presensi mesin")
        verbose_name_plural = _("presensi mesin")
        constraints = [
            models.UniqueConstraint(fields=["pegawai", "waktu"], name="presensi_mesin_unik")
        ]

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.waktu:%Y-%m-%d %H:%M}"
