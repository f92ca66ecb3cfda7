"""Where kinerja plugs into the lower apps (imports flow kinerja -> pegawai -> organisasi, so
the lower apps expose hooks and kinerja fills them from KinerjaConfig.ready())."""

from __future__ import annotations

from django.db.models import Case, IntegerField, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from kinerja.choices import Predikat, StatusEvaluasi

#: Placement points (0-10) for the most recent periodic predikat.
SKOR_PREDIKAT = {
    Predikat.SANGAT_BAIK: 10,
    Predikat.BAIK: 8,
    Predikat.BUTUH_PERBAIKAN: 4,
    Predikat.KURANG: 2,
    Predikat.SANGAT_KURANG: 0,
}


def anotasi_predikat_penempatan(qs: QuerySet) -> QuerySet:
    """For pegawai.penempatan: annotates `predikat_terakhir` (latest rated periodic predikat,
    "" when none) and `skor_predikat` (0-10), as one correlated subquery."""
    from kinerja.models import EvaluasiPeriodik

    terakhir = (
        EvaluasiPeriodik.objects.filter(
            skp__pegawai=OuterRef("pk"),
            status__in=[StatusEvaluasi.DINILAI, StatusEvaluasi.FINAL],
        )
        .order_by("-periode_penilaian__tanggal_mulai")
        .values("predikat")[:1]
    )
    return qs.annotate(
        predikat_terakhir=Coalesce(Subquery(terakhir), Value("")),
        skor_predikat=Case(
            *[When(predikat_terakhir=p, then=Value(n)) for p, n in SKOR_PREDIKAT.items()],
            default=Value(0),
            output_field=IntegerField(),
        ),
    )


def daftarkan() -> None:
    from pegawai import penempatan

    penempatan.daftarkan_penilai_predikat(anotasi_predikat_penempatan)
