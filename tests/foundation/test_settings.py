"""Production settings: no default secret, and `check --deploy` passes with the documented env."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _check(env_extra: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "asn_kinerja.settings.prod", **env_extra})
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_prod_tanpa_secret_key_menolak():
    r = _check({"DJANGO_ALLOWED_HOSTS": "kinerja.example.go.id"})
    assert r.returncode != 0 and "DJANGO_SECRET_KEY" in r.stderr


def test_prod_check_deploy_lulus():
    r = _check(
        {
            "DJANGO_SECRET_KEY": "k" * 20 + "-uji-produksi-yang-panjang-dan-acak-9f8e7d6c5b4a",
            "DJANGO_ALLOWED_HOSTS": "kinerja.example.go.id",
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert r.returncode == 0, r.stderr + r.stdout
