"""Writes of kinerja, one module per area (periode, skp, evaluasi, notifikasi, ...)."""
