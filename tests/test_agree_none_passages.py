"""Specification: a passage a coder coded with a node named as a long table's "coded with
nothing" (``NONE``, ``no code``, ``Off-framework``) alone is a unit they read and coded with
nothing, as a ``NONE`` row of a long table is: it stays, with no code.

Before (hunt s79 H1) such a passage was left out as if never read: a transcript whose only
codings were NONE dropped out for that coder, and the other coder's codes there with it (kappa
0.562 -> 1.000, with no word of why); passages both coders marked NONE were no units; a coder
whose every coding was NONE was an error. And (hunt s79 M2) NONE was judged by the code's name
alone: a code with a codebook's id and an empty name, or a node ``None`` under another code (a
real answer, "no training received"), was dropped as NONE.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agree_helpers import INTERVIEW, agree, answer, project_qdpx
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

STAFF = answer("We just do not have the staff to do it properly.")
MANAGER = answer("Our manager backs us all the way, every single time.")
MONEY = answer("Money from the council is always late and always short.")
WEEKEND = answer("Lovely, we went to the seaside with the kids.")
FIRST_Q = answer("What gets in the way?")
SECOND_Q = answer("And what helps?")
ANSWERS = [
    (STAFF, "Available Resources"),
    (MANAGER, "Leadership Engagement"),
    (MONEY, "External Policy & Incentives"),
]


def _coded(source: str, pairs: list[tuple[tuple[int, int], str]]) -> list:
    return [(source, *span, code) for span, code in pairs]


def _table(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    path.write_text(
        "unit,coder,code\n" + "".join(f"{u},{c},{k}\n" for u, c, k in rows), encoding="utf-8"
    )
    return path


def test_a_transcript_coded_with_none_alone_is_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ben's only coding of p02 is NONE on the weekend answer: p02 is a transcript he read, and
    Ana's three codes there are three disagreements with his nothing."""
    ana = _coded("p01", ANSWERS) + _coded("p02", ANSWERS)
    ben = _coded("p01", ANSWERS) + _coded("p02", [(WEEKEND, "NONE")])
    path = project_qdpx(
        tmp_path / "p.qdpx", {"p01": INTERVIEW, "p02": INTERVIEW}, {"Ana": ana, "Ben": ben}
    )
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    assert data is not None
    assert data["unit_kind"] == "spans"
    # p01: 3 answers agreed and 4 stretches between them; p02: 3 answers Ana alone coded, the
    # weekend answer both left uncoded, and 3 stretches
    assert data["n_units"] == {"total": 14, "all": 14, "coded": 6}
    assert data["pooled"]["all"]["kappa"] == pytest.approx(12 / 19)
    # 3 of the 14 x 3 decisions (unit, code) differ
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(13 / 14)
    assert "only 'Ana' coded transcript p02" not in out


