"""Specification of each code's valence mix as a prior on a segment's valence
(``roqa_nlp.valence_prior``) and how the AutoCoder trains, stores and applies it."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.embedding import Embedder
from roqa_nlp.errors import RoqaError
from roqa_nlp.training import TrainingSet
from roqa_nlp.valence_prior import ValencePrior, with_prior

TEXTS = [
    "We had nobody spare on the rota to cover the training days.",
    "The CQC changed what they want to see in the care plans.",
    "Our manager backs every new idea we bring to her.",
]


def small_prior() -> ValencePrior:
    return ValencePrior.fit(
        [["A"], ["A", "B"], ["B"], [], ["A"], ["B"]],
        ["barrier", "enabler", "neutral", "barrier", "", "other"],
    )


def test_counts_are_the_coded_records_of_each_valence_a_record_counting_for_each_code() -> None:
    # [] has no code; "" and "other" are no valence: none of the three is counted
    assert small_prior().counts == {
        "A": {"barrier": 1, "enabler": 1, "neutral": 0},
        "B": {"barrier": 0, "enabler": 1, "neutral": 1},
    }


def test_shares_are_add_one_smoothed_and_uniform_for_a_class_without_counts() -> None:
    shares = small_prior().shares(["A", "B", "NONE"])
    assert shares == pytest.approx(np.array([[0.4, 0.4, 0.2], [0.2, 0.4, 0.4], [1 / 3] * 3]))


def test_the_mix_is_the_code_probabilities_times_the_shares() -> None:
    P = np.array([[1.0, 0.0, 0.0], [0.5, 0.5, 0.0]])
    mix = np.exp(small_prior().log_mix(P, ["A", "B", "NONE"]))
    assert mix == pytest.approx(np.array([[0.4, 0.4, 0.2], [0.3, 0.4, 0.3]]))


def test_the_prior_multiplies_the_valence_probabilities_and_renormalises() -> None:
    V = np.array([[0.5, 0.3, 0.2]])
    P = np.array([[1.0, 0.0, 0.0]])
    out = with_prior(V, P, ["A", "B", "NONE"], small_prior(), 1.0)
    # (0.5 * 0.4, 0.3 * 0.4, 0.2 * 0.2) / 0.36
    assert out == pytest.approx(np.array([[0.2, 0.12, 0.04]]) / 0.36)
    half = with_prior(V, P, ["A", "B", "NONE"], small_prior(), 0.5)
    expected = np.array([0.5, 0.3, 0.2]) * np.sqrt([0.4, 0.4, 0.2])
    assert half == pytest.approx((expected / expected.sum())[None, :])
    assert with_prior(V, P, ["A", "B", "NONE"], small_prior(), 0.0) is V


@settings(max_examples=50, deadline=None)
@given(
    V=arrays(np.float64, (4, 3), elements=st.floats(0.01, 1.0)),
    P=arrays(np.float64, (4, 3), elements=st.floats(0.0, 1.0)),
    w=st.floats(0.0, 1.0),
)
def test_rows_stay_distributions_and_a_prior_without_counts_changes_nothing(
    V: np.ndarray, P: np.ndarray, w: float
) -> None:
    V = V / V.sum(axis=1, keepdims=True)
    P = P + 1e-3
    out = with_prior(V, P, ["A", "B", "NONE"], small_prior(), w)
    assert out.sum(axis=1) == pytest.approx(np.ones(4))
    assert (out >= 0).all()
    empty = with_prior(V, P, ["A", "B", "NONE"], ValencePrior({}), w)
    assert empty == pytest.approx(V)


def test_the_json_round_trips_and_a_wrong_one_is_refused() -> None:
    prior = small_prior()
    data = json.loads(json.dumps(prior.to_json()))
    assert data == {
        "valences": ["barrier", "enabler", "neutral"],
        "smoothing": 1.0,
        "counts": prior.counts,
    }
    assert ValencePrior.from_json(data).counts == prior.counts
    assert json.loads(prior.to_text()) == data
    assert prior.to_text().splitlines()[4] == '  "A": {"barrier": 1, "enabler": 1, "neutral": 0},'
    with pytest.raises(ValueError, match="valences must be"):
        ValencePrior.from_json({**data, "valences": ["enabler", "barrier", "neutral"]})
    with pytest.raises(ValueError, match="whole numbers"):
        ValencePrior.from_json({**data, "counts": {"A": {"barrier": -1}}})
    with pytest.raises(ValueError, match="whole numbers"):
        ValencePrior.from_json({**data, "counts": {"A": {"positive": 2}}})
    with pytest.raises(ValueError, match="whole numbers"):
        ValencePrior.from_json({**data, "counts": {"A": {"barrier": True}}})
    with pytest.raises(ValueError, match="whole numbers"):
        ValencePrior.from_json({**data, "counts": {"A": {"barrier": 1.5}}})
    with pytest.raises(ValueError, match="smoothing"):
        ValencePrior.from_json({**data, "smoothing": 0})


# -- in the AutoCoder ---------------------------------------------------------------------------


@pytest.mark.slow
def test_the_model_counts_its_coded_training_records_and_stores_them(
    tiny_model: AutoCoder, tiny_model_dir: Path, tiny_training: TrainingSet
) -> None:
    expected = ValencePrior.fit(tiny_training.codes, tiny_training.valences).counts
    assert tiny_model._valence_prior is not None
    assert tiny_model._valence_prior.counts == expected
    stored = json.loads((tiny_model_dir / "valence_prior.json").read_text("utf-8"))
    assert stored["counts"] == expected
    assert "valence_prior.json" in tiny_model.card["files"]


@pytest.fixture(scope="module")
def with_words(embedder: Embedder, tiny_training: TrainingSet) -> AutoCoder:
    """The tiny model with a third of its coded records neutral (the tiny set has none), so that
    a word model for valence is fitted beside the head and the prior."""
    valences = [
        "neutral" if codes and i % 3 == 0 else v
        for i, (codes, v) in enumerate(zip(tiny_training.codes, tiny_training.valences))
    ]
    return AutoCoder("cfir-2009", embedder=embedder).fit(replace(tiny_training, valences=valences))


@pytest.mark.slow
def test_shown_valence_is_the_head_and_words_times_the_likely_codes_mix(
    with_words: AutoCoder, embedder: Embedder
) -> None:
    from roqa_nlp.lexical import combine

    clf, lex, vlex = with_words._predictor, with_words._lexical, with_words._valence_lexical
    assert clf is not None and lex is not None and vlex is not None
    assert with_words._valence_prior is not None
    with_words.params["valence_neutral_weight"] = 1.0  # as trained: the mix alone
    classes = [str(c) for c in clf.classes_]
    names = [str(v) for v in clf.valence_classes_]
    X = embedder.encode(TEXTS).astype(np.float64)
    Q = combine(clf.log_probabilities(X), classes, lex, TEXTS, 0.5, lex.temperature_)
    head_and_words = combine(np.log(clf.predict_valence_proba(X)), names, vlex, TEXTS, 0.2)
    V = with_prior(head_and_words, Q, classes, with_words._valence_prior, 1.0)
    assert not np.allclose(V, head_and_words)
    for row, sugg in zip(V, with_words.suggest(TEXTS, top_k=2)):
        assert {s.valence for s in sugg} == {names[int(np.argmax(row))]}
        assert sugg[0].valence_probability == pytest.approx(float(row.max()), abs=1e-6)


@pytest.mark.slow
def test_a_code_always_read_as_a_barrier_turns_a_segment_to_barrier(
    embedder: Embedder, tiny_training: TrainingSet
) -> None:
    # The same records, but every Available Resources record a barrier ten times over: with
    # the prior off the head alone decides; on, the mix leans every resources segment to barrier.
    ts = tiny_training
    extra = [i for i, c in enumerate(ts.codes) if c == ["IS.E.2"]]
    assert extra
    barrier = replace(ts.subset(extra), valences=["barrier"] * len(extra))
    heavy = ts
    for _ in range(10):
        heavy = heavy.extend(barrier)
    ac = AutoCoder("cfir-2009", embedder=embedder, params={"valence_prior_weight": 0.0}).fit(heavy)
    assert ac._valence_prior is None
    text = ["We finally have enough staff and money on the rota for training days."]
    top = ac.suggest(text, top_k=1)[0][0]
    assert top.code_id == "IS.E.2"
    off = top.valence_probability if top.valence == "barrier" else 1 - top.valence_probability
    ac.params["valence_prior_weight"] = 1.0
    ac._valence_prior = ValencePrior.fit(heavy.codes, heavy.valences)
    on = ac.suggest(text, top_k=1)[0][0]
    assert on.valence == "barrier"
    assert on.valence_probability > off


@pytest.mark.slow
def test_weight_0_trains_and_stores_no_prior_and_an_old_model_without_one_loads(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    ac = AutoCoder("cfir-2009", embedder=embedder, params={"valence_prior_weight": 0.0})
    out = ac.fit(tiny_training).save(tmp_path / "model")
    assert not (out / "valence_prior.json").exists()
    assert "valence_prior.json" not in ac.card["files"]
    back = AutoCoder.load(out, embedder=embedder)
    assert back._valence_prior is None
    back.params["valence_prior_weight"] = 1.0  # nothing to apply: valence as the head gives it
    assert back.suggest(TEXTS) == ac.suggest(TEXTS)


@pytest.mark.slow
def test_an_altered_or_unreadable_valence_prior_file_is_a_one_line_error(
    tiny_model_dir: Path, embedder: Embedder, tmp_path: Path
) -> None:
    d = tmp_path / "model"
    shutil.copytree(tiny_model_dir, d)
    path = d / "valence_prior.json"
    data = json.loads(path.read_text("utf-8"))
    code = next(iter(data["counts"]))
    data["counts"][code]["barrier"] += 1
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(RoqaError, match="does not match its model card"):
        AutoCoder.load(d, embedder=embedder)
    path.unlink()
    with pytest.raises(RoqaError, match="missing or not a regular file"):
        AutoCoder.load(d, embedder=embedder)


@pytest.mark.slow
def test_the_saved_model_predicts_the_same_valences(
    tiny_model: AutoCoder, tiny_model_dir: Path, embedder: Embedder
) -> None:
    back = AutoCoder.load(tiny_model_dir, embedder=embedder)
    assert back._valence_prior is not None
    assert back._valence_prior.counts == tiny_model._valence_prior.counts  # type: ignore[union-attr]
    assert back.suggest(TEXTS) == tiny_model.suggest(TEXTS)


@pytest.mark.parametrize("w", [-0.1, 1.5, "1", None, True])
def test_the_weight_must_be_a_number_from_0_to_1(w: object) -> None:
    with pytest.raises(RoqaError) as exc:
        AutoCoder("cfir-2009", params={"valence_prior_weight": w})
    assert str(exc.value).startswith(
        f"valence_prior_weight must be a number from 0 to 1, got {w!r}"
    )


@pytest.mark.slow
def test_retraining_with_decisions_recounts_the_mix_with_the_researchers_valences(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    from roqa_nlp.autocoder import UPDATE_WEIGHT

    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        "segment_id,decision,code_id,new_code,text,valence\n"
        "p02:0001,new-code,,COVID-19 disruption,The covid outbreak closed the home.,barrier\n"
        "p02:0002,new-code,,COVID-19 disruption,Half the team were off sick with covid.,barrier\n"
        "p02:0003,new-code,,COVID-19 disruption,Covid testing gave us a routine.,enabler\n"
        "p02:0004,accept,IS.E.2,,There was never enough money for extra shifts.,barrier\n"
        "p02:0005,accept,IS.E.2,,We were told to just get on with it.,\n",
        encoding="utf-8",
    )
    ac = AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)
    before = ValencePrior.fit(tiny_training.codes, tiny_training.valences).counts
    after = ac._valence_prior.counts  # type: ignore[union-attr]
    w = UPDATE_WEIGHT
    assert after["project.covid-19-disruption"] == {"barrier": 2 * w, "enabler": w, "neutral": 0}
    # a decision without a valence states none: it is not counted
    assert after["IS.E.2"] == {**before["IS.E.2"], "barrier": before["IS.E.2"]["barrier"] + w}
    assert {
        c: n for c, n in after.items() if c not in ("IS.E.2", "project.covid-19-disruption")
    } == {c: n for c, n in before.items() if c != "IS.E.2"}
