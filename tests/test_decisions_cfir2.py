"""Specification of a review made in CFIR 2.0 (``roqa code --codebook cfir-2022``): its decisions
on CFIR 2.0 codes are read as decisions on the model's CFIR 2009 codes for training, and kept as
the reviewer's CFIR 2.0 codes by ``apply-decisions`` (``roqa_nlp.decisions_crosswalk``)."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
import warnings
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.crosswalk import crosswalk
from roqa_nlp.decisions import (
    COLUMNS,
    NO_CODE,
    Decision,
    feedback_plan,
    project_codebook,
    reviewed_codings,
)
from roqa_nlp.decisions_crosswalk import counterpart, in_model_codes, review_codebook
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

CFIR = Codebook.load("cfir-2009")
CFIR2 = Codebook.load("cfir-2022")


def sug(code: str, p: float, valence: str = "neutral") -> Suggestion:
    c = CFIR[code]
    return Suggestion(code, c.name, c.domain, p, valence, valence_probability=0.6)


#: each segment's words and the model's suggestions; in CFIR 2.0 (as the report charts them):
#: 1 INS.E, PRO.H; 2 OUT.E, OUT.F, OUT.G.3; 3 INS.J, INN.F; 4 PRO.G, INS.E;
#: 5 INN.C, IND.K, INS.F; 6 none (its top code, Individual Identification, has no CFIR 2.0 code)
SEGMENTS = {
    "We missed a deteriorating patient on paper charts, so we knew something had to change.": [
        sug("IS.D.1", 0.7, "enabler"),
        sug("PR.D", 0.2),
    ],
    "The national early warning policy and the commissioners' money pushed it through.": [
        sug("OS.D", 0.8, "enabler")
    ],
    "The wifi drops in the side rooms and the device logs you out.": [
        sug("IS.E.2", 0.6, "barrier"),
        sug("IC.F", 0.2, "barrier"),
    ],
    "It was the month of the ransomware attack on our supplier.": [
        sug("PR.C", 0.5),
        sug("IS.D.1", 0.3),
    ],
    "I liked the old charts, honestly, I was used to them.": [
        sug("IC.C", 0.5),
        sug("CI.B", 0.3),
        sug("IS.D.2", 0.1),
    ],
    "I feel part of this trust, it's my hospital.": [sug("CI.D", 0.6), sug("IS.D.1", 0.3)],
}
TEXT = list(SEGMENTS)


def codings() -> CodingResult:
    """The model's codings (CFIR 2009) the review was made on: one transcript p01."""
    out, pos = [], 0
    for n, (words, suggestions) in enumerate(SEGMENTS.items(), 1):
        seg = Segment(f"p01:{n:04d}", "p01", "P01", "participant", pos, pos + len(words), words)
        out.append(SegmentResult(segment=seg, suggestions=suggestions, novel=False, novelty_p=0.5))
        pos += len(words) + 1
    return CodingResult(out, meta={"model": {"codebook": "cfir-2009"}})


def row(n: int, decision: str, code: str = "", **kw: str) -> Decision:
    return Decision(f"p01:{n:04d}", decision, code, text=TEXT[n - 1], **kw)


#: the review, as the CFIR 2.0 report's buttons save it
REVIEW = [
    row(1, "accept", "INS.E"),
    row(1, "reject", "PRO.H"),
    row(2, "accept", "OUT.E"),
    row(2, "reject", "OUT.F"),
    row(3, "recode", "INS.A.2", suggestion="INS.J"),
    row(4, "recode", "OUT.A", suggestion="PRO.G"),
    row(5, "reject", "INN.C"),
    row(5, "reject", "IND.K"),
    row(5, "reject", "INS.F"),
    row(6, "accept", "INS.E"),
]


