from django.urls import path

from . import views

app_name = "tpp"

urlpatterns = [
    path("", views.BulanTPPListView.as_view(), name="bulantpp_list"),
    path("buat/", views.bulan_buat, name="bulantpp_buat"),
    path("pengaturan/", views.PengaturanView.as_view(), name="pengaturan"),
    path("saya/", views.TPPSayaListView.as_view(), name="tpp_saya"),
    path("pegawai/<int:pk>/", views.TPPPegawaiDetailView.as_view(), name="tpppegawai_detail"),
    path("<int:pk>/", views.BulanTPPDetailView.as_view(), name="bulantpp_detail"),
    path("<int:pk>/proses/", views.BulanTPPProsesView.as_view(), name="bulantpp_proses"),
    path("<int:pk>/hitung/", views.bulan_hitung, name="bulantpp_hitung"),
    path("<int:pk>/kunci/", views.bulan_kunci, name="bulantpp_kunci"),
    path("<int:pk>/buka/", views.bulan_buka, name="bulantpp_buka"),
    path("<int:pk>/tpp.xlsx", views.bulan_xlsx, name="bulantpp_xlsx"),
    path("<int:pk>/nominatif.pdf", views.bulan_pdf, name="bulantpp_pdf"),
]
