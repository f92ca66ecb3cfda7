"""The SKP status machine (DOMAIN.md section 2, "Status flows").

    draf ──ajukan──> diajukan ──setujui──> disetujui ──ajukan_revisi──> revisi_diajukan
      ^                 │                                    ^                │   │
      │             kembalikan (catatan wajib)               └──tolak_revisi──┘   │
      │                 v                                                         │
      │            dikembalikan ──ajukan──> diajukan                              │
      └────────────────────────────── terima_revisi ──────────────────────────────┘
    buka_kembali (HR, alasan wajib): diajukan/dikembalikan/disetujui/revisi_diajukan -> draf

Who moves each step:
- the employee (owner of the SKP): ajukan, ajukan_revisi;
- the pejabat penilai stored on the SKP (set from the org tree when the SKP is created and
  again when it is submitted): setujui, kembalikan, terima_revisi, tolak_revisi. An SKP
  without a pejabat penilai (the top JPT of a wilayah, whose superior is the elected head
  without an account) is approved by the wilayah's admin kepegawaian on the head's behalf;
- the admin kepegawaian of the wilayah: buka_kembali (administrative reopening).

Every step goes through `asn_kinerja.workflow.jalankan()` (row lock, state check, one TransisiStatus row)
and notifies the next person after commit. A closed performance year refuses every step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asn_kinerja import workflow
from asn_kinerja.notifikasi import notifikasi_kirim
from asn_kinerja.workflow import Transisi, jalankan
from kinerja.models import SKP, RencanaHasilKerja
from kinerja.services.periode import pastikan_terbuka
from organisasi import peran
from pegawai.selectors import atasan_pejabat_penilai, pejabat_penilai

if TYPE_CHECKING:
    from organisasi.models import Pengguna

# --- Who is who ----------------------------------------------------------------------------


def is_pemilik(actor: Pengguna, skp: SKP) -> bool:
    return bool(actor.is_authenticated and skp.pegawai.pengguna_id == actor.pk)


def is_hr_wilayah(actor: Pengguna, skp: SKP) -> bool:
    return peran.is_hr_wilayah(actor, skp.wilayah_id)


def is_penilai(actor: Pengguna, skp: SKP) -> bool:
    """The stored pejabat penilai; for an SKP without one, the wilayah's HR."""
    if skp.pejabat_penilai_id is None:
        return is_hr_wilayah(actor, skp)
    return bool(actor.is_authenticated and skp.pejabat_penilai.pengguna_id == actor.pk)


S = SKP.Status


def _t(nama, dari, ke, label, boleh, tolak, catatan_wajib=False) -> Transisi:
    return Transisi(nama, frozenset(dari), ke, label, catatan_wajib, boleh=boleh, pesan_tolak=tolak)


# Who runs each step is declared with it: the services (through `jalankan`) and the buttons
# (`aksi_tersedia`) ask the same `boleh`.
AJUKAN = _t(
    "ajukan",
    {S.DRAF, S.DIKEMBALIKAN},
    S.DIAJUKAN,
    gettext_lazy("Ajukan"),
    is_pemilik,
    gettext_lazy("Hanya pemilik SKP yang dapat mengajukannya."),
)
SETUJUI = _t(
    "setujui",
    {S.DIAJUKAN},
    S.DISETUJUI,
    gettext_lazy("Setujui"),
    is_penilai,
    gettext_lazy("Hanya pejabat penilai SKP ini yang dapat menyetujuinya."),
)
KEMBALIKAN = _t(
    "kembalikan",
    {S.DIAJUKAN},
    S.DIKEMBALIKAN,
    gettext_lazy("Kembalikan"),
    is_penilai,
    gettext_lazy("Hanya pejabat penilai SKP ini yang dapat mengembalikannya."),
    catatan_wajib=True,
)
AJUKAN_REVISI = _t(
    "ajukan_revisi",
    {S.DISETUJUI},
    S.REVISI_DIAJUKAN,
    gettext_lazy("Ajukan revisi"),
    is_pemilik,
    gettext_lazy("Hanya pemilik SKP yang dapat mengajukan revisi."),
    catatan_wajib=True,
)
_REVISI = gettext_lazy("Hanya pejabat penilai SKP ini yang dapat memutuskan revisi.")
TERIMA_REVISI = _t(
    "terima_revisi", {S.REVISI_DIAJUKAN}, S.DRAF, gettext_lazy("Terima revisi"), is_penilai, _REVISI
)
TOLAK_REVISI = _t(
    "tolak_revisi",
    {S.REVISI_DIAJUKAN},
    S.DISETUJUI,
    gettext_lazy("Tolak revisi"),
    is_penilai,
    _REVISI,
    catatan_wajib=True,
)
BUKA_KEMBALI = _t("buka_kembali", {S.DIAJUKAN, S.DIKEMBALIKAN, S.DISETUJUI, S.REVISI_DIAJUKAN},
                  S.DRAF, gettext_lazy("Buka kembali"), is_hr_wilayah,
                  gettext_lazy("Hanya admin kepegawaian yang dapat membuka kembali SKP."),
                  catatan_wajib=True)  # fmt: skip

