"""Calibration: override with a required note (audited), lock once (race-safe), refusals."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from asn_kinerja.models import TransisiStatus
from kinerja.talenta import selectors, services
from kinerja.talenta.models import Kalibrasi, KoreksiKotak
from pegawai.models import Pegawai

from .conftest import pegawai_kotak

pytestmark = pytest.mark.django_db


@pytest.fixture
def kal(org_a):
    return services.kalibrasi_buat(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2026)


def test_koreksi_wajib_catatan_dan_tercatat(org_a, kal):
    p = pegawai_kotak(org_a, "baik", "menengah", nama="K")
    with pytest.raises(ValidationError, match="Catatan kalibrasi wajib"):
        services.kalibrasi_koreksi(
            actor=org_a.user_hr, kalibrasi=kal, pegawai=p, kotak_baru=7, catatan="  "
        )
    k = services.kalibrasi_koreksi(
        actor=org_a.user_pimpinan, kalibrasi=kal, pegawai=p, kotak_baru=7, catatan="Kinerja proyek"
    )
    assert (k.kotak_asli, k.kotak_baru, k.oleh) == (5, 7, org_a.user_pimpinan)
    assert selectors.anotasi_kotak(Pegawai.objects.filter(pk=p.pk), tahun=2026).get().kotak == 7
    services.kalibrasi_koreksi(
        actor=org_a.user_hr, kalibrasi=kal, pegawai=p, kotak_baru=8, catatan="Ubah"
    )
    assert KoreksiKotak.objects.count() == 1
    assert KoreksiKotak.history.filter(pegawai=p).count() == 2  # audited: both versions kept


def test_koreksi_ditolak_untuk_yang_tidak_berhak(org_a, org_b, kal):
    p = pegawai_kotak(org_a, "baik", "menengah", nama="K")
    for actor in (org_a.user_staf, org_b.user_hr, org_b.user_pimpinan):
        with pytest.raises(PermissionDenied):
            services.kalibrasi_koreksi(
                actor=actor, kalibrasi=kal, pegawai=p, kotak_baru=7, catatan="x"
            )
    assert not KoreksiKotak.objects.exists()


def test_koreksi_pegawai_belum_lengkap_ditolak(org_a, kal):
    p = pegawai_kotak(org_a, "baik", None, nama="K")
    with pytest.raises(ValidationError, match="belum lengkap"):
        services.kalibrasi_koreksi(
            actor=org_a.user_hr, kalibrasi=kal, pegawai=p, kotak_baru=7, catatan="x"
        )


def test_kunci_sekali_lalu_koreksi_ditolak(org_a, kal):
    p = pegawai_kotak(org_a, "baik", "menengah", nama="K")
    services.kalibrasi_tandai(actor=org_a.user_hr, kalibrasi=kal)
    services.kalibrasi_kunci(actor=org_a.user_pimpinan, kalibrasi=kal, catatan="Final")
    kal.refresh_from_db()
    assert kal.status == Kalibrasi.Status.DIKUNCI and kal.dikunci_oleh == org_a.user_pimpinan
    with pytest.raises(ValidationError, match="sudah"):
        services.kalibrasi_kunci(actor=org_a.user_hr, kalibrasi=kal)
    with pytest.raises(ValidationError, match="sudah dikunci"):
        services.kalibrasi_koreksi(
            actor=org_a.user_hr, kalibrasi=kal, pegawai=p, kotak_baru=7, catatan="x"
        )
    log = list(TransisiStatus.objects.untuk(kal).values_list("dari", "ke"))
    assert log == [("draf", "dikalibrasi"), ("dikalibrasi", "dikunci")]


def test_kunci_oleh_pegawai_biasa_ditolak(org_a, kal):
    with pytest.raises(PermissionDenied):
        services.kalibrasi_kunci(actor=org_a.user_staf, kalibrasi=kal)
    kal.refresh_from_db()
    assert kal.status == "draf"


@pytest.mark.django_db(transaction=True)
def test_kunci_bersamaan_hanya_sekali(org_a):
    kal = services.kalibrasi_buat(actor=org_a.user_hr, wilayah=org_a.wilayah, tahun=2026)
    mulai = threading.Barrier(2)
    hasil: list[str] = []

    def kunci(actor):
        try:
            mulai.wait()
            services.kalibrasi_kunci(actor=actor, kalibrasi=kal)
            hasil.append("ok")
        except ValidationError:
            hasil.append("ditolak")
        finally:
            connection.close()

    t = [threading.Thread(target=kunci, args=(u,)) for u in (org_a.user_hr, org_a.user_pimpinan)]
    for x in t:
        x.start()
    for x in t:
        x.join()
    assert sorted(hasil) == ["ditolak", "ok"]
    assert TransisiStatus.objects.untuk(kal).filter(ke="dikunci").count() == 1
