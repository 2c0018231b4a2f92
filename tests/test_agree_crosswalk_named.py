"""Specification: a coder's own code named as a code of the codebook ``roqa agree --codebook``
compares in counts as that code.

A CFIR 2009 review may name a new code "Critical Incidents" (``project.critical-incidents``,
or a QDA program's GUID, or the name typed as the code in a hand-made codings.jsonl): CFIR 2009
lacks it, CFIR 2.0 has it (OUT.A). ``roqa agree --codebook cfir-2022`` said "1 code matched by
name to codebook cfir-2022 ... 'Critical Incidents'" and then dropped it: the crosswalk from
CFIR 2009 found no counterpart for OUT.A, a code already of CFIR 2.0, so the coder had 0 units
of OUT.A against the other coder's 1 and one coding fewer (tester, session 42: Chris 71
codings in 47 units, where ``roqa export`` charted 72).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run

GUID = "11111111-2222-4333-8444-555555555555"


def seg(i: int, codes: list[tuple[str, str]]) -> SegmentResult:
    s = Segment(f"p01:{i}", "p01", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(c, n, None, 1.0) for c, n in codes])


def coders(tmp_path: Path, own_id: str, *, recorded: bool) -> tuple[Path, Path]:
    """Ann coded in CFIR 2009 with her own code ``own_id`` "Critical Incidents" on p01:0 and
    Culture (IS.C) on p01:1; Ben in CFIR 2.0, Critical Incidents (OUT.A) and Culture (INS.D).
    ``recorded``: Ann's folder records her project codebook, as roqa apply-decisions writes it
    (else her codings.jsonl stands alone, made by hand)."""
    ann, ben = tmp_path / "Ann", tmp_path / "Ben"
    meta = {"user": {"name": "Ann"}, "source": "roqa apply-decisions"}
    if recorded:
        meta["codebook"] = {"id": "cfir-2009+project", "hash": "ab12"}
    CodingResult(
        [seg(0, [(own_id, "Critical Incidents")]), seg(1, [("IS.C", "Culture")])], meta=meta
    ).save(ann)
    if not recorded:
        (ann / "run.json").unlink()
    CodingResult(
        [seg(0, [("OUT.A", "Critical Incidents")]), seg(1, [("INS.D", "Culture")])],
        meta={"user": {"name": "Ben"}, "source": "roqa apply-decisions"},
    ).save(ben)
    return ann, ben


@pytest.mark.parametrize(
    ("own_id", "recorded"),
    [
        ("project.critical-incidents", True),  # a new code named in a review
        (GUID, True),  # a code made in a QDA program
        ("Critical Incidents", False),  # the name typed as the code, by hand
    ],
)
def test_an_own_code_named_as_a_cfir_2_code_is_counted_as_it(
    tmp_path, capsys, own_id: str, recorded: bool
) -> None:
    ann, ben = coders(tmp_path, own_id, recorded=recorded)
    out_json = tmp_path / "a.json"
    args = ["agree", str(ann), str(ben), "--codebook", "cfir-2022", "--n-boot", "0"]
    code, _, err = run([*args, "--json", str(out_json)], capsys)
    assert code == 0, err
    report = json.loads(out_json.read_text("utf-8"))
    units = {c["code"]: c["units_coded"] for c in report["per_code"]}
    assert units["OUT.A"] == {"Ann": 1, "Ben": 1}
    assert report["codings"]["Ann"]["codings"] == 2
    assert report["codings"]["Ann"]["units"] == 2
    assert report["pooled"]["all"]["percent_agreement"] == 1.0
