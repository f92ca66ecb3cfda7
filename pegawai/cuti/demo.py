"""Demo data of leave and attendance: the 2025-2026 national holidays and cuti bersama in
every wilayah, leave requests in every state (the demo accounts included), and three months
of attendance for the demo employees with some lateness and absence. Idempotent: upsert on
natural keys and bulk_create(ignore_conflicts) on the unique (pegawai, tanggal)."""

from __future__ import annotations

import datetime as dt
import random
import time
import zoneinfo

from django.contrib.contenttypes.models import ContentType

from asn_kinerja.demo import DemoContext, upsert
from asn_kinerja.models import TransisiStatus
from organisasi.models import Pengguna, Wilayah
from pegawai.choices import StatusKehadiran
from pegawai.models import (
    Cuti,
    HariLibur,
    ImporKehadiran,
    Kehadiran,
    Pegawai,
)
from pegawai.selectors import pejabat_penilai

from .selectors import hari_kerja
from .services.impor_kehadiran import kehadiran_impor
from .services.kehadiran import hitung_keterlambatan, status_dari_jam

D = dt.date
N, CB = HariLibur.Jenis.NASIONAL, HariLibur.Jenis.CUTI_BERSAMA

#: Hari libur nasional dan cuti bersama (SKB Menteri Agama, Menteri Ketenagakerjaan dan
#: Menteri PANRB) 2025 dan 2026.
LIBUR = [
    (D(2025, 1, 1), "Tahun Baru 2025 Masehi", N),
    (D(2025, 1, 27), "Isra Mikraj Nabi Muhammad SAW", N),
    (D(2025, 1, 28), "Cuti bersama Tahun Baru Imlek", CB),
    (D(2025, 1, 29), "Tahun Baru Imlek 2576 Kongzili", N),
    (D(2025, 3, 28), "Cuti bersama Hari Suci Nyepi", CB),
    (D(2025, 3, 29), "Hari Suci Nyepi Tahun Baru Saka 1947", N),
    (D(2025, 3, 31), "Idul Fitri 1446 H", N),
    (D(2025, 4, 1), "Idul Fitri 1446 H", N),
    (D(2025, 4, 2), "Cuti bersama Idul Fitri", CB),
    (D(2025, 4, 3), "Cuti bersama Idul Fitri", CB),
    (D(2025, 4, 4), "Cuti bersama Idul Fitri", CB),
    (D(2025, 4, 7), "Cuti bersama Idul Fitri", CB),
    (D(2025, 4, 18), "Wafat Yesus Kristus", N),
    (D(2025, 4, 20), "Kebangkitan Yesus Kristus (Paskah)", N),
    (D(2025, 5, 1), "Hari Buruh Internasional", N),
    (D(2025, 5, 12), "Hari Raya Waisak 2569 BE", N),
    (D(2025, 5, 13), "Cuti bersama Hari Raya Waisak", CB),
    (D(2025, 5, 29), "Kenaikan Yesus Kristus", N),
    (D(2025, 5, 30), "Cuti bersama Kenaikan Yesus Kristus", CB),
    (D(2025, 6, 1), "Hari Lahir Pancasila", N),
    (D(2025, 6, 6), "Idul Adha 1446 H", N),
    (D(2025, 6, 9), "Cuti bersama Idul Adha", CB),
    (D(2025, 6, 27), "Tahun Baru Islam 1447 H", N),
    (D(2025, 8, 17), "Hari Kemerdekaan Republik Indonesia", N),
    (D(2025, 8, 18), "Cuti bersama Hari Kemerdekaan", CB),
    (D(2025, 9, 5), "Maulid Nabi Muhammad SAW", N),
    (D(2025, 12, 25), "Hari Raya Natal", N),
    (D(2025, 12, 26), "Cuti bersama Hari Raya Natal", CB),
    (D(2026, 1, 1), "Tahun Baru 2026 Masehi", N),
    (D(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW", N),
    (D(2026, 2, 16), "Cuti bersama Tahun Baru Imlek", CB),
    (D(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili", N),
    (D(2026, 3, 18), "Cuti bersama Hari Suci Nyepi", CB),
    (D(2026, 3, 19), "Hari Suci Nyepi Tahun Baru Saka 1948", N),
    (D(2026, 3, 20), "Cuti bersama Idul Fitri", CB),
    (D(2026, 3, 21), "Idul Fitri 1447 H", N),
    (D(2026, 3, 22), "Idul Fitri 1447 H", N),
    (D(2026, 3, 23), "Cuti bersama Idul Fitri", CB),
    (D(2026, 3, 24), "Cuti bersama Idul Fitri", CB),
    (D(2026, 4, 3), "Wafat Yesus Kristus", N),
    (D(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)", N),
    (D(2026, 5, 1), "Hari Buruh Internasional", N),
    (D(2026, 5, 14), "Kenaikan Yesus Kristus", N),
    (D(2026, 5, 15), "Cuti bersama Kenaikan Yesus Kristus", CB),
    (D(2026, 5, 27), "Idul Adha 1447 H", N),
    (D(2026, 5, 28), "Cuti bersama Idul Adha", CB),
    (D(2026, 5, 31), "Hari Raya Waisak 2570 BE", N),
    (D(2026, 6, 1), "Hari Lahir Pancasila", N),
    (D(2026, 6, 16), "Tahun Baru Islam 1448 H", N),
    (D(2026, 8, 17), "Hari Kemerdekaan Republik Indonesia", N),
    (D(2026, 8, 25), "Maulid Nabi Muhammad SAW", N),
    (D(2026, 12, 24), "Cuti bersama Hari Raya Natal", CB),
    (D(2026, 12, 25), "Hari Raya Natal", N),
]

#: Years whose complete SKB list is above.
TAHUN_LIBUR_LENGKAP = {tgl.year for tgl, _n, _j in LIBUR}


def _paskah(tahun: int) -> dt.date:
    """Easter Sunday (Gregorian calendar; the anonymous algorithm of Meeus/Jones/Butcher)."""
    a, b, c = tahun % 19, tahun // 100, tahun % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    bulan, hari = divmod(h + ll - 7 * m + 114, 31)
    return D(tahun, bulan, hari + 1)


def libur_tanggal_tetap(tahun: int) -> list[tuple[dt.date, str, str]]:
    """The national holidays of a year that the calendar fixes (fixed dates and the
    Easter-based ones). The lunar ones (Idul Fitri, Idul Adha, Imlek, Nyepi, Waisak, ...)
    and cuti bersama come from that year's SKB, which HR enters on the holidays page: they
    are not guessed here."""
    paskah = _paskah(tahun)
    return [
        (D(tahun, 1, 1), f"Tahun Baru {tahun} Masehi", N),
        (paskah - dt.timedelta(days=2), "Wafat Yesus Kristus", N),
        (paskah, "Kebangkitan Yesus Kristus (Paskah)", N),
        (D(tahun, 5, 1), "Hari Buruh Internasional", N),
        (paskah + dt.timedelta(days=39), "Kenaikan Yesus Kristus", N),
        (D(tahun, 6, 1), "Hari Lahir Pancasila", N),
        (D(tahun, 8, 17), "Hari Kemerdekaan Republik Indonesia", N),
        (D(tahun, 12, 25), "Hari Raya Natal", N),
    ]


def libur_demo(hari_ini: dt.date) -> list[tuple[dt.date, str, str]]:
    """The SKB list, plus the calendar-fixed holidays of last, this and next year where the
    list has no year (so a demo seeded in 2027 or 2028 still knows 1 January and 17 August)."""
    hasil = list(LIBUR)
    for tahun in (hari_ini.year - 1, hari_ini.year, hari_ini.year + 1):
        if tahun not in TAHUN_LIBUR_LENGKAP:
            hasil += libur_tanggal_tetap(tahun)
    return hasil


#: Employees per wilayah that get attendance rows (the demo staff; --pegawai bulk data is
#: left out so that `seed_demo --pegawai 100000` stays fast).
MAKS_PEGAWAI_KEHADIRAN = 250
HARI_KEHADIRAN = 92


def seed(ctx: DemoContext) -> None:
    t0 = time.monotonic()
    # Fresh from the database: a just-created Wilayah still holds its string defaults.
    kode = list(ctx.data.get("wilayah") or [])
    wilayah = {w.kode: w for w in Wilayah.objects.filter(**({"kode__in": kode} if kode else {}))}
    libur = libur_demo(ctx.hari_ini)
    _libur(wilayah, libur)
    n_cuti = _cuti(ctx, wilayah)
    n_hadir = _kehadiran(ctx, wilayah)
    _impor(ctx, wilayah)
    ctx.log(
        f"  cuti: {len(libur)} hari libur x {len(wilayah)} wilayah, {n_cuti} pengajuan cuti, "
        f"{n_hadir} baris kehadiran baru ({time.monotonic() - t0:.1f} dtk)"
    )


def _libur(wilayah: dict[str, Wilayah], libur: list[tuple[dt.date, str, str]]) -> None:
    rows = [
        HariLibur(wilayah=w, tanggal=tgl, nama=nama, jenis=jenis)
        for w in wilayah.values()
        for tgl, nama, jenis in libur
    ]
    HariLibur.objects.bulk_create(rows, ignore_conflicts=True)


def _akun(ctx: DemoContext, username: str) -> Pegawai | None:
    akun = ctx.data.get("akun") or {}
    if username in akun:
        return akun[username]
    return Pegawai.objects.filter(pengguna__username=username).first()


def _cuti(ctx: DemoContext, wilayah: dict[str, Wilayah]) -> int:
    """Per wilayah: the demo employee has an approved annual leave last month, a pending one
    next month, and a recommended one; colleagues have refused, cancelled and sick leave.
    Dated around the day of the FIRST seeding: a wilayah whose demo employee already has
    leave is left as it is (a rerun on a later day neither moves nor adds requests)."""
    hr = {u.wilayah_id: u for u in Pengguna.objects.filter(username__startswith="hr_")}
    jumlah = 0
    for kode, w in wilayah.items():
        hari_ini = ctx.untuk(w).hari_ini
        pegawai = _akun(ctx, f"pegawai_{kode}")
        if pegawai is None or Cuti.objects.filter(pegawai=pegawai).exists():
            continue
        rekan = list(
            Pegawai.objects.filter(unit=pegawai.unit, pengguna__isnull=True)
            .exclude(pk=pegawai.pk)
            .order_by("nip")[:3]
        )
        senin = hari_ini - dt.timedelta(days=hari_ini.weekday())
        rencana = [
            (pegawai, Cuti.Jenis.TAHUNAN, senin - dt.timedelta(days=35), 3,
             Cuti.Status.DISETUJUI, "Keperluan keluarga di kampung halaman"),
            (pegawai, Cuti.Jenis.TAHUNAN, senin + dt.timedelta(days=21), 2,
             Cuti.Status.DIAJUKAN, "Menghadiri pernikahan saudara"),
            (pegawai, Cuti.Jenis.ALASAN_PENTING, senin + dt.timedelta(days=42), 1,
             Cuti.Status.DIREKOMENDASIKAN, "Mengurus keperluan keluarga"),
        ]  # fmt: skip
        if rekan:
            rencana.append((rekan[0], Cuti.Jenis.TAHUNAN, senin - dt.timedelta(days=14), 2,
                            Cuti.Status.DITOLAK, "Liburan keluarga"))  # fmt: skip
            rencana.append((rekan[0], Cuti.Jenis.SAKIT, senin - dt.timedelta(days=24), 0,
                            Cuti.Status.DISETUJUI, "Demam"))  # fmt: skip
        if len(rekan) > 1:
            rencana.append((rekan[1], Cuti.Jenis.TAHUNAN, senin + dt.timedelta(days=7), 4,
                            Cuti.Status.DIREKOMENDASIKAN, "Umrah"))  # fmt: skip
            rencana.append((rekan[1], Cuti.Jenis.TAHUNAN, senin + dt.timedelta(days=28), 1,
                            Cuti.Status.DIBATALKAN, "Acara keluarga"))  # fmt: skip
        for p, jenis, mulai, tambah, status, alasan in rencana:
            selesai = mulai + dt.timedelta(days=tambah)
            jumlah += _satu_cuti(p, w, jenis, mulai, selesai, status, alasan, hr.get(w.pk))
    return jumlah


def _satu_cuti(p, w, jenis, mulai, selesai, status, alasan, hr_user) -> int:
    atasan = pejabat_penilai(p)
    hari = len(hari_kerja(w, mulai, selesai))
    tz = zoneinfo.ZoneInfo(w.zona_waktu)
    diajukan_pada = dt.datetime.combine(mulai - dt.timedelta(days=10), dt.time(9, 0), tzinfo=tz)
    direkomendasi = status in (
        Cuti.Status.DIREKOMENDASIKAN,
        Cuti.Status.DISETUJUI,
        Cuti.Status.DITOLAK,
    )
    diputus = status in (Cuti.Status.DISETUJUI, Cuti.Status.DITOLAK)
    cuti, _c = upsert(
        Cuti,
        {
            "tanggal_selesai": selesai,
            "jumlah_hari_kerja": hari,
            "alasan": alasan,
            "status": status,
            "atasan": atasan,
            "catatan_atasan": "Pekerjaan sudah diserahterimakan." if direkomendasi else "",
            "direkomendasikan_pada": diajukan_pada + dt.timedelta(days=1)
            if direkomendasi
            else None,
            "diputuskan_oleh": hr_user if diputus else None,
            "diputuskan_pada": diajukan_pada + dt.timedelta(days=2) if diputus else None,
            "catatan_keputusan": "Bertepatan dengan jadwal pelayanan padat."
            if status == Cuti.Status.DITOLAK
            else "",
        },
        pegawai=p,
        jenis=jenis,
        tanggal_mulai=mulai,
    )
    if status == Cuti.Status.DISETUJUI and not cuti.nomor_surat:
        nomor = f"800.1.11.4/{cuti.pk:05d}/{w.kode.upper()[:3]}/{mulai.year}"
        upsert(Cuti, {"nomor_surat": nomor}, pk=cuti.pk)
    langkah = [("", Cuti.Status.DIAJUKAN, p.pengguna, alasan)]
    if direkomendasi:
        langkah.append((Cuti.Status.DIAJUKAN, Cuti.Status.DIREKOMENDASIKAN,
                        atasan.pengguna if atasan else None, "Pekerjaan sudah diserahterimakan."))  # fmt: skip
    if status == Cuti.Status.DITOLAK:
        langkah.append((Cuti.Status.DIREKOMENDASIKAN, Cuti.Status.DITOLAK, hr_user,
                        "Bertepatan dengan jadwal pelayanan padat."))  # fmt: skip
    if status == Cuti.Status.DISETUJUI:
        langkah.append((Cuti.Status.DIREKOMENDASIKAN, Cuti.Status.DISETUJUI, hr_user, ""))
    if status == Cuti.Status.DIBATALKAN:
        langkah.append((Cuti.Status.DIAJUKAN, Cuti.Status.DIBATALKAN, p.pengguna, ""))
    # The transition log (as the workflow engine writes it), once: a rerun adds nothing.
    ct = ContentType.objects.get_for_model(Cuti)
    log = TransisiStatus.objects.filter(content_type=ct, object_id=cuti.pk)
    if not log.exists():
        baris = TransisiStatus.objects.bulk_create(
            [
                TransisiStatus(content_type=ct, object_id=cuti.pk, wilayah=w, dari=dari, ke=ke,
                               oleh=oleh, catatan=catatan)
                for dari, ke, oleh, catatan in langkah
            ]
        )  # fmt: skip
        for i, t in enumerate(baris):  # created_at is auto_now_add: dated by an UPDATE
            pada = diajukan_pada + dt.timedelta(days=i)
            TransisiStatus.objects.filter(pk=t.pk).update(created_at=pada, updated_at=pada)
    return 1


def _impor(ctx: DemoContext, wilayah: dict[str, Wilayah]) -> None:
    """One fingerprint-machine import per wilayah (the last working day of the demo staff's
    accounts, plus an unknown NIP), through the real service. Skipped when that file was
    already imported, so a rerun adds no import row."""
    import hashlib

    for kode, w in wilayah.items():
        hr = Pengguna.objects.filter(username=f"hr_{kode}").first()
        orang = [p for p in (_akun(ctx, f"pegawai_{kode}"), _akun(ctx, f"atasan_{kode}")) if p]
        if hr is None or not orang:
            continue
        hari_ini = ctx.untuk(w).hari_ini
        hari = hari_kerja(w, hari_ini - dt.timedelta(days=7), hari_ini - dt.timedelta(days=1))
        if not hari:
            continue
        d = hari[-1]
        baris = ["NIP,Waktu"]
        for i, p in enumerate(orang):
            baris += [f"{p.nip},{d} 07:{18 + 21 * i:02d}:12", f"{p.nip},{d} 16:{5 + 9 * i:02d}:40"]
        baris.append(f"199912312024121001,{d} 07:02:00")
        data = ("\n".join(baris) + "\n").encode()
        if ImporKehadiran.objects.filter(
            wilayah=w, sha256=hashlib.sha256(data).hexdigest()
        ).exists():
            continue
        kehadiran_impor(actor=hr, wilayah=w, data=data, nama_file=f"mesin-{kode}-{d:%Y%m%d}.csv")


def _kehadiran(ctx: DemoContext, wilayah: dict[str, Wilayah]) -> int:
    """Three months of working days for the demo staff: mostly on time, some late, a few
    excused or unexcused days; approved leave days are `cuti`. One employee per wilayah has
    enough unexcused days to appear on the discipline list."""
    total = 0
    for kode, w in wilayah.items():
        hari_ini = ctx.untuk(w).hari_ini
        mulai = hari_ini - dt.timedelta(days=HARI_KEHADIRAN)
        akhir = hari_ini - dt.timedelta(days=1)
        tz = zoneinfo.ZoneInfo(w.zona_waktu)
        hari = hari_kerja(w, mulai, akhir)
        pegawai = list(
            Pegawai.objects.filter(wilayah=w, status_aktif="aktif")
            .order_by("pk")
            .values_list("pk", "pengguna__username")[:MAKS_PEGAWAI_KEHADIRAN]
        )
        cuti_hari: set[tuple[int, dt.date]] = set()
        for pid, m, s in Cuti.objects.filter(
            pegawai__wilayah=w, status=Cuti.Status.DISETUJUI, tanggal_selesai__gte=mulai
        ).values_list("pegawai_id", "tanggal_mulai", "tanggal_selesai"):
            cuti_hari.update((pid, d) for d in hari_kerja(w, m, s))
        sudah = set(
            Kehadiran.objects.filter(pegawai__wilayah=w, tanggal__range=(mulai, akhir)).values_list(
                "pegawai_id", "tanggal"
            )
        )
        rows: list[Kehadiran] = []
        for urut, (pid, username) in enumerate(pegawai):
            prng = random.Random(f"{ctx.seed}:hadir:{kode}:{urut}")
            # Two employees per wilayah with repeated unexcused absence (discipline list).
            bolos = {7: 0.2, 15: 0.07}.get(urut, 0.0)
            for d in hari:
                if (pid, d) in sudah:
                    continue
                rows.append(_hari(prng, w, tz, pid, d, (pid, d) in cuti_hari, bolos, username))
        total += len(Kehadiran.objects.bulk_create(rows, ignore_conflicts=True, batch_size=5000))
    return total


def _hari(prng, w, tz, pid, d, cuti, bolos, username) -> Kehadiran:
    if cuti:
        return Kehadiran(pegawai_id=pid, tanggal=d, status=StatusKehadiran.CUTI,
                         keterangan="Cuti (disetujui)", sumber="cuti")  # fmt: skip
    r = prng.random()
    if r < max(bolos, 0.012):
        return Kehadiran(pegawai_id=pid, tanggal=d, status=StatusKehadiran.ALPA, sumber="sistem")
    if r < 0.03:
        status = prng.choice([StatusKehadiran.IZIN, StatusKehadiran.SAKIT,
                              StatusKehadiran.DINAS_LUAR])  # fmt: skip
        ket = {"izin": "Urusan keluarga", "sakit": "Sakit, surat dokter menyusul",
               "dinas_luar": "Rapat koordinasi di provinsi"}[status]  # fmt: skip
        return Kehadiran(pegawai_id=pid, tanggal=d, status=status, keterangan=ket, sumber="manual")
    batas = dt.datetime.combine(d, w.jam_masuk, tzinfo=tz)
    telat = r > 0.9 or (username and username.startswith("pegawai_") and r > 0.8)
    masuk = batas + dt.timedelta(
        minutes=prng.randint(1, 75) if telat else -prng.randint(2, 40), seconds=prng.randint(0, 59)
    )
    tutup = w.jam_pulang_jumat if d.weekday() == 4 else w.jam_pulang
    pulang = dt.datetime.combine(d, tutup, tzinfo=tz) + dt.timedelta(
        minutes=-prng.randint(5, 50) if r < 0.06 else prng.randint(0, 70)
    )
    terlambat, cepat = hitung_keterlambatan(
        wilayah=w, tanggal=d, jam_masuk=masuk, jam_pulang=pulang
    )
    return Kehadiran(
        pegawai_id=pid, tanggal=d, jam_masuk=masuk.astimezone(dt.UTC),
        jam_pulang=pulang.astimezone(dt.UTC), status=status_dari_jam(terlambat, cepat),
        menit_terlambat=terlambat, menit_pulang_cepat=cepat, sumber="mesin",
    )  # fmt: skip
