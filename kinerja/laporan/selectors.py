"""Reads for dashboards, recap lists, exports and reports.

Every dashboard reads the recap tables (never the evaluation tables), starts from
`visible_to(actor)` and runs a fixed number of queries: unit subtrees are summed in SQL
(`_rollup`: one row per child unit, whatever the number of units or employees).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.postgres.aggregates import BoolOr, JSONBAgg
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    Func,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from asn_kinerja import waktu
from asn_kinerja.models import Notifikasi
from kinerja.choices import Predikat, StatusEvaluasi, StatusPeriode, StatusSKP
from kinerja.models import SKP, EvaluasiPeriodik, PeriodePenilaian
from organisasi.models import UnitKerja, Wilayah
from organisasi.peran import is_pengawas_wilayah
from pegawai.models import Pegawai
from pegawai.selectors import pegawai_dari_pengguna, unit_dipimpin

from .models import KOLOM_ANGKA, ProsesLaporan, RekapPegawai, RekapUnit, RekapWilayah

if TYPE_CHECKING:
    from organisasi.models import Pengguna

#: Statuses of the recap rows the dashboards and the recap SQL (`services.rekap`) count.
SKP_DISETUJUI = (StatusSKP.DISETUJUI.value, StatusSKP.REVISI_DIAJUKAN.value)
SKP_MENUNGGU_PENILAI = (StatusSKP.DIAJUKAN.value, StatusSKP.REVISI_DIAJUKAN.value)
EVALUASI_DINILAI = (StatusEvaluasi.DINILAI.value, StatusEvaluasi.FINAL.value)


# --- Home page (kept: counts that do not need a recap) -----------------------------------------


def ringkasan_beranda(*, actor: Pengguna, per_wilayah: bool = False) -> dict[str, Any]:
    """Headline numbers of the home page: one grouped count of employees and one of units
    (per wilayah, so the national admin's table comes from the same two scans), plus the
    wilayah names when `per_wilayah`. Constant in the number of employees."""
    # Filtered counts over the (wilayah, status_aktif, status_kepegawaian) index; counting an
    # indexed column keeps the scan index-only (COUNT(id) would not).
    pegawai = {
        r["wilayah"]: r
        for r in Pegawai.objects.visible_to(actor)
        .filter(status_aktif="aktif")
        .values("wilayah")
        .annotate(
            jumlah=Count("*"),
            pns=Count("status_kepegawaian", filter=Q(status_kepegawaian="pns")),
            pppk=Count("status_kepegawaian", filter=Q(status_kepegawaian="pppk")),
            cpns=Count("status_kepegawaian", filter=Q(status_kepegawaian="cpns")),
        )
        .order_by()
    }
    unit = {
        r["wilayah"]: r
        for r in UnitKerja.objects.visible_to(actor)
        .values("wilayah")
        .annotate(jumlah=Count("*"), aktif=Count("pk", filter=Q(aktif=True)))
        .order_by()
    }

    def total(per: dict[int, dict[str, int]], kunci: tuple[str, ...]) -> dict[str, int]:
        return {k: sum(r[k] for r in per.values()) for k in kunci}  # one row per wilayah

    hasil: dict[str, Any] = {
        "unit": total(unit, ("jumlah", "aktif")),
        "pegawai": total(pegawai, ("jumlah", "pns", "pppk", "cpns")),
    }
    if per_wilayah:
        daftar = list(Wilayah.objects.visible_to(actor).order_by("nama"))
        for w in daftar:
            w.jumlah_unit = unit.get(w.pk, {}).get("jumlah", 0)
            w.jumlah_pegawai = pegawai.get(w.pk, {}).get("jumlah", 0)
        hasil["per_wilayah"] = daftar
    return hasil


# --- Roles: asked of organisasi.peran (is_pengawas_wilayah: HR, pimpinan daerah, national
# admins see the wilayah dashboards) and pegawai.selectors (unit_dipimpin: a section head
# sees the subtree of the unit they head). -----------------------------------------------------


class TidakDitemukan(ObjectDoesNotExist):
    """What a dashboard was asked for (a unit, a window) is not one the actor may see, or does
    not exist. The views answer 404: its existence never leaks."""


def unit_boleh_dilihat(*, actor: Pengguna) -> QuerySet[UnitKerja]:
    """Units whose dashboard the actor may open: the wilayah (HR, pimpinan, admin) or the
    subtree of the unit they head."""
    qs = UnitKerja.objects.visible_to(actor)
    if is_pengawas_wilayah(actor):
        return qs
    unit = unit_dipimpin(actor)
    if unit is None:
        return qs.none()
    return qs.filter(path__startswith=unit.path)


def wilayah_untuk(*, actor: Pengguna, kode_atau_id: Any = None) -> Wilayah | None:
    """The wilayah a dashboard shows: the actor's own; a national admin picks one (default
    the first). None when the pick (or the first) is not one the actor sees."""
    qs = Wilayah.objects.visible_to(actor)
    if actor.wilayah_id and not actor.is_admin_nasional:
        return qs.get(pk=actor.wilayah_id)
    if kode_atau_id:
        return qs.filter(Q(kode=str(kode_atau_id)) | Q(pk=_int(kode_atau_id))).first()
    return qs.order_by("nama").first()


def _int(v: Any) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return 0


# --- Periods -----------------------------------------------------------------------------------


def periode_list(*, actor: Pengguna, wilayah: Wilayah) -> list[PeriodePenilaian]:
    """Windows of the wilayah that have started, newest first (the period filter)."""
    return list(
        PeriodePenilaian.objects.visible_to(actor)
        .filter(periode_kinerja__wilayah=wilayah, tanggal_mulai__lte=waktu.hari_ini())
        .select_related("periode_kinerja")
        .order_by("-tanggal_mulai", "-pk")
    )


def periode_terpilih(periodes: list[PeriodePenilaian], nilai: Any) -> PeriodePenilaian | None:
    """The window chosen in the filter, else the latest window that has ENDED (a running
    month is rated only after it ends, so its dashboard would read 0% rated), else the
    latest window that has started. A chosen window not in `periodes` raises
    `TidakDitemukan`."""
    if nilai:
        for p in periodes:
            if str(p.pk) == str(nilai):
                return p
        raise TidakDitemukan(f"periode {nilai!r}")
    hari_ini = waktu.hari_ini()
    selesai = [p for p in periodes if p.tanggal_selesai < hari_ini]
    return selesai[0] if selesai else (periodes[0] if periodes else None)


# --- Unit rollups ------------------------------------------------------------------------------


@dataclass
class Agregat:
    """Counts of a unit subtree or a wilayah (same fields as the recap rows)."""

    unit: Any = None
    angka: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KOLOM_ANGKA, 0))
    melanggar_kurva: int = 0
    predikat_unit: str = ""
    kurva_ok: bool | None = None
    kurva_pelanggaran: list[str] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        angka = self.__dict__.get("angka", {})
        if name in angka:
            return angka[name]
        raise AttributeError(name)

    def tambah(self, row: dict[str, Any]) -> None:
        for k in KOLOM_ANGKA:
            self.angka[k] += row[k] or 0

    @property
    def persen_skp(self) -> float | None:
        n = self.angka["jumlah_pegawai"]
        return 100 * self.angka["jumlah_skp_disetujui"] / n if n else None

    @property
    def persen_dinilai(self) -> float | None:
        n = self.angka["jumlah_pegawai"]
        return 100 * self.angka["jumlah_evaluasi_dinilai"] / n if n else None

    @property
    def persen_kehadiran(self) -> float | None:
        n = self.angka["hari_tercatat"]
        return 100 * self.angka["hari_hadir"] / n if n else None

    @property
    def distribusi(self) -> list[tuple[str, str, int]]:
        return [
            *[(p.value, p.label, self.angka[f"jumlah_{p.value}"]) for p in Predikat],
            ("", "Belum dinilai", self.angka["jumlah_belum_dinilai"]),
        ]


def _rollup(
    periode: PeriodePenilaian, qs: QuerySet[RekapUnit], units: list[UnitKerja], depth: int
) -> tuple[dict[int, Agregat], dict[int, Agregat]]:
    """Subtree sums of the units `units` (units of depth `depth` and their children) over
    the unit recap rows `qs` of a period, summed in SQL: the rows are grouped by their
    ancestor at `depth` and at `depth + 1` (two fields of the materialised path), so the
    database returns one row per child unit, whatever the number of units below it.
    Returns (subtree sums per unit id, the own-unit row of each unit of `depth`)."""

    def leluhur(posisi: int) -> Func:
        # "/1/10/11/" -> field 2 is the root, field depth + 2 the ancestor at that depth.
        return Func(F("unit__path"), Value("/"), Value(posisi), function="split_part",
                    output_field=CharField())  # fmt: skip

    sendiri_q = Q(unit__depth=depth)
    rows = (
        qs.filter(periode_penilaian=periode)
        .annotate(atas=leluhur(depth + 2), anak=leluhur(depth + 3))
        .values("atas", "anak")
        .annotate(
            **{k: Sum(k) for k in KOLOM_ANGKA},
            melanggar=Count("pk", filter=Q(kurva_ok=False)),
            # The own row of the unit at `depth` (its group has anak = ""): one row.
            predikat_sendiri=Max("predikat_unit", filter=sendiri_q),
            kurva_ok_sendiri=BoolOr("kurva_ok", filter=sendiri_q),
            pelanggaran_sendiri=JSONBAgg("kurva_pelanggaran", filter=sendiri_q),
        )
        .order_by()
    )
    pohon = {u.pk: Agregat(unit=u) for u in units}
    sendiri: dict[int, Agregat] = {}
    for row in rows:  # one per child unit (+ the own rows): not per unit of the subtree
        atas = int(row["atas"]) if row["atas"] else None
        if atas not in pohon:
            continue
        target = [pohon[atas]]
        if row["anak"]:
            if int(row["anak"]) in pohon:
                target.append(pohon[int(row["anak"])])
        else:
            a = Agregat(
                unit=pohon[atas].unit,
                predikat_unit=row["predikat_sendiri"] or "",
                kurva_ok=row["kurva_ok_sendiri"],
                kurva_pelanggaran=(row["pelanggaran_sendiri"] or [[]])[0] or [],
            )
            target.append(a)
            sendiri[atas] = a
        for t in target:
            t.tambah(row)
            t.melanggar_kurva += row["melanggar"]
    return pohon, sendiri


@dataclass
class Dasbor:
    wilayah: Wilayah
    periode: PeriodePenilaian | None
    periodes: list[PeriodePenilaian]
    rekap: Any = None  # RekapWilayah or Agregat of the subtree
    dihitung_pada: dt.datetime | None = None
    unit: UnitKerja | None = None
    baris_unit: list[Agregat] = field(default_factory=list)
    tertinggal: list[Agregat] = field(default_factory=list)
    tren: list[dict[str, Any]] = field(default_factory=list)
    menunggu: list[dict[str, Any]] = field(default_factory=list)
    staf_langsung: Agregat | None = None


def dasbor_wilayah(*, actor: Pengguna, wilayah: Wilayah, periode_id: Any = None) -> Dasbor:
    """The wilayah dashboard: 5 queries (periods, wilayah recap, year trend, units, unit
    recap rows) whatever the number of employees. A chosen window the actor may not see
    raises `TidakDitemukan`."""
    if not is_pengawas_wilayah(actor):
        raise PermissionDenied
    periodes = periode_list(actor=actor, wilayah=wilayah)
    periode = periode_terpilih(periodes, periode_id)
    d = Dasbor(wilayah=wilayah, periode=periode, periodes=periodes)
    if periode is None:
        return d
    d.rekap = RekapWilayah.objects.visible_to(actor).filter(periode_penilaian=periode).first()
    d.dihitung_pada = d.rekap.dihitung_pada if d.rekap else None
    d.tren = _tren_wilayah(actor=actor, periode=periode)
    units = list(
        UnitKerja.objects.visible_to(actor).filter(wilayah=wilayah, depth__lte=1).order_by("path")
    )
    qs_unit = RekapUnit.objects.visible_to(actor).filter(wilayah=wilayah)
    pohon, _sendiri = _rollup(periode, qs_unit, units, depth=0)
    # Top-level units (OPD, kelurahan): depth 1 under the root; a wilayah with a single
    # level shows its root.
    tingkat = [pohon[u.pk] for u in units if u.depth == 1] or [pohon[u.pk] for u in units]
    d.baris_unit = [a for a in tingkat if a.angka["jumlah_pegawai"]]
    d.tertinggal = _tertinggal(d.baris_unit)
    return d


def _tertinggal(baris: list[Agregat], n: int = 5) -> list[Agregat]:
    """Units that lag: lowest evaluation completion, then curve violations, then SKP."""
    return sorted(
        baris,
        key=lambda a: (a.persen_dinilai or 0, -a.melanggar_kurva, a.persen_skp or 0),
    )[:n]


def _tren_wilayah(*, actor: Pengguna, periode: PeriodePenilaian) -> list[dict[str, Any]]:
    rows = tren_rekap_wilayah(RekapWilayah.objects.visible_to(actor), periode)
    return [_baris_tren(r.periode_penilaian, r) for r in rows]


def tren_rekap_wilayah(
    qs: QuerySet[RekapWilayah], periode: PeriodePenilaian
) -> QuerySet[RekapWilayah]:
    """The wilayah recap rows of the year of `periode` up to it, in date order (the trend of
    the dashboard and of the recap PDF)."""
    return (
        qs.filter(
            periode_penilaian__periode_kinerja_id=periode.periode_kinerja_id,
            periode_penilaian__tanggal_mulai__lte=periode.tanggal_mulai,
        )
        .select_related("periode_penilaian")
        .order_by("periode_penilaian__tanggal_mulai")
    )


def _baris_tren(periode: PeriodePenilaian, r: Any) -> dict[str, Any]:
    get = (lambda k: r[k]) if isinstance(r, dict) else (lambda k: getattr(r, k))
    return {
        "periode": periode,
        "label": periode.nama,
        **{f"jumlah_{p.value}": get(f"jumlah_{p.value}") for p in Predikat},
        "jumlah_belum_dinilai": get("jumlah_belum_dinilai"),
        "persen_dinilai": _persen(get, "jumlah_evaluasi_dinilai", "jumlah_pegawai"),
        "persen_skp": _persen(get, "jumlah_skp_disetujui", "jumlah_pegawai"),
        "persen_kehadiran": _persen(get, "hari_hadir", "hari_tercatat"),
    }


def _persen(get: Any, a: str, b: str) -> float | None:
    return round(100 * get(a) / get(b), 1) if get(b) else None


def dasbor_unit(*, actor: Pengguna, unit_id: Any = None, periode_id: Any = None) -> Dasbor:
    """The dashboard of a unit subtree (section head: their own unit by default; HR and
    pimpinan: any unit of the wilayah). 7 queries whatever the size. A unit (or window) the
    actor may not see raises `TidakDitemukan`; no role at all, PermissionDenied."""
    boleh = unit_boleh_dilihat(actor=actor)
    if unit_id:
        unit = boleh.filter(pk=_int(unit_id)).first()
        if unit is None:
            raise TidakDitemukan(f"unit {unit_id!r}")
    else:
        unit = unit_dipimpin(actor)
        if unit is None:
            if not is_pengawas_wilayah(actor):
                raise PermissionDenied
            unit = boleh.filter(depth=0).order_by("path").first()
            if unit is None:
                raise TidakDitemukan("unit akar")
    # The actor's own wilayah is already loaded with the user (asn_kinerja.auth).
    wilayah = actor.wilayah if actor.wilayah_id == unit.wilayah_id else unit.wilayah
    periodes = periode_list(actor=actor, wilayah=wilayah)
    periode = periode_terpilih(periodes, periode_id)
    d = Dasbor(wilayah=wilayah, periode=periode, periodes=periodes, unit=unit)
    if periode is None:
        return d
    units = list(
        UnitKerja.objects.visible_to(actor).filter(Q(pk=unit.pk) | Q(parent=unit)).order_by("path")
    )
    qs_unit = RekapUnit.objects.visible_to(actor).filter(unit__path__startswith=unit.path)
    pohon, sendiri = _rollup(periode, qs_unit, units, depth=unit.depth)
    d.rekap = pohon[unit.pk]
    d.dihitung_pada = (
        RekapWilayah.objects.visible_to(actor)
        .filter(periode_penilaian=periode)
        .values_list("dihitung_pada", flat=True)
        .first()
    )
    d.staf_langsung = sendiri.get(unit.pk)
    d.baris_unit = [pohon[u.pk] for u in units if u.pk != unit.pk and pohon[u.pk].jumlah_pegawai]
    d.tertinggal = _tertinggal(d.baris_unit)
    tren = (
        qs_unit.filter(
            periode_penilaian__periode_kinerja_id=periode.periode_kinerja_id,
            periode_penilaian__tanggal_mulai__lte=periode.tanggal_mulai,
        )
        .values("periode_penilaian")
        .annotate(**{k: Coalesce(Sum(k), 0) for k in KOLOM_ANGKA})
        .order_by("periode_penilaian__tanggal_mulai")
    )
    per_id = {p.pk: p for p in periodes}
    d.tren = [
        _baris_tren(per_id[r["periode_penilaian"]], r)
        for r in tren
        if r["periode_penilaian"] in per_id
    ]
    d.menunggu = siapa_menunggu_siapa(actor=actor, periode=periode, unit=unit)
    return d


def siapa_menunggu_siapa(
    *, actor: Pengguna, periode: PeriodePenilaian, unit: UnitKerja
) -> list[dict[str, Any]]:
    """Per pejabat penilai in the subtree: how many subordinates wait on them (SKP or
    realisation submitted) and how many they wait on (evaluation not filled). 1 query."""
    return list(
        RekapPegawai.objects.visible_to(actor)
        .filter(periode_penilaian=periode, unit__path__startswith=unit.path)
        .exclude(pejabat_penilai__isnull=True)
        .values(
            "pejabat_penilai",
            "pejabat_penilai__nama",
            "pejabat_penilai__gelar_depan",
            "pejabat_penilai__gelar_belakang",
        )  # fmt: skip
        .annotate(
            menunggu_penilai=Count(
                "pk",
                filter=Q(status_skp__in=SKP_MENUNGGU_PENILAI)
                | Q(status_evaluasi=StatusEvaluasi.REALISASI_DIAJUKAN),
            ),
            menunggu_pegawai=Count(
                "pk",
                filter=Q(status_evaluasi__in=["", StatusEvaluasi.BELUM_DIISI])
                | Q(status_skp__in=[StatusSKP.DRAF, StatusSKP.DIKEMBALIKAN]),
            ),
            jumlah=Count("pk"),
        )
        .order_by("-menunggu_penilai", "pejabat_penilai__nama")[:25]
    )


def dasbor_pegawai(*, actor: Pengguna, pegawai: Pegawai) -> dict[str, Any]:
    """The employee's own progress and predikat history from the recap (2 queries)."""
    riwayat = list(
        RekapPegawai.objects.visible_to(actor)
        .filter(pegawai=pegawai, periode_penilaian__tanggal_mulai__lte=waktu.hari_ini())
        .select_related("periode_penilaian", "pejabat_penilai")
        # When the window was last recapped: the wilayah row's time (an employee row keeps
        # the time it last CHANGED, the recap skips unchanged rows).
        .annotate(
            rekap_dihitung_pada=Coalesce(
                Subquery(
                    RekapWilayah.objects.filter(
                        wilayah=OuterRef("wilayah"),
                        periode_penilaian=OuterRef("periode_penilaian"),
                    ).values("dihitung_pada")[:1]
                ),
                F("dihitung_pada"),
            )
        )
        .order_by("-periode_penilaian__tanggal_mulai")[:24]
    )
    # The latest window that HAS a predikat: early in a month (or a year) the running window
    # is not rated yet, and "—" would hide last month's result.
    dinilai = next((r for r in riwayat if r.predikat), None)
    return {"pegawai": pegawai, "riwayat": riwayat, "terkini": riwayat[0] if riwayat else None,
            "dinilai": dinilai}  # fmt: skip


