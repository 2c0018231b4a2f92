"""Specification of how ``roqa agree`` finds one code in the codes of coders who wrote them
differently (tester, session 41): a long CSV's names beside a result's ids, a code a coder
nested in their own QDA project, and the notes and messages around them.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from roqa_nlp.exchange.refiqda import code_guid, stable_guid
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run


def seg(i: int, codes: list[tuple[str, str]]) -> SegmentResult:
    s = Segment(f"T1:{i}", "T1", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(c, name, None, 1.0) for c, name in codes])


def review(folder: Path, coder: str, codes: list[list[tuple[str, str]]], **meta: object) -> Path:
    """A person's codings by code id, as ``roqa apply-decisions --coder`` records them."""
    CodingResult(
        segments=[seg(i, c) for i, c in enumerate(codes)],
        meta={"codebook": {"id": "cfir-2009"}, "user": {"name": coder}, **meta},
    ).save(folder)
    return folder


def agree_json(tmp_path: Path, capsys, args: list[str]) -> dict:
    out_path = tmp_path / "agreement.json"
    code, out, err = run(["agree", *args, "--json", str(out_path), "--n-boot", "0"], capsys)
    assert code == 0, err
    data = json.loads(out_path.read_text(encoding="utf-8"))
    data["printed"] = " ".join(out.split())
    return data


def names_and_ids(tmp_path: Path, a_codes: list[str]) -> tuple[Path, Path]:
    """Coder A as a long CSV of code names (``a_codes``, one per segment T1:0..3), coder B as a
    review of the same four segments by id: IC.H (Cost), IS.E.2 (Available Resources),
    IS.E.2, nothing."""
    csv = tmp_path / "hhA.csv"
    csv.write_text(
        "unit,coder,code\n" + "".join(f"T1:{i},A,{c}\n" for i, c in enumerate(a_codes)),
        encoding="utf-8",
    )
    b = review(
        tmp_path / "revB",
        "B",
        [
            [("IC.H", "Cost")],
            [("IS.E.2", "Available Resources")],
            [("IS.E.2", "Available Resources")],
            [],
        ],
    )
    return csv, b


