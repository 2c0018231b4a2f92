"""Specification: a long CSV's code names beside results, for codes of no codebook and names of
the other CFIR version (tester, session 68, cfir2009).

- A name the review's own new code carries ("Manager burnout", project.manager-burnout) is that
  code: before, the two were two codes and an identical sheet scored kappa 0.200.
- A sheet mostly of the other version's names, with a code of its own, gets the error that
  gives ``--codebook`` once the own code's rows are taken out (and typos corrected): with it,
  the own code is refused, as any code of no codebook is (regression hunt, session 68).
- The note resolving names counts codes, not spellings.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agree_helpers import agree
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_agree_csv_compared_codebook import long_csv, model_run

BURNOUT = ("project.manager-burnout", "Manager burnout")


def review(folder: Path, codes: list[list[tuple[str, str]]]) -> Path:
    """Ruth's review (roqa apply-decisions) of a run charted in CFIR 2009, her new code
    project.manager-burnout among its codes, T1:0..3 (each segment's codes, at probability 1)."""
    segments = []
    for i, got in enumerate(codes):
        s = Segment(f"T1:{i}", "T1", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
        segments.append(SegmentResult(s, [Suggestion(c, n, None, 1.0) for c, n in got]))
    meta = {
        "source": "roqa apply-decisions",
        "user": {"name": "Ruth"},
        "codebook": {"id": "cfir-2009+project"},
        "chart_codebook": "cfir-2009",
    }
    CodingResult(segments=segments, meta=meta).save(folder)
    return folder


def ruths(tmp_path: Path) -> Path:
    evidence = ("IC.B", "Evidence Strength & Quality")
    leaders = ("IS.E.1", "Leadership Engagement")
    return review(tmp_path / "reviewed", [[evidence], [BURNOUT], [BURNOUT], [leaders]])


SOFIAS = [
    "Evidence Strength & Quality",
    "Manager burnout",
    "manager burnout",
    "Leadership Engagement",
]


def test_a_csv_name_of_the_reviews_new_code_is_that_code(tmp_path, capsys) -> None:
    """Sofia's sheet codes as Ruth's review does, the new code by its name: one code, kappa 1
    (before: 'Manager burnout' and project.manager-burnout, 4 codes, kappa 1/3)."""
    csv = long_csv(tmp_path / "sofia.csv", SOFIAS)
    code, data, printed, err = agree(tmp_path, capsys, str(csv), str(ruths(tmp_path)))
    assert code == 0, err
    assert data is not None
    assert data["codes"] == ["IC.B", "IS.E.1", "project.manager-burnout"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(1.0)
    assert (
        "Hannah's 2 codes (names in a long CSV) are resolved in codebook cfir-2009, the codebook "
        "the other inputs are compared in (run.json's chart_codebook): 'Evidence Strength & "
        "Quality', 'Leadership Engagement'; and matched by name to a code of another input's "
        "own: 'Manager burnout' = 'manager burnout' as Ruth's project.manager-burnout "
        "(--codebook sets another)"
    ) in data["notes"]
    assert "compared as written" not in printed


def test_with_codebook_a_csv_name_of_the_reviews_new_code_is_that_code(tmp_path, capsys) -> None:
    """Before: "line 3: unknown code 'Manager burnout' in codebook 'cfir-2009'"."""
    csv = long_csv(tmp_path / "sofia.csv", SOFIAS)
    reviewed = ruths(tmp_path)
    code, data, _, err = agree(tmp_path, capsys, str(csv), str(reviewed), "--codebook", "cfir-2009")
    assert code == 0, err
    assert data is not None
    assert data["codes"] == ["IC.B", "IS.E.1", "project.manager-burnout"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(1.0)
    assert (
        "sofia.csv: 'Manager burnout' (line 3) = 'manager burnout' is matched by name to "
        "Ruth's project.manager-burnout, a code of another input's own"
    ) in data["notes"]


def cfir_2009_model(tmp_path: Path) -> Path:
    """A CFIR 2009 model's run: Leadership Engagement, Champions, Evidence Strength & Quality,
    nothing."""
    leaders = ("IS.E.1", "Leadership Engagement")
    champions = ("PR.B.3", "Champions")
    evidence = ("IC.B", "Evidence Strength & Quality")
    return model_run(
        tmp_path / "coded",
        [[leaders], [champions], [evidence], []],
        model={"codebook": "cfir-2009"},
        chart_codebook="cfir-2009",
    )


CFIR_2 = [
    "High-level Leaders",
    "Implementation Leads",
    "Innovation Evidence-Base",
    "Manager burnout",
]


def test_a_sheet_of_cfir_2_names_and_an_own_code_is_refused_with_the_codebook(
    tmp_path, capsys
) -> None:
    """Before: scored, kappa -0.140, with "did you mean" CFIR 2009 names for CFIR 2.0 ones;
    only a sheet with no own code got the error."""
    csv = long_csv(tmp_path / "cfir2.csv", CFIR_2)
    code, _, _, err = agree(tmp_path, capsys, str(csv), str(cfir_2009_model(tmp_path)))
    assert code == 2
    assert err.strip() == (
        "roqa: error: Hannah's 3 codes 'High-level Leaders', 'Implementation Leads', 'Innovation "
        "Evidence-Base' (names in a long CSV) are not codes of cfir-2009, the codebook the other "
        "inputs are compared in (run.json's chart_codebook), so they could agree with no code "
        "(give --codebook cfir-2022 once the rows of 'Manager burnout', a code of no codebook, "
        "are taken out, as --codebook refuses it: it has every other name of the long CSV, and "
        "every input's codes translate into it)"
    )


def test_the_hint_giving_the_other_codebook_calls_a_typo_a_typo(tmp_path, capsys) -> None:
    """Regression hunt, session 68: "... but 'High-level Leadres', 'Manager burnout', codes of
    no codebook, which are compared as written"; the first is a typo of a CFIR 2.0 name."""
    names = ["High-level Leadres", "Implementation Leads", "Innovation Evidence-Base"]
    names += ["Innovation Cost"]
    csv = long_csv(tmp_path / "cfir2.csv", [*names, "Manager burnout"])
    code, _, _, err = agree(tmp_path, capsys, str(csv), str(cfir_2009_model(tmp_path)))
    assert code == 2
    assert err.strip().endswith(
        "(give --codebook cfir-2022 once the typo 'High-level Leadres' (did you mean 'High-level "
        "Leaders'?) is corrected and the rows of 'Manager burnout', a code of no codebook, are "
        "taken out, as --codebook refuses it: it has every other name of the long CSV, and every "
        "input's codes translate into it)"
    )


def test_with_the_other_codebook_an_own_code_is_refused_and_the_rest_compared(
    tmp_path, capsys
) -> None:
    """With --codebook cfir-2022 the own code 'Manager burnout' is refused, as any code of no
    codebook is (regression hunt, session 68: compared as written, so were truncations, joined
    codes and placeholders). With its row taken out, as the error above says, the sheet is
    compared. The model's codes in CFIR 2.0, as its report charts them (session 74; its segments'
    words choose no counterpart, so each is the first of them): IS.E.1 Leadership Engagement is
    IND.A High-level Leaders, PR.B.3 Champions IND.C (not Hannah's IND.E Implementation Leads),
    IC.B INN.B Innovation Evidence-Base. Hannah: IND.A, IND.E, INN.B, T1:3 no code. 4 codes x 4
    units = 16 decisions: both present 2, model only 1, Hannah only 1, neither 12. p_o = 14/16;
    p_e = (3*3 + 13*13)/16^2 = 178/256; kappa = (14*16 - 178)/(256 - 178) = 46/78. Before,
    each code counted as every counterpart: 6 codes, kappa 0.6."""
    csv = long_csv(tmp_path / "cfir2.csv", CFIR_2)
    coded = cfir_2009_model(tmp_path)
    code, _, _, err = agree(tmp_path, capsys, str(csv), str(coded), "--codebook", "cfir-2022")
    assert code == 2
    assert err == (
        f"roqa: error: {csv}: line 5: unknown code 'Manager burnout' in codebook 'cfir-2022' (use "
        "a code id or name, or leave out the codebook to compare codes as written; `roqa "
        "codebook cfir-2022` lists the codes)\n"
    )
    long_csv(csv, [*CFIR_2[:3], ""])
    code, data, _, err = agree(tmp_path, capsys, str(csv), str(coded), "--codebook", "cfir-2022")
    assert code == 0, err
    assert data is not None
    assert data["codes"] == ["IND.A", "IND.C", "IND.E", "INN.B"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(46 / 78)


def test_the_resolve_note_counts_codes_not_spellings(tmp_path, capsys) -> None:
    """Before: "Hannah's 3 codes ... 'Available Resources', 'available resources', 'Culture'":
    she has 2."""
    resources = ("IS.E.2", "Available Resources")
    coded = model_run(
        tmp_path / "coded",
        [[resources], [resources], [("IS.C", "Culture")], []],
        model={"codebook": "cfir-2009"},
        chart_codebook="cfir-2009",
    )
    names = ["Available Resources", "available resources", "Culture", ""]
    csv = long_csv(tmp_path / "typo.csv", names)
    code, data, _, err = agree(tmp_path, capsys, str(csv), str(coded))
    assert code == 0, err
    assert data is not None
    assert data["pooled"]["all"]["kappa"] == pytest.approx(1.0)
    assert (
        "Hannah's 2 codes (names in a long CSV) are resolved in codebook cfir-2009, the codebook "
        "the other inputs are compared in (run.json's chart_codebook): 'Available Resources' = "
        "'available resources', 'Culture' (--codebook sets another)"
    ) in data["notes"]


@pytest.mark.parametrize(
    "written",
    [
        "IC.B / IS.E.1",  # two codes in one cell
        "Champions & Opinion Leaders",
        "Leadership",  # a truncation
        "LE",
        "Other",  # placeholders
        "?",
        "TBD",
    ],
)
def test_with_codebook_a_code_it_does_not_know_is_refused(written, tmp_path, capsys) -> None:
    """Regression hunt, session 68: with --codebook a code of no codebook "near no code" was
    compared as written with a note, so joined codes, truncations and placeholders each lowered
    kappa (IC.B / IS.E.1: 0.596, a third code). It is refused again, as before; only a name of
    another input's own code is that code (above)."""
    csv = long_csv(tmp_path / "sofia.csv", ["Evidence Strength & Quality", written])
    coded = cfir_2009_model(tmp_path)
    code, _, _, err = agree(tmp_path, capsys, str(csv), str(coded), "--codebook", "cfir-2009")
    assert code == 2
    assert err == (
        f"roqa: error: {csv}: line 3: unknown code {written!r} in codebook 'cfir-2009' (use a "
        "code id or name, or leave out the codebook to compare codes as written; `roqa codebook "
        "cfir-2009` lists the codes)\n"
    )


def test_with_codebook_a_typo_of_the_reviews_new_code_is_refused_with_its_name(
    tmp_path, capsys
) -> None:
    """Regression hunt, session 68: 'Manager burnot' was compared as written with a note calling
    it "near no code of cfir-2009" (kappa 0.444 for 0.884); before, it was refused, but its "did
    you mean" looked at the codebook only."""
    names = ["Evidence Strength & Quality", "Manager burnout", "Manager burnot"]
    csv = long_csv(tmp_path / "sofia.csv", names)
    reviewed = ruths(tmp_path)
    code, _, _, err = agree(tmp_path, capsys, str(csv), str(reviewed), "--codebook", "cfir-2009")
    assert code == 2
    assert err == (
        f"roqa: error: {csv}: line 4: unknown code 'Manager burnot' in codebook 'cfir-2009' "
        "(did you mean 'Manager burnout', Ruth's code project.manager-burnout?)\n"
    )


def test_a_typo_of_the_reviews_new_code_beside_its_name_is_warned_of(tmp_path, capsys) -> None:
    """Regression hunt, session 68: the sheet's 'Manager burnout' became the review's
    project.manager-burnout before the names near another were looked for, so 'Manager burnot'
    went unflagged. The near names are looked for among the names as written, as before."""
    names = ["Evidence Strength & Quality", "Manager burnout", "Manager burnot"]
    csv = long_csv(tmp_path / "sofia.csv", names)
    code, data, _, err = agree(tmp_path, capsys, str(csv), str(ruths(tmp_path)))
    assert code == 0, err
    assert data is not None
    assert (
        "1 code name near another is compared as written, as a code of its own: 'Manager "
        "burnout' (Hannah): did you mean 'Manager burnot' (Hannah)? Correct the CSV, or give "
        "--codebook cfir-2009 to check every name"
    ) in data["notes"]


def test_an_own_code_of_a_guid_is_named_by_its_name(tmp_path, capsys) -> None:
    """A QDA program's node has a GUID for its id: the note names the node (regression hunt,
    session 68: "'staff burnout' as Kim's ff1ecd29-36a0-5e84-a9d3-758184aa4c52")."""
    node = ("ff1ecd29-36a0-5e84-a9d3-758184aa4c52", "Staff Burnout")
    evidence = ("IC.B", "Evidence Strength & Quality")
    reviewed = review(tmp_path / "reviewed", [[evidence], [node], [node], []])
    names = ["Evidence Strength & Quality", "staff burnout", "staff burnout", ""]
    csv = long_csv(tmp_path / "sofia.csv", names)
    code, data, _, err = agree(tmp_path, capsys, str(csv), str(reviewed))
    assert code == 0, err
    assert data is not None
    assert data["pooled"]["all"]["kappa"] == pytest.approx(1.0)
    assert any(
        n.endswith(
            "matched by name to a code of another input's own: 'staff burnout' as Ruth's "
            "code 'Staff Burnout' (--codebook sets another)"
        )
        for n in data["notes"]
    ), data["notes"]
    code, data, _, err = agree(tmp_path, capsys, str(csv), str(reviewed), "--codebook", "cfir-2009")
    assert code == 0, err
    assert data is not None
    assert (
        "sofia.csv: 'staff burnout' (line 3) is matched by name to Ruth's code 'Staff Burnout', "
        "a code of another input's own"
    ) in data["notes"]


def test_a_review_carrying_its_project_codebook_names_it_and_only_the_foreign_codes(
    tmp_path, capsys
) -> None:
    """A review that records cfir-2009+project and carries it (its codebook.json, as roqa
    apply-decisions writes) is what a long CSV's codes are resolved in: the note names it and
    only the code truly foreign to it (daily13, s83: "not in codebook cfir-2009, the codebook
    the other inputs use, so compared as written: 'project.manager-burnout', ...", codes the
    review's codebook holds)."""
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.schema import Code

    reviewed = ruths(tmp_path)
    Codebook.load("cfir-2009").with_codes(
        [Code(id=BURNOUT[0], name=BURNOUT[1], level="code")], id="cfir-2009+project"
    ).save(reviewed / "codebook.json")
    run_json = reviewed / "run.json"
    meta = json.loads(run_json.read_text("utf-8"))
    del meta["chart_codebook"]
    run_json.write_text(json.dumps(meta), "utf-8")
    names = ["IC.B", BURNOUT[0], BURNOUT[0], "project.made-up"]
    csv = long_csv(tmp_path / "bea.csv", names)
    code, data, _, err = agree(tmp_path, capsys, str(reviewed), str(csv))
    assert code == 0, err
    assert data is not None
    assert [n for n in data["notes"] if "compared as written" in n] == [
        "Hannah's code (names in a long CSV) is not in codebook cfir-2009+project, the codebook "
        "the other inputs use, so compared as written: 'project.made-up' (--codebook sets another)"
    ]
    assert data["codes"] == ["IC.B", "IS.E.1", "project.made-up", "project.manager-burnout"]
