"""Specification of a review made in the researcher's own codebook: codings coded with `roqa code
--codebook OWN.json` record it (run.json ``chart_codebook``, its copy kept beside them), the
report page shows and saves its codes, and `roqa apply-decisions` and `roqa agree` read and
compare in it (tester evolve, session 46)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from report_fixture import node_prints, report_js_functions
from roqa_nlp.codebook import Codebook
from roqa_nlp.decisions import Decision
from roqa_nlp.decisions_crosswalk import review_codebook, unmapped_builtin_code
from roqa_nlp.result import CodingResult
from test_apply_decisions import TEXTS, model_codings, write_decisions
from test_cli_core import TRAINING, roqa


def own_codebook(version: str = "1") -> dict[str, object]:
    """A researcher's codebook mapped onto CFIR 2009; ``NEED`` is its own code, though CFIR 2.0
    has a code named "Need". Version 2 names STAFF otherwise (another content, same ids)."""
    staff = "Staffing and workload" if version == "1" else "Staff and workload"
    return {
        "id": f"own-v{version}",
        "name": f"Our codebook v{version}",
        "codes": [
            {"id": "ORG", "name": "Inside", "level": "domain", "parent": None, "codable": False},
            {"id": "STAFF", "name": staff, "level": "construct", "parent": "ORG"},
            {"id": "COMPLEX", "name": "Complicated work", "level": "construct", "parent": "ORG"},
            {"id": "NEED", "name": "Service user needs", "level": "construct", "parent": "ORG"},
        ],
        "mapping": {"cfir-2009": {"STAFF": ["IS.E.2"], "COMPLEX": ["IC.F"], "NEED": ["OS.A"]}},
    }


def coded_in_own(folder: Path, version: str = "1") -> Path:
    """The model's codings (:func:`model_codings`, CFIR 2009) saved in ``folder`` as `roqa code
    --codebook own.json` saves them: run.json names the copy of the codebook kept beside them."""
    codings = model_codings()
    codings.meta["chart_codebook"] = "chart_codebook.json"
    codings.save(folder)
    (folder / "chart_codebook.json").write_text(json.dumps(own_codebook(version)), "utf-8")
    return folder


#: a review saved from the report page of :func:`coded_in_own`: in the codebook's own codes
OWN_REVIEW = [
    Decision("p01:0001", "accept", "STAFF", text=TEXTS[0]),
    Decision("p01:0002", "recode", "NEED", text=TEXTS[1]),
    Decision("p01:0003", "new-code", new_code="Agency staff", text=TEXTS[2]),
]


def codes_of(folder: Path) -> list[tuple[str, list[str]]]:
    return [(s.segment.id, [g.code_id for g in s.suggestions]) for s in CodingResult.read(folder)]


def test_a_review_in_the_chart_codebook_is_in_its_codes_though_need_names_a_cfir_2_0_code(
    tmp_path: Path,
) -> None:
    """Before: NEED, the name of CFIR 2.0's "Need", made the review a CFIR 2.0 one."""
    path = tmp_path / "own.json"
    path.write_text(json.dumps(own_codebook()), "utf-8")
    chart = Codebook.load(path)
    model = Codebook.load("cfir-2009")
    assert review_codebook(OWN_REVIEW, model, chart=chart) == "own-v1"
    # a review in the model's codes stays one, and without the chart NEED still reads as CFIR
    # 2.0's (the built-in codebooks' rule, unchanged)
    in_model = [Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0])]
    assert review_codebook(in_model, model, chart=chart) is None
    assert review_codebook(OWN_REVIEW[:2], model) == "cfir-2022"


def test_apply_decisions_reads_a_review_in_the_codebook_roqa_code_charted_in(
    tmp_path: Path,
) -> None:
    """Before: exit 2, "row 2: unknown code 'STAFF' in codebook 'cfir-2022+project'"."""
    coded = coded_in_own(tmp_path / "coded")
    write_decisions(coded / "decisions.csv", OWN_REVIEW)
    out = tmp_path / "reviewed"
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", out)
    assert run.code == 0
    # the one warning: of the new code on one segment only
    assert run.err.startswith(f"roqa: warning: {coded / 'decisions.csv'}: new code project.agency")
    assert run.err.count("\n") == 1
    assert run.out.startswith("Alice's review (in own-v1 codes, as made): 3 of 5 reviewable")
    assert codes_of(out) == [
        ("p01:0001", ["STAFF"]),
        ("p01:0002", ["NEED"]),
        ("p01:0003", ["project.agency-staff"]),
    ]
    meta = json.loads((out / "run.json").read_text("utf-8"))
    assert (meta["codebook"]["id"], meta["chart_codebook"]) == (
        "own-v1+project",
        "chart_codebook.json",
    )
    # charted in the codebook's codes, as the page showed them: no translation, no note
    table = tmp_path / "t.csv"
    run = roqa("report", out, "--table", table)
    assert (run.code, run.err) == (0, "")
    assert "charting in" not in run.out
    rows = table.read_text("utf-8-sig").splitlines()[1:]
    assert [r.split(",")[2] for r in rows] == ["STAFF", "NEED", "project.agency-staff"]


def test_an_unknown_code_of_a_review_in_the_chart_codebook_names_that_codebook_file(
    tmp_path: Path,
) -> None:
    """Before: "unknown code 'STAF' in codebook 'cfir-2022+project' (... roqa codebook
    cfir-2022 lists the codes)"."""
    coded = coded_in_own(tmp_path / "coded")
    write_decisions(
        coded / "decisions.csv",
        [Decision("p01:0001", "accept", "STAF", text=TEXTS[0]), *OWN_REVIEW[1:]],
    )
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert run.code == 2
    assert run.err == (
        f"roqa: error: {coded / 'decisions.csv'}: row 2: unknown code 'STAF' in codebook "
        "'own-v1+project' (did you mean STAFF Staffing and workload? `roqa codebook "
        f"{coded / 'chart_codebook.json'}` lists the codes)\n"
    )


