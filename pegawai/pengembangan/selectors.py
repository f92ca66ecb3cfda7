"""Reads of the development data. Every selector starts from `visible_to(actor)`; aggregates
(gaps, JP per unit, quota) are computed in SQL, one query per page section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import (
    Count,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from organisasi import peran
from organisasi.models import KebutuhanKompetensi, Kompetensi
from pegawai import rules
from pegawai.models import KompetensiPegawai, Pegawai
from pegawai.selectors import (
    bawahan_langsung,
    jam_pelatihan,
    pegawai_dari_pengguna,
    pejabat_penilai,
)

from .models import (
    KegiatanPengembangan,
    PendaftaranProgram,
    ProgramPengembangan,
    RencanaPengembangan,
)

if TYPE_CHECKING:
    from organisasi.models import Pengguna

HAK_JP_TAHUNAN = rules.HAK_JP_TAHUNAN


# --- who may do what -------------------------------------------------------------------------


def boleh_lihat_rekap(actor: Pengguna) -> bool:
    return peran.is_pengawas_wilayah(actor)


def is_penilai(actor: Pengguna, pegawai: Pegawai) -> bool:
    """The actor is the employee's pejabat penilai (the rule the rest of the product uses)."""
    sendiri = pegawai_dari_pengguna(actor)
    if sendiri is None:
        return False
    penilai = pejabat_penilai(pegawai)
    return penilai is not None and penilai.pk == sendiri.pk


# --- catalogue -------------------------------------------------------------------------------


def _terisi() -> Count:
    return Count(
        "pendaftaran_set",
        filter=Q(pendaftaran_set__status__in=PendaftaranProgram.MENEMPATI_KUOTA),
    )


def program_list(*, actor: Pengguna, q: str = "", jenis: str = "", status: str = "") -> QuerySet:
    """The catalogue: HR sees every programme of its wilayah, employees the open ones. The
    seats taken are counted in the same query."""
    qs = ProgramPengembangan.objects.visible_to(actor)
    if not actor.is_admin_kepegawaian or status == "terbuka":
        qs = qs.terbuka()
    elif status == "tutup":
        qs = qs.filter(terbuka=False)
    if q:
        qs = qs.filter(
            Q(judul__icontains=q) | Q(penyelenggara__icontains=q) | Q(kompetensi__nama__icontains=q)
        )
    if jenis:
        qs = qs.filter(jenis=jenis)
    return qs.select_related("kompetensi").annotate(terisi=_terisi())


def program_detail(*, actor: Pengguna) -> QuerySet:
    return program_list(actor=actor)


def pendaftaran_aktif_pegawai(pegawai: Pegawai | None, program: ProgramPengembangan):
    if pegawai is None:
        return None
    return (
        PendaftaranProgram.objects.filter(
            program=program, pegawai=pegawai, status__in=PendaftaranProgram.MENEMPATI_KUOTA
        )
        .order_by("-pk")
        .first()
    )


def kompetensi_pilihan(ids: list[int] | None = None) -> QuerySet:
    """Competencies a form may offer: the national catalogue (reference data, not region-owned),
    or only `ids` (the employee's required competencies)."""
    qs = Kompetensi.objects.order_by("jenis", "nama")
    return qs if ids is None else qs.filter(pk__in=ids)


# --- competence gaps -------------------------------------------------------------------------


def _level_dimiliki(pegawai_ref: Any, kompetensi_ref: Any) -> Coalesce:
    held = KompetensiPegawai.objects.filter(pegawai=pegawai_ref, kompetensi=kompetensi_ref).values(
        "level"
    )[:1]
    return Coalesce(Subquery(held, output_field=IntegerField()), Value(0))


def kesenjangan_kompetensi(pegawai: Pegawai) -> QuerySet:
    """Each competency the employee's current position requires, with the required level,
    the held level (0 when not held) and the gap (required - held; > 0 is a gap). One query."""
    if not pegawai.jabatan_id:
        return KebutuhanKompetensi.objects.none()
    return (
        KebutuhanKompetensi.objects.filter(jabatan_id=pegawai.jabatan_id)
        .select_related("kompetensi")
        .annotate(level_dimiliki=_level_dimiliki(pegawai.pk, OuterRef("kompetensi_id")))
        .annotate(kesenjangan=F("level") - F("level_dimiliki"))
        .order_by("-kesenjangan", "kompetensi__nama")
    )


