"""Warm-up of a web process before it serves (called from `wsgi.py`): what Django and the
project otherwise do lazily on the first requests of every process, done once at start-up
(the URL conf and its view modules included).

Measured on the rating page at 100k employees (docs/bench.md): the first request a fresh
gunicorn worker served took 160-260 ms instead of ~35 ms. It compiled the page's templates,
populated the URL reverse table (~1,700 patterns), imported and connected the Redis cache
client (70 modules), imported the context processors and the Indonesian locale formats, and
loaded the translation catalogue. The first users after every deploy or worker restart paid
that, and the benchmark saw it as its p99. All of it takes ~0.4 s per worker at boot."""

from __future__ import annotations

import logging
from pathlib import Path

import django.forms
from django.conf import settings
from django.core.cache import cache
from django.forms.renderers import get_default_renderer
from django.template import engines
from django.template.loaders.app_directories import get_app_template_dirs
from django.urls import get_resolver
from django.utils import formats, translation

log = logging.getLogger(__name__)


def _nama_template(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*.html"))]


def template_semua() -> int:
    """Compiles every .html template the project's engine and the form renderer can find,
    into their cached loaders. A name found in several folders compiles the one that wins
    (the project's override), as a request would. Returns the number compiled."""
    jumlah = 0
    engine = engines["django"].engine
    folder = [Path(d) for d in engine.dirs] + [Path(d) for d in get_app_template_dirs("templates")]
    for f in folder:
        for nama in _nama_template(f):
            engine.get_template(nama)
            jumlah += 1
    # Widgets the form renderer still renders through templates (radio, checkbox, file...).
    renderer = get_default_renderer()
    widget = Path(django.forms.__file__).parent / "templates"
    for nama in _nama_template(widget):
        renderer.get_template(nama)
        jumlah += 1
    return jumlah


def bahasa_dan_url() -> None:
    """In the site language (what LocaleMiddleware activates on every request): loads the
    translation catalogue and the locale formats, and populates the URL reverse table (kept
    per language), which imports the URL conf and with it every view module."""
    with translation.override(settings.LANGUAGE_CODE):
        translation.gettext("Simpan")
        formats.get_format("DATE_INPUT_FORMATS")
        get_resolver().reverse_dict  # noqa: B018 - the property populates the table


def cache_siap() -> bool:
    """Imports the cache client and opens its connection; False if the cache cannot be
    reached. Redis down at boot must not stop the web process (the pages that use the cache
    report it themselves)."""
    try:
        cache.get("panaskan")
    except Exception:  # noqa: BLE001 - warm-up only
        log.warning("panaskan: cache tidak dapat dihubungi saat start", exc_info=True)
        return False
    return True


def semua() -> int:
    """Everything above; returns the number of templates compiled."""
    bahasa_dan_url()
    cache_siap()
    engines["django"].engine.template_context_processors  # noqa: B018 - imports them
    return template_semua()
