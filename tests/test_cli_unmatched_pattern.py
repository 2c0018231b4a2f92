"""A shell pattern that reaches roqa as typed is said a pattern, not a file or folder not found.

Mistakes tester, session 52: ``roqa code 'study/*.vtt'`` (a pattern that matched nothing, which
the shell passes on as typed) said ``study/*.vtt: file or folder not found``, and ``roqa agree
'cod*' rev`` said ``cod*/: folder not found``; neither said that no file matched the pattern.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from test_cli_core import roqa

NO_MATCH = "no file or folder matches this pattern (check it, or give the files or their folder)"


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder ``study`` holding one transcript, and the working directory above it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "study").mkdir()
    (tmp_path / "study" / "p01.txt").write_text("I: How is it?\nP01: It works well.\n")
    return tmp_path


@pytest.mark.parametrize(
    ("args", "pattern"),
    [
        (["code", "study/*.vtt", "--out", "out"], "study/*.vtt"),
        (["inspect", "study/*.vtt"], "study/*.vtt"),
        (["agree", "cod*", "rev"], "cod*"),
        (["agree", "cod?/", "rev/"], "cod?/"),
        (["report", "cod*"], "cod*"),
        (["report", "coded/*.jsonl"], "coded/*.jsonl"),
        (["export", "cod*", "--qdpx", "p.qdpx"], "cod*"),
        (["apply-decisions", "cod*", "--out", "out", "--coder", "ann"], "cod*"),
        (["evaluate", "gold*.jsonl"], "gold*.jsonl"),
        (["train", "data*", "--out", "out"], "data*"),
        (["import", "*.qdpx", "--out", "out"], "*.qdpx"),
        (["codebook", "book*.json"], "book*.json"),
        (["code", "study", "--out", "out", "--model", "model*"], "model*"),
        (["suggest", "It works well.", "--model", "model*"], "model*"),
        # an option's value joined by = (s53 code review, finding 5)
        (["code", "study", "--out", "out", "--codebook=cb*.json"], "cb*.json"),
        (["suggest", "It works well.", "--model=model*"], "model*"),
    ],
)
def test_a_pattern_that_matches_nothing_is_said_one(
    args: list[str], pattern: str, study: Path
) -> None:
    assert tuple(roqa(*args)) == (2, "", f"roqa: error: {pattern}: {NO_MATCH}\n")
    assert sorted(p.name for p in study.iterdir()) == ["study"]  # nothing written


def test_a_transcripts_pattern_that_matches_nothing_is_said_one_by_pseudonymise(
    study: Path,
) -> None:
    run = roqa("pseudonymise", "study/*.vtt", "--key", "key.csv", "--out", "out")
    assert run.code == 2
    # the key is read first, and said new (nothing is written)
    assert run.err.splitlines()[-1] == f"roqa: error: study/*.vtt: {NO_MATCH}"
    assert sorted(p.name for p in study.iterdir()) == ["study"]


@pytest.mark.parametrize("option", ["--key", "--pseudonymise"])
def test_a_key_pattern_that_matches_nothing_starts_no_key(option: str, study: Path) -> None:
    command = "pseudonymise" if option == "--key" else "code"
    run = roqa(command, "study", option, "keys/*.csv", "--out", "out")
    assert tuple(run) == (2, "", f"roqa: error: keys/*.csv: {NO_MATCH}\n")
    assert sorted(p.name for p in study.iterdir()) == ["study"]  # no key, no output folder


def test_a_quoted_pattern_that_matches_is_said_to_want_no_quotes(study: Path) -> None:
    (study / "study" / "p02.txt").write_text("I: And now?\nP02: Still well.\n")
    assert tuple(roqa("inspect", "study/*.txt")) == (
        2,
        "",
        "roqa: error: study/*.txt: is a pattern, which 2 files or folders match (study/p01.txt, "
        "study/p02.txt), passed on as typed since it was quoted (leave out the quotes so that "
        "the shell gives roqa the files)\n",
    )


def test_a_missing_path_without_a_pattern_is_still_not_found(study: Path) -> None:
    assert tuple(roqa("inspect", "study/p03.txt")) == (
        2,
        "",
        "roqa: error: study/p03.txt: file or folder not found (check the path)\n",
    )


def test_a_pattern_matching_only_in_another_case_says_so(study: Path) -> None:
    """docswalk s86, L7: `roqa inspect 'zoom/*.VTT'` beside .vtt files said only that nothing
    matched: the hint names the files the pattern matches with upper and lower case aside."""
    (study / "study" / "p02.vtt").write_text("WEBVTT\n")
    run = roqa("inspect", "study/*.TXT")
    assert run.code == 2
    assert run.err.strip() == (
        "roqa: error: study/*.TXT: no file or folder matches this pattern (it tells upper from "
        "lower case, and study/p01.txt matches it in another case: write it as the names are "
        "written)"
    )
    run = roqa("inspect", "study/P0*")
    assert run.err.strip() == (
        "roqa: error: study/P0*: no file or folder matches this pattern (it tells upper from "
        "lower case, and study/p01.txt, study/p02.vtt match it in another case: write it as the "
        "names are written)"
    )