def kesenjangan_per_unit(*, actor: Pengguna, batas: int = 50) -> list[dict[str, Any]]:
    """HR summary: per unit and competency, how many active employees fall short of what
    their position requires (the most common gaps first). One grouped query."""
    if not boleh_lihat_rekap(actor):
        return []
    qs = (
        Pegawai.objects.visible_to(actor)
        .aktif()
        .annotate(
            k_level=F("jabatan__kebutuhankompetensi__level"),
            k_id=F("jabatan__kebutuhankompetensi__kompetensi_id"),
        )
        .annotate(dimiliki=_level_dimiliki(OuterRef("pk"), OuterRef("k_id")))
        .filter(dimiliki__lt=F("k_level"))
        .values("unit_id", "unit__nama", "k_id", "jabatan__kebutuhankompetensi__kompetensi__nama")
        .annotate(jumlah=Count("pk"), rata_kesenjangan=Sum(F("k_level") - F("dimiliki")))
        .order_by("-jumlah", "unit__nama", "k_id")
    )
    return [
        {
            "unit": r["unit__nama"],
            "unit_id": r["unit_id"],
            "kompetensi": r["jabatan__kebutuhankompetensi__kompetensi__nama"],
            "jumlah": r["jumlah"],
            "total_kesenjangan": r["rata_kesenjangan"],
        }
        for r in qs[:batas]
    ]


def _gap_per_pegawai() -> QuerySet:
    """The required competencies of the outer employee's position that they fall short of,
    each with `gap` (required - held level); for correlated subqueries."""
    return (
        KebutuhanKompetensi.objects.filter(jabatan_id=OuterRef("jabatan_id"))
        .annotate(dimiliki=_level_dimiliki(OuterRef(OuterRef("pk")), OuterRef("kompetensi_id")))
        .filter(dimiliki__lt=F("level"))
        .annotate(gap=F("level") - F("dimiliki"))
        .order_by()
        .values("jabatan_id")
    )


URUTAN_KESENJANGAN = {
    "nama": ("nama", "pk"), "-nama": ("-nama", "-pk"),
    "unit": ("unit__nama", "nama", "pk"), "-unit": ("-unit__nama", "nama", "pk"),
    "jumlah": ("jumlah_kesenjangan", "nama", "pk"),
    "-jumlah": ("-jumlah_kesenjangan", "-total_kesenjangan", "nama", "pk"),
    "total": ("total_kesenjangan", "nama", "pk"),
    "-total": ("-total_kesenjangan", "-jumlah_kesenjangan", "nama", "pk"),
    "terbesar": ("kesenjangan_terbesar", "nama", "pk"),
    "-terbesar": ("-kesenjangan_terbesar", "-total_kesenjangan", "nama", "pk"),
}  # fmt: skip


def kesenjangan_pegawai_list(
    *, actor: Pengguna, unit: Any = None, q: str = "", urut: str = "", semua: bool = False
) -> QuerySet[Pegawai]:
    """HR list: the active employees of the wilayah with `jumlah_kesenjangan` (required
    competencies they fall short of), `total_kesenjangan` (sum of the level gaps) and
    `kesenjangan_terbesar`; only those with a gap unless `semua`. One query per page (three
    correlated subqueries), whatever the number of rows; `kesenjangan_terbesar_per_pegawai`
    adds the names for the page in one more."""
    if not peran.is_hr_wilayah_sendiri(actor):
        return Pegawai.objects.none()
    gap = _gap_per_pegawai()
    qs = (
        Pegawai.objects.visible_to(actor)
        .aktif()
        .select_related("unit", "jabatan")
        .annotate(
            jumlah_kesenjangan=Coalesce(
                Subquery(gap.annotate(n=Count("pk")).values("n"), output_field=IntegerField()),
                Value(0),
            ),
            total_kesenjangan=Coalesce(
                Subquery(gap.annotate(n=Sum("gap")).values("n"), output_field=IntegerField()),
                Value(0),
            ),
            kesenjangan_terbesar=Coalesce(
                Subquery(gap.annotate(n=Max("gap")).values("n"), output_field=IntegerField()),
                Value(0),
            ),
        )
    )
    if not semua:
        qs = qs.filter(jumlah_kesenjangan__gt=0)
    if unit is not None:
        qs = qs.di_subtree(unit)
    if q:
        qs = qs.filter(Q(nama__icontains=q) | Q(nip=q.replace(" ", "")))
    return qs.order_by(*URUTAN_KESENJANGAN.get(urut, URUTAN_KESENJANGAN["-jumlah"]))


