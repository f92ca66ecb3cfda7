"""Public (no login) pages: everything under /publik/ (see asn_kinerja.middleware)."""

from django.urls import path  # noqa: F401

app_name = "publik"

urlpatterns: list = []
