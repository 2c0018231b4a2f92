"""A probability printed beside a rule it was compared with never reads as on the rule's other
side (session 67, S2): 0.3996 under "below 0.40" was printed 0.40 (report.html's quotes, its
suggestions' percentages, its weakly coded list, a rating's reason; the note on talk whose top
suggestion is the researcher's own code; the quick-start's "unsure"). Each now goes through
:func:`roqa_nlp.framework.shown_beside`, which gives as many decimals as it takes."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest

from report_fixture import OPEN_CODING, build_result
from roqa_nlp.codebook import Codebook
from roqa_nlp.framework import coded_segments, rate_construct, shown_beside
from roqa_nlp.open_coding import own_code_verdict
from roqa_nlp.report import render_report
from roqa_nlp.schema import Suggestion

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("p", "two", "three", "percent"),
    [
        (0.3996, "0.3996", "0.3996", "39.96"),
        (0.39999, "0.3999", "0.3999", "39.999"),
        (0.4, "0.40", "0.400", "40"),
        (0.6996, "0.70", "0.700", "69.96"),  # the report's top band is from 70 %
        (0.55, "0.55", "0.550", "55"),
        # at or above a line, rounding onto it reads on its side: no more decimals (hunt s67)
        (0.40004, "0.40", "0.400", "40"),
        (0.104, "0.10", "0.104", "10"),
    ],
)
def test_a_probability_is_shown_on_the_side_of_the_line_it_is_on(
    p: float, two: str, three: str, percent: str
) -> None:
    assert shown_beside(p) == two
    assert shown_beside(p, decimals=3) == three
    assert shown_beside(p, (0.1, 0.4, 0.7), decimals=0, percent=True) == percent


def test_a_mean_just_above_the_strong_line_keeps_two_decimals() -> None:
    assert shown_beside(0.600903, (0.4, 0.6)) == "0.60"
    assert shown_beside(0.5999, (0.4, 0.6)) == "0.5999"


@pytest.mark.parametrize(
    ("p", "shown", "unsure"),
    [(0.3996, "0.3996", True), (0.39999, "0.3999", True), (0.4, "0.40", False)],
)
def test_the_report_shows_a_top_code_just_under_040_below_it(
    p: float, shown: str, unsure: bool
) -> None:
    cfir = Codebook.load("cfir-2009")
    result = build_result()
    first = coded_segments(result, codebook=cfir)[0].segment_id
    s = next(s for s in result if s.segment.id == first)
    s.suggestions = [replace(s.suggestions[0], probability=p)]
    html = render_report(result, cfir, open_coding=OPEN_CODING)
    code = f"{s.top.code_id} {s.top.name}".replace("&", "&amp;")
    percent = {0.3996: "39.96", 0.39999: "39.999", 0.4: "40"}[p]
    assert f'<span class="prob"><span class="bar" style="--p:0.40"></span>{percent}%</span>' in html
    assert f"the barrier segment&#39;s mean probability {shown}: weak" in html
    if unsure:
        assert (
            f'· p={shown} · <span class="unsure code-unsure">code unsure ({shown})</span>' in html
        )
        assert f'<span class="muted">({code}, {shown})</span>' in html
        assert "· p=0.40 ·" not in html
    else:
        assert f"· p={shown}</cite>" in html and f"({code}, " not in html


@pytest.mark.parametrize(
    ("p", "off_topic", "shown"),
    [
        (0.3996, False, "0.3996"),
        (0.39999, False, "0.3999"),
        (0.4, False, "0.400"),
        (0.3996, True, None),
        (0.39999, True, None),
        (0.4, True, "0.400"),
    ],
)
def test_the_note_on_the_researchers_own_code_shows_it_beside_040(
    p: float, off_topic: bool, shown: str | None
) -> None:
    said = own_code_verdict("project.caring", "Caring", p, "construct", off_topic=off_topic)
    if shown is None:
        assert said is None
    else:
        assert said is not None
        assert said[1].startswith(f"nearest of your own codes: Caring (probability {shown}): ")


def test_a_ratings_mean_probability_is_shown_beside_the_strong_line() -> None:
    """Strong needs a mean probability of 0.6: 0.5996 was "0.60: weak"."""
    assert rate_construct([0.5996, 0.5996], [])[2].endswith("mean probability 0.5996: weak")
    assert rate_construct([0.6, 0.6], [])[2].endswith("mean probability 0.60: strong")
    reason = rate_construct([0.9, 0.9], [], valence_probabilities={"barrier": [0.5996]})[2]
    assert reason.endswith("valence probability 0.5996: weak")


def test_the_quickstart_says_unsure_beside_a_probability_below_040() -> None:
    spec = importlib.util.spec_from_file_location("quickstart", REPO / "examples/quickstart.py")
    assert spec is not None and spec.loader is not None
    quickstart = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(quickstart)

    def said(p: float) -> str:
        return quickstart.coded_line(
            Suggestion("IS.E.2", "Available Resources", "IS", p, "barrier")
        )

    assert said(0.3996) == "Available Resources (0.3996, barrier, unsure)"
    assert said(0.39999) == "Available Resources (0.3999, barrier, unsure)"
    assert said(0.4) == "Available Resources (0.40, barrier)"
