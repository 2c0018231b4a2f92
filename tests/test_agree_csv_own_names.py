"""Specification: a long CSV's code names beside results, for codes of no codebook and names of
the other CFIR version (tester, session 68, cfir2009).

- A name the review's own new code carries ("Manager burnout", project.manager-burnout) is that
  code: before, the two were two codes and an identical sheet scored kappa 0.200.
- A sheet mostly of the other version's names, with a code of its own, gets the error that
  gives ``--codebook``; with it, the own code is compared as written, not refused.
- The note resolving names counts codes, not spellings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_agree_csv_compared_codebook import agree, long_csv, model_run

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
        "(give --codebook cfir-2022: it has every name of the long CSV but 'Manager burnout', "
        "a code of no codebook, which is compared as written; and every input's codes translate "
        "into it)"
    )


def test_with_the_other_codebook_an_own_code_is_compared_as_written(tmp_path, capsys) -> None:
    """Before: "line 5: unknown code 'Manager burnout' in codebook 'cfir-2022'", so the sheet
    had no route to a comparison. The model's codes in CFIR 2.0: IS.E.1 Leadership Engagement
    is INS.D.1 High-level Leaders and INS.D.2 Mid-level Leaders; PR.B.3 Champions is IND.D
    Implementation Leads, IND.E Implementation Team Members and IND.F Other Implementation
    Support; IC.B is INN.B Innovation Evidence-Base. Hannah: INS.D.1, IND.D, INN.B and 'Manager
    burnout' (of her own). 7 codes x 4 units = 28 decisions: both present 3, model only 3,
    Hannah only 1, neither 21. p_o = 24/28; p_e = (6*4 + 22*24)/28^2 = 552/784;
    kappa = (24*28 - 552)/(784 - 552) = 120/232 = 15/29."""
    csv = long_csv(tmp_path / "cfir2.csv", CFIR_2)
    coded = cfir_2009_model(tmp_path)
    code, data, _, err = agree(tmp_path, capsys, str(csv), str(coded), "--codebook", "cfir-2022")
    assert code == 0, err
    assert data is not None
    assert "Manager burnout" in data["codes"]
    assert len(data["codes"]) == 7
    assert data["pooled"]["all"]["kappa"] == pytest.approx(15 / 29)
    assert (
        "cfir2.csv: 'Manager burnout' (line 5) is a code of no codebook and near no code of "
        "cfir-2022, so it is compared as written, as a code of the coder's own"
    ) in data["notes"]


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
