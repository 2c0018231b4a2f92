"""The model reads a segment without a transcriber's annotations ([inaudible], [laughs],
(pause), [redacted], [name of trust]); the segment's text and offsets keep them (s43: on four
sentences they flipped the valence of two and the top code of one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.autocoder import words_read
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment


@pytest.mark.parametrize(
    ("said", "read"),
    [
        (
            "We run on a tight rota [inaudible 00:03:12] and the agency staff [crosstalk] don't "
            "know the person, so one-to-one time is the [laughs] first thing to go.",
            "We run on a tight rota and the agency staff don't know the person, so one-to-one "
            "time is the first thing to go.",
        ),
        (
            "Our director [redacted] came for the first (pause) six months. [Laughter]",
            "Our director came for the first six months.",
        ),
        (
            "A project like ours [name of trust] is low down their list [inaudible].",
            "A project like ours is low down their list.",
        ),
        ("The inspectors (Inaudible) look at the logs.", "The inspectors look at the logs."),
        ("We went. {laughter} Then came.", "We went. Then came."),  # braces too (s45)
        ("It went well. [Laughs.] ((laughs)) Fine.", "It went well. Fine."),  # hunt s45
        # a typist's word filled in, and a speaker's own aside, are words: read
        ("They [the ward] call us (well, sometimes) first.", None),
        ("No notes here.", None),
    ],
)
def test_the_model_reads_no_transcriber_annotation(said: str, read: str | None) -> None:
    assert words_read(said) == (said if read is None else read)


def test_a_segment_keeps_its_annotations_where_the_model_does_not_read_them(
    tmp_path: Path,
) -> None:
    f = tmp_path / "p08.txt"
    f.write_text(
        "Interviewer: What gets in the way?\n\nP08: The rota [inaudible] is tight. [laughs]\n",
        "utf-8",
    )
    (s,) = segment(read_transcript(f))
    assert s.text == "The rota [inaudible] is tight. [laughs]"
    assert read_transcript(f).text[s.start : s.end] == s.text
    assert words_read(s.text) == "The rota is tight."


@pytest.mark.parametrize(
    ("said", "read"),
    [
        (
            "Now there's a weekly call (Int: Mm-hmm) and a summary the same day. [Int: That's "
            "good.] It makes the first week safer.",
            "Now there's a weekly call and a summary the same day. It makes the first week safer.",
        ),
        ("We asked them [Interviewer: right] twice.", "We asked them twice."),
        ("The rule (I: sorry?) was new.", "The rule was new."),
        # a participant's own bracketed aside with a colon is read
        ("The rota (note: nights) was new.", None),
    ],
)
def test_the_model_reads_no_inline_interviewer_interjection(said: str, read: str | None) -> None:
    """An interviewer's interjection typed inside the participant's turn ("(Int: Mm-hmm)",
    "[Int: That's good.]", s43 tester p14) is not the participant's words: the model does not
    read it (a note opening with a label of data/interviewer_labels.txt and a colon)."""
    assert words_read(said) == (said if read is None else read)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("[crosstalk] Sorry, I was going to say, yeah.", "Sorry, I was going to say, yeah."),
        ("Five months. [laughs]", "Five months."),
        ("[laughs] [crosstalk 00:01:02] Yes. (pause) [Laughs.]", "Yes."),
        ("It was [inaudible] the ward.", "It was [inaudible] the ward."),
        ("[the ward] was good [the rota]", "[the ward] was good [the rota]"),
        ("[inaudible]", "[inaudible]"),
        # a note that words were lost stays at the edges (s49 re-test refocus, finding 6)
        (
            "[inaudible 00:12:31] the funding from the council keeps getting cut.",
            "[inaudible 00:12:31] the funding from the council keeps getting cut.",
        ),
        ("(inaudible) the team, really. [laughs]", "(inaudible) the team, really."),
        (
            "[crosstalk] [Unclear.] Yes it was. (indistinct) (pause)",
            "[Unclear.] Yes it was. (indistinct)",
        ),
        (
            "[laughs] It was the rota [unintelligible words] [crosstalk]",
            "It was the rota [unintelligible words]",
        ),
    ],
)
def test_a_quote_is_trimmed_of_annotations_at_its_edges_only(text: str, shown: str) -> None:
    from roqa_nlp.transcripts.annotations import trim_annotations

    assert trim_annotations(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Yes it helped. " + "[laughs] " * 3000, "Yes it helped."),
        ("Yes it helped. " + "[inaudible] " * 3000, "Yes it helped." + " [inaudible]" * 3000),
        ("[crosstalk] " * 2000 + "Yes. [the rota]" + " (laughs)" * 2000, "Yes. [the rota]"),
        ("It was " + "[inaudible] " * 1000 + "the ward. [laughs]", "It was " + "[inaudible] " * 999
         + "[inaudible] the ward."),
        ("[crosstalk] " * 2000 + "[inaudible] Yes." + " (laughs)" * 2000, "[inaudible] Yes."),
        ("[inaudible] " * 3000, ("[inaudible] " * 3000).strip()),
    ],
)  # fmt: skip
def test_a_quote_of_many_annotations_is_trimmed_reading_each_once(
    monkeypatch: pytest.MonkeyPatch, text: str, shown: str
) -> None:
    """Session 49 review, finding 2: each annotation trimmed from a quote's end re-read every
    note from its start (8,000 ``[inaudible]`` took 9.7 s); the notes are read once now."""
    from roqa_nlp.transcripts import annotations

    real = annotations._NOTE
    found = 0

    class Counted:
        def match(self, *args):  # type: ignore[no-untyped-def]
            return real.match(*args)

        def finditer(self, *args):  # type: ignore[no-untyped-def]
            nonlocal found
            for m in real.finditer(*args):
                found += 1
                yield m

    monkeypatch.setattr(annotations, "_NOTE", Counted())
    assert annotations.trim_annotations(text) == shown
    assert found <= text.count("[") + text.count("(")


@pytest.mark.parametrize(
    ("text", "any_note", "a_table_rows_note"),
    [
        ("(laughs)", True, True),
        ("[Recording paused]", True, True),
        ("{laughter}", True, False),  # a table's speaker cell takes square or round ones only
        ("[inaudible)", False, False),
        ("[", False, False),
        ("Dr (Sam) Okafor", False, False),
        ("(Sam) Okafor", False, False),
        ("", False, False),
    ],
)
def test_a_text_all_in_one_pair_of_brackets_is_a_note(
    text: str, any_note: bool, a_table_rows_note: bool
) -> None:
    """One test of a label or a table's speaker cell in brackets, for both (speaker_labels and
    blocks each had a copy, s80 dfix)."""
    from roqa_nlp.transcripts.annotations import NOTE_BRACKETS, all_bracketed

    assert all_bracketed(text) is any_note
    assert all_bracketed(text, NOTE_BRACKETS[:2]) is a_table_rows_note
