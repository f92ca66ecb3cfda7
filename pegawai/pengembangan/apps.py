from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PengembanganConfig(AppConfig):
    """Competence gaps, the individual development plan (IDP), the wilayah's catalogue of
    development programmes and the 20 JP a year (a sub-app of pegawai; docs/pengembangan.md)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "pegawai.pengembangan"
    label = "pengembangan"
    verbose_name = _("Pengembangan kompetensi")
