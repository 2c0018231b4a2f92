"""Specification of `roqa agree` between codings made in two versions of the researcher's own
codebook (`roqa code --codebook v1.json`, then v2.json): a code renamed between the versions is
one code, the hints name a codebook that works, and a code charted onto several codes says so
(re-test, session 47)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from roqa_nlp.decisions import Decision
from roqa_nlp.schema import Suggestion
from test_apply_decisions import TEXTS, model_codings, write_decisions
from test_cli_core import roqa
from test_own_codebook_review import coded_in_own, own_codebook


def covid_codebook(mapped: bool = False) -> dict[str, object]:
    """Version 2 of :func:`own_codebook`, with COVID "COVID disruption", a code v1's reviews
    made as a new code (``project.covid-disruption``); mapped onto CFIR 2009's OS.D when
    ``mapped``."""
    book = own_codebook("2")
    codes = book["codes"]
    assert isinstance(codes, list)
    codes.append({"id": "COVID", "name": "COVID disruption", "level": "construct", "parent": "ORG"})
    mapping = book["mapping"]
    assert isinstance(mapping, dict)
    if mapped:
        mapping["cfir-2009"]["COVID"] = ["OS.D"]
    return book


def reviews_in_two_versions(tmp_path: Path, mapped: bool = False) -> list[Path]:
    """Coder1's review in v1 (COVID disruption a new code), Coder2's in v2 (its COVID, mapped
    onto OS.D when ``mapped``); they differ on p01:0004 only (STAFF, COMPLEX)."""
    outs = []
    for version, covid, last in (
        (
            "1",
            Decision("p01:0003", "new-code", new_code="COVID disruption", text=TEXTS[2]),
            "STAFF",
        ),
        ("2", Decision("p01:0003", "recode", "COVID", text=TEXTS[2]), "COMPLEX"),
    ):
        coded = coded_in_own(tmp_path / f"coded{version}", version)
        if version == "2":
            (coded / "chart_codebook.json").write_text(json.dumps(covid_codebook(mapped)), "utf-8")
        review = [
            Decision("p01:0001", "accept", "STAFF", text=TEXTS[0]),
            Decision("p01:0002", "recode", "NEED", text=TEXTS[1]),
            covid,
            Decision("p01:0004", "recode", last, text=TEXTS[3]),
        ]
        write_decisions(coded / "decisions.csv", review)
        outs.append(tmp_path / f"rev{version}")
        run = roqa("apply-decisions", coded, "--coder", f"Coder{version}", "--out", outs[-1])
        assert run.code == 0, run.err
    return outs


MATCHED = (
    "codes of the different codebooks the codings carry matched by name (their ids differ): "
    "'COVID disruption' (own-v1+project project.covid-disruption = own-v2 COVID)"
)
#: v2 maps COVID onto CFIR 2009, so it is the id both take (its mapping translates them)
MATCHED_MAPPED = (
    "codes of the different codebooks the codings carry matched by name (their ids differ): "
    "'COVID disruption' (own-v2 COVID = own-v1+project project.covid-disruption)"
)


@pytest.mark.parametrize("given", [[], ["--codebook", "cfir-2009"]])
def test_a_code_renamed_between_two_own_codebooks_is_one_code_and_the_note_says_so(
    tmp_path: Path, given: list[str]
) -> None:
    """Before: project.covid-disruption and COVID were two codes, 5 codes x 4 units with 4
    disagreements: agreement 0.8, kappa 0.375 (with --codebook cfir-2009 too)."""
    outs = reviews_in_two_versions(tmp_path)
    report = tmp_path / "a.json"
    run = roqa("agree", *outs, "--n-boot", "0", *given, "--json", report)
    assert run.code == 0, run.err
    data = json.loads(report.read_text("utf-8"))
    assert MATCHED in data["notes"]
    # STAFF, NEED, COVID disruption and COMPLEX on 4 units: they differ on p01:0004's two codes
    (pair,) = data["pairs"]
    assert pair["all"]["percent_agreement"] == 14 / 16
    assert pair["all"]["kappa"] == pytest.approx(2 / 3)


def test_swapping_the_coders_of_two_own_codebook_versions_changes_no_figure(
    tmp_path: Path,
) -> None:
    """Cohen's kappa is symmetric, so the order of the inputs cannot change it. Before, with
    --codebook cfir-2009 the matched code took the first coder's id: Coder1 first, v2's COVID
    became v1's new code and lost its mapping onto OS.D; Coder2 first, v1's new code became
    COVID, which v1 does not map, beside Coder2's OS.D: 5 codes, kappa 0.375 in that order.
    Now both sides translate it through v2's mapping: OS.D on p01:0003 for both, in either
    order, and the note names the match."""
    outs = reviews_in_two_versions(tmp_path, mapped=True)
    figures = []
    for order in (outs, outs[::-1]):
        report = tmp_path / "a.json"
        run = roqa(
            "agree",
            *order,
            "--n-boot",
            "0",
            "--codebook",
            "cfir-2009",
            "--by",
            "code",
            "--json",
            report,
        )
        assert run.code == 0, run.err
        data = json.loads(report.read_text("utf-8"))
        assert MATCHED_MAPPED in data["notes"]
        (pair,) = data["pairs"]
        counts = {c["code"]: c["units_coded"] for c in data["per_code"]}
        figures.append((pair["all"]["kappa"], pair["all"]["percent_agreement"], counts))
    assert figures[0] == figures[1]
    kappa, agreement, counts = figures[0]
    assert counts["OS.D"] == {"Coder1": 1, "Coder2": 1}
    assert "COVID" not in counts and "project.covid-disruption" not in counts
    # IS.E.2, OS.A, OS.D, IC.F on 4 units: they differ on p01:0004's IS.E.2 and IC.F
    assert (agreement, kappa) == (14 / 16, pytest.approx(2 / 3))


@pytest.mark.parametrize("which", ["rev1/chart_codebook.json", "rev2/codebook.json"])
def test_a_codebook_the_others_do_not_translate_into_is_answered_with_one_they_all_do(
    tmp_path: Path, which: str
) -> None:
    """Before, the hints went in a circle: --codebook with v1's file said "use --codebook
    rev2/codebook.json", and that said "use --codebook rev1/codebook.json"; only cfir-2009,
    which both versions map onto, works. The hint names it, and following it leads to no other
    hint."""
    outs = reviews_in_two_versions(tmp_path)
    run = roqa("agree", *outs, "--n-boot", "0", "--codebook", tmp_path / which)
    assert run.code == 2
    assert run.err.startswith("roqa: error: Coder")
    assert run.err.endswith(
        "(give --codebook cfir-2009, which every input's codes translate into)\n"
    )
    run = roqa("agree", *outs, "--n-boot", "0", "--codebook", "cfir-2009")
    assert (run.code, run.err) == (0, "")
    assert "--codebook" not in run.out


def test_a_code_charted_onto_two_own_codes_is_named_in_one_line(tmp_path: Path) -> None:
    """Before, the model's IS.E.2, which the researcher's codebook maps onto ORG-MONEY and
    ORG-REG, counted as both on each segment with no word: only "codes translated from
    cfir-2009 to own-v1 through the documented mapping"."""
    from test_apply_decisions import model_codings

    book = own_codebook("1")
    book["codes"] = [
        {"id": "ORG", "name": "Inside", "level": "domain", "parent": None, "codable": False},
        {"id": "ORG-MONEY", "name": "Money", "level": "construct", "parent": "ORG"},
        {"id": "ORG-REG", "name": "Regulation", "level": "construct", "parent": "ORG"},
        {"id": "COMPLEX", "name": "Complicated work", "level": "construct", "parent": "ORG"},
    ]
    book["mapping"] = {
        "cfir-2009": {"ORG-MONEY": ["IS.E.2"], "ORG-REG": ["IS.E.2"], "COMPLEX": ["IC.F"]}
    }
    coded = tmp_path / "coded"
    codings = model_codings()
    codings.meta["chart_codebook"] = "chart_codebook.json"
    codings.save(coded)
    (coded / "chart_codebook.json").write_text(json.dumps(book), "utf-8")
    review = [
        Decision("p01:0001", "recode", "ORG-MONEY", text=TEXTS[0]),
        Decision("p01:0002", "recode", "ORG-REG", text=TEXTS[1]),
    ]
    write_decisions(coded / "decisions.csv", review)
    assert roqa("apply-decisions", coded, "--coder", "Alice", "--out", tmp_path / "rev").code == 0
    report = tmp_path / "a.json"
    run = roqa("agree", coded, tmp_path / "rev", "--n-boot", "0", "--json", report)
    assert (run.code, run.err) == (0, "")
    data = json.loads(report.read_text("utf-8"))
    assert data["translated"] == [
        "compared in own-v1, the codebook `roqa code --codebook` chose (run.json); "
        "--codebook sets another",
        "coded: codes translated from cfir-2009 to own-v1 through the documented mapping; the "
        "top suggestion of 2 segments is an exact tie of several own-v1 codes (nothing in the "
        "segment decides between them), charted under the first of them (p01:0001, p01:0002)",
    ]
    # the model's code as its report charts it, ORG-MONEY on both segments (session 74: it
    # counted ORG-MONEY and ORG-REG on both, with a line saying so), Alice's one of them on each
    (pair,) = data["pairs"]
    assert pair["all"]["percent_agreement"] == 2 / 4


