"""Admin of leave, holidays and attendance (imported by pegawai/admin.py)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Cuti, HariLibur, ImporKehadiran, PengaturanCuti


@admin.register(HariLibur)
class HariLiburAdmin(admin.ModelAdmin):
    list_display = ["tanggal", "nama", "jenis", "wilayah"]
    list_filter = ["wilayah", "jenis"]
    search_fields = ["nama"]
    date_hierarchy = "tanggal"


@admin.register(PengaturanCuti)
class PengaturanCutiAdmin(admin.ModelAdmin):
    list_display = ["wilayah", "pejabat_pemutus", "jabatan_penandatangan"]
    autocomplete_fields = ["pejabat_pemutus"]


@admin.register(Cuti)
class CutiAdmin(admin.ModelAdmin):
    """Read mostly: the flow goes through the services (pages), which log every change."""

    list_display = ["pegawai", "jenis", "tanggal_mulai", "tanggal_selesai", "jumlah_hari_kerja",
                    "status"]  # fmt: skip
    list_filter = ["status", "jenis", "pegawai__wilayah"]
    search_fields = ["pegawai__nip", "pegawai__nama"]
    list_select_related = ["pegawai"]
    date_hierarchy = "tanggal_mulai"
    readonly_fields = [f.name for f in Cuti._meta.fields if f.name not in {"id"}] + [
        "riwayat_status"
    ]

    @admin.display(description=_("Riwayat status"))
    def riwayat_status(self, obj: Cuti) -> str:
        """The leave's log, written by the workflow engine (TransisiStatus)."""
        from django.utils.html import format_html_join

        from pegawai.cuti.selectors import cuti_riwayat

        baris = [
            (f"{t.created_at:%d-%m-%Y %H:%M}", t.dari_label or "-", t.ke_label,
             t.oleh or "-", t.catatan)
            for t in cuti_riwayat(obj)
        ]  # fmt: skip
        if not baris:
            return "-"
        return format_html_join("", "<div>{} · {} → {} · {} {}</div>", baris)

    def has_add_permission(self, request):
        return False


@admin.register(ImporKehadiran)
class ImporKehadiranAdmin(admin.ModelAdmin):
    list_display = ["nama_file", "wilayah", "created_at", "jumlah_baris", "jumlah_presensi_baru",
                    "jumlah_hari_diperbarui"]  # fmt: skip
    list_filter = ["wilayah"]
    readonly_fields = ["sha256", "nip_tidak_dikenal", "baris_tidak_sah"]
