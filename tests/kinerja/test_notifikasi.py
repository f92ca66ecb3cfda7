from __future__ import annotations

import pytest
from django.core import mail

from asn_kinerja.models import Notifikasi
from asn_kinerja.notifikasi import notifikasi_kirim

pytestmark = pytest.mark.django_db(transaction=True)


def test_notifikasi_dan_email_setelah_commit(org_a):
    org_a.user_staf.email = "staf@example.go.id"
    org_a.user_staf.save()
    n = notifikasi_kirim(
        penerima=org_a.staf,
        judul="SKP dikembalikan",
        pesan="Perbaiki indikator.",
        tautan="/kinerja/",
    )
    assert n.penerima == org_a.user_staf and n.wilayah == org_a.wilayah
    assert len(mail.outbox) == 1 and "SKP dikembalikan" in mail.outbox[0].subject


def test_tanpa_akun_tidak_ada_notifikasi(org_a):
    org_a.staf2.pengguna = None
    assert notifikasi_kirim(penerima=org_a.staf2, judul="x") is None
    assert Notifikasi.objects.count() == 0


def test_rollback_tidak_mengirim_email(org_a):
    from django.db import transaction

    org_a.user_staf.email = "staf@example.go.id"
    org_a.user_staf.save()
    with pytest.raises(RuntimeError), transaction.atomic():
        notifikasi_kirim(penerima=org_a.user_staf, judul="batal")
        raise RuntimeError
    assert len(mail.outbox) == 0 and Notifikasi.objects.count() == 0
