"""Demo employees for every demo position, the demo accounts, and `--pegawai N` bulk data."""

from __future__ import annotations

import datetime as dt
import random
import time

from django.contrib.auth.models import Group
from django.db.models import Count

from asn_kinerja.demo import DEMO_PASSWORD, DemoContext, upsert
from organisasi.choices import TingkatPendidikan
from organisasi.models import (
    GRUP_ADMIN_KEPEGAWAIAN,
    GRUP_PIMPINAN_DAERAH,
    Jabatan,
    KebutuhanKompetensi,
    Pengguna,
    Wilayah,
)

from .choices import PANGKAT_PNS, URUTAN_GOLONGAN
from .models import (
    Diklat,
    HukumanDisiplin,
    ImporPegawai,
    KompetensiPegawai,
    Pegawai,
    Penghargaan,
    RiwayatJabatan,
    RiwayatPangkat,
    RiwayatPendidikan,
    UsulanMutasi,
)
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


#: The personal data of the demo people (birth dates, NIP, TMT) is anchored to this year, not
#: to `ctx.hari_ini`: the NIP is the natural key, so a rerun in a later year must find the same
#: people (the demo accounts stay on the same employee). Only the performance year, leave,
#: attendance, logs and training follow `ctx.hari_ini`.
TAHUN_ACUAN = 2026


