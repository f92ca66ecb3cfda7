"""The background jobs of the reporting app (ProsesLaporan): starting one (HR, from a page)
and running it (the worker): a recap of a window or the wilayah recap PDF."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from asn_kinerja.antrean import kirim_ditunggu
from kinerja.models import PeriodePenilaian
from organisasi.peran import is_hr_wilayah

from ..models import ProsesLaporan
from ..pdf import pdf_rekap_wilayah
from .rekap import rekap_hitung

if TYPE_CHECKING:
    from organisasi.models import Pengguna

logger = logging.getLogger(__name__)


def _antrekan(proses: ProsesLaporan, task) -> None:
    """Sends the job once the row is committed; a broker that is down fails the job and
    raises `AntreanTidakTersedia` (the caller shows the message)."""
    kirim_ditunggu(
        task,
        proses.pk,
        pesan=_(
            "Antrean tugas latar belakang (Redis) sedang tidak tersedia, jadi proses tidak dapat "
            "dimulai. Halaman tetap menampilkan rekap terakhir. Coba lagi beberapa saat lagi "
            "atau hubungi admin sistem."
        ),
        saat_gagal=lambda pesan: ProsesLaporan.objects.filter(pk=proses.pk).update(
            status=ProsesLaporan.Status.GAGAL, pesan=pesan[:500], selesai_pada=timezone.now()
        ),
    )


def _proses_baru(
    *, actor: Pengguna, periode_penilaian: PeriodePenilaian, jenis: str
) -> ProsesLaporan:
    wilayah_id = periode_penilaian.periode_kinerja.wilayah_id
    if not is_hr_wilayah(actor, wilayah_id):
        raise PermissionDenied(_("Hanya admin kepegawaian wilayah ini yang dapat memulai proses."))
    with transaction.atomic():
        aktif = (
            ProsesLaporan.objects.select_for_update()
            .filter(
                wilayah_id=wilayah_id,
                periode_penilaian=periode_penilaian,
                jenis=jenis,
                status__in=[ProsesLaporan.Status.ANTRE, ProsesLaporan.Status.BERJALAN],
                created_at__gte=timezone.now() - dt.timedelta(minutes=30),
            )
            .first()
        )
        if aktif is not None:
            raise ValidationError(
                _("Proses yang sama untuk periode ini masih berjalan; tunggu hingga selesai.")
            )
        proses = ProsesLaporan(
            wilayah_id=wilayah_id,
            periode_penilaian=periode_penilaian,
            jenis=jenis,
            dibuat_oleh=actor,
        )
        proses.full_clean()
        proses.save()
    return proses


def proses_mulai(
    *, actor: Pengguna, periode_penilaian: PeriodePenilaian, jenis: str, task: Any
) -> ProsesLaporan:
    """HR starts a job (`jenis`: a recap or the wilayah recap PDF) of a window; `task` is the
    Celery task that runs it in the worker (given by `tasks`, which sits above the services).
    Raises PermissionDenied, ValidationError (already running) or AntreanTidakTersedia
    (broker down)."""
    proses = _proses_baru(actor=actor, periode_penilaian=periode_penilaian, jenis=jenis)
    _antrekan(proses, task)
    return proses


def _perbarui(proses_id: int, **fields: Any) -> None:
    ProsesLaporan.objects.filter(pk=proses_id).update(**fields)


def proses_jalankan(*, proses_id: int) -> None:
    """Runs a queued job (called by the worker). Safe to run twice: a finished job is left
    alone, a recap is an upsert."""
    proses = (
        ProsesLaporan.objects.select_related("periode_penilaian__periode_kinerja__wilayah")
        .filter(pk=proses_id)
        .first()
    )
    if proses is None or proses.status == ProsesLaporan.Status.SELESAI:
        return
    _perbarui(
        proses_id,
        status=ProsesLaporan.Status.BERJALAN,
        persen=1,
        mulai_pada=timezone.now(),
        pesan=_("Dimulai"),
    )

    def kemajuan(persen: int, pesan: str) -> None:
        # Outside the recap transaction (its own autocommit connection is the same one, so
        # the update is visible only at commit; the percentage still moves between steps).
        _perbarui(proses_id, persen=min(persen, 99), pesan=str(pesan)[:500])

    try:
        if proses.jenis == ProsesLaporan.Jenis.REKAP:
            ringkasan = rekap_hitung(periode_penilaian=proses.periode_penilaian)
            _perbarui(
                proses_id,
                status=ProsesLaporan.Status.SELESAI,
                persen=100,
                ringkasan=ringkasan,
                pesan=_("Rekap %(n)s pegawai selesai.") % {"n": ringkasan["pegawai"]},
                selesai_pada=timezone.now(),
            )
        else:
            pdf = pdf_rekap_wilayah(periode_penilaian=proses.periode_penilaian, kemajuan=kemajuan)
            nama = (
                f"rekap-{proses.wilayah.kode}-{proses.periode_penilaian.tanggal_mulai:%Y-%m}-"
                f"{proses.pk}.pdf"
            )
            proses.berkas.save(nama, ContentFile(pdf), save=False)
            _perbarui(
                proses_id,
                berkas=proses.berkas.name,
                status=ProsesLaporan.Status.SELESAI,
                persen=100,
                pesan=_("Laporan siap diunduh."),
                ringkasan={"ukuran": len(pdf)},
                selesai_pada=timezone.now(),
            )
    except Exception as exc:  # the job row must say it failed; the worker logs the trace
        logger.exception("Proses laporan %s gagal", proses_id)
        _perbarui(
            proses_id,
            status=ProsesLaporan.Status.GAGAL,
            pesan=(_("Proses gagal: %(err)s") % {"err": exc})[:500],
            selesai_pada=timezone.now(),
        )
        raise
