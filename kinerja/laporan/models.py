"""Recap tables (one row per period and employee / unit / wilayah) and the background jobs
(`ProsesLaporan`) that compute recaps and render the large PDF reports.

The recap rows are written only by `services.rekap_hitung` (set-based SQL, upsert on the
unique keys below); dashboards, exports and PDFs read them, so their cost does not grow with
the size of the evaluation tables.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asn_kinerja.models import TimeStampedModel
from asn_kinerja.querysets import WilayahScopedQuerySet
from kinerja.choices import Predikat, PredikatOrganisasi, StatusEvaluasi, StatusSKP


class RekapQuerySet(WilayahScopedQuerySet):
    """Recap rows carry their own (denormalised) wilayah."""


class RekapAngka(models.Model):
    """The counts shared by the unit and the wilayah recap."""

    jumlah_pegawai = models.PositiveIntegerField(_("jumlah pegawai"), default=0)
    jumlah_sangat_baik = models.PositiveIntegerField(_("Sangat Baik"), default=0)
    jumlah_baik = models.PositiveIntegerField(_("Baik"), default=0)
    jumlah_butuh_perbaikan = models.PositiveIntegerField(_("Butuh Perbaikan"), default=0)
    jumlah_kurang = models.PositiveIntegerField(_("Kurang/Misconduct"), default=0)
    jumlah_sangat_kurang = models.PositiveIntegerField(_("Sangat Kurang"), default=0)
    jumlah_belum_dinilai = models.PositiveIntegerField(_("belum dinilai"), default=0)
    jumlah_tanpa_skp = models.PositiveIntegerField(_("tanpa SKP"), default=0)
    jumlah_skp_disetujui = models.PositiveIntegerField(_("SKP disetujui"), default=0)
    jumlah_evaluasi_dinilai = models.PositiveIntegerField(
        _("evaluasi dinilai"), default=0, help_text=_("Dinilai atau final.")
    )
    jumlah_evaluasi_final = models.PositiveIntegerField(_("evaluasi final"), default=0)
    jumlah_menunggu_penilai = models.PositiveIntegerField(
        _("menunggu pejabat penilai"),
        default=0,
        help_text=_("SKP diajukan atau realisasi diajukan, belum ditindaklanjuti atasan."),
    )
    hari_tercatat = models.PositiveIntegerField(_("hari kerja tercatat"), default=0)
    hari_hadir = models.PositiveIntegerField(_("hari hadir"), default=0)
    hari_alpa = models.PositiveIntegerField(_("hari tanpa keterangan"), default=0)
    menit_terlambat = models.PositiveBigIntegerField(_("menit terlambat"), default=0)
    menit_pulang_cepat = models.PositiveBigIntegerField(_("menit pulang cepat"), default=0)
    # Wilayah: the last recap run (written every run). Unit: the run that last changed the
    # row (a rerun leaves unchanged rows alone).
    dihitung_pada = models.DateTimeField(_("dihitung pada"))

    class Meta:
        abstract = True

    @property
    def persen_kehadiran(self) -> float | None:
        return 100 * self.hari_hadir / self.hari_tercatat if self.hari_tercatat else None

    @property
    def persen_skp(self) -> float | None:
        return (
            100 * self.jumlah_skp_disetujui / self.jumlah_pegawai if self.jumlah_pegawai else None
        )

    @property
    def persen_dinilai(self) -> float | None:
        return (
            100 * self.jumlah_evaluasi_dinilai / self.jumlah_pegawai
            if self.jumlah_pegawai
            else None
        )

    @property
    def distribusi(self) -> list[tuple[str, str, int]]:
        """(value, label, count) per predikat, best first, then "belum dinilai"."""
        return [
            *[(p.value, p.label, getattr(self, f"jumlah_{p.value}")) for p in Predikat],
            ("", _("Belum dinilai"), self.jumlah_belum_dinilai),
        ]


#: The count columns of `RekapAngka` (unit and wilayah recap rows), in the order the recap SQL
#: writes them (`services.rekap`) and the dashboards and the PDF sum them (`selectors`).
KOLOM_ANGKA = (
    "jumlah_pegawai", "jumlah_sangat_baik", "jumlah_baik", "jumlah_butuh_perbaikan",
    "jumlah_kurang", "jumlah_sangat_kurang", "jumlah_belum_dinilai", "jumlah_tanpa_skp",
    "jumlah_skp_disetujui", "jumlah_evaluasi_dinilai", "jumlah_evaluasi_final",
    "jumlah_menunggu_penilai", "hari_tercatat", "hari_hadir", "hari_alpa", "menit_terlambat",
    "menit_pulang_cepat",
)  # fmt: skip


class RekapPegawai(models.Model):
    """One employee in one evaluation window: plan, evaluation, realisation completeness,
    daily-log count and attendance. `unit` and `pejabat_penilai` are as they were when the
    recap ran."""

    # No single-column index on these two: the unique (periode_penilaian, pegawai) and the
    # (pegawai, periode_penilaian) index serve every lookup, and each index is one more write
    # per changed row of every recap.
    periode_penilaian = models.ForeignKey(
        "kinerja.PeriodePenilaian",
        on_delete=models.CASCADE,
        related_name="rekap_pegawai_set",
        verbose_name=_("periode penilaian"),
        db_index=False,
    )
    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.CASCADE,
        related_name="rekap_set",
        verbose_name=_("pegawai"),
        db_index=False,
    )
    wilayah = models.ForeignKey(
        "organisasi.Wilayah", on_delete=models.CASCADE, related_name="+", verbose_name=_("wilayah")
    )
    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.CASCADE,
        related_name="rekap_pegawai_set",
        verbose_name=_("unit kerja"),
    )
    skp = models.ForeignKey(
        "kinerja.SKP",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("SKP"),
    )
    pejabat_penilai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pejabat penilai"),
    )
    status_skp = models.CharField(
        _("status SKP"), max_length=20, choices=StatusSKP.choices, blank=True
    )
    evaluasi = models.ForeignKey(
        "kinerja.EvaluasiPeriodik",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("evaluasi periodik"),
    )
    status_evaluasi = models.CharField(
        _("status evaluasi"), max_length=20, choices=StatusEvaluasi.choices, blank=True
    )
    rating_hasil = models.CharField(_("rating hasil kerja"), max_length=10, blank=True)
    rating_perilaku = models.CharField(_("rating perilaku kerja"), max_length=10, blank=True)
    # Not indexed alone (5 values): lists filter it within one window, which the
    # (periode_penilaian, ...) indexes find.
    predikat = models.CharField(_("predikat"), max_length=20, choices=Predikat.choices, blank=True)
    jumlah_indikator = models.PositiveIntegerField(_("jumlah indikator"), default=0)
    jumlah_realisasi = models.PositiveIntegerField(_("indikator terealisasi"), default=0)
    jumlah_log_harian = models.PositiveIntegerField(_("log harian"), default=0)
    hari_tercatat = models.PositiveIntegerField(_("hari kerja tercatat"), default=0)
    hari_hadir = models.PositiveIntegerField(_("hari hadir"), default=0)
    hari_terlambat = models.PositiveIntegerField(_("hari terlambat"), default=0)
    hari_alpa = models.PositiveIntegerField(_("hari tanpa keterangan"), default=0)
    menit_terlambat = models.PositiveIntegerField(_("menit terlambat"), default=0)
    menit_pulang_cepat = models.PositiveIntegerField(_("menit pulang cepat"), default=0)
    # The recap run that last changed this row (a rerun leaves unchanged rows alone); the
    # time of the last run is RekapWilayah.dihitung_pada.
    dihitung_pada = models.DateTimeField(_("dihitung pada"))

    objects = RekapQuerySet.as_manager()

    class Meta:
        ordering = ("unit__path", "pegawai__nama")
        verbose_name = _("rekap pegawai")
        verbose_name_plural = _("rekap pegawai")
        constraints = (
            models.UniqueConstraint(
                fields=["periode_penilaian", "pegawai"], name="rekappegawai_unik_periode"
            ),
        )
        indexes = (
            models.Index(fields=["periode_penilaian", "unit"]),
            models.Index(fields=["periode_penilaian", "status_evaluasi"]),
            models.Index(fields=["pegawai", "periode_penilaian"]),
        )

    def __str__(self) -> str:
        return f"{self.pegawai_id} {self.periode_penilaian_id}"

    @property
    def persen_realisasi(self) -> float | None:
        return (
            100 * self.jumlah_realisasi / self.jumlah_indikator if self.jumlah_indikator else None
        )

    @property
    def persen_kehadiran(self) -> float | None:
        return 100 * self.hari_hadir / self.hari_tercatat if self.hari_tercatat else None

    @property
    def perlu_tindak_lanjut(self) -> bool:
        return self.predikat in {
            Predikat.BUTUH_PERBAIKAN,
            Predikat.KURANG,
            Predikat.SANGAT_KURANG,
        }


class RekapUnit(RekapAngka):
    """The employees whose own unit is `unit` (not the subtree: dashboards add the rows of
    a subtree with one prefix query on `unit.path`), checked against the unit's curve."""

    periode_penilaian = models.ForeignKey(
        "kinerja.PeriodePenilaian",
        on_delete=models.CASCADE,
        related_name="rekap_unit_set",
        verbose_name=_("periode penilaian"),
    )
    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.CASCADE,
        related_name="rekap_unit_set",
        verbose_name=_("unit kerja"),
    )
    wilayah = models.ForeignKey(
        "organisasi.Wilayah", on_delete=models.CASCADE, related_name="+", verbose_name=_("wilayah")
    )
    predikat_unit = models.CharField(
        _("predikat unit"), max_length=20, choices=PredikatOrganisasi.choices, blank=True
    )
    kurva_ok = models.BooleanField(
        _("sesuai kurva"),
        null=True,
        blank=True,
        help_text=_("Kosong bila predikat unit belum ada."),
    )
    kurva_pelanggaran = models.JSONField(_("pelanggaran kurva"), default=list, blank=True)

    objects = RekapQuerySet.as_manager()

    class Meta:
        ordering = ("unit__path",)
        verbose_name = _("rekap unit")
        verbose_name_plural = _("rekap unit")
        constraints = (
            models.UniqueConstraint(
                fields=["periode_penilaian", "unit"], name="rekapunit_unik_periode"
            ),
        )

    def __str__(self) -> str:
        return f"{self.unit_id} {self.periode_penilaian_id}"


