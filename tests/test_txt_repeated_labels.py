"""A plain-text answer whose typist repeats the speaker's label on each paragraph: the text is
the file's own, so each labelled paragraph stays a turn, coded on its own; roqa says so, with
the lines, in `roqa inspect`, `roqa code` and `read_transcript` (tester s45: 'Then I didn't
really know what to do with myself.' coded alone, as a barrier)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.render import repeated_label_lines
from roqa_nlp.transcripts.segment import segment
from test_cli_core import roqa

SPLIT = (
    "Interviewer: Tell me about yourself.\n\n"
    "P01: I did my degree in history at Manchester.\n\n"
    "P01: Then I didn't really know what to do with myself.\n\n"
    "Interviewer: And the staff?\n\n"
    "P01: Most of my support workers have never had any proper training on recovery.\n\n"
    "P01: They've just picked it up as they go along.\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return f


def _warnings_of_reading(path: Path) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_transcript(path)
    return [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def test_read_transcript_warns_of_answers_split_by_a_repeated_label_with_their_lines(
    tmp_path: Path,
) -> None:
    f = _write(tmp_path, "p01.txt", SPLIT)
    assert _warnings_of_reading(f) == [
        f"{f}: 2 turns split by a repeated speaker label (lines 5, 11): this format is read as "
        "typed, so each part is coded on its own (delete the repeated label in the file to code "
        "the answer whole)"
    ]


def test_the_repeated_label_stays_out_of_every_segment(tmp_path: Path) -> None:
    """The parts stay turns of their own: a segment across them would hold the label."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        t = read_transcript(_write(tmp_path, "p01.txt", SPLIT))
    got = segment(t, "window")
    assert [s.text for s in got] == [
        "I did my degree in history at Manchester.",
        "Then I didn't really know what to do with myself.",
        "Most of my support workers have never had any proper training on recovery.",
        "They've just picked it up as they go along.",
    ]
    assert all(t.text[s.start : s.end] == s.text for s in got)


def test_inspect_names_the_split_answers_as_a_check(tmp_path: Path) -> None:
    f = _write(tmp_path, "p01.txt", SPLIT)
    run = roqa("inspect", f, "--json")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert (got["turns_to_code"], got["read_as"]) == (4, [])
    assert got["split_turns"] == (
        f"{f}: 2 turns split by a repeated speaker label (lines 5, 11): this format is read as "
        "typed, so each part is coded on its own (delete the repeated label in the file to code "
        "the answer whole)"
    )
    text = roqa("inspect", f)
    assert "1 transcript(s), 4 participant turn(s) to code; 1 to check (above)." in text.out


def test_a_backchannel_split_and_a_repeated_label_are_named_in_one_warning(
    tmp_path: Path,
) -> None:
    f = _write(
        tmp_path,
        "p02.txt",
        "Interviewer: What gets in the way of recovery work?\n\n"
        "P02: Honestly, the hours. We are commissioned for one worker where two are needed.\n\n"
        "Interviewer: Mm-hmm.\n\n"
        "P02: And the pay, we lose people to the supermarkets every month.\n"
        "P02: So the rota never settles.\n\n"
        "Interviewer: Is there anything that helps?\n\n"
        "P02: Supervision, every month.\n",
    )
    assert _warnings_of_reading(f) == [
        f"{f}: 1 turn split by another speaker's backchannel ('Mm-hmm.') and 1 by a repeated "
        "speaker label (line 8): this format is read as typed, so each part is coded on its own "
        "(delete the backchannel line, or the repeated label, in the file to code the turn whole, "
        "if its parts are one answer)"
    ]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param(  # no labels: one turn per paragraph, none repeated
            "notes.md",
            "# Interview notes\n\nWe had no training at all.\n\n## Later\n\n"
            "The manager backed it in the end.\n",
            id="markdown-headings-between-paragraphs",
        ),
        pytest.param(  # the interviewer's turns are no answer to code
            "p03.txt",
            "Interviewer: Thanks for joining.\n\nInterviewer: What got in the way?\n\n"
            "P03: The rota, mostly.\n",
            id="interviewer-label-repeated",
        ),
        pytest.param(  # a label on each of one answer's lines, another speaker between
            "p04.txt",
            "Interviewer: What got in the way?\n\nP04: The rota, mostly.\n\n"
            "Interviewer: Why?\n\nP04: Nobody covers the nights.\n",
            id="turns-taken-in-turn",
        ),
    ],
)
def test_no_warning_where_no_participant_label_repeats(
    tmp_path: Path, name: str, text: str
) -> None:
    assert not any("repeated" in w for w in _warnings_of_reading(_write(tmp_path, name, text)))


