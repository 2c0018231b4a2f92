"""Library warnings reach the command line as one plain line each."""

from __future__ import annotations

import warnings

import pytest

from roqa_nlp.cli import _warning_printer
from roqa_nlp.errors import RoqaWarning, warn


def test_warn_names_the_file_first_on_one_line() -> None:
    with pytest.warns(RoqaWarning) as got:
        warn("two lines\nof text", path="p01.txt")
    assert [str(w.message) for w in got] == ["p01.txt: two lines of text"]


def test_cli_prints_a_roqa_warning_as_one_line_without_source_location(capsys) -> None:
    show = _warning_printer(warnings.showwarning)
    show(RoqaWarning("p01.txt: guessed the interviewer"), RoqaWarning, "x.py", 12)
    assert capsys.readouterr().err == "roqa: warning: p01.txt: guessed the interviewer\n"


def test_cli_leaves_other_warnings_as_python_shows_them(capsys) -> None:
    seen: list[tuple[str, str, int]] = []
    show = _warning_printer(lambda m, c, f, n, *rest: seen.append((str(m), f, n)))
    show(FutureWarning("old"), FutureWarning, "lib.py", 7)
    assert seen == [("old", "lib.py", 7)]
    assert capsys.readouterr().err == ""


def test_a_warning_said_twice_in_one_command_is_printed_once(capsys) -> None:
    """roqa report --table checked the codebook for the report and again for Table 2, so the
    same warning line came twice (session 28)."""
    import warnings

    from roqa_nlp.cli import _warning_printer
    from roqa_nlp.errors import RoqaWarning

    show = _warning_printer(warnings.showwarning)
    for text in (
        "codings made with another codebook",
        "a.txt: odd",
        "codings made with another codebook",
    ):
        show(RoqaWarning(text), RoqaWarning, "x.py", 1)
    assert capsys.readouterr().err.splitlines() == [
        "roqa: warning: codings made with another codebook",
        "roqa: warning: a.txt: odd",
    ]
