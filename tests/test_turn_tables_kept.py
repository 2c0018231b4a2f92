"""Guard tests: a Word table whose rows are turns (a name cell, then the words) stays turns, each
row its speaker's, beside paragraph turns too (hunter s84 hunt20 R1). A rule that read a small
table among labelled paragraphs as lines of the turn above it (920de693, reverted in 9da1e800)
lost 168 speakers in 46 of 81 such files and moved members' words into the co-facilitator's
turn, where they are not coded. Each file is made here with python-docx."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp import read_transcript
from roqa_nlp.schema import Transcript

#: a page break between blocks
PAGE = "<page>"

FACILITATOR = "Facilitator: To start us off, what slowed the new care plans down?"
ASKED = ("Facilitator", "To start us off, what slowed the new care plans down?")


def _docx(tmp_path: Path, blocks: list[object]) -> Path:
    """A .docx of ``blocks``: a string a paragraph (:data:`PAGE` a page break), a tuple of
    rows a table."""
    import docx

    document = docx.Document()
    for block in blocks:
        if block == PAGE:
            document.add_page_break()
        elif isinstance(block, str):
            document.add_paragraph(block)
        else:
            assert isinstance(block, tuple)
            table = document.add_table(rows=len(block), cols=len(block[0]))
            for i, row in enumerate(block):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
    path = tmp_path / "group.docx"
    document.save(str(path))
    return path


def _read(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # of the interviewer guessed, not of the tables
        return read_transcript(path)


def _turns(path: Path) -> list[tuple[str, str]]:
    t = _read(path)
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


MEMBERS = (
    ("Ann", "Half the team were on leave that month."),
    ("Bob", "Our rota had no slack in it at all."),
    ("Cara", "We heard about it the week it began."),
)


def test_members_speaking_once_in_a_table_after_facilitator_and_co_facilitator(
    tmp_path: Path,
) -> None:
    path = _docx(tmp_path, [FACILITATOR, "Co-facilitator: Anything at all is useful.", MEMBERS])
    t = _read(path)
    assert [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns] == [
        ("Facilitator", "interviewer", ASKED[1]),
        ("Co-facilitator", "interviewer", "Anything at all is useful."),
        *((name, "participant", words) for name, words in MEMBERS),
    ]


def test_one_member_in_a_paragraph_the_others_in_a_table(tmp_path: Path) -> None:
    path = _docx(tmp_path, [FACILITATOR, "Dev: Money, as ever.", MEMBERS])
    assert _turns(path) == [ASKED, ("Dev", "Money, as ever."), *MEMBERS]


def test_a_one_row_table(tmp_path: Path) -> None:
    row = ("Bob", "Our rota had no slack in it, not for any of us.")
    path = _docx(tmp_path, [FACILITATOR, "Ann: Leave, mostly.", (row,)])
    assert _turns(path) == [ASKED, ("Ann", "Leave, mostly."), row]


def test_a_table_per_question_with_new_members(tmp_path: Path) -> None:
    later = (("Dev", "A deputy who stayed late with us."), ("Eve", "Talking to other homes."))
    path = _docx(
        tmp_path,
        [FACILITATOR, MEMBERS[:2], PAGE, "Facilitator: What helped, then?", later],
    )
    assert _turns(path) == [ASKED, *MEMBERS[:2], ("Facilitator", "What helped, then?"), *later]


NAMES = ("Ann", "Bob", "Cara", "Dev", "Eve", "Finn", "Gail", "Hal", "Ivy", "Jon", "Kim")
#: a whole focus group in one table: the facilitator's row, then each member once
WHOLE_GROUP = (
    ("Jane", "Thanks for coming, could each of you say who you are?"),
    *((name, f"{name} here, I run a small supported housing service.") for name in NAMES),
)


@pytest.mark.parametrize("between", [PAGE, ""], ids=["page_break", "empty_paragraph"])
def test_a_whole_focus_group_in_one_table_split_in_two(tmp_path: Path, between: str) -> None:
    path = _docx(tmp_path, [WHOLE_GROUP[:6], between, WHOLE_GROUP[6:]])
    assert _turns(path) == list(WHOLE_GROUP)


def test_eight_rows_of_new_speakers(tmp_path: Path) -> None:
    rows = tuple((name, f"For {name}'s home it was the agency bill.") for name in NAMES[:8])
    path = _docx(tmp_path, [FACILITATOR, "Co-facilitator: Go on.", rows])
    t = _read(path)
    assert [(u.speaker, t.text[u.start : u.end]) for u in t.turns] == [
        ASKED,
        ("Co-facilitator", "Go on."),
        *rows,
    ]
    assert {u.role for u in t.turns if u.speaker in NAMES} == {"participant"}


def test_a_table_with_a_speaker_and_text_header_row(tmp_path: Path) -> None:
    path = _docx(
        tmp_path, [FACILITATOR, "Co-facilitator: Go on.", (("Speaker", "Text"), *MEMBERS[:2])]
    )
    assert _turns(path) == [ASKED, ("Co-facilitator", "Go on."), *MEMBERS[:2]]


def test_capitalised_names_in_a_table_after_name_colon_paragraphs(tmp_path: Path) -> None:
    """``JANE``/``SAM`` cells are the ``Jane:``/``Sam:`` of the paragraphs above them."""
    path = _docx(
        tmp_path,
        [
            "Jane: How did the team take the change?",
            "Sam: Warily, to begin with.",
            (("JANE", "What made them wary?"), ("SAM", "Nobody had trained us for it.")),
        ],
    )
    assert _turns(path) == [
        ("Jane", "How did the team take the change?"),
        ("Sam", "Warily, to begin with."),
        ("Jane", "What made them wary?"),
        ("Sam", "Nobody had trained us for it."),
    ]


def test_an_interview_going_on_in_a_table_under_other_names(tmp_path: Path) -> None:
    path = _docx(
        tmp_path,
        [
            "Interviewer: How do you cover the night shifts?",
            "Respondent: Agency staff, mostly, and it costs us.",
            (
                ("Jane Smith", "And what does the board say about that?"),
                ("Sam Roe", "They listen, but the money is not there."),
            ),
        ],
    )
    t = _read(path)
    assert [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns] == [
        ("Interviewer", "interviewer", "How do you cover the night shifts?"),
        ("Respondent", "participant", "Agency staff, mostly, and it costs us."),
        ("Jane Smith", "interviewer", "And what does the board say about that?"),
        ("Sam Roe", "participant", "They listen, but the money is not there."),
    ]


#: Short one-time replies without a full stop (hunt25 R1: a strict re-do of the layout-table
#: rule, 7c64052f, reverted, still merged these rows into the paragraph turn above them).
SHORT_REPLIES = (
    ("Bob", "Yes"),
    ("Cara", "No not really"),
    ("Dev", "Agreed"),
)


def test_short_replies_in_a_table_after_a_members_paragraph_stay_turns(tmp_path: Path) -> None:
    path = _docx(
        tmp_path,
        [FACILITATOR, "Ann: Half the team were on leave that month, so it stalled.", SHORT_REPLIES],
    )
    assert _turns(path) == [
        ASKED,
        ("Ann", "Half the team were on leave that month, so it stalled."),
        *SHORT_REPLIES,
    ]
