"""Development of the employee's competence (DOMAIN.md sections 4 and 8).

- `ProgramPengembangan`: the wilayah's catalogue, managed by HR.
- `PendaftaranProgram`: an employee's request to join a programme: diajukan ->
  disetujui_atasan (pejabat penilai) -> disetujui (HR) -> selesai (HR, writes a `Diklat`);
  ditolak at either approval (note required); dibatalkan by the employee before approval.
- `RencanaPengembangan` (IDP): one per employee per year, agreed with the pejabat penilai:
  draf -> diajukan -> disetujui / dikembalikan (note required) -> (edited) diajukan again.
- `KegiatanPengembangan`: the IDP's activities (pelatihan, coaching, mentoring, magang...).
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asn_kinerja.models import TimeStampedModel

from .querysets import KegiatanQuerySet, PendaftaranQuerySet, ProgramQuerySet, RencanaQuerySet


class JenisPengembangan(models.TextChoices):
    PELATIHAN = "pelatihan", _("Pelatihan")
    COACHING = "coaching", _("Coaching")
    MENTORING = "mentoring", _("Mentoring")
    MAGANG = "magang", _("Magang")
    LAINNYA = "lainnya", _("Lainnya")


JP_VALIDATORS = [MinValueValidator(1), MaxValueValidator(2000)]


class ProgramPengembangan(TimeStampedModel):
    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        related_name="program_pengembangan_set",
        verbose_name=_("wilayah"),
    )
    judul = models.CharField(_("judul"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=15, choices=JenisPengembangan.choices)
    kompetensi = models.ForeignKey(
        "organisasi.Kompetensi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="program_set",
        verbose_name=_("kompetensi yang dikembangkan"),
    )
    jam_pelajaran = models.PositiveSmallIntegerField(
        _("jam pelajaran (JP)"), validators=JP_VALIDATORS
    )
    tanggal_mulai = models.DateField(_("tanggal mulai"))
    tanggal_selesai = models.DateField(_("tanggal selesai"))
    kuota = models.PositiveSmallIntegerField(
        _("kuota peserta"), validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    penyelenggara = models.CharField(_("penyelenggara"), max_length=200)
    deskripsi = models.TextField(_("deskripsi"), blank=True, max_length=5000)
    terbuka = models.BooleanField(
        _("pendaftaran dibuka"),
        default=True,
        help_text=_("Pegawai hanya dapat mendaftar bila dibuka."),
    )

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["-tanggal_mulai", "judul", "pk"]
        verbose_name = _("program pengembangan")
        verbose_name_plural = _("program pengembangan")
        indexes = [models.Index(fields=["wilayah", "terbuka", "tanggal_mulai"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(tanggal_selesai__gte=models.F("tanggal_mulai")),
                name="program_selesai_setelah_mulai",
                violation_error_message=_("Tanggal selesai tidak boleh sebelum tanggal mulai."),
            ),
            models.UniqueConstraint(
                fields=["wilayah", "judul", "tanggal_mulai"],
                name="program_pengembangan_unik",
                violation_error_message=_("Program dengan judul dan tanggal mulai ini sudah ada."),
            ),
        ]

    def __str__(self) -> str:
        return self.judul

    def get_absolute_url(self) -> str:
        return reverse("pengembangan:program_detail", args=[self.pk])


class PendaftaranProgram(TimeStampedModel):
    class Status(models.TextChoices):
        DIAJUKAN = "diajukan", _("Diajukan")
        DISETUJUI_ATASAN = "disetujui_atasan", _("Disetujui atasan")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")
        SELESAI = "selesai", _("Selesai")
        DIBATALKAN = "dibatalkan", _("Dibatalkan")

    #: Statuses that hold a seat of the quota.
    MENEMPATI_KUOTA = (Status.DIAJUKAN, Status.DISETUJUI_ATASAN, Status.DISETUJUI, Status.SELESAI)

    program = models.ForeignKey(
        ProgramPengembangan,
        on_delete=models.PROTECT,
        related_name="pendaftaran_set",
        verbose_name=_("program"),
    )
    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.CASCADE,
        related_name="pendaftaran_program_set",
        verbose_name=_("pegawai"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DIAJUKAN
    )
    alasan = models.CharField(_("alasan mengikuti"), max_length=500, blank=True)
    catatan = models.CharField(_("catatan terakhir"), max_length=1000, blank=True)
    jp_realisasi = models.PositiveSmallIntegerField(
        _("JP yang diselesaikan"), null=True, blank=True, validators=JP_VALIDATORS
    )
    diklat = models.OneToOneField(
        "pegawai.Diklat",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pendaftaran_program",
        verbose_name=_("riwayat diklat"),
    )

    objects = PendaftaranQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pendaftaran program")
        verbose_name_plural = _("pendaftaran program")
        indexes = [
            models.Index(fields=["program", "status"]),
            models.Index(fields=["pegawai", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "pegawai"],
                condition=models.Q(
                    status__in=["diajukan", "disetujui_atasan", "disetujui", "selesai"]
                ),
                name="pendaftaran_program_aktif_unik",
                violation_error_message=_("Anda sudah terdaftar pada program ini."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pegawai} — {self.program}"


class RencanaPengembangan(TimeStampedModel):
    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        DIAJUKAN = "diajukan", _("Diajukan")
        DISETUJUI = "disetujui", _("Disetujui")
        DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")

    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.CASCADE,
        related_name="rencana_pengembangan_set",
        verbose_name=_("pegawai"),
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    tujuan = models.TextField(_("tujuan pengembangan"), max_length=3000)
    target_jp = models.PositiveSmallIntegerField(
        _("target JP"), validators=[MinValueValidator(1), MaxValueValidator(2000)]
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.DRAF
    )
    catatan = models.CharField(_("catatan atasan"), max_length=1000, blank=True)
    disetujui_oleh = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("disetujui oleh"),
    )

    objects = RencanaQuerySet.as_manager()

    class Meta:
        ordering = ["-tahun", "pk"]
        verbose_name = _("rencana pengembangan individu")
        verbose_name_plural = _("rencana pengembangan individu")
        indexes = [models.Index(fields=["status", "tahun"])]
        constraints = [
            models.UniqueConstraint(
                fields=["pegawai", "tahun"],
                name="rencana_pengembangan_unik",
                violation_error_message=_("Rencana pengembangan tahun ini sudah ada."),
            )
        ]

    def __str__(self) -> str:
        return f"IDP {self.tahun} — {self.pegawai}"

    def get_absolute_url(self) -> str:
        return reverse("pengembangan:rencana_detail", args=[self.pk])

    @property
    def bisa_diubah(self) -> bool:
        return self.status in (self.Status.DRAF, self.Status.DIKEMBALIKAN)


class KegiatanPengembangan(TimeStampedModel):
    class Status(models.TextChoices):
        RENCANA = "rencana", _("Rencana")
        BERJALAN = "berjalan", _("Berjalan")
        SELESAI = "selesai", _("Selesai")

    rencana = models.ForeignKey(
        RencanaPengembangan,
        on_delete=models.CASCADE,
        related_name="kegiatan_set",
        verbose_name=_("rencana pengembangan"),
    )
    jenis = models.CharField(_("jenis"), max_length=15, choices=JenisPengembangan.choices)
    judul = models.CharField(_("judul kegiatan"), max_length=200)
    kompetensi = models.ForeignKey(
        "organisasi.Kompetensi",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kesenjangan kompetensi yang ditutup"),
    )
    jp_rencana = models.PositiveSmallIntegerField(_("JP direncanakan"), validators=JP_VALIDATORS)
    bulan_rencana = models.PositiveSmallIntegerField(
        _("bulan pelaksanaan"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RENCANA
    )

    objects = KegiatanQuerySet.as_manager()

    class Meta:
        ordering = ["bulan_rencana", "pk"]
        verbose_name = _("kegiatan pengembangan")
        verbose_name_plural = _("kegiatan pengembangan")

    def __str__(self) -> str:
        return self.judul
