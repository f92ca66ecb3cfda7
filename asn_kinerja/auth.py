"""Authentication backend: the per-request user comes with its wilayah in the same query
(every page needs it for scoping and the time zone), saving one query on every page."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class PenggunaBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        user = model._default_manager.select_related("wilayah").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
