"""Specification: ``roqa agree`` warns of slivers, character-span units of a few letters the
coders disagree on.

Each range is one unit whatever its length (docs/agreement.md), so a selection that misses
another coder's edge by two characters is a unit of two letters, and a full disagreement. Nothing
said so: a QDA coder whose every selection started two characters late took kappa from 0.903 to
0.618 (tester agree2, session 79). The rule stays; a warning counts such units among the
disagreements, naming a few.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agree_helpers import ANA, agree, two_users_qdpx

SAID = (
    "Warning: 3 of the 3 units the coders disagree on hold fewer than 4 letters or digits "
    "(p01:@41-43 'We', p01:@126-128 'Ou', p01:@302-304 'Mo'): such a sliver is mostly one "
    "coder's selection missing another's edge by a few characters, and counts as a full "
    "disagreement, as every unit does whatever its length; check the selections there in the QDA "
    "program (docs/agreement.md, Results with different selections)."
)


def test_selections_two_characters_late_are_warned_of(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late = [(a + 2, b, c) for a, b, c in ANA]
    path = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ANA, "Ben": late})
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    assert data is not None
    # the figures stay as the documented unit rule gives them
    assert data["n_units"]["all"] == 9
    assert round(data["pooled"]["all"]["kappa"], 3) == 0.609
    assert SAID in out


def test_a_whole_word_missed_is_no_sliver(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Ben's selections differ by a whole word ("We just" in Ana's, not Ben's): no sliver
    late = [(a + 8 if k == 0 else a, b, c) for k, (a, b, c) in enumerate(ANA)]
    path = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ANA, "Ben": late})
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    assert "sliver" not in out


def test_one_sliver_is_said_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    late = [(a + 2, b, c) if k == 0 else (a, b, c) for k, (a, b, c) in enumerate(ANA)]
    path = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ANA, "Ben": late})
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    assert (
        "Warning: 1 of the 1 units the coders disagree on holds fewer than 4 letters or digits "
        "(p01:@41-43 'We'): such a sliver" in out
    )


def test_with_three_coders_the_pairs_the_slivers_lie_between_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hunt s79 L4: Ana and Ben select alike, Cara 2 characters late. The warning counted over
    the units of all three ("3 of the 3 units the coders disagree on") beside an Ana - Ben row
    of 1.000, so no reader could tell they were Cara's."""
    late = [(a + 2, b, c) for a, b, c in ANA]
    path = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ANA, "Ben": list(ANA), "Cara": late})
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    shown = "p01:@41-43 'We', p01:@126-128 'Ou', p01:@302-304 'Mo'"
    said = (
        "Warning: units of fewer than 4 letters or digits are among the units these pairs of "
        f"coders disagree on, by pair: Ana - Cara 3 of 3 ({shown}); Ben - Cara 3 of 3 "
        f"({shown}): such a sliver is mostly one coder's selection missing another's edge"
    )
    assert said in out
    assert "3 of the 3 units the coders disagree on" not in out
    assert data is not None
    rows = {(p["coder_a"], p["coder_b"]): p for p in data["pairs"]}
    assert round(rows["Ana", "Ben"]["all"]["kappa"], 3) == 1.0


def test_with_three_coders_one_pair_is_said_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Cara 2 characters late on the first answer only, Ben coding it not at all: only Ana -
    Cara have a sliver between them."""
    late = [(a + 2, b, c) if k == 0 else (a, b, c) for k, (a, b, c) in enumerate(ANA)]
    path = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ANA, "Ben": ANA[1:], "Cara": late})
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    assert (
        "Warning: units of fewer than 4 letters or digits are among the units this pair of "
        "coders disagree on, by pair: Ana - Cara 1 of 1 (p01:@41-43 'We'): such a sliver"
    ) in out
