"""The status machines of kinerja, in one package:

- `base`: the engine (lock the row, check the state and the actor, change, log);
- `skp`: SKP draf -> diajukan -> disetujui / dikembalikan, revision requests;
- `evaluasi`: periodic and annual evaluations, objections, daily logs.

Every status change in the product goes through `base.jalankan()`, which writes exactly one
`TransisiStatus` row (who, when, from, to, note).
"""
