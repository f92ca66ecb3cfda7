"""kedalaman_muat: the deepest level of the unit tree that still fits in a row limit."""

from __future__ import annotations

import pytest

from organisasi.selectors import kedalaman_muat


@pytest.mark.parametrize(
    ("jumlah", "batas", "harapan"),
    [
        ({0: 1, 1: 4, 2: 7}, 150, 2),  # everything fits: the deepest level
        ({0: 1, 1: 4, 2: 79, 3: 684, 4: 735}, 150, 2),  # 84 fit, 768 do not
        ({0: 1, 1: 9, 2: 138, 3: 1117}, 148, 2),  # exactly at the limit
        ({0: 1, 1: 9, 2: 138, 3: 1117}, 147, 1),
        ({0: 1, 1: 400, 2: 900}, 150, 1),  # depth 0 and 1 always, even past the limit
        ({0: 1}, 150, 1),
        ({}, 150, 1),
        ({0: 2, 1: 3, 2: 4}, 5, 1),  # several roots
        ({1: 3, 0: 1, 2: 2}, 6, 2),  # key order does not matter
    ],
)
def test_kedalaman_muat(jumlah, batas, harapan):
    assert kedalaman_muat(jumlah, batas) == harapan
