"""Request middleware: the user's wilayah time zone, and login required by default."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, QueryDict, UnreadablePostError
from django.utils import timezone

#: Paths reachable without login. Public citizen pages live under /publik/.
PUBLIC_PREFIXES = (
    "/accounts/login/",
    "/static/",
    "/publik/",
    "/admin/login/",
    "/healthz",
    # The REST API authenticates itself (session with CSRF, or a token, kinerja/api/auth.py)
    # and refuses with 401/403 (default permission IsAuthenticated), not a login redirect.
    "/api/v1/",
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
    """Strips NUL characters from every query-string and form-field key and value (issue 19).
    PostgreSQL rejects "\\x00" in text, so a `?q=%00` reaching a filter or a search, or a
    posted `catatan`/`wilayah` read straight from request.POST, was a 500; no legitimate
    input contains one. One place for every filter, search and form input. Uploaded files
    are untouched (binary content may hold NUL bytes)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    @staticmethod
    def _bersih(data: QueryDict) -> QueryDict | None:
        """A NUL-free copy of `data`, or None when it has no NUL."""
        if not any("\x00" in k or any("\x00" in v for v in vs) for k, vs in data.lists()):
            return None
        bersih = QueryDict(mutable=True, encoding=data.encoding)
        for kunci, nilai in data.lists():
            bersih.setlist(kunci.replace("\x00", ""), [v.replace("\x00", "") for v in nilai])
        bersih._mutable = False
        return bersih

    def __call__(self, request: HttpRequest) -> HttpResponse:
        qs = request.META.get("QUERY_STRING", "")
        if ("%00" in qs or "\x00" in qs) and (bersih := self._bersih(request.GET)) is not None:
            request.GET = bersih
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            # Too big / too many fields raise here as they would in the CSRF check (400).
            try:
                post = request.POST
            except UnreadablePostError:  # client went away: the CSRF check deals with it
                post = None
            if post is not None and (bersih := self._bersih(post)) is not None:
                request.POST = bersih
        return self.get_response(request)


class KebijakanKontenMiddleware:
    """Content-Security-Policy on every HTML response (issue 19, defence in depth). App
    pages load scripts only from our own static files (Bootstrap, htmx, Chart.js are
    vendored) and no template has an inline script or `on*=` handler
    (tests/foundation/test_keamanan.py reads them all): an injected `<script>` would not
    run. Styles allow 'unsafe-inline' (style attributes and a few `<style>` blocks in
    templates, htmx's indicator style); the Django admin gets `settings.CSP_ADMIN`, which
    also allows inline scripts (its widgets and third-party admin templates use them).
    `CSP_LAPORAN_SAJA` sends the policy as Report-Only (to try a change in production)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings

        response = self.get_response(request)
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        if settings.DEBUG and response.status_code >= 500:
            return response  # Django's technical error page uses inline script
        admin = request.path_info.startswith("/admin/")
        kebijakan = settings.CSP_ADMIN if admin else settings.CSP
        nama = "Content-Security-Policy"
        if settings.CSP_LAPORAN_SAJA:
            nama += "-Report-Only"
        if kebijakan and nama not in response:
            response[nama] = kebijakan
        return response


class BatasUkuranPermintaanMiddleware:
    """Refuses a request whose declared body is larger than `settings.MAKS_UKURAN_PERMINTAAN`
    (413) before anything reads it: the largest legitimate request is one upload of at most
    5 MB with its form. Django's DATA_UPLOAD_* settings bound the form fields; this bounds
    the files too. The reverse proxy should refuse such bodies first (docs: Deploy)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.conf import settings
        from django.utils.translation import gettext as _

        try:
            panjang = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            panjang = 0
        batas = settings.MAKS_UKURAN_PERMINTAAN
        if batas and panjang > batas:
            pesan = _("Permintaan terlalu besar (paling besar %(mb)s MB). Perkecil berkas yang "
                      "diunggah, lalu coba lagi.") % {"mb": batas // (1024 * 1024)}  # fmt: skip
            return HttpResponse(pesan, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
