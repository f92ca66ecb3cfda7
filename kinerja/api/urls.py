"""/api/v1/: the viewsets (a router with path converters, `<int:pk>`), the OpenAPI schema
and Swagger UI (served from drf-spectacular-sidecar's static files: no CDN)."""

from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

router = SimpleRouter(use_regex_path=False)
router.register("pegawai", views.PegawaiViewSet, basename="pegawai")
router.register("unit-kerja", views.UnitKerjaViewSet, basename="unitkerja")
router.register("jabatan", views.JabatanViewSet, basename="jabatan")
router.register("skp", views.SKPViewSet, basename="skp")
router.register("evaluasi", views.EvaluasiViewSet, basename="evaluasi")
router.register("log-harian", views.LogHarianViewSet, basename="logharian")
router.register("rekap-pegawai", views.RekapPegawaiViewSet, basename="rekappegawai")
router.register("tpp/bulan", views.TPPBulanViewSet, basename="bulantpp")
router.register("tpp/saya", views.TPPSayaViewSet, basename="tppsaya")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # A page for people: without a session, to the login page (not a bare 401).
    path(
        "docs/",
        login_required(SpectacularSwaggerSplitView.as_view(url_name="api:schema")),
        name="docs",
    ),
]
