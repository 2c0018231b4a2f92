"""Specification of how ``roqa agree`` matches codes of different projects: by name.

A code made by hand in a QDA program carries a GUID of that project, so two coders who each made
"Cost" in their own NVivo project share no code id; nor does a person's hand-typed CFIR node list
share ids with the model's CFIR codes. Codes are matched by name (as a codebook compares names),
with a note; within one project ids stay authoritative.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from roqa_nlp.coding_agreement import match_codes_by_name
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run

TEXT = (
    "Interviewer: How is staffing at the moment?\n"
    "Manager: We cannot afford agency staff this year. "
    "The culture here is very supportive though.\n"
    "Interviewer: And leadership?\n"
    "Manager: Our director backs every new idea we bring.\n"
)


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


AFFORD = span("We cannot afford agency staff this year.")
CULTURE = span("The culture here is very supportive though.")
DIRECTOR = span("Our director backs every new idea we bring.")


def project(
    path: Path, user: str, codes: dict[str, str], selections: list, text: str = TEXT
) -> Path:
    """A minimal REFI-QDA project: one user, codes {GUID: name}, one transcript p01 (``text``)
    and selections (start, end, [code GUIDs])."""
    src = "aaaaaaaa-0000-4000-8000-000000000001"
    user_guid = "bbbbbbbb-0000-4000-8000-000000000001"
    xml = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="NVivo 14">',
        f'<Users><User guid="{user_guid}" name={quoteattr(user)}/></Users><CodeBook><Codes>',
        *(f'<Code guid="{g}" name={quoteattr(n)} isCodable="true"/>' for g, n in codes.items()),
        "</Codes></CodeBook><Sources>",
        f'<TextSource guid="{src}" name="p01" plainTextPath="internal://{src}.txt">',
    ]
    for k, (start, end, refs) in enumerate(selections):
        xml.append(
            f'<PlainTextSelection guid="cccccccc-0000-4000-8000-{k:012d}" startPosition="{start}"'
            f' endPosition="{end}" creatingUser="{user_guid}">'
        )
        xml.extend(
            f'<Coding guid="dddddddd-{k:04d}-4000-8000-{j:012d}" creatingUser="{user_guid}">'
            f'<CodeRef targetGUID="{g}"/></Coding>'
            for j, g in enumerate(refs)
        )
        xml.append("</PlainTextSelection>")
    xml.append("</TextSource></Sources></Project>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", "".join(xml))
        z.writestr(f"sources/{src}.txt", text)
    return path


def two_projects(tmp_path: Path) -> tuple[Path, Path]:
    """Ann and Ben each made Cost, Culture and Leadership Engagement in their own project (other
    GUIDs). Ann coded both sentences of the first answer Cost, Ben the first Cost and the second
    Culture; both coded the last answer Leadership Engagement."""
    ann_codes = {
        "10000000-0000-4000-8000-000000000001": "Cost",
        "10000000-0000-4000-8000-000000000002": "Culture",
        "10000000-0000-4000-8000-000000000003": "Leadership Engagement",
    }
    ben_codes = {
        "20000000-0000-4000-8000-000000000001": "cost",
        "20000000-0000-4000-8000-000000000002": "Culture",
        "20000000-0000-4000-8000-000000000003": "Leadership engagement",
    }
    a, c, le = list(ann_codes)
    b_cost, b_cul, b_le = list(ben_codes)
    ann = project(
        tmp_path / "ann.qdpx",
        "Ann",
        ann_codes,
        [(AFFORD[0], CULTURE[1], [a]), (*DIRECTOR, [le])],
    )
    ben = project(
        tmp_path / "ben.qdpx",
        "Ben",
        ben_codes,
        [(*AFFORD, [b_cost]), (*CULTURE, [b_cul]), (*DIRECTOR, [b_le])],
    )
    return ann, ben


def test_same_named_codes_of_two_projects_are_one_code_with_a_note(tmp_path, capsys) -> None:
    """Units: the first lines (uncoded), the first sentence (Cost / Cost), the second (Cost /
    Culture), the lines between (uncoded) and the last answer (Leadership Engagement by both);
    the space between the sentences holds no letter and is no unit. 3 codes x 5 units = 15
    decisions, 13 agree; each coder applied 3 codes, so p_e = (3/15)^2 + (12/15)^2 = 17/25 and
    kappa = (13/15 - 17/25) / (8/25) = 7/12 (was -18/132 = -0.136 over 5 codes, none shared)."""
    ann, ben = two_projects(tmp_path)
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(ann), str(ben), "--n-boot", "0", "--json", str(out_path)], capsys
    )
    assert code == 0, err
    assert (
        "Note: codes of different projects matched by name (their ids differ): 'Cost', "
        "'Leadership Engagement'." in " ".join(out.split())
    )
    data = json.loads(out_path.read_text("utf-8"))
    assert data["n_units"] == {"total": 5, "all": 5, "coded": 3}
    assert sorted(c["name"] for c in data["per_code"]) == [
        "Cost",
        "Culture",
        "Leadership Engagement",
    ]
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(13 / 15)
    assert data["pooled"]["all"]["kappa"] == pytest.approx(7 / 12)


def seg(i: int, codes: list[tuple[str, str]], p: float = 1.0) -> SegmentResult:
    s = Segment(f"p01:{i}", "p01", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(cid, name, None, p) for cid, name in codes])


def test_a_hand_typed_cfir_node_list_meets_the_models_cfir_ids() -> None:
    """A person's flat node list with the CFIR names (GUID ids) is matched to the model's CFIR
    2009 codes by name: Culture is IS.C, Cost IC.H."""
    model = CodingResult(
        [seg(0, [("IS.C", "Culture")], 0.8), seg(1, [("IC.H", "Cost")], 0.6)],
        meta={"model": {"codebook": "cfir-2009"}},
    )
    hana = CodingResult(
        [seg(0, [("guid-1", "culture")]), seg(1, [("guid-2", "Cost"), ("guid-3", "Morale")])],
        meta={"codebook": {"id": "hana", "hash": "h1"}, "user": {"name": "Hana"}},
    )
    out, notes = match_codes_by_name({"model": model, "Hana": hana})
    assert out["model"] is model
    assert [[g.code_id for g in s.suggestions] for s in out["Hana"].segments] == [
        ["IS.C"],
        ["IC.H", "guid-3"],
    ]
    assert notes == [
        "Hana: 2 codes matched by name to codebook cfir-2009 (their ids differ): 'Cost', 'culture'",
        "Hana: 1 code matched no code by name (kept as the coder's own): 'Morale'",
    ]


def test_codes_are_matched_to_the_codebook_given(tmp_path) -> None:
    """With no coder in a built-in codebook, names resolve in the codebook given (--codebook)."""
    from roqa_nlp.codebook import Codebook

    ann = CodingResult(
        [seg(0, [("a-1", "Culture")])], meta={"codebook": {"id": "ann", "hash": "h1"}}
    )
    ben = CodingResult(
        [seg(0, [("b-1", "CULTURE")])], meta={"codebook": {"id": "ben", "hash": "h2"}}
    )
    out, notes = match_codes_by_name({"Ann": ann, "Ben": ben}, Codebook.load("cfir-2009"))
    assert [out[c].segments[0].suggestions[0].code_id for c in ("Ann", "Ben")] == ["IS.C", "IS.C"]
    assert len(notes) == 2


def test_one_projects_codes_are_never_merged_by_name() -> None:
    """Ann and Ben coded in one project (one codebook hash): its two codes named Cost are two
    codes, whatever their names."""
    meta = {"codebook": {"id": "study", "hash": "h1"}}
    ann = CodingResult([seg(0, [("g-1", "Cost")])], meta=meta)
    ben = CodingResult([seg(0, [("g-2", "Cost")])], meta=dict(meta))
    out, notes = match_codes_by_name({"Ann": ann, "Ben": ben})
    assert out["Ann"] is ann and out["Ben"] is ben
    assert notes == []


def test_a_name_two_codes_of_one_project_carry_is_not_matched_and_said_so() -> None:
    ann = CodingResult([seg(0, [("a-1", "Cost")])], meta={"codebook": {"id": "a", "hash": "1"}})
    ben = CodingResult(
        [seg(0, [("b-1", "Cost")]), seg(1, [("b-2", "cost")])],
        meta={"codebook": {"id": "b", "hash": "2"}},
    )
    out, notes = match_codes_by_name({"Ann": ann, "Ben": ben})
    assert out["Ann"].segments[0].suggestions[0].code_id == "a-1"
    assert [s.suggestions[0].code_id for s in out["Ben"].segments] == ["b-1", "b-2"]
    assert notes == ["not matched by name, as one project has two codes of that name: 'Cost'"]


def test_a_code_of_one_project_named_as_the_codebooks_code_it_has_is_that_code() -> None:
    """Session 50 (tester): a reviewer's own "Champions" node beside the model's Champions in one
    project (as an earlier roqa import read it: a GUID code) was "not matched by name, as one
    project has two codes of that name", with or without --codebook cfir-2009, and the coders
    shared no code. Named as the codebook's code, not by an alias, it is that code."""
    from roqa_nlp.codebook import Codebook

    meta = {"codebook": {"id": "cfir-2009+project", "hash": "h1"}}
    model = CodingResult(
        [seg(0, [("PR.B.3", "Champions")], 0.7)],
        meta={**meta, "model": {"codebook": "cfir-2009"}},
    )
    carol = CodingResult([seg(0, [("c-1", "Champions")])], meta={**meta, "user": {"name": "C"}})
    for book in (None, Codebook.load("cfir-2009")):
        out, notes = match_codes_by_name({"model": model, "Carol": carol}, book)
        assert [g.code_id for g in out["Carol"].segments[0].suggestions] == ["PR.B.3"]
        assert notes == [
            "Carol: 1 code matched by name to codebook cfir-2009 (their ids differ): 'Champions'"
        ]