# --- Recap list and exports --------------------------------------------------------------------


def rekap_pegawai_list(*, actor: Pengguna) -> QuerySet[RekapPegawai]:
    """Employee recap rows the actor may see: the wilayah (HR, pimpinan, admin) or the subtree
    of the unit they head; an employee only their own rows."""
    qs = RekapPegawai.objects.visible_to(actor).select_related(
        "pegawai", "unit", "periode_penilaian", "pejabat_penilai"
    )
    if is_pengawas_wilayah(actor):
        return qs
    unit = unit_dipimpin(actor)
    if unit is not None:
        return qs.filter(unit__path__startswith=unit.path)
    sendiri = pegawai_dari_pengguna(actor)
    return qs.filter(pegawai=sendiri) if sendiri else qs.none()


def rekap_unit_list(*, actor: Pengguna, periode: PeriodePenilaian) -> QuerySet[RekapUnit]:
    return (
        RekapUnit.objects.visible_to(actor)
        .filter(periode_penilaian=periode, unit__in=unit_boleh_dilihat(actor=actor))
        .select_related("unit")
        .order_by("unit__path")
    )


def rekap_wilayah_list(*, actor: Pengguna, wilayah: Wilayah) -> QuerySet[RekapWilayah]:
    if not is_pengawas_wilayah(actor):
        raise PermissionDenied
    return (
        RekapWilayah.objects.visible_to(actor)
        .filter(wilayah=wilayah)
        .select_related("periode_penilaian")
        .order_by("periode_penilaian__tanggal_mulai")
    )


