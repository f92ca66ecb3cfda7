"""The layers of the house (pyproject.toml [tool.importlinter]): between the apps
(kinerja -> pegawai -> organisasi -> asn_kinerja), inside kinerja.laporan and inside organisasi:
a module imports only the layers below it, function-local imports included, so no circle can
hide behind an import inside a function. Runs `lint-imports` and fails with its report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
KONTRAK = ("app layers", "kinerja.laporan layers", "organisasi layers")


def _jalankan(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _id_kontrak() -> dict[str, str]:
    """Contract name -> id (the `--contract` filter takes the id import-linter assigns)."""
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    kontrak = data["tool"]["importlinter"]["contracts"]
    return {k["name"]: k.get("id", k["name"]) for k in kontrak}


@pytest.mark.parametrize("nama", KONTRAK)
def test_kontrak_terdaftar(nama):
    assert nama in _id_kontrak(), f"kontrak {nama!r} hilang dari pyproject.toml"


def test_lapisan_dipatuhi():
    hasil = _jalankan()
    keluaran = hasil.stdout + hasil.stderr
    for nama in KONTRAK:
        assert f"{nama} KEPT" in keluaran, keluaran
    assert hasil.returncode == 0, keluaran


def _salin(tmp_path: Path) -> Path:
    import shutil

    for paket in ("asn_kinerja", "organisasi", "pegawai", "kinerja"):
        shutil.copytree(
            ROOT / paket, tmp_path / paket, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_lantai_dasar_tidak_mengimpor_ke_atas(tmp_path):
    """The check can fail: the ground floor importing a kinerja view (as asn_kinerja/urls.py
    did before issue 16) breaks the app contract."""
    akar = _salin(tmp_path)
    urls = akar / "asn_kinerja" / "urls.py"
    urls.write_text("from kinerja.laporan.views import BerandaView  # noqa\n" + urls.read_text())
    hasil = _jalankan(cwd=akar)
    keluaran = hasil.stdout + hasil.stderr
    assert hasil.returncode != 0, keluaran
    assert "app layers BROKEN" in keluaran, keluaran
    assert "asn_kinerja.urls -> kinerja.laporan.views" in keluaran, keluaran


def test_pelanggaran_terdeteksi(tmp_path):
    """The check can fail: a copy of the apps where selectors imports services (the old
    circle, inside a function) breaks the laporan contract."""
    import shutil

    for paket in ("asn_kinerja", "organisasi", "pegawai", "kinerja"):
        shutil.copytree(
            ROOT / paket, tmp_path / paket, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    selectors = tmp_path / "kinerja" / "laporan" / "selectors.py"
    selectors.write_text(
        selectors.read_text()
        + "\n\ndef _lingkar():\n    from .services.rekap import rekap_hitung\n\n"
        "    return rekap_hitung\n"
    )
    hasil = _jalankan(cwd=tmp_path)
    keluaran = hasil.stdout + hasil.stderr
    assert hasil.returncode != 0, keluaran
    assert "kinerja.laporan layers BROKEN" in keluaran, keluaran
    assert "organisasi layers KEPT" in keluaran, keluaran
