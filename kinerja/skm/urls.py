from django.urls import path

from . import views

app_name = "skm"

urlpatterns = [
    path("", views.IkmView.as_view(), name="ikm"),
    path("unit/", views.UnitLayananListView.as_view(), name="unitlayanan_list"),
    path("unit/buka/", views.UnitLayananCreateView.as_view(), name="unitlayanan_create"),
    path("unit/<int:pk>/", views.UnitLayananDetailView.as_view(), name="unitlayanan_detail"),
    path("unit/<int:pk>/ubah/", views.UnitLayananUpdateView.as_view(), name="unitlayanan_update"),
    path("unit/<int:pk>/status/", views.UnitLayananStatusView.as_view(), name="unitlayanan_status"),
    path("unit/<int:pk>/poster/", views.UnitLayananPosterView.as_view(), name="unitlayanan_poster"),
    path("tanggapan/", views.TanggapanListView.as_view(), name="tanggapan_list"),
    path("tanggapan/<int:pk>/", views.TanggapanDetailView.as_view(), name="tanggapan_detail"),
    path(
        "tanggapan/<int:pk>/tindak-lanjut/",
        views.TanggapanTindakLanjutView.as_view(),
        name="tanggapan_tindaklanjut",
    ),
]
