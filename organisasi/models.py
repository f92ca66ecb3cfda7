"""Regions, the unit tree, positions, competencies and users.

The unit tree uses a materialised path (`path` = "/<id>/<id>/.../"): a subtree is a single
indexed prefix query (`path LIKE '/1/7/%'`), reads vastly outnumber moves, and a move rewrites
the descendants' paths in one UPDATE (see services.unit_pindahkan). Compared with a recursive
CTE it needs no raw SQL in every selector; compared with ltree it needs no extension.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asn_kinerja.models import TimeStampedModel
from asn_kinerja.querysets import WilayahScopedQuerySet

from .choices import (
    Eselon,
    JenisJabatan,
    JenisKompetensi,
    JenisUnit,
    JenisWilayah,
    JenjangFungsional,
    TingkatPendidikan,
)
from .querysets import (
    JabatanQuerySet,
    KebutuhanKompetensiQuerySet,
    PenggunaManager,
    TugasJabatanQuerySet,
    UnitKerjaQuerySet,
)

GRUP_ADMIN_KEPEGAWAIAN = "Admin Kepegawaian"
GRUP_PIMPINAN_DAERAH = "Pimpinan Daerah"

#: `Pengguna.pegawai_dimuat` before the employee record was asked for (None means "asked:
#: the user has none").
BELUM_DIMUAT: Any = object()


class WilayahQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "pk"


class Wilayah(TimeStampedModel):
    """A region (pemda or kecamatan) with its own letterhead, working hours and settings."""

    kode = models.SlugField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisWilayah.choices)
    nama_instansi = models.CharField(
        _("nama instansi"), max_length=200, help_text=_("Baris pertama kop surat.")
    )
    zona_waktu = models.CharField(_("zona waktu"), max_length=50, default="Asia/Jakarta")
    # Kop surat (letterhead)
    kop_baris_1 = models.CharField(_("kop baris 1"), max_length=200, blank=True)
    kop_baris_2 = models.CharField(_("kop baris 2"), max_length=200, blank=True)
    alamat = models.CharField(_("alamat"), max_length=255, blank=True)
    telepon = models.CharField(_("telepon"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    situs = models.CharField(_("situs web"), max_length=100, blank=True)
    kota_surat = models.CharField(
        _("kota penandatanganan"), max_length=100, blank=True, help_text=_("Mis. Gorontalo.")
    )
    logo = models.FileField(_("logo"), upload_to="wilayah/logo/", blank=True)
    # Working hours (DOMAIN.md section 6, configurable per wilayah)
    jam_masuk = models.TimeField(_("jam masuk"), default="07:30")
    jam_pulang = models.TimeField(_("jam pulang"), default="16:00")
    jam_pulang_jumat = models.TimeField(_("jam pulang Jumat"), default="16:30")
    # Rule settings (DOMAIN.md: configurable, defaults given there)
    bobot_kinerja_tpp = models.DecimalField(
        _("bobot kinerja TPP (%)"), max_digits=5, decimal_places=2, default=Decimal("60")
    )
    hari_keberatan = models.PositiveSmallIntegerField(
        _("batas hari keberatan"), default=14, validators=[MinValueValidator(1)]
    )
    waktu_kerja_efektif_menit = models.PositiveIntegerField(
        _("waktu kerja efektif setahun (menit)"),
        default=75000,
        validators=[MinValueValidator(1)],
        help_text=_("Dasar perhitungan analisis beban kerja (ABK)."),
    )
    buka_tahun_otomatis = models.BooleanField(
        _("buka tahun kinerja berikutnya otomatis"),
        default=False,
        help_text=_(
            "Bila dicentang, tahun kinerja berikutnya (beserta jendela evaluasinya) dibuka "
            "otomatis pada bulan Desember menurut tanggal wilayah ini."
        ),
    )

    objects = WilayahQuerySet.as_manager()

    class Meta:
        ordering = ["nama"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")

    def __str__(self) -> str:
        return self.nama


class UnitKerja(TimeStampedModel):
    wilayah = models.ForeignKey(
        Wilayah, on_delete=models.PROTECT, related_name="unit_set", verbose_name=_("wilayah")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("unit induk"),
    )
    kode = models.CharField(_("kode"), max_length=30)
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisUnit.choices)
    alamat = models.CharField(_("alamat"), max_length=255, blank=True)
    aktif = models.BooleanField(_("aktif"), default=True)
    path = models.CharField(_("jalur pohon"), max_length=500, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(_("kedalaman"), default=0, editable=False)
    urutan = models.PositiveIntegerField(_("urutan"), default=0)

    history = HistoricalRecords()
    objects = UnitKerjaQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")
        constraints = [
            models.UniqueConstraint(fields=["wilayah", "kode"], name="unitkerja_kode_unik"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")), name="unitkerja_bukan_induk_sendiri"
            ),
        ]
        indexes = [models.Index(fields=["wilayah", "aktif"])]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("organisasi:unit_detail", args=[self.pk])

    def save(self, *args, **kwargs) -> None:
        """Keeps `path`/`depth` consistent with `parent`. Moving a unit with descendants goes
        through services.unit_pindahkan, which also rewrites the descendants' paths."""
        if self.pk is None:
            self.path = ""
            super().save(*args, **kwargs)
            self._hitung_path()
            type(self).objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)
            return
        self._hitung_path()
        super().save(*args, **kwargs)

    def _hitung_path(self) -> None:
        self.path = (self.parent.path if self.parent_id else "/") + f"{self.pk}/"
        self.depth = self.path.count("/") - 2

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(p) for p in self.path.strip("/").split("/") if p][:-1]


