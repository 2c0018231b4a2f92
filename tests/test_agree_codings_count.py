"""Specification of how ``roqa agree`` accounts for each coder's codings in its units.

A model's run exported to REFI-QDA and imported back holds every coding (tester, session 40:
2,068 codings exported and imported), yet ``roqa agree`` of the run and the imported codings
said "4120 units (spans), 2060 coded by someone". Nothing was lost: the imported codings are
selections, so units are character spans; eight long turns cut into two segments coded with
one code, a space apart, were one unit each (docs/agreement.md: two selections of one code a
space apart are one unit), and the text between codings (interviewers' turns, speaker labels,
set-aside segments) made the other 2,060 units, coded by no one. The summary now says so, with
each coder's codings and the units they are in. Since session 41 a model's run is compared on
its segments only (tests/test_agree_model_segments.py): the text between them is no unit. Since
session 69 two of its segments a space apart, coded alike, are one unit only where one coder's
selection spans both (tests/test_agree_span_joins.py): the run and its imported selections are
the run's segments, as docs/agreement.md's round trip says ("Those are the run's 76 segments").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.exchange import export_qdpx
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion, Transcript
from test_cli_agree import run

TEXT = (
    "Interviewer: How is the culture?\n"
    "P01: Staff here are very committed to it. Everyone pulls together on shifts.\n"
    "Interviewer: And the building?\n"
    "P01: The rooms are too small. Yes, that is fine.\n"
)


def suggested(
    n: int, quote: str, code: str, name: str, p: float, procedural: bool = False
) -> SegmentResult:
    s = TEXT.index(quote)
    seg = Segment(f"p01:{n:04d}", "p01", "P01", "participant", s, s + len(quote), quote)
    return SegmentResult(
        seg, [Suggestion(code, name, code.split(".")[0], p, "enabler")], procedural=procedural
    )


def model_run(folder: Path) -> Path:
    """The model's run: one turn cut into two segments, both Culture (a space apart); the
    rooms Structural Characteristics; "Yes, that is fine." set aside as procedural talk. So 3
    codings."""
    CodingResult(
        segments=[
            suggested(1, "Staff here are very committed to it.", "IS.C", "Culture", 0.9),
            suggested(2, "Everyone pulls together on shifts.", "IS.C", "Culture", 0.8),
            suggested(3, "The rooms are too small.", "IS.A", "Structural Characteristics", 0.7),
            suggested(4, "Yes, that is fine.", "IS.A", "Structural Characteristics", 0.1, True),
        ],
        transcripts={"p01": Transcript("p01", TEXT, [], participant="P01")},
        meta={"model": {"hash": "abcd1234ef567890"}},
    ).save(folder)
    return folder


def test_a_round_trip_through_refi_qda_accounts_for_every_coding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exported and imported, the 3 codings are 3 codings again; compared, the units are the
    run's 4 segments: the two Culture segments a space apart (two units, as no one's one
    selection spans both: session 69), the rooms, and the set-aside 'Yes, that is fine.', coded
    by no one. The questions and speaker labels, outside the run's segments, are no units
    (before 8af1331: 5 units, 2 coded by someone, with the two questions with 'P01: ' two units
    coded by no one; from session 41 to 68 the Culture segments were joined as neighbours: 3
    units, 2 coded by someone). Agreement is perfect; the summary says 3 codings in 3 units
    for each coder, and what the uncoded unit is."""
    run_dir = model_run(tmp_path / "w")
    export_qdpx(CodingResult.read(run_dir), "cfir-2009", tmp_path / "w.qdpx")
    code, said, err = run(
        ["import", str(tmp_path / "w.qdpx"), "--out", str(tmp_path / "imp")], capsys
    )
    assert code == 0, err
    imported = next((tmp_path / "imp" / "codings").iterdir())
    assert sum(len(s.suggestions) for s in CodingResult.read(imported).segments) == 3

    figures = tmp_path / "agree.json"
    code, said, err = run(
        ["agree", str(run_dir), str(imported), "--n-boot", "0", "--json", str(figures)], capsys
    )
    assert code == 0, err
    said = " ".join(said.split())
    other = imported.name
    assert f"2 coders: w (model), {other} (model); 4 units (spans), 3 coded by someone;" in said
    assert (
        "Units are character spans: each transcript's text is cut wherever a coder's coding "
        "starts or ends, so the 1 unit coded by no one is text no coder coded, such as a "
        "model's segments it gave no code (procedural talk, passages set aside) that no other "
        "coder coded either. Codings (a code on one segment or selection) and the units they "
        f"are in: w: 3 in 3 units; {other}: 3 in 3 units."
    ) in said
    data = json.loads(figures.read_text("utf-8"))
    assert data["n_units"] == {"total": 4, "all": 4, "coded": 3}
    tally = {
        "codings": 3,
        "units": 3,
        "joined": 0,
        "several_codes": 0,
        "cut": 0,
        "outside": 0,
        "rolled_up": 0,
    }
    assert data["codings"] == {"w": tally, other: tally}
    assert data["pooled"]["all"]["percent_agreement"] == 1.0