def test_a_review_in_the_models_codes_of_codings_charted_in_an_own_codebook_still_applies(
    tmp_path: Path,
) -> None:
    coded = coded_in_own(tmp_path / "coded")
    write_decisions(
        coded / "decisions.csv", [Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0])]
    )
    out = tmp_path / "reviewed"
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", out)
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith("Alice's review: 1 of 5 reviewable")
    assert codes_of(out) == [("p01:0001", ["IS.E.2"])]


def test_agree_compares_in_the_codebook_the_codings_recorded_and_says_so(tmp_path: Path) -> None:
    """Before: compared in CFIR 2009 ("codebook": null), though the run was charted in own-v1."""
    coded = coded_in_own(tmp_path / "coded")
    write_decisions(coded / "decisions.csv", OWN_REVIEW)
    out = tmp_path / "reviewed"
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", out).code == 0
    report = tmp_path / "a.json"
    run = roqa("agree", coded, out, "--n-boot", "0", "--json", report)
    assert (run.code, run.err) == (0, "")
    data = json.loads(report.read_text("utf-8"))
    assert data["codebook"] == "own-v1"
    assert data["translated"][0] == (
        "compared in own-v1, the codebook `roqa code --codebook` chose (run.json); "
        "--codebook sets another"
    )
    # the 3 segments decided, in STAFF, NEED and the new code: the model's STAFF (its IS.E.2)
    # agrees on p01:0001 only
    (pair,) = data["pairs"]
    assert pair["all"]["n_units"] == 3
    assert pair["all"]["percent_agreement"] == 5 / 9


def test_agree_warns_when_the_codings_recorded_different_chart_codebooks(tmp_path: Path) -> None:
    """Before: two reviews charted in v1 and v2 of a codebook were compared in CFIR 2009, and
    nothing said the versions differ."""
    review = [Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0])]
    outs = []
    for version in ("1", "2"):
        coded = coded_in_own(tmp_path / f"coded{version}", version)
        write_decisions(coded / "decisions.csv", review)
        outs.append(tmp_path / f"rev{version}")
        run = roqa("apply-decisions", coded, "--coder", f"Coder{version}", "--out", outs[-1])
        assert run.code == 0, run.err
    run = roqa("agree", *outs, "--n-boot", "0", "--json", tmp_path / "a.json")
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith("Warning: the codings recorded different codebooks")
    data = json.loads((tmp_path / "a.json").read_text("utf-8"))
    first, second = (outs[0] / "chart_codebook.json", outs[1] / "chart_codebook.json")
    assert data["notes"][0] == (
        "the codings recorded different codebooks `roqa code --codebook` charted them in "
        f"(Coder1: own-v1 ({first}), Coder2: own-v2 ({second})), so they are compared in their "
        f"own codes: to compare them in one, give it with --codebook (e.g. --codebook {first})"
    )
    assert data["codebook"] is None


def clashing_codebook() -> dict[str, object]:
    """:func:`own_codebook` with a code INFO named "Access to information", an alias of CFIR
    2009's IS.E.3 Access to Knowledge & Information, mapped onto it."""
    book = own_codebook()
    codes = book["codes"]
    mapping = book["mapping"]
    assert isinstance(codes, list) and isinstance(mapping, dict)
    codes.append(
        {"id": "INFO", "name": "Access to information", "level": "construct", "parent": "ORG"}
    )
    mapping["cfir-2009"]["INFO"] = ["IS.E.3"]
    return book


def test_agree_reads_a_reviews_own_codes_in_its_codebook_though_named_like_built_in_ones(
    tmp_path: Path,
) -> None:
    """Regression hunt, session 46: the review's INFO "Access to information" was read as CFIR
    2009's IS.E.3 (an alias of that name), and its NEED as a name only CFIR 2.0 has, with a
    warning to compare in cfir-2022, though the note said "compared in own-v1"."""
    coded = coded_in_own(tmp_path / "coded")
    (coded / "chart_codebook.json").write_text(json.dumps(clashing_codebook()), "utf-8")
    review = [
        Decision("p01:0001", "recode", "INFO", text=TEXTS[0]),
        Decision("p01:0002", "accept", "STAFF", text=TEXTS[1]),
        Decision("p01:0003", "recode", "NEED", text=TEXTS[2]),
    ]
    write_decisions(coded / "decisions.csv", review)
    out = tmp_path / "reviewed"
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", out).code == 0
    report = tmp_path / "a.json"
    run = roqa("agree", coded, out, "--n-boot", "0", "--by", "code", "--json", report)
    assert (run.code, run.err) == (0, "")
    assert "Warning" not in run.out
    data = json.loads(report.read_text("utf-8"))
    assert data["codebook"] == "own-v1"
    assert [(c["code"], c["units_coded"]["Alice"]) for c in data["per_code"]] == [
        ("INFO", 1),
        ("NEED", 1),
        ("STAFF", 1),
    ]
    # the model's STAFF on all 3, Alice's INFO, STAFF and NEED: 5 of 9 unit-code decisions agree
    (pair,) = data["pairs"]
    assert pair["all"]["percent_agreement"] == 5 / 9


