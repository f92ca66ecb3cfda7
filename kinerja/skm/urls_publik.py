"""Public (no login) pages: everything under /publik/ (see asn_kinerja.middleware)."""

from django.urls import path

from . import views_publik as v

app_name = "publik"

urlpatterns = [
    path("skm/<slug:token>/", v.FormulirView.as_view(), name="skm_form"),
    path("skm/<slug:token>/foto/<int:pegawai_id>/", v.foto_petugas, name="skm_foto"),
    path("skm/terima-kasih/<str:kunci>/", v.TerimaKasihView.as_view(), name="skm_terima_kasih"),
    path("skm/tindak-lanjut/<str:kunci>/", v.TindakLanjutView.as_view(), name="skm_tindak_lanjut"),
]