class Kompetensi(TimeStampedModel):
    """National catalogue of competencies (reference data, shared by every wilayah)."""

    kode = models.CharField(_("kode"), max_length=30, unique=True)
    nama = models.CharField(_("nama"), max_length=200)
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisKompetensi.choices)
    deskripsi = models.TextField(_("deskripsi"), blank=True)
    level_maks = models.PositiveSmallIntegerField(_("level maksimal"), default=5)

    class Meta:
        ordering = ["jenis", "nama"]
        verbose_name = _("kompetensi")
        verbose_name_plural = _("kompetensi")

    def __str__(self) -> str:
        return self.nama


class Jabatan(TimeStampedModel):
    """A position in a unit. Several people may hold a non-head position; the head position
    (`is_kepala`) is unique per unit and its holder is the pejabat penilai of the unit's staff
    and of the heads of its direct sub-units."""

    wilayah = models.ForeignKey(
        Wilayah, on_delete=models.PROTECT, related_name="jabatan_set", verbose_name=_("wilayah")
    )
    unit = models.ForeignKey(
        UnitKerja,
        on_delete=models.PROTECT,
        related_name="jabatan_set",
        verbose_name=_("unit kerja"),
    )
    nama = models.CharField(_("nama jabatan"), max_length=200)
    jenis = models.CharField(_("jenis jabatan"), max_length=30, choices=JenisJabatan.choices)
    jenjang = models.CharField(
        _("jenjang fungsional"), max_length=20, choices=JenjangFungsional.choices, blank=True
    )
    eselon = models.CharField(_("eselon"), max_length=5, choices=Eselon.choices, blank=True)
    kelas_jabatan = models.PositiveSmallIntegerField(_("kelas jabatan"), null=True, blank=True)
    is_kepala = models.BooleanField(_("kepala unit"), default=False)
    pendidikan_minimal = models.CharField(
        _("pendidikan minimal"), max_length=5, choices=TingkatPendidikan.choices, blank=True
    )
    bidang_pendidikan = ArrayField(
        models.CharField(max_length=100),
        verbose_name=_("bidang pendidikan"),
        default=list,
        blank=True,
        help_text=_("Bidang studi yang sesuai, mis. Akuntansi, Manajemen Keuangan."),
    )
    kompetensi = models.ManyToManyField(
        Kompetensi,
        through="KebutuhanKompetensi",
        related_name="jabatan_set",
        blank=True,
        verbose_name=_("kompetensi yang dibutuhkan"),
    )
    koefisien_angka_kredit = models.DecimalField(
        _("koefisien angka kredit tahunan"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    aktif = models.BooleanField(_("aktif"), default=True)

    history = HistoricalRecords(excluded_fields=["bidang_pendidikan"])
    objects = JabatanQuerySet.as_manager()

    class Meta:
        ordering = ["unit__path", "-is_kepala", "nama"]
        verbose_name = _("jabatan")
        verbose_name_plural = _("jabatan")
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=models.Q(is_kepala=True, aktif=True),
                name="jabatan_satu_kepala_per_unit",
                violation_error_message=_("Unit ini sudah memiliki jabatan kepala."),
            ),
        ]

    def __str__(self) -> str:
        return self.nama

    def get_absolute_url(self) -> str:
        return reverse("organisasi:jabatan_detail", args=[self.pk])

    @property
    def is_jpt(self) -> bool:
        return self.jenis in JenisJabatan.jpt()