def perbandingan_wilayah(*, actor: Pengguna, bulan: dt.date | None = None) -> list[RekapWilayah]:
    """National admins: each wilayah's recap of the window containing `bulan` (default: its
    latest window that has started). 1 query (DISTINCT ON)."""
    if not actor.is_admin_nasional:
        raise PermissionDenied
    tanggal = bulan or waktu.hari_ini()
    return list(
        RekapWilayah.objects.visible_to(actor)
        .filter(periode_penilaian__tanggal_mulai__lte=tanggal)
        .select_related("wilayah", "periode_penilaian")
        .order_by("wilayah__nama", "wilayah_id", "-periode_penilaian__tanggal_mulai")
        .distinct("wilayah__nama", "wilayah_id")
    )


def proses_list(*, actor: Pengguna, wilayah: Wilayah, jenis: str | None = None):
    qs = (
        ProsesLaporan.objects.visible_to(actor)
        .filter(wilayah=wilayah)
        .select_related("periode_penilaian", "dibuat_oleh")
    )
    return qs.filter(jenis=jenis) if jenis else qs


# --- Reminders (reads) -------------------------------------------------------------------------


def pegawai_belum_mengisi(*, periode_penilaian: PeriodePenilaian) -> QuerySet[Pegawai]:
    """Active employees with an account in the window's wilayah whose evaluation of the window
    is missing or still unfilled (system task: not scoped to a user)."""
    diisi = EvaluasiPeriodik.objects.filter(
        skp__pegawai=OuterRef("pk"), periode_penilaian=periode_penilaian
    ).exclude(status=StatusEvaluasi.BELUM_DIISI)
    return (
        Pegawai.objects.aktif()
        .filter(wilayah_id=periode_penilaian.periode_kinerja.wilayah_id, pengguna__isnull=False)
        .filter(~Exists(diisi))
        .select_related("pengguna")
    )