#: One answer typed as four paragraphs, each labelled (and spelled three ways), with Windows
#: line endings; the answer after the next question.
_FOUR_PARAGRAPHS = (
    "Interviewer: What gets in the way of training for your team?\r\n\r\n"
    "P04: Honestly, the rota. We are one worker short.\r\n\r\n"
    "p04: And the pay.\r\n\r\n"
    "P04 : So nobody gets released.\r\n\r\n"
    "**P04**: Not once this year.\r\n\r\n"
    "Interviewer: Is there anything that helps?\r\n\r\n"
    "P04: Supervision.\r\n"
)


@pytest.mark.parametrize("unit", ["turn", "sentence", "window"])
def test_each_labelled_paragraph_of_one_answer_is_coded_with_the_question_it_answers(
    tmp_path: Path, unit: str
) -> None:
    """Session 52, finding 3 (decided from docs/transcripts.md, Split turns): the paragraphs of
    one answer that each carry the label stay turns of their own, at the file's own offsets
    (each line break one character), and every one is coded with the interviewer's question
    before the first as its context, not with none or with the paragraph before it."""
    f = _write(tmp_path, "p04.txt", _FOUR_PARAGRAPHS)
    with pytest.warns(RoqaWarning) as caught:
        t = read_transcript(f)
    assert [str(w.message) for w in caught] == [
        f"{f}: 3 turns split by a repeated speaker label (lines 5, 7, 9): this format is read as "
        "typed, so each part is coded on its own (delete the repeated label in the file to code "
        "the answer whole)"
    ]
    assert [(u.speaker, u.role, u.start, u.end) for u in t.turns] == [
        ("Interviewer", "interviewer", 13, 60),
        ("P04", "participant", 67, 111),
        ("P04", "participant", 118, 130),
        ("P04", "participant", 138, 162),
        ("P04", "participant", 173, 192),
        ("Interviewer", "interviewer", 207, 236),
        ("P04", "participant", 243, 255),
    ]
    asked = "What gets in the way of training for your team?"
    helps = "Is there anything that helps?"
    sentences = unit == "sentence"
    expected = [
        *(
            [(67, 86, "Honestly, the rota.", asked), (87, 111, "We are one worker short.", asked)]
            if sentences
            else [(67, 111, "Honestly, the rota. We are one worker short.", asked)]
        ),
        (118, 130, "And the pay.", asked),
        (138, 162, "So nobody gets released.", asked),
        (173, 192, "Not once this year.", asked),
        (243, 255, "Supervision.", helps),
    ]
    got = segment(t, unit)
    assert [(s.start, s.end, s.text, s.context) for s in got] == expected
    assert all(t.text[s.start : s.end] == s.text for s in got)


ONLY_ANSWERS_LABELLED = (
    "Can you tell me about your role?\n\n"
    "Nurse Practitioner: I run the minor illness clinic three days a week.\n\n"
    "What changed with the new pathway?\n\n"
    "Nurse Practitioner: We had to triage everything twice.\n\n"
    "Why do you think that was?\n\n"
    "Nurse Practitioner: The commissioners wanted numbers fast.\n"
)


def test_a_label_repeated_below_unlabelled_questions_is_said_to_need_the_questions_labelled(
    tmp_path: Path,
) -> None:
    """A file labelling only the participant ("Nurse Practitioner:"), the interviewer's questions
    on lines of their own with no label: each question is read into the answer above it and
    coded, and the advice was to delete the repeated label, which codes the question with the
    answer all the same (s54 'labels', finding 4). The advice is to label the questions."""
    f = _write(tmp_path, "np07.txt", ONLY_ANSWERS_LABELLED)
    # the first question, above the first label, is left out: said so (s72), then the splits
    assert _warnings_of_reading(f) == [
        f"{f}: 1 line (line 1) above the first speaker's label, 7 words, was left out, not "
        "coded, as a title's lines are, though it reads as talk ('Can you tell me about your "
        "role?'): if it is a speaker's words, put the speaker's label on it as on the turns "
        "below to have it read",
        f"{f}: 2 turns split by a repeated speaker label (lines 7, 11), each below a question "
        "with no speaker's label ('What changed with the new pathway?'), read as the "
        "participant's talk and coded: if the interviewer asks them, label each "
        "'Interviewer: ...' in the file (deleting the repeated label would code the question "
        "with the answer)",
    ]


