"""Specification: docs/model.md gives the held-out interview sets' scores (``heldout_*.md``,
model 9111b7, 2026-11-29, before session 17 trained on the sets) as that model's, measured while
the sets were held out, and not as "today's model" or "the product as it ships" (session 82)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _said() -> str:
    return " ".join((ROOT / "docs" / "model.md").read_text(encoding="utf-8").split())


def _model(name: str) -> str:
    meta = json.loads((ROOT / "benchmarks" / "results" / name).read_text("utf-8"))["meta"]
    return str(meta["model_sha256"])[:6]


def test_the_newest_held_out_set_is_scored_by_the_model_of_then() -> None:
    said = _said()
    assert _model("heldout_provider_voices.json") == "9111b7"
    assert "the cleanest check of the product as it ships" not in said
    assert (
        "So, while it was held out, it was the cleanest check of the product. The packaged model "
        "of then (9111b7, 2026-11-29) scored it: - Per segment, 0.45 / 0.68 / 0.67 (kappa 0.43, "
        "valence 0.44)." in said
    )


def test_the_seed_guide_scores_name_their_model() -> None:
    said = _said()
    assert _model("heldout_seed_guide.json") == "9111b7"
    assert "with today's model (`benchmarks/results/heldout_seed_guide.md`)" not in said
    assert (
        "with the packaged model of 2026-11-29 (9111b7, the set still held out; "
        "`benchmarks/results/heldout_seed_guide.md`): - top-1 0.446 → 0.515;" in said
    )
