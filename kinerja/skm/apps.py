from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SkmConfig(AppConfig):
    """Survei Kepuasan Masyarakat: citizen feedback on public service units."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja.skm"
    label = "skm"
    verbose_name = _("Survei kepuasan masyarakat")
