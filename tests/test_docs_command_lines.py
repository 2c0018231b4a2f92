"""Specification: every command line in the code blocks of README.md and docs/ runs as pasted
into a shell at the root of a clone after `make demo`, which puts `roqa` in .venv/bin, not on
PATH. Before (s86 docswalk D1, D2), agreement.md, refi-qda.md, report.md and performance.md wrote
a bare `roqa ...` ("command not found") and performance.md `pip install 'roqa_nlp[fast]'`, which
asks the package index instead of installing the clone's extra into its .venv."""

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


def test_every_pip_line_installs_an_extra_of_the_clone_into_its_venv() -> None:
    pips = [(where, text) for where, text in _command_lines() if "pip" in text.split()[0]]
    wrong = [
        where
        for where, text in pips
        if not re.fullmatch(r"\.venv/bin/pip install -e '\.\[(fast|ray|dev)\]'( +#.*)?", text)
    ]
    assert [text for _, text in pips][:2] == [
        ".venv/bin/pip install -e '.[fast]' # the fast extra (onnxruntime, model2vec), into the "
        "clone's .venv",
        ".venv/bin/pip install -e '.[ray]' # the ray extra, into the clone's .venv",
    ]
    assert wrong == []
