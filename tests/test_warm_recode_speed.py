"""What a warm re-code worked out again and again although it never changes (speed5): the
model's evidence, read once per part of a run (5 times for the 2,990 segments of the scale-1
corpus), and whether a quote only agrees, asked some 15,000 times of a report's quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

import roqa_nlp.transcripts.backchannels as backchannels
from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.framework import Quote

TEXTS = [
    "Our manager backs the new pathway and found funding for two nurses.",
    "Staff said the forms took too long, so we cut them to one page.",
]


def test_the_evidence_is_read_once_for_the_evidence_the_model_holds(tiny_model_dir: Path) -> None:
    ac = AutoCoder.load(tiny_model_dir)
    first = ac.suggest(TEXTS)
    kept = ac._evidence_kept()
    assert kept is ac._evidence_kept()  # the same, not worked out again
    assert ac.suggest(TEXTS) == first
    assert ac._evidence_kept() is kept
    assert len(kept.texts) == len(ac._evidence_texts) == len(kept.words) == len(kept.valences)
    assert kept.X is not None and kept.X.dtype.name == "float32"
    # other evidence (fit, update, load set a new list): worked out for it
    ac._evidence_texts = ac._evidence_texts[:1]
    assert ac._evidence_kept() is not kept
    assert ac._evidence_kept().texts == [ac._evidence_texts[0]["text"]]


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
