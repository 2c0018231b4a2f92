"""A CSV row with more fields than its header, a field past the header holding text, is a
one-line error naming the file, the line and both counts: an unquoted code cell typed with
commas (``Ana,rm01:0005,Leadership Engagement, External Policy & Incentives``) was split into
fields and every code past the header was dropped without a word, so agreement was computed on
half the codes (session 47, team test). Decisions files and labelled records are read by the
same check (:func:`roqa_nlp.io.rows_within_header`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.coding_agreement import read_long_csv
from roqa_nlp.decisions import read_decisions
from roqa_nlp.errors import RoqaError
from roqa_nlp.record_files import read_records


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_long_csv_row_with_an_unquoted_comma_cell_is_an_error(tmp_path: Path) -> None:
    p = write(
        tmp_path / "comma.csv",
        "coder,unit,code\nAna,u1,Culture\n"
        "Ana,u2,Leadership Engagement, External Policy & Incentives\nBen,u1,Culture\n",
    )
    with pytest.raises(RoqaError) as exc:
        read_long_csv(p)
    assert str(exc.value) == (
        f"{p}: line 3 has 4 fields but the header 3, so the text past the header "
        "('External Policy & Incentives') would be lost (put quotes around a cell that holds a "
        "comma (a code), as Excel does, and separate the codes of one cell with ';' (Culture; "
        "Cost))"
    )


def test_the_line_counts_blank_lines_above_the_header(tmp_path: Path) -> None:
    p = write(tmp_path / "c.csv", "\n\nunit;coder;code\nu1;A;Cost\nu1;B;Cost;Culture;\n")
    with pytest.raises(RoqaError, match=r"c\.csv: line 5 has 5 fields but the header 3, so "):
        read_long_csv(p)


def test_empty_fields_past_the_header_lose_nothing(tmp_path: Path) -> None:
    cu = read_long_csv(write(tmp_path / "c.csv", "unit,coder,code\nu1,A,Cost,,\nu1,B,Cost\n"))
    assert cu.codings == {"A": {"u1": {"Cost"}}, "B": {"u1": {"Cost"}}}


def test_a_decisions_row_with_an_unquoted_comma_note_is_an_error(tmp_path: Path) -> None:
    p = write(
        tmp_path / "decisions.csv",
        "segment_id,decision,code_id,note\ns:1,accept,IC.A,fits, but only just\n",
    )
    with pytest.raises(RoqaError) as exc:
        read_decisions(p)
    assert str(exc.value) == (
        f"{p}: line 2 has 5 fields but the header 4, so the text past the header "
        "('but only just') would be lost (put quotes around a cell that holds a comma (a note, "
        "a text), as Excel does)"
    )


def test_a_decisions_row_shorter_than_the_header_still_reads(tmp_path: Path) -> None:
    p = write(tmp_path / "d.csv", "segment_id,decision,code_id,note\ns:1,accept,IC.A\n")
    (d,), _ = read_decisions(p)
    assert (d.segment_id, d.decision, d.code_id, d.note) == ("s:1", "accept", "IC.A", "")


def test_a_record_row_with_an_unquoted_comma_is_an_error(tmp_path: Path) -> None:
    p = write(tmp_path / "r.csv", "text,construct\nWe had no staff,Available Resources, Cost\n")
    with pytest.raises(RoqaError) as exc:
        read_records(p)
    assert str(exc.value) == (
        f"{p}: line 2 has 3 fields but the header 2, so the text past the header ('Cost') "
        "would be lost (put quotes around a cell that holds a comma (a text), as Excel does, and "
        "separate the codes of one cell with ';' (Culture; Cost))"
    )


def test_a_transcript_turn_typed_with_unquoted_commas_is_read_whole(tmp_path: Path) -> None:
    """``P04,We had no staff, no money and no time at all`` under ``speaker,text``: the turn was
    read as 'We had no staff' (4 words of 11), the rest dropped unsaid (session 47). The text is
    the header's last column, so the fields past it are its words, joined back, and one warning
    names the rows; the offsets still point into the transcript's text."""
    from roqa_nlp import read_transcript
    from roqa_nlp.errors import RoqaWarning

    p = write(
        tmp_path / "p04.csv",
        "speaker,text\nInterviewer,What gets in the way?\n"
        "P04,We had no staff, no money and no time at all,,\nP04,And, well,, that was that.\n",
    )
    with pytest.warns(RoqaWarning) as caught:
        t = read_transcript(p)
    assert [str(w.message) for w in caught] == [
        f"{p}: lines 3, 4 have more fields than the header: the commas past the text column were "
        "read as part of the text (put quotes around a text cell holding a comma to be sure)"
    ]
    words = [t.text[turn.start : turn.end] for turn in t.turns if turn.role == "participant"]
    assert words == ["We had no staff, no money and no time at all And, well,, that was that."]


