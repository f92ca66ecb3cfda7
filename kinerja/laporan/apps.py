from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LaporanConfig(AppConfig):
    """Recaps, dashboards and PDF reports (a sub-app of kinerja with its own migrations)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja.laporan"
    label = "laporan"
    verbose_name = _("Rekap dan laporan")

    def ready(self) -> None:
        from kinerja.signals import periode_penilaian_ditutup

        from .jadwal import sinkronkan_jadwal_beat
        from .tasks import antre_rekap_akhir

        # After every migrate (tests included): the declared beat schedule appears in admin.
        post_migrate.connect(
            sinkronkan_jadwal_beat, sender=self, dispatch_uid="laporan_sinkronkan_jadwal_beat"
        )
        # A window closed in kinerja -> its final recap in the worker.
        periode_penilaian_ditutup.connect(antre_rekap_akhir, dispatch_uid="laporan_rekap_akhir")
