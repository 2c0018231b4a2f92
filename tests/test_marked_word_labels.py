"""A word no one is called stays talk when written with a mark that NFC keeps (an underline,
U+0332; a strike, U+0336; a variation selector, U+FE0F): ``Note̲:``, ``W̶e̶l̶l̶:`` and ``Well️:``
open a line of the participant's talk, as ``Note:`` and ``Well:`` do. Before (s62
h_labels D1), the marks kept the word off the "not a label" word lists, and each became a second
participant label."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.transcripts import read_transcript

TEXT = (
    "Interviewer: How did it go at the clinic?\n"
    "P01: It went well overall, I think the team did fine.\n"
    "{label}: the staff were great that year.\n"
    "Interviewer: And after that?\n"
    "P01: After that we carried on with the plan.\n"
)


@pytest.mark.parametrize(
    "label",
    [
        "Note",
        "Note\u0332",
        "W\u0336e\u0336l\u0336l\u0336",
        "Well",
        "Well\ufe0f",
        "Honestly",
        "Honestly\u0332",
    ],
)
def test_a_common_word_with_a_mark_is_no_label(tmp_path: Path, label: str) -> None:
    path = tmp_path / "p01.txt"
    path.write_text(TEXT.format(label=label), encoding="utf-8")
    t = read_transcript(path)
    assert [u.speaker for u in t.turns] == ["Interviewer", "P01", "Interviewer", "P01"]
    first = t.turns[1]
    assert t.text[first.start : first.end].endswith(
        f"fine.\n{label}: the staff were great that year."
    )


def test_names_to_check_columns_line_up_whatever_marks_a_word_holds() -> None:
    """The counts of the "names to check" table stand in one column however many combining
    marks a word holds (``Adébáyọ̀`` in NFC keeps one; an NFD file's ``Café`` holds one per
    accent): the words are padded to their width on screen, not their code points."""
    from roqa_nlp.cli.code_cmd import names_to_check_lines
    from roqa_nlp.pseudonyms import NameToCheck

    words = ["Paulo", "Ad\u00e9b\u00e1y\u1ecd\u0300", "Cafe\u0301", "Re\u0301sume\u0301"]
    lines = names_to_check_lines(
        [NameToCheck(w, 1, ("p01",)) for w in words], Path("key.csv"), every_name=True
    )
    assert lines[1:] == [f"  {w}{' ' * (21 - n)}   1  p01" for w, n in zip(words, [5, 7, 4, 6])]
