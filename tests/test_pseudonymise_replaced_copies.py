"""``roqa pseudonymise`` run again into its folder says the earlier copies it replaced.

Mistakes tester, session 52: rerunning ``roqa pseudonymise study --key key.csv --out ps1``
replaced the earlier copies without a word, where ``roqa code`` and ``roqa train`` say
"replaced" of what they write over.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The working directory, holding ``study`` with two transcripts and a key for them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "study").mkdir()
    for n in (1, 2):
        (tmp_path / "study" / f"p0{n}.txt").write_text(f"I: How is it?\nP0{n}: It works.\n")
    (tmp_path / "key.csv").write_text("name,pseudonym\nAnn Lee,P01\n", encoding="utf-8")
    return tmp_path


def _notes(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("roqa: note:")]


def test_a_first_run_replaces_nothing(study: Path) -> None:
    run = roqa("pseudonymise", "study", "--key", "key.csv", "--out", "ps1")
    assert run.code == 0, run.err
    assert _notes(run.err) == []


def test_a_run_again_says_the_copies_it_replaced(study: Path) -> None:
    assert roqa("pseudonymise", "study", "--key", "key.csv", "--out", "ps1").code == 0
    run = roqa("pseudonymise", "study", "--key", "key.csv", "--out", "ps1")
    assert run.code == 0, run.err
    assert _notes(run.err) == ["roqa: note: replaced 2 earlier copies in ps1 (p01.txt, p02.txt)"]


def test_a_run_of_one_transcript_says_the_one_copy_it_replaced(study: Path) -> None:
    assert roqa("pseudonymise", "study", "--key", "key.csv", "--out", "ps1").code == 0
    run = roqa("pseudonymise", "study/p02.txt", "--key", "key.csv", "--out", "ps1")
    assert run.code == 0, run.err
    assert _notes(run.err) == ["roqa: note: replaced 1 earlier copy in ps1 (p02.txt)"]
