"""A title and a surname's initial (``Dr K.``, ``Sister M.``, ``Mrs H.``, ``Nurse J.``, ``Dr.
K.``) is a person's label, as ``Gareth P.`` is (session 81 hunt9 P1: such a label was never
read, so a third speaker so named was merged, label line and words, into the turn above, with
no warning). The titles are data (``data/honorifics.txt``, ``data/talk_titles.txt``); a place
or a plan before an initial (``Plan B.``, ``Bay B.``, ``Vitamin D.``) names no one."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts.speaker_labels import is_initialled_name
from test_surname_initial_and_capitals_labels import (
    INTERRUPT,
    TIMED_LAYOUTS,
    _expected,
    _in_gareths_answer,
    _interview,
    _turns,
    _write,
)

H, G = "Hannah Whitfield", "Gareth Price"
DATA = Path(__file__).parent / "data" / "said_once_in_answers"
TITLED = ["Dr K.", "Sister M.", "Mrs H.", "Nurse J.", "Dr. K."]


@pytest.mark.parametrize("name", [*TITLED, "Matron S.", "Dr A. K.", "Cllr B."])
def test_a_title_and_initials_read_as_a_name(name: str) -> None:
    assert is_initialled_name(name)


@pytest.mark.parametrize("name", ["Plan B.", "Bay B.", "Vitamin D.", "Hep C.", "sister M.", "Dr"])
def test_no_title_before_an_initial_reads_as_no_name(name: str) -> None:
    assert not is_initialled_name(name)


@pytest.mark.parametrize("layout", TIMED_LAYOUTS)
@pytest.mark.parametrize("name", TITLED)
def test_a_title_and_an_initial_said_once_with_its_time_is_a_speaker(
    tmp_path: Path, layout: str, name: str
) -> None:
    turns = _interview(H, G)
    turns.insert(5, (name, turns[4][1] + 2, INTERRUPT))
    path = _write(tmp_path, layout, turns)
    assert _turns(path) == _expected(turns, H)


def test_a_title_and_an_initial_said_twice_is_a_speaker() -> None:
    """hunt9's repro: ``Dr K.  0:31`` and ``Dr K.  1:20`` between Gareth's turns (each was
    read, label line and words, into Gareth's turn above)."""
    turns = _turns(DATA / "otter_dr_k_joins.txt")
    assert [(s, t) for s, _, t, _ in turns] == [
        (H, 3.0),
        (G, 10.0),
        ("Dr K.", 31.0),
        (G, 36.0),
        (H, 45.0),
        (G, 52.0),
        ("Dr K.", 80.0),
        (H, 86.0),
        (G, 93.0),
    ]
    assert turns[2][3] == INTERRUPT
    assert turns[6][3] == "And I was one of them, for the record."


@pytest.mark.parametrize("name", ["Dr K.", "Sister M."])
def test_a_title_and_an_initial_inside_a_sentence_stays_talk(tmp_path: Path, name: str) -> None:
    """Said inside a sentence that runs on below it, a person named is no one taking a turn."""
    body, expected = _in_gareths_answer(f"We asked\n{name}  1:00\nwho said no.", blank=False)
    path = tmp_path / "t.txt"
    path.write_text(body, encoding="utf-8")
    assert _turns(path) == expected


@pytest.mark.parametrize("name", ["Ward C.", "Bay B.", "Plan B.", "Appendix A.", "Pod A."])
def test_a_place_and_a_letter_reads_as_no_name(name: str) -> None:
    assert not is_initialled_name(name)


@pytest.mark.parametrize("layout", TIMED_LAYOUTS)
@pytest.mark.parametrize("name", ["Ward C.", "Bay B.", "Appendix A."])
def test_a_place_and_a_letter_where_a_joiner_would_be_stays_talk(
    tmp_path: Path, layout: str, name: str
) -> None:
    """Laid out as one more speaker's label, in order, between two speakers' turns, a ward, a
    bay or an appendix is a line of the answer above (``data/places_before_a_letter.txt``)."""
    turns = _interview(H, G)
    turns.insert(5, (name, turns[4][1] + 2, "That is where it all went wrong."))
    path = _write(tmp_path, layout, turns)
    got = _turns(path)
    assert [s for s, *_ in got] == [H, G] * 4
    assert name in got[4][3]
    assert got[4][3].endswith("That is where it all went wrong.")
