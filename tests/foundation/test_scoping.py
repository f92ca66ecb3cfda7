"""Region scoping: the one choke point (STYLE.md section 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from organisasi.models import Jabatan, UnitKerja, Wilayah
from pegawai.models import Pegawai

pytestmark = pytest.mark.django_db


def test_pengguna_melihat_hanya_wilayahnya(org_a, org_b):
    user = org_a.user_hr
    assert set(Pegawai.objects.visible_to(user)) == set(
        Pegawai.objects.filter(wilayah=org_a.wilayah)
    )
    assert not Pegawai.objects.visible_to(user).filter(wilayah=org_b.wilayah).exists()
    assert list(Wilayah.objects.visible_to(user)) == [org_a.wilayah]
    assert UnitKerja.objects.visible_to(user).count() == 3
    assert Jabatan.objects.visible_to(user).filter(wilayah=org_b.wilayah).count() == 0


def test_admin_nasional_melihat_semua(org_a, org_b, admin_nasional):
    assert Pegawai.objects.visible_to(admin_nasional).count() == Pegawai.objects.count() == 12


def test_tanpa_wilayah_dan_anonim_tidak_melihat_apa_pun(org_a, pengguna_tanpa_wilayah):
    assert Pegawai.objects.visible_to(pengguna_tanpa_wilayah).count() == 0
    assert Pegawai.objects.visible_to(AnonymousUser()).count() == 0
    assert Wilayah.objects.visible_to(pengguna_tanpa_wilayah).count() == 0


def test_pengguna_nonaktif_tidak_melihat_apa_pun(org_a):
    user = org_a.user_hr
    user.is_active = False
    assert Pegawai.objects.visible_to(user).count() == 0


ROOT = Path(__file__).resolve().parents[2]
MODUL = [
    p
    for app in ("organisasi", "pegawai", "kinerja")
    for p in (ROOT / app).rglob("*.py")
    if p.name in {"views.py", "forms.py", "filters.py"}
    or p.name.startswith(("views_", "forms_"))
    or p.parent.name in {"views", "forms"}
]


@pytest.mark.parametrize("path", MODUL, ids=lambda p: str(p.relative_to(ROOT)))
def test_views_dan_forms_tidak_memakai_objects_tanpa_visible_to(path):
    """Views and forms reach data through selectors or `.objects.visible_to(`; a bare
    `.objects.` in them is how cross-region leaks begin."""
    for no, line in enumerate(path.read_text().splitlines(), 1):
        for m in re.finditer(r"\.objects\.(\w+)", line):
            if "# scoping: ok" in line:
                continue
            assert m.group(1) == "visible_to", f"{path.name}:{no}: {line.strip()}"