def read(decisions: list[Decision], result: CodingResult | None) -> tuple[list[Decision], str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = in_model_codes(decisions, CFIR, result, where="decisions.csv")
    said = [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]
    assert len(said) == 1, said
    return out, said[0]


def test_each_cfir2_decision_becomes_the_decision_on_the_model_code_it_stands_for() -> None:
    out, _ = read(REVIEW, codings())
    assert out == [
        row(1, "accept", "IS.D.1"),  # Tension for Change, shown for Tension for Change
        row(1, "reject", "PR.D"),  # Reflecting & Evaluating, shown for Reflecting & Evaluating
        row(2, "accept", "OS.D"),  # Policies & Laws, shown for External Policy & Incentives;
        # Financing, rejected, was shown for that suggestion too: the suggestion was right
        row(3, "recode", "IS.A", suggestion="IS.E.2"),  # IT Infrastructure: its construct's
        row(4, "new-code", new_code="Critical Incidents"),  # no CFIR 2009 code maps onto it
        row(5, "reject", "IC.C"),
        row(5, "reject", "CI.B"),
        row(5, "reject", "IS.D.2"),
        row(5, NO_CODE),  # every code shown rejected: fits no code
        row(6, "accept", "IS.D.1"),  # not shown there: the one code that maps onto it
    ]


def test_one_warning_says_how_many_decisions_were_read_so_and_what_became_of_them() -> None:
    _, said = read(REVIEW, codings())
    assert said == (
        "decisions.csv: 10 decisions on cfir-2022 codes read as decisions on the model's "
        "cfir-2009 codes through the documented mapping: 6 on the cfir-2009 suggestion their code "
        "was shown for, 2 on the cfir-2009 code their code stands for (1 of them learned as a "
        "cfir-2009 code that charts as another cfir-2022 code too, or instead, so a retrained "
        "model may chart them as that one: Information Technology Infrastructure as Structural "
        "Characteristics), 1 as new codes named as "
        "their cfir-2022 code (Critical Incidents), 1 rejection left out (of a code with no one "
        "cfir-2009 code, or of a suggestion accepted under another code), 1 segment with every "
        "code shown rejected kept as fitting no code"
    )


def test_the_warning_counts_the_rows_kept_as_they_are_and_what_the_decisions_became() -> None:
    """Tester cfir2, s62: "21 decisions on cfir-2022 codes" beside 25 in the file and "23
    decisions" in the training line, unsaid how they meet. Here 5 rows: 4 on CFIR 2.0 codes and
    a valence row on no code; the rejection of Financing is left out (its suggestion was
    accepted as Policies & Laws), so 4 decisions on the model's codes are left to train with."""
    review = [*REVIEW[:4], row(2, "valence", valence="enabler")]
    out, said = read(review, codings())
    assert len(out) == 4
    assert said == (
        "decisions.csv: 4 decisions on cfir-2022 codes (of 5; 1 on no code, as a valence row "
        "is, or on the model's codes, kept as it is) read as decisions on the model's "
        "cfir-2009 codes through the documented mapping: 3 on the cfir-2009 suggestion their "
        "code was shown for, 1 rejection left out (of a code with no one cfir-2009 code, or of "
        "a suggestion accepted under another code); so the 5 decisions are 4 on cfir-2009 codes"
    )


def test_what_was_decided_is_kept_in_the_cfir2_codes_by_the_model_code_each_is_read_as() -> None:
    """Tester cfir2022, s59: a recode to Assessing Needs: Innovation Recipients is learned as
    Patient Needs & Resources, which charts as Recipient-Centeredness too; what the reviewer
    decided in CFIR 2.0 is kept by the model code it was read as, for roqa code to judge the
    retrained model's suggestions charted in CFIR 2.0 on it."""
    from roqa_nlp.decisions_crosswalk import decided_as

    read_as: list[tuple[Decision, Decision]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        out = in_model_codes(REVIEW, CFIR, codings(), read_as=read_as)
    book = project_codebook(CFIR, out)
    assert decided_as(read_as, book, codings()) == {
        TEXT[0]: {"IS.D.1": ["INS.E"]},
        TEXT[1]: {"OS.D": ["OUT.E"]},  # Financing rejected beside it: no code decided
        TEXT[2]: {"IS.A": ["INS.A.2"]},
        TEXT[3]: {"project.critical-incidents": ["OUT.A"]},
        TEXT[5]: {"IS.D.1": ["INS.E"]},
    }


def test_decisions_on_the_models_own_codes_are_kept_as_they_are_without_a_warning() -> None:
    decisions = [row(1, "accept", "IS.D.1"), row(3, "recode", "IS.A")]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert in_model_codes(decisions, CFIR, codings()) == decisions


def test_without_codings_each_code_is_read_by_the_mapping_alone() -> None:
    """No codings: nothing says what was shown, so accepts and rejects go by the mapping too, a
    rejection of a code with no one CFIR 2009 code is left out, and three rejections with nothing
    decided fit no code (as three rejections of the model's codes do without codings)."""
    out, _ = read(REVIEW, None)
    assert out == [
        row(1, "accept", "IS.D.1"),
        row(1, "reject", "PR.D"),
        row(2, "accept", "OS.D"),
        row(3, "recode", "IS.A", suggestion=""),
        row(4, "new-code", new_code="Critical Incidents"),
        row(5, "reject", "IC.C"),
        row(5, "reject", "IS.D.2"),
        row(5, NO_CODE),
        row(6, "accept", "IS.D.1"),
    ]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("INS.E", "IS.D.1"),  # one CFIR 2009 code maps onto it
        ("INS.C", "IS.B"),  # Networks & Communications maps onto Communications (and more)
        ("OUT.F", "OS.D"),
        ("PRO.H.1", "IS.D.5"),
        ("INS.A.2", "IS.A"),  # a sub-construct none maps onto: its construct's
        ("INS.J.1", "IS.E.2"),
        ("PRO.F.2", "PR.B"),
        ("PRO.D", "PR.A"),  # Planning and Goals & Feedback map onto it: the one of its name
        ("IND.C", "PR.B.1"),  # Opinion Leaders, not Champions
        ("IND.K", None),  # Capability: Knowledge & Beliefs, Self-efficacy, Personal Attributes
        ("IND.E", None),  # Implementation Leads: Formally Appointed Leaders, Champions
        ("OUT.A", None),  # Critical Incidents: no CFIR 2009 code maps onto it
        ("PRO.I", None),  # Adapting
        ("IND.I", None),  # Innovation Recipients
        ("PRO.B.1", None),  # Assessing Needs: Innovation Deliverers, nor its construct
    ],
)
def test_the_model_code_a_cfir2_code_stands_for(code: str, expected: str | None) -> None:
    assert counterpart(code, CFIR, CFIR2) == expected