TRANSISI = {
    t.nama: t
    for t in (AJUKAN, SETUJUI, KEMBALIKAN, AJUKAN_REVISI, TERIMA_REVISI, TOLAK_REVISI, BUKA_KEMBALI)
}


# --- Rules checked at submission / approval ------------------------------------------------


def masalah_kaskade(skp: SKP) -> list[str]:
    """Why this SKP cannot be submitted (empty list: it can). One query for the RHK with
    their indicators counted and their superior's RHK loaded."""
    from django.db.models import Count

    rhk_list = list(
        RencanaHasilKerja.objects.filter(skp=skp)
        .select_related("rhk_atasan__skp", "target_unit")
        .annotate(jumlah_indikator=Count("indikator_set"))
        .order_by("urutan", "id")
    )
    masalah: list[str] = []
    if not rhk_list:
        return [_("SKP belum memiliki rencana hasil kerja (RHK).")]
    if not any(r.jenis == RencanaHasilKerja.Jenis.UTAMA for r in rhk_list):
        masalah.append(_("SKP harus memiliki sekurang-kurangnya satu RHK utama."))
    if not skp.is_jpt and skp.pejabat_penilai_id is None:
        masalah.append(
            _(
                "Pejabat penilai Anda belum ditetapkan di struktur organisasi; hubungi admin kepegawaian."
            )
        )
    for r in rhk_list:
        nama = r.teks[:80]
        if r.jumlah_indikator == 0:
            masalah.append(_("RHK \u201c%(rhk)s\u201d belum memiliki indikator.") % {"rhk": nama})
        if skp.is_jpt:
            if r.target_unit_id is None or r.target_unit.unit_id != skp.pegawai.unit_id:
                masalah.append(
                    _("RHK \u201c%(rhk)s\u201d harus diambil dari perjanjian kinerja unit Anda.")
                    % {"rhk": nama}
                )
            continue
        atasan = r.rhk_atasan.skp if r.rhk_atasan_id else None
        if (
            atasan is None
            or atasan.pegawai_id != skp.pejabat_penilai_id
            or atasan.periode_kinerja_id != skp.periode_kinerja_id
            or not atasan.is_terkunci
        ):
            masalah.append(
                _(
                    "RHK \u201c%(rhk)s\u201d belum mengintervensi RHK dari SKP pejabat penilai "
                    "yang sudah disetujui pada tahun yang sama."
                )
                % {"rhk": nama}
            )
    return masalah


def _pastikan_lengkap(skp: SKP) -> None:
    masalah = masalah_kaskade(skp)
    if masalah:
        raise ValidationError(masalah, code="skp_belum_lengkap")


def ekspektasi_kosong(skp: SKP) -> list[str]:
    return [
        str(e.get_perilaku_display())
        for e in skp.ekspektasi_set.all()
        if not (e.ekspektasi or "").strip()
    ]


# --- Notifications ---------------------------------------------------------------------------


def _kabari_penilai(skp: SKP, judul: str, pesan: str) -> None:
    penerima = (
        [skp.pejabat_penilai]
        if skp.pejabat_penilai_id
        else list(peran.pengguna_hr_wilayah(skp.wilayah_id))
    )
    for p in penerima:
        notifikasi_kirim(penerima=p, judul=judul, pesan=pesan, tautan=skp.get_absolute_url())


def _kabari_pegawai(skp: SKP, judul: str, pesan: str = "") -> None:
    notifikasi_kirim(penerima=skp.pegawai, judul=judul, pesan=pesan, tautan=skp.get_absolute_url())


# --- The steps -------------------------------------------------------------------------------


def _muat(skp: SKP | int) -> SKP:
    pk = getattr(skp, "pk", skp)
    return SKP.objects.select_related(
        "pegawai", "pejabat_penilai", "periode_kinerja", "pegawai__jabatan", "pegawai__unit"
    ).get(pk=pk)


def skp_ajukan(*, skp: SKP, oleh: Any) -> SKP:
    """Employee: draf/dikembalikan -> diajukan. Refreshes the pejabat penilai and the atasan
    pejabat penilai from the org tree, then refuses unless every RHK cascades correctly."""

    def izin(obj: SKP) -> None:
        pastikan_terbuka(obj.periode_kinerja)
        obj.pejabat_penilai = pejabat_penilai(obj.pegawai)
        obj.atasan_pejabat_penilai = atasan_pejabat_penilai(obj.pegawai)
        _pastikan_lengkap(obj)

    obj = jalankan(SKP, skp.pk, AJUKAN, oleh=oleh, izin=izin)
    obj = _muat(obj)
    _kabari_penilai(
        obj,
        _("SKP %(nama)s menunggu persetujuan") % {"nama": obj.pegawai.nama},
        _("Periksa RHK dan indikatornya, isi ekspektasi perilaku, lalu setujui atau kembalikan."),
    )
    return obj


