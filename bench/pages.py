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
  "pdf" (5 s), "aksi" (a form POST that saves and redirects: no latency target of its
  own, it counts in the rush p95), "login" (password hashing by design: no target),
  "admin" (Django admin, the superusers' tool: not a page of issue 8's list, so its latency
  is reported, not judged; status and query count are).
- `method`/`data`: a POST page names its form builder in `DATA_POST`; it must answer 302
  (saved, redirected), a 200 would be the form re-rendered with errors.
- `rush`: weight in the month-end rush mix for that role (0: not in the rush).

To add a page at merge, add one `Halaman(...)` line to HALAMAN. Nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Targets of issue 8 (2 cores, 100,000 employees), milliseconds at p95.
TARGET_MS = {
    "dashboard": 100,
    "halaman": 50,
    "pdf": 5000,
    "aksi": None,
    "login": None,
    "admin": None,
}
MAKS_QUERY = 15
#: A form POST (kelompok "aksi") writes: its transaction, savepoints, history row and the
#: redirect add statements that a page does not run. Constant in the number of rows too.
MAKS_QUERY_AKSI = 25

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
    def maks_query(self) -> int:
        return MAKS_QUERY_AKSI if self.kelompok == "aksi" else MAKS_QUERY

    @property
    def status_ok(self) -> int:
        """A GET answers 200; a POST that saved redirects (302)."""
        return 302 if self.method == "POST" else 200

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
    Halaman("admin daftar pegawai", "admin", "/admin/pegawai/pegawai/", kelompok="admin"),
    Halaman("admin cari pegawai", "admin", "/admin/pegawai/pegawai/", query="?q=Pakaya",
            kelompok="admin"),
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
    Halaman("SKP (detail)", "pegawai", "kinerja:skp_detail", lookup="skp_saya", rush=1),
    Halaman("evaluasi (detail)", "pegawai", "kinerja:evaluasi_detail", lookup="evaluasi_isian",
            rush=2),
    Halaman("halaman penilaian", "atasan", "kinerja:evaluasi_nilai", lookup="evaluasi_menunggu",
            rush=2),
    # The month-end writes: an employee saves realisation, a head (re)rates.
    Halaman("simpan realisasi", "pegawai", "kinerja:evaluasi_realisasi", kelompok="aksi",
            lookup="evaluasi_isian", method="POST", data="realisasi", rush=2),
    Halaman("simpan penilaian", "atasan", "kinerja:evaluasi_nilai", kelompok="aksi",
            lookup="evaluasi_dinilai", method="POST", data="penilaian", rush=1),
    Halaman("PDF SKP", "pegawai", "laporan:pdf_skp", kelompok="pdf", lookup="pegawai_saya"),
    # TPP (the month is computed by bench.run.fase_tpp before the page phase)
    Halaman("TPP bulan", "hr", "tpp:bulantpp_detail", lookup="bulan_tpp", rush=1),
    Halaman("TPP saya", "pegawai", "tpp:tpp_saya"),
    # Development (pegawai.pengembangan): the catalogue, my development, the 20 JP dashboard
    Halaman("katalog program", "pegawai", "pengembangan:program_list"),
    Halaman("pengembangan saya", "pegawai", "pengembangan:saya"),
    Halaman("dasbor 20 JP", "hr", "pengembangan:dasbor", kelompok="dashboard"),
    # Talent management (issue 17 part A)
    Halaman("9-box talenta", "hr", "talenta:9box", kelompok="dashboard"),
    Halaman("9-box talenta", "pimpinan", "talenta:9box", kelompok="dashboard"),
    Halaman("pegawai per kotak 9-box", "hr", "talenta:kotak_pegawai", lookup="kotak_tengah"),
    Halaman("rencana suksesi", "hr", "talenta:posisikunci_list"),
    # issue 17: "the 9-box and succession pages ... p95 <= 100 ms": the dashboard target
    Halaman("suksesi posisi kunci (detail)", "hr", "talenta:posisikunci_detail",
            lookup="posisi_kunci_pertama", kelompok="dashboard"),
    Halaman("karier saya", "pegawai", "talenta:karier"),
]  # fmt: skip


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
    from asn_kinerja.waktu import hari_ini as hari_ini_wilayah
    from kinerja.models import EvaluasiPeriodik

    hari_ini = hari_ini_wilayah(user.wilayah)
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


def _evaluasi_terbuka(user: Any, peran: str, status: str, urut: tuple[str, ...]) -> dict:
    """An evaluation in `status` whose window and year are still open, where the user's
    employee record is `peran` ("pegawai": the owner, "pejabat_penilai": the rater)."""
    from kinerja.models import EvaluasiPeriodik, PeriodeKinerja, PeriodePenilaian

    ev = (
        EvaluasiPeriodik.objects.visible_to(user)
        .filter(
            **{f"skp__{peran}": _pegawai(user)},
            status=status,
            periode_penilaian__status=PeriodePenilaian.Status.BUKA,
            skp__periode_kinerja__status=PeriodeKinerja.Status.BUKA,
        )
        .order_by(*urut)
        .first()
    )
    if ev is None:
        raise LookupError(f"{user} tidak punya evaluasi {status} di jendela terbuka")
    return {"pk": ev.pk}


def _evaluasi_isian(user: Any) -> dict[str, Any]:
    """The user's own evaluation that can still be filled, the earliest window first: what
    an employee opens at month end."""
    return _evaluasi_terbuka(
        user, "pegawai", "belum_diisi", ("periode_penilaian__tanggal_mulai", "pk")
    )


