"""Import of potential results (`HasilPotensi`) from Excel (.xlsx; CSV also read), in two
steps, the pattern of the employee import (`pegawai.impor`, whose file reader is reused):

1. `impor_pratinjau` reads the file, checks every row (NIP of an active employee of the HR
   officer's OWN wilayah, found through `Pegawai.objects.visible_to`; source, date, score
   0-100, optional level, note; duplicates in the file and results already recorded) and
   stores the rows with their errors per cell as an `ImporPotensi` in status *pratinjau*.
   No result is written. Three queries whatever the number of rows.
2. `impor_jalankan` re-checks every row against the current database and creates all
   results in ONE transaction: one bad row, a row that changed since the preview (the
   thresholds were edited, the employee moved) or any error while saving rolls the whole
   import back.

Columns (docs/talenta.md; case-insensitive, spaces and underscores are equivalent): NIP,
SUMBER, TANGGAL, SKOR, LEVEL (empty: derived from the score by the wilayah's thresholds,
as the entry form does), CATATAN.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from asn_kinerja.waktu import hari_ini
from organisasi import peran
from pegawai.impor import Kolom, baca_berkas
from pegawai.impor import _tanggal as baca_tanggal
from pegawai.models import Pegawai

from . import rules, selectors
from .models import HasilPotensi, ImporPotensi, Level

if TYPE_CHECKING:
    from organisasi.models import Pengguna

KOLOM: list[Kolom] = [
    Kolom("NIP", True, "198503152010011002", "18 digit, pegawai aktif di wilayah Anda (sel berformat teks)"),
    Kolom("SUMBER", True, "Assessment center", "Assessment center, Uji kompetensi atau Penilaian atasan"),
    Kolom("TANGGAL", True, "15-06-2026", "tanggal asesmen, DD-MM-YYYY atau YYYY-MM-DD; tidak di masa depan"),
    Kolom("SKOR", True, "78,5", "0 sampai 100, paling banyak 2 desimal"),
    Kolom("LEVEL", False, "", "Rendah, Menengah atau Tinggi; kosong: dihitung dari skor dengan batas wilayah"),
    Kolom("CATATAN", False, "Asesmen JPT 2026", "paling panjang 1000 karakter"),
]  # fmt: skip
NAMA_KOLOM = [k.nama for k in KOLOM]
MAKS_CATATAN = 1000


def _kunci_pilihan(teks: str) -> str:
    return " ".join(teks.lower().replace("_", " ").replace("-", " ").split())


def _peta(choices: list[tuple[str, Any]], **lain: str) -> dict[str, str]:
    """Spellings a cell may use for a choice -> its value: the value, its label (spaces,
    underscores, hyphens and case ignored) and the extra aliases."""
    peta = {_kunci_pilihan(v): v for v, _label in choices}
    peta |= {_kunci_pilihan(str(label)): v for v, label in choices}
    return peta | {_kunci_pilihan(k): v for k, v in lain.items()}


@dataclass
class _Temuan:
    """The errors of one row: messages, and the columns (cells) they are about."""

    galat: list[str] = field(default_factory=list)
    sel: set[str] = field(default_factory=set)

    def salah(self, kolom: str, pesan: str, *, awalan: bool = True) -> None:
        self.galat.append(f"{kolom}: {pesan}" if awalan else pesan)
        self.sel.add(kolom)


def _skor(teks: str) -> Decimal:
    """A score from a cell: `78.5`, `78,5` (Indonesian decimal comma) or a number."""
    try:
        nilai = Decimal(teks.replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise ValueError(teks) from None
    if not nilai.is_finite():
        raise ValueError(teks)
    return nilai


def periksa(baris: list[dict[str, str]], *, actor: Pengguna) -> list[dict[str, Any]]:
    """Checks every row; returns [{"no": row number in the file, "mentah": {COLUMN: text},
    "data": {...}, "galat": [messages], "sel_galat": [columns with an error]}].

    Three queries whatever the number of rows: the employees of the NIPs (through
    `visible_to(actor)`, narrowed to the actor's own wilayah), the results already recorded
    for them on the file's dates, and the wilayah's thresholds."""
    wilayah_id = actor.wilayah_id
    nip_semua = {b.get("NIP", "").replace(" ", "") for b in baris} - {""}
    pegawai = {
        p.nip: p
        for p in Pegawai.objects.visible_to(actor)
        .filter(wilayah_id=wilayah_id, nip__in=nip_semua)
        .only("pk", "nip", "nama", "gelar_depan", "gelar_belakang", "status_aktif")
    }
    tanggal_semua = set()
    for b in baris:
        try:
            if t := baca_tanggal(b.get("TANGGAL", "").strip()):
                tanggal_semua.add(t)
        except ValueError:
            continue
    tercatat = set(
        HasilPotensi.objects.visible_to(actor)
        .filter(pegawai__in=[p.pk for p in pegawai.values()], tanggal__in=tanggal_semua)
        .values_list("pegawai_id", "sumber", "tanggal")
    )
    atur = selectors.pengaturan(wilayah_id)
    hari = hari_ini(actor.wilayah)
    peta_sumber = _peta(HasilPotensi.Sumber.choices, ac=HasilPotensi.Sumber.ASSESSMENT_CENTER,
                        assessment_centre=HasilPotensi.Sumber.ASSESSMENT_CENTER)  # fmt: skip
    peta_level = _peta(Level.choices)
    dilihat: dict[tuple, int] = {}
    hasil = []
    for no, b in enumerate(baris, start=2):
        temuan = _Temuan()
        galat, sel, salah = temuan.galat, temuan.sel, temuan.salah
        mentah = {k: (b.get(k) or "").strip() for k in NAMA_KOLOM}
        nip = mentah["NIP"] = mentah["NIP"].replace(" ", "")
        p = pegawai.get(nip)
        if not nip:
            salah("NIP", _("wajib diisi."))
        elif p is None:
            salah("NIP", _("NIP tidak ditemukan di wilayah Anda."), awalan=False)
        elif p.status_aktif != "aktif":
            salah("NIP", _("pegawai %(nama)s sudah tidak aktif.") % {"nama": p.nama})
        sumber = peta_sumber.get(_kunci_pilihan(mentah["SUMBER"]))
        if not mentah["SUMBER"]:
            salah("SUMBER", _("wajib diisi."))
        elif sumber is None:
            salah("SUMBER", _("'%(v)s' tidak dikenal (Assessment center, Uji kompetensi, "
                              "Penilaian atasan).") % {"v": mentah["SUMBER"]})  # fmt: skip
        tanggal = None
        try:
            tanggal = baca_tanggal(mentah["TANGGAL"])
        except ValueError:
            salah("TANGGAL", _("'%(v)s' bukan tanggal (DD-MM-YYYY).") % {"v": mentah["TANGGAL"]})
        else:
            if tanggal is None:
                salah("TANGGAL", _("wajib diisi."))
            elif tanggal > hari:
                salah("TANGGAL", _("tanggal asesmen tidak boleh di masa depan."))
        skor = None
        if not mentah["SKOR"]:
            salah("SKOR", _("wajib diisi."))
        else:
            try:
                skor = _skor(mentah["SKOR"])
            except ValueError:
                salah("SKOR", _("'%(v)s' bukan angka.") % {"v": mentah["SKOR"]})
            else:
                if not Decimal(0) <= skor <= Decimal(100):
                    salah("SKOR", _("harus antara 0 dan 100."))
                    skor = None
                elif skor != skor.quantize(Decimal("0.01")):
                    salah("SKOR", _("paling banyak 2 angka di belakang koma."))
                    skor = None
        level = ""
        if mentah["LEVEL"]:
            level = peta_level.get(_kunci_pilihan(mentah["LEVEL"]), "")
            if not level:
                salah("LEVEL", _("'%(v)s' tidak dikenal (Rendah, Menengah, Tinggi; atau kosongkan).")
                      % {"v": mentah["LEVEL"]})  # fmt: skip
        elif skor is not None:
            level = rules.level_dari_skor(
                skor, batas_menengah=atur.batas_menengah, batas_tinggi=atur.batas_tinggi
            )
        if len(mentah["CATATAN"]) > MAKS_CATATAN:
            salah("CATATAN", _("terlalu panjang (maksimal %(n)s karakter).") % {"n": MAKS_CATATAN})
        if p is not None and sumber and tanggal:
            kunci = (p.pk, sumber, tanggal)
            if kunci in dilihat:
                galat.append(_("Baris ganda: NIP, sumber dan tanggal sama dengan baris %(n)s.")
                             % {"n": dilihat[kunci]})  # fmt: skip
                sel.update({"NIP", "SUMBER", "TANGGAL"})
            else:
                dilihat[kunci] = no
            if kunci in tercatat:
                galat.append(_("Hasil potensi %(nip)s dari sumber ini pada tanggal ini sudah "
                               "tercatat.") % {"nip": nip})  # fmt: skip
                sel.update({"NIP", "SUMBER", "TANGGAL"})
        data = {
            "pegawai_id": p.pk if p else None, "nama": p.nama_lengkap if p else "",
            "sumber": sumber or "", "tanggal": tanggal.isoformat() if tanggal else "",
            "skor": str(skor) if skor is not None else "", "level": level,
            "level_otomatis": bool(level and not mentah["LEVEL"]), "catatan": mentah["CATATAN"],
        }  # fmt: skip
        hasil.append({"no": no, "mentah": mentah, "data": data, "galat": galat,
                      "sel_galat": sorted(sel)})  # fmt: skip
    return hasil


def _hasil(data: dict[str, Any], *, wilayah_id: int, actor: Pengguna) -> HasilPotensi:
    return HasilPotensi(
        wilayah_id=wilayah_id, pegawai_id=data["pegawai_id"], sumber=data["sumber"],
        tanggal=dt.date.fromisoformat(data["tanggal"]), skor=Decimal(data["skor"]),
        level=data["level"], catatan=data["catatan"], dicatat_oleh=actor,
    )  # fmt: skip


# --- services -------------------------------------------------------------------------------


def _wajib_hr(actor: Pengguna) -> None:
    """The import looks NIPs up in the actor's own wilayah: `peran.is_hr_wilayah_sendiri`."""
    peran.wajib_hr_wilayah_sendiri(
        actor, _("Hanya admin kepegawaian wilayah yang dapat mengimpor hasil potensi.")
    )


@transaction.atomic
def impor_pratinjau(*, actor: Pengguna, berkas: Any) -> ImporPotensi:
    """Reads and checks the upload; stores the preview. Writes no result."""
    _wajib_hr(actor)
    baris = periksa(baca_berkas(berkas, kolom=KOLOM), actor=actor)
    impor = ImporPotensi(
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


def impor_jalankan(*, actor: Pengguna, impor: ImporPotensi) -> int:
    """Creates every result of a clean preview, all or nothing. The rows are checked again
    first; when one fails, or any row's data is no longer what the preview showed, the
    refreshed rows are saved on the preview and nothing is imported."""
    _wajib_hr(actor)
    berubah = False
    with transaction.atomic():
        impor = ImporPotensi.objects.select_for_update().get(pk=impor.pk)
        if impor.wilayah_id != actor.wilayah_id:
            raise PermissionDenied
        if impor.status != ImporPotensi.Status.PRATINJAU:
            raise ValidationError(_("Impor ini sudah diproses."))
        baris = periksa([b["mentah"] for b in impor.baris], actor=actor)
        galat = sum(1 for b in baris if b["galat"])
        berubah = [b["data"] for b in baris] != [b["data"] for b in impor.baris]
        if not galat and not berubah:
            hasil = [_hasil(b["data"], wilayah_id=impor.wilayah_id, actor=actor) for b in baris]
            for h in hasil:  # the per-row rules; uniqueness was checked above in one query
                h.full_clean(validate_unique=False, validate_constraints=False)
            try:
                with transaction.atomic():
                    HasilPotensi.objects.bulk_create(hasil)
            except IntegrityError:
                raise ValidationError(
                    _("Sebagian hasil baru saja tercatat oleh impor atau pengguna lain; tidak ada "
                      "yang diimpor. Unggah ulang berkas untuk memeriksanya lagi.")
                ) from None  # fmt: skip
            impor.status = ImporPotensi.Status.DIIMPOR
            impor.jumlah_dibuat = len(hasil)
            impor.diimpor_pada = timezone.now()
        impor.baris, impor.jumlah_galat = baris, galat
        impor.save()
    if galat:
        raise ValidationError(
            _("%(n)s baris bermasalah; tidak ada hasil potensi yang diimpor. Perbaiki berkas lalu "
              "unggah ulang.") % {"n": galat}
        )  # fmt: skip
    if berubah:
        raise ValidationError(
            _("Data berubah sejak pratinjau (pengaturan batas level atau data pegawai); "
              "pratinjau sudah diperbarui. Periksa lalu jalankan lagi.")
        )  # fmt: skip
    return len(baris)


@transaction.atomic
def impor_batalkan(*, actor: Pengguna, impor: ImporPotensi) -> None:
    _wajib_hr(actor)
    impor = ImporPotensi.objects.select_for_update().get(pk=impor.pk)
    if impor.wilayah_id != actor.wilayah_id:
        raise PermissionDenied
    if impor.status != ImporPotensi.Status.PRATINJAU:
        raise ValidationError(_("Impor ini sudah diproses."))
    impor.status = ImporPotensi.Status.DIBATALKAN
    impor.save(update_fields=["status", "updated_at"])


# --- template -------------------------------------------------------------------------------


def templat_xlsx() -> bytes:
    """The import template: the header, one example row, drop-down lists for SUMBER and
    LEVEL, the NIP column as text (an 18-digit number would lose its last digits), and a
    sheet of instructions."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "Hasil potensi"
    ws.append(NAMA_KOLOM)
    ws.append([k.contoh for k in KOLOM])
    for sel in ws[1]:
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="17375E")
    for baris in range(2, 1002):
        ws.cell(baris, 1).number_format = "@"
    for kolom, pilihan in (
        ("B", [str(lb) for _v, lb in HasilPotensi.Sumber.choices]),
        ("E", [str(lb) for _v, lb in Level.choices]),
    ):
        dv = DataValidation(type="list", formula1='"' + ",".join(pilihan) + '"', allow_blank=True)
        dv.add(f"{kolom}2:{kolom}1001")
        ws.add_data_validation(dv)
    for i, lebar in enumerate((22, 22, 14, 10, 12, 40), start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = lebar
    ws2 = wb.create_sheet("Petunjuk")
    ws2.append(["Kolom", "Wajib", "Contoh", "Keterangan"])
    for k in KOLOM:
        ws2.append([k.nama, "ya" if k.wajib else "", k.contoh, k.keterangan])
    ws2.append([])
    ws2.append(["Impor dijalankan utuh atau tidak sama sekali: satu baris bermasalah "
                "membatalkan seluruh berkas."])  # fmt: skip
    ws2.column_dimensions["A"].width = 14
    ws2.column_dimensions["C"].width = 22
    ws2.column_dimensions["D"].width = 80
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
