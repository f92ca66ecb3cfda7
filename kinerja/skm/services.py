"""Writes of the SKM. The only code that creates or changes SKM rows."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from asn_kinerja import antrean
from organisasi import peran
from organisasi.models import UnitKerja
from pegawai.models import Pegawai

from . import antispam
from .akses import boleh_menjawab
from .models import (
    AlasanPenolakan,
    JenisLayanan,
    PenolakanSKM,
    TanggapanSKM,
    TokenFormulirTerpakai,
    UnitLayanan,
)
from .unsur import KODE_UNSUR

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def tanggal_lokal(unit_layanan: UnitLayanan, waktu=None):
    """The date of `waktu` in the wilayah's zone: the period a response belongs to."""
    try:
        zona = zoneinfo.ZoneInfo(unit_layanan.wilayah.zona_waktu)
    except zoneinfo.ZoneInfoNotFoundError:
        zona = timezone.get_default_timezone()
    return timezone.localtime(waktu or timezone.now(), zona).date()


# --- Service units (HR) -------------------------------------------------------------------


def _bersihkan_layanan(nama_layanan: Iterable[str]) -> list[str]:
    hasil: list[str] = []
    for nama in nama_layanan:
        nama = " ".join(nama.split())
        if nama and nama.lower() not in {h.lower() for h in hasil}:
            hasil.append(nama)
    if not hasil:
        raise ValidationError({"jenis_layanan": _("Isi sedikitnya satu jenis layanan.")})
    for nama in hasil:
        if len(nama) > 120:
            raise ValidationError(
                {
                    "jenis_layanan": _("Nama layanan paling panjang 120 karakter: %(n)s")
                    % {"n": nama[:40]}
                }
            )
    return hasil


def _simpan_layanan(unit_layanan: UnitLayanan, nama_layanan: list[str]) -> None:
    """Services no longer listed are deactivated (past responses keep pointing at them)."""
    ada = {j.nama.lower(): j for j in unit_layanan.jenis_layanan.all()}
    dipakai = set()
    for i, nama in enumerate(nama_layanan):
        j = ada.get(nama.lower())
        if j is None:
            j = JenisLayanan(unit_layanan=unit_layanan, nama=nama, urutan=i)
            j.full_clean()
            j.save()
        elif j.urutan != i or not j.aktif or j.nama != nama:
            j.urutan, j.aktif, j.nama = i, True, nama
            j.save(update_fields=["urutan", "aktif", "nama"])
        dipakai.add(j.pk)
    unit_layanan.jenis_layanan.exclude(pk__in=dipakai).update(aktif=False)


def _cek_petugas(unit: UnitKerja, petugas: Iterable[Pegawai]) -> list[Pegawai]:
    petugas = list(petugas)
    for p in petugas:
        if p.wilayah_id != unit.wilayah_id or not p.unit.path.startswith(unit.path):
            raise ValidationError({"petugas": _("Petugas harus pegawai unit ini.")})
    return petugas


@transaction.atomic
def unit_layanan_buka(
    *,
    actor: Pengguna,
    unit: UnitKerja,
    nama_publik: str,
    jenis_layanan: Iterable[str],
    petugas: Iterable[Pegawai] | None = None,
) -> UnitLayanan:
    """Opens a unit kerja for citizen feedback. Without an explicit list, every active
    employee of the unit (not its sub-units) is listed as an officer."""
    peran.wajib_hr(actor, _("Hanya admin kepegawaian yang dapat membuka unit layanan."))
    if not actor.is_admin_nasional and unit.wilayah_id != actor.wilayah_id:
        raise PermissionDenied(_("Unit kerja di luar wilayah Anda."))
    UnitKerja.objects.select_for_update().filter(pk=unit.pk).first()
    if UnitLayanan.objects.filter(unit=unit).exists():
        raise ValidationError({"unit": _("Unit kerja ini sudah dibuka sebagai unit layanan.")})
    nama_layanan = _bersihkan_layanan(jenis_layanan)
    ul = UnitLayanan(
        wilayah_id=unit.wilayah_id,
        unit=unit,
        nama_publik=(nama_publik or unit.nama).strip(),
        dibuka=True,
        dibuka_pada=timezone.now(),
    )
    ul.full_clean()
    ul.save()
    _simpan_layanan(ul, nama_layanan)
    if petugas is None:
        petugas = Pegawai.objects.aktif().filter(unit=unit)
    ul.petugas.set(_cek_petugas(unit, petugas))
    return ul


