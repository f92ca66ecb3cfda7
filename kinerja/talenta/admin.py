"""Admin of talent management. The settings (pool boxes, potential thresholds) are edited
here; the other tables are read-only views: potential results, calibration overrides, locks
and succession candidates are written through the services and pages, which check the role,
lock rows and keep the audit trail."""

from django.contrib import admin

from .models import (
    HasilPotensi,
    ImporPotensi,
    Kalibrasi,
    KandidatSuksesi,
    KoreksiKotak,
    PengaturanTalenta,
    PosisiKunci,
)


@admin.register(PengaturanTalenta)
class PengaturanTalentaAdmin(admin.ModelAdmin):
    list_display = ("wilayah", "kotak_pool", "batas_menengah", "batas_tinggi", "updated_at")


class _HanyaBaca(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(HasilPotensi)
class HasilPotensiAdmin(_HanyaBaca):
    list_display = ("pegawai", "wilayah", "sumber", "tanggal", "skor", "level")
    list_filter = ("wilayah", "sumber", "level")
    search_fields = ("pegawai__nama", "pegawai__nip")
    list_select_related = ("pegawai", "wilayah")


@admin.register(ImporPotensi)
class ImporPotensiAdmin(_HanyaBaca):
    list_display = ("nama_file", "wilayah", "status", "jumlah_baris", "jumlah_galat",
                    "jumlah_dibuat", "diunggah_oleh", "created_at")  # fmt: skip
    list_filter = ("wilayah", "status")
    exclude = ("baris",)
    list_select_related = ("wilayah", "diunggah_oleh")


@admin.register(Kalibrasi)
class KalibrasiAdmin(_HanyaBaca):
    list_display = ("wilayah", "tahun", "status", "dikunci_oleh", "updated_at")
    list_filter = ("wilayah", "status", "tahun")
    list_select_related = ("wilayah", "dikunci_oleh")


@admin.register(KoreksiKotak)
class KoreksiKotakAdmin(_HanyaBaca):
    list_display = ("pegawai", "kalibrasi", "kotak_asli", "kotak_baru", "oleh", "created_at")
    search_fields = ("pegawai__nama", "pegawai__nip", "catatan")
    list_select_related = ("pegawai", "kalibrasi__wilayah", "oleh")


@admin.register(PosisiKunci)
class PosisiKunciAdmin(_HanyaBaca):
    list_display = ("jabatan", "wilayah", "ditandai_oleh", "created_at")
    list_filter = ("wilayah",)
    list_select_related = ("jabatan", "wilayah", "ditandai_oleh")


@admin.register(KandidatSuksesi)
class KandidatSuksesiAdmin(_HanyaBaca):
    list_display = ("pegawai", "posisi", "kesiapan", "skor", "created_at")
    list_filter = ("kesiapan",)
    search_fields = ("pegawai__nama", "pegawai__nip")
    list_select_related = ("pegawai", "posisi__jabatan")
