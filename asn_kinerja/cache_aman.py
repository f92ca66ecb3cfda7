"""The cache (Redis) fails open: every use of the cache by the application goes through
these functions, which never raise. The cache only saves work (the navbar badge, the SKM
counters), so when Redis is down a page is served without it instead of a 500.

- A failure is logged once per outage (a warning when it starts, another when the cache
  answers again), not once per request.
- After a failure the cache is not asked again for `JEDA_DETIK` seconds: a Redis that is
  unreachable (a timeout rather than a refused connection) would otherwise cost every
  request the socket timeout of every cache call. Values written before the outage expire
  on their own (the badge's 30 s), so skipping a `hapus` during those seconds leaves
  nothing stale for longer than it would have been anyway.

Sessions live in the database and django-axes uses its database handler (settings), so a
Redis outage touches only what goes through here and the Celery broker
(`asn_kinerja.antrean`).
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache import cache

log = logging.getLogger(__name__)

#: Seconds during which the cache is left alone after a failure.
JEDA_DETIK = 30.0

_kunci = threading.Lock()
_mati_sampai = 0.0
_padam = False


def reset() -> None:
    """Forgets an outage (tests; the next call asks the cache again)."""
    global _mati_sampai, _padam
    with _kunci:
        _mati_sampai, _padam = 0.0, False


def tersedia() -> bool:
    """False while a recent failure is being waited out."""
    return time.monotonic() >= _mati_sampai


def _gagal(operasi: str, exc: BaseException) -> None:
    global _mati_sampai, _padam
    with _kunci:
        _mati_sampai = time.monotonic() + JEDA_DETIK
        pertama, _padam = not _padam, True
    if pertama:
        log.warning(
            "Cache (Redis) tidak tersedia (%s: %s: %s); halaman dilayani tanpa cache, "
            "dicoba lagi setiap %d detik.",
            operasi,
            type(exc).__name__,
            exc,
            JEDA_DETIK,
        )


def _berhasil() -> None:
    global _padam
    if _padam:
        with _kunci:
            pulih, _padam = _padam, False
        if pulih:
            log.warning("Cache (Redis) tersedia kembali.")


def _jalankan(operasi: str, fungsi, *args: Any, gagal: Any = None, **kwargs: Any) -> Any:
    if not tersedia():
        return gagal
    try:
        hasil = fungsi(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the cache must never break a page
        _gagal(operasi, exc)
        return gagal
    _berhasil()
    return hasil


def ambil(key: str, default: Any = None) -> Any:
    """`cache.get`; `default` when the cache is down."""
    return _jalankan("get", cache.get, key, default, gagal=default)


def simpan(key: str, value: Any, timeout: float | None) -> bool:
    """`cache.set`; False when the cache is down."""
    return _jalankan("set", cache.set, key, value, timeout, gagal=False) is not False


def hapus(key: str) -> bool:
    """`cache.delete`; False when the cache is down."""
    return bool(_jalankan("delete", cache.delete, key, gagal=False))


def tambah(key: str, value: Any, timeout: float | None) -> bool | None:
    """`cache.add` (True if the key was new); None when the cache is down."""
    return _jalankan("add", cache.add, key, value, timeout, gagal=None)


def _incr(key: str) -> int | None:
    try:
        return cache.incr(key)
    except ValueError:  # the key expired since it was added: not an outage
        return None


def naikkan(key: str) -> int | None:
    """`cache.incr`; None when the cache is down (or the key vanished)."""
    return _jalankan("incr", _incr, key, gagal=None)