def test_csv_code_names_are_resolved_in_the_codebook_the_results_use(tmp_path, capsys) -> None:
    """Tester, session 41: `roqa agree hhA.csv revB` (names against ids) counted Cost and IC.H
    as two codes, with no word: 15 codes, kappa -0.052 for 0.640. A: Cost, Available
    Resources, nothing, Culture; B: IC.H, IS.E.2, IS.E.2, nothing. Resolved in cfir-2009:
    codes IC.H, IS.E.2, IS.C x 4 units = 12 decisions, both present 2, one only 2: p_o = 10/12;
    each coder present 3/12, p_e = 1/16 + 9/16 = 10/16; kappa = (40 - 30)/(48 - 30) = 5/9.
    (As written: 5 codes, 20 decisions, p_o = 14/20, p_e = 298/400, kappa = -3/17.)"""
    csv, b = names_and_ids(tmp_path, ["Cost", "Available Resources", "", "Culture"])
    data = agree_json(tmp_path, capsys, [str(csv), str(b)])
    assert data["codes"] == ["IC.H", "IS.C", "IS.E.2"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(5 / 9)
    note = (
        "A's 3 codes (names in a long CSV) are resolved in codebook cfir-2009, the codebook the "
        "other inputs use: 'Available Resources', 'Cost', 'Culture' (--codebook sets another)"
    )
    assert note in data["notes"]
    assert f"Note: {note}." in data["printed"]
    # exactly as --codebook cfir-2009 gives it
    given = agree_json(tmp_path, capsys, [str(csv), str(b), "--codebook", "cfir-2009"])
    assert given["pooled"]["all"]["kappa"] == pytest.approx(5 / 9)
    # and --at follows its hierarchy (before: an error asking for --codebook). At the domain
    # level A: IC, IS, nothing, IS; B: IC, IS, IS, nothing. 2 codes x 4 units: both 2, one
    # only 2: p_o = 6/8; each coder present 3/8, p_e = 34/64; kappa = (48 - 34)/(64 - 34) = 7/15
    data = agree_json(tmp_path, capsys, [str(csv), str(b), "--at", "domain"])
    assert data["pooled"]["all"]["kappa"] == pytest.approx(7 / 15)


def test_csv_names_the_codebook_does_not_know_stay_as_written(tmp_path, capsys) -> None:
    """A name the codebook does not know ("Rota gaps", a code of the coder's own) is compared as
    written, and the note names it; the others are resolved. A: Cost, Rota gaps, nothing,
    nothing; B: IC.H, IS.E.2, IS.E.2, nothing. Codes IC.H, IS.E.2, Rota gaps x 4 = 12 decisions:
    both 1, one only 3: p_o = 9/12; A present 2/12, B 3/12: p_e = (2*3 + 10*9)/144 = 96/144;
    kappa = (108 - 96)/(144 - 96) = 1/4."""
    csv, b = names_and_ids(tmp_path, ["Cost", "Rota gaps", "", ""])
    data = agree_json(tmp_path, capsys, [str(csv), str(b)])
    assert data["codes"] == ["IC.H", "IS.E.2", "Rota gaps"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(1 / 4)
    assert (
        "A's code (names in a long CSV) is resolved in codebook cfir-2009, the codebook the "
        "other inputs use: 'Cost'; not in it, so compared as written: 'Rota gaps' "
        "(--codebook sets another)"
    ) in data["notes"]


def test_coders_who_share_no_code_are_warned_about(tmp_path, capsys) -> None:
    """Names no codebook knows against a review's ids: no code of A's is one of B's, so every
    coded unit is a disagreement. A warning says so and points to --codebook."""
    csv, b = names_and_ids(tmp_path, ["Budget woes", "Rota gaps", "", ""])
    data = agree_json(tmp_path, capsys, [str(csv), str(b)])
    warning = (
        "the coders share no code: each code was applied by one coder only (A: 'Budget woes', "
        "'Rota gaps'; B: 'Available Resources', 'Cost'), so no code can agree; if the same codes "
        "are written differently (names and ids, two spellings), compare them in one codebook "
        "with --codebook (cfir-2009, cfir-2022, erondu-2021 or a codebook .json whose names or "
        "aliases they are)"
    )
    assert warning in data["notes"]
    assert f"Warning: {warning}." in data["printed"]


def test_two_csvs_sharing_no_unit_name_each_input_and_its_units(tmp_path, capsys) -> None:
    """Tester, session 41: two CSVs of different units said "CSV units must be the segment ids
    of the results (compare CSV with CSV ...)" though both were CSVs."""
    a, b = tmp_path / "a_only.csv", tmp_path / "b_only.csv"
    a.write_text("unit,coder,code\nu1,A,Cost\nu2,A,Culture\n", encoding="utf-8")
    b.write_text("unit,coder,code\nu3,B,Cost\n", encoding="utf-8")
    code, out, err = run(["agree", str(a), str(b)], capsys)
    assert code == 2
    assert err.strip() == (
        "roqa: error: no unit was coded by two coders, so there is nothing to compare: "
        f"{a} (coder A): 2 units (u1, u2); {b} (coder B): 1 unit (u3) (give every coder's "
        "codings of the same transcripts or units)"
    )


def test_the_one_code_line_of_three_coders_names_lights_kappa(tmp_path, capsys) -> None:
    """Three coders' one code per unit: A x y x y, B x y y y, C x x y y. Pairs: AB p_o 3/4,
    p_e 1/2, kappa 1/2; AC p_o 1/2, p_e 1/2, kappa 0; BC p_o 3/4, p_e 1/2, kappa 1/2. Light's
    kappa = 1/3, and the line says it is Light's (before: "kappa 0.333")."""
    p = tmp_path / "three.csv"
    rows = {"A": "xyxy", "B": "xyyy", "C": "xxyy"}
    p.write_text(
        "unit,coder,code\n"
        + "".join(f"u{i},{c},{v}\n" for c, vs in rows.items() for i, v in enumerate(vs)),
        encoding="utf-8",
    )
    data = agree_json(tmp_path, capsys, [str(p)])
    assert data["single_code"]["all"]["kappa"] == pytest.approx(1 / 3)
    assert "agreement 66.7%, Light's kappa 0.333" in data["printed"]


def qdpx(path: Path, user: str, user_guid: str, tree: str, selections: list) -> Path:
    """A NVivo project of one user: the code tree ``tree`` (XML) and selections (start, end,
    code GUID) of transcript p01 (TEXT)."""
    src = "cccccccc-0000-4000-8000-000000000001"
    sels = "".join(
        f'<PlainTextSelection guid="dddddddd-0000-4000-8000-{k:012d}" startPosition="{s}" '
        f'endPosition="{e}" creatingUser="{user_guid}"><Coding guid="eeeeeeee-0000-4000-8000-'
        f'{k:012d}" creatingUser="{user_guid}"><CodeRef targetGUID="{g}"/></Coding>'
        "</PlainTextSelection>"
        for k, (s, e, g) in enumerate(selections)
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="NVivo 14">'
        f"<Users><User guid={quoteattr(user_guid)} name={quoteattr(user)}/></Users>"
        f"<CodeBook><Codes>{tree}</Codes></CodeBook><Sources>"
        f'<TextSource guid="{src}" name="p01" plainTextPath="internal://{src}.txt">'
        f"{sels}</TextSource></Sources></Project>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
        z.writestr(f"sources/{src}.txt", TEXT)
    return path


TEXT = "We cannot afford agency staff. Families want a say. Fees went up again.\n"
SENTENCES = ["We cannot afford agency staff.", "Families want a say.", "Fees went up again."]
SPANS = [(TEXT.index(s), TEXT.index(s) + len(s)) for s in SENTENCES]


def test_a_code_nested_in_a_coders_own_project_counts_as_its_parent(tmp_path, capsys) -> None:
    """Tester, session 41: Ben nested a new code "Family involvement" under Patient Needs &
    Resources in his own project; `--at construct` left it "in no construct ... compared as
    written" (0.253 for 0.362). Ann (her project: Cost, Patient Needs & Resources): Cost, PNR,
    PNR. Ben (his: Cost, PNR > Family involvement): Cost, Family involvement, Cost. At the
    construct level: Ann IC.H, OS.A, OS.A; Ben IC.H, OS.A, IC.H. 2 codes x 3 units: both 2, one
    only 2, neither 2: p_o = 4/6, each coder present 3/6, p_e = 1/2, kappa = 1/3. (As written,
    with Family involvement a code of its own: 9 decisions, p_o = 5/9, p_e = 5/9, kappa 0.)"""
    # both projects began as roqa's export (CFIR 2009's tree, with the GUIDs roqa gives it);
    # each coder made a code of their own, Ann one she did not use
    cost, pnr = code_guid("cfir-2009", "IC.H"), code_guid("cfir-2009", "OS.A")
    ic, os_, is_ = (code_guid("cfir-2009", d) for d in ("IC", "OS", "IS"))
    staff, family = "a0000000-0000-4000-8000-000000000001", "b0000000-0000-4000-8000-000000000001"

    def tree(under_pnr: str, under_is: str) -> str:
        return (
            f'<Code guid="{ic}" name="Intervention Characteristics" isCodable="true">'
            f'<Code guid="{cost}" name="Cost" isCodable="true"/></Code>'
            f'<Code guid="{os_}" name="Outer Setting" isCodable="true">'
            f'<Code guid="{pnr}" name="Patient Needs &amp; Resources" isCodable="true">'
            f"{under_pnr}</Code></Code>"
            f'<Code guid="{is_}" name="Inner Setting" isCodable="true">{under_is}</Code>'
        )

    ann = qdpx(
        tmp_path / "coderA.qdpx",
        "Ann",
        "aaaaaaaa-0000-4000-8000-0000000000a1",
        tree("", f'<Code guid="{staff}" name="Staff turnover" isCodable="true"/>'),
        [(*SPANS[0], cost), (*SPANS[1], pnr), (*SPANS[2], pnr)],
    )
    ben = qdpx(
        tmp_path / "coderB.qdpx",
        "Ben",
        "aaaaaaaa-0000-4000-8000-0000000000b2",
        tree(f'<Code guid="{family}" name="Family involvement" isCodable="true"/>', ""),
        [(*SPANS[0], cost), (*SPANS[1], family), (*SPANS[2], cost)],
    )
    data = agree_json(tmp_path, capsys, [str(ann), str(ben), "--at", "construct"])
    assert data["codes"] == ["IC.H", "OS.A"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(1 / 3)
    assert not any("compared as written" in n for n in data["notes"])
    # the folders `roqa import` writes of the two projects, with their codebook.json
    for project, out in ((ann, "impA"), (ben, "impB")):
        code, _, err = run(["import", str(project), "--out", str(tmp_path / out)], capsys)
        assert code == 0, err
    folders = [str(tmp_path / "impA/codings/Ann"), str(tmp_path / "impB/codings/Ben")]
    data = agree_json(tmp_path, capsys, [*folders, "--at", "construct"])
    assert data["pooled"]["all"]["kappa"] == pytest.approx(1 / 3)


def test_only_codings_roqa_exported_are_said_to_be_roqas_export(tmp_path, capsys) -> None:
    """Tester, session 41: "Alice's codings were exported by roqa_nlp to a QDA project" was
    said of Alice's own codings, which she added in her QDA program to a project roqa had
    exported (its origin roqa_nlp). A QDA program's user carries a GUID of that program's; the
    coder roqa exported carries the one roqa derives from the name."""
    model = tmp_path / "model"
    CodingResult(
        segments=[seg(0, [("IC.H", "Cost")]), seg(1, [("IS.C", "Culture")])],
        meta={"model": {"codebook": "cfir-2009"}, "codebook": {"id": "cfir-2009"}},
    ).save(model)
    exported = {"source": "REFI-QDA", "origin": "roqa_nlp 0.1.0"}

    def alice(guid: str) -> Path:
        return review(
            tmp_path / "Alice",
            "Alice",
            [[("IC.H", "Cost")], []],
            **exported,
            user={"name": "Alice", "guid": guid},
        )

    said = "Alice's codings were exported by roqa_nlp to a QDA project"
    own = alice("aaaaaaaa-0000-4000-8000-000000000001")  # added in the QDA program
    code, out, err = run(["agree", str(model), str(own), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert said not in " ".join(out.split())
    roqas = alice(stable_guid("user", "Alice"))  # the reviewer roqa export wrote
    code, out, err = run(["agree", str(model), str(roqas), "--n-boot", "0"], capsys)
    assert code == 0, err
    assert said in " ".join(out.split())
