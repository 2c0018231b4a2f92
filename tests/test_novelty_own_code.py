"""Specification of how a segment flagged as fitting no code is explained when the model's top
suggestion is one of the researcher's own codes (a project code, learned by ``roqa train
--feedback``): it fits no construct of the framework, and the nearest of their own codes is named
with its probability, to check, rather than sending the talk to open coding (blind tester s65,
open, finding 2: "fits no code ... for open coding" under project.peer-staff-wellbeing 0.31).
The flag itself is unchanged; every other case reads as before."""

from __future__ import annotations

import dataclasses
import re

import pytest

from report_fixture import build_result
from roqa_nlp.cli.code_cmd import novelty_verdict_line
from roqa_nlp.codebook import Codebook
from roqa_nlp.framework import row_unit
from roqa_nlp.report import render_report
from roqa_nlp.report.fragments import SegmentRows
from roqa_nlp.schema import Suggestion

FLAG = {"novel": True, "novelty_p": 0.0342, "off_topic": False, "procedural": False}
OWN = Suggestion(
    code_id="project.peer-staff-wellbeing",
    name="Peer staff wellbeing",
    domain=None,
    probability=0.31,
)
CFIR = Suggestion(code_id="IS.D.6", name="Learning Climate", domain="IS", probability=0.24)
#: an own code on top of talk set aside as off-topic, sure (at or above 0.40) and not
SURE_OWN = Suggestion("project.own-caring-duties", "Own caring duties", None, 0.443)
FAINT_OWN = Suggestion("project.own-caring-duties", "Own caring duties", None, 0.02)
CFIR_2009 = Codebook.load("cfir-2009")
#: a team's own codebook file of CFIR codes under an id of its own (hunt s65 h_open D2)
TEAM_CFIR = dataclasses.replace(CFIR_2009, id="team-cfir")


def test_suggest_names_the_researchers_own_code_on_top_instead_of_open_coding() -> None:
    assert novelty_verdict_line(FLAG, OWN, CFIR_2009) == (
        "fits no CFIR construct (novelty p=0.034: unlike the coded examples); nearest of your "
        "own codes: Peer staff wellbeing (probability 0.310): check whether it applies, else it "
        "is for open coding"
    )


def test_a_codebook_other_than_cfir_is_not_called_cfir() -> None:
    assert novelty_verdict_line(FLAG, OWN, Codebook.load("erondu-2021")) == (
        "fits no code of the framework (novelty p=0.034: unlike the coded examples); nearest "
        "of your own codes: Peer staff wellbeing (probability 0.310): check whether it applies, "
        "else it is for open coding"
    )


def test_a_codebook_of_cfir_codes_under_another_id_is_called_cfir_as_table_2_does() -> None:
    """The rule is Table 2's (row_unit): a codebook whose codes are all CFIR codes, whatever
    its id, has constructs (hunt s65 h_open D2: team-cfir got 'code of the framework')."""
    assert row_unit(TEAM_CFIR) == "construct"
    assert novelty_verdict_line(FLAG, OWN, TEAM_CFIR) == (
        "fits no CFIR construct (novelty p=0.034: unlike the coded examples); nearest of your "
        "own codes: Peer staff wellbeing (probability 0.310): check whether it applies, else it "
        "is for open coding"
    )


def test_suggest_keeps_open_coding_when_a_framework_code_is_on_top() -> None:
    assert novelty_verdict_line(FLAG, CFIR, CFIR_2009) == (
        "fits no code (novelty p=0.034: unlike the coded examples): for open coding"
    )
    assert novelty_verdict_line(FLAG, None, CFIR_2009) == (
        "fits no code (novelty p=0.034: unlike the coded examples): for open coding"
    )


def test_suggest_names_the_researchers_own_code_on_top_of_talk_set_aside_too() -> None:
    """Talk set aside as off-topic is still set aside, but the researcher's own code on top is
    named to check: own codes are often the personal-life themes the off-topic class takes
    (tester s66 longitud, 1: a caring turn under its own code at 0.44 read as small talk)."""
    aside = {**FLAG, "off_topic": True}
    assert novelty_verdict_line(aside, SURE_OWN, CFIR_2009) == (
        "fits no CFIR construct (novelty p=0.034: unlike the coded examples); nearest of your "
        "own codes: Own caring duties (probability 0.443): check whether it applies, else it "
        "is set aside as off-topic (small talk, background, personal talk)"
    )
    # under 0.40 it is no nearer than any (hunt s66 h_trainfb: a new puppy at 0.020)
    for faint in (FAINT_OWN, OWN):
        assert novelty_verdict_line(aside, faint, CFIR_2009) == (
            "fits no code (novelty p=0.034: unlike the coded examples): set aside as off-topic "
            "(small talk, background, personal talk)"
        )


