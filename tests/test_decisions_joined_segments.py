"""Decisions on segments joined since the review (``match_decisions``): coded again, a turn is
no longer parted at a dropped "Mm-hm." (a retrained model, study3 tester s73 D2), so a decided
segment's words are now part of a longer one. The decision follows its words into that segment
when it is the only one of its transcript saying them, with a warning to check it; decisions on
two parts now one segment both go there, and a warning names those decided differently. A
decision that still matches nothing is said to match nothing for the cause it has: a turn
parted since, not pseudonymising, when its words are all still said."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, feedback_plan, match_decisions, reviewed_codings
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

#: tester s73's (d) answer, parted at the interviewer's "Mm-hm." when reviewed, one turn now
FIRST = (
    "Recovery's not a, it's not a model for us, it's, it's just what we are. Nobody here's "
    "going to tell you what your recovery looks like."
)
SECOND = "That's the whole point of peer support, you've walked a bit of the road yourself."
BEFORE = "We're a small charity, fourteen staff, and we're registered for the housing bit."
AFTER = "Funding's short-term. We're on a one-year grant and you can't plan with that."

SHOWN = ("CI.A", "IC.D", "OS.A")


def seg(sid: str, text: str) -> SegmentResult:
    tid = sid.rpartition(":")[0]
    suggestions = [Suggestion(c, c, None, 0.5, valence="enabler") for c in SHOWN]
    return SegmentResult(Segment(sid, tid, "P17", "participant", 0, len(text), text), suggestions)


def parted() -> CodingResult:
    """As reviewed: the answer in two segments."""
    texts = [BEFORE, FIRST, SECOND, AFTER]
    return CodingResult(segments=[seg(f"d:{n:04d}", t) for n, t in enumerate(texts, 4)])


def joined() -> CodingResult:
    """Coded again: the answer one segment, its two parts joined across a line break."""
    texts = [BEFORE, f"{FIRST}\n{SECOND}", AFTER]
    return CodingResult(segments=[seg(f"d:{n:04d}", t) for n, t in enumerate(texts, 4)])


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def test_a_decision_on_part_of_a_turn_no_longer_parted_follows_its_words() -> None:
    """Before: matched no segment (its 23 words inside the 38-word segment, 0.75 near)."""
    review = [Decision("d:0005", "accept", "CI.A", text=FIRST, valence="enabler")]
    match = match_decisions(review, joined())
    assert match.on == ("d:0005",)
    assert match.joined == (True,)
    assert not match.unmatched


def test_it_follows_when_the_ids_moved_too() -> None:
    result = CodingResult(
        segments=[seg("d:0009", BEFORE), seg("d:0010", f"{FIRST} {SECOND}"), seg("d:0011", AFTER)]
    )
    match = match_decisions([Decision("d:0005", "accept", "CI.A", text=FIRST)], result)
    assert match.on == ("d:0010",)


def test_words_inside_two_segments_follow_into_neither() -> None:
    result = CodingResult(
        segments=[seg("d:0004", f"{BEFORE} {FIRST}"), seg("d:0005", f"{FIRST} {AFTER}")]
    )
    match = match_decisions([Decision("d:0009", "accept", "CI.A", text=FIRST)], result)
    assert match.on == (None,)


def test_words_inside_a_segment_of_another_transcript_do_not_follow() -> None:
    result = CodingResult(segments=[seg("d:0004", BEFORE), seg("e:0001", f"{FIRST} {SECOND}")])
    match = match_decisions([Decision("d:0005", "accept", "CI.A", text=FIRST)], result)
    assert match.on == (None,)


def test_a_segment_decided_on_its_very_words_takes_no_part_decision() -> None:
    """Its words are as they were decided: it was not joined (the part said twice then)."""
    result = CodingResult(segments=[seg("d:0004", f"{FIRST} {SECOND}")])
    review = [
        Decision("d:0004", "accept", "IC.D", text=f"{FIRST} {SECOND}"),
        Decision("d:0009", "accept", "CI.A", text=FIRST),
    ]
    assert match_decisions(review, result).on == ("d:0004", None)


def test_it_is_warned_of_naming_the_segment_and_row() -> None:
    review = [Decision("d:0005", "accept", "CI.A", text=FIRST, row=17)]
    match = match_decisions(review, joined())
    from roqa_nlp.decisions import warn_of_edited_text

    with pytest.warns(RoqaWarning) as caught:
        warn_of_edited_text(match, "coded/decisions.csv")
    assert [str(w.message) for w in caught] == [
        "coded/decisions.csv: 1 decision followed its words into 1 segment holding more talk "
        "than it decided (a turn no longer parted, or segments joined, since the review): "
        "d:0005 (row 17); check the decision fits the whole segment"
    ]


def test_decisions_on_two_parts_now_one_segment_both_go_to_it(cfir: Codebook) -> None:
    review = [
        Decision("d:0005", "accept", "CI.A", text=FIRST, valence="enabler", row=2),
        Decision("d:0006", "accept", "IC.D", text=SECOND, valence="enabler", row=3),
    ]
    with pytest.warns(RoqaWarning, match="2 decisions followed their words into 1 segment"):
        reviewed, _, counts = reviewed_codings(review, joined(), cfir, coder="A", where="d.csv")
    assert [
        (s.segment.id, sorted(g.code_id for g in s.suggestions)) for s in reviewed.segments
    ] == [("d:0005", ["CI.A", "IC.D"])]
    assert counts["not_found"] == 0


def test_parts_decided_differently_are_named(cfir: Codebook) -> None:
    """Accepted on one part, rejected on the other: one segment now, the later row stands (as
    two rows on one segment), and the warning says which rows to decide again."""
    review = [
        Decision("d:0005", "accept", "CI.A", text=FIRST, valence="enabler", row=2),
        Decision("d:0006", "reject", "CI.A", text=SECOND, row=3),
    ]
    with pytest.warns(RoqaWarning) as caught:
        match = match_decisions(review, joined())
        from roqa_nlp.decisions import warn_of_edited_text

        warn_of_edited_text(match, "d.csv")
    said = [str(w.message) for w in caught]
    assert (
        "d.csv: decisions on parts of d:0005 decided differently, now one segment: CI.A "
        "accepted (row 2), rejected (row 3); the later row stands: decide d:0005 again in the "
        "report"
    ) in said


def test_training_learns_the_decision_on_the_joined_segment(cfir: Codebook) -> None:
    review = [Decision("d:0005", "accept", "CI.A", text=FIRST, valence="enabler")]
    with pytest.warns(RoqaWarning, match="followed its words"):
        plan = feedback_plan([(review, joined(), "d.csv")], cfir)
    assert plan.ids == ["d:0005"]
    # the words decided, not the talk joined to them, which no one judged
    assert plan.texts == [FIRST]


def test_training_learns_each_part_decided_on_its_own_words(cfir: Codebook) -> None:
    review = [
        Decision("d:0005", "accept", "CI.A", text=FIRST, valence="enabler"),
        Decision("d:0006", "accept", "IC.D", text=SECOND, valence="enabler"),
    ]
    with pytest.warns(RoqaWarning, match="followed their words"):
        plan = feedback_plan([(review, joined(), "d.csv")], cfir)
    assert plan.texts == [FIRST, SECOND]
    assert plan.labels == [["CI.A"], ["IC.D"]]


# -- the cause of a decision matching no segment ------------------------------------------------


def test_a_pseudonymised_page_says_a_turn_parted_since_not_pseudonymising(tmp_path: Path) -> None:
    """Reviewed as one segment, coded again parted (the reverse of D2): the decision's words
    are all said, across two segments; the warning named pseudonymising (wrong cause)."""
    from roqa_nlp.report import unmatched_view

    lost = [Decision("d:0005", "accept", "CI.A", text=f"{FIRST} {SECOND}", row=17)]
    with pytest.warns(RoqaWarning) as caught:
        view = unmatched_view(lost, pseudonymised=True, where="d.csv", result=parted())
    (said,) = [str(w.message) for w in caught]
    assert "before pseudonymising" not in said and "before pseudonymising" not in view["said"]
    assert said == (
        "d.csv: 1 decision (row 17) matches no segment of these pseudonymised codings and is "
        "left out of the report page: the segments changed (a turn parted or joined) since the "
        "review, its words now said across d:0005, d:0006; it stays in this file, but the "
        "page's Save decisions does not write it (keep this file rather than replace it with "
        "the page's)"
    )


def test_words_no_longer_said_may_be_from_before_pseudonymising() -> None:
    from roqa_nlp.report import unmatched_view

    text = "Sarah Jones from the council came to every meeting."
    lost = [Decision("d:0005", "accept", "CI.A", text=text, row=4)]
    with pytest.warns(RoqaWarning, match="may be talk from before pseudonymising"):
        unmatched_view(lost, pseudonymised=True, where="d.csv", result=parted())


def test_apply_decisions_names_a_turn_parted_since(cfir: Codebook) -> None:
    lost = [
        Decision("d:0004", "accept", "OS.A", text=BEFORE, row=16),
        Decision("d:0005", "accept", "CI.A", text=f"{FIRST} {SECOND}", row=17),
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reviewed_codings(lost, parted(), cfir, coder="A", where="d.csv")
    said = [str(w.message) for w in caught]
    assert (
        "d.csv: 1 code decision(s) on no segment of the codings, left out: d:0005 (row 17) (the "
        "segments changed (a turn parted or joined) since the review: its words now said "
        "across 2 segments)"
    ) in said


# -- the page's Load decisions... (report.js) ------------------------------------------------------


def test_the_page_follows_words_into_a_joined_segment_as_python_does() -> None:
    import json

    from report_fixture import node_prints, report_js_functions

    texts = {"d:0004": BEFORE, "d:0005": f"{FIRST} {SECOND}", "d:0006": AFTER, "e:0001": FIRST}
    keys = [
        json.dumps(["d:0005", FIRST]),  # inside d:0005 alone in its transcript
        json.dumps(["d:0009", SECOND]),  # a second part: to the same segment
        json.dumps(["d:0010", "the road"]),  # a third, short: inside d:0005 alone too
        json.dumps(["d:0011", "Funding's short-term."]),  # inside d:0006
        json.dumps(["d:0012", "nobody"]),  # said by no segment so (case counts, as exactly)
    ]
    chosen = {k: None for k in keys}
    script = (
        "function transcriptPart(s) { var at = s.lastIndexOf(':'); return at < 0 ? '' : "
        "s.slice(0, at); }\n"
        + report_js_functions("holds", "insideOneSegment")
        + f"var chosen = {json.dumps(chosen)}; chosen[{json.dumps(keys[3])}] = null;\n"
        + f"var joined = insideOneSegment({json.dumps(keys)}, chosen, "
        + f"{json.dumps(list(texts))}, {json.dumps(texts)});\n"
        + "console.log(JSON.stringify([chosen, joined]));"
    )
    chosen_now, joined = node_prints(script)
    assert [chosen_now[k] for k in keys] == ["d:0005", "d:0005", "d:0005", "d:0006", None]
    assert set(joined) == set(keys[:4])
    python = match_decisions(
        [Decision(json.loads(k)[0], "accept", "CI.A", text=json.loads(k)[1]) for k in keys],
        CodingResult(segments=[seg(sid, t) for sid, t in texts.items()]),
    )
    assert list(python.on) == ["d:0005", "d:0005", "d:0005", "d:0006", None]


def test_owners_maps_each_segment_to_the_decisions_on_it() -> None:
    """The one map _near_matches and _inside_one_segment read: a segment a decision is on ->
    the segment ids of the decisions on it (two decisions may be on one); none for no segment."""
    from roqa_nlp.decisions import _owners

    chosen: dict[tuple[str, str], str | None] = {
        ("p17:0001", FIRST): "p17:0001",
        ("p17:0002", SECOND): "p17:0001",
        ("p17:0003", AFTER): None,
        ("p17:0004", BEFORE): "p17:0004",
    }
    assert _owners(chosen) == {"p17:0001": {"p17:0001", "p17:0002"}, "p17:0004": {"p17:0004"}}
    assert _owners({}) == {}


# -- the joined rule before the near rule, in Python and the page alike -----------------------------


def _page_matches(
    decisions: list[Decision], result: CodingResult, *, parted: bool = False
) -> list[list[object]]:
    """report.js's matchRows run by node on the rows of ``decisions`` and a page of the segments
    of ``result``: [segment, edited, joined] of each row, null when on no segment; ``parted``:
    and the segments of a part parted off ([] when none)."""
    import json
    import re

    from report_fixture import node_prints, report_js, report_js_functions
    from roqa_nlp import decisions as decisions_module

    names = re.findall(r"^  function (\w+)\(", report_js(), flags=re.M)
    page = [{"sid": s.segment.id, "text": s.segment.text} for s in result.segments]
    rows = [{"segment_id": d.segment_id, "text": d.text, "i": i} for i, d in enumerate(decisions)]
    near = {
        "near_text": decisions_module.NEAR_TEXT,
        "near_margin": decisions_module.NEAR_MARGIN,
        "casefold": decisions_module.casefold_table(),
    }
    script = (
        report_js_functions(*names)
        + f"var near = {json.dumps(near)}; var foldMap = null;\n"
        + f"var page = {json.dumps(page)};\n"
        + "var document = { querySelectorAll: function () { return page.map(function (p) {\n"
        + "  return { text: p.text, getAttribute: function () { return p.sid; } }; }); } };\n"
        + "function segmentText(review) { return review.text; }\n"
        + f"var found = matchRows({json.dumps(rows)}).matched;\n"
        + "console.log(JSON.stringify(found.map(function (x) {\n"
        + "  return [x.row.i, x.segment, x.edited, x.joined, x.parted || []]; })));"
    )
    got: list[list[object]] = [[None, False, False, []] for _ in decisions]
    for i, on, edited, joined, off in node_prints(script):
        got[i] = [on, edited, joined, off]
    return got if parted else [g[:3] for g in got]


def test_the_page_places_a_decision_the_joined_rule_places_as_python_does() -> None:
    """matchRows runs insideOneSegment before nearMatches, as match_decisions runs
    _inside_one_segment before _near_matches (hypothesis found, s74: a decision nearly the words
    of a segment another decision's very words are inside took it, and left that one on none)."""
    from test_decisions_edited_text import NEAR_TOOK_A_JOINED_SEGMENT, NEAR_TOOK_ITS_OWN_SEGMENT

    for decisions, result in (NEAR_TOOK_A_JOINED_SEGMENT, NEAR_TOOK_ITS_OWN_SEGMENT):
        python = match_decisions(decisions, result)
        page = _page_matches(decisions, result)
        assert page == [list(x) for x in zip(python.on, python.edited, python.joined)]
        assert [on for on, _, _ in page][1] is not None


# -- a segment grown by a part joined since, nearly the decision's words (s74 hunter R3) ----------

#: study3 (tester s73) b_haven_rev:0005 as reviewed (row 8), and the part that rejoined it when
#: coded again: 44 words of 52, 0.92 near, so the near rule caught it before the joined rule
HAVEN = (
    "It's hard in crisis, cos people come to us at their absolute worst, and the, the pull is "
    "to just keep them safe. But we try to, from day one, ask what does a good stay look like "
    "for you, what do you want to go home with."
)
SLEEP = "Even if it's just I want to sleep."


def haven(text: str) -> CodingResult:
    texts = ["We're a crisis house, six beds.", text, "Staffing nights is the worst of it."]
    return CodingResult(segments=[seg(f"b_haven_rev:{n:04d}", t) for n, t in enumerate(texts, 4)])


def test_a_segment_grown_by_a_part_joined_since_is_named_joined_not_edited() -> None:
    """Before: matched as "text was edited since the review" (edited, not joined): its words
    are all there, unchanged; the segment grew."""
    review = [Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, row=8)]
    match = match_decisions(review, haven(f"{HAVEN}\n{SLEEP}"))
    assert match.on == ("b_haven_rev:0005",)
    assert match.joined == (True,)
    assert match.edited == (False,)
    from roqa_nlp.decisions import warn_of_edited_text

    with pytest.warns(RoqaWarning) as caught:
        warn_of_edited_text(match, "code_new/S3/decisions.csv")
    assert [str(w.message) for w in caught] == [
        "code_new/S3/decisions.csv: 1 decision followed its words into 1 segment holding more "
        "talk than it decided (a turn no longer parted, or segments joined, since the review): "
        "b_haven_rev:0005 (row 8); check the decision fits the whole segment"
    ]


