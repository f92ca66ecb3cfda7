"""The charts of the PDF reports: SVG geometry computed here and drawn by our own templates
(`laporan/pdf/_svg_*.html`), so there is no chart dependency. Pure functions of the numbers
they are given: no query, no model."""

from __future__ import annotations

from typing import Any

from asn_kinerja.formatting import angka

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
