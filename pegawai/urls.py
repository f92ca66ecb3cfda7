"""URLs of the pegawai app: employee records (urls_pegawai) and leave/attendance (urls_cuti)."""

from . import urls_cuti, urls_pegawai

app_name = "pegawai"

urlpatterns = [*urls_pegawai.urlpatterns, *urls_cuti.urlpatterns]
