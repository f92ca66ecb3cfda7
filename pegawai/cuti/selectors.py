"""Reads of leave, holidays, attendance and discipline. Every actor-facing selector starts
from `visible_to(actor)`; `saldo_cuti` and `rekap_kehadiran` are the contract used by the
reporting work (they take an already scoped employee / queryset)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from asn_kinerja.models import TransisiStatus
from organisasi import peran
from pegawai.choices import STATUS_HADIR, StatusKehadiran
from pegawai.models import Cuti, HariLibur, ImporKehadiran, Kehadiran, Pegawai, PengaturanCuti
from pegawai.selectors import memimpin, pegawai_dari_pengguna, pegawai_list

if TYPE_CHECKING:
    from organisasi.models import Pengguna

HAK_CUTI_TAHUNAN = 12
MAKS_SISA_BIASA = 6  # carried over: 18 in all
MAKS_SISA_DUA_TAHUN = 12  # after two unused years in a row: 24 in all

# --- calendar -------------------------------------------------------------------------------


def hari_libur_set(wilayah: Any, mulai: dt.date, selesai: dt.date) -> set[dt.date]:
    """The wilayah's holidays between two dates (one query)."""
    return set(
        HariLibur.objects.di_wilayah(wilayah)
        .filter(tanggal__range=(mulai, selesai))
        .values_list("tanggal", flat=True)
    )


def hari_kerja(wilayah: Any, mulai: dt.date, selesai: dt.date) -> list[dt.date]:
    """Working days between two dates inclusive: weekends and the wilayah's holidays
    (national holidays, cuti bersama, regional holidays) excluded."""
    if selesai < mulai:
        return []
    libur = hari_libur_set(wilayah, mulai, selesai)
    n = (selesai - mulai).days + 1
    return [
        d
        for d in (mulai + dt.timedelta(days=i) for i in range(n))
        if d.weekday() < 5 and d not in libur
    ]


def jumlah_hari_kerja(wilayah: Any, mulai: dt.date, selesai: dt.date) -> int:
    return len(hari_kerja(wilayah, mulai, selesai))


def libur_list(*, actor: Pengguna, tahun: int | None = None) -> QuerySet[HariLibur]:
    qs = HariLibur.objects.visible_to(actor).select_related("wilayah")
    if tahun:
        qs = qs.filter(tanggal__year=tahun)
    return qs.order_by("tanggal", "wilayah__nama")


# --- leave balance ---------------------------------------------------------------------------


def masa_kerja_tahun(pegawai: Pegawai, pada: dt.date) -> int:
    tmt = pegawai.tmt_cpns
    if tmt is None:
        return 0
    return pada.year - tmt.year - ((pada.month, pada.day) < (tmt.month, tmt.day))


def berhak_cuti_tahunan_pada(pegawai: Pegawai, pada: dt.date) -> bool:
    """At least one year of service on that date."""
    return masa_kerja_tahun(pegawai, pada) >= 1


def saldo_cuti(pegawai: Pegawai, tahun: int, *, kecuali: Cuti | None = None) -> dict[str, int]:
    """The annual-leave balance of one employee for one year (DOMAIN.md section 5):

    - `hak`: 12 working days once the employee has one year of service by the end of the
      year; 0 in a year with cuti besar (no cuti tahunan that year);
    - `sisa_tahun_lalu`: carried over from last year, at most 6 (18 in all); at most 12 (24 in
      all) when no cuti tahunan was taken in the two previous years. Days taken are counted
      against the carry-over first;
    - `terpakai`: working days of approved cuti tahunan in the year;
    - `menunggu`: working days of pending requests (they hold the balance until decided);
    - `sisa`: hak + sisa_tahun_lalu - terpakai - menunggu (never below 0).

    One query. `kecuali` leaves one request out (to re-validate it while deciding)."""
    awal = tahun - 3
    qs = Cuti.objects.filter(
        pegawai=pegawai,
        status__in=Cuti.STATUS_AKTIF,
        tanggal_mulai__year__gte=awal,
        tanggal_mulai__year__lte=tahun,
        jenis__in=[Cuti.Jenis.TAHUNAN, Cuti.Jenis.BESAR],
    )
    if kecuali is not None and kecuali.pk:
        qs = qs.exclude(pk=kecuali.pk)
    dipakai: dict[int, int] = {}
    menunggu = 0
    tahun_besar: set[int] = set()
    for jenis, status, mulai, hari in qs.values_list(
        "jenis", "status", "tanggal_mulai", "jumlah_hari_kerja"
    ):
        if jenis == Cuti.Jenis.BESAR:
            tahun_besar.add(mulai.year)
            continue
        if status == Cuti.Status.DISETUJUI or mulai.year < tahun:
            dipakai[mulai.year] = dipakai.get(mulai.year, 0) + hari
        else:
            menunggu += hari

    def hak(y: int) -> int:
        if y < awal or y in tahun_besar:
            return 0
        return HAK_CUTI_TAHUNAN if berhak_cuti_tahunan_pada(pegawai, dt.date(y, 12, 31)) else 0

    sisa_lalu: dict[int, int] = {awal: 0}
    for y in range(awal + 1, tahun + 1):
        if y in tahun_besar:
            sisa_lalu[y] = 0
            continue
        h1, h2 = hak(y - 1), hak(y - 2)
        if h1 and h2 and not dipakai.get(y - 1) and not dipakai.get(y - 2):
            sisa_lalu[y] = MAKS_SISA_DUA_TAHUN
        elif h1:
            milik_sendiri = h1 - max(0, dipakai.get(y - 1, 0) - sisa_lalu[y - 1])
            sisa_lalu[y] = max(0, min(MAKS_SISA_BIASA, milik_sendiri))
        else:
            sisa_lalu[y] = 0
    h = hak(tahun)
    terpakai = dipakai.get(tahun, 0)
    sisa = max(0, h + sisa_lalu[tahun] - terpakai - menunggu)
    return {
        "tahun": tahun,
        "hak": h,
        "sisa_tahun_lalu": sisa_lalu[tahun],
        "terpakai": terpakai,
        "menunggu": menunggu,
        "sisa": sisa,
    }