def test_the_different_codebooks_warning_suggests_a_codebook_both_reviews_translate_into(
    tmp_path: Path,
) -> None:
    """Regression hunt, session 46: two reviews in own-v1 and own-v2 codes (each with a new
    code) were told to compare "with --codebook <v1's file>", which errored: "codebook 'own-v1'
    documents no mapping from 'cfir-2022'". Both document a mapping onto CFIR 2009."""
    outs = []
    for version in ("1", "2"):
        coded = coded_in_own(tmp_path / f"coded{version}", version)
        write_decisions(coded / "decisions.csv", OWN_REVIEW)
        outs.append(tmp_path / f"rev{version}")
        run = roqa("apply-decisions", coded, "--coder", f"Coder{version}", "--out", outs[-1])
        assert run.code == 0, run.err
    run = roqa("agree", *outs, "--n-boot", "0", "--json", tmp_path / "a.json")
    assert run.code == 0, run.err
    notes = json.loads((tmp_path / "a.json").read_text("utf-8"))["notes"]
    assert notes[0].endswith(
        "to compare them in one, give it with --codebook (e.g. --codebook cfir-2009)"
    )
    run = roqa(
        "agree", *outs, "--n-boot", "0", "--codebook", "cfir-2009", "--json", tmp_path / "b.json"
    )
    assert run.code == 0, run.err
    data = json.loads((tmp_path / "b.json").read_text("utf-8"))
    assert data["translated"][:2] == [
        "Coder1: codes translated from own-v1 to cfir-2009 through the documented mapping",
        "Coder2: codes translated from own-v2 to cfir-2009 through the documented mapping",
    ]
    (pair,) = data["pairs"]
    assert pair["all"]["percent_agreement"] == 1.0


def test_a_review_in_an_own_codebook_charts_in_cfir_2009_through_its_mapping(
    tmp_path: Path,
) -> None:
    """Regression hunt, session 46: `roqa report --codebook cfir-2009` of a review in own-v1
    said "codes translated from cfir-2022", charted NEED as CFIR 2.0's Need with no counterpart
    and left STAFF untranslated, ignoring own-v1's mapping onto CFIR 2009."""
    coded = coded_in_own(tmp_path / "coded")
    write_decisions(coded / "decisions.csv", OWN_REVIEW)
    out = tmp_path / "reviewed"
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", out).code == 0
    table = tmp_path / "t.csv"
    run = roqa("report", out, "--codebook", "cfir-2009", "--table", table)
    assert (run.code, run.err) == (0, "")
    # with the CFIR 2009 codes own-v1's mapping never reaches (blind tester daily25, session 89)
    assert run.out.startswith(
        "codes translated from own-v1 to cfir-2009 through the documented mapping; no own-v1 "
        "code maps onto 36 of the 39 cfir-2009 codes, so they cannot be charted from these "
        "codings and an empty column of theirs says nothing of what was said: "
    )
    rows = table.read_text("utf-8-sig").splitlines()[1:]
    assert [r.split(",")[2] for r in rows] == ["OS.A", "IS.E.2", "project.agency-staff"]


def test_a_misspelt_own_code_is_answered_with_the_codes_nearest_it_in_the_own_codebook(
    tmp_path: Path,
) -> None:
    """Regression hunt, session 46: 'NEEDS' for NEED was "a code of cfir-2022, not of the
    model's codebook", though own-v1 has NEED."""
    coded = coded_in_own(tmp_path / "coded")
    review = [
        Decision("p01:0001", "accept", "STAFF", text=TEXTS[0]),
        Decision("p01:0002", "recode", "NEEDS", text=TEXTS[1]),
    ]
    write_decisions(coded / "decisions.csv", review)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert run.code == 2
    assert run.err == (
        f"roqa: error: {coded / 'decisions.csv'}: row 3: unknown code 'NEEDS' in codebook "
        "'own-v1' (did you mean NEED Service user needs? `roqa codebook "
        f"{coded / 'chart_codebook.json'}` lists the codes)\n"
    )


def changed_codebook() -> dict[str, object]:
    """:func:`own_codebook` changed mid-study, as version 2: NEED dropped, COMPLEX renamed HARD
    (its old id not kept as an alias), CULT added."""
    return {
        "id": "own-v2",
        "name": "Our codebook v2",
        "codes": [
            {"id": "ORG", "name": "Inside", "level": "domain", "parent": None, "codable": False},
            {"id": "STAFF", "name": "Staffing and workload", "level": "construct", "parent": "ORG"},
            {"id": "HARD", "name": "Complicated work", "level": "construct", "parent": "ORG"},
            {"id": "CULT", "name": "Team culture", "level": "construct", "parent": "ORG"},
        ],
        "mapping": {"cfir-2009": {"STAFF": ["IS.E.2"], "HARD": ["IC.F"], "CULT": ["IS.C"]}},
    }