def test_a_code_of_one_project_named_as_an_alias_of_a_code_it_has_is_not_matched() -> None:
    """An alias is no name: "Communications" beside the model's Networks & Communications (IS.B,
    whose alias it is) in one project may be another code of the team's, and stays apart. The
    note says why: the project holds the code the name is given to (qda2 tester, session 80,
    D8: it said "one project has two codes of that name", which it has not)."""
    meta = {"codebook": {"id": "cfir-2009+project", "hash": "h1"}}
    model = CodingResult(
        [seg(0, [("IS.B", "Networks & Communications")], 0.7)],
        meta={**meta, "model": {"codebook": "cfir-2009"}},
    )
    ann = CodingResult([seg(0, [("a-1", "Communications")])], meta=dict(meta))
    out, notes = match_codes_by_name({"model": model, "Ann": ann})
    assert out["Ann"] is ann
    assert notes == [
        "not matched by name to the codebook's code the name is given to, as the project holds "
        "that code under its own name too: 'Communications' (cfir-2009's IS.B Networks & "
        "Communications)"
    ]


def test_the_advice_to_use_codebook_leaves_out_names_no_codebook_matches() -> None:
    """The warning when the coders share no code advised --codebook, which matches no name one
    project gives two codes (tester, session 50); it says so when a note names such codes."""
    from types import SimpleNamespace

    from roqa_nlp.cli.agree_cmd import _no_shared_code_warning

    coded = SimpleNamespace(
        coders=["model", "Ann"],
        codings={"model": {0: {"IS.B"}}, "Ann": {0: {"a-1"}}},
        code_names={"IS.B": "Networks & Communications", "a-1": "Communications"},
    )
    assert _no_shared_code_warning(coded, given_codebook=False, unmatched=True) == (
        "the coders share no code: each code was applied by one coder only (model: 'Networks & "
        "Communications'; Ann: 'Communications'), so no code can agree; if the same codes are "
        "written differently (names and ids, two spellings), compare them in one codebook with "
        "--codebook (cfir-2009, cfir-2022, erondu-2021 or a codebook .json whose names or "
        "aliases they are); not a name one project gives two codes (noted below), which no "
        "codebook matches: give one of them another name in the QDA program and import again"
    )


