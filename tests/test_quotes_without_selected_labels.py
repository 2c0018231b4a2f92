"""Specification of the quote a table shows of a QDA passage selected as whole lines.

qc (``qualitative-coding``) codes whole lines, so each of its selections starts at the speaker
label ("Bridget: ") and ends after the line break. Table 2 and the matrix quoted
"Bridget: Honestly ..." while citing the participant by their case: the label's name reached
the quote (daily18, session 86, D4). The quote leaves the label out; the segment's text, its
offsets and the QDA round trip keep the selection as the program made it.
"""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.exchange import read_qdpx
from roqa_nlp.framework import coded_segments
from test_refiqda import build_qdpx, project_xml, selection

TEXT = (
    "Interviewer: How are things with staffing?\n"
    "Bridget: Honestly the biggest problem has been money.\n"
    "Interviewer: And the team?\n"
    "Bridget: Bridget's team is fine. Interviewer: asked again.\n"
)


def line(n: int) -> tuple[int, int]:
    """Line ``n`` (from 1) of :data:`TEXT` with its line break, as qc's ``line:N`` selects it."""
    lines = TEXT.splitlines(keepends=True)
    start = sum(len(x) for x in lines[: n - 1])
    return start, start + len(lines[n - 1])


def test_a_whole_line_selection_is_quoted_without_its_speaker_label(tmp_path: Path) -> None:
    source = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="rm41" '
        f'plainTextPath="internal://rm41.txt">{selection(*line(2))}{selection(*line(4))}'
        "</TextSource>"
    )
    qdpx = build_qdpx(
        tmp_path / "qc.qdpx", project_xml(source), {"sources/rm41.txt": TEXT.encode()}
    )
    result = read_qdpx(qdpx).codings["Alice"]
    first, second = coded_segments(result)
    # the selection is kept as the program made it: label and line break
    assert (first.start, first.end) == line(2)
    assert first.text == "Bridget: Honestly the biggest problem has been money.\n"
    # the quote is the participant's words
    assert first.one_line == "Honestly the biggest problem has been money."
    assert first.written == "Honestly the biggest problem has been money."
    assert first.cited == (
        f'"Honestly the biggest problem has been money." [RM41, rm41:{line(2)[0]}-{line(2)[1]}]'
    )
    # only the label is left out: the participant's own "Bridget's" and the words after a
    # label-like "Interviewer:" inside the line stay
    assert second.one_line == "Bridget's team is fine. Interviewer: asked again."


def test_a_selection_starting_on_the_words_is_quoted_whole(tmp_path: Path) -> None:
    """A selection of the words alone (NVivo, ATLAS.ti) has no label to leave out."""
    start = TEXT.index("Honestly")
    end = TEXT.index(" has been")
    source = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="rm41" '
        f'plainTextPath="internal://rm41.txt">{selection(start, end)}</TextSource>'
    )
    qdpx = build_qdpx(tmp_path / "q.qdpx", project_xml(source), {"sources/rm41.txt": TEXT.encode()})
    (quote,) = coded_segments(read_qdpx(qdpx).codings["Alice"])
    assert (quote.label, quote.one_line) == ("", "Honestly the biggest problem")


def test_a_selection_from_the_interviewers_label_keeps_every_label(tmp_path: Path) -> None:
    """hunt41 s87 HIGH: lines 1-2 selected (the interviewer's question, then Bridget's answer)
    were quoted "How are things with staffing? Bridget: Honestly ..." as Bridget's: the
    interviewer's label was left out as if it were hers, and the question read as her words.
    Only the cited speaker's own label, of a passage all theirs, is left out."""
    start, end = line(1)[0], line(2)[1]
    source = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="rm41" '
        f'plainTextPath="internal://rm41.txt">{selection(start, end)}</TextSource>'
    )
    qdpx = build_qdpx(
        tmp_path / "qc.qdpx", project_xml(source), {"sources/rm41.txt": TEXT.encode()}
    )
    (seg,) = coded_segments(read_qdpx(qdpx).codings["Alice"])
    assert seg.one_line == (
        "Interviewer: How are things with staffing? Bridget: Honestly the biggest problem has "
        "been money."
    )