@transaction.atomic
def unit_layanan_ubah(
    *,
    actor: Pengguna,
    unit_layanan: UnitLayanan,
    nama_publik: str,
    jenis_layanan: Iterable[str],
    petugas: Iterable[Pegawai],
) -> UnitLayanan:
    peran.wajib_hr(actor, _("Hanya admin kepegawaian yang dapat mengubah unit layanan."))
    ul = UnitLayanan.objects.select_for_update().select_related("unit").get(pk=unit_layanan.pk)
    nama_layanan = _bersihkan_layanan(jenis_layanan)
    ul.nama_publik = nama_publik.strip()
    ul.full_clean()
    ul.save()
    _simpan_layanan(ul, nama_layanan)
    ul.petugas.set(_cek_petugas(ul.unit, petugas))
    return ul


@transaction.atomic
def unit_layanan_atur_status(
    *, actor: Pengguna, unit_layanan: UnitLayanan, dibuka: bool
) -> UnitLayanan:
    """Opens or closes a unit for feedback (its link stays; a closed unit shows a notice)."""
    peran.wajib_hr(actor, _("Hanya admin kepegawaian yang dapat membuka atau menutup survei."))
    ul = UnitLayanan.objects.select_for_update().get(pk=unit_layanan.pk)
    if ul.dibuka == dibuka:
        return ul
    ul.dibuka = dibuka
    if dibuka:
        ul.dibuka_pada = timezone.now()
    else:
        ul.ditutup_pada = timezone.now()
    ul.save(update_fields=["dibuka", "dibuka_pada", "ditutup_pada", "updated_at"])
    return ul


# --- Citizen submissions -------------------------------------------------------------------


def penolakan_catat(*, unit_layanan: UnitLayanan, alasan: str) -> None:
    """Counts one rejected submission (unit, local day, reason): an atomic increment."""
    tanggal = tanggal_lokal(unit_layanan)
    with transaction.atomic():
        try:
            with transaction.atomic():
                baris, _c = PenolakanSKM.objects.get_or_create(
                    unit_layanan=unit_layanan, tanggal=tanggal, alasan=alasan
                )
        except IntegrityError:  # created concurrently: it exists now
            baris = PenolakanSKM.objects.get(
                unit_layanan=unit_layanan, tanggal=tanggal, alasan=alasan
            )
        PenolakanSKM.objects.filter(pk=baris.pk).update(jumlah=F("jumlah") + 1)


def tanggapan_kirim(
    *,
    unit_layanan: UnitLayanan,
    data: dict[str, Any],
    ip: str,
    token: str,
    honeypot: str = "",
) -> TanggapanSKM:
    """Stores one citizen response after the abuse checks. `data` is a form's cleaned data:
    jenis_layanan, u1..u9, komentar, petugas (or None), kontak.

    A rejected submission raises `antispam.Ditolak` after it has been counted
    (`penolakan_catat`, its own transaction) and writes no response."""
    try:
        if not unit_layanan.dibuka:
            raise antispam.Ditolak(AlasanPenolakan.DITUTUP)
        if honeypot:
            raise antispam.Ditolak(AlasanPenolakan.HONEYPOT)
        nonce = antispam.periksa_token(token, unit_layanan.pk)
        antispam.periksa_batas(ip=ip, unit_layanan_id=unit_layanan.pk)
        isi = (
            data["jenis_layanan"].pk,
            *(data[k] for k in KODE_UNSUR),
            (data.get("komentar") or "").strip().lower(),
            getattr(data.get("petugas"), "pk", ""),
        )
        antispam.periksa_duplikat(ip=ip, unit_layanan_id=unit_layanan.pk, isi=isi)
        return _tanggapan_simpan(unit_layanan=unit_layanan, data=data, nonce=nonce)
    except antispam.Ditolak as tolak:
        penolakan_catat(unit_layanan=unit_layanan, alasan=tolak.alasan)
        raise


