"""Demo employees for every demo position, the demo accounts, and `--pegawai N` bulk data."""

from __future__ import annotations

import datetime as dt
import random
import time

from django.contrib.auth.models import Group

from asn_kinerja.demo import DEMO_PASSWORD, DemoContext, upsert
from organisasi.models import (
    GRUP_ADMIN_KEPEGAWAIAN,
    GRUP_PIMPINAN_DAERAH,
    Jabatan,
    Pengguna,
    UnitKerja,
    Wilayah,
)

from .choices import PANGKAT_PNS
from .models import Pegawai
from .validators import buat_nip

NAMA = {
    "gorontalo": {
        "L": ["Rahmat", "Hasan", "Yusuf", "Ismail", "Arifin", "Sofyan", "Rivai", "Fadli", "Zulkifli", "Irwan", "Hamzah", "Ridwan"],
        "P": ["Nurhayati", "Sitti", "Rahmawati", "Fitriani", "Nurain", "Hadijah", "Marlina", "Yulianti", "Sri", "Rosmini", "Nining", "Wahyuni"],
        "marga": ["Pakaya", "Mohamad", "Hulukati", "Gobel", "Dunggio", "Katili", "Nento", "Lamusu", "Moha", "Panigoro", "Hasiru", "Daud", "Tangahu", "Bumulo"],
    },
    "mamuju": {
        "L": ["Andi Muhammad", "Arsyad", "Hasanuddin", "Sukardi", "Syamsul", "Jufri", "Ramli", "Basri", "Darwis", "Firman", "Akbar", "Saldi"],
        "P": ["Andi Rahmawati", "Nurmiati", "Hasnawati", "Jumriah", "Suriani", "Murni", "Hartini", "Ernawati", "Nurhaedah", "Sahriani", "Musdalifah", "Irmawati"],
        "marga": ["Saleh", "Mandar", "Tahir", "Rasyid", "Latif", "Djalil", "Hamid", "Kadir", "Baso", "Sanusi", "Pawe", "Labaso"],
    },
    "gayungan": {
        "L": ["Budi", "Agus", "Eko", "Bambang", "Joko", "Hendra", "Teguh", "Wahyu", "Dimas", "Yoga", "Rudi", "Slamet"],
        "P": ["Sri", "Dwi", "Endang", "Rina", "Lestari", "Ratna", "Wulan", "Dian", "Indah", "Yuni", "Siti", "Retno"],
        "marga": ["Santoso", "Setiawan", "Prasetyo", "Wibowo", "Susanto", "Hidayat", "Kurniawan", "Wahyuni", "Lestari", "Purnomo", "Saputra", "Handayani", "Rahayu", "Utomo"],
    },
}  # fmt: skip
JALAN = {"gorontalo": ["Jl. Nani Wartabone", "Jl. Sultan Botutihe", "Jl. Andalas", "Jl. Pangeran Hidayat"],
         "mamuju": ["Jl. Yos Sudarso", "Jl. Ahmad Kirang", "Jl. Diponegoro", "Jl. K.S. Tubun"],
         "gayungan": ["Jl. Gayungsari", "Jl. Ketintang Baru", "Jl. Menanggal", "Jl. Gayung Kebonsari"]}  # fmt: skip
TEMPAT = {"gorontalo": ["Gorontalo", "Limboto", "Marisa", "Kwandang", "Tilamuta"],
          "mamuju": ["Mamuju", "Majene", "Polewali", "Kalukku", "Tampa Padang"],
          "gayungan": ["Surabaya", "Sidoarjo", "Malang", "Gresik", "Mojokerto"]}  # fmt: skip
GELAR = {"s1": ["S.Sos.", "S.E.", "S.Kom.", "S.Pd.", "S.Kep.", "S.H.", "S.AP."],
         "s2": ["M.Si.", "M.M.", "M.AP.", "M.Kes.", "M.Pd."], "d3": ["A.Md."]}  # fmt: skip

