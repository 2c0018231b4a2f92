"""Specification: a group member's reply that concedes the previous member's point ("That's,
yeah, that's harsh but it's true.") only agrees with it: its "but" concedes, it does not contrast
(s72 study2: the concession was coded on its own words and became Table 2's only Culture-barrier
quote). The phrases are data (``data/concession_agreements.txt``); a "but" that adds a point of
its own still exempts the reply."""

from __future__ import annotations

import pytest

from roqa_nlp.transcripts.backchannels import only_agrees

BEFORE = "Honestly the culture here is blame. Something goes wrong and it's whose fault it was."


@pytest.mark.parametrize(
    "said",
    [
        "That's, yeah, that's harsh but it's true.",
        "Sad but true.",
        "Yeah, it's blunt but that's how it is.",
        "Harsh, but true.",
    ],
)
def test_a_concession_only_agrees_in_a_group(said: str) -> None:
    assert only_agrees(said, BEFORE, group=True)


@pytest.mark.parametrize(
    "said",
    [
        "Harsh but true, and the rota makes it worse.",
        "Same, but not here.",
        "That's harsh but it's not like that for us.",
    ],
)
def test_a_but_that_adds_a_point_still_does_not_only_agree(said: str) -> None:
    assert not only_agrees(said, BEFORE, group=True)
