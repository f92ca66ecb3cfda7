"""The ground floor after issue 16: the engine signals instead of reaching up, the entry
points default to production settings, and one rule for "unit head"."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

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


# --- the engine's declarations (issue 16) ----------------------------------------------------


def test_transisi_di_tempat_harus_dinyatakan():
    from asn_kinerja.workflow import Transisi

    with pytest.raises(ValueError):
        Transisi("x", frozenset({"a"}), "a", "X")
    assert Transisi("x", frozenset({"a"}), "a", "X", tetap=True).tetap


def test_boleh_menjawab_tombol_dan_layanan(org_a):
    from types import SimpleNamespace

    from django.core.exceptions import PermissionDenied

    from asn_kinerja.workflow import Transisi, aksi_tersedia, pastikan_boleh

    t = Transisi("setujui", frozenset({"a"}), "b", "Menyetujui", boleh=lambda u, o: u is org_a.user_hr,
                 pesan_tolak="Hanya HR.")  # fmt: skip
    obj = SimpleNamespace(status="a")
    assert aksi_tersedia(org_a.user_hr, obj, [t]) == {"setujui"}
    assert aksi_tersedia(org_a.user_staf, obj, [t]) == set()
    assert aksi_tersedia(org_a.user_hr, SimpleNamespace(status="b"), [t]) == set()
    with pytest.raises(PermissionDenied, match="Hanya HR."):
        pastikan_boleh(t, org_a.user_staf, obj)


def test_jalankan_massal_satu_log_per_baris_dan_sinyal(org_a, django_capture_on_commit_callbacks):
    import datetime as dt

    from django.db import transaction

    from asn_kinerja.workflow import Transisi, jalankan_massal
    from pegawai.models import Cuti

    d = dt.date(2026, 3, 2)
    rows = [
        Cuti.objects.create(pegawai=org_a.staf, jenis="sakit", tanggal_mulai=d + dt.timedelta(i),
                            tanggal_selesai=d + dt.timedelta(i), jumlah_hari_kerja=1, alasan="x",
                            status=s)
        for i, s in enumerate(["diajukan", "diajukan", "disetujui"])
    ]  # fmt: skip
    t = Transisi("batal", frozenset({"diajukan"}), "dibatalkan", "Membatalkan")
    diterima = []

    def penerima(sender, obj, dari, ke, oleh, **kw):
        diterima.append((obj.pk, dari, ke))

    status_berubah.connect(penerima)
    try:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            kunci = list(Cuti.objects.filter(pk__in=[r.pk for r in rows]).select_for_update())
            hasil = jalankan_massal(kunci, t, oleh=org_a.user_hr, catatan="Massal",
                                    wilayah_id=org_a.wilayah.pk)  # fmt: skip
    finally:
        status_berubah.disconnect(penerima)
    assert sorted(o.pk for o in hasil) == sorted(r.pk for r in rows[:2])
    assert sorted(Cuti.objects.values_list("status", flat=True)) == [
        "dibatalkan", "dibatalkan", "disetujui"
    ]  # fmt: skip
    log = TransisiStatus.objects.filter(catatan="Massal")
    assert log.count() == 2 and {x.oleh_id for x in log} == {org_a.user_hr.pk}
    assert sorted(diterima) == sorted((r.pk, "diajukan", "dibatalkan") for r in rows[:2])


def test_galat_ke_form_per_field_dan_umum():
    from django import forms
    from django.core.exceptions import ValidationError

    from asn_kinerja.views import galat_ke_form

    class F(forms.Form):
        nama = forms.CharField()

    f = F(data={"nama": "x"})
    assert f.is_valid()
    galat_ke_form(f, ValidationError({"nama": "Nama sudah dipakai.", "lain": "Tanggal salah."}))
    assert f.errors["nama"] == ["Nama sudah dipakai."]
    assert f.non_field_errors() == ["Tanggal salah."]
    g = F(data={"nama": "x"})
    g.is_valid()
    galat_ke_form(g, ValidationError("Periode %(t)s ditutup.", params={"t": 2026}))
    assert g.non_field_errors() == ["Periode 2026 ditutup."]


#: The product's packages (the client's top level); tests, bench and migrations excluded.
_PAKET = ("asn_kinerja", "organisasi", "pegawai", "kinerja")
_JAM_LAIN = re.compile(r"timezone\.localdate\(\)|\bdate\.today\(\)|\bdatetime\.now\(\)")


def test_satu_cara_bertanya_hari_ini():
    """ "What day is it" has one answer, `asn_kinerja.waktu.hari_ini` (DOMAIN.md section 1):
    no `timezone.localdate()` twin, no server-zone `date.today()` or naive `datetime.now()`."""
    temuan = [
        f"{p.relative_to(ROOT)}:{n}"
        for paket in _PAKET
        for p in sorted((ROOT / paket).rglob("*.py"))
        if "migrations" not in p.parts and p != ROOT / "asn_kinerja" / "waktu.py"
        for n, baris in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if _JAM_LAIN.search(baris.split("#", 1)[0])
    ]
    assert temuan == [], "pakai asn_kinerja.waktu.hari_ini(): " + ", ".join(temuan)


#: `Http404` itself, or the shortcuts that raise it.
_HTTP404 = re.compile(r"\bHttp404\b|\bget_object_or_404\b|\bget_list_or_404\b")


def _modul_selector(p: Path) -> bool:
    return p.name.startswith("selectors") or "selectors" in p.parent.parts[-1:]


def test_selector_tanpa_http404():
    """Selectors answer what is there (a queryset, None, or an `ObjectDoesNotExist` such as
    `kinerja.laporan.selectors.TidakDitemukan`); the 404 is the view's answer (STYLE.md
    section 2: views look objects up in the selector's queryset). No `selectors.py`,
    `selectors_*.py` or `selectors/*.py` module imports or raises `Http404`."""
    modul = [
        p
        for paket in _PAKET
        for p in sorted((ROOT / paket).rglob("*.py"))
        if "migrations" not in p.parts and _modul_selector(p)
    ]
    assert ROOT / "kinerja" / "laporan" / "selectors.py" in modul  # the scan sees them
    assert ROOT / "kinerja" / "selectors" / "skp.py" in modul
    temuan = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in modul
        for n, baris in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if _HTTP404.search(baris.split("#", 1)[0])
    ]
    assert temuan == [], (
        "selector mengembalikan None/queryset, view yang menjawab 404: " + ", ".join(temuan)
    )


def test_aktor_bertipe_pengguna():
    """The actor of a service, selector or form is typed `Pengguna` (issue 16: 282 were
    `actor: Any`): a new `actor: Any` fails here."""
    temuan = [
        f"{p.relative_to(ROOT)}:{n}"
        for paket in _PAKET
        for p in sorted((ROOT / paket).rglob("*.py"))
        if "migrations" not in p.parts
        for n, baris in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bactor: Any\b", baris.split("#", 1)[0])
    ]
    assert temuan == [], "ketik actor sebagai Pengguna: " + ", ".join(temuan)
