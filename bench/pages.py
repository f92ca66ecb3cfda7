"""The pages the benchmark measures, and the month-end rush mix. ONE LINE PER PAGE.

    Halaman(nama, peran, url, target_ms=..., lookup=..., kelompok=...)

- `peran`: "admin" (national admin), "hr" (admin kepegawaian), "pimpinan", "atasan"
  (section head), "pegawai" (employee). The harness maps it to a demo account
  (`AKUN_PERAN`), the rush to a pool of bench accounts, the query-count tests to the
  `org_a` fixture users.
- `url`: a path ("/admin/pegawai/pegawai/") or a URL name ("pegawai:pegawai_list"); a URL
  name that does not resolve (the page has not landed yet) is SKIPPED, not failed, so a line
  may be added before the page is merged.
- `lookup`: name of a function in `LOOKUP` giving the URL kwargs (and optionally a query
  string) for a given user, e.g. "pegawai_saya" -> {"pk": <the user's employee id>}.
- `query`: a query string appended as is ("?urut=nama&status=aktif").
- `kelompok`: "dashboard" (target 100 ms), "halaman" (lists and detail pages, 50 ms),
  "pdf" (5 s), "login" (password hashing by design: no target).
- `rush`: weight in the month-end rush mix for that role (0: not in the rush).

To add a page at merge, add one `Halaman(...)` line to HALAMAN. Nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Targets of issue 8 (2 cores, 100,000 employees), milliseconds at p95.
TARGET_MS = {"dashboard": 100, "halaman": 50, "pdf": 5000, "login": None}
MAKS_QUERY = 15

#: Role -> demo account measured for page latency (seed_demo's contract accounts).
AKUN_PERAN = {
    "admin": "admin",
    "hr": "hr_gorontalo",
    "pimpinan": "pimpinan_gorontalo",
    "atasan": "atasan_gorontalo",
    "pegawai": "pegawai_gorontalo",
}


@dataclass(frozen=True)
class Halaman:
    nama: str
    peran: str
    url: str
    kelompok: str = "halaman"
    lookup: str | None = None
    query: str = ""
    method: str = "GET"
    #: POST body builder: name of a function in DATA_POST, (user, url kwargs) -> dict.
    data: str | None = None
    rush: int = 0
    target_ms: int | None = field(default=None)

    @property
    def target(self) -> int | None:
        return self.target_ms if self.target_ms is not None else TARGET_MS[self.kelompok]

    @property
    def kunci(self) -> str:
        return f"{self.nama} [{self.peran}]"


HALAMAN: list[Halaman] = [
    # Today (foundation): the home page of every role and the admin employee list.
    Halaman("beranda", "admin", "home", kelompok="dashboard"),
    Halaman("beranda", "hr", "home", kelompok="dashboard", rush=3),
    Halaman("beranda", "pimpinan", "home", kelompok="dashboard"),
    Halaman("beranda", "atasan", "home", kelompok="dashboard", rush=1),
    Halaman("beranda", "pegawai", "home", kelompok="dashboard", rush=2),
    Halaman("admin daftar pegawai", "admin", "/admin/pegawai/pegawai/"),
    Halaman("admin cari pegawai", "admin", "/admin/pegawai/pegawai/", query="?q=Pakaya"),
    Halaman("login (form)", "anonim", "login", kelompok="login"),
    # Issue 8 list (merged pages).
    Halaman("dasbor wilayah", "hr", "laporan:dasbor_wilayah", kelompok="dashboard", rush=3),
    Halaman("dasbor wilayah", "pimpinan", "laporan:dasbor_wilayah", kelompok="dashboard"),
    Halaman("dasbor unit", "atasan", "laporan:dasbor_unit", kelompok="dashboard", rush=1),
    Halaman("dasbor pegawai", "pegawai", "laporan:dasbor_pegawai", kelompok="dashboard", rush=1),
    Halaman(
        "daftar pegawai", "hr", "pegawai:pegawai_list", query="?o=-nama&status_aktif=aktif", rush=2
    ),
    Halaman("profil pegawai", "hr", "pegawai:pegawai_detail", lookup="bawahan_pertama"),
    Halaman("kotak masuk atasan", "atasan", "kinerja:inbox", rush=3),
    Halaman("evaluasi saya", "pegawai", "kinerja:evaluasi_saya", rush=3),
    Halaman("bagan organisasi", "hr", "organisasi:unit_list"),
]


# --- lookups: (user) -> URL kwargs ---------------------------------------------------------


def _pegawai(user: Any):
    from pegawai.selectors import pegawai_dari_pengguna

    p = pegawai_dari_pengguna(user)
    if p is None:
        raise LookupError(f"{user} tidak punya data pegawai")
    return p


def _skp_saya(user: Any):
    from kinerja.models import SKP

    skp = SKP.objects.visible_to(user).filter(pegawai=_pegawai(user)).order_by("-pk").first()
    if skp is None:
        raise LookupError(f"{user} tidak punya SKP")
    return skp


def _evaluasi_saya_bulan_ini(user: Any) -> dict[str, Any]:
    import datetime as dt

    from kinerja.models import EvaluasiPeriodik

    hari_ini = dt.date.today()
    ev = (
        EvaluasiPeriodik.objects.visible_to(user)
        .filter(
            skp__pegawai=_pegawai(user),
            periode_penilaian__tanggal_mulai__lte=hari_ini,
            periode_penilaian__tanggal_selesai__gte=hari_ini,
        )
        .first()
    )
    if ev is None:
        raise LookupError(f"{user} tidak punya evaluasi bulan ini")
    return {"pk": ev.pk}


def _evaluasi_menunggu(user: Any) -> dict[str, Any]:
    from kinerja.models import EvaluasiPeriodik

    ev = (
        EvaluasiPeriodik.objects.visible_to(user)
        .filter(
            skp__pejabat_penilai=_pegawai(user),
            status=EvaluasiPeriodik.Status.REALISASI_DIAJUKAN,
        )
        .order_by("pk")
        .first()
    )
    if ev is None:
        raise LookupError(f"{user} tidak punya evaluasi yang menunggu penilaian")
    return {"pk": ev.pk}


def _bawahan_pertama(user: Any) -> dict[str, Any]:
    from pegawai.selectors import pegawai_list

    p = pegawai_list(actor=user).exclude(pengguna=user).order_by("pk").first()
    if p is None:
        raise LookupError(f"{user} tidak melihat pegawai lain")
    return {"pk": p.pk}


LOOKUP: dict[str, Callable[[Any], dict[str, Any]]] = {
    "pegawai_saya": lambda u: {"pk": _pegawai(u).pk},
    "unit_saya": lambda u: {"pk": _pegawai(u).unit_id},
    "wilayah_saya": lambda u: {"pk": u.wilayah_id},
    "skp_saya": lambda u: {"pk": _skp_saya(u).pk},
    "evaluasi_saya_bulan_ini": _evaluasi_saya_bulan_ini,
    "evaluasi_menunggu": _evaluasi_menunggu,
    "bawahan_pertama": _bawahan_pertama,
}

#: POST bodies: (user, url kwargs) -> form data (the harness adds csrfmiddlewaretoken).
DATA_POST: dict[str, Callable[[Any, dict[str, Any]], dict[str, Any]]] = {}


def halaman_dengan_target() -> list[Halaman]:
    """The pages whose speed the issue targets (login excluded)."""
    return [h for h in HALAMAN if h.target is not None]


# --- the period recap (measure 3) -------------------------------------------------------------

#: Dotted path of the recap service; skipped with a note while it does not exist.
REKAP = "kinerja.laporan.services.rekap_hitung"


def panggil_rekap(fungsi: Callable[..., Any]) -> Any:
    """Recap the current evaluation window of every wilayah, as a national admin would.
    Adjust the call here if the service's signature differs (one place)."""
    import datetime as dt

    from kinerja.models import PeriodePenilaian
    from organisasi.models import Pengguna

    admin = Pengguna.objects.get(username=AKUN_PERAN["admin"])
    hari_ini = dt.date.today()
    hasil = []
    for periode in PeriodePenilaian.objects.mencakup(hari_ini).select_related("periode_kinerja"):
        hasil.append(fungsi(periode=periode, actor=admin))
    return hasil