def antrean_penilai_lama(*, sekarang: dt.datetime, hari: int) -> list[dict[str, Any]]:
    """[{"penilai": pegawai id, "n": count}] of submissions waiting on a pejabat penilai for
    more than `hari` days: realisations (`diajukan_pada`) and SKP (last change). 2 queries."""
    batas = sekarang - dt.timedelta(days=hari)
    n: dict[int, int] = defaultdict(int)
    for r in (
        EvaluasiPeriodik.objects.filter(
            status=StatusEvaluasi.REALISASI_DIAJUKAN,
            diajukan_pada__lt=batas,
            skp__pejabat_penilai__isnull=False,
        )
        .values("skp__pejabat_penilai")
        .annotate(n=Count("pk"))
    ):
        n[r["skp__pejabat_penilai"]] += r["n"]
    for r in (
        SKP.objects.filter(
            status__in=SKP_MENUNGGU_PENILAI, updated_at__lt=batas, pejabat_penilai__isnull=False
        )
        .values("pejabat_penilai")
        .annotate(n=Count("pk"))
    ):
        n[r["pejabat_penilai"]] += r["n"]
    return [{"penilai": k, "n": v} for k, v in sorted(n.items())]


# --- Scheduling (reads of the nightly jobs) ----------------------------------------------------


