"""Demo step of the TPP app (after kinerja.laporan.demo; the lead appends "kinerja.tpp.demo"
to asn_kinerja.demo.LANGKAH): per wilayah the default settings, the month before last
computed and locked by the wilayah's HR, and last month computed as draft, both from whatever
attendance, evaluations, sanctions and leave the lower steps created.

Idempotent: a month already computed is left alone (no second history row), so rerunning
seed_demo adds nothing.
"""

from __future__ import annotations

import time

from asn_kinerja.demo import DemoContext
from organisasi.models import GRUP_ADMIN_KEPEGAWAIAN, Pengguna, Wilayah

from . import services
from .models import BulanTPP


def _bulan_sebelum(tahun: int, bulan: int) -> tuple[int, int]:
    return (tahun, bulan - 1) if bulan > 1 else (tahun - 1, 12)


def seed(ctx: DemoContext) -> None:
    semua = ctx.data.get("wilayah") or {w.kode: w for w in Wilayah.objects.all()}
    lalu = _bulan_sebelum(ctx.hari_ini.year, ctx.hari_ini.month)
    dua_lalu = _bulan_sebelum(*lalu)
    for kode, wilayah in sorted(semua.items()):
        t0 = time.monotonic()
        services.pengaturan_untuk(wilayah)
        hr = (
            Pengguna.objects.filter(wilayah=wilayah, groups__name=GRUP_ADMIN_KEPEGAWAIAN)
            .order_by("pk")
            .first()
        )
        for (tahun, bulan), kunci in ((dua_lalu, True), (lalu, False)):
            b = services.bulan_buat(actor=None, wilayah=wilayah, tahun=tahun, bulan=bulan)
            if b.dihitung_pada is None:
                services.tpp_hitung(bulan=b, actor=hr)
                BulanTPP.objects.filter(pk=b.pk).update(
                    proses=BulanTPP.Proses.SELESAI, proses_persen=100,
                    proses_pesan="Perhitungan demo selesai.",
                )  # fmt: skip
                if kunci:
                    services.tpp_kunci(actor=hr, bulan=b)
        ctx.log(f"  tpp {kode}: {dua_lalu[1]:02d}/{dua_lalu[0]} terkunci, "
                f"{lalu[1]:02d}/{lalu[0]} draf ({time.monotonic() - t0:.1f} dtk)")  # fmt: skip
