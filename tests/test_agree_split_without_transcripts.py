"""A coder's segment cut in two at a space is joined again when the codings come alone.

Tester, session 67: two people's ``codings.jsonl`` of four interviews (tests/data/agree_split:
Ben cut rm03:0006 at a space and gave both halves CI.B barrier; ``transcripts.jsonl`` is the
run's, kept apart from the codings). With a ``transcripts.jsonl`` beside the codings the halves
were joined again, as docs/agreement.md says; with the codings alone (what a colleague e-mails)
the space between them (rm03:@816-817) stayed a unit of its own that only Ann coded, which kept
the halves apart: 38 units, kappa 0.787 and valence n=23 for the 35 units, kappa 0.779 and
valence n=22 of the segments. The space's text is in Ann's segment, which covers it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from roqa_nlp.coding_agreement import agreement_report, coded_units_from_results
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult
from test_cli_agree import run
from test_coding_agreement import BUDGET, LEAD, TALK, suggestion

pytestmark = pytest.mark.filterwarnings("error")

SPLIT = Path(__file__).parent / "data" / "agree_split"


def alone(spans: list[tuple[str, int, int, str]], text: str | None = None) -> CodingResult:
    """A person's codings of TALK's participant turns with no transcript (a codings.jsonl
    alone): segments ``(id, start, end, code)``, each with its text (or ``text``)."""
    segs = [
        SegmentResult(
            Segment(sid, "P01", "P01", "participant", a, b, TALK[a:b] if text is None else text),
            [suggestion(code)],
        )
        for sid, a, b, code in spans
    ]
    return CodingResult(segments=segs, transcripts={})


MID = TALK.index(" We had")
BEN = [("P01:0001a", BUDGET[0], MID, "X"), ("P01:0001b", MID + 1, BUDGET[1], "X")] + [
    ("P01:0002", *LEAD, "Z")
]


def test_the_space_between_a_coders_halves_is_read_from_another_coders_segment() -> None:
    """As tests/test_coding_agreement.py's case with the transcript: 2 units, kappa 0.25."""
    ann = alone([("P01:0001", *BUDGET, "X"), ("P01:0002", *LEAD, "Y")])
    cu = coded_units_from_results({"Ann": ann, "Ben": alone(BEN)})
    assert [(u.start, u.end) for u in cu.units] == [BUDGET, LEAD]
    pooled = agreement_report(cu, n_boot=0).pooled["all"]
    assert pooled.n_units == 2
    assert pooled.percent_agreement == pytest.approx(4 / 6)
    assert pooled.kappa == pytest.approx(0.25)


def test_a_space_no_segment_holds_the_text_of_is_a_unit_as_before() -> None:
    """Ann's segment text does not fit its offsets: the space is not known to be one, and stays
    a unit (only Ann coded it, so it is not compared)."""
    ann = alone([("P01:0001", *BUDGET, "X")], text="not this text")
    ben = alone(BEN[:2])
    cu = coded_units_from_results({"Ann": ann, "Ben": ben})
    assert [(u.start, u.end) for u in cu.units] == [
        (BUDGET[0], MID),
        (MID, MID + 1),
        (MID + 1, BUDGET[1]),
    ]


def agree_json(tmp_path: Path, name: str, folders: list[Path], capsys) -> dict:
    out = tmp_path / f"{name}.json"
    code, _, err = run(["agree", *map(str, folders), "--json", str(out)], capsys)
    assert code == 0, err
    found = json.loads(out.read_text(encoding="utf-8"))
    found.pop("inputs")
    return found


def test_agree_on_codings_alone_gives_the_figures_with_their_transcripts(tmp_path, capsys) -> None:
    """The tester's hand figures (hand/ann_ben.json): 35 units; 968 of 980 decisions agree,
    each coder gives 28 codes, so kappa = (968 * 980 - 28^2 - 952^2) / (980^2 - 28^2 - 952^2)
    = 41552 / 53312; valence n = 22. And every figure, intervals too, is the one given with the
    transcripts.jsonl beside each coder's codings."""
    alone_ = agree_json(tmp_path, "alone", [SPLIT / "Ann", SPLIT / "Ben"], capsys)
    assert alone_["n_units"] == {"total": 36, "all": 35, "coded": 27}
    assert alone_["pooled"]["all"]["kappa"] == pytest.approx(41552 / 53312)
    assert alone_["pooled"]["all"]["alpha"] == pytest.approx(0.779524, abs=1e-6)
    assert alone_["valence"]["n_pairs"] == 22
    assert alone_["valence"]["kappa"] == pytest.approx(0.815126, abs=1e-6)
    assert not any("816-817" in note for note in alone_["notes"])
    beside = []
    for coder in ("Ann", "Ben"):
        folder = tmp_path / coder
        shutil.copytree(SPLIT / coder, folder)
        shutil.copy(SPLIT / "transcripts.jsonl", folder / "transcripts.jsonl")
        beside.append(folder)
    assert agree_json(tmp_path, "beside", beside, capsys) == alone_