def syarat_tanggal_wilayah(hari_ini: dt.date | None, syarat: Callable[[dt.date], Q]) -> Q:
    """`syarat(date)` as a Q on windows: on `hari_ini` for every wilayah when given, else
    per wilayah on its own local date (one OR-ed condition: still one query)."""
    if hari_ini is not None:
        return syarat(hari_ini)
    q = Q(pk__in=[])
    for w in Wilayah.objects.only("pk", "zona_waktu"):
        q |= Q(periode_kinerja__wilayah_id=w.pk) & syarat(waktu.hari_ini(w))
    return q


def periode_perlu_rekap_malam(*, hari_ini: dt.date | None = None) -> list[int]:
    """Open windows that have started: the nightly recap. Each wilayah's windows are judged
    on that wilayah's local date (unless `hari_ini` is given)."""
    qs = PeriodePenilaian.objects.filter(status=StatusPeriode.BUKA)
    return list(
        qs.filter(syarat_tanggal_wilayah(hari_ini, lambda d: Q(tanggal_mulai__lte=d))).values_list(
            "pk", flat=True
        )
    )


def periode_ditutup_tanpa_rekap_akhir() -> list[int]:
    """Closed windows whose last recap is older than their last change (the close)."""
    return list(
        PeriodePenilaian.objects.filter(status=StatusPeriode.TUTUP)
        .filter(Q(rekap_wilayah__isnull=True) | Q(rekap_wilayah__dihitung_pada__lt=F("updated_at")))
        .values_list("pk", flat=True)
    )


