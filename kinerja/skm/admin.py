from django.contrib import admin

from .models import JenisLayanan, PenolakanSKM, TanggapanSKM, UnitLayanan


class JenisLayananInline(admin.TabularInline):
    model = JenisLayanan
    extra = 0


@admin.register(UnitLayanan)
class UnitLayananAdmin(admin.ModelAdmin):
    list_display = ["nama_publik", "unit", "wilayah", "dibuka"]
    list_filter = ["wilayah", "dibuka"]
    search_fields = ["nama_publik", "unit__nama"]
    raw_id_fields = ["unit", "petugas"]
    inlines = [JenisLayananInline]


@admin.register(TanggapanSKM)
class TanggapanSKMAdmin(admin.ModelAdmin):
    list_display = [
        "dikirim_pada",
        "unit_layanan",
        "jenis_layanan",
        "total_nilai",
        "ditindaklanjuti",
    ]
    list_filter = ["unit_layanan__wilayah", "ditindaklanjuti"]
    raw_id_fields = ["unit_layanan", "jenis_layanan", "petugas", "dijawab_oleh"]
    date_hierarchy = "tanggal"


@admin.register(PenolakanSKM)
class PenolakanSKMAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "unit_layanan", "alasan", "jumlah"]
    list_filter = ["alasan", "unit_layanan__wilayah"]
