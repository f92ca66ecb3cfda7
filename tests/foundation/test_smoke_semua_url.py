"""Smoke sweep (issue 19): every URL pattern of the URL conf, filled with real ids from the
demo data, GET as every demo role and anonymously: no 500 anywhere (403/404/302/405 are
fine). The same sweep runs again with the cache and the Celery broker pointed at a dead
port.

The demo is seeded once for the module (pinned to 2026-12-02) inside one transaction that
is rolled back at the end, and every request runs inside a savepoint that is rolled back
too, so a GET that changes something (marking a notification read) does not leak into the
next request and a failed query cannot poison the rest of the sweep.

How a pattern's kwargs are filled (the mapping):
- `pk` (and admin's `object_id`): an object of the view's model (`model` / `scoped_model` of
  the view, or the ModelAdmin's model for admin URLs). Two candidates per role, both taken
  from what the role may see (`visible_to`, all for the national admin):
  1. *own*: the object belonging to the role's *focus employee* (`PEMILIK` below says how a
     model leads to its employee): `pegawai_<w>` for pegawai and atasan (the atasan's
     pages are about that subordinate), `pegawai_gorontalo` for admin, HR and pimpinan;
     notifications are the role's own;
  2. *other*: the first object of the focus wilayah that is not the focus employee's (for
     SKP and evaluations one whose history has a step without an account: `oleh` NULL,
     the rows that broke the history block), so HR pages see realistic strangers' data.
  When both are the same object it is requested once.
- admin's `content_type_id`/`object_id` (view on site): the Pegawai content type and a
  pegawai; `app_label`: `pegawai`; `id` (password change): the admin user; the catch-all
  `url`: a path that does not exist. A model without any row in the demo gets an id that
  does not exist.
- `uidb64`/`token` (password reset confirm): an invalid pair (the page says so).
- public SKM: `token` the token of an open service unit of the focus wilayah,
  `pegawai_id` an officer of that unit (else any employee), `kunci` a response's key.
Pages that need GET parameters are requested without them (their defaults).

Django admin's ~370 patterns are requested in full as `admin` (the only staff account);
for the other roles only `ADMIN_WAKIL` (index, one list, one change page): admin's
`admin_view` wrapper sends every non-staff request to the admin login before any view code
runs, so the rest would only repeat that redirect (and triple the sweep's time).

The sweep with Redis down requests each pattern once per role (the first candidate) and
admin only as `ADMIN_WAKIL`: it is about what every page shares (the navbar badge, the
session, queueing), not about data variations, and it halves the module's time.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.signals import got_request_exception
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from organisasi.models import Pengguna

# The mark makes pytest-django create the test database; each test then runs in a savepoint
# inside the module's transaction (fixture `demo`).
pytestmark = pytest.mark.django_db

HARI = dt.datetime(2026, 12, 2, 10, tzinfo=ZoneInfo("Asia/Makassar"))
WILAYAH = ["gorontalo", "mamuju", "gayungan"]
PERAN = ["admin", "hr_gorontalo", "pimpinan_gorontalo"] + [
    f"{peran}_{w}" for w in WILAYAH for peran in ("atasan", "pegawai")
]
ANONIM = "(anonim)"
TIDAK_ADA = 987654321
WAKTU: Counter = Counter()  # seconds per pattern name, for the report of the slowest
ADMIN_WAKIL = {"admin:index", "admin:pegawai_pegawai_changelist", "admin:pegawai_pegawai_change"}

#: How a model leads to the employee it belongs to (ORM path to Pegawai; "" = itself).
PEMILIK = {
    "Pegawai": "",
    "SKP": "pegawai",
    "Cuti": "pegawai",
    "Kehadiran": "pegawai",
    "RiwayatPendidikan": "pegawai",
    "RiwayatPangkat": "pegawai",
    "RiwayatJabatan": "pegawai",
    "Diklat": "pegawai",
    "KompetensiPegawai": "pegawai",
    "Penghargaan": "pegawai",
    "HukumanDisiplin": "pegawai",
    "UsulanMutasi": "pegawai",
    "LogHarian": "pegawai",
    "UmpanBalik": "kepada",
    "RencanaHasilKerja": "skp__pegawai",
    "IndikatorKinerja": "rhk__skp__pegawai",
    "EvaluasiPeriodik": "skp__pegawai",
    "EvaluasiTahunan": "skp__pegawai",
    "Keberatan": "evaluasi__skp__pegawai",
    "BuktiDukung": "evaluasi__skp__pegawai",
    "TanggapanSKM": "petugas",
    "TokenAPI": "pengguna__pegawai",
}


def _pola(resolver=None, prefix="", ns=None):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            yield from _pola(p, prefix + str(p.pattern), p.namespace or ns)
        elif isinstance(p, URLPattern):
            yield ns, p, prefix + str(p.pattern)


def _model_view(p: URLPattern):
    cb = p.callback
    admin = getattr(cb, "model_admin", None)
    if admin is not None:
        return admin.model
    # Django's class-based views keep the class in `view_class`, DRF's (viewsets) in `cls`.
    for obj in (getattr(cb, "view_class", None), getattr(cb, "cls", None), cb):
        for attr in ("scoped_model", "model"):
            if obj is not None and getattr(obj, attr, None) is not None:
                return getattr(obj, attr)
    return None


def _isi_rute(route: str, kwargs: dict) -> str:
    """The URL of a route (path converters or a regex) with `kwargs` filled in."""
    route = route.replace("^", "").replace("$", "")
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: f"<{m.group(1)}>", route)
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), route)


def _terlihat(model, user):
    qs = model._default_manager.all()
    if user is not None and hasattr(qs, "visible_to"):
        qs = qs.visible_to(user)
    return qs


class Pemilih:
    """Picks the ids of the mapping in the module docstring, memoised per (model, role)."""

    def __init__(self):
        self.memo: dict = {}
        self.fokus = {
            w: Pengguna.objects.select_related("pegawai").get(username=f"pegawai_{w}").pegawai
            for w in WILAYAH
        }

    def fokus_peran(self, peran: str):
        w = next((w for w in WILAYAH if peran.endswith(w)), "gorontalo")
        return self.fokus[w]

    def kandidat(self, model, user, peran: str) -> list:
        kunci = (model, peran)
        if kunci not in self.memo:
            self.memo[kunci] = self._kandidat(model, user, peran)
        return self.memo[kunci]

    def _kandidat(self, model, user, peran):
        fokus = self.fokus_peran(peran)
        qs = _terlihat(model, None if peran == ANONIM else user).order_by("pk")
        nama = model.__name__
        milik = None
        if nama == "Notifikasi" and user is not None:
            milik = qs.filter(penerima=user)
        elif nama == "Pengguna":
            milik = qs.filter(pk=user.pk) if user is not None else None
        elif nama in PEMILIK:
            jalur = PEMILIK[nama]
            milik = qs.filter(**{jalur or "pk": fokus} if jalur else {"pk": fokus.pk})
        elif nama == "Jabatan":
            milik = qs.filter(pk=fokus.jabatan_id)
        elif nama == "UnitKerja":
            milik = qs.filter(pk=fokus.unit_id)
        lain = qs
        if hasattr(model, "wilayah_id") or nama in PEMILIK:
            lain = _di_wilayah(qs, model, fokus.wilayah_id)
        if nama in PEMILIK and PEMILIK[nama]:
            lain = lain.exclude(**{PEMILIK[nama]: fokus})
        if nama in ("SKP", "EvaluasiPeriodik"):
            lain = _dengan_langkah_tanpa_akun(lain, model) or lain
        pks = []
        for q in (milik, lain):
            pk = q.values_list("pk", flat=True).first() if q is not None else None
            if pk is not None and pk not in pks:
                pks.append(pk)
        if not pks:
            pk = qs.values_list("pk", flat=True).first()
            if pk is not None:
                pks.append(pk)
        return pks


def _di_wilayah(qs, model, wilayah_id):
    for jalur in ("wilayah_id", "pegawai__wilayah_id", "skp__wilayah_id", "evaluasi__skp__wilayah_id",
                  "rhk__skp__wilayah_id", "jabatan__wilayah_id", "unit_layanan__wilayah_id",
                  "periode_kinerja__wilayah_id"):  # fmt: skip
        try:
            return qs.filter(**{jalur: wilayah_id})
        except Exception:  # noqa: BLE001,S112 - the model has no such path: try the next one
            continue
    return qs


def _dengan_langkah_tanpa_akun(qs, model):
    from asn_kinerja.models import TransisiStatus

    ct = ContentType.objects.get_for_model(model)
    ids = TransisiStatus.objects.filter(content_type=ct, oleh__isnull=True).values("object_id")
    hasil = qs.filter(pk__in=ids)
    return hasil if hasil.exists() else None


def _kwargs_khusus(p: URLPattern, pemilih: Pemilih, peran: str, admin_user) -> list[dict] | None:
    """The non-`pk` kwargs of the mapping; None when the pattern has only model ids."""
    keys = set(p.pattern.regex.groupindex)
    from kinerja.skm.models import TanggapanSKM, UnitLayanan
    from pegawai.models import Pegawai

    fokus = pemilih.fokus_peran(peran)
    if keys == {"content_type_id", "object_id"}:
        return [{"content_type_id": ContentType.objects.get_for_model(Pegawai).pk,
                 "object_id": fokus.pk}]  # fmt: skip
    if keys == {"app_label"}:
        return [{"app_label": "pegawai"}]
    if keys == {"url"}:
        return [{"url": "tidak-ada/"}]
    if keys == {"id"}:
        return [{"id": admin_user.pk}]
    if keys == {"uidb64", "token"}:
        return [{"uidb64": "MQ", "token": "tidak-sah"}]
    if keys == {"kotak"}:  # a 9-box cell (talenta): the middle one, and one that is no box
        return [{"kotak": 5}, {"kotak": 10}]
    if "token" in keys or "kunci" in keys:
        ul = (
            UnitLayanan.objects.filter(wilayah_id=fokus.wilayah_id, dibuka=True)
            .order_by("pk")
            .first()
            or UnitLayanan.objects.order_by("pk").first()
        )
        t = TanggapanSKM.objects.order_by("pk").first()
        petugas = (
            TanggapanSKM.objects.filter(unit_layanan=ul, petugas__isnull=False)
            .values_list("petugas_id", flat=True)
            .first()
        ) or fokus.pk
        return [{"token": ul.token if ul else "tidak-ada", "pegawai_id": petugas,
                 "kunci": t.kunci if t else "tidak-ada"}]  # fmt: skip
    return None


def _daftar_permintaan(
    pemilih: Pemilih, peran: str, user, admin_user, lengkap: bool = True
) -> list[tuple[str, str]]:
    """(pattern name, URL) pairs to GET as `peran`; `lengkap=False`: the first candidate
    only, and admin's patterns only as `ADMIN_WAKIL`."""
    hasil = []
    staf = user is not None and user.is_staff and lengkap
    for ns, p, route in _pola():
        nama = f"{ns}:{p.name}" if ns else str(p.name)
        keys = set(p.pattern.regex.groupindex)
        if ns == "admin" and not staf and nama not in ADMIN_WAKIL:
            continue
        if not keys:
            hasil.append((nama, _isi_rute(route, {})))
            continue
        khusus = _kwargs_khusus(p, pemilih, peran, admin_user)
        if khusus is None:
            model = _model_view(p)
            kwarg = getattr(p.callback, "scoped_kwarg", None) or next(iter(keys))
            assert model is not None and keys == {kwarg}, f"{nama}: tidak tahu cara mengisi {keys}"
            if nama.startswith("admin:") and model is Pengguna:
                khusus = [{kwarg: admin_user.pk}]
            else:
                # No such object in the demo (e.g. django-celery-beat's clocked schedules):
                # an id that does not exist, the page must then be a 404 or a redirect.
                pks = pemilih.kandidat(model, user, peran) or [TIDAK_ADA]
                khusus = [{kwarg: pk} for pk in pks]
        for kw in khusus if lengkap else khusus[:1]:
            hasil.append((nama, _isi_rute(route, kw)))
    return hasil


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), time_machine.travel(HARI, tick=True), transaction.atomic():
        t0 = time.monotonic()
        call_command("seed_demo", tanggal="2026-12-02", verbosity=0)
        print(f"\nseed_demo: {time.monotonic() - t0:.1f} dtk")
        yield Pemilih()
        transaction.set_rollback(True)


