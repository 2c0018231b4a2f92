"""Specification of the report's parts: its SVG figures (roqa_nlp.report.plots), written
directly without a plotting library, its HTML fragments (roqa_nlp.report.fragments), and the
placing of segments in the turns of a transcript."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from markupsafe import escape as markupsafe_escape

from roqa_nlp.framework import FrameworkMatrix, FrancisVerdict, GuestView, Saturation
from roqa_nlp.report import plots, segments_in_turn
from roqa_nlp.report.fragments import SegmentRows, escape, quote_html
from roqa_nlp.schema import Segment, SegmentResult

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def rects(svg: str, fill: str) -> list[dict[str, float]]:
    return [
        {k: float(r.get(k, 0)) for k in ("x", "y", "width", "height")}
        for r in parse(svg).iter(f"{SVG}rect")
        if r.get("fill") == fill
    ]


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in parse(svg).iter(f"{SVG}text")]


def matrix(cases: list[str], codes: list[str], counts: list[list[int]]) -> FrameworkMatrix:
    from roqa_nlp.framework import Cell

    cells = {
        (c, k): Cell(segments=v)
        for c, row in zip(cases, counts, strict=True)
        for k, v in zip(codes, row, strict=True)
        if v
    }
    return FrameworkMatrix(cases, codes, {"IC.H": "Cost"}, cells)


def saturation(
    new: list[int], at: int | None, guest_at: int | None, initial: int = 10
) -> Saturation:
    cum = [sum(new[: i + 1]) for i in range(len(new))]
    ids = [f"t{i}" for i in range(1, len(new) + 1)]
    return Saturation(
        interviews=ids,
        participants=[f"P{i}" for i in range(1, len(new) + 1)],
        new_codes=[[f"C{i}.{j}" for j in range(n)] for i, n in enumerate(new)],
        cumulative=cum,
        francis=FrancisVerdict(initial, 3, at is not None, at, None, ""),
        guest=GuestView(4, 2, 0.05, 0, [], guest_at is not None, guest_at, None, ""),
    )


# -- scales -------------------------------------------------------------------------------------


def test_blues_runs_from_the_lightest_to_the_darkest_colorbrewer_blue() -> None:
    assert plots.blues(0.0) == "#f7fbff"
    assert plots.blues(0.5) == "#6baed6"  # the middle of nine classes
    assert plots.blues(1.0) == "#08306b"
    # a quarter of the way from #f7fbff (247, 251, 255) to #deebf7 (222, 235, 247)
    assert plots.blues(1 / 32) == "#f1f7fd"


@pytest.mark.parametrize(
    ("vmax", "integer", "ticks"),
    [
        (36, True, [0, 10, 20, 30, 40]),
        (2, True, [0, 1, 2]),
        (0, True, [0, 1]),
        (289, True, [0, 50, 100, 150, 200, 250, 300]),
        (0.9, False, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    ],
)
def test_nice_ticks_step_by_one_two_or_five_and_cover_the_maximum(
    vmax: float, integer: bool, ticks: list[float]
) -> None:
    assert plots.nice_ticks(vmax, integer=integer) == ticks


def test_histogram_bins_like_numpy_with_the_last_bin_closed() -> None:
    np = pytest.importorskip("numpy")
    edges = [i / 20 for i in range(21)]
    values = [0.0, 0.05, 0.1, 0.15, 0.149999, 0.3, 0.95, 0.99, 1.0, -0.1, 1.2]
    assert plots.histogram(values, edges) == np.histogram(values, bins=edges)[0].tolist()


# -- figures ------------------------------------------------------------------------------------


def test_heat_map_draws_one_cell_per_case_and_code_darkest_at_the_maximum() -> None:
    svg = plots.heatmap_svg(matrix(["P1", "P2"], ["IC.A", "IC.H"], [[0, 4], [2, 0]]))
    assert svg is not None
    cells = [r for r in parse(svg).iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert [r.get("fill") for r in cells] == ["#f7fbff", "#08306b", "#6baed6", "#f7fbff"]
    assert [r.find(f"{SVG}title").text for r in cells] == [  # type: ignore[union-attr]
        "P1 · IC.A: 0 segments",
        "P1 · IC.H Cost: 4 segments",
        "P2 · IC.A: 2 segments",
        "P2 · IC.H Cost: 0 segments",
    ]


def test_heat_map_writes_counts_in_non_empty_cells_white_on_dark() -> None:
    svg = plots.heatmap_svg(matrix(["P1", "P2"], ["IC.A", "IC.H"], [[0, 4], [2, 0]]))
    assert svg is not None
    cell_texts = [t for t in parse(svg).iter(f"{SVG}text") if t.get("font-size") == "8"]
    assert [(t.text, t.get("fill")) for t in cell_texts] == [("4", "#ffffff"), ("2", plots.INK)]


def test_heat_map_of_nothing_is_not_drawn() -> None:
    assert plots.heatmap_svg(matrix([], ["IC.A"], [])) is None


def test_figures_escape_labels_from_the_data() -> None:
    svg = plots.heatmap_svg(matrix(['<b>"P1"</b>'], ["IC.A"], [[1]]))
    assert svg is not None
    assert "<b>" not in svg
    assert '<b>"P1"</b>' in texts(svg)  # parsed back: the label survives, as text


def test_confidence_histogram_stacks_novel_segments_on_coded_ones() -> None:
    svg = plots.confidence_svg([0.92, 0.93, 0.94, 0.31], [0.91])
    assert svg is not None
    blue, pink = rects(svg, plots.BLUE), rects(svg, plots.NO_CODE)
    legend = [r for r in blue + pink if r["width"] == 14]
    bars_blue = [r for r in blue if r not in legend]
    bars_pink = [r for r in pink if r not in legend]
    # bins [0.3, 0.35) and [0.9, 0.95); the axis runs from x=56 over 484 pixels
    assert [r["x"] for r in bars_blue] == [56 + 0.3 * 484, 56 + 0.9 * 484]
    tall = bars_blue[1]
    assert tall["height"] == pytest.approx(3 * bars_blue[0]["height"])
    assert len(bars_pink) == 1
    assert bars_pink[0]["x"] == tall["x"]
    assert bars_pink[0]["y"] + bars_pink[0]["height"] == pytest.approx(tall["y"])


def test_saturation_marks_the_initial_sample_and_where_each_rule_was_met() -> None:
    new = [5, 3, 2, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0]
    svg = plots.saturation_svg(saturation(new, at=13, guest_at=6))
    assert svg is not None
    labels = texts(svg)
    assert "initial sample: interviews 1\u201310" in labels and "10+3 rule met" in labels
    assert len(rects(svg, plots.PURPLE)) == 2  # the Guest marker and its legend entry
    assert "Guest et al. threshold met" in labels
    assert len(rects(svg, plots.BLUE)) == 1 + sum(1 for n in new if n)  # legend + bars


def test_saturation_marks_the_initial_sample_where_its_tenth_interview_with_codes_ends() -> None:
    """Interviews 5-7 with nothing coded do not count toward the initial sample (session 33):
    the dashed line stands after interview 13, the tenth with something coded, not after 10."""
    new = [2, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    sat = saturation(new, at=16, guest_at=None)
    sat.nothing_coded = [False] * 4 + [True] * 3 + [False] * 9
    svg = plots.saturation_svg(sat)
    assert svg is not None
    dashed = [ln for ln in parse(svg).iter(f"{SVG}line") if ln.get("stroke-dasharray") == "4 3"]
    # x axis 0.4 .. 16.6 over 616 px from x = 56 (36 px an interview + 160, less the margins)
    assert [float(ln.get("x1", 0)) for ln in dashed] == [
        pytest.approx(56 + 13.1 / 16.2 * 616, abs=0.01)
    ]


def test_the_initial_sample_label_names_its_interviews() -> None:
    """Blind tester s51 (saturation, finding 6): the label read "initial sample" alone, where
    docs/report.md says it names the interviews before it: with interview 5 passed over
    (nothing coded) the sample is interviews 1-4, 6-11; a review's interviews keep the study's
    numbers."""
    sat = saturation([2, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0], at=14, guest_at=None)
    sat.nothing_coded = [False] * 4 + [True] + [False] * 9
    assert sat.initial_sample_label() == "initial sample: interviews 1\u20134, 6\u201311"
    assert "initial sample: interviews 1\u20134, 6\u201311" in texts(
        plots.saturation_svg(sat) or ""
    )
    sat.numbers = [*range(1, 9), *range(10, 16)]  # interview 9 not reviewed
    assert sat.initial_sample_label() == "initial sample: interviews 1\u20134, 6\u20138, 10\u201312"
    sat.nothing_coded = []
    assert sat.initial_sample_label() == "initial sample: interviews 1\u20138, 10, 11"


def test_an_interview_not_reviewed_keeps_its_place_on_the_axis() -> None:
    """Session 52 (sat, leftover 1): a review's interview 3, not reached, was left out of the
    chart without a gap: interview 4 was drawn in its place, the axis ran 1, 2, 4, 5 over four
    evenly spaced slots, and the line joined 2 to 4 as if nothing lay between. It now has its
    slot, shaded and marked "not reviewed", with no bar and no point, the line broken over it.
    Axis of 5 slots, 0.4 .. 5.6 over 440 px from x = 56 (the 560 px minimum width)."""
    sat = saturation([2, 1, 1, 0], at=None, guest_at=None, initial=2)
    sat.numbers = [1, 2, 4, 5]
    sat.not_reviewed = [("t3", "P3", 3)]
    assert sat.slots() == [(1, 1, "P1"), (2, 2, "P2"), (3, None, "P3"), (4, 3, "P3"),
                           (5, 4, "P4")]  # fmt: skip
    svg = plots.saturation_svg(sat)
    assert svg is not None

    def x(slot: float) -> str:
        return plots.num(56 + (slot - 0.4) / 5.2 * 440)

    ticks = [t for t in parse(svg).iter(f"{SVG}text") if t.get("y") == "238"]
    assert [(t.text, t.get("x")) for t in ticks] == [(str(n), x(n)) for n in range(1, 6)]
    bars = [r for r in parse(svg).iter(f"{SVG}rect") if r.get("fill") == plots.BLUE][:-1]
    assert [b.get("x") for b in bars] == [x(n - 0.35) for n in (1, 2, 4)]  # the legend's last
    assert [(r.get("x"), r.get("width")) for r in parse(svg).iter(f"{SVG}rect")
            if r.get("fill") == plots.GREY] == [(x(2.5), plots.num(440 / 5.2))]  # fmt: skip
    marked = label(svg, "not reviewed")
    assert (marked["x"], marked["y"], marked["text-anchor"]) == (x(3), "46", "end")
    assert marked["transform"] == f"rotate(-90 {x(3)} 46)"
    lines = [p.get("points", "").split() for p in parse(svg).iter(f"{SVG}polyline")]
    assert [[pt.split(",")[0] for pt in line] for line in lines] == [[x(1), x(2)], [x(4), x(5)]]
    circles = [c.get("cx") for c in parse(svg).iter(f"{SVG}circle")]
    assert circles[:-1] == [x(1), x(2), x(4), x(5)]  # then the legend's


def label(svg: str, text: str) -> dict[str, str]:
    return next(t.attrib for t in parse(svg).iter(f"{SVG}text") if t.text == text)


def test_saturation_labels_stay_out_of_the_band_and_inside_the_plot() -> None:
    """Seed replication (session 41, shots/saturation.png): "initial sample" was drawn just
    right of the dashed line, inside the green band of interviews 11-13, so it read as naming
    them, and "10+3 rule met", centred on interview 13, ran over the right axis. The first now
    ends 3 px left of the dashed line, above the plot; the second is centred in the band. Axis
    of 13 interviews: x from 56 over 508 px for 0.4 .. 13.6; the plot's top at y = 40."""
    svg = plots.saturation_svg(saturation([5, 4, 3, 2, 3, 3, 1, 0, 1, 2, 0, 0, 0], 13, None))
    assert svg is not None
    line = 56 + 10.1 / 13.2 * 508  # the dashed line after interview 10, the band's left edge
    band_end = 56 + 13.1 / 13.2 * 508
    initial = label(svg, "initial sample: interviews 1\u201310")
    width = len("initial sample: interviews 1\u201310") * 9 * 0.6
    assert (initial["text-anchor"], initial["y"]) == ("start", "32")
    assert float(initial["x"]) + width == pytest.approx(line - 3, abs=0.01)
    met = label(svg, "10+3 rule met")
    assert (met["text-anchor"], "transform" in met) == ("middle", False)
    assert float(met["x"]) == pytest.approx((line + band_end) / 2, abs=0.01)
    half = len("10+3 rule met") * 9 * 0.6 / 2
    assert line < float(met["x"]) - half and float(met["x"]) + half < band_end < 56 + 508


