"""Demo step of the API app: one (unusable) phone token for each demo employee, so the HR
token page has rows. Its key is random and thrown away: nobody can use it; a user makes
their own on "Token API saya". Idempotent (one token per account, by name)."""

from __future__ import annotations

import secrets

from asn_kinerja.demo import DemoContext
from organisasi.models import Pengguna

from .models import TokenAPI
from .selectors import hash_kunci

NAMA = "Ponsel (demo)"


def seed(ctx: DemoContext) -> None:
    n = 0
    for u in Pengguna.objects.filter(username__startswith="pegawai_").order_by("pk"):
        if TokenAPI.objects.filter(pengguna=u, nama=NAMA).exists():
            continue
        kunci = secrets.token_urlsafe(32)
        TokenAPI.objects.create(
            pengguna=u, nama=NAMA, awalan=kunci[:8], hash_kunci=hash_kunci(kunci)
        )
        n += 1
    ctx.log(f"  api: {n} token demo baru")
