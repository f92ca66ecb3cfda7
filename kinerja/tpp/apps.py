from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TppConfig(AppConfig):
    """Monthly allowance (tambahan penghasilan pegawai): per-wilayah rules, the month's
    computation (one SQL pass), review, lock and the paid list (a sub-app of kinerja)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "kinerja.tpp"
    label = "tpp"
    verbose_name = _("Tambahan penghasilan pegawai (TPP)")
