"""The performance data model (DOMAIN.md section 2), split by stage of the cycle:

- `periode`: PeriodeKinerja (a wilayah's year and its rule settings), PeriodePenilaian (the
  periodic windows), TargetUnit (a unit's perjanjian kinerja);
- `skp`: SKP, RencanaHasilKerja, IndikatorKinerja, EkspektasiPerilaku;
- `evaluasi`: EvaluasiPeriodik, RealisasiIndikator, BuktiDukung, UmpanBalikHasil,
  UmpanBalikPerilaku, Keberatan, EvaluasiTahunan, PredikatUnit;
- `pelaksanaan`: LogHarian, UmpanBalik, RencanaPembinaan.

TransisiStatus and Notifikasi live on the ground floor (`asn_kinerja.models`).

Import from `kinerja.models`; the submodules are an implementation detail.
"""

from .evaluasi import (
    BuktiDukung,
    EvaluasiPeriodik,
    EvaluasiTahunan,
    Keberatan,
    PredikatUnit,
    RealisasiIndikator,
    UmpanBalikHasil,
    UmpanBalikPerilaku,
)
from .pelaksanaan import LogHarian, RencanaPembinaan, UmpanBalik
from .periode import PeriodeKinerja, PeriodePenilaian, TargetUnit
from .skp import (
    SKP,
    EkspektasiPerilaku,
    IndikatorKinerja,
    RencanaHasilKerja,
    identitas_pegawai,
)

__all__ = [
    "SKP",
    "BuktiDukung",
    "EkspektasiPerilaku",
    "EvaluasiPeriodik",
    "EvaluasiTahunan",
    "IndikatorKinerja",
    "Keberatan",
    "LogHarian",
    "PeriodeKinerja",
    "PeriodePenilaian",
    "PredikatUnit",
    "RealisasiIndikator",
    "RencanaHasilKerja",
    "RencanaPembinaan",
    "TargetUnit",
    "UmpanBalik",
    "UmpanBalikHasil",
    "UmpanBalikPerilaku",
    "identitas_pegawai",
]
