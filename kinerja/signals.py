"""Signals kinerja sends so that the layers above it (kinerja.laporan) can react without
kinerja importing them."""

from django.dispatch import Signal

#: Sent after the transaction that closed a periodic window commits; kwarg `periode_penilaian`.
periode_penilaian_ditutup = Signal()
