"""Specification of training on a review made in the researcher's own codebook: after `roqa code
--codebook OWN.json` (run.json records the chart codebook, its copy kept beside the codings) the
report page saves decisions on OWN's codes, and `roqa train --feedback` reads them back into the
model's codes through OWN's documented mapping, as a CFIR 2.0 review is read (ownloop tester,
session 46)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision, feedback_plan
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
        "'cfir-2009' (use a code id or name listed by `roqa codebook cfir-2009`; if "
        "these are your own codebook's codes, give the codings the review was made on "
        "(--codings FOLDER/codings.jsonl): their run.json records the codebook `roqa code "
        "--codebook YOUR.json` charted them in, whose mapping reads them back)\n"
    )
