"""Reads of the PDF reports (`pdf`): every query the documents run is here, the PDF module
itself has none.

These functions receive objects the caller has already looked up in the actor's scope (views)
or that belong to one wilayah (the worker); every query below stays inside that wilayah.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django.db.models import Case, Count, F, FilteredRelation, Prefetch, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from kinerja.choices import Predikat
from kinerja.models import (
    SKP,
    EvaluasiPeriodik,
    EvaluasiTahunan,
    IndikatorKinerja,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
)
from organisasi.models import UnitKerja, Wilayah
from organisasi.selectors import kedalaman_muat
from pegawai.choices import STATUS_HADIR, StatusKehadiran
from pegawai.models import Pegawai
from pegawai.selectors import kepala_unit

from .models import KOLOM_ANGKA, RekapPegawai, RekapUnit, RekapWilayah
from .selectors import tren_rekap_wilayah

BATAS_DAFTAR_TINDAK_LANJUT = 300
# The wilayah PDF is a summary: its unit table stops at the deepest level of the tree that fits
# in this many rows (the full per-unit table is the Excel export of the unit recap) and its
# list of units violating the curve at the second limit.
BATAS_UNIT_PDF = 150
BATAS_UNIT_MELANGGAR = 100
PREDIKAT_TINDAK_LANJUT = (Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG)


# --- SKP and evaluation documents --------------------------------------------------------------


def skp_lengkap(skp_id: int) -> SKP:
    """The SKP with everything its documents print (plan, indicators, expectations)."""
    indikator = IndikatorKinerja.objects.order_by("urutan", "pk")
    return (
        SKP.objects.select_related(
            "pegawai__jabatan",
            "pegawai__unit",
            "pejabat_penilai__jabatan",
            "pejabat_penilai__unit",
            "atasan_pejabat_penilai__jabatan",
            "atasan_pejabat_penilai__unit",
            "periode_kinerja__wilayah",
            "wilayah",
        )  # fmt: skip
        .prefetch_related(
            Prefetch(
                "rhk_set",
                queryset=RencanaHasilKerja.objects.select_related("rhk_atasan", "target_unit")
                .prefetch_related(Prefetch("indikator_set", queryset=indikator))
                .order_by("jenis", "urutan", "pk"),
            ),
            "ekspektasi_set",
        )
        .get(pk=skp_id)
    )


def evaluasi_lengkap(evaluasi_id: int) -> EvaluasiPeriodik:
    """A periodic evaluation with its realisations, feedback and evidence."""
    return (
        EvaluasiPeriodik.objects.select_related("periode_penilaian", "dinilai_oleh")
        .prefetch_related(
            Prefetch(
                "realisasi_set", queryset=RealisasiIndikator.objects.select_related("indikator")
            ),
            "umpan_balik_hasil_set",
            "umpan_balik_perilaku_set",
            "bukti_set",
        )
        .get(pk=evaluasi_id)
    )


def evaluasi_tahunan_lengkap(tahunan_id: int) -> EvaluasiTahunan:
    return EvaluasiTahunan.objects.select_related("dinilai_oleh").get(pk=tahunan_id)


def evaluasi_periodik_skp(skp: SKP) -> list[EvaluasiPeriodik]:
    """The periodic evaluations of an SKP, in date order (the annual document lists them)."""
    return list(
        EvaluasiPeriodik.objects.filter(skp=skp)
        .select_related("periode_penilaian")
        .order_by("periode_penilaian__tanggal_mulai")
    )


# --- Attendance of a unit for a month ----------------------------------------------------------


def kehadiran_unit_bulan(unit: UnitKerja, bulan: dt.date):
    """Employees of the unit's subtree with their attendance counts for the month (1 query)."""
    awal = bulan.replace(day=1)
    akhir = bulan.replace(day=calendar.monthrange(bulan.year, bulan.month)[1])
    f = Q(kehadiran_set__tanggal__gte=awal, kehadiran_set__tanggal__lte=akhir)

    def n(status: str | None = None):
        return Count("kehadiran_set", filter=f & Q(kehadiran_set__status=status) if status else f)

    return (
        (
            Pegawai.objects.aktif()
            .di_wilayah(unit.wilayah_id)
            .di_subtree(unit)
            .select_related("unit", "jabatan")
            .annotate(
                tercatat=n(),
                hadir=Count(
                    "kehadiran_set",
                    filter=f & Q(kehadiran_set__status__in=STATUS_HADIR),
                ),
                # Late as the period recap counts it (services.rekap): marked late, or
                # minutes of lateness recorded (this copy used to miss a late day without
                # minutes).
                terlambat=Count(
                    "kehadiran_set",
                    filter=f
                    & (
                        Q(kehadiran_set__status=StatusKehadiran.TERLAMBAT)
                        | Q(kehadiran_set__menit_terlambat__gt=0)
                    ),
                ),
                menit_terlambat=Coalesce(Sum("kehadiran_set__menit_terlambat", filter=f), 0),
                menit_pulang_cepat=Coalesce(Sum("kehadiran_set__menit_pulang_cepat", filter=f), 0),
                izin=n(StatusKehadiran.IZIN),
                sakit=n(StatusKehadiran.SAKIT),
                cuti=n(StatusKehadiran.CUTI),
                dinas_luar=n(StatusKehadiran.DINAS_LUAR),
                alpa=n(StatusKehadiran.ALPA),
            )
            .order_by("unit__path", "-jabatan__is_kepala", "nama")
        ),
        awal,
        akhir,
    )


def kepala_wilayah(wilayah: Wilayah) -> Pegawai | None:
    """The head of the wilayah's root unit (signs the wilayah recap), if there is a root."""
    root = UnitKerja.objects.di_wilayah(wilayah).filter(depth=0).order_by("path").first()
    return kepala_unit(root) if root is not None else None


