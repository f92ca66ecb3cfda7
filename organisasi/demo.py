"""Demo organisation: three wilayah with realistic unit trees and positions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import Group, Permission

from asn_kinerja.demo import DemoContext, upsert

from .choices import JenisJabatan as J
from .choices import JenisKompetensi, JenisUnit, JenisWilayah, JenjangFungsional
from .models import (
    GRUP_ADMIN_KEPEGAWAIAN,
    GRUP_PIMPINAN_DAERAH,
    Jabatan,
    KebutuhanKompetensi,
    Kompetensi,
    TugasJabatan,
    UnitKerja,
    Wilayah,
)

WILAYAH = [
    {
        "kode": "gorontalo",
        "nama": "Gorontalo",
        "jenis": JenisWilayah.PROVINSI,
        "nama_instansi": "Pemerintah Provinsi Gorontalo",
        "zona_waktu": "Asia/Makassar",
        "kop_baris_1": "PEMERINTAH PROVINSI GORONTALO",
        "kop_baris_2": "BADAN KEPEGAWAIAN DAERAH",
        "alamat": "Jl. Prof. Dr. Ing. B. J. Habibie, Moutong, Tilongkabila, Bone Bolango 96119",
        "telepon": "(0435) 8591234",
        "email": "bkd@gorontaloprov.go.id",
        "situs": "bkd.gorontaloprov.go.id",
        "kota_surat": "Gorontalo",
        "jam_masuk": dt.time(7, 30),
        "jam_pulang": dt.time(16, 0),
    },
    {
        "kode": "mamuju",
        "nama": "Mamuju",
        "jenis": JenisWilayah.KABUPATEN,
        "nama_instansi": "Pemerintah Kabupaten Mamuju",
        "zona_waktu": "Asia/Makassar",
        "kop_baris_1": "PEMERINTAH KABUPATEN MAMUJU",
        "kop_baris_2": "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA",
        "alamat": "Jl. Soekarno Hatta No. 1, Mamuju, Sulawesi Barat 91511",
        "telepon": "(0426) 21045",
        "email": "bkpsdm@mamujukab.go.id",
        "situs": "bkpsdm.mamujukab.go.id",
        "kota_surat": "Mamuju",
        "jam_masuk": dt.time(7, 30),
        "jam_pulang": dt.time(16, 0),
    },
    {
        "kode": "gayungan",
        "nama": "Gayungan",
        "jenis": JenisWilayah.KECAMATAN,
        "nama_instansi": "Kecamatan Gayungan, Pemerintah Kota Surabaya",
        "zona_waktu": "Asia/Jakarta",
        "kop_baris_1": "PEMERINTAH KOTA SURABAYA",
        "kop_baris_2": "KECAMATAN GAYUNGAN",
        "alamat": "Jl. Gayungan PTT No. 2, Gayungan, Surabaya 60235",
        "telepon": "(031) 8280471",
        "email": "kec.gayungan@surabaya.go.id",
        "situs": "gayungan.surabaya.go.id",
        "kota_surat": "Surabaya",
        "jam_masuk": dt.time(7, 30),
        "jam_pulang": dt.time(15, 30),
    },
]

# A position: (name, kind, eselon, kelas jabatan, head?, min. education, fields, holders[, jenjang])
ADM = ["Administrasi Publik", "Ilmu Pemerintahan", "Manajemen"]
KEU = ["Akuntansi", "Manajemen Keuangan", "Ekonomi"]
SDM = ["Psikologi", "Manajemen SDM", "Administrasi Publik"]
KES = ["Kesehatan Masyarakat", "Kedokteran"]
KEP = ["Keperawatan"]
PEND = ["Pendidikan", "Manajemen Pendidikan"]
TI = ["Teknik Informatika", "Sistem Informasi"]


def kepala(nama: str, jenis: str, eselon: str, kelas: int, bidang: list[str], pend: str = "s1"):
    return (nama, jenis, eselon, kelas, True, pend, bidang, 1, "")


def staf(nama, jenis, kelas, bidang, n, pend="s1", jenjang=""):
    return (nama, jenis, "", kelas, False, pend, bidang, n, jenjang)


AHLI_PERTAMA = JenjangFungsional.AHLI_PERTAMA
AHLI_MUDA = JenjangFungsional.AHLI_MUDA
TERAMPIL = JenjangFungsional.TERAMPIL

# (kode, nama, jenis, [positions], [children])
POHON: dict[str, tuple] = {
    "gorontalo": ("GTO", "Pemerintah Provinsi Gorontalo", JenisUnit.PEMDA,
        [kepala("Sekretaris Daerah Provinsi", J.JPT_MADYA, "I.b", 17, ADM, "s2")],
        [
            ("GTO-BKD", "Badan Kepegawaian Daerah", JenisUnit.BADAN,
                [kepala("Kepala Badan Kepegawaian Daerah", J.JPT_PRATAMA, "II.a", 15, SDM, "s2")],
                [
                    ("GTO-BKD-SEK", "Sekretariat BKD", JenisUnit.SEKRETARIAT,
                        [kepala("Sekretaris BKD", J.ADMINISTRATOR, "III.a", 12, ADM),
                         staf("Pengelola Kepegawaian", J.PELAKSANA, 7, SDM, 3, "d3"),
                         staf("Pengadministrasi Umum", J.PELAKSANA, 5, ADM, 2, "sma")], []),
                    ("GTO-BKD-MUT", "Bidang Mutasi dan Promosi", JenisUnit.BIDANG,
                        [kepala("Kepala Bidang Mutasi dan Promosi", J.ADMINISTRATOR, "III.b", 11, SDM),
                         staf("Analis SDM Aparatur", J.FUNGSIONAL_KEAHLIAN, 9, SDM, 3, "s1", AHLI_PERTAMA)], []),
                    ("GTO-BKD-PK", "Bidang Pengembangan Kompetensi", JenisUnit.BIDANG,
                        [kepala("Kepala Bidang Pengembangan Kompetensi", J.ADMINISTRATOR, "III.b", 11, SDM),
                         staf("Analis SDM Aparatur", J.FUNGSIONAL_KEAHLIAN, 9, SDM, 4, "s1", AHLI_PERTAMA),
                         staf("Pranata Komputer", J.FUNGSIONAL_KETERAMPILAN, 7, TI, 1, "d3", TERAMPIL)], []),
                ]),
            ("GTO-DIKBUD", "Dinas Pendidikan dan Kebudayaan", JenisUnit.DINAS,
                [kepala("Kepala Dinas Pendidikan dan Kebudayaan", J.JPT_PRATAMA, "II.a", 15, PEND, "s2")],
                [
                    ("GTO-DIKBUD-SMA", "Bidang Pembinaan SMA", JenisUnit.BIDANG,
                        [kepala("Kepala Bidang Pembinaan SMA", J.ADMINISTRATOR, "III.b", 11, PEND)],
                        [
                            ("GTO-DIKBUD-SMA-KUR", "Seksi Kurikulum SMA", JenisUnit.SEKSI,
                                [kepala("Kepala Seksi Kurikulum SMA", J.PENGAWAS, "IV.a", 9, PEND),
                                 staf("Pengembang Kurikulum", J.PELAKSANA, 7, PEND, 3)], []),
                            ("GTO-DIKBUD-SMA-PD", "Seksi Peserta Didik SMA", JenisUnit.SEKSI,
                                [kepala("Kepala Seksi Peserta Didik SMA", J.PENGAWAS, "IV.a", 9, PEND),
                                 staf("Pengelola Data Peserta Didik", J.PELAKSANA, 6, TI + PEND, 2, "d3")], []),
                        ]),
                ]),
            ("GTO-DINKES", "Dinas Kesehatan", JenisUnit.DINAS,
                [kepala("Kepala Dinas Kesehatan", J.JPT_PRATAMA, "II.a", 15, KES, "s2")],
                [
                    ("GTO-DINKES-YANKES", "Bidang Pelayanan Kesehatan", JenisUnit.BIDANG,
                        [kepala("Kepala Bidang Pelayanan Kesehatan", J.ADMINISTRATOR, "III.b", 11, KES),
                         staf("Administrator Kesehatan", J.FUNGSIONAL_KEAHLIAN, 9, KES, 3, "s1", AHLI_PERTAMA)], []),
                    ("GTO-LABKESDA", "UPT Laboratorium Kesehatan Daerah", JenisUnit.UPT,
                        [kepala("Kepala UPT Laboratorium Kesehatan Daerah", J.ADMINISTRATOR, "III.b", 11, KES),
                         staf("Pranata Laboratorium Kesehatan", J.FUNGSIONAL_KETERAMPILAN, 7, ["Analis Kesehatan"], 3, "d3", TERAMPIL)], []),
                ]),
            ("GTO-BKAD", "Badan Keuangan dan Aset Daerah", JenisUnit.BADAN,
                [kepala("Kepala Badan Keuangan dan Aset Daerah", J.JPT_PRATAMA, "II.a", 15, KEU, "s2")],
                [
                    ("GTO-BKAD-ANG", "Bidang Anggaran", JenisUnit.BIDANG,
                        [kepala("Kepala Bidang Anggaran", J.ADMINISTRATOR, "III.b", 11, KEU),
                         staf("Analis Anggaran", J.FUNGSIONAL_KEAHLIAN, 9, KEU, 3, "s1", AHLI_PERTAMA),
                         staf("Pengelola Keuangan", J.PELAKSANA, 7, KEU, 2, "d3")], []),
                    ("GTO-BKAD-AKT", "Bidang Akuntansi dan Pelaporan", JenisUnit.BIDANG,
                        [kepala("Kepala Bidang Akuntansi dan Pelaporan", J.ADMINISTRATOR, "III.b", 11, KEU),
                         staf("Penyusun Laporan Keuangan", J.PELAKSANA, 7, KEU, 3)], []),
                ]),
        ]),
    "mamuju": ("MMJ", "Pemerintah Kabupaten Mamuju", JenisUnit.PEMDA,
        [kepala("Sekretaris Daerah Kabupaten", J.JPT_PRATAMA, "II.a", 15, ADM, "s2")],
        [
            ("MMJ-BKPSDM", "Badan Kepegawaian dan Pengembangan SDM", JenisUnit.BADAN,
                [kepala("Kepala BKPSDM", J.JPT_PRATAMA, "II.b", 14, SDM, "s2"),
                 staf("Analis SDM Aparatur", J.FUNGSIONAL_KEAHLIAN, 9, SDM, 3, "s1", AHLI_PERTAMA),
                 staf("Pengelola Data Kepegawaian", J.PELAKSANA, 6, TI + SDM, 2, "d3")], []),
            ("MMJ-DINKES", "Dinas Kesehatan", JenisUnit.DINAS,
                [kepala("Kepala Dinas Kesehatan", J.JPT_PRATAMA, "II.b", 14, KES, "s2")],
                [
                    ("MMJ-PKM-BNG", "Puskesmas Binanga", JenisUnit.PUSKESMAS,
                        [kepala("Kepala Puskesmas Binanga", J.ADMINISTRATOR, "III.b", 11, KES),
                         staf("Dokter", J.FUNGSIONAL_KEAHLIAN, 10, ["Kedokteran"], 2, "s1", AHLI_PERTAMA),
                         staf("Perawat", J.FUNGSIONAL_KEAHLIAN, 8, KEP, 4, "s1", AHLI_PERTAMA),
                         staf("Bidan", J.FUNGSIONAL_KETERAMPILAN, 7, ["Kebidanan"], 2, "d3", TERAMPIL)], []),
                    ("MMJ-PKM-RGS", "Puskesmas Rangas", JenisUnit.PUSKESMAS,
                        [kepala("Kepala Puskesmas Rangas", J.ADMINISTRATOR, "III.b", 11, KES),
                         staf("Perawat", J.FUNGSIONAL_KEAHLIAN, 8, KEP, 3, "s1", AHLI_PERTAMA),
                         staf("Bidan", J.FUNGSIONAL_KETERAMPILAN, 7, ["Kebidanan"], 2, "d3", TERAMPIL)], []),
                    ("MMJ-PKM-TPD", "Puskesmas Tampa Padang", JenisUnit.PUSKESMAS,
                        [kepala("Kepala Puskesmas Tampa Padang", J.ADMINISTRATOR, "III.b", 11, KES),
                         staf("Perawat", J.FUNGSIONAL_KEAHLIAN, 8, KEP, 2, "s1", AHLI_PERTAMA)], []),
                ]),
            ("MMJ-DIKBUD", "Dinas Pendidikan dan Kebudayaan", JenisUnit.DINAS,
                [kepala("Kepala Dinas Pendidikan dan Kebudayaan", J.JPT_PRATAMA, "II.b", 14, PEND, "s2")],
                [
                    ("MMJ-SMPN1", "SMP Negeri 1 Mamuju", JenisUnit.SEKOLAH,
                        [kepala("Kepala SMP Negeri 1 Mamuju", J.FUNGSIONAL_KEAHLIAN, "", 12, PEND, "s1"),
                         staf("Guru", J.FUNGSIONAL_KEAHLIAN, 9, PEND, 5, "s1", AHLI_PERTAMA)], []),
                    ("MMJ-SDN1BNG", "SD Negeri 1 Binanga", JenisUnit.SEKOLAH,
                        [kepala("Kepala SD Negeri 1 Binanga", J.FUNGSIONAL_KEAHLIAN, "", 11, PEND, "s1"),
                         staf("Guru Kelas", J.FUNGSIONAL_KEAHLIAN, 8, PEND, 4, "s1", AHLI_PERTAMA)], []),
                ]),
            ("MMJ-BKD", "Badan Keuangan Daerah", JenisUnit.BADAN,
                [kepala("Kepala Badan Keuangan Daerah", J.JPT_PRATAMA, "II.b", 14, KEU, "s2"),
                 staf("Analis Keuangan", J.FUNGSIONAL_KEAHLIAN, 9, KEU, 2, "s1", AHLI_PERTAMA),
                 staf("Bendahara", J.PELAKSANA, 7, KEU, 1, "d3")], []),
        ]),
    "gayungan": ("GYG", "Kecamatan Gayungan", JenisUnit.KECAMATAN,
        [kepala("Camat Gayungan", J.ADMINISTRATOR, "III.a", 12, ADM + ["Ilmu Pemerintahan"])],
        [
            ("GYG-SEKCAM", "Sekretariat Kecamatan", JenisUnit.SEKRETARIAT,
                [kepala("Sekretaris Kecamatan", J.ADMINISTRATOR, "III.b", 11, ADM)],
                [
                    ("GYG-SUBUM", "Subbagian Umum dan Kepegawaian", JenisUnit.SUBBAGIAN,
                        [kepala("Kepala Subbagian Umum dan Kepegawaian", J.PENGAWAS, "IV.a", 9, SDM),
                         staf("Pengelola Kepegawaian", J.PELAKSANA, 7, SDM, 2, "d3")], []),
                    ("GYG-SUBKEU", "Subbagian Perencanaan dan Keuangan", JenisUnit.SUBBAGIAN,
                        [kepala("Kepala Subbagian Perencanaan dan Keuangan", J.PENGAWAS, "IV.a", 9, KEU),
                         staf("Pengelola Keuangan", J.PELAKSANA, 7, KEU, 2, "d3")], []),
                ]),
            ("GYG-PEM", "Seksi Pemerintahan", JenisUnit.SEKSI,
                [kepala("Kepala Seksi Pemerintahan", J.PENGAWAS, "IV.a", 9, ADM),
                 staf("Pengadministrasi Pemerintahan", J.PELAKSANA, 6, ADM, 3, "sma")], []),
            ("GYG-TRANTIB", "Seksi Ketenteraman dan Ketertiban", JenisUnit.SEKSI,
                [kepala("Kepala Seksi Ketenteraman dan Ketertiban", J.PENGAWAS, "IV.a", 9, ADM),
                 staf("Pengelola Ketenteraman dan Ketertiban", J.PELAKSANA, 6, ADM, 2, "sma")], []),
            ("GYG-KESRA", "Seksi Kesejahteraan Rakyat", JenisUnit.SEKSI,
                [kepala("Kepala Seksi Kesejahteraan Rakyat", J.PENGAWAS, "IV.a", 9, ADM),
                 staf("Pengelola Kesejahteraan Sosial", J.PELAKSANA, 6, ADM, 2, "d3")], []),
            ("GYG-EKBANG", "Seksi Ekonomi dan Pembangunan", JenisUnit.SEKSI,
                [kepala("Kepala Seksi Ekonomi dan Pembangunan", J.PENGAWAS, "IV.a", 9, ADM + KEU),
                 staf("Pengelola Pembangunan", J.PELAKSANA, 6, ["Teknik Sipil", "Perencanaan Wilayah"], 2, "s1")], []),
            *[
                (f"GYG-KEL-{k}", f"Kelurahan {n}", JenisUnit.KELURAHAN,
                    [kepala(f"Lurah {n}", J.PENGAWAS, "IV.a", 9, ADM),
                     staf("Pengadministrasi Kelurahan", J.PELAKSANA, 6, ADM, 2, "sma"),
                     staf("Pengelola Pelayanan Masyarakat", J.PELAKSANA, 6, ADM, 1, "d3")], [])
                for k, n in [("GYG", "Gayungan"), ("KTT", "Ketintang"), ("MNG", "Menanggal"),
                             ("DMN", "Dukuh Menanggal")]
            ],
        ]),
}  # fmt: skip

KOMPETENSI = [
    ("MNJ-INT", "Integritas", JenisKompetensi.MANAJERIAL),
    ("MNJ-KRJ", "Kerja Sama", JenisKompetensi.MANAJERIAL),
    ("MNJ-KOM", "Komunikasi", JenisKompetensi.MANAJERIAL),
    ("MNJ-ORH", "Orientasi pada Hasil", JenisKompetensi.MANAJERIAL),
    ("MNJ-PLY", "Pelayanan Publik", JenisKompetensi.MANAJERIAL),
    ("MNJ-PKM", "Pengambilan Keputusan", JenisKompetensi.MANAJERIAL),
    ("SK-PKB", "Perekat Bangsa", JenisKompetensi.SOSIAL_KULTURAL),
    ("TEK-KEU", "Pengelolaan Keuangan Daerah", JenisKompetensi.TEKNIS),
    ("TEK-SDM", "Manajemen ASN", JenisKompetensi.TEKNIS),
    ("TEK-ANG", "Penyusunan Anggaran", JenisKompetensi.TEKNIS),
    ("TEK-KES", "Pelayanan Kesehatan Dasar", JenisKompetensi.TEKNIS),
    ("TEK-PND", "Pengembangan Kurikulum", JenisKompetensi.TEKNIS),
    ("TEK-TI", "Pengelolaan Sistem Informasi", JenisKompetensi.TEKNIS),
    ("TEK-PEM", "Administrasi Pemerintahan", JenisKompetensi.TEKNIS),
]

#: Which technical competency a position needs, by the first field of study it lists.
KOMPETENSI_BIDANG = {
    "Akuntansi": "TEK-KEU", "Manajemen Keuangan": "TEK-KEU", "Psikologi": "TEK-SDM",
    "Manajemen SDM": "TEK-SDM", "Kesehatan Masyarakat": "TEK-KES", "Kedokteran": "TEK-KES",
    "Keperawatan": "TEK-KES", "Kebidanan": "TEK-KES", "Pendidikan": "TEK-PND",
    "Teknik Informatika": "TEK-TI", "Administrasi Publik": "TEK-PEM", "Analis Kesehatan": "TEK-KES",
    "Teknik Sipil": "TEK-PEM",
}  # fmt: skip


def seed(ctx: DemoContext) -> None:
    _grup()
    kompetensi = {}
    for kode, nama, jenis in KOMPETENSI:
        kompetensi[kode], _c = upsert(Kompetensi, {"nama": nama, "jenis": jenis}, kode=kode)
    ctx.data["wilayah"] = {}
    ctx.data["jabatan"] = {}  # wilayah kode -> list of (Jabatan, holders wanted)
    for spec in WILAYAH:
        w, _c = upsert(Wilayah, {k: v for k, v in spec.items() if k != "kode"}, kode=spec["kode"])
        ctx.data["wilayah"][w.kode] = w
        ctx.data["jabatan"][w.kode] = []
        _unit(ctx, w, None, POHON[w.kode], kompetensi, urutan=0)
    n_tugas = _abk(ctx)
    if ctx.jumlah_pegawai_tambahan:
        ctx.data["slot_massal"] = unit_massal(ctx, ctx.jumlah_pegawai_tambahan)
    n_unit = UnitKerja.objects.count()
    ctx.log(f"  organisasi: {len(WILAYAH)} wilayah, {n_unit} unit kerja, {n_tugas} tugas ABK")


def _unit(ctx, wilayah, parent, spec, kompetensi, urutan) -> UnitKerja:
    kode, nama, jenis, jabatan_spec, anak = spec
    unit, _c = upsert(
        UnitKerja,
        {"nama": nama, "jenis": jenis, "parent": parent, "urutan": urutan, "aktif": True},
        wilayah=wilayah,
        kode=kode,
    )
    for j_nama, j_jenis, eselon, kelas, is_kepala, pend, bidang, n, jenjang in jabatan_spec:
        jab, _c = upsert(
            Jabatan,
            {
                "wilayah": wilayah,
                "jenis": j_jenis,
                "eselon": eselon,
                "kelas_jabatan": kelas,
                "is_kepala": is_kepala,
                "pendidikan_minimal": pend,
                "bidang_pendidikan": bidang,
                "jenjang": jenjang,
            },
            unit=unit,
            nama=j_nama,
        )
        kode_k = KOMPETENSI_BIDANG.get(bidang[0]) if bidang else None
        wajib = (
            ["MNJ-INT", "MNJ-KRJ"]
            + (["MNJ-PKM"] if is_kepala else [])
            + ([kode_k] if kode_k else [])
        )
        for i, k in enumerate(wajib):
            upsert(
                KebutuhanKompetensi,
                {"level": 3 if is_kepala and i == 2 else 2},
                jabatan=jab,
                kompetensi=kompetensi[k],
            )
        ctx.data["jabatan"][wilayah.kode].append((jab, n))
    for i, child in enumerate(anak):
        _unit(ctx, wilayah, unit, child, kompetensi, urutan=i)
    return unit


def _grup() -> dict[str, Any]:
    """Groups with model permissions. HR manages the org structure and employees of its
    wilayah; pimpinan daerah reads. (Scoping by wilayah is enforced by visible_to, not by
    these permissions.)"""
    hr, _c = Group.objects.get_or_create(name=GRUP_ADMIN_KEPEGAWAIAN)
    pimpinan, _c = Group.objects.get_or_create(name=GRUP_PIMPINAN_DAERAH)
    apps = ["organisasi", "pegawai", "kinerja", "skm", "laporan"]
    semua = Permission.objects.filter(content_type__app_label__in=apps).exclude(
        content_type__model__in=["pengguna", "wilayah", "kompetensi"]
    )
    hr.permissions.set(semua)
    pimpinan.permissions.set(semua.filter(codename__startswith="view_"))
    return {"hr": hr, "pimpinan": pimpinan}


# --- Workload analysis (ABK) ----------------------------------------------------------------
# Tasks per kind of work: (uraian tugas, satuan hasil, norma waktu in minutes).
TUGAS: dict[str, list[tuple[str, str, int]]] = {
    "keu": [
        ("Memverifikasi kelengkapan dokumen SPP/SPM", "dokumen", 45),
        ("Menginput transaksi belanja ke SIPD", "transaksi", 12),
        ("Menyusun laporan realisasi anggaran bulanan", "laporan", 900),
        ("Merekonsiliasi data keuangan dengan BUD", "berita acara", 480),
        ("Menyiapkan bahan penyusunan RKA", "dokumen", 600),
    ],
    "sdm": [
        ("Memverifikasi usulan kenaikan pangkat", "berkas", 90),
        ("Memutakhirkan data pegawai di SIASN", "data pegawai", 20),
        ("Memproses usulan cuti pegawai", "berkas", 30),
        ("Menyusun analisis kebutuhan pengembangan kompetensi", "laporan", 1200),
        ("Menyiapkan bahan penilaian kinerja pegawai", "dokumen", 240),
    ],
    "kes": [
        ("Melakukan pelayanan pemeriksaan pasien", "pasien", 15),
        ("Melakukan kunjungan rumah dan posyandu", "kunjungan", 120),
        ("Melakukan penyuluhan kesehatan masyarakat", "kegiatan", 180),
        ("Menyusun laporan bulanan program kesehatan", "laporan", 600),
    ],
    "dokter": [
        ("Melakukan pemeriksaan dan pengobatan pasien", "pasien", 15),
        ("Melakukan rujukan pasien", "rujukan", 30),
        ("Menyusun laporan surveilans penyakit", "laporan", 240),
    ],
    "kep": [
        ("Melakukan asuhan keperawatan", "pasien", 30),
        ("Melakukan tindakan keperawatan", "tindakan", 20),
        ("Mendokumentasikan asuhan keperawatan", "dokumen", 10),
    ],
    "bidan": [
        ("Melakukan pemeriksaan kehamilan (ANC)", "ibu hamil", 30),
        ("Menolong persalinan normal", "persalinan", 240),
        ("Melakukan pelayanan keluarga berencana", "akseptor", 20),
    ],
    "lab": [
        ("Melakukan pemeriksaan sampel laboratorium", "sampel", 25),
        ("Melakukan kalibrasi alat laboratorium", "alat", 120),
        ("Menyusun laporan hasil uji", "laporan", 60),
    ],
    "pend": [
        ("Melaksanakan tatap muka pembelajaran", "jam pelajaran", 45),
        ("Menyusun perangkat pembelajaran", "dokumen", 240),
        ("Menilai hasil belajar siswa", "lembar jawaban", 10),
        ("Membimbing kegiatan ekstrakurikuler", "pertemuan", 90),
    ],
    "ti": [
        ("Memutakhirkan basis data kepegawaian", "data", 15),
        ("Memelihara aplikasi layanan kepegawaian", "laporan", 480),
        ("Melayani permintaan data kepegawaian", "permintaan", 60),
    ],
    "teknik": [
        ("Melakukan survei kondisi infrastruktur", "lokasi", 240),
        ("Menyusun rencana anggaran biaya kegiatan fisik", "dokumen", 720),
        ("Memantau pelaksanaan pembangunan", "laporan", 360),
    ],
    "adm": [
        ("Mengagendakan surat masuk dan keluar", "surat", 10),
        ("Melayani permohonan administrasi warga", "berkas", 25),
        ("Melakukan verifikasi data lapangan", "data", 60),
        ("Menyiapkan bahan rapat koordinasi", "kegiatan", 240),
        ("Menyusun laporan kegiatan bulanan", "laporan", 480),
    ],
}
JENIS_TUGAS = {
    "Akuntansi": "keu", "Manajemen Keuangan": "keu", "Ekonomi": "keu", "Psikologi": "sdm",
    "Manajemen SDM": "sdm", "Kesehatan Masyarakat": "kes", "Kedokteran": "dokter",
    "Keperawatan": "kep", "Kebidanan": "bidan", "Analis Kesehatan": "lab", "Pendidikan": "pend",
    "Teknik Informatika": "ti", "Teknik Sipil": "teknik",
}  # fmt: skip
#: Workload as a multiple of the planned holders: < 1 gives excess, > 1 shortage. The first
#: two staff positions of every wilayah are pinned (one short, one in excess) so every demo
#: wilayah shows both; the rest vary deterministically.
FAKTOR = [0.45, 0.7, 0.85, 1.0, 1.0, 1.0, 1.35, 1.8, 2.4]
FAKTOR_TETAP = [1.8, 0.45]


def _abk(ctx: DemoContext) -> int:
    """Workload tasks for every non-head demo position; deterministic, upserted by
    (jabatan, uraian tugas), so a rerun writes nothing."""
    n_tugas = 0
    for kode, daftar in ctx.data["jabatan"].items():
        wke = ctx.data["wilayah"][kode].waktu_kerja_efektif_menit
        staf = [(j, n) for j, n in daftar if not j.is_kepala]
        for i, (jab, n) in enumerate(staf):
            rng = ctx.rng_for(f"abk:{jab.unit.kode}:{jab.nama}")
            faktor = FAKTOR_TETAP[i] if i < len(FAKTOR_TETAP) else rng.choice(FAKTOR)
            target = n * faktor * wke
            jenis = "kep" if jab.nama == "Perawat" else None
            jenis = jenis or JENIS_TUGAS.get(
                jab.bidang_pendidikan[0] if jab.bidang_pendidikan else "", "adm"
            )
            katalog = TUGAS[jenis]
            tugas = katalog[: min(len(katalog), rng.randint(3, 5))]
            bobot = [rng.uniform(0.6, 1.4) for _ in tugas]
            total = sum(bobot)
            for urutan, ((uraian, satuan, norma), b) in enumerate(
                zip(tugas, bobot, strict=True), 1
            ):
                volume = max(1, round(target * b / total / norma))
                upsert(
                    TugasJabatan,
                    {"satuan_hasil": satuan, "volume_tahunan": volume, "norma_waktu_menit": norma,
                     "urutan": urutan},
                    jabatan=jab,
                    uraian_tugas=uraian,
                )  # fmt: skip
                n_tugas += 1
    return n_tugas


# --- Generated organisation for `seed_demo --pegawai N` (benchmarks) -------------------------
# A province does not put 100,000 people into 37 units: its heads rate 5-40 people each. The
# generated employees therefore get generated units, ~25 people each (a head and 24 staff),
# grouped by 8 under a generated parent unit whose head is rated by the head of a demo unit:
#   demo unit (depth >= 1) -> induk "UPT ... {m}" -> 8 x anak "SD Negeri {k}" / "Seksi ..."
# so every head rates at most ~25 direct reports, as in a real pemda. The theme (school,
# health centre, service section) follows the demo parent's name.

ANAK_PER_INDUK = 8
STAF_PER_ANAK = 24
#: theme -> (induk name/kind/head, anak name/kind/head, anak staff positions)
TEMA: dict[str, dict[str, Any]] = {
    "pend": {
        "induk": ("UPT Satuan Pendidikan Wilayah {m}", JenisUnit.UPT, PEND),
        "anak": ("SD Negeri {k} {wilayah}", JenisUnit.SEKOLAH, PEND),
        "staf": [
            staf("Guru Kelas", J.FUNGSIONAL_KEAHLIAN, 9, PEND, 12, "s1", AHLI_PERTAMA),
            staf("Guru Pendidikan Jasmani", J.FUNGSIONAL_KEAHLIAN, 9, PEND, 6, "s1", AHLI_PERTAMA),
            staf("Pengadministrasi Sekolah", J.PELAKSANA, 5, ADM, 6, "sma"),
        ],
    },
    "kes": {
        "induk": ("UPT Pelayanan Kesehatan Wilayah {m}", JenisUnit.UPT, KES),
        "anak": ("Puskesmas Pembantu {k} {wilayah}", JenisUnit.PUSKESMAS, KES),
        "staf": [
            staf("Perawat", J.FUNGSIONAL_KEAHLIAN, 9, KEP, 10, "s1", AHLI_PERTAMA),
            staf("Bidan", J.FUNGSIONAL_KETERAMPILAN, 7, ["Kebidanan"], 8, "d3", TERAMPIL),
            staf("Pengadministrasi Umum", J.PELAKSANA, 5, ADM, 6, "sma"),
        ],
    },
    "adm": {
        "induk": ("Unit Layanan {m} {induk}", JenisUnit.BAGIAN, ADM),
        "anak": ("Seksi Layanan {k} {wilayah}", JenisUnit.SEKSI, ADM),
        "staf": [
            staf("Analis Kebijakan", J.FUNGSIONAL_KEAHLIAN, 9, ADM, 8, "s1", AHLI_PERTAMA),
            staf("Pengelola Layanan Operasional", J.PELAKSANA, 7, ADM, 8, "d3"),
            staf("Pengadministrasi Umum", J.PELAKSANA, 5, ADM, 8, "sma"),
        ],
    },
}


def _tema(unit: UnitKerja) -> str:
    nama = unit.nama.lower()
    if unit.jenis == JenisUnit.SEKOLAH or "pendidikan" in nama:
        return "pend"
    if unit.jenis == JenisUnit.PUSKESMAS or "kesehatan" in nama:
        return "kes"
    return "adm"


def unit_massal(ctx: DemoContext, n: int) -> list[tuple[int, Jabatan]]:
    """Units and positions for N generated employees (a third per wilayah), created in bulk
    and idempotent (natural key wilayah+kode for units, unit+nama for positions). Returns the
    N slots (wilayah id, position) the employee step fills, in a deterministic order: per
    induk its head, then per anak its head and its 24 staff."""
    import time

    from django.db import connection

    t0 = time.monotonic()
    slots: list[tuple[int, Jabatan]] = []
    for w_i, spec in enumerate(WILAYAH):
        wilayah = ctx.data["wilayah"][spec["kode"]]
        n_w = n // len(WILAYAH) + (1 if w_i < n % len(WILAYAH) else 0)
        if n_w <= 0:
            continue
        per_induk = 1 + ANAK_PER_INDUK * (1 + STAF_PER_ANAK)
        n_induk = -(-n_w // per_induk)
        n_anak = -(-max(n_w - n_induk, 0) // (1 + STAF_PER_ANAK))
        induk_demo = list(
            UnitKerja.objects.filter(
                wilayah=wilayah,
                depth__gte=1,
                jabatan_set__is_kepala=True,
                kode__in=kode_unit_demo(),
            )
            .distinct()
            .order_by("path")
        )
        # Level 1: induk units under the demo units, round robin.
        rencana_induk = []
        for m in range(n_induk):
            parent = induk_demo[m % len(induk_demo)]
            tema = TEMA[_tema(parent)]
            nama_f, jenis, _b = tema["induk"]
            nama = nama_f.format(m=m + 1, induk=parent.nama, wilayah=wilayah.nama)
            rencana_induk.append((f"{POHON[spec['kode']][0]}-G{m + 1:04d}", nama, jenis, parent))
        induk = _buat_unit(wilayah, rencana_induk)
        # Level 2: anak units, ANAK_PER_INDUK under each induk.
        rencana_anak = []
        for k in range(n_anak):
            kode_induk, _n, _j, parent_demo = rencana_induk[k // ANAK_PER_INDUK]
            nama_f, jenis, _b = TEMA[_tema(parent_demo)]["anak"]
            nama = nama_f.format(k=k + 1, wilayah=wilayah.nama)
            rencana_anak.append((f"{kode_induk}-{k % ANAK_PER_INDUK + 1:02d}", nama, jenis,
                                 induk[kode_induk]))  # fmt: skip
        anak = _buat_unit(wilayah, rencana_anak)
        # Positions: a head for every generated unit, the theme's staff positions in each anak.
        rencana_jab = []
        for kode_u, nama_u, _j, parent in rencana_induk:
            _nf, _jn, bidang = TEMA[_tema(parent)]["induk"]
            rencana_jab.append(
                (induk[kode_u], kepala(f"Kepala {nama_u}", J.ADMINISTRATOR, "III.b", 11, bidang))
            )
        for kode_u, nama_u, _j, parent in rencana_anak:
            tema = TEMA[_tema(parent)]
            bidang = tema["anak"][2]
            rencana_jab.append(
                (anak[kode_u], kepala(f"Kepala {nama_u}", J.PENGAWAS, "IV.a", 9, bidang))
            )
            rencana_jab += [(anak[kode_u], s) for s in tema["staf"]]
        jabatan = _buat_jabatan(wilayah, rencana_jab)
        # The slots, in a stable order, until n_w people are placed.
        sisa = n_w
        for m, (kode_u, *_r) in enumerate(rencana_induk):
            if sisa <= 0:
                break
            slots.append((wilayah.pk, jabatan[(induk[kode_u].pk, True)][0][0]))
            sisa -= 1
            for kode_a, *_r2 in rencana_anak[m * ANAK_PER_INDUK : (m + 1) * ANAK_PER_INDUK]:
                if sisa <= 0:
                    break
                unit = anak[kode_a]
                slots.append((wilayah.pk, jabatan[(unit.pk, True)][0][0]))
                sisa -= 1
                staf_u = [j for j, n_j in jabatan[(unit.pk, False)] for _i in range(n_j)]
                for j in staf_u[:sisa]:
                    slots.append((wilayah.pk, j))
                sisa -= min(sisa, len(staf_u))
    with connection.cursor() as c:
        c.execute("ANALYZE organisasi_unitkerja; ANALYZE organisasi_jabatan")
    ctx.log(
        f"  unit massal: {UnitKerja.objects.filter(kode__contains='-G').count()} unit, "
        f"{len(slots)} slot, {time.monotonic() - t0:.1f} dtk"
    )
    return slots


def kode_unit_demo() -> list[str]:
    kode: list[str] = []

    def jalan(spec) -> None:
        kode.append(spec[0])
        for anak in spec[4]:
            jalan(anak)

    for spec in POHON.values():
        jalan(spec)
    return kode


def _buat_unit(wilayah: Wilayah, rencana: list[tuple]) -> dict[str, UnitKerja]:
    """Bulk-create (kode, nama, jenis, parent) units missing from `wilayah`, then set their
    path/depth from the parent's in one UPDATE (bulk_create skips save()). kode -> unit."""
    from django.db import connection

    ada = set(
        UnitKerja.objects.filter(wilayah=wilayah, kode__in=[r[0] for r in rencana]).values_list(
            "kode", flat=True
        )
    )
    baru = [
        UnitKerja(wilayah=wilayah, kode=kode, nama=nama, jenis=jenis, parent=parent, path="",
                  urutan=i, aktif=True)
        for i, (kode, nama, jenis, parent) in enumerate(rencana)
        if kode not in ada
    ]  # fmt: skip
    UnitKerja.objects.bulk_create(baru, batch_size=2000)
    if baru:
        with connection.cursor() as c:
            c.execute(
                "UPDATE organisasi_unitkerja u SET path = p.path || u.id || '/', "
                "depth = p.depth + 1 FROM organisasi_unitkerja p "
                "WHERE p.id = u.parent_id AND u.path = '' AND u.wilayah_id = %s",
                [wilayah.pk],
            )
    return {
        u.kode: u
        for u in UnitKerja.objects.filter(wilayah=wilayah, kode__in=[r[0] for r in rencana])
    }


