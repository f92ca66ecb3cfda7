"""Safe redirects: the one place that decides whether a `next` (or any user-supplied or
stored link) may be followed. Only a URL on this site is: a relative path, or an absolute URL
whose host is the request's own (and, on an HTTPS request, whose scheme is HTTPS).
Protocol-relative `//evil.example/`, `/\\evil.example` (browsers read the backslash as a
slash), `https://evil.example/`, `javascript:` and control characters are refused by
Django's `url_has_allowed_host_and_scheme`, and the caller's default is used instead."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def url_aman(request: HttpRequest, url: str | None) -> bool:
    """True when `url` stays on this site (and holds no control character)."""
    if not url or any(ord(c) < 32 or ord(c) == 127 for c in url):
        return False
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def tujuan_aman(request: HttpRequest, url: str | None, bawaan: str) -> str:
    """`url` when it stays on this site, otherwise `bawaan`."""
    return url if url_aman(request, url) else bawaan


def tujuan_next(request: HttpRequest, bawaan: str) -> str:
    """The request's `next` (POST first, then GET) when safe, otherwise `bawaan`."""
    return tujuan_aman(request, request.POST.get("next") or request.GET.get("next"), bawaan)


def alihkan_next(request: HttpRequest, bawaan: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(tujuan_next(request, bawaan))
