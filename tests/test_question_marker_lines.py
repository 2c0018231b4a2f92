"""The lines below a question marker read alike in .txt and .docx (session 71 f_lists
follow-ups, session 72 f_lists3): ``Q.:`` alone on its line is the interviewer's label, the
question on the lines below, and ``A.:`` alone the answerer's; in a file that labels no answers,
the line below ``Question 2: Tell me about your team.`` (no ``?``) is the answer, as the next
paragraph is in Word, a list below words ending in a colon (``Tell me about:``) is the
question's own, and a time alone between a question and its list opens no answer; in a file
that labels its answers (``A.``, ``P01:``, a name), the unlabelled lines below a question
marker are the interviewer's until the next label. A .txt file is written one line per Word
paragraph."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from test_export_stamps import write_docx


def _read(path: Path, lines: list[str]) -> Transcript:
    if path.suffix == ".docx":
        write_docx(path, lines)
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    """Each turn's speaker, role and words, a .txt file's time alone on its line left out (the
    Word reader leaves a service's time out of the text: it times the next turn)."""
    return [
        (u.speaker, u.role, _TIME_LINE.sub("", t.text[u.start : u.end]).replace("\n\n", "\n"))
        for u in t.turns
    ]


_TIME_LINE = re.compile(r"(?m)^\d\d:\d\d:\d\d\n")


CASES = {
    # 1. Q.: alone on its line, the question below it (own017): no speaker labels were found, or
    # the list's 'i.' was the interviewer 'i', the question's first words left out
    "Q.: alone, a list below": (
        [
            "Q.:",
            "Two things.",
            "i. how did training go?",
            "ii. and the money.",
            "A.: It went well.",
        ],
        [
            ("Q", "interviewer", "Two things.\ni. how did training go?\nii. and the money."),
            ("A", "participant", "It went well."),
        ],
    ),
    "Q.: and A.: alone": (
        ["Q.:", "How did the training go?", "A.:", "It went well, but money was short."],
        [
            ("Q", "interviewer", "How did the training go?"),
            ("A", "participant", "It went well, but money was short."),
        ],
    ),
    # 2. (s71 f_lists2 issue 2) in a file that labels no answers, a question marker's words
    # that do not ask: the next line is the answer, as the next paragraph is in Word (.txt read
    # it as the question's, coded as the interviewer's)
    "Question 2: no question mark": (
        [
            "Question 1: How did the training go?",
            "It went well overall.",
            "Question 2: Tell me about your team.",
            "We have five nurses and two support workers.",
        ],
        [
            ("Question 1", "interviewer", "How did the training go?"),
            ("Participant", "participant", "It went well overall."),
            ("Question 2", "interviewer", "Tell me about your team."),
            ("Participant", "participant", "We have five nurses and two support workers."),
        ],
    ),
    # ... a line that asks too: an answer may end asking (before, .txt read it as the question)
    "Question 2: then a line that asks": (
        ["Question 2: Tell me about your team.", "Is it the nurses you mean?", "Five nurses."],
        [
            ("Question 2", "interviewer", "Tell me about your team."),
            ("Participant", "participant", "Is it the nurses you mean?\nFive nurses."),
        ],
    ),
    # 3. (issue 3) a list below words ending in a colon is the question's own; the first line
    # that is no item answers (.docx read the list as the answer)
    "Question 3: Tell me about:": (
        ["Question 3: Tell me about:", "a. your team", "b. the money", "We have five nurses."],
        [
            ("Question 3", "interviewer", "Tell me about:\na. your team\nb. the money"),
            ("Participant", "participant", "We have five nurses."),
        ],
    ),
    # ... and a list that does not ask below words ending a sentence is the answer's, as in Word
    "Question 3: a list below a full stop": (
        ["Question 3: Tell me about the barriers.", "i. money.", "ii. staff."],
        [
            ("Question 3", "interviewer", "Tell me about the barriers."),
            ("Participant", "participant", "i. money.\nii. staff."),
        ],
    ),
    # 4. (f_lists2 regression 1: own005) a time alone between the question and its list opens
    # no answer: the items stay the interviewer's
    "Question 2: a time alone above its list": (
        [
            "Question 2: Two things.",
            "00:01:02",
            "i. how did training go?",
            "ii. was there enough money?",
            "It went well overall.",
        ],
        [
            (
                "Question 2",
                "interviewer",
                "Two things.\ni. how did training go?\nii. was there enough money?",
            ),
            ("Participant", "participant", "It went well overall."),
        ],
    ),
    "Question 2: a time alone above its answer": (
        ["Question 2: Tell me about your team.", "00:01:02", "We have five nurses."],
        [
            ("Question 2", "interviewer", "Tell me about your team."),
            ("Participant", "participant", "We have five nurses."),
        ],
    ),
    # 5. (f_lists2 regression 2, the lead's decision) a file that labels its answers: the
    # unlabelled lines below a question marker are the interviewer's until the next label
    # (.docx, and .txt after a question ending in '?', read the middle line as A's answer)
    "Q: a statement, a line, A:": (
        ["Q: Tell me about your team.", "Mostly the nurses, I mean.", "A: Five of them."],
        [
            ("Q", "interviewer", "Tell me about your team.\nMostly the nurses, I mean."),
            ("A", "participant", "Five of them."),
        ],
    ),
    "Q. a question, a line, A.": (
        ["Q. What got in the way?", "Staffing or money, say.", "A. Mostly staffing."],
        [
            ("Q", "interviewer", "What got in the way?\nStaffing or money, say."),
            ("A", "participant", "Mostly staffing."),
        ],
    ),
    # (battery s69_hunt_lists3 in8) a list between a question and the labelled answer
    "Q. an unheaded list, A.": (
        [
            "Q. Three things, then.",
            "a. training.",
            "b. money.",
            "c. supervision.",
            "A. Training fine, money short.",
        ],
        [
            ("Q", "interviewer", "Three things, then.\na. training.\nb. money.\nc. supervision."),
            ("A", "participant", "Training fine, money short."),
        ],
    ),
    "Question 1: a list, P01:": (
        ["Question 1: Tell me about your team.", "i. who is in it.", "P01: Five nurses."],
        [
            ("Question 1", "interviewer", "Tell me about your team.\ni. who is in it."),
            ("P01", "participant", "Five nurses."),
        ],
    ),
    # 7. (s72 hunter R1, the lead's narrowing of rule 4) where the next label below a question
    # marker is a question marker again (or the file ends), the unlabelled lines are its answer,
    # as in a file that labels no answers: the one participant the file labels answers them
    "Q:/A: file, an answer typed without A:": (
        [
            "Q: What has helped you?",
            "A: The recovery college training.",
            "Q: What got in the way?",
            "Funding, mainly. We lost two support workers.",
            "Q: Anything else?",
            "We need more time.",
        ],
        [
            ("Q", "interviewer", "What has helped you?"),
            ("A", "participant", "The recovery college training."),
            ("Q", "interviewer", "What got in the way?"),
            ("A", "participant", "Funding, mainly. We lost two support workers."),
            ("Q", "interviewer", "Anything else?"),
            ("A", "participant", "We need more time."),
        ],
    ),
    # (s70 labels own001) a list of questions, its answer unlabelled, then Q.: again
    "Q.: list, an unlabelled answer, Q.:": (
        [
            "Q.: Two things.",
            "i. how did training go?",
            "ii. and the money.",
            "It went well overall, but money was short.",
            "Q.: And what got in the way?",
            "A.: Mostly staffing.",
        ],
        [
            ("Q", "interviewer", "Two things.\ni. how did training go?\nii. and the money."),
            ("A", "participant", "It went well overall, but money was short."),
            ("Q", "interviewer", "And what got in the way?"),
            ("A", "participant", "Mostly staffing."),
        ],
    ),
    # 6. (own017) Q.: alone, a time, then its list: both items are the question's (.docx read
    # 'b. money: and time?' as the answer)
    "Q.: alone, a time, a list, A.:": (
        [
            "Q.:",
            "00:01:02",
            "a. staff.",
            "b. money: and time?",
            "A.: Training was fine, money was short.",
        ],
        [
            ("Q", "interviewer", "a. staff.\nb. money: and time?"),
            ("A", "participant", "Training was fine, money was short."),
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_the_lines_below_a_question_marker_read_alike(
    tmp_path: Path, case: str, suffix: str
) -> None:
    lines, expected = CASES[case]
    assert _turns(_read(tmp_path / f"transcript{suffix}", lines)) == expected


def test_a_wrapped_question_line_is_still_the_question(tmp_path: Path) -> None:
    """A .txt line below a question marker's words that end no sentence is the question typed
    on; the line after its end is the answer."""
    t = _read(
        tmp_path / "transcript.txt",
        ["Question 2: Tell me about your team, who is in it", "and what they do.", "Five nurses."],
    )
    assert _turns(t) == [
        ("Question 2", "interviewer", "Tell me about your team, who is in it\nand what they do."),
        ("Participant", "participant", "Five nurses."),
    ]


def test_the_colon_list_ends_at_a_line_opening_with_a_capital(tmp_path: Path) -> None:
    """In .txt, items typed with no full stop: a line opening with a capital after an item is
    the answer; one opening in lower case is the item typed on."""
    t = _read(
        tmp_path / "transcript.txt",
        [
            "Question 4: Tell me about:",
            "i. your team and what",
            "they do",
            "ii. the money",
            "Five nurses.",
        ],
    )
    assert _turns(t)[:2] == [
        (
            "Question 4",
            "interviewer",
            "Tell me about:\ni. your team and what\nthey do\nii. the money",
        ),
        ("Participant", "participant", "Five nurses."),
    ]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_time_alone_below_a_question_times_its_answer(tmp_path: Path, suffix: str) -> None:
    """A service's time alone between a question and its answer, in a file that labels no
    answers, is no one's words and opens no turn of its own: the answer below it is timed."""
    t = _read(
        tmp_path / f"transcript{suffix}",
        ["Question 1: How did the training go?", "00:01:02", "It went well.", "Question 2: OK?"],
    )
    assert [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns] == [
        ("Question 1", "How did the training go?", None),
        ("Participant", "It went well.", 62.0),
        ("Question 2", "OK?", None),
    ]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("then", [[], ["Usually, unless the bank staff are late."]])
def test_a_time_of_talk_alone_below_a_question_is_the_answer(
    tmp_path: Path, suffix: str, then: list[str]
) -> None:
    """A time of talk alone below a question marker (``07:30``, hours and minutes: no service's
    time, which needs its seconds) is the answer's words in .txt as in Word (s73: the .txt
    reader took it for a time below a name, Otter's ``Jane Smith`` / ``0:03``, and lost it, or
    timed the answer at 450 s)."""
    t = _read(
        tmp_path / f"transcript{suffix}",
        [
            "Question 1: What time does the day shift start?",
            "07:30",
            *then,
            "Question 2: And who leads the handover?",
            "The senior on shift.",
        ],
    )
    assert [(s, words, u.begin_time) for (s, _, words), u in zip(_turns(t), t.turns)] == [
        ("Question 1", "What time does the day shift start?", None),
        ("Participant", "\n".join(["07:30", *then]), None),
        ("Question 2", "And who leads the handover?", None),
        ("Participant", "The senior on shift.", None),
    ]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_lettered_list_read_as_labels_labels_no_answers(tmp_path: Path, suffix: str) -> None:
    """``A.`` / ``B.`` in order on lines one after another (an answer's lettered list, read as
    labels) are no answerer's labels: the file still labels no answers, so the words below each
    question marker stay the participant's answer, coded (s71 m018: with them counted, every
    answer of the file went to the interviewer)."""
    t = _read(
        tmp_path / f"transcript{suffix}",
        [
            "Question 1: How did the training go?",
            "The team, mostly.",
            "Question 2: Tell me about your team.",
            "Mostly staffing.",
            "A. the staffing.",
            "B. the money.",
        ],
    )
    assert _turns(t) == [  # the list is the answer's words too (s73)
        ("Question 1", "interviewer", "How did the training go?"),
        ("Participant", "participant", "The team, mostly."),
        ("Question 2", "interviewer", "Tell me about your team."),
        ("Participant", "participant", "Mostly staffing.\nA. the staffing.\nB. the money."),
    ]


# A label with a time and nothing else on its line, the words on the line (paragraph) below
# (s71 tester, HIGH in .docx): 'Q.: [00:00:05]' made the time the question's words, and in Word
# the question below it was read as the answer, so the whole interview was one turn of 'A'.
TIMED_LABEL_LINES = {
    "Q.: [time]": ("Q.: [{t}]", "A.: [{t}]", "Q", "A"),
    "Q. [time]": ("Q. [{t}]", "A. [{t}]", "Q", "A"),
    "Q.: time": ("Q.: {t}", "A.: {t}", "Q", "A"),
    "Q: time": ("Q: {t}", "A: {t}", "Q", "A"),
    "Interviewer: time": ("Interviewer: {t}", "P04: {t}", "Interviewer", "P04"),
    "Interviewer [time]:": ("Interviewer [{t}]:", "P04 [{t}]:", "Interviewer", "P04"),
}
EXCHANGES = [
    ("How did the training go?", "It went well, but money was short."),
    ("And the staffing?", "We lost two nurses to the agency."),
    ("What helped most?", "Our area manager backed it from the start."),
]


@pytest.mark.parametrize("case", sorted(TIMED_LABEL_LINES))
@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_label_and_its_time_alone_open_the_turn_the_words_below(
    tmp_path: Path, case: str, suffix: str
) -> None:
    asks, answers, asker, answerer = TIMED_LABEL_LINES[case]
    lines: list[str] = []
    expected = []
    for k, (question, answer) in enumerate(EXCHANGES):
        lines += [asks.format(t=f"00:00:{20 * k + 5:02d}"), question]
        lines += [answers.format(t=f"00:00:{20 * k + 12:02d}"), answer]
        expected += [
            (asker, "interviewer", question, 20.0 * k + 5),
            (answerer, "participant", answer, 20.0 * k + 12),
        ]
    t = _read(tmp_path / f"transcript{suffix}", lines)
    got = [(s, r, words, u.begin_time) for (s, r, words), u in zip(_turns(t), t.turns)]
    assert got == expected


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_time_said_as_an_answer_and_a_header_field_keep_their_words(
    tmp_path: Path, suffix: str
) -> None:
    # the next label right below the time: the time is the answer's words; a field's line
    # between turns is still left out as the header's are
    lines = [
        "Interviewer: How did the training go?",
        "P04: It went well, but money was short.",
        "",
        "Start time: 14:00:00",
        "",
        "Interviewer: When did the recording stop?",
        "P04: 00:45:00",
        "Interviewer: Thanks.",
    ]
    t = _read(tmp_path / f"transcript{suffix}", lines)
    assert _turns(t)[-2:] == [
        ("P04", "participant", "00:45:00"),
        ("Interviewer", "interviewer", "Thanks."),
    ]
    assert t.metadata["field_lines_between_turns"] == ["Start time: 14:00:00"]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_an_unlabelled_answer_before_the_next_question_gives_no_warning(
    tmp_path: Path, suffix: str
) -> None:
    """The narrowed rule 4: the line is the answer and coded, so the warning that names lines
    read as the interviewer's does not name it; a line with an answer label after it still is."""
    f = tmp_path / f"rm04{suffix}"
    lines = [
        "Q: What got in the way?",
        "Funding, mainly.",
        "Q: Tell me about your team.",
        "Mostly nurses.",
        "A: Five of them.",
    ]
    if suffix == ".docx":
        write_docx(f, lines)
    else:
        f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(f)
    said = [str(w.message) for w in caught if "below a question marker" in str(w.message)]
    assert len(said) == 1 and "'Mostly nurses.'" in said[0] and "Funding" not in said[0]
    assert _turns(t)[1] == ("A", "participant", "Funding, mainly.")


def test_a_line_below_a_blank_and_a_service_time_under_a_question_is_read(tmp_path: Path) -> None:
    """(s73 diffmend, 2 of 5,000 generated files) a blank line, then a service's time alone below
    a question marker's question: the line below the time opened no paragraph, yet was looked up
    as one, and reading stopped with an internal KeyError. The list item stays the question's."""
    t = _read(
        tmp_path / "q.txt",
        [
            "Q. Tell me about training.",
            "",
            "00:01:02",
            "ii. was there enough money?",
            "Q. And the money? How was it?",
            "A. Okay.",
        ],
    )
    assert [(u.speaker, u.role) for u in t.turns] == [("Q", "interviewer"), ("A", "participant")]
    asked = t.text[t.turns[0].start : t.turns[0].end]
    assert asked.startswith("Tell me about training.") and asked.endswith("How was it?")
    assert "ii. was there enough money?" in asked
    assert t.text[t.turns[1].start : t.turns[1].end] == "Okay."