#: Demo accounts (password DEMO_PASSWORD): username -> (wilayah, kind, position name)
AKUN = {
    "hr_gorontalo": ("gorontalo", "hr", "Pengelola Kepegawaian@GTO-BKD-SEK"),
    "hr_mamuju": ("mamuju", "hr", "Pengelola Data Kepegawaian"),
    "hr_gayungan": ("gayungan", "hr", "Pengelola Kepegawaian@GYG-SUBUM"),
    "pimpinan_gorontalo": ("gorontalo", "pimpinan", "Sekretaris Daerah Provinsi"),
    "atasan_gorontalo": ("gorontalo", "atasan", "Kepala Bidang Pengembangan Kompetensi"),
    "pegawai_gorontalo": ("gorontalo", "pegawai", "Analis SDM Aparatur@GTO-BKD-PK"),
    "atasan_mamuju": ("mamuju", "atasan", "Kepala Puskesmas Binanga"),
    "pegawai_mamuju": ("mamuju", "pegawai", "Perawat@MMJ-PKM-BNG"),
    "atasan_gayungan": ("gayungan", "atasan", "Kepala Seksi Pemerintahan"),
    "pegawai_gayungan": ("gayungan", "pegawai", "Pengadministrasi Pemerintahan"),
}


def _nama(rng: random.Random, kode: str, jk: str) -> str:
    n = NAMA[kode]
    return f"{rng.choice(n[jk])} {rng.choice(n['marga'])}"


def _golongan_untuk(jab: Jabatan, rng: random.Random) -> str:
    by_kelas = {17: 16, 15: 13, 14: 13, 12: 12, 11: 11, 10: 10, 9: 9, 8: 9, 7: 7, 6: 6, 5: 5}
    idx = by_kelas.get(jab.kelas_jabatan or 7, 8) - rng.choice([0, 0, 1])
    return PANGKAT_PNS[max(0, min(idx, 16))][0]


def _data_pegawai(rng, kode, jab: Jabatan, hari_ini: dt.date, urut: int, pppk: bool = False):
    jk = rng.choice("LP")
    umur = rng.randint(26, 57) if not jab.is_kepala else rng.randint(38, 57)
    lahir = dt.date(hari_ini.year - umur, rng.randint(1, 12), rng.randint(1, 28))
    tmt_tahun = min(hari_ini.year - 1, lahir.year + rng.randint(22, 30))
    tmt = dt.date(tmt_tahun, rng.choice([1, 3, 4, 12]), 1)
    pend = jab.pendidikan_minimal or "s1"
    bidang = rng.choice(jab.bidang_pendidikan) if jab.bidang_pendidikan else ""
    gelar = rng.choice(GELAR.get(pend, [""])) if pend in GELAR else ""
    return {
        "nip": buat_nip(lahir, tmt, jk, urut) if not pppk else f"{tmt:%Y%m%d}{urut:010d}",
        "nama": _nama(rng, kode, jk),
        "gelar_belakang": gelar,
        "tempat_lahir": rng.choice(TEMPAT[kode]),
        "tanggal_lahir": lahir,
        "jenis_kelamin": jk,
        "status_kepegawaian": "pppk" if pppk else "pns",
        "golongan": f"PPPK-{['V', 'VII', 'IX'][rng.randint(0, 2)]}"
        if pppk
        else _golongan_untuk(jab, rng),
        "tmt_golongan": dt.date(max(tmt.year, hari_ini.year - 4), 4, 1),
        "tmt_cpns": tmt,
        "tmt_jabatan": dt.date(max(tmt.year, hari_ini.year - 3), 1, 2),
        "pendidikan_terakhir": pend,
        "bidang_pendidikan": bidang,
        "telepon": f"08{rng.randint(1100000000, 5999999999)}",
    }


def seed(ctx: DemoContext) -> None:
    grup = {
        g.name: g
        for g in Group.objects.filter(name__in=[GRUP_ADMIN_KEPEGAWAIAN, GRUP_PIMPINAN_DAERAH])
    }
    for kode, daftar in ctx.data["jabatan"].items():
        wilayah = ctx.data["wilayah"][kode]
        for jab, n in daftar:
            for i in range(n):
                # One random stream per demo holder: the NIP (the natural key) of a holder
                # stays the same across runs even when other demo positions change.
                rng = random.Random(f"{ctx.seed}:{jab.unit.kode}:{jab.nama}:{i}")
                pppk = not jab.is_kepala and i == n - 1 and n >= 3
                data = _data_pegawai(rng, kode, jab, ctx.hari_ini, rng.randint(1, 999), pppk=pppk)
                data["alamat"] = f"{rng.choice(JALAN[kode])} No. {rng.randint(1, 120)}"
                nip = data.pop("nip")
                upsert(
                    Pegawai, {**data, "wilayah": wilayah, "unit": jab.unit, "jabatan": jab}, nip=nip
                )
    _akun(ctx, grup)
    if ctx.jumlah_pegawai_tambahan:
        _massal(ctx, ctx.jumlah_pegawai_tambahan)
    ctx.log(f"  pegawai: {Pegawai.objects.count()} pegawai")


