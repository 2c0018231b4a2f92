"""Specification: a model retrained with decisions names no folder outside the study in its card.

Privacy defect (session 67): ``roqa train --feedback "/home/jane.doe/Site Leeds/coded/
decisions.csv"`` recorded that path in model_card.json (``feedback.decisions_files[].name``,
``feedback.codings[].path``), and every ``roqa code --model`` copied the card into run.json and
the report. A path typed relative and not climbing out (no ``..``) is recorded as typed; any
other is recorded relative to the folder training ran from when the file is under it, else
relative to the folder of its codings, else as the file's name. The SHA-256s identify the files,
and an earlier round's file is still found by name and SHA-256 from the codings' folder up.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.result import CodingResult
from roqa_nlp.schema import Segment, SegmentResult, Suggestion

TEXT = "There was never enough money for extra shifts."
OTHER = "We had a champion on every ward."


def coded(folder: Path, text: str = TEXT, meta: dict | None = None) -> Path:
    """A one-segment coding run saved in ``folder``, with its review (decisions.csv) beside it."""
    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(text), text)
    sugg = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, "barrier", 0.8)
    CodingResult([SegmentResult(seg, [sugg])], meta=meta or {}).save(folder)
    decisions = folder / "decisions.csv"
    decisions.write_text(
        f"segment_id,decision,code_id,text\np02:0004,accept,IS.E.2,{text}\n", encoding="utf-8"
    )
    return decisions


def trained(decisions: str | Path, codings: str | Path, embedder, training, said=None):
    """A model updated with ``decisions``; the warnings of rounds forgotten put in ``said``."""
    from roqa_nlp.autocoder import AutoCoder

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RoqaWarning)  # the tiny training set's, and others
        ac = AutoCoder("cfir-2009", embedder=embedder).update(
            decisions, codings=codings, training=training
        )
    if said is not None:
        said.extend(str(w.message) for w in caught if "forgets" in str(w.message))
    return ac


def recorded(ac) -> tuple[list[str], list[str]]:
    feedback = ac.card["feedback"]
    return (
        [f["name"] for f in feedback["decisions_files"]],
        [c["path"] for c in feedback["codings"]],
    )


def test_an_absolute_path_under_the_folder_trained_from_is_recorded_relative_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder, tiny_training
) -> None:
    """And the model is the same, byte for byte and by its hash, as one trained with the paths
    typed relative: its card too."""
    from roqa_nlp.autocoder import CARD

    study = tmp_path / "Site Leeds"
    decisions = coded(study / "coded")
    monkeypatch.chdir(study)
    cards = []
    for typed, codings, out in (
        (decisions, study / "coded", "a"),
        ("coded/decisions.csv", "coded", "b"),
    ):
        ac = trained(typed, codings, embedder, tiny_training)
        assert recorded(ac) == (
            [os.path.join("coded", "decisions.csv")],
            [os.path.join("coded", "codings.jsonl")],
        )
        ac.save(tmp_path / out)
        cards.append((tmp_path / out / CARD).read_text("utf-8"))
    a, b = map(json.loads, cards)
    assert a["files"] == b["files"] and a["model_sha256"] == b["model_sha256"]
    assert cards[0] == cards[1]
    assert "Site Leeds" not in cards[0]


def test_an_absolute_path_outside_it_is_recorded_from_its_codings_folder_or_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder, tiny_training
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    run = tmp_path / "jane.doe" / "Site Leeds" / "coded"
    decisions = coded(run)
    (run / "review").mkdir()
    in_review = run / "review" / "decisions.csv"
    in_review.write_bytes(decisions.read_bytes())
    ac = trained(in_review, run, embedder, tiny_training)
    # the codings by their folder's name and their own: a re-run of that folder knows them
    # (hunt s67 h_agree R1), no folder above it named
    assert recorded(ac) == (
        [os.path.join("coded", "review", "decisions.csv")],
        [os.path.join("coded", "codings.jsonl")],
    )
    # not under its codings' folder either: its name alone (a report's Save decisions went to
    # Downloads)
    downloads = tmp_path / "jane.doe" / "Downloads" / "decisions (1).csv"
    downloads.parent.mkdir()
    downloads.write_bytes(decisions.read_bytes())
    ac = trained(downloads, run / "codings.jsonl", embedder, tiny_training)
    assert recorded(ac) == (["decisions (1).csv"], [os.path.join("coded", "codings.jsonl")])
    text = json.dumps(ac.card)
    assert "jane.doe" not in text and "Site Leeds" not in text and str(tmp_path) not in text
    # run from a folder above the study: still from the codings' folder, none above it named
    # (hunt s67 h_last D1: relative to the folder run from, jane.doe/Site Leeds/coded/...)
    monkeypatch.chdir(tmp_path)
    ac = trained(in_review, run, embedder, tiny_training)
    assert recorded(ac) == (
        [os.path.join("coded", "review", "decisions.csv")],
        [os.path.join("coded", "codings.jsonl")],
    )


def test_a_path_climbing_out_with_dots_is_recorded_as_a_path_outside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder, tiny_training
) -> None:
    study = tmp_path / "Site Leeds"
    coded(study / "coded")
    (study / "notes").mkdir()
    monkeypatch.chdir(study / "notes")
    ac = trained(os.path.join("..", "coded", "decisions.csv"), "../coded", embedder, tiny_training)
    assert recorded(ac) == (
        [os.path.join("coded", "decisions.csv")],
        [os.path.join("coded", "codings.jsonl")],
    )


def test_an_earlier_rounds_file_recorded_so_is_still_found_from_the_next_rounds_codings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, embedder, tiny_training
) -> None:
    """Round 1 trained with absolute paths from the study's folder (recorded coded1/...), and
    from another folder (recorded by name, found in a folder beside round 2's codings); round 2's
    file given alone from elsewhere still names round 1's, as found from here."""
    study = tmp_path / "Site Leeds"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r1 = coded(study / "coded1")
    for trained_from, as_recorded in (
        (study, os.path.join("coded1", "decisions.csv")),
        (elsewhere, os.path.join("coded1", "decisions.csv")),
    ):
        monkeypatch.chdir(trained_from)
        round1 = trained(r1, study / "coded1", embedder, tiny_training)
        assert recorded(round1)[0] == [as_recorded]
        r2 = coded(study / "coded2", text=OTHER, meta=round1._run_meta())
        monkeypatch.chdir(elsewhere)
        run2 = os.path.join("..", "Site Leeds", "coded2")
        given = os.path.join(run2, "decisions.csv")
        said: list[str] = []
        round2 = trained(given, run2, embedder, tiny_training, said)
        found = os.path.join("..", "Site Leeds", "coded1")
        assert said == [
            f"{given} was reviewed on codings made by a model trained with "
            f"{os.path.join(found, 'decisions.csv')}, not given now: the new model forgets its "
            "decisions (to keep them, give update() every round, earliest first: update(["
            f"{os.path.join(found, 'decisions.csv')!r}, {given!r}], codings=["
            f"{os.path.join(found, 'codings.jsonl')!r}, {run2!r}]))"
        ]
        assert recorded(round2)[0] == [os.path.join("coded2", "decisions.csv")]
        assert r2.is_file()


def test_run_json_names_an_embedding_backend_folder_without_the_folders_above_the_study(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tiny_model
) -> None:
    """run.json's ``model.embedding_backend`` is the backend as given: a kind, or a folder
    (``roqa code --backend DIR``), recorded as the card's paths are (its kind and build hash
    beside it identify it)."""
    import copy

    class Backend:
        def __init__(self, backend: str) -> None:
            self.backend, self.backend_identity = backend, ("onnx-int8", "0" * 64)

    folder = tmp_path / "jane.doe" / "Site Leeds" / "backends" / "onnx"
    folder.mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    ac = copy.copy(tiny_model)  # the session's model is left as it is
    for given, as_recorded in (
        ("onnx-int8", "onnx-int8"),
        (str(folder), "onnx"),
        (os.path.join("..", "jane.doe", "Site Leeds", "backends", "onnx"), "onnx"),
    ):
        ac.embedder = Backend(given)
        assert ac._run_meta()["model"]["embedding_backend"] == as_recorded
    # from the study's folder too: by its name (hunt s67 h_last D1: relative to the folder run
    # from, a run from above the study named the folders above it)
    monkeypatch.chdir(tmp_path / "jane.doe" / "Site Leeds")
    ac.embedder = Backend(str(folder))
    assert ac._run_meta()["model"]["embedding_backend"] == "onnx"