def _sapu(pemilih: Pemilih, lengkap: bool = True) -> tuple[list[str], Counter, int]:
    """GETs every URL as every role; returns the 500s, their count per role, and how many
    requests were made."""
    admin_user = Pengguna.objects.get(username="admin")
    galat: dict = {}

    def catat(sender, request=None, **kwargs):
        import sys

        galat[request.get_full_path()] = repr(sys.exc_info()[1])[:300]

    got_request_exception.connect(catat)
    gagal, per_peran, jumlah = [], Counter(), 0
    try:
        for peran in [ANONIM, *PERAN]:
            client = Client(raise_request_exception=False)
            user = None
            if peran != ANONIM:
                user = Pengguna.objects.get(username=peran)
                client.force_login(user)
            for nama, url in _daftar_permintaan(pemilih, peran, user, admin_user, lengkap):
                sid = transaction.savepoint()
                t0 = time.monotonic()
                try:
                    resp = client.get(url)
                finally:
                    transaction.savepoint_rollback(sid)
                WAKTU[nama] += time.monotonic() - t0
                jumlah += 1
                if resp.status_code >= 500:
                    per_peran[peran] += 1
                    gagal.append(f"{peran:20} {nama:45} {url} -> {resp.status_code} "
                                 f"{galat.get(url, '')}")  # fmt: skip
    finally:
        got_request_exception.disconnect(catat)
    return gagal, per_peran, jumlah


