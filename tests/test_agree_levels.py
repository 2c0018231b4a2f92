"""Specification of ``roqa agree --at code|construct|domain``: agreement at a level of the
codebook's hierarchy, every coder's codes (the model's too) mapped up to it first.

The worked example, two coders A and B, five units, each coder one code (or none) per unit:

====  ===================================  ==============================================
unit  A                                    B
====  ===================================  ==============================================
u1    a sub-construct (Tension for Change)  its construct (Implementation Climate)
u2    a construct of domain D               another construct of domain D
u3    a construct of domain E               the same construct
u4    a sub-construct of domain D           a construct of domain F
u5    nothing                              nothing
====  ===================================  ==============================================

Pooled presence/absence (every code anyone applied x 5 units; A and B 4 presences each):

- code: 7 codes, 35 decisions; both present 1 (u3), one only 6, both absent 28:
  p_o = 29/35, p_e = (4/35)^2 + (31/35)^2 = 977/1225, kappa = (1015 - 977)/(1225 - 977)
  = 38/248 = 19/124.
- construct: u1 agrees, u4 is A's sub-construct's construct against B's construct; 6 codes,
  30 decisions; both present 2, one only 4, both absent 24: p_o = 26/30 = 13/15,
  p_e = (4/30)^2 + (26/30)^2 = 692/900, kappa = (780 - 692)/(900 - 692) = 88/208 = 11/26.
- domain: u1, u2, u3 agree, u4 is D against F; 3 codes, 15 decisions; both present 3, one
  only 2, both absent 10: p_o = 13/15, p_e = (4/15)^2 + (11/15)^2 = 137/225,
  kappa = (195 - 137)/(225 - 137) = 58/88 = 29/44.

One code per unit (nominal, "(none)" a value): the units agreeing are u3, u5 (code); u1, u3,
u5 (construct); u1, u2, u3, u5 (domain): 2/5, 3/5, 4/5. At the domain level A gives D, D, E,
D, none and B D, D, E, F, none: p_e = (3*2 + 1*1 + 1*1)/25 = 8/25, kappa = (20 - 8)/(25 - 8)
= 12/17.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run

#: (kappa, percent agreement) pooled over all units, and the one-code-per-unit agreement
EXPECTED = {
    "code": (19 / 124, 29 / 35, 2 / 5),
    "construct": (11 / 26, 13 / 15, 3 / 5),
    "domain": (29 / 44, 13 / 15, 4 / 5),
}

#: A custom codebook: D (C1 > C1a, C2, C3, C4 > C4a), E (C5), F (C6)
CUSTOM = {
    "id": "my-study",
    "name": "My study",
    "codes": [
        {"id": "D", "name": "Domain D", "level": "domain", "codable": False},
        {"id": "C1", "name": "One", "level": "construct", "parent": "D"},
        {"id": "C1a", "name": "One a", "level": "subconstruct", "parent": "C1"},
        {"id": "C2", "name": "Two", "level": "construct", "parent": "D"},
        {"id": "C3", "name": "Three", "level": "construct", "parent": "D"},
        {"id": "C4", "name": "Four", "level": "construct", "parent": "D"},
        {"id": "C4a", "name": "Four a", "level": "subconstruct", "parent": "C4"},
        {"id": "E", "name": "Domain E", "level": "domain", "codable": False},
        {"id": "C5", "name": "Five", "level": "construct", "parent": "E"},
        {"id": "F", "name": "Domain F", "level": "domain", "codable": False},
        {"id": "C6", "name": "Six", "level": "construct", "parent": "F"},
    ],
}

#: Per codebook, A's and B's code for u1..u4 (CFIR 2009 by name, as a researcher types them)
EXAMPLES = {
    "cfir-2009": [
        ("Tension for Change", "Implementation Climate"),
        ("Structural Characteristics", "Networks & Communications"),
        ("Complexity", "Complexity"),
        ("Leadership Engagement", "Patient Needs & Resources"),
    ],
    "cfir-2022": [
        ("INS.J.1", "INS.J"),
        ("INS.B", "INS.C"),
        ("INN.H", "INN.H"),
        ("INS.D.1", "OUT.A"),
    ],
    "custom": [("C1a", "C1"), ("C2", "C3"), ("C5", "C5"), ("C4a", "C6")],
}


def example_csv(tmp_path: Path, book: str) -> tuple[Path, str]:
    """The worked example as a long CSV, and the --codebook to give for ``book``."""
    rows = ["unit,coder,code"]
    for i, (a, b) in enumerate(EXAMPLES[book], start=1):
        rows += [f'u{i},A,"{a}"', f'u{i},B,"{b}"']
    rows += ["u5,A,", "u5,B,"]
    p = tmp_path / "codings.csv"
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    if book != "custom":
        return p, book
    custom = tmp_path / "my-study.json"
    custom.write_text(json.dumps(CUSTOM), encoding="utf-8")
    return p, str(custom)


def agree_json(tmp_path: Path, capsys, args: list[str]) -> dict:
    out_path = tmp_path / "agreement.json"
    code, out, err = run(["agree", *args, "--json", str(out_path), "--n-boot", "0"], capsys)
    assert code == 0, err
    data = json.loads(out_path.read_text(encoding="utf-8"))
    data["printed"] = out
    return data


@pytest.mark.parametrize("book", ["cfir-2009", "cfir-2022", "custom"])
@pytest.mark.parametrize("at", ["code", "construct", "domain"])
def test_pooled_and_single_code_figures_at_each_level(tmp_path, capsys, book, at) -> None:
    csv_path, codebook = example_csv(tmp_path, book)
    data = agree_json(tmp_path, capsys, [str(csv_path), "--codebook", codebook, "--at", at])
    kappa, agreement, single = EXPECTED[at]
    assert data["at"] == at
    assert data["pooled"]["all"]["kappa"] == pytest.approx(kappa)
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(agreement)
    assert data["single_code"]["all"]["percent_agreement"] == pytest.approx(single)


def test_domain_level_single_code_kappa(tmp_path, capsys) -> None:
    csv_path, codebook = example_csv(tmp_path, "cfir-2009")
    data = agree_json(tmp_path, capsys, [str(csv_path), "--codebook", codebook, "--at", "domain"])
    assert data["single_code"]["all"]["kappa"] == pytest.approx(12 / 17)
    assert data["codes"] == ["IC", "IS", "OS"]


def test_construct_level_codes_are_the_parents(tmp_path, capsys) -> None:
    """Tension for Change (IS.D.1) counts as Implementation Climate (IS.D), Leadership
    Engagement (IS.E.1) as Readiness for Implementation (IS.E); constructs stay."""
    csv_path, codebook = example_csv(tmp_path, "cfir-2009")
    data = agree_json(
        tmp_path, capsys, [str(csv_path), "--codebook", codebook, "--at", "construct"]
    )
    assert data["codes"] == ["IC.F", "IS.A", "IS.B", "IS.D", "IS.E", "OS.A"]
    names = {c["code"]: c["name"] for c in data["per_code"]}
    assert names["IS.D"] == "Implementation Climate"
    assert "compared at the construct level of codebook cfir-2009" in data["printed"]


@pytest.mark.parametrize("book", ["cfir-2009", "custom"])
def test_at_code_gives_exactly_the_figures_without_it(tmp_path, capsys, book) -> None:
    csv_path, codebook = example_csv(tmp_path, book)
    args = [str(csv_path), "--codebook", codebook, "--n-boot", "200", "--seed", "3"]
    plain = agree_json(tmp_path, capsys, args)
    at_code = agree_json(tmp_path, capsys, [*args, "--at", "code"])
    assert plain.pop("at") == "code"  # the default
    assert at_code.pop("at") == "code"
    assert at_code == plain
    assert at_code["pooled"]["all"]["kappa"] == pytest.approx(19 / 124)


def test_level_without_a_codebook_for_a_long_csv_is_a_one_line_error(tmp_path, capsys) -> None:
    csv_path, _ = example_csv(tmp_path, "cfir-2022")
    code, _, err = run(["agree", str(csv_path), "--at", "domain", "--n-boot", "0"], capsys)
    assert code == 2
    assert err.strip() == (
        "roqa: error: --at domain needs the codebook whose hierarchy to follow (give "
        "--codebook cfir-2009, cfir-2022, erondu-2021 or a codebook .json file)"
    )


def test_unknown_level_is_a_one_line_error(tmp_path, capsys) -> None:
    csv_path, codebook = example_csv(tmp_path, "cfir-2009")
    code, _, err = run(["agree", str(csv_path), "--codebook", codebook, "--at", "theme"], capsys)
    assert code == 2
    assert err.strip() == ("roqa: error: --at 'theme' is not one of code, construct, domain")


def test_valences_of_two_codes_under_one_construct_merge(tmp_path, capsys) -> None:
    """A gave Tension for Change barrier and Compatibility enabler in u1: at the construct
    level A's Implementation Climate there has two valences, so none, and its pair with B's
    is left out; u2's Structural Characteristics, enabler for both, is the one pair compared."""
    p = tmp_path / "v.csv"
    p.write_text(
        "unit,coder,code,valence\n"
        "u1,A,IS.D.1,barrier\nu1,A,IS.D.2,enabler\nu1,B,IS.D,barrier\n"
        "u2,A,IS.A,enabler\nu2,B,IS.A,enabler\n",
        encoding="utf-8",
    )
    data = agree_json(tmp_path, capsys, [str(p), "--codebook", "cfir-2009", "--at", "construct"])
    assert data["valence"]["n_pairs"] == 1
    assert data["valence"]["n_without_valence"] == 1
    assert data["valence"]["percent_agreement"] == 1.0


