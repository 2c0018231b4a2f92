"""Specification: docs/model.md's "What it sets aside" quotes the off-topic benchmark's result
files as they are: the record measured while the 20 interviews were held out
(``benchmarks/results/off_topic.json``, model 9111b7) and today's packaged model on them, in
sample (``off_topic_in_sample.json``), which must have been measured with the model that ships
(``models/default/model_card.json``). Session 82 found the docs quoting a still older run (37 of
38, 10 of 19) and no result of the packaged model at all."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def _said() -> str:
    return " ".join((ROOT / "docs" / "model.md").read_text(encoding="utf-8").split())


def _result(name: str) -> dict:
    return json.loads((RESULTS / name).read_text(encoding="utf-8"))


def test_the_docs_quote_the_held_out_record() -> None:
    held_out = _result("off_topic.json")
    talk, coded = held_out["rows"]["small talk or background"], held_out["rows"]["coded"]
    assert (talk["off_topic"], talk["novel"], coded["off_topic"], coded["novel"]) == (36, 38, 9, 19)
    said = _said()
    assert f"held out (model {held_out['meta']['model_sha256'][:6]}, 2026-11-29," in said
    assert "It set aside 36 of the 38 flagged segments that their coders called small talk" in said
    assert "It set aside 9 of the 19 flagged segments of coded turns" in said
    assert "37 of the 38" not in said and "10 of the 19" not in said


def test_the_docs_quote_the_packaged_model_in_sample() -> None:
    now = _result("off_topic_in_sample.json")
    talk, coded = now["rows"]["small talk or background"], now["rows"]["coded"]
    said = _said()
    assert now["meta"]["in_sample"] is True
    assert (
        f"today's packaged model ({now['meta']['model_sha256'][:6]}) codes them in sample" in said
    )
    assert (
        f"it flags {talk['novel']} of the {talk['segments']} segments of small talk or background "
        f"and sets aside {talk['off_topic']} of them as off-topic; it flags {coded['novel']} of "
        f"the {coded['segments']} segments of coded turns and sets aside none of them" in said
    )
    # 47, 45, 2, 0 with question_temperature 0.5, before session 86
    assert (talk["novel"], talk["off_topic"], coded["novel"], coded["off_topic"]) == (45, 43, 3, 0)


def test_the_in_sample_result_is_of_the_model_that_ships() -> None:
    card = json.loads((ROOT / "models" / "default" / "model_card.json").read_text("utf-8"))
    assert _result("off_topic_in_sample.json")["meta"]["model_sha256"] == card["model_sha256"]
