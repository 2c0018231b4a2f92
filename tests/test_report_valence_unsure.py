"""Specification of the valence chips of report.html's segment rows: a valence Table 2 marks
"valence unsure" (below ``SURE_VALENCE``, 0.6, or the model's guess on a person's new code)
reads ``enabler?`` beside its segment, titled with Table 2's words (api tester s79, #2: a stigma
barrier read as an enabler at 0.506 showed a plain "enabler" chip, while Table 2 marked the
same quote "valence unsure (0.51)")."""

from __future__ import annotations

import dataclasses
import re

import pytest

from report_fixture import build_result
from roqa_nlp.framework import Quote, valence_marked_unsure
from roqa_nlp.report import fragments, render_report
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Suggestion

#: the fixture's segment whose valence the tests make a coin-flip
SEG = "p01_interview:0001"


def _with_valence(result: CodingResult, valence: str, vp: float) -> CodingResult:
    seg = next(s for s in result if s.segment.id == SEG)
    seg.suggestions[:] = [
        dataclasses.replace(g, valence=valence, valence_probability=vp) for g in seg.suggestions
    ]
    return result


def _review(html: str, seg: str = SEG) -> str:
    block = html.split(f'data-segment="{seg}">', 1)[1]
    return block[: block.index("</div></div>")]


def _chips(block: str) -> list[str]:
    return re.findall(r'<span class="val [^"]*"[^>]*>[^<]*</span>', block)


def test_a_coin_flip_valence_reads_unsure_beside_its_segment() -> None:
    html = render_report(_with_valence(build_result(), "enabler", 0.506), "cfir-2009")
    unsure = (
        '<span class="val v-enabler v-unsure" data-valence="enabler" '
        'title="valence unsure (0.51)">enabler?</span>'
    )
    assert _chips(_review(html)) == [
        unsure,  # IS.E.3's
        unsure,  # CI.A's
        '<span class="val v-enabler v-unsure" data-valence="enabler" '
        'title="the model\'s valence: valence unsure (0.51)">enabler?</span>',  # the vfix chip
    ]
    # Table 2 says the same of the same segment, in the same words
    table2 = html[html.index('<section id="table2"') :]
    assert "valence unsure (0.51)" in table2[: table2.index("</section>")]
    # the legend says what the "?" means, once there is one to read
    assert (
        '<span class="val v-enabler v-unsure">enabler?</span> <span class="muted">unsure '
        "(below 60 %: it may well be the other side)</span>\n"
    ) in html


@pytest.mark.parametrize(
    ("vp", "chip"),
    [
        (0.5999, 'v-barrier v-unsure" data-valence="barrier" title="valence unsure (0.5999)">barrier?'),
        (0.6, 'v-barrier">barrier'),
        (0.93, 'v-barrier">barrier'),
    ],
)  # fmt: skip
def test_the_line_is_table_2s(vp: float, chip: str) -> None:
    html = render_report(_with_valence(build_result(), "barrier", vp), "cfir-2009")
    assert _chips(_review(html))[0] == f'<span class="val {chip}</span>'


def test_a_report_with_no_unsure_valence_is_as_it_was() -> None:
    html = render_report(build_result(), "cfir-2009")  # no valence probability: no mark
    body = html[html.index("<body") : html.index("<script>")]
    assert "v-unsure" not in body
    assert "?</span>" not in body
    assert (
        '<span class="val v-enabler" title="the model\'s valence">enabler</span> '
        '<span class="vfix-to">is</span>'
    ) in html


def test_a_persons_kept_model_valence_and_the_guess_on_a_new_code_read_unsure() -> None:
    result = build_result()
    result.meta = {"user": {"name": "Alice"}}
    for s in result:
        s.suggestions[:] = [
            dataclasses.replace(g, probability=1.0, valence_probability=1.0) for g in s.suggestions
        ]
    seg = next(s for s in result if s.segment.id == SEG)
    seg.suggestions[:] = [
        dataclasses.replace(seg.suggestions[0], valence="enabler", valence_probability=0.52),
        Suggestion("project.peer_support", "Peer support", None, 1.0, "barrier", 0.55),
        Suggestion("project.family", "Family", None, 1.0, "barrier", 0.9),
    ]
    html = render_report(result, "cfir-2009")
    assert _chips(_review(html)) == [
        '<span class="val v-enabler v-unsure" data-valence="enabler" '
        'title="valence unsure (0.52)">enabler?</span>',
        '<span class="val v-barrier v-unsure" data-valence="barrier" '
        'title="valence unsure (the model&#39;s guess for a new code, 0.55)">barrier?</span>',
        '<span class="val v-barrier v-unsure" data-valence="barrier" '
        'title="valence unsure (the model&#39;s guess for a new code, 0.90)">barrier?</span>',
    ]
    # the reviewer's own valences (at 1) are not marked
    assert _chips(_review(html, "p01_interview:0002")) == [
        '<span class="val v-barrier">barrier</span>',
        '<span class="val v-barrier">barrier</span>',
    ]
    assert (
        '<span class="val v-enabler v-unsure">enabler?</span> <span class="muted">the '
        "model's valence, kept: unsure (below 60 %, or its guess for a new code)</span>\n"
    ) in html


@pytest.mark.parametrize("vp", [None, 0.2, 0.506, 0.5999, 0.6, 0.61, 1.0])
@pytest.mark.parametrize("code", ["IS.C", "project.peer_support"])
@pytest.mark.parametrize("person", [False, True])
def test_the_chips_words_are_table_2s(vp: float | None, code: str, person: bool) -> None:
    from roqa_nlp.framework import valence_doubt_of

    g = Suggestion(code, "x", None, 0.9, "enabler", vp)
    said = valence_doubt_of(g, person=person)
    assert bool(said) == valence_marked_unsure(g, person=person)
    quote = Quote(
        segment_id="t:1",
        transcript_id="t",
        participant="P01",
        code_id=code,
        text="x",
        probability=0.9,
        valence="enabler",
        start=0,
        end=1,
        valence_probability=vp,
        valence_guessed=person and code.startswith("project.") and vp is not None and vp < 1,
    )
    assert quote.unsure == said
    assert quote.valence_unsure == bool(said)


def test_a_chip_without_the_views_key_is_plain() -> None:
    """A suggestion view built by hand (no ``valence_unsure``) shows its valence as before."""
    row = fragments.SegmentRows().suggestion(
        {"code_id": "IC.A", "css": "d0", "name": "Source", "probability": 0.8,
         "valence": "enabler", "evidence": []}
    )  # fmt: skip
    assert '<span class="val v-enabler">enabler</span>' in row
    assert fragments.valence_fix("barrier", "valence unsure (0.51)").startswith(
        '<div class="vfix" role="group" aria-label="valence of this segment"><span '
        'class="vfix-label">valence</span> <span class="val v-barrier v-unsure" '
        'data-valence="barrier" title="the model\'s valence: valence unsure (0.51)">'
        "barrier?</span>"
    )