# -- result folders: a model, and a QDA coder's free code ---------------------------------------


def seg(i: int, codes: list[tuple[str, float]], novel: bool | None = None) -> SegmentResult:
    s = Segment(f"T1:{i}", "T1", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(c, c, None, p) for c, p in codes], novel=novel)


FREE = "556d5796-daaa-4b66-9060-a902ab13334c"  # a code a QDA coder made: a GUID


def model_and_person(tmp_path: Path) -> tuple[Path, Path]:
    """A model and a person in CFIR 2009, four segments.

    The model's top suggestions: IS.D.1, IS.A, IC.F and OS.A (0.4 against Leadership
    Engagement's 0.35 and Available Resources' 0.3: its top code is chosen among the codes it
    suggested, then mapped up, so segment 3 is Outer Setting, not Inner Setting by the 0.65
    its two Inner Setting suggestions add up to). The person: IS.D, IS.B, IC.F and their own
    free code "Weekend cover" (no CFIR code, left as written at every level).

    At the domain level: model IS, IS, IC, OS; person IS, IS, IC, Weekend cover. Codes IC, IS, OS,
    Weekend cover x 4 units = 16 decisions; both present 3, one only 2, both absent 11:
    p_o = 14/16, p_e = (4/16)^2 + (12/16)^2 = 160/256, kappa = (224 - 160)/(256 - 160) = 2/3.
    """
    model = tmp_path / "model"
    CodingResult(
        segments=[
            seg(0, [("IS.D.1", 0.6), ("IS.D", 0.2)], False),
            seg(1, [("IS.A", 0.5), ("IS.B", 0.3)], False),
            seg(2, [("IC.F", 0.7)], False),
            seg(3, [("OS.A", 0.4), ("IS.E.1", 0.35), ("IS.E.2", 0.3)], False),
        ],
        meta={"model": {"codebook": "cfir-2009"}},
    ).save(model)
    person = tmp_path / "ann"
    free = seg(3, [])
    free = SegmentResult(free.segment, [Suggestion(FREE, "Weekend cover", None, 1.0)])
    CodingResult(
        segments=[seg(0, [("IS.D", 1.0)]), seg(1, [("IS.B", 1.0)]), seg(2, [("IC.F", 1.0)]), free],
        meta={"codebook": {"id": "cfir-2009"}},
    ).save(person)
    return model, person


