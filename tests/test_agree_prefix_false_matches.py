"""A name's prefix must not turn a team's own code into a CFIR code it is not, nor cost a
project's exactly named code its match; a name several codes of a codebook share matches none
of them, and a prefix picks among them (s87 hunt37: H1, M1, H2, M2, L1)."""

from __future__ import annotations

import re
from pathlib import Path

from roqa_nlp import codebook
from roqa_nlp.codebook import Codebook
from roqa_nlp.coding_agreement import match_codes_by_name
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion


def seg(i: int, codes: list[tuple[str, str]]) -> SegmentResult:
    s = Segment(f"p01:{i}", "p01", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(cid, name, None, 1.0) for cid, name in codes])


MODEL22 = CodingResult(
    [seg(0, [("PRO.D", "Planning")]), seg(1, [("INS.D", "Culture")])],
    meta={"model": {"codebook": "cfir-2022"}},
)


def team(*names: str) -> CodingResult:
    return CodingResult(
        [seg(i, [(f"G{i + 1}", n)]) for i, n in enumerate(names)],
        meta={"codebook": {"id": "team", "hash": "h1"}, "user": {"name": "Tess"}},
    )


def ids(result: CodingResult) -> list[list[str]]:
    return [[g.code_id for g in s.suggestions] for s in result.segments]


def test_an_id_in_another_case_is_a_word_not_a_domain() -> None:
    """'Pro' / 'Con' are a team's enabler and barrier twins; CFIR 2.0's Process is PRO
    (a170c756: 'Pro - Planning' became PRO.D Planning, pooled kappa -0.125 for -0.333)."""
    out, notes = match_codes_by_name(
        {"model": MODEL22, "Tess": team("Pro - Planning", "Con - Planning")}
    )
    assert ids(out["Tess"]) == [["G1"], ["G2"]]
    assert notes == [
        "not matched by name, as the code named is not of the domain or code written before it: "
        "'Con - Planning' (cfir-2022's PRO.D Planning is not under 'Con'), "
        "'Pro - Planning' (cfir-2022's PRO.D Planning is not under 'Pro')"
    ]


def test_a_prefix_that_resolves_beside_its_twin_that_does_not_resolves_neither() -> None:
    out, notes = match_codes_by_name(
        {"model": MODEL22, "Tess": team("PRO - Planning", "CON - Planning")}
    )
    assert ids(out["Tess"]) == [["G1"], ["G2"]]
    assert notes == [
        "not matched by name, as the code named is not of the domain or code written before it: "
        "'CON - Planning' (cfir-2022's PRO.D Planning is not under 'CON')",
        "not matched by name, as the project has the same name after another prefix, which is "
        "no code of the codebook (a valence, say): 'PRO - Planning' (beside 'CON - Planning')",
    ]


def test_a_prefix_that_resolves_beside_one_under_the_wrong_code_still_resolves() -> None:
    """The twin rule is for words ('CON'), not for a code written above the wrong one (hunt37's
    p16: kappa 0.25 kept, not -0.333)."""
    model = CodingResult(
        [seg(0, [("IS.D.3", "Relative Priority")]), seg(1, [("IS.C", "Culture")])],
        meta={"model": {"codebook": "cfir-2009"}},
    )
    out, notes = match_codes_by_name(
        {
            "model": model,
            "Tess": team(
                "Implementation Climate - Relative Priority",
                "Readiness for Implementation - Relative Priority",
            ),
        }
    )
    assert ids(out["Tess"]) == [["IS.D.3"], ["G2"]]
    assert notes == [
        "Tess: 1 code matched by name to codebook cfir-2009 (their ids differ): "
        "'Implementation Climate - Relative Priority'",
        "not matched by name, as the code named is not of the domain or code written before it: "
        "'Readiness for Implementation - Relative Priority' (cfir-2009's IS.D.3 Relative "
        "Priority is not under 'Readiness for Implementation')",
    ]


def test_domain_names_and_aliases_match_in_any_case() -> None:
    book = Codebook.load("cfir-2022")
    found = [
        getattr(book.find(k), "id", None)
        for k in (
            "PRO - Planning",
            "process: Planning",  # an alias of PRO (L1: "not under 'Process'")
            "Implementation Process > Planning",
            "INS.D - Culture",
            "Process > Reflecting & Evaluating > Innovation",  # PRO.H.2 'R & E: Innovation'
            "Pro - Planning",
            "ins - Culture",
        )
    ]
    assert found == ["PRO.D", "PRO.D", "PRO.D", None, "PRO.H.2", None, None]


