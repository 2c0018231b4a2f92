"""Specification: Table 2 as a CSV or workbook heads its row column as the report does:
``construct`` in a CFIR codebook, ``code`` in a codebook of a project's own (tester, session 52:
the HTML said "Code", the CSV "construct"; docs/codebooks.md: "Table 2's column is headed
"Code", not CFIR's "Construct"")."""

from __future__ import annotations

import json
from pathlib import Path

from roqa_nlp.codebook import Codebook
from roqa_nlp.framework import barriers_enablers
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run
from test_own_codebook_review import own_codebook


def coded(codes: list[tuple[str, str]]) -> CodingResult:
    segs = [
        SegmentResult(
            Segment(f"p01:{i}", "p01", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9),
            [Suggestion(c, n, None, 1.0, valence="barrier")],
        )
        for i, (c, n) in enumerate(codes)
    ]
    return CodingResult(segs, meta={"user": {"name": "Ann"}})


def own_book(tmp_path: Path) -> Codebook:
    path = tmp_path / "own.json"
    path.write_text(json.dumps(own_codebook()), "utf-8")
    return Codebook.load(path)


def test_an_own_codebooks_table_2_heads_its_rows_code(tmp_path: Path) -> None:
    table = barriers_enablers(coded([("STAFF", "Staffing and workload")]), own_book(tmp_path))
    assert table.unit == "code"
    assert table.rows()[0][:4] == ["domain_id", "domain", "code_id", "code"]
    assert table.rows()[1][:4] == ["ORG", "Inside", "STAFF", "Staffing and workload"]


def test_a_cfir_table_2_heads_its_rows_construct(tmp_path: Path) -> None:
    table = barriers_enablers(coded([("IC.H", "Cost")]), "cfir-2009")
    assert table.rows()[0][:4] == ["domain_id", "domain", "code_id", "construct"]


def test_agree_given_an_own_codebooks_table_2_says_what_it_is(tmp_path: Path, capsys) -> None:
    table = barriers_enablers(coded([("STAFF", "Staffing and workload")]), own_book(tmp_path))
    path = tmp_path / "table2.csv"
    table.to_csv(path)
    code, _, err = run(["agree", str(path)], capsys)
    assert code == 2
    assert "is Table 2 (the barriers/enablers table) roqa report wrote, not codings" in err
