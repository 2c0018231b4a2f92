"""Specification: compared by character span, each pair of coders is figured on its own units.

With three or more inputs compared by character span, every pair's units used to be those of
all the inputs: cut at every coder's selection boundaries and at the edges of a model run's
segments. A model's segment edges thus split two people's uncoded text into more units, which
raised their percent agreement, kappa and AC1 against the same two compared alone (regression
hunt, session 41: 158 units, 99.1%, kappa 0.821, AC1 0.991 beside a model; 87 units, 98.9%,
0.844, 0.988 alone). Now a pair's row (its figures, intervals, confusion table and valence) is
what ``roqa agree`` of those two inputs alone gives, every transform (``--at``, codebooks,
spelling merges, the model judged on its segments only) applied as it is there; the pooled
figures stay over the units of all the inputs (docs/agreement.md, "Shared units").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript
from test_cli_agree import run

TEXT = (
    "Interviewer: How is the culture here?\n"
    "P01: Staff here are very committed. They stay for years. "
    "The rooms are too small. Parking is hard.\n"
)
S1 = "Staff here are very committed."
S2 = "They stay for years."
S3 = "The rooms are too small."
S4 = "Parking is hard."
TRANSCRIPTS = {"p01": Transcript("p01", TEXT, [], participant="P01")}
CULTURE = Suggestion("IS.C", "Culture", "IS", 1.0, "enabler")
CLIMATE = Suggestion("IS.D", "Implementation Climate", "IS", 1.0, "enabler")
TENSION = Suggestion("IS.D.1", "Tension for Change", "IS", 1.0, "barrier")


def at(first: str, last: str | None = None) -> tuple[int, int]:
    return TEXT.index(first), TEXT.index(last or first) + len(last or first)


def segment(sid: str, first: str, last: str | None = None) -> Segment:
    start, end = at(first, last)
    return Segment(sid, "p01", "P01", "participant", start, end, TEXT[start:end])


def selections(user: str, *picked: tuple[str, str, Suggestion]) -> CodingResult:
    """A QDA coder's selections, each from one sentence's start to another's end."""
    return CodingResult(
        segments=[
            SegmentResult(segment(f"p01:@{k}", first, last), [code])
            for k, (first, last, code) in enumerate(picked)
        ],
        transcripts=TRANSCRIPTS,
        meta={"source": "REFI-QDA", "user": {"name": user}},
    )


def model_run(codes: list[Suggestion | None]) -> CodingResult:
    """A ``roqa code`` run: one segment per sentence S1..S4, each its top code or none."""
    return CodingResult(
        segments=[
            SegmentResult(
                segment(f"p01:000{k + 1}", quote),
                [] if code is None else [Suggestion(code.code_id, code.name, code.domain, 0.8)],
            )
            for k, (quote, code) in enumerate(zip((S1, S2, S3, S4), codes, strict=True))
        ],
        transcripts=TRANSCRIPTS,
        meta={"model": {"hash": "abcd1234ef567890"}},
    )


def agree(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], *names: str, extra: tuple[str, ...] = ()
) -> dict[str, Any]:
    out = tmp_path / f"{'-'.join(names)}.json"
    args = ["agree", *(str(tmp_path / n) for n in names), "--units", "spans"]
    code, _, err = run([*args, "--n-boot", "200", *extra, "--json", str(out)], capsys)
    assert code == 0, err
    return json.loads(out.read_text("utf-8"))


def pair(data: dict[str, Any], a: str, b: str) -> dict[str, Any]:
    """The pair's row, confusion table and valence figures in ``roqa agree``'s JSON."""
    (row,) = [p for p in data["pairs"] if (p["coder_a"], p["coder_b"]) == (a, b)]
    (table,) = [t for t in data["confusion"] if (t["coder_a"], t["coder_b"]) == (a, b)]
    valence = data["valence"]
    (v,) = [p for p in valence["pairs"] if (p["coder_a"], p["coder_b"]) == (a, b)]
    return {"row": {k: v for k, v in row.items() if k != "kind"}, "confusion": table, "valence": v}


@pytest.fixture
def three(tmp_path: Path) -> Path:
    """Ann selected S1 Culture; Bob S1 through S2 Culture; the model coded S1 and S3 Culture.
    Alone, Ann and Bob's units are the interviewer's turn with the speaker label, S1, S2 and
    S3-S4 (no coding changes there): 4 units, agreeing on 3 (not S2). The model's edges cut
    S3-S4 into S3 and S4: 5 units beside it, agreeing on 4."""
    selections("Ann", (S1, S1, CULTURE)).save(tmp_path / "Ann")
    selections("Bob", (S1, S2, CULTURE)).save(tmp_path / "Bob")
    model_run([CULTURE, None, CULTURE, None]).save(tmp_path / "w")
    return tmp_path


