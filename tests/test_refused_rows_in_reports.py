"""``roqa report --decisions`` of a review that ``roqa apply-decisions`` stops on (a row without
text whose id is on no segment, the other rows of its transcript found by id alone): the report
is written, one warning gives apply's sentence, and the rows it doubts are carried as no decision
but given to the page to show on their segments with that sentence (hunt47 M2; hunt54 H1 of
session 90's attempt, which left them off the page: Load then Save kept them twice)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from report_fixture import build_result
from test_cli_core import roqa

ROWS = [
    ("p03_interview:0000", "accept", "IC.F"),
    ("p03_interview:0001", "accept", "CI.A"),
    ("p03_interview:0099", "accept", "IC.F"),  # a mistyped id: past p03's end
]
WHY = (
    "unknown segment id 'p03_interview:0099' (row 4): no row of its transcript with text is on "
    "its own segment to show that these are the codings the review was made on (are they the "
    "codings the review was made on? give those codings, or their folder; or load the file into "
    "the report of the codings the review was made on and save it again, which adds the rows' "
    "text (Load decisions, Save decisions); else delete the rows)"
)


def _json(page: Path, name: str) -> object:
    html = page.read_text(encoding="utf-8")
    found = re.search(rf'<script type="application/json" id="roqa-{name}">(.*?)</script>', html)
    assert found is not None
    return json.loads(found.group(1))


def test_a_report_warns_as_apply_stops_and_gives_the_doubted_rows_to_their_segments(
    tmp_path: Path,
) -> None:
    coded = tmp_path / "coded"
    build_result().save(coded)
    f = tmp_path / "decisions.csv"
    f.write_text(
        "segment_id,decision,code_id,new_code,note\n"
        + "".join(f"{s},{d},{c},,\n" for s, d, c in ROWS),
        encoding="utf-8",
    )
    apply = roqa("apply-decisions", coded, "--decisions", f, "-o", tmp_path / "rev", "--coder", "A")
    assert apply.code == 2
    assert f"roqa: error: {f}: {WHY}\n" in apply.err
    page = tmp_path / "r.html"
    run = roqa("report", coded, "--decisions", f, "--out", page)
    assert run.code == 0
    assert [line for line in run.err.splitlines() if "unknown segment id" in line] == [
        f"roqa: warning: {f}: {WHY}; roqa apply-decisions and roqa train stop on this file, and "
        "this report shows the 2 rows without text found by segment id alone in that transcript "
        "on their segments with this reason, decided only when decided there again"
    ]
    assert run.out.startswith(
        f"decisions: 0 carried into the report from {f}; 1 matches no segment: "
        "p03_interview:0099 (row 4)\n"
    )
    assert _json(page, "decisions") == []
    assert _json(page, "refused") == {
        "why": WHY,
        "rows": [
            ["p03_interview:0000", "p03_interview:0000", "accept", "IC.F", "", "", ""],
            ["p03_interview:0001", "p03_interview:0001", "accept", "CI.A", "", "", ""],
        ],
        "because": [["p03_interview:0099", "accept", "IC.F", "", "", ""]],
    }
    assert _json(page, "unmatched")["rows"] == [
        ["p03_interview:0099", "accept", "IC.F", "", "", ""]
    ]  # type: ignore[index]
