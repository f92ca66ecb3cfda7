from django.contrib import admin

from .models import ProsesLaporan, RekapPegawai, RekapUnit, RekapWilayah


class HanyaBacaAdmin(admin.ModelAdmin):
    """Recap rows are computed (services.rekap.rekap_hitung): shown, never edited by hand."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RekapWilayah)
class RekapWilayahAdmin(HanyaBacaAdmin):
    list_display = ("wilayah", "periode_penilaian", "jumlah_pegawai", "jumlah_evaluasi_dinilai",
                    "jumlah_unit_melanggar_kurva", "dihitung_pada")  # fmt: skip
    list_filter = ("wilayah",)


@admin.register(RekapUnit)
class RekapUnitAdmin(HanyaBacaAdmin):
    list_display = ("unit", "periode_penilaian", "jumlah_pegawai", "predikat_unit", "kurva_ok",
                    "dihitung_pada")  # fmt: skip
    list_filter = ("wilayah", "kurva_ok")
    list_select_related = ("unit", "periode_penilaian")


@admin.register(RekapPegawai)
class RekapPegawaiAdmin(HanyaBacaAdmin):
    list_display = ("pegawai", "periode_penilaian", "unit", "status_evaluasi", "predikat",
                    "dihitung_pada")  # fmt: skip
    list_filter = ("wilayah", "predikat")
    list_select_related = ("pegawai", "periode_penilaian", "unit")
    raw_id_fields = ("pegawai", "unit", "skp", "evaluasi", "pejabat_penilai")
    search_fields = ("pegawai__nama", "pegawai__nip")


@admin.register(ProsesLaporan)
class ProsesLaporanAdmin(admin.ModelAdmin):
    list_display = ("jenis", "wilayah", "periode_penilaian", "status", "persen", "dibuat_oleh",
                    "created_at")  # fmt: skip
    list_filter = ("jenis", "status", "wilayah")
    readonly_fields = ("ringkasan", "mulai_pada", "selesai_pada")
