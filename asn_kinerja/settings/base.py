"""Settings shared by every environment. Configuration comes from the environment
(django-environ); see `.env.example` for every variable."""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "django_celery_beat",
    "simple_history",
    "axes",
    # Our apps. Imports flow one way: kinerja -> pegawai -> organisasi -> asn_kinerja.
    "asn_kinerja",
    "organisasi",
    "pegawai",
    "pegawai.pengembangan",
    "kinerja",
    "kinerja.skm",
    "kinerja.laporan",
    "kinerja.tpp",
    "kinerja.talenta",
    "kinerja.api",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "asn_kinerja.middleware.KebijakanKontenMiddleware",
    "asn_kinerja.middleware.BatasUkuranPermintaanMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "asn_kinerja.middleware.BuangNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "asn_kinerja.middleware.WilayahTimezoneMiddleware",
    "asn_kinerja.middleware.LoginRequiredByDefaultMiddleware",
    # axes last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "asn_kinerja.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kinerja.context_processors.navigasi",
            ],
        },
    },
]

WSGI_APPLICATION = "asn_kinerja.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://app@127.0.0.1:55432/asn_kinerja"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisasi.Pengguna"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "asn_kinerja.auth.PenggunaBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Failed logins: 5 failures for one username from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
# The project's catalogue wins over every app's (Django merges LOCALE_PATHS last). It restores
# Django's own wording of the form messages an installed app's catalogue overrides
# (rest_framework's `id` catalogue changes six; tests/foundation/test_terjemahan.py).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Request size (issue 19): form fields (everything but files) at most 2.5 MB and 2,000 fields
# (the largest form, an SKP with its indicators, posts a few hundred), at most 10 files per
# request; uploads over 2.5 MB go to a temporary file instead of memory. Each upload has its
# own limit in its form or service (evidence 5 MB, photo 2 MB, import 5 MB);
# `BatasUkuranPermintaanMiddleware` refuses a body over `MAKS_UKURAN_PERMINTAAN` (413)
# before anything reads it. The reverse proxy should cap it too (nginx client_max_body_size).
DATA_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)
MAKS_UKURAN_PERMINTAAN = env.int("DJANGO_MAKS_UKURAN_PERMINTAAN", default=12 * 1024 * 1024)

# Content-Security-Policy (asn_kinerja.middleware.KebijakanKontenMiddleware): vendored
# assets only, no inline script; the admin's own, relaxed policy.
CSP = "; ".join([
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'",
    "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
])  # fmt: skip
CSP_ADMIN = "; ".join([
    "default-src 'self'", "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "object-src 'none'",
    "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'",
])  # fmt: skip
CSP_LAPORAN_SAJA = env.bool("DJANGO_CSP_REPORT_ONLY", default=False)

# Django's renderer, with <select> written in Python (asn_kinerja/forms_renderer.py).
FORM_RENDERER = "asn_kinerja.forms_renderer.RendererCepat"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="asn-kinerja@localhost")

REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:56379/0")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}

CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TRACK_STARTED = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Fail fast when Redis is down, so a page can show a clear message instead of hanging.
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
# Day of December (wilayah-local) from which the beat job opens next performance year.
KINERJA_TANGGAL_BUKA_TAHUN_BERIKUT = env.int("KINERJA_TANGGAL_BUKA_TAHUN_BERIKUT", default=1)
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Declared here; django-celery-beat copies them into the database where admin can edit them.
CELERY_BEAT_SCHEDULE = {
    "heartbeat": {
        "task": "asn_kinerja.tasks.heartbeat",
        "schedule": 60.0,
    },
    # kinerja: in December, open next year for each wilayah with Wilayah.buka_tahun_otomatis
    # (its local date decides; idempotent, so daily). docs/kinerja-skp.md "Siklus tahunan".
    "kinerja-buka-tahun-berikut": {
        "task": "kinerja.buka_tahun_berikut",
        "schedule": crontab(hour=2, minute=10),
    },
    # kinerja.laporan: recaps and reminders (docs/laporan.md). Times in CELERY_TIMEZONE.
    "laporan-rekap-malam": {
        "task": "laporan.rekap_malam",
        "schedule": crontab(hour=1, minute=0),
    },
    "laporan-rekap-susulan-periode-ditutup": {
        "task": "laporan.rekap_susulan_periode_ditutup",
        "schedule": crontab(hour=1, minute=30),
    },
    "laporan-pengingat-tenggat": {
        "task": "laporan.pengingat_tenggat",
        "schedule": crontab(hour=7, minute=0),
        "kwargs": {"hari": 3},
    },
    # pegawai.cuti: alpa for missing attendance, hourly; each wilayah is marked on its own
    # local date once its closing time + ALPA_JEDA_MENIT has passed (docs/cuti.md).
    "kehadiran-tandai-alpa": {
        "task": "pegawai.cuti.tasks.tandai_alpa",
        "schedule": crontab(minute=10),
    },
    "laporan-pengingat-menunggu-atasan": {
        "task": "laporan.pengingat_menunggu_atasan",
        "schedule": crontab(hour=7, minute=15, day_of_week="1-5"),
        "kwargs": {"hari": 5},
    },
    # kinerja.skm: used form tokens past their lifetime (antispam, single-use tokens).
    "skm-token-terpakai-bersihkan": {
        "task": "skm.token_terpakai_bersihkan",
        "schedule": crontab(hour=2, minute=15),
    },
}
ALPA_JEDA_MENIT = env.int("ALPA_JEDA_MENIT", default=120)
# Sub-apps append their schedules in their AppConfig.ready() (see kinerja.laporan.apps).
_ = crontab

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    # Django's own default config gives "django" a console handler too: one line, not two.
    "loggers": {"django": {"handlers": [], "propagate": True}},
}
AXES_VERBOSE = False
SITE_URL = env("DJANGO_SITE_URL", default="http://127.0.0.1:8000")

# Survei kepuasan masyarakat (kinerja/skm/antispam.py): abuse limits of the public form.
# Many citizens share one address (carrier NAT, a puskesmas Wi-Fi): keep the limits generous.
SKM_BATAS_IP = (env.int("SKM_BATAS_IP_PER_JAM", default=20), 3600)  # per network address
SKM_BATAS_UNIT = (env.int("SKM_BATAS_UNIT_PER_JAM", default=300), 3600)  # per service unit
SKM_MIN_DETIK = env.int("SKM_MIN_DETIK", default=8)  # faster than this is a bot
SKM_FORM_MAKS_DETIK = env.int("SKM_FORM_MAKS_DETIK", default=24 * 3600)
SKM_DUPLIKAT_MENIT = env.int("SKM_DUPLIKAT_MENIT", default=30)
SKM_HEADER_IP = env("SKM_HEADER_IP", default="")  # e.g. HTTP_X_REAL_IP behind a trusted proxy

# REST API (kinerja/api, docs/api.md). Closed by default: authenticated users only; the
# viewsets add the pages' role predicates and the selectors' scope.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # The token first: an unauthenticated request then gets a 401 with
        # `WWW-Authenticate: Token` (DRF asks the first class for the header).
        "kinerja.api.auth.TokenAPIAuthentication",
        "rest_framework.authentication.SessionAuthentication",  # CSRF enforced
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "kinerja.api.pagination.Halaman",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "ORDERING_PARAM": "o",
    "DEFAULT_THROTTLE_CLASSES": [
        "kinerja.api.throttling.AnonimThrottle",
        "kinerja.api.throttling.PenggunaThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="30/minute"),
        "user": env("API_THROTTLE_USER", default="600/minute"),
    },
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ASN Kinerja API",
    "DESCRIPTION": "API REST ASN Kinerja: data dibatasi seperti halaman (wilayah, peran). "
    "Lihat docs/api.md.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # One schema name per choice set (fields of the same name use different sets).
    "ENUM_NAME_OVERRIDES": {
        "StatusSKPEnum": "kinerja.choices.StatusSKP",
        "StatusEvaluasiEnum": "kinerja.choices.StatusEvaluasi",
        "StatusLogHarianEnum": "kinerja.choices.StatusLogHarian",
        "StatusPeriodeEnum": "kinerja.choices.StatusPeriode",
        "RatingEnum": "kinerja.choices.Rating",
        "JenisUnitEnum": "organisasi.choices.JenisUnit",
        "JenisJabatanEnum": "organisasi.choices.JenisJabatan",
        "JenisRHKEnum": "kinerja.choices.JenisRHK",
        "TingkatPendidikanEnum": "organisasi.choices.TingkatPendidikan",
        "StatusAktifEnum": "pegawai.choices.StatusAktif",
    },
}