def test_a_segment_grown_by_a_part_joined_before_it_is_named_joined_too() -> None:
    review = [Decision("b_haven_rev:0006", "recode", "CI.A", text=HAVEN, row=8)]
    match = match_decisions(review, haven(f"{SLEEP} {HAVEN}"))
    assert (match.on, match.joined, match.edited) == (("b_haven_rev:0005",), (True,), (False,))


def test_a_segment_grown_since_found_by_the_near_rule_is_named_joined_too() -> None:
    """Two segments of the transcript say the decision's words (so the joined rule, run first,
    places it on neither); the near rule takes the one grown by a short part (0.92 near), and it
    is named joined, not edited."""
    long = f"{HAVEN} " + " ".join(["and then we talk it through with the whole team"] * 3)
    result = CodingResult(
        segments=[
            seg("b_haven_rev:0005", f"{HAVEN} {SLEEP}"),
            seg("b_haven_rev:0009", long),
        ]
    )
    review = [Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, row=8)]
    match = match_decisions(review, result)
    assert (match.on, match.joined, match.edited) == (("b_haven_rev:0005",), (True,), (False,))


def test_a_segment_parted_since_by_a_short_part_is_named_parted_as_docs_say() -> None:
    """The reverse (docs/report.md, "Segments joined since the review"): a decision on a
    segment a short part was parted off since (SLEEP, 8 words of 52) goes by the near rule to
    the rest, 0.92 near, as before, and is named as parted, the part named and left undecided
    (before: named as text edited, though no word changed); a longer part parted off (0.5 near)
    leaves it on no segment, its cause a turn parted."""
    from roqa_nlp.decisions import PARTED, unmatched_cause, warn_of_edited_text

    review = [Decision("b_haven_rev:0005", "recode", "CI.A", text=f"{HAVEN} {SLEEP}", row=8)]
    match = match_decisions(
        review,
        CodingResult(segments=[seg("b_haven_rev:0005", HAVEN), seg("b_haven_rev:0006", SLEEP)]),
    )
    assert (match.on, match.joined, match.edited) == (("b_haven_rev:0005",), (False,), (True,))
    assert match.parted_off == (("b_haven_rev:0006",),)
    assert match.matched_to_edited == ()
    with pytest.warns(RoqaWarning) as caught:
        warn_of_edited_text(match, "code_new/S3/decisions.csv")
    assert [str(w.message) for w in caught] == [
        "code_new/S3/decisions.csv: 1 decision matched to 1 segment a short part was parted off "
        "since the review (a turn parted; the words decided are the segment's and the part's, "
        "unchanged): b_haven_rev:0005 (row 8; part parted off: b_haven_rev:0006); the part "
        "parted off is undecided: decide it in the report"
    ]
    half = HAVEN.split(". ")
    parted = CodingResult(
        segments=[seg("b_haven_rev:0005", f"{half[0]}."), seg("b_haven_rev:0006", half[1])]
    )
    review = [Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, row=8)]
    match = match_decisions(review, parted)
    assert match.on == (None,)
    assert unmatched_cause(review[0], parted)[0] == PARTED