def test_a_band_narrower_than_its_label_has_it_upright() -> None:
    """A stopping criterion of one interview: a band 38 px wide holds no 70 px label across."""
    sat = saturation([5, 4, 3, 2, 3, 3, 1, 0, 1, 2, 0, 0, 0], 11, None)
    sat.francis = FrancisVerdict(10, 1, True, 11, None, "")
    svg = plots.saturation_svg(sat)
    assert svg is not None
    met = label(svg, "10+1 rule met")
    middle = 56 + 10.6 / 13.2 * 508  # interview 11, the band's middle
    assert float(met["x"]) == pytest.approx(middle, abs=0.01)
    assert met["transform"] == f"rotate(-90 {met['x']} {met['y']})"


def test_saturation_without_a_verdict_marks_neither_rule() -> None:
    svg = plots.saturation_svg(saturation([4, 2, 1], at=None, guest_at=None))
    assert svg is not None
    labels = texts(svg)
    assert not any("initial sample" in t for t in labels)  # 10 interviews were not reached
    assert not any("rule met" in t for t in labels)
    assert rects(svg, plots.PURPLE) == []


def test_reliability_diagram_joins_the_bins_in_order() -> None:
    bins = [
        {"confidence": 0.25, "accuracy": 1.0, "count": 1.0},
        {"confidence": 0.9, "accuracy": 0.5, "count": 2.0},
    ]
    svg = plots.reliability_svg(bins)
    assert svg is not None
    line = next(p for p in parse(svg).iter(f"{SVG}polyline"))
    # axes from (56, 34), 228 x 224 pixels: (0.25, 1.0) and (0.9, 0.5)
    assert line.get("points") == "113,34 261.2,146"