def test_model_and_person_at_the_domain_level(tmp_path, capsys) -> None:
    model, person = model_and_person(tmp_path)
    data = agree_json(tmp_path, capsys, [str(model), str(person), "--at", "domain"])
    (pair,) = data["pairs"]
    assert pair["all"]["percent_agreement"] == pytest.approx(14 / 16)
    assert pair["all"]["kappa"] == pytest.approx(2 / 3)
    assert data["codes"] == ["IC", "IS", "OS", FREE]
    assert data["models"] == ["model"]


def test_a_free_code_is_left_as_written_with_one_note(tmp_path, capsys) -> None:
    model, person = model_and_person(tmp_path)
    data = agree_json(tmp_path, capsys, [str(model), str(person), "--at", "domain"])
    note = (
        "1 code is in no domain of codebook cfir-2009 and is compared as written: 'Weekend cover' "
        "(ann)"
    )
    assert note in data["notes"]
    assert f"Note: {note}." in " ".join(data["printed"].split())


TEXT = "I think the budget was the main barrier. We had no staff for it. Thanks, bye."


def selections(folder: Path, coder: str, spans: list[tuple[int, int, str]]) -> Path:
    """A person's selections of TEXT (as a QDA program's are: their own ranges)."""
    from roqa_nlp.schema import Transcript, Turn

    segments = [
        SegmentResult(
            Segment(f"{coder}:{i}", "P01", "P01", "participant", a, b, TEXT[a:b]),
            [Suggestion(code, code, None, 1.0)],
        )
        for i, (a, b, code) in enumerate(spans)
    ]
    t = Transcript("P01", TEXT, [Turn("P01", "participant", 0, len(TEXT))])
    meta = {"source": "REFI-QDA", "codebook": {"id": "cfir-2009"}}
    CodingResult(segments, {"P01": t}, meta=meta).save(folder)
    return folder


