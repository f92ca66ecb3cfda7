"""Helpers that build the check constraints shared by several performance models."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from ..rules import MATRIKS_PREDIKAT


def q_predikat_sesuai_matriks(
    rating_hasil: str = "rating_hasil",
    rating_perilaku: str = "rating_perilaku",
    predikat: str = "predikat",
) -> Q:
    """The three fields are all null (not rated yet) or all set with the predikat exactly the
    one the matrix gives for the two ratings. Generated from `rules.MATRIKS_PREDIKAT`, so the
    database refuses a predikat typed by hand, a predikat with one rating missing, ratings
    without a predikat and any value outside the choices.

    The explicit "all set" branch matters: SQL CHECK passes on NULL, and `col = 'x'` is NULL
    when `col` is null, so the nine cells alone would let a row with one null column through.
    """
    fields = (rating_hasil, rating_perilaku, predikat)
    sel = Q()
    for (hasil, perilaku), hasil_predikat in MATRIKS_PREDIKAT.items():
        sel |= Q(
            **{
                rating_hasil: hasil.value,
                rating_perilaku: perilaku.value,
                predikat: hasil_predikat.value,
            }
        )
    semua_kosong = Q(**{f"{f}__isnull": True for f in fields})
    semua_terisi = Q(**{f"{f}__isnull": False for f in fields})
    return semua_kosong | (semua_terisi & sel)


def cek_pilihan(
    model: str,
    field: str,
    choices: type[models.TextChoices],
    *,
    boleh_kosong: bool = False,
) -> models.CheckConstraint:
    """A check constraint that keeps a choices column within its choices (Django validates
    choices in forms only; a service, shell or raw update would otherwise slip through)."""
    kondisi = Q(**{f"{field}__in": list(choices.values)})
    if boleh_kosong:
        kondisi |= Q(**{field: ""})
    return models.CheckConstraint(condition=kondisi, name=f"{model}_{field}_valid")
