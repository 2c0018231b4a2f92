"""Specification: a person's coding translated into the codebook compared in (a CFIR 2009
review compared with ``--codebook cfir-2022``) cannot express the codes no code of their
codebook maps onto, as a model coding in it cannot (tester cfir2, session 65: Dana's CFIR 2009
review beside Mira's CFIR 2.0 gold, 6 of Mira's codes with no 2009 source counted as plain
disagreements Dana "missed", kappa 0.541, no note, no mark, JSON ``unreachable`` null). They get
the note, the † and the JSON ``unreachable`` a translated model's get."""

from __future__ import annotations

from pathlib import Path

from agree_helpers import agree
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion


def person_run(
    folder: Path, codes: list[list[tuple[str, str]]], name: str = "Dana", book: str = "cfir-2009"
) -> Path:
    """Dana's CFIR 2009 codings of T1:0..3 (``codes``: each segment's codes), or ``name``'s in
    ``book``."""
    segments = [
        SegmentResult(
            Segment(f"T1:{i}", "T1", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9),
            [Suggestion(c, name, None, 1.0) for c, name in cs],
        )
        for i, cs in enumerate(codes)
    ]
    meta = {"user": {"name": name}, "codebook": {"id": book}}
    CodingResult(segments=segments, meta=meta).save(folder)
    return folder


def test_codes_a_translated_person_cannot_express_are_said_as_for_a_model(tmp_path, capsys) -> None:
    """Dana (CFIR 2009): Structural Characteristics, Available Resources twice, nothing.
    Hannah (CFIR 2.0): Structural Characteristics; Critical Incidents; Critical Incidents and
    Available Resources; Local Conditions. OUT.A and OUT.C have no CFIR 2009 source: T1:1 and
    T1:3 carry only such codes (T1:2 also Available Resources, which Dana can give)."""
    dana = person_run(
        tmp_path / "dana09",
        [
            [("IS.A", "Structural Characteristics")],
            [("IS.E.2", "Available Resources")],
            [("IS.E.2", "Available Resources")],
            [],
        ],
    )
    csv = tmp_path / "gold.csv"
    csv.write_text(
        "unit,coder,code\nT1:0,Hannah,Structural Characteristics\nT1:1,Hannah,Critical Incidents\n"
        "T1:2,Hannah,Critical Incidents\nT1:2,Hannah,Available Resources\n"
        "T1:3,Hannah,Local Conditions\n",
        encoding="utf-8",
    )
    code, data, printed, err = agree(
        tmp_path, capsys, str(dana), str(csv), "--codebook", "cfir-2022", "--by", "code"
    )
    assert code == 0, err
    assert data is not None
    note = (
        "codes no cfir-2009 code maps onto were applied (OUT.A Critical Incidents, OUT.C Local "
        "Conditions, marked † in the table of each code): Dana coded in cfir-2009, no code of "
        "which maps onto them in cfir-2022, so they count as Dana's disagreements, ones the "
        "mapping makes, not a reading of the text (Hannah: 2 coded units carry only such codes)"
    )
    assert note in data["notes"]
    assert f"Note: {note}." in printed
    assert data["unreachable"] == {
        "from": "cfir-2009",
        "models": [],
        "people": ["Dana"],
        "codes": ["OUT.A", "OUT.C"],
        "units": {"Hannah": 2},
    }
    assert "OUT.A † " in printed
    assert "INS.A † " not in printed


def test_a_person_coding_in_the_codebook_compared_in_gets_no_such_note(tmp_path, capsys) -> None:
    """Both in CFIR 2009, compared in it: nothing is beyond a mapping."""
    dana = person_run(tmp_path / "dana09", [[("IS.A", "Structural Characteristics")], [], [], []])
    csv = tmp_path / "gold.csv"
    csv.write_text("unit,coder,code\nT1:0,Hannah,Champions\nT1:1,Hannah,Cost\n", encoding="utf-8")
    code, data, _, err = agree(tmp_path, capsys, str(dana), str(csv), "--codebook", "cfir-2009")
    assert code == 0, err
    assert data is not None
    assert data["unreachable"] is None


def test_people_translated_from_two_codebooks_get_no_note_giving_one_the_others_codes(
    tmp_path, capsys
) -> None:
    """Hunt s65 (h_agree, R2): Eve (erondu-2021) and Mira (CFIR 2.0), both translated into CFIR
    2009 beside Dana, were said to have "coded in erondu-2021", Mira's codes among those no
    erondu-2021 code maps onto. People from several codebooks get no such note, as before."""
    dana = person_run(
        tmp_path / "dana09", [[("IC.C", "Relative Advantage")], [("IS.A", "Structural")], [], []]
    )
    eve = person_run(
        tmp_path / "eve", [[("T1.1", "x")], [("T1.2", "x")], [], []], "Eve", "erondu-2021"
    )
    mira = person_run(
        tmp_path / "mira", [[("INN.B", "x")], [("INS.A", "x")], [], []], "Mira", "cfir-2022"
    )
    code, data, printed, err = agree(
        tmp_path, capsys, str(dana), str(eve), str(mira), "--codebook", "cfir-2009"
    )
    assert code == 0, err
    assert data is not None
    assert data["unreachable"] is None
    assert not [n for n in data["notes"] if "maps onto were applied" in n]