def test_suggest_keeps_small_talk_set_aside_when_a_framework_code_is_on_top() -> None:
    aside = {**FLAG, "off_topic": True}
    assert novelty_verdict_line(aside, CFIR, CFIR_2009) == (
        "fits no code (novelty p=0.034: unlike the coded examples): set aside as off-topic "
        "(small talk, background, personal talk)"
    )


def _view(top: Suggestion) -> dict:
    return {
        "id": "t1:0001",
        "anchor": "s0",
        "text": "Nobody looks out for our peer staff.",
        "role": "participant",
        "start": 0,
        "end": 36,
        "css": "dn",
        "band": "low",
        "novel": True,
        "novelty_p": 0.0342,
        "procedural": False,
        "suggestions": [
            {
                "code_id": top.code_id,
                "name": top.name,
                "css": "dx",
                "probability": top.probability,
                "valence": "barrier",
                "evidence": [],
            }
        ],
    }


def test_the_report_names_the_researchers_own_code_on_top_instead_of_open_coding() -> None:
    """The row says the talk is for open coding unless the code applies: the report counts it
    for open coding, lists it in the queue and colours it so (hunt s65 h_open D1)."""
    html = SegmentRows(unit="construct").segment(_view(OWN), "P01")
    assert (
        '<div class="flag">Fits no CFIR construct (p=0.034); nearest of your own codes: Peer '
        "staff wellbeing (probability 0.310): check whether it applies, else it is for open "
        "coding</div>"
    ) in html


def test_the_report_names_the_researchers_own_code_on_top_of_talk_set_aside_too() -> None:
    """The row stays set aside (muted, filtered as set aside) but names the own code to check
    (tester s66 longitud, 1)."""
    html = SegmentRows(unit="construct").segment({**_view(SURE_OWN), "off_topic": True}, "P01")
    assert "data-aside" in html
    assert (
        '<div class="flag muted">Fits no CFIR construct (p=0.034); nearest of your own codes: '
        "Own caring duties (probability 0.443): check whether it applies, else it is set "
        "aside as off-topic (small talk, background, personal talk)</div>"
    ) in html
    faint = SegmentRows(unit="construct").segment({**_view(FAINT_OWN), "off_topic": True}, "P01")
    assert (
        '<div class="flag muted">Fits no code (p=0.034): set aside as off-topic (small talk, '
        "background, personal talk)</div>"
    ) in faint


def test_the_report_keeps_small_talk_set_aside_when_a_framework_code_is_on_top() -> None:
    html = SegmentRows(unit="construct").segment({**_view(CFIR), "off_topic": True}, "P01")
    assert (
        '<div class="flag muted">Fits no code (p=0.034): set aside as off-topic (small talk, '
        "background, personal talk)</div>"
    ) in html


def test_the_report_keeps_open_coding_when_a_framework_code_is_on_top() -> None:
    html = SegmentRows(unit="construct").segment(_view(CFIR), "P01")
    assert '<div class="flag">Fits no code (p=0.034): open coding</div>' in html


@pytest.mark.filterwarnings("ignore::roqa_nlp.errors.RoqaWarning")  # the project code charted
def test_the_reports_row_names_what_its_table_2_rows_are() -> None:
    """The report's row and its Table 2 heading follow one rule: a codebook of CFIR codes under
    an id of a team's own is of constructs in both (hunt s65 h_open D2)."""
    result = build_result()
    i = next(i for i, s in enumerate(result.segments) if s.novel and not s.procedural)
    housing = Suggestion("project.housing-crisis", "Housing crisis", None, 0.283)
    result.segments[i] = dataclasses.replace(result.segments[i], suggestions=[housing])
    html = render_report(result, TEAM_CFIR)
    assert '<th scope="col">Construct</th>' in html
    assert re.findall(r'<div class="flag">Fits no [^<]*</div>', html)[0] == (
        '<div class="flag">Fits no CFIR construct (p=0.004); nearest of your own codes: Housing '
        "crisis (probability 0.283): check whether it applies, else it is for open coding</div>"
    )
