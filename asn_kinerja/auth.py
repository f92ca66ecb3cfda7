"""Authentication backend: the per-request user comes with its wilayah, the names of its
groups (the roles) and its number of unread notifications in ONE query: every page needs the
wilayah for scoping and the time zone, the role checks and the notification badge for the
navigation, so this saves three queries on every page."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef
from django.db.models.functions import Coalesce

from asn_kinerja.db import jumlah_subquery


class PenggunaBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        grup = Group.objects.filter(user=OuterRef("pk")).values("name")
        user = (
            model._default_manager.select_related("wilayah")
            # The two attributes `Pengguna` declares for this (see organisasi.models): the
            # role names behind `nama_grup`, and the navbar's unread count (the count at the
            # start of the request; marking read is a POST that redirects).
            .annotate(
                grup_dimuat=ArraySubquery(grup), notifikasi_belum_dibaca_dimuat=_belum_dibaca()
            )
            .filter(pk=user_id)
            .first()
        )
        if user is None or not self.user_can_authenticate(user):
            return None
        return user


def _belum_dibaca() -> Coalesce:
    """COUNT of the user's unread notifications in the user's wilayah (what the notification
    list shows: `visible_to` + `untuk`; a national admin has no wilayah and sees all), as a
    scalar subquery on the (penerima, dibaca_pada) index."""
    notifikasi = apps.get_model("asn_kinerja", "Notifikasi")
    return jumlah_subquery(
        notifikasi.objects.filter(
            penerima=OuterRef("pk"),
            dibaca_pada__isnull=True,
            wilayah_id=Coalesce(OuterRef("wilayah_id"), F("wilayah_id")),
        )
    )
