"""The cache of what the model suggests of each segment (roqa_nlp.suggestion_cache): a warm
re-code reads an unchanged transcript's suggestions, evidence and flags as a cold one worked them
out, and classifies them again when a segment, the model or its codebook changes."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

import roqa_nlp.suggestion_cache as suggestion_cache
from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.codebook import Codebook
from roqa_nlp.embedding import Embedder
from roqa_nlp.json_cache import JsonCache
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Transcript

ANSWERS = {
    "sc01": [
        "Our manager backs the new pathway and found the money for two nurses.",
        "The forms took far too long, so we cut them down to a single page.",
        "Lovely weather for it, we had a barbecue at the weekend.",
    ],
    "sc02": [
        "Staff did not trust the new system at first, it kept losing referrals.",
        "We meet every Monday to look at the numbers and plan the week.",
    ],
}


def interview(tid: str, answers: list[str]) -> Transcript:
    turns: list[tuple[str, str, str]] = []
    for a in answers:
        turns += [
            ("Interviewer", "interviewer", "What helped or got in the way?"),
            ("P1", "participant", a),
        ]
    return Transcript.from_turns(tid, turns)


def study(answers: dict[str, list[str]] = ANSWERS) -> list[Transcript]:
    return [interview(tid, a) for tid, a in answers.items()]


@pytest.fixture
def classified(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The words read of every segment classified (not read from the cache), with a cache of
    suggestions of this test's own."""
    calls: list[str] = []
    suggest_rows = AutoCoder._suggest_rows

    def counting(self: AutoCoder, X: Any, top_k: Any = None, texts: Any = None, *a: Any) -> Any:
        calls.extend(texts or [])
        return suggest_rows(self, X, top_k, texts, *a)

    monkeypatch.setattr(AutoCoder, "_suggest_rows", counting)
    own = tmp_path / "cache"
    own.mkdir()
    monkeypatch.setattr(
        suggestion_cache, "open_suggestion_cache", lambda _: JsonCache(own / "suggestions.sqlite")
    )
    return calls


def coded(result: CodingResult) -> list[dict[str, Any]]:
    return [s.to_dict() for s in result.segments]


def fresh(ac: AutoCoder, transcripts: list[Transcript]) -> list[dict[str, Any]]:
    """What ``ac`` codes without the cache of suggestions."""
    saved = ac._loaded_parts
    ac._loaded_parts = None  # a model not as loaded is never cached
    try:
        return coded(ac.code(transcripts))
    finally:
        ac._loaded_parts = saved


def test_a_warm_recode_codes_as_a_cold_one_without_classifying(
    tiny_model_dir: Path, embedder: Embedder, classified: list[str]
) -> None:
    ac = AutoCoder.load(tiny_model_dir, embedder=embedder)
    cold = coded(ac.code(study()))
    assert len(classified) == 5
    again = AutoCoder.load(tiny_model_dir, embedder=embedder)
    assert coded(again.code(study())) == cold
    assert len(classified) == 5  # every segment read from the cache
    assert fresh(again, study()) == cold
    # what is kept is exactly what was worked out: probabilities, evidence and flags, bit for bit
    top = again.code(study()).segments[0].suggestions[0]
    assert top.evidence and top.evidence_valence and 0 < top.probability <= 1


def test_a_changed_segment_is_classified_again_and_only_its_transcript(
    tiny_model_dir: Path, embedder: Embedder, classified: list[str]
) -> None:
    ac = AutoCoder.load(tiny_model_dir, embedder=embedder)
    ac.code(study())
    changed = {**ANSWERS, "sc02": [ANSWERS["sc02"][0], "We meet every Friday to plan the week."]}
    assert coded(ac.code(study(changed))) == fresh(ac, study(changed))
    # the first run's 5 segments, then sc02's 2 again (sc01's read from the cache)
    assert classified[5:7] == [
        "Staff did not trust the new system at first, it kept losing referrals.",
        "We meet every Friday to plan the week.",
    ]


