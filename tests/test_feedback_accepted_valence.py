"""A code accepted beside a new code keeps, on its segment, the valence the review showed it with
(daily29, session 91).

The researcher accepted IS.E.2, shown as a barrier at 0.887, and gave the segment a new code with
no valence row. The review charts IS.E.2 a barrier there; the example has no valence (the valence
head leaves it out, docs/report.md "Valence"), and the retrained model read the segment, its new
code on top, neutral (the new code given no valence reads neutral): coded again and reviewed with
the same decisions, the barrier left Table 2. So the segment keeps the accepted valence for its
words and question (``valences_given``, :mod:`roqa_nlp.decided_valences`), as a valence row's;
the valence head's label is unchanged. An accepted valence the page marked "valence unsure"
(below 0.6) was not judged, and is not kept.
"""

from __future__ import annotations

import pytest

from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, feedback_plan
from roqa_nlp.embedding import Embedder
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from roqa_nlp.training import TrainingSet

SURE, UNSURE = 0.887, 0.55
QUESTION = "And during the pandemic?"


@pytest.fixture(scope="module")
def cfir() -> Codebook:
    return Codebook.load("cfir-2009")


def words(n: int) -> str:
    topics = ["the rota", "the budget", "agency cover", "the new manager", "night shifts"]
    return f"Answer {n}: we spent most of that year worrying about {topics[n % len(topics)]}."


# kind -> (shown valence probability, the decisions on the segment, the valence head's label
# (None: the valence head leaves the example out), the valence kept for the segment's words
# ("": none))
# "shown" in a label stands for the valence the segment was shown with
KINDS: dict[str, tuple[float, list[tuple[str, str, str]], str | None, str]] = {
    # decision, code, new code
    "accept only": (SURE, [("accept", "IS.E.2", "")], "shown", ""),
    "accept + new code": (
        SURE,
        [("new-code", "", "Covid workforce disruption"), ("accept", "IS.E.2", "")],
        None,
        "shown",
    ),
    "recode": (SURE, [("recode", "IS.E.1", "")], "shown", ""),
    "reject all three": (
        SURE,
        [("reject", "IS.E.2", ""), ("reject", "PR.C", ""), ("reject", "IS.D.3", "")],
        None,
        "",
    ),
    "valence row": (SURE, [("accept", "IS.E.2", ""), ("valence", "", "")], "given", "given"),
    "new code only": (SURE, [("new-code", "", "Covid workforce disruption")], None, ""),
    "accept unsure + new code": (
        UNSURE,
        [("new-code", "", "Covid workforce disruption"), ("accept", "IS.E.2", "")],
        None,
        "",
    ),
    "accept only unsure": (UNSURE, [("accept", "IS.E.2", "")], "shown", ""),
}
SIDES = ["barrier", "enabler", "neutral"]
OTHER = {"barrier": "enabler", "enabler": "neutral", "neutral": "barrier"}
PER_KIND = 6


