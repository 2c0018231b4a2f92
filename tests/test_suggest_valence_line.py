"""Specification of the valence line ``roqa suggest`` prints under its table: a valence below
the line Table 2 marks with ‡ is marked and called unsure there too (blind tester, session 42:
"valence of the text: enabler (p=0.562)" read as sure, while Table 2 would mark the quote)."""

from __future__ import annotations

from roqa_nlp.cli.code_cmd import text_valence_line


def test_a_valence_below_the_line_is_marked_unsure_as_table_2_marks_it() -> None:
    assert text_valence_line("enabler", 0.562) == (
        "valence of the text: enabler (p=0.562) ‡ valence unsure (below 0.6: it may well be "
        "the other side), whichever code applies"
    )


def test_a_valence_just_below_the_line_is_not_shown_as_on_it() -> None:
    assert text_valence_line("barrier", 0.5997) == (
        "valence of the text: barrier (p=0.5997) ‡ valence unsure (below 0.6: it may well be "
        "the other side), whichever code applies"
    )


def test_a_valence_at_or_above_the_line_is_not_marked() -> None:
    assert text_valence_line("barrier", 0.6) == (
        "valence of the text: barrier (p=0.600), whichever code applies"
    )


def test_a_valence_without_a_probability_is_not_marked() -> None:
    assert text_valence_line("neutral", None) == (
        "valence of the text: neutral, whichever code applies"
    )


def test_the_line_docs_cli_shows_is_the_one_printed() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text("utf-8")
    assert f"`{text_valence_line('enabler', 0.506)}`" in " ".join(doc.split())