def test_a_selection_over_two_segments_is_cut_and_its_codes_counted_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bob selected both sentences of the first answer with Culture and Structural
    Characteristics; the model gave the first Culture, the second Structural Characteristics
    (and the rooms Structural Characteristics). Units: the two sentences (each Bob's two codes),
    the rooms, and the set-aside 'Yes, that is fine.', coded by no one: 4, 3 coded by someone
    (before: 6, with the questions and labels outside the model's segments). The model's 3
    codings are in 3 units; Bob's 2 codings are in 2 units: each is cut in two (2 more), and
    each unit holds both (2 fewer)."""
    first = "Staff here are very committed to it."
    second = "Everyone pulls together on shifts."
    CodingResult(
        segments=[
            suggested(1, first, "IS.C", "Culture", 0.9),
            suggested(2, second, "IS.A", "Structural Characteristics", 0.8),
            suggested(3, "The rooms are too small.", "IS.A", "Structural Characteristics", 0.7),
            suggested(4, "Yes, that is fine.", "IS.A", "Structural Characteristics", 0.1, True),
        ],
        transcripts={"p01": Transcript("p01", TEXT, [], participant="P01")},
        meta={"model": {"hash": "abcd1234ef567890"}},
    ).save(tmp_path / "w")
    lo = TEXT.index(first)
    hi = TEXT.index(second) + len(second)
    both = Segment("p01:@1", "p01", "P01", "participant", lo, hi, TEXT[lo:hi])
    CodingResult(
        segments=[
            SegmentResult(
                both,
                [
                    Suggestion("IS.C", "Culture", "IS", 1.0, "enabler"),
                    Suggestion("IS.A", "Structural Characteristics", "IS", 1.0, "enabler"),
                ],
            )
        ],
        transcripts={"p01": Transcript("p01", TEXT, [], participant="P01")},
        meta={"source": "REFI-QDA", "user": {"name": "Bob"}},
    ).save(tmp_path / "Bob")
    figures = tmp_path / "agree.json"
    code, said, err = run(
        [
            "agree",
            str(tmp_path / "w"),
            str(tmp_path / "Bob"),
            "--n-boot",
            "0",
            "--json",
            str(figures),
        ],
        capsys,
    )
    assert code == 0, err
    said = " ".join(said.split())
    assert "2 coders: w (model), Bob; 4 units (spans), 3 coded by someone;" in said
    assert (
        "so the 1 unit coded by no one is text no coder coded, such as a model's segments it "
        "gave no code (procedural talk, passages set aside) that no other coder coded either. "
        "Codings (a code on one segment or selection) "
        "and the units they are in: w: 3 in 3 units; Bob: 2 in 2 units (2 fewer as several "
        "codes, 2 more as cut). Several codes: a unit a coder coded with several codes holds "
        "that many of their codings. Cut: a coding within which another coder's coding starts "
        "or ends is one unit per piece."
    ) in said
    data = json.loads(figures.read_text("utf-8"))
    assert data["codings"] == {
        "w": {
            "codings": 3,
            "units": 3,
            "joined": 0,
            "several_codes": 0,
            "cut": 0,
            "outside": 0,
            "rolled_up": 0,
        },
        "Bob": {
            "codings": 2,
            "units": 2,
            "joined": 0,
            "several_codes": 2,
            "cut": 2,
            "outside": 0,
            "rolled_up": 0,
        },
    }


CSV = "unit,coder,code\nu1,Ann,Culture\nu1,Ann,Cost\nu1,Ben,Culture\nu2,Ann,\nu2,Ben,Cost\n"


def test_units_by_name_say_how_many_codes_a_unit_holds_only_when_that_differs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A long CSV: Ann gave u1 Culture and Cost and u2 nothing, Ben u1 Culture and u2 Cost. Ann's
    2 codings are in 1 unit, Ben's in 2. When every coder's codings are as many as the units
    they coded (Ben alone with Ann's second code dropped), no line is printed."""
    table = tmp_path / "codings.csv"
    table.write_text(CSV, encoding="utf-8")
    code, said, err = run(["agree", str(table), "--n-boot", "0"], capsys)
    assert code == 0, err
    said = " ".join(said.split())
    assert "2 coders: Ann, Ben; 2 units, 2 coded by someone; 2 codes used. " in said
    assert (
        "2 codes used. Codings (a code on one unit) and the units they are in: Ann: 2 in 1 unit "
        "(1 fewer as several codes); Ben: 2 in 2 units. Several codes: a unit a coder coded "
        "with several codes holds that many of their codings. Pooled over every code"
    ) in said
    table.write_text(CSV.replace("u1,Ann,Cost\n", ""), encoding="utf-8")
    code, said, err = run(["agree", str(table), "--n-boot", "0"], capsys)
    assert code == 0, err
    said = " ".join(said.split())
    assert "Codings (" not in said
    assert "2 coded by someone; 2 codes used. Pooled over every code" in said


def test_a_coding_no_other_coder_judged_is_counted_outside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bob coded the first question (outside the model's segments, so compared with no one)
    and the first sentence, both Culture. Only the sentence enters the figures: his 2 codings
    are in 1 compared unit, 1 outside (tester, session 50: "Priya: 20 in 20 units", JSON
    outside 0, while a note said 2 of them were compared with no one). The model's Culture
    segments a space apart are kept apart by Bob's boundary: 3 codings in 3 units."""
    model_run(tmp_path / "w")
    first = "Staff here are very committed to it."
    question = "Interviewer: How is the culture?"
    culture = [Suggestion("IS.C", "Culture", "IS", 1.0, "enabler")]
    CodingResult(
        segments=[
            SegmentResult(
                Segment(f"p01:@{k}", "p01", "P01", "participant", lo, lo + len(q), q), culture
            )
            for k, q in enumerate((question, first))
            for lo in [TEXT.index(q)]
        ],
        transcripts={"p01": Transcript("p01", TEXT, [], participant="P01")},
        meta={"source": "REFI-QDA", "user": {"name": "Bob"}},
    ).save(tmp_path / "Bob")
    figures = tmp_path / "agree.json"
    code, said, err = run(
        ["agree", str(tmp_path / "w"), str(tmp_path / "Bob"), "--n-boot", "0"]
        + ["--json", str(figures)],
        capsys,
    )
    assert code == 0, err
    said = " ".join(said.split())
    assert (
        "Codings (a code on one segment or selection) and the units they are in: w: 3 in 3 "
        "units; Bob: 2, of which 1 in 1 unit and 1 outside. Outside: a coding of "
        "text with no letter or digit, outside the text compared, or of units no other coder "
        "coded, is in no unit compared."
    ) in said
    data = json.loads(figures.read_text("utf-8"))
    assert data["codings"]["Bob"] == {
        "codings": 2,
        "units": 1,
        "joined": 0,
        "several_codes": 0,
        "cut": 0,
        "outside": 1,
        "rolled_up": 0,
    }


def test_a_csv_unit_only_one_coder_coded_is_counted_outside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ann coded u1 to u3, Ben u1 and u2: Ann's code on u3 enters no figure."""
    table = tmp_path / "codings.csv"
    table.write_text(
        "unit,coder,code\nu1,Ann,Culture\nu2,Ann,Cost\nu3,Ann,Cost\nu1,Ben,Culture\nu2,Ben,\n",
        encoding="utf-8",
    )
    figures = tmp_path / "agree.json"
    code, said, err = run(["agree", str(table), "--n-boot", "0", "--json", str(figures)], capsys)
    assert code == 0, err
    said = " ".join(said.split())
    assert (
        "Codings (a code on one unit) and the units they are in: Ann: 3, of which 2 in 2 units "
        "and 1 outside; Ben: 1 in 1 unit."
    ) in said
    data = json.loads(figures.read_text("utf-8"))
    assert data["codings"]["Ann"] == {
        "codings": 3,
        "units": 2,
        "joined": 0,
        "several_codes": 0,
        "cut": 0,
        "outside": 1,
        "rolled_up": 0,
    }


#: Ann coded u1 with two sub-constructs of Implementation Climate (IS.D), Ben with one.
TWO_OF_ONE_CONSTRUCT = (
    "unit,coder,code\nu1,Ann,Tension for Change\nu1,Ann,Compatibility\nu1,Ben,Tension for Change\n"
    "u2,Ann,Cost\nu2,Ben,Cost\n"
)


@pytest.mark.parametrize("at", ["construct", "domain"])
def test_codes_mapped_up_to_one_code_are_counted_as_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    """At --at construct (or domain) Ann's two codings of u1 are one Implementation Climate
    (Inner Setting) there. Before, her codings were counted as mapped, 2 in 2 units, and the
    codings line was not printed: a researcher comparing with the 3 codings of their QDA
    program saw one fewer, unsaid (session 57)."""
    table = tmp_path / "codings.csv"
    table.write_text(TWO_OF_ONE_CONSTRUCT, encoding="utf-8")
    figures = tmp_path / "agree.json"
    code, said, err = run(
        ["agree", str(table), "--codebook", "cfir-2009", "--at", at, "--n-boot", "0"]
        + ["--json", str(figures)],
        capsys,
    )
    assert code == 0, err
    said = " ".join(said.split())
    assert (
        "Codings (a code on one unit) and the units they are in: Ann: 3 in 2 units (1 fewer as "
        "mapped up to one code); Ben: 2 in 2 units. Mapped up to one code: a coder's codes of "
        "one segment or unit that count as one construct or domain (--at) are one code there, "
        "though given as several codings."
    ) in said
    data = json.loads(figures.read_text("utf-8"))
    assert data["codings"]["Ann"] == {
        "codings": 3,
        "units": 2,
        "joined": 0,
        "several_codes": 0,
        "cut": 0,
        "outside": 0,
        "rolled_up": 1,
    }


def test_a_results_codes_mapped_up_to_one_code_are_counted_as_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same of two people's codings.jsonl: Ann's segment T1:0 holds Tension for Change and
    Compatibility, one Implementation Climate at the construct level."""
    from test_cli_agree import seg, write_result

    ann = write_result(tmp_path / "Ann", [seg(0, ["IS.D.1", "IS.D.2"]), seg(1, ["IC.H"])])
    ben = write_result(tmp_path / "Ben", [seg(0, ["IS.D.1"]), seg(1, ["IC.H"])])
    figures = tmp_path / "agree.json"
    code, said, err = run(
        ["agree", str(ann), str(ben), "--codebook", "cfir-2009", "--at", "construct"]
        + ["--n-boot", "0", "--json", str(figures)],
        capsys,
    )
    assert code == 0, err
    assert "Ann: 3 in 2 units (1 fewer as mapped up to one code); Ben: 2 in 2 units." in " ".join(
        said.split()
    )
    data = json.loads(figures.read_text("utf-8"))
    assert (data["codings"]["Ann"]["codings"], data["codings"]["Ann"]["rolled_up"]) == (3, 1)


def test_codings_outside_are_said_apart_from_those_in_the_units_compared() -> None:
    """Blind tester loop, s64: "coded: 58 in 28 units (30 fewer as outside)" read as 58
    codings in 28 units; 28 were compared, in 28 units, and 30 outside them. A unit joined
    beside codings outside: its reason stays with the units."""
    from types import SimpleNamespace

    from roqa_nlp.cli.agree_cmd import codings_line

    def tally(codings: int, units: int, **why: int) -> dict[str, int]:
        keys = ("joined", "several_codes", "cut", "outside", "rolled_up")
        return {"codings": codings, "units": units, **{k: why.get(k, 0) for k in keys}}

    report = SimpleNamespace(
        unit_kind="segments",
        coders=["coded", "rev", "Bob"],
        codings={
            "coded": tally(58, 28, outside=30),
            "rev": tally(28, 28),
            "Bob": tally(5, 2, joined=1, outside=2),
        },
    )
    assert codings_line(report).split(". ")[0] == (
        "Codings (a code on one segment) and the units they are in: coded: 58, of which 28 in "
        "28 units and 30 outside; rev: 28 in 28 units; Bob: 5, of which 3 in 2 units (1 fewer "
        "as joined) and 2 outside"
    )


def test_a_coder_whose_every_coding_is_outside_is_said_so() -> None:
    """Hunt s64 (D3): "X: 2, of which 0 in 0 units and 2 outside" when every coding of a coder
    is outside the units compared."""
    from types import SimpleNamespace

    from roqa_nlp.cli.agree_cmd import codings_line

    def tally(codings: int, units: int, **why: int) -> dict[str, int]:
        keys = ("joined", "several_codes", "cut", "outside", "rolled_up")
        return {"codings": codings, "units": units, **{k: why.get(k, 0) for k in keys}}

    report = SimpleNamespace(
        unit_kind="segments",
        coders=["X", "Y"],
        codings={"X": tally(2, 0, outside=2), "Y": tally(1, 0, outside=1)},
    )
    assert codings_line(report).split(". ")[0] == (
        "Codings (a code on one segment) and the units they are in: X: 2, all outside the units "
        "compared; Y: 1, outside the units compared"
    )


def test_joined_says_plainly_that_one_coders_passage_made_one_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Session 70 (s69 testers): "Joined: a coder's codings of one code that overlap, or that
    another coder's one selection or segment spans (a space or line break apart), are one
    unit." read as a riddle. Alice coded two sentences of one answer Staffing, Bob the answer
    as one passage: Alice's two codings are one unit, and the line says why in plain words."""
    import uuid

    from test_refiqda import build_qdpx, project_xml

    alice, bob = "00000000-0000-4000-8000-0000000000aa", "00000000-0000-4000-8000-0000000000bb"
    staffing = "00000000-0000-4000-8000-000000000001"

    def coded(user: str, start: int, end: int) -> str:
        return (
            f'<PlainTextSelection guid="{uuid.uuid4()}" startPosition="{start}" '
            f'endPosition="{end}"><Coding guid="{uuid.uuid4()}" creatingUser="{user}">'
            f'<CodeRef targetGUID="{staffing}"/></Coding></PlainTextSelection>'
        )

    text = "Interviewer: Staffing?\nP01: We lacked staff. Agency cover was hard to get.\n"
    a, mid, b = text.index("We"), text.index("staff.") + 6, text.index("get.") + 4
    inside = coded(alice, a, mid) + coded(alice, mid + 1, b) + coded(bob, a, b)
    src = (
        '<TextSource guid="00000000-0000-4000-8000-000000000010" name="p01" '
        f'plainTextPath="internal://p01.txt">{inside}</TextSource>'
    )
    users = f'<User guid="{alice}" name="Alice"/><User guid="{bob}" name="Bob"/>'
    path = build_qdpx(
        tmp_path / "q.qdpx", project_xml(src, users=users), {"sources/p01.txt": text.encode()}
    )
    code, out, err = run(["agree", str(path), "--n-boot", "0"], capsys)
    assert code == 0, err
    said = " ".join(out.split())
    assert "Alice: 2 in 1 unit (1 fewer as joined); Bob: 1 in 1 unit." in said
    assert (
        "Joined: a coder's codings of one code are counted as one unit when they overlap, or "
        "when only a space or line break lies between them and another coder selected them as "
        "one passage (one selection or segment spanning both)."
    ) in said
