"""Single-use form tokens (issue 19 item 8): one signed token was accepted 16 times in 2 s.
Now its id is stored with the response under a unique key: a replay is refused with a clear
message and writes no response, also when the cache is down and under concurrent posts."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from kinerja.skm import antispam, services
from kinerja.skm.models import PenolakanSKM, TanggapanSKM, TokenFormulirTerpakai

from .conftest import data_formulir

pytestmark = pytest.mark.django_db

PESAN = "sudah pernah dikirim"


def _post(client, skm, data, ip="10.1.1.1"):
    return client.post(reverse("publik:skm_form", args=[skm.ul.token]), data, REMOTE_ADDR=ip)


def test_token_dipakai_ulang_ditolak_tanpa_tulis(client, skm_a):
    data = data_formulir(skm_a, komentar="Pertama")
    assert _post(client, skm_a, data).status_code == 302
    # The same token with other answers (so the duplicate check does not catch it).
    resp = _post(client, skm_a, {**data, "komentar": "Kedua", "u1": 1}, ip="10.7.7.7")
    assert resp.status_code == 409
    assert PESAN in resp.content.decode()
    assert list(TanggapanSKM.objects.values_list("komentar", flat=True)) == ["Pertama"]
    assert TokenFormulirTerpakai.objects.count() == 1
    assert dict(PenolakanSKM.objects.values_list("alasan", "jumlah")) == {"terpakai": 1}


def test_enam_belas_kiriman_satu_diterima(client, skm_a):
    data = data_formulir(skm_a)
    kode = [_post(client, skm_a, {**data, "u9": 1 + i % 4, "komentar": str(i)},
                  ip=f"10.3.3.{i}").status_code for i in range(16)]  # fmt: skip
    assert kode == [302] + [409] * 15
    assert TanggapanSKM.objects.count() == 1


def test_cache_mati_token_tetap_sekali_pakai(client, skm_a, redis_mati):
    """With the cache on a dead port (the rate limits fail open), the token is still
    single-use: it is kept in the database."""
    data = data_formulir(skm_a)
    assert _post(client, skm_a, data).status_code == 302
    assert _post(client, skm_a, data).status_code == 409
    assert TanggapanSKM.objects.count() == 1


def test_token_lama_tanpa_id_dianggap_kedaluwarsa(client, skm_a):
    lama = signing.dumps({"u": skm_a.ul.pk, "t": time.time() - 60}, salt=antispam.SALT,
                         compress=True)  # fmt: skip
    resp = _post(client, skm_a, data_formulir(skm_a, t=lama))
    assert resp.status_code == 400
    assert "Jawaban Anda masih ada" in resp.content.decode()
    assert not TanggapanSKM.objects.exists()


def test_kiriman_gagal_tidak_menghabiskan_token(skm_a, skm_b):
    data = data_formulir(skm_a)
    token = data["t"]
    bersih = {k: data[k] for k in ("komentar", "kontak")} | {
        f"u{i}": int(data[f"u{i}"]) for i in range(1, 10)
    }
    with pytest.raises(ValidationError):
        services.tanggapan_kirim(unit_layanan=skm_a.ul, ip="10.0.0.1", token=token,
                                 data={**bersih, "jenis_layanan": skm_b.jenis[0], "petugas": None})  # fmt: skip
    assert not TokenFormulirTerpakai.objects.exists()
    t = services.tanggapan_kirim(unit_layanan=skm_a.ul, ip="10.0.0.1", token=token,
                                 data={**bersih, "jenis_layanan": skm_a.jenis[0], "petugas": None})  # fmt: skip
    assert t.pk and TokenFormulirTerpakai.objects.count() == 1


def test_bersihkan_token_lewat_masa_berlaku(settings):
    settings.SKM_FORM_MAKS_DETIK = 3600
    sekarang = timezone.now()
    TokenFormulirTerpakai.objects.create(
        nonce="lama" * 3, dipakai_pada=sekarang - dt.timedelta(days=2)
    )
    TokenFormulirTerpakai.objects.create(
        nonce="baru" * 3, dipakai_pada=sekarang - dt.timedelta(hours=2)
    )
    assert services.token_terpakai_bersihkan(sekarang=sekarang) == 1
    assert list(TokenFormulirTerpakai.objects.values_list("nonce", flat=True)) == ["baru" * 3]
    assert "skm-token-terpakai-bersihkan" in settings.CELERY_BEAT_SCHEDULE


@pytest.mark.django_db(transaction=True)
def test_kiriman_bersamaan_hanya_satu_diterima(skm_a):
    """Four threads post the same token at once: the unique key lets exactly one through."""
    data = data_formulir(skm_a)
    bersih = {f"u{i}": int(data[f"u{i}"]) for i in range(1, 10)} | {
        "jenis_layanan": skm_a.jenis[0], "petugas": None, "kontak": "",
    }  # fmt: skip
    hasil: list[str] = []
    mulai = threading.Barrier(4)

    def kirim(i: int) -> None:
        try:
            mulai.wait()
            services.tanggapan_kirim(unit_layanan=skm_a.ul, ip=f"10.4.4.{i}", token=data["t"],
                                     data={**bersih, "komentar": f"utas {i}"})  # fmt: skip
            hasil.append("ok")
        except antispam.Ditolak as e:
            hasil.append(e.alasan)
        finally:
            connection.close()

    utas = [threading.Thread(target=kirim, args=(i,)) for i in range(4)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert sorted(hasil) == ["ok", "terpakai", "terpakai", "terpakai"]
    assert TanggapanSKM.objects.count() == 1
