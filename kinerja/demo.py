"""Demo data of the planning half of kinerja (first kinerja step; `kinerja.demo_evaluasi`
runs after it).

The demo fits whatever day it is seeded on (`ctx.hari_ini`, see `tahun_demo`): the year of
that day is seeded, and in January-February (the previous year's annual evaluation season)
the previous year too. Per wilayah and year: the year opened with monthly windows, the
perjanjian kinerja of the top units and the JPT units, then SKP from the top of each tree
down (so every RHK can intervene an approved RHK of the superior). A year already under way
(or the previous one): approved for the heads and most staff, a few in draf / diajukan /
dikembalikan. A year that has just begun (January-February): the heads' and the demo
accounts' SKP approved, the other staff still drafting (drafts, some submitted to their
head, a few returned). The demo accounts `atasan_<w>` and `pegawai_<w>` get approved SKP
(the employee's RHK intervene the atasan's). Daily logs of the last three weeks, feedback
notes and a few notifications.

Idempotent: natural keys (an SKP per employee and year, an RHK per SKP and order, ...);
the children of an SKP are written only when the SKP itself is new, in bulk (with their
history rows), so a rerun only reads, and a rerun on a later day adds only what that day
brings (a new year) and never changes a row a user may have changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from asn_kinerja.demo import DemoContext, upsert
from asn_kinerja.models import Notifikasi, TransisiStatus
from kinerja.models import (
    SKP,
    EkspektasiPerilaku,
    IndikatorKinerja,
    LogHarian,
    PeriodeKinerja,
    PeriodePenilaian,
    RencanaHasilKerja,
    TargetUnit,
    UmpanBalik,
)
from kinerja.services.skp import rhk_dari_perjanjian_kinerja
from organisasi.demo import kode_unit_demo
from organisasi.models import UnitKerja
from pegawai.models import Pegawai
from pegawai.selectors import pejabat_penilai

#: At most this many staff (non-heads) per unit get an SKP: with `seed_demo --pegawai N`
#: the generated mass stays without SKP (they show up in "who has no SKP yet").
STAF_PER_UNIT = 8

TARGET = [
    ("penerima_layanan", "Meningkatnya kualitas pelayanan publik {unit}",
     "Indeks kepuasan masyarakat", "85 (skala 100)"),
    ("proses_bisnis", "Meningkatnya akuntabilitas kinerja {unit}",
     "Nilai SAKIP", "BB (80)"),
    ("penguatan_internal", "Meningkatnya kompetensi aparatur {unit}",
     "Persentase pegawai memenuhi 20 JP pelatihan", "90%"),
    ("anggaran", "Meningkatnya kualitas pengelolaan anggaran {unit}",
     "Persentase realisasi anggaran", "95%"),
]  # fmt: skip

RHK_STAF = [
    "Tersusunnya laporan {topik} yang akurat dan tepat waktu",
    "Terlaksananya layanan {topik} sesuai standar pelayanan",
    "Tersedianya data {topik} yang mutakhir",
    "Terselenggaranya koordinasi {topik} lintas bidang",
]
TOPIK = ["kepegawaian", "keuangan", "pelayanan", "perencanaan", "administrasi umum", "program"]
INDIKATOR = [
    ("kuantitas", "Jumlah dokumen {x} yang diselesaikan", 12, "dokumen"),
    ("kualitas", "Persentase {x} tanpa revisi", 90, "%"),
    ("waktu", "Rata-rata waktu penyelesaian {x}", 3, "hari"),
]
EKSPEKTASI = {
    "berorientasi_pelayanan": "Melayani pemohon dengan ramah, cepat dan tuntas.",
    "akuntabel": "Menyelesaikan tugas dengan jujur, tepat waktu dan dapat dipertanggungjawabkan.",
    "kompeten": "Mengikuti minimal 20 JP pengembangan kompetensi tahun ini.",
    "harmonis": "Menghargai rekan kerja dan menjaga suasana kerja yang kondusif.",
    "loyal": "Menjaga nama baik instansi dan kerahasiaan data.",
    "adaptif": "Terbuka terhadap perubahan proses kerja digital.",
    "kolaboratif": "Aktif berbagi informasi dan membantu unit lain.",
}
KEGIATAN = [
    ("Menyusun draf {topik}", "Draf dokumen", 1, "dokumen"),
    ("Memverifikasi berkas {topik}", "Berkas terverifikasi", 8, "berkas"),
    ("Menghadiri rapat koordinasi {topik}", "Notulen rapat", 1, "notulen"),
    ("Melayani permohonan {topik}", "Permohonan selesai", 5, "permohonan"),
    ("Memutakhirkan data {topik}", "Data mutakhir", 20, "data"),
]


#: Until the end of this month of a year, the previous year is seeded too: its annual
#: evaluation, objections and recap are still being worked on (DOMAIN.md section 2).
BULAN_AKHIR_MUSIM_TAHUNAN = 2


def tahun_demo(hari_ini: dt.date) -> list[int]:
    """The performance years the demo seeds on `hari_ini`, oldest first."""
    if hari_ini.month <= BULAN_AKHIR_MUSIM_TAHUNAN:
        return [hari_ini.year - 1, hari_ini.year]
    return [hari_ini.year]


def awal_tahun(tahun: int, hari_ini: dt.date) -> bool:
    """True while `tahun` has just begun on `hari_ini`: its SKP are still being drafted."""
    return tahun == hari_ini.year and hari_ini.month <= BULAN_AKHIR_MUSIM_TAHUNAN


def seed(ctx: DemoContext) -> None:
    tahun = ctx.hari_ini.year
    for kode, wilayah in ctx.data["wilayah"].items():
        ctx_w = ctx.untuk(wilayah)
        # Reloaded: the objects in ctx.data may predate the link to their user account.
        akun_ids = {u: p.pk for u, p in ctx.data.get("akun", {}).items()}
        segar = Pegawai.objects.select_related("pengguna").in_bulk(akun_ids.values())
        akun = {u: segar[i] for u, i in akun_ids.items() if segar[i].wilayah_id == wilayah.pk}
        for th in tahun_demo(ctx_w.hari_ini):
            rng = ctx.rng_for(f"kinerja-skp:{kode}:{th}")
            periode = _periode(wilayah, th)
            skp_baru = _skp(ctx_w, wilayah, periode, rng, akun)
            ctx.log(f"  kinerja {kode} {th}: {skp_baru} SKP baru")
        _log_harian(ctx_w, wilayah, periode, ctx.rng_for(f"kinerja-log:{kode}"), akun)
        _umpan_balik(wilayah, akun)
    ctx.data["periode_kinerja"] = {
        p.wilayah.kode: p
        for p in PeriodeKinerja.objects.filter(tahun=tahun).select_related("wilayah")
    }


def _periode(wilayah: Any, tahun: int) -> PeriodeKinerja:
    periode, _c = upsert(
        PeriodeKinerja,
        {"granularitas": "bulanan", "batas_hari_keberatan": wilayah.hari_keberatan},
        wilayah=wilayah,
        tahun=tahun,
    )
    PeriodePenilaian.objects.bulk_create(periode.susun_periode_penilaian(), ignore_conflicts=True)
    return periode


def _pegawai_urut(wilayah: Any) -> list[Pegawai]:
    """Heads first within a depth, parents before children: every pejabat penilai's SKP is
    built before their subordinates'. Only the hand-written demo units: the employees of
    `seed_demo --pegawai N` get their year set-based from bench/seed_bench.py."""
    semua = list(
        Pegawai.objects.filter(
            wilayah=wilayah, status_aktif="aktif", unit__kode__in=kode_unit_demo()
        )
        .select_related("jabatan", "unit", "pengguna")
        .order_by("pk")
    )
    per_unit: dict[int, int] = {}
    dipilih = []
    for p in semua:
        if p.jabatan_id and p.jabatan.is_kepala:
            dipilih.append(p)
            continue
        per_unit[p.unit_id] = per_unit.get(p.unit_id, 0) + 1
        if per_unit[p.unit_id] <= STAF_PER_UNIT or p.pengguna_id:
            dipilih.append(p)
    return sorted(
        dipilih,
        key=lambda p: (p.unit.depth, not (p.jabatan_id and p.jabatan.is_kepala), p.pk),
    )


def _status_untuk(p: Pegawai, rng: Any, akun_ids: set[int], *, awal: bool = False) -> str:
    if p.pk in akun_ids or (p.jabatan_id and p.jabatan.is_kepala):
        return SKP.Status.DISETUJUI
    r = rng.random()
    if awal:  # the year has just begun: staff are still drafting and submitting
        if r < 0.55:
            return SKP.Status.DRAF
        if r < 0.9:
            return SKP.Status.DIAJUKAN
        return SKP.Status.DIKEMBALIKAN
    if r < 0.78:
        return SKP.Status.DISETUJUI
    if r < 0.86:
        return SKP.Status.DIAJUKAN
    if r < 0.93:
        return SKP.Status.DRAF
    return SKP.Status.DIKEMBALIKAN


def _targets(periode: PeriodeKinerja, unit: UnitKerja) -> list[TargetUnit]:
    hasil = []
    for i, (persp, sasaran, indikator, target) in enumerate(TARGET, start=1):
        t, _c = upsert(
            TargetUnit,
            {
                "sasaran": sasaran.format(unit=unit.nama),
                "indikator": indikator,
                "target": target,
                "perspektif": persp,
            },
            periode_kinerja=periode,
            unit=unit,
            urutan=i,
        )
        hasil.append(t)
    return hasil


def _skp(ctx: DemoContext, wilayah: Any, periode: PeriodeKinerja, rng: Any, akun: dict) -> int:
    pegawai = _pegawai_urut(wilayah)
    akun_ids = {p.pk for p in akun.values()}
    skp_per_pegawai = {
        s.pegawai_id: s for s in SKP.objects.filter(periode_kinerja=periode).select_related()
    }
    rhk_per_skp: dict[int, list[RencanaHasilKerja]] = {}
    for r in RencanaHasilKerja.objects.filter(skp__periode_kinerja=periode).order_by("urutan"):
        rhk_per_skp.setdefault(r.skp_id, []).append(r)
    ct = ContentType.objects.get_for_model(SKP)
    hr = (
        next((p.pengguna for u, p in akun.items() if u.startswith("hr_") and p.pengguna), None)
        if akun
        else None
    )
    # Approved on 20 January, or at the start of the seeding day when that is earlier.
    disetujui_pada = min(
        timezone.make_aware(dt.datetime(periode.tahun, 1, 20, 9, 0)),
        timezone.make_aware(dt.datetime.combine(ctx.hari_ini, dt.time(0, 5))),
    )
    awal = awal_tahun(periode.tahun, ctx.hari_ini)
    baru = 0
    for p in pegawai:
        if p.pk in skp_per_pegawai:
            continue
        penilai = pejabat_penilai(p)
        jpt = rhk_dari_perjanjian_kinerja(p, penilai)
        skp_penilai = skp_per_pegawai.get(penilai.pk) if penilai else None
        status = _status_untuk(p, rng, akun_ids, awal=awal)
        rhk_induk = rhk_per_skp.get(skp_penilai.pk, []) if skp_penilai else []
        if not jpt and (skp_penilai is None or not skp_penilai.is_terkunci or not rhk_induk):
            status = SKP.Status.DRAF
        skp = SKP(
            pegawai=p, periode_kinerja=periode, wilayah=wilayah, status=status,
            pejabat_penilai=penilai,
            atasan_pejabat_penilai=pejabat_penilai(penilai) if penilai else None,
            is_jpt=jpt, pendekatan="kuantitatif",
            dukungan_sumber_daya="Anggaran DPA tahun berjalan, sarana kerja dan aplikasi SIMPEG.",
            skema_pertanggungjawaban="Laporan bulanan kepada pejabat penilai dan evaluasi periodik.",
            konsekuensi="Capaian kinerja menjadi dasar pemberian TPP dan pengembangan karier.",
        )  # fmt: skip
        if skp.is_terkunci:
            skp.disetujui_pada = disetujui_pada
            skp.snapshot = skp.buat_snapshot()
        skp.save()
        baru += 1
        skp_per_pegawai[p.pk] = skp
        # RHK
        if jpt:
            sumber = [(t.sasaran, None, t, t.perspektif) for t in _targets(periode, p.unit)][:3]
        else:
            topik = rng.choice(TOPIK)
            n = 2 if rng.random() < 0.6 else 3
            sumber = [
                (
                    RHK_STAF[(i + p.pk) % len(RHK_STAF)].format(topik=topik),
                    rhk_induk[i % len(rhk_induk)] if rhk_induk else None,
                    None,
                    "",
                )
                for i in range(n)
            ]
        rhk_objs = [
            RencanaHasilKerja(
                skp=skp,
                urutan=i,
                teks=teks,
                rhk_atasan=induk,
                target_unit=target,
                perspektif=persp,
                jenis="utama" if i < len(sumber) or i == 1 else "tambahan",
            )  # fmt: skip
            for i, (teks, induk, target, persp) in enumerate(sumber, start=1)
        ]
        if len(rhk_objs) == 3:
            rhk_objs[-1].jenis = "tambahan"
        rhk_objs = bulk_create_with_history(rhk_objs, RencanaHasilKerja)
        rhk_objs = list(RencanaHasilKerja.objects.filter(skp=skp).order_by("urutan"))
        rhk_per_skp[skp.pk] = rhk_objs
        ind = []
        for r in rhk_objs:
            x = r.teks.split(" ", 2)[-1][:40].lower()
            for j, (aspek, teks, nilai, satuan) in enumerate(INDIKATOR[: 1 + (r.urutan % 2)], 1):
                ind.append(
                    IndikatorKinerja(
                        rhk=r,
                        urutan=j,
                        aspek=aspek,
                        teks=teks.format(x=x),
                        target_nilai=nilai,
                        target_satuan=satuan,
                    )  # fmt: skip
                )
        bulk_create_with_history(ind, IndikatorKinerja)
        terisi = status not in (SKP.Status.DRAF,)
        bulk_create_with_history(
            [
                EkspektasiPerilaku(skp=skp, perilaku=k, ekspektasi=v if terisi else "")
                for k, v in EKSPEKTASI.items()
            ],
            EkspektasiPerilaku,
        )
        # The transition log of how the SKP got to its status.
        oleh_pegawai = p.pengguna
        oleh_penilai = penilai.pengguna if penilai and penilai.pengguna_id else hr
        jalan = [("", "draf", oleh_pegawai, "")]
        if status != SKP.Status.DRAF:
            jalan.append(("draf", "diajukan", oleh_pegawai, ""))
        if status == SKP.Status.DISETUJUI:
            jalan.append(("diajukan", "disetujui", oleh_penilai, ""))
        if status == SKP.Status.DIKEMBALIKAN:
            jalan.append(
                ("diajukan", "dikembalikan", oleh_penilai,
                 "Indikator RHK kedua belum terukur; tambahkan target waktu."),
            )  # fmt: skip
        TransisiStatus.objects.bulk_create(
            [
                TransisiStatus(content_type=ct, object_id=skp.pk, wilayah=wilayah, dari=d, ke=k,
                               oleh=o, catatan=c)
                for d, k, o, c in jalan
            ]
        )  # fmt: skip
    return baru


def _hari_kerja(hari_ini: dt.date, n: int) -> list[dt.date]:
    hasil, d = [], hari_ini
    while len(hasil) < n:
        if d.weekday() < 5 and d.year == hari_ini.year:
            hasil.append(d)
        d -= dt.timedelta(days=1)
        if d.year < hari_ini.year:
            break
    return hasil


def _log_harian(
    ctx: DemoContext, wilayah: Any, periode: PeriodeKinerja, rng: Any, akun: dict
) -> None:
    """Daily logs of the last 15 working days for the demo employee and about a third of
    the staff with an approved SKP: older ones verified, this week's waiting, one returned."""
    ada = set(LogHarian.objects.filter(wilayah=wilayah).values_list("pegawai_id", "tanggal"))
    skps = list(
        SKP.objects.filter(periode_kinerja=periode, status__in=["disetujui", "revisi_diajukan"])
        .select_related("pegawai", "pejabat_penilai")
        .order_by("pk")
    )
    akun_ids = {p.pk for u, p in akun.items() if u.startswith("pegawai_")}
    rhk: dict[int, list[RencanaHasilKerja]] = {}
    for r in RencanaHasilKerja.objects.filter(skp__in=skps).order_by("urutan"):
        rhk.setdefault(r.skp_id, []).append(r)
    hari = _hari_kerja(ctx.hari_ini, 15)
    baru = []
    verif_pada = timezone.make_aware(dt.datetime.combine(ctx.hari_ini, dt.time(9)))
    for i, skp in enumerate(skps):
        if skp.pegawai_id not in akun_ids and (i % 3 != 0 or skp.pegawai.jabatan_id is None):
            continue
        if not skp.pejabat_penilai_id:
            continue
        for j, tgl in enumerate(hari):
            if (skp.pegawai_id, tgl) in ada:
                continue
            keg, out, vol, sat = KEGIATAN[(j + skp.pk) % len(KEGIATAN)]
            r = rhk.get(skp.pk, [None])[j % max(1, len(rhk.get(skp.pk, [])))]
            status = "diverifikasi" if j >= 4 else "diajukan"
            if j == 2:
                status = "dikembalikan"
            baru.append(
                LogHarian(
                    pegawai=skp.pegawai,
                    wilayah=wilayah,
                    tanggal=tgl,
                    kegiatan=keg.format(topik=(r.teks.split(" ")[-1] if r else "umum")),
                    output=out,
                    volume=vol,
                    satuan=sat,
                    rhk=r,
                    status=status,
                    catatan_atasan="Lengkapi volume dan output."
                    if status == "dikembalikan"
                    else "",
                    diverifikasi_oleh=skp.pejabat_penilai if status != "diajukan" else None,
                    diverifikasi_pada=verif_pada if status != "diajukan" else None,
                )  # fmt: skip
            )
    LogHarian.objects.bulk_create(baru, batch_size=1000)


