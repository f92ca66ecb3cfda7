from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .abk import anotasi_abk
from .models import (
    Jabatan,
    KebutuhanKompetensi,
    Kompetensi,
    Pengguna,
    TugasJabatan,
    UnitKerja,
    Wilayah,
)


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
            {
                "fields": [
                    "bobot_kinerja_tpp",
                    "hari_keberatan",
                    "waktu_kerja_efektif_menit",
                    "buka_tahun_otomatis",
                ]
            },
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


class TugasJabatanInline(admin.TabularInline):
    """The ABK tasks of a position, edited in place (volume x norma waktu)."""

    model = TugasJabatan
    extra = 0
    fields = ["urutan", "uraian_tugas", "satuan_hasil", "volume_tahunan", "norma_waktu_menit"]
    ordering = ["urutan", "pk"]


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
        "abk_kebutuhan",
        "abk_pemangku",
        "abk_selisih",
        "abk_kelas",
    ]
    list_filter = ["wilayah", "jenis", "is_kepala", "aktif"]
    search_fields = ["nama", "unit__nama"]
    list_select_related = ["unit", "wilayah"]
    autocomplete_fields = ["unit"]
    inlines = [KebutuhanKompetensiInline, TugasJabatanInline]

    def get_queryset(self, request):
        return anotasi_abk(super().get_queryset(request))

    @admin.display(description=_("kebutuhan (ABK)"), ordering="kebutuhan_bulat")
    def abk_kebutuhan(self, obj):
        return obj.kebutuhan_bulat

    @admin.display(description=_("pemangku"), ordering="pemangku")
    def abk_pemangku(self, obj):
        return obj.pemangku

    @admin.display(description=_("selisih"), ordering="selisih")
    def abk_selisih(self, obj):
        return obj.selisih

    @admin.display(description=_("kelas efisiensi"), ordering="rasio")
    def abk_kelas(self, obj):
        return obj.kelas or "—"


@admin.register(TugasJabatan)
class TugasJabatanAdmin(SimpleHistoryAdmin):
    list_display = [
        "uraian_tugas",
        "jabatan",
        "unit",
        "satuan_hasil",
        "volume_tahunan",
        "norma_waktu_menit",
        "beban",
    ]
    list_filter = ["jabatan__wilayah", "jabatan__jenis"]
    search_fields = ["uraian_tugas", "jabatan__nama", "jabatan__unit__nama"]
    list_select_related = ["jabatan__unit"]
    autocomplete_fields = ["jabatan"]

    @admin.display(description=_("unit kerja"), ordering="jabatan__unit__path")
    def unit(self, obj):
        return obj.jabatan.unit

    @admin.display(description=_("beban (menit)"))
    def beban(self, obj):
        return obj.beban_menit


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