def test_a_transcript_turn_with_unquoted_commas_before_its_times_is_an_error(
    tmp_path: Path,
) -> None:
    p = write(
        tmp_path / "p04.csv",
        "speaker,text,start\nInterviewer,What gets in the way?,0\nP04,No staff, no money,5\n",
    )
    from roqa_nlp import read_transcript

    with pytest.raises(RoqaError) as exc:
        read_transcript(p)
    assert str(exc.value) == (
        f"{p}: line 3 has 4 fields but the header 3: its text holds a comma with no quotes around "
        "it, so its words would be read as the times (put quotes around a cell that holds a comma "
        "(a turn's text), as Excel does)"
    )


def test_a_semicolon_transcript_turn_with_an_unquoted_semicolon_says_the_delimiter(
    tmp_path: Path,
) -> None:
    from roqa_nlp import read_transcript
    from roqa_nlp.errors import RoqaWarning

    p = write(tmp_path / "p07.csv", "speaker;text\nP07;Hard, we had no time; no staff.\n")
    with pytest.warns(RoqaWarning) as caught:
        t = read_transcript(p)
    assert [str(w.message) for w in caught] == [
        f"{p}: line 2 has more fields than the header: the delimiters past the text column were "
        "read as part of the text (put quotes around a text cell holding the delimiter to be "
        "sure)"
    ]
    assert t.text[t.turns[0].start : t.turns[0].end] == "Hard, we had no time; no staff."


def test_a_transcript_wide_row_below_a_multi_line_turn_names_the_files_line(
    tmp_path: Path,
) -> None:
    """Session 48: the transcript reader numbered the parsed rows, so a quoted turn over three
    lines above the wide row made its line 5 "row 3"; it is read by rows_within_header as every
    table is, and names the file's line, as decisions and records do. A title above the header
    counts too."""
    from roqa_nlp import read_transcript
    from roqa_nlp.errors import RoqaWarning

    p = write(
        tmp_path / "p04.csv",
        'speaker,text,start\nInterviewer,"What gets\nin the\nway?",0\nP04,No staff, no money,5\n',
    )
    with pytest.raises(RoqaError, match=r"p04\.csv: line 5 has 4 fields but the header 3: "):
        read_transcript(p)
    p = write(
        tmp_path / "p05.csv",
        'Interview 5\nspeaker,text\nInterviewer,"What gets\nin the way?"\nP05,No staff, no money\n',
    )
    with pytest.warns(RoqaWarning) as caught:
        t = read_transcript(p)
    assert [str(w.message) for w in caught] == [
        f"{p}: line 5 has more fields than the header: the commas past the text column were "
        "read as part of the text (put quotes around a text cell holding a comma to be sure)"
    ]
    assert t.text[t.turns[-1].start : t.turns[-1].end] == "No staff, no money"


def test_every_table_gives_the_same_hint_for_a_row_wider_than_its_header() -> None:
    """Session 48: the hint was written three times, nearly word for word."""
    from roqa_nlp.io import too_many_fields_hint

    assert too_many_fields_hint("a note, a text") == (
        "put quotes around a cell that holds a comma (a note, a text), as Excel does"
    )
    assert too_many_fields_hint("a code", codes=True) == (
        "put quotes around a cell that holds a comma (a code), as Excel does, and separate the "
        "codes of one cell with ';' (Culture; Cost)"
    )
