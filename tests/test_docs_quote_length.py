"""docs/report.md, "How long a quote is": the Word table (and the .xlsx and .csv) quote a
segment whole, however long; only the report's own Table 2 shows the first 40 words of a quote
longer than 45, with "… more". Session 88 (daily23 D4): the Word table's 26 quotes ran 60-128
words and the docs said nothing of the Word table's length."""

from __future__ import annotations

import re
from pathlib import Path

from report_fixture import Interview, build_result
from roqa_nlp.framework import barriers_enablers
from roqa_nlp.report import write_report
from roqa_nlp.report.fragments import SHORT_QUOTE_WORDS

REPO = Path(__file__).resolve().parents[1]
#: a participant's answer of 60 words, one segment
LONG = " ".join(f"word{k}" for k in range(1, 60)) + " end."


def test_a_long_quote_is_whole_in_the_word_table_and_cut_on_the_reports_page(
    tmp_path: Path,
) -> None:
    from test_framework import docx_rows

    said: Interview = [
        ("I", [("How is the culture there?", [], {})]),
        ("P01", [(LONG, [("IS.C", 0.9, "enabler")], {})]),
    ]
    result = build_result({"p01_interview": ("P01", said)})
    table = barriers_enablers(result, "cfir-2009")
    table.to_docx(tmp_path / "table2.docx", quotes=1)
    assert LONG in table.to_csv()
    quotes = [t for row in docx_rows(tmp_path / "table2.docx") for c in row for t in c if "“" in t]
    assert quotes == [f"\u201c{LONG}\u201d (P01)"]
    write_report(result, tmp_path / "report.html", "cfir-2009")
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    (shown,) = re.findall(r'<table class="table2">.*?<span class="qtext">([^<]*)<', html, re.S)
    assert shown == " ".join(LONG.split()[:SHORT_QUOTE_WORDS])


def test_the_docs_say_the_pages_cut_as_the_code_makes_it() -> None:
    docs = " ".join((REPO / "docs/report.md").read_text(encoding="utf-8").split())
    assert (
        f"it shows the first {SHORT_QUOTE_WORDS} words of one longer than "
        f"{SHORT_QUOTE_WORDS + 5} words" in docs
    )
    assert "The Word table, the `.xlsx` and the `.csv` give each quote whole" in docs
