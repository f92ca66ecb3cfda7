"""The PDF reports (WeasyPrint through `asn_kinerja.pdf.render_pdf`): the SKP document, the
periodic and annual evaluation documents, the attendance recap of a unit for a month and
the wilayah recap of a window (rendered in the worker). Charts are SVG written by our own
templates (`laporan/pdf/_svg_*.html`) from geometry computed here: no chart dependency.

These functions receive objects the caller has already looked up in the actor's scope (views)
or that belong to one wilayah (the worker); every query below stays inside that wilayah.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db.models import Case, Count, F, FilteredRelation, Prefetch, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from asn_kinerja.formatting import angka, tanggal_indonesia
from asn_kinerja.pdf import render_pdf
from kinerja.choices import Perilaku, Predikat
from kinerja.models import (
    SKP,
    EvaluasiPeriodik,
    EvaluasiTahunan,
    IndikatorKinerja,
    PeriodePenilaian,
    RealisasiIndikator,
    RencanaHasilKerja,
    identitas_pegawai,
)
from organisasi.models import UnitKerja
from organisasi.selectors import kedalaman_muat
from pegawai.models import Pegawai
from pegawai.selectors import kepala_unit

from .models import RekapPegawai, RekapUnit, RekapWilayah
from .selectors import KOLOM_ANGKA

WARNA_PREDIKAT = {
    "sangat_baik": "#1b7a43",
    "baik": "#62b36f",
    "butuh_perbaikan": "#e0a526",
    "kurang": "#e0702a",
    "sangat_kurang": "#c4332b",
    "": "#b8c0cc",
}
LABEL_PENDEK = {
    "sangat_baik": "Sangat Baik",
    "baik": "Baik",
    "butuh_perbaikan": "Butuh Perb.",
    "kurang": "Kurang/Misc.",
    "sangat_kurang": "Sangat Kurang",
    "": "Belum dinilai",
}
BATAS_DAFTAR_TINDAK_LANJUT = 300
# The wilayah PDF is a summary: its unit table stops at the deepest level of the tree that fits
# in this many rows (the full per-unit table is the Excel export of the unit recap) and its
# list of units violating the curve at the second limit.
BATAS_UNIT_PDF = 150
BATAS_UNIT_MELANGGAR = 100
PREDIKAT_TINDAK_LANJUT = (Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG)


# --- SVG geometry ------------------------------------------------------------------------------


def svg_batang(
    data: list[tuple[str, float, str]], *, lebar: int = 460, tinggi: int = 170, satuan: str = ""
) -> dict[str, Any]:
    """Vertical bar chart: [(label, value, colour)] -> geometry for `_svg_batang.html`."""
    kiri, bawah, atas = 34, 34, 14
    area_h = tinggi - bawah - atas
    maks = max([v for _l, v, _c in data] + [1])
    n = max(len(data), 1)
    slot = (lebar - kiri - 8) / n
    w = min(slot * 0.62, 46)
    batang = []
    for i, (label, nilai, warna) in enumerate(data):
        h = area_h * (nilai / maks)
        x = kiri + i * slot + (slot - w) / 2
        batang.append(
            {
                "x": round(x, 1),
                "y": round(atas + area_h - h, 1),
                "w": round(w, 1),
                "h": round(h, 1),
                "cx": round(x + w / 2, 1),
                "label": label,
                "nilai": angka(nilai, 0 if float(nilai).is_integer() else 1) + satuan,
                "warna": warna,
            }
        )
    garis = [
        {"y": round(atas + area_h - area_h * f, 1), "nilai": angka(maks * f, 0)}
        for f in (0, 0.5, 1)
    ]
    return {
        "lebar": lebar,
        "tinggi": tinggi,
        "batang": batang,
        "garis": garis,
        "kiri": kiri,
        "dasar": atas + area_h,
        "label_y": tinggi - bawah + 13,
    }


def svg_horizontal(data: list[tuple[str, float | None]], *, lebar: int = 460) -> dict[str, Any]:
    """Horizontal percentage bars (0-100): [(label, percent)]."""
    kiri, tinggi_baris = 170, 16
    area = lebar - kiri - 44
    baris = []
    for i, (label, nilai) in enumerate(data):
        v = nilai or 0
        baris.append(
            {
                "y": 4 + i * tinggi_baris,
                "ty": 4 + i * tinggi_baris + 10,
                "w": round(area * v / 100, 1),
                "label": label if len(label) <= 30 else label[:29] + "…",
                "nilai": "—" if nilai is None else angka(v, 1) + "%",
                "tx": kiri + round(area * v / 100, 1) + 4,
                "warna": "#c4332b" if v < 50 else ("#e0a526" if v < 80 else "#1b7a43"),
            }
        )
    return {
        "lebar": lebar,
        "tinggi": 8 + len(data) * tinggi_baris,
        "kiri": kiri,
        "area": area,
        "baris": baris,
    }


def svg_garis(data: list[tuple[str, float | None]], *, lebar: int = 460, tinggi: int = 150):
    """Line chart of percentages over the year's windows: [(label, percent)]."""
    kiri, bawah, atas = 34, 30, 12
    area_w, area_h = lebar - kiri - 12, tinggi - bawah - atas
    n = max(len(data) - 1, 1)
    titik = []
    for i, (label, v) in enumerate(data):
        x = kiri + area_w * i / n if len(data) > 1 else kiri + area_w / 2
        y = atas + area_h * (1 - (v or 0) / 100)
        titik.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "label": label.split(" ")[0][:3],
                "nilai": "—" if v is None else angka(v, 0) + "%",
            }
        )
    return {
        "lebar": lebar,
        "tinggi": tinggi,
        "titik": titik,
        "poly": " ".join(f"{t['x']},{t['y']}" for t in titik),
        "kiri": kiri,
        "kanan": kiri + area_w,
        "grid": [
            {"y": round(atas + area_h * (1 - f), 1), "label": f"{int(f * 100)}%"}
            for f in (0, 0.5, 1)
        ],
        "label_y": tinggi - bawah + 14,
    }


