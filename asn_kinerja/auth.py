"""Authentication backend: the per-request user comes with its wilayah and the names of its
groups (the roles) in ONE query: every page needs the wilayah for scoping and the time zone,
and the role checks for the navigation, so this saves two queries on every page."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef


class PenggunaBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        grup = Group.objects.filter(user=OuterRef("pk")).values("name")
        user = (
            model._default_manager.select_related("wilayah")
            .annotate(_nama_grup=ArraySubquery(grup))
            .filter(pk=user_id)
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        # Primes the cached property `Pengguna.nama_grup` (see organisasi.models).
        user.__dict__["nama_grup"] = set(user._nama_grup)
        return user
