"""Employee records, histories, import, placement."""

urlpatterns: list = []
