"""What a warm re-code worked out again and again although it never changes (speed5): the
model's evidence, read once per part of a run (5 times for the 2,990 segments of the scale-1
corpus) rather than once a run, and whether a quote only agrees, asked some 15,000 times of a report's quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

import roqa_nlp.transcripts.backchannels as backchannels
from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.framework import Quote

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "interviews"

TEXTS = [
    "Our manager backs the new pathway and found funding for two nurses.",
    "Staff said the forms took too long, so we cut them to one page.",
]


def test_the_evidence_is_read_once_for_every_part_of_a_run(
    tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ac = AutoCoder.load(tiny_model_dir)
    before = ac.code(EXAMPLES)
    views: list[object] = []
    view = ac._evidence_view
    given: list[object] = []  # the evidence each part's classifying was given
    suggest_rows = ac._suggest_rows

    def counted():  # type: ignore[no-untyped-def]
        views.append(view())
        return views[-1]

    def rows(X, top_k=None, texts=None, contexts=None, questions=None, read_evidence=None):  # type: ignore[no-untyped-def]
        given.append(read_evidence)
        return suggest_rows(X, top_k, texts, contexts, questions, read_evidence)

    monkeypatch.setattr(ac, "_evidence_view", counted)
    monkeypatch.setattr(ac, "_suggest_rows", rows)
    parts = list(ac.code_batches(EXAMPLES, batch_segments=16))
    # 3 transcripts of 24-29 segments, parts of 16 or more: 3 parts, the evidence read once
    parts_given = [e for e in given if e is not None]
    assert len(parts) == len(parts_given) == 3
    # one view for every part (what else classifies in the run, the questions read as context
    # when they are not cached yet, may read one of its own before it)
    assert all(e is parts_given[0] for e in parts_given)
    assert any(v is parts_given[0] for v in views)
    assert len(views) == 1 + given.count(None)  # what else classifies reads it for itself
    assert [s.suggestions for p in parts for s in p.segments] == [
        s.suggestions for s in before.segments
    ]
    # free texts: worked out for each call, so evidence changed in place is read as it is now
    n = len(views)
    ac.suggest(TEXTS)
    ac.suggest(TEXTS)
    assert len(views) == n + 2


def test_whether_a_quote_only_agrees_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    only_agrees = backchannels.only_agrees

    def counted(text: str, *args, **kwargs) -> bool:  # type: ignore[no-untyped-def]
        asked.append(text)
        return only_agrees(text, *args, **kwargs)

    monkeypatch.setattr(backchannels, "only_agrees", counted)
    yes = Quote("Yeah. Yeah it was.", "t1", "s1", 0, 18, "P01", "IC.A", 0.9, "neutral")
    said = Quote("We cut the forms to one page.", "t1", "s2", 19, 48, "P01", "IC.A", 0.9, "neutral")
    assert [yes.only_agrees, yes.only_agrees, said.only_agrees, said.only_agrees] == [
        True,
        True,
        False,
        False,
    ]
    assert asked == ["Yeah. Yeah it was.", "We cut the forms to one page."]
