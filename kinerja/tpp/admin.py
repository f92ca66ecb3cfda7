"""Admin: read-mostly views of the TPP tables (writes go through the services and pages)."""

from django.contrib import admin

from .models import BulanTPP, PengaturanTPP, RiwayatBulanTPP, TPPPegawai


@admin.register(PengaturanTPP)
class PengaturanTPPAdmin(admin.ModelAdmin):
    list_display = ("wilayah", "bobot_kinerja", "potongan_alpa", "pembulatan", "updated_at")


@admin.register(BulanTPP)
class BulanTPPAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "wilayah",
        "status",
        "jumlah_pegawai",
        "total_netto",
        "dihitung_pada",
    )
    list_filter = ("status", "wilayah")
    readonly_fields = [f.name for f in BulanTPP._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(TPPPegawai)
class TPPPegawaiAdmin(admin.ModelAdmin):
    list_display = ("nama", "nip", "bulan", "pagu", "netto")
    list_filter = ("bulan__wilayah",)
    search_fields = ("nama", "nip")
    list_select_related = ("bulan__wilayah",)
    raw_id_fields = ("pegawai", "unit", "jabatan", "bulan")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RiwayatBulanTPP)
class RiwayatBulanTPPAdmin(admin.ModelAdmin):
    list_display = ("bulan", "aksi", "oleh", "pada", "catatan")
    list_select_related = ("bulan__wilayah", "oleh")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