def _data_pegawai(rng, kode, jab: Jabatan, urut: int, pppk: bool = False):
    hari_ini = dt.date(TAHUN_ACUAN, 1, 1)
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
                data = _data_pegawai(rng, kode, jab, rng.randint(1, 999), pppk=pppk)
                data["alamat"] = f"{rng.choice(JALAN[kode])} No. {rng.randint(1, 120)}"
                nip = data.pop("nip")
                ctx.data.setdefault("nip_demo", []).append(nip)
                upsert(
                    Pegawai, {**data, "wilayah": wilayah, "unit": jab.unit, "jabatan": jab}, nip=nip
                )
    _akun(ctx, grup)
    _riwayat(ctx)
    _impor_dan_usulan(ctx)
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
    """N generated employees in the generated units of `organisasi.demo.unit_massal` (a head
    and ~24 staff each), with bulk inserts (ignore_conflicts: a rerun with the same --seed
    adds nothing)."""
    t0 = time.monotonic()
    rng = ctx.rng_for("pegawai-massal")
    kode_wilayah = {w.pk: k for k, w in ctx.data["wilayah"].items()}
    batch: list[Pegawai] = []
    dibuat = 0
    for i, (wilayah_id, jab) in enumerate(ctx.data["slot_massal"][:n]):
        kode = kode_wilayah[wilayah_id]
        data = _data_pegawai(rng, kode, jab, 1 + (i % 999))
        # NIP uniqueness at scale: the sequence digits alone (999) cannot separate 100,000
        # people born the same month, so the generated birth day/TMT vary with i too.
        lahir = data["tanggal_lahir"].replace(day=1 + (i // 999) % 28)
        tmt = data["tmt_cpns"].replace(year=lahir.year + 22 + (i // (999 * 28)) % 12)
        data["tanggal_lahir"], data["tmt_cpns"] = lahir, tmt
        data["nip"] = buat_nip(lahir, tmt, data["jenis_kelamin"], 1 + i % 999)
        data["status_kepegawaian"] = "pns"
        data["golongan"] = _golongan_untuk(jab, rng)
        data["alamat"] = f"{rng.choice(JALAN[kode])} No. {1 + i % 150}"
        batch.append(Pegawai(wilayah_id=wilayah_id, unit_id=jab.unit_id, jabatan=jab, **data))
        if len(batch) >= 5000:
            dibuat += len(Pegawai.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    if batch:
        dibuat += len(Pegawai.objects.bulk_create(batch, ignore_conflicts=True))
    ctx.log(f"  pegawai massal: {n} diminta, {time.monotonic() - t0:.1f} dtk")


# --- histories of every demo employee (education, rank, positions, training, competencies,
# awards, a few sanctions). Deterministic per NIP; bulk_create(ignore_conflicts) on the
# histories' unique keys makes a rerun add nothing. -----------------------------------------

KAMPUS = {
    "gorontalo": ["Universitas Negeri Gorontalo", "Universitas Gorontalo", "Universitas Hasanuddin"],
    "mamuju": ["Universitas Sulawesi Barat", "Universitas Tomakaka", "Universitas Hasanuddin"],
    "gayungan": ["Universitas Airlangga", "Institut Teknologi Sepuluh Nopember", "Universitas Negeri Surabaya"],
}  # fmt: skip
SEKOLAH = {"gorontalo": "SMA Negeri 1 Gorontalo", "mamuju": "SMA Negeri 1 Mamuju",
           "gayungan": "SMA Negeri 15 Surabaya"}  # fmt: skip
DIKLAT = [
    ("Pelatihan Penyusunan SKP dan Manajemen Kinerja", "teknis", 16, "BKD"),
    ("Orientasi Nilai Dasar BerAKHLAK", "seminar", 8, "BKD"),
    ("Pelatihan Pelayanan Publik Prima", "teknis", 24, "BPSDM"),
    ("Webinar Transformasi Digital Pemerintahan", "seminar", 4, "LAN RI"),
    ("Kursus Daring Pengelolaan Arsip Dinamis", "kursus", 12, "ANRI"),
    ("Pelatihan Analisis Jabatan dan Beban Kerja", "teknis", 32, "BPSDM"),
    ("Bimbingan Teknis Penatausahaan Keuangan Daerah", "teknis", 24, "BPKAD"),
]
HUKUMAN = [
    ("ringan", "teguran_lisan", "Tidak masuk kerja tanpa keterangan 3 hari"),
    ("ringan", "teguran_tertulis", "Tidak masuk kerja tanpa keterangan 5 hari"),
    ("sedang", "tpp_6", "Tidak masuk kerja tanpa keterangan 12 hari"),
]


def _riwayat(ctx: DemoContext) -> None:
    t0 = time.monotonic()
    pegawai = list(
        Pegawai.objects.filter(nip__in=ctx.data.get("nip_demo", []))
        .select_related("jabatan", "unit", "wilayah")
        .order_by("pk")
    )
    kebutuhan: dict[int, list[tuple[int, int]]] = {}
    for jab_id, k_id, level in KebutuhanKompetensi.objects.values_list(
        "jabatan_id", "kompetensi_id", "level"
    ):
        kebutuhan.setdefault(jab_id, []).append((k_id, level))
    rows: dict[type, list] = {m: [] for m in (RiwayatPendidikan, RiwayatPangkat, RiwayatJabatan,
                                               Diklat, KompetensiPegawai, Penghargaan, HukumanDisiplin)}  # fmt: skip
    tahun = ctx.hari_ini.year
    for p in pegawai:
        rng = random.Random(f"{ctx.seed}:riwayat:{p.nip}")
        kode = p.wilayah.kode
        cpns = p.tmt_cpns or dt.date(p.tanggal_lahir.year + 24, 3, 1)
        # education: SMA, then the highest level with its field
        lulus_sma = p.tanggal_lahir.year + 18
        rows[RiwayatPendidikan].append(RiwayatPendidikan(
            pegawai=p, tingkat="sma", bidang="IPA" if rng.random() < 0.6 else "IPS",
            institusi=SEKOLAH[kode], tahun_lulus=lulus_sma))  # fmt: skip
        tingkat = p.pendidikan_terakhir or "sma"
        if TingkatPendidikan.peringkat(tingkat) > TingkatPendidikan.peringkat("sma"):
            lulus = min(cpns.year - 1, lulus_sma + {"d3": 3, "s2": 6, "s3": 9}.get(tingkat, 4))
            rows[RiwayatPendidikan].append(RiwayatPendidikan(
                pegawai=p, tingkat=tingkat, bidang=p.bidang_pendidikan or "Administrasi Publik",
                institusi=rng.choice(KAMPUS[kode]), tahun_lulus=max(lulus, lulus_sma + 1)))  # fmt: skip
        # rank: from the entry golongan every four years up to the current one
        if p.golongan and p.tmt_golongan:
            if p.golongan.startswith("PPPK-"):
                rows[RiwayatPangkat].append(RiwayatPangkat(
                    pegawai=p, golongan=p.golongan, tmt=cpns, jenis="cpns",
                    nomor_sk=f"PPPK/{cpns:%Y}/{p.nip[-4:]}"))  # fmt: skip
            else:
                sekarang = URUTAN_GOLONGAN[p.golongan]
                tmt = p.tmt_golongan
                urut = sekarang
                daftar = []
                while tmt > cpns and urut >= 1 and len(daftar) < 5:
                    daftar.append((PANGKAT_PNS[urut - 1][0], tmt))
                    urut -= 1
                    tmt = tmt.replace(year=tmt.year - 4)
                for i, (g, t) in enumerate(daftar):
                    rows[RiwayatPangkat].append(RiwayatPangkat(
                        pegawai=p, golongan=g, tmt=max(t, cpns),
                        jenis="reguler" if i < len(daftar) - 1 or t > cpns else "cpns",
                        nomor_sk=f"823/{t:%Y}/{p.nip[-4:]}/BKD"))  # fmt: skip
        # positions: an earlier staff post, then the current one
        if p.jabatan_id:
            tmt_j = p.tmt_jabatan or cpns
            if tmt_j > cpns:
                rows[RiwayatJabatan].append(RiwayatJabatan(
                    pegawai=p, unit=p.unit, nama_unit=p.unit.nama, jenis="pengangkatan", tmt=cpns,
                    nama_jabatan="Pelaksana" if p.jabatan.is_kepala else p.jabatan.nama + " (CPNS)",
                    nomor_sk=f"813/{cpns:%Y}/{p.nip[-4:]}"))  # fmt: skip
            rows[RiwayatJabatan].append(RiwayatJabatan(
                pegawai=p, jabatan=p.jabatan, unit=p.unit, nama_jabatan=p.jabatan.nama,
                nama_unit=p.unit.nama, tmt=tmt_j,
                jenis="promosi" if p.jabatan.is_kepala and tmt_j > cpns else "mutasi" if tmt_j > cpns else "pengangkatan",
                nomor_sk=f"821/{tmt_j:%Y}/{p.nip[-4:]}"))  # fmt: skip
        # training: basic training at entry, last year and this year (some below 20 JP)
        rows[Diklat].append(Diklat(
            pegawai=p, nama="Pelatihan Dasar CPNS" if p.status_kepegawaian != "pppk" else "Orientasi PPPK",
            jenis="prajabatan", penyelenggara="BPSDM", tanggal_mulai=cpns.replace(day=10),
            tanggal_selesai=cpns.replace(day=28), jam_pelajaran=297 if p.status_kepegawaian != "pppk" else 40,
            nomor_sertifikat=f"LATSAR/{cpns:%Y}/{p.nip[-5:]}"))  # fmt: skip
        for th, n in ((tahun - 1, rng.randint(1, 3)), (tahun, rng.choice([0, 1, 1, 2, 2, 3]))):
            # This year's training only in the months already over (none in January).
            bulan_maks = 12 if th < tahun else ctx.hari_ini.month - 1
            for nama, jenis, jp, oleh in rng.sample(DIKLAT, n if bulan_maks else 0):
                mulai = dt.date(th, rng.randint(1, bulan_maks), rng.randint(1, 20))
                rows[Diklat].append(Diklat(
                    pegawai=p, nama=nama, jenis=jenis, jam_pelajaran=jp, penyelenggara=f"{oleh} {p.wilayah.nama}",
                    tanggal_mulai=mulai, tanggal_selesai=mulai + dt.timedelta(days=max(0, jp // 8 - 1)),
                    nomor_sertifikat=f"{th}/{jenis[:3].upper()}/{p.nip[-4:]}"))  # fmt: skip
        # competencies: those of the position (around the required level) and one extra
        for k_id, level in kebutuhan.get(p.jabatan_id, []):
            rows[KompetensiPegawai].append(KompetensiPegawai(
                pegawai=p, kompetensi_id=k_id, level=max(1, min(5, level + rng.choice([-1, 0, 0, 1]))),
                tanggal_asesmen=dt.date(tahun - 1, 9, 15), sumber=f"Asesmen kompetensi {tahun - 1}"))  # fmt: skip
        # awards: Satyalancana Karya Satya after 10 / 20 years of service
        for masa in (10, 20, 30):
            if cpns.year + masa <= tahun - 1:
                rows[Penghargaan].append(Penghargaan(
                    pegawai=p, nama=f"Satyalancana Karya Satya {masa} Tahun",
                    pemberi="Presiden Republik Indonesia", tanggal=dt.date(cpns.year + masa, 8, 17),
                    nomor_sk=f"KEPPRES/{cpns.year + masa}/{masa}"))  # fmt: skip
        # a few sanctions (about one in twelve employees, never a demo account holder)
        if rng.random() < 1 / 12 and p.pengguna_id is None:
            tingkat, jenis, pelanggaran = rng.choice(HUKUMAN)
            mulai = dt.date(TAHUN_ACUAN - rng.randint(1, 3), rng.randint(1, 12), 1)
            rows[HukumanDisiplin].append(HukumanDisiplin(
                pegawai=p, tingkat=tingkat, jenis=jenis, tanggal_mulai=mulai,
                tanggal_selesai=mulai + dt.timedelta(days=180) if tingkat == "sedang" else None,
                nomor_sk=f"862/{mulai:%Y}/{p.nip[-4:]}/HD", pelanggaran=pelanggaran))  # fmt: skip
    for model, objs in rows.items():
        model.objects.bulk_create(objs, ignore_conflicts=True, batch_size=2000)
    ctx.log(f"  riwayat pegawai: {len(pegawai)} pegawai, {time.monotonic() - t0:.1f} dtk")


def _impor_dan_usulan(ctx: DemoContext) -> None:
    """Per wilayah: one finished import (its log) and one pending transfer proposal for a
    vacant position, so the import and placement pages have something to show."""
    for kode, wilayah in ctx.data["wilayah"].items():
        hr = Pengguna.objects.filter(username=f"hr_{kode}").first()
        contoh = list(Pegawai.objects.filter(wilayah=wilayah).order_by("nip")[:3])
        upsert(
            ImporPegawai,
            {
                "status": ImporPegawai.Status.DIIMPOR, "jumlah_baris": len(contoh),
                "jumlah_galat": 0, "jumlah_dibuat": len(contoh), "diunggah_oleh": hr,
                "baris": [{"no": i + 2, "galat": [],
                           "mentah": {"NIP": p.nip, "NAMA": p.nama, "KODE_UNIT": p.unit.kode},
                           "data": {"unit_nama": p.unit.nama}} for i, p in enumerate(contoh)],
            },
            wilayah=wilayah, nama_file=f"data-pegawai-{kode}-awal.xlsx",
        )  # fmt: skip
        # A vacancy: the sole holder of one staff position has retired (deterministic pick).
        kosong = (
            Jabatan.objects.filter(wilayah=wilayah, aktif=True, is_kepala=False)
            .annotate(n=Count("pemangku_set"), n_akun=Count("pemangku_set__pengguna"))
            .filter(n=1, n_akun=0)
            .order_by("unit__path", "nama")
            .first()
        )
        if kosong is None:
            continue
        pensiun = kosong.pemangku_set.get()
        upsert(Pegawai, {"status_aktif": "pensiun"}, pk=pensiun.pk)
        if UsulanMutasi.objects.filter(jabatan_tujuan__wilayah=wilayah).exists():
            continue
        calon = (
            Pegawai.objects.filter(
                wilayah=wilayah,
                status_aktif="aktif",
                pengguna__isnull=True,
                jabatan__is_kepala=False,
            )  # fmt: skip
            .exclude(usulan_mutasi_set__status="diusulkan")
            .order_by("nip")
            .first()
        )
        if calon:
            UsulanMutasi.objects.create(
                pegawai=calon, jabatan_asal=calon.jabatan, jabatan_tujuan=kosong, skor=60,
                alasan="Jabatan kosong; pendidikan dan kompetensi mendekati syarat.",
                diusulkan_oleh=hr,
            )  # fmt: skip
