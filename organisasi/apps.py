from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisasiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "organisasi"
    verbose_name = _("Organisasi")
