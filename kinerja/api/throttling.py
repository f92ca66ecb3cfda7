"""Throttling whose counter lives in the cache through `asn_kinerja.cache_aman`: with Redis
down the API is served unthrottled (fail open, like every other use of the cache) rather
than answering 500. Rates: settings REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]."""

from __future__ import annotations

from typing import Any

from rest_framework import throttling

from asn_kinerja import cache_aman


class _CacheAman:
    def get(self, key: str, default: Any = None) -> Any:
        return cache_aman.ambil(key, default)

    def set(self, key: str, value: Any, timeout: float | None = None) -> None:
        cache_aman.simpan(key, value, timeout)


class PenggunaThrottle(throttling.UserRateThrottle):
    cache = _CacheAman()


class AnonimThrottle(throttling.AnonRateThrottle):
    cache = _CacheAman()