def _umpan_balik(wilayah: Any, akun: dict) -> None:
    pasangan = []
    for u, p in akun.items():
        if not u.startswith("pegawai_"):
            continue
        atasan = pejabat_penilai(p)
        if atasan is None:
            continue
        skp = (
            SKP.objects.filter(pegawai=p, wilayah=wilayah)
            .order_by("-periode_kinerja__tahun")
            .first()
        )
        pasangan += [
            (atasan, p, skp, "dialog_kinerja",
             "Dialog kinerja awal tahun: RHK Anda sudah selaras dengan RHK bidang. Fokus pada ketepatan waktu laporan."),
            (atasan, p, skp, "umpan_balik",
             "Laporan bulan lalu rapi dan tepat waktu. Pertahankan, dan lengkapi bukti dukung di setiap kegiatan."),
            (p, atasan, skp, "umpan_balik",
             "Terima kasih, Pak/Bu. Saya mohon arahan terkait format laporan triwulan."),
        ]  # fmt: skip
    for dari, kepada, skp, jenis, teks in pasangan:
        upsert(UmpanBalik, {"skp": skp, "jenis": jenis, "wilayah": wilayah}, dari=dari,
               kepada=kepada, teks=teks)  # fmt: skip
        if kepada.pengguna_id:
            upsert(
                Notifikasi,
                {"wilayah": wilayah, "pesan": teks[:200],
                 "tautan": skp.get_absolute_url() if skp else ""},
                penerima_id=kepada.pengguna_id,
                judul=f"{UmpanBalik.Jenis(jenis).label} dari {dari.nama}",
            )  # fmt: skip