def test_a_recode_to_a_construct_several_codes_map_onto_becomes_a_new_code_of_its_name() -> None:
    out, said = read([row(3, "recode", "IND.K"), row(4, "accept", "PRO.I")], codings())
    assert out == [
        row(3, "new-code", new_code="Capability"),
        row(4, "new-code", new_code="Adapting"),
    ]
    assert said.endswith("2 as new codes named as their cfir-2022 code (Capability, Adapting)")


def test_a_new_code_an_earlier_round_made_of_that_construct_is_that_code() -> None:
    book = project_codebook(CFIR, [row(1, "new-code", new_code="Critical Incidents")])
    out = in_model_codes([row(4, "recode", "OUT.A")], book, codings())
    assert out == [row(4, "recode", "project.critical-incidents")]


def test_a_domain_of_cfir2_is_a_one_line_error() -> None:
    with pytest.raises(RoqaError) as exc:
        in_model_codes([row(1, "recode", "INS")], CFIR, codings(), where="decisions.csv")
    assert str(exc.value) == (
        "decisions.csv: code 'INS' is INS Inner Setting, a domain of cfir-2022, not a codable "
        "construct (give one of its constructs)"
    )


def test_the_training_labels_of_a_cfir2_review() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        plan = feedback_plan([(REVIEW, codings(), "decisions.csv")], CFIR)
    assert list(zip(plan.ids, plan.labels, plan.kinds)) == [
        ("p01:0001", ["IS.D.1"], "coded"),
        ("p01:0002", ["OS.D"], "coded"),
        ("p01:0003", ["IS.A"], "coded"),
        ("p01:0004", ["project.critical-incidents"], "coded"),
        ("p01:0005", [], "rejected"),
        ("p01:0006", ["IS.D.1"], "coded"),
    ]
    # the new code's example has no valence, as the review gives it none (counted)
    assert plan.counts == {
        "accept": 3,
        "recode": 1,
        "new-code": 1,
        "rejected": 1,
        "new-code-without-valence": 1,
    }
    assert plan.valences[3] == ""
    assert plan.left_out == {"rejections on segments given a code": 1}


