"""The negation rule measured for a "valence unsure" mark (``benchmarks/negation_unsure.py``, not
adopted: ``benchmarks/results/negation_unsure.md``) is the rule that page wrote down before the
run: key words of the shown side within five words after a negation cue, in the same clause."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "negation_unsure.py"


@pytest.fixture(scope="module")
def rule() -> ModuleType:
    spec = importlib.util.spec_from_file_location("negation_unsure", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_comma_ends_the_scope(rule: ModuleType) -> None:
    assert rule.negated_words("It's not complicated, it's really simple.") == {"complicated"}


def test_the_scope_is_five_words(rule: ModuleType) -> None:
    text = "They never ever gave us enough money for the training."
    assert rule.negated_words(text) == {"ever", "gave", "us", "enough", "money"}
    assert rule.negated_words(text, 6) == {"ever", "gave", "us", "enough", "money", "for"}


def test_a_conjunction_ends_the_scope(rule: ModuleType) -> None:
    assert rule.negated_words("We don't have time but the staff are keen") == {"have", "time"}


def test_no_longer_is_a_cue_and_plain_no_is_not(rule: ModuleType) -> None:
    assert rule.negated_words("We no longer get funding.") == {"get", "funding"}
    assert rule.negated_words("We have no time for training.") == set()


def test_curly_apostrophes_negate_too(rule: ModuleType) -> None:
    assert rule.negated_words("It wasn\u2019t expensive at all") == {"expensive", "at", "all"}


def test_key_words_favour_the_shown_side_over_the_other(rule: ModuleType) -> None:
    from roqa_nlp.lexical import LexicalModel

    words = ["budget", "great", "lacked", "staff"]
    # classes barrier, enabler: "lacked" and "budget" lean barrier, "great" enabler
    coef = np.array([[1.0, -1.0, 2.0, 0.5], [0.0, 1.0, -1.0, 0.5]])
    lex = LexicalModel(words, np.ones(4), coef, np.zeros(2), ["barrier", "enabler"], [])
    text = "We never lacked budget or staff, great"
    assert rule.key_words(lex, text, 0, 1) == ["lacked", "budget"]
    assert rule.key_words(lex, text, 1, 0) == ["great"]
