"""Employee records, histories, import, placement."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.PegawaiListView.as_view(), name="pegawai_list"),
    path("ekspor/", views.PegawaiExportView.as_view(), name="pegawai_export"),
    path("saya/", views.PegawaiSayaView.as_view(), name="pegawai_saya"),
    path("tambah/", views.PegawaiCreateView.as_view(), name="pegawai_create"),
    path("<int:pk>/", views.PegawaiDetailView.as_view(), name="pegawai_detail"),
    path("<int:pk>/ubah/", views.PegawaiUpdateView.as_view(), name="pegawai_update"),
    path("<int:pk>/kontak/", views.PegawaiKontakView.as_view(), name="pegawai_kontak"),
    path("<int:pk>/foto/", views.PegawaiFotoView.as_view(), name="pegawai_foto"),
    path(
        "diklat/<int:pk>/sertifikat/",
        views.DiklatSertifikatView.as_view(),
        name="diklat_sertifikat",
    ),
    *views.riwayat_urlpatterns(),
    path("impor/", views.ImporListView.as_view(), name="impor_list"),
    path("impor/templat/", views.ImporTemplatView.as_view(), name="impor_templat"),
    path("impor/<int:pk>/", views.ImporDetailView.as_view(), name="impor_detail"),
    path("impor/<int:pk>/jalankan/", views.ImporJalankanView.as_view(), name="impor_jalankan"),
    path("impor/<int:pk>/batalkan/", views.ImporBatalkanView.as_view(), name="impor_batalkan"),
    path("penempatan/", views.PenempatanListView.as_view(), name="penempatan_list"),
    path(
        "penempatan/jabatan/<int:pk>/",
        views.PenempatanKandidatView.as_view(),
        name="penempatan_kandidat",
    ),
    path(
        "penempatan/jabatan/<int:pk>/usulkan/",
        views.PenempatanUsulkanView.as_view(),
        name="penempatan_usulkan",
    ),
    path(
        "penempatan/usulan/<int:pk>/",
        views.UsulanMutasiDetailView.as_view(),
        name="usulan_mutasi_detail",
    ),
    path(
        "penempatan/usulan/<int:pk>/setujui/",
        views.UsulanMutasiSetujuiView.as_view(),
        name="usulan_mutasi_setujui",
    ),
    path(
        "penempatan/usulan/<int:pk>/tolak/",
        views.UsulanMutasiTolakView.as_view(),
        name="usulan_mutasi_tolak",
    ),
]
