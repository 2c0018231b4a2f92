"""Specification: the README and docs/report.md say how much off-framework talk the report's
*Coded, but weakly* list held with the measurements behind it, both blind tests' (10 of 30 theme
turns; tester study8, session 78: 3 of 19 theme segments, 5 of 19 with the open-coding queue,
and 3 of the list's 6 entries CFIR talk; session 85's 27 held-out interviews with gold: 1 of 23
theme segments among 67 CFIR ones, benchmarks/results/open_queue_weak.json), and no longer promise "a third to a half" of such talk,
which the second test did not bear out (16 %)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _said(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())


def test_the_readme_gives_both_measurements_of_the_weakly_coded_list() -> None:
    said = _said("README.md")
    assert "a third to a half" not in said
    assert (
        "in two blind tests that list held 10 of 30 such turns and 3 of 19 such segments (5 of 19 "
        "with those flagged for open coding), and in the second 3 of its 6 entries were CFIR talk"
        in said
    )


def test_the_report_docs_give_both_blind_tests_and_their_sources() -> None:
    said = _said("docs/report.md")
    assert "a third to a half" not in said
    assert "10 of the 30 theme turns were here (a third)" in said
    assert "No CFIR turn (0 of 16) was coded weakly" in said
    assert "(tester study8, session 78)" in said
    assert (
        "3 of the 19 theme segments were here (16 %), and 5 of 19 (26 %) with the 2 flagged for "
        "open coding. The list's other 3 entries, of 6, were CFIR talk." in said
    )


def test_both_docs_give_the_measurement_on_whole_held_out_interviews() -> None:
    """The third measurement (session 85) says the list is mostly CFIR talk on real interviews."""
    readme = _said("README.md")
    assert "on 27 whole interviews it held 1 of 23 theme segments among 67 CFIR ones" in readme
    report = _said("docs/report.md")
    assert (
        "the list held 75 segments, 67 of them CFIR talk coded unsurely, and 1 of the 23 theme "
        "segments; 14 themes were charted as confident CFIR codes and 7 set aside." in report
    )
    assert "18 of them CFIR talk only and none holding a theme" in report
