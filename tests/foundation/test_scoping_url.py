"""Walks every named URL that takes an object id, as another wilayah's HR officer, and
expects 404: an object of another region must not even be known to exist.

Convention for views (see README, "Region scoping"):
- a class-based view with `model` (or `scoped_model`) and a `pk` URL kwarg is checked
  automatically (a DRF viewset declares `scoped_model`; its router's routes are `<int:pk>`); a function view declares `view.scoped_model = Model` (and, if its id kwarg
  is not `pk`, `view.scoped_kwarg = "name"`);
- a view whose kwargs are not object ids declares `scoping_exempt = "reason"`.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from organisasi.models import Pengguna

pytestmark = pytest.mark.django_db

NAMESPACES = {
    "organisasi", "pegawai", "pengembangan", "kinerja", "laporan", "skm", "tpp", "talenta",
    "api", "token_api",
}  # fmt: skip


def _patterns(resolver=None, prefix="", ns=None):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from _patterns(p, prefix + str(p.pattern), p.namespace or ns)
        elif isinstance(p, URLPattern) and ns in NAMESPACES:
            yield ns, p, prefix + str(p.pattern)


def _attr(p: URLPattern, name: str):
    cb = p.callback
    # Django's class-based views keep the class in `view_class`, DRF's (viewsets) in `cls`.
    for obj in (getattr(cb, "view_class", None), getattr(cb, "cls", None), cb):
        if obj is not None and getattr(obj, name, None) is not None:
            return getattr(obj, name)
    return None


def _url(route: str, kwargs: dict) -> str:
    import re

    def ganti(m):
        return str(kwargs[m.group(2)])

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", ganti, route)


def test_setiap_url_objek_wilayah_lain_404():
    call_command("seed_demo", tanggal="2026-11-23", verbosity=0)
    hr = Pengguna.objects.get(username="hr_gorontalo")
    client = Client()
    client.force_login(hr)
    masalah, diperiksa = [], 0
    for ns, p, route in _patterns():
        keys = set(p.pattern.regex.groupindex)
        if not keys or _attr(p, "scoping_exempt"):
            continue
        model = _attr(p, "scoped_model") or _attr(p, "model")
        kwarg = _attr(p, "scoped_kwarg") or "pk"
        if model is None or keys != {kwarg}:
            masalah.append(f"{ns}:{p.name}: nyatakan scoped_model/scoped_kwarg atau scoping_exempt")
            continue
        qs = model._default_manager.all()
        obj = qs.exclude(pk__in=qs.visible_to(hr).values("pk")).order_by("pk").first()
        if obj is None:
            masalah.append(
                f"{ns}:{p.name}: seed_demo tidak membuat {model.__name__} di wilayah lain"
            )
            continue
        url = _url(route, {kwarg: obj.pk})
        resp = client.get(url)
        if resp.status_code == 405:
            resp = client.post(url)
        diperiksa += 1
        if resp.status_code != 404:
            masalah.append(f"{ns}:{p.name} {url} -> {resp.status_code}")
    assert not masalah, "\n".join(masalah)
    print(f"{diperiksa} URL diperiksa")