# --- leave requests -------------------------------------------------------------------------


def pengaturan_cuti(wilayah: Any) -> PengaturanCuti | None:
    return (
        PengaturanCuti.objects.di_wilayah(wilayah)
        .select_related("pejabat_pemutus__pengguna", "pejabat_pemutus__jabatan")
        .first()
    )


def boleh_memutus(actor: Pengguna, cuti: Cuti) -> bool:
    """The designated official of the wilayah, or (by default) its admin kepegawaian on behalf
    of the PPK. Nobody decides their own request."""
    if not actor.is_authenticated:
        return False
    if cuti.pegawai.pengguna_id == actor.pk:
        return False
    if actor.is_admin_nasional:
        return True
    if actor.wilayah_id != cuti.pegawai.wilayah_id:
        return False
    pengaturan = pengaturan_cuti(cuti.pegawai.wilayah_id)
    if pengaturan and pengaturan.pejabat_pemutus_id:
        return pengaturan.pejabat_pemutus.pengguna_id == actor.pk
    return actor.is_admin_kepegawaian


def is_pemutus_wilayah(actor: Pengguna) -> bool:
    """Whether the actor decides leave requests of their wilayah (for lists and the menu)."""
    if actor.is_admin_nasional:
        return True
    if not actor.wilayah_id:
        return False
    pengaturan = pengaturan_cuti(actor.wilayah_id)
    if pengaturan and pengaturan.pejabat_pemutus_id:
        return pengaturan.pejabat_pemutus.pengguna_id == actor.pk
    return actor.is_admin_kepegawaian


def boleh_merekomendasi(actor: Pengguna, cuti: Cuti) -> bool:
    sendiri = pegawai_dari_pengguna(actor)
    return bool(sendiri and cuti.atasan_id == sendiri.pk)


def cuti_list(*, actor: Pengguna) -> QuerySet[Cuti]:
    """Leave requests the actor may see: HR, pimpinan daerah and the designated official the
    wilayah; a section head their subtree and the requests they must recommend; an employee
    their own."""
    qs = Cuti.objects.visible_to(actor).select_related(
        "pegawai__unit", "pegawai__jabatan", "atasan"
    )
    if peran.is_pengawas_wilayah(actor) or is_pemutus_wilayah(actor):
        return qs
    sendiri = pegawai_dari_pengguna(actor)
    if sendiri is None:
        return qs.none()
    lingkup = Q(pegawai=sendiri) | Q(atasan=sendiri)
    if memimpin(sendiri):
        lingkup |= Q(pegawai__unit__path__startswith=sendiri.unit.path)
    return qs.filter(lingkup)


def cuti_saya(*, actor: Pengguna) -> QuerySet[Cuti]:
    sendiri = pegawai_dari_pengguna(actor)
    if sendiri is None:
        return Cuti.objects.none()
    return Cuti.objects.visible_to(actor).filter(pegawai=sendiri).select_related("pegawai")