def _buat_jabatan(wilayah: Wilayah, rencana: list[tuple]) -> dict[tuple[int, bool], list]:
    """Bulk-create the planned (unit, position spec) rows missing in `wilayah`.
    (unit id, is head) -> [(Jabatan, holders wanted)] in the plan's order."""
    unit_ids = {u.pk for u, _s in rencana}
    ada = {
        (j.unit_id, j.nama): j
        for j in Jabatan.objects.filter(wilayah=wilayah, unit_id__in=unit_ids)
    }
    baru = []
    for unit, (nama, jenis, eselon, kelas, is_kepala, pend, bidang, _n, jenjang) in rencana:
        if (unit.pk, nama) not in ada:
            j = Jabatan(wilayah=wilayah, unit=unit, nama=nama, jenis=jenis, eselon=eselon,
                        kelas_jabatan=kelas, is_kepala=is_kepala, pendidikan_minimal=pend,
                        bidang_pendidikan=bidang, jenjang=jenjang, aktif=True)  # fmt: skip
            baru.append(j)
            ada[(unit.pk, nama)] = j
    Jabatan.objects.bulk_create(baru, batch_size=2000)
    hasil: dict[tuple[int, bool], list] = {}
    for unit, spec in rencana:
        j = ada[(unit.pk, spec[0])]
        hasil.setdefault((unit.pk, spec[4]), []).append((j, spec[7]))
    return hasil
