"""Region scoping: the one choke point (STYLE.md section 4), closed by default.

Every region-owned model's queryset subclasses `WilayahScopedQuerySet` and names the lookup
that leads to its wilayah. `visible_to(user)`:
- national admins (superusers) see every wilayah;
- an anonymous user, an inactive user or a user without a wilayah sees nothing;
- everyone else sees their own wilayah only (selectors narrow further by role).
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models


def is_admin_nasional(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


class WilayahScopedQuerySet(models.QuerySet):
    #: Lookup from this model to its wilayah's primary key, e.g. "skp__wilayah".
    wilayah_lookup: str = "wilayah"

    def visible_to(self, user: Any) -> WilayahScopedQuerySet:
        if is_admin_nasional(user):
            return self.all()
        wilayah_id = getattr(user, "wilayah_id", None) if user and user.is_authenticated else None
        if not wilayah_id or not user.is_active:
            return self.none()
        return self.filter(**{self.wilayah_lookup: wilayah_id})

    def di_wilayah(self, wilayah: Any) -> WilayahScopedQuerySet:
        """Restrict to one wilayah (for tasks/commands that act for a region, not a user)."""
        return self.filter(**{self.wilayah_lookup: getattr(wilayah, "pk", wilayah)})


class TransisiStatusQuerySet(WilayahScopedQuerySet):
    """TransisiStatus: scoped by its own wilayah (copied from the object that changed)."""

    def untuk(self, obj: Any) -> TransisiStatusQuerySet:
        """The transitions of one object, oldest first."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        ).order_by("created_at", "pk")


class NotifikasiQuerySet(WilayahScopedQuerySet):
    """Notifikasi. Beyond the region scope, a notification is read by its recipient only:
    use `untuk(user)`. National admins' notifications have no wilayah."""

    def untuk(self, user: Any) -> NotifikasiQuerySet:
        return self.filter(penerima=user)

    def belum_dibaca(self) -> NotifikasiQuerySet:
        return self.filter(dibaca_pada__isnull=True)