def periode_tenggat_dekat(*, hari_ini: dt.date | None, hari: int) -> QuerySet[PeriodePenilaian]:
    """Open windows ending within `hari` days (the deadline reminder), each wilayah on its
    own local date unless `hari_ini` is given."""

    def _syarat(d: dt.date) -> Q:
        return Q(tanggal_selesai__gte=d, tanggal_selesai__lte=d + dt.timedelta(days=hari))

    return (
        PeriodePenilaian.objects.filter(status=StatusPeriode.BUKA)
        .filter(syarat_tanggal_wilayah(hari_ini, _syarat))
        .select_related("periode_kinerja")
    )


def penilai_dengan_akun(*, pegawai_ids: list[int]) -> QuerySet[Pegawai]:
    """The pejabat penilai among `pegawai_ids` who have an account (reminder recipients)."""
    return Pegawai.objects.filter(pk__in=pegawai_ids, pengguna__isnull=False).select_related(
        "pengguna"
    )


def sudah_diberi_tahu(*, judul: str, penerima_ids: list[int]) -> set[int]:
    """Recipients among `penerima_ids` that already have a notification titled `judul`."""
    return set(
        Notifikasi.objects.filter(judul=judul[:200], penerima_id__in=penerima_ids).values_list(
            "penerima_id", flat=True
        )
    )
