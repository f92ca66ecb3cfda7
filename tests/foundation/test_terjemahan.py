"""An installed app's Indonesian catalogue may not change Django's own wording: Django
merges the apps' catalogues over its own, so rest_framework's `id` catalogue turned "This
field is required." into "Bidang ini harus diisi." on every form (and broke tests that
expect Django's text). The project catalogue (locale/id, LOCALE_PATHS, merged last)
restores each such message; this test fails on a new override it does not restore."""

from __future__ import annotations

import gettext
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.utils import translation


def _katalog(mo: Path) -> dict:
    with mo.open("rb") as f:
        return gettext.GNUTranslations(f)._catalog


def _katalog_django() -> dict:
    return _katalog(Path(django.__file__).parent / "conf/locale/id/LC_MESSAGES/django.mo")


def _ditimpa() -> dict[str, tuple[str, str, str]]:
    """msgid -> (app, the app's wording, Django's wording) of every override."""
    asli = _katalog_django()
    hasil = {}
    for app in apps.get_app_configs():
        mo = Path(app.path) / "locale/id/LC_MESSAGES/django.mo"
        if not mo.exists() or app.name.startswith("django."):
            continue
        for msgid, msgstr in _katalog(mo).items():
            if isinstance(msgid, str) and msgid and msgid in asli and asli[msgid] != msgstr:
                hasil[msgid] = (app.name, msgstr, asli[msgid])
    return hasil


def test_locale_paths_proyek_dipakai():
    assert Path(settings.LOCALE_PATHS[0]) == Path(settings.BASE_DIR) / "locale"
    assert (Path(settings.LOCALE_PATHS[0]) / "id/LC_MESSAGES/django.mo").exists()


def test_rest_framework_memang_menimpa():
    """The check below looks at something real (else it would pass vacuously)."""
    assert "This field is required." in _ditimpa()


def test_pesan_django_tidak_ditimpa_aplikasi_lain():
    masalah = []
    with translation.override("id"):
        for msgid, (app, milik_app, milik_django) in sorted(_ditimpa().items()):
            if translation.gettext(msgid) != milik_django:
                masalah.append(f"{msgid!r}: {app} -> {milik_app!r}, Django {milik_django!r}")
    assert not masalah, (
        "Pulihkan kalimat Django di locale/id/LC_MESSAGES/django.po lalu msgfmt:\n"
        + "\n".join(masalah)
    )


def test_form_django_memakai_kalimat_django():
    from django import forms

    with translation.override("id"):
        f = forms.Form()
        f.fields["x"] = forms.CharField()
        f.is_bound, f.data = True, {}
        assert f.errors["x"] == ["Bidang ini tidak boleh kosong."]
