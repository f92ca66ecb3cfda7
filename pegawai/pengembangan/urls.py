from django.urls import path

from . import views

app_name = "pengembangan"

urlpatterns = [
    path("", views.SayaView.as_view(), name="saya"),
    path("program/", views.ProgramListView.as_view(), name="program_list"),
    path("program/baru/", views.ProgramBuatView.as_view(), name="program_buat"),
    path("program/<int:pk>/", views.ProgramDetailView.as_view(), name="program_detail"),
    path("program/<int:pk>/ubah/", views.ProgramUbahView.as_view(), name="program_ubah"),
    path("program/<int:pk>/hapus/", views.program_hapus, name="program_hapus"),
    path("program/<int:pk>/daftar/", views.pendaftaran_ajukan, name="pendaftaran_ajukan"),
    path("rencana/baru/", views.RencanaBuatView.as_view(), name="rencana_buat"),
    path("rencana/<int:pk>/", views.RencanaDetailView.as_view(), name="rencana_detail"),
    path("rencana/<int:pk>/ubah/", views.RencanaUbahView.as_view(), name="rencana_ubah"),
    path("rencana/<int:pk>/kegiatan/", views.kegiatan_tambah, name="kegiatan_tambah"),
    path("rencana/<int:pk>/ajukan/", views.rencana_ajukan, name="rencana_ajukan"),
    path("rencana/<int:pk>/putuskan/", views.rencana_putuskan, name="rencana_putuskan"),
    path("kegiatan/<int:pk>/hapus/", views.kegiatan_hapus, name="kegiatan_hapus"),
    path("kegiatan/<int:pk>/status/", views.kegiatan_status, name="kegiatan_status"),
    path("persetujuan/", views.PersetujuanView.as_view(), name="persetujuan"),
    path("pendaftaran/", views.PendaftaranHRView.as_view(), name="pendaftaran_hr"),
    path(
        "pendaftaran/<int:pk>/atasan/",
        views.pendaftaran_putus_atasan,
        name="pendaftaran_putus_atasan",
    ),
    path("pendaftaran/<int:pk>/putuskan/", views.pendaftaran_putus_hr, name="pendaftaran_putus_hr"),
    path("pendaftaran/<int:pk>/selesai/", views.pendaftaran_selesai, name="pendaftaran_selesai"),
    path("pendaftaran/<int:pk>/batalkan/", views.pendaftaran_batalkan, name="pendaftaran_batalkan"),
    path("dasbor/", views.DasborView.as_view(), name="dasbor"),
    path("kesenjangan/", views.KesenjanganListView.as_view(), name="kesenjangan_list"),
]
