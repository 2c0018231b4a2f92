"""Specification (study10 tester, session 80, D5): `roqa report imported/` stops, as `roqa
import` keeps each coder's codings in a folder of their own, but README's "A week of work" and
the `roqa import` lines of README and docs/cli.md did not say so. They now name the folder,
imported/codings/NAME, and show the `roqa report imported/codings/NAME` line."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _said(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def test_the_week_of_work_says_the_import_folder_is_per_coder() -> None:
    said = _said("README.md")
    week = said[said.index("A week of work") : said.index("## What `roqa code` writes")]
    assert (
        "And back: `roqa import project.qdpx --out imported/` writes each coder's codings in a "
        "folder of their own, `imported/codings/NAME`" in week
    )
    assert "`roqa report imported/codings/Alice --table table2.docx`" in week


def test_the_import_lines_show_the_report_of_one_coders_folder() -> None:
    # alice-table2.docx: the quick-start's later `roqa report reviewed/ --table table2.docx` would
    # replace a table2.docx of Alice's codings unsaid (docs2 tester, session 81, #8)
    line = ".venv/bin/roqa report imported/codings/Alice --table alice-table2.docx"
    for name in ("README.md", "docs/cli.md"):
        text = (ROOT / name).read_text(encoding="utf-8")
        after = text[text.index(".venv/bin/roqa import project.qdpx --out imported/") :]
        assert after.splitlines()[1].startswith(line), name
    assert "roqa report reviewed/codings/Alice --table table2.docx" in _said("docs/refi-qda.md")
