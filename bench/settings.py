"""Settings of the benchmark server: production settings unchanged (DEBUG off, manifest
static files, secure cookies, HSTS...) except what a plain-HTTP run on 127.0.0.1 needs,
plus a middleware that reports the number of SQL queries of each response.

Needs the production environment variables (DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS,
DATABASE_URL, REDIS_URL); `bench.run` sets them for its own database."""

from asn_kinerja.settings.prod import *  # noqa: F401,F403
from asn_kinerja.settings.prod import BASE_DIR, MIDDLEWARE, env

# Collected static files of the bench: never the ones of `make run`.
STATIC_ROOT = env.path("BENCH_STATIC_ROOT", default=str(BASE_DIR / "var" / "bench-static"))
# Plain HTTP on loopback (SECURE_SSL_REDIRECT comes from DJANGO_SECURE_SSL_REDIRECT=False).
SECURE_HSTS_SECONDS = 0
# Outermost, so it counts every query of the request, middleware included.
MIDDLEWARE = ["bench.middleware.JumlahQueryMiddleware", *MIDDLEWARE]