# -- the coders' texts of one transcript ------------------------------------------------------------


def test_selections_in_different_texts_of_one_transcript_are_a_one_line_error(
    tmp_path, capsys
) -> None:
    """Ben coded a copy of p01 with a header line added, his selections shifted by its length:
    comparing offsets across the two texts gave kappa 0.087 over 7 units of misaligned words."""
    ann, _ = two_projects(tmp_path)
    header = "Transcript of interview p01, 3 March 2021\n"
    ben = project(
        tmp_path / "ben.qdpx",
        "Ben",
        {"10000000-0000-4000-8000-000000000001": "Cost"},
        [
            (
                AFFORD[0] + len(header),
                AFFORD[1] + len(header),
                ["10000000-0000-4000-8000-000000000001"],
            )
        ],
        text=header + TEXT,
    )
    code, out, err = run(["agree", str(ann), str(ben), "--n-boot", "0"], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "roqa: error: transcript 'p01' is not the same text for 'Ann' (220 characters) and 'Ben' "
        "(262; they differ from character 0), so their selections cannot be compared (have every "
        "coder code the same text of it: the same pseudonymised copy, or the same corrected "
        "transcript)\n"
    )


def test_one_text_is_compared_whoever_gives_it() -> None:
    """A coder whose result holds no text of the transcript takes the others'."""
    from roqa_nlp.coding_agreement import coded_units_from_results
    from roqa_nlp.schema import Transcript, Turn

    t = Transcript("p01", TEXT, [Turn("P01", "participant", 0, len(TEXT))])

    def result(start: int, end: int, text: bool) -> CodingResult:
        s = Segment(f"p01:@{start}", "p01", "P01", "participant", start, end, TEXT[start:end])
        return CodingResult(
            [SegmentResult(s, [Suggestion("C", "Cost", None, 1.0)])],
            transcripts={"p01": t} if text else {},
            meta={"source": "REFI-QDA"},  # selections: judged over the whole text
        )

    ann, ben = result(*AFFORD, True), result(AFFORD[0], CULTURE[1], False)
    for given in ({"Ann": ann, "Ben": ben}, {"Ben": ben, "Ann": ann}):
        units = coded_units_from_results(given).units
        # the text runs to 220, past the last selection (without it, to the last end, 137)
        assert [(u.start, u.end) for u in units] == [
            (0, AFFORD[0]),
            AFFORD,
            (AFFORD[1], CULTURE[1]),
            (CULTURE[1], 220),
        ]


