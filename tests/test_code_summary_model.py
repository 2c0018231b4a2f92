"""Specification: ``roqa code`` says which model coded, when it is not the packaged one.

adapt tester, session 42: `roqa code --model models/r2` printed the same summary as the packaged
model's, so a researcher who forgot --model (or gave it by mistake) could not tell which coded.
"""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.cli.code_cmd import model_named


def test_the_packaged_model_is_not_named() -> None:
    assert model_named(None, {"feedback": {"n_decisions": 3}}) == ""


def test_a_model_trained_without_decisions_is_named_by_its_folder() -> None:
    assert model_named(Path("models/study"), {"training_data": {}}) == (
        " with the model in models/study"
    )


def test_a_model_trained_with_decisions_says_how_many_and_from_how_many_files() -> None:
    card = {
        "feedback": {
            "n_decisions": 61,
            "decisions_files": [{"name": "out/r1_coded/decisions.csv"}, {"name": "r2.csv"}],
        }
    }
    assert model_named(Path("models/r2"), card) == (
        " with the model in models/r2 (trained with 61 decisions from 2 files)"
    )


def test_one_decision_from_one_file_is_said_in_the_singular() -> None:
    card = {"feedback": {"n_decisions": 1, "decisions_files": [{"name": "d.csv"}]}}
    assert (
        model_named(Path("m"), card) == " with the model in m (trained with 1 decision from 1 file)"
    )


def test_decisions_given_in_python_are_not_counted_as_a_file() -> None:
    """update([Decision(...)]) records no file name: "from 1 file" named a file there is not."""
    card = {"feedback": {"n_decisions": 2, "decisions_files": [{"name": None}]}}
    assert model_named(Path("m"), card) == " with the model in m (trained with 2 decisions)"


def test_the_summaries_name_a_fast_embedding_backend_and_not_torch(tmp_path: Path) -> None:
    """roqa code's and evaluate's summaries did not say an onnx-int8 run was one (backend
    tester, session 53): its codes differ from torch's on some segments."""
    from roqa_nlp.cli.code_cmd import backend_named
    from roqa_nlp.embedding import Embedder

    (tmp_path / "backend_card.json").write_text('{"backend": "static"}', encoding="utf-8")
    assert backend_named(None) == backend_named("torch") == ""
    assert backend_named(Embedder(backend="torch", cache=False)) == ""
    assert backend_named("onnx-int8") == " with the onnx-int8 embedding backend"
    assert backend_named(tmp_path) == " with the static embedding backend"
