"""Demo step of development (after pegawai.cuti.demo; registered in asn_kinerja.demo.LANGKAH):
per wilayah a catalogue of six programmes, the demo employee's IDP of this year approved with
progress, a colleague's IDP submitted and waiting for atasan_<w>, and programme requests in
every state (a completed one written into the training history).

Idempotent: natural keys (programme title + start, one IDP per employee and year, one active
request per programme and employee) and upsert, so a rerun adds nothing.
"""

from __future__ import annotations

import datetime as dt
import time

from asn_kinerja.demo import DemoContext, upsert
from organisasi.models import Kompetensi, Pengguna, Wilayah
from pegawai.models import Pegawai
from pegawai.selectors import bawahan_langsung, pejabat_penilai

from . import services
from .models import (
    JenisPengembangan as J,
)
from .models import (
    KegiatanPengembangan,
    PendaftaranProgram,
    ProgramPengembangan,
    RencanaPengembangan,
)

#: (title, jenis, JP, start offset in days from 1 January, days, quota, organiser, open)
KATALOG = [
    ("Pelatihan Analisis Kebijakan Publik", J.PELATIHAN, 24, 40, 4, 25, "BPSDM Provinsi", True),
    ("Coaching Kepemimpinan Pengawas", J.COACHING, 12, 100, 30, 10, "Biro Organisasi", True),
    ("Mentoring Penyusunan SKP", J.MENTORING, 8, 150, 14, 30, "BKD", True),
    ("Magang Pengelolaan Data Kepegawaian", J.MAGANG, 40, 200, 10, 5, "BKN Kantor Regional", True),
    ("E-learning Manajemen ASN", J.PELATIHAN, 16, 280, 60, 100, "LAN RI", True),
    ("Pelatihan Pelayanan Prima", J.PELATIHAN, 20, 330, 3, 2, "BPSDM Provinsi", False),
]


def _akun(username: str) -> Pegawai | None:
    return (
        Pegawai.objects.select_related("unit", "jabatan", "wilayah")
        .filter(pengguna__username=username)
        .first()
    )


def _pendaftaran(program, pegawai, status, **extra) -> PendaftaranProgram:
    d = PendaftaranProgram.objects.filter(program=program, pegawai=pegawai).order_by("-pk").first()
    if d is None:
        d = PendaftaranProgram.objects.create(
            program=program, pegawai=pegawai, status=status, **extra
        )
    return d


def seed(ctx: DemoContext) -> None:
    semua = ctx.data.get("wilayah") or {w.kode: w for w in Wilayah.objects.all()}
    kompetensi = list(Kompetensi.objects.order_by("pk")[:6])
    for kode, wilayah in sorted(semua.items()):
        t0 = time.monotonic()
        c = ctx.untuk(wilayah)
        tahun = c.hari_ini.year
        awal = dt.date(tahun, 1, 1)
        program = []
        for i, (judul, jenis, jp, mulai, lama, kuota, penyelenggara, buka) in enumerate(KATALOG):
            tgl = awal + dt.timedelta(days=mulai)
            p, _baru = upsert(
                ProgramPengembangan,
                {
                    "jenis": jenis, "jam_pelajaran": jp,
                    "tanggal_selesai": tgl + dt.timedelta(days=lama), "kuota": kuota,
                    "penyelenggara": penyelenggara, "terbuka": buka,
                    "kompetensi": kompetensi[i % len(kompetensi)] if kompetensi else None,
                    "deskripsi": f"{judul} untuk ASN {wilayah.nama}.",
                },
                wilayah=wilayah, judul=judul, tanggal_mulai=tgl,
            )  # fmt: skip
            program.append(p)
        hr = Pengguna.objects.filter(username=f"hr_{kode}").first()
        pegawai = _akun(f"pegawai_{kode}")
        atasan = _akun(f"atasan_{kode}")
        if pegawai is None or hr is None:
            continue
        penilai = pejabat_penilai(pegawai)
        # The demo employee's IDP: approved, with one activity done (from a finished programme).
        kesenjangan = [k.kompetensi_id for k in services.selectors.kesenjangan_kompetensi(pegawai)]
        r, baru = upsert(
            RencanaPengembangan,
            {"tujuan": "Menutup kesenjangan kompetensi jabatan dan memenuhi hak 20 JP.",
             "target_jp": 32},
            pegawai=pegawai, tahun=tahun,
        )  # fmt: skip
        if baru:
            for judul, jenis, jp, bulan, status in (
                (program[0].judul, J.PELATIHAN, 24, 2, KegiatanPengembangan.Status.RENCANA),
                (
                    "Coaching dengan atasan langsung",
                    J.COACHING,
                    8,
                    6,
                    KegiatanPengembangan.Status.SELESAI,
                ),
            ):
                KegiatanPengembangan.objects.create(
                    rencana=r, jenis=jenis, judul=judul, jp_rencana=jp, bulan_rencana=bulan,
                    status=status, kompetensi_id=kesenjangan[0] if kesenjangan else None,
                )  # fmt: skip
            RencanaPengembangan.objects.filter(pk=r.pk).update(
                status=RencanaPengembangan.Status.DISETUJUI, disetujui_oleh=penilai
            )
        # Requests: completed (in the training history), approved, waiting for HR, waiting
        # for the superior, refused and cancelled.
        selesai = _pendaftaran(program[0], pegawai, PendaftaranProgram.Status.DISETUJUI)
        if selesai.status == PendaftaranProgram.Status.DISETUJUI:
            services.pendaftaran_selesai(
                actor=hr, pendaftaran=selesai, jp_realisasi=program[0].jam_pelajaran
            )
        _pendaftaran(
            program[1], pegawai, PendaftaranProgram.Status.DIAJUKAN, alasan="Persiapan promosi."
        )
        _pendaftaran(program[2], pegawai, PendaftaranProgram.Status.DIBATALKAN)
        rekan = []
        if atasan is not None:
            rekan = list(
                bawahan_langsung(atasan)
                .exclude(pk=pegawai.pk)
                .select_related("unit")
                .order_by("pk")[:4]
            )
        for orang, prog, status, catatan in zip(
            rekan,
            (program[3], program[4], program[1], program[2]),
            (PendaftaranProgram.Status.DISETUJUI_ATASAN, PendaftaranProgram.Status.DISETUJUI,
             PendaftaranProgram.Status.DITOLAK, PendaftaranProgram.Status.DIAJUKAN),
            ("", "", "Beban kerja unit sedang tinggi; ajukan pada gelombang berikutnya.", ""),
            strict=False,
        ):  # fmt: skip
            _pendaftaran(prog, orang, status, catatan=catatan)
        # A colleague's IDP submitted, waiting for atasan_<w>.
        if rekan:
            r2, baru = upsert(
                RencanaPengembangan,
                {"tujuan": "Meningkatkan kompetensi teknis pengelolaan data.", "target_jp": 20},
                pegawai=rekan[0], tahun=tahun,
            )  # fmt: skip
            if baru:
                KegiatanPengembangan.objects.create(
                    rencana=r2,
                    jenis=J.MAGANG,
                    judul=program[3].judul,
                    jp_rencana=40,
                    bulan_rencana=7,
                )
                RencanaPengembangan.objects.filter(pk=r2.pk).update(
                    status=RencanaPengembangan.Status.DIAJUKAN
                )
        ctx.log(
            f"  pengembangan {kode}: {len(program)} program, IDP {pegawai.nama} disetujui, "
            f"{len(rekan)} rekan ({time.monotonic() - t0:.1f} dtk)"
        )