def test_a_codes_exact_name_keeps_its_match_beside_a_prefixed_twin() -> None:
    """a170c756: both went to PRO.D, clashed and matched nothing (kappa -0.250 for 0.167), with
    the note 'one project has two codes of that name'."""
    out, notes = match_codes_by_name({"model": MODEL22, "Tess": team("Planning", "PRO: Planning")})
    assert ids(out["Tess"]) == [["PRO.D"], ["G2"]]
    assert notes == [
        "Tess: 1 code matched by name to codebook cfir-2022 (their ids differ): 'Planning'",
        "not matched by name to the codebook's code the name is given to, as the project holds "
        "that code under its own name too: 'PRO: Planning' (cfir-2022's PRO.D Planning)",
    ]


def test_two_prefixed_names_of_one_code_are_not_said_to_be_one_name() -> None:
    out, notes = match_codes_by_name(
        {"model": MODEL22, "Tess": team("INS - Culture", "Inner Setting: Culture")}
    )
    assert ids(out["Tess"]) == [["G1"], ["G2"]]
    assert notes == [
        "not matched by name, as another code of the same project resolves to the codebook's "
        "same code: 'Inner Setting: Culture' (cfir-2022's INS.D Culture), "
        "'INS - Culture' (cfir-2022's INS.D Culture)"
    ]


def _shared(tmp_path: Path) -> Codebook:
    p = tmp_path / "team2.json"
    p.write_text(
        '{"id": "team2", "name": "t", "version": "1", "source": "s", "codes": ['
        '{"id": "IN", "name": "Inpatient", "parent": null},'
        '{"id": "IN.ST", "name": "Staffing", "parent": "IN"},'
        '{"id": "CO", "name": "Community", "parent": null},'
        '{"id": "CO.ST", "name": "Staffing", "parent": "CO"}]}',
        encoding="utf-8",
    )
    return Codebook.load(p)


def test_a_prefix_picks_the_code_under_it_among_codes_sharing_a_name(tmp_path: Path) -> None:
    book = _shared(tmp_path)
    found = [
        getattr(book.find(k), "id", None)
        for k in ("Community - Staffing", "Inpatient > Staffing", "Outpatient - Staffing")
    ]
    assert found == ["CO.ST", "IN.ST", None]


def test_a_name_two_codes_of_the_codebook_share_matches_neither(tmp_path: Path) -> None:
    """098e98f9 and a170c756: Ann's 'Staffing' became IN.ST, silently (kappa 0.100 for 0.4)."""
    book = _shared(tmp_path)
    ben = CodingResult(
        [seg(0, [("CO.ST", "Staffing")]), seg(1, [("IN.ST", "Staffing")])],
        meta={"codebook": {"id": "team2"}},
    )
    ann = CodingResult(
        [seg(0, [("G1", "Staffing")]), seg(1, [("G2", "Inpatient - Staffing")])],
        meta={"codebook": {"id": "ann", "hash": "h1"}, "user": {"name": "Ann"}},
    )
    out, notes = match_codes_by_name({"Ann": ann, "Ben": ben}, book)
    assert ids(out["Ann"]) == [["G1"], ["IN.ST"]]
    assert notes == [
        "Ann: 1 code matched by name to codebook team2 (their ids differ): 'Inpatient - Staffing'",
        "not matched by name, as codes of the codebook share the name: 'Staffing' (code name "
        "'Staffing' is that of 2 codes of codebook 'team2' (IN.ST, CO.ST); write "
        "'Inpatient - Staffing' or 'Community - Staffing')",
    ]