def test_the_lines_of_forty_thousand_repeated_labels_are_found_in_seconds() -> None:
    """A long interview typed with the label on every paragraph: each split's line was counted
    from the top of the text, so 20,000 paragraphs took 14-27 s to note (s54 review, finding
    9); the lines are counted as the splits come: four times the paragraphs take far less than
    sixteen times as long."""
    from growth import assert_linear

    def interview(n: int) -> Transcript:
        paragraphs = [f"P04: Part {i} of the answer." for i in range(n)]
        text = "Interviewer: Tell me?\n\n" + "\n\n".join(paragraphs) + "\n"
        turns, at = [Turn("Interviewer", "interviewer", 13, 21)], 23
        for p in paragraphs:
            turns.append(Turn("P04", "participant", at + 5, at + len(p)))
            at += len(p) + 2
        return Transcript("p04", text, turns)

    t = interview(40_000)
    assert repeated_label_lines(t) == list(range(5, 2 * 40_000 + 3, 2))
    # counted from the top, 40,000 paragraphs took minutes (20,000: 14-27 s); as they come, about
    # a second alone and 6.5 s on a machine loaded six-fold (s69), which no bound in seconds tells
    # apart from the quadratic count on a fast machine: the growth does
    assert_linear(repeated_label_lines, interview(10_000), t)


#: The answer's second line shaped like a section heading, labelled as the heading warning
#: advises so that it is read as talk.
_LABELLED_HEADING_LINE = (
    "Interviewer: And then?\n\n"
    "P04: It was fine.\n"
    "P04: Part 2: Once we had the staff it was fine\n\n"
    "Interviewer: Ok.\n"
)


def test_a_label_before_a_heading_shaped_line_is_not_advised_deleted(tmp_path: Path) -> None:
    """s54 review, finding 3: without the label the line is left out as a section heading and
    the heading warning says to put the speaker's label before it; the split warning then said
    to delete the repeated label, which brought the loss back. The label is kept: no warning,
    and `roqa inspect` says the line is read as talk and the answer coded in parts."""
    f = _write(tmp_path, "p04.txt", _LABELLED_HEADING_LINE)
    assert _warnings_of_reading(f) == []
    run = roqa("inspect", f, "--json")
    assert run.code == 0, run.err
    (got,) = json.loads(run.out)
    assert (got["turns_to_code"], got["split_turns"]) == (2, None)
    assert got["read_as"] == [
        "1 turn split by a repeated speaker label (line 4) before a line shaped like a section "
        "heading ('Part 2: Once we had the staff it was fine'), kept: the label keeps that line "
        "read as talk, not left out as a heading, so each part of the answer is coded on its own"
    ]


def test_a_label_before_a_heading_shaped_line_is_told_apart_from_one_to_delete(
    tmp_path: Path,
) -> None:
    f = _write(tmp_path, "p04.txt", SPLIT + "\n" + _LABELLED_HEADING_LINE)
    assert _warnings_of_reading(f) == [
        f"{f}: 2 turns split by a repeated speaker label (lines 5, 11): this format is read as "
        "typed, so each part is coded on its own (delete the repeated label in the file to code "
        "the answer whole); 1 turn split by a repeated speaker label (line 16) before a line "
        "shaped like a section heading ('Part 2: Once we had the staff it was fine'), kept: the "
        "label keeps that line read as talk, not left out as a heading, so each part of the "
        "answer is coded on its own"
    ]


