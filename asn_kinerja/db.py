"""Small SQL building blocks shared by the apps' selectors."""

from __future__ import annotations

from django.db.models import BooleanField, F, Func, IntegerField, QuerySet, Subquery
from django.db.models.functions import Coalesce


class SalahSatu(Func):
    """`kolom = ANY(ARRAY(subquery))`, for `.filter(SalahSatu("pegawai_id", qs.values("pk")))`.

    PostgreSQL runs the subquery once (an InitPlan) and keeps the condition an index
    condition on `kolom`: a few thousand index probes instead of the hash join over a whole
    big table that `kolom IN (subquery)` is often planned as, and still indexable inside an
    OR. Use it when the subquery gives a small set (a head's staff, a unit's sub-units) and
    the filtered table is big (logs, evaluations). Measured in docs/bench.md."""

    arg_joiner = " = ANY(ARRAY"
    template = "(%(expressions)s))"
    output_field = BooleanField()

    def __init__(self, kolom: str, subquery: QuerySet) -> None:
        super().__init__(F(kolom), Subquery(subquery.order_by()))


def jumlah_subquery(qs: QuerySet) -> Coalesce:
    """COUNT(*) of `qs` as a scalar subquery, 0 when empty, for `.annotate()` on an outer
    query without adding a GROUP BY to it (`qs` may refer to the outer row with OuterRef)."""
    jumlah = qs.order_by().annotate(_n=Func(F("pk"), function="COUNT")).values("_n")
    return Coalesce(Subquery(jumlah, output_field=IntegerField()), 0)