def _akun(ctx: DemoContext, grup) -> None:
    admin = Pengguna.objects.filter(username="admin").first() or Pengguna(username="admin")
    admin.is_superuser = admin.is_staff = admin.is_active = True
    admin.first_name, admin.last_name, admin.wilayah = "Administrator", "Sistem", None
    admin.email = "admin@asn-kinerja.local"
    admin.set_password(DEMO_PASSWORD)
    admin.save()
    for username, (kode, jenis, jabatan) in AKUN.items():
        wilayah: Wilayah = ctx.data["wilayah"][kode]
        nama_jab, _sep, kode_unit = jabatan.partition("@")
        qs = Pegawai.objects.filter(wilayah=wilayah, jabatan__nama=nama_jab)
        if kode_unit:
            qs = qs.filter(unit__kode=kode_unit)
        pegawai = qs.order_by("nip").first()
        user = Pengguna.objects.filter(username=username).first() or Pengguna(username=username)
        user.wilayah = wilayah
        user.first_name, _s, user.last_name = pegawai.nama.partition(" ")
        user.is_active, user.is_staff, user.is_superuser = True, False, False
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.clear()
        if jenis == "hr":
            user.groups.add(grup[GRUP_ADMIN_KEPEGAWAIAN])
        elif jenis == "pimpinan":
            user.groups.add(grup[GRUP_PIMPINAN_DAERAH])
        Pegawai.objects.filter(pengguna=user).exclude(pk=pegawai.pk).update(pengguna=None)
        upsert(
            Pegawai,
            {"pengguna": user, "email": f"{username}@demo.asn-kinerja.local"},
            pk=pegawai.pk,
        )
        ctx.data.setdefault("akun", {})[username] = pegawai


def _massal(ctx: DemoContext, n: int) -> None:
    """N generated employees spread over the wilayah's non-head positions, with bulk inserts
    (ignore_conflicts: a rerun with the same --seed adds nothing)."""
    t0 = time.monotonic()
    rng = ctx.rng_for("pegawai-massal")
    jabatan = list(
        Jabatan.objects.filter(is_kepala=False).select_related("unit", "wilayah").order_by("pk")
    )
    units = {u.pk: u for u in UnitKerja.objects.all()}
    batch: list[Pegawai] = []
    dibuat = 0
    for i in range(n):
        jab = jabatan[i % len(jabatan)]
        kode = jab.wilayah.kode
        data = _data_pegawai(rng, kode, jab, ctx.hari_ini, 1 + (i % 999))
        # NIP uniqueness at scale: the sequence digits alone (999) cannot separate 100,000
        # people born the same month, so the generated birth day/TMT vary with i too.
        lahir = data["tanggal_lahir"].replace(day=1 + (i // 999) % 28)
        tmt = data["tmt_cpns"].replace(year=lahir.year + 22 + (i // (999 * 28)) % 12)
        data["tanggal_lahir"], data["tmt_cpns"] = lahir, tmt
        data["nip"] = buat_nip(lahir, tmt, data["jenis_kelamin"], 1 + i % 999)
        data["status_kepegawaian"] = "pns"
        data["golongan"] = _golongan_untuk(jab, rng)
        data["alamat"] = f"{rng.choice(JALAN[kode])} No. {1 + i % 150}"
        batch.append(
            Pegawai(wilayah_id=jab.wilayah_id, unit=units[jab.unit_id], jabatan=jab, **data)
        )
        if len(batch) >= 5000:
            dibuat += len(Pegawai.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    if batch:
        dibuat += len(Pegawai.objects.bulk_create(batch, ignore_conflicts=True))
    ctx.log(f"  pegawai massal: {n} diminta, {time.monotonic() - t0:.1f} dtk")
