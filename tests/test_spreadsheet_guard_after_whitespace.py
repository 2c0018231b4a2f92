"""A cell whose text opens with whitespace before ``= + - @`` is guarded as one opening with it.

Session 88 (hunt43 D5): :func:`roqa_nlp.io.spreadsheet_safe` looked at the first character only,
so a text kept unstripped (``' =HYPERLINK("x")'``, ``'\\n=1+1'``) was written unguarded, although
a spreadsheet may drop the whitespace and run the rest. OWASP's advice against CSV injection is
that no cell begins with such a character: the first one that is no whitespace is what counts.
Every text must still read back as it was, in roqa (decisions lists) and in the report's page
(Load decisions), which guards and reads the CSV it saves as roqa does.
"""

from __future__ import annotations

import json
from pathlib import Path

from roqa_nlp.decisions import read_decisions
from roqa_nlp.io import spreadsheet_csv, spreadsheet_safe, spreadsheet_text

#: each text, as spreadsheet_safe writes it
WRITTEN = {
    ' =HYPERLINK("x")': '\' =HYPERLINK("x")',
    "\n=1+1": "'\n=1+1",
    "\r\n@SUM(A1)": "'\r\n@SUM(A1)",
    "  -5": "'  -5",
    "\u00a0+1": "'\u00a0+1",
    "=1": "'=1",
    "\t1": "'\t1",
    # a lone - or + runs nothing, with whitespace before it or not
    "-": "-",
    " -": " -",
    "\n+": "\n+",
    # text of no formula is written as it is
    " hello": " hello",
    "\nfine = good": "\nfine = good",
    "'quoted'": "'quoted'",
    "'": "'",
    "": "",
    # an apostrophe of the text's own before such a start is kept: one more before it
    "'=1": "''=1",
    "' =1": "'' =1",
    "''-2": "'''-2",
}


def test_a_formula_after_whitespace_is_guarded_and_every_text_reads_back_as_it_was() -> None:
    assert {text: spreadsheet_safe(text) for text in WRITTEN} == WRITTEN
    assert {text: spreadsheet_text(cell) for text, cell in WRITTEN.items()} == {
        text: text for text in WRITTEN
    }


def test_a_decisions_list_keeps_a_note_that_opens_with_a_space_before_a_formula(
    tmp_path: Path,
) -> None:
    review = tmp_path / "decisions.csv"
    rows = [
        ["segment_id", "decision", "code_id", "new_code", "note", "text", "valence"],
        ["p01:0001", "accept", "IS.E.2", "", ' =HYPERLINK("x")', "Staff were short.", ""],
        ["p01:0002", "new-code", "", "'=1 club", "'=1", "We met weekly.", ""],
    ]
    written = spreadsheet_csv(rows)
    assert written.splitlines()[1:] == [
        'p01:0001,accept,IS.E.2,,"\' =HYPERLINK(""x"")",Staff were short.,',
        "p01:0002,new-code,,''=1 club,''=1,We met weekly.,",
    ]
    review.write_text(written, encoding="utf-8")
    decisions, _ = read_decisions(review)
    assert [(d.note, d.new_code) for d in decisions] == [
        (' =HYPERLINK("x")', ""),
        ("'=1", "'=1 club"),
    ]


def test_the_reports_page_guards_and_reads_back_each_cell_as_roqa_does() -> None:
    from report_fixture import node_prints, report_js_functions, report_js_vars

    script = (
        report_js_vars("FORMULA_START", "SPREADSHEET_SPACE")
        + report_js_functions("runsInSpreadsheet", "csvField", "unprotect")
        + f"\nvar texts = {json.dumps(list(WRITTEN))};"
        + "\nconsole.log(JSON.stringify([texts.map(function (t) {"
        + ' return runsInSpreadsheet(t) ? "\'" + t : t; }),'
        + ' texts.map(function (t) { return unprotect(runsInSpreadsheet(t) ? "\'" + t : t); }),'
        + ' csvField(" =1")]));'
    )
    guarded, read, field = node_prints(script)
    assert guarded == list(WRITTEN.values())
    assert read == list(WRITTEN)
    assert field == "' =1"