def study() -> tuple[CodingResult, list[Decision], dict[str, tuple[str, str | None, str]]]:
    """48 segments, 6 of each kind, their decisions, and each one's (kind, head label, kept)."""
    segs, rows, truth = [], [], {}
    for n in range(len(KINDS) * PER_KIND):
        kind = list(KINDS)[n // PER_KIND]
        vp, decided, head, kept = KINDS[kind]
        shown, given = SIDES[n % 3], OTHER[SIDES[n % 3]]
        text, sid = words(n), f"p02:{n:04d}"
        seg = Segment(sid, "p02", "P02", "participant", 0, len(text), text, context=QUESTION)
        suggestions = [
            Suggestion(code, code, code[:2], p, valence=shown, valence_probability=vp)
            for code, p in [("IS.E.2", 0.5), ("PR.C", 0.27), ("IS.D.3", 0.07)]
        ]
        segs.append(SegmentResult(segment=seg, suggestions=suggestions))
        for decision, code, new in decided:
            rows.append(
                Decision(
                    sid,
                    decision,
                    code,
                    new_code=new,
                    text=text,
                    valence=given if decision == "valence" else "",
                    suggestion="IS.E.2" if decision == "recode" else "",
                )
            )
        said = {"shown": shown, "given": given}
        truth[sid] = (kind, None if head is None else said.get(head, head), said.get(kept, kept))
    return CodingResult(segments=segs), rows, truth


def test_each_decided_segment_is_trained_and_kept_with_the_valence_decided(
    cfir: Codebook,
) -> None:
    result, rows, truth = study()
    plan = feedback_plan([(rows, result, "decisions.csv")], cfir, valence_only=True)
    ts = plan.training_set()
    learnt = set(ts.valence_rows())
    head = {
        sid.removeprefix("feedback-"): (ts.valences[i] if i in learnt else None)
        for i, sid in enumerate(ts.ids)
    }
    kept = {sid: v for sid, _, _, v in plan.valences_given}
    wrong = [
        (sid, kind, (want_head, want_kept), (head.get(sid), kept.get(sid, "")))
        for sid, (kind, want_head, want_kept) in truth.items()
        if (head.get(sid), kept.get(sid, "")) != (want_head, want_kept)
    ]
    assert len(truth) == 48
    assert wrong == []
    # the accepted barrier of the report: kept for the words after their question
    assert ("p02:0006", words(6), QUESTION, "barrier") in plan.valences_given
    # 6 valence rows and the 6 sure accepts beside a new code
    assert len(plan.valences_given) == 12


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ([("barrier", SURE)], "barrier"),
        ([("neutral", 0.6)], "neutral"),  # at the line: sure
        ([("enabler", None)], "enabler"),  # a person's valence
        ([("barrier", 0.5999)], ""),  # valence unsure on the page
        ([("barrier", SURE), ("barrier", 0.7)], "barrier"),
        ([("barrier", SURE), ("enabler", 0.7)], ""),  # two sides shown: none
        ([("", SURE)], ""),
        ([], ""),  # nothing accepted
    ],
)
def test_accepted_valence(shown: list[tuple[str, float | None]], expected: str) -> None:
    from roqa_nlp.decisions import accepted_valence

    seg = Segment("p02:0001", "p02", "P02", "participant", 0, 5, "Words")
    codes = [f"IS.E.{i}" for i in range(1, len(shown) + 1)]
    found = SegmentResult(
        segment=seg,
        suggestions=[
            Suggestion(c, c, "IS", 0.5, valence=v, valence_probability=p)
            for c, (v, p) in zip(codes, shown, strict=True)
        ],
    )
    assert accepted_valence([(c, found) for c in codes]) == expected


def test_an_accepted_code_not_suggested_on_its_segment_keeps_nothing() -> None:
    from roqa_nlp.decisions import accepted_valence

    seg = Segment("p02:0001", "p02", "P02", "participant", 0, 5, "Words")
    found = SegmentResult(
        segment=seg, suggestions=[Suggestion("IS.E.2", "x", "IS", 0.5, "barrier")]
    )
    assert accepted_valence([("IS.E.1", found)]) == ""
    assert accepted_valence([("IS.E.2", None)]) == ""


@pytest.mark.filterwarnings("ignore::roqa_nlp.errors.RoqaWarning")
def test_the_retrained_model_reads_the_segment_with_the_accepted_valence(
    embedder: Embedder, tiny_training: TrainingSet
) -> None:
    """End to end, as in the report: retrained on the new code and the accept, the model read the
    segment, its new code on top, neutral; now it reads it with the accepted barrier."""
    text = "Half the team were off isolating, and agency staff didn't know anyone on the ward."
    seg = Segment("p02:0008", "p02", "P02", "participant", 0, len(text), text)
    shown = Suggestion("IS.E.2", "Available Resources", "IS", 0.5, "barrier", SURE)
    codings = CodingResult(segments=[SegmentResult(segment=seg, suggestions=[shown])])
    rows = [
        Decision("p02:0008", "new-code", new_code="Covid workforce disruption", text=text),
        Decision("p02:0008", "accept", "IS.E.2", text=text),
    ]
    ac = AutoCoder("cfir-2009", embedder=embedder).update(
        rows, codings=codings, training=tiny_training, weight=10
    )
    (top,) = ac.suggest(text, top_k=1)[0]
    assert (top.code_id, top.valence) == ("project.covid-workforce-disruption", "barrier")