def cuti_menunggu_tindakan(*, actor: Pengguna) -> QuerySet[Cuti]:
    """Requests waiting for the actor: as direct superior (recommendation) or as the official
    who decides (decision)."""
    qs = cuti_list(actor=actor)
    kondisi = Q(pk__in=[])
    sendiri = pegawai_dari_pengguna(actor)
    if sendiri is not None:
        kondisi |= Q(status=Cuti.Status.DIAJUKAN, atasan=sendiri)
    if is_pemutus_wilayah(actor):
        kondisi |= Q(status=Cuti.Status.DIREKOMENDASIKAN)
        if sendiri is not None:
            kondisi &= ~Q(pegawai=sendiri)
    return qs.filter(kondisi).order_by("tanggal_mulai", "pk")


# --- attendance ------------------------------------------------------------------------------


def kehadiran_list(*, actor: Pengguna) -> QuerySet[Kehadiran]:
    """Attendance rows of the employees the actor may see (pegawai_list's scope)."""
    return (
        Kehadiran.objects.visible_to(actor)
        .filter(pegawai__in=pegawai_list(actor=actor))
        .select_related("pegawai__unit", "pegawai__wilayah")
    )


def _agregat(prefix: str, mulai: dt.date, selesai: dt.date) -> dict[str, Any]:
    """Count/Sum expressions of attendance over a date range; `prefix` is the path from the
    queried model to Kehadiran ("kehadiran_set__" from Pegawai, "" from Kehadiran)."""
    rentang = Q(**{f"{prefix}tanggal__range": (mulai, selesai)})

    def hitung(*status: str) -> Count:
        return Count(f"{prefix}pk", filter=rentang & Q(**{f"{prefix}status__in": list(status)}))

    def jumlah(field: str) -> Coalesce:
        return Coalesce(
            Sum(f"{prefix}{field}", filter=rentang), Value(0), output_field=IntegerField()
        )

    return {
        "hari_tercatat": Count(f"{prefix}pk", filter=rentang),
        "hadir": hitung(*STATUS_HADIR),
        "terlambat": Count(
            f"{prefix}pk", filter=rentang & Q(**{f"{prefix}menit_terlambat__gt": 0})
        ),
        "menit_terlambat": jumlah("menit_terlambat"),
        "pulang_cepat": Count(
            f"{prefix}pk", filter=rentang & Q(**{f"{prefix}menit_pulang_cepat__gt": 0})
        ),
        "menit_pulang_cepat": jumlah("menit_pulang_cepat"),
        "izin": hitung(StatusKehadiran.IZIN),
        "sakit": hitung(StatusKehadiran.SAKIT),
        "cuti": hitung(StatusKehadiran.CUTI),
        "dinas_luar": hitung(StatusKehadiran.DINAS_LUAR),
        "alpa": hitung(StatusKehadiran.ALPA),
    }


def rekap_kehadiran(
    qs_pegawai: QuerySet[Pegawai], mulai: dt.date, selesai: dt.date
) -> QuerySet[Pegawai]:
    """Attendance recap per employee over [mulai, selesai]: the given (already scoped)
    employee queryset annotated with hari_tercatat, hadir (STATUS_HADIR: incl. late, early
    leave and dinas luar, the same count as the kinerja recap),
    terlambat, menit_terlambat, pulang_cepat, menit_pulang_cepat, izin, sakit, cuti,
    dinas_luar, alpa. One SQL query (GROUP BY employee)."""
    return qs_pegawai.annotate(**_agregat("kehadiran_set__", mulai, selesai))


def rekap_kehadiran_unit(*, actor: Pengguna, mulai: dt.date, selesai: dt.date) -> QuerySet:
    """The same recap per unit (values rows with unit id/name and the counts, plus the number
    of employees with a record). One SQL query."""
    return (
        kehadiran_list(actor=actor)
        .filter(tanggal__range=(mulai, selesai))
        .values("pegawai__unit_id", "pegawai__unit__nama", "pegawai__unit__path")
        .annotate(jumlah_pegawai=Count("pegawai_id", distinct=True), **_agregat("", mulai, selesai))
        .order_by("pegawai__unit__path")
    )


def impor_kehadiran_list(*, actor: Pengguna) -> QuerySet[ImporKehadiran]:
    return ImporKehadiran.objects.visible_to(actor).select_related("diimpor_oleh", "wilayah")


# --- discipline (PP 94/2021) ----------------------------------------------------------------


@dataclass(frozen=True)
class TingkatSanksi:
    kode: str
    hukuman: str
    tingkat: str  # ringan / sedang / berat

    def __str__(self) -> str:
        return f"{self.hukuman} ({self.tingkat})"


