"""Shared frame of the demo data: each app contributes a `demo.seed(ctx)` step, run in
dependency order by `manage.py seed_demo`. Every step is idempotent (natural keys +
update_or_create / bulk_create(ignore_conflicts)), and deterministic for a given --seed."""

from __future__ import annotations

import copy
import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

DEMO_PASSWORD = "kinerja-demo"

#: The steps, lowest layer first. A later issue appends its own module here.
LANGKAH = [
    "organisasi.demo",
    "pegawai.demo",
    "pegawai.cuti.demo",
    "pegawai.pengembangan.demo",
    "kinerja.demo",
    "kinerja.demo_evaluasi",
    "kinerja.skm.demo",
    "kinerja.laporan.demo",
    "kinerja.tpp.demo",
    "kinerja.talenta.demo",
    "kinerja.api.demo",
]


@dataclass
class DemoContext:
    seed: int
    hari_ini: dt.date
    #: True when `hari_ini` was given (--tanggal): that date is "today" in every wilayah.
    #: Otherwise each wilayah's steps see its own local date (`untuk(wilayah)`).
    tanggal_tetap: bool = False
    jumlah_pegawai_tambahan: int = 0
    verbose: bool = True
    out: Any = None
    rng: random.Random = field(init=False)
    data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def rng_for(self, name: str) -> random.Random:
        """An independent deterministic stream per step, so adding a step elsewhere does not
        change another step's data."""
        return random.Random(f"{self.seed}:{name}")

    def untuk(self, wilayah: Any) -> DemoContext:
        """This context as seen from one wilayah: `hari_ini` is that wilayah's local date
        (unless the date was fixed). Shares `data` and the random streams."""
        if self.tanggal_tetap:
            return self
        from asn_kinerja.waktu import hari_ini

        salinan = copy.copy(self)
        salinan.hari_ini = hari_ini(wilayah)
        return salinan

    def log(self, msg: str) -> None:
        if self.verbose and self.out is not None:
            self.out.write(msg)


def upsert(model, defaults: dict[str, Any], **lookup: Any):
    """update_or_create that writes nothing when the row already holds these values, so a
    rerun adds no history rows either. Returns (obj, created)."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **defaults), True
    berubah = False
    for k, v in defaults.items():
        field = model._meta.get_field(k)
        attname = field.attname
        nilai = v.pk if field.is_relation and hasattr(v, "pk") else v
        if getattr(obj, attname) != nilai:
            setattr(obj, attname, nilai)
            berubah = True
    if berubah:
        obj.save()
    return obj, False
