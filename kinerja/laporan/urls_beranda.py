"""The home page at "/" (URL name `home`, no namespace). A module of its own so the project's
root URLconf includes it by name instead of importing a kinerja view (the ground floor never
imports a higher layer: import-linter contract "app layers" in pyproject.toml)."""

from django.urls import path

from .views import BerandaView

urlpatterns = [path("", BerandaView.as_view(), name="home")]
