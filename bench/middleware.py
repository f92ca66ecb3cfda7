"""Bench-only middleware (enabled in `bench.settings`, never in production settings)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse

HEADER = "X-Bench-Queries"
HEADER_MS = "X-Bench-Ms"


class JumlahQueryMiddleware:
    """Adds `X-Bench-Queries: <n>`: the SQL statements the request ran on the default
    database (counted with an execute wrapper, so it works with DEBUG off)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        jumlah = 0
        catat = os.environ.get("BENCH_QUERY_LOG")  # diagnosis: append each statement

        def hitung(execute, sql, params, many, context):
            nonlocal jumlah
            jumlah += 1
            if catat:
                with open(catat, "a") as f:
                    f.write(f"{request.path}\t{sql[:300]}\n")
            return execute(sql, params, many, context)

        t0 = time.perf_counter()
        with connection.execute_wrapper(hitung):
            response = self.get_response(request)
        response[HEADER] = str(jumlah)
        # Time inside Django (middleware included), to tell it from the server and client.
        response[HEADER_MS] = f"{(time.perf_counter() - t0) * 1000:.1f}"
        return response