def test_a_review_made_in_cfir2_is_the_reviewers_codings_in_cfir2() -> None:
    """apply-decisions keeps what the reviewer decided as they decided it: IT Infrastructure,
    not the Structural Characteristics the model would learn it as."""
    assert review_codebook(REVIEW, CFIR) == "cfir-2022"
    reviewed, book, counts = reviewed_codings(REVIEW, codings(), CFIR, coder="Tester")
    assert book.id == "cfir-2022"
    assert reviewed.meta["codebook"] == {"id": "cfir-2022", "hash": CFIR2.hash}
    assert [(s.segment.id, [(g.code_id, g.valence) for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", [("INS.E", "enabler")]),
        ("p01:0002", [("OUT.E", "enabler")]),
        ("p01:0003", [("INS.A.2", "barrier")]),
        ("p01:0004", [("OUT.A", "neutral")]),
        ("p01:0005", []),  # every code shown rejected: decided, no code
        ("p01:0006", [("INS.E", "neutral")]),
    ]
    assert (counts["accept"], counts["recode"], counts["rejected"]) == (3, 2, 1)


def test_a_retrained_models_project_codes_named_as_cfir2_codes_are_those_codes() -> None:
    """study6 tester, session 76: a model trained on a CFIR 2.0 review holds the CFIR 2.0 codes
    CFIR 2009 lacks as project codes of their names (``project.capability`` Capability). The
    review of its run, in CFIR 2.0, gave a ``cfir-2022+project`` codebook holding them beside
    IND.K Capability and OUT.A Critical Incidents, every coding on the CFIR 2.0 code, so the
    matrix and the .qdpx had an empty duplicate of each. Now they are those codes: only the
    project code no CFIR 2.0 code is named as (Covid disruption) is kept, and a row naming a
    namesake by its id is on the CFIR 2.0 code."""
    trained = project_codebook(
        CFIR,
        [
            row(n, "new-code", new_code=name)
            for n, name in [(1, "Capability"), (2, "Critical Incidents"), (3, "Covid disruption")]
        ],
    )
    assert [c.id for c in trained.codes if c.id not in CFIR] == [
        "project.capability",
        "project.critical-incidents",
        "project.covid-disruption",
    ]
    model = codings()
    model.meta["model"]["codebook"] = trained.id
    own = [
        Suggestion(c.id, c.name, None, 0.9, "barrier", valence_probability=0.6)
        for c in trained.codes
        if c.id not in CFIR
    ]
    segments = [
        dataclasses.replace(s, suggestions=[own[n], *s.suggestions]) if n < 3 else s
        for n, s in enumerate(model)
    ]
    model = model.with_segments(segments)
    decisions = [
        row(1, "accept", "IND.K"),  # project.capability, as the CFIR 2.0 page shows it
        row(2, "accept", "project.critical-incidents"),  # by the model's id, in a file
        row(3, "accept", "project.covid-disruption"),
        row(4, "recode", "OUT.A", suggestion="project.critical-incidents"),
        row(6, "accept", "INS.E"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        reviewed, book, _ = reviewed_codings(decisions, model, trained, coder="Tester")
    assert book.id == "cfir-2022+project"
    assert [c.id for c in book.codes if c.id not in CFIR2] == ["project.covid-disruption"]
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", ["IND.K"]),
        ("p01:0002", ["OUT.A"]),
        ("p01:0003", ["project.covid-disruption"]),
        ("p01:0004", ["OUT.A"]),
        ("p01:0006", ["INS.E"]),
    ]
    # a model whose project codes are all namesakes: the codebook is CFIR 2.0 itself, as the
    # tester's 8 were (so apply-decisions writes no codebook.json)
    namesakes = dataclasses.replace(trained, codes=trained.codes[:-1])
    reviewed, book, _ = reviewed_codings(decisions[:2], model, namesakes, coder="Tester")
    assert book.id == "cfir-2022"
    assert reviewed.meta["codebook"] == {"id": "cfir-2022", "hash": CFIR2.hash}
    assert [[g.code_id for g in s.suggestions] for s in reviewed] == [["IND.K"], ["OUT.A"]]


def test_a_review_mixing_both_codebooks_is_the_reviewers_codings_in_the_models() -> None:
    decisions = [row(1, "accept", "INS.E"), row(3, "recode", "IC.A"), row(4, "recode", "OUT.A")]
    assert review_codebook(decisions, CFIR) is None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        reviewed, book, _ = reviewed_codings(decisions, codings(), CFIR, coder="Tester")
    assert book.id == "cfir-2009+project"
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed] == [
        ("p01:0001", ["IS.D.1"]),
        ("p01:0003", ["IC.A"]),
        ("p01:0004", ["project.critical-incidents"]),
    ]


def test_codings_already_in_cfir2_read_every_code_by_the_mapping() -> None:
    """The roqa_nlp user's codings of a CFIR 2.0 .qdpx, as roqa import writes them (their codes
    CFIR 2.0's, nothing to say what each was translated from), given with a decisions file the
    import wrote: each code goes by the mapping, and every code shown rejected fits no code."""
    imported = CodingResult(
        [
            dataclasses.replace(
                s,
                suggestions=[
                    Suggestion(t, CFIR2[t].name, CFIR2[t].domain, 1.0, "neutral") for t in shown
                ],
            )
            for s, shown in zip(codings(), [["INS.E"], ["OUT.E"], ["INS.J"], ["PRO.G"], ["IND.K"]])
        ]
    )
    decisions = [
        row(1, "accept", "INS.E"),
        row(2, "accept", "OUT.E"),
        row(3, "recode", "INS.J.3"),
        row(3, "reject", "INS.J"),
        row(5, "reject", "IND.K"),
    ]
    out, _ = read(decisions, imported)
    assert out == [
        row(1, "accept", "IS.D.1"),
        row(2, "accept", "OS.D"),
        row(3, "recode", "IS.E.2"),  # Materials & Equipment: its construct's, Available Resources
        # rejecting Available Resources there is left out: the recode says it is that code
        row(5, NO_CODE),  # Capability, the one code shown, rejected; no one CFIR 2009 code
    ]


# -- end to end -----------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_review_saved_from_the_cfir2_report_applies_and_trains(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """roqa code --codebook cfir-2022, decisions on its CFIR 2.0 codes as the report's buttons save
    them, then roqa apply-decisions and roqa train --feedback: both stopped with "code 'INS.E' is a
    code of cfir-2022, not of the model's codebook"."""
    from test_cli_core import EXAMPLES, TRAINING, assert_success, roqa

    coded = tmp_path / "coded"
    assert_success(
        roqa("code", EXAMPLES, "--out", coded, "--model", tiny_model_dir, "--codebook", "cfir-2022")
    )
    with (coded / "codings.cfir-2022.csv").open(encoding="utf-8-sig") as f:
        shown = [
            (r["segment_id"], r["text"], [r[f"code_{i}"] for i in (1, 2, 3) if r[f"code_{i}"]])
            for r in csv.DictReader(f)
            if r["code_1"] and r["novel"] == r["procedural"] == "false"
        ]
    (a, a_text, a_codes), (b, b_text, b_codes), (c, c_text, c_codes) = shown[:3]
    rows = [
        Decision(a, "accept", a_codes[0], text=a_text),
        Decision(b, "recode", "OUT.A", text=b_text, suggestion=b_codes[0]),
        *(Decision(c, "reject", code, text=c_text) for code in c_codes),
    ]
    with (coded / "decisions.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        w.writerows([getattr(d, k) for k in COLUMNS] for d in rows)

    run = roqa("apply-decisions", coded, "--coder", "Tester", "--out", tmp_path / "reviewed")
    assert run.code == 0, run.err
    assert " ".join(run.out.split()).startswith(
        "Tester's review (in cfir-2022 codes, as made): 3 of "
    )
    reviewed = CodingResult.read(tmp_path / "reviewed")
    assert [(s.segment.id, [g.code_id for g in s.suggestions]) for s in reviewed] == [
        (a, [a_codes[0]]),
        (b, ["OUT.A"]),
        (c, []),
    ]
    assert reviewed.meta["codebook"]["id"] == "cfir-2022"

    run = roqa(
        "train", TRAINING, "--out", tmp_path / "model", "--feedback", coded / "decisions.csv"
    )
    assert run.code == 0, run.err
    assert run.err.startswith(
        f"roqa: warning: {coded / 'decisions.csv'}: {len(rows)} decisions on cfir-2022 codes read "
        "as decisions on the model's cfir-2009 codes through the documented mapping: "
    )
    card = json.loads((tmp_path / "model" / "model_card.json").read_text("utf-8"))["feedback"]
    assert card["translated_from"] == ["cfir-2022"]
    assert card["new_codes"] == ["project.critical-incidents"]
    assert card["examples_by_kind"] == {"coded": 2, "rejected": 1}
    assert card["codes_by_decision"] == {"accept": 1, "new-code": 1}
    # what was decided, in the codes it was decided in (tester cfir2022, s59)
    from roqa_nlp.training import text_hashes

    assert card["decided_in"] == {
        "cfir-2022": {
            text_hashes([a_text])[0]: [[a_codes[0]], ""],
            text_hashes([b_text])[0]: [["OUT.A"], ""],
        }
    }
    run = roqa(
        "code", EXAMPLES, "--out", tmp_path / "again", "--model", tmp_path / "model",
        "--codebook", "cfir-2022",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert re.search(
        r"(all 2|\d of the 2) given a code or a valence (is|are) suggested as decided in "
        r"cfir-2022 codes",
        " ".join(run.out.split()),
    ), run.out

    # coded again without --codebook: the report, in CFIR 2009, shows the review on its codes
    run = roqa("code", EXAMPLES, "--out", coded, "--model", tiny_model_dir)
    assert run.code == 0, run.err
    said = " ".join(run.err.split())
    assert "5 decisions on cfir-2022 codes (of 6; 1 on no code" in said
    assert "read as decisions on the model's cfir-2009" in said
    html = (coded / "report.html").read_text("utf-8")
    (page,) = re.findall(
        r'<script type="application/json" id="roqa-decisions">(.*?)</script>', html
    )
    review = json.loads(page)
    assert [r[1] for r in review][:2] == ["accept", "new-code"]
    assert review[1][3] == "Critical Incidents"
    assert not any(r[2] in CFIR2 for r in review)


def test_two_cfir2_codes_of_one_model_code_on_a_segment_are_one_decision() -> None:
    """Available Resources accepted and Materials & Equipment named (a QDA reviewer codes both)
    are one decision on Available Resources: the second was counted as "replaced by a later row"
    in training."""
    out, said = read([row(3, "accept", "INS.J"), row(3, "recode", "INS.J.3")], codings())
    assert out == [row(3, "accept", "IS.E.2")]
    assert said.endswith(
        "1 on the cfir-2009 suggestion their code was shown for, 1 merged with a row on the same "
        "cfir-2009 code; so the 2 decisions are 1 on cfir-2009 codes"
    )


def test_a_cfir2_review_carried_into_its_folder_coded_again_keeps_what_fits_no_code() -> None:
    """``roqa code --out`` into a folder reviewed in CFIR 2.0 (decisions.no_code_rows with the
    model's codebook): segment 5, whose three CFIR 2.0 codes shown (INN.C, IND.K, INS.F) were
    rejected, gets the ``no-code`` row a CFIR 2009 review rejecting its three suggestions gets.
    Before, its rejections were compared with the CFIR 2009 suggestions (IC.C, CI.B, IS.D.2) and
    no row was added; segment 1's (one rejection, one accept) and segment 2's stay without one."""
    from roqa_nlp.decisions import no_code_rows

    noted = [dataclasses.replace(d, note="small talk?") if d.row == 0 else d for d in REVIEW]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning: the note of `roqa code` says what was added
        rows = no_code_rows(noted, codings(), codebook=CFIR)
    assert rows == [Decision("p01:0005", NO_CODE, note="small talk?", text=TEXT[4])]
    # the same as a CFIR 2009 review rejecting the three suggestions segment 5 showed
    in_2009 = [row(5, "reject", c, note="small talk?") for c in ("IC.C", "CI.B", "IS.D.2")]
    assert no_code_rows(in_2009, codings(), codebook=CFIR) == rows
    # a no-code row the CFIR 2.0 page saved itself: none added again
    assert no_code_rows([*noted, *rows], codings(), codebook=CFIR) == []
    # two of the three CFIR 2.0 codes rejected: not every code shown, no row
    assert no_code_rows(REVIEW[6:8], codings(), codebook=CFIR) == []


def test_the_report_page_reads_a_cfir2_review_from_what_python_writes_into_it() -> None:
    """What report.js reads a decisions.csv loaded in the page with (page_crosswalk), made by
    the rules above: each CFIR 2.0 code with the model code it stands for ("" for a new code),
    and each segment's CFIR 2.0 codes as shown, with the suggestion each was shown for."""
    from roqa_nlp.decisions_crosswalk import page_crosswalk

    data = page_crosswalk(codings(), CFIR)
    assert data["base"] == "cfir-2009"
    codes = data["codes"]
    assert isinstance(codes, dict)
    assert codes["INS.E"] == ["cfir-2022", CFIR2["INS.E"].name, "IS.D.1"]
    assert codes["INS.A.2"] == ["cfir-2022", CFIR2["INS.A.2"].name, "IS.A"]
    assert codes["OUT.A"] == ["cfir-2022", "Critical Incidents", ""]
    assert "INS" not in codes  # a domain: no construct
    shown = data["shown"]
    assert isinstance(shown, dict)
    assert shown["cfir-2022"]["p01:0002"] == [
        ["OUT.E", "OS.D"],
        ["OUT.F", "OS.D"],
        ["OUT.G.3", "OS.D"],
    ]
    assert shown["cfir-2022"]["p01:0005"][:3] == [
        ["INN.C", "IC.C"],
        ["IND.K", "CI.B"],
        ["INS.F", "IS.D.2"],
    ]
    # its top code (CI.D at 0.6, sure) has no CFIR 2.0 code: none shown, as the report charts
    assert "p01:0006" not in shown["cfir-2022"]


# -- the other way: a review made in CFIR 2009 on the codings charted in CFIR 2.0 -----------------


def charted() -> CodingResult:
    """The model's codings charted in CFIR 2.0, as roqa report --codebook cfir-2022 charts them."""
    from roqa_nlp.crosswalk import chart_with

    return chart_with(codings(), CFIR2)[0]


def test_a_cfir2009_review_is_read_on_the_cfir2_codes_the_report_shows() -> None:
    """roqa report --codebook cfir-2022 --decisions with a review made in CFIR 2009: an accept of
    External Policy & Incentives is an accept of each CFIR 2.0 code shown for it (Policies &
    Laws, Financing, Performance-Measurement Pressure); a recode to Complexity is a recode to its
    one CFIR 2.0 code, on the code shown for the suggestion it replaced; a recode to Champions
    (IND.C, IND.E, IND.F, none shown there) is kept as it came; one warning says so. Before,
    every row was embedded as it came, on no suggestion of the page."""
    from roqa_nlp.report import embedded_decisions

    review = [
        row(2, "accept", "OS.D"),
        row(3, "recode", "IC.F", suggestion="IS.E.2"),
        row(4, "recode", "PR.B.3", suggestion="PR.C"),
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = embedded_decisions(charted(), review, codebook=CFIR2)
    assert rows == [
        ["p01:0002", "accept", "OUT.E", "", ""],
        ["p01:0002", "accept", "OUT.F", "", ""],
        ["p01:0002", "accept", "OUT.G.3", "", ""],
        ["p01:0003", "recode", "INN.F", "", "", "", "INS.J"],
        ["p01:0004", "recode", "PR.B.3", "", ""],
    ]
    said = [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]
    assert said == [
        "decisions: 3 decisions on cfir-2009 codes read as decisions on the report's cfir-2022 "
        "codes through the documented mapping: 1 on each cfir-2022 code shown that their code "
        "maps onto (1 onto several), 1 on the one cfir-2022 code their code maps onto, 1 kept "
        "on their cfir-2009 code, which maps onto several cfir-2022 codes (none shown) or none "
        "(Champions): saved as they came"
    ]


def test_a_cfir2009_review_by_name_warns_only_of_codes_nothing_reads() -> None:
    """roqa report --codebook cfir-2022 --decisions with a CFIR 2009 review written with code
    names and aliases (External Policy & Incentives, Flexibility, Champions): those are codes of
    the model's codebook the codings were charted from, read in its codes (apply-decisions,
    train --feedback), so not listed as codes cfir-2022 lacks; 'cultural beliefs', which no
    codebook knows, is; a row on no segment of the codings (not carried) is not. Before
    (3e27cb9): "5 decisions on 5 codes that codebook 'cfir-2022' lacks ...", naming all but
    the first, beside the crosswalk's line on the same review."""
    from roqa_nlp.report import embedded_decisions

    review = [
        row(2, "accept", "OS.D"),
        row(2, "accept", "external policy & incentives"),
        row(3, "recode", "Flexibility", suggestion="IS.E.2"),
        row(4, "recode", "Champions", suggestion="PR.C"),
        row(5, "accept", "cultural beliefs"),
        Decision("p09:0001", "accept", "ZZZ", text="Not a segment of these codings.", row=7),
    ]
    review = [dataclasses.replace(d, row=d.row or n) for n, d in enumerate(review, 2)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = embedded_decisions(charted(), review, codebook=CFIR2)
    assert [r[2] for r in rows] == [
        "OUT.E",
        "OUT.F",
        "OUT.G.3",
        "external policy & incentives",
        "Flexibility",
        "Champions",
        "cultural beliefs",
    ]
    said = [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]
    assert len(said) == 2, said
    assert said[0].startswith("decisions: 1 decision on cfir-2009 codes read as decisions")
    assert said[1] == (
        "decisions: 1 decision on 1 code that codebook 'cfir-2022' lacks, carried as they came "
        "(shown as \"Also decided\"): 'cultural beliefs' (row 6); recode them in the page (or in "
        "the file) to codes of 'cfir-2022', or chart the report in the codebook they were made "
        "in (--codebook)"
    )


def test_the_report_page_reads_a_cfir2009_review_from_what_python_writes_into_it() -> None:
    """What report.js reads a CFIR 2009 decisions.csv loaded in the page charted in CFIR 2.0
    with (page_charted_crosswalk): each CFIR 2009 code with its name and the CFIR 2.0 codes it
    maps onto (a construct without an entry through its sub-constructs, none for Individual
    Identification with Organization)."""
    from roqa_nlp.decisions_crosswalk import page_charted_crosswalk

    data = page_charted_crosswalk(charted(), CFIR2)
    assert data["base"] == "cfir-2022"
    assert data["from"] == "cfir-2009"
    into = data["into"]
    assert isinstance(into, dict)
    assert into["OS.D"] == ["External Policy & Incentives", ["OUT.E", "OUT.F", "OUT.G.3"]]
    assert into["IS.E.1"] == ["Leadership Engagement", ["IND.A", "IND.B"]]
    assert into["CI.D"] == ["Individual Identification with Organization", []]
    assert "IS" not in into  # a domain: no construct
    assert page_charted_crosswalk(codings(), CFIR) == {}  # not charted from another codebook


def test_a_cfir2009_review_read_on_the_cfir2_codes_reads_back_as_itself() -> None:
    """What the CFIR 2.0 report saves of a CFIR 2009 review loaded into it (in_charted_codes) is
    read in the model's codes (in_model_codes, as train --feedback reads it) as that review: the
    accept of External Policy & Incentives, made three CFIR 2.0 accepts, is one accept again, a
    recode is on its suggestion again; only a kept recode's suggestion is not saved."""
    review = [
        row(1, "accept", "IS.D.1"),
        row(1, "reject", "PR.D"),
        row(2, "accept", "OS.D"),
        row(3, "recode", "IC.F", suggestion="IS.E.2"),
        row(4, "recode", "PR.B.3", suggestion="PR.C"),
    ]
    from roqa_nlp.decisions_crosswalk import in_charted_codes

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        saved = in_charted_codes(review, charted(), CFIR2)
        back = in_model_codes(saved, CFIR, codings())
    assert [(d.decision, d.code_id) for d in saved] == [
        ("accept", "INS.E"),
        ("reject", "PRO.H"),
        ("accept", "OUT.E"),
        ("accept", "OUT.F"),
        ("accept", "OUT.G.3"),
        ("recode", "INN.F"),
        ("recode", "PR.B.3"),
    ]
    assert back == [*review[:4], row(4, "recode", "PR.B.3")]


def test_roqa_report_in_cfir2_reads_a_cfir2009_review_and_names_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """roqa report CODINGS --codebook cfir-2022 --decisions review.csv (a review made in CFIR
    2009) embeds its rows on the CFIR 2.0 codes shown, with one warning naming the file."""
    from roqa_nlp.cli import main

    codings().save(tmp_path)
    review = tmp_path / "review.csv"
    review.write_text(
        "segment_id,decision,code_id,new_code,note,text\n"
        f'p01:0002,accept,OS.D,,,"{TEXT[1]}"\n'
        f'p01:0004,recode,CI.D,,,"{TEXT[3]}"\n',
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    argv = ["report", str(tmp_path), "--codebook", "cfir-2022", "--decisions", str(review)]
    main([*argv, "--out", str(out)])
    err = " ".join(capsys.readouterr().err.split())
    assert (
        f"roqa: warning: {review}: 2 decisions on cfir-2009 codes read as decisions on the "
        "report's cfir-2022 codes through the documented mapping: 1 on each cfir-2022 code shown "
        "that their code maps onto (1 onto several), 1 kept on their cfir-2009 code, which maps "
        "onto several cfir-2022 codes (none shown) or none (Individual Identification with "
        "Organization): saved as they came"
    ) in err
    page = out.read_text(encoding="utf-8")
    embedded = re.search(r'id="roqa-decisions">(.*?)</script>', page, re.S)
    assert embedded is not None
    assert json.loads(embedded.group(1)) == [
        ["p01:0002", "accept", "OUT.E", "", ""],
        ["p01:0002", "accept", "OUT.F", "", ""],
        ["p01:0002", "accept", "OUT.G.3", "", ""],
        ["p01:0004", "recode", "CI.D", "", ""],
    ]


def test_a_cfir2_review_rejecting_every_code_shown_fits_no_code_trained_in_either_codebook() -> (
    None
):
    """Trained in CFIR 2.0 (``roqa train --codebook cfir-2022 --feedback``) on the CFIR 2009
    model's codings, a segment whose every CFIR 2.0 code shown was rejected fits no code, as
    trained in CFIR 2009: the rejections are judged against the codes the report charted in
    CFIR 2.0 (hunt s77 F8: "3 left out (rejections short of all the segment's suggestions)")."""
    review = [row(2, "reject", c) for c in ("OUT.E", "OUT.F", "OUT.G.3")] + [
        row(5, "reject", c) for c in ("INN.C", "IND.K", "INS.F")
    ]
    for book in (CFIR, CFIR2):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            plan = feedback_plan([(review, codings(), "decisions.csv")], book)
        assert list(zip(plan.ids, plan.labels, plan.kinds)) == [
            ("p01:0002", [], "rejected"),
            ("p01:0005", [], "rejected"),
        ], book.id
        assert plan.left_out == {}, book.id
        assert not [w for w in caught if "short of" in str(w.message)], book.id


@pytest.mark.parametrize(
    "decisions",
    [
        [row(3, "recode", "Financin")],
        # beside a code both codebooks name alike, which places the review in neither
        [row(1, "accept", "Tension for Change"), row(3, "recode", "Financin")],
    ],
    ids=["alone", "beside a shared name"],
)
def test_a_misspelt_code_of_a_review_of_the_cfir2_chart_is_answered_in_cfir2(
    decisions: list[Decision],
) -> None:
    """apply-decisions on codings charted in CFIR 2.0 (run.json's chart) judges a code no
    codebook knows in the codes the page showed, with the one it is near: it named cfir-2009,
    and a misspelt CFIR 2.0 name had no did-you-mean (study9 s79, 1), while roqa report
    --decisions said "near 'Financing'"."""
    with pytest.raises(RoqaError) as e:
        reviewed_codings(
            decisions, codings(), CFIR, coder="Tester", where="decisions.csv", chart=CFIR2
        )
    assert str(e.value) == (
        "decisions.csv: unknown code 'Financin' in codebook 'cfir-2022' (did you mean 'Financing'? `roqa codebook cfir-2022` lists the codes; in Python, load_codebook('cfir-2022').codes)"
    )
    assert review_codebook(decisions, CFIR, chart=CFIR2) == "cfir-2022"
    # a rejection of such a code decides nothing (left out): the review stays in the model's
    # codes, as before, its reviewed codings recorded in cfir-2009
    rejected = [row(1, "accept", "Tension for Change"), row(3, "reject", "Financin")]
    assert review_codebook(rejected, CFIR, chart=CFIR2) is None
    # a misspelt code of a review in the model's codes (one names IS.D.1) is judged in them
    with pytest.raises(RoqaError, match="unknown code 'Financin' in codebook 'cfir-2009'"):
        reviewed_codings(
            [row(1, "accept", "IS.D.1"), row(3, "recode", "Financin")],
            codings(),
            CFIR,
            coder="Tester",
            where="decisions.csv",
            chart=CFIR2,
        )


def test_a_cfir2_code_given_by_its_name_is_read_as_given_by_its_id() -> None:
    """A code typed by its name (in any case, "&" or "and", any spacing), and the suggestion a
    recode replaced, are the codes of those ids: accepted, it is the accept of the suggestion it
    was shown for. "Capability", shown for Knowledge & Beliefs, became a new code
    project.capability where "IND.K" was that accept, and a Performance-Measurement Pressure
    accepted by name was read through the mapping with a false warning (study9 s79, 2)."""
    by_id = [
        row(2, "accept", "OUT.G.3"),
        row(3, "recode", "INS.A.2", suggestion="INN.F"),
        row(5, "accept", "IND.K"),
    ]
    by_name = [
        row(2, "accept", "performance measurement  pressure"),
        row(
            3, "recode", "Information Technology Infrastructure", suggestion="innovation complexity"
        ),
        row(5, "accept", "Capability"),
    ]
    out, said = read(by_name, codings())
    assert out == [
        row(2, "accept", "OS.D"),  # shown for External Policy & Incentives
        row(3, "recode", "IS.A", suggestion="IC.F"),  # its construct's; replacing IC.F's
        row(5, "accept", "CI.B"),  # shown for Knowledge & Beliefs about the Intervention
    ]
    assert read(by_id, codings()) == (out, said)
    assert said == (
        "decisions.csv: 3 decisions on cfir-2022 codes read as decisions on the model's "
        "cfir-2009 codes through the documented mapping: 2 on the cfir-2009 suggestion their code "
        "was shown for, 1 on the cfir-2009 code their code stands for (1 of them learned as a "
        "cfir-2009 code that charts as another cfir-2022 code too, or instead, so a retrained "
        "model may chart them as that one: Information Technology Infrastructure as Structural "
        "Characteristics)"
    )


#: every name and alias of a codable CFIR 2.0 code that CFIR 2009 also finds, as a codable code
SHARED_NAMES = sorted(
    {
        n
        for c in CFIR2.codes
        if c.codable
        for n in (c.name, *c.aliases)
        if CFIR2.find(n) == c and getattr(CFIR.find(n), "codable", False)
    }
)


@pytest.mark.parametrize("name", SHARED_NAMES)
def test_a_name_both_codebooks_know_is_on_the_cfir2_code_the_page_shows_for_it(name: str) -> None:
    """A review of codings charted in CFIR 2.0 recoding to a name both codebooks know
    is recorded by apply-decisions on the code the page read it as, CFIR 2.0's of that name,
    or on the CFIR 2009 code that maps onto it: "Staffing" (2.0's Work Infrastructure, 2009's
    Available Resources, mapped onto INS.J) was Available Resources alone and Work
    Infrastructure beside a row naming a CFIR 2.0 id (session 79 hunt5 F4). Each such name is
    checked, so a new one is too."""
    shown = CFIR2.find(name)
    assert shown is not None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        reviewed, book, _ = reviewed_codings(
            [row(3, "recode", name)], codings(), CFIR, coder="Tester", chart=CFIR2
        )
    [code] = [g.code_id for s in reviewed if s.segment.id == "p01:0003" for g in s.suggestions]
    if book.id.startswith("cfir-2022"):
        assert code == shown.id
    else:
        assert shown.id in crosswalk(CFIR, CFIR2)[code], (name, code, shown.id)


def test_staffing_is_the_one_name_both_codebooks_know_as_codes_not_mapped_onto_each_other() -> None:
    walk = crosswalk(CFIR, CFIR2)
    unmapped = [n for n in SHARED_NAMES if CFIR2.find(n).id not in walk.get(CFIR.find(n).id, ())]
    assert unmapped == ["Staffing"]
    assert review_codebook([row(3, "recode", "Staffing")], CFIR, chart=CFIR2) == "cfir-2022"
    # beside a row naming a CFIR 2.0 id, as before
    both = [row(3, "recode", "Staffing"), row(1, "accept", "INS.E")]
    assert review_codebook(both, CFIR, chart=CFIR2) == "cfir-2022"
