from django.contrib import admin

from .models import Heartbeat


@admin.register(Heartbeat)
class HeartbeatAdmin(admin.ModelAdmin):
    list_display = ["nama", "terakhir", "jumlah"]
    readonly_fields = ["nama", "terakhir", "jumlah"]