def test_a_pair_beside_a_model_has_the_units_of_the_two_alone(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ann - Bob: 4 units, 3/4 agreement; kappa (3/4 - 1/2) / (1 - 1/2) = 1/2 with p_e = 1/4 *
    2/4 + 3/4 * 2/4; AC1 with pi = 3/8, p_e = 2 * 3/8 * 5/8 = 15/32: (3/4 - 15/32) / (17/32) =
    9/17. Coded by someone: S1 and S2, 1 of 2. Before, beside the model: 5 units, 4/5, kappa
    6/11, AC1 19/29, and coded 3 units (S3 the model's), 2/3."""
    data = agree(three, capsys, "Ann", "Bob", "w")
    row = pair(data, "Ann", "Bob")["row"]
    assert row["all"]["n_units"] == 4
    assert row["all"]["percent_agreement"] == pytest.approx(3 / 4)
    assert row["all"]["kappa"] == pytest.approx(1 / 2)
    assert row["all"]["ac1"] == pytest.approx(9 / 17)
    assert row["coded"]["n_units"] == 2
    assert row["coded"]["percent_agreement"] == pytest.approx(1 / 2)


def test_every_pair_row_is_the_two_inputs_compared_alone(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each pair's figures, intervals, confusion table and valence are those of the two alone."""
    data = agree(three, capsys, "Ann", "Bob", "w")
    for a, b in (("Ann", "Bob"), ("Ann", "w"), ("Bob", "w")):
        alone = agree(three, capsys, a, b)
        assert pair(data, a, b) == pair(alone, a, b), (a, b)


def test_the_pooled_figures_stay_over_the_units_of_all_inputs(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Pooled over the 5 common units (the interviewer's turn and S1..S4), 1 code: the three
    coders agree on 3 units (the turn, S1, S4), percent agreement (3 + 1/3 + 1/3) / 5 = 11/15."""
    data = agree(three, capsys, "Ann", "Bob", "w")
    assert data["n_units"]["all"] == 5
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(11 / 15)
    assert data["pairs_on_own_units"] is True


def test_a_pair_at_the_construct_level_is_the_two_alone_at_that_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--at construct: Ann's Tension for Change on S1 is Bob's Implementation Climate there.
    Beside a model that coded S3 and S4 apart, the pair's row is still that of the two alone
    (3 units: the turn, S1, S2-S4; all agree)."""
    selections("Ann", (S1, S1, TENSION)).save(tmp_path / "Ann")
    selections("Bob", (S1, S1, CLIMATE)).save(tmp_path / "Bob")
    model_run([CLIMATE, None, CULTURE, None]).save(tmp_path / "w")
    level = ("--at", "construct")
    data = agree(tmp_path, capsys, "Ann", "Bob", "w", extra=level)
    alone = agree(tmp_path, capsys, "Ann", "Bob", extra=level)
    row = pair(data, "Ann", "Bob")["row"]
    assert row["all"]["n_units"] == 3
    assert row["all"]["percent_agreement"] == pytest.approx(1.0)
    assert row == pair(alone, "Ann", "Bob")["row"]


def test_by_segment_the_pairs_are_figured_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three runs of one segmentation compare by segment: a pair's items are still every code
    any coder applied on the shared segments (Light's kappa is the mean of the pairs')."""
    model_run([CULTURE, None, None, None]).save(tmp_path / "w")
    model_run([CULTURE, CULTURE, None, None]).save(tmp_path / "v")
    model_run([None, None, CLIMATE, None]).save(tmp_path / "u")
    out = tmp_path / "seg.json"
    code, _, err = run(
        ["agree", *(str(tmp_path / n) for n in "wvu"), "--n-boot", "0", "--json", str(out)],
        capsys,
    )
    assert code == 0, err
    data = json.loads(out.read_text("utf-8"))
    row = data["pairs"][0]
    assert (row["coder_a"], row["coder_b"]) == ("w", "v")
    # 4 segments x 2 codes (Culture, and Climate the third run applied): 7 of 8 agree
    assert row["all"]["n_units"] == 4
    assert row["all"]["percent_agreement"] == pytest.approx(7 / 8)
    assert data["pairs_on_own_units"] is False


def test_roqa_agree_says_the_pairs_are_on_their_own_units(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["agree", *(str(three / n) for n in ("Ann", "Bob", "w")), "--n-boot", "0"]
    code, said, err = run(args, capsys)
    assert code == 0, err
    assert (
        "Each pair is figured on its own units, as roqa agree of the two alone gives them "
        "(character spans cut at the two coders' boundaries, not at the other inputs'); the "
        "pooled figures are over the units of all 3 coders, so their kappa is not the mean of "
        "the kappas here."
    ) in " ".join(said.split())


def test_agreement_report_figures_a_pair_on_the_units_given_for_it() -> None:
    """From Python: ``pair_units`` gives the pair the figures of a report of the two alone,
    while the pooled figures stay over the units of all three (5 units, 11/15)."""
    from roqa_nlp.coding_agreement import agreement_report, coded_units_from_results

    ann, bob = selections("Ann", (S1, S1, CULTURE)), selections("Bob", (S1, S2, CULTURE))
    w = model_run([CULTURE, None, CULTURE, None])
    two = coded_units_from_results({"Ann": ann, "Bob": bob})
    report = agreement_report(
        coded_units_from_results({"Ann": ann, "Bob": bob, "w": w}),
        n_boot=100,
        pair_units={("Ann", "Bob"): two},
    )
    assert report.pairs[0] == agreement_report(two, n_boot=100).pairs[0]
    assert report.pairs[0].all.n_units == 4
    assert report.pooled["all"].percent_agreement == pytest.approx(11 / 15)
    # the pairs not given keep the units of all three: Ann - w over the 4 units w judged and
    # the interviewer's turn it did not (Ann alone there)
    assert report.pairs[1].all.n_units == 4


def test_a_pair_that_cannot_be_compared_alone_keeps_the_common_units_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ann coded in CFIR 2009, Bob in CFIR 2.0; the model's run records that `roqa code
    --codebook cfir-2022` charted it, so the three compare in CFIR 2.0. Ann and Bob alone are
    a one-line error (two codebooks): their row keeps the 5 units of all three, and a note
    says why; the other pairs are on their own units."""
    advantage = Suggestion("IC.C", "Relative Advantage", "IC", 1.0)
    innovation = Suggestion("INN.C", "Innovation Relative Advantage", "INN", 1.0)
    selections("Ann", (S1, S1, advantage)).save(tmp_path / "Ann")
    selections("Bob", (S1, S2, innovation)).save(tmp_path / "Bob")
    run_ = model_run([innovation, None, innovation, None])
    run_.meta["chart_codebook"] = "cfir-2022"
    run_.save(tmp_path / "w")
    data = agree(tmp_path, capsys, "Ann", "Bob", "w")
    note = (
        "Ann - Bob is figured on the units of all the inputs: compared alone, the coders used "
        "different codebooks (Ann: cfir-2009, Bob: cfir-2022), so no code can agree"
    )
    assert note in data["notes"]
    rows = {(p["coder_a"], p["coder_b"]): p["all"]["n_units"] for p in data["pairs"]}
    assert rows == {("Ann", "Bob"): 5, ("Ann", "w"): 4, ("Bob", "w"): 4}
    assert data["pairs_on_own_units"] is True


def test_a_pair_that_shares_no_unit_is_said_to_share_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ann and Bob coded p01, Cat p02 only. Before, a note said "Ann - Cat is figured on the
    units of all the inputs: compared alone, no unit was coded by two coders ...", beside a row
    of 0 units and the line "Each pair is figured on its own units" (tester, session 50)."""
    other = "P02: The rooms are too small.\n"
    cat = CodingResult(
        segments=[
            SegmentResult(Segment("p02:@0", "p02", "P02", "participant", 5, 29, other[5:29]), [])
        ],
        transcripts={"p02": Transcript("p02", other, [], participant="P02")},
        meta={"source": "REFI-QDA", "user": {"name": "Cat"}},
    )
    cat.segments[0].suggestions.append(CULTURE)
    selections("Ann", (S1, S1, CULTURE)).save(tmp_path / "Ann")
    selections("Bob", (S1, S2, CULTURE)).save(tmp_path / "Bob")
    cat.save(tmp_path / "Cat")
    data = agree(tmp_path, capsys, "Ann", "Bob", "Cat")
    shared = [n for n in data["notes"] if "Cat" in n and "units of all the inputs" in n]
    assert shared == []
    assert (
        "Ann - Cat share no unit (Ann coded transcript p01, Cat transcript p02): their row has "
        "no figures"
    ) in data["notes"]
    assert (
        "Bob - Cat share no unit (Bob coded transcript p01, Cat transcript p02): their row has "
        "no figures"
    ) in data["notes"]
    rows = {(p["coder_a"], p["coder_b"]): p["all"]["n_units"] for p in data["pairs"]}
    assert rows == {("Ann", "Bob"): 4, ("Ann", "Cat"): 0, ("Bob", "Cat"): 0}


def test_the_note_under_the_pooled_tables_says_no_pair_is_pooled_over_all_codes(
    three: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """daily26 (session 89, D1): beside "Each pair is figured on its own units, as roqa agree
    of the two alone gives them", the note under the pooled tables said "Each pair is pooled
    over the 1 codes any of the 3 coders applied, so its figures differ from that pair's
    compared alone": untrue of pairs figured alone, each over the codes the two applied."""
    args = ["agree", *(str(three / n) for n in ("Ann", "Bob", "w")), "--units", "spans"]
    code, out, err = run([*args, "--n-boot", "0"], capsys)
    assert code == 0, err
    said = " ".join(out.split())
    assert (
        "Pooled agreement and AC1 (both tables) count a code no coder applied to a unit as "
        "agreement: 2 of the 5 unit-code decisions here (40%). Kappa and alpha correct for "
        "chance; quote them, or each code's figures (--by code), not the pooled agreement "
        "alone. "
    ) in said
    assert "Each pair is pooled" not in said
    assert "Each pair is figured on its own units, as roqa agree of the two alone" in said
