from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from . import services
from .models import TokenAPI


@admin.register(TokenAPI)
class TokenAPIAdmin(admin.ModelAdmin):
    """Tokens are made by their owner on the token page (the key is shown there once); the
    admin lists and revokes them, and never sees a key (only its hash is stored)."""

    list_display = ["nama", "pengguna", "awalan", "created_at", "terakhir_dipakai", "dicabut_pada"]
    list_filter = [("dicabut_pada", admin.EmptyFieldListFilter), "pengguna__wilayah"]
    search_fields = ["nama", "awalan", "pengguna__username"]
    list_select_related = ["pengguna"]
    readonly_fields = ["pengguna", "nama", "awalan", "hash_kunci", "created_at",
                       "terakhir_dipakai", "dicabut_pada", "dicabut_oleh"]  # fmt: skip
    actions = ["cabut"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Cabut token terpilih"))
    def cabut(self, request, queryset) -> None:
        for token in queryset:
            services.token_cabut(actor=request.user, token=token)
        messages.success(request, _("Token dicabut."))
