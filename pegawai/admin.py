from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Kehadiran, Pegawai


@admin.register(Pegawai)
class PegawaiAdmin(SimpleHistoryAdmin):
    list_display = [
        "nip",
        "nama",
        "status_kepegawaian",
        "golongan",
        "jabatan",
        "unit",
        "wilayah",
        "status_aktif",
    ]
    list_filter = ["wilayah", "status_kepegawaian", "status_aktif", "jenis_kelamin", "golongan"]
    search_fields = ["nip", "nama"]
    list_select_related = ["jabatan", "unit", "wilayah"]
    autocomplete_fields = ["unit", "jabatan", "pengguna"]
    date_hierarchy = "tanggal_lahir"


@admin.register(Kehadiran)
class KehadiranAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "tanggal", "status", "jam_masuk", "jam_pulang", "menit_terlambat"]
    list_filter = ["status", "pegawai__wilayah"]
    search_fields = ["pegawai__nip", "pegawai__nama"]
    list_select_related = ["pegawai"]
    autocomplete_fields = ["pegawai"]
    date_hierarchy = "tanggal"


from . import admin_cuti  # noqa: E402,F401  (leave/attendance admin lives beside)