def kesenjangan_terbesar_per_pegawai(pegawai: list[Pegawai], *, batas: int = 3) -> dict:
    """{pegawai pk: [(competency, required, held, gap), ...]} the `batas` biggest gaps of each
    employee of a page, in one query."""
    if not pegawai:
        return {}
    baris = (
        Pegawai.objects.filter(pk__in=[p.pk for p in pegawai])
        .annotate(
            k_level=F("jabatan__kebutuhankompetensi__level"),
            k_id=F("jabatan__kebutuhankompetensi__kompetensi_id"),
            k_nama=F("jabatan__kebutuhankompetensi__kompetensi__nama"),
        )
        .annotate(dimiliki=_level_dimiliki(OuterRef("pk"), OuterRef("k_id")))
        .filter(dimiliki__lt=F("k_level"))
        .annotate(gap=F("k_level") - F("dimiliki"))
        .order_by("pk", "-gap", "k_nama")
        .values_list("pk", "k_nama", "k_level", "dimiliki", "gap")
    )
    hasil: dict[int, list] = {}
    for pk, nama, perlu, punya, gap in baris:
        daftar = hasil.setdefault(pk, [])
        if len(daftar) < batas:
            daftar.append({"kompetensi": nama, "perlu": perlu, "dimiliki": punya, "gap": gap})
    return hasil


# --- the IDP ---------------------------------------------------------------------------------


def _jp_selesai() -> Coalesce:
    return Coalesce(
        Sum("kegiatan_set__jp_rencana", filter=Q(kegiatan_set__status="selesai")), Value(0)
    )


def rencana_list(*, actor: Pengguna) -> QuerySet:
    """IDPs the actor may open: their own, their direct reports', and (HR, pimpinan) the
    wilayah's. Annotated with the completed JP."""
    qs = RencanaPengembangan.objects.visible_to(actor).select_related(
        "pegawai", "pegawai__unit", "pegawai__jabatan"
    )
    if not boleh_lihat_rekap(actor) and not actor.is_admin_nasional:
        sendiri = pegawai_dari_pengguna(actor)
        if sendiri is None:
            return qs.none()
        qs = qs.filter(Q(pegawai=sendiri) | Q(pegawai__in=bawahan_langsung(sendiri).values("pk")))
    return qs.annotate(jp_selesai=_jp_selesai())


def kegiatan_list(rencana: RencanaPengembangan) -> QuerySet:
    return KegiatanPengembangan.objects.filter(rencana=rencana).select_related("kompetensi")


def rencana_tahun(pegawai: Pegawai, tahun: int) -> RencanaPengembangan | None:
    return (
        RencanaPengembangan.objects.filter(pegawai=pegawai, tahun=tahun)
        .annotate(jp_selesai=_jp_selesai(), jumlah_kegiatan=Count("kegiatan_set"))
        .first()
    )


def ringkasan_karier(pegawai: Pegawai, tahun: int) -> dict[str, Any]:
    """What the career page shows of development: this year's IDP and its progress, and JP
    this year against the entitlement. Two queries."""
    rencana = rencana_tahun(pegawai, tahun)
    jp = jam_pelatihan(pegawai, tahun)
    idp_persen = 0
    if rencana is not None and rencana.target_jp:
        idp_persen = min(100, round(rencana.jp_selesai * 100 / rencana.target_jp))
    return {
        "tahun": tahun,
        "rencana": rencana,
        "idp_persen": idp_persen,
        "jp": jp,
        "hak_jp": HAK_JP_TAHUNAN,
        "jp_persen": rules.jp_persen(jp),
        "jp_kurang": rules.jp_kurang(jp),
    }


# --- requests --------------------------------------------------------------------------------


def _pendaftaran_qs(actor: Pengguna) -> QuerySet:
    return PendaftaranProgram.objects.visible_to(actor).select_related(
        "program", "pegawai", "pegawai__unit"
    )