#: a short part parted off the start of the decided words, or its end across two segments; a
#: word edited too, or the part parted off not what the segments beside it say: edited
PARTED_CASES = [
    (f"{SLEEP} {HAVEN}", [("p:0004", SLEEP), ("p:0005", HAVEN)], "p:0005", ("p:0004",)),
    (
        f"{HAVEN} Yes. {SLEEP}",
        [("p:0005", HAVEN), ("p:0006", "Yes."), ("p:0007", SLEEP)],
        "p:0005",
        ("p:0006", "p:0007"),
    ),
    (
        f"{HAVEN} {SLEEP}",
        [("p:0005", HAVEN.replace("cos", "because")), ("p:0006", SLEEP)],
        "p:0005",
        (),
    ),
    (
        f"{HAVEN} {SLEEP}",
        [("p:0005", HAVEN), ("p:0006", "Even so, I want to sleep.")],
        "p:0005",
        (),
    ),
    (f"{HAVEN} {SLEEP}", [("p:0004", SLEEP), ("p:0005", HAVEN)], "p:0005", ()),
]


@pytest.mark.parametrize(("decided", "segments", "on", "off"), PARTED_CASES)
def test_only_a_part_said_beside_it_unchanged_is_named_parted(
    decided: str, segments: list[tuple[str, str]], on: str, off: tuple[str, ...]
) -> None:
    review = [Decision("p:0005", "accept", "CI.A", text=decided, row=3)]
    match = match_decisions(review, CodingResult(segments=[seg(s, t) for s, t in segments]))
    assert (match.on, match.edited, match.parted_off) == ((on,), (True,), (off,))


