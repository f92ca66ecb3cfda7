"""Daily log: recording with evidence (type, size, name validated), verification and return
by the direct superior, closed periods, scoping, list filters and constant query count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from asn_kinerja.models import Notifikasi, TransisiStatus
from kinerja.models import LogHarian
from kinerja.services import log_harian as svc
from kinerja.services.periode import periode_tutup
from tests.kinerja.factories import PeriodeKinerjaFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def hari_ini():
    return timezone.localdate()


@pytest.fixture
def periode(org_a, org_b, hari_ini):
    PeriodeKinerjaFactory(wilayah=org_b.wilayah, tahun=hari_ini.year)
    return PeriodeKinerjaFactory(wilayah=org_a.wilayah, tahun=hari_ini.year)


def _log(org, tanggal, **kw):
    return svc.log_harian_simpan(
        actor=org.user_staf_seksi, tanggal=tanggal, kegiatan="Rekap data", **kw
    )


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("bukti.exe", PDF, "Jenis berkas tidak didukung"),
        ("bukti.pdf", b"MZ\x90\x00 bukan pdf", "tidak sesuai"),
        ("foto.png", PDF, "tidak sesuai"),
        ("a" * 101 + ".pdf", PDF, "paling banyak 100"),
        (".htaccess.pdf", PDF, "tidak sah"),
        ("bukti\x00.pdf", PDF, "tidak sah"),
        ("besar.pdf", PDF + b"0" * (5 * 1024 * 1024), "paling besar 5 MB"),
    ],
)
def test_validasi_bukti(nama, isi, pesan):
    with pytest.raises(ValidationError, match=pesan):
        svc.validasi_bukti(SimpleUploadedFile(nama, isi))


@pytest.mark.parametrize(
    ("nama", "isi"),
    [("bukti.pdf", PDF), ("FOTO.PNG", PNG), ("scan.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20)],
)
def test_bukti_sah(nama, isi):
    svc.validasi_bukti(SimpleUploadedFile(nama, isi))


def test_catat_verifikasi_kembalikan(org_a, periode, hari_ini, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    log = _log(org_a, hari_ini, bukti=SimpleUploadedFile("bukti.pdf", PDF))
    assert log.status == "diajukan" and log.wilayah == org_a.wilayah and log.bukti
    with pytest.raises(PermissionDenied):  # kabid is not staf_seksi's direct superior
        svc.log_harian_verifikasi(actor=org_a.user_kabid, log=log)
    svc.log_harian_kembalikan(actor=org_a.user_kasi, log=log, catatan="Lengkapi volume")
    log.refresh_from_db()
    assert log.status == "dikembalikan" and log.catatan_atasan == "Lengkapi volume"
    assert Notifikasi.objects.filter(
        penerima=org_a.user_staf_seksi, judul__contains="dikembalikan"
    ).exists()
    log = svc.log_harian_simpan(actor=org_a.user_staf_seksi, log=log, tanggal=hari_ini,
                                kegiatan="Rekap data", volume=3, satuan="berkas")  # fmt: skip
    assert log.status == "diajukan"
    svc.log_harian_verifikasi(actor=org_a.user_kasi, log=log)
    log.refresh_from_db()
    assert log.status == "diverifikasi" and log.diverifikasi_oleh == org_a.kasi
    assert list(TransisiStatus.objects.untuk(log).values_list("ke", flat=True)) == [
        "diajukan", "dikembalikan", "diajukan", "diverifikasi"]  # fmt: skip
    with pytest.raises(ValidationError, match="sudah diverifikasi"):
        svc.log_harian_hapus(actor=org_a.user_staf_seksi, log=log)
    with pytest.raises(ValidationError):
        svc.log_harian_verifikasi(actor=org_a.user_kasi, log=log)


def test_kembalikan_butuh_catatan(org_a, periode, hari_ini):
    log = _log(org_a, hari_ini)
    with pytest.raises(ValidationError):
        svc.log_harian_kembalikan(actor=org_a.user_kasi, log=log, catatan="")


def test_tanggal_masa_depan_dan_tanpa_periode(org_a, periode, hari_ini):
    besok = hari_ini + dt.timedelta(days=1)
    if besok.year == hari_ini.year:
        with pytest.raises(ValidationError, match="masa depan"):
            _log(org_a, besok)
    with pytest.raises(ValidationError, match="Belum ada periode"):
        _log(org_a, dt.date(hari_ini.year - 3, 5, 5))


def test_periode_tutup_menolak_log(org_a, periode, hari_ini):
    log = _log(org_a, hari_ini)
    periode_tutup(actor=org_a.user_hr, periode=periode)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        _log(org_a, hari_ini)
    with pytest.raises(ValidationError, match="sudah ditutup"):
        svc.log_harian_verifikasi(actor=org_a.user_kasi, log=log)


def test_scoping_halaman_log(org_a, org_b, periode, hari_ini, client_as):
    log = _log(org_a, hari_ini)
    c = client_as(org_b.user_hr)
    for nama in ("log_update", "log_bukti"):
        assert c.get(reverse(f"kinerja:{nama}", args=[log.pk])).status_code == 404
    for nama in ("log_delete", "log_verifikasi", "log_kembalikan"):
        assert c.post(reverse(f"kinerja:{nama}", args=[log.pk])).status_code == 404
    # a colleague in another unit does not see it; the superior cannot edit it
    assert (
        client_as(org_a.user_staf).get(reverse("kinerja:log_update", args=[log.pk])).status_code
        == 404
    )
    assert (
        client_as(org_a.user_kasi).get(reverse("kinerja:log_update", args=[log.pk])).status_code
        == 403
    )
    # kabid is not the direct superior: the log is outside their scope
    assert (
        client_as(org_a.user_kabid)
        .post(reverse("kinerja:log_verifikasi", args=[log.pk]))
        .status_code
        == 404
    )
    assert (
        client_as(org_a.user_staf).get(reverse("kinerja:log_list") + "?lingkup=bawahan").status_code
        == 403
    )


def test_form_log_input_buruk(org_a, org_b, periode, hari_ini, client_as):
    c = client_as(org_a.user_staf_seksi)
    url = reverse("kinerja:log_create")
    kasus = [
        ({"tanggal": "", "kegiatan": "x"}, "tanggal"),
        ({"tanggal": "kemarin", "kegiatan": "x"}, "tanggal"),
        ({"tanggal": hari_ini.isoformat(), "kegiatan": ""}, "kegiatan"),
        ({"tanggal": hari_ini.isoformat(), "kegiatan": "x" * 2001}, "kegiatan"),
        ({"tanggal": hari_ini.isoformat(), "kegiatan": "x", "volume": "banyak"}, "volume"),
        ({"tanggal": hari_ini.isoformat(), "kegiatan": "x", "volume": "-2"}, "volume"),
        (
            {
                "tanggal": hari_ini.isoformat(),
                "kegiatan": "x",
                "bukti": SimpleUploadedFile("a.exe", PDF),
            },
            "bukti",
        ),
    ]
    from tests.kinerja.factories import rantai_skp

    rhk_lain = rantai_skp(org_b, tahun=hari_ini.year)["kasi"].rhk_set.first()
    kasus.append(({"tanggal": hari_ini.isoformat(), "kegiatan": "x", "rhk": rhk_lain.pk}, "rhk"))
    for data, field in kasus:
        resp = c.post(url, data)
        assert resp.status_code == 200 and field in resp.context["form"].errors, (data, field)
    assert not LogHarian.objects.exists()


def test_daftar_log_query_konstan_dan_filter(
    org_a, periode, hari_ini, client_as, django_assert_max_num_queries
):
    hari = [
        hari_ini - dt.timedelta(days=i)
        for i in range(40)
        if (hari_ini - dt.timedelta(days=i)).year == hari_ini.year
    ]
    for d in hari[:3]:
        _log(org_a, d)
    c = client_as(org_a.user_staf_seksi)
    with CaptureQueriesContext(connection) as q:
        assert c.get(reverse("kinerja:log_list")).status_code == 200
    for d in hari[3:30]:
        _log(org_a, d)
    with django_assert_max_num_queries(len(q)):
        resp = c.get(reverse("kinerja:log_list"))
    assert len(resp.context["log_list"]) == min(25, len(hari[:30]))
    k = client_as(org_a.user_kasi)
    resp = k.get(reverse("kinerja:log_list") + "?lingkup=bawahan&status=diajukan")
    assert resp.context["paginator"].count == len(hari[:30])
    resp = k.get(reverse("kinerja:log_list") + "?lingkup=bawahan&status=diverifikasi")
    assert resp.context["paginator"].count == 0
