from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("ASN Kinerja — Administrasi")
admin.site.site_title = _("ASN Kinerja")
admin.site.index_title = _("Administrasi sistem")


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", include("kinerja.laporan.urls_beranda")),
    path("healthz", healthz, name="healthz"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("organisasi/", include("organisasi.urls")),
    path("pegawai/", include("pegawai.urls")),
    path("pengembangan/", include("pegawai.pengembangan.urls")),
    path("kinerja/", include("kinerja.urls")),
    path("laporan/", include("kinerja.laporan.urls")),
    path("skm/", include("kinerja.skm.urls")),
    path("tpp/", include("kinerja.tpp.urls")),
    path("talenta/", include("kinerja.talenta.urls")),
    path("publik/", include("kinerja.skm.urls_publik")),
    path("api/v1/", include("kinerja.api.urls")),
    path("api/token/", include("kinerja.api.urls_halaman")),
]