def test_the_page_names_a_segment_parted_since_as_python_does() -> None:
    """report.js's matchRows names the same rows parted (partedOff, after grownSegments), the
    same segments parted off, and places every row where match_decisions does."""
    for decided, segments, _, _ in PARTED_CASES:
        review = [
            Decision("p:0005", "accept", "CI.A", text=decided, row=3),
            Decision("q:0001", "accept", "CI.A", text=f"{HAVEN} {SLEEP}", row=4),
        ]
        result = CodingResult(
            segments=[seg(s, t) for s, t in [*segments, ("q:0001", HAVEN), ("q:0002", SLEEP)]]
        )
        python = match_decisions(review, result)
        page = _page_matches(review, result, parted=True)
        assert page == [
            [on, e, j, list(off)]
            for on, e, j, off in zip(python.on, python.edited, python.joined, python.parted_off)
        ]


#: the parted cases of hunt s76 (L4), each with the part's own decision: (the decisions' words
#: and their segments, the segments now, the end of the parted warning)
PARTS_DECIDED = [
    (  # the part parted off decided by its own row: not undecided
        [(f"{HAVEN} {SLEEP}", "p:0005"), (SLEEP, "p:0006")],
        [("p:0005", HAVEN), ("p:0006", SLEEP)],
        "; the part parted off has a decision of its own",
    ),
    (  # two parts parted off, one decided: the other named undecided
        [(f"{HAVEN} Yes. {SLEEP}", "p:0005"), (SLEEP, "p:0007")],
        [("p:0005", HAVEN), ("p:0006", "Yes."), ("p:0007", SLEEP)],
        "; of the parts parted off, p:0006 is undecided: decide it in the report (the others "
        "have a decision of their own)",
    ),
    (  # none decided: as before
        [(f"{HAVEN} Yes. {SLEEP}", "p:0005")],
        [("p:0005", HAVEN), ("p:0006", "Yes."), ("p:0007", SLEEP)],
        "; the part parted off is undecided: decide it in the report",
    ),
]


@pytest.mark.parametrize(("decided", "segments", "end"), PARTS_DECIDED)
def test_a_part_parted_off_that_a_decision_matched_is_not_called_undecided(
    decided: list[tuple[str, str]], segments: list[tuple[str, str]], end: str
) -> None:
    """Hunt s76 (L4): the warning said "the part parted off is undecided" of a part its own row
    decided, beside the warning that named that row. Only parts no decision matched are
    undecided; the page's status line says the same (partsUndecidedText)."""
    import json

    from report_fixture import node_prints, report_js_functions
    from roqa_nlp.decisions import warn_of_edited_text

    review = [
        Decision(sid, "accept", "CI.A", text=text, row=n)
        for n, (text, sid) in enumerate(decided, 3)
    ]
    match = match_decisions(review, CodingResult(segments=[seg(s, t) for s, t in segments]))
    assert match.on == tuple(sid for _, sid in decided)
    with pytest.warns(RoqaWarning) as caught:
        warn_of_edited_text(match, "d.csv")
    parted = [str(w.message) for w in caught if "parted off since" in str(w.message)]
    assert len(parted) == 1 and parted[0].endswith(
        f"(row 3; part parted off: {', '.join(match.parted_off[0])}){end}"
    ), parted
    matched = [
        {"segment": sid, "parted": list(off)} for sid, off in zip(match.on, match.parted_off)
    ]
    page = node_prints(
        report_js_functions("partedText", "partsUndecidedText")
        + f"console.log(JSON.stringify(partedText({json.dumps(matched)})));"
    )
    assert page.endswith(f"(part parted off: {', '.join(match.parted_off[0])}){end}"), page


