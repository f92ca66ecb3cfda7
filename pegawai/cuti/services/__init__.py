"""Writes of leave, holidays and attendance: the only code that changes these rows.

One module per concern; callers import from the module itself (no re-exports here):

- `cuti`: the leave request and its flow (submit, recommend, decide, withdraw, e-mails).
- `libur`: the holiday calendar of a wilayah.
- `kehadiran`: one attendance day (lateness, status from the clock times, HR's correction).
- `impor_kehadiran`: the fingerprint-machine import and the recomputation of its days.
- `alpa`: marking unexcused absence after a wilayah's working day.
"""