def test_every_figure_is_well_formed_svg_with_an_accessible_name() -> None:
    figures = [
        plots.heatmap_svg(matrix(["P1"], ["IC.A"], [[1]])),
        plots.saturation_svg(saturation([2, 1], at=None, guest_at=None)),
        plots.confidence_svg([0.5]),
        plots.reliability_svg([{"confidence": 0.5, "accuracy": 0.5, "count": 1.0}]),
    ]
    for svg in figures:
        assert svg is not None
        root = parse(svg)
        assert root.get("class") == "plot" and root.get("role") == "img"
        assert root.get("aria-label")
        assert float(root.get("width", 0)) > 100


# -- fragments ----------------------------------------------------------------------------------


def test_fragments_escape_exactly_as_jinja_autoescape() -> None:
    hostile = """<script>alert("x" & 'y')</script>"""
    assert escape(hostile) == str(markupsafe_escape(hostile))
    assert escape(None) == "None"


def test_a_segment_row_carries_its_review_controls_and_flags() -> None:
    view = {
        "id": "t1:0001",
        "anchor": "s0",
        "text": "We <never> had the staff.",
        "role": "participant",
        "start": 10,
        "end": 36,
        "css": "dn",
        "band": "low",
        "novel": True,
        "novelty_p": 0.0042,
        "procedural": False,
        "suggestions": [
            {
                "code_id": "IS.E.2",
                "name": "Available Resources",
                "css": "d2",
                "probability": 0.125,
                "valence": "barrier",
                "evidence": ["no staff", "no money"],
            }
        ],
    }
    html = SegmentRows().segment(view, "P01")
    assert html.startswith(
        '<div class="row segment" id="s0" data-band="low"><span class="spk">P01</span>'
    )
    assert "We &lt;never&gt; had the staff." in html
    assert '<div class="flag">Fits no code (p=0.004): open coding</div>' in html
    assert '<span class="bar" style="--p:0.12"></span>12%' in html
    assert (
        '<details class="evidence muted"><summary>resembles 2 training examples</summary>'
        "“no staff” · “no money”</details>"
    ) in html
    assert "like:" not in html
    assert html.count('data-action="accept"') == 1
    # it fits no code, so its suggestions are folded away (one click opens them)
    folded = html.index('<details class="set-aside"><summary class="muted">')
    assert "show the model's suggestions (1)</summary>" in html
    assert folded < html.index('<ul class="suggestions">') < html.index("</details>")
    coded = SegmentRows().segment({**view, "novel": False}, "P01")
    assert "set-aside" not in coded and '<ul class="suggestions">' in coded


