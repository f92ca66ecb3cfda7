"""The PDF reports (WeasyPrint through `asn_kinerja.pdf.render_pdf`): the SKP document, the
periodic and annual evaluation documents, the attendance recap of a unit for a month and
the wilayah recap of a window (rendered in the worker). Charts come from `grafik`; every read
goes through `selectors_pdf` (this module runs no query of its own).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from asn_kinerja.formatting import tanggal_indonesia
from asn_kinerja.pdf import render_pdf
from asn_kinerja.waktu import hari_ini
from kinerja.choices import Perilaku
from kinerja.models import (
    SKP,
    EvaluasiPeriodik,
    EvaluasiTahunan,
    PeriodePenilaian,
    RealisasiIndikator,
    identitas_pegawai,
)
from organisasi.models import UnitKerja
from pegawai.selectors import kepala_unit

from .grafik import LABEL_PENDEK, WARNA_PREDIKAT, svg_batang, svg_garis, svg_horizontal
from .selectors_pdf import (
    data_rekap_wilayah,
    evaluasi_lengkap,
    evaluasi_periodik_skp,
    evaluasi_tahunan_lengkap,
    kehadiran_unit_bulan,
    kepala_wilayah,
    skp_lengkap,
)

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
    return (
        f"{wilayah.kota_surat or wilayah.nama}, {tanggal_indonesia(tanggal or hari_ini(wilayah))}"
    )


def _penandatangan_skp(ident: dict[str, Any]) -> list[dict[str, Any]]:
    """The two signatures of an SKP and its evaluation documents."""
    return [
        _ttd("Pegawai yang Dinilai", ident.get("pegawai")),
        _ttd("Pejabat Penilai Kinerja", ident.get("pejabat_penilai")),
    ]


def identitas_skp(skp: SKP) -> dict[str, Any]:
    """The identities printed on an SKP: the frozen snapshot once approved, else live."""
    if skp.snapshot and skp.snapshot.get("pegawai"):
        return skp.snapshot
    return skp.buat_snapshot()


# --- SKP ---------------------------------------------------------------------------------------


def _perilaku_urut(ekspektasi) -> list[dict[str, str]]:
    per = {e.perilaku: e.ekspektasi for e in ekspektasi}
    return [{"label": p.label, "ekspektasi": per.get(p.value, "")} for p in Perilaku]


def pdf_skp(skp: SKP) -> bytes:
    skp = skp_lengkap(skp.pk)
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
        "penandatangan": _penandatangan_skp(ident),
        "tempat_tanggal": _tempat_tanggal(
            skp.wilayah, (skp.disetujui_pada.date() if skp.disetujui_pada else None)
        ),
    }
    return render_pdf("laporan/pdf/skp.html", konteks, wilayah=skp.wilayah)


# --- Evaluation documents ----------------------------------------------------------------------


def pdf_evaluasi(evaluasi: EvaluasiPeriodik) -> bytes:
    ev = evaluasi_lengkap(evaluasi.pk)
    skp = skp_lengkap(ev.skp_id)
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
        "penandatangan": _penandatangan_skp(ident),
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
    et = evaluasi_tahunan_lengkap(tahunan.pk)
    skp = skp_lengkap(et.skp_id)
    ident = identitas_skp(skp)
    periodik = evaluasi_periodik_skp(skp)
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
        "penandatangan": _penandatangan_skp(ident),
        "tempat_tanggal": _tempat_tanggal(
            skp.wilayah, et.dinilai_pada.date() if et.dinilai_pada else None
        ),
    }
    return render_pdf("laporan/pdf/evaluasi.html", konteks, wilayah=skp.wilayah)


# --- Attendance of a unit for a month ----------------------------------------------------------


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
    kepala = kepala_wilayah(data["wilayah"])
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
