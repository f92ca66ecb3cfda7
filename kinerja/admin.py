"""Django admin of every kinerja model. Models with a change history use SimpleHistoryAdmin
(the "Riwayat" button). Status changes should go through the application (workflow), so
status fields are read-only here; admin is for inspection and support fixes."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    SKP,
    BuktiDukung,
    EkspektasiPerilaku,
    EvaluasiPeriodik,
    EvaluasiTahunan,
    IndikatorKinerja,
    Keberatan,
    LogHarian,
    PeriodeKinerja,
    PeriodePenilaian,
    PredikatUnit,
    RealisasiIndikator,
    RencanaHasilKerja,
    RencanaPembinaan,
    TargetUnit,
    UmpanBalik,
    UmpanBalikHasil,
    UmpanBalikPerilaku,
)


class PeriodePenilaianInline(admin.TabularInline):
    model = PeriodePenilaian
    extra = 0
    fields = ["nomor", "nama", "tanggal_mulai", "tanggal_selesai", "status"]


@admin.register(PeriodeKinerja)
class PeriodeKinerjaAdmin(admin.ModelAdmin):
    list_display = ["tahun", "wilayah", "granularitas", "status", "batas_hari_keberatan"]
    list_filter = ["wilayah", "status", "granularitas"]
    list_select_related = ["wilayah"]
    inlines = [PeriodePenilaianInline]


@admin.register(PeriodePenilaian)
class PeriodePenilaianAdmin(admin.ModelAdmin):
    list_display = ["nama", "periode_kinerja", "tanggal_mulai", "tanggal_selesai", "status"]
    list_filter = ["status", "periode_kinerja__wilayah", "periode_kinerja__tahun"]
    list_select_related = ["periode_kinerja__wilayah"]


@admin.register(TargetUnit)
class TargetUnitAdmin(admin.ModelAdmin):
    list_display = ["sasaran", "unit", "periode_kinerja", "perspektif", "target", "urutan"]
    list_filter = ["periode_kinerja__wilayah", "periode_kinerja__tahun", "perspektif"]
    search_fields = ["sasaran", "indikator", "unit__nama"]
    list_select_related = ["unit", "periode_kinerja"]
    autocomplete_fields = ["unit"]


class RHKInline(admin.TabularInline):
    model = RencanaHasilKerja
    fk_name = "skp"
    extra = 0
    fields = ["urutan", "teks", "jenis", "rhk_atasan", "target_unit", "perspektif"]
    raw_id_fields = ["rhk_atasan", "target_unit"]


class EkspektasiInline(admin.TabularInline):
    model = EkspektasiPerilaku
    extra = 0
    fields = ["perilaku", "ekspektasi"]


@admin.register(SKP)
class SKPAdmin(SimpleHistoryAdmin):
    list_display = ["pegawai", "periode_kinerja", "wilayah", "status", "pejabat_penilai",
                    "is_jpt", "disetujui_pada"]  # fmt: skip
    list_filter = ["wilayah", "status", "periode_kinerja__tahun", "is_jpt", "pendekatan"]
    search_fields = ["pegawai__nama", "pegawai__nip"]
    list_select_related = ["pegawai", "periode_kinerja", "wilayah", "pejabat_penilai"]
    raw_id_fields = ["pegawai", "pejabat_penilai", "atasan_pejabat_penilai"]
    readonly_fields = ["status", "snapshot", "disetujui_pada", "wilayah"]
    inlines = [RHKInline, EkspektasiInline]


class IndikatorInline(admin.TabularInline):
    model = IndikatorKinerja
    extra = 0
    fields = ["urutan", "aspek", "teks", "target_nilai", "target_satuan", "target_kualitatif"]


@admin.register(RencanaHasilKerja)
class RencanaHasilKerjaAdmin(SimpleHistoryAdmin):
    list_display = ["teks", "skp", "jenis", "rhk_atasan", "perspektif"]
    list_filter = ["jenis", "skp__wilayah", "skp__periode_kinerja__tahun"]
    search_fields = ["teks", "skp__pegawai__nama", "skp__pegawai__nip"]
    list_select_related = ["skp__pegawai", "skp__periode_kinerja", "rhk_atasan"]
    raw_id_fields = ["skp", "rhk_atasan", "target_unit"]
    inlines = [IndikatorInline]


@admin.register(IndikatorKinerja)
class IndikatorKinerjaAdmin(SimpleHistoryAdmin):
    list_display = ["teks", "rhk", "aspek", "target_teks"]
    list_filter = ["aspek", "rhk__skp__wilayah"]
    search_fields = ["teks", "rhk__teks"]
    list_select_related = ["rhk"]
    raw_id_fields = ["rhk"]


@admin.register(EkspektasiPerilaku)
class EkspektasiPerilakuAdmin(SimpleHistoryAdmin):
    list_display = ["skp", "perilaku", "ekspektasi"]
    list_filter = ["perilaku", "skp__wilayah"]
    search_fields = ["skp__pegawai__nama", "ekspektasi"]
    list_select_related = ["skp__pegawai", "skp__periode_kinerja"]
    raw_id_fields = ["skp"]


class RealisasiInline(admin.TabularInline):
    model = RealisasiIndikator
    extra = 0
    raw_id_fields = ["indikator"]


class BuktiInline(admin.TabularInline):
    model = BuktiDukung
    extra = 0
    raw_id_fields = ["realisasi", "diunggah_oleh"]


@admin.register(EvaluasiPeriodik)
class EvaluasiPeriodikAdmin(SimpleHistoryAdmin):
    list_display = ["skp", "periode_penilaian", "status", "rating_hasil", "rating_perilaku",
                    "predikat"]  # fmt: skip
    list_filter = ["status", "predikat", "skp__wilayah", "periode_penilaian__nomor"]
    search_fields = ["skp__pegawai__nama", "skp__pegawai__nip"]
    list_select_related = ["skp__pegawai", "skp__periode_kinerja", "periode_penilaian"]
    raw_id_fields = ["skp", "periode_penilaian", "dinilai_oleh"]
    readonly_fields = ["status", "predikat"]
    inlines = [RealisasiInline, BuktiInline]


@admin.register(EvaluasiTahunan)
class EvaluasiTahunanAdmin(SimpleHistoryAdmin):
    list_display = ["skp", "status", "predikat"]
    list_filter = ["status", "predikat", "skp__wilayah"]
    search_fields = ["skp__pegawai__nama", "skp__pegawai__nip"]
    list_select_related = ["skp__pegawai", "skp__periode_kinerja"]
    raw_id_fields = ["skp"]
    readonly_fields = ["status", "predikat"]


@admin.register(RealisasiIndikator)
class RealisasiIndikatorAdmin(admin.ModelAdmin):
    list_display = ["indikator", "evaluasi", "nilai"]
    raw_id_fields = ["evaluasi", "indikator"]
    list_select_related = ["indikator", "evaluasi"]


@admin.register(BuktiDukung)
class BuktiDukungAdmin(admin.ModelAdmin):
    list_display = ["nama", "evaluasi", "ukuran", "diunggah_oleh", "created_at"]
    search_fields = ["nama"]
    raw_id_fields = ["evaluasi", "realisasi", "diunggah_oleh"]
    list_select_related = ["evaluasi", "diunggah_oleh"]


@admin.register(UmpanBalikHasil)
class UmpanBalikHasilAdmin(admin.ModelAdmin):
    list_display = ["evaluasi", "rhk", "teks"]
    raw_id_fields = ["evaluasi", "rhk"]


@admin.register(UmpanBalikPerilaku)
class UmpanBalikPerilakuAdmin(admin.ModelAdmin):
    list_display = ["evaluasi", "perilaku", "teks"]
    list_filter = ["perilaku"]
    raw_id_fields = ["evaluasi"]


@admin.register(Keberatan)
class KeberatanAdmin(admin.ModelAdmin):
    list_display = ["evaluasi", "status", "diputus_oleh", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["evaluasi", "diputus_oleh"]
    readonly_fields = ["status"]


@admin.register(PredikatUnit)
class PredikatUnitAdmin(admin.ModelAdmin):
    list_display = ["unit", "periode_kinerja", "periode_penilaian", "predikat"]
    list_filter = ["predikat", "unit__wilayah"]
    search_fields = ["unit__nama"]
    list_select_related = ["unit", "periode_kinerja", "periode_penilaian"]
    autocomplete_fields = ["unit"]


@admin.register(LogHarian)
class LogHarianAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "pegawai", "kegiatan", "status", "diverifikasi_oleh"]
    list_filter = ["status", "wilayah"]
    search_fields = ["pegawai__nama", "pegawai__nip", "kegiatan"]
    date_hierarchy = "tanggal"
    list_select_related = ["pegawai", "diverifikasi_oleh"]
    raw_id_fields = ["pegawai", "rhk", "diverifikasi_oleh"]
    readonly_fields = ["status", "wilayah"]


@admin.register(UmpanBalik)
class UmpanBalikAdmin(admin.ModelAdmin):
    list_display = ["created_at", "dari", "kepada", "jenis", "dibaca_pada"]
    list_filter = ["jenis", "wilayah"]
    search_fields = ["dari__nama", "kepada__nama", "teks"]
    list_select_related = ["dari", "kepada"]
    raw_id_fields = ["dari", "kepada", "skp"]


@admin.register(RencanaPembinaan)
class RencanaPembinaanAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "periode_kinerja", "status", "target_waktu"]
    list_filter = ["status", "periode_kinerja__wilayah"]
    search_fields = ["pegawai__nama", "pegawai__nip", "rencana"]
    list_select_related = ["pegawai", "periode_kinerja"]
    raw_id_fields = ["pegawai", "evaluasi", "dibuat_oleh"]