def coded_in_v2(folder: Path) -> Path:
    """:func:`coded_in_own`, charted in :func:`changed_codebook`."""
    coded_in_own(folder)
    (folder / "chart_codebook.json").write_text(json.dumps(changed_codebook()), "utf-8")
    return folder


#: a review saved under version 1 (:func:`own_codebook`): STAFF kept in version 2, NEED dropped
#: and COMPLEX renamed since
V1_REVIEW = [
    Decision("p01:0001", "accept", "STAFF", text=TEXTS[0]),
    Decision("p01:0002", "recode", "NEED", text=TEXTS[1]),
    Decision("p01:0003", "accept", "COMPLEX", text=TEXTS[2]),
    Decision("p01:0005", "recode", "NEED", text=TEXTS[4]),
]


def test_apply_decisions_names_every_code_the_codebook_lacks_in_one_error(
    tmp_path: Path,
) -> None:
    """Re-test, session 47: a review saved under v1 applied to codings charted in v2 stopped at
    its first code v2 lacks ("row 3: code 'NEED' ..."), though the report's warning names them
    all; and the other way, a v2 review on v1 codings at CULT alone."""
    coded = coded_in_v2(tmp_path / "coded")
    write_decisions(coded / "decisions.csv", V1_REVIEW)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert run.code == 2
    assert run.err == (
        f"roqa: error: {coded / 'decisions.csv'}: 3 decisions on 2 codes that codebook 'own-v2' "
        "lacks: 'NEED' (rows 3, 5); 'COMPLEX' (row 4) (recode them in the page (or in the "
        "file) to codes of 'own-v2', or apply them to codings charted in the codebook they were "
        f"made in; `roqa codebook {coded / 'chart_codebook.json'}` lists the codes; an id you "
        'renamed: keep the old id as an alias of the code it became ("aliases" in '
        f"{coded / 'chart_codebook.json'}))\n"
    )
    assert not (tmp_path / "reviewed" / "codings.jsonl").exists()
    coded = coded_in_own(tmp_path / "coded1")
    v2_review = [
        Decision("p01:0001", "accept", "CULT", text=TEXTS[0]),
        Decision("p01:0002", "recode", "HARD", text=TEXTS[1]),
        Decision("p01:0003", "accept", "STAFF", text=TEXTS[2]),
    ]
    write_decisions(coded / "decisions.csv", v2_review)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed1")
    assert run.code == 2
    assert run.err.startswith(
        f"roqa: error: {coded / 'decisions.csv'}: 2 decisions on 2 codes that codebook 'own-v1' "
        "lacks: 'CULT' (row 2); 'HARD' (row 3) (recode them"
    )


def test_train_feedback_names_every_code_the_codebook_lacks_as_apply_decisions_does(
    tmp_path: Path,
) -> None:
    """Re-test, session 47: `roqa train --feedback` of a v1 review with the v2 codings given
    (--codings) said "row 3: unknown code 'NEED' in codebook 'cfir-2009' ... give the codings
    the review was made on (--codings ...)": the model's codebook, not own-v2, one code of
    two, and the codings it asked for given. Now apply-decisions' one line."""
    coded = coded_in_v2(tmp_path / "coded")
    write_decisions(coded / "decisions.csv", V1_REVIEW)
    run = roqa(
        "train", TRAINING, "--feedback", coded / "decisions.csv",
        "--codings", coded / "codings.jsonl", "--out", tmp_path / "m",
    )  # fmt: skip
    assert run.code == 2
    assert run.err.endswith(
        f"roqa: error: {coded / 'decisions.csv'}: 3 decisions on 2 codes that codebook 'own-v2' "
        "lacks: 'NEED' (rows 3, 5); 'COMPLEX' (row 4) (recode them in the page (or in the "
        "file) to codes of 'own-v2', or apply them to codings charted in the codebook they were "
        f"made in; `roqa codebook {coded / 'chart_codebook.json'}` lists the codes; an id you "
        'renamed: keep the old id as an alias of the code it became ("aliases" in '
        f"{coded / 'chart_codebook.json'}))\n"
    )
    assert not (tmp_path / "m").exists()


def test_a_rejection_of_a_code_the_codebook_dropped_is_left_out_with_a_warning(
    tmp_path: Path,
) -> None:
    """Re-test, session 47: rejecting NEED, dropped in v2, was refused as an unknown code,
    though rejecting a code that is gone can only mean leaving it out."""
    coded = coded_in_v2(tmp_path / "coded")
    review = [
        Decision("p01:0001", "accept", "STAFF", text=TEXTS[0]),
        Decision("p01:0004", "reject", "NEED", text=TEXTS[3]),
        Decision("p01:0005", "reject", "NEED", text=TEXTS[4]),
        Decision("p01:0005", "reject", "STAFF", text=TEXTS[4]),
        Decision("p01:0005", "reject", "HARD", text=TEXTS[4]),
    ]
    write_decisions(coded / "decisions.csv", review)
    out = tmp_path / "reviewed"
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", out)
    assert run.code == 0, run.err
    assert run.err == (
        f"roqa: warning: {coded / 'decisions.csv'}: 2 rejections of 1 code that codebook "
        "'own-v2' lacks, left out (a code it lacks is not given, so rejecting it decides "
        "nothing): 'NEED' (rows 3, 4)\n"
    )
    # p01:0004, rejected NEED alone, is not decided; p01:0005 is, its codes shown all rejected
    assert run.out.startswith("Alice's review (in own-v2 codes, as made): 2 of 5 reviewable")
    assert codes_of(out) == [("p01:0001", ["STAFF"]), ("p01:0005", [])]