def _laporkan(judul: str, gagal, per_peran, jumlah, detik):
    lambat = ", ".join(f"{n} {d:.1f}" for n, d in WAKTU.most_common(8))
    print(f"\n{judul}: paling lama (dtk, semua peran): {lambat}")
    WAKTU.clear()
    print(f"\n{judul}: {jumlah} permintaan dalam {detik:.1f} dtk; 500 per peran: "
          f"{dict(per_peran) or 'tidak ada'}")  # fmt: skip
    assert not gagal, f"{len(gagal)} halaman 500:\n" + "\n".join(gagal)


def test_pemetaan_mengisi_setiap_pola(demo):
    """Every pattern gets at least one URL (else `_daftar_permintaan` fails naming it)."""
    admin_user = Pengguna.objects.get(username="admin")
    permintaan = _daftar_permintaan(demo, "admin", admin_user, admin_user)
    assert len(permintaan) >= sum(1 for _ in _pola())


def test_setiap_url_setiap_peran_tanpa_500(demo):
    with time_machine.travel(HARI, tick=True):
        t0 = time.monotonic()
        hasil = _sapu(demo)
        _laporkan("Sapu URL", *hasil, time.monotonic() - t0)


def test_setiap_url_tanpa_500_saat_redis_mati(demo, redis_mati):
    """Cache and broker on a closed port (fixture `redis_mati`, tests/conftest.py)."""
    from django.core.cache import cache

    with pytest.raises(Exception):  # noqa: B017 - really down: any client error will do
        cache.get("x")
    with time_machine.travel(HARI, tick=True):
        t0 = time.monotonic()
        hasil = _sapu(demo, lengkap=False)
        _laporkan("Sapu URL, Redis mati", *hasil, time.monotonic() - t0)


def test_semua_halaman_skp_dan_evaluasi_sebagai_hr(demo):
    """The issue's own measurement: as hr_gorontalo every SKP detail page and (up to 60)
    evaluation pages of the wilayah, whose histories mostly hold steps without an account."""
    from kinerja.models import SKP, EvaluasiPeriodik

    hr = Pengguna.objects.get(username="hr_gorontalo")
    client = Client(raise_request_exception=False)
    client.force_login(hr)
    urls = [f"/kinerja/skp/{pk}/" for pk in SKP.objects.visible_to(hr).values_list("pk", flat=True)]
    urls += [
        f"/kinerja/evaluasi/{pk}/"
        for pk in EvaluasiPeriodik.objects.visible_to(hr)
        .order_by("pk")
        .values_list("pk", flat=True)[:60]
    ]
    gagal = []
    with time_machine.travel(HARI, tick=True):
        for url in urls:
            sid = transaction.savepoint()
            try:
                status = client.get(url).status_code
            finally:
                transaction.savepoint_rollback(sid)
            if status >= 500:
                gagal.append(url)
    print(f"\nSKP/evaluasi sebagai HR: {len(gagal)} dari {len(urls)} halaman 500")
    assert not gagal, gagal
