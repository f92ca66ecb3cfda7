from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PegawaiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pegawai"
    verbose_name = _("Kepegawaian")

    def ready(self) -> None:
        # organisasi sits below pegawai: its workload analysis (organisasi.abk) counts the
        # active holders of positions through this registration, never by importing pegawai.
        from organisasi.abk import daftarkan_pemangku

        from .choices import StatusAktif
        from .models import Pegawai

        daftarkan_pemangku(lambda: Pegawai._default_manager.filter(status_aktif=StatusAktif.AKTIF))
