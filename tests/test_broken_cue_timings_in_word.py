"""Teams' old Word transcripts (blocks of a timing line, the speaker's name, the words, and no
empty paragraph between them): a block whose timing line is malformed as Teams writes it
(``0:0:12. --> 0:0:17.5``) was dropped whole, words and all, with no warning, while the same
text saved as .txt kept its words untimed and warned (session 79 readers3 H3). The cues were
read from the paragraphs joined by line breaks, and with no blank line to end it the block was
taken for the next cue's id."""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

BLOCKS = [
    ("0:0:3.4 --> 0:0:8.8", "Hannah Whitfield", "Hi Gareth, is it okay if I record this?"),
    ("0:0:9.1 --> 0:0:11.7", "Gareth Price", "Yes, that's fine, go ahead."),
    ("0:0:12. --> 0:0:17.5", "Hannah Whitfield", "What gets in the way of recovery practice?"),
    ("0:0:18. --> 0:0:30.", "Gareth Price", "Staffing is the biggest barrier, honestly."),
    ("0:0:30.2 --> 0:0:40.1", "Gareth Price", "Turnover is high and agency staff leave."),
    ("0:0:40.5 --> 0:0:43.1", "Hannah Whitfield", "Thank you so much, that's really helpful."),
]

TURNS = [
    ("Hannah Whitfield", "interviewer", "Hi Gareth, is it okay if I record this?", 3.4, 8.8),
    ("Gareth Price", "participant", "Yes, that's fine, go ahead.", 9.1, 11.7),
    ("Hannah Whitfield", "interviewer", "What gets in the way of recovery practice?", None, None),
    (
        "Gareth Price",
        "participant",
        "Staffing is the biggest barrier, honestly. Turnover is high and agency staff leave.",
        30.2,
        40.1,
    ),
    ("Hannah Whitfield", "interviewer", "Thank you so much, that's really helpful.", 40.5, 43.1),
]


def turns_of(t: Transcript) -> list[tuple[str, str, str, float | None, float | None]]:
    """(speaker, role, words, begin_time, end_time) of every turn, the words by its offsets."""
    return [(u.speaker, u.role, t.text[u.start : u.end], u.begin_time, u.end_time) for u in t.turns]


def read_warned(f: Path) -> tuple[Transcript, list[str]]:
    """The transcript of ``f`` (Hannah Whitfield the interviewer), its warnings; every
    segment's offsets checked."""
    with pytest.warns() as caught:
        t = read_transcript(f, interviewer_labels=["Hannah Whitfield"])
    for s in segment(t, unit="sentence"):
        assert t.text[s.start : s.end] == s.text
    return t, [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def word_file(path: Path, *, empty_paragraphs: bool) -> Path:
    """The blocks as Teams wrote them in Word: a paragraph a line, with an empty paragraph
    between blocks or none."""
    import docx

    d = docx.Document()
    for k, block in enumerate(BLOCKS):
        if k and empty_paragraphs:
            d.add_paragraph("")
        for line in block:
            d.add_paragraph(line)
    d.save(str(path))
    return path


def odt_file(path: Path) -> Path:
    """The blocks in an OpenDocument file, a paragraph a line, no empty paragraph."""
    from odfdo import Document, Paragraph

    doc = Document("text")
    doc.body.clear()
    for block in BLOCKS:
        for line in block:
            doc.body.append(Paragraph(line))
    doc.save(path)
    return path


@pytest.mark.parametrize("empty_paragraphs", [False, True], ids=["no-empty", "empty"])
def test_a_malformed_timing_line_in_a_word_file_keeps_its_blocks_words_with_a_warning(
    tmp_path: Path, empty_paragraphs: bool
) -> None:
    """The question and the staffing answer vanished (the answer's first and last cues joined
    into one turn), with no warning: each block is kept, untimed, its name line naming its
    speaker, and one warning quotes the timing lines (a Word file has no line numbers: the
    text it is read as is not the file's)."""
    f = word_file(tmp_path / "rm20.docx", empty_paragraphs=empty_paragraphs)
    t, warned = read_warned(f)
    assert turns_of(t) == TURNS
    assert warned == [
        f"{f}: 2 cue blocks have timing lines roqa cannot read ('0:0:12. --> 0:0:17.5', "
        "'0:0:18. --> 0:0:30.'), so their words were read without a time (mend the timing "
        "lines to have them timed)"
    ]


def test_a_malformed_timing_line_in_an_odt_file_keeps_its_blocks_words(tmp_path: Path) -> None:
    """The OpenDocument reader reads the paragraphs as the Word reader does, and lost the same
    blocks."""
    f = odt_file(tmp_path / "rm20.odt")
    t, warned = read_warned(f)
    assert turns_of(t) == TURNS
    assert len(warned) == 1 and "'0:0:12. --> 0:0:17.5', '0:0:18. --> 0:0:30.'" in warned[0]


@pytest.mark.parametrize("suffix", [".txt", ".srt"])
def test_a_malformed_timing_line_with_no_blank_line_after_its_block_keeps_its_words(
    tmp_path: Path, suffix: str
) -> None:
    """The same blocks saved as text with no blank line between them (as a Word file's
    paragraphs are read) lost the same words; read as the blocks with blank lines are, the
    warning naming their lines in the file."""
    f = tmp_path / f"rm20{suffix}"
    f.write_text("\n".join(line for block in BLOCKS for line in block) + "\n", "utf-8")
    t, warned = read_warned(f)
    assert turns_of(t) == TURNS
    assert warned == [
        f"{f}: 2 cue blocks have timing lines roqa cannot read (lines 7-9, 10-12), so their "
        "words were read without a time: "
        "'0:0:12. --> 0:0:17.5' (mend the timing lines to have them timed)"
    ]


def test_a_word_file_with_blank_lines_between_blocks_reads_as_its_text_does(
    tmp_path: Path,
) -> None:
    """The Word file and its text saved as .txt (blank lines between the blocks) give the same
    turns: one rule, that of the subtitle cues (.cues), reads both."""
    docx_turns = turns_of(read_warned(word_file(tmp_path / "rm21.docx", empty_paragraphs=False))[0])
    f = tmp_path / "rm21.txt"
    f.write_text("\n\n".join("\n".join(block) for block in BLOCKS) + "\n", "utf-8")
    assert turns_of(read_warned(f)[0]) == docx_turns == TURNS
