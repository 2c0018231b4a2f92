"""Specification: a long table's ``NONE`` (and the other no-code spellings labelled records
accept) is a unit coded with nothing, as an empty code cell is, not a code named "NONE"."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.coding_agreement import agreement_report, read_long_csv
from roqa_nlp.errors import RoqaError

#: s1 agree (Culture); s2 ann Available Resources, ben Culture; s3 ann NONE, ben Leadership
#: Engagement; s4 both coded nothing ("none", "No code")
LONG = (
    "unit,coder,code\n"
    "s1,ann,Culture\ns1,ben,Culture\n"
    "s2,ann,Available Resources\ns2,ben,Culture\n"
    "s3,ann,NONE\ns3,ben,Leadership Engagement\n"
    "s4,ann,none\ns4,ben,No code\n"
)


def test_none_in_a_long_table_is_coded_with_nothing(tmp_path: Path) -> None:
    """Before: 4 codes (NONE, none, No code merged or not) and pooled kappa 0.111 or lower.
    After: 3 codes over 4 units, so 12 present/absent decisions per coder.
    Agreement: s1 3, s2 1 (Leadership Engagement), s3 2, s4 3: 9/12 = 0.75.
    ann says present 2 times of 12, ben 3: p_e = (2/12)(3/12) + (10/12)(9/12) = 96/144 = 2/3;
    kappa = (0.75 - 2/3) / (1 - 2/3) = 0.25. s4 (nothing from both) is outside 'coded'."""
    p = tmp_path / "long.csv"
    p.write_text(LONG, encoding="utf-8")
    cu = read_long_csv(p)
    assert sorted(cu.codes) == ["Available Resources", "Culture", "Leadership Engagement"]
    report = agreement_report(cu, n_boot=0)
    pooled = report.pooled["all"]
    assert pooled.n_units == 4
    assert pooled.percent_agreement == pytest.approx(0.75)
    assert pooled.kappa == pytest.approx(0.25)
    assert report.pooled["coded"].n_units == 3


def test_none_with_a_code_in_one_cell_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "long.csv"
    p.write_text("unit,coder,code\ns1,ann,NONE; Culture\ns1,ben,Culture\n", encoding="utf-8")
    with pytest.raises(RoqaError, match=r"line 2 gives NONE \(fits no code\) with codes"):
        read_long_csv(p)
