from django.urls import path

from . import views_halaman

app_name = "token_api"

urlpatterns = [
    path("", views_halaman.token_list, name="token_list"),
    path("wilayah/", views_halaman.TokenWilayahView.as_view(), name="token_wilayah"),
    path("<int:pk>/cabut/", views_halaman.token_cabut, name="token_cabut"),
]
