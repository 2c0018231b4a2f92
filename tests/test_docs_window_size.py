"""Specification: docs/cli.md (Units) gives the size at which a turn is cut into windows as the
code cuts it, the default ``max_tokens`` of a model's params (200 word pieces), below what the
embedding model reads (256). Before (s86 docswalk L8) it said a turn is cut "when longer than the
model reads whole", which the page's own later paragraph gives as 256."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.autocoder import DEFAULT_PARAMS
from roqa_nlp.transcripts.segment import DEFAULT_MAX_TOKENS

PAGE = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
UNITS = PAGE.split("## Units: windows and sentences", 1)[1].split("\n## ", 1)[0]


def test_the_units_section_cuts_a_turn_at_the_models_max_tokens() -> None:
    assert DEFAULT_PARAMS["max_tokens"] == DEFAULT_MAX_TOKENS == 200
    first = UNITS.split("\n- ", 2)[1]
    assert " ".join(first.split()) == (
        "A window is a whole turn, or, when the turn is longer than 200 word pieces, a run of its "
        "sentences. 200 is the model's `max_tokens` (its card's `params`), [CLS] and [SEP] "
        "counted; the embedding model reads 256, so every window is read whole."
    )
    assert "than the model reads whole" not in UNITS


def test_the_packaged_model_cuts_at_200() -> None:
    import json

    card = Path(__file__).resolve().parents[1] / "models" / "default" / "model_card.json"
    params = json.loads(card.read_text(encoding="utf-8"))
    assert (params["params"]["max_tokens"], params["embedding_model"]["max_tokens"]) == (200, 256)