def test_words_edited_are_still_named_edited() -> None:
    """Its words differ (a word corrected, or the segment grew and a word differs, or their
    case): the transcript was edited, as before."""
    for now in (
        HAVEN.replace("cos", "because"),
        f"{HAVEN.replace('absolute', 'very')} Yes.",
        HAVEN.replace("It's hard", "it's hard") + " Yes.",
    ):
        review = [Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, row=8)]
        match = match_decisions(review, haven(now))
        assert (match.on, match.joined, match.edited) == (("b_haven_rev:0005",), (False,), (True,))


def test_training_learns_the_words_decided_of_a_segment_grown_since(cfir: Codebook) -> None:
    """Before: learnt on the whole grown segment, the talk joined to it too (as an edit)."""
    review = [Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, suggestion="IS.C")]
    with pytest.warns(RoqaWarning, match="followed its words"):
        plan = feedback_plan([(review, haven(f"{HAVEN} {SLEEP}"), "d.csv")], cfir)
    assert plan.texts == [HAVEN]


def test_the_page_names_a_segment_grown_since_joined_as_python_does() -> None:
    """report.js's grownSegments, run after nearMatches: the rows it matched nearly whose very
    words a longer segment of their transcript holds leave `edited` for `joined`."""
    import json

    from report_fixture import node_prints, report_js_functions

    texts = {
        "h:0005": f"{HAVEN} {SLEEP}",  # grown: joined
        "h:0006": f"{SLEEP} {HAVEN.replace('cos', 'because')}",  # a word edited: edited
        "h:0007": HAVEN.replace("absolute", "very"),  # as long, edited
        "g:0001": f"{HAVEN} {SLEEP}",  # another transcript (renamed since): edited
    }
    keys = [
        json.dumps(["h:0005", HAVEN]),
        json.dumps(["h:0006", HAVEN]),
        json.dumps(["h:0007", HAVEN]),
        json.dumps(["f:0001", HAVEN]),
    ]
    chosen = dict(zip(keys, ["h:0005", "h:0006", "h:0007", "g:0001"]))
    edited = {k: True for k in keys}
    script = (
        "function transcriptPart(s) { var at = s.lastIndexOf(':'); return at < 0 ? '' : "
        "s.slice(0, at); }\n"
        + report_js_functions("holds", "grownSegments")
        + f"var edited = {json.dumps(edited)};\n"
        + f"var grown = grownSegments(edited, {json.dumps(chosen)}, {json.dumps(texts)});\n"
        + "console.log(JSON.stringify([edited, grown]));"
    )
    edited_now, grown = node_prints(script)
    assert set(grown) == {keys[0]}
    assert set(edited_now) == set(keys[1:])
    # Python names the same one joined
    from roqa_nlp.decisions import _grown_by_joining

    result = CodingResult(segments=[seg(sid, t) for sid, t in texts.items()])
    python = _grown_by_joining({tuple(json.loads(k)): c for k, c in chosen.items()}, result)
    assert list(python) == [tuple(json.loads(keys[0]))]


# -- the joined mark kept through the page's copies of a row (s75) --------------------------------


def _page_loads(
    decisions: list[Decision], result: CodingResult, crosswalk: dict[str, object]
) -> list[object]:
    """report.js's Load decisions... run by node as loadDecisions reads the rows of
    ``decisions`` on a CFIR 2009 page of the segments of ``result`` (``crosswalk``: its
    #roqa-crosswalk): matchRows, readInPage, inCodebookIds; [segment, code, joined] of each row
    read, and the status line's joinedText."""
    import json
    import re

    from report_fixture import node_prints, report_js, report_js_functions
    from roqa_nlp import decisions as decisions_module

    names = re.findall(r"^  function (\w+)\(", report_js(), flags=re.M)
    page = [{"sid": s.segment.id, "text": s.segment.text} for s in result.segments]
    rows = [
        {"segment_id": d.segment_id, "text": d.text, "decision": d.decision, "code_id": d.code_id}
        | {"suggestion": d.suggestion, "note": "", "new_code": "", "valence": d.valence}
        for d in decisions
    ]
    codes = [{"id": c.id, "name": c.name} for c in Codebook.load("cfir-2009").codes]
    near = {
        "near_text": decisions_module.NEAR_TEXT,
        "near_margin": decisions_module.NEAR_MARGIN,
        "casefold": decisions_module.casefold_table(),
    }
    script = (
        report_js_functions(*names)
        + f"var near = {json.dumps(near)}; var foldMap = null, knownCodes = null;\n"
        + "var idByKey = null, reviewMap = null, REJECT_ALL = 3;\n"
        + "var SUGGESTIONS = '.sugg[data-code]:not(.own-code)';\n"
        + f"var codes = {json.dumps(codes)}; var crosswalk = {json.dumps(crosswalk)};\n"
        + f"var page = {json.dumps(page)};\n"
        + "var document = { querySelectorAll: function (sel) {\n"
        + "  if (sel !== '.review[data-segment]') return [];\n"
        + "  return page.map(function (p) { return { text: p.text,\n"
        + "    getAttribute: function () { return p.sid; },\n"
        + "    querySelectorAll: function () { return []; } }; }); } };\n"
        + "function segmentText(review) { return review.text; }\n"
        + f"var t = readInPage(matchRows({json.dumps(rows)}).matched);\n"
        + "var read = t.matched.map(inCodebookIds);\n"
        + "console.log(JSON.stringify([read.map(function (x) {\n"
        + "  return [x.segment, x.row.code_id, !!x.joined]; }), joinedText(read)]));"
    )
    return list(node_prints(script))


@pytest.mark.parametrize(
    ("code", "crosswalk"),
    [
        ("ci.a", {}),  # inCodebookIds
        ("IN.A", {"codes": {"IN.A": ["cfir-2.0", "Innovation Source", "CI.A"]}}),  # inModelCodes
        ("IN.A", {"into": {"IN.A": ["Innovation Source", ["CI.A"]]}}),  # inChartedCodes
    ],
)
def test_the_page_keeps_a_row_joined_when_it_rewrites_its_code_id(
    code: str, crosswalk: dict[str, object]
) -> None:
    """s75: inCodebookIds (a code written "ci.a"), and inModelCodes and inChartedCodes (a code of
    another codebook read in this page's), copied a row to rewrite its code id and dropped its
    joined mark: the status line named none of those rows as followed into a joined segment,
    though Python's warning names them (their code id read the same way)."""
    review = [Decision("d:0005", "accept", code, text=FIRST)]
    assert _page_loads(review, joined(), crosswalk) == [
        [["d:0005", "CI.A", True]],
        "; 1 decision followed its words into 1 segment holding more talk than it decided (a "
        "turn no longer parted, or segments joined, since the review): d:0005; check the "
        "decision fits the whole segment",
    ]


