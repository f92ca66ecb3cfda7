"""Leave on the one workflow engine (issue 16): one TransisiStatus per change, in-app
notifications for whoever acts next and for the employee when decided, the buttons and the
services asking the same declarations, and two decisions at once giving one transition."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from asn_kinerja.models import Notifikasi, TransisiStatus
from pegawai.cuti.services import cuti as svc
from pegawai.models import Cuti
from tests.pegawai.fixtures_cuti import ajukan, senin_depan


@pytest.mark.django_db
def test_satu_transisi_per_perubahan_dan_notifikasi(org_a):
    c = ajukan(org_a.user_staf, senin_depan(2))
    assert list(TransisiStatus.objects.untuk(c).values_list("dari", "ke")) == [("", "diajukan")]
    # The superior must act: one in-app notification, pointing at the request, no e-mail.
    n = Notifikasi.objects.get(penerima=org_a.user_kabid)
    assert "menunggu rekomendasi" in n.judul and n.tautan == c.get_absolute_url()

    c = svc.cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True, catatan="OK")
    assert (
        Notifikasi.objects.filter(penerima=org_a.user_hr, judul__contains="keputusan").count() == 1
    )
    c = svc.cuti_putuskan(actor=org_a.user_hr, cuti=c, setujui=True)
    n = Notifikasi.objects.filter(penerima=org_a.user_staf).get()
    assert "Disetujui" in n.judul
    log = list(
        TransisiStatus.objects.untuk(c).values_list("dari", "ke", "oleh__username", "wilayah")
    )
    assert log == [
        ("", "diajukan", "staf_alpha", org_a.wilayah.pk),
        ("diajukan", "direkomendasikan", "kabid_alpha", org_a.wilayah.pk),
        ("direkomendasikan", "disetujui", "hr_alpha", org_a.wilayah.pk),
    ]


@pytest.mark.django_db
def test_penolakan_memberi_tahu_pegawai_dan_alasan_dicatat(org_a):
    c = ajukan(org_a.user_staf, senin_depan(2))
    c = svc.cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=False, catatan="Audit")
    assert c.status == Cuti.Status.DITOLAK
    assert TransisiStatus.objects.untuk(c).last().catatan == "Audit"
    assert Notifikasi.objects.filter(penerima=org_a.user_staf, judul__contains="Ditolak").exists()


@pytest.mark.django_db
def test_status_salah_ditolak_tanpa_log(org_a):
    c = ajukan(org_a.user_staf, senin_depan(2))
    svc.cuti_batalkan(actor=org_a.user_staf, cuti=c)
    with pytest.raises(ValidationError, match="Dibatalkan"):
        svc.cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True)
    assert TransisiStatus.objects.untuk(c).count() == 2


@pytest.mark.django_db
def test_tombol_dan_layanan_bertanya_hal_yang_sama(org_a):
    c = ajukan(org_a.user_staf, senin_depan(2))
    assert svc.aksi_tersedia(org_a.user_kabid, c) == {"rekomendasikan", "tolak_atasan"}
    assert svc.aksi_tersedia(org_a.user_staf, c) == {"batalkan"}
    assert svc.aksi_tersedia(org_a.user_hr, c) == set()
    with pytest.raises(PermissionDenied, match="atasan langsung"):
        svc.cuti_rekomendasikan(actor=org_a.user_hr, cuti=c, setuju=True)
    c = svc.cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True)
    assert svc.aksi_tersedia(org_a.user_hr, c) == {"setujui", "tolak"}
    assert svc.aksi_tersedia(org_a.user_kabid, c) == set()


@pytest.mark.django_db
def test_halaman_detail_menampilkan_riwayat_dari_mesin(client, org_a, org_b):
    c = ajukan(org_a.user_staf, senin_depan(2))
    svc.cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True, catatan="Silakan")
    client.force_login(org_a.user_hr)
    r = client.get(reverse("pegawai:cuti_detail", args=[c.pk]))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Silakan" in html and "Menunggu keputusan" in html
    assert r.context["boleh_putus"] and not r.context["boleh_batal"]
    client.force_login(org_b.user_hr)
    assert client.get(reverse("pegawai:cuti_detail", args=[c.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_dua_keputusan_serentak_satu_transisi(org_a):
    c = ajukan(org_a.user_staf, senin_depan(2))
    svc.cuti_rekomendasikan(actor=org_a.user_kabid, cuti=c, setuju=True)
    mulai = threading.Barrier(2)
    hasil: list = []

    def kerja(setujui: bool) -> None:
        try:
            mulai.wait()
            hasil.append(("ok", svc.cuti_putuskan(actor=org_a.user_hr, cuti=c, setujui=setujui,
                                                   catatan="" if setujui else "Tidak")))  # fmt: skip
        except Exception as e:  # noqa: BLE001 - asserted below
            hasil.append(("error", e))
        finally:
            connection.close()

    threads = [threading.Thread(target=kerja, args=(s,)) for s in (True, False)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(h[0] for h in hasil) == ["error", "ok"], hasil
    assert isinstance(next(h[1] for h in hasil if h[0] == "error"), ValidationError)
    keputusan = TransisiStatus.objects.untuk(c).filter(dari="direkomendasikan")
    assert keputusan.count() == 1
    assert Cuti.objects.get(pk=c.pk).status == keputusan.get().ke