#: a review whose rejections of NEED (dropped in v2) decide nothing in v2: rows 3 and 4
REJECTS_DROPPED = [
    Decision("p01:0001", "accept", "STAFF", text=TEXTS[0]),
    Decision("p01:0004", "reject", "NEED", text=TEXTS[3]),
    Decision("p01:0005", "reject", "NEED", text=TEXTS[4]),
    Decision("p01:0005", "reject", "STAFF", text=TEXTS[4]),
    Decision("p01:0005", "reject", "HARD", text=TEXTS[4]),
]


def rejections_left_out(where: Path) -> str:
    """apply-decisions' warning of :data:`REJECTS_DROPPED`'s rejections of NEED."""
    return (
        f"roqa: warning: {where}: 2 rejections of 1 code that codebook 'own-v2' lacks, left out "
        "(a code it lacks is not given, so rejecting it decides nothing): 'NEED' (rows 3, 4)\n"
    )


def test_the_report_says_a_rejection_of_a_dropped_code_is_left_out_not_to_recode(
    tmp_path: Path,
) -> None:
    """Session 48: the report listed the rejections of NEED among the decisions to recode
    ("2 decisions on 1 code that codebook 'own-v2' lacks, carried as they came ...; recode
    them"), where apply-decisions leaves them out; an accept of a code v2 lacks is still one
    to recode."""
    coded = coded_in_v2(tmp_path / "coded")
    where = coded / "decisions.csv"
    write_decisions(where, REJECTS_DROPPED)
    run = roqa("report", coded, "--out", tmp_path / "report.html")
    assert (run.code, run.err) == (0, rejections_left_out(where))
    write_decisions(where, [*REJECTS_DROPPED, Decision("p01:0003", "accept", "COMPLEX")])
    run = roqa("report", coded, "--out", tmp_path / "report.html")
    assert run.code == 0
    assert run.err == rejections_left_out(where) + (
        f"roqa: warning: {where}: 1 decision on 1 code that codebook 'own-v2' lacks, carried as "
        "they came (shown as \"Also decided\"): 'COMPLEX' (row 7); "
        "recode them in the page (or in the file) to codes of 'own-v2', or chart the report in "
        "the codebook they were made in (--codebook)\n"
    )


@pytest.mark.slow
def test_train_feedback_leaves_a_rejection_of_a_dropped_code_out_as_apply_decisions_does(
    tmp_path: Path,
) -> None:
    """Session 48: `roqa train --feedback` refused it ("row 3: code 'NEED' is a code of
    cfir-2022, not of the model's codebook cfir-2009"), where apply-decisions leaves it out
    with a warning: the same warning now, and the model trained."""
    coded = coded_in_v2(tmp_path / "coded")
    where = coded / "decisions.csv"
    write_decisions(where, REJECTS_DROPPED)
    run = roqa(
        "train", TRAINING, "--feedback", where, "--codings", coded / "codings.jsonl",
        "--out", tmp_path / "m",
    )  # fmt: skip
    assert run.code == 0, run.err
    assert run.err.count(rejections_left_out(where)) == 1
    assert (tmp_path / "m" / "model_card.json").is_file()


def test_an_id_renamed_in_her_codebook_is_answered_with_keeping_it_as_an_alias(
    tmp_path: Path,
) -> None:
    """Session 48: COMPLEX, renamed HARD in v2, was "unknown code 'COMPLEX' in codebook
    'own-v2'", no word of the alias that keeps a review made before readable; kept so, the
    review applies."""
    coded = coded_in_v2(tmp_path / "coded")
    chart = coded / "chart_codebook.json"
    write_decisions(coded / "decisions.csv", [V1_REVIEW[0], V1_REVIEW[2]])
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r1")
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {coded / 'decisions.csv'}: row 3: unknown code 'COMPLEX' in codebook "
        f"'own-v2' (use a code id or name: `roqa codebook {chart}` lists the codes; or, if you renamed "
        f'the id COMPLEX, keep it as an alias of the code it became ("aliases": ["COMPLEX"] in '
        f"{chart}))\n",
    )
    write_decisions(coded / "decisions.csv", V1_REVIEW)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r2")
    assert run.code == 2
    assert run.err.endswith(
        f"the codebook they were made in; `roqa codebook {chart}` lists the codes; an id you "
        "renamed: keep the old id as an alias of the "
        f'code it became ("aliases" in {chart}))\n'
    )
    book = changed_codebook()
    codes = book["codes"]
    assert isinstance(codes, list)
    codes[2]["aliases"] = ["COMPLEX"]
    chart.write_text(json.dumps(book), "utf-8")
    write_decisions(coded / "decisions.csv", [V1_REVIEW[0], V1_REVIEW[2]])
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r3")
    assert (run.code, run.err) == (0, "")
    assert codes_of(tmp_path / "r3") == [("p01:0001", ["STAFF"]), ("p01:0003", ["HARD"])]