# --- Wilayah recap of a window -----------------------------------------------------------------


def rekap_unit_pohon(wilayah: Any, periode: PeriodePenilaian) -> dict[str, Any]:
    """The unit table of the wilayah recap: the units down to the deepest level of the tree
    that fits in BATAS_UNIT_PDF rows (`organisasi.selectors.kedalaman_muat`), each carrying the
    totals of its whole subtree; predikat unit and curve stay the unit's own. 3 queries:
    units per depth, subtree sums, the shown units with their own recap row.

    The sums join every recap row of the window to each shown unit whose path prefixes the
    row's unit path (the shown units reached through the shared wilayah: `wilayah__unit_set`),
    grouped by the shown unit: one SQL aggregate, no Python loop over the unit rows."""
    jumlah_per_kedalaman = dict(
        UnitKerja.objects.di_wilayah(wilayah)
        .order_by()
        .values("depth")
        .annotate(n=Count("pk"))
        .values_list("depth", "n")
    )
    kedalaman = kedalaman_muat(jumlah_per_kedalaman, BATAS_UNIT_PDF)
    subtree = {
        r["induk"]: r
        for r in RekapUnit.objects.di_wilayah(wilayah)
        .filter(
            periode_penilaian=periode,
            wilayah__unit_set__depth__lte=kedalaman,
            unit__path__startswith=F("wilayah__unit_set__path"),
        )
        .order_by()
        .values(induk=F("wilayah__unit_set"))
        .annotate(**{k: Sum(k) for k in KOLOM_ANGKA})
    }
    units = (
        UnitKerja.objects.di_wilayah(wilayah)
        .filter(depth__lte=kedalaman, pk__in=list(subtree))
        .annotate(
            rekap_sendiri=FilteredRelation(
                "rekap_unit_set", condition=Q(rekap_unit_set__periode_penilaian=periode)
            ),
            predikat_sendiri=F("rekap_sendiri__predikat_unit"),
            kurva_sendiri=F("rekap_sendiri__kurva_ok"),
        )
        .order_by("path")
    )
    # Unsaved RekapUnit rows, so the template and the chart keep using its properties.
    baris = [
        RekapUnit(
            unit=u,
            periode_penilaian=periode,
            wilayah=wilayah,
            predikat_unit=u.predikat_sendiri or "",
            kurva_ok=u.kurva_sendiri,
            **{k: subtree[u.pk][k] for k in KOLOM_ANGKA},
        )
        for u in units
    ]
    return {
        "units": baris,
        "unit_kedalaman": kedalaman,
        "unit_tidak_tampil": sum(n for d, n in jumlah_per_kedalaman.items() if d > kedalaman),
    }


def data_rekap_wilayah(periode_penilaian: PeriodePenilaian) -> dict[str, Any]:
    """Everything the wilayah recap report shows, read from the recap tables of the window's
    wilayah (8 queries, whatever the number of units and employees)."""
    periode = PeriodePenilaian.objects.select_related("periode_kinerja__wilayah").get(
        pk=periode_penilaian.pk
    )
    wilayah = periode.periode_kinerja.wilayah
    rekap = RekapWilayah.objects.di_wilayah(wilayah).filter(periode_penilaian=periode).first()
    tren = list(tren_rekap_wilayah(RekapWilayah.objects.di_wilayah(wilayah), periode))
    # Every unit violating its curve, at any depth (the unit table may stop above it).
    melanggar = list(
        RekapUnit.objects.di_wilayah(wilayah)
        .filter(periode_penilaian=periode, kurva_ok=False)
        .select_related("unit__parent")
        .order_by("unit__path")[: BATAS_UNIT_MELANGGAR + 1]
    )
    # Worst predikat first. The order is SQL's, so the cut at the limit keeps the worst cases
    # (an alphabetical ORDER BY "predikat" filled the list with Butuh Perbaikan alone).
    keparahan = Case(
        When(predikat=Predikat.SANGAT_KURANG, then=Value(0)),
        When(predikat=Predikat.KURANG, then=Value(1)),
        default=Value(2),
    )
    tindak_lanjut = list(
        RekapPegawai.objects.di_wilayah(wilayah)
        .filter(periode_penilaian=periode, predikat__in=PREDIKAT_TINDAK_LANJUT)
        .select_related("pegawai", "unit", "pejabat_penilai")
        .order_by(keparahan, "unit__path", "pegawai__nama", "pk")[: BATAS_DAFTAR_TINDAK_LANJUT + 1]
    )
    jumlah_tindak_lanjut = (
        sum(n for v, _label, n in rekap.distribusi if v in PREDIKAT_TINDAK_LANJUT)
        if rekap is not None
        else len(tindak_lanjut)
    )
    return {
        "periode": periode,
        "wilayah": wilayah,
        "rekap": rekap,
        **rekap_unit_pohon(wilayah, periode),
        "tren": tren,
        "melanggar": melanggar[:BATAS_UNIT_MELANGGAR],
        "melanggar_lebih": len(melanggar) > BATAS_UNIT_MELANGGAR,
        "jumlah_melanggar": (
            rekap.jumlah_unit_melanggar_kurva if rekap is not None else len(melanggar)
        ),
        "tindak_lanjut": tindak_lanjut[:BATAS_DAFTAR_TINDAK_LANJUT],
        "tindak_lanjut_lebih": len(tindak_lanjut) > BATAS_DAFTAR_TINDAK_LANJUT,
        "jumlah_tindak_lanjut": jumlah_tindak_lanjut,
    }
