"""Pure rules of employee records (no database, no request): the one place for numbers the
regulations fix, so a template, a selector and a report cannot disagree.

DOMAIN.md section 4: every ASN is entitled to at least 20 hours (JP) of competency
development a year; the system flags employees below it.
"""

from __future__ import annotations

#: Minimum JP of competency development per employee per year (DOMAIN.md section 4).
HAK_JP_TAHUNAN = 20


def jp_kurang(jp: int, hak: int = HAK_JP_TAHUNAN) -> int:
    """JP still missing to reach the yearly entitlement (0 once it is met)."""
    return max(0, hak - int(jp or 0))


def jp_persen(jp: int, hak: int = HAK_JP_TAHUNAN) -> int:
    """Progress towards the entitlement in whole percent, capped at 100."""
    if hak <= 0:
        return 100
    return min(100, round(int(jp or 0) * 100 / hak))


def di_bawah_hak(jp: int, hak: int = HAK_JP_TAHUNAN) -> bool:
    return int(jp or 0) < hak
