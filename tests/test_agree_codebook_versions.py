"""Specification of `roqa agree` between codings made in two versions of the researcher's own
codebook (`roqa code --codebook v1.json`, then v2.json): a code renamed between the versions is
one code, the hints name a codebook that works, and a code charted onto several codes says so
(re-test, session 47)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.decisions import Decision
from test_apply_decisions import TEXTS, write_decisions
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
        "coded: codes translated from cfir-2009 to own-v1 through the documented mapping",
        "a code charted onto several own-v1 codes counts as each of them, so one code given is "
        "several to agree or disagree on: IS.E.2 Available Resources as ORG-MONEY and ORG-REG "
        "(coded 2 segments)",
    ]
    # the model's ORG-MONEY and ORG-REG on both segments, Alice's one of them on each
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
