"""Specification: a review of the model's suggestions is not independent coding.

A reviewer who accepted, rejected or recoded the model's suggestions in ``report.html`` (then
``roqa apply-decisions --coder``) keeps the model's valence wherever they kept its code, and
their codes are largely the suggestions they accepted: compared with that model, or with
another review of the same suggestions, the figures measure agreement with the suggestions,
not independent reliability (tester, session 38: model-Alice valence agreement 100% by
construction, code kappa 0.716 an acceptance rate). ``roqa agree`` says so in one note.
"""

from __future__ import annotations

import json
from pathlib import Path

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion
from test_cli_agree import run

MODEL_HASH = "e0d5c0d64c10272a50464a7941e0c1df420d488dbd6e8ab887dfb903bde44d13"


def seg(i: int, codes: list[str], p: float = 1.0) -> SegmentResult:
    s = Segment(f"p01:{i}", "p01", "P01", "participant", 10 * i, 10 * i + 9, "x" * 9)
    return SegmentResult(s, [Suggestion(c, c, None, p, valence="barrier") for c in codes])


def model(folder: Path, model_hash: str = MODEL_HASH) -> Path:
    CodingResult(
        [seg(i, ["X"] if i % 2 else ["Y"], p=0.8) for i in range(6)],
        meta={"model": {"codebook": "cfir-2009", "hash": model_hash}},
    ).save(folder)
    return folder


def review(folder: Path, name: str, codes: dict[int, list[str]], reviewed: str | None) -> Path:
    """A reviewer's codings as roqa apply-decisions writes them (``reviewed_model``: the hash
    of the model whose suggestions were reviewed; None: not recorded)."""
    meta: dict = {
        "source": "roqa apply-decisions",
        "user": {"name": name},
        "reviewed_segments": [f"p01:{i}" for i in codes],
    }
    if reviewed is not None:
        meta["reviewed_model"] = reviewed
    CodingResult([seg(i, c) for i, c in codes.items()], meta=meta).save(folder)
    return folder


ALICE = {0: ["Y"], 1: ["X"], 2: ["Y"], 3: ["X"], 4: [], 5: ["X"]}
BOB = {0: ["Y"], 1: ["X"], 2: [], 3: ["X"], 4: ["Y"], 5: ["Y"]}


def agree(tmp_path: Path, capsys, inputs: list[Path]) -> tuple[str, list[str]]:
    out_json = tmp_path / "a.json"
    code, out, err = run(
        ["agree", *map(str, inputs), "--n-boot", "0", "--json", str(out_json)], capsys
    )
    assert code == 0, err
    return " ".join(out.split()), json.loads(out_json.read_text("utf-8"))["notes"]


NOTE = (
    "Alice and Bob coded by reviewing the suggestions of model (roqa apply-decisions; their "
    "run.json records that model): a review of the model's suggestions is not "
    "independent coding, so model - Alice, model - Bob and Alice - Bob measure "
    "agreement with the suggestions (largely how many were accepted, and the model's own "
    "valence wherever a reviewer kept its code), not independent reliability; for that, "
    "compare coders who coded without seeing the suggestions (docs/agreement.md)"
)


def test_the_model_and_reviews_of_its_suggestions_get_one_note(tmp_path, capsys) -> None:
    inputs = [
        model(tmp_path / "model"),
        review(tmp_path / "alice", "Alice", ALICE, MODEL_HASH),
        review(tmp_path / "bob", "Bob", BOB, MODEL_HASH),
    ]
    out, notes = agree(tmp_path, capsys, inputs)
    assert NOTE in notes
    assert f"Note: {NOTE}." in out
    assert sum("not independent coding" in n for n in notes) == 1


def test_two_reviews_of_one_model_run_are_anchored_without_the_model(tmp_path, capsys) -> None:
    inputs = [
        review(tmp_path / "alice", "Alice", ALICE, MODEL_HASH),
        review(tmp_path / "bob", "Bob", BOB, MODEL_HASH),
    ]
    _, notes = agree(tmp_path, capsys, inputs)
    assert (
        "Alice and Bob coded by reviewing the suggestions of one model (roqa apply-decisions; "
        "their run.json records the same model): a review of the model's suggestions is not "
        "independent coding, so Alice - Bob measures agreement with the suggestions "
        "(largely how many were accepted, and the model's own valence wherever a reviewer "
        "kept its code), not independent reliability; for that, compare coders who coded "
        "without seeing the suggestions (docs/agreement.md)"
    ) in notes


def test_a_review_of_another_model_is_not_flagged(tmp_path, capsys) -> None:
    """Alice reviewed another model's suggestions (another hash): the model compared here is
    not the one she saw, so no note."""
    inputs = [
        model(tmp_path / "model"),
        review(tmp_path / "alice", "Alice", ALICE, "0" * 64),
    ]
    _, notes = agree(tmp_path, capsys, inputs)
    assert not any("not independent coding" in n for n in notes)


def test_a_review_that_records_no_model_is_taken_as_a_review_of_the_one_compared(
    tmp_path, capsys
) -> None:
    """Reviews written before run.json recorded ``reviewed_model``: still a review of a
    model's suggestions, so compared with a model it is flagged."""
    inputs = [model(tmp_path / "model"), review(tmp_path / "alice", "Alice", ALICE, None)]
    _, notes = agree(tmp_path, capsys, inputs)
    assert (
        "Alice coded by reviewing the suggestions of a model, taken as model (roqa "
        "apply-decisions; their run.json does not record which): a review of the model's "
        "suggestions is not independent coding, so model - Alice measures agreement "
        "with the suggestions (largely how many were accepted, and the model's own valence "
        "wherever a reviewer kept its code), not independent reliability; for that, compare "
        "coders who coded without seeing the suggestions (docs/agreement.md)"
    ) in notes
