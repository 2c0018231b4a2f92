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