def pendaftaran_saya(*, actor: Pengguna) -> QuerySet:
    sendiri = pegawai_dari_pengguna(actor)
    if sendiri is None:
        return PendaftaranProgram.objects.none()
    return _pendaftaran_qs(actor).filter(pegawai=sendiri)


def menunggu_atasan(*, actor: Pengguna) -> tuple[QuerySet, QuerySet]:
    """IDPs and programme requests of the actor's direct reports waiting for the actor."""
    sendiri = pegawai_dari_pengguna(actor)
    if sendiri is None:
        return RencanaPengembangan.objects.none(), PendaftaranProgram.objects.none()
    bawahan = bawahan_langsung(sendiri).values("pk")
    rencana = (
        RencanaPengembangan.objects.visible_to(actor)
        .filter(status=RencanaPengembangan.Status.DIAJUKAN, pegawai__in=bawahan)
        .select_related("pegawai", "pegawai__unit")
        .annotate(jumlah_kegiatan=Count("kegiatan_set"))
        .order_by("updated_at", "pk")
    )
    daftar = (
        _pendaftaran_qs(actor)
        .filter(status=PendaftaranProgram.Status.DIAJUKAN, pegawai__in=bawahan)
        .order_by("created_at", "pk")
    )
    return rencana, daftar


def pendaftaran_hr(*, actor: Pengguna, status: str = "") -> QuerySet:
    """Requests HR acts on: approved by the superior (to approve) and approved (to complete)."""
    if not peran.is_hr_wilayah_sendiri(actor):
        return PendaftaranProgram.objects.none()
    qs = _pendaftaran_qs(actor)
    if status in PendaftaranProgram.Status.values:
        qs = qs.filter(status=status)
    else:
        qs = qs.filter(
            status__in=[
                PendaftaranProgram.Status.DISETUJUI_ATASAN,
                PendaftaranProgram.Status.DISETUJUI,
            ]
        )
    return qs.order_by("program__tanggal_mulai", "created_at", "pk")


# --- dashboards ------------------------------------------------------------------------------


def _pegawai_cukup_jp(tahun: int) -> QuerySet:
    """Ids of the employees whose training finished in `tahun` reaches the yearly JP
    entitlement: ONE grouped scan of the training rows, which the dashboards use as a
    hashed `NOT IN` (a per-employee correlated JP sum ran once per employee and turned
    PostgreSQL's JIT on at 100,000 employees). Same year rule as `pegawai.selectors`."""
    from pegawai.models import Diklat

    return (
        Diklat.objects.filter(tanggal_selesai__year=tahun, pegawai__isnull=False)
        .order_by()
        .values("pegawai_id")
        .annotate(total=Sum("jam_pelajaran"))
        .filter(total__gte=HAK_JP_TAHUNAN)
        .values("pegawai_id")
    )


def jp_per_unit(*, actor: Pengguna, tahun: int) -> QuerySet:
    """Per unit: active employees, how many are under the yearly JP entitlement and their
    share. One grouped query (under = not among `_pegawai_cukup_jp`)."""
    if not boleh_lihat_rekap(actor):
        return Pegawai.objects.none().values("unit_id")
    return (
        Pegawai.objects.visible_to(actor)
        .aktif()
        .values("unit_id", "unit__nama")
        .annotate(
            jumlah=Count("pk"),
            kurang=Count("pk", filter=~Q(pk__in=_pegawai_cukup_jp(tahun))),
        )
        .annotate(persen_kurang=F("kurang") * 100.0 / F("jumlah"))
        .order_by("-persen_kurang", "unit__nama", "unit_id")
    )


def jp_wilayah(*, actor: Pengguna, tahun: int) -> dict[str, Any]:
    if not boleh_lihat_rekap(actor):
        return {"jumlah": 0, "kurang": 0, "persen": 0}
    r = (
        Pegawai.objects.visible_to(actor)
        .aktif()
        .aggregate(
            jumlah=Count("pk"), kurang=Count("pk", filter=~Q(pk__in=_pegawai_cukup_jp(tahun)))
        )
    )
    persen = round(r["kurang"] * 100 / r["jumlah"]) if r["jumlah"] else 0
    return {**r, "persen": persen}
