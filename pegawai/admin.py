from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Diklat,
    HukumanDisiplin,
    ImporPegawai,
    Kehadiran,
    KompetensiPegawai,
    Pegawai,
    Penghargaan,
    RiwayatJabatan,
    RiwayatPangkat,
    RiwayatPendidikan,
    UsulanMutasi,
)


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
    search_fields = ["=nip", "nama"]
    show_full_result_count = False
    list_select_related = ["jabatan", "unit", "wilayah"]
    autocomplete_fields = ["unit", "jabatan", "pengguna"]

    def get_search_results(self, request, queryset, search_term):
        """Digits: the exact, indexed NIP; anything else: the name through its trigram index.
        (The default ORs `UPPER(nip) = x` with the name match, which reads every row.)"""
        term = search_term.strip()
        if not term:
            return queryset, False
        if term.replace(" ", "").isdigit():
            return queryset.filter(nip=term.replace(" ", "")), False
        return queryset.filter(nama__icontains=term), False


@admin.register(Kehadiran)
class KehadiranAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "tanggal", "status", "jam_masuk", "jam_pulang", "menit_terlambat"]
    list_filter = ["status", "pegawai__wilayah"]
    search_fields = ["pegawai__nip", "pegawai__nama"]
    list_select_related = ["pegawai"]
    autocomplete_fields = ["pegawai"]
    date_hierarchy = "tanggal"


class RiwayatAdmin(admin.ModelAdmin):
    list_select_related = ["pegawai"]
    search_fields = ["pegawai__nip", "pegawai__nama"]
    autocomplete_fields = ["pegawai"]
    list_filter = ["pegawai__wilayah"]


for _model, _kolom in [
    (RiwayatPendidikan, ["pegawai", "tingkat", "bidang", "institusi", "tahun_lulus"]),
    (RiwayatPangkat, ["pegawai", "golongan", "tmt", "jenis", "nomor_sk"]),
    (RiwayatJabatan, ["pegawai", "nama_jabatan", "nama_unit", "jenis", "tmt", "nomor_sk"]),
    (Diklat, ["pegawai", "nama", "jenis", "tanggal_mulai", "tanggal_selesai", "jam_pelajaran"]),
    (KompetensiPegawai, ["pegawai", "kompetensi", "level", "tanggal_asesmen"]),
    (Penghargaan, ["pegawai", "nama", "pemberi", "tanggal"]),
    (HukumanDisiplin, ["pegawai", "tingkat", "jenis", "tanggal_mulai", "nomor_sk"]),
]:
    admin.site.register(
        _model, type(f"{_model.__name__}Admin", (RiwayatAdmin,), {"list_display": _kolom})
    )


@admin.register(ImporPegawai)
class ImporPegawaiAdmin(admin.ModelAdmin):
    list_display = ["nama_file", "wilayah", "status", "jumlah_baris", "jumlah_galat", "created_at"]
    list_filter = ["wilayah", "status"]
    readonly_fields = ["baris"]


@admin.register(UsulanMutasi)
class UsulanMutasiAdmin(admin.ModelAdmin):
    list_display = ["pegawai", "jabatan_tujuan", "status", "skor", "created_at"]
    list_filter = ["status", "pegawai__wilayah"]
    list_select_related = ["pegawai", "jabatan_tujuan"]
    autocomplete_fields = ["pegawai"]
    raw_id_fields = ["jabatan_asal", "jabatan_tujuan"]


from . import admin_cuti  # noqa: E402,F401  (leave/attendance admin lives beside)