def test_a_participants_own_question_in_a_file_labelling_its_interviewer_keeps_delete_advice(
    tmp_path: Path,
) -> None:
    """s54 review, finding 7: a participant's rhetorical question on a line of its own (`So what
    could we do?`) in a file that labels its interviewer is the answer's own words: deleting
    the repeated label codes the answer whole, question and all."""
    f = _write(
        tmp_path,
        "p04.txt",
        "Interviewer: How was the rollout?\n\n"
        "P04: Hard. We had no staff.\n"
        "So what could we do?\n"
        "P04: We just carried on.\n\n"
        "Interviewer: Right, and the council?\n\n"
        "P04: Fine.\n",
    )
    assert _warnings_of_reading(f) == [
        f"{f}: 1 turn split by a repeated speaker label (line 5): this format is read as typed, "
        "so each part is coded on its own (delete the repeated label in the file to code the "
        "answer whole)"
    ]


def test_one_label_repeated_below_an_unlabelled_question_is_told_in_the_singular(
    tmp_path: Path,
) -> None:
    f = _write(tmp_path, "np07.txt", ONLY_ANSWERS_LABELLED.rsplit("\n\nWhy", 1)[0] + "\n")
    assert _warnings_of_reading(f) == [
        f"{f}: 1 line (line 1) above the first speaker's label, 7 words, was left out, not "
        "coded, as a title's lines are, though it reads as talk ('Can you tell me about your "
        "role?'): if it is a speaker's words, put the speaker's label on it as on the turns "
        "below to have it read",
        f"{f}: 1 turn split by a repeated speaker label (line 7), below a question with no "
        "speaker's label ('What changed with the new pathway?'), read as the participant's talk "
        "and coded: if the interviewer asks it, label it 'Interviewer: ...' in the file "
        "(deleting the repeated label would code the question with the answer)",
    ]


def test_a_labelled_greeting_leaves_unlabelled_questions_advised_labelled(
    tmp_path: Path,
) -> None:
    """s54 review 2, finding 2: one labelled interviewer turn, a greeting, made every unlabelled
    question the participant's own and the advice 'delete the repeated label', which would code
    all three questions into the answers. The questions are mostly unlabelled: label them."""
    f = _write(
        tmp_path,
        "np08.txt",
        "Interviewer: Thanks for agreeing to take part. I'll start the recording now.\n\n"
        "Nurse Practitioner: That's fine.\n\n"
        "What changed with the new pathway?\n\n"
        "Nurse Practitioner: Referrals doubled in the first month.\n\n"
        "How did the team cope with that?\n\n"
        "Nurse Practitioner: Badly at first. We had no extra staff.\n\n"
        "Why was there no extra funding?\n\n"
        "Nurse Practitioner: The CCG said the budget was set for the year.\n",
    )
    assert _warnings_of_reading(f) == [
        f"{f}: 3 turns split by a repeated speaker label (lines 7, 11, 15), each below a "
        "question with no speaker's label ('What changed with the new pathway?'), read as the "
        "participant's talk and coded: if the interviewer asks them, label each "
        "'Interviewer: ...' in the file (deleting the repeated label would code the question "
        "with the answer)"
    ]


def test_an_unlabelled_question_paragraph_is_advised_labelled_beside_one_to_delete(
    tmp_path: Path,
) -> None:
    """Decided per split: in a file whose questions are labelled, a question set apart as a
    paragraph of its own is still the interviewer's forgotten label, while a plain repeated
    label is still advised deleted."""
    f = _write(
        tmp_path,
        "p04.txt",
        "Interviewer: How was the rollout?\n\n"
        "P04: Hard. We had no staff.\n"
        "P04: We just carried on.\n\n"
        "Interviewer: And the council?\n\n"
        "P04: They were slow to answer.\n\n"
        "Did they fund it?\n\n"
        "P04: No, not a penny.\n\n"
        "Interviewer: Why not?\n\n"
        "P04: Money.\n",
    )
    assert _warnings_of_reading(f) == [
        f"{f}: 1 turn split by a repeated speaker label (line 4): this format is read as typed, "
        "so each part is coded on its own (delete the repeated label in the file to code the "
        "answer whole); 1 turn split by a repeated speaker label (line 12), below a question "
        "with no speaker's label ('Did they fund it?'), read as the participant's talk and "
        "coded: if the interviewer asks it, label it 'Interviewer: ...' in the file (deleting "
        "the repeated label would code the question with the answer)"
    ]