# -- two parts decided, joined since, the larger one's words edited too (s75 leftover C) ---------

#: HAVEN with a word corrected since the review ("cos" written out)
HAVEN_EDITED = HAVEN.replace("cos", "because")
#: the two parts as reviewed: HAVEN (row 8), SLEEP (row 9)
PARTS = [
    Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, valence="enabler", row=8),
    Decision("b_haven_rev:0006", "accept", "IC.D", text=SLEEP, valence="enabler", row=9),
]
#: coded again: the parts one segment, SLEEP after HAVEN_EDITED or before it; and (not the rest
#: of it) SLEEP said between two halves, and HAVEN rewritten (six words: 0.86 near)
GROWN_EDITED = {
    "after": (f"{HAVEN_EDITED} {SLEEP}", ["b_haven_rev:0005"] * 2),
    "before": (f"{SLEEP} {HAVEN_EDITED}", ["b_haven_rev:0005"] * 2),
    "between": (HAVEN_EDITED.replace(". But", f". {SLEEP} But"), [None, "b_haven_rev:0005"]),
    "rewritten": (
        " ".join(
            {"crisis,": "trouble,", "people": "folk", "absolute": "very", "keep": "hold"}.get(w, w)
            for w in f"{HAVEN_EDITED.replace('stay', 'visit').replace('home', 'back')} {SLEEP}".split()
        ),
        [None, "b_haven_rev:0005"],
    ),
}


@pytest.mark.parametrize("case", list(GROWN_EDITED))
def test_a_part_edited_since_goes_where_the_part_joined_to_it_went(case: str) -> None:
    """Before: the one-sentence part followed its words into the joined segment (the joined
    rule), and the segment then held another segment's decision, so the near rule gave the
    larger part's decision, nearly its words (0.90 of the whole), no segment: dropped, though
    its words are the rest of that segment. Now the near rule reads the rest of a segment
    holding only parts joined to it (those at its start or end): both decisions are on it."""
    text, on = GROWN_EDITED[case]
    match = match_decisions(PARTS, haven(text))
    assert list(match.on) == on
    assert match.joined == (False, True)
    assert match.edited == (on[0] is not None, False)


def test_both_parts_decisions_are_kept_and_training_learns_each_on_its_words(
    cfir: Codebook,
) -> None:
    with pytest.warns(RoqaWarning):
        reviewed, _, counts = reviewed_codings(
            PARTS, haven(f"{HAVEN_EDITED} {SLEEP}"), cfir, coder="A", where="d.csv"
        )
    assert [
        (s.segment.id, sorted(g.code_id for g in s.suggestions)) for s in reviewed.segments
    ] == [("b_haven_rev:0005", ["CI.A", "IC.D"])]
    assert counts["not_found"] == 0
    with pytest.warns(RoqaWarning):
        plan = feedback_plan([(PARTS, haven(f"{SLEEP} {HAVEN_EDITED}"), "d.csv")], cfir)
    # the edited part as the segment says it now, the part joined to it aside
    assert (plan.texts, plan.labels) == ([HAVEN_EDITED, SLEEP], [["CI.A"], ["IC.D"]])


def test_parts_so_decided_differently_are_named() -> None:
    from roqa_nlp.decisions import warn_of_edited_text

    review = [PARTS[0], Decision("b_haven_rev:0006", "reject", "CI.A", text=SLEEP, row=9)]
    match = match_decisions(review, haven(f"{HAVEN_EDITED} {SLEEP}"))
    with pytest.warns(RoqaWarning) as caught:
        warn_of_edited_text(match, "d.csv")
    assert [str(w.message) for w in caught] == [
        "d.csv: 1 decision followed its words into 1 segment holding more talk than it decided "
        "(a turn no longer parted, or segments joined, since the review): b_haven_rev:0005 "
        "(row 9); check the decision fits the whole segment",
        "d.csv: decisions on parts of b_haven_rev:0005 decided differently, now one segment: "
        "CI.A accepted (row 8), rejected (row 9); the later row stands: decide "
        "b_haven_rev:0005 again in the report",
        "d.csv: 1 decision matched to 1 segment whose text was edited since the review (nearly "
        "the same words, not the same): b_haven_rev:0005 (row 8); check they are the talk "
        "decided on",
    ]


def test_the_page_places_parts_joined_and_edited_since_as_python_does() -> None:
    for text, on in GROWN_EDITED.values():
        result = haven(text)
        python = match_decisions(PARTS, result)
        assert _page_matches(PARTS, result) == [
            list(x) for x in zip(python.on, python.edited, python.joined)
        ]
        assert [x[0] for x in _page_matches(PARTS, result)] == on


