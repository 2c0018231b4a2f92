"""Guards from session 89 (hunt46): a review the researcher left as it was stays as it was.

A change that guarded a formula after leading whitespace (`' - see P03`) made ``roqa code --out``
rewrite an untouched review whose note was typed `` - see P03 too`` and, on the next run, replace
the researcher's ``decisions.before-recode.csv`` with roqa's rewrite; it also took a researcher's
own apostrophe (``' - see P03``) for roqa's guard. It was reverted; these tests keep it out.
"""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.decisions import Decision, append_decisions, keep_before_recode, read_decisions

HEAD = "segment_id,decision,code_id,new_code,note,text,valence\r\n"


def test_coding_again_keeps_the_review_as_the_researcher_left_it(tmp_path: Path) -> None:
    review = tmp_path / "decisions.csv"
    original = (
        HEAD + "p01:0001,accept,IS.E.2,, - see P03 too,Staff were short.,\r\n"
        "p01:0002,reject,IS.C,,'Tis the rota again,We met weekly.,\r\n"
    ).encode()
    review.write_bytes(original)
    for run in (1, 2):
        keep_before_recode(review)
        append_decisions(review, [Decision(segment_id=f"p09:000{run}", decision="no-code")])
    assert (tmp_path / "decisions.before-recode.csv").read_bytes() == original
    assert review.read_bytes().startswith(original)


def test_a_review_saved_with_the_researchers_own_apostrophe_reads_back_as_it_was(
    tmp_path: Path,
) -> None:
    path = tmp_path / "decisions.csv"
    path.write_text(
        HEAD + "p01:0001,accept,IS.E.2,,' - see P03,,\r\np01:0002,new-code,,''=1 rota,,,\r\n",
        encoding="utf-8",
    )
    got = [(d.note, d.new_code) for d in read_decisions(path)[0]]
    assert got == [("' - see P03", ""), ("", "''=1 rota")]