def test_a_name_resolves_first_in_the_codebook_the_researcher_names() -> None:
    """A hand-made CFIR 2.0 'Communications' node compared with a CFIR 2009 model under
    --codebook cfir-2022 is CFIR 2.0's Communications (INS.C), not 2009's Networks &
    Communications, whose alias it also is (review of 8d15dc4)."""
    from roqa_nlp.codebook import Codebook

    model = CodingResult(
        [seg(0, [("IS.B", "Networks & Communications")], 0.9)],
        meta={"model": {"codebook": "cfir-2009"}},
    )
    ann = CodingResult(
        [seg(0, [("guid-1", "Communications")])],
        meta={"codebook": {"id": "ann", "hash": "h1"}, "user": {"name": "Ann"}},
    )
    book = Codebook.load("cfir-2022")
    out, notes = match_codes_by_name({"model": model, "Ann": ann}, book)
    assert [g.code_id for g in out["Ann"].segments[0].suggestions] == [
        book.find("Communications").id
    ]
    assert notes == [
        "Ann: 1 code matched by name to codebook cfir-2022 (their ids differ): 'Communications'"
    ]


def test_codes_with_guid_ids_are_listed_by_name(tmp_path, capsys) -> None:
    """Codes made in a QDA program carry GUIDs, which say nothing to a reader: the per-code rows
    list them by name (Access before Zeal), not by GUID (Zeal's GUID is the smaller)."""
    codes = {
        "10000000-0000-4000-8000-000000000001": "Zeal",
        "10000000-0000-4000-8000-000000000002": "Access",
    }
    zeal, access = list(codes)
    ann = project(tmp_path / "ann.qdpx", "Ann", codes, [(*AFFORD, [zeal]), (*DIRECTOR, [access])])
    ben = project(tmp_path / "ben.qdpx", "Ben", codes, [(*AFFORD, [zeal]), (*CULTURE, [access])])
    out_path = tmp_path / "a.json"
    code, _, err = run(
        ["agree", str(ann), str(ben), "--n-boot", "0", "--json", str(out_path)], capsys
    )
    assert code == 0, err
    data = json.loads(out_path.read_text("utf-8"))
    assert [c["name"] for c in data["per_code"]] == ["Access", "Zeal"]


