"""Leave, holidays, attendance, discipline."""

urlpatterns: list = []