def skp_setujui(*, skp: SKP, oleh: Any) -> SKP:
    """Pejabat penilai: diajukan -> disetujui. Requires the seven behaviour expectations and
    re-checks the cascade (the superior's SKP may have been reopened meanwhile). Freezes the
    identities (`snapshot`) and locks the SKP."""

    def izin(obj: SKP) -> None:
        pastikan_terbuka(obj.periode_kinerja)
        _pastikan_lengkap(obj)
        kosong = ekspektasi_kosong(obj)
        if kosong:
            raise ValidationError(
                _("Isi ekspektasi khusus pimpinan untuk: %(daftar)s.")
                % {"daftar": ", ".join(kosong)},
                code="ekspektasi_kosong",
            )

    def ubah(obj: SKP) -> None:
        obj.disetujui_pada = timezone.now()
        obj.snapshot = obj.buat_snapshot()

    obj = _muat(jalankan(SKP, skp.pk, SETUJUI, oleh=oleh, izin=izin, ubah=ubah))
    _kabari_pegawai(
        obj, _("SKP Anda tahun %(tahun)s disetujui") % {"tahun": obj.periode_kinerja.tahun}
    )
    return obj


def skp_kembalikan(*, skp: SKP, oleh: Any, catatan: str) -> SKP:
    """Pejabat penilai: diajukan -> dikembalikan, with a required note."""

    def izin(obj: SKP) -> None:
        pastikan_terbuka(obj.periode_kinerja)

    obj = _muat(jalankan(SKP, skp.pk, KEMBALIKAN, oleh=oleh, catatan=catatan, izin=izin))
    _kabari_pegawai(obj, _("SKP Anda dikembalikan untuk diperbaiki"), catatan)
    return obj


def skp_ajukan_revisi(*, skp: SKP, oleh: Any, alasan: str) -> SKP:
    """Employee: disetujui -> revisi_diajukan (the approved SKP stays in force meanwhile)."""

    def izin(obj: SKP) -> None:
        pastikan_terbuka(obj.periode_kinerja)

    obj = _muat(jalankan(SKP, skp.pk, AJUKAN_REVISI, oleh=oleh, catatan=alasan, izin=izin))
    _kabari_penilai(obj, _("%(nama)s mengajukan revisi SKP") % {"nama": obj.pegawai.nama}, alasan)
    return obj


def skp_terima_revisi(*, skp: SKP, oleh: Any, catatan: str = "") -> SKP:
    """Pejabat penilai: revisi_diajukan -> draf. The approved content stays in the history."""

    def izin(obj: SKP) -> None:
        pastikan_terbuka(obj.periode_kinerja)

    obj = _muat(jalankan(SKP, skp.pk, TERIMA_REVISI, oleh=oleh, catatan=catatan, izin=izin))
    _kabari_pegawai(obj, _("Permintaan revisi SKP Anda diterima"), catatan)
    return obj


def skp_tolak_revisi(*, skp: SKP, oleh: Any, catatan: str) -> SKP:
    """Pejabat penilai: revisi_diajukan -> disetujui, with a required note."""

    def izin(obj: SKP) -> None:
        pastikan_terbuka(obj.periode_kinerja)

    obj = _muat(jalankan(SKP, skp.pk, TOLAK_REVISI, oleh=oleh, catatan=catatan, izin=izin))
    _kabari_pegawai(obj, _("Permintaan revisi SKP Anda ditolak"), catatan)
    return obj


def skp_buka_kembali(*, skp: SKP, oleh: Any, alasan: str) -> SKP:
    """HR: administrative reopening to draf, with a required reason."""

    def izin(obj: SKP) -> None:
        pastikan_terbuka(obj.periode_kinerja)

    obj = _muat(jalankan(SKP, skp.pk, BUKA_KEMBALI, oleh=oleh, catatan=alasan, izin=izin))
    judul = _("SKP %(nama)s dibuka kembali oleh admin kepegawaian") % {"nama": obj.pegawai.nama}
    _kabari_pegawai(obj, judul, alasan)
    if obj.pejabat_penilai_id:
        notifikasi_kirim(
            penerima=obj.pejabat_penilai, judul=judul, pesan=alasan, tautan=obj.get_absolute_url()
        )
    return obj


def aksi_tersedia(actor: Pengguna, skp: SKP) -> set[str]:
    """Names of the transitions `actor` may try on `skp` now (for showing buttons; the
    services ask the same declarations again)."""
    if skp.periode_kinerja.status != skp.periode_kinerja.Status.BUKA:
        return set()
    return workflow.aksi_tersedia(actor, skp, TRANSISI.values())