#: (minimum days of unexcused absence in a year, sanction) — PP 94/2021 Pasal 9-11.
SANKSI_ALPA: list[tuple[int, TingkatSanksi]] = [
    (28, TingkatSanksi("pemberhentian", _("Pemberhentian dengan hormat tidak atas permintaan sendiri"), _("berat"))),
    (25, TingkatSanksi("pelaksana_12", _("Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan"), _("berat"))),
    (21, TingkatSanksi("penurunan_jabatan", _("Penurunan jabatan setingkat lebih rendah selama 12 bulan"), _("berat"))),
    (17, TingkatSanksi("tpp_12", _("Pemotongan tunjangan kinerja 25% selama 12 bulan"), _("sedang"))),
    (14, TingkatSanksi("tpp_9", _("Pemotongan tunjangan kinerja 25% selama 9 bulan"), _("sedang"))),
    (11, TingkatSanksi("tpp_6", _("Pemotongan tunjangan kinerja 25% selama 6 bulan"), _("sedang"))),
    (7, TingkatSanksi("pernyataan_tidak_puas", _("Pernyataan tidak puas secara tertulis"), _("ringan"))),
    (4, TingkatSanksi("teguran_tertulis", _("Teguran tertulis"), _("ringan"))),
    (3, TingkatSanksi("teguran_lisan", _("Teguran lisan"), _("ringan"))),
]  # fmt: skip
AMBANG_BERUNTUN = 10


def tingkat_sanksi(jumlah_alpa: int, beruntun: int = 0) -> TingkatSanksi | None:
    """The PP 94/2021 sanction an employee's unexcused absence in a year reaches: 3 days
    teguran lisan ... 28 or more days, or 10 working days in a row, dismissal."""
    if beruntun >= AMBANG_BERUNTUN:
        return SANKSI_ALPA[0][1]
    for minimum, sanksi in SANKSI_ALPA:
        if jumlah_alpa >= minimum:
            return sanksi
    return None


def disiplin_list(*, actor: Pengguna, tahun: int, minimal: int = 3) -> QuerySet[Pegawai]:
    """Employees of the actor's scope with at least `minimal` days of unexcused absence in the
    year, most first (one query; the sanction level is added per row by `lengkapi_sanksi`)."""
    mulai, selesai = dt.date(tahun, 1, 1), dt.date(tahun, 12, 31)
    return (
        pegawai_list(actor=actor)
        .select_related("unit", "jabatan")
        .annotate(
            alpa=Count(
                "kehadiran_set",
                filter=Q(
                    kehadiran_set__tanggal__range=(mulai, selesai),
                    kehadiran_set__status=StatusKehadiran.ALPA,
                ),
            )
        )
        .filter(alpa__gte=minimal)
        .order_by("-alpa", "nama")
    )


def alpa_beruntun(pegawai_ids: list[int], tahun: int) -> dict[int, int]:
    """The longest run of consecutive working days of unexcused absence per employee in the
    year (consecutive among the employee's attendance rows, which exist for working days
    only). One query for all given employees."""
    if not pegawai_ids:
        return {}
    rows = (
        Kehadiran.objects.filter(pegawai_id__in=pegawai_ids, tanggal__year=tahun)
        .order_by("pegawai_id", "tanggal")
        .values_list("pegawai_id", "status")
    )
    terpanjang: dict[int, int] = {}
    sekarang: dict[int, int] = {}
    for pid, status in rows:
        if status == StatusKehadiran.ALPA:
            sekarang[pid] = sekarang.get(pid, 0) + 1
            terpanjang[pid] = max(terpanjang.get(pid, 0), sekarang[pid])
        else:
            sekarang[pid] = 0
    return terpanjang


def lengkapi_sanksi(pegawai_page: list[Pegawai], tahun: int) -> list[Pegawai]:
    """Adds `beruntun` and `sanksi` to each row of one page (one extra query per page, only
    for employees whose total could reach the consecutive rule)."""
    calon = [p.pk for p in pegawai_page if p.alpa >= AMBANG_BERUNTUN]
    runs = alpa_beruntun(calon, tahun)
    for p in pegawai_page:
        p.beruntun = runs.get(p.pk, 0)
        p.sanksi = tingkat_sanksi(p.alpa, p.beruntun)
    return pegawai_page


def cuti_riwayat(cuti: Cuti) -> list[Any]:
    """The leave's status log (written by the workflow engine), oldest first, each with
    `dari_label` / `ke_label`. One query."""
    label = dict(Cuti.Status.choices)
    hasil = list(TransisiStatus.objects.untuk(cuti).select_related("oleh"))
    for t in hasil:
        t.dari_label = label.get(t.dari, t.dari)
        t.ke_label = label.get(t.ke, t.ke)
    return hasil
