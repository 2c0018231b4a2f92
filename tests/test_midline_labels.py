"""A speaker's label typed in the middle of a line after a sentence (``Interviewer: Who leads
it? P11: A senior carer ...``) leaves that speaker's words in the turn the line opens with, in
every reader: one warning per file names the lines (read_transcript, roqa code and roqa
inspect), and the file is read as before. A split at such labels was measured (session 87
midlabel) and gave words to the wrong speaker where a label word is quoted or common (an
interviewer reading back ``P07: fizzled out``, a list ``I: the money. II: the staff``), so the
reading is only warned of. Only the labels the file itself puts at the start of a line are named,
and only after a sentence end: a quoted ``Manager:``, a bracketed ``[Interviewer: Right.]`` and
``so I: ...`` are not."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.midline_labels import line_start_labels, midline_labels_warning

FIX = (
    "the words after it were read as the turn of the speaker the line opens with, not as that "
    "label's speaker's: put each speaker's turn on its own line"
)

#: the participant's answer typed on the interviewer's line (s87 daily19 D1)
ANSWER_ON_QUESTION = (
    "Interviewer: Thanks for your time today.\n\nP11: That's fine.\n\n"
    "Interviewer: Who drives it in your team? P11: A senior carer took it on as her own project.\n"
    "\nInterviewer: And the training?\n\nP11: There isn't much out there.\n"
)
#: the interviewer's question and the participant's label inside the participant's answer
QUESTION_IN_ANSWER = (
    "I: Did staff get what they needed?\n\n"
    "P06: Not enough. We had one afternoon from the trust. I: Just the one? P06: Just the one, "
    "and after that people looked things up.\n\nI: How did you plan it?\n\nP06: In stages.\n"
)


def read(path: Path, text: str) -> tuple[Transcript, list[str]]:
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    return t, [str(w.message) for w in caught]


def turns(t: Transcript) -> list[tuple[str, str]]:
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


def test_an_answer_typed_on_the_question_line_is_named_and_read_as_before(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p11.txt"
    t, said = read(path, ANSWER_ON_QUESTION)
    assert turns(t)[2] == (
        "Interviewer",
        "Who drives it in your team? P11: A senior carer took it on as her own project.",
    )
    assert len(t.turns) == 5  # read as before: no turn made or lost
    warning = (
        f"{path}: 1 line holds a speaker's label typed after a sentence in the middle of the line "
        f"(line 5: 'P11:' in Interviewer's turn): {FIX}"
    )
    assert midline_labels_warning(t) == warning
    assert warning in said


def test_a_question_and_a_label_inside_an_answer_are_named_on_their_line(tmp_path: Path) -> None:
    path = tmp_path / "p06.txt"
    t, said = read(path, QUESTION_IN_ANSWER)
    assert line_start_labels(t) == {"I", "P06"}
    warning = (
        f"{path}: 1 line holds a speaker's label typed after a sentence in the middle of the line "
        f"(line 3: 'I:', 'P06:' in P06's turn): {FIX}"
    )
    assert midline_labels_warning(t) == warning
    assert warning in said


def test_a_label_after_a_closing_double_quote_is_named(tmp_path: Path) -> None:
    path = tmp_path / "p02.txt"
    t, _ = read(
        path,
        "Interviewer: Thanks.\n\nP02: Fine.\n\n"
        "P02: We called it \u201cthe hub\u201d Interviewer: Why the hub?\n",
    )
    assert midline_labels_warning(t) == (
        f"{path}: 1 line holds a speaker's label typed after a sentence in the middle of the line "
        f"(line 5: 'Interviewer:' in P02's turn): {FIX}"
    )


def test_in_subtitles_the_line_is_named_by_its_cue_time(tmp_path: Path) -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\nInterviewer: Thanks for your time.\n\n"
        "2\n00:00:04,000 --> 00:00:05,000\nP11: That's fine.\n\n"
        "3\n00:00:10,000 --> 00:00:20,000\n"
        "Interviewer: Who drives it? P11: A senior carer took it on.\n\n"
        "4\n00:00:21,000 --> 00:00:23,000\nInterviewer: And the training?\n\n"
        "5\n00:00:24,000 --> 00:00:26,000\nP11: Not much.\n"
    )
    path = tmp_path / "p11.srt"
    t, said = read(path, srt)
    warning = (
        f"{path}: 1 line holds a speaker's label typed after a sentence in the middle of the line "
        f"(00:00:10.000: 'P11:' in Interviewer's turn): {FIX}"
    )
    assert midline_labels_warning(t) == warning
    assert warning in said


def test_in_a_word_file_the_label_and_its_words_are_quoted(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in [
        "Interviewer: Are there enough people?",
        "P05: We lost four staff since the spring. Interviewer: That's a lot? P05: It is.",
        "Interviewer: Thanks.",
        "P05: Thank you.",
    ]:
        d.add_paragraph(line)
    path = tmp_path / "p05.docx"
    d.save(str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    assert midline_labels_warning(t) == (
        f"{path}: 1 line holds a speaker's label typed after a sentence in the middle of the line "
        f"(\"Interviewer: That's a lot? P05: It is.\" in P05's turn): {FIX}"
    )


QUIET = {
    # a quoted name the file never puts at a line's start
    "quoted_name": (
        "Interviewer: What did the council say?\n\n"
        "P03: She said no. Manager: we can't pay for that. I told them. Kate: no.\n"
    ),
    # a bracketed interjection: no sentence end right before the label
    "bracketed": (
        "Interviewer: What does it cost?\n\n"
        "P05: More than we're paid. [Interviewer: Right.] We make up the rest.\n"
    ),
    # the interviewer's label inside a sentence, not after one
    "mid_sentence": "I: Did it help?\n\nP09: It did, and so I: think it worked for us.\n",
    # a label at a line's start below the first line of a turn is a turn of its own
    "own_line": "I: Did it help?\nP09: It did.\nI: Good.\nP09: Yes.\n",
    # an apostrophe is no closing quote
    "apostrophe": "I: Who covers?\n\nP09: The nurses' I: rota, mostly.\n",
    # a label with no words after it
    "no_words": "I: Did it help?\n\nP09: It did. I:\n",
}


@pytest.mark.parametrize("case", sorted(QUIET))
def test_labels_not_after_a_sentence_or_not_the_files_are_not_named(
    case: str, tmp_path: Path
) -> None:
    t, said = read(tmp_path / f"{case}.txt", QUIET[case])
    assert midline_labels_warning(t) is None
    assert not [w for w in said if "typed after a sentence" in w]


def test_roqa_inspect_names_the_lines(tmp_path: Path) -> None:
    from roqa_nlp.cli.inspect_cmd import transcript_summary

    t, _ = read(tmp_path / "p11.txt", ANSWER_ON_QUESTION)
    assert transcript_summary(t)["midline_labels"] == midline_labels_warning(t)
    t, _ = read(tmp_path / "plain.txt", QUIET["bracketed"])
    assert transcript_summary(t)["midline_labels"] is None


def test_a_label_is_the_files_only_where_it_opens_a_line() -> None:
    text = "P14: We never have the staff. P15: Nor do we.\n[00:00:09] P16: Same here."
    t = Transcript(
        "group",
        text,
        [
            Turn("P14", "participant", 5, 29),
            Turn("P15", "participant", 35, 45),
            Turn("P16", "participant", 62, len(text)),
        ],
    )
    assert line_start_labels(t) == {"P14", "P16"}
    assert midline_labels_warning(t) is None