class RekapWilayah(RekapAngka):
    """A whole wilayah in one evaluation window (the sum of its unit rows)."""

    periode_penilaian = models.OneToOneField(
        "kinerja.PeriodePenilaian",
        on_delete=models.CASCADE,
        related_name="rekap_wilayah",
        verbose_name=_("periode penilaian"),
    )
    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.CASCADE,
        related_name="rekap_wilayah_set",
        verbose_name=_("wilayah"),
    )
    jumlah_unit = models.PositiveIntegerField(_("jumlah unit"), default=0)
    jumlah_unit_melanggar_kurva = models.PositiveIntegerField(_("unit melanggar kurva"), default=0)

    objects = RekapQuerySet.as_manager()

    class Meta:
        ordering = ("wilayah__nama", "periode_penilaian__tanggal_mulai")
        verbose_name = _("rekap wilayah")
        verbose_name_plural = _("rekap wilayah")

    def __str__(self) -> str:
        return f"{self.wilayah_id} {self.periode_penilaian_id}"


class ProsesLaporan(TimeStampedModel):
    """A background job: a recap run or a generated wilayah recap PDF (kept for download).

    The worker updates `status`/`persen`; the page polls the row with htmx."""

    class Jenis(models.TextChoices):
        REKAP = "rekap", _("Hitung rekap")
        PDF_WILAYAH = "pdf_wilayah", _("Laporan rekap wilayah (PDF)")

    class Status(models.TextChoices):
        ANTRE = "antre", _("Dalam antrean")
        BERJALAN = "berjalan", _("Berjalan")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.CASCADE,
        related_name="proses_laporan_set",
        verbose_name=_("wilayah"),
    )
    periode_penilaian = models.ForeignKey(
        "kinerja.PeriodePenilaian",
        on_delete=models.CASCADE,
        related_name="proses_laporan_set",
        verbose_name=_("periode penilaian"),
    )
    jenis = models.CharField(_("jenis"), max_length=15, choices=Jenis.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ANTRE
    )
    persen = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    pesan = models.CharField(_("pesan"), max_length=500, blank=True)
    ringkasan = models.JSONField(_("ringkasan hasil"), default=dict, blank=True)
    berkas = models.FileField(_("berkas"), upload_to="laporan/%Y/%m/", max_length=255, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dibuat oleh"),
    )
    mulai_pada = models.DateTimeField(_("mulai pada"), null=True, blank=True)
    selesai_pada = models.DateTimeField(_("selesai pada"), null=True, blank=True)

    objects = RekapQuerySet.as_manager()

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("proses laporan")
        verbose_name_plural = _("proses laporan")
        indexes = (models.Index(fields=["wilayah", "jenis", "-created_at"]),)
        constraints = (
            models.CheckConstraint(
                condition=Q(persen__lte=100), name="proseslaporan_persen_maks_100"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["antre", "berjalan", "selesai", "gagal"]),
                name="proseslaporan_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(jenis__in=["rekap", "pdf_wilayah"]),
                name="proseslaporan_jenis_valid",
            ),
        )

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} · {self.periode_penilaian_id}"

    def get_absolute_url(self) -> str:
        return reverse("laporan:proses_detail", args=[self.pk])

    @property
    def is_aktif(self) -> bool:
        return self.status in (self.Status.ANTRE, self.Status.BERJALAN)
