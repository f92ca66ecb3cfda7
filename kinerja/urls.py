"""URLs of kinerja: planning (SKP, periods, targets, daily log, feedback) in urls_skp and
evaluation (realisation, rating, curve, objections, inbox, follow-up) in urls_evaluasi."""

from . import urls_evaluasi, urls_skp

app_name = "kinerja"

urlpatterns = [*urls_skp.urlpatterns, *urls_evaluasi.urlpatterns]
