"""Specification: ``roqa code`` says which model coded, when it is not the packaged one.

adapt tester, session 42: `roqa code --model models/r2` printed the same summary as the packaged
model's, so a researcher who forgot --model (or gave it by mistake) could not tell which coded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roqa_nlp.cli.code_cmd import (
    earlier_model,
    model_named,
    packaged_model_hash,
    warn_if_model_changed,
)


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


def test_a_rerun_with_another_model_than_the_earlier_run_warns_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blind tester s56 (incremental, finding 3): a folder coded with --model models_study, coded
    again without it, switched to the packaged model with no word (a codebook switch is warned
    of), and the new code the study model was trained on left the suggestions. One line names
    both models, the earlier by its hash and training, and how to keep it."""
    study = "5b189dcb42fc" + "0" * 52
    trained = {
        "feedback": {"n_decisions": 31, "decisions_files": [{"name": "study/decisions.csv"}]}
    }
    record = {"model": {"hash": study}, "model_card": trained}
    (tmp_path / "run.json").write_text(json.dumps(record), encoding="utf-8")
    packaged = packaged_model_hash()
    assert packaged is not None
    warn_if_model_changed(tmp_path, earlier_model(tmp_path), packaged, None, {})
    assert capsys.readouterr().err == (
        f"roqa: warning: {tmp_path}: the earlier run in it coded with the model (5b189dcb42fc, "
        "trained with 31 decisions from study/decisions.csv); this one codes with the packaged "
        f"model ({packaged[:12]}) (give --model with its folder to keep it)\n"
    )
    # the other way: the packaged model before, a model given with --model now
    record = {"model": {"hash": packaged}}
    (tmp_path / "run.json").write_text(json.dumps(record), encoding="utf-8")
    warn_if_model_changed(tmp_path, earlier_model(tmp_path), study, Path("m"), trained)
    assert capsys.readouterr().err == (
        f"roqa: warning: {tmp_path}: the earlier run in it coded with the packaged model "
        f"({packaged[:12]}); this one codes with the model in m (5b189dcb42fc, trained with 31 "
        "decisions from study/decisions.csv) (leave out --model to keep it)\n"
    )


def test_the_same_model_or_no_recorded_model_says_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert earlier_model(tmp_path) is None  # no run.json
    (tmp_path / "run.json").write_text(json.dumps({"model": {"hash": None}}), encoding="utf-8")
    assert earlier_model(tmp_path) is None  # a model not trained from a card
    (tmp_path / "run.json").write_text(json.dumps({"model": {"hash": "ab" * 32}}), "utf-8")
    warn_if_model_changed(tmp_path, earlier_model(tmp_path), "ab" * 32, Path("m"), {})
    warn_if_model_changed(tmp_path, earlier_model(tmp_path), None, None, {})
    assert capsys.readouterr().err == ""


def test_a_model_retrained_on_this_folders_review_is_a_note_not_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blind tester loop, s64: README's next step, coding again with the model trained on the
    folder's review (`roqa code study/ --model models/study1 --out coded/`), was warned of as a
    switch to undo ("leave out --model to keep it"). A model whose card records this folder's
    decisions or codings (by SHA-256) is the loop's next round: said in a note. A model trained
    on another folder's review is still warned of."""
    import hashlib

    packaged = packaged_model_hash()
    assert packaged is not None
    (tmp_path / "run.json").write_text(json.dumps({"model": {"hash": packaged}}), "utf-8")
    (tmp_path / "decisions.csv").write_text("segment_id,decision\n", encoding="utf-8")
    (tmp_path / "codings.jsonl").write_text("{}\n", encoding="utf-8")
    here = hashlib.sha256(b"segment_id,decision\n").hexdigest()
    study = "5b189dcb42fc" + "0" * 52
    card = {
        "feedback": {
            "n_decisions": 84,
            "decisions_files": [{"name": "coded/decisions.csv", "sha256": here}],
        }
    }
    warn_if_model_changed(tmp_path, earlier_model(tmp_path), study, Path("models/study1"), card)
    assert capsys.readouterr().err == (
        f"roqa: note: {tmp_path}: the earlier run in it coded with the packaged model "
        f"({packaged[:12]}); this one codes with the model in models/study1 (5b189dcb42fc, "
        "trained with 84 decisions from coded/decisions.csv), retrained on this folder's "
        "review: its codes will change\n"
    )
    # trained with this folder's codings (the decisions saved elsewhere): the same note
    coded = hashlib.sha256(b"{}\n").hexdigest()
    card["feedback"]["decisions_files"] = [{"name": "d.csv", "sha256": "ff" * 32}]
    card["feedback"]["codings"] = [{"path": str(tmp_path / "codings.jsonl"), "sha256": coded}]
    warn_if_model_changed(tmp_path, earlier_model(tmp_path), study, Path("models/study1"), card)
    assert capsys.readouterr().err.startswith(f"roqa: note: {tmp_path}: the earlier run")
    # hunt s64 (D1): another folder's codings of the same bytes (the packaged model codes the
    # same transcripts alike: a second coder's folder, never reviewed) are no review of this one
    card["feedback"]["codings"] = [{"path": "coded/codings.jsonl", "sha256": coded}]
    warn_if_model_changed(tmp_path, earlier_model(tmp_path), study, Path("models/study1"), card)
    assert capsys.readouterr().err.endswith("(leave out --model to keep it)\n")
    # another folder's review: the warning, as before
    card["feedback"]["codings"] = [{"path": "other/codings.jsonl", "sha256": "ee" * 32}]
    warn_if_model_changed(tmp_path, earlier_model(tmp_path), study, Path("models/study1"), card)
    assert capsys.readouterr().err.endswith("(leave out --model to keep it)\n")


@pytest.mark.parametrize(
    ("recorded", "same"),
    [
        ("coded/codings.jsonl", True),
        ("codings.jsonl", False),
        ("study/coded/codings.jsonl", True),
        ("other/codings.jsonl", False),
        ("../coded/codings.jsonl", False),
        ("/elsewhere/coded/codings.jsonl", False),
    ],
)
def test_a_card_names_the_codings_of_this_folder_from_the_folder_it_was_trained_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, recorded: str, same: bool
) -> None:
    """A retrained model's card names its codings from the folder training was run in, or by
    their folder alone (no folder outside the study, session 67): a re-run of the reviewed
    folder from elsewhere is still that folder's review, not a switch to undo (hunt s67 h_api
    R1: from another folder it was told to give --model with the old model's folder)."""
    from roqa_nlp.cli.code_cmd import _recorded_as

    here = tmp_path / "study" / "coded" / "codings.jsonl"
    monkeypatch.chdir(tmp_path)
    assert _recorded_as(recorded, here) is same
