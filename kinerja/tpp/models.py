"""TPP: per-wilayah rule settings, the month of a wilayah (draft -> locked) and one row per
employee with every component of the amount (issue 15, DOMAIN.md section 7).

Rows are written only by `services.tpp_hitung` (one INSERT ... SELECT ... ON CONFLICT), the
month's status only by `services.tpp_kunci` / `tpp_buka`; every action is recorded in
`RiwayatBulanTPP`.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from asn_kinerja.models import TimeStampedModel
from asn_kinerja.querysets import WilayahScopedQuerySet
from kinerja.choices import Predikat
from pegawai.models import Cuti

from . import rules

PERSEN = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]
NAMA_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
    "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def _persen(label, default, **kw) -> models.DecimalField:
    return models.DecimalField(
        label,
        max_digits=5,
        decimal_places=2,
        default=Decimal(str(default)),
        validators=PERSEN,
        **kw,
    )


def _pagu_bawaan() -> list[int]:
    return list(rules.PAGU_BAWAAN)


def _cuti_bawaan() -> list[str]:
    return [Cuti.Jenis.BESAR, Cuti.Jenis.CLTN]


class Pembulatan(models.TextChoices):
    BAWAH = rules.Pembulatan.BAWAH, _("Ke bawah (rupiah penuh)")
    TERDEKAT = rules.Pembulatan.TERDEKAT, _("Ke rupiah terdekat")
    ATAS = rules.Pembulatan.ATAS, _("Ke atas (rupiah penuh)")


class SumberKinerja(models.TextChoices):
    PREDIKAT = rules.SumberKinerja.PREDIKAT, _("Predikat evaluasi periodik bulan itu")
    LOG_HARIAN = (
        rules.SumberKinerja.LOG_HARIAN,
        _("Persentase hari kerja dengan log harian terverifikasi"),
    )


class PengaturanTPPQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"


class PengaturanTPP(TimeStampedModel):
    """The TPP rules of one wilayah (its Perkada). Created with the defaults of issue 15 on
    first use. The kinerja weight is NOT stored here: it is `Wilayah.bobot_kinerja_tpp` (one
    source, also editable in the wilayah's admin); the discipline weight is 100 - it."""

    wilayah = models.OneToOneField(
        "organisasi.Wilayah",
        on_delete=models.CASCADE,
        related_name="pengaturan_tpp",
        verbose_name=_("wilayah"),
    )
    sumber_kinerja = models.CharField(
        _("sumber faktor kinerja"),
        max_length=12,
        choices=SumberKinerja.choices,
        default=SumberKinerja.PREDIKAT,
        help_text=_(
            "Predikat: faktor per predikat di bawah. Log harian: hari kerja bulan itu yang "
            "punya log harian terverifikasi atasan, dibagi jumlah hari kerja (maks. 100%)."
        ),
    )
    faktor_sangat_baik = _persen(_("faktor predikat Sangat Baik (%)"), 100)
    faktor_baik = _persen(_("faktor predikat Baik (%)"), 100)
    faktor_butuh_perbaikan = _persen(_("faktor predikat Butuh Perbaikan (%)"), 75)
    faktor_kurang = _persen(_("faktor predikat Kurang/Misconduct (%)"), 50)
    faktor_sangat_kurang = _persen(_("faktor predikat Sangat Kurang (%)"), 25)
    faktor_tanpa_evaluasi = _persen(_("faktor tanpa evaluasi berpredikat (%)"), 0)
    batas_menit_1 = models.PositiveSmallIntegerField(_("batas pita 1 (menit)"), default=30)
    batas_menit_2 = models.PositiveSmallIntegerField(_("batas pita 2 (menit)"), default=60)
    batas_menit_3 = models.PositiveSmallIntegerField(_("batas pita 3 (menit)"), default=90)
    potongan_1 = _persen(_("potongan pita 1 (%)"), "0.5")
    potongan_2 = _persen(_("potongan pita 2 (%)"), 1)
    potongan_3 = _persen(_("potongan pita 3 (%)"), "1.25")
    potongan_4 = _persen(
        _("potongan pita 4 / tidak absen (%)"),
        "1.5",
        help_text=_("Lebih dari batas pita 3, atau tidak absen masuk/pulang."),
    )
    potongan_alpa = _persen(_("potongan tanpa keterangan per hari (%)"), 4)
    potongan_izin = _persen(_("potongan izin per hari (%)"), 0)
    potongan_sakit = _persen(_("potongan sakit per hari (%)"), 0)
    potongan_maks = _persen(_("batas potongan disiplin (%)"), 100)
    cuti_tanpa_tpp = ArrayField(
        models.CharField(max_length=20, choices=Cuti.Jenis.choices),
        verbose_name=_("jenis cuti yang meniadakan TPP bulan itu"),
        default=_cuti_bawaan,
        blank=True,
    )
    potongan_sanksi_sedang = _persen(_("potongan hukuman disiplin sedang (%)"), 25)
    potongan_sanksi_berat = _persen(_("potongan hukuman disiplin berat (%)"), 100)
    pembulatan = models.CharField(
        _("pembulatan rupiah"), max_length=10, choices=Pembulatan.choices, default=Pembulatan.BAWAH
    )
    pagu = ArrayField(
        models.PositiveIntegerField(),
        size=17,
        verbose_name=_("pagu per kelas jabatan 1-17 (rupiah)"),
        default=_pagu_bawaan,
    )

    objects = PengaturanTPPQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengaturan TPP")
        verbose_name_plural = _("pengaturan TPP")
        constraints = [
            models.CheckConstraint(
                condition=Q(batas_menit_1__lt=models.F("batas_menit_2"))
                & Q(batas_menit_2__lt=models.F("batas_menit_3")),
                name="pengaturantpp_batas_naik",
                violation_error_message=_("Batas menit pita harus naik: pita 1 < 2 < 3."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.wilayah)

    def get_absolute_url(self) -> str:
        return reverse("tpp:pengaturan")

    @property
    def bobot_kinerja(self) -> Decimal:
        return self.wilayah.bobot_kinerja_tpp

    @property
    def bobot_disiplin(self) -> Decimal:
        return Decimal(100) - self.bobot_kinerja

    def aturan(self) -> rules.Aturan:
        return rules.Aturan(
            bobot_kinerja=self.bobot_kinerja,
            sumber_kinerja=self.sumber_kinerja,
            faktor={
                Predikat.SANGAT_BAIK: self.faktor_sangat_baik,
                Predikat.BAIK: self.faktor_baik,
                Predikat.BUTUH_PERBAIKAN: self.faktor_butuh_perbaikan,
                Predikat.KURANG: self.faktor_kurang,
                Predikat.SANGAT_KURANG: self.faktor_sangat_kurang,
            },
            faktor_tanpa_evaluasi=self.faktor_tanpa_evaluasi,
            batas_menit=(self.batas_menit_1, self.batas_menit_2, self.batas_menit_3),
            potongan_band=(self.potongan_1, self.potongan_2, self.potongan_3, self.potongan_4),
            potongan_alpa=self.potongan_alpa,
            potongan_izin=self.potongan_izin,
            potongan_sakit=self.potongan_sakit,
            potongan_maks=self.potongan_maks,
            cuti_tanpa_tpp=tuple(self.cuti_tanpa_tpp),
            potongan_sanksi_sedang=self.potongan_sanksi_sedang,
            potongan_sanksi_berat=self.potongan_sanksi_berat,
            pembulatan=self.pembulatan,
            pagu=tuple(self.pagu),
        )


class BulanTPPQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"


class BulanTPP(TimeStampedModel):
    """The TPP month of one wilayah: computed (and recomputed) while draft, then locked."""

    class Status(models.TextChoices):
        DRAF = "draf", _("Draf")
        TERKUNCI = "terkunci", _("Terkunci (final)")

    class Proses(models.TextChoices):
        KOSONG = "", _("Belum dihitung")
        ANTRE = "antre", _("Menunggu worker")
        BERJALAN = "berjalan", _("Sedang dihitung")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    wilayah = models.ForeignKey(
        "organisasi.Wilayah",
        on_delete=models.PROTECT,
        related_name="bulan_tpp_set",
        verbose_name=_("wilayah"),
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    bulan = models.PositiveSmallIntegerField(
        _("bulan"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAF
    )
    aturan = models.JSONField(_("aturan yang dipakai"), default=dict, blank=True)
    hari_kerja = models.PositiveSmallIntegerField(_("hari kerja"), default=0)
    jumlah_pegawai = models.PositiveIntegerField(_("jumlah pegawai"), default=0)
    total_pagu = models.PositiveBigIntegerField(_("total pagu"), default=0)
    total_netto = models.PositiveBigIntegerField(_("total TPP diterima"), default=0)
    jumlah_tanpa_evaluasi = models.PositiveIntegerField(_("tanpa evaluasi"), default=0)
    jumlah_kehadiran_kurang = models.PositiveIntegerField(_("kehadiran tidak lengkap"), default=0)
    dihitung_pada = models.DateTimeField(_("dihitung pada"), null=True, blank=True)
    dihitung_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dihitung oleh"),
    )
    dikunci_pada = models.DateTimeField(_("dikunci pada"), null=True, blank=True)
    dikunci_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dikunci oleh"),
    )
    proses = models.CharField(
        _("proses"), max_length=10, choices=Proses.choices, default=Proses.KOSONG, blank=True
    )
    proses_persen = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    proses_pesan = models.CharField(_("pesan proses"), max_length=500, blank=True)
    proses_mulai = models.DateTimeField(_("proses dimulai"), null=True, blank=True)

    objects = BulanTPPQuerySet.as_manager()

    class Meta:
        ordering = ["-tahun", "-bulan"]
        verbose_name = _("bulan TPP")
        verbose_name_plural = _("bulan TPP")
        constraints = [
            models.UniqueConstraint(
                fields=["wilayah", "tahun", "bulan"],
                name="bulantpp_unik",
                violation_error_message=_("TPP bulan ini sudah ada di wilayah ini."),
            ),
            models.CheckConstraint(
                condition=Q(bulan__gte=1, bulan__lte=12), name="bulantpp_bulan_sah"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draf", "terkunci"]), name="bulantpp_status_sah"
            ),
            models.CheckConstraint(
                condition=Q(status="draf") | Q(dikunci_pada__isnull=False),
                name="bulantpp_terkunci_bertanggal",
            ),
        ]

    def __str__(self) -> str:
        return _("TPP %(bulan)s %(tahun)s") % {"bulan": self.nama_bulan, "tahun": self.tahun}

    def get_absolute_url(self) -> str:
        return reverse("tpp:bulantpp_detail", args=[self.pk])

    @property
    def nama_bulan(self) -> str:
        return NAMA_BULAN[self.bulan - 1]

    @property
    def is_draf(self) -> bool:
        return self.status == self.Status.DRAF

    @property
    def sedang_diproses(self) -> bool:
        return self.proses in (self.Proses.ANTRE, self.Proses.BERJALAN)


class TPPPegawaiQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"


class TPPPegawai(models.Model):
    """One employee's TPP of one month with every component (see rules.hitung). Names, NIP,
    rank, unit and position are copied at computation so a locked list stays as paid."""

    bulan = models.ForeignKey(
        BulanTPP, on_delete=models.CASCADE, related_name="baris_set", verbose_name=_("bulan")
    )
    wilayah = models.ForeignKey(
        "organisasi.Wilayah", on_delete=models.PROTECT, related_name="+", verbose_name=_("wilayah")
    )
    pegawai = models.ForeignKey(
        "pegawai.Pegawai",
        on_delete=models.PROTECT,
        related_name="tpp_set",
        verbose_name=_("pegawai"),
    )
    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit kerja"),
    )
    jabatan = models.ForeignKey(
        "organisasi.Jabatan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("jabatan"),
    )
    unit_path = models.CharField(
        _("jalur unit"), max_length=500, default="", editable=False,
        help_text=_("UnitKerja.path saat dihitung: urutan pohon dan saringan subtree tanpa join."),
    )  # fmt: skip
    nip = models.CharField(_("NIP"), max_length=18)
    nama = models.CharField(_("nama"), max_length=250)
    golongan = models.CharField(_("golongan"), max_length=10, blank=True)
    nama_jabatan = models.CharField(_("nama jabatan"), max_length=200, blank=True)
    status_aktif = models.CharField(_("status pegawai"), max_length=10)
    kelas_jabatan = models.PositiveSmallIntegerField(_("kelas jabatan"), null=True, blank=True)
    pagu = models.PositiveBigIntegerField(_("pagu"), default=0)
    predikat = models.CharField(  # noqa: DJ001 - null = no rated evaluation, as in EvaluasiPeriodik
        _("predikat"), max_length=20, choices=Predikat.choices, null=True, blank=True
    )
    faktor_kinerja = models.DecimalField(_("faktor kinerja (%)"), max_digits=5, decimal_places=2)
    hari_kerja = models.PositiveSmallIntegerField(_("hari kerja"), default=0)
    hari_tercatat = models.PositiveSmallIntegerField(_("hari tercatat"), default=0)
    terlambat_1 = models.PositiveSmallIntegerField(_("terlambat pita 1"), default=0)
    terlambat_2 = models.PositiveSmallIntegerField(_("terlambat pita 2"), default=0)
    terlambat_3 = models.PositiveSmallIntegerField(_("terlambat pita 3"), default=0)
    terlambat_4 = models.PositiveSmallIntegerField(_("terlambat pita 4"), default=0)
    pulang_cepat_1 = models.PositiveSmallIntegerField(_("pulang cepat pita 1"), default=0)
    pulang_cepat_2 = models.PositiveSmallIntegerField(_("pulang cepat pita 2"), default=0)
    pulang_cepat_3 = models.PositiveSmallIntegerField(_("pulang cepat pita 3"), default=0)
    pulang_cepat_4 = models.PositiveSmallIntegerField(_("pulang cepat pita 4"), default=0)
    tanpa_absen_masuk = models.PositiveSmallIntegerField(_("tidak absen masuk"), default=0)
    tanpa_absen_pulang = models.PositiveSmallIntegerField(_("tidak absen pulang"), default=0)
    alpa = models.PositiveSmallIntegerField(_("tanpa keterangan"), default=0)
    izin = models.PositiveSmallIntegerField(_("izin"), default=0)
    sakit = models.PositiveSmallIntegerField(_("sakit"), default=0)
    cuti = models.PositiveSmallIntegerField(_("cuti"), default=0)
    dinas_luar = models.PositiveSmallIntegerField(_("dinas luar"), default=0)
    persen_potongan_disiplin = models.DecimalField(
        _("potongan disiplin (%)"),
        max_digits=7,
        decimal_places=2,
        help_text=_("Jumlah sebelum batas."),
    )
    nilai_kinerja = models.DecimalField(_("nilai kinerja"), max_digits=16, decimal_places=2)
    nilai_disiplin = models.DecimalField(_("nilai disiplin"), max_digits=16, decimal_places=2)
    potongan_kinerja = models.DecimalField(_("potongan kinerja"), max_digits=16, decimal_places=2)
    potongan_disiplin = models.DecimalField(_("potongan disiplin"), max_digits=16, decimal_places=2)
    sanksi_tingkat = models.CharField(_("hukuman disiplin berlaku"), max_length=10, blank=True)
    cuti_tanpa_tpp = models.CharField(_("cuti tanpa TPP"), max_length=20, blank=True)
    persen_potongan_sanksi = models.DecimalField(
        _("potongan sanksi/status (%)"), max_digits=5, decimal_places=2
    )
    potongan_sanksi = models.DecimalField(_("potongan sanksi"), max_digits=16, decimal_places=2)
    netto = models.PositiveBigIntegerField(_("TPP diterima"))
    hari_log = models.PositiveSmallIntegerField(
        _("hari dengan log harian terverifikasi"),
        null=True,
        blank=True,
        help_text=_("Diisi bila faktor kinerja wilayah dihitung dari log harian."),
    )
    tanpa_evaluasi = models.BooleanField(
        _("tanpa evaluasi"),
        default=False,
        help_text=_(
            "Tanpa evaluasi berpredikat, atau (sumber log harian) tanpa log terverifikasi."
        ),
    )
    kehadiran_kurang = models.BooleanField(_("kehadiran tidak lengkap"), default=False)
    tanpa_kelas = models.BooleanField(_("tanpa kelas jabatan"), default=False)
    dihitung_pada = models.DateTimeField(_("dihitung pada"))

    objects = TPPPegawaiQuerySet.as_manager()

    class Meta:
        ordering = ["unit_path", "nama", "id"]
        verbose_name = _("TPP pegawai")
        verbose_name_plural = _("TPP pegawai")
        constraints = [
            models.UniqueConstraint(fields=["bulan", "pegawai"], name="tpppegawai_unik"),
        ]
        indexes = [
            models.Index(fields=["bulan", "unit"], name="tpppegawai_bulan_unit_idx"),
            # the default order (tree, then name) as an index scan: no sort of the month
            models.Index(
                fields=["bulan", "unit_path", "nama", "id"], name="tpppegawai_bulan_urut_idx"
            ),
            # a subtree (unit_path LIKE '/1/7/%') of one month
            models.Index(
                fields=["bulan", "unit_path"],
                opclasses=["int8_ops", "varchar_pattern_ops"],
                name="tpppegawai_bulan_subtree_idx",
            ),
            models.Index(fields=["bulan", "nama"], name="tpppegawai_bulan_nama_idx"),
            models.Index(fields=["pegawai", "bulan"], name="tpppegawai_pegawai_idx"),
            models.Index(fields=["bulan", "netto"], name="tpppegawai_bulan_netto_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.nip}) {self.bulan_id}"

    def get_absolute_url(self) -> str:
        return reverse("tpp:tpppegawai_detail", args=[self.pk])

    @property
    def flags(self) -> list[str]:
        out = []
        if self.tanpa_evaluasi:
            if self.hari_log is None:
                out.append(str(_("tanpa evaluasi")))
            else:
                out.append(str(_("tanpa log harian terverifikasi")))
        if self.kehadiran_kurang:
            out.append(str(_("kehadiran tidak lengkap")))
        if self.tanpa_kelas:
            out.append(str(_("tanpa kelas jabatan")))
        return out

    def masukan(self) -> rules.Masukan:
        return rules.Masukan(
            kelas_jabatan=self.kelas_jabatan,
            predikat=self.predikat,
            terlambat=(self.terlambat_1, self.terlambat_2, self.terlambat_3, self.terlambat_4),
            pulang_cepat=(
                self.pulang_cepat_1,
                self.pulang_cepat_2,
                self.pulang_cepat_3,
                self.pulang_cepat_4,
            ),
            tanpa_absen_masuk=self.tanpa_absen_masuk,
            tanpa_absen_pulang=self.tanpa_absen_pulang,
            alpa=self.alpa,
            izin=self.izin,
            sakit=self.sakit,
            aktif=self.status_aktif == "aktif",
            sanksi_tingkat=self.sanksi_tingkat,
            cuti_tanpa_tpp=self.cuti_tanpa_tpp,
            hari_log=self.hari_log or 0,
            hari_kerja=self.hari_kerja,
        )


class TPPUnitQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "wilayah"


class TPPUnit(models.Model):
    """The month's totals of one unit's own employees, written with the rows by
    `services.tpp_hitung` (one INSERT ... SELECT ... GROUP BY). Pages and dashboards sum
    these (hundreds of rows, a subtree by path prefix) instead of the employee rows."""

    bulan = models.ForeignKey(
        BulanTPP, on_delete=models.CASCADE, related_name="unit_set", verbose_name=_("bulan")
    )
    wilayah = models.ForeignKey(
        "organisasi.Wilayah", on_delete=models.PROTECT, related_name="+", verbose_name=_("wilayah")
    )
    unit = models.ForeignKey(
        "organisasi.UnitKerja",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit kerja"),
    )
    jumlah = models.PositiveIntegerField(_("jumlah pegawai"), default=0)
    pagu = models.PositiveBigIntegerField(_("pagu"), default=0)
    potongan_kinerja = models.DecimalField(_("potongan kinerja"), max_digits=18, decimal_places=2)
    potongan_disiplin = models.DecimalField(_("potongan disiplin"), max_digits=18, decimal_places=2)
    potongan_sanksi = models.DecimalField(_("potongan sanksi"), max_digits=18, decimal_places=2)
    netto = models.PositiveBigIntegerField(_("TPP diterima"), default=0)
    jumlah_tanpa_evaluasi = models.PositiveIntegerField(_("tanpa evaluasi"), default=0)
    dihitung_pada = models.DateTimeField(_("dihitung pada"))

    objects = TPPUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("TPP unit")
        verbose_name_plural = _("TPP unit")
        constraints = [models.UniqueConstraint(fields=["bulan", "unit"], name="tppunit_unik")]

    def __str__(self) -> str:
        return f"{self.bulan_id} {self.unit_id}"


class RiwayatBulanTPPQuerySet(WilayahScopedQuerySet):
    wilayah_lookup = "bulan__wilayah"


class RiwayatBulanTPP(models.Model):
    """Audit trail of a TPP month: every computation, lock and reopening (with its note)."""

    class Aksi(models.TextChoices):
        HITUNG = "hitung", _("Dihitung")
        KUNCI = "kunci", _("Dikunci")
        BUKA = "buka", _("Dibuka kembali")
        PENGATURAN = "pengaturan", _("Pengaturan diubah")

    bulan = models.ForeignKey(
        BulanTPP, on_delete=models.CASCADE, related_name="riwayat_set", verbose_name=_("bulan")
    )
    aksi = models.CharField(_("aksi"), max_length=12, choices=Aksi.choices)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("oleh"),
    )
    pada = models.DateTimeField(_("pada"))
    catatan = models.CharField(_("catatan"), max_length=500, blank=True)
    ringkasan = models.JSONField(_("ringkasan"), default=dict, blank=True)

    objects = RiwayatBulanTPPQuerySet.as_manager()

    class Meta:
        ordering = ["-pada", "-pk"]
        verbose_name = _("riwayat bulan TPP")
        verbose_name_plural = _("riwayat bulan TPP")

    def __str__(self) -> str:
        return f"{self.bulan_id} {self.aksi} {self.pada:%Y-%m-%d %H:%M}"