def test_guids_differing_only_in_case_and_braces_are_one_code(tmp_path, capsys) -> None:
    """ATLAS.ti writes GUIDs in upper case, NVivo and QualCoder in lower case, and REFI-QDA allows
    {braces}: Ben's project is Ann's with every GUID lower-cased and braced, and both coded
    alike. Before, the GUIDs were compared as written: each code was two codes, the two named
    Cost were "not matched by name", Culture was "matched by name (their ids differ)", and
    identical codings gave kappa 0.143 instead of 1 (tester, session 39: 0.185 for ATLAS.ti's
    upper-case export beside its lower-cased copy)."""
    upper = {
        "A0000001-0000-4000-8000-00000000000A": "Cost",
        "A0000002-0000-4000-8000-00000000000B": "Cost",  # a second Cost, elsewhere in the tree
        "A0000003-0000-4000-8000-00000000000C": "Culture",
    }
    braced = {"{" + g.lower() + "}": n for g, n in upper.items()}
    coded = [(*AFFORD, 0), (*CULTURE, 2), (*DIRECTOR, 1)]

    def sel(codes: dict[str, str]) -> list:
        ids = list(codes)
        return [(start, end, [ids[k]]) for start, end, k in coded]

    ann = project(tmp_path / "ann.qdpx", "Ann", upper, sel(upper))
    ben = project(tmp_path / "ben.qdpx", "Ben", braced, sel(braced))
    out_path = tmp_path / "a.json"
    code, out, err = run(
        ["agree", str(ann), str(ben), "--n-boot", "0", "--json", str(out_path)], capsys
    )
    assert code == 0, err
    data = json.loads(out_path.read_text("utf-8"))
    assert data["codes"] == list(upper)  # one code each, as the first input writes it
    assert data["pooled"]["all"]["kappa"] == 1.0
    assert not any("matched by name" in n for n in data["notes"]), data["notes"]


def test_a_node_list_roqa_import_wrote_a_codebook_of_still_meets_the_models_cfir_ids() -> None:
    """The same flat node list read from the folder ``roqa import`` wrote carries its project's
    codebook.json (source "REFI-QDA import"): its codes are matched by name as the .qdpx's are
    (daily18, s86: via the folder a flat ATLAS.ti list's "Available Resources" stayed its own
    code, and kappa fell from 0.342 to -0.021)."""
    from roqa_nlp.codebook import Codebook

    model = CodingResult(
        [seg(0, [("IS.C", "Culture")], 0.8), seg(1, [("IC.H", "Cost")], 0.6)],
        meta={"model": {"codebook": "cfir-2009"}},
    )
    book = Codebook.from_dict(
        {
            "id": "hana",
            "name": "Hana",
            "source": "REFI-QDA import",
            "codes": [
                {"id": g, "name": n, "level": "domain", "parent": None, "codable": True}
                for g, n in (("guid-1", "culture"), ("guid-2", "Cost"), ("guid-3", "Morale"))
            ],
        }
    )
    hana = CodingResult(
        [seg(0, [("guid-1", "culture")]), seg(1, [("guid-2", "Cost"), ("guid-3", "Morale")])],
        meta={"codebook": {"id": "hana", "hash": book.hash}, "user": {"name": "Hana"}},
        codebook=book,
    )
    out, notes = match_codes_by_name({"model": model, "Hana": hana})
    assert [[g.code_id for g in s.suggestions] for s in out["Hana"].segments] == [
        ["IS.C"],
        ["IC.H", "guid-3"],
    ]
    assert notes == [
        "Hana: 2 codes matched by name to codebook cfir-2009 (their ids differ): 'Cost', 'culture'",
        "Hana: 1 code matched no code by name (kept as the coder's own): 'Morale'",
    ]