@pytest.mark.parametrize(("at", "n_units"), [("code", 3), ("domain", 2)])
def test_selection_units_are_cut_where_a_coding_changes_at_the_level(
    tmp_path, capsys, at, n_units
) -> None:
    """Ann coded the budget sentence Available Resources and the staff sentence Leadership
    Engagement, Ben both Networks & Communications. As coded, the text is cut where Ann's code
    changes (character 41): two units, and the closing words coded by no one a third. At the
    domain level neither coder's coding changes there (Inner Setting throughout): one unit."""
    ann = selections(tmp_path / "ann", "ann", [(0, 41, "IS.E.2"), (41, 64, "IS.E.1")])
    ben = selections(tmp_path / "ben", "ben", [(0, 64, "IS.B")])
    data = agree_json(tmp_path, capsys, [str(ann), str(ben), "--at", at])
    assert data["unit_kind"] == "spans"
    assert data["n_units"]["total"] == n_units


@pytest.mark.parametrize("gap", [0, 1])
def test_two_selections_a_space_apart_are_one_unit_at_the_level_where_they_agree(
    tmp_path, capsys, gap
) -> None:
    """Tester V (session 35): Ann's Available Resources sentence and Leadership Engagement
    sentence, a space apart, against Ben's Readiness for Implementation across both: at the
    construct level all three are Readiness for Implementation, and the passage is one unit
    whether Ann's selections touch or leave the space between (before: two, so the one
    agreeing passage counted twice), with the closing words a second unit."""
    ann = selections(tmp_path / "ann", "ann", [(0, 40, "IS.E.2"), (40 + gap, 64, "IS.E.1")])
    ben = selections(tmp_path / "ben", "ben", [(0, 64, "IS.E")])
    data = agree_json(tmp_path, capsys, [str(ann), str(ben), "--at", "construct"])
    assert data["n_units"]["total"] == 2
    assert data["pooled"]["all"]["percent_agreement"] == 1.0


