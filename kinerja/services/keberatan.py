"""Objections (keberatan) to a final periodic evaluation: filed by the employee within
`PeriodeKinerja.batas_hari_keberatan` days of the finalisation, decided by the atasan
pejabat penilai (HR of the wilayah when the SKP has none). Accepted with new ratings, the
new predikat comes from the matrix and replaces the evaluation's; every step is one
TransisiStatus row on the objection."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asn_kinerja.notifikasi import notifikasi_kirim
from asn_kinerja.waktu import hari_ini
from asn_kinerja.workflow import Transisi, catat_transisi, jalankan
from kinerja.models import EvaluasiPeriodik, Keberatan
from kinerja.services.periode import pastikan_terbuka
from kinerja.workflow.evaluasi import hitung_predikat, is_atasan_penilai
from kinerja.workflow.skp import is_pemilik
from pegawai.selectors import pegawai_dari_pengguna

if TYPE_CHECKING:
    from organisasi.models import Pengguna

K = Keberatan.Status
MAKS_ALASAN = 4000

TERIMA = Transisi("terima", frozenset({K.DIAJUKAN}), K.DITERIMA, gettext_lazy("Terima keberatan"))
TOLAK = Transisi(
    "tolak", frozenset({K.DIAJUKAN}), K.DITOLAK, gettext_lazy("Tolak keberatan"), catatan_wajib=True
)


def batas_keberatan(evaluasi: EvaluasiPeriodik) -> dt.date | None:
    """The last day an objection may be filed (local date), None when not final."""
    if evaluasi.status != EvaluasiPeriodik.Status.FINAL or evaluasi.final_pada is None:
        return None
    hari = evaluasi.skp.periode_kinerja.batas_hari_keberatan
    return timezone.localdate(evaluasi.final_pada) + dt.timedelta(days=hari)


def boleh_ajukan(actor: Pengguna, evaluasi: EvaluasiPeriodik) -> bool:
    batas = batas_keberatan(evaluasi)
    return bool(is_pemilik(actor, evaluasi.skp) and batas and hari_ini() <= batas)


@transaction.atomic
def keberatan_ajukan(*, actor: Pengguna, evaluasi: EvaluasiPeriodik, alasan: str) -> Keberatan:
    ev = (
        EvaluasiPeriodik.objects.select_for_update(of=("self",))
        .select_related("skp__pegawai", "skp__periode_kinerja", "periode_penilaian__periode_kinerja",
                        "skp__atasan_pejabat_penilai")
        .get(pk=evaluasi.pk)
    )  # fmt: skip
    if not is_pemilik(actor, ev.skp):
        raise PermissionDenied(_("Hanya pegawai yang dinilai yang dapat mengajukan keberatan."))
    pastikan_terbuka(ev.skp.periode_kinerja)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError({"alasan": _("Alasan keberatan wajib diisi.")})
    if len(alasan) > MAKS_ALASAN:
        raise ValidationError(
            {"alasan": _("Alasan paling banyak %(n)s karakter.") % {"n": MAKS_ALASAN}}
        )
    batas = batas_keberatan(ev)
    if batas is None:
        raise ValidationError(_("Keberatan hanya dapat diajukan atas evaluasi yang sudah final."))
    if hari_ini() > batas:
        raise ValidationError(
            _("Batas waktu keberatan (%(n)s hari setelah final, sampai %(tgl)s) sudah lewat.")
            % {"n": ev.skp.periode_kinerja.batas_hari_keberatan, "tgl": batas.strftime("%d-%m-%Y")}
        )
    if Keberatan.objects.filter(evaluasi=ev, status=K.DIAJUKAN).exists():
        raise ValidationError(_("Masih ada keberatan yang belum diputus."))
    try:
        with transaction.atomic():
            k = Keberatan.objects.create(evaluasi=ev, alasan=alasan)
    except IntegrityError as e:
        raise ValidationError(_("Masih ada keberatan yang belum diputus.")) from e
    catat_transisi(k, dari="", ke=k.status, oleh=actor, catatan=alasan[:500])
    penerima = ev.skp.atasan_pejabat_penilai
    if penerima is not None:
        notifikasi_kirim(
            penerima=penerima,
            judul=_("Keberatan %(nama)s atas evaluasi %(periode)s menunggu keputusan")
            % {"nama": ev.skp.pegawai.nama, "periode": ev.periode_penilaian.nama},
            pesan=alasan[:300],
            tautan=reverse("kinerja:keberatan_detail", args=[k.pk]),
        )
    return k


def keberatan_putuskan(
    *,
    actor: Pengguna,
    keberatan: Keberatan,
    terima: bool,
    keputusan: str,
    rating_hasil: str = "",
    rating_perilaku: str = "",
) -> Keberatan:
    """Atasan pejabat penilai: diajukan -> diterima (new ratings required; the new predikat
    from the matrix replaces the evaluation's) or ditolak (a reason required)."""
    keputusan = (keputusan or "").strip()
    if terima:
        predikat_baru = hitung_predikat(rating_hasil, rating_perilaku)
    pemutus = pegawai_dari_pengguna(actor)

    def izin(obj: Keberatan) -> None:
        skp = obj.evaluasi.skp
        if not is_atasan_penilai(actor, skp):
            raise PermissionDenied(
                _("Keberatan diputus oleh atasan pejabat penilai pegawai tersebut.")
            )
        pastikan_terbuka(skp.periode_kinerja)

    def ubah(obj: Keberatan) -> None:
        obj.keputusan = keputusan
        obj.diputus_oleh = pemutus
        obj.diputus_pada = timezone.now()
        if terima:
            obj.rating_hasil_baru = rating_hasil
            obj.rating_perilaku_baru = rating_perilaku
            obj.predikat_baru = predikat_baru

    with transaction.atomic():
        k = jalankan(
            Keberatan, keberatan.pk, TERIMA if terima else TOLAK, oleh=actor,
            catatan=keputusan, izin=izin, ubah=ubah,
        )  # fmt: skip
        ev = EvaluasiPeriodik.objects.select_for_update().get(pk=k.evaluasi_id)
        if terima:
            ev.rating_hasil = rating_hasil
            ev.rating_perilaku = rating_perilaku
            ev.predikat = predikat_baru
            ev.full_clean()
            ev.save()
        k = Keberatan.objects.select_related(
            "evaluasi__skp__pegawai", "evaluasi__periode_penilaian"
        ).get(pk=k.pk)
        notifikasi_kirim(
            penerima=k.evaluasi.skp.pegawai,
            judul=(
                _("Keberatan Anda diterima: predikat menjadi %(p)s")
                % {"p": k.get_predikat_baru_display()}
                if terima
                else _("Keberatan Anda ditolak")
            ),
            pesan=keputusan,
            tautan=k.evaluasi.get_absolute_url(),
        )
    return k