@pytest.mark.parametrize(
    ("review", "text", "named"),
    [
        (
            [
                Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, valence="enabler"),
                Decision("b_haven_rev:0006", "reject", "CI.A", text=SLEEP),
            ],
            "edited",
            1,
        ),
        (
            [
                Decision("b_haven_rev:0005", "accept", "CI.A", text=HAVEN, valence="enabler"),
                Decision("b_haven_rev:0006", "accept", "IC.D", text=SLEEP, valence="barrier"),
            ],
            "joined",
            1,
        ),
        (PARTS, "edited", 0),  # decided alike: nothing named
        (
            [
                Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, suggestion="OS.A"),
                Decision("b_haven_rev:0006", "accept", "OS.A", text=SLEEP),
            ],
            "edited",
            1,
        ),
        (
            [
                Decision("b_haven_rev:0005", "reject", "OS.A", text=HAVEN),
                # a rejection, then a recode of it agree: not named
                Decision("b_haven_rev:0006", "recode", "CI.A", text=SLEEP, suggestion="OS.A"),
            ],
            "joined",
            0,
        ),
        (
            [
                Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, suggestion="OS.A"),
                # a recode, then a rejection of it: the recode taken back (hunt s76 F4)
                Decision("b_haven_rev:0006", "reject", "OS.A", text=SLEEP),
            ],
            "joined",
            1,
        ),
        (
            [
                # OS.A by its name, as the page reads it (hunt s76 F5)
                Decision("b_haven_rev:0005", "accept", "Patient Needs & Resources", text=HAVEN),
                Decision("b_haven_rev:0006", "reject", "OS.A", text=SLEEP),
            ],
            "joined",
            1,
        ),
        (
            [
                Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, suggestion="os.a"),
                Decision("b_haven_rev:0006", "reject", "Patient Needs and Resources", text=SLEEP),
            ],
            "edited",
            1,
        ),
    ],
)
def test_the_page_names_parts_decided_differently_as_python_does(
    review: list[Decision], text: str, named: int
) -> None:
    """Python names the segments holding parts decided differently (_warn_of_joined); the page's
    status line named none of them (s75), only the segments to check. Its rows carry no row
    number: each part is named by its segment id as reviewed, as Python names rows made in
    memory."""
    from roqa_nlp.decisions import warn_of_edited_text

    result = haven(f"{HAVEN_EDITED if text == 'edited' else HAVEN} {SLEEP}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_of_edited_text(match_decisions(review, result), None, Codebook.load("cfir-2009"))
    python = [str(w.message) for w in caught if "decided differently" in str(w.message)]
    _, said = _page_loads(review, result, {})
    assert isinstance(said, str)
    page = [f"decisions on{part}" for part in said.split("; decisions on")[1:]]
    assert page == python
    assert len(page) == named


def test_a_code_recoded_on_one_part_and_accepted_on_the_other_is_named(cfir: Codebook) -> None:
    """s76 gate: the model showed OS.A on both parts; one recoded to CI.A, the other accepted.
    Joined, the later accept takes the recode back (replaced_on_a_suggestion), CI.A is not
    given, and the warning of parts decided differently said nothing of it (only the list of
    rows contradicted did, often behind "and N more")."""
    review = [
        Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, suggestion="OS.A", row=8),
        Decision("b_haven_rev:0006", "accept", "OS.A", text=SLEEP, row=9),
    ]
    with pytest.warns(RoqaWarning) as caught:
        reviewed, _, _ = reviewed_codings(
            review, haven(f"{HAVEN} {SLEEP}"), cfir, coder="A", where="d.csv"
        )
    assert (
        "d.csv: decisions on parts of b_haven_rev:0005 decided differently, now one segment: "
        "OS.A recoded to CI.A (row 8), accepted (row 9); the later row stands: decide "
        "b_haven_rev:0005 again in the report"
    ) in [str(w.message) for w in caught]
    assert [[g.code_id for g in s.suggestions] for s in reviewed.segments] == [["OS.A"]]


# -- the rows of parts decided differently in one mark, as a sentence says them (s76) -------------

#: three parts, one turn now: two neutral (rows 2 and 4), one an enabler (row 3)
THREE_PARTS = [
    Decision("d:0005", "accept", "CI.A", text=FIRST, valence="neutral", row=2),
    Decision("d:0006", "accept", "IC.D", text=SECOND, valence="enabler", row=3),
    Decision("d:0007", "accept", "OS.A", text=AFTER, valence="neutral", row=4),
]


def three_joined() -> CodingResult:
    """Coded again: the three parts one segment."""
    return CodingResult(
        segments=[seg("d:0004", BEFORE), seg("d:0005", f"{FIRST} {SECOND} {AFTER}")]
    )


def test_the_rows_of_one_valence_are_named_in_one_mark() -> None:
    """Before: one mark a row, "valence neutral (row 2) (row 4), enabler (row 3)"."""
    from roqa_nlp.decisions import warn_of_edited_text

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_of_edited_text(match_decisions(THREE_PARTS, three_joined()), "d.csv")
    assert [str(w.message) for w in caught if "decided differently" in str(w.message)] == [
        "d.csv: decisions on parts of d:0005 decided differently, now one segment: valence "
        "neutral (rows 2 and 4), enabler (row 3); the later row stands: decide d:0005 again in "
        "the report"
    ]