def test_a_flat_node_list_with_domain_prefixes_meets_the_models_cfir_ids() -> None:
    """ATLAS.ti users write a flat list's CFIR codes after their domain ("IS-Available
    Resources", "IS: Culture", "Inner Setting > Culture"): matched by name when the prefix is the
    code's own domain (its id or name); "OS-Cost" (Cost is of Intervention Characteristics) is
    not (daily18, s86: the prefixed list shared no code with the model, kappa -0.021 for 0.342)."""
    model = CodingResult(
        [seg(0, [("IS.C", "Culture")]), seg(1, [("IS.E.2", "Available Resources")])],
        meta={"model": {"codebook": "cfir-2009"}},
    )
    tom = CodingResult(
        [
            seg(0, [("G1", "IS: Culture")]),
            seg(
                1,
                [
                    ("G2", "IS-Available Resources"),
                    ("G3", "Inner Setting > Leadership Engagement"),
                    ("G4", "OS-Cost"),
                ],
            ),
        ],
        meta={"codebook": {"id": "tom", "hash": "h1"}, "user": {"name": "Tom"}},
    )
    out, notes = match_codes_by_name({"model": model, "Tom": tom})
    assert [[g.code_id for g in s.suggestions] for s in out["Tom"].segments] == [
        ["IS.C"],
        ["IS.E.2", "IS.E.1", "G4"],
    ]
    assert notes == [
        "Tom: 3 codes matched by name to codebook cfir-2009 (their ids differ): "
        "'Inner Setting > Leadership Engagement', 'IS-Available Resources', 'IS: Culture'",
        "not matched by name, as the code named is not of the domain or code written before it: "
        "'OS-Cost' (cfir-2009's IC.H Cost is not under 'OS')",
    ]


def test_folders_roqa_import_wrote_of_flat_node_lists_compare_in_cfir_2009(
    tmp_path, capsys
) -> None:
    """``roqa agree A B --codebook cfir-2009`` of the folders ``roqa import`` wrote of two flat
    node lists (their codebook.json: source "REFI-QDA import") gives the .qdpx files' figures.
    Ben also coded the last answer "Morale", a code of his own: 4 codes x 5 units = 20
    decisions, 17 agree; Ann applied 3, Ben 4, so p_e = (3*4 + 17*16)/400 = 71/100 and kappa =
    (85/100 - 71/100) / (29/100) = 14/29. Before, the folders were refused: "codebook
    'cfir-2009' documents no mapping from 'p'" (agreefix3, s86: 0.342 via the .qdpx, an error
    via the folders)."""
    ann_codes = {
        "10000000-0000-4000-8000-000000000001": "Cost",
        "10000000-0000-4000-8000-000000000002": "Culture",
        "10000000-0000-4000-8000-000000000003": "Leadership Engagement",
    }
    ben_codes = {
        "20000000-0000-4000-8000-000000000001": "cost",
        "20000000-0000-4000-8000-000000000002": "Culture",
        "20000000-0000-4000-8000-000000000003": "Leadership engagement",
        "20000000-0000-4000-8000-000000000004": "Morale",
    }
    a, _, le = list(ann_codes)
    b_cost, b_cul, b_le, b_morale = list(ben_codes)
    ann = project(
        tmp_path / "ann.qdpx", "Ann", ann_codes, [(AFFORD[0], CULTURE[1], [a]), (*DIRECTOR, [le])]
    )
    ben = project(
        tmp_path / "ben.qdpx",
        "Ben",
        ben_codes,
        [(*AFFORD, [b_cost]), (*CULTURE, [b_cul]), (*DIRECTOR, [b_le, b_morale])],
    )
    folders = []
    for qdpx in (ann, ben):
        code, _, err = run(["import", str(qdpx), "--out", str(tmp_path / qdpx.stem)], capsys)
        assert code == 0, err
        book = json.loads((tmp_path / qdpx.stem / "codebook.json").read_text("utf-8"))
        assert book["source"] == "REFI-QDA import"
        folders.append(str(tmp_path / qdpx.stem / "codings" / qdpx.stem.title()))
    figures = []
    for inputs in (folders, [str(ann), str(ben)]):
        out_path = tmp_path / "a.json"
        code, _, err = run(
            ["agree", *inputs, "--codebook", "cfir-2009", "--n-boot", "0"]
            + ["--json", str(out_path)],
            capsys,
        )
        assert code == 0, err
        data = json.loads(out_path.read_text("utf-8"))
        names = sorted(c["name"] for c in data["per_code"])
        figures.append((data["pooled"]["all"]["kappa"], names, data["notes"]))
    assert figures[0] == figures[1]
    assert figures[0][0] == pytest.approx(14 / 29)
    assert figures[0][1] == ["Cost", "Culture", "Leadership Engagement", "Morale"]
    assert (
        "Ben: 1 code matched no code by name (kept as the coder's own): 'Morale'" in figures[0][2]
    )
