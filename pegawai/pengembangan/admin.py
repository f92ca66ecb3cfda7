"""Admin: read-mostly views (writes go through the services and pages)."""

from django.contrib import admin

from .models import (
    KegiatanPengembangan,
    PendaftaranProgram,
    ProgramPengembangan,
    RencanaPengembangan,
)


@admin.register(ProgramPengembangan)
class ProgramPengembanganAdmin(admin.ModelAdmin):
    list_display = (
        "judul",
        "wilayah",
        "jenis",
        "jam_pelajaran",
        "tanggal_mulai",
        "kuota",
        "terbuka",
    )
    list_filter = ("wilayah", "jenis", "terbuka")
    search_fields = ("judul", "penyelenggara")


@admin.register(PendaftaranProgram)
class PendaftaranProgramAdmin(admin.ModelAdmin):
    list_display = ("program", "pegawai", "status", "jp_realisasi", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("program", "pegawai", "diklat")


class KegiatanInline(admin.TabularInline):
    model = KegiatanPengembangan
    extra = 0


@admin.register(RencanaPengembangan)
class RencanaPengembanganAdmin(admin.ModelAdmin):
    list_display = ("pegawai", "tahun", "target_jp", "status")
    list_filter = ("status", "tahun")
    raw_id_fields = ("pegawai", "disetujui_oleh")
    inlines = [KegiatanInline]
