"""The ground floor after issue 16: the engine signals instead of reaching up, the entry
points default to production settings, and one rule for "unit head"."""

import os
import subprocess
import sys
from pathlib import Path

from asn_kinerja.models import TransisiStatus
from asn_kinerja.workflow import catat_transisi, status_berubah
from pegawai.selectors import is_atasan

ROOT = Path(__file__).resolve().parents[2]


def test_status_berubah_dikirim_sekali_setelah_commit(org_a, django_capture_on_commit_callbacks):
    diterima = []

    def penerima(sender, **kw):
        diterima.append((sender, kw["obj"].pk, kw["dari"], kw["ke"], kw["oleh"]))

    status_berubah.connect(penerima)
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            catat_transisi(org_a.root, dari="a", ke="b", oleh=org_a.user_hr)
            assert diterima == []  # not before the commit
        assert len(callbacks) >= 1
    finally:
        status_berubah.disconnect(penerima)
    assert diterima == [(type(org_a.root), org_a.root.pk, "a", "b", org_a.user_hr)]
    assert TransisiStatus.objects.untuk(org_a.root).count() == 1


def test_kinerja_mendengarkan_status_berubah():
    from kinerja.selectors.inbox import lupakan_inbox_setelah_transisi

    assert lupakan_inbox_setelah_transisi in [rec[1]() for rec in status_berubah.receivers]


def test_wsgi_dan_celery_default_produksi():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    for modul in ("asn_kinerja/celery.py", "asn_kinerja/wsgi.py"):
        assert (
            'setdefault("DJANGO_SETTINGS_MODULE", "asn_kinerja.settings.prod")'
            in (ROOT / modul).read_text()
        )
    keluar = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, asn_kinerja.celery; print(os.environ['DJANGO_SETTINGS_MODULE'])",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert keluar.stdout.strip() == "asn_kinerja.settings.prod"


def test_kepala_dengan_jabatan_nonaktif_bukan_atasan(org_a):
    assert is_atasan(org_a.user_kasi)
    org_a.j_kasi.aktif = False
    org_a.j_kasi.save(update_fields=["aktif"])
    org_a.user_kasi.refresh_from_db()
    assert not is_atasan(type(org_a.user_kasi).objects.get(pk=org_a.user_kasi.pk))


def test_is_hr_wilayah_satu_aturan(org_a, org_b, admin_nasional, pengguna_tanpa_wilayah):
    from django.contrib.auth.models import AnonymousUser

    from organisasi.peran import is_hr_wilayah

    w = org_a.wilayah.pk
    assert is_hr_wilayah(org_a.user_hr, w)
    assert not is_hr_wilayah(org_b.user_hr, w)
    assert not is_hr_wilayah(org_a.user_staf, w)
    assert not is_hr_wilayah(org_a.user_pimpinan, w)
    assert is_hr_wilayah(admin_nasional, w)
    assert not is_hr_wilayah(pengguna_tanpa_wilayah, w)
    assert not is_hr_wilayah(AnonymousUser(), w)
