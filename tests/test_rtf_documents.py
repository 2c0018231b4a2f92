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


def _row(speaker: bytes, words: bytes) -> bytes:
    """A table row as Word 2002 and later write it: its definition before and after its cells."""
    definition = rb"\trowd\irow0\trgaph108\cellx2000\cellx9000"
    return (
        definition + rb"\pard\plain\intbl " + speaker + rb"\cell " + words + rb"\cell"
        rb"\pard\plain\intbl{" + definition + rb"\row}" + b"\n"
    )


def test_rtf_speaker_words_table_is_read_as_turns_as_in_word(tmp_path: Path) -> None:
    f = tmp_path / "p04.rtf"
    f.write_bytes(
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}\pard" + b"\n"
        rb"Interview with P04\par"
        + b"\n"
        + _row(b"Speaker", b"Text")
        + _row(b"Interviewer", rb"How did the team react?")
        + _row(b"P04", rb"They were wary at first.\par And then the caf\'e9 helped.")
        + _row(b"Interviewer", rb"Anything else you\rquote d like to add?")
        + _row(b"P04", b"No.")
        + rb"\pard\plain End of interview\par}"
    )
    t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "How did the team react?"),
        ("P04", "participant", "They were wary at first.\nAnd then the café helped."),
        ("Interviewer", "interviewer", "Anything else you’d like to add?"),
        ("P04", "participant", "No."),  # "End of interview" ends the talk, as in Word
    ]
    assert t.metadata["format"] == "rtf" and t.metadata["rendering"] == "canonical"
    assert all("|" not in t.text[u.start : u.end] for u in t.turns)


def test_rtf_table_that_is_no_transcript_stays_in_the_extracted_text(tmp_path: Path) -> None:
    f = tmp_path / "p04.rtf"
    f.write_bytes(
        rb"{\rtf1\ansi\pard Interviewer: Which shifts?\par P04: These:\par"
        rb"\trowd\cellx1000\cellx2000\cellx3000\pard\intbl Mon\cell Tue\cell Wed\cell\row"
        rb"\pard Interviewer: Thanks.\par}"
    )
    t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "Which shifts?"),
        ("P04", "participant", "These:\nMon|Tue|Wed|"),
        ("Interviewer", "interviewer", "Thanks."),
    ]
    assert t.metadata == {"format": "rtf", "rendering": "extracted"}


def test_rtf_table_whose_last_row_has_no_row_end_keeps_that_row(tmp_path: Path) -> None:
    # A slightly broken save: the document ends right after the last row's cells, with no \row.
    f = tmp_path / "p04.rtf"
    f.write_bytes(
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Calibri;}}" + b"\n"
        + _row(b"Interviewer", b"How do you manage staffing?")
        + _row(b"P04", b"We rely on agency staff.")
        + _row(b"Interviewer", b"And the leadership?")
        + rb"\pard\intbl P04\cell \pard\intbl The board listens, mostly.\cell}"
    )  # fmt: skip
    t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "How do you manage staffing?"),
        ("P04", "participant", "We rely on agency staff."),
        ("Interviewer", "interviewer", "And the leadership?"),
        ("P04", "participant", "The board listens, mostly."),
    ]


def test_rtf_escaped_braces_and_backslash_go_with_a_deletions_words(tmp_path: Path) -> None:
    f = tmp_path / "p04.rtf"
    f.write_bytes(
        rb"{\rtf1\ansi\pard Interviewer: Who said it?\par" + b"\n"
        rb"\pard P04: It was {\deleted Jane \{the deputy\} Smith \\ }the manager.\par}"
    )
    t = read_transcript(f)
    assert turns_of(t) == [
        ("Interviewer", "interviewer", "Who said it?"),
        ("P04", "participant", "It was the manager."),
    ]
