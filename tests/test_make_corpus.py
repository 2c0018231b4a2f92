"""Specification of the benchmark corpus generator (benchmarks/make_corpus.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "benchmarks" / "make_corpus.py"


@pytest.fixture(scope="module")
def make_corpus() -> ModuleType:
    if not (REPO / "examples" / "interviews").is_dir():
        pytest.skip("examples/interviews is missing")
    spec = importlib.util.spec_from_file_location("make_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_size(make_corpus: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    paths: list[Path] = make_corpus.make_corpus(tmp_path_factory.mktemp("c") / "1x", 1)
    return paths


def test_seed_size_has_thirteen_interviews(seed_size: list[Path]) -> None:
    assert [p.name for p in seed_size][::12] == ["interview_00001.txt", "interview_00013.txt"]
    assert len(seed_size) == 13


def test_every_interview_has_230_answers_by_one_participant(seed_size: list[Path]) -> None:
    from roqa_nlp.transcripts import read_transcript

    t = read_transcript(seed_size[6])
    speakers = {u.speaker for u in t.turns if u.role == "participant"}
    assert speakers == {"P07"}
    assert sum(1 for u in t.turns if u.role == "participant") == 230
    assert sum(1 for u in t.turns if u.role == "interviewer") == 230


def test_the_corpus_is_a_function_of_scale_and_seed(
    make_corpus: ModuleType, seed_size: list[Path], tmp_path: Path
) -> None:
    again = make_corpus.make_corpus(tmp_path, 1)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in seed_size]


def test_another_seed_gives_other_interviews(
    make_corpus: ModuleType, seed_size: list[Path], tmp_path: Path
) -> None:
    other = make_corpus.make_corpus(tmp_path, 1, seed=7)
    assert other[0].read_bytes() != seed_size[0].read_bytes()


def test_answers_are_almost_all_distinct(seed_size: list[Path]) -> None:
    answers = [
        line.split(": ", 1)[1]  # without the participant label, which differs per interview
        for p in seed_size
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.startswith("P")
    ]
    assert len(answers) == 13 * 230
    assert len(set(answers)) >= 0.99 * len(answers)
