"""Demo data of the SKM: service units open in each wilayah (kelurahan offices and the
kecamatan's PATEN counter in Gayungan, puskesmas in Mamuju, a dinas counter, a UPT and the
BKD training service in Gorontalo) with a few hundred responses over the year so far.

Idempotent: units by their unit kerja, services by (unit, name), responses by a fixed
per-response key (bulk_create ignore_conflicts), rejection counters by (unit, day, reason).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from django.utils import timezone

from asn_kinerja.demo import DemoContext, upsert
from organisasi.models import Pengguna, UnitKerja
from pegawai.models import Pegawai

from .models import AlasanPenolakan, JenisLayanan, PenolakanSKM, TanggapanSKM, UnitLayanan
from .unsur import KODE_UNSUR

KELURAHAN = [
    "Surat keterangan domisili",
    "Surat pengantar KTP/KK",
    "Surat keterangan tidak mampu",
    "Surat keterangan usaha",
    "Legalisir dokumen",
]
PUSKESMAS = [
    "Pemeriksaan umum",
    "Kesehatan ibu dan anak (KIA/KB)",
    "Imunisasi",
    "Pemeriksaan laboratorium",
    "Pelayanan gigi",
]

#: wilayah -> [(unit kode, public name, services, quality profile 0..1, responses)]
UNIT = {
    "gayungan": [
        ("GYG-KEL-GYG", "Kantor Kelurahan Gayungan", KELURAHAN, 0.95, 70),
        ("GYG-KEL-KTT", "Kantor Kelurahan Ketintang", KELURAHAN, 0.70, 55),
        ("GYG-KEL-MNG", "Kantor Kelurahan Menanggal", KELURAHAN, 0.55, 45),
        ("GYG-KEL-DMN", "Kantor Kelurahan Dukuh Menanggal", KELURAHAN, 0.78, 40),
        ("GYG-PEM", "Loket PATEN Kecamatan Gayungan", ["Rekomendasi izin keramaian",
         "Surat keterangan ahli waris", "Legalisir dokumen kependudukan"], 0.74, 50),
    ],
    "mamuju": [
        ("MMJ-PKM-BNG", "Puskesmas Binanga", PUSKESMAS, 0.80, 80),
        ("MMJ-PKM-RGS", "Puskesmas Rangas", PUSKESMAS, 0.62, 55),
        ("MMJ-PKM-TPD", "Puskesmas Tampa Padang", PUSKESMAS, 0.2, 40),
    ],
    "gorontalo": [
        ("GTO-DINKES-YANKES", "Loket Pelayanan Dinas Kesehatan Provinsi", ["Rekomendasi izin fasilitas kesehatan",
         "Surat tanda registrasi tenaga kesehatan", "Konsultasi pelayanan kesehatan"], 0.66, 45),
        ("GTO-LABKESDA", "UPT Laboratorium Kesehatan Daerah", ["Uji laboratorium klinik",
         "Uji kualitas air", "Pengambilan sampel"], 0.82, 50),
        ("GTO-BKD-PK", "Layanan Pengembangan Kompetensi ASN (BKD)", ["Pendaftaran pelatihan",
         "Konsultasi pengembangan kompetensi", "Penerbitan sertifikat pelatihan"], 0.72, 40),
    ],
}  # fmt: skip

KOMENTAR = {
    "baik": ["Petugasnya ramah dan cepat, terima kasih.", "Pelayanan sudah bagus, pertahankan.",
             "Prosesnya jelas dan tidak berbelit.", "Ruang tunggu bersih dan nyaman."],
    "buruk": ["Antrean terlalu lama, mohon ditambah loketnya.", "Persyaratannya tidak diumumkan dengan jelas.",
              "Kipas angin di ruang tunggu rusak, panas sekali.", "Petugas datang terlambat, loket baru buka jam 9.",
              "Tolong ada papan informasi alur layanan.", "Parkir sempit dan tidak ada petugas parkir."],
}  # fmt: skip
JAWABAN = [
    "Terima kasih atas masukannya. Mulai minggu depan kami menambah satu petugas loket pada jam sibuk.",
    "Terima kasih. Daftar persyaratan sudah kami pasang di papan informasi dan di media sosial kantor.",
    "Mohon maaf atas ketidaknyamanannya. Perbaikan sarana sudah kami ajukan dan dijadwalkan bulan ini.",
]


def _kunci(ctx: DemoContext, kode: str, i: int) -> str:
    return hashlib.sha256(f"skm-demo:{ctx.seed}:{kode}:{i}".encode()).hexdigest()[:22]


def _nilai(rng, mutu: float) -> int:
    """A rating 1-4 leaning to 4 when `mutu` (0..1) is high (0.95 gives an IKM near 92)."""
    p4 = mutu**1.5 * 0.85
    sisa = 1 - p4
    r = rng.random()
    if r < p4:
        return 4
    if r < p4 + sisa * 0.65:
        return 3
    if r < p4 + sisa * 0.9:
        return 2
    return 1


def seed(ctx: DemoContext) -> None:
    hari_ini = ctx.hari_ini
    awal = dt.date(hari_ini.year, 1, 1)
    n_hari = (hari_ini - awal).days + 1
    total = 0
    for kode_w, daftar in UNIT.items():
        wilayah = ctx.data["wilayah"][kode_w]
        hr = Pengguna.objects.filter(username=f"hr_{kode_w}").first()
        for kode_u, nama, layanan, mutu, jumlah in daftar:
            unit = UnitKerja.objects.get(wilayah=wilayah, kode=kode_u)
            token = hashlib.sha256(f"skm-token:{ctx.seed}:{kode_u}".encode()).hexdigest()[:11]
            ul, _c = upsert(
                UnitLayanan,
                {"wilayah": wilayah, "nama_publik": nama, "token": token, "dibuka": True,
                 "dibuka_pada": timezone.make_aware(dt.datetime.combine(awal, dt.time(8)))},
                unit=unit,
            )  # fmt: skip
            jenis = [
                upsert(JenisLayanan, {"urutan": i, "aktif": True}, unit_layanan=ul, nama=n)[0]
                for i, n in enumerate(layanan)
            ]
            petugas = list(Pegawai.objects.filter(unit=unit, status_aktif="aktif").order_by("nip"))
            ul.petugas.set(petugas)
            rng = ctx.rng_for(f"skm:{kode_u}")
            baris = []
            for i in range(jumlah):
                tanggal = awal + dt.timedelta(days=rng.randrange(n_hari))
                while tanggal.weekday() >= 5:
                    tanggal -= dt.timedelta(days=1)
                tanggal = max(tanggal, awal)
                jam = dt.time(rng.randint(8, 14), rng.randint(0, 59))
                waktu = timezone.make_aware(dt.datetime.combine(tanggal, jam))
                nilai = {k: _nilai(rng, mutu) for k in KODE_UNSUR}
                if kode_u.startswith("GYG-KEL") or kode_u.startswith("GYG-PEM"):
                    nilai["u4"] = 4  # kelurahan services are free of charge
                rata = sum(nilai.values()) / 9
                komentar = kontak = jawaban = ""
                ditindaklanjuti = False
                if rng.random() < 0.3:
                    komentar = rng.choice(KOMENTAR["baik" if rata >= 3 else "buruk"])
                    if rng.random() < 0.5:
                        kontak = (
                            f"warga{i}@contoh.id"
                            if rng.random() < 0.5
                            else f"0812{rng.randint(10000000, 99999999)}"
                        )
                    if rata < 3 and rng.random() < 0.6:
                        jawaban = rng.choice(JAWABAN)
                        ditindaklanjuti = rng.random() < 0.6
                baris.append(
                    TanggapanSKM(
                        unit_layanan=ul,
                        jenis_layanan=rng.choice(jenis),
                        kunci=_kunci(ctx, kode_u, i),
                        dikirim_pada=waktu,
                        tanggal=tanggal,
                        komentar=komentar,
                        kontak=kontak,
                        petugas=rng.choice(petugas) if petugas and rng.random() < 0.4 else None,
                        jawaban=jawaban,
                        dijawab_oleh=hr if jawaban else None,
                        dijawab_pada=waktu + dt.timedelta(days=2) if jawaban else None,
                        ditindaklanjuti=ditindaklanjuti,
                        ditindaklanjuti_pada=waktu + dt.timedelta(days=5) if ditindaklanjuti else None,
                        **nilai,
                    )
                )  # fmt: skip
            total += len(TanggapanSKM.objects.bulk_create(baris, ignore_conflicts=True))
            for j, alasan in enumerate([AlasanPenolakan.TERLALU_CEPAT, AlasanPenolakan.DUPLIKAT]):
                upsert(
                    PenolakanSKM,
                    {"jumlah": 1 + rng.randint(0, 4)},
                    unit_layanan=ul,
                    tanggal=hari_ini - dt.timedelta(days=3 + j * 11),
                    alasan=alasan,
                )
    ctx.log(f"  skm: {UnitLayanan.objects.count()} unit layanan, {total} tanggapan baru")
