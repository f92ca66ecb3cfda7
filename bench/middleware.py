"""Bench-only middleware (enabled in `bench.settings`, never in production settings)."""

from __future__ import annotations

import os
from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse

HEADER = "X-Bench-Queries"


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

        with connection.execute_wrapper(hitung):
            response = self.get_response(request)
        response[HEADER] = str(jumlah)
        return response
