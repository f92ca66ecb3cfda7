"""Leave, holidays, attendance, discipline."""

from django.urls import path

from .cuti import views

urlpatterns: list = [
    path("cuti/", views.CutiListView.as_view(), name="cuti_list"),
    path("cuti/ajukan/", views.CutiCreateView.as_view(), name="cuti_create"),
    path("cuti/persetujuan/", views.CutiPersetujuanView.as_view(), name="cuti_persetujuan"),
    path("cuti/<int:pk>/", views.CutiDetailView.as_view(), name="cuti_detail"),
    path(
        "cuti/<int:pk>/rekomendasi/", views.CutiRekomendasiView.as_view(), name="cuti_rekomendasi"
    ),
    path("cuti/<int:pk>/putusan/", views.CutiPutusanView.as_view(), name="cuti_putusan"),
    path("cuti/<int:pk>/batal/", views.CutiBatalView.as_view(), name="cuti_batal"),
    path("cuti/<int:pk>/surat.pdf", views.cuti_surat, name="cuti_surat"),
    path("cuti/<int:pk>/lampiran/", views.cuti_lampiran, name="cuti_lampiran"),
    path("libur/", views.LiburListView.as_view(), name="libur_list"),
    path("libur/tambah/", views.LiburCreateView.as_view(), name="libur_create"),
    path("libur/<int:pk>/ubah/", views.LiburUpdateView.as_view(), name="libur_update"),
    path("libur/<int:pk>/hapus/", views.LiburDeleteView.as_view(), name="libur_delete"),
    path("kehadiran/", views.KehadiranListView.as_view(), name="kehadiran_list"),
    path("kehadiran/rekap/", views.KehadiranRekapView.as_view(), name="kehadiran_rekap"),
    path("kehadiran/impor/", views.KehadiranImporView.as_view(), name="kehadiran_impor"),
    path(
        "kehadiran/impor/<int:pk>/",
        views.KehadiranImporDetailView.as_view(),
        name="kehadiran_impor_detail",
    ),
    path("kehadiran/<int:pk>/ubah/", views.KehadiranUbahView.as_view(), name="kehadiran_update"),
    path("disiplin/", views.DisiplinListView.as_view(), name="disiplin_list"),
]