def test_talk_that_fits_no_code_keeps_its_valence_control_beside_the_new_code_box() -> None:
    """Tester s42 (opencode, 5): a new code took the model's valence because the segment's valence
    buttons were folded away with the model's suggestions, out of sight of the new-code box. On
    talk that fits no code (open coding or set aside) they stand unfolded just above it, so the
    reviewer naming a new code can give its valence; procedural talk keeps them folded."""
    view = {
        "id": "t1:0001",
        "anchor": "s0",
        "text": "I remember the first lockdown.",
        "role": "participant",
        "start": 0,
        "end": 30,
        "css": "dn",
        "band": "low",
        "novel": True,
        "novelty_p": 0.2,
        "procedural": False,
        "off_topic": True,
        "suggestions": [
            {
                "code_id": "IS.C",
                "name": "Culture",
                "css": "d2",
                "probability": 0.2,
                "valence": "enabler",
                "evidence": [],
            }
        ],
    }
    for kind in ({}, {"off_topic": False}):
        html = SegmentRows().segment({**view, **kind}, "P01")
        assert (
            html.index("</details>")
            < html.index('<div class="vfix"')
            < html.index('class="new-code"')
        )
    folded = SegmentRows().segment({**view, "novel": False, "procedural": True}, "P01")
    assert folded.index('<div class="vfix"') < folded.index("</details>")


