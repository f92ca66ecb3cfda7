"""Queueing Celery jobs after the transaction commits, without turning a broker outage into
a 500.

`task.delay_on_commit()` sends the job in an `on_commit` callback: when Redis (the broker)
is down the callback raises after the data is committed, the user sees a server error for
a step that did happen and may repeat it. `kirim_setelah_commit` is the same call with the
broker errors caught and logged: for side jobs (e-mails mirroring an in-app notification)
losing the job is the lesser harm. Jobs the user waits for (report processes, the TPP
computation) use `kirim_ditunggu`: the outage is recorded on the job's row and reported to
the user (`AntreanTidakTersedia`, whose message the page shows instead of a 500).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)


class AntreanTidakTersedia(Exception):
    """The broker (Redis) refused a job the user waits for: show the message, not a 500."""


def galat_broker() -> tuple[type[BaseException], ...]:
    """The exceptions of a broker that cannot be reached."""
    from kombu.exceptions import OperationalError
    from redis.exceptions import RedisError

    return (OperationalError, RedisError, OSError)


def kirim(task: Any, *args: Any, **kwargs: Any) -> bool:
    """`task.delay(*args, **kwargs)`; False (and a warning) when the broker is down."""
    try:
        task.delay(*args, **kwargs)
    except galat_broker() as exc:
        log.warning(
            "Antrean Celery tidak tersedia, tugas %s%r tidak dikirim: %s: %s",
            task.name,
            args,
            type(exc).__name__,
            exc,
        )
        return False
    return True


def kirim_setelah_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    """`task.delay_on_commit(...)` that never raises for a broker outage (see module doc)."""
    transaction.on_commit(lambda: kirim(task, *args, **kwargs))


def kirim_ditunggu(
    task: Any, *args: Any, saat_gagal: Callable[[str], object], pesan: str | None = None
) -> None:
    """`task.delay_on_commit(*args)` for a job the user waits for. When the broker is down,
    `saat_gagal(pesan)` records the failure on the job's row (its status, its message) and
    `AntreanTidakTersedia(pesan)` is raised for the page to show."""
    try:
        task.delay_on_commit(*args)
    except galat_broker() as exc:
        log.warning(
            "Antrean Celery tidak tersedia, tugas %s%r tidak dikirim: %s", task.name, args, exc
        )
        pesan = pesan or _(
            "Antrean tugas latar belakang (Redis) sedang tidak tersedia; coba lagi nanti."
        )
        saat_gagal(pesan)
        raise AntreanTidakTersedia(pesan) from exc
