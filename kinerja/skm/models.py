"""Survei Kepuasan Masyarakat (DOMAIN.md section 9): service units opened for citizen
feedback, their services, the responses and the counters of rejected submissions.

A response stores no IP address and no personal data beyond what the citizen chose to give
(an optional contact). Abuse resistance (rate limits, duplicates) lives in the cache, see
`antispam.py`; only the per-day counters of rejected submissions reach the database.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asn_kinerja.models import TimeStampedModel

from .querysets import (
    JenisLayananQuerySet,
    PenolakanQuerySet,
    TanggapanQuerySet,
    UnitLayananQuerySet,
)
from .unsur import KODE_UNSUR, UNSUR


def token_baru() -> str:
    """Public slug of a service unit: short (fits under a QR code), unguessable enough that
    units cannot be enumerated (64 random bits)."""
    return secrets.token_urlsafe(8)


def kunci_baru() -> str:
    """Secret key of one response (the citizen's follow-up link): 128 random bits."""
    return secrets.token_urlsafe(16)


class UnitLayanan(TimeStampedModel):
    """A unit kerja opened for citizen feedback: a kelurahan office, a puskesmas, a counter."""

    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        related_name="unit_layanan_set",
        verbose_name=_("wilayah"),
    )
    unit = models.OneToOneField(
        "organisasi.UnitKerja",
        on_delete=models.PROTECT,
        related_name="unit_layanan",
        verbose_name=_("unit kerja"),
    )
    nama_publik = models.CharField(
        _("nama untuk masyarakat"),
        max_length=150,
        help_text=_("Nama yang dibaca masyarakat, mis. Kantor Kelurahan Ketintang."),
    )
    token = models.SlugField(
        _("kode tautan publik"), max_length=32, unique=True, default=token_baru
    )
    dibuka = models.BooleanField(_("menerima tanggapan"), default=True)
    dibuka_pada = models.DateTimeField(_("dibuka pada"), null=True, blank=True)
    ditutup_pada = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    petugas = models.ManyToManyField(
        "pegawai.Pegawai",
        blank=True,
        related_name="unit_layanan_petugas",
        verbose_name=_("petugas yang ditampilkan"),
        help_text=_("Pegawai yang dapat dipilih masyarakat sebagai petugas yang melayani."),
    )

    objects = UnitLayananQuerySet.as_manager()

    class Meta:
        ordering = ["nama_publik"]
        verbose_name = _("unit layanan")
        verbose_name_plural = _("unit layanan")
        indexes = [models.Index(fields=["wilayah", "dibuka"])]

    def __str__(self) -> str:
        return self.nama_publik

    def get_absolute_url(self) -> str:
        return reverse("skm:unitlayanan_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("publik:skm_form", args=[self.token])

    def get_public_absolute_url(self) -> str:
        return settings.SITE_URL.rstrip("/") + self.get_public_url()


class JenisLayanan(models.Model):
    """One service of a unit ("Surat keterangan domisili", "Pemeriksaan umum")."""

    unit_layanan = models.ForeignKey(
        UnitLayanan,
        on_delete=models.CASCADE,
        related_name="jenis_layanan",
        verbose_name=_("unit layanan"),
    )
    nama = models.CharField(_("nama layanan"), max_length=120)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(_("aktif"), default=True)

    objects = JenisLayananQuerySet.as_manager()

    class Meta:
        ordering = ["urutan", "nama"]
        verbose_name = _("jenis layanan")
        verbose_name_plural = _("jenis layanan")
        constraints = [
            models.UniqueConstraint(
                fields=["unit_layanan", "nama"],
                name="skm_jenislayanan_unik",
                violation_error_message=_("Jenis layanan ini sudah ada di unit tersebut."),
            )
        ]

    def __str__(self) -> str:
        return self.nama


def _cek_nilai(kode: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{kode}__gte": 1, f"{kode}__lte": 4}), name=f"skm_tanggapan_{kode}_1_4"
    )


def _nilai_field(unsur) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        unsur.nama, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )


class TanggapanSKM(models.Model):
    """One citizen's response: the nine elements rated 1-4, an optional comment, optionally
    the officer who served, optionally a contact; and the staff's answer and follow-up."""

    unit_layanan = models.ForeignKey(
        UnitLayanan,
        on_delete=models.PROTECT,
        related_name="tanggapan",
        verbose_name=_("unit layanan"),
    )
    jenis_layanan = models.ForeignKey(
        JenisLayanan,
        on_delete=models.PROTECT,
        related_name="tanggapan",
        verbose_name=_("jenis layanan"),
    )
    kunci = models.CharField(
        _("kunci tindak lanjut"), max_length=43, unique=True, default=kunci_baru
    )
    dikirim_pada = models.DateTimeField(_("dikirim pada"), default=timezone.now)
    tanggal = models.DateField(
        _("tanggal"), help_text=_("Tanggal pengisian di zona waktu wilayah (dasar periode).")
    )
    u1 = _nilai_field(UNSUR[0])
    u2 = _nilai_field(UNSUR[1])
    u3 = _nilai_field(UNSUR[2])
    u4 = _nilai_field(UNSUR[3])
    u5 = _nilai_field(UNSUR[4])
    u6 = _nilai_field(UNSUR[5])
    u7 = _nilai_field(UNSUR[6])
    u8 = _nilai_field(UNSUR[7])
    u9 = _nilai_field(UNSUR[8])
    total_nilai = models.GeneratedField(
        expression=F("u1") + F("u2") + F("u3") + F("u4") + F("u5") + F("u6") + F("u7")
        + F("u8") + F("u9"),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
        verbose_name=_("jumlah nilai"),
    )  # fmt: skip
    komentar = models.TextField(_("saran atau komentar"), max_length=1000, blank=True)
    petugas = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tanggapan_skm",
        verbose_name=_("petugas yang melayani"),
    )
    kontak = models.CharField(_("kontak"), max_length=100, blank=True)
    # Staff side
    jawaban = models.TextField(_("jawaban petugas"), max_length=2000, blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dijawab oleh"),
    )
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    ditindaklanjuti = models.BooleanField(_("sudah ditindaklanjuti"), default=False)
    ditindaklanjuti_pada = models.DateTimeField(_("ditindaklanjuti pada"), null=True, blank=True)
    updated_at = models.DateTimeField(_("diubah pada"), auto_now=True)

    objects = TanggapanQuerySet.as_manager()

    class Meta:
        ordering = ["-dikirim_pada", "-pk"]
        verbose_name = _("tanggapan SKM")
        verbose_name_plural = _("tanggapan SKM")
        constraints = [_cek_nilai(k) for k in KODE_UNSUR]
        indexes = [
            models.Index(fields=["unit_layanan", "tanggal"]),
            models.Index(fields=["unit_layanan", "-dikirim_pada"]),
            models.Index(fields=["petugas", "tanggal"]),
        ]

    def __str__(self) -> str:
        return f"{self.unit_layanan_id} {self.tanggal}"

    def get_absolute_url(self) -> str:
        return reverse("skm:tanggapan_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("publik:skm_tindak_lanjut", args=[self.kunci])

    @property
    def nilai(self) -> list[int]:
        return [getattr(self, k) for k in KODE_UNSUR]

    @property
    def rata_rata(self) -> float:
        return sum(self.nilai) / len(KODE_UNSUR)

    @property
    def status_tindak_lanjut(self) -> str:
        if self.ditindaklanjuti:
            return "ditindaklanjuti"
        if self.jawaban:
            return "dijawab"
        return "belum" if self.komentar else ""


class AlasanPenolakan(models.TextChoices):
    HONEYPOT = "honeypot", _("Isian jebakan terisi (bot)")
    TERLALU_CEPAT = "terlalu_cepat", _("Diisi terlalu cepat")
    KEDALUWARSA = "kedaluwarsa", _("Formulir kedaluwarsa atau rusak")
    BATAS_IP = "batas_ip", _("Batas kiriman per jaringan")
    BATAS_UNIT = "batas_unit", _("Batas kiriman per unit")
    DUPLIKAT = "duplikat", _("Kiriman ganda")
    DITUTUP = "ditutup", _("Survei sedang ditutup")
    TERPAKAI = "terpakai", _("Formulir sudah pernah dikirim")


class PenolakanSKM(models.Model):
    """How many submissions to a unit were rejected on a day, per reason. Rejections are
    counted (not silently dropped) so staff can tell a quiet counter from an attack."""

    Alasan = AlasanPenolakan

    unit_layanan = models.ForeignKey(
        UnitLayanan,
        on_delete=models.CASCADE,
        related_name="penolakan",
        verbose_name=_("unit layanan"),
    )
    tanggal = models.DateField(_("tanggal"))
    alasan = models.CharField(_("alasan"), max_length=20, choices=AlasanPenolakan.choices)
    jumlah = models.PositiveIntegerField(_("jumlah"), default=0)

    objects = PenolakanQuerySet.as_manager()

    class Meta:
        ordering = ["-tanggal", "alasan"]
        verbose_name = _("kiriman SKM yang ditolak")
        verbose_name_plural = _("kiriman SKM yang ditolak")
        constraints = [
            models.UniqueConstraint(
                fields=["unit_layanan", "tanggal", "alasan"], name="skm_penolakan_unik"
            ),
            models.CheckConstraint(
                condition=Q(alasan__in=AlasanPenolakan.values),
                name="skm_penolakan_alasan_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_layanan_id} {self.tanggal} {self.alasan}: {self.jumlah}"


class TokenFormulirTerpakai(models.Model):
    """The form tokens already used for a response (issue 19: one signed token was accepted
    16 times in 2 s). The unique key makes each token single-use even under concurrent
    posts; the row is written in the response's transaction, so a rejected or failed
    submission leaves the token usable. Rows older than the token's lifetime are pruned
    (`token_terpakai_bersihkan`, daily)."""

    nonce = models.CharField(_("penanda token"), max_length=32, unique=True)
    dipakai_pada = models.DateTimeField(_("dipakai pada"), db_index=True)

    class Meta:
        verbose_name = _("token formulir SKM terpakai")
        verbose_name_plural = _("token formulir SKM terpakai")

    def __str__(self) -> str:
        return self.nonce
