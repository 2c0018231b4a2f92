"""Published worked examples the agreement tests check roqa's statistics against, written out
once (duplicates D2 of session 83: two test files each held a copy)."""

from __future__ import annotations

N = None

#: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12
#: units, values 1-5, missing values blank (None). Nominal alpha 0.743.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
