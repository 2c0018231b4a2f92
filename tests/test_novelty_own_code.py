"""Specification of how a segment flagged as fitting no code is explained when the model's top
suggestion is one of the researcher's own codes (a project code, learned by ``roqa train
--feedback``): it fits no construct of the framework, and the nearest of their own codes is named
with its probability, to check, rather than sending the talk to open coding (blind tester s65,
open, finding 2: "fits no code ... for open coding" under project.peer-staff-wellbeing 0.31).
The flag itself is unchanged; every other case reads as before."""

from __future__ import annotations

from roqa_nlp.cli.code_cmd import novelty_verdict_line
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


def test_suggest_names_the_researchers_own_code_on_top_instead_of_open_coding() -> None:
    assert novelty_verdict_line(FLAG, OWN, "cfir-2009+project") == (
        "fits no CFIR construct (novelty p=0.034: unlike the coded examples); nearest of your "
        "own codes: Peer staff wellbeing (probability 0.310): check whether it applies"
    )


def test_a_codebook_other_than_cfir_is_not_called_cfir() -> None:
    assert novelty_verdict_line(FLAG, OWN, "my-themes+project") == (
        "fits no code of the framework (novelty p=0.034: unlike the coded examples); nearest "
        "of your own codes: Peer staff wellbeing (probability 0.310): check whether it applies"
    )


def test_suggest_keeps_open_coding_when_a_framework_code_is_on_top() -> None:
    assert novelty_verdict_line(FLAG, CFIR, "cfir-2009+project") == (
        "fits no code (novelty p=0.034: unlike the coded examples): for open coding"
    )
    assert novelty_verdict_line(FLAG, None, "cfir-2009") == (
        "fits no code (novelty p=0.034: unlike the coded examples): for open coding"
    )


def test_suggest_keeps_small_talk_set_aside_whatever_is_on_top() -> None:
    aside = {**FLAG, "off_topic": True}
    assert novelty_verdict_line(aside, OWN, "cfir-2009+project") == (
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
    html = SegmentRows(codebook_id="cfir-2009+project").segment(_view(OWN), "P01")
    assert (
        '<div class="flag">Fits no CFIR construct (p=0.034); nearest of your own codes: Peer '
        "staff wellbeing (probability 0.310): check whether it applies</div>"
    ) in html
    assert "open coding" not in html


def test_the_report_keeps_open_coding_when_a_framework_code_is_on_top() -> None:
    html = SegmentRows(codebook_id="cfir-2009+project").segment(_view(CFIR), "P01")
    assert '<div class="flag">Fits no code (p=0.034): open coding</div>' in html
