"""Specification: ``roqa agree`` says what it does with a QDA passage a coder gave two
different valences: its codes there are left out of valence agreement, one warning per coder
counting the passages.

It printed the import's words, "its codes count as neutral", which is what ``roqa import``
writes, one line a passage (tester agree2, session 79: 5 lines for Ben, 18 of 68 valence pairs
left out).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agree_helpers import ANA, agree, two_users_qdpx


def test_passages_with_two_valences_are_said_left_out_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (a1, b1, _), (a2, b2, _), (a3, b3, _) = ANA
    ana = [(a, b, c) for a, b, c in ANA] + [
        (a1, b1, "Barrier"),
        (a2, b2, "Enabler"),
        (a3, b3, "Barrier"),
    ]
    # Ben: Available Resources a barrier and Leadership Engagement an enabler, on one passage;
    # and two valences on the second too
    ben = [
        (a1, b1, "Available Resources"),
        (a1, b1, "Barrier"),
        (a1, b1, "Leadership Engagement"),
        (a1, b1, "Enabler"),
        (a2, b2, "Leadership Engagement"),
        (a2, b2, "Enabler"),
        (a2, b2, "Barrier"),
        (a3, b3, "External Policy & Incentives"),
        (a3, b3, "Barrier"),
    ]
    path = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ana, "Ben": ben})
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    line = (
        "Ben gave 2 passages two different valences (p01:@41-89, p01:@126-178): read as giving "
        "them none, so their codes there are left out of valence agreement (to give each code "
        "its own, code a valence below it, as Available Resources > Barrier: docs/refi-qda.md)"
    )
    assert " ".join(err.split()) == f"roqa: warning: {path}: {line}"
    assert data is not None
    assert f"{path}: {line}" in data["notes"]
    assert "count as neutral" not in out + err
    # what is said is done: Ben's only valence pair is on the third passage
    assert (data["valence"]["n_pairs"], data["valence"]["n_without_valence"]) == (1, 2)


def test_a_transcript_named_with_spaces_is_counted_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hunt s79 L3: an NVivo source "P01 interview" kept the import's own line, uncounted."""
    (a1, b1, _), (a2, b2, _), _ = ANA
    ben = [
        (a1, b1, "Available Resources"),
        (a1, b1, "Barrier"),
        (a1, b1, "Leadership Engagement"),
        (a1, b1, "Enabler"),
        (a2, b2, "Leadership Engagement"),
        (a2, b2, "Enabler"),
    ]
    ana = [(a1, b1, "Available Resources"), (a2, b2, "Leadership Engagement")]
    path = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ana, "Ben": ben}, source="P01 interview")
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    line = (
        "Ben gave 1 passage two different valences (P01 interview:@41-89): read as giving it "
        "none, so its codes there are left out of valence agreement (to give each code its "
        "own, code a valence below it, as Available Resources > Barrier: docs/refi-qda.md)"
    )
    assert " ".join(err.split()) == f"roqa: warning: {path}: {line}"
    assert data is not None and f"{path}: {line}" in data["notes"]
    assert "count as neutral" not in out + err


