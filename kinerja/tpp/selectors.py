"""Reads of the TPP app. Every function starts from `visible_to(actor)`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet, Sum

from organisasi.models import UnitKerja
from organisasi.peran import is_pengawas_wilayah

from .models import BulanTPP, RiwayatBulanTPP, TPPPegawai, TPPUnit

if TYPE_CHECKING:
    from organisasi.models import Pengguna

URUTAN = {
    "nama": ("nama", "pk"),
    "unit": ("unit_path", "nama", "pk"),
    "kelas": ("kelas_jabatan", "nama", "pk"),
    "pagu": ("pagu", "nama", "pk"),
    "disiplin": ("persen_potongan_disiplin", "nama", "pk"),
    "netto": ("netto", "nama", "pk"),
}
TANDA = {
    "tanpa_evaluasi": Q(tanpa_evaluasi=True),
    "kehadiran_kurang": Q(kehadiran_kurang=True),
    "tanpa_kelas": Q(tanpa_kelas=True),
    "sanksi": ~Q(sanksi_tingkat="") | ~Q(cuti_tanpa_tpp="") | ~Q(status_aktif="aktif"),
    "dipotong": Q(persen_potongan_disiplin__gt=0),
}


def bulan_list(*, actor: Pengguna) -> QuerySet[BulanTPP]:
    """The TPP months of the actor's wilayah, for those who oversee it (HR, pimpinan daerah,
    national admins: `peran.is_pengawas_wilayah`); empty for everyone else, so a detail view
    looking a month up here answers 404 for another wilayah's month."""
    if not is_pengawas_wilayah(actor):
        return BulanTPP.objects.none()
    return BulanTPP.objects.visible_to(actor).select_related("wilayah", "dikunci_oleh")


def baris_list(
    *,
    actor: Pengguna,
    bulan: BulanTPP,
    unit: UnitKerja | None = None,
    q: str = "",
    tanda: str = "",
    urut: str = "",
) -> QuerySet[TPPPegawai]:
    qs = TPPPegawai.objects.visible_to(actor).filter(bulan=bulan).select_related("unit")
    if unit is not None:
        qs = qs.filter(unit_path__startswith=unit.path)
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nip__startswith=q))
    if tanda in TANDA:
        qs = qs.filter(TANDA[tanda])
    turun = urut.startswith("-")
    kolom = URUTAN.get(urut.lstrip("-"))
    if kolom:
        return qs.order_by(*(f"-{k}" if turun else k for k in kolom))
    return qs.order_by("unit_path", "nama", "pk")


def _unit_qs(actor: Pengguna, bulan: BulanTPP, unit: UnitKerja | None):
    qs = TPPUnit.objects.visible_to(actor).filter(bulan=bulan)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    return qs


_JUMLAH = {
    "jumlah": Sum("jumlah"),
    "pagu_total": Sum("pagu"),
    "pot_kinerja": Sum("potongan_kinerja"),
    "pot_disiplin": Sum("potongan_disiplin"),
    "pot_sanksi": Sum("potongan_sanksi"),
    "netto_total": Sum("netto"),
}


def ringkasan_unit(
    *, actor: Pengguna, bulan: BulanTPP, unit: UnitKerja | None = None
) -> list[dict]:
    """Totals per child unit of `unit` (or per first-level unit of the wilayah), each the
    sum of its whole subtree, from the per-unit rows (`TPPUnit`): one query, plus one for
    the names. A unit's own employees (not in a child) are one row "langsung"."""
    from django.db.models import F, Func, IntegerField, Value
    from django.db.models.functions import Cast, NullIf

    kedalaman = (unit.depth + 1) if unit is not None else 1
    # path "/1/7/12/": the ancestor at depth d is part d + 2 of split_part(path, '/', ...)
    leluhur = Cast(
        NullIf(Func(F("unit__path"), Value("/"), Value(kedalaman + 2), function="split_part"),
               Value("")),
        IntegerField(),
    )  # fmt: skip
    baris = list(
        _unit_qs(actor, bulan, unit)
        .annotate(leluhur=leluhur)
        .values("leluhur")
        .annotate(**_JUMLAH)
        .order_by("leluhur")
    )
    unit_info = {
        pk: (nama, path)
        for pk, nama, path in UnitKerja.objects.visible_to(actor)
        .filter(pk__in=[b["leluhur"] for b in baris if b["leluhur"]])
        .values_list("pk", "nama", "path")
    }
    for b in baris:
        b["unit_id"] = b["leluhur"]
        b["unit__nama"] = unit_info.get(b["leluhur"], ("", ""))[0] if b["leluhur"] else None
    baris.sort(key=lambda b: (b["unit_id"] is not None, unit_info.get(b["unit_id"], ("", ""))[1]))
    return baris


def total(*, actor: Pengguna, bulan: BulanTPP, unit: UnitKerja | None = None) -> dict:
    return _unit_qs(actor, bulan, unit).aggregate(**_JUMLAH)


def riwayat_list(*, actor: Pengguna, bulan: BulanTPP) -> QuerySet[RiwayatBulanTPP]:
    return RiwayatBulanTPP.objects.visible_to(actor).filter(bulan=bulan).select_related("oleh")


def unit_pilihan(*, actor: Pengguna, bulan: BulanTPP) -> QuerySet[UnitKerja]:
    return UnitKerja.objects.visible_to(actor).filter(wilayah_id=bulan.wilayah_id, aktif=True)


def tpp_saya(*, actor: Pengguna) -> QuerySet[TPPPegawai]:
    """The actor's own TPP rows, newest month first."""
    if not actor or not actor.is_authenticated:
        return TPPPegawai.objects.none()
    return (
        TPPPegawai.objects.visible_to(actor)
        .filter(pegawai__pengguna=actor)
        .select_related("bulan", "unit")
        .order_by("-bulan__tahun", "-bulan__bulan")
    )


def tpppegawai_terlihat(*, actor: Pengguna) -> QuerySet[TPPPegawai]:
    """Employee rows whose explanation the actor may open: any row of the wilayah for those
    who oversee it (`peran.is_pengawas_wilayah`), else only their own rows. The detail view
    looks the row up here, so anyone else's row is a 404."""
    qs = TPPPegawai.objects.visible_to(actor).select_related("bulan__wilayah", "unit", "pegawai")
    if is_pengawas_wilayah(actor):
        return qs
    return qs.filter(pegawai__pengguna_id=actor.pk) if actor.pk else qs.none()


def bulan_terakhir(*, actor: Pengguna, wilayah_id: int | None) -> BulanTPP | None:
    """The latest computed month of the wilayah (dashboards)."""
    if not wilayah_id:
        return None
    return (
        BulanTPP.objects.visible_to(actor)
        .filter(wilayah_id=wilayah_id, dihitung_pada__isnull=False)
        .order_by("-tahun", "-bulan")
        .first()
    )