# --- Signatories -------------------------------------------------------------------------------


def _ttd(peran: str, identitas: dict[str, Any] | None) -> dict[str, Any]:
    identitas = identitas or {}
    return {
        "peran": peran,
        "nama": identitas.get("nama", ""),
        "nip": identitas.get("nip", ""),
        "jabatan": identitas.get("jabatan", ""),
    }


def _tempat_tanggal(wilayah: Any, tanggal: dt.date | None = None) -> str:
    from asn_kinerja.waktu import hari_ini

    return (
        f"{wilayah.kota_surat or wilayah.nama}, {tanggal_indonesia(tanggal or hari_ini(wilayah))}"
    )


def identitas_skp(skp: SKP) -> dict[str, Any]:
    """The identities printed on an SKP: the frozen snapshot once approved, else live."""
    if skp.snapshot and skp.snapshot.get("pegawai"):
        return skp.snapshot
    return skp.buat_snapshot()


# --- SKP ---------------------------------------------------------------------------------------


def _skp_lengkap(skp_id: int) -> SKP:
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


def _perilaku_urut(ekspektasi) -> list[dict[str, str]]:
    per = {e.perilaku: e.ekspektasi for e in ekspektasi}
    return [{"label": p.label, "ekspektasi": per.get(p.value, "")} for p in Perilaku]


def pdf_skp(skp: SKP) -> bytes:
    skp = _skp_lengkap(skp.pk)
    ident = identitas_skp(skp)
    rhk = list(skp.rhk_set.all())
    konteks = {
        "skp": skp,
        "ident": ident,
        "rhk_utama": [r for r in rhk if r.jenis == "utama"],
        "rhk_tambahan": [r for r in rhk if r.jenis != "utama"],
        "perilaku": _perilaku_urut(skp.ekspektasi_set.all()),
        "mulai": dt.date(skp.periode_kinerja.tahun, 1, 1),
        "selesai": dt.date(skp.periode_kinerja.tahun, 12, 31),
        "penandatangan": [
            _ttd("Pegawai yang Dinilai", ident.get("pegawai")),
            _ttd("Pejabat Penilai Kinerja", ident.get("pejabat_penilai")),
        ],
        "tempat_tanggal": _tempat_tanggal(
            skp.wilayah, (skp.disetujui_pada.date() if skp.disetujui_pada else None)
        ),
    }
    return render_pdf("laporan/pdf/skp.html", konteks, wilayah=skp.wilayah)


# --- Evaluation documents ----------------------------------------------------------------------


