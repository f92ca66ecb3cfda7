"""Abuse resistance of the public form, without hurting real citizens.

- A signed timestamp in the form (`token_formulir`) proves the form came from us, binds it
  to one unit and gives the fill time: faster than `SKM_MIN_DETIK` is a bot; older than
  `SKM_FORM_MAKS_DETIK` is stale. Each token is single-use: its random id is stored with
  the response under a unique key (`TokenFormulirTerpakai`, in the database, so it holds
  when the cache is down), so the minimum fill time holds per submission.
- A honeypot field that people never see.
- Fixed-window counters in the cache (Redis) per network address and per unit.
- Duplicate suppression: the same address sending the same answers to the same unit
  within `SKM_DUPLIKAT_MENIT` minutes.

Addresses are never stored: cache keys hold an HMAC of the address. Limits are generous
because many citizens share one address (mobile carrier NAT, a puskesmas Wi-Fi). When the
cache is down, the checks fail open (log a warning, accept): losing a citizen's answer is
worse than letting a few extra through, and the time/honeypot checks still hold.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from typing import Any

from django.conf import settings
from django.core import signing

from asn_kinerja import cache_aman

from .models import AlasanPenolakan

SALT = "skm.formulir"


def setelan(nama: str) -> Any:
    bawaan = {
        "SKM_BATAS_IP": (20, 3600),  # (kiriman, detik) per alamat jaringan, semua unit
        "SKM_BATAS_UNIT": (300, 3600),  # (kiriman, detik) per unit layanan
        "SKM_MIN_DETIK": 8,
        "SKM_FORM_MAKS_DETIK": 24 * 3600,
        "SKM_DUPLIKAT_MENIT": 30,
        "SKM_CACHE_PREFIX": "skm",
        "SKM_HEADER_IP": "",  # mis. "HTTP_X_REAL_IP" di belakang proxy tepercaya
    }
    return getattr(settings, nama, bawaan[nama])


class Ditolak(Exception):  # noqa: N818 (a domain outcome, not a programming error)
    def __init__(self, alasan: str):
        super().__init__(alasan)
        self.alasan = alasan


def alamat_ip(request) -> str:
    header = setelan("SKM_HEADER_IP")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def _sidik(*bagian: Any) -> str:
    teks = "|".join(str(b) for b in bagian)
    return hmac.new(settings.SECRET_KEY.encode(), teks.encode(), hashlib.sha256).hexdigest()[:32]


def _kunci(*bagian: Any) -> str:
    return ":".join([setelan("SKM_CACHE_PREFIX"), *map(str, bagian)])


def token_formulir(unit_layanan_id: int, *, waktu: float | None = None) -> str:
    """A fresh signed token: unit, issue time and a random id `n` that makes it single-use
    (`services.tanggapan_kirim` records the id with the response)."""
    return signing.dumps(
        {
            "u": unit_layanan_id,
            "t": round(waktu if waktu is not None else time.time(), 1),
            "n": secrets.token_urlsafe(12),
        },
        salt=SALT,
        compress=True,
    )


def periksa_token(token: str, unit_layanan_id: int, *, sekarang: float | None = None) -> str:
    """The token's single-use id; raises Ditolak(kedaluwarsa | terlalu_cepat). A token
    without an id (issued before tokens became single-use) counts as expired: the form is
    shown again with the citizen's answers and a fresh token."""
    sekarang = sekarang if sekarang is not None else time.time()
    try:
        data = signing.loads(token or "", salt=SALT, max_age=setelan("SKM_FORM_MAKS_DETIK"))
        dibuat = float(data["t"])
        unit_id = int(data["u"])
        nonce = str(data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise Ditolak(AlasanPenolakan.KEDALUWARSA) from exc
    if not 8 <= len(nonce) <= 32:
        raise Ditolak(AlasanPenolakan.KEDALUWARSA)
    if unit_id != unit_layanan_id or sekarang - dibuat > setelan("SKM_FORM_MAKS_DETIK"):
        raise Ditolak(AlasanPenolakan.KEDALUWARSA)
    if sekarang - dibuat < setelan("SKM_MIN_DETIK"):
        raise Ditolak(AlasanPenolakan.TERLALU_CEPAT)
    return nonce


def _hitung(kunci: str, batas: int, detik: int) -> bool:
    """Fixed window: True while the window's counter stays within `batas`."""
    jendela = int(time.time() // detik)
    k = f"{kunci}:{jendela}"
    # Fails open when the cache is down (see module doc; asn_kinerja.cache_aman logs it).
    cache_aman.tambah(k, 0, timeout=detik + 5)
    n = cache_aman.naikkan(k)
    return n is None or n <= batas


def periksa_batas(*, ip: str, unit_layanan_id: int) -> None:
    """Raises Ditolak(batas_ip | batas_unit)."""
    n_ip, detik_ip = setelan("SKM_BATAS_IP")
    if not _hitung(_kunci("ip", _sidik(ip)), n_ip, detik_ip):
        raise Ditolak(AlasanPenolakan.BATAS_IP)
    n_unit, detik_unit = setelan("SKM_BATAS_UNIT")
    if not _hitung(_kunci("unit", unit_layanan_id), n_unit, detik_unit):
        raise Ditolak(AlasanPenolakan.BATAS_UNIT)


def periksa_duplikat(*, ip: str, unit_layanan_id: int, isi: tuple) -> None:
    """Raises Ditolak(duplikat) when the same address sent the same answers recently.
    The key is remembered at this point: a second identical post is the duplicate."""
    k = _kunci("dup", _sidik(ip, unit_layanan_id, *isi))
    baru = cache_aman.tambah(k, 1, timeout=setelan("SKM_DUPLIKAT_MENIT") * 60)
    if baru is False:  # None: the cache is down, not checked
        raise Ditolak(AlasanPenolakan.DUPLIKAT)
