"""Month-end rush for locust (run by bench.run, headless, bounded by -u and -t).

The plan (BENCH_RUSH_PLAN, written by bench.run) holds, per role, identities (a session
cookie of a bench account and a CSRF secret) with their resolved URLs and weights. Each
simulated user takes a role by the mix weights, an identity of that role round-robin, then
requests its pages by weight with a think time of BENCH_RUSH_WAIT ("min,max" seconds).
Anything but the expected status counts as an error: 200 for a page, 302 for a POST that
saved (a redirect to login, or a form re-rendered with errors, is an error)."""

from __future__ import annotations

import itertools
import json
import os
import random

from locust import between, task
from locust.contrib.fasthttp import FastHttpUser

with open(os.environ["BENCH_RUSH_PLAN"]) as _f:
    RENCANA = json.load(_f)
_jeda = [float(x) for x in os.environ.get("BENCH_RUSH_WAIT", "1,2").split(",")]
_PERAN = list(RENCANA["bobot_peran"])
_BOBOT = [RENCANA["bobot_peran"][p] for p in _PERAN]
_GILIRAN = {p: itertools.cycle(RENCANA["identitas"][p]) for p in _PERAN}
_ACAK = random.Random(8)


class PenggunaAkhirBulan(FastHttpUser):
    # geventhttpclient: a fraction of the CPU of `requests`, which matters because locust
    # shares the 2 cores with gunicorn and PostgreSQL.
    wait_time = between(*_jeda)

    def on_start(self) -> None:
        self.peran = _ACAK.choices(_PERAN, weights=_BOBOT)[0]
        self.identitas = next(_GILIRAN[self.peran])
        self.tugas = self.identitas["tugas"]
        self.bobot = [t["bobot"] for t in self.tugas]
        self.headers = {
            "Cookie": self.identitas["cookie"],
            "X-CSRFToken": self.identitas["csrf"],
            "Referer": self.host + "/",
        }

    @task
    def klik(self) -> None:
        t = _ACAK.choices(self.tugas, weights=self.bobot)[0]
        with self.client.request(
            t["method"],
            t["url"],
            data=t["data"] or None,
            headers=self.headers,
            name=t["nama"],
            allow_redirects=False,
            catch_response=True,
        ) as r:
            if r.status_code != t["ok"]:
                r.failure(f"HTTP {r.status_code}")