def test_a_segment_without_suggestions_says_so() -> None:
    view = {
        "id": "t1:0002",
        "anchor": "s1",
        "text": "Hello.",
        "role": "participant",
        "start": 0,
        "end": 6,
        "css": "dx",
        "band": "none",
        "novel": False,
        "novelty_p": None,
        "procedural": True,
        "suggestions": [],
    }
    html = SegmentRows().segment(view, "")
    assert '<div class="row segment procedural" id="s1" data-band="none" data-aside>' in html
    # and can be given a code of the codebook all the same, in the recode box of a suggestion
    assert '<li class="sugg own-code" data-code=""><span class="name muted">No suggestion.' in html
    assert html.count('class="recode"') == 1 and html.count("data-valence=") == 3
    question = SegmentRows().segment({**view, "role": "interviewer"}, "")
    assert '<li class="muted">No suggestion.</li>' in question and "recode" not in question


def test_a_quote_links_to_its_segment_only_when_it_is_in_the_report() -> None:
    q = {"text": "It's <b>", "participant": "P01", "citation": "t1 12–30", "probability": 0.876}
    linked = quote_html({**q, "anchor": "s4"})
    assert re.search(r'<cite><a href="#s4">P01 · t1 12–30</a> · p=0.88</cite>', linked)
    assert "It&#39;s &lt;b&gt;" in linked
    assert "<a " not in quote_html({**q, "anchor": ""})


# -- segments in turns --------------------------------------------------------------------------