def test_a_dropped_own_code_named_like_a_cfir_2_0_code_is_named_a_code_her_codebook_lacks(
    tmp_path: Path,
) -> None:
    """Re-test, session 47: NEED, dropped from her codebook in v2, was "a code of cfir-2022, not
    of the model's codebook own-v2" (CFIR 2.0 has a code named "Need"), and a review naming it
    alone was applied as a review in CFIR 2.0 codes, NEED made CFIR 2.0's Need."""
    coded = coded_in_v2(tmp_path / "coded")
    chart = coded / "chart_codebook.json"
    listed = (
        f"(use a code id or name: `roqa codebook {chart}` lists the codes; or, if you renamed the id "
        f'NEED, keep it as an alias of the code it became ("aliases": ["NEED"] in {chart}))'
    )
    for row, review in ((3, V1_REVIEW[:2]), (2, V1_REVIEW[1:2])):
        write_decisions(coded / "decisions.csv", review)
        run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / f"r{row}")
        assert (run.code, run.err) == (
            2,
            f"roqa: error: {coded / 'decisions.csv'}: row {row}: unknown code 'NEED' in "
            f"codebook 'own-v2' {listed}\n",
        )
    # a built-in codebook's id is still named as its code
    write_decisions(
        coded / "decisions.csv",
        [*V1_REVIEW[:1], Decision("p01:0002", "recode", "OUT.A", text=TEXTS[1])],
    )
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "r3")
    assert run.code == 2
    assert "row 3: code 'OUT.A' is a code of cfir-2022" in run.err


def _page_reviewed(page: str, states: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Segment id -> [isReviewed, partlyText] of report.js, run by node on the codes and
    crosswalk ``page`` gives it, for each segment's state (``{"codes": ..., "extra": [[decision,
    code, new code], ...], "shown": [codes shown]}``; skipped without node)."""
    import re

    def data(element: str) -> str:
        found = re.search(rf'<script type="application/json" id="{element}">(.*?)</script>', page)
        assert found is not None
        return found.group(1)

    book = re.search(r'data-codebook="([^"]*)"', page)
    assert book is not None
    script = (
        f"var codes = {data('roqa-codes')}; var crosswalk = {data('roqa-crosswalk')};\n"
        f"var otherIds = {data('roqa-other-ids')};\n"
        "var knownCodes = null, codeKeys = null, REJECT_ALL = 3; var PARTLY = 'partly';\n"
        "var SUGGESTIONS = '.sugg[data-code]';\n"
        f"var states = {json.dumps(states)}; var state = {{}};\n"
        "var document = {querySelectorAll: function () { return []; }, body: {getAttribute: "
        f"function () {{ return {json.dumps(book.group(1))}; }}}}}};\n"
        "var reviews = {};\n"
        "Object.keys(states).forEach(function (s) {\n"
        "  state[s] = {codes: states[s].codes || {}, newCode: '', extra: states[s].extra};\n"
        "  reviews[s] = {querySelectorAll: function () { return states[s].shown.map(function (c)"
        " { return {getAttribute: function () { return c; }}; }); }};\n"
        "});\n"
        "function reviewsById() { return reviews; }\n"
        + report_js_functions(
            "shownCodes",
            "sameText",
            "squash",
            "isOtherCode",
            "intoOf",
            "rejectsAll",
            "isReviewed",
            "lacksCode",
            "lackingCodes",
            "partlyText",
        )
        + "var out = {}; Object.keys(states).forEach(function (s) { out[s] = [isReviewed(s), "
        "partlyText(state[s])]; }); console.log(JSON.stringify(out));"
    )
    return dict(node_prints(script))


def test_the_page_counts_a_segment_decided_only_on_a_code_the_codebook_lacks_as_not_reviewed(
    tmp_path: Path,
) -> None:
    """Re-test, session 47: the report of codings charted in v2, carrying a review made under
    v1, counted a segment decided only by an accept of NEED (dropped in v2) as reviewed, though
    roqa apply-decisions refuses that accept (and leaves a rejection of NEED out)."""
    coded = coded_in_v2(tmp_path / "coded")
    book = changed_codebook()
    codes = book["codes"]
    assert isinstance(codes, list)
    codes[1]["aliases"] = ["WORKLOAD"]  # an id renamed, its old one kept
    (coded / "chart_codebook.json").write_text(json.dumps(book), "utf-8")
    page = tmp_path / "report.html"
    assert roqa("report", coded, "--out", page).code == 0
    shown = ["STAFF", "HARD"]
    reviewed = _page_reviewed(
        page.read_text("utf-8"),
        {
            "dropped": {"extra": [["accept", "NEED", ""]], "shown": shown},
            "dropped-rejected": {"extra": [["reject", "NEED", ""]], "shown": []},
            "kept": {"extra": [["recode", "STAFF", ""]], "shown": shown},
            "by-name": {"extra": [["accept", "Team culture", ""]], "shown": shown},
            "by-alias": {"extra": [["accept", "WORKLOAD", ""]], "shown": shown},
            "project": {"extra": [["accept", "project.agency-staff", ""]], "shown": shown},
            "cfir-2009": {"extra": [["accept", "IS.E.2", ""]], "shown": shown},
        },
    )
    not_reviewed = (
        "Not reviewed: decided on a code own-v2 lacks (NEED), which roqa apply-decisions refuses "
        "– accept or recode a code of own-v2, or give a new code"
    )
    assert reviewed == {
        "dropped": [False, not_reviewed],
        "dropped-rejected": [False, "partly"],
        "kept": [True, "partly"],
        "by-name": [True, "partly"],
        "by-alias": [True, "partly"],
        "project": [True, "partly"],
        "cfir-2009": [True, "partly"],
    }


def test_the_feedback_summary_counts_one_decision_left_out_in_the_singular() -> None:
    """Re-test, session 47: "1 left out (1 rejections on segments given a code)"."""
    from roqa_nlp.decisions import BESIDE_A_CODE, VALENCE_UNCODED, feedback_summary

    card = {
        "n_decisions": 4,
        "n_examples": 1,
        "examples_by_kind": {"coded": 1},
        "codes_by_decision": {"accept": 1},
        "left_out": {BESIDE_A_CODE: 1, VALENCE_UNCODED: 1, "replaced by a later row on the "
                     "same words and code": 1},
        "codings": [],
    }  # fmt: skip
    assert (
        "; 3 left out (1 rejection on segments given a code, 1 valence correction on segments "
        "with no code decided, 1 replaced by a later row on the same words and code); "
    ) in feedback_summary(card)


def test_a_decision_on_a_code_the_codebook_lacks_decides_no_segment(tmp_path: Path) -> None:
    """Re-test, session 47: re-coding in place with v2 said "(6 already decided in the decisions
    given)" and the report marked a segment accepted only as NEED "decided: NEED", where
    apply-decisions decides 4 (a code v2 lacks is refused, its rejection left out). Of
    V1_REVIEW, STAFF's segment alone is decided in v2; in v1, all four."""
    from roqa_nlp.decisions import decided_segments, page_row
    from roqa_nlp.report import decided_in_review

    coded = coded_in_v2(tmp_path / "coded")
    result = CodingResult.read(coded)
    v2 = Codebook.from_dict(changed_codebook())
    assert decided_segments(V1_REVIEW, result, v2) == {"p01:0001": ["STAFF"]}
    assert list(decided_segments(V1_REVIEW, result, Codebook.from_dict(own_codebook()))) == [
        "p01:0001",
        "p01:0002",
        "p01:0003",
        "p01:0005",
    ]
    rows = [page_row(d, d.segment_id) for d in V1_REVIEW]
    assert decided_in_review(rows, result, v2) == {"p01:0001": ["STAFF"]}


