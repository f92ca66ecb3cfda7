"""Writes of the reporting app, one module per concern: `rekap` (the recap computation),
`proses` (the background jobs HR starts and the worker runs), `pengingat` (the reminders).
Import from the module itself (`from kinerja.laporan.services.rekap import rekap_hitung`)."""
