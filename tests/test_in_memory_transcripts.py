"""Specification of transcripts built in memory from Python (Transcript, Turn,
Transcript.from_turns): a role other than interviewer/participant, or offsets outside the text,
is a one-line error where the transcript is built, never interviewer talk coded or a deep
IndexError.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.errors import RoqaError
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts.segment import segment

Q = "Interviewer: What gets in the way of recovery work in your service?"
A = "P1: We never have enough staff for the longer sessions."
TEXT = Q + "\n" + A


@pytest.mark.parametrize("role", ["Interviewer", "INTERVIEWER", " interviewer "])
def test_a_capitalised_interviewer_role_is_read_as_interviewer(role: str) -> None:
    assert Turn("Interviewer", role, 13, len(Q)).role == "interviewer"  # type: ignore[arg-type]


@pytest.mark.parametrize("role", ["researcher", "respondent", "", None, 1])
def test_a_role_that_is_neither_interviewer_nor_participant_is_a_one_line_error(
    role: object,
) -> None:
    with pytest.raises(RoqaError) as caught:
        Turn("Interviewer", role, 13, len(Q))  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"turn of 'Interviewer' has role {role!r}: a role is 'interviewer' or 'participant'"
    )
    assert isinstance(caught.value, ValueError)


def test_the_question_of_a_capitalised_interviewer_is_not_segmented() -> None:
    t = Transcript(
        id="r",
        text=TEXT,
        turns=[
            Turn("Interviewer", "Interviewer", 13, len(Q)),  # type: ignore[arg-type]
            Turn("P1", "participant", len(Q) + 5, len(TEXT)),
        ],
    )
    assert [s.text for s in segment(t)] == ["We never have enough staff for the longer sessions."]


def test_offsets_outside_the_text_are_a_one_line_error_naming_the_turn() -> None:
    with pytest.raises(RoqaError) as caught:
        Transcript(id="x", text="P1: hi", turns=[Turn("P1", "participant", 4, 400)])
    assert str(caught.value) == (
        "transcript 'x': turn 1 ('P1', 4-400) is outside its text of 6 characters (offsets are "
        "character positions in text, end-exclusive; Transcript.from_turns() works them out "
        "from (speaker, role, words))"
    )
    assert isinstance(caught.value, ValueError)


def test_turns_changed_after_the_transcript_was_built_are_checked_when_segmented() -> None:
    t = Transcript(id="x", text="P1: hi", turns=[Turn("P1", "participant", 4, 6)])
    t.turns.append(Turn("P1", "participant", -1, 3))
    with pytest.raises(RoqaError, match=r"^transcript 'x': turn 2 \('P1', -1-3\) is outside"):
        segment(t)


def test_from_turns_builds_the_readers_text_with_each_turn_on_its_words() -> None:
    t = Transcript.from_turns(
        "p23",
        [("Interviewer", "interviewer", "What helps?"), ("P23", "Participant", "Our manager.")],
        participant="P23",
    )
    assert t.text == "Interviewer: What helps?\n\nP23: Our manager."
    assert [(u.speaker, u.role, u.start, u.end) for u in t.turns] == [
        ("Interviewer", "interviewer", 13, 24),
        ("P23", "participant", 31, 43),
    ]
    assert [t.turn_text(u) for u in t.turns] == ["What helps?", "Our manager."]
    assert (t.id, t.participant) == ("p23", "P23")


def test_from_turns_checks_roles() -> None:
    with pytest.raises(RoqaError, match="has role 'researcher'"):
        Transcript.from_turns("p", [("R", "researcher", "What helps?")])


@pytest.mark.parametrize("role", ["boss", None])
def test_a_bad_role_in_from_turns_names_the_transcript_and_the_turn_with_an_example(
    role: object,
) -> None:
    # s47 tester: "turn of 'I' has role 'boss': ...", without the transcript, turn or example
    # its sibling errors give
    with pytest.raises(RoqaError) as caught:
        Transcript.from_turns("x", [("I", "interviewer", "Q?"), ("P1", role, "A.")])  # type: ignore[list-item]
    assert str(caught.value) == (
        f"Transcript.from_turns('x'): turn 2 has role {role!r}: a role is 'interviewer' or "
        "'participant' (each turn is (speaker, role, words), three strings, e.g. "
        "('P23', 'participant', 'Our manager.'))"
    )
    assert isinstance(caught.value, ValueError)


@pytest.mark.slow
def test_code_of_a_capitalised_interviewer_codes_only_the_answer(tiny_model: AutoCoder) -> None:
    t = Transcript.from_turns(
        "r",
        [
            ("Interviewer", "Interviewer", "What gets in the way of recovery work?"),
            ("P1", "participant", "We never have enough staff for the longer sessions."),
        ],
    )
    result = tiny_model.code(t)
    assert [(s.segment.role, s.segment.text) for s in result] == [
        ("participant", "We never have enough staff for the longer sessions.")
    ]


TURN_HINT = (
    "(each turn is (speaker, role, words), three strings, e.g. "
    "('P23', 'participant', 'Our manager.'))"
)


@pytest.mark.parametrize(
    ("turns", "error", "message"),
    [
        # s43 tester: "not enough values to unpack (expected 3, got 2)"
        (
            [("I", "interviewer", "Why?"), ("P1", "Staff.")],
            ValueError,
            "Transcript.from_turns('x'): turn 2 has 2 values, not 3",
        ),
        # "turn of 'speaker' has role 'role'": the dict's keys were unpacked
        (
            [{"speaker": "I", "role": "interviewer", "text": "hi"}],
            TypeError,
            "Transcript.from_turns('x'): turn 1 is a dict, not a sequence of three values",
        ),
        # 'can only concatenate str (not "NoneType") to str'
        (
            [("I", "interviewer", "Why?"), ("P1", "participant", None)],
            TypeError,
            "Transcript.from_turns('x'): turn 2's words are None, not a str",
        ),
        (
            [("I", "interviewer", "Why?"), ("P1", "participant", float("nan"))],
            TypeError,
            "Transcript.from_turns('x'): turn 2's words are a float, not a str",
        ),
        (
            ["I: Why?"],
            TypeError,
            "Transcript.from_turns('x'): turn 1 is a str, not a sequence of three values",
        ),
        (
            [b"I: Why?"],
            TypeError,
            "Transcript.from_turns('x'): turn 1 is a bytes, not a sequence of three values",
        ),
    ],
)
def test_from_turns_of_a_turn_not_speaker_role_words_names_the_turn(
    turns: list[object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as caught:
        Transcript.from_turns("x", turns)  # type: ignore[arg-type]
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == f"{message} {TURN_HINT}"


@pytest.mark.parametrize(("turns", "kind"), [(None, "None"), (3, "an int"), ("I: Why?", "a str")])
def test_from_turns_of_no_list_of_turns_names_the_argument(turns: object, kind: str) -> None:
    """s56 api tester: from_turns("x", None) gave "'NoneType' object is not iterable"."""
    with pytest.raises(TypeError) as caught:
        Transcript.from_turns("x", turns)  # type: ignore[arg-type]
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == (
        "Transcript.from_turns('x') takes its turns, a list of (speaker, role, words), not "
        f"{kind} {TURN_HINT}"
    )


def test_from_turns_takes_lists_as_turns() -> None:
    t = Transcript.from_turns("x", [["I", "interviewer", "Why?"], ["P1", "participant", "Staff."]])
    assert t.text == "I: Why?\n\nP1: Staff."


def test_from_turns_takes_a_tables_rows_and_speakers_that_are_not_str() -> None:
    """Hunt s43 (repro_F3.py): after 9474cb9, rows accepted before were refused, 'turn 1 is a
    ndarray, not a tuple' (df.values, a 2-D array of str), 'a Series' (iterrows()), and numeric
    speaker ids 'turn 1's speaker is an int, not a str'. A numeric or None speaker is its str,
    as the text always said it."""
    import numpy as np
    import pandas as pd

    df = pd.DataFrame(
        {
            "speaker": ["Interviewer", "RM09"],
            "role": ["interviewer", "participant"],
            "words": ["What got in the way?", "Staffing on nights."],
        }
    )
    want = "Interviewer: What got in the way?\n\nRM09: Staffing on nights."
    for rows in (df.values, [r for _, r in df.iterrows()], np.array(df.values.tolist())):
        t = Transcript.from_turns("rm09", rows)
        assert (t.text, [u.speaker for u in t.turns]) == (want, ["Interviewer", "RM09"])
    num = pd.DataFrame(
        {"speaker": [1, 2], "role": ["interviewer", "participant"], "w": ["Q?", "A."]}
    )
    t = Transcript.from_turns("n", num.itertuples(index=False))
    assert (t.text, [u.speaker for u in t.turns]) == ("1: Q?\n\n2: A.", ["1", "2"])
    t = Transcript.from_turns("n", [(np.int64(3), "interviewer", "Q?"), (2.5, "participant", "A.")])
    assert (t.text, [u.speaker for u in t.turns]) == ("3: Q?\n\n2.5: A.", ["3", "2.5"])
    t = Transcript.from_turns("n", [(None, "participant", "A.")])
    assert (t.text, [u.speaker for u in t.turns]) == ("None: A.", ["None"])


@pytest.mark.slow
def test_code_of_a_transcript_of_only_the_interviewer_warns_as_the_command_does(
    tiny_model: AutoCoder,
) -> None:
    """s43 tester: CodingResult(1 transcript, 0 segments) without a word; ``roqa code`` says
    no participant talk was found."""
    from roqa_nlp.transcripts.roles import SpeakerWarning

    t = Transcript.from_turns("x", [("I", "interviewer", "Why?"), ("Q", "interviewer", "So?")])
    with pytest.warns(SpeakerWarning) as caught:
        result = tiny_model.code(t)
    assert len(result) == 0
    assert [str(w.message) for w in caught] == [
        "x: no participant talk found: all 2 turns are the interviewer's ('I', 'Q'), so there "
        "is nothing to code (give the participant's turns the role 'participant')"
    ]


P23_TURNS = [
    ("Interviewer", "interviewer", "And what gets in the way, day to day?"),
    ("P23", "participant", "The rota. We're two staff down, so recovery planning goes first."),
]


@pytest.mark.parametrize(
    ("transcript_id", "speaker", "case"),
    [
        ("p23_part2", "P23", "P23"),  # the participants' label
        ("p23", "P23", "P23"),  # s50 tester: was the id, 'p23', lower case
        ("p23", "Sarah", "P23"),  # the participant number in the id, as in a file name
        ("rm04_followup", "Sarah", "RM04"),  # the study id the id is, marks dropped
        ("interview_anna", "Sarah", "interview_anna"),  # else the id itself
    ],
)
def test_from_turns_takes_its_case_as_a_file_of_that_name_does(
    tmp_path: Path, transcript_id: str, speaker: str, case: str
) -> None:
    """s50 tester (finding 1): an in-memory transcript's participant was always None, its case
    the id as given, so p23_part1.txt and from_turns('p23_part2', P23's turns) were two cases.
    Its case is the one the file readers give a file of the id's name (docs/transcripts.md
    'Cases')."""
    from roqa_nlp.transcripts import read_transcript

    turns = [("Interviewer", "interviewer", "What helps?"), (speaker, "participant", "Our lead.")]
    t = Transcript.from_turns(transcript_id, turns)
    path = tmp_path / f"{transcript_id}.txt"
    path.write_text(t.text, encoding="utf-8")
    assert (t.participant, read_transcript(path).participant) == (case, case)


def test_from_turns_keeps_the_case_it_is_given() -> None:
    t = Transcript.from_turns("p23_part2", P23_TURNS, participant="P99")
    assert t.participant == "P99"


@pytest.mark.slow
def test_a_file_and_an_in_memory_part_of_one_interview_are_one_case(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    """s50 tester (s4_more.py): p23_part1.txt coded with from_turns('p23_part2', P23's turns)
    gave the cases ['P23', 'p23_part2'] in the matrix, Table 2 and saturation."""
    from roqa_nlp.framework import framework_matrix

    part1 = tmp_path / "p23_part1.txt"
    part1.write_text(
        "Interviewer: Hi, um, what helps?\n\nP23: Our manager, she backs us all the way.\n",
        encoding="utf-8",
    )
    part2 = Transcript.from_turns("p23_part2", P23_TURNS)
    result = tiny_model.code([part1, part2])
    assert [(t.id, t.participant) for t in result.transcripts.values()] == [
        ("p23_part1", "P23"),
        ("p23_part2", "P23"),
    ]
    assert framework_matrix(result).cases == ["P23"]


def test_from_turns_takes_iterrows_as_the_docs_write_it() -> None:
    """s50 tester (finding 3): docs/python.md says a turn may be a row of df.iterrows(), but
    from_turns('p23', df.iterrows()) failed 'turn 1 has 2 values, not 3': iterrows() gives
    (index, row) pairs. A pair whose second value is a row is read as that row."""
    import pandas as pd

    df = pd.DataFrame(
        {
            "speaker": ["Interviewer", "P23"],
            "role": ["interviewer", "participant"],
            "words": ["What helps?", "Our manager."],
        },
        index=[10, 11],
    )
    t = Transcript.from_turns("p23", df.iterrows())
    assert t.text == "Interviewer: What helps?\n\nP23: Our manager."
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer", "interviewer"),
        ("P23", "participant"),
    ]
    assert t == Transcript.from_turns("p23", df.itertuples(index=False))
    pairs = enumerate([("I", "interviewer", "Why?"), ("P1", "participant", "Staff.")])
    assert Transcript.from_turns("x", pairs).text == "I: Why?\n\nP1: Staff."


def test_a_row_of_iterrows_that_is_not_three_values_is_named_as_a_turn_is() -> None:
    import pandas as pd

    df = pd.DataFrame({"speaker": ["I", "P1"], "words": ["Why?", "Staff."]})
    with pytest.raises(ValueError) as caught:
        Transcript.from_turns("x", df.iterrows())
    assert (
        str(caught.value) == f"Transcript.from_turns('x'): turn 1 has 2 values, not 3 {TURN_HINT}"
    )
    wide = df.assign(role="participant", extra="y")[["speaker", "role", "words", "extra"]]
    with pytest.raises(ValueError) as caught:
        Transcript.from_turns("x", wide.iterrows())
    assert (
        str(caught.value) == f"Transcript.from_turns('x'): turn 1 has 4 values, not 3 {TURN_HINT}"
    )


@pytest.mark.parametrize(
    ("tid", "error", "message"),
    [
        (
            "",
            ValueError,
            "Transcript.from_turns('') was given an empty id, which a file's name never is (it "
            "names the transcript and opens each of its segment ids) (give one such as 'p23')",
        ),
        (
            "../x",
            ValueError,
            "Transcript.from_turns('../x'): a transcript id holds no '/', as a file's name "
            "without its folder does not (give one such as 'x')",
        ),
        (
            "study/p23",
            ValueError,
            "Transcript.from_turns('study/p23'): a transcript id holds no '/', as a file's name "
            "without its folder does not (give one such as 'p23')",
        ),
        (
            None,
            TypeError,
            "Transcript.from_turns() takes its id as a str, not None (give one such as 'p23')",
        ),
        (
            23,
            TypeError,
            "Transcript.from_turns() takes its id as a str, not an int (give one such as 'p23')",
        ),
    ],
)
def test_from_turns_refuses_an_id_no_file_name_could_give(
    tid: object, error: type[Exception], message: str
) -> None:
    """s67 api tester: the id "" gave participant '.id' and segment ':0001', and "../x" was
    kept with its folder. A reader's id is a file's name without its extension: never empty,
    never holding a '/'."""
    with pytest.raises(error) as caught:
        Transcript.from_turns(tid, [("P23", "participant", "We have no money.")])  # type: ignore[arg-type]
    assert isinstance(caught.value, RoqaError)
    assert str(caught.value) == message


def test_from_turns_takes_the_ids_the_readers_give_files_named_so(tmp_path: Path) -> None:
    """A file 'a:b.txt' or 'a\\b.txt' (POSIX) or ' .txt' is read with that id, its segments
    split at their last ':'; from_turns takes the same ids."""
    from roqa_nlp.transcripts import read_transcript

    for tid in ("a:b", "a\\b", " ", "..", "p23:"):
        f = tmp_path / f"{tid}.txt"
        f.write_text("Interviewer: Why?\n\nP23: We have no money.\n", encoding="utf-8")
        t = Transcript.from_turns(
            tid,
            [("Interviewer", "interviewer", "Why?"), ("P23", "participant", "We have no money.")],
        )
        assert read_transcript(f).id == t.id == tid
        assert [s.id for s in segment(t)] == [f"{tid}:0001"]
