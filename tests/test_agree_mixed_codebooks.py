"""Specification: coders whose code names come from two codebooks are told so.

Results that record two built-in codebooks are refused (docs/agreement.md, "Coders in
different codebooks"); but codes typed by hand (a long CSV) or made in a QDA project carry no
recorded codebook, and one coder's CFIR 2009 names beside another's CFIR 2.0 names went through
silently (tester, session 38: a long CSV gave kappa -0.333, a .qdpx with nodes renamed to CFIR
2.0 names kappa 0.389, with no note). No code of one codebook can agree with a code of the
other, so ``roqa agree`` warns in one line, naming the coders and the way to compare them in
one codebook.
"""

from __future__ import annotations

import json
from pathlib import Path

from test_cli_agree import run

DATA = Path(__file__).parent / "data" / "agree_codebooks"

#: A codes in CFIR 2009 names (Champions), B in CFIR 2.0 names (Innovation Complexity,
#: Critical Incidents); Cost is a name of both.
MIXED = """unit,coder,code
u1,A,Champions
u1,B,Innovation Complexity
u2,A,Cost
u2,B,Critical Incidents
"""


def agree(tmp_path: Path, capsys, *args: str) -> tuple[str, list[str]]:
    out_json = tmp_path / "a.json"
    code, out, err = run(["agree", *args, "--n-boot", "0", "--json", str(out_json)], capsys)
    assert code == 0, err
    return " ".join(out.split()), json.loads(out_json.read_text("utf-8"))["notes"]


def test_a_long_csv_with_each_coder_in_another_codebook_is_warned(tmp_path, capsys) -> None:
    """Before, the warning said to compare them "with --codebook cfir-2022", which is an error
    for A's 'Champions' (a long CSV's names are resolved in the codebook, never charted onto
    it), and --codebook cfir-2009 one for B's names (tester, session 58). It now says what
    works: write A's CFIR 2009 names as CFIR 2.0 codes, then give --codebook cfir-2022, the
    way the crosswalk goes, though the other inputs may be in CFIR 2009 (agree tester, session
    69: the advice read backwards beside a CFIR 2009 run, and gave no next step)."""
    csv = tmp_path / "mixed.csv"
    csv.write_text(MIXED, encoding="utf-8")
    out, notes = agree(tmp_path, capsys, str(csv))
    warning = (
        "the codes come from two codebooks: A's code 'Champions' is a name only cfir-2009 has; "
        "B's 2 codes 'Critical Incidents', 'Innovation Complexity' are names only cfir-2022 "
        "has. A code only cfir-2009 has cannot agree with one only cfir-2022 has; codes both "
        "codebooks have compare as usual. To compare them in one codebook, write A's cfir-2009 "
        "names in the long CSV as cfir-2022 codes, then give --codebook cfir-2022: cfir-2009 "
        "codes are charted onto cfir-2022 through its documented crosswalk, and no crosswalk "
        "goes the other way; a long CSV's names are resolved in the codebook given, not charted "
        "onto it, so --codebook cannot join them as they are"
    )
    assert warning in notes
    assert f"Warning: {warning}." in out
    for book in ("cfir-2022", "cfir-2009"):  # what the warning no longer suggests
        code, _, err = run(["agree", str(csv), "--codebook", book, "--n-boot", "0"], capsys)
        assert code == 2 and "unknown code" in err


def test_a_qdpx_with_nodes_renamed_to_cfir_2_names_is_warned(tmp_path, capsys) -> None:
    """Bob's project: his CFIR 2009 codes (IS.C, PR.A ...) and four nodes renamed to CFIR 2.0
    names; Alice's, CFIR 2009 codes only. They share five codes (Culture, Planning, Available
    Resources ...), which agree as usual, and names both codebooks have (Planning,
    Compatibility) are no codebook's alone: the warning said no code of one coder could agree
    with the other's and listed those shared codes as "codes only it has" (tester hunt,
    session 38)."""
    out, notes = agree(tmp_path, capsys, str(DATA / "alice.qdpx"), str(DATA / "bob_cfir22.qdpx"))
    warning = (
        "the codes come from two codebooks: Alice's 4 codes 'Champions', 'External Policy & "
        "Incentives', 'Knowledge & Beliefs about the Intervention' ... are names only cfir-2009 "
        "has; Bob's 4 codes 'High-Level Leaders', 'Implementation Leads', 'Innovation "
        "Trialability' ... are names only cfir-2022 has. A code only cfir-2009 has cannot agree "
        "with one only cfir-2022 has; codes both codebooks have compare as usual. Compare them "
        "in one codebook with --codebook cfir-2022"
    )
    assert any(n.startswith(warning) for n in notes), notes
    assert "Warning: the codes come from two codebooks" in out
    assert not any("no code of one can agree" in n for n in notes)


def test_coders_in_one_codebook_get_no_warning(tmp_path, capsys) -> None:
    csv = tmp_path / "one.csv"
    csv.write_text(
        "unit,coder,code\nu1,A,Champions\nu1,B,Champions\nu2,A,Cost\nu2,B,Planning\n",
        encoding="utf-8",
    )
    out, notes = agree(tmp_path, capsys, str(csv))
    assert not any("two codebooks" in n for n in notes)
    assert "Warning:" not in out


