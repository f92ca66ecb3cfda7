"""Fixtures of the pegawai tests. Leave/attendance fixtures live in fixtures_cuti.py."""

from tests.pegawai.fixtures_cuti import cuti_b, cuti_disetujui  # noqa: F401
