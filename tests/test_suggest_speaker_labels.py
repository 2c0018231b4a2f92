"""`roqa suggest` of a line pasted from a transcript, its speaker's label kept (`P04: We've got a
new puppy`): the label is no word of the talk, so the text is read without it, as a transcript
file's reader takes labels, and given back as typed (tester s45: the label turned small talk
procedural)."""

from __future__ import annotations

import json

import pytest

from roqa_nlp.transcripts.speaker_labels import without_speaker_label
from test_cli_core import assert_success, roqa


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("P04: We've got a new puppy", "We've got a new puppy"),
        ("Interviewer: How was the training?", "How was the training?"),
        ("Jane Smith: It rained all week.", "It rained all week."),
        ("**P04**: We lost two staff.", "We lost two staff."),
        ("[00:01:02] P04: We lost two staff.", "We lost two staff."),
        ("Speaker 2: The rota, mostly.", "The rota, mostly."),
        ("Dean (support worker): We had no time.", "We had no time."),
    ],
)
def test_a_text_opening_with_a_speakers_label_is_read_without_it(text: str, read: str) -> None:
    assert without_speaker_label(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "Honestly: it was hard.",  # a word no name is made of
        "CQC: they came in March.",  # an acronym
        "Staffing: that's the barrier.",  # a topic
        "The problem was this: no staff.",  # a sentence
        "Weekends (and I mean every one): awful.",  # the speaker's aside
        "Smith, Jane: we had no time.",  # surname first: a label only where it recurs
        "P04:",  # only a label
        "We just don't have the staff.",
    ],
)
def test_talk_that_opens_like_a_label_is_read_whole(text: str) -> None:
    assert without_speaker_label(text) == text


def test_suggest_reads_a_labelled_line_as_its_words_and_gives_the_text_back_as_typed() -> None:
    """The packaged model: before, 'P04: We've got a new puppy' was read with the label
    (Available Resources at 0.0786, neutral, against 0.1095, enabler, without it)."""
    texts = [
        "P04: We've got a new puppy",
        "We've got a new puppy",
        "P07: No, I think that's everything.",
        "No, I think that's everything.",
    ]
    run = roqa("suggest", *texts, "--json", "--top-k", "3")
    assert_success(run)
    rows = json.loads(run.out)
    assert [r["text"] for r in rows] == texts
    for labelled, unlabelled in (rows[:2], rows[2:]):
        assert {k: v for k, v in labelled.items() if k != "text"} == {
            k: v for k, v in unlabelled.items() if k != "text"
        }


def test_roqa_suggest_of_a_speakers_label_alone_is_an_empty_text() -> None:
    """s56 api tester: `roqa suggest "P04:"` ranked the label's codes (rc 0)."""
    run = roqa("suggest", "P04:")
    assert run.code == 2
    assert run.err.strip() == (
        "roqa: error: the text is empty ('P04:' is only a speaker's label: give the words said "
        "after it)"
    )


def test_roqa_suggest_from_standard_input_passes_over_a_label_on_a_line_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """s56 regression hunt: a line that is only 'Interviewer:' or 'P06:' (a transcript with
    labels above the words, a quote list) stopped the whole batch with 'text 1 is empty'; such
    a line is passed over as a blank one is, and a topic heading ('Staffing:') is still coded."""
    import io

    lines = "Interviewer:\nHow is staffing?\nP06:\n\nWe never have enough staff.\nStaffing:\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    run = roqa("suggest", "-", "--json", "--top-k", "1")
    assert_success(run)
    assert [r["text"] for r in json.loads(run.out)] == [
        "How is staffing?",
        "We never have enough staff.",
        "Staffing:",
    ]