def test_a_transcript_marked_none_reads_as_the_long_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ben marks p02's three answers NONE: the figures of a long table of the same codings."""
    ana = _coded("p01", ANSWERS) + _coded("p02", ANSWERS)
    ben = _coded("p01", ANSWERS) + _coded("p02", [(span, "NONE") for span, _ in ANSWERS])
    path = project_qdpx(
        tmp_path / "p.qdpx", {"p01": INTERVIEW, "p02": INTERVIEW}, {"Ana": ana, "Ben": ben}
    )
    code, data, _, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    rows = [
        (f"{t}-{i}", coder, name if coder == "Ana" or t == "p01" else "NONE")
        for coder in ("Ana", "Ben")
        for t in ("p01", "p02")
        for i, (_, name) in enumerate(ANSWERS)
    ]
    table = _table(tmp_path / "long.csv", rows)
    code, long, _, err = agree(tmp_path, capsys, str(table))
    assert code == 0, err
    assert data is not None and long is not None
    assert data["n_units"] == long["n_units"] == {"total": 6, "all": 6, "coded": 6}
    assert data["pooled"] == long["pooled"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(4 / 7)


def test_passages_both_coders_marked_none_are_units(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both coders mark the weekend answer and the two questions NONE: three units on which they
    agree, as three NONE rows of a long table are."""
    nothing = [(WEEKEND, "NONE"), (FIRST_Q, "NONE"), (SECOND_Q, "NONE")]
    ben_answers = [(STAFF, "Available Resources"), (MANAGER, "Available Resources"), ANSWERS[2]]
    path = project_qdpx(
        tmp_path / "p.qdpx",
        {"p01": INTERVIEW},
        {"Ana": _coded("p01", ANSWERS + nothing), "Ben": _coded("p01", ben_answers + nothing)},
    )
    code, data, _, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    rows = [(u, "Ana", c) for u, c in zip("alm", [name for _, name in ANSWERS])]
    rows += [(u, "Ben", c) for u, c in zip("alm", [name for _, name in ben_answers])]
    rows += [(u, coder, "NONE") for coder in ("Ana", "Ben") for u in ("w", "q1", "q2")]
    code, long, _, err = agree(tmp_path, capsys, str(_table(tmp_path / "long.csv", rows)))
    assert code == 0, err
    assert data is not None and long is not None
    assert data["n_units"] == long["n_units"] == {"total": 6, "all": 6, "coded": 3}
    assert data["pooled"] == long["pooled"]
    assert data["pooled"]["all"]["kappa"] == pytest.approx(0.6)
    assert data["single_code"] == long["single_code"]


def _person(folder: Path, codes: list[list[Suggestion]]) -> Path:
    """A person's codings.jsonl (every probability 1) of the segments P01:0, P01:1 ..."""
    segments = []
    for i, given in enumerate(codes):
        s = Segment(f"P01:{i}", "P01", "P01", "participant", 20 * i, 20 * i + 9, "x" * 9)
        segments.append(SegmentResult(s, given))
    CodingResult(segments=segments, meta={}).save(folder)
    return folder / "codings.jsonl"


def _code(code_id: str, name: str) -> Suggestion:
    return Suggestion(code_id, name, None, 1.0)


def test_a_none_segment_of_a_persons_codings_is_coded_with_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A segment a person's codings.jsonl codes NONE is one they coded with nothing, as the
    empty suggestions apply-decisions writes for a no-code decision: not a segment left out."""
    staff, culture = _code("IS.E.2", "Available Resources"), _code("IS.C", "Culture")
    ana = _person(tmp_path / "Ana", [[staff], [culture], [culture], []])
    marked = _person(tmp_path / "Ben", [[staff], [_code("NONE", "NONE")], [culture], []])
    empty = _person(tmp_path / "Ben_empty", [[staff], [], [culture], []])
    code, data, out, err = agree(tmp_path, capsys, str(ana), str(marked))
    assert code == 0, err
    code, alike, _, err = agree(tmp_path, capsys, str(ana), str(empty))
    assert code == 0, err
    assert data is not None and alike is not None
    assert data["n_units"] == alike["n_units"] == {"total": 4, "all": 4, "coded": 3}
    assert data["pooled"] == alike["pooled"]
    assert data["pooled"]["all"]["percent_agreement"] == pytest.approx(7 / 8)
    assert "(Ben: 'NONE' 1) is read as no code" in out


def test_a_coder_whose_every_coding_is_none_is_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before: exit 2, "0 units ()"; with a third coder, Ben's rows blank and the pooled
    figures Ana's and Cara's alone."""
    ana = _coded("p01", ANSWERS)
    ben = _coded("p01", [(span, "NONE") for span, _ in ANSWERS] + [(WEEKEND, "NONE")])
    path = project_qdpx(tmp_path / "p.qdpx", {"p01": INTERVIEW}, {"Ana": ana, "Ben": ben})
    code, data, _, err = agree(tmp_path, capsys, str(path))
    assert code == 0, err
    assert data is not None
    assert data["n_units"] == {"total": 8, "all": 8, "coded": 3}
    assert data["pooled"]["all"]["kappa"] == 0.0
    three = project_qdpx(
        tmp_path / "three.qdpx", {"p01": INTERVIEW}, {"Ana": ana, "Ben": ben, "Cara": ana}
    )
    code, data, _, err = agree(tmp_path, capsys, str(three))
    assert code == 0, err
    assert data is not None
    pairs = {(p["coder_a"], p["coder_b"]): p["all"] for p in data["pairs"]}
    assert pairs[("Ana", "Ben")]["n_units"] == 8
    assert pairs[("Ana", "Ben")]["kappa"] == 0.0
    assert pairs[("Ana", "Cara")]["kappa"] == 1.0
    assert data["pooled"]["all"]["kappa"] == pytest.approx(1 / 3)


# -- M2: NONE is judged by the code as agree compares it ----------------------------------------


@pytest.mark.parametrize("name", ["", "None", " NONE "])
def test_a_codebook_code_is_never_none_whatever_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """IS.E.2 with an empty name (or one named None) is IS.E.2, the code agree compares."""
    staff, culture = _code("IS.E.2", "Available Resources"), _code("IS.C", "Culture")
    ana = _person(tmp_path / "Ana", [[staff], [culture], [staff], []])
    ben = _person(tmp_path / "Ben", [[_code("IS.E.2", name)], [culture], [staff], []])
    named = _person(tmp_path / "Ben_named", [[staff], [culture], [staff], []])
    code, data, out, err = agree(tmp_path, capsys, str(ana), str(ben))
    assert code == 0, err
    code, alike, _, err = agree(tmp_path, capsys, str(ana), str(named))
    assert code == 0, err
    assert data is not None and alike is not None
    assert data["pooled"] == alike["pooled"]
    assert data["pooled"]["all"]["kappa"] == 1.0
    assert "coded with nothing" not in out


def test_a_none_node_under_another_code_is_a_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``Staff training > None`` ("no training received") is compared as the code it is."""
    ana = _coded(
        "p01",
        [(STAFF, "Available Resources"), (STAFF, "None"), (MANAGER, "Some"), (MONEY, "None")],
    )
    ben = _coded("p01", [(STAFF, "Available Resources"), (STAFF, "Some"), (MANAGER, "Some")])
    parents = {"None": "Staff training", "Some": "Staff training"}
    path = project_qdpx(tmp_path / "p.qdpx", {"p01": INTERVIEW}, {"Ana": ana, "Ben": ben}, parents)
    code, data, out, err = agree(tmp_path, capsys, str(path), "--by", "code")
    assert code == 0, err
    assert data is not None
    assert data["n_units"] == {"total": 6, "all": 6, "coded": 3}
    assert data["pooled"]["all"]["kappa"] == pytest.approx(8 / 17)
    assert "coded with nothing" not in out
    none = next(c for c in data["per_code"] if c["name"] == "None")
    assert none["units_coded"] == {"Ana": 2, "Ben": 0}


def test_a_transcript_marked_none_is_said_judged_not_perhaps_uncoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ben marks p02's three answers NONE (read, nothing applies). The note said "Ben coded
    nothing in p02 ... if Ben did not code p02, take its segments out of Ben's codings (its lines
    of codings.jsonl ...)", advice for a transcript perhaps never read, of one he judged. A
    transcript he left with no coding at all, as p03 here in codings.jsonl, keeps the advice."""
    ana = _coded("p01", ANSWERS) + _coded("p02", ANSWERS)
    ben = _coded("p01", ANSWERS) + _coded("p02", [(span, "NONE") for span, _ in ANSWERS])
    path = project_qdpx(
        tmp_path / "p.qdpx", {"p01": INTERVIEW, "p02": INTERVIEW}, {"Ana": ana, "Ben": ben}
    )
    code, data, out, err = agree(tmp_path, capsys, str(path))
    assert code == 0 and data is not None, err
    note = (
        "Ben coded p02 with nothing but NONE (3 units, each coded by another coder): counted as "
        "Ben judging that no code applies there, which agrees with another coder's no code and "
        "not with their codes, as Ben said by coding NONE (read, nothing applies)"
    )
    assert note in data["notes"]
    assert f"Note: {note}." in out
    assert "coded nothing in" not in out
    assert "did not code" not in out


def test_a_persons_codings_say_none_and_nothing_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In codings.jsonl, Ben's p02 segments are NONE, his p03 segments carry no code: p02 he
    judged, p03 may be one he did not code."""

    def seg(t: str, i: int, codes: list[Suggestion]) -> SegmentResult:
        text = "x" * 9
        return SegmentResult(
            Segment(f"{t}:{i}", t, "P01", "participant", 10 * i, 10 * i + 9, text), codes
        )

    x = [_code("X", "X")]
    ann = [seg(t, i, x) for t in ("p01", "p02", "p03") for i in range(2)]
    ben = [seg("p01", i, x) for i in range(2)]
    ben += [seg("p02", i, [_code("NONE", "NONE")]) for i in range(2)]
    ben += [seg("p03", i, []) for i in range(2)]
    CodingResult(ann).save(tmp_path / "ann")
    CodingResult(ben).save(tmp_path / "ben")
    code, data, out, err = agree(tmp_path, capsys, str(tmp_path / "ann"), str(tmp_path / "ben"))
    assert code == 0 and data is not None, err
    assert (
        "ben coded p02 with nothing but NONE (2 units, each coded by another coder): counted as "
        "ben judging that no code applies there, which agrees with another coder's no code and "
        "not with their codes, as ben said by coding NONE (read, nothing applies)"
    ) in data["notes"]
    assert (
        "ben coded nothing in p03 (2 units, each coded by another coder): counted as ben "
        "judging that no code applies there, which agrees with another coder's no code and not "
        "with their codes; if ben did not code p03, take its segments out of ben's codings"
    ) in " ".join(data["notes"])


def test_a_long_tables_transcript_of_none_rows_is_said_judged_not_perhaps_uncoded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same in a long table (hunt s80 F8): Ben's rows of p02 all say NONE, those of p03 are
    empty. The note said "ben coded nothing in p02 ... take its segments out" of both, as the
    table kept no word of which empty cells were NONE."""

    def seg(t: str, i: int) -> SegmentResult:
        return SegmentResult(
            Segment(f"{t}:{i}", t, "P01", "participant", 10 * i, 10 * i + 9, "x" * 9),
            [_code("X", "X")],
        )

    CodingResult([seg(t, i) for t in ("p01", "p02", "p03") for i in range(2)]).save(
        tmp_path / "ann"
    )
    table = tmp_path / "ben.csv"
    table.write_text(
        "unit,coder,code\np01:0,ben,X\np01:1,ben,X\np02:0,ben,NONE\np02:1,ben,no code\n"
        "p03:0,ben,\np03:1,ben,\n",
        encoding="utf-8",
    )
    code, data, _, err = agree(tmp_path, capsys, str(tmp_path / "ann"), str(table))
    assert code == 0 and data is not None, err
    judged = (
        "counted as ben judging that no code applies there, which agrees with another coder's no "
        "code and not with their codes"
    )
    assert [n for n in data["notes"] if n.startswith("ben coded")] == [
        f"ben coded p02 with nothing but NONE (2 units, each coded by another coder): {judged}, "
        "as ben said by coding NONE (read, nothing applies)",
        f"ben coded nothing in p03 (2 units, each coded by another coder): {judged}; if ben did "
        "not code p03, take its segments out of ben's codings (its lines of codings.jsonl, its "
        "rows of a long table): a transcript a coder has no segment of is missing for them, as "
        "in a QDA project",
    ]
