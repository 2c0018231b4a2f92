"""Specification of training on a review made in the researcher's own codebook: after `roqa code
--codebook OWN.json` (run.json records the chart codebook, its copy kept beside the codings) the
report page saves decisions on OWN's codes, and `roqa train --feedback` reads them back into the
model's codes through OWN's documented mapping, as a CFIR 2.0 review is read (ownloop tester,
session 46)."""

from __future__ import annotations

import dataclasses
import json
import warnings
from pathlib import Path

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import (
    Decision,
    feedback_plan,
    named_codes_recoded,
    project_codebook,
)
from roqa_nlp.decisions_crosswalk import in_model_codes
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.result import CodingResult
from test_apply_decisions import TEXTS, model_codings, write_decisions
from test_cli_core import TRAINING, roqa

CFIR = Codebook.load("cfir-2009")


def own_codebook() -> dict[str, object]:
    """A researcher's codebook mapped onto CFIR 2009; WELL has no CFIR counterpart."""
    return {
        "id": "rm",
        "name": "Our framework",
        "codes": [
            {"id": "WF", "name": "Workforce", "level": "domain", "parent": None, "codable": False},
            {"id": "STAFF", "name": "Staffing levels", "level": "construct", "parent": "WF"},
            {"id": "HARD", "name": "Hard work", "level": "construct", "parent": "WF"},
            {"id": "WELL", "name": "Staff wellbeing", "level": "construct", "parent": "WF"},
        ],
        "mapping": {"cfir-2009": {"STAFF": ["IS.E.2"], "HARD": ["IC.F"]}},
    }


def coded_in_own(folder: Path) -> Path:
    """The model's codings (each segment IS.E.2 then IC.F) saved as `roqa code --codebook
    rm.json` saves them: run.json names the copy of the codebook kept beside them."""
    codings = model_codings()
    codings.meta["chart_codebook"] = "chart_codebook.json"
    codings.save(folder)
    (folder / "chart_codebook.json").write_text(json.dumps(own_codebook()), "utf-8")
    return folder


#: a review saved from the report page of :func:`coded_in_own`: in the codebook's own codes
REVIEW = [
    Decision("p01:0001", "accept", "STAFF", text=TEXTS[0]),
    Decision("p01:0002", "recode", "WELL", text=TEXTS[1], suggestion="STAFF"),
    Decision("p01:0003", "new-code", new_code="Staffing levels", text=TEXTS[2]),
    Decision("p01:0005", "recode", "HARD", text=TEXTS[4], suggestion="STAFF"),
]