def test_a_turn_holds_the_segments_that_start_inside_it_and_empty_ones_at_its_start() -> None:
    spans = [(0, 0), (0, 5), (6, 12), (12, 12), (12, 20), (25, 30)]
    ordered = [
        SegmentResult(Segment(f"s{a}-{b}", "t", "P1", "participant", a, b, "x" * (b - a)))
        for a, b in spans
    ]
    starts = [a for a, _ in spans]

    def ids(start: int, end: int) -> list[str]:
        return [s.segment.id for s in segments_in_turn(ordered, starts, start, end)]

    assert ids(0, 12) == ["s0-0", "s0-5", "s6-12"]
    assert ids(12, 25) == ["s12-12", "s12-20"]
    assert ids(12, 12) == ["s12-12"]  # an empty turn keeps only the empty segment at its start
    assert ids(30, 40) == []


@pytest.mark.parametrize(("p", "faint"), [(0.09, True), (0.1, False), (0.8, False)])
def test_a_suggestion_below_ten_percent_is_faded(p: float, faint: bool) -> None:
    g = {
        "code_id": "IS.E.2",
        "name": "Available Resources",
        "css": "d2",
        "probability": p,
        "valence": "neutral",
        "evidence": [],
    }
    html = SegmentRows().suggestion(g)
    assert html.startswith('<li class="sugg faint"' if faint else '<li class="sugg"')
    assert ('class="sugg faint"' in html) is faint


@pytest.mark.parametrize(
    ("p", "shown", "marked"),
    [(0.13, "0.13", True), (0.399, "0.399", True), (0.4, "0.40", False), (0.9, "0.90", False)],
)
def test_a_quote_whose_code_the_model_is_unsure_of_says_so(
    p: float, shown: str, marked: bool
) -> None:
    """Unsure below SURE_CODE, and shown so: 0.399 is not "code unsure (0.40)"."""
    from roqa_nlp.framework import SURE_CODE

    assert SURE_CODE == 0.4
    q = {"text": "A forum.", "participant": "P1", "citation": "p1", "probability": p, "anchor": ""}
    html = str(quote_html(q))
    assert (f'<span class="unsure code-unsure">code unsure ({shown})</span>' in html) is marked
    assert "valence unsure" not in html


def test_a_long_table2_quote_is_cut_to_40_words_with_more_linking_to_its_segment() -> None:
    from roqa_nlp.report.fragments import short_quote_html

    words = [f"w{i}" for i in range(60)]
    q = {
        "text": " ".join(["<b>", *words]),
        "participant": "P01",
        "citation": "t1 12–30",
        "probability": 0.9,
        "anchor": "s4",
    }
    html = str(short_quote_html(q))
    shown = html.split('<span class="qrest">')[0]
    assert shown.endswith('<span class="qtext">&lt;b&gt; w0 w1 ' + " ".join(words[2:39]))
    full = escape(" ".join(["<b>", *words]))
    assert (
        f'<a class="more no-print" href="#s4" title="{full}" '
        'aria-label="more of the quote by P01, at t1 12–30 in the transcript">… more</a>'
    ) in html
    # the rest stays in the page (printed), and nothing is cut without a segment to link to
    assert '<span class="qrest"> w39 ' in html and "w59</span></span>" in html
    assert "… more" not in str(short_quote_html({**q, "anchor": ""}))
    assert "… more" not in str(quote_html(q))  # the matrix and ratings quote whole
    short = {**q, "text": " ".join(words[:44])}
    assert "… more" not in str(short_quote_html(short))  # a few words over: not worth a link


def test_a_screen_reader_names_the_code_each_review_button_acts_on() -> None:
    """Every accept and reject button was named just "accept" / "reject" (session 28)."""
    html = SegmentRows().suggestion(
        {
            "code_id": "IS.E.2",
            "css": "d-IS",
            "name": "Available Resources & <Staff>",
            "probability": 0.8,
            "valence": "barrier",
            "evidence": [],
        }
    )
    assert 'aria-label="accept IS.E.2 Available Resources &amp; &lt;Staff&gt;"' in html
    assert 'aria-label="reject IS.E.2 Available Resources &amp; &lt;Staff&gt;"' in html
