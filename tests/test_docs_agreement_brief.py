"""docs/agreement.md answers, in a short box above its long sections, the three questions a
researcher asks first: what unit is compared; a coder with no row vs an empty code; several
codes on one unit. The answers were there, but only in paragraphs of a 450-line page (team
test, session 47)."""

from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "agreement.md"


def brief() -> list[str]:
    lines = DOC.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("> **In brief.**"))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith(">"))
    assert start < lines.index("## Inputs and coders")
    return lines[start:end]


def test_the_brief_comes_before_the_inputs_and_is_short() -> None:
    assert 1 <= len(brief()) <= 12


def test_the_brief_answers_unit_missing_and_several_codes() -> None:
    text = " ".join(line.lstrip("> ") for line in brief())
    assert "*What is compared*: for each code, whether each coder applied it to each unit" in text
    assert "*No row vs an empty code*" in text and 'it is missing for them, not "no code"' in text
    assert '"coded with nothing", which agrees with another coder\'s nothing' in text
    assert "*Several codes on one unit*: each is present there" in text
