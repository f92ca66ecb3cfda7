from django.contrib import admin

from .models import Heartbeat, Notifikasi, TransisiStatus


@admin.register(Heartbeat)
class HeartbeatAdmin(admin.ModelAdmin):
    list_display = ["nama", "terakhir", "jumlah"]
    readonly_fields = ["nama", "terakhir", "jumlah"]


@admin.register(TransisiStatus)
class TransisiStatusAdmin(admin.ModelAdmin):
    """The audit log: read-only."""

    list_display = ["created_at", "content_type", "object_id", "dari", "ke", "oleh", "wilayah"]
    list_filter = ["content_type", "ke", "wilayah"]
    search_fields = ["catatan", "oleh__username"]
    list_select_related = ["content_type", "oleh", "wilayah"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Notifikasi)
class NotifikasiAdmin(admin.ModelAdmin):
    list_display = ["created_at", "penerima", "judul", "dibaca_pada"]
    list_filter = ["wilayah"]
    search_fields = ["judul", "penerima__username"]
    list_select_related = ["penerima"]
    raw_id_fields = ["penerima"]
