"""Helpers of the evaluation tests: an approved SKP chain with staff, evaluations in any
state with ratings consistent with the matrix."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kinerja.models import EvaluasiPeriodik, PredikatUnit, RealisasiIndikator
from kinerja.rules import predikat_dari_rating
from tests.kinerja.factories import periode_penilaian, rantai_skp, skp_lengkap

RATING_UNTUK = {
    "sangat_baik": ("di_atas", "di_atas"),
    "baik": ("sesuai", "sesuai"),
    "butuh_perbaikan": ("di_bawah", "sesuai"),
    "kurang": ("sesuai", "di_bawah"),
    "sangat_kurang": ("di_bawah", "di_bawah"),
}


def organisasi_dinilai(org) -> dict:
    """Approved SKP: sekda -> kabid -> (staf, staf2, kasi) and kasi -> staf_seksi. The kabid's
    curve group (bidang) is staf, staf2 and kasi."""
    r = rantai_skp(org)
    rhk_kabid = r["kabid"].rhk_set.first()
    r["staf"] = skp_lengkap(org.staf, rhk_atasan=rhk_kabid)
    r["staf2"] = skp_lengkap(org.staf2, rhk_atasan=rhk_kabid)
    r["staf_seksi"] = skp_lengkap(org.staf_seksi, rhk_atasan=r["kasi"].rhk_set.first())
    return r


def evaluasi(skp, *, nomor: int = 1, status: str = "belum_diisi", predikat: str | None = None,
             realisasi: bool = False, final_pada: dt.datetime | None = None) -> EvaluasiPeriodik:  # fmt: skip
    ev = EvaluasiPeriodik(skp=skp, periode_penilaian=periode_penilaian(skp.periode_kinerja, nomor))
    ev.status = status
    if status in ("dinilai", "final"):
        predikat = predikat or "baik"
        ev.rating_hasil, ev.rating_perilaku = RATING_UNTUK[predikat]
        ev.predikat = predikat_dari_rating(ev.rating_hasil, ev.rating_perilaku).value
        ev.dinilai_oleh = skp.pejabat_penilai
    if status == "final":
        ev.final_pada = final_pada or timezone.now()
    ev.save()
    if realisasi:
        for rhk in skp.rhk_set.all():
            for i in rhk.indikator_set.all():
                RealisasiIndikator.objects.create(evaluasi=ev, indikator=i, nilai=10, narasi="ok")
    return ev


def predikat_unit(unit, periode, nomor: int, predikat: str) -> PredikatUnit:
    return PredikatUnit.objects.create(
        unit=unit, periode_kinerja=periode, periode_penilaian=periode_penilaian(periode, nomor),
        predikat=predikat,
    )  # fmt: skip
