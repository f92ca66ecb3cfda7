"""The layers inside kinerja.laporan and inside organisasi (pyproject.toml [tool.importlinter]):
a module imports only the layers below it, function-local imports included, so no circle can
hide behind an import inside a function. Runs `lint-imports` and fails with its report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
KONTRAK = ("kinerja.laporan layers", "organisasi layers")


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
