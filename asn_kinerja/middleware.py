"""Request middleware: the user's wilayah time zone, and login required by default."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone

#: Paths reachable without login. Public citizen pages live under /publik/.
PUBLIC_PREFIXES = (
    "/accounts/login/",
    "/static/",
    "/publik/",
    "/admin/login/",
    "/healthz",
)


class WilayahTimezoneMiddleware:
    """Shows and evaluates times in the logged-in user's wilayah zone (DOMAIN.md section 1)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        tz_name = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.wilayah_id:
            tz_name = user.wilayah.zona_waktu
        if tz_name:
            try:
                timezone.activate(zoneinfo.ZoneInfo(tz_name))
            except zoneinfo.ZoneInfoNotFoundError:
                timezone.deactivate()
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class LoginRequiredByDefaultMiddleware:
    """Every page requires login except the login page, static files and public pages.
    Closed by default: a new view is protected without anyone remembering a decorator."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if not request.user.is_authenticated and not path.startswith(PUBLIC_PREFIXES):
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class BuangNulMiddleware:
    """Strips NUL characters from every query-string key and value (issue 19). PostgreSQL
    rejects "\\x00" in text, so a `?q=%00` reaching a filter or a search was a 500; no
    legitimate filter value contains one. One place for every filter and search input;
    form posts need nothing here: Django's form fields already refuse NUL with a message."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        qs = request.META.get("QUERY_STRING", "")
        if "%00" in qs or "\x00" in qs:
            bersih = QueryDict(mutable=True)
            for kunci, nilai in request.GET.lists():
                bersih.setlist(kunci.replace("\x00", ""), [v.replace("\x00", "") for v in nilai])
            bersih._mutable = False
            request.GET = bersih
        return self.get_response(request)