class KebutuhanKompetensi(models.Model):
    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, verbose_name=_("jabatan"))
    kompetensi = models.ForeignKey(
        Kompetensi, on_delete=models.PROTECT, verbose_name=_("kompetensi")
    )
    level = models.PositiveSmallIntegerField(_("level minimal"), default=1)

    objects = KebutuhanKompetensiQuerySet.as_manager()

    class Meta:
        verbose_name = _("kebutuhan kompetensi")
        verbose_name_plural = _("kebutuhan kompetensi")
        constraints = [
            models.UniqueConstraint(
                fields=["jabatan", "kompetensi"], name="kebutuhan_kompetensi_unik"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kompetensi} (level {self.level})"


class TugasJabatan(TimeStampedModel):
    """One task of a position in its workload analysis (analisis beban kerja, ABK;
    PermenPANRB 1/2020): what the holder produces (`satuan_hasil`), how many a year and the
    standard minutes per unit. The position's needed headcount is computed from these rows
    (organisasi/abk.py), never stored, so it cannot drift from its tasks."""

    jabatan = models.ForeignKey(
        Jabatan, on_delete=models.CASCADE, related_name="tugas_set", verbose_name=_("jabatan")
    )
    uraian_tugas = models.CharField(_("uraian tugas"), max_length=300)
    satuan_hasil = models.CharField(
        _("satuan hasil"), max_length=100, help_text=_("Mis. dokumen, laporan, berkas, pasien.")
    )
    volume_tahunan = models.PositiveIntegerField(
        _("volume kerja setahun"),
        validators=[MinValueValidator(1), MaxValueValidator(1_000_000)],
        help_text=_("Jumlah satuan hasil dalam satu tahun."),
    )
    norma_waktu_menit = models.PositiveIntegerField(
        _("norma waktu (menit)"),
        validators=[MinValueValidator(1), MaxValueValidator(100_000)],
        help_text=_("Waktu penyelesaian baku untuk satu satuan hasil, dalam menit."),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    history = HistoricalRecords()
    objects = TugasJabatanQuerySet.as_manager()

    class Meta:
        ordering = ["jabatan", "urutan", "pk"]
        verbose_name = _("tugas jabatan (ABK)")
        verbose_name_plural = _("tugas jabatan (ABK)")
        constraints = [
            models.UniqueConstraint(
                fields=["jabatan", "uraian_tugas"],
                name="tugasjabatan_uraian_unik",
                violation_error_message=_("Uraian tugas ini sudah ada pada jabatan tersebut."),
            ),
            models.CheckConstraint(
                condition=models.Q(volume_tahunan__gte=1), name="tugasjabatan_volume_positif"
            ),
            models.CheckConstraint(
                condition=models.Q(norma_waktu_menit__gte=1), name="tugasjabatan_norma_positif"
            ),
        ]

    def __str__(self) -> str:
        return self.uraian_tugas

    def get_absolute_url(self) -> str:
        return reverse("organisasi:jabatan_detail", args=[self.jabatan_id])

    @property
    def beban_menit(self) -> int:
        return self.volume_tahunan * self.norma_waktu_menit


class Pengguna(AbstractUser):
    """The user. `wilayah` is null only for national admins (superusers); a non-admin user
    without a wilayah sees nothing. The employee record links here through
    `pegawai.Pegawai.pengguna` (reverse: `user.pegawai`)."""

    wilayah = models.ForeignKey(
        Wilayah,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna_set",
        verbose_name=_("wilayah"),
    )

    objects = PenggunaManager()

    #: Loaded with the user by the authentication backend (asn_kinerja.auth) in the same
    #: query: the role names, and the unread notifications at the start of the request (what
    #: the navbar badge shows). None when the user was loaded another way: then `nama_grup`
    #: queries and the navbar counts.
    grup_dimuat: list[str] | None = None
    notifikasi_belum_dibaca_dimuat: int | None = None
    #: The user's employee record (a `pegawai.Pegawai` or None), loaded once per request by
    #: `pegawai.selectors.pegawai_dari_pengguna`. `BELUM_DIMUAT` until asked; assign
    #: `BELUM_DIMUAT` again to make the next call read it afresh.
    pegawai_dimuat: Any = BELUM_DIMUAT

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    @property
    def nama_tampilan(self) -> str:
        """The name shown for this user: the full name, else the username."""
        return self.get_full_name() or self.username

    @cached_property
    def nama_grup(self) -> set[str]:
        if self.grup_dimuat is not None:
            return set(self.grup_dimuat)
        return set(self.groups.values_list("name", flat=True))

    @property
    def is_admin_nasional(self) -> bool:
        return self.is_active and self.is_superuser

    @property
    def is_admin_kepegawaian(self) -> bool:
        return self.is_admin_nasional or (
            self.wilayah_id is not None and GRUP_ADMIN_KEPEGAWAIAN in self.nama_grup
        )

    @property
    def is_pimpinan_daerah(self) -> bool:
        return self.wilayah_id is not None and GRUP_PIMPINAN_DAERAH in self.nama_grup
