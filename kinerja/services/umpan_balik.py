"""Continuous feedback (umpan balik berkelanjutan), dialog kinerja and coaching notes
between an employee and their direct superior, in either direction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from asn_kinerja.notifikasi import notifikasi_kirim
from kinerja.models import SKP, UmpanBalik
from kinerja.services.periode import pastikan_terbuka
from pegawai.models import Pegawai
from pegawai.selectors import pegawai_dari_pengguna, pejabat_penilai

if TYPE_CHECKING:
    from organisasi.models import Pengguna


def boleh_berdialog(dari: Pegawai, kepada: Pegawai) -> bool:
    """Feedback flows between an employee and their pejabat penilai, both ways."""
    if dari.pk == kepada.pk or dari.wilayah_id != kepada.wilayah_id:
        return False
    return pejabat_penilai(kepada) == dari or pejabat_penilai(dari) == kepada


@transaction.atomic
def umpan_balik_kirim(
    *, actor: Pengguna, kepada: Pegawai, jenis: str, teks: str, skp: SKP | None = None
) -> UmpanBalik:
    dari = pegawai_dari_pengguna(actor)
    if dari is None:
        raise PermissionDenied(_("Akun Anda tidak terhubung dengan data pegawai."))
    if not boleh_berdialog(dari, kepada):
        raise ValidationError(
            {"kepada": _("Umpan balik hanya antara pegawai dan atasan langsungnya.")}
        )
    if skp is not None:
        if skp.pegawai_id not in (dari.pk, kepada.pk):
            raise ValidationError({"skp": _("SKP harus milik salah satu pihak.")})
        pastikan_terbuka(skp.periode_kinerja)
    obj = UmpanBalik(
        wilayah_id=dari.wilayah_id, dari=dari, kepada=kepada, skp=skp, jenis=jenis,
        teks=(teks or "").strip(),
    )  # fmt: skip
    obj.full_clean()
    obj.save()
    from django.urls import reverse

    notifikasi_kirim(
        penerima=kepada,
        judul=_("%(jenis)s dari %(nama)s") % {"jenis": obj.get_jenis_display(), "nama": dari.nama},
        pesan=obj.teks[:500],
        tautan=skp.get_absolute_url() if skp else reverse("kinerja:umpan_balik_list"),
    )
    return obj


def umpan_balik_tandai_dibaca(*, actor: Pengguna, umpan_balik: UmpanBalik) -> None:
    saya = pegawai_dari_pengguna(actor)
    if saya is None or umpan_balik.kepada_id != saya.pk:
        raise PermissionDenied(_("Hanya penerima yang dapat menandai dibaca."))
    UmpanBalik.objects.filter(pk=umpan_balik.pk, dibaca_pada__isnull=True).update(
        dibaca_pada=timezone.now()
    )
