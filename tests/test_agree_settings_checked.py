"""Specification: the resampling settings of ``agreement_report``, ``valence_agreement`` and
``bootstrap_ci`` are checked as ``roqa agree`` checks its options, by one check
(:func:`roqa_nlp.agreement.check_resampling`), in the same words with the caller's names.

Before (session 76's api tester, D11): ``agreement_report(cu, n_boot=-1)`` gave no intervals
with no word (the CLI refuses ``--n-boot -1``), ``seed=-1`` raised numpy's bare "expected
non-negative integer" (the CLI says "--seed -1 is negative"), and Python gave no warning of
fewer than 200 resamples.
"""

from __future__ import annotations

import warnings

import pytest

from roqa_nlp.agreement import bootstrap_ci, krippendorff_alpha
from roqa_nlp.coding_agreement import agreement_report, coded_units_from_rows
from roqa_nlp.errors import RoqaWarning
from test_cli_agree import run

ROWS = [
    (f"u{i}", coder, code)
    for i, (a, b) in enumerate(zip("XXYYXZXY", "XYYYXZZY", strict=True))
    for coder, code in (("A", a), ("B", b))
]


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ({"n_boot": -1}, "n_boot=-1 is negative (use 0 for no intervals)"),
        ({"n_boot": 100_001}, "n_boot=100001 is above 100000 (1000 to 10000 resamples suffice)"),
        ({"seed": -1}, "seed=-1 is negative (use 0 or a positive integer)"),
        ({"ci_level": 95}, "ci_level=95 is not between 0 and 1 (e.g. 0.95)"),
    ],
)
def test_agreement_report_refuses_a_setting_as_the_cli_does(setting: dict, said: str) -> None:
    with pytest.raises(ValueError) as e:
        agreement_report(coded_units_from_rows(ROWS), **setting)
    assert str(e.value) == said


def test_bootstrap_ci_refuses_a_negative_seed_in_the_same_words() -> None:
    with pytest.raises(ValueError) as e:
        bootstrap_ci(krippendorff_alpha, [[1, 2, 3, 1], [1, 2, 2, 1]], seed=-1)
    assert str(e.value) == "seed=-1 is negative (use 0 or a positive integer)"


def test_few_resamples_are_warned_of_in_python_too() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        agreement_report(coded_units_from_rows(ROWS), n_boot=50)
        agreement_report(coded_units_from_rows(ROWS), n_boot=0)  # no intervals: no warning
    assert [(w.category, str(w.message)) for w in caught] == [
        (
            RoqaWarning,
            "n_boot=50: so few resamples give rough percentile intervals; use 200 or more "
            "(1000 to 10000 suffice)",
        )
    ]
    assert caught[0].filename == __file__  # at the researcher's line


@pytest.mark.parametrize(
    ("option", "said"),
    [
        (["--n-boot", "-5"], "--n-boot -5 is negative (use 0 for no intervals)"),
        (["--seed", "-1"], "--seed -1 is negative (use 0 or a positive integer)"),
        (["--ci-level", "95"], "--ci-level 95.0 is not between 0 and 1 (e.g. 0.95)"),
    ],
)
def test_the_cli_says_the_same_with_its_options_names(
    tmp_path, capsys, option: list[str], said: str
) -> None:
    p = tmp_path / "c.csv"
    p.write_text("unit,coder,code\n" + "".join(f"{u},{c},{k}\n" for u, c, k in ROWS), "utf-8")
    code, _, err = run(["agree", str(p), *option], capsys)
    assert (code, err) == (2, f"roqa: error: {said}\n")
