from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import Jabatan, KebutuhanKompetensi, Kompetensi, Pengguna, UnitKerja, Wilayah


@admin.register(Wilayah)
class WilayahAdmin(admin.ModelAdmin):
    list_display = ["nama", "kode", "jenis", "zona_waktu", "jam_masuk", "jam_pulang"]
    search_fields = ["nama", "kode", "nama_instansi"]
    list_filter = ["jenis", "zona_waktu"]
    fieldsets = [
        (None, {"fields": ["kode", "nama", "jenis", "nama_instansi", "zona_waktu"]}),
        (
            _("Kop surat"),
            {
                "fields": [
                    "kop_baris_1",
                    "kop_baris_2",
                    "alamat",
                    "telepon",
                    "email",
                    "situs",
                    "kota_surat",
                    "logo",
                ]
            },
        ),  # fmt: skip
        (_("Jam kerja"), {"fields": ["jam_masuk", "jam_pulang", "jam_pulang_jumat"]}),
        (
            _("Pengaturan aturan"),
            {"fields": ["bobot_kinerja_tpp", "hari_keberatan", "waktu_kerja_efektif_menit"]},
        ),
    ]


@admin.register(UnitKerja)
class UnitKerjaAdmin(SimpleHistoryAdmin):
    list_display = ["nama", "kode", "jenis", "wilayah", "parent", "depth", "aktif"]
    list_filter = ["wilayah", "jenis", "aktif"]
    search_fields = ["nama", "kode"]
    list_select_related = ["wilayah", "parent"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["path", "depth"]


class KebutuhanKompetensiInline(admin.TabularInline):
    model = KebutuhanKompetensi
    extra = 0
    autocomplete_fields = ["kompetensi"]


@admin.register(Jabatan)
class JabatanAdmin(SimpleHistoryAdmin):
    list_display = [
        "nama",
        "jenis",
        "eselon",
        "kelas_jabatan",
        "unit",
        "wilayah",
        "is_kepala",
        "aktif",
    ]
    list_filter = ["wilayah", "jenis", "is_kepala", "aktif"]
    search_fields = ["nama", "unit__nama"]
    list_select_related = ["unit", "wilayah"]
    autocomplete_fields = ["unit"]
    inlines = [KebutuhanKompetensiInline]


@admin.register(Kompetensi)
class KompetensiAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "jenis", "level_maks"]
    list_filter = ["jenis"]
    search_fields = ["kode", "nama"]


@admin.register(Pengguna)
class PenggunaAdmin(UserAdmin):
    list_display = [
        "username",
        "first_name",
        "last_name",
        "wilayah",
        "is_staff",
        "is_superuser",
        "is_active",
    ]
    list_filter = ["wilayah", "is_staff", "is_superuser", "is_active", "groups"]
    list_select_related = ["wilayah"]
    fieldsets = [*UserAdmin.fieldsets, (_("Wilayah"), {"fields": ["wilayah"]})]
    add_fieldsets = [*UserAdmin.add_fieldsets, (_("Wilayah"), {"fields": ["wilayah"]})]