def test_imported_own_codebook_codings_are_read_in_the_codebook_they_came_with(
    tmp_path: Path,
) -> None:
    """Re-test, session 47: after `roqa export --qdpx` and `roqa import`, the codings in
    OUT/codings/USER/ were read without OUT/codebook.json (own-v1+project, own-v2+project), so
    agree matched her codes to built-in codebooks by name and did not translate v2's COVID
    through its mapping. They are read in it, as a roqa-coded folder's: the figures before
    export."""
    outs = reviews_in_two_versions(tmp_path, mapped=True)
    imported = []
    for k, rev in enumerate(outs, 1):
        qdpx = tmp_path / f"r{k}.qdpx"
        assert roqa("export", rev, "--qdpx", qdpx).code == 0
        assert roqa("import", qdpx, "--out", tmp_path / f"imp{k}").code == 0
        imported.append(tmp_path / f"imp{k}" / "codings" / f"Coder{k}")
    per_code = []
    for inputs in (imported, outs):
        report = tmp_path / "a.json"
        run = roqa(
            "agree", *inputs, "--n-boot", "0", "--codebook", "cfir-2009", "--by", "code",
            "--json", report,
        )  # fmt: skip
        assert run.code == 0, run.err
        data = json.loads(report.read_text("utf-8"))
        per_code.append({c["code"]: c["units_coded"] for c in data["per_code"]})
    assert (
        per_code[0]
        == per_code[1]
        == {
            "IC.F": {"Coder1": 0, "Coder2": 1},
            "IS.E.2": {"Coder1": 2, "Coder2": 1},
            "OS.A": {"Coder1": 1, "Coder2": 1},
            "OS.D": {"Coder1": 1, "Coder2": 1},
        }
    )


