"""Specification (hunt55, s90, L1): a browser keeps the name it was given and marks each later
download with a small counter, so only a group holding the unmarked name and counters of one
or two digits is taken for download copies. Years, meeting ids, one participant's numbered
sessions, a site's waves or a focus group's numbered sessions are not, and are not warned of."""

from __future__ import annotations

import pytest

from roqa_nlp.transcripts.download_names import download_copies


@pytest.mark.parametrize(
    "ids",
    [
        ["Staff interview (2023)", "Staff interview (2024)"],  # years
        ["Staff interview", "Staff interview (2024)"],  # a year beside the name
        ["Team sync", "Team sync (84512345678)", "Team sync (84512345679)"],  # meeting ids
        ["RM04 (1)", "RM04 (2)", "RM05 (1)"],  # a participant's two sessions
        ["HCP01 (1)", "HCP01 (2)"],
        ["Manager 4 (1)", "Manager 4 (2)"],
        ["Site A (1)", "Site A (2)", "Site B (1)", "Site B (2)"],  # sites' waves
        ["Focus group (1)", "Focus group (2)"],  # a group's sessions
    ],
)
def test_numbered_names_that_are_no_download_copies(ids: list[str]) -> None:
    assert download_copies((i, i) for i in ids) == []


def test_the_teams_names_are_still_download_copies() -> None:
    ids = ["Research interview (1)", "Research interview", "Research interview (2)", "P01"]
    assert download_copies((i, i) for i in ids) == [
        ["Research interview", "Research interview (1)", "Research interview (2)"]
    ]


def test_two_digit_counters_are_download_copies() -> None:
    ids = ["Meeting", *(f"Meeting ({n})" for n in range(1, 12))]
    assert download_copies((i, i) for i in ids) == [ids]