def test_a_cfir_name_in_a_review_in_her_own_codes_is_an_unknown_code_of_hers(
    tmp_path: Path,
) -> None:
    """Re-test, session 47: beside her STAFF and her COMPLEX by its name, "Culture" (CFIR 2009's
    IS.C by name, no code of hers) made the whole review CFIR 2009's: STAFF and COMPLEX were
    translated into CFIR codes unasked and the review applied. A built-in code counts only by
    its id, so the review is in her codes and "Culture" is an unknown one of them."""
    coded = coded_in_own(tmp_path / "coded")
    review = [
        Decision("p01:0001", "accept", "STAFF", text=TEXTS[0]),
        Decision("p01:0002", "recode", "Culture", text=TEXTS[1]),
        Decision("p01:0003", "recode", "Complicated work", text=TEXTS[2]),
    ]
    write_decisions(coded / "decisions.csv", review)
    run = roqa("apply-decisions", coded, "--coder", "Cy", "--out", tmp_path / "reviewed")
    assert run.code == 2
    assert run.err == (
        f"roqa: error: {coded / 'decisions.csv'}: row 3: unknown code 'Culture' in codebook "
        f"'own-v1' (use a code id or name: `roqa codebook "
        f"{coded / 'chart_codebook.json'}` lists the codes; or, if you renamed the id Culture, keep it as an "
        f'alias of the code it became ("aliases": ["Culture"] in '
        f"{coded / 'chart_codebook.json'}))\n"
    )
    assert (
        review_codebook(
            review, Codebook.load("cfir-2009"), chart=Codebook.from_dict(own_codebook())
        )
        == "own-v1"
    )


def test_in_place_the_error_names_the_kept_copy_of_the_codebook_the_review_was_made_in(
    tmp_path: Path,
) -> None:
    """Re-test, session 47: re-coded in place with v2, the v1 codings are gone and
    apply-decisions takes no --codebook, so "apply them to codings charted in the codebook they
    were made in" named no way to; `roqa code` kept v1 as chart_codebook.own-v1.json."""
    coded = coded_in_v2(tmp_path / "coded")
    kept = coded / "chart_codebook.own-v1.json"
    kept.write_text(json.dumps(own_codebook()), "utf-8")
    write_decisions(coded / "decisions.csv", V1_REVIEW)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert run.code == 2
    assert run.err.endswith(
        "or apply them to codings charted in the codebook they were made in: those codings are "
        f"gone from {coded}, but own-v1's copy is kept; re-code the transcripts into another "
        f"folder with `roqa code ... --codebook {kept} --out OTHER`; `roqa codebook "
        f"{coded / 'chart_codebook.json'}` lists the codes; an id you renamed: keep "
        'the old id as an alias of the code it became ("aliases" in '
        f"{coded / 'chart_codebook.json'}))\n"
    )


