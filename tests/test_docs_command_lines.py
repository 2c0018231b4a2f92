"""Specification: every command line in the code blocks of README.md and docs/ runs as pasted
into a shell at the root of a clone after `make demo`, which puts `roqa` in .venv/bin, not on
PATH. Before (s86 docswalk D1), agreement.md, refi-qda.md, report.md and performance.md wrote
a bare `roqa ...` ("command not found")."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _command_lines() -> list[tuple[str, str]]:
    """(page:line, text) of each line of a fenced block that starts a command: not Python, not
    output (``roqa: error: ...``), not a comment."""
    found = []
    for page in PAGES:
        inside = False
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("```"):
                inside = not inside
                continue
            words = line.split()
            if not inside or not words or words[0].startswith("#"):
                continue
            while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):  # RAY_ADDRESS=... roqa
                words = words[1:]
            if words and words[0] in {"roqa", "pip", "pip3", ".venv/bin/roqa", ".venv/bin/pip"}:
                found.append((f"{page.relative_to(ROOT)}:{number}", " ".join(words)))
    return found


def test_the_docs_have_command_lines_to_check() -> None:
    assert len(_command_lines()) > 40


def test_every_roqa_line_runs_the_clones_roqa() -> None:
    bare = [where for where, text in _command_lines() if text.split()[0] == "roqa"]
    assert bare == []
