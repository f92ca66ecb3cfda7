"""Workload analysis (analisis beban kerja, ABK; DOMAIN.md section 8, PermenPANRB 1/2020).

The rules, in one place, as plain Python (for one position and for the tests) and as SQL
expressions (for lists, reports and exports, so they sort, filter and aggregate in the
database):

- beban kerja (workload) of a position = sum over its tasks of volume x norma waktu (minutes);
- kebutuhan (needed headcount, exact) = beban / the wilayah's effective working time
  (`Wilayah.waktu_kerja_efektif_menit`, default 75,000 minutes = 1,250 hours a year);
- kebutuhan dibulatkan (whole people) = the exact need rounded half up, at least 1 when the
  position has any task (a position with work needs a person). A head position without
  tasks counts as 1 (a unit has exactly one head). Any other position without tasks is
  "belum dianalisis": no need, no gap, no class;
- selisih (gap) = kebutuhan dibulatkan - pemangku (active holders): > 0 shortage
  (kekurangan), < 0 excess (kelebihan);
- rasio efisiensi (load/capacity) = beban / (pemangku x waktu efektif), i.e. the exact need
  divided by the holders, rounded to 2 decimals (half up) BEFORE the class is read, so the
  bands of DOMAIN.md have no holes: A >= 0.91, B 0.76-0.90, C 0.61-0.75, D 0.51-0.60,
  E <= 0.50. Over 1.00 (overloaded) is still class A; the shortage shows in the gap. With
  no holder there is no capacity, so no ratio and no class (the position is vacant).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections
from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, Greatest, Round

from .choices import KelasEfisiensi, StatusKebutuhan
from .models import Jabatan, TugasJabatan, UnitKerja

#: Lower bounds of the classes on the 2-decimal ratio, best first.
BATAS_KELAS: list[tuple[Decimal, str]] = [
    (Decimal("0.91"), KelasEfisiensi.A),
    (Decimal("0.76"), KelasEfisiensi.B),
    (Decimal("0.61"), KelasEfisiensi.C),
    (Decimal("0.51"), KelasEfisiensi.D),
]
SEN = Decimal("0.01")
STATUS_AKTIF_PEGAWAI = "aktif"  # pegawai.choices.StatusAktif.AKTIF (organisasi cannot import it)


# --- Python: one position -------------------------------------------------------------------


def kelas_efisiensi(rasio: Decimal | None) -> str | None:
    if rasio is None:
        return None
    rasio = Decimal(rasio).quantize(SEN, ROUND_HALF_UP)
    for batas, kelas in BATAS_KELAS:
        if rasio >= batas:
            return kelas
    return KelasEfisiensi.E


@dataclass(frozen=True)
class HasilABK:
    beban_menit: int
    waktu_efektif: int
    pemangku: int
    kebutuhan: Decimal | None  # exact, 2 decimals
    kebutuhan_bulat: int | None
    selisih: int | None
    rasio: Decimal | None
    kelas: str | None

    @property
    def status(self) -> str:
        if self.selisih is None:
            return StatusKebutuhan.BELUM
        if self.selisih > 0:
            return StatusKebutuhan.KURANG
        return StatusKebutuhan.LEBIH if self.selisih < 0 else StatusKebutuhan.SESUAI


def hitung_abk(
    *, beban_menit: int, waktu_efektif: int, pemangku: int, is_kepala: bool = False
) -> HasilABK:
    kebutuhan = rasio = None
    if beban_menit > 0:
        tepat = Decimal(beban_menit) / Decimal(waktu_efektif)
        kebutuhan = tepat.quantize(SEN, ROUND_HALF_UP)
        bulat = max(1, int(tepat.quantize(Decimal(1), ROUND_HALF_UP)))
        if pemangku > 0:
            rasio = (tepat / pemangku).quantize(SEN, ROUND_HALF_UP)
    else:
        bulat = 1 if is_kepala else None
    return HasilABK(
        beban_menit=beban_menit,
        waktu_efektif=waktu_efektif,
        pemangku=pemangku,
        kebutuhan=kebutuhan,
        kebutuhan_bulat=bulat,
        selisih=None if bulat is None else bulat - pemangku,
        rasio=rasio,
        kelas=kelas_efisiensi(rasio),
    )


def kebutuhan_tugas(*, volume: int, norma_menit: int, waktu_efektif: int) -> Decimal:
    """Share of one task in the needed headcount (4 decimals, for the ABK table)."""
    return (Decimal(volume * norma_menit) / Decimal(waktu_efektif)).quantize(
        Decimal("0.0001"), ROUND_HALF_UP
    )


# --- SQL: the same rules as annotations -----------------------------------------------------

_ANGKA = DecimalField(max_digits=20, decimal_places=6)


#: The active position holders (employees), as `() -> QuerySet`. Employees live in `pegawai`,
#: which sits above organisasi: pegawai registers the source when it starts
#: (`pegawai.apps.PegawaiConfig.ready` -> `daftarkan_pemangku`), organisasi never imports it.
_sumber_pemangku: Callable[[], QuerySet] | None = None


def daftarkan_pemangku(sumber: Callable[[], QuerySet]) -> None:
    """Registers where the active holders of positions come from (called by pegawai)."""
    global _sumber_pemangku
    _sumber_pemangku = sumber


def pemangku_aktif() -> QuerySet:
    """The active employees (position holders) as registered by pegawai."""
    if _sumber_pemangku is None:
        raise ImproperlyConfigured(
            "organisasi.abk: sumber pemangku belum didaftarkan (aplikasi pegawai tidak terpasang?)"
        )
    return _sumber_pemangku()


def beban_subquery(jabatan_ref: str = "pk") -> Coalesce:
    sq = (
        TugasJabatan.objects.filter(jabatan=OuterRef(jabatan_ref))
        .order_by()
        .values("jabatan")
        .annotate(s=Sum(Cast("volume_tahunan", BigIntegerField()) * F("norma_waktu_menit")))
        .values("s")
    )
    return Coalesce(Subquery(sq, output_field=BigIntegerField()), Value(0))


def jumlah_pegawai_subquery(**filter_ref: str) -> Coalesce:
    """Active employees matching `field=OuterRef(ref)` pairs, as a correlated COUNT."""
    kondisi = {k: OuterRef(v) for k, v in filter_ref.items()}
    kunci = next(iter(filter_ref))
    sq = (
        pemangku_aktif()
        .filter(**kondisi)
        .order_by()
        .values(kunci)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(sq, output_field=IntegerField()), Value(0))


def kebutuhan_bulat_expr(beban: str, waktu_efektif: str) -> Greatest:
    """SQL: the needed headcount of a position, workload minutes ÷ effective minutes,
    rounded half up, at least 1 (the caller decides what a missing workload means). The
    one definition shared by the ABK report and the placement page."""
    tepat = ExpressionWrapper(
        Cast(beban, _ANGKA) / Cast(waktu_efektif, _ANGKA), output_field=_ANGKA
    )
    return Greatest(Value(1), Cast(Round(tepat, 0), IntegerField()))


def anotasi_abk(qs: QuerySet) -> QuerySet:
    """Annotates a Jabatan queryset with beban_menit, pemangku, waktu_efektif, kebutuhan,
    kebutuhan_bulat, selisih, rasio and kelas (see the module docstring)."""
    qs = qs.annotate(
        beban_menit=beban_subquery(),
        pemangku=jumlah_pegawai_subquery(jabatan="pk"),
        waktu_efektif=F("wilayah__waktu_kerja_efektif_menit"),
    )
    tepat = ExpressionWrapper(
        Cast("beban_menit", _ANGKA) / Cast("waktu_efektif", _ANGKA), output_field=_ANGKA
    )
    qs = qs.annotate(
        kebutuhan=Case(
            When(beban_menit__gt=0, then=Round(tepat, 2)), default=None, output_field=_ANGKA
        ),
        kebutuhan_bulat=Case(
            When(
                beban_menit__gt=0,
                then=kebutuhan_bulat_expr("beban_menit", "waktu_efektif"),
            ),
            When(is_kepala=True, then=Value(1)),
            default=None,
            output_field=IntegerField(),
        ),
        rasio=Case(
            When(
                Q(beban_menit__gt=0, pemangku__gt=0),
                then=Round(
                    ExpressionWrapper(
                        Cast("beban_menit", _ANGKA)
                        / (Cast("waktu_efektif", _ANGKA) * Cast("pemangku", _ANGKA)),
                        output_field=_ANGKA,
                    ),
                    2,
                ),
            ),
            default=None,
            output_field=_ANGKA,
        ),
    )
    kelas_when = [When(rasio__gte=batas, then=Value(kelas)) for batas, kelas in BATAS_KELAS]
    return qs.annotate(
        selisih=ExpressionWrapper(
            F("kebutuhan_bulat") - F("pemangku"), output_field=IntegerField()
        ),
        kelas=Case(
            *kelas_when,
            When(rasio__isnull=False, then=Value(KelasEfisiensi.E)),
            default=None,
            output_field=CharField(),
        ),
    )


def filter_status(qs: QuerySet, status: str) -> QuerySet:
    """Filter an `anotasi_abk` queryset by StatusKebutuhan."""
    return {
        StatusKebutuhan.KURANG: lambda: qs.filter(selisih__gt=0),
        StatusKebutuhan.LEBIH: lambda: qs.filter(selisih__lt=0),
        StatusKebutuhan.SESUAI: lambda: qs.filter(selisih=0),
        StatusKebutuhan.BELUM: lambda: qs.filter(kebutuhan_bulat__isnull=True),
    }.get(status, lambda: qs)()


def anotasi_unit(qs: QuerySet) -> QuerySet:
    """Annotates a UnitKerja queryset for the org chart and unit lists: the head's name
    (or none), whether a head position exists, headcount, the ABK shortage summed over the
    unit's active positions (kekurangan: formasi lowong), and the number of active sub-units.
    Correlated subqueries: one query whatever the number of units."""
    kepala = (
        pemangku_aktif()
        .filter(
            jabatan__unit=OuterRef("pk"),
            jabatan__is_kepala=True,
            jabatan__aktif=True,
        )
        .order_by("pk")
        .annotate(
            nama_lengkap=Concat(
                Case(
                    When(gelar_depan="", then=Value("")),
                    default=Concat(F("gelar_depan"), Value(" ")),
                ),
                F("nama"),
                Case(
                    When(gelar_belakang="", then=Value("")),
                    default=Concat(Value(", "), F("gelar_belakang")),
                ),
                output_field=CharField(),
            )
        )
        .values("nama_lengkap")[:1]
    )
    kekurangan = (
        anotasi_abk(Jabatan.objects.filter(unit=OuterRef("pk"), aktif=True).order_by())
        .values("unit")
        .annotate(k=Sum(Greatest(F("selisih"), Value(0))))
        .values("k")
    )
    anak = (
        UnitKerja.objects.filter(parent=OuterRef("pk"), aktif=True)
        .order_by()
        .values("parent")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return qs.annotate(
        kepala_nama=Subquery(kepala, output_field=CharField()),
        ada_jabatan_kepala=Exists(
            Jabatan.objects.filter(unit=OuterRef("pk"), is_kepala=True, aktif=True)
        ),
        jumlah_pegawai=jumlah_pegawai_subquery(unit="pk"),
        kekurangan=Coalesce(Subquery(kekurangan, output_field=IntegerField()), Value(0)),
        jumlah_anak=Coalesce(Subquery(anak, output_field=IntegerField()), Value(0)),
    )


KUNCI_RINGKASAN = (
    "jumlah_jabatan",
    "kebutuhan",
    "pemangku",
    "kekurangan",
    "kelebihan",
    "belum_dianalisis",
)


def ringkasan_abk(qs: QuerySet) -> dict:
    """Totals of an `anotasi_abk` queryset in one query: positions, needed, holders,
    shortage, excess, not analysed. (Explicit outer SELECT over the annotated rows: Django's
    own aggregate() over these nested Subquery annotations prunes columns it still needs.)"""
    inner = qs.order_by().values("pk", "kebutuhan_bulat", "pemangku", "selisih")
    try:
        sql, params = inner.query.sql_with_params()
    except EmptyResultSet:  # qs.none()
        return dict.fromkeys(KUNCI_RINGKASAN, 0)
    with connections[qs.db].cursor() as cur:
        cur.execute(
            "SELECT COUNT(*), COALESCE(SUM(t.kebutuhan_bulat), 0), COALESCE(SUM(t.pemangku), 0),"
            " COALESCE(SUM(GREATEST(t.selisih, 0)), 0), COALESCE(SUM(GREATEST(-t.selisih, 0)), 0),"
            f" COUNT(*) FILTER (WHERE t.kebutuhan_bulat IS NULL) FROM ({sql}) t",
            params,
        )
        row = cur.fetchone()
    return {k: int(v) for k, v in zip(KUNCI_RINGKASAN, row, strict=True)}
