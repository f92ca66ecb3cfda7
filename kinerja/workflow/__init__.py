"""The status machines of kinerja, in one package:

- `skp`: SKP draf -> diajukan -> disetujui / dikembalikan, revision requests;
- `evaluasi`: periodic and annual evaluations, objections, daily logs.

The engine (lock the row, check the state and the actor, change, log) is on the ground
floor: `asn_kinerja.workflow`. Every status change in the product goes through `jalankan()`, which writes exactly one
`TransisiStatus` row (who, when, from, to, note).
"""