def team_codebook() -> dict[str, object]:
    """A team's codebook adapted from CFIR 2009 that keeps CFIR's ids (IS.E.2, IC.F) and is the
    model's own; its v1 had CI.A "Staff understanding of recovery", dropped since."""
    return {
        "id": "cmh",
        "name": "CMH recovery codes",
        "version": "3",
        "codes": [
            {"id": "ORG", "name": "Provider", "level": "domain", "parent": None, "codable": False},
            {"id": "IS.E.2", "name": "Staffing and time", "level": "construct", "parent": "ORG"},
            {"id": "IC.F", "name": "Complicated work", "level": "construct", "parent": "ORG"},
        ],
        "mapping": {"cfir-2009": {"IS.E.2": ["IS.E.2"], "IC.F": ["IC.F"]}},
    }


def coded_by_team_model(folder: Path) -> Path:
    """:func:`model_codings` as a model trained on :func:`team_codebook` saves them: run.json
    names its codebook, codebook.json beside the codings."""
    codings = model_codings()
    codings.meta["model"]["codebook"] = "cmh"
    codings.codebook = Codebook.from_dict(team_codebook())
    codings.save(folder)
    return folder


#: a review made on the team's v1 codes: CI.A is no longer a code of theirs
DROPPED_REVIEW = [
    Decision("p01:0001", "accept", "IS.E.2", text=TEXTS[0]),
    Decision("p01:0002", "accept", "CI.A", text=TEXTS[1]),
]


def test_a_cfir_id_the_teams_codebook_dropped_is_refused_by_apply_decisions_not_made_new(
    tmp_path: Path,
) -> None:
    """Codebook tester, session 60: CI.A, the team's "Staff understanding of recovery" in v1
    and dropped in v3, was read as CFIR 2009's CI.A (no team code maps onto it) and became the
    project code "Knowledge & Beliefs about the Intervention", a name the team never used."""
    coded = coded_by_team_model(tmp_path / "coded")
    write_decisions(coded / "decisions.csv", DROPPED_REVIEW)
    run = roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "reviewed")
    assert (run.code, run.err) == (
        2,
        f"roqa: error: {coded / 'decisions.csv'}: row 3: unknown code 'CI.A' in codebook 'cmh' "
        f"(use a code id or name: `roqa codebook {coded / 'codebook.json'}` lists the codes; or, if you "
        'renamed the id CI.A, keep it as an alias of the code it became ("aliases": ["CI.A"] in '
        f"{coded / 'codebook.json'}))\n",
    )
    assert not (tmp_path / "reviewed").exists()


def test_train_feedback_refuses_a_cfir_id_the_teams_codebook_dropped_as_apply_decisions_does(
    tmp_path: Path,
) -> None:
    """Codebook tester, session 60: train either made it the same new code or stopped with
    "code 'CI.A' is a code of cfir-2009, not of the model's codebook cmh+project", after a
    warning that had read it as cfir-2009's."""
    coded = coded_by_team_model(tmp_path / "coded")
    write_decisions(coded / "decisions.csv", DROPPED_REVIEW)
    book = tmp_path / "cmh.json"
    book.write_text(json.dumps(team_codebook()), "utf-8")
    data = tmp_path / "records.jsonl"
    data.write_text(
        "".join(
            json.dumps({"text": f"{t} ({n})", "construct": c}) + "\n"
            for n in range(3)
            for t, c in zip(TEXTS, ["IS.E.2", "IC.F", "IS.E.2", "IC.F", "IS.E.2"])
        ),
        "utf-8",
    )
    run = roqa(
        "train", data, "--codebook", book, "--feedback", coded / "decisions.csv",
        "--out", tmp_path / "m",
    )  # fmt: skip
    assert run.code == 2
    assert "cfir-2009" not in run.err
    assert run.err.endswith(
        f"roqa: error: {coded / 'decisions.csv'}: row 3: unknown code 'CI.A' in codebook 'cmh' "
        f"(use a code id or name: `roqa codebook {book}` lists the codes; or, if you renamed the id "
        f'CI.A, keep it as an alias of the code it became ("aliases": ["CI.A"] in {book}))\n'
    )
    assert not (tmp_path / "m").exists()


def test_the_report_names_a_cfir_id_the_teams_codebook_dropped_as_a_code_it_lacks(
    tmp_path: Path,
) -> None:
    coded = coded_by_team_model(tmp_path / "coded")
    write_decisions(coded / "decisions.csv", DROPPED_REVIEW)
    run = roqa("report", coded, "--out", tmp_path / "r.html")
    assert (run.code, run.err) == (
        0,
        f"roqa: warning: {coded / 'decisions.csv'}: 1 decision on 1 code that codebook 'cmh' "
        "lacks, carried as they came (shown as \"Also decided\"): 'CI.A' (row 3); recode them in "
        "the page (or in the file) to codes of 'cmh', or chart the report in the codebook they "
        "were made in (--codebook)\n",
    )


def test_only_a_cfir_id_no_code_of_the_teams_codebook_maps_onto_is_one_it_lacks() -> None:
    team = Codebook.from_dict(team_codebook())
    assert unmapped_builtin_code("CI.A", team, "cfir-2009") is True
    # a construct whose sub-construct the team maps, and a sub-construct of a mapped construct
    assert unmapped_builtin_code("IS.E", team, "cfir-2009") is False
    # the built-in codebooks' reading is unchanged: CFIR 2.0's Critical Incidents, which no
    # CFIR 2009 code maps onto, is still made a new code named as it in a CFIR 2009 model
    assert unmapped_builtin_code("OUT.A", Codebook.load("cfir-2009"), "cfir-2022") is False