def test_the_note_of_codes_charted_onto_several_counts_those_past_four() -> None:
    """Six codes mapped one-to-many: four named, then '; and 2 more' (it ended ' ...' and the
    sentence's full stop made four dots, the other two named nowhere: regression hunt)."""
    from roqa_nlp.cli.agree_cmd import _several_counterparts_note

    several = {(f"C{i}", f"C{i}", ("X", "Y")): {"gold": 1} for i in range(6)}
    note = _several_counterparts_note(several, "cfir-2022")
    assert note.endswith(
        "C0 as X and Y (gold 1 segment); C1 as X and Y (gold 1 segment); C2 as X and Y (gold 1 "
        "segment); C3 as X and Y (gold 1 segment); and 2 more"
    )


def team_codebook(version: str) -> dict[str, object]:
    """A team's codebook ``team`` (not built in) in two versions of one id: v2 merged v1's LEAD
    "Leadership" into CULT, renamed "Leadership and culture", keeping LEAD as an alias, and
    renamed STAFF "Staffing" (v1) "Staff and time"."""
    v1 = version == "1"
    codes: list[dict[str, object]] = [
        {"id": "ORG", "name": "Inside", "level": "domain", "parent": None, "codable": False},
        {"id": "STAFF", "name": "Staffing" if v1 else "Staff and time", "level": "construct"},
        {"id": "CULT", "name": "Culture" if v1 else "Leadership and culture"},
    ]
    if v1:
        codes.append({"id": "LEAD", "name": "Leadership"})
    else:
        codes[2]["aliases"] = ["LEAD", "Leadership"]
    for c in codes[1:]:
        c.update(level="construct", parent="ORG")
    return {"id": "team", "name": "Team codes", "version": version, "codes": codes}


