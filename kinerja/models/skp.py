"""The plan: SKP, its RHK (cascading from the superior's), indicators and behaviour
expectations."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asn_kinerja.models import TimeStampedModel

from ..choices import Aspek, JenisRHK, PendekatanSKP, Perilaku, Perspektif, StatusSKP
from ..querysets import BagianSKPQuerySet, IndikatorKinerjaQuerySet, SKPQuerySet
from .base import cek_pilihan


def identitas_pegawai(pegawai: Any) -> dict[str, Any] | None:
    """The identity of an employee as printed on an SKP, frozen into `SKP.snapshot`."""
    if pegawai is None:
        return None
    return {
        "id": pegawai.pk,
        "nama": pegawai.nama_lengkap,
        "nip": pegawai.nip,
        "jabatan": str(pegawai.jabatan) if pegawai.jabatan_id else "",
        "unit": str(pegawai.unit) if pegawai.unit_id else "",
        "pangkat": str(pegawai.pangkat_golongan),
    }


class SKP(TimeStampedModel):
    """Sasaran Kinerja Pegawai: one employee's plan for one performance year.

    `wilayah` is denormalised from `pegawai.wilayah` for region scoping (`visible_to` without
    a join) and for speed. It MUST equal `pegawai.wilayah` when the SKP is created
    (`clean()` and the creating service check it) and is not changed afterwards: an SKP stays
    with the region whose performance year it belongs to, even if the employee later moves to
    another region.

    `snapshot` freezes, at approval, the identity of the employee, the pejabat penilai and the
    atasan pejabat penilai (see `buat_snapshot`), so a later transfer or promotion does not
    rewrite the history printed on the SKP and its evaluations:
    ``{"pegawai": {"id", "nama", "nip", "jabatan", "unit", "pangkat"},
    "pejabat_penilai": {...} | None, "atasan_pejabat_penilai": {...} | None}``.
    """

    Status = StatusSKP

    Pendekatan = PendekatanSKP

    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        related_name="skp_set",
        verbose_name=_("pegawai"),
    )
    periode_kinerja = models.ForeignKey(
        "kinerja.PeriodeKinerja",
        on_delete=models.PROTECT,
        related_name="skp_set",
        verbose_name=_("periode kinerja"),
    )
    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        related_name="skp_set",
        verbose_name=_("wilayah"),
    )
    pendekatan = models.CharField(
        _("pendekatan"),
        max_length=12,
        choices=Pendekatan.choices,
        default=Pendekatan.KUANTITATIF,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=StatusSKP.choices, default=StatusSKP.DRAF
    )
    pejabat_penilai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="skp_sebagai_penilai_set",
        verbose_name=_("pejabat penilai kinerja"),
    )
    atasan_pejabat_penilai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="skp_sebagai_atasan_penilai_set",
        verbose_name=_("atasan pejabat penilai kinerja"),
    )
    snapshot = models.JSONField(
        _("identitas saat disetujui"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("Nama, NIP, jabatan, unit dan pangkat pegawai, penilai dan atasan penilai."),
    )
    is_jpt = models.BooleanField(
        _("SKP JPT"),
        default=False,
        help_text=_("RHK JPT diturunkan dari perjanjian kinerja unit, bukan dari RHK atasan."),
    )
    dukungan_sumber_daya = models.TextField(_("dukungan sumber daya"), blank=True)
    skema_pertanggungjawaban = models.TextField(_("skema pertanggungjawaban"), blank=True)
    konsekuensi = models.TextField(_("konsekuensi"), blank=True)
    disetujui_pada = models.DateTimeField(_("disetujui pada"), null=True, blank=True)

    history = HistoricalRecords()
    objects = SKPQuerySet.as_manager()

    class Meta:
        ordering = ("-id",)
        verbose_name = _("SKP")
        verbose_name_plural = _("SKP")
        indexes = (
            models.Index(fields=["wilayah", "periode_kinerja", "status"]),
            models.Index(fields=["pejabat_penilai", "status"]),
        )
        constraints = (
            models.UniqueConstraint(
                fields=["pegawai", "periode_kinerja"],
                name="skp_satu_per_pegawai_per_tahun",
                violation_error_message=_("Pegawai ini sudah memiliki SKP pada periode ini."),
            ),
            models.CheckConstraint(
                condition=~Q(pejabat_penilai=F("pegawai")),
                name="skp_penilai_bukan_diri_sendiri",
                violation_error_message=_("Pejabat penilai tidak boleh pegawai itu sendiri."),
            ),
            models.CheckConstraint(
                condition=~Q(atasan_pejabat_penilai=F("pegawai")),
                name="skp_atasan_penilai_bukan_diri_sendiri",
                violation_error_message=_(
                    "Atasan pejabat penilai tidak boleh pegawai itu sendiri."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(
                    status__in=[
                        StatusSKP.DISETUJUI.value,
                        StatusSKP.REVISI_DIAJUKAN.value,
                    ]
                )
                | Q(disetujui_pada__isnull=False),
                name="skp_disetujui_ada_tanggal",
            ),
            cek_pilihan("skp", "status", StatusSKP),
            cek_pilihan("skp", "pendekatan", PendekatanSKP),
        )

    def __str__(self) -> str:
        return _("SKP %(nama)s %(tahun)s") % {
            "nama": self.pegawai.nama,
            "tahun": self.periode_kinerja.tahun,
        }

    def get_absolute_url(self) -> str:
        return reverse("kinerja:skp_detail", args=[self.pk])

    @property
    def is_terkunci(self) -> bool:
        """Approved (or approved with a pending revision request): not editable."""
        return self.status in (StatusSKP.DISETUJUI, StatusSKP.REVISI_DIAJUKAN)

    def buat_snapshot(self) -> dict[str, Any]:
        """The identities to freeze into `snapshot` at approval (not saved here)."""
        return {
            "pegawai": identitas_pegawai(self.pegawai),
            "pejabat_penilai": identitas_pegawai(self.pejabat_penilai),
            "atasan_pejabat_penilai": identitas_pegawai(self.atasan_pejabat_penilai),
        }

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = {}
        if (
            self._state.adding
            and self.pegawai_id
            and self.wilayah_id
            and self.pegawai.wilayah_id != self.wilayah_id
        ):
            errors["wilayah"] = _("Wilayah SKP harus sama dengan wilayah pegawai.")
        if (
            self.periode_kinerja_id
            and self.wilayah_id
            and self.periode_kinerja.wilayah_id != self.wilayah_id
        ):
            errors["periode_kinerja"] = _("Periode kinerja harus dari wilayah SKP.")
        for nama in ("pejabat_penilai", "atasan_pejabat_penilai"):
            orang = getattr(self, nama) if getattr(self, f"{nama}_id") else None
            if orang is not None and self.wilayah_id and orang.wilayah_id != self.wilayah_id:
                errors[nama] = _("Penilai harus dari wilayah yang sama.")
        if errors:
            raise ValidationError(errors)


class RencanaHasilKerja(TimeStampedModel):
    """RHK: one planned result of an SKP. For non-JPT staff it names the superior's RHK it
    intervenes (`rhk_atasan`: cascading); for a JPT it comes from the unit's perjanjian
    kinerja (`target_unit`)."""

    Perspektif = Perspektif

    Jenis = JenisRHK

    skp = models.ForeignKey(
        SKP, on_delete=models.CASCADE, related_name="rhk_set", verbose_name=_("SKP")
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    teks = models.TextField(_("rencana hasil kerja"))
    jenis = models.CharField(_("jenis"), max_length=10, choices=Jenis.choices, default=Jenis.UTAMA)
    rhk_atasan = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rhk_bawahan",
        verbose_name=_("RHK atasan yang diintervensi"),
    )
    target_unit = models.ForeignKey(
        "kinerja.TargetUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rhk_set",
        verbose_name=_("target unit (perjanjian kinerja)"),
    )
    perspektif = models.CharField(
        _("perspektif"), max_length=20, choices=Perspektif.choices, blank=True
    )
    disalin_dari = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="salinan_set",
        verbose_name=_("disalin dari RHK"),
        help_text=_("RHK tahun sebelumnya yang menjadi asal RHK ini (SKP disalin)."),
    )

    history = HistoricalRecords()
    objects = BagianSKPQuerySet.as_manager()

    class Meta:
        ordering = ("skp_id", "urutan", "id")
        verbose_name = _("rencana hasil kerja")
        verbose_name_plural = _("rencana hasil kerja")
        indexes = (models.Index(fields=["skp", "urutan"]),)
        constraints = (
            models.CheckConstraint(
                condition=~Q(rhk_atasan=F("pk")), name="rhk_bukan_atasan_sendiri"
            ),
            cek_pilihan("rhk", "jenis", JenisRHK),
            cek_pilihan("rhk", "perspektif", Perspektif, boleh_kosong=True),
        )

    def __str__(self) -> str:
        return self.teks[:80]

    def clean(self) -> None:
        super().clean()
        if self.rhk_atasan_id and self.skp_id:
            if self.rhk_atasan.skp_id == self.skp_id:
                raise ValidationError(
                    {"rhk_atasan": _("RHK atasan harus dari SKP atasan, bukan SKP ini.")}
                )
            atasan_skp = self.rhk_atasan.skp
            if atasan_skp.periode_kinerja_id != self.skp.periode_kinerja_id:
                raise ValidationError(
                    {"rhk_atasan": _("RHK atasan harus dari periode kinerja yang sama.")}
                )
        if (
            self.target_unit_id
            and self.skp_id
            and self.target_unit.periode_kinerja_id != self.skp.periode_kinerja_id
        ):
            raise ValidationError(
                {"target_unit": _("Target unit harus dari periode kinerja yang sama.")}
            )


class IndikatorKinerja(TimeStampedModel):
    """IKI: an indicator of an RHK with its aspect and target (a number with its unit, or a
    qualitative statement)."""

    Aspek = Aspek

    rhk = models.ForeignKey(
        RencanaHasilKerja,
        on_delete=models.CASCADE,
        related_name="indikator_set",
        verbose_name=_("rencana hasil kerja"),
    )
    aspek = models.CharField(_("aspek"), max_length=10, choices=Aspek.choices)
    teks = models.TextField(_("indikator kinerja individu"))
    target_nilai = models.DecimalField(
        _("target (angka)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target_satuan = models.CharField(_("satuan target"), max_length=50, blank=True)
    target_kualitatif = models.TextField(_("target kualitatif"), blank=True)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    history = HistoricalRecords()
    objects = IndikatorKinerjaQuerySet.as_manager()

    class Meta:
        ordering = ("rhk_id", "urutan", "id")
        verbose_name = _("indikator kinerja individu")
        verbose_name_plural = _("indikator kinerja individu")
        constraints = (
            models.CheckConstraint(
                condition=Q(target_nilai__isnull=False) | ~Q(target_kualitatif=""),
                name="iki_target_wajib",
                violation_error_message=_("Isi target berupa angka atau pernyataan kualitatif."),
            ),
            cek_pilihan("iki", "aspek", Aspek),
        )

    def __str__(self) -> str:
        return self.teks[:80]

    @property
    def target_teks(self) -> str:
        """The target as printed: "12 dokumen" or the qualitative statement."""
        if self.target_nilai is not None:
            angka = f"{self.target_nilai.normalize():f}"
            return f"{angka} {self.target_satuan}".strip()
        return self.target_kualitatif


class EkspektasiPerilaku(TimeStampedModel):
    """The superior's specific expectation (ekspektasi khusus pimpinan) for one BerAKHLAK
    value in an SKP; an SKP has one row per value."""

    Perilaku = Perilaku

    skp = models.ForeignKey(
        SKP,
        on_delete=models.CASCADE,
        related_name="ekspektasi_set",
        verbose_name=_("SKP"),
    )
    perilaku = models.CharField(_("perilaku kerja"), max_length=30, choices=Perilaku.choices)
    ekspektasi = models.TextField(_("ekspektasi khusus pimpinan"), blank=True)

    history = HistoricalRecords()
    objects = BagianSKPQuerySet.as_manager()

    class Meta:
        ordering = ("skp_id", "id")
        verbose_name = _("ekspektasi perilaku")
        verbose_name_plural = _("ekspektasi perilaku")
        constraints = (
            models.UniqueConstraint(
                fields=["skp", "perilaku"],
                name="ekspektasi_satu_per_perilaku",
                violation_error_message=_("Ekspektasi untuk perilaku ini sudah ada."),
            ),
            cek_pilihan("ekspektasi", "perilaku", Perilaku),
        )

    def __str__(self) -> str:
        return str(self.get_perilaku_display())
