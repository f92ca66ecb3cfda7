from django.urls import path

from . import views

app_name = "talenta"

urlpatterns = [
    path("", views.NineBoxView.as_view(), name="9box"),
    path("kotak/<int:kotak>/", views.KotakPegawaiListView.as_view(), name="kotak_pegawai"),
    path("potensi/", views.HasilPotensiListView.as_view(), name="hasilpotensi_list"),
    path("potensi/impor/", views.ImporPotensiListView.as_view(), name="imporpotensi_list"),
    path("potensi/impor/templat.xlsx", views.imporpotensi_templat, name="imporpotensi_templat"),
    path(
        "potensi/impor/<int:pk>/",
        views.ImporPotensiDetailView.as_view(),
        name="imporpotensi_detail",
    ),
    path(
        "potensi/impor/<int:pk>/jalankan/",
        views.imporpotensi_jalankan,
        name="imporpotensi_jalankan",
    ),
    path(
        "potensi/impor/<int:pk>/batalkan/",
        views.imporpotensi_batalkan,
        name="imporpotensi_batalkan",
    ),
    path("pengaturan/", views.pengaturan_saya, name="pengaturan_saya"),
    path("pengaturan/<int:pk>/", views.PengaturanTalentaView.as_view(), name="pengaturan"),
    path("kalibrasi/buat/", views.kalibrasi_buat, name="kalibrasi_buat"),
    path("kalibrasi/<int:pk>/", views.KalibrasiDetailView.as_view(), name="kalibrasi_detail"),
    path("kalibrasi/<int:pk>/koreksi/", views.kalibrasi_koreksi, name="kalibrasi_koreksi"),
    path("kalibrasi/<int:pk>/tandai/", views.kalibrasi_tandai, name="kalibrasi_tandai"),
    path("kalibrasi/<int:pk>/kunci/", views.kalibrasi_kunci, name="kalibrasi_kunci"),
    path("suksesi/", views.PosisiKunciListView.as_view(), name="posisikunci_list"),
    path("suksesi/laporan.pdf", views.laporan_suksesi_pdf, name="laporan_suksesi_pdf"),
    path("suksesi/<int:pk>/", views.PosisiKunciDetailView.as_view(), name="posisikunci_detail"),
    path("suksesi/<int:pk>/hapus/", views.posisikunci_hapus, name="posisikunci_hapus"),
    path("kandidat/<int:pk>/hapus/", views.kandidat_hapus, name="kandidat_hapus"),
    path("pegawai/<int:pk>/profil.pdf", views.profil_pdf, name="profil_pdf"),
    path("karier/", views.KarierView.as_view(), name="karier"),
]
