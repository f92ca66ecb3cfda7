"""Celery tasks of the TPP app: thin adapters (ids in, one service call, safe to rerun: the
computation upserts its rows)."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task(name="tpp.hitung_bulan")
def hitung_bulan(bulan_id: int, pengguna_id: int | None = None) -> None:
    services.tpp_proses_jalankan(bulan_id=bulan_id, pengguna_id=pengguna_id)
