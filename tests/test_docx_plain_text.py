"""A plain text file named .docx is said to be plain text, to rename .txt.

Mistakes tester, session 52: bad/realtext.docx (a .txt renamed .docx) said "is not a readable
Word .docx file (open it in Word and save it as .docx, or export it as .txt)".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.transcripts import read_transcript

UNREADABLE = (
    "is not a readable Word .docx file (open it in Word and save it as .docx, or export it as .txt)"
)


@pytest.mark.parametrize(
    "data",
    [
        b"Interviewer: How is it?\nP01: It works well.\n",
        "\ufeffI: Caf\u00e9?\r\nP01: Oui.\r\n".encode(),  # UTF-8 with its mark, CRLF
        "I: How is it?\nP01: Well.\n".encode("utf-16"),  # UTF-16 with its mark
    ],
)
def test_plain_text_named_docx_is_said_plain_text(data: bytes, tmp_path: Path) -> None:
    f = tmp_path / "realtext.docx"
    f.write_bytes(data)
    with pytest.raises(RoqaError) as e:
        read_transcript(f)
    assert str(e.value) == (
        f"{f}: is plain text, not a Word .docx file (rename it to end in .txt, e.g. "
        "realtext.txt, and give that)"
    )


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04 not a Word file",  # a damaged zip
        b"{\\rtf1\\ansi P01: words}",  # an RTF document: not to be read as .txt
        b"<html><body>P01: words</body></html>",  # a web page
        b"   \n",  # nothing in it
        bytes(range(256)),  # not text
    ],
)
def test_other_bytes_named_docx_are_still_unreadable(data: bytes, tmp_path: Path) -> None:
    f = tmp_path / "realtext.docx"
    f.write_bytes(data)
    with pytest.raises(RoqaError) as e:
        read_transcript(f)
    assert str(e.value) == f"{f}: {UNREADABLE}"
