"""Specification: ``roqa train --codings`` takes a codings folder, as every other command does
(its codings.jsonl): privacy tester, s65 (finding 8): ``--codings coded/`` failed "coded: Is a
directory"."""

from __future__ import annotations

import hashlib
from pathlib import Path

from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

TEXT = "There was never enough money for extra shifts."


def test_codings_given_as_their_folder_are_read_and_recorded_as_their_file(
    tmp_path: Path, embedder, tiny_training
) -> None:
    from roqa_nlp.autocoder import AutoCoder

    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(TEXT), TEXT)
    sugg = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "barrier", 0.8)
    CodingResult([SegmentResult(seg, [sugg])]).save(tmp_path / "coded")
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        f"segment_id,decision,code_id,text\np02:0004,accept,IS.E.2,{TEXT}\n", encoding="utf-8"
    )
    coded = tmp_path / "coded"
    ac = AutoCoder("cfir-2009", embedder=embedder).update(
        decisions, codings=coded, training=tiny_training
    )
    codings = (coded / "codings.jsonl").read_bytes()
    # outside the folder trained from: by their folder's name and their own (privacy, s67)
    assert ac.card["feedback"]["codings"] == [
        {"path": "coded/codings.jsonl", "sha256": hashlib.sha256(codings).hexdigest()}
    ]
