"""Every step notifies the next actor in-app (superior, then HR, then the employee), mirrored
by e-mail after the commit, and is logged once in the shared transition log."""

from __future__ import annotations

import pytest
from django.core import mail

from asn_kinerja.models import Notifikasi, TransisiStatus
from pegawai.pengembangan import services

from .conftest import buat_program

pytestmark = pytest.mark.django_db


def test_langkah_mengabari_aktor_berikutnya(org_a, django_capture_on_commit_callbacks):
    for user, email in ((org_a.user_staf, "staf@uji.id"), (org_a.user_kabid, "kabid@uji.id"),
                        (org_a.user_hr, "hr@uji.id")):  # fmt: skip
        user.email = email
        user.save(update_fields=["email"])
    program = buat_program(org_a.wilayah, judul="Pelatihan Kabar")
    with django_capture_on_commit_callbacks(execute=True):
        d = services.pendaftaran_ajukan(actor=org_a.user_staf, program=program)
    assert [m.to for m in mail.outbox] == [["kabid@uji.id"]]
    n = Notifikasi.objects.get(penerima=org_a.user_kabid)
    assert "Staf Satu" in n.judul and n.tautan == program.get_absolute_url()
    assert n.wilayah_id == org_a.wilayah.pk
    with django_capture_on_commit_callbacks(execute=True):
        services.pendaftaran_putus_atasan(actor=org_a.user_kabid, pendaftaran=d, setuju=True)
    assert mail.outbox[-1].to == ["hr@uji.id"]
    assert Notifikasi.objects.filter(penerima=org_a.user_hr).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.pendaftaran_putus_hr(
            actor=org_a.user_hr, pendaftaran=d, setuju=False, catatan="Kuota unit habis"
        )
    assert mail.outbox[-1].to == ["staf@uji.id"]
    n = Notifikasi.objects.get(penerima=org_a.user_staf)
    assert "Kuota unit habis" in n.pesan
    assert len(mail.outbox) == 3
    d.refresh_from_db()
    assert d.catatan == "Kuota unit habis"
    log = list(TransisiStatus.objects.untuk(d).values_list("dari", "ke", "oleh", "catatan"))
    assert log == [
        ("", "diajukan", org_a.user_staf.pk, ""),
        ("diajukan", "disetujui_atasan", org_a.user_kabid.pk, ""),
        ("disetujui_atasan", "ditolak", org_a.user_hr.pk, "Kuota unit habis"),
    ]
