from .base import *  # noqa: F401,F403
from .base import env

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
AXES_FAILURE_LIMIT = 5
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Tests run on a pinned clock (tests/conftest.py SAAT_UJI) while the browser of the e2e tests
# keeps the real one: cookies without an expiry date, so Chromium never drops a session or
# CSRF cookie whose pinned expiry lies in its past.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_AGE = None

# Two engineers sharing one checkout's database server run pytest with different
# TEST_DB_SUFFIX values so their test databases do not collide.
_suffix = env("TEST_DB_SUFFIX", default="")
DATABASES["default"]["TEST"] = {"NAME": "test_asn_kinerja" + (f"_{_suffix}" if _suffix else "")}  # noqa: F405

# Strict templates: a variable a project template uses but the context lacks fails the test
# instead of rendering as "" (issue 19). Django admin and crispy templates keep Django's
# lenient default: asn_kinerja/template_ketat.py explains how the two are told apart.
from asn_kinerja.template_ketat import VariabelTidakAda  # noqa: E402

TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = VariabelTidakAda()  # noqa: F405
