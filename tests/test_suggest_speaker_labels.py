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


def _warnings(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("roqa: warning:")]


INTERVIEWERS_LINE = (
    "roqa: warning: the text opens with the interviewer's label ('Interviewer:'): an "
    "interviewer's line is not participant talk (roqa code leaves it uncoded), so its codes are "
    "of the question; give the participant's words"
)


def test_suggest_of_an_interviewers_line_warns_that_it_is_no_participant_talk() -> None:
    """Daily, session 57: `roqa suggest "Interviewer: Why is that?"` coded the question as talk
    (IS.D.6 at 0.15), not procedural, not novel, without a word. It is still coded."""
    run = roqa("suggest", "--json", "--top-k", "1", "Interviewer: Why is that?")
    assert (run.code, _warnings(run.err)) == (0, [INTERVIEWERS_LINE])
    assert [r["text"] for r in json.loads(run.out)] == ["Interviewer: Why is that?"]


def test_suggest_of_a_pasted_exchange_warns_that_it_is_coded_as_one_text() -> None:
    """Daily, session 57: 'P04: ...' / 'Interviewer: ...' / 'P04: ...' pasted as one text was
    coded as one, the question inside it, without a word. It is still coded as one."""
    exchange = (
        "P04: We never have the staff.\nInterviewer: Why is that?\nP04: The pay is poor, honestly."
    )
    run = roqa("suggest", "--json", "--top-k", "1", exchange)
    assert (run.code, _warnings(run.err)) == (
        0,
        [
            "roqa: warning: the text holds several speakers' turns (later lines open with "
            "'Interviewer:' and 'P04:'), coded as one text: to code each turn apart, give one "
            "turn a line to roqa suggest - (standard input), or code the transcript file with "
            "roqa code"
        ],
    )
    assert [r["text"] for r in json.loads(run.out)] == [exchange]


def test_suggest_of_several_texts_names_the_interviewers_lines_by_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    lines = "P04: We never have the staff.\nInterviewer: Why is that?\nP04: The pay is poor.\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    run = roqa("suggest", "-", "--json", "--top-k", "1")
    assert (run.code, _warnings(run.err)) == (
        0,
        [
            "roqa: warning: text 2 opens with the interviewer's label ('Interviewer:'): an "
            "interviewer's line is not participant talk (roqa code leaves it uncoded), so its "
            "codes are of the question; give the participant's words"
        ],
    )
    assert len(json.loads(run.out)) == 3


@pytest.mark.parametrize(
    ("text", "interviewer", "later"),
    [
        ("Interviewer: Why is that?", "Interviewer", []),
        ("Q5: What helps?", "Q5", []),
        ("P04: We lack staff.", None, []),
        ("Staffing: that's the barrier.", None, []),
        ("We lack staff.\nStaffing: that's the barrier.", None, []),
        ("We lack staff.\r\nInterviewer: Why?\r\nThe pay.", None, ["Interviewer"]),
        ("P04: Staff.\nInterviewer: Why?\nP04: Pay.", None, ["Interviewer", "P04"]),
    ],
)
def test_an_interviewers_label_and_later_turns_are_found_as_a_transcripts_reader_finds_them(
    text: str, interviewer: str | None, later: list[str]
) -> None:
    from roqa_nlp.transcripts.speaker_labels import later_turn_labels, opening_interviewer_label

    assert (opening_interviewer_label(text), later_turn_labels(text)) == (interviewer, later)


@pytest.mark.parametrize(
    "later",
    [
        "Note: this was only in the first month.",
        "Step 2: we met every Friday.",
        "Second: the rota.",
        "Barrier: time.",
        "Enabler: leadership.",
        "Outcome: fewer falls.",
        "Goal: one meeting a week.",
        "Update: it stopped.",
        "PS: the pay too.",
        "Edit: and the rota.",
        "Answer: no.",
        "Day 1: we met the team.",
        "Week 2: the training.",
        "Point 2: the pay.",
        "2: the pay.",
        "Monday: the team meeting.",
    ],
)
def test_a_later_line_opening_with_a_note_or_list_label_is_no_second_speaker(later: str) -> None:
    """Regression hunt, session 57: one participant's answer with a list or note line ('Step
    2:', 'Barrier:', 'Monday:') was warned of as several speakers' turns, to be split."""
    from roqa_nlp.transcripts.speaker_labels import later_turn_labels

    assert later_turn_labels(f"Step 1: we tried a few things.\n{later}") == []


def test_suggest_of_one_participants_list_like_answers_gives_no_warning() -> None:
    """Regression hunt, session 57 (repro/suggest_false_turns.sh): texts 1 to 4 were said to
    'hold several speakers' turns (later lines open with 'Note:', 'Step 2:', 'Barrier:' and
    'Enabler:')'."""
    texts = [
        "We met weekly.\nNote: this was only in the first month.",
        "Step 1: we ran a pilot.\nStep 2: we met every Friday.",
        "We tried a few things.\nBarrier: time.",
        "We tried a few things.\nEnabler: leadership.",
    ]
    run = roqa("suggest", "--json", "--top-k", "1", *texts)
    assert (run.code, _warnings(run.err)) == (0, [])
    assert [r["text"] for r in json.loads(run.out)] == texts


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("We lack staff.\nParticipant 2: And the pay.", ["Participant 2"]),
        ("We lack staff.\nMe: Why?\nP04: The pay.", ["Me", "P04"]),
        ("Staff.\nNote: pay.\nInterviewer: Why?", ["Interviewer"]),
    ],
)
def test_a_later_line_opening_with_an_interviewers_label_or_a_participants_id_is_a_turn(
    text: str, later: list[str]
) -> None:
    from roqa_nlp.transcripts.speaker_labels import later_turn_labels

    assert later_turn_labels(text) == later