class _Recorded:
    """A compiled pattern that records the text each of its ``match`` calls is given (and has no
    ``search``: a search tries every place of the text)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.given: list[str] = []

    def match(self, text: str) -> re.Match[str] | None:
        self.given.append(text)
        return self.pattern.match(text)


def test_a_names_signs_are_read_once_from_its_end_with_spacing_aside(monkeypatch) -> None:
    """s87 hunt37 L3: 'Morale' and 1200 spaces in a .qdpx took roqa agree 5 minutes, the signs
    regex searched at every place of the run of spaces. The regex is now tried once, on the
    name with no run of spaces; the names read as before."""
    recorded = _Recorded(codebook._TRAILING_SIGNS)
    monkeypatch.setattr(codebook, "_TRAILING_SIGNS", recorded)
    names = ["Morale" + " " * 1200, "a" + " " * 1200 + "b", "Staffing  ( − ) ", "Cost  +  /  -"]
    assert [codebook.normalise_name(n) for n in names] == [
        "morale",
        "a b",
        "staffing -",
        "cost + -",
    ]
    assert len(recorded.given) == 4
    assert not any("  " in text for text in recorded.given)


def flat_list(project: str, coder: str, *names: str) -> CodingResult:
    """A coder's own flat code list of a QDA project, in no codebook roqa knows."""
    return CodingResult(
        [seg(i, [(f"{project}-{i + 1}", n)]) for i, n in enumerate(names)],
        meta={"codebook": {"id": project, "hash": project}, "user": {"name": coder}},
    )


def test_two_flat_lists_name_the_codebook_that_reads_their_prefixes_and_guess_none() -> None:
    """With no codebook at hand, 'Inner Setting - Available Resources' beside another coder's
    'Available Resources' stays apart, but a note says which --codebook matches them (s87
    hunt37 L2: kappa 0.063, with --codebook cfir-2009 0.5, and nothing said)."""
    coders = {
        "Ann": flat_list("a", "Ann", "Inner Setting - Available Resources", "Morale"),
        "Ben": flat_list("b", "Ben", "Available Resources", "Morale"),
    }
    out, notes = match_codes_by_name(coders)
    assert ids(out["Ann"]) == [["a-1"], ["a-2"]]
    assert ids(out["Ben"]) == [["b-1"], ["a-2"]]
    assert notes == [
        "codes of different projects matched by name (their ids differ): 'Morale'",
        "not matched by name, as no codebook was given to read the prefixes in: 'Inner Setting "
        "- Available Resources' (cfir-2009's IS.E.2 Available Resources, as 'Available "
        "Resources' is); they look like codebook cfir-2009's names after a prefix: --codebook "
        "cfir-2009 (or cfir-2022) matches it",
    ]
    out, notes = match_codes_by_name(coders, Codebook.load("cfir-2009"))
    assert ids(out["Ann"]) == ids(out["Ben"]) == [["IS.E.2"], ["a-2"]]


def test_a_prefixed_name_with_no_other_coder_of_its_code_is_said_nothing_of() -> None:
    """No partner, nothing a codebook would change: no note."""
    _, notes = match_codes_by_name(
        {
            "Ann": flat_list("a", "Ann", "Inner Setting - Available Resources", "Morale"),
            "Ben": flat_list("b", "Ben", "Culture", "Morale"),
        }
    )
    assert notes == ["codes of different projects matched by name (their ids differ): 'Morale'"]


def test_a_2_0_prefix_names_cfir_2022_alone() -> None:
    _, notes = match_codes_by_name(
        {
            "Ann": flat_list("a", "Ann", "Implementation Process: Tailoring Strategies"),
            "Ben": flat_list("b", "Ben", "Tailoring Strategies"),
        }
    )
    assert notes == [
        "not matched by name, as no codebook was given to read the prefixes in: "
        "'Implementation Process: Tailoring Strategies' (cfir-2022's PRO.E Tailoring "
        "Strategies, as 'Tailoring Strategies' is); they look like codebook cfir-2022's names "
        "after a prefix: --codebook cfir-2022 matches it"
    ]


def test_a_typo_after_its_own_domain_is_asked_of_the_name_it_is_near() -> None:
    """'Process: Planing' in CFIR 2.0 is asked "did you mean 'Planning'?", as 'Planing' is;
    after a domain the code is not under, nothing is asked (s87 hunt37 L1: the error's hint
    spoke of nothing, or of cfir-2009)."""
    book = Codebook.load("cfir-2022")
    assert book.did_you_mean("Process: Planing") == "did you mean 'Planning'?"
    assert book.did_you_mean("Inner Setting > Culure") == "did you mean 'Culture'?"
    assert book.did_you_mean("Outer Setting - Planing") is None
    try:
        book.resolve("Process: Planing")
    except codebook.UnknownCode as e:
        assert str(e).startswith(
            "unknown code 'Process: Planing' in codebook 'cfir-2022' (did you mean 'Planning'?"
        )
    else:
        raise AssertionError("resolved")
