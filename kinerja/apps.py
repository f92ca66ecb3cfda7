from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KinerjaConfig(AppConfig):
    """Performance management: periods, SKP, evaluations, predikat, feedback (DOMAIN.md
    section 2). The sub-apps `kinerja.skm` and `kinerja.laporan` have their own configs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja"
    verbose_name = _("Kinerja")

    def ready(self) -> None:
        from asn_kinerja.workflow import status_berubah

        from . import integrasi
        from .selectors.inbox import lupakan_inbox_setelah_transisi

        integrasi.daftarkan()
        # The actor's own step changes what waits for them: their navbar badge recounts.
        status_berubah.connect(lupakan_inbox_setelah_transisi, dispatch_uid="kinerja.lupakan_inbox")