def review_in_version(folder: Path, coder: str, version: str, codes: list[str]) -> Path:
    """``coder``'s review of :data:`TEXTS`' first four segments, one code each, as `roqa
    apply-decisions` saves a review made in version ``version`` of :func:`team_codebook`: its
    codebook.json beside the codings, its id in run.json."""
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.result import CodingResult

    book = Codebook.from_dict(team_codebook(version))
    model = model_codings()
    segments = [
        dataclasses.replace(s, suggestions=[Suggestion(c, book[c].name, "ORG", 1.0)])
        for s, c in zip(model.segments, codes, strict=False)
    ]
    meta = {
        "source": "roqa apply-decisions",
        "user": {"name": coder},
        "codebook": {"id": book.id, "hash": book.hash},
    }
    CodingResult(segments, model.transcripts, meta, codebook=book).save(folder)
    return folder


def two_versions(tmp_path: Path) -> list[Path]:
    """Bob's review in team v1 (LEAD twice), Alice's in v2, where LEAD is CULT: the same
    reading of the four segments."""
    return [
        review_in_version(tmp_path / "bob", "Bob", "1", ["STAFF", "LEAD", "CULT", "LEAD"]),
        review_in_version(tmp_path / "alice", "Alice", "2", ["STAFF", "CULT", "CULT", "CULT"]),
    ]


def test_with_codebook_a_later_version_resolves_an_earlier_versions_code_by_its_alias(
    tmp_path: Path,
) -> None:
    """Tester, session 60: with --codebook v2.json, v1's LEAD, an alias of v2's CULT, stayed
    LEAD: LEAD 2/0 and CULT 1/3, pooled agreement 8/12, under v1's names, the same figures as
    without --codebook. Now each code resolves in v2 by id, name or alias, as
    docs/agreement.md says: CULT 3/3, kappa 1, v2's names, and a note says so."""
    outs = two_versions(tmp_path)
    v2 = tmp_path / "v2.json"
    v2.write_text(json.dumps(team_codebook("2")), "utf-8")
    report = tmp_path / "a.json"
    run = roqa("agree", *outs, "--n-boot", "0", "--by", "code", "--codebook", v2, "--json", report)
    assert (run.code, run.err) == (0, "")
    data = json.loads(report.read_text("utf-8"))
    assert {c["code"]: (c["name"], c["units_coded"]) for c in data["per_code"]} == {
        "CULT": ("Leadership and culture", {"Bob": 3, "Alice": 3}),
        "STAFF": ("Staff and time", {"Bob": 1, "Alice": 1}),
    }
    (pair,) = data["pairs"]
    assert (pair["all"]["percent_agreement"], pair["all"]["kappa"]) == (1.0, 1.0)
    assert data["translated"] == [
        f"Bob: codes resolved in team version 2 ({v2}) by its aliases and names: LEAD as CULT "
        "Leadership and culture",
        f"the codings record 2 versions of codebook team (Bob: version 1, {outs[0]}/codebook.json;"
        f" Alice: version 2, {outs[1]}/codebook.json): compared in team version 2 ({v2}), each "
        "code resolved there by id, name or alias",
    ]