def token_terpakai_bersihkan(*, sekarang: dt.datetime | None = None) -> int:
    """Deletes used-token rows older than a token's lifetime (plus a day): such a token is
    refused as expired anyway. Returns the number deleted; safe to run twice."""
    batas = (sekarang or timezone.now()) - dt.timedelta(
        seconds=antispam.setelan("SKM_FORM_MAKS_DETIK"), days=1
    )
    n, _d = TokenFormulirTerpakai.objects.filter(dipakai_pada__lt=batas).delete()
    return n


@transaction.atomic
def _tanggapan_simpan(
    *, unit_layanan: UnitLayanan, data: dict[str, Any], nonce: str
) -> TanggapanSKM:
    """Stores the response and uses up its form token in one transaction: a token already
    used raises Ditolak(terpakai) and writes nothing (a concurrent second post waits on the
    unique key, then fails)."""
    try:
        with transaction.atomic():
            TokenFormulirTerpakai.objects.create(nonce=nonce, dipakai_pada=timezone.now())
    except IntegrityError:
        raise antispam.Ditolak(AlasanPenolakan.TERPAKAI) from None
    jenis = data["jenis_layanan"]
    if jenis.unit_layanan_id != unit_layanan.pk or not jenis.aktif:
        raise ValidationError({"jenis_layanan": _("Pilih layanan dari daftar.")})
    petugas = data.get("petugas")
    if petugas is not None and not unit_layanan.petugas.filter(pk=petugas.pk).exists():
        raise ValidationError({"petugas": _("Pilih petugas dari daftar.")})
    sekarang = timezone.now()
    t = TanggapanSKM(
        unit_layanan=unit_layanan,
        jenis_layanan=jenis,
        dikirim_pada=sekarang,
        tanggal=tanggal_lokal(unit_layanan, sekarang),
        komentar=(data.get("komentar") or "").strip(),
        petugas=petugas,
        kontak=(data.get("kontak") or "").strip(),
        **{k: int(data[k]) for k in KODE_UNSUR},
    )
    t.full_clean(exclude=["total_nilai"])
    t.save()
    return t


# --- Staff answers ---------------------------------------------------------------------------


def kontak_email(kontak: str) -> str | None:
    try:
        validate_email(kontak)
    except ValidationError:
        return None
    return kontak


@transaction.atomic
def tanggapan_jawab(
    *, actor: Pengguna, tanggapan: TanggapanSKM, jawaban: str, ditindaklanjuti: bool = False
) -> TanggapanSKM:
    """Answers a citizen's comment. The answer appears on the citizen's follow-up page (the
    link shown on the thank-you page); when the contact is an e-mail address, the answer is
    also mailed after the commit."""
    if not boleh_menjawab(actor):
        raise PermissionDenied(_("Anda tidak berwenang menjawab tanggapan ini."))
    t = TanggapanSKM.objects.select_for_update().get(pk=tanggapan.pk)
    jawaban = (jawaban or "").strip()
    if not jawaban:
        raise ValidationError({"jawaban": _("Jawaban tidak boleh kosong.")})
    if len(jawaban) > 2000:
        raise ValidationError({"jawaban": _("Jawaban paling panjang 2.000 karakter.")})
    sekarang = timezone.now()
    t.jawaban, t.dijawab_oleh, t.dijawab_pada = jawaban, actor, sekarang
    if ditindaklanjuti and not t.ditindaklanjuti:
        t.ditindaklanjuti, t.ditindaklanjuti_pada = True, sekarang
    t.full_clean(exclude=["total_nilai"])
    t.save()
    if kontak_email(t.kontak):
        from .tasks import kirim_email_jawaban

        antrean.kirim_setelah_commit(kirim_email_jawaban, t.pk)
    return t


@transaction.atomic
def tanggapan_tandai_ditindaklanjuti(*, actor: Pengguna, tanggapan: TanggapanSKM) -> TanggapanSKM:
    if not boleh_menjawab(actor):
        raise PermissionDenied(_("Anda tidak berwenang menindaklanjuti tanggapan ini."))
    t = TanggapanSKM.objects.select_for_update().get(pk=tanggapan.pk)
    if not t.ditindaklanjuti:
        t.ditindaklanjuti, t.ditindaklanjuti_pada = True, timezone.now()
        t.save(update_fields=["ditindaklanjuti", "ditindaklanjuti_pada", "updated_at"])
    return t