def test_a_selection_across_two_passages_given_each_a_valence_is_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reviewer's one selection across two of the model's passages, each given its own
    valence: the import's third form, "the span X (on passages a, b)", was kept uncounted
    (hunt s79 L3)."""
    from test_refiqda_valence_codings import (
        AGENCY,
        AVAILABLE_RESOURCES,
        BARRIER_GUID,
        ENABLER_GUID,
        STAFF,
        reviewed,
    )

    both = (STAFF[0], AGENCY[1])
    project = reviewed(
        tmp_path,
        (both, (AVAILABLE_RESOURCES,)),
        (STAFF, (BARRIER_GUID,)),
        (AGENCY, (ENABLER_GUID,)),
    )
    code, data, out, err = agree(tmp_path, capsys, str(project))
    assert code == 0, err
    line = (
        f"Alice gave 1 passage two different valences (P04:@{both[0]}-{both[1]} (across P04:1 "
        "and P04:2)): read as giving it none, so its codes there are left out of valence "
        "agreement (to give each code its own, code a valence below it, as Available "
        "Resources > Barrier: docs/refi-qda.md)"
    )
    assert data is not None and f"{project}: {line}" in data["notes"]
    assert "count as neutral" not in " ".join(err.split())
    assert f"roqa: warning: {project}: {line}" in " ".join(err.split())


def test_a_coder_named_with_gave_is_named_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hunt s80 F2: the line was parsed back out of the import's words, a coder "Ben gave" split
    at its " gave " ("Ben gave 1 passage ... (gave passage p01:@41-89)"); the import hands over
    who and where."""
    (a1, b1, _), _, _ = ANA
    ben = [(a1, b1, "Available Resources"), (a1, b1, "Barrier"), (a1, b1, "Enabler")]
    path = two_users_qdpx(
        tmp_path / "p.qdpx", {"Ana": [(a1, b1, "Available Resources")], "Ben gave": ben}
    )
    code, data, _, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    line = (
        "Ben gave gave 1 passage two different valences (p01:@41-89): read as giving it none, so "
        "its codes there are left out of valence agreement (to give each code its own, code a "
        "valence below it, as Available Resources > Barrier: docs/refi-qda.md)"
    )
    assert data is not None and f"{path}: {line}" in data["notes"]


def test_passages_of_a_source_named_with_a_comma_are_listed_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hunt s80 F3: the passages of a span were split back out of the line at ", ", so those of
    a source "Smith, J" were listed "Smith, J:1, Smith and J:2"."""
    from test_refiqda_valence_codings import (
        AGENCY,
        AVAILABLE_RESOURCES,
        BARRIER_GUID,
        ENABLER_GUID,
        STAFF,
        reviewed,
    )

    both = (STAFF[0], AGENCY[1])
    project = reviewed(
        tmp_path,
        (both, (AVAILABLE_RESOURCES,)),
        (STAFF, (BARRIER_GUID,)),
        (AGENCY, (ENABLER_GUID,)),
        change=lambda qde: qde.replace("P04", "Smith, J"),  # the source and its ids
    )
    code, data, _, err = agree(tmp_path, capsys, str(project))
    assert code == 0, err
    line = (
        f"Alice gave 1 passage two different valences (Smith, J:@{both[0]}-{both[1]} (across "
        "Smith, J:1 and Smith, J:2)): read as giving it none, so its codes there are left out "
        "of valence agreement (to give each code its own, code a valence below it, as "
        "Available Resources > Barrier: docs/refi-qda.md)"
    )
    assert data is not None and f"{project}: {line}" in data["notes"], data["notes"]


def test_a_coder_whose_every_valence_was_two_is_not_said_to_give_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Hunt s80 F9: Ana coded Barrier and Enabler on each passage she gave a valence; the line
    on valence said "no passage of theirs coded Barrier, Enabler or Neutral in the QDA
    project", which the warning above it belied. Ben, who coded no valence, is said so."""
    (a1, b1, _), (a2, b2, _), _ = ANA
    ana = [
        (a1, b1, "Available Resources"),
        (a1, b1, "Barrier"),
        (a1, b1, "Enabler"),
        (a2, b2, "Leadership Engagement"),
        (a2, b2, "Barrier"),
        (a2, b2, "Neutral"),
    ]
    ben = [(a1, b1, "Available Resources"), (a2, b2, "Leadership Engagement")]
    path = two_users_qdpx(tmp_path / "p.qdpx", {"Ana": ana, "Ben": ben})
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0 and data is not None, err
    said = " ".join(out.split())
    assert (
        "Ana's codings give no valence: every passage of theirs given one was given two "
        "different valences (2), read as none; Ben's codings give no valence (no passage of "
        "theirs coded Barrier, Enabler or Neutral in the QDA project)"
    ) in said
    assert "Ana's codings give no valence (no passage" not in said
