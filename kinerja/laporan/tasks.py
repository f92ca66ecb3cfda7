"""Celery tasks of the reporting app: thin adapters that take ids, call one service and are
safe to run twice (recaps are upserts; a finished job is not redone; reminders are sent once
per person and window/day). Scheduled in settings.CELERY_BEAT_SCHEDULE.

Also the two entry points that start a job from a page (`proses_rekap_mulai`,
`proses_pdf_wilayah_mulai`): the service writes the job row and enqueues the task it is
given, so the services never import this module (views -> tasks -> services)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from celery import shared_task
from django.utils import timezone

from kinerja.models import PeriodePenilaian

from . import selectors
from .models import ProsesLaporan
from .services import pengingat, proses, rekap

if TYPE_CHECKING:
    from organisasi.models import Pengguna

logger = logging.getLogger(__name__)


@shared_task(name="laporan.rekap_periode")
def rekap_periode(periode_penilaian_id: int) -> dict[str, Any] | None:
    periode = PeriodePenilaian.objects.filter(pk=periode_penilaian_id).first()
    if periode is None:
        return None
    return rekap.rekap_hitung(periode_penilaian=periode)


@shared_task(name="laporan.rekap_malam")
def rekap_malam() -> int:
    """Nightly: recap every open window that has started."""
    ids = selectors.periode_perlu_rekap_malam()  # each wilayah on its local date
    for pk in ids:
        rekap_periode.delay(pk)
    return len(ids)


@shared_task(name="laporan.rekap_akhir")
def rekap_akhir(periode_penilaian_id: int) -> dict[str, Any] | None:
    """The final recap of a closed window (the close action enqueues it)."""
    periode = (
        PeriodePenilaian.objects.select_related("periode_kinerja")
        .filter(pk=periode_penilaian_id)
        .first()
    )
    if periode is None:
        return None
    return rekap.rekap_periode_ditutup(periode)


@shared_task(name="laporan.rekap_susulan_periode_ditutup")
def rekap_susulan_periode_ditutup() -> int:
    """Nightly safety net: closed windows whose recap is older than the close."""
    ids = selectors.periode_ditutup_tanpa_rekap_akhir()
    for pk in ids:
        rekap_akhir.delay(pk)
    return len(ids)


@shared_task(name="laporan.pengingat_tenggat")
def pengingat_tenggat(hari: int = 3) -> int:
    return pengingat.pengingat_tenggat(hari=hari)  # each wilayah on its local date


@shared_task(name="laporan.pengingat_menunggu_atasan")
def pengingat_menunggu_atasan(hari: int = 5) -> int:
    return pengingat.pengingat_menunggu_atasan(sekarang=timezone.now(), hari=hari)


@shared_task(name="laporan.jalankan_proses_rekap")
def jalankan_proses_rekap(proses_id: int) -> None:
    proses.proses_jalankan(proses_id=proses_id)


@shared_task(name="laporan.jalankan_proses_pdf_wilayah")
def jalankan_proses_pdf_wilayah(proses_id: int) -> None:
    proses.proses_jalankan(proses_id=proses_id)


def proses_rekap_mulai(*, actor: Pengguna, periode_penilaian: PeriodePenilaian) -> ProsesLaporan:
    """HR starts a recap of a window in the worker (see `services.proses.proses_mulai`)."""
    return proses.proses_mulai(
        actor=actor,
        periode_penilaian=periode_penilaian,
        jenis=ProsesLaporan.Jenis.REKAP,
        task=jalankan_proses_rekap,
    )


def proses_pdf_wilayah_mulai(
    *, actor: Pengguna, periode_penilaian: PeriodePenilaian
) -> ProsesLaporan:
    """HR starts rendering the wilayah recap PDF in the worker; the file is kept."""
    return proses.proses_mulai(
        actor=actor,
        periode_penilaian=periode_penilaian,
        jenis=ProsesLaporan.Jenis.PDF_WILAYAH,
        task=jalankan_proses_pdf_wilayah,
    )


def antre_rekap_akhir(sender: Any, periode_penilaian: PeriodePenilaian, **kwargs: Any) -> None:
    """Receiver of kinerja.signals.periode_penilaian_ditutup (sent after commit). A broker
    that is down must not break the close: the nightly catch-up task recaps it later."""
    try:
        rekap_akhir.delay(periode_penilaian.pk)
    except Exception:  # kombu/redis errors: logged, caught up by rekap_susulan
        logger.warning("Rekap akhir %s tidak dapat diantrekan", periode_penilaian.pk, exc_info=True)
