"""Reads of the SKM. Staff selectors start from `visible_to(actor)` and narrow by role;
public selectors look up by the unit's public token and expose only what the public page
shows. The IKM is computed in SQL (one aggregate query per call).

Integration hooks (used by the evaluation page and the dashboards):
- `ikm_unit(unit=, mulai=, selesai=)`: IKM of a unit kerja and the units below it;
- `ikm_wilayah(wilayah=, mulai=, selesai=)`;
- `umpan_balik_pegawai(pegawai=, mulai=, selesai=)`: responses naming that officer,
  rendered by `templates/skm/_bukti_pelayanan.html` (context `umpan_balik_list`).
They take objects the caller has already scoped; pass `actor=` to scope them here too.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db.models import (
    Avg,
    Count,
    DecimalField,
    ExpressionWrapper,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import Cast, Round, TruncMonth

from asn_kinerja.db import SalahSatu
from organisasi import peran
from organisasi.models import UnitKerja, Wilayah
from pegawai.models import Pegawai
from pegawai.selectors import kepala_dari

from .models import JenisLayanan, PenolakanSKM, TanggapanSKM, UnitLayanan
from .unsur import KODE_UNSUR, NAMA_UNSUR, bulatkan, mutu_pelayanan

if TYPE_CHECKING:
    from organisasi.models import Pengguna

# --- IKM arithmetic in SQL -------------------------------------------------------------------

_DESIMAL = DecimalField(max_digits=12, decimal_places=6)


def _rata(kolom: str, filter: Q | None = None):
    return Avg(Cast(kolom, DecimalField(max_digits=3, decimal_places=0)), filter=filter)


def ekspresi_ikm(prefix: str = "", filter: Q | None = None) -> dict[str, Any]:
    """Aggregate expressions: n, the nine element means r_u1..r_u9 and the IKM
    (mean of element means x 25, rounded to two decimals in SQL). `prefix` reaches the
    response columns from another model (e.g. "tanggapan__")."""
    rata = {f"r_{k}": _rata(f"{prefix}{k}", filter) for k in KODE_UNSUR}
    jumlah = None
    for expr in rata.values():
        jumlah = expr if jumlah is None else jumlah + expr
    return {
        "n": Count(f"{prefix}pk" if prefix else "pk", filter=filter),
        **rata,
        "ikm": Round(ExpressionWrapper(jumlah * 25 / len(KODE_UNSUR), output_field=_DESIMAL), 2),
    }


def hasil_ikm(baris: dict[str, Any]) -> dict[str, Any]:
    """Shapes one aggregate row into the dict the pages and the hooks use:
    {ikm, mutu, mutu_label, n, per_unsur {u1: mean}, unsur [{kode, nama, rata}],
     terlemah [the lowest element(s)]}."""
    n = baris.get("n") or 0
    per_unsur = {k: bulatkan(baris.get(f"r_{k}")) for k in KODE_UNSUR} if n else {}
    ikm = bulatkan(baris.get("ikm")) if n else None
    mutu, arti = mutu_pelayanan(ikm)
    unsur = [{"kode": k, "nama": NAMA_UNSUR[k], "rata": per_unsur.get(k)} for k in KODE_UNSUR]
    terlemah = sorted((u for u in unsur if u["rata"] is not None), key=lambda u: u["rata"])[:3]
    return {
        "ikm": ikm,
        "mutu": mutu,
        "mutu_label": arti,
        "n": n,
        "per_unsur": per_unsur,
        "unsur": unsur,
        "terlemah": terlemah,
    }


def ikm_dari(qs: QuerySet[TanggapanSKM]) -> dict[str, Any]:
    return hasil_ikm(qs.order_by().aggregate(**ekspresi_ikm()))


def ikm_unit(
    *,
    unit: UnitKerja,
    mulai: dt.date | None,
    selesai: dt.date | None,
    actor: Pengguna | None = None,
) -> dict[str, Any]:
    """IKM of the service units of `unit` and every unit below it, for responses dated
    mulai..selesai (both inclusive, the wilayah's local dates). One query."""
    qs = TanggapanSKM.objects.visible_to(actor) if actor is not None else TanggapanSKM.objects
    return ikm_dari(
        qs.filter(unit_layanan__wilayah_id=unit.wilayah_id).di_subtree(unit).antara(mulai, selesai)
    )


def ikm_wilayah(
    *,
    wilayah: Wilayah,
    mulai: dt.date | None,
    selesai: dt.date | None,
    actor: Pengguna | None = None,
) -> dict[str, Any]:
    qs = TanggapanSKM.objects.visible_to(actor) if actor is not None else TanggapanSKM.objects
    # The wilayah's few service units as an index condition on (unit_layanan, tanggal): a
    # join on unit_layanan__wilayah was planned as a scan of every response of the country.
    units = UnitLayanan.objects.filter(wilayah=wilayah).values("pk")
    return ikm_dari(qs.filter(SalahSatu("unit_layanan_id", units)).antara(mulai, selesai))


def umpan_balik_pegawai(
    *,
    pegawai: Pegawai,
    mulai: dt.date | None,
    selesai: dt.date | None,
    actor: Pengguna | None = None,
) -> QuerySet[TanggapanSKM]:
    """Responses naming `pegawai` as the officer who served, newest first: evidence for the
    behaviour value Berorientasi Pelayanan. The contact is never part of it."""
    qs = TanggapanSKM.objects.visible_to(actor) if actor is not None else TanggapanSKM.objects.all()
    return (
        qs.filter(petugas=pegawai)
        .antara(mulai, selesai)
        .select_related("unit_layanan", "jenis_layanan")
        .defer("kontak")
        .order_by("-dikirim_pada", "-pk")
    )


# --- Staff scope -----------------------------------------------------------------------------


def unit_layanan_list(*, actor: Pengguna) -> QuerySet[UnitLayanan]:
    """Service units the actor may see: HR, pimpinan daerah and national admins their
    wilayah (all); a unit head the units in their subtree; others nothing."""
    qs = UnitLayanan.objects.visible_to(actor).select_related("unit", "wilayah")
    if peran.is_pengawas_wilayah(actor):
        return qs
    kepala = kepala_dari(actor)
    return qs.di_subtree(kepala.unit) if kepala else qs.none()


def tanggapan_list(*, actor: Pengguna) -> QuerySet[TanggapanSKM]:
    qs = TanggapanSKM.objects.visible_to(actor).select_related(
        "unit_layanan", "jenis_layanan", "petugas"
    )
    if peran.is_pengawas_wilayah(actor):
        return qs
    kepala = kepala_dari(actor)
    return qs.di_subtree(kepala.unit) if kepala else qs.none()


def unit_kerja_belum_dibuka(*, actor: Pengguna) -> QuerySet[UnitKerja]:
    """Units of the actor's wilayah that are not yet service units (the 'open' form)."""
    return (
        UnitKerja.objects.visible_to(actor)
        .aktif()
        .filter(unit_layanan__isnull=True)
        .select_related("wilayah")
        .order_by("path")
    )


def calon_petugas(*, actor: Pengguna, unit: UnitKerja) -> QuerySet[Pegawai]:
    return (
        Pegawai.objects.visible_to(actor)
        .aktif()
        .di_subtree(unit)
        .select_related("jabatan")
        .order_by("nama")
    )


def ikm_per_unit(
    *, actor: Pengguna, mulai: dt.date | None, selesai: dt.date | None
) -> QuerySet[UnitLayanan]:
    """Service units annotated with n, r_u1..r_u9 and ikm for the period: one query."""
    f = Q()
    if mulai:
        f &= Q(tanggapan__tanggal__gte=mulai)
    if selesai:
        f &= Q(tanggapan__tanggal__lte=selesai)
    return unit_layanan_list(actor=actor).annotate(
        **ekspresi_ikm("tanggapan__", filter=f),
        belum_dijawab=Count(
            "tanggapan",
            filter=f & ~Q(tanggapan__komentar="") & Q(tanggapan__jawaban=""),
        ),
    )


def tren_bulanan(qs: QuerySet[TanggapanSKM]) -> list[dict[str, Any]]:
    """IKM per calendar month of the given responses: one GROUP BY query."""
    baris = (
        qs.order_by()
        .annotate(bulan=TruncMonth("tanggal"))
        .values("bulan")
        .annotate(**ekspresi_ikm())
        .order_by("bulan")
    )
    return [{"bulan": b["bulan"], **hasil_ikm(b)} for b in baris]


def penolakan_ringkas(
    *, actor: Pengguna, mulai: dt.date | None, selesai: dt.date | None, unit_layanan=None
) -> list[dict[str, Any]]:
    qs = PenolakanSKM.objects.visible_to(actor).filter(
        unit_layanan__in=unit_layanan_list(actor=actor).values("pk")
    )
    if unit_layanan is not None:
        qs = qs.filter(unit_layanan=unit_layanan)
    if mulai:
        qs = qs.filter(tanggal__gte=mulai)
    if selesai:
        qs = qs.filter(tanggal__lte=selesai)
    label = dict(PenolakanSKM.Alasan.choices)
    return [
        {"alasan": r["alasan"], "label": label.get(r["alasan"], r["alasan"]), "jumlah": r["jumlah"]}
        for r in qs.order_by().values("alasan").annotate(jumlah=Sum("jumlah")).order_by("-jumlah")
    ]


# --- Public ----------------------------------------------------------------------------------


def unit_layanan_publik(token: str) -> UnitLayanan | None:
    """A service unit by its public token (open or closed), with its wilayah for the page."""
    return UnitLayanan.objects.select_related("wilayah").filter(token=token).first()


def jenis_layanan_publik(unit_layanan: UnitLayanan) -> QuerySet[JenisLayanan]:
    return JenisLayanan.objects.filter(unit_layanan=unit_layanan).aktif()


def petugas_publik(unit_layanan: UnitLayanan) -> QuerySet[Pegawai]:
    """The officers a citizen may pick: the unit's listed, active employees. Only the
    columns the page shows are read (no NIP, no contact data)."""
    return (
        unit_layanan.petugas.aktif()
        .filter(wilayah_id=unit_layanan.wilayah_id)
        .only("pk", "nama", "gelar_depan", "gelar_belakang", "foto")
        .order_by("nama")
    )


def foto_petugas_publik(unit_layanan: UnitLayanan, pegawai_id: int) -> Any:
    """The photo file of a listed officer of this unit, or None."""
    p = petugas_publik(unit_layanan).filter(pk=pegawai_id).exclude(foto="").first()
    return p.foto if p else None


def tanggapan_publik(kunci: str) -> TanggapanSKM | None:
    return (
        TanggapanSKM.objects.select_related("unit_layanan__wilayah", "jenis_layanan")
        .filter(kunci=kunci)
        .first()
    )


def ringkasan_tanggapan(qs: QuerySet[TanggapanSKM]) -> dict[str, int]:
    return qs.order_by().aggregate(
        jumlah=Count("pk"),
        berkomentar=Count("pk", filter=~Q(komentar="")),
        belum_dijawab=Count("pk", filter=~Q(komentar="") & Q(jawaban="")),
        ditindaklanjuti=Count("pk", filter=Q(ditindaklanjuti=True)),
    )