def pdf_evaluasi(evaluasi: EvaluasiPeriodik) -> bytes:
    ev = (
        EvaluasiPeriodik.objects.select_related("periode_penilaian", "dinilai_oleh")
        .prefetch_related(
            Prefetch(
                "realisasi_set", queryset=RealisasiIndikator.objects.select_related("indikator")
            ),
            "umpan_balik_hasil_set",
            "umpan_balik_perilaku_set",
            "bukti_set",
        )
        .get(pk=evaluasi.pk)
    )
    skp = _skp_lengkap(ev.skp_id)
    ident = identitas_skp(skp)
    realisasi = {r.indikator_id: r for r in ev.realisasi_set.all()}
    ub_hasil = {u.rhk_id: u.teks for u in ev.umpan_balik_hasil_set.all()}
    ub_perilaku = {u.perilaku: u.teks for u in ev.umpan_balik_perilaku_set.all()}
    baris = []
    for r in skp.rhk_set.all():
        indikator = [
            {"i": i, "realisasi": _teks_realisasi(realisasi.get(i.pk))}
            for i in r.indikator_set.all()
        ]
        baris.append({"rhk": r, "indikator": indikator, "umpan_balik": ub_hasil.get(r.pk, "")})
    perilaku = [
        {**p, "umpan_balik": ub_perilaku.get(v.value, "")}
        for p, v in zip(_perilaku_urut(skp.ekspektasi_set.all()), Perilaku, strict=True)
    ]
    konteks = {
        "judul": "Dokumen Evaluasi Kinerja Pegawai",
        "subjudul": f"Periode {ev.periode_penilaian.nama}",
        "mulai": ev.periode_penilaian.tanggal_mulai,
        "selesai": ev.periode_penilaian.tanggal_selesai,
        "skp": skp,
        "ident": ident,
        "ev": ev,
        "baris": baris,
        "perilaku": perilaku,
        "bukti": list(ev.bukti_set.all()),
        "penandatangan": [
            _ttd("Pegawai yang Dinilai", ident.get("pegawai")),
            _ttd("Pejabat Penilai Kinerja", ident.get("pejabat_penilai")),
        ],
        "tempat_tanggal": _tempat_tanggal(
            skp.wilayah, ev.dinilai_pada.date() if ev.dinilai_pada else None
        ),
    }
    return render_pdf("laporan/pdf/evaluasi.html", konteks, wilayah=skp.wilayah)


def _teks_realisasi(r: RealisasiIndikator | None) -> str:
    if r is None:
        return ""
    bagian = []
    if r.nilai is not None:
        bagian.append(f"{r.nilai.normalize():f} {r.indikator.target_satuan}".strip())
    if r.narasi:
        bagian.append(r.narasi)
    return " — ".join(bagian)


def pdf_evaluasi_tahunan(tahunan: EvaluasiTahunan) -> bytes:
    et = EvaluasiTahunan.objects.select_related("dinilai_oleh").get(pk=tahunan.pk)
    skp = _skp_lengkap(et.skp_id)
    ident = identitas_skp(skp)
    periodik = list(
        EvaluasiPeriodik.objects.filter(skp=skp)
        .select_related("periode_penilaian")
        .order_by("periode_penilaian__tanggal_mulai")
    )
    baris = [
        {
            "rhk": r,
            "indikator": [{"i": i, "realisasi": ""} for i in r.indikator_set.all()],
            "umpan_balik": "",
        }
        for r in skp.rhk_set.all()
    ]
    konteks = {
        "judul": "Dokumen Evaluasi Kinerja Pegawai Tahunan",
        "subjudul": f"Tahun {skp.periode_kinerja.tahun}",
        "mulai": dt.date(skp.periode_kinerja.tahun, 1, 1),
        "selesai": dt.date(skp.periode_kinerja.tahun, 12, 31),
        "skp": skp,
        "ident": ident,
        "ev": et,
        "tahunan": True,
        "periodik": periodik,
        "baris": baris,
        "perilaku": [{**p, "umpan_balik": ""} for p in _perilaku_urut(skp.ekspektasi_set.all())],
        "penandatangan": [
            _ttd("Pegawai yang Dinilai", ident.get("pegawai")),
            _ttd("Pejabat Penilai Kinerja", ident.get("pejabat_penilai")),
        ],
        "tempat_tanggal": _tempat_tanggal(
            skp.wilayah, et.dinilai_pada.date() if et.dinilai_pada else None
        ),
    }
    return render_pdf("laporan/pdf/evaluasi.html", konteks, wilayah=skp.wilayah)