# -- a QDA project's own hierarchy: the codebook.json roqa import wrote ---------------------------

STAFF = "11111111-2222-4333-8444-666666666666"  # a code made in the QDA program: a GUID


def imported_project(tmp_path: Path, *, with_codebook: bool = True) -> tuple[Path, Path]:
    """Ann's and Ben's folders as ``roqa import`` writes them (ed/codings/Ann, ed/codings/Ben,
    ed/codebook.json). The project's codebook is CFIR 2009 and Ann's code "Staff turnover",
    which she put under Inner Setting.

    Ann: Staff turnover, IC.F, OS.A; Ben: IS.E.2, IC.F, IS.A. At the domain level of the
    project's codebook: Ann IS, IC, OS; Ben IS, IC, IS. Codes IC, IS, OS x 3 units = 9
    decisions: both 2, one only 2, neither 5; p_o = 7/9, p_e = (3/9)^2 + (6/9)^2 = 5/9,
    kappa = (7/9 - 5/9) / (4/9) = 1/2. In built-in CFIR 2009, Staff turnover is in no domain
    and compared as written: 12 decisions, both 1, one only 4, neither 7; p_o = 8/12,
    p_e = (3/12)^2 + (9/12)^2 = 5/8, kappa = (2/3 - 5/8) / (3/8) = 1/9."""
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.schema import Code

    ed = tmp_path / "ed"
    book = Codebook.load("cfir-2009").with_codes(
        [Code(STAFF, "Staff turnover", "construct", parent="IS", domain="IS")],
        id="cfir-2009+project",
    )
    if with_codebook:
        ed.mkdir()
        book.save(ed / "codebook.json")
    meta = {"source": "REFI-QDA", "codebook": {"id": book.id, "hash": book.hash}}
    folders = []
    for coder, codes in (("Ann", [STAFF, "IC.F", "OS.A"]), ("Ben", ["IS.E.2", "IC.F", "IS.A"])):
        folder = ed / "codings" / coder
        segments = [
            SegmentResult(seg(i, []).segment, [Suggestion(c, book[c].name, None, 1.0)])
            for i, c in enumerate(codes)
        ]
        CodingResult(segments, meta={**meta, "user": {"name": coder}}).save(folder)
        folders.append(folder)
    return folders[0], folders[1]


def test_imported_codings_follow_their_projects_hierarchy(tmp_path, capsys) -> None:
    """Before, --at domain followed built-in CFIR 2009 and said "Staff turnover" is in no
    domain, though the codebook.json roqa import wrote two folders up puts it under Inner
    Setting (tester, session 39: kappa 0.662, 0.814 with --codebook ed/codebook.json)."""
    ann, ben = imported_project(tmp_path)
    data = agree_json(tmp_path, capsys, [str(ann), str(ben), "--at", "domain"])
    assert data["codes"] == ["IC", "IS", "OS"]
    assert data["pairs"][0]["all"]["kappa"] == pytest.approx(1 / 2)
    book = tmp_path / "ed" / "codebook.json"
    assert (
        f"codes compared at the domain level of codebook {book}: each code as its domain"
        in (data["notes"])
    )
    assert not any("in no domain" in n for n in data["notes"])


