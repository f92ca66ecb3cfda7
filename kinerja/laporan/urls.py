from django.urls import path

from . import views

app_name = "laporan"

urlpatterns = [
    path("wilayah/", views.DasborWilayahView.as_view(), name="dasbor_wilayah"),
    path("unit/", views.DasborUnitView.as_view(), name="dasbor_unit"),
    path("saya/", views.DasborPegawaiView.as_view(), name="dasbor_pegawai"),
    path("rekap/", views.RekapPegawaiListView.as_view(), name="rekappegawai_list"),
    path("rekap/pegawai.xlsx", views.RekapPegawaiExcelView.as_view(), name="rekappegawai_xlsx"),
    path("rekap/unit.xlsx", views.RekapUnitExcelView.as_view(), name="rekapunit_xlsx"),
    path("rekap/wilayah.xlsx", views.RekapWilayahExcelView.as_view(), name="rekapwilayah_xlsx"),
    path("rekap/jalankan/", views.rekap_jalankan, name="rekap_jalankan"),
    path("perbandingan/", views.PerbandinganView.as_view(), name="perbandingan"),
    path("pdf/", views.LaporanIndexView.as_view(), name="laporan_index"),
    path("pdf/wilayah/buat/", views.pdf_wilayah_buat, name="pdf_wilayah_buat"),
    path("pdf/kehadiran/", views.pdf_kehadiran_form, name="pdf_kehadiran_form"),
    path("pdf/kehadiran/<int:pk>/", views.pdf_kehadiran, name="pdf_kehadiran"),
    path("pdf/skp/<int:pk>/", views.pdf_skp, name="pdf_skp"),
    path("pdf/evaluasi/<int:pk>/", views.pdf_evaluasi, name="pdf_evaluasi"),
    path("proses/<int:pk>/", views.ProsesDetailView.as_view(), name="proses_detail"),
    path("proses/<int:pk>/unduh/", views.proses_unduh, name="proses_unduh"),
]
