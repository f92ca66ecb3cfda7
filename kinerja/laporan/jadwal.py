"""Copies the beat schedule declared in settings.CELERY_BEAT_SCHEDULE into
django-celery-beat's tables after `migrate`, so every periodic task is visible and editable
in Django admin before beat has ever started. Existing rows are left as admins edited them
(only missing entries are created); beat's DatabaseScheduler keeps them in sync too."""

from __future__ import annotations

import json
from typing import Any

from celery.schedules import crontab
from django.conf import settings


def sinkronkan_jadwal_beat(**kwargs: Any) -> int:
    from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

    dibuat = 0
    for nama, spec in getattr(settings, "CELERY_BEAT_SCHEDULE", {}).items():
        if PeriodicTask.objects.filter(name=nama).exists():
            continue
        jadwal = spec["schedule"]
        data: dict[str, Any] = {
            "task": spec["task"],
            "kwargs": json.dumps(spec.get("kwargs", {})),
            "args": json.dumps(list(spec.get("args", []))),
        }
        if isinstance(jadwal, crontab):
            data["crontab"], _ = CrontabSchedule.objects.get_or_create(
                minute=jadwal._orig_minute,
                hour=jadwal._orig_hour,
                day_of_week=jadwal._orig_day_of_week,
                day_of_month=jadwal._orig_day_of_month,
                month_of_year=jadwal._orig_month_of_year,
                timezone=settings.CELERY_TIMEZONE,
            )
        else:
            detik = int(jadwal.total_seconds() if hasattr(jadwal, "total_seconds") else jadwal)
            data["interval"], _ = IntervalSchedule.objects.get_or_create(
                every=detik, period=IntervalSchedule.SECONDS
            )
        PeriodicTask.objects.create(name=nama, **data)
        dibuat += 1
    return dibuat
