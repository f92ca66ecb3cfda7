"""In-app notifications, mirrored by e-mail through Celery after the transaction commits.
On the ground floor (issue 16) so that every app (pegawai too) can notify."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from asn_kinerja import antrean
from asn_kinerja.models import Notifikasi

if TYPE_CHECKING:
    # The ground floor does not import organisasi (the layers contract counts typing imports
    # too); the actor is a Pengguna, typed as Django's base user.
    from django.contrib.auth.base_user import AbstractBaseUser as Pengguna


def notifikasi_kirim(
    *, penerima: Any, judul: str, pesan: str = "", tautan: str = "", email: bool = True
) -> Notifikasi | None:
    """Notifies user `penerima` (a Pengguna, or a Pegawai with an account; silently nothing
    for a Pegawai without an account). The e-mail is queued only once the surrounding
    transaction commits, so a rolled-back action sends nothing. `email=False` for flows that
    send their own richer e-mail (leave), so nobody gets the same news twice."""
    user = getattr(penerima, "pengguna", penerima) if hasattr(penerima, "nip") else penerima
    if user is None:
        return None
    notif = Notifikasi.objects.create(
        penerima=user, wilayah_id=user.wilayah_id, judul=judul[:200], pesan=pesan, tautan=tautan
    )
    if email and user.email:
        from asn_kinerja.tasks import kirim_email_notifikasi

        antrean.kirim_setelah_commit(kirim_email_notifikasi, notif.pk)
    return notif


def notifikasi_baca(*, notifikasi: Notifikasi) -> None:
    if notifikasi.dibaca_pada is None:
        from django.utils import timezone

        Notifikasi.objects.filter(pk=notifikasi.pk, dibaca_pada__isnull=True).update(
            dibaca_pada=timezone.now()
        )


def notifikasi_baca_semua(*, actor: Pengguna) -> int:
    """Marks every unread notification of `actor` read; returns how many."""
    from django.utils import timezone

    return Notifikasi.objects.untuk(actor).belum_dibaca().update(dibaca_pada=timezone.now())
