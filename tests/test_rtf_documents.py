"""Word's RTF as a reader sees it: tracked changes accepted, speaker | words tables as turns."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp import read_transcript
from roqa_nlp.schema import Transcript


def turns_of(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


# Word's revision marks: a deleted name (\deleted, with its author and time), a deleted
# paragraph (its mark too: the paragraphs join as accepted), an insertion (\revised) and a
# deletion ended by \deleted0 and by \plain within its group.
TRACKED_RTF = (
    rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}"
    rb"{\*\revtbl {Unknown;}{Sam Roe;}}\pard" + b"\n"
    rb"Interviewer: How did the team react?\par" + b"\n"
    rb"P04: {\deleted\revauthdel1\revdttmdel1234567\delrsid99 Jane Sm\'eft\u8217?s team "
    rb"from }the trust came twice, then never again.\par" + b"\n"
    rb"{\deleted\revauthdel1 P04: And J. Smith said so.\par}"
    rb"Interviewer: Anything {\revised\revauth1 else }to add?\par" + b"\n"
    rb"P04: {\deleted Ravi\deleted0  and }I {\deleted Priya Shah \plain}stayed on.\par}"
)


def test_rtf_tracked_deletions_are_not_read_insertions_are(tmp_path: Path) -> None:
    f = tmp_path / "p04.rtf"
    f.write_bytes(TRACKED_RTF)
    t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "How did the team react?"),
        ("P04", "participant", "the trust came twice, then never again."),
        ("Interviewer", "interviewer", "Anything else to add?"),
        ("P04", "participant", "and I stayed on."),
    ]
    assert "Jane" not in t.text and "Smith" not in t.text and "Priya" not in t.text
