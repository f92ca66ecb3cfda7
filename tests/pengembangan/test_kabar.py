"""Every step e-mails the next actor after the commit (superior, then HR, then the employee)."""

from __future__ import annotations

import pytest
from django.core import mail

from pegawai.pengembangan import services

from .conftest import buat_program

pytestmark = pytest.mark.django_db


def test_langkah_mengabari_aktor_berikutnya(org_a, django_capture_on_commit_callbacks):
    for p, email in ((org_a.staf, "staf@uji.id"), (org_a.kabid, "kabid@uji.id")):
        p.email = email
        p.save(update_fields=["email"])
    org_a.user_hr.email = "hr@uji.id"
    org_a.user_hr.save(update_fields=["email"])
    program = buat_program(org_a.wilayah, judul="Pelatihan Kabar")
    with django_capture_on_commit_callbacks(execute=True):
        d = services.pendaftaran_ajukan(actor=org_a.user_staf, program=program)
    assert [m.to for m in mail.outbox] == [["kabid@uji.id"]]
    assert "Staf Satu" in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        services.pendaftaran_putus_atasan(actor=org_a.user_kabid, pendaftaran=d, setuju=True)
    assert mail.outbox[-1].to == ["hr@uji.id"]
    with django_capture_on_commit_callbacks(execute=True):
        services.pendaftaran_putus_hr(
            actor=org_a.user_hr, pendaftaran=d, setuju=False, catatan="Kuota unit habis"
        )
    assert mail.outbox[-1].to == ["staf@uji.id"] and "Kuota unit habis" in mail.outbox[-1].body
    assert len(mail.outbox) == 3