def test_another_model_or_changed_parameters_classify_again(
    tiny_model_dir: Path, embedder: Embedder, classified: list[str], tmp_path: Path
) -> None:
    ac = AutoCoder.load(tiny_model_dir, embedder=embedder)
    ac.code(study())
    ac.params["n_evidence"] = 1
    one_quote = coded(ac.code(study()))
    assert len(classified) == 10
    assert all(len(g["evidence"]) <= 1 for s in one_quote for g in s["suggestions"])
    assert one_quote == fresh(ac, study())
    packaged = AutoCoder.load(embedder=embedder)  # another model of the same codebook
    assert coded(packaged.code(study())) == fresh(packaged, study())
    assert len(classified) == 25  # ac's fresh run, then packaged's classified and fresh
    retrained = AutoCoder.load(tiny_model_dir, embedder=embedder)
    retrained.params["n_evidence"] = 1
    other = retrained.save(tmp_path / "other")  # the same model saved with another parameter
    assert coded(AutoCoder.load(other, embedder=embedder).code(study())) == one_quote
    assert len(classified) == 30


def test_a_changed_codebook_is_classified_again(
    tiny_model_dir: Path, embedder: Embedder, classified: list[str]
) -> None:
    ac = AutoCoder.load(tiny_model_dir, embedder=embedder)
    before = coded(ac.code(study()))
    top = before[0]["suggestions"][0]["code_id"]
    book = ac.codebook.to_dict()
    for c in book["codes"]:
        if c["id"] == top:
            c["name"] = "Renamed for this test"
    ac.codebook = Codebook.from_dict(book)
    renamed = coded(ac.code(study()))
    assert renamed[0]["suggestions"][0]["name"] == "Renamed for this test"
    assert len(classified) == 10
    assert coded(ac.code(study())) == renamed
    assert len(classified) == 15  # a codebook given since the model was loaded: never kept
    # on disk, a model's codebook is its card's (load() refuses another): a model retrained with
    # another codebook has another model_sha256, which the key holds as a change of model does
    assert ac._suggestion_model_key() is None


def test_a_fitted_model_or_a_stand_in_classifying_is_never_cached(
    tiny_model: AutoCoder, tiny_model_dir: Path, embedder: Embedder, classified: list[str]
) -> None:
    tiny_model.code(study())
    tiny_model.code(study())
    assert len(classified) == 10
    ac = AutoCoder.load(tiny_model_dir, embedder=embedder)
    assert ac._suggestion_model_key() is not None
    ac._inputs = ac._inputs  # type: ignore[method-assign]
    assert ac._suggestion_model_key() is None


@pytest.mark.parametrize(
    "value",
    [
        "[]",
        '{"quotes": [], "rows": [[]], "p": [0.5], "score": [1.0], "procedural": [0.0],'
        ' "aside": [0.0]}',
        '{"quotes": [], "rows": [[["IC.A", "x", null, 0.5, "neutral", 0.5, [3], []]], []],'
        ' "p": [0.5, 0.5], "score": [1.0, 1.0], "procedural": [0.0, 0.0], "aside": [0.0, 0.0]}',
    ],
)
def test_a_malformed_cached_value_is_classified_again(
    value: str, tiny_model_dir: Path, embedder: Embedder, classified: list[str], tmp_path: Path
) -> None:
    ac = AutoCoder.load(tiny_model_dir, embedder=embedder)
    cold = coded(ac.code(study()))
    with sqlite3.connect(tmp_path / "cache" / "suggestions.sqlite") as db:
        db.execute("UPDATE entries SET value = ?", (value,))
    assert coded(ac.code(study())) == cold
    assert len(classified) == 10


def test_parameters_changed_between_the_parts_of_a_run_are_kept_under_their_own_key(
    tiny_model_dir: Path, embedder: Embedder, classified: list[str]
) -> None:
    """A notebook user changing the coder between the parts of ``code_batches``: each part is
    kept under the key of the settings it was classified with, so a later run with the model's
    own settings classifies again what the first run's later parts classified otherwise (hunt16
    D1: kept under the first part's key, they were served to every later run, CLI too, with no
    evidence quotes)."""
    ac = AutoCoder.load(tiny_model_dir, embedder=embedder)
    parts = ac.code_batches(study(), batch_segments=1)  # one transcript a part
    next(parts)
    ac.params["n_evidence"] = 0
    rest = list(parts)
    assert all(not g.evidence for p in rest for s in p.segments for g in s.suggestions)
    again = AutoCoder.load(tiny_model_dir, embedder=embedder)
    assert coded(again.code(study())) == fresh(again, study())
    # sc01 classified in the first part (3), sc02 in the second with n_evidence 0 (2), sc02 again
    # with the model's own settings (2), then the fresh run (5)
    assert len(classified) == 12
