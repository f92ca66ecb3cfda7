"""Placement by competence (DOMAIN.md section 8; issue 3 "Placement").

For a vacant or under-staffed position, rank the active employees of its wilayah by how well
they fit, with the reasons. The score (0-100) is computed in SQL (`annotate`), so ranking a
wilayah of 100,000 employees is one query plus the page:

| Part         | Points | Rule                                                                  |
|--------------|-------:|-----------------------------------------------------------------------|
| Pendidikan   | 25     | level >= `Jabatan.pendidikan_minimal` (TingkatPendidikan.peringkat)   |
| Bidang       | 25     | field of study in `Jabatan.bidang_pendidikan` (case-insensitive);      |
|              |        | full points when the position names no field                           |
| Kompetensi   | 30     | share of `KebutuhanKompetensi` held at >= the required level          |
| Pangkat      | 10     | golongan >= the minimum of the position kind (GOLONGAN_MINIMAL);       |
|              |        | full points where no minimum applies                                   |
| Predikat     | 10     | recent predikat kinerja: filled by the performance app through         |
|              |        | `daftarkan_penilai_predikat()` (0 until then)                          |

Ties go to staff before unit heads, then the higher golongan, then the longer time in it
(earlier TMT), then the name.

Hooks (imports flow kinerja -> pegawai -> organisasi, so higher apps plug in here):
- `daftarkan_penilai_predikat(fn)`: `fn(qs) -> qs` annotating `skor_predikat` (int 0-10)
  and `predikat_terakhir` (the stored predikat value, "" when none). kinerja registers it in
  its AppConfig.ready().
- `daftarkan_kebutuhan(fn)`: `fn(qs_jabatan) -> qs_jabatan` annotating `kebutuhan` (needed
  headcount). Default: from the workload analysis (organisasi.abk), 1 where not analysed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower
from django.utils.translation import gettext as _

from organisasi.choices import JenisJabatan, TingkatPendidikan
from organisasi.models import Jabatan, KebutuhanKompetensi

from .choices import PANGKAT_PNS, URUTAN_GOLONGAN
from .models import KompetensiPegawai, Pegawai, UsulanMutasi

if TYPE_CHECKING:
    from organisasi.models import Pengguna

BOBOT_PENDIDIKAN = 25
BOBOT_BIDANG = 25
BOBOT_KOMPETENSI = 30
BOBOT_PANGKAT = 10
BOBOT_PREDIKAT = 10

#: Lowest golongan for structural positions (PP 11/2017 Pasal 54-55 for administrator and
#: pengawas; the JPT minimums follow common regional practice). No minimum elsewhere.
GOLONGAN_MINIMAL = {
    JenisJabatan.JPT_UTAMA: "IV/d",
    JenisJabatan.JPT_MADYA: "IV/c",
    JenisJabatan.JPT_PRATAMA: "IV/a",
    JenisJabatan.ADMINISTRATOR: "III/c",
    JenisJabatan.PENGAWAS: "III/b",
}

_penilai_predikat: list[Callable[[QuerySet], QuerySet]] = []
_kebutuhan: list[Callable[[QuerySet], QuerySet]] = []


def daftarkan_penilai_predikat(fn: Callable[[QuerySet], QuerySet]) -> None:
    """Registers the annotation of recent predikat (see module docstring)."""
    if fn not in _penilai_predikat:
        _penilai_predikat.append(fn)


def daftarkan_kebutuhan(fn: Callable[[QuerySet], QuerySet]) -> None:
    if fn not in _kebutuhan:
        _kebutuhan.append(fn)


def _kebutuhan_abk(qs: QuerySet) -> QuerySet:
    """Needed headcount from the workload analysis (organisasi.abk): workload / effective
    time, rounded half up, at least 1; 1 for a position not analysed yet."""
    from organisasi.abk import beban_subquery, kebutuhan_bulat_expr

    qs = qs.annotate(beban_abk=beban_subquery())
    dibutuhkan = kebutuhan_bulat_expr("beban_abk", "wilayah__waktu_kerja_efektif_menit")
    return qs.annotate(
        kebutuhan=Case(
            When(beban_abk__gt=0, then=dibutuhkan),
            default=Value(1),
            output_field=IntegerField(),
        )
    )


# --- positions to fill ----------------------------------------------------------------------


def jabatan_penempatan(*, actor: Pengguna) -> QuerySet[Jabatan]:
    """Active positions of the actor's wilayah with `jumlah_pemangku` (active holders),
    `kebutuhan` (needed headcount) and `kekurangan` (their gap, >= 0). One query."""
    if not actor.is_admin_kepegawaian:
        return Jabatan.objects.none()
    qs = (
        Jabatan.objects.visible_to(actor)
        .aktif()
        .filter(unit__aktif=True)
        .select_related("unit")
        .annotate(
            jumlah_pemangku=Count("pemangku_set", filter=Q(pemangku_set__status_aktif="aktif"))
        )
    )
    if _kebutuhan:
        for fn in _kebutuhan:
            qs = fn(qs)
    else:
        qs = _kebutuhan_abk(qs)
    return qs.annotate(
        kekurangan=Case(
            When(kebutuhan__gt=F("jumlah_pemangku"), then=F("kebutuhan") - F("jumlah_pemangku")),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


# --- candidates -----------------------------------------------------------------------------


def _urutan_golongan_expr() -> Case:
    return Case(
        *[When(golongan=g, then=Value(n)) for g, n in URUTAN_GOLONGAN.items() if "/" in g],
        default=Value(0),
        output_field=IntegerField(),
    )


def kandidat_penempatan(*, actor: Pengguna, jabatan: Jabatan) -> QuerySet[Pegawai]:
    """Active employees of the position's wilayah (not already holding it), best fit first,
    annotated with the score parts:
    `pendidikan_cukup`, `bidang_cocok`, `kompetensi_terpenuhi` (of `kompetensi_dibutuhkan`),
    `golongan_cukup`, `skor_predikat`, `predikat_terakhir`, `skor`, `ada_usulan`."""
    if not actor.is_admin_kepegawaian:
        return Pegawai.objects.none()
    kebutuhan = list(
        KebutuhanKompetensi.objects.filter(jabatan=jabatan).values_list("kompetensi_id", "level")
    )
    n_kebutuhan = len(kebutuhan)

    qs = (
        Pegawai.objects.visible_to(actor)
        .aktif()
        .filter(wilayah_id=jabatan.wilayah_id)
        .exclude(jabatan=jabatan)
        .select_related("unit", "jabatan")
    )

    B = BooleanField()
    minimal = TingkatPendidikan.peringkat(jabatan.pendidikan_minimal)
    tingkat_cukup = [
        t for t in TingkatPendidikan.values if TingkatPendidikan.peringkat(t) >= minimal
    ]
    bidang = sorted({b.strip().lower() for b in jabatan.bidang_pendidikan if b.strip()})
    gol_min = GOLONGAN_MINIMAL.get(jabatan.jenis)

    # Competencies held at the required level: one correlated COUNT.
    if kebutuhan:
        syarat = Q()
        for kompetensi_id, level in kebutuhan:
            syarat |= Q(kompetensi_id=kompetensi_id, level__gte=level)
        terpenuhi = Coalesce(
            Subquery(
                KompetensiPegawai.objects.filter(syarat, pegawai=OuterRef("pk"))
                .order_by()
                .values("pegawai")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            0,
        )
    else:
        terpenuhi = Value(0, output_field=IntegerField())

    qs = qs.annotate(
        bidang_lower=Lower("bidang_pendidikan"), golongan_urut=_urutan_golongan_expr()
    ).annotate(
        pendidikan_cukup=Case(
            When(pendidikan_terakhir__in=tingkat_cukup, then=Value(True)),
            default=Value(False),
            output_field=B,
        )
        if minimal
        else Value(True, output_field=B),
        bidang_cocok=Case(
            When(bidang_lower__in=bidang, then=Value(True)), default=Value(False), output_field=B
        )
        if bidang
        else Value(True, output_field=B),
        golongan_cukup=Case(
            When(golongan_urut__gte=URUTAN_GOLONGAN[gol_min], then=Value(True)),
            default=Value(False),
            output_field=B,
        )
        if gol_min
        else Value(True, output_field=B),
        kompetensi_terpenuhi=terpenuhi,
        kompetensi_dibutuhkan=Value(n_kebutuhan, output_field=IntegerField()),
        ada_usulan=Exists(UsulanMutasi.objects.menunggu().filter(pegawai=OuterRef("pk"))),
    )
    if _penilai_predikat:
        for fn in _penilai_predikat:
            qs = fn(qs)
    else:
        qs = qs.annotate(
            skor_predikat=Value(0, output_field=IntegerField()),
            predikat_terakhir=Value(""),
        )

    def poin(flag: str, bobot: int) -> Case:
        return Case(
            When(**{flag: True}, then=Value(bobot)), default=Value(0), output_field=IntegerField()
        )

    skor_kompetensi = (
        F("kompetensi_terpenuhi") * BOBOT_KOMPETENSI / n_kebutuhan
        if n_kebutuhan
        else Value(BOBOT_KOMPETENSI)
    )
    return qs.annotate(
        skor=poin("pendidikan_cukup", BOBOT_PENDIDIKAN)
        + poin("bidang_cocok", BOBOT_BIDANG)
        + skor_kompetensi
        + poin("golongan_cukup", BOBOT_PANGKAT)
        + F("skor_predikat")
    ).order_by(
        "-skor",
        # on a tie, staff before unit heads (moving a head opens another vacancy)
        F("jabatan__is_kepala").asc(nulls_first=True),
        "-golongan_urut",
        F("tmt_golongan").asc(nulls_last=True),
        "nama",
        "pk",
    )


# --- reasons (per row of the page, from the annotations and one prefetch) --------------------


@dataclass(frozen=True)
class Alasan:
    cocok: bool
    teks: str


def alasan_kandidat(
    kandidat: Pegawai, jabatan: Jabatan, kebutuhan: list[KebutuhanKompetensi]
) -> list[Alasan]:
    """Human-readable reasons for one ranked candidate. Needs `kandidat.kompetensi_dimiliki`
    (see `lengkapi_alasan`); does no query itself."""
    alasan: list[Alasan] = []
    tingkat = kandidat.get_pendidikan_terakhir_display() or _("tidak diketahui")
    if jabatan.pendidikan_minimal:
        minimal = jabatan.get_pendidikan_minimal_display()
        alasan.append(
            Alasan(
                kandidat.pendidikan_cukup,
                _("Pendidikan %(p)s memenuhi minimal %(m)s") % {"p": tingkat, "m": minimal}
                if kandidat.pendidikan_cukup
                else _("Pendidikan %(p)s di bawah minimal %(m)s") % {"p": tingkat, "m": minimal},
            )
        )
    if jabatan.bidang_pendidikan:
        b = kandidat.bidang_pendidikan or _("tidak diketahui")
        alasan.append(
            Alasan(
                kandidat.bidang_cocok,
                _("Bidang %(b)s sesuai") % {"b": b}
                if kandidat.bidang_cocok
                else _("Bidang %(b)s tidak termasuk %(daftar)s")
                % {"b": b, "daftar": ", ".join(jabatan.bidang_pendidikan)},
            )
        )
    dimiliki = getattr(kandidat, "kompetensi_dimiliki", {})
    for k in kebutuhan:
        level = dimiliki.get(k.kompetensi_id)
        if level is not None and level >= k.level:
            alasan.append(Alasan(True, _("%(k)s level %(l)s (dibutuhkan %(n)s)")
                                 % {"k": k.kompetensi.nama, "l": level, "n": k.level}))  # fmt: skip
        elif level is not None:
            alasan.append(Alasan(False, _("%(k)s baru level %(l)s (dibutuhkan %(n)s)")
                                 % {"k": k.kompetensi.nama, "l": level, "n": k.level}))  # fmt: skip
        else:
            alasan.append(Alasan(False, _("Belum memiliki kompetensi %(k)s (dibutuhkan level %(n)s)")
                                 % {"k": k.kompetensi.nama, "n": k.level}))  # fmt: skip
    gol_min = GOLONGAN_MINIMAL.get(jabatan.jenis)
    if gol_min:
        g = kandidat.golongan or "-"
        alasan.append(
            Alasan(
                kandidat.golongan_cukup,
                _("Golongan %(g)s memenuhi minimal %(m)s") % {"g": g, "m": gol_min}
                if kandidat.golongan_cukup
                else _("Golongan %(g)s di bawah minimal %(m)s") % {"g": g, "m": gol_min},
            )
        )
    return alasan


def lengkapi_alasan(kandidat: list[Pegawai], jabatan: Jabatan) -> list[KebutuhanKompetensi]:
    """Adds `kompetensi_dimiliki` ({kompetensi_id: level}) and `alasan` to each candidate of
    one page: two queries whatever the page size."""
    kebutuhan = list(
        KebutuhanKompetensi.objects.filter(jabatan=jabatan)
        .select_related("kompetensi")
        .order_by("kompetensi__jenis", "kompetensi__nama")
    )
    ids = [k.kompetensi_id for k in kebutuhan]
    dimiliki: dict[int, dict[int, int]] = {p.pk: {} for p in kandidat}
    if ids and kandidat:
        for pid, kid, level in KompetensiPegawai.objects.filter(
            pegawai__in=[p.pk for p in kandidat], kompetensi_id__in=ids
        ).values_list("pegawai_id", "kompetensi_id", "level"):
            dimiliki[pid][kid] = level
    for p in kandidat:
        p.kompetensi_dimiliki = dimiliki.get(p.pk, {})
        p.alasan = alasan_kandidat(p, jabatan, kebutuhan)
    return kebutuhan


__all__ = [
    "BOBOT_BIDANG",
    "BOBOT_KOMPETENSI",
    "BOBOT_PANGKAT",
    "BOBOT_PENDIDIKAN",
    "BOBOT_PREDIKAT",
    "GOLONGAN_MINIMAL",
    "PANGKAT_PNS",
    "alasan_kandidat",
    "daftarkan_kebutuhan",
    "daftarkan_penilai_predikat",
    "jabatan_penempatan",
    "kandidat_penempatan",
    "lengkapi_alasan",
]
