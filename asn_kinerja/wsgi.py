"""WSGI entry point (gunicorn in production and in `make bench`)."""

import gc
import os

from django.core.wsgi import get_wsgi_application

# Production by default: dev, test and bench set DJANGO_SETTINGS_MODULE explicitly
# (scripts/services.sh use_settings, bench/run.py).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asn_kinerja.settings.prod")

application = get_wsgi_application()

# Load the URL conf (every view module, form and model), every template and the translation
# catalogue now rather than on the first requests (asn_kinerja.panaskan), then move
# everything created at start-up, which lives as long as the process, out of the cyclic
# garbage collector's reach: the full collections Python runs every few hundred requests
# then scan only a request's own objects instead of the whole of Django, the apps and
# WeasyPrint (a long tail of the page latencies in docs/bench.md).
from asn_kinerja import panaskan, sampah  # noqa: E402

panaskan.semua()
gc.freeze()
# Collections between requests, not inside them (asn_kinerja.sampah).
sampah.pasang()
