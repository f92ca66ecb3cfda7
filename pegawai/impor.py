"""Import of employees from Excel (.xlsx) or CSV, in two steps:

1. `impor_pratinjau` reads the file, checks every row (bad NIP, unknown unit or position,
   duplicate NIP in the file or already registered, bad dates/choices) and stores the rows
   with their errors as an `ImporPegawai` in status *pratinjau*. Nothing else is written.
2. `impor_jalankan` re-checks every row against the current database and creates all
   employees in ONE transaction: a single bad row (or any error while saving) rolls the
   whole import back. Nothing is half imported.

Layout (the first sheet / the CSV header; column names are case-insensitive, spaces and
underscores are equivalent; `;` or `,` separated CSV in UTF-8). See docs/pegawai.md and the
downloadable template (`pegawai:impor_templat`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisasi import peran
from organisasi.choices import TingkatPendidikan
from organisasi.models import Jabatan, UnitKerja

from .choices import GOLONGAN_CHOICES, JenisKelamin, StatusKepegawaian
from .models import ImporPegawai, Pegawai, RiwayatPangkat
from .services import pegawai_simpan
from .validators import urai_nip_pns, validasi_nip

if TYPE_CHECKING:
    from organisasi.models import Pengguna


@dataclass(frozen=True)
class Kolom:
    nama: str
    wajib: bool
    contoh: str
    keterangan: str


KOLOM: list[Kolom] = [
    Kolom("NIP", True, "198503152010011002", "18 digit; PNS/CPNS diperiksa tanggal lahir, TMT, jenis kelamin"),
    Kolom("NAMA", True, "Rahmat Pakaya", "tanpa gelar"),
    Kolom("GELAR_DEPAN", False, "Dr.", ""),
    Kolom("GELAR_BELAKANG", False, "S.E., M.Si.", ""),
    Kolom("TEMPAT_LAHIR", False, "Gorontalo", ""),
    Kolom("TANGGAL_LAHIR", False, "15-03-1985", "DD-MM-YYYY atau YYYY-MM-DD; kosong: diambil dari NIP PNS"),
    Kolom("JENIS_KELAMIN", False, "L", "L/P; kosong: diambil dari NIP PNS"),
    Kolom("STATUS_KEPEGAWAIAN", True, "PNS", "CPNS, PNS atau PPPK"),
    Kolom("GOLONGAN", False, "III/b", "I/a … IV/e, atau PPPK-I … PPPK-XVII"),
    Kolom("TMT_GOLONGAN", False, "01-04-2022", ""),
    Kolom("TMT_CPNS", False, "01-01-2010", "kosong: diambil dari NIP PNS"),
    Kolom("KODE_UNIT", True, "GTO-BKD-SEK", "kode unit kerja di wilayah Anda"),
    Kolom("NAMA_JABATAN", False, "Pengelola Kepegawaian", "nama jabatan yang ada di unit itu"),
    Kolom("TMT_JABATAN", False, "02-01-2023", ""),
    Kolom("PENDIDIKAN", False, "S1", "SD, SMP, SMA, D1, D2, D3, D4, S1, S2, S3"),
    Kolom("BIDANG_PENDIDIKAN", False, "Akuntansi", ""),
    Kolom("EMAIL", False, "rahmat@contoh.go.id", ""),
    Kolom("TELEPON", False, "081234567890", ""),
]  # fmt: skip
NAMA_KOLOM = [k.nama for k in KOLOM]
MAKS_BARIS = 5000
#: Physical rows read at most (header, data and blank rows between them).
MAKS_BARIS_FISIK = 2 * MAKS_BARIS + 1
#: Columns read at most: the template's columns and room for a few of the user's own.
MAKS_KOLOM = 3 * len(KOLOM)
MAKS_UKURAN = 5 * 1024 * 1024

_PENDIDIKAN = {
    c.label.upper().replace("-", "").replace("/SMK", ""): c.value for c in TingkatPendidikan
}
_PENDIDIKAN |= {c.value.upper(): c.value for c in TingkatPendidikan} | {"SMK": "sma", "DIV": "d4"}
_GOLONGAN = {g.upper(): g for g, _l in GOLONGAN_CHOICES}


def _kunci(nama: Any) -> str:
    return str(nama or "").strip().upper().replace(" ", "_")


def _teks(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def baca_berkas(berkas: Any, *, kolom: list[Kolom] | None = None) -> list[dict[str, str]]:
    """Rows of an .xlsx or .csv upload as {COLUMN: text}. Raises ValidationError for an
    unreadable file, a missing required column (of `kolom`, default the employee layout
    `KOLOM`; the potential import `kinerja.talenta.impor` passes its own) or too many rows.

    Hostile files cost little: rows are streamed, never more than `MAKS_KOLOM` columns and
    `MAKS_BARIS_FISIK` physical rows are read whatever the sheet declares (a 5 KB .xlsx
    declaring `A1:XFD1048576` used to be padded to 16,384 columns per row: 460 MB), and
    reading stops at the first data row over `MAKS_BARIS`."""
    nama = (getattr(berkas, "name", "") or "").lower()
    if getattr(berkas, "size", 0) and berkas.size > MAKS_UKURAN:
        raise ValidationError(_("Berkas terlalu besar (maksimal 5 MB)."))
    isi = berkas.read(MAKS_UKURAN + 1)
    if len(isi) > MAKS_UKURAN:
        raise ValidationError(_("Berkas terlalu besar (maksimal 5 MB)."))
    if nama.endswith(".xlsx"):
        mentah = _baca_xlsx(isi)
    elif nama.endswith(".csv"):
        mentah = _baca_csv(isi)
    else:
        raise ValidationError(_("Format berkas harus .xlsx atau .csv."))
    kepala = next(mentah, None)
    if kepala is None:
        raise ValidationError(_("Berkas kosong: tidak ada baris judul kolom."))
    judul = [_kunci(h) for h in kepala]
    kurang = [k.nama for k in (kolom or KOLOM) if k.wajib and k.nama not in judul]
    if kurang:
        raise ValidationError(
            _("Kolom wajib tidak ada: %(k)s. Gunakan templat impor.") % {"k": ", ".join(kurang)}
        )
    baris = []
    for no, nilai in enumerate(mentah, start=2):
        if not any(v is not None and v != "" for v in nilai):
            continue
        if len(baris) >= MAKS_BARIS:
            raise ValidationError(
                _("Paling banyak %(n)s baris per berkas; pecah berkas Anda.") % {"n": MAKS_BARIS}
            )
        if no > MAKS_BARIS_FISIK:
            raise ValidationError(
                _("Baris %(no)s terlalu jauh di bawah: data harus berada dalam %(n)s baris "
                  "pertama. Hapus baris kosong di antara data atau pecah berkas Anda.")
                % {"no": no, "n": MAKS_BARIS_FISIK}
            )  # fmt: skip
        teks = [_teks(v) for v in nilai]
        baris.append({h: (teks[i] if i < len(teks) else "") for i, h in enumerate(judul) if h})
    if not baris:
        raise ValidationError(_("Berkas tidak berisi baris data."))
    return baris


def _baca_xlsx(isi: bytes) -> Iterator[tuple[Any, ...]]:
    """The first sheet's rows, at most `MAKS_KOLOM` values each and `MAKS_BARIS_FISIK` + 1
    rows (the extra one tells that data goes on). Streams: read-only mode parses the sheet
    as it is iterated; blank rows in between are one shared tuple."""
    from openpyxl import load_workbook

    tidak_terbaca = _("Berkas Excel tidak dapat dibaca.")
    try:
        wb = load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
        ws = wb.worksheets[0]
    except Exception:  # noqa: BLE001 — any parse failure is the same message to the user
        raise ValidationError(tidak_terbaca) from None
    try:
        yield from ws.iter_rows(
            min_row=1, max_row=MAKS_BARIS_FISIK + 1, max_col=MAKS_KOLOM, values_only=True
        )
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 — a corrupt sheet fails while it is being read
        raise ValidationError(tidak_terbaca) from None
    finally:
        wb.close()


def _baca_csv(isi: bytes) -> Iterator[list[str]]:
    """Rows of a `;` or `,` separated CSV (UTF-8, else Latin-1), bounded like `_baca_xlsx`."""
    try:
        teks = isi.decode("utf-8-sig")
    except UnicodeDecodeError:
        teks = isi.decode("latin-1")
    teks = teks.replace("\x00", "")  # PostgreSQL refuses NUL in text and JSON
    pertama = teks.split("\n", 1)[0]
    pemisah = ";" if pertama.count(";") > pertama.count(",") else ","
    try:
        for no, row in enumerate(csv.reader(io.StringIO(teks), delimiter=pemisah), start=1):
            if no > MAKS_BARIS_FISIK + 1:
                return
            yield row[:MAKS_KOLOM]
    except csv.Error:
        raise ValidationError(_("Berkas CSV tidak dapat dibaca.")) from None


def _tanggal(teks: str) -> dt.date | None:
    if not teks:
        return None
    for fmt in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(teks[:10], fmt).date()
        except ValueError:
            continue
    raise ValueError(teks)


def periksa(baris: list[dict[str, str]], *, wilayah: Any) -> list[dict[str, Any]]:
    """Checks every row; returns [{"no": row number in the file, "data": {...}, "galat":
    [messages]}]. Three queries whatever the number of rows (units, positions, NIPs)."""
    unit = {
        u.kode.upper(): u
        for u in UnitKerja.objects.di_wilayah(wilayah).filter(aktif=True).only("pk", "kode", "nama")
    }
    jabatan = {
        (j.unit_id, j.nama.strip().lower()): j
        for j in Jabatan.objects.di_wilayah(wilayah)
        .filter(aktif=True)
        .only("pk", "unit_id", "nama")
    }
    nip_semua = [b.get("NIP", "").replace(" ", "") for b in baris]
    terdaftar = set(Pegawai.objects.filter(nip__in=nip_semua).values_list("nip", flat=True))
    dilihat: dict[str, int] = {}
    hasil = []
    for i, b in enumerate(baris, start=2):
        galat: list[str] = []
        data = {k: b.get(k, "").strip() for k in NAMA_KOLOM}
        nip = data["NIP"] = data["NIP"].replace(" ", "")
        status = data["STATUS_KEPEGAWAIAN"].lower()
        if status not in StatusKepegawaian.values:
            galat.append(
                _("Status kepegawaian '%(s)s' tidak dikenal (CPNS, PNS, PPPK).")
                % {"s": data["STATUS_KEPEGAWAIAN"]}
            )
        pppk = status == StatusKepegawaian.PPPK
        tanggal: dict[str, dt.date | None] = {}
        for k in ("TANGGAL_LAHIR", "TMT_GOLONGAN", "TMT_CPNS", "TMT_JABATAN"):
            try:
                tanggal[k] = _tanggal(data[k])
            except ValueError:
                tanggal[k] = None
                galat.append(
                    _("%(k)s '%(v)s' bukan tanggal (DD-MM-YYYY).") % {"k": k, "v": data[k]}
                )
        jk = data["JENIS_KELAMIN"].upper()[:1]
        if jk and jk not in JenisKelamin.values:
            galat.append(_("Jenis kelamin harus L atau P."))
        # NIP: the rule of DOMAIN.md section 4; a PNS NIP fills blank birth date/gender/TMT.
        try:
            if not pppk and nip:
                urai = urai_nip_pns(nip)
                tanggal["TANGGAL_LAHIR"] = tanggal["TANGGAL_LAHIR"] or urai.tanggal_lahir
                tanggal["TMT_CPNS"] = tanggal["TMT_CPNS"] or urai.tmt_cpns
                jk = jk or urai.jenis_kelamin
            validasi_nip(nip, pppk=pppk, tanggal_lahir=tanggal["TANGGAL_LAHIR"],
                         jenis_kelamin=jk or None)  # fmt: skip
        except ValidationError as e:
            galat.append(_("NIP tidak sah: %(m)s") % {"m": " ".join(e.messages)})
        if nip in dilihat:
            galat.append(
                _("NIP ganda dalam berkas (sama dengan baris %(n)s).") % {"n": dilihat[nip]}
            )
        elif nip:
            dilihat[nip] = i
        if nip in terdaftar:
            galat.append(_("NIP %(nip)s sudah terdaftar.") % {"nip": nip})
        if not data["NAMA"]:
            galat.append(_("Nama wajib diisi."))
        elif len(data["NAMA"]) > 150:
            galat.append(_("Nama terlalu panjang (maksimal 150 karakter)."))
        if not tanggal["TANGGAL_LAHIR"]:
            galat.append(_("Tanggal lahir wajib diisi."))
        if not jk:
            galat.append(_("Jenis kelamin wajib diisi."))
        u = unit.get(data["KODE_UNIT"].upper())
        if not data["KODE_UNIT"]:
            galat.append(_("Kode unit wajib diisi."))
        elif u is None:
            galat.append(
                _("Unit kerja dengan kode '%(k)s' tidak dikenal di wilayah ini.")
                % {"k": data["KODE_UNIT"]}
            )
        j = None
        if data["NAMA_JABATAN"] and u is not None:
            j = jabatan.get((u.pk, data["NAMA_JABATAN"].lower()))
            if j is None:
                galat.append(
                    _("Jabatan '%(j)s' tidak ada di unit %(u)s.")
                    % {"j": data["NAMA_JABATAN"], "u": u.nama}
                )
        golongan = (
            _GOLONGAN.get(data["GOLONGAN"].upper().replace(" ", "")) if data["GOLONGAN"] else ""
        )
        if golongan is None:
            galat.append(_("Golongan '%(g)s' tidak dikenal.") % {"g": data["GOLONGAN"]})
        elif golongan and golongan.startswith("PPPK-") != pppk:
            galat.append(_("Golongan tidak sesuai dengan status kepegawaian."))
        pendidikan = (
            _PENDIDIKAN.get(data["PENDIDIKAN"].upper().replace("-", "").replace(" ", ""))
            if data["PENDIDIKAN"]
            else ""
        )
        if pendidikan is None:
            galat.append(_("Pendidikan '%(p)s' tidak dikenal.") % {"p": data["PENDIDIKAN"]})
        bersih = {
            "nip": nip, "nama": data["NAMA"], "gelar_depan": data["GELAR_DEPAN"],
            "gelar_belakang": data["GELAR_BELAKANG"], "tempat_lahir": data["TEMPAT_LAHIR"],
            "tanggal_lahir": _iso(tanggal["TANGGAL_LAHIR"]), "jenis_kelamin": jk,
            "status_kepegawaian": status, "golongan": golongan or "",
            "tmt_golongan": _iso(tanggal["TMT_GOLONGAN"]), "tmt_cpns": _iso(tanggal["TMT_CPNS"]),
            "unit_id": u.pk if u else None, "unit_nama": u.nama if u else "",
            "jabatan_id": j.pk if j else None, "jabatan_nama": j.nama if j else "",
            "tmt_jabatan": _iso(tanggal["TMT_JABATAN"]), "pendidikan_terakhir": pendidikan or "",
            "bidang_pendidikan": data["BIDANG_PENDIDIKAN"], "email": data["EMAIL"],
            "telepon": data["TELEPON"],
        }  # fmt: skip
        if not galat:  # the model's own rules (lengths, e-mail, unit/position consistency)
            try:
                _pegawai(bersih, wilayah).full_clean(validate_unique=False)
            except ValidationError as e:
                galat.extend(f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v)
                             for k, v in e.message_dict.items())  # fmt: skip
        hasil.append({"no": i, "mentah": data, "data": bersih, "galat": galat})
    return hasil


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def _pegawai(data: dict[str, Any], wilayah: Any) -> Pegawai:
    tgl = {k: dt.date.fromisoformat(data[k]) if data[k] else None
           for k in ("tanggal_lahir", "tmt_golongan", "tmt_cpns", "tmt_jabatan")}  # fmt: skip
    return Pegawai(
        wilayah_id=getattr(wilayah, "pk", wilayah),
        nip=data["nip"], nama=data["nama"], gelar_depan=data["gelar_depan"],
        gelar_belakang=data["gelar_belakang"], tempat_lahir=data["tempat_lahir"],
        jenis_kelamin=data["jenis_kelamin"], status_kepegawaian=data["status_kepegawaian"],
        golongan=data["golongan"], unit_id=data["unit_id"], jabatan_id=data["jabatan_id"],
        pendidikan_terakhir=data["pendidikan_terakhir"],
        bidang_pendidikan=data["bidang_pendidikan"], email=data["email"],
        telepon=data["telepon"], **tgl,
    )  # fmt: skip


# --- services -------------------------------------------------------------------------------


def _wajib_hr(actor: Pengguna) -> None:
    peran.wajib_hr_wilayah_sendiri(
        actor, _("Hanya admin kepegawaian wilayah yang dapat mengimpor pegawai.")
    )


@transaction.atomic
def impor_pratinjau(*, actor: Pengguna, berkas: Any) -> ImporPegawai:
    """Reads and checks the upload; stores the preview. Writes no employee."""
    _wajib_hr(actor)
    baris = periksa(baca_berkas(berkas), wilayah=actor.wilayah)
    impor = ImporPegawai(
        wilayah_id=actor.wilayah_id,
        nama_file=(getattr(berkas, "name", "") or "impor")[:255],
        baris=baris,
        jumlah_baris=len(baris),
        jumlah_galat=sum(1 for b in baris if b["galat"]),
        diunggah_oleh=actor,
    )
    impor.full_clean()
    impor.save()
    return impor


def impor_jalankan(*, actor: Pengguna, impor: ImporPegawai) -> int:
    """Creates every employee of a clean preview, all or nothing. Re-checks the rows first
    (another import may have registered a NIP since the preview); when a row fails, the
    refreshed errors are saved on the preview and nothing is imported."""
    _wajib_hr(actor)
    with transaction.atomic():
        impor = ImporPegawai.objects.select_for_update().get(pk=impor.pk)
        if impor.wilayah_id != actor.wilayah_id and not actor.is_admin_nasional:
            raise PermissionDenied
        if impor.status != ImporPegawai.Status.PRATINJAU:
            raise ValidationError(_("Impor ini sudah diproses."))
        baris = periksa([b["mentah"] for b in impor.baris], wilayah=impor.wilayah_id)
        galat = sum(1 for b in baris if b["galat"])
        if not galat:
            for b in baris:
                p = pegawai_simpan(actor=actor, pegawai=_pegawai(b["data"], impor.wilayah_id))
                if p.golongan and p.tmt_golongan:
                    RiwayatPangkat.objects.create(
                        pegawai=p, golongan=p.golongan, tmt=p.tmt_golongan
                    )
            impor.status = ImporPegawai.Status.DIIMPOR
            impor.jumlah_dibuat = len(baris)
            impor.diimpor_pada = timezone.now()
        impor.baris, impor.jumlah_galat = baris, galat
        impor.save()
    if galat:
        raise ValidationError(
            _("%(n)s baris bermasalah; tidak ada pegawai yang diimpor. Perbaiki berkas lalu "
              "unggah ulang.") % {"n": galat}
        )  # fmt: skip
    return len(baris)


@transaction.atomic
def impor_batalkan(*, actor: Pengguna, impor: ImporPegawai) -> None:
    _wajib_hr(actor)
    impor = ImporPegawai.objects.select_for_update().get(pk=impor.pk)
    if impor.status != ImporPegawai.Status.PRATINJAU:
        raise ValidationError(_("Impor ini sudah diproses."))
    impor.status = ImporPegawai.Status.DIBATALKAN
    impor.save(update_fields=["status", "updated_at"])


# --- template -------------------------------------------------------------------------------


def templat_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Pegawai"
    ws.append(NAMA_KOLOM)
    ws.append([k.contoh for k in KOLOM])
    for sel in ws[1]:
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="17375E")
    for i, k in enumerate(KOLOM, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = max(14, len(k.nama) + 4)
    ws2 = wb.create_sheet("Petunjuk")
    ws2.append(["Kolom", "Wajib", "Contoh", "Keterangan"])
    for k in KOLOM:
        ws2.append([k.nama, "ya" if k.wajib else "", k.contoh, k.keterangan])
    ws2.column_dimensions["A"].width = 22
    ws2.column_dimensions["D"].width = 70
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def templat_csv() -> str:
    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerow(NAMA_KOLOM)
    w.writerow([k.contoh for k in KOLOM])
    return out.getvalue()
