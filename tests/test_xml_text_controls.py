"""A control character XML 1.0 cannot hold that parts words (Word's line and page breaks pasted
into a codebook's description) is a space in the XML roqa writes, not left out so the words run
together (interop tester, session 91, L5: "Word:\\vline two\\fpage" was "Word:line twopage");
any other is left out, and the tab and line breaks XML holds are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.exchange.qdc import export_qdc, read_qdc
from roqa_nlp.io import xml_text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Word:\x0bline two\x0cpage", "Word: line two page"),
        ("page\x1b esc", "page esc"),  # ESC parts no words: left out
        ("Staff\x01ing", "Staffing"),
        ("Bell\x07 rang and\x0b staff left.", "Bell rang and staff left."),  # no double blank
        ("a\x0b\x0cb", "a b"),
        ("a\x1c\x1db\x1e\x1fc", "a b c"),
        ("a\x07\x0bb", "a b"),
        ("\x0bhead", "head"),
        ("tail\x0c", "tail"),
        ("a\tb\nc\r\nd", "a\tb\nc\r\nd"),
        ("x\ufffey\uffff", "xy"),
        ("plain words", "plain words"),
    ],
)
def test_xml_text(text: str, written: str) -> None:
    assert xml_text(text) == written


def test_a_codebooks_pasted_breaks_are_spaces_in_its_qdc(tmp_path: Path) -> None:
    book = Codebook.from_dict(
        {
            "id": "ctrl",
            "name": "Ctrl",
            "codes": [
                {
                    "id": "A",
                    "name": "Com\x0bmits",
                    "level": "domain",
                    "codable": True,
                    "description": "Pasted from Word:\x0bline two\x0cpage\x1b esc",
                }
            ],
        }
    )
    back = read_qdc(export_qdc(book, tmp_path / "x.qdc"))
    code = next(c for c in back.codes if c.description)
    assert (code.name, code.description) == ("Com mits", "Pasted from Word: line two page esc")
