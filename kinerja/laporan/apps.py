from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LaporanConfig(AppConfig):
    """Recaps, dashboards and PDF reports (a sub-app of kinerja with its own migrations)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja.laporan"
    label = "laporan"
    verbose_name = _("Rekap dan laporan")