def test_a_review_in_the_recorded_own_codebook_is_read_in_the_models_codes(
    tmp_path: Path,
) -> None:
    """Before: every row kept on rm's codes, so training stopped with "row 2: unknown code
    'STAFF' in codebook 'cfir-2009+project'"."""
    result = CodingResult.read(coded_in_own(tmp_path / "coded"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read = in_model_codes(REVIEW, CFIR, result, where="decisions.csv")
    assert [(d.segment_id, d.decision, d.code_id, d.new_code, d.suggestion) for d in read] == [
        ("p01:0001", "accept", "IS.E.2", "", ""),
        # a code with no counterpart becomes a new code named as it
        ("p01:0002", "new-code", "", "Staff wellbeing", ""),
        # a new code named as a code of rm is the recode to it: its counterpart
        ("p01:0003", "recode", "IS.E.2", "", ""),
        ("p01:0005", "recode", "IC.F", "", "IS.E.2"),
    ]
    said = [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]
    assert said == [
        "decisions.csv: 4 decisions on rm codes read as decisions on the model's cfir-2009 "
        "codes through the documented mapping: 1 on the cfir-2009 suggestion their code was "
        "shown for, 2 on the cfir-2009 code their code stands for, 1 as new codes named as "
        "their rm code (Staff wellbeing)"
    ]


def test_the_training_labels_of_a_review_in_the_recorded_own_codebook(tmp_path: Path) -> None:
    result = CodingResult.read(coded_in_own(tmp_path / "coded"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        plan = feedback_plan([(REVIEW, result, "decisions.csv")], CFIR)
    assert list(zip(plan.ids, plan.labels)) == [
        ("p01:0001", ["IS.E.2"]),
        ("p01:0002", ["project.staff-wellbeing"]),
        ("p01:0003", ["IS.E.2"]),
        ("p01:0005", ["IC.F"]),
    ]


def test_without_the_codings_an_unknown_own_code_hints_to_give_them(tmp_path: Path) -> None:
    """Before: no hint past `roqa codebook cfir-2009`, though docs/cli.md promises one for a
    code of no built-in codebook."""
    alone = tmp_path / "alone"
    alone.mkdir()
    write_decisions(alone / "decisions.csv", REVIEW[1:2])
    run = roqa("train", TRAINING, "--feedback", alone / "decisions.csv", "--out", tmp_path / "m")
    assert run.code == 2
    assert run.err == (
        f"roqa: error: {alone / 'decisions.csv'}: row 2: unknown code 'WELL' in codebook "
        "'cfir-2009' (use a code id or name: `roqa codebook cfir-2009` lists the codes; if "
        "these are your own codebook's codes, give the codings the review was made on "
        "(--codings FOLDER/codings.jsonl): their run.json records the codebook `roqa code "
        "--codebook YOUR.json` charted them in, whose mapping reads them back)\n"
    )


def test_with_the_codings_given_an_unknown_code_hints_to_check_them_not_to_give_them(
    tmp_path: Path,
) -> None:
    """Tester learning, s59: a misspelt code name, with --codings given, was told to give the
    codings the review was made on (--codings FOLDER/codings.jsonl)."""
    alone = tmp_path / "alone"
    alone.mkdir()
    write_decisions(alone / "decisions.csv", REVIEW[1:2])
    codings = tmp_path / "coded"
    model_codings().save(codings)
    run = roqa(
        "train",
        TRAINING,
        "--feedback",
        alone / "decisions.csv",
        "--codings",
        codings / "codings.jsonl",
        "--out",
        tmp_path / "m",
    )
    assert run.code == 2
    assert run.err == (
        f"roqa: error: {alone / 'decisions.csv'}: row 2: unknown code 'WELL' in codebook "
        "'cfir-2009' (use a code id or name: `roqa codebook cfir-2009` lists the codes; if these are "
        f"your own codebook's codes, check that {codings / 'codings.jsonl'} is the codings "
        "`roqa code --codebook YOUR.json` wrote, which the review was made on)\n"
    )


# -- a new code named as an existing code ---------------------------------------------------------


def test_train_reads_a_new_code_named_as_a_model_code_as_the_recode_to_it() -> None:
    """Before: project_codebook refused it ("new code 'Available Resources' is the name of
    IS.E.2 ... accept or recode to IS.E.2 instead"), though apply-decisions applied it."""
    rows = [Decision("p01:0001", "new-code", new_code="available resources", text=TEXTS[0])]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read = named_codes_recoded(rows, CFIR, where="decisions.csv")
    assert [(d.decision, d.code_id, d.new_code) for d in read] == [("recode", "IS.E.2", "")]
    assert [str(w.message) for w in caught] == [
        "decisions.csv: 1 new code named as a code of cfir-2009 read as the recode to it: "
        "'Available Resources' (IS.E.2)"
    ]
    # a new code an earlier round made (its project code) stays the new code it is
    book = project_codebook(CFIR, [Decision("x", "new-code", new_code="Agency staff")])
    again = [Decision("p01:0002", "new-code", new_code="Agency staff", text=TEXTS[1])]
    assert named_codes_recoded(again, book) == again


def test_apply_decisions_keeps_the_models_valence_on_a_code_named_where_the_chart_shows_none(
    tmp_path: Path,
) -> None:
    """A segment whose top code has no counterpart in the chart codebook shows no code; the
    reviewer names her code there. Before: applied with valence neutral, the model's barrier
    lost (Table 2 left it out); after: barrier, as a recode on a segment with codes keeps."""
    codings = model_codings()
    # p01:0004: its top code, IS.D.4 Learning Climate, has no counterpart in rm: charted as none
    top = codings.segments[3].suggestions
    codings.segments[3].suggestions = [
        dataclasses.replace(top[0], code_id="IS.D.4", name="Learning Climate"),
        *top[1:],
    ]
    codings.meta["chart_codebook"] = "chart_codebook.json"
    coded = tmp_path / "coded"
    codings.save(coded)
    (coded / "chart_codebook.json").write_text(json.dumps(own_codebook()), "utf-8")
    write_decisions(
        coded / "decisions.csv",
        [
            Decision("p01:0001", "accept", "STAFF", text=TEXTS[0]),
            Decision("p01:0004", "new-code", new_code="Staffing levels", text=TEXTS[3]),
        ],
    )
    out = tmp_path / "reviewed"
    run = roqa("apply-decisions", coded, "--coder", "Helen", "--out", out)
    assert run.code == 0, run.err
    assert run.err == (
        f"roqa: warning: {coded / 'decisions.csv'}: 1 new code named as a code of rm read as the "
        "recode to it: 'Staffing levels' (STAFF)\n"
    )
    assert " ".join(run.out.split()).startswith(
        "Helen's review (in rm codes, as made): 2 of 5 reviewable segments decided in the 1 reviewed transcript"
    )
    assert "1 accept, 1 recode" in " ".join(run.out.split())
    assert [
        (s.segment.id, [(g.code_id, g.valence) for g in s.suggestions])
        for s in CodingResult.read(out)
    ] == [("p01:0001", [("STAFF", "barrier")]), ("p01:0004", [("STAFF", "barrier")])]


# -- agreement with the retrained model -----------------------------------------------------------


def test_agree_matches_the_retrained_models_new_code_to_the_reviewers_code_of_its_name(
    tmp_path: Path,
) -> None:
    """The model retrained on a review in rm learnt WELL as project.staff-wellbeing; coded again
    with --codebook rm.json, it is charted as WELL. Before: the reviewer's WELL was renamed
    project.staff-wellbeing ("codes of different projects matched by name"), so the two never
    agreed (WELL 1/0, project.staff-wellbeing 0/1); after: one code, WELL, agreeing."""
    coded = coded_in_own(tmp_path / "coded")
    write_decisions(
        coded / "decisions.csv",
        [
            Decision("p01:0001", "accept", "STAFF", text=TEXTS[0]),
            Decision("p01:0002", "recode", "WELL", text=TEXTS[1]),
        ],
    )
    assert roqa("apply-decisions", coded, "--coder", "Helen", "--out", tmp_path / "rv").code == 0
    retrained = model_codings()
    book = project_codebook(CFIR, [Decision("x", "new-code", new_code="Staff wellbeing")])
    well = book["project.staff-wellbeing"]
    retrained.segments[1].suggestions = [
        dataclasses.replace(
            retrained.segments[1].suggestions[0], code_id=well.id, name=well.name, domain=None
        )
    ]
    retrained.codebook = book
    retrained.meta["chart_codebook"] = "chart_codebook.json"
    coded2 = tmp_path / "coded2"
    retrained.save(coded2)
    (coded2 / "chart_codebook.json").write_text(json.dumps(own_codebook()), "utf-8")
    report = tmp_path / "agree.json"
    run = roqa("agree", coded2, tmp_path / "rv", "--json", report)
    assert run.code == 0, run.err
    assert "codes of different projects matched by name" not in run.out
    assert (
        "coded2: 1 code matched by name to codebook rm (their ids differ): 'Staff wellbeing'"
        in (" ".join(run.out.split()))
    )
    figures = json.loads(report.read_text("utf-8"))
    assert sorted(figures["codes"]) == ["STAFF", "WELL"]


# -- a new code named as a code of the own codebook whose name CFIR has too -----------------------


def test_a_new_code_named_as_an_own_code_is_that_code_not_cfirs_code_of_the_name(
    tmp_path: Path,
) -> None:
    """Ownloop re-test, session 46: her code CULT is named "Culture" and maps onto
    Cosmopolitanism (OS.B). A review whose only row is the new code "Culture" was applied as
    CFIR's Culture (IS.C), in cfir-2009, charted under another of her codes; and `roqa train`
    always read it so ("'Culture' (IS.C)"), teaching the model the wrong construct. Her own
    codebook's names come first: the recode to CULT, read in the model's codes as OS.B."""
    book = own_codebook()
    book["codes"] = [  # type: ignore[index]
        *book["codes"],  # type: ignore[misc]
        {"id": "CULT", "name": "Culture", "level": "construct", "parent": "WF"},
    ]
    book["mapping"] = {"cfir-2009": {"STAFF": ["IS.E.2"], "HARD": ["IC.F"], "CULT": ["OS.B"]}}
    coded = coded_in_own(tmp_path / "coded")
    (coded / "chart_codebook.json").write_text(json.dumps(book), "utf-8")
    write_decisions(
        coded / "decisions.csv",
        [Decision("p01:0001", "new-code", new_code="Culture", text=TEXTS[0])],
    )
    named = (
        f"roqa: warning: {coded / 'decisions.csv'}: 1 new code named as a code of rm read as the "
        "recode to it: 'Culture' (CULT)\n"
    )
    out = tmp_path / "reviewed"
    run = roqa("apply-decisions", coded, "--coder", "Helen", "--out", out)
    assert (run.code, run.err) == (0, named)
    assert [[g.code_id for g in s.suggestions] for s in CodingResult.read(out)] == [["CULT"]]
    run = roqa("train", TRAINING, "--feedback", coded / "decisions.csv", "--out", tmp_path / "m")
    assert run.code == 0, run.err
    assert run.err.startswith(named)
    assert "IS.C" not in run.err
    assert "1 on the cfir-2009 code their code stands for" in run.err