def project_coders(tmp_path: Path) -> tuple[Path, Path]:
    """Ann's and Ben's folders of one QDA project, as ``roqa import`` writes them: both record
    its codebook (cfir-2009+project, one hash). Ann applied Leadership Engagement (IS.E.1), the
    project's IS.E.2 renamed "Funding and resources", and a code she made, "Staff turnover" (a
    GUID; the seed study's codebook erondu-2021 has a code of that name); Ben the first two."""
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    meta = {"source": "REFI-QDA", "codebook": {"id": "cfir-2009+project", "hash": "ab12"}}

    def seg(i: int, code: str, name: str) -> SegmentResult:
        s = Segment(f"p01:{i}", "p01", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
        return SegmentResult(s, [Suggestion(code, name, None, 1.0)])

    staff = "11111111-2222-4333-8444-666666666666"
    ann, ben = tmp_path / "Ann", tmp_path / "Ben"
    CodingResult(
        [
            seg(0, "IS.E.1", "Leadership Engagement"),
            seg(1, "IS.E.2", "Funding and resources"),
            seg(2, staff, "Staff turnover"),
        ],
        meta={**meta, "user": {"name": "Ann"}},
    ).save(ann)
    CodingResult(
        [
            seg(0, "IS.E.1", "Leadership Engagement"),
            seg(1, "IS.E.2", "Funding and resources"),
            seg(2, "IS.E.2", "Funding and resources"),
        ],
        meta={**meta, "user": {"name": "Ben"}},
    ).save(ben)
    return ann, ben


def test_one_projects_own_code_named_like_another_codebooks_is_no_second_codebook(
    tmp_path, capsys
) -> None:
    """Before, Ann's own "Staff turnover" made the project's coders "come from two codebooks"
    (cfir-2009 and erondu-2021), and Ben's renamed IS.E.2 was listed as a name only cfir-2009
    has (tester, session 39: roqa agree edited.qdpx)."""
    ann, ben = project_coders(tmp_path)
    out, notes = agree(tmp_path, capsys, str(ann), str(ben))
    assert not any("two codebooks" in n for n in notes), notes
    assert "Warning:" not in out


def test_a_project_beside_a_run_of_the_codebook_it_extends_is_not_warned(tmp_path, capsys) -> None:
    """Ann's project extends CFIR 2009 with "Staff turnover"; the model's run is CFIR 2009:
    every codebook the model's codes are of, Ann's are of too."""
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    ann, _ = project_coders(tmp_path)
    model = tmp_path / "model"
    segments = [
        SegmentResult(
            Segment(f"p01:{i}", "p01", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9),
            [Suggestion(code, code, None, 0.8)],
        )
        for i, code in enumerate(["IS.E.1", "IS.E.2", "IS.A"])
    ]
    CodingResult(segments, meta={"model": {"codebook": "cfir-2009"}}).save(model)
    out, notes = agree(tmp_path, capsys, str(ann), str(model))
    assert not any("two codebooks" in n for n in notes), notes


def test_one_coders_typed_names_of_two_codebooks_are_still_warned(tmp_path, capsys) -> None:
    """Codes typed by hand record no code tree: A's Champions (CFIR 2009) beside Critical
    Incidents (CFIR 2.0) is a mix, though B's codes are CFIR 2009's only."""
    csv = tmp_path / "one_mixes.csv"
    csv.write_text(
        "unit,coder,code\nu1,A,Champions\nu1,B,Champions\nu2,A,Critical Incidents\n"
        "u2,B,Leadership Engagement\n",
        encoding="utf-8",
    )
    out, notes = agree(tmp_path, capsys, str(csv))
    assert any(
        n.startswith(
            "the codes come from two codebooks: A's code 'Champions' is a name only cfir-2009 "
            "has; A's code 'Critical Incidents' is a name only cfir-2022 has; B's 2 codes"
        )
        for n in notes
    ), notes


def test_a_models_codes_in_the_warning_are_the_codes_it_applied(tmp_path, capsys) -> None:
    """Tester (session 58): "model's 10 codes ... 'Goals & Feedback'" of a model that applied
    8, Goals & Feedback only a lower-ranked suggestion. The warning names the codes the model
    counts as applied (its top suggestion here), the codes compared."""
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    def seg(i: int, *ranked: tuple[str, str, float]) -> SegmentResult:
        s = Segment(f"p01:{i}", "p01", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
        return SegmentResult(s, [Suggestion(c, n, None, p) for c, n, p in ranked], novel=False)

    model = tmp_path / "model"
    CodingResult(
        [
            seg(0, ("PR.B.3", "Champions", 0.7), ("IS.D.5", "Goals & Feedback", 0.2)),
            seg(1, ("IS.C", "Culture", 0.6), ("IS.D.5", "Goals & Feedback", 0.3)),
        ],
        meta={"model": {"codebook": "cfir-2009"}},
    ).save(model)
    csv = tmp_path / "ann.csv"
    csv.write_text("unit,coder,code\np01:0,Ann,Champions\np01:1,Ann,Stigma\n", encoding="utf-8")
    _, notes = agree(tmp_path, capsys, str(csv), str(model))
    (warning,) = [n for n in notes if n.startswith("the codes come from two codebooks")]
    assert warning.startswith(
        "the codes come from two codebooks: model's code 'Champions' is a name only cfir-2009 "
        "has; Ann's code 'Champions' is a name only cfir-2009 has; Ann's code 'Stigma' is a "
        "name only erondu-2021 has."
    ), warning
