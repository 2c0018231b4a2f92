"""The files a command wrote are listed a line each, their paths in one column."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.cli._app import file_lines


def test_the_paths_line_up_after_the_longest_name() -> None:
    """`roqa code ... --codebook cfir-2022` listed `codings.cfir-2022.csv` out of the column
    the other files' paths are in (s51 docs, finding 5)."""
    out = Path("coded-2022")
    names = ["codings.jsonl", "codings.csv", "transcripts.jsonl", "run.json"]
    names += ["codings.cfir-2022.csv", "report.html"]
    assert file_lines({n: out / n for n in names}) == [
        "  codings.jsonl          coded-2022/codings.jsonl",
        "  codings.csv            coded-2022/codings.csv",
        "  transcripts.jsonl      coded-2022/transcripts.jsonl",
        "  run.json               coded-2022/run.json",
        "  codings.cfir-2022.csv  coded-2022/codings.cfir-2022.csv",
        "  report.html            coded-2022/report.html",
    ]


def test_the_usual_files_keep_their_column() -> None:
    out = Path("coded")
    names = ["codings.jsonl", "transcripts.jsonl", "report.html"]
    assert file_lines({n: out / n for n in names}) == [
        "  codings.jsonl      coded/codings.jsonl",
        "  transcripts.jsonl  coded/transcripts.jsonl",
        "  report.html        coded/report.html",
    ]
    assert file_lines({}) == []
