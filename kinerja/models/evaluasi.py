"""Evaluation: periodic and annual evaluations, realisation, evidence, feedback,
objections and the units' predikat."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asn_kinerja.models import TimeStampedModel

from ..choices import (
    Perilaku,
    Predikat,
    PredikatOrganisasi,
    Rating,
    StatusEvaluasi,
    StatusKeberatan,
)
from ..querysets import (
    BagianEvaluasiQuerySet,
    EvaluasiQuerySet,
    KeberatanQuerySet,
    UnitTargetQuerySet,
)
from .base import cek_pilihan, q_predikat_sesuai_matriks

_SUDAH_DINILAI = [StatusEvaluasi.DINILAI.value, StatusEvaluasi.FINAL.value]


def _constraints_evaluasi(model: str) -> list[models.BaseConstraint]:
    """Shared by the periodic and the annual evaluation."""
    return [
        models.CheckConstraint(
            condition=q_predikat_sesuai_matriks(),
            name=f"{model}_predikat_sesuai_matriks",
            violation_error_message=_(
                "Predikat ditentukan dari kedua rating menurut matriks predikat."
            ),
        ),
        models.CheckConstraint(
            condition=~Q(status__in=_SUDAH_DINILAI) | Q(predikat__isnull=False),
            name=f"{model}_dinilai_ada_predikat",
            violation_error_message=_("Evaluasi yang sudah dinilai harus memiliki predikat."),
        ),
        models.CheckConstraint(
            condition=~Q(status=StatusEvaluasi.FINAL.value) | Q(final_pada__isnull=False),
            name=f"{model}_final_ada_tanggal",
        ),
        cek_pilihan(model, "status", StatusEvaluasi),
    ]


class EvaluasiPeriodik(TimeStampedModel):
    """The evaluation of one SKP for one window (month, quarter or semester).

    `predikat` is never typed by a user: the rating service sets it from the two ratings with
    `rules.predikat_dari_rating`, and a check constraint generated from the same matrix makes
    the database refuse anything else (all three null, or the matrix's predikat).
    """

    Status = StatusEvaluasi
    Rating = Rating
    Predikat = Predikat

    skp = models.ForeignKey(
        "kinerja.SKP",
        on_delete=models.PROTECT,
        related_name="evaluasi_set",
        verbose_name=_("SKP"),
    )
    periode_penilaian = models.ForeignKey(
        "kinerja.PeriodePenilaian",
        on_delete=models.PROTECT,
        related_name="evaluasi_set",
        verbose_name=_("periode penilaian"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=StatusEvaluasi.choices,
        default=StatusEvaluasi.BELUM_DIISI,
    )
    rating_hasil = models.CharField(
        _("rating hasil kerja"),
        max_length=10,
        choices=Rating.choices,
        null=True,
        blank=True,
    )
    rating_perilaku = models.CharField(
        _("rating perilaku kerja"),
        max_length=10,
        choices=Rating.choices,
        null=True,
        blank=True,
    )
    predikat = models.CharField(
        _("predikat kinerja"),
        max_length=20,
        choices=Predikat.choices,
        null=True,
        blank=True,
        editable=False,
    )
    catatan_penilai = models.TextField(_("catatan pejabat penilai"), blank=True)
    dinilai_oleh = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluasi_periodik_dinilai_set",
        verbose_name=_("dinilai oleh"),
    )
    diajukan_pada = models.DateTimeField(_("realisasi diajukan pada"), null=True, blank=True)
    dinilai_pada = models.DateTimeField(_("dinilai pada"), null=True, blank=True)
    final_pada = models.DateTimeField(_("final pada"), null=True, blank=True)

    history = HistoricalRecords()
    objects = EvaluasiQuerySet.as_manager()

    class Meta:
        ordering = ("-id",)
        verbose_name = _("evaluasi periodik")
        verbose_name_plural = _("evaluasi periodik")
        indexes = (
            models.Index(fields=["status"]),
            models.Index(fields=["periode_penilaian", "status"]),
            # What waits for the head's rating (inbox, navbar count on every page): a partial
            # index probed per SKP of the head, instead of each SKP's year of evaluations.
            models.Index(
                fields=["skp"],
                condition=Q(status="realisasi_diajukan"),
                name="evaluasi_menunggu_nilai_idx",
            ),
        )
        constraints = (
            models.UniqueConstraint(
                fields=["skp", "periode_penilaian"],
                name="evaluasiperiodik_satu_per_periode",
                violation_error_message=_("Evaluasi SKP ini untuk periode ini sudah ada."),
            ),
            *_constraints_evaluasi("evaluasiperiodik"),
        )

    def __str__(self) -> str:
        return _("Evaluasi %(skp)s, %(periode)s") % {
            "skp": self.skp,
            "periode": self.periode_penilaian,
        }

    def get_absolute_url(self) -> str:
        return reverse("kinerja:evaluasi_detail", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        if (
            self.skp_id
            and self.periode_penilaian_id
            and self.periode_penilaian.periode_kinerja_id != self.skp.periode_kinerja_id
        ):
            raise ValidationError(
                {"periode_penilaian": _("Periode penilaian harus dari tahun SKP.")}
            )


class RealisasiIndikator(TimeStampedModel):
    """The realisation of one indicator in one periodic evaluation."""

    evaluasi = models.ForeignKey(
        EvaluasiPeriodik,
        on_delete=models.CASCADE,
        related_name="realisasi_set",
        verbose_name=_("evaluasi"),
    )
    indikator = models.ForeignKey(
        "kinerja.IndikatorKinerja",
        on_delete=models.PROTECT,
        related_name="realisasi_set",
        verbose_name=_("indikator"),
    )
    nilai = models.DecimalField(
        _("realisasi (angka)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    narasi = models.TextField(_("narasi realisasi"), blank=True)

    objects = BagianEvaluasiQuerySet.as_manager()

    class Meta:
        ordering = ("evaluasi_id", "indikator_id")
        verbose_name = _("realisasi indikator")
        verbose_name_plural = _("realisasi indikator")
        constraints = (
            models.UniqueConstraint(
                fields=["evaluasi", "indikator"],
                name="realisasi_satu_per_indikator",
                violation_error_message=_("Realisasi indikator ini sudah diisi."),
            ),
        )

    def __str__(self) -> str:
        return _("Realisasi %(indikator)s") % {"indikator": self.indikator}

    def clean(self) -> None:
        super().clean()
        if (
            self.evaluasi_id
            and self.indikator_id
            and self.indikator.rhk.skp_id != self.evaluasi.skp_id
        ):
            raise ValidationError({"indikator": _("Indikator bukan bagian dari SKP ini.")})


class BuktiDukung(TimeStampedModel):
    """Evidence of a realisation: an uploaded file or a link."""

    evaluasi = models.ForeignKey(
        EvaluasiPeriodik,
        on_delete=models.CASCADE,
        related_name="bukti_set",
        verbose_name=_("evaluasi"),
    )
    realisasi = models.ForeignKey(
        RealisasiIndikator,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bukti_set",
        verbose_name=_("realisasi indikator"),
    )
    berkas = models.FileField(_("berkas"), upload_to="bukti/%Y/%m/", max_length=255, blank=True)
    tautan = models.URLField(_("tautan"), max_length=500, blank=True)
    nama = models.CharField(_("nama"), max_length=200)
    ukuran = models.PositiveBigIntegerField(_("ukuran (byte)"), default=0)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bukti_diunggah_set",
        verbose_name=_("diunggah oleh"),
    )

    objects = BagianEvaluasiQuerySet.as_manager()

    class Meta:
        ordering = ("evaluasi_id", "id")
        verbose_name = _("bukti dukung")
        verbose_name_plural = _("bukti dukung")
        constraints = (
            models.CheckConstraint(
                condition=~Q(berkas="") | ~Q(tautan=""),
                name="bukti_berkas_atau_tautan",
                violation_error_message=_("Unggah berkas atau isi tautan bukti dukung."),
            ),
        )

    def __str__(self) -> str:
        return self.nama


class UmpanBalikHasil(TimeStampedModel):
    """The superior's feedback on one RHK in a periodic evaluation."""

    evaluasi = models.ForeignKey(
        EvaluasiPeriodik,
        on_delete=models.CASCADE,
        related_name="umpan_balik_hasil_set",
        verbose_name=_("evaluasi"),
    )
    rhk = models.ForeignKey(
        "kinerja.RencanaHasilKerja",
        on_delete=models.PROTECT,
        related_name="umpan_balik_hasil_set",
        verbose_name=_("rencana hasil kerja"),
    )
    teks = models.TextField(_("umpan balik"))

    objects = BagianEvaluasiQuerySet.as_manager()

    class Meta:
        ordering = ("evaluasi_id", "rhk_id")
        verbose_name = _("umpan balik hasil kerja")
        verbose_name_plural = _("umpan balik hasil kerja")
        constraints = (
            models.UniqueConstraint(
                fields=["evaluasi", "rhk"],
                name="umpanbalikhasil_satu_per_rhk",
                violation_error_message=_("Umpan balik untuk RHK ini sudah ada."),
            ),
        )

    def __str__(self) -> str:
        return self.teks[:80]


class UmpanBalikPerilaku(TimeStampedModel):
    """The superior's feedback on one BerAKHLAK value in a periodic evaluation."""

    Perilaku = Perilaku

    evaluasi = models.ForeignKey(
        EvaluasiPeriodik,
        on_delete=models.CASCADE,
        related_name="umpan_balik_perilaku_set",
        verbose_name=_("evaluasi"),
    )
    perilaku = models.CharField(_("perilaku kerja"), max_length=30, choices=Perilaku.choices)
    teks = models.TextField(_("umpan balik"))

    objects = BagianEvaluasiQuerySet.as_manager()

    class Meta:
        ordering = ("evaluasi_id", "id")
        verbose_name = _("umpan balik perilaku kerja")
        verbose_name_plural = _("umpan balik perilaku kerja")
        constraints = (
            models.UniqueConstraint(
                fields=["evaluasi", "perilaku"],
                name="umpanbalikperilaku_satu_per_perilaku",
                violation_error_message=_("Umpan balik untuk perilaku ini sudah ada."),
            ),
            cek_pilihan("umpanbalikperilaku", "perilaku", Perilaku),
        )

    def __str__(self) -> str:
        return self.teks[:80]


class Keberatan(TimeStampedModel):
    """An employee's objection to a periodic evaluation, decided by the atasan pejabat
    penilai. At most one open objection per evaluation. An accepted objection may set new
    ratings; the deciding service then computes `predikat_baru` with the same matrix (and
    the database checks it) and applies it to the evaluation."""

    Status = StatusKeberatan
    Rating = Rating
    Predikat = Predikat

    evaluasi = models.ForeignKey(
        EvaluasiPeriodik,
        on_delete=models.PROTECT,
        related_name="keberatan_set",
        verbose_name=_("evaluasi"),
    )
    alasan = models.TextField(_("alasan keberatan"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=StatusKeberatan.choices,
        default=StatusKeberatan.DIAJUKAN,
    )
    keputusan = models.TextField(_("keputusan"), blank=True)
    diputus_oleh = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="keberatan_diputus_set",
        verbose_name=_("diputus oleh"),
    )
    diputus_pada = models.DateTimeField(_("diputus pada"), null=True, blank=True)
    rating_hasil_baru = models.CharField(
        _("rating hasil kerja baru"),
        max_length=10,
        choices=Rating.choices,
        null=True,
        blank=True,
    )
    rating_perilaku_baru = models.CharField(
        _("rating perilaku kerja baru"),
        max_length=10,
        choices=Rating.choices,
        null=True,
        blank=True,
    )
    predikat_baru = models.CharField(
        _("predikat baru"),
        max_length=20,
        choices=Predikat.choices,
        null=True,
        blank=True,
        editable=False,
    )

    objects = KeberatanQuerySet.as_manager()

    class Meta:
        ordering = ("-id",)
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        indexes = (models.Index(fields=["status"]),)
        constraints = (
            models.UniqueConstraint(
                fields=["evaluasi"],
                condition=Q(status=StatusKeberatan.DIAJUKAN.value),
                name="keberatan_satu_terbuka_per_evaluasi",
                violation_error_message=_("Masih ada keberatan yang belum diputus."),
            ),
            models.CheckConstraint(
                condition=Q(status=StatusKeberatan.DIAJUKAN.value) | Q(diputus_pada__isnull=False),
                name="keberatan_diputus_ada_tanggal",
            ),
            models.CheckConstraint(
                condition=q_predikat_sesuai_matriks(
                    "rating_hasil_baru", "rating_perilaku_baru", "predikat_baru"
                ),
                name="keberatan_predikat_baru_sesuai_matriks",
            ),
            models.CheckConstraint(
                condition=Q(status=StatusKeberatan.DITERIMA.value) | Q(predikat_baru__isnull=True),
                name="keberatan_predikat_baru_hanya_jika_diterima",
            ),
            cek_pilihan("keberatan", "status", StatusKeberatan),
        )

    def __str__(self) -> str:
        return _("Keberatan atas %(evaluasi)s") % {"evaluasi": self.evaluasi}


class EvaluasiTahunan(TimeStampedModel):
    """The annual evaluation of an SKP. `predikat_usulan` is the pre-fill
    (`rules.predikat_tahunan_usulan`: most frequent periodic predikat, ties to the later
    period); the superior's two ratings then set `predikat` through the matrix, as in the
    periodic evaluation."""

    Status = StatusEvaluasi
    Rating = Rating
    Predikat = Predikat

    skp = models.OneToOneField(
        "kinerja.SKP",
        on_delete=models.PROTECT,
        related_name="evaluasi_tahunan",
        verbose_name=_("SKP"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=StatusEvaluasi.choices,
        default=StatusEvaluasi.BELUM_DIISI,
    )
    rating_hasil = models.CharField(
        _("rating hasil kerja"),
        max_length=10,
        choices=Rating.choices,
        null=True,
        blank=True,
    )
    rating_perilaku = models.CharField(
        _("rating perilaku kerja"),
        max_length=10,
        choices=Rating.choices,
        null=True,
        blank=True,
    )
    predikat = models.CharField(
        _("predikat kinerja"),
        max_length=20,
        choices=Predikat.choices,
        null=True,
        blank=True,
        editable=False,
    )
    predikat_usulan = models.CharField(
        _("usulan predikat"),
        max_length=20,
        choices=Predikat.choices,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Predikat periodik terbanyak; bila sama banyak, yang periodenya terakhir."),
    )
    catatan_penilai = models.TextField(_("catatan pejabat penilai"), blank=True)
    dinilai_oleh = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluasi_tahunan_dinilai_set",
        verbose_name=_("dinilai oleh"),
    )
    diajukan_pada = models.DateTimeField(_("realisasi diajukan pada"), null=True, blank=True)
    dinilai_pada = models.DateTimeField(_("dinilai pada"), null=True, blank=True)
    final_pada = models.DateTimeField(_("final pada"), null=True, blank=True)

    history = HistoricalRecords()
    objects = EvaluasiQuerySet.as_manager()

    class Meta:
        ordering = ("-id",)
        verbose_name = _("evaluasi tahunan")
        verbose_name_plural = _("evaluasi tahunan")
        indexes = (models.Index(fields=["status"]),)
        constraints = (
            *_constraints_evaluasi("evaluasitahunan"),
            models.CheckConstraint(
                condition=Q(predikat_usulan__isnull=True)
                | Q(predikat_usulan__in=list(Predikat.values)),
                name="evaluasitahunan_predikat_usulan_valid",
            ),
        )

    def __str__(self) -> str:
        return _("Evaluasi tahunan %(skp)s") % {"skp": self.skp}

    def get_absolute_url(self) -> str:
        return reverse("kinerja:evaluasi_tahunan_detail", args=[self.pk])


class PredikatUnit(TimeStampedModel):
    """Predikat organisasi of a unit, set by the leader one level up; it bounds the
    distribution of its employees' predikat (`rules.cek_kurva`).

    One row per unit and periodic window; a row with `periode_penilaian` null is the unit's
    predikat for the whole year (used by the annual evaluation). `periode_kinerja` is always
    set (for the annual row it is the only period) and must be the window's year.
    """

    Predikat = PredikatOrganisasi

    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.PROTECT,
        related_name="predikat_unit_set",
        verbose_name=_("unit kerja"),
    )
    periode_kinerja = models.ForeignKey(
        "kinerja.PeriodeKinerja",
        on_delete=models.PROTECT,
        related_name="predikat_unit_set",
        verbose_name=_("periode kinerja"),
    )
    periode_penilaian = models.ForeignKey(
        "kinerja.PeriodePenilaian",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predikat_unit_set",
        verbose_name=_("periode penilaian"),
        help_text=_("Kosongkan untuk predikat unit tahunan."),
    )
    predikat = models.CharField(
        _("predikat organisasi"), max_length=20, choices=PredikatOrganisasi.choices
    )
    ditetapkan_oleh = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predikat_unit_ditetapkan_set",
        verbose_name=_("ditetapkan oleh"),
    )
    catatan = models.TextField(_("catatan"), blank=True)

    objects = UnitTargetQuerySet.as_manager()

    class Meta:
        ordering = ("periode_kinerja_id", "periode_penilaian_id", "unit_id")
        verbose_name = _("predikat unit")
        verbose_name_plural = _("predikat unit")
        indexes = (models.Index(fields=["periode_penilaian", "predikat"]),)
        constraints = (
            models.UniqueConstraint(
                fields=["unit", "periode_penilaian"],
                name="predikatunit_satu_per_periode",
                violation_error_message=_("Predikat unit untuk periode ini sudah ditetapkan."),
            ),
            models.UniqueConstraint(
                fields=["unit", "periode_kinerja"],
                condition=Q(periode_penilaian__isnull=True),
                name="predikatunit_satu_tahunan",
                violation_error_message=_("Predikat unit tahunan sudah ditetapkan."),
            ),
            cek_pilihan("predikatunit", "predikat", PredikatOrganisasi),
        )

    def __str__(self) -> str:
        return f"{self.unit}: {self.get_predikat_display()}"

    def clean(self) -> None:
        super().clean()
        if (
            self.periode_penilaian_id
            and self.periode_kinerja_id
            and self.periode_penilaian.periode_kinerja_id != self.periode_kinerja_id
        ):
            raise ValidationError(
                {"periode_penilaian": _("Periode penilaian harus dari periode kinerja ini.")}
            )
        if (
            self.unit_id
            and self.periode_kinerja_id
            and self.unit.wilayah_id != self.periode_kinerja.wilayah_id
        ):
            raise ValidationError({"unit": _("Unit kerja harus dari wilayah periode ini.")})
