from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaConfig(AppConfig):
    """Performance management: periods, SKP, evaluations, predikat, feedback (DOMAIN.md
    section 2). The sub-apps `kinerja.skm` and `kinerja.laporan` have their own configs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja"
    verbose_name = _("Kinerja")

    def ready(self) -> None:
        from . import integrasi

        integrasi.daftarkan()