def _evaluasi_dinilai(user: Any) -> dict[str, Any]:
    """An evaluation the head has rated and may still re-rate (dinilai, window open)."""
    return _evaluasi_terbuka(user, "pejabat_penilai", "dinilai", ("pk",))


def _bawahan_pertama(user: Any) -> dict[str, Any]:
    from pegawai.selectors import pegawai_list

    p = pegawai_list(actor=user).exclude(pengguna=user).order_by("pk").first()
    if p is None:
        raise LookupError(f"{user} tidak melihat pegawai lain")
    return {"pk": p.pk}


def _bulan_tpp(user: Any) -> dict[str, Any]:
    from bench.tpp import lookup_bulan_tpp

    kw = lookup_bulan_tpp(user)
    if not kw:
        raise LookupError(f"{user} tidak punya bulan TPP")
    return kw


def _posisi_kunci_pertama(user: Any) -> dict[str, Any]:
    """The first key position of the user's wilayah (the talent demo flags three)."""
    from kinerja.talenta.models import PosisiKunci

    pk = (
        PosisiKunci.objects.visible_to(user)
        .filter(wilayah_id=user.wilayah_id)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    if pk is None:
        raise LookupError(f"{user}: wilayah tanpa posisi kunci")
    return {"pk": pk}


LOOKUP: dict[str, Callable[[Any], dict[str, Any]]] = {
    "pegawai_saya": lambda u: {"pk": _pegawai(u).pk},
    "unit_saya": lambda u: {"pk": _pegawai(u).unit_id},
    "wilayah_saya": lambda u: {"pk": u.wilayah_id},
    "skp_saya": lambda u: {"pk": _skp_saya(u).pk},
    "evaluasi_saya_bulan_ini": _evaluasi_saya_bulan_ini,
    "evaluasi_menunggu": _evaluasi_menunggu,
    "bawahan_pertama": _bawahan_pertama,
    "evaluasi_isian": _evaluasi_isian,
    "evaluasi_dinilai": _evaluasi_dinilai,
    "bulan_tpp": _bulan_tpp,
    "kotak_tengah": lambda u: {"kotak": 5},
    "posisi_kunci_pertama": _posisi_kunci_pertama,
}


def _pk_dari_url(url: str) -> int:
    from django.urls import resolve

    return int(resolve(url.split("?")[0]).kwargs["pk"])


def _data_realisasi(user: Any, url: str) -> dict[str, Any]:
    """Every indicator of the SKP filled with its target and a short narrative (what the
    employee types at month end); valid, so the view saves and redirects."""
    from kinerja.models import EvaluasiPeriodik, IndikatorKinerja

    ev = EvaluasiPeriodik.objects.visible_to(user).get(pk=_pk_dari_url(url))
    data: dict[str, Any] = {}
    for ind in IndikatorKinerja.objects.filter(rhk__skp_id=ev.skp_id).order_by("pk"):
        data[f"nilai_{ind.pk}"] = str(ind.target_nilai if ind.target_nilai is not None else 1)
        data[f"narasi_{ind.pk}"] = "Terlaksana sesuai rencana bulan ini."
    return data


def _data_penilaian(user: Any, url: str) -> dict[str, Any]:
    """A re-rating of a `dinilai` evaluation (mode=ubah): both ratings 'sesuai' and a note,
    with one feedback line per RHK; valid, so the view saves and redirects."""
    from kinerja.models import EvaluasiPeriodik, RencanaHasilKerja

    ev = EvaluasiPeriodik.objects.visible_to(user).get(pk=_pk_dari_url(url))
    data: dict[str, Any] = {
        "mode": "ubah",
        "rating_hasil": "sesuai",
        "rating_perilaku": "sesuai",
        "catatan": "Capaian sesuai ekspektasi.",
    }
    for rhk in RencanaHasilKerja.objects.filter(skp_id=ev.skp_id).order_by("pk"):
        data[f"ub_rhk_{rhk.pk}"] = "Pertahankan."
    return data


#: POST bodies: (user, url) -> form data (the harness adds the CSRF token header).
DATA_POST: dict[str, Callable[[Any, str], dict[str, Any]]] = {
    "realisasi": _data_realisasi,
    "penilaian": _data_penilaian,
}


def halaman_dengan_target() -> list[Halaman]:
    """The pages whose speed the issue targets (login excluded)."""
    return [h for h in HALAMAN if h.target is not None]


# --- the period recap (measure 3) -------------------------------------------------------------

#: Dotted path of the recap service; skipped with a note while it does not exist.
REKAP = "kinerja.laporan.services.rekap.rekap_hitung"


def panggil_rekap(fungsi: Callable[..., Any]) -> Any:
    """Recap the current evaluation window of every wilayah (what the nightly task runs).
    Adjust the call here if the service's signature differs (one place)."""
    from asn_kinerja.waktu import hari_ini
    from kinerja.models import PeriodePenilaian
    from organisasi.models import Wilayah

    hasil = []
    for w in Wilayah.objects.order_by("pk"):
        for periode in (
            PeriodePenilaian.objects.mencakup(hari_ini(w))
            .filter(periode_kinerja__wilayah=w)
            .select_related("periode_kinerja")
        ):
            hasil.append(fungsi(periode_penilaian=periode))
    return hasil