def test_without_codebook_two_versions_of_one_codebook_are_warned_of_naming_each(
    tmp_path: Path,
) -> None:
    """Tester, session 60: nothing said that the two reviews carry two versions of one
    codebook id, and LEAD disagreed with the CULT it became. The warning docs/agreement.md
    promises names each version and file, and the one to give with --codebook: v2, whose
    aliases know every code applied."""
    outs = two_versions(tmp_path)
    report = tmp_path / "a.json"
    run = roqa("agree", *outs, "--n-boot", "0", "--json", report)
    assert run.code == 0, run.err
    data = json.loads(report.read_text("utf-8"))
    (pair,) = data["pairs"]
    assert pair["all"]["percent_agreement"] == 8 / 12  # compared in their own codes
    assert (
        f"the codings record 2 versions of codebook team (Bob: version 1, {outs[0]}/codebook.json;"
        f" Alice: version 2, {outs[1]}/codebook.json), so each coder's codes are compared as that "
        "version has them, and a code one version merged or renamed disagrees with itself: to "
        "compare them in one version, give it with --codebook (e.g. --codebook "
        f"{outs[1]}/codebook.json: every code applied is one of its codes or aliases)"
    ) in data["notes"]
    assert "Warning: the codings record 2 versions of codebook team" in " ".join(run.out.split())
    # the file it names compares them in one
    run = roqa("agree", *outs, "--n-boot", "0", "--codebook", outs[1] / "codebook.json")
    assert (run.code, run.err) == (0, "")


def test_at_domain_with_two_versions_of_one_codebook_says_which_they_are(
    tmp_path: Path,
) -> None:
    """Tester, session 60: "--at domain needs the codebook whose hierarchy to follow", with no
    word that each folder carries a codebook.json, two versions of one id."""
    outs = two_versions(tmp_path)
    run = roqa("agree", *outs, "--n-boot", "0", "--at", "domain")
    assert run.code == 2
    assert run.err == (
        "roqa: error: --at domain needs one codebook whose hierarchy to follow, and the codings "
        f"record 2 versions of codebook team (Bob: version 1, {outs[0]}/codebook.json; Alice: "
        f"version 2, {outs[1]}/codebook.json) (give the version to follow with --codebook, "
        f"e.g. --codebook {outs[1]}/codebook.json)\n"
    )


def test_one_version_saved_twice_with_a_description_alias_or_order_changed_is_one_version(
    tmp_path: Path,
) -> None:
    """s60 regression hunt: two copies of version 1 that differ only in a description, an added
    alias or the codes' order were warned of as "2 versions of codebook team" (version 1 and
    version 1). The codes (ids, names, places in the tree) are what tell versions apart."""
    from roqa_nlp.cli.agree_cmd import codebook_versions
    from roqa_nlp.result import CodingResult

    bob = review_in_version(tmp_path / "bob", "Bob", "1", ["STAFF", "LEAD", "CULT", "LEAD"])
    alice = review_in_version(tmp_path / "alice", "Alice", "1", ["STAFF", "CULT", "CULT", "LEAD"])
    book = json.loads((alice / "codebook.json").read_text("utf-8"))
    book["codes"] = [book["codes"][0], *reversed(book["codes"][1:])]
    book["codes"][1]["description"] = "A heading only.."
    book["codes"][1]["aliases"] = ["People"]
    (alice / "codebook.json").write_text(json.dumps(book), "utf-8")
    read = {"Bob": CodingResult.read(bob), "Alice": CodingResult.read(alice)}
    assert read["Alice"].codebook.hash != read["Bob"].codebook.hash  # not the same file
    assert codebook_versions(read) == {}
    run = roqa("agree", bob, alice, "--n-boot", "0")
    assert run.code == 0, run.err
    assert "versions of codebook" not in run.out
    # a name changed is another version
    book["codes"][1]["name"] = "Staff and time"
    (alice / "codebook.json").write_text(json.dumps(book), "utf-8")
    read["Alice"] = CodingResult.read(alice)
    assert list(codebook_versions(read)) == ["team"]