def test_a_project_codebook_not_found_is_named_with_the_option(tmp_path, capsys) -> None:
    """The folders without the codebook.json beside them: built-in CFIR 2009's hierarchy, and a
    note naming the project codebook the codings record and --codebook."""
    ann, ben = imported_project(tmp_path, with_codebook=False)
    data = agree_json(tmp_path, capsys, [str(ann), str(ben), "--at", "domain"])
    assert data["pairs"][0]["all"]["kappa"] == pytest.approx(1 / 9)
    note = (
        "1 code is in no domain of codebook cfir-2009 and is compared as written: "
        "'Staff turnover' (Ann); the codings record their project's codebook "
        "cfir-2009+project, which is not in a codebook.json beside them or up to two folders "
        "above: give it with --codebook (the codebook.json roqa import wrote) to follow the "
        "project's hierarchy"
    )
    assert note in data["notes"]


def test_a_qdpx_is_compared_in_the_hierarchy_of_its_own_code_tree(tmp_path, capsys) -> None:
    """One NVivo project, two users: Inner Setting > Workforce > Staff turnover, Inner Setting >
    Funding, Outer Setting > Policy. Ann coded the three sentences Staff turnover, Funding and
    Policy; Ben Funding all three. At the domain level of the project's tree: Ann IS, IS, OS;
    Ben IS, IS, IS. 2 codes x 3 units: both 2, one only 2, neither 2; p_o = 4/6, p_e = 1/2,
    kappa = 1/3. Before, --at domain was a one-line error asking for --codebook, though the
    tree is in the .qdpx."""
    import zipfile

    text = "We lost three carers this spring. The grant paid for agency cover. New rules came.\n"
    sentences = ["We lost three carers this spring.", "The grant paid for agency cover."]
    spans = [(text.index(s), text.index(s) + len(s)) for s in [*sentences, "New rules came."]]
    d1, wf, st, fu, d2, po = (f"{k}0000000-0000-4000-8000-00000000000{k}" for k in range(1, 7))
    ann, ben = "aaaaaaaa-0000-4000-8000-0000000000a1", "aaaaaaaa-0000-4000-8000-0000000000b2"
    tree = (
        f'<Code guid="{d1}" name="Inner Setting" isCodable="true">'
        f'<Code guid="{wf}" name="Workforce" isCodable="true">'
        f'<Code guid="{st}" name="Staff turnover" isCodable="true"/></Code>'
        f'<Code guid="{fu}" name="Funding" isCodable="true"/></Code>'
        f'<Code guid="{d2}" name="Outer Setting" isCodable="true">'
        f'<Code guid="{po}" name="Policy" isCodable="true"/></Code>'
    )
    src = "cccccccc-0000-4000-8000-000000000001"
    selections = []
    for user, codes in ((ann, [st, fu, po]), (ben, [fu, fu, fu])):
        for (start, end), code in zip(spans, codes, strict=True):
            k = len(selections)
            selections.append(
                f'<PlainTextSelection guid="dddddddd-0000-4000-8000-{k:012d}" '
                f'startPosition="{start}" endPosition="{end}" creatingUser="{user}">'
                f'<Coding guid="eeeeeeee-0000-4000-8000-{k:012d}" creatingUser="{user}">'
                f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
            )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="study" origin="NVivo 14">'
        f'<Users><User guid="{ann}" name="Ann"/><User guid="{ben}" name="Ben"/></Users>'
        f"<CodeBook><Codes>{tree}</Codes></CodeBook><Sources>"
        f'<TextSource guid="{src}" name="p01" plainTextPath="internal://{src}.txt">'
        f"{''.join(selections)}</TextSource></Sources></Project>"
    )
    qdpx = tmp_path / "study.qdpx"
    with zipfile.ZipFile(qdpx, "w") as z:
        z.writestr("project.qde", xml)
        z.writestr(f"sources/{src}.txt", text)
    data = agree_json(tmp_path, capsys, [str(qdpx), "--at", "domain"])
    assert data["codes"] == [d1, d2]
    assert data["pairs"][0]["all"]["kappa"] == pytest.approx(1 / 3)
    assert (
        "codes compared at the domain level of codebook study: each code as its domain"
        in (data["notes"])
    )
