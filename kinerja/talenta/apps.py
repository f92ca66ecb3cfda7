from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentaConfig(AppConfig):
    """Career and talent management (issue 17 part A): potential results, the annual 9-box
    (computed in SQL), its calibration and lock, the talent pool, key positions with their
    succession plan, and the employee's career page (a sub-app of kinerja)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja.talenta"
    label = "talenta"
    verbose_name = _("Manajemen talenta")