def test_the_parts_of_one_code_decision_are_named_in_one_mark_each_once() -> None:
    """Made in memory (no row): each part by its segment id as reviewed, once, in Python and
    the page alike. Before: "CI.A accepted (d:0005) (d:0007)", and a part deciding two codes
    with one valence named twice, "valence enabler (d:0005) (d:0005)"."""
    from roqa_nlp.decisions import warn_of_edited_text

    review = [
        Decision("d:0005", "accept", "CI.A", text=FIRST, valence="enabler"),
        Decision("d:0005", "accept", "IC.D", text=FIRST, valence="enabler"),
        Decision("d:0006", "reject", "CI.A", text=SECOND, valence="barrier"),
        Decision("d:0007", "accept", "CI.A", text=AFTER),
    ]
    said = (
        "decisions on parts of d:0005 decided differently, now one segment: CI.A accepted "
        "(d:0005 and d:0007), rejected (d:0006); valence enabler (d:0005), barrier (d:0006); "
        "the later row stands: decide d:0005 again in the report"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_of_edited_text(match_decisions(review, three_joined()), None)
    assert [str(w.message) for w in caught if "decided differently" in str(w.message)] == [said]
    _, page = _page_loads(review, three_joined(), {})
    assert isinstance(page, str)
    assert page.endswith("; " + said)


def test_the_page_keeps_the_no_code_row_it_adds_joined_as_python_does() -> None:
    """inModelCodes adds a no-code row after a segment whose every code shown was rejected in
    another codebook's codes, on the rejection's words (decisions_crosswalk._with_no_code):
    Python matches it by those words, into the joined segment, and roqa report's warning counts
    it; the page's added row carried no joined mark (s76), so its status line counted one
    decision fewer."""
    from roqa_nlp.decisions import warn_of_edited_text
    from roqa_nlp.decisions_crosswalk import in_model_codes

    def bare(sid: str, text: str) -> SegmentResult:  # shown no code
        return SegmentResult(Segment(sid, "d", "P17", "participant", 0, len(text), text), [])

    result = CodingResult(
        segments=[
            bare("d:0004", BEFORE),
            bare("d:0005", f"{FIRST}\n{SECOND}"),
            bare("d:0006", AFTER),
        ]
    )
    review = [Decision("d:0006", "reject", "INN.A", text=SECOND)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = in_model_codes(review, Codebook.load("cfir-2009"), result, where="d.csv")
        warn_of_edited_text(match_decisions(rows, result), None)
    assert [d.decision for d in rows] == ["reject", "no-code"]
    python = [str(w.message) for w in caught if "followed" in str(w.message)]
    crosswalk = {
        "codes": {"INN.A": ["cfir-2022", "Innovation Source", "IC.A"]},
        "shown": {"cfir-2022": {"d:0005": []}},
    }
    assert _page_loads(review, result, crosswalk) == [
        [["d:0005", "IC.A", True], ["d:0005", "", True]],
        "; " + python[0],
    ]
    assert python == [
        "2 decisions followed their words into 1 segment holding more talk than they decided (a "
        "turn no longer parted, or segments joined, since the review): d:0005; check the "
        "decision fits the whole segment"
    ]


@pytest.mark.parametrize("order", ["recode first", "reject first"])
def test_a_code_recoded_on_one_part_and_rejected_on_the_other_is_named_in_row_order(
    cfir: Codebook, order: str
) -> None:
    """hunt s76 F4: a recode of OS.A to CI.A on one part, then a rejection of OS.A on the other
    (the later row), takes the recode back, as on one segment (replaced_on_a_suggestion; docs:
    the later row stands): CI.A is not given. The parts decided differently were not named, and
    the rows contradicted were named on b_haven_rev:0006, a segment the codings no longer hold.
    A rejection, then the recode, agree: CI.A given, nothing named."""
    recode = Decision("b_haven_rev:0005", "recode", "CI.A", text=HAVEN, suggestion="OS.A", row=8)
    reject = Decision("b_haven_rev:0006", "reject", "OS.A", text=SLEEP, row=9)
    review = [recode, reject] if order == "recode first" else [reject, recode]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reviewed, _, _ = reviewed_codings(
            review, haven(f"{HAVEN} {SLEEP}"), cfir, coder="A", where="d.csv"
        )
    said = [str(w.message) for w in caught if "followed their words" not in str(w.message)]
    codes = [[g.code_id for g in s.suggestions] for s in reviewed.segments]
    if order == "reject first":
        assert (said, codes) == ([], [["CI.A"]])
        return
    assert said[:2] == [
        "d.csv: decisions on parts of b_haven_rev:0005 decided differently, now one segment: "
        "OS.A recoded to CI.A (row 8), rejected (row 9); the later row stands: decide "
        "b_haven_rev:0005 again in the report",
        "d.csv: 1 decision(s) contradicted by a later row on the same segment, the later row "
        "kept: rows 8 and 9: recode of OS.A to CI.A then reject OS.A on b_haven_rev:0005",
    ]
    assert codes == []


def test_parts_deciding_a_code_by_its_name_and_by_its_id_are_named(cfir: Codebook) -> None:
    """hunt s76 F5: an accept of "Patient Needs & Resources" (OS.A by its name) on one part, a
    rejection of OS.A on the other: Python compared the codes as written and named nothing,
    though the page (its rows read by code id) named them. The rows contradicted are named on
    the segment they are on now, b_haven_rev:0005, not the later row's b_haven_rev:0006."""
    review = [
        Decision("b_haven_rev:0005", "accept", "Patient Needs & Resources", text=HAVEN, row=8),
        Decision("b_haven_rev:0006", "reject", "OS.A", text=SLEEP, row=9),
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reviewed_codings(review, haven(f"{HAVEN} {SLEEP}"), cfir, coder="A", where="d.csv")
    said = [str(w.message) for w in caught]
    assert said[1:3] == [
        "d.csv: decisions on parts of b_haven_rev:0005 decided differently, now one segment: "
        "OS.A accepted (row 8), rejected (row 9); the later row stands: decide b_haven_rev:0005 "
        "again in the report",
        "d.csv: 1 decision(s) contradicted by a later row on the same segment, the later row "
        "kept: rows 8 and 9: accept then reject OS.A on b_haven_rev:0005",
    ]


def test_a_valence_changed_on_a_joined_segment_is_named_on_that_segment(cfir: Codebook) -> None:
    """The valence of one part changed by the other's, the later row: named on the segment the
    rows are on now (hunt s76 F4: the later row's own id, b_haven_rev:0006, is no segment)."""
    review = [
        Decision("b_haven_rev:0005", "accept", "CI.A", text=HAVEN, valence="enabler", row=8),
        Decision("b_haven_rev:0006", "accept", "CI.A", text=SLEEP, valence="barrier", row=9),
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reviewed_codings(review, haven(f"{HAVEN} {SLEEP}"), cfir, coder="A", where="d.csv")
    assert (
        "d.csv: 1 decision(s) contradicted by a later row on the same segment, the later row "
        "kept: rows 8 and 9: valence enabler then barrier on b_haven_rev:0005"
    ) in [str(w.message) for w in caught]


def test_codes_of_two_sides_on_a_joined_segment_are_named_on_that_segment(
    cfir: Codebook,
) -> None:
    """An enabler code on one part, a barrier code on the other: the sides warning names the
    segment the rows are on now, b_haven_rev:0005, not the later row's b_haven_rev:0006, which
    is no segment (dfix s76 leftover), as the contradicted list does."""
    review = [
        Decision("b_haven_rev:0005", "accept", "CI.A", text=HAVEN, valence="enabler", row=8),
        Decision("b_haven_rev:0006", "accept", "IC.D", text=SLEEP, valence="barrier", row=9),
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reviewed_codings(review, haven(f"{HAVEN} {SLEEP}"), cfir, coder="A", where="d.csv")
    assert [str(w.message) for w in caught if "valences" in str(w.message)] == [
        "d.csv: 1 segment(s) given codes of different valences, but a segment holds one "
        "valence, the last row's, for all its codes: rows 8 and 9: CI.A enabler, IC.D barrier "
        "on b_haven_rev:0005, all charted as barrier; to give each code its own side, code the "
        "transcript again with `roqa code --unit sentence` (a segment per sentence) and decide "
        "its sentences, or give the segment the valence of its main point"
    ]
