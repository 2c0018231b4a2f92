"""The notes on codes compared as written and on missing segments are given at every level and
for any number of coders: three edited codings.jsonl folders (no run.json), one with the
unknown code_id 'Leadership Engagment' and two lacking a segment each, got neither note at the
code level, though --at domain named the code and two coders counted the segments left out
(team test, session 47).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run


def seg(t: str, i: int, codes: list[str]) -> SegmentResult:
    s = Segment(f"{t}:{i:04d}", t, "P", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(c, c, None, 1.0) for c in codes])


def folders(tmp_path: Path) -> list[str]:
    codes = {1: ["IS.E.1"], 2: ["IS.C"], 3: ["PR.A"], 4: []}
    ana = [seg("rm01", i, c) for i, c in codes.items() if i != 4]  # lacks rm01:0004
    ben = [seg("rm01", i, ["Leadership Engagment"] if i == 1 else c) for i, c in codes.items()]
    cy = [seg("rm01", i, c) for i, c in codes.items() if i != 3]  # lacks rm01:0003
    out = []
    for name, segments in (("Ana", ana), ("Ben", ben), ("Cy", cy)):
        CodingResult(segments).save(tmp_path / name)
        (tmp_path / name / "run.json").unlink(missing_ok=True)
        out.append(str(tmp_path / name))
    return out


@pytest.mark.parametrize("at", ["code", "domain"])
def test_three_coders_get_the_unknown_code_and_missing_segments_notes(
    tmp_path: Path, capsys, at: str
) -> None:
    args = ["agree", *folders(tmp_path), "--n-boot", "0", "--at", at, "--json", "-"]
    code, out, err = run(args, capsys)
    assert code == 0, err
    notes = json.loads(out)["notes"]
    level = "not in codebook" if at == "code" else "in no domain of codebook"
    assert (
        f"1 code is {level} cfir-2009 and is compared as written: 'Leadership Engagment' (Ben)"
        in notes
    )
    assert (
        "of the 4 segments compared, 'Ana' has no coding of 1 (rm01:0004); 'Cy' has no coding "
        "of 1 (rm01:0003): missing for that coder, not 'no code', so each pair is figured on "
        "the units both coded"
    ) in notes


def test_two_coders_get_the_unknown_code_note_at_the_code_level(tmp_path: Path, capsys) -> None:
    ana, ben, _ = folders(tmp_path)
    code, out, err = run(["agree", ana, ben, "--n-boot", "0", "--json", "-"], capsys)
    assert code == 0, err
    assert json.loads(out)["notes"][0] == (
        "1 code is not in codebook cfir-2009 and is compared as written: "
        "'Leadership Engagment' (Ben)"
    )


def test_a_unit_only_one_coder_coded_is_named_not_its_transcript(tmp_path: Path, capsys) -> None:
    """Ana coded rm01:0001-0003 and Ben all four: only rm01:0004 is Ben's alone, not rm01."""
    ana, ben, _ = folders(tmp_path)
    code, out, err = run(["agree", ana, ben, "--n-boot", "0", "--json", "-"], capsys)
    assert code == 0, err
    assert json.loads(out)["notes"][1] == (
        "3 of 4 segments are compared (coded by two or more coders); 1 coded by one coder only "
        "is left out (only 'Ben' coded rm01:0004)"
    )


def test_a_long_csv_beside_a_run_names_the_unit_and_the_coder_as_elsewhere(
    tmp_path: Path, capsys
) -> None:
    """The CSV's units know no transcript; the run's segments of the same ids do. The coder is
    'model', as in the header line, not the path given ('../model')."""
    CodingResult([seg("rm01", i, ["IS.C"]) for i in range(1, 4)], meta={
        "model": {"codebook": "cfir-2009"}}).save(tmp_path / "model")  # fmt: skip
    (tmp_path / "sub").mkdir()
    csv = tmp_path / "ana.csv"
    csv.write_text("unit,coder,code\nrm01:0001,Ana,Culture\nrm01:0002,Ana,\n", "utf-8")
    code, out, err = run(
        ["agree", str(csv), str(tmp_path / "sub" / ".." / "model"), "--n-boot", "0", "--json", "-"],
        capsys,
    )
    assert code == 0, err
    assert (
        "2 of 3 units are compared (coded by two or more coders); 1 coded by one coder only is "
        "left out (only 'model' coded rm01:0003)"
    ) in json.loads(out)["notes"]


def test_a_transcript_only_one_coder_coded_is_named_as_a_transcript(tmp_path: Path, capsys) -> None:
    CodingResult([seg("rm01", 1, ["IS.C"]), seg("rm02", 1, ["IS.C"])]).save(tmp_path / "Ana")
    CodingResult([seg("rm01", 1, ["IS.C"])]).save(tmp_path / "Ben")
    args = ["agree", str(tmp_path / "Ana"), str(tmp_path / "Ben"), "--n-boot", "0", "--json", "-"]
    code, out, err = run(args, capsys)
    assert code == 0, err
    assert json.loads(out)["notes"] == [
        "1 of 2 segments are compared (coded by two or more coders); 1 coded by one coder only "
        "is left out (only 'Ana' coded transcript rm02)"
    ]


@pytest.mark.parametrize("book", ["cfir-2009", "cfir-2022"])
def test_the_unknown_code_note_stays_with_codebook(tmp_path: Path, capsys, book: str) -> None:
    """--codebook compares Ben's 'Leadership Engagment' as written, as without it: the note says
    so. Before, --codebook cfir-2009 left no note (JSON notes: []), so the stricter option
    reported less (tester, session 54)."""
    ana, ben, _ = folders(tmp_path)
    args = ["agree", ana, ben, "--n-boot", "0", "--codebook", book, "--json", "-"]
    code, out, err = run(args, capsys)
    assert code == 0, err
    data = json.loads(out)
    assert (
        f"1 code is not in codebook {book} and is compared as written: 'Leadership Engagment' (Ben)"
    ) in data["notes"]
    assert "Leadership Engagment" in data["codes"]