# --- Attendance of a unit for a month ----------------------------------------------------------


def kehadiran_unit_bulan(unit: UnitKerja, bulan: dt.date):
    """Employees of the unit's subtree with their attendance counts for the month (1 query)."""
    import calendar

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
                    filter=f
                    & Q(
                        kehadiran_set__status__in=[
                            "hadir",
                            "terlambat",
                            "pulang_cepat",
                            "dinas_luar",
                        ]
                    ),
                ),
                terlambat=Count(
                    "kehadiran_set", filter=f & Q(kehadiran_set__menit_terlambat__gt=0)
                ),
                menit_terlambat=Coalesce(Sum("kehadiran_set__menit_terlambat", filter=f), 0),
                menit_pulang_cepat=Coalesce(Sum("kehadiran_set__menit_pulang_cepat", filter=f), 0),
                izin=n("izin"),
                sakit=n("sakit"),
                cuti=n("cuti"),
                dinas_luar=n("dinas_luar"),
                alpa=n("alpa"),
            )
            .order_by("unit__path", "-jabatan__is_kepala", "nama")
        ),
        awal,
        akhir,
    )


def pdf_kehadiran_unit(unit: UnitKerja, bulan: dt.date) -> bytes:
    pegawai, awal, akhir = kehadiran_unit_bulan(unit, bulan)
    pegawai = list(pegawai)
    total = {
        k: sum(getattr(p, k) for p in pegawai)
        for k in ("tercatat", "hadir", "terlambat", "menit_terlambat", "menit_pulang_cepat",
                  "izin", "sakit", "cuti", "dinas_luar", "alpa")
    }  # fmt: skip
    kepala = kepala_unit(unit)
    konteks = {
        "unit": unit,
        "awal": awal,
        "akhir": akhir,
        "pegawai": pegawai,
        "total": total,
        "penandatangan": [_ttd("Kepala Unit", identitas_pegawai(kepala))],
        "tempat_tanggal": _tempat_tanggal(unit.wilayah),
    }
    return render_pdf("laporan/pdf/kehadiran_unit.html", konteks, wilayah=unit.wilayah)


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
    tren = list(
        RekapWilayah.objects.di_wilayah(wilayah)
        .filter(
            periode_penilaian__periode_kinerja_id=periode.periode_kinerja_id,
            periode_penilaian__tanggal_mulai__lte=periode.tanggal_mulai,
        )
        .select_related("periode_penilaian")
        .order_by("periode_penilaian__tanggal_mulai")
    )
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


def pdf_rekap_wilayah(
    *, periode_penilaian: PeriodePenilaian, kemajuan: Callable[[int, str], None] | None = None
) -> bytes:
    lapor = kemajuan or (lambda persen, pesan: None)
    lapor(10, "Mengambil data rekap")
    data = data_rekap_wilayah(periode_penilaian)
    rekap = data["rekap"]
    lapor(35, "Menyusun grafik")
    grafik = {}
    if rekap is not None:
        grafik["distribusi"] = svg_batang(
            [
                (LABEL_PENDEK.get(v, str(label)), n, WARNA_PREDIKAT[v])
                for v, label, n in rekap.distribusi
            ]
        )
        # The root and its direct children (always in the unit table), with subtree totals.
        teratas = [u for u in data["units"] if u.unit.depth <= 1 and u.jumlah_pegawai][:20]
        grafik["penyelesaian"] = svg_horizontal([(u.unit.nama, u.persen_dinilai) for u in teratas])
        grafik["tren"] = svg_garis(
            [(r.periode_penilaian.nama, r.persen_dinilai) for r in data["tren"]]
        )
    kepala = None
    root = UnitKerja.objects.di_wilayah(data["wilayah"]).filter(depth=0).order_by("path").first()
    if root is not None:
        kepala = kepala_unit(root)
    lapor(55, "Menyusun dokumen")
    konteks = {
        **data,
        "grafik": grafik,
        "penandatangan": [_ttd("Mengetahui,", identitas_pegawai(kepala))],
        "tempat_tanggal": _tempat_tanggal(data["wilayah"]),
    }
    pdf = render_pdf("laporan/pdf/rekap_wilayah.html", konteks, wilayah=data["wilayah"])
    lapor(95, "Menyimpan berkas")
    return pdf
