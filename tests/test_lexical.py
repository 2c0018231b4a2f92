"""Specification of the word model (roqa_nlp.lexical): scikit-learn's TF-IDF and logistic
regression reproduced with numpy, stored without pickle, and combined with the embedding
classifier's probabilities."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from safetensors.numpy import load, save
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from roqa_nlp.lexical import LexicalModel, combine, terms

TEXTS = [
    "We never had enough money for the extra staff.",
    "The CQC inspection changed our forms, again and again.",
    "Money, money, money! Staff staff — café Réunion staff",
    "Nobody trained us on the new forms at all.",
    "The budget for the pilot ran out in March.",
    "Our champion on the ward kept everyone going with the new forms.",
    "Lovely weather today, isn't it?",
    "Can you hear me now? I'll share my screen.",
]
LABELS = ["IS.E.2", "OS.D", "IS.E.2", "IS.E.3", "IC.H", "PR.B.3", "NONE", "PROCEDURAL"]


@pytest.fixture(scope="module")
def fitted() -> tuple[LexicalModel, TfidfVectorizer]:
    model = LexicalModel.fit(TEXTS * 2, LABELS * 2, min_df=1)
    vec = TfidfVectorizer(
        sublinear_tf=True, min_df=1, ngram_range=(1, 2), stop_words=sorted(ENGLISH_STOP_WORDS)
    ).fit(TEXTS * 2)
    return model, vec


def dense(model: LexicalModel, texts: list[str]) -> np.ndarray:
    out = np.zeros((len(texts), len(model.vocabulary_)))
    for i, (idx, val) in enumerate(model.transform(texts)):
        out[i, idx] = val
    return out


def sklearn_dense(model: LexicalModel, vec: TfidfVectorizer, texts: list[str]) -> np.ndarray:
    T = vec.transform(texts).toarray()
    return T[:, [vec.vocabulary_[t] for t in model.vocabulary_]]


def test_terms_are_lower_cased_words_and_word_pairs_without_stop_words() -> None:
    stop = frozenset({"the", "for"})
    assert terms("The budget for THE pilot ran out", stop, (1, 2)) == [
        "budget",
        "pilot",
        "ran",
        "out",
        "budget pilot",
        "pilot ran",
        "ran out",
    ]


def test_vocabulary_and_idf_are_scikit_learns(fitted) -> None:
    model, vec = fitted
    assert sorted(model.vocabulary_) == sorted(vec.vocabulary_)
    idf = vec.idf_[[vec.vocabulary_[t] for t in model.vocabulary_]]
    assert np.array_equal(model.idf_, idf)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=4))
def test_transform_equals_scikit_learns_for_any_text(fitted, texts: list[str]) -> None:
    model, vec = fitted
    assert np.abs(dense(model, texts) - sklearn_dense(model, vec, texts)).max() < 1e-12


def test_transform_of_known_texts_equals_scikit_learns(fitted) -> None:
    model, vec = fitted
    texts = [*TEXTS, "", "zzz unknown words only", "staff staff staff"]
    assert np.abs(dense(model, texts) - sklearn_dense(model, vec, texts)).max() < 1e-12


def test_log_probabilities_are_the_logistic_regressions(fitted) -> None:
    model, vec = fitted
    lr = LogisticRegression(C=10.0, class_weight="balanced", max_iter=3000)
    lr.fit(vec.transform(TEXTS * 2), LABELS * 2)
    assert model.classes_ == [str(c) for c in lr.classes_]
    expected = lr.predict_log_proba(vec.transform(TEXTS))
    # the model keeps float32 coefficients (as it stores them)
    assert np.abs(model.log_probabilities(TEXTS) - expected).max() < 1e-4
    assert list(np.argmax(model.log_probabilities(TEXTS), axis=1)) == list(
        np.argmax(expected, axis=1)
    )


def test_two_classes_give_the_binary_logistic_regressions_probabilities() -> None:
    labels = ["IS.E.2" if "staff" in t.lower() or "money" in t.lower() else "NONE" for t in TEXTS]
    model = LexicalModel.fit(TEXTS * 2, labels * 2, min_df=1)
    vec = TfidfVectorizer(
        sublinear_tf=True, min_df=1, ngram_range=(1, 2), stop_words=sorted(ENGLISH_STOP_WORDS)
    ).fit(TEXTS * 2)
    lr = LogisticRegression(C=10.0, class_weight="balanced", max_iter=3000)
    lr.fit(vec.transform(TEXTS * 2), labels * 2)
    assert model.classes_ == ["IS.E.2", "NONE"] and model.coef_.shape[0] == 2
    expected = lr.predict_log_proba(vec.transform(TEXTS))
    assert np.abs(model.log_probabilities(TEXTS) - expected).max() < 1e-4


def test_a_stored_model_predicts_exactly_as_the_fitted_one(fitted) -> None:
    model, _ = fitted
    model.coef_ = np.asfortranarray(model.coef_)  # scikit-learn may hand out Fortran order
    back = LexicalModel.from_arrays(
        load(save(model.to_arrays())), json.loads(json.dumps(model.state()))
    )
    assert np.array_equal(back.log_probabilities(TEXTS), model.log_probabilities(TEXTS))


def test_mismatched_arrays_are_refused(fitted) -> None:
    model, _ = fitted
    arrays = model.to_arrays()
    arrays["idf"] = arrays["idf"][:-1]
    with pytest.raises(ValueError, match="different sizes"):
        LexicalModel.from_arrays(arrays, model.state())


def test_combine_is_the_weighted_geometric_mean(fitted) -> None:
    model, _ = fitted
    classes = list(reversed(model.classes_))  # the embedding classifier's own column order
    rng = np.random.default_rng(0)
    P = rng.dirichlet(np.ones(len(classes)), size=len(TEXTS))
    log_p = np.log(P) + 3.0  # log-probabilities up to a constant per row are enough
    words = np.exp(model.log_probabilities(TEXTS))[:, [model.classes_.index(c) for c in classes]]
    assert np.allclose(combine(log_p, classes, model, TEXTS, 0.0), P)
    assert np.allclose(combine(log_p, classes, model, TEXTS, 1.0), words)
    half = np.sqrt(P * words)
    assert np.allclose(
        combine(log_p, classes, model, TEXTS, 0.5), half / half.sum(1, keepdims=True)
    )
    # a temperature T raises the geometric mean to the power 1/T, keeping every ranking
    sharp = half**2
    assert np.allclose(
        combine(log_p, classes, model, TEXTS, 0.5, 0.5), sharp / sharp.sum(1, keepdims=True)
    )
    # one temperature per row: the first row at T = 0.5, the others at T = 1
    per_row = np.ones(len(TEXTS))
    per_row[0] = 0.5
    expected = half / half.sum(1, keepdims=True)
    expected[0] = sharp[0] / sharp[0].sum()
    assert np.allclose(combine(log_p, classes, model, TEXTS, 0.5, per_row), expected)


def test_the_temperature_is_stored_with_the_word_model(fitted) -> None:
    model, _ = fitted
    state = {**model.state(), "temperature": 0.625}
    back = LexicalModel.from_arrays(model.to_arrays(), json.loads(json.dumps(state)))
    assert back.temperature_ == 0.625 and back.state()["temperature"] == 0.625
    legacy = {k: v for k, v in model.state().items() if k != "temperature"}
    assert LexicalModel.from_arrays(model.to_arrays(), legacy).temperature_ == 1.0
    with pytest.raises(ValueError, match="temperature must be positive"):
        LexicalModel.from_arrays(model.to_arrays(), {**model.state(), "temperature": 0.0})


@pytest.mark.parametrize(
    ("texts", "labels"),
    [
        # every word in one record only: nothing survives min_df = 2
        (
            ["Budget cuts hurt.", "Inspectors visited.", "Lovely weather."],
            ["IS.E.2", "OS.D", "NONE"],
        ),
        # one class only: nothing to tell apart
        (["The budget, the budget.", "The budget again."], ["IS.E.2", "IS.E.2"]),
    ],
)
def test_without_words_or_classes_to_learn_the_word_model_is_uniform(
    texts: list[str], labels: list[str]
) -> None:
    model = LexicalModel.fit(texts, labels)
    k = len(set(labels))
    assert model.classes_ == sorted(set(labels))
    assert np.allclose(model.log_probabilities(["The budget ran out."]), np.log(1 / k))
    back = LexicalModel.from_arrays(load(save(model.to_arrays())), model.state())
    assert back.classes_ == model.classes_ and back.vocabulary_ == model.vocabulary_
    assert np.allclose(back.log_probabilities(texts), np.log(1 / k))


def test_few_examples_of_many_codes_fit_without_scikit_learn_warnings() -> None:
    """One example of each of many codes (a small feedback set): scikit-learn's "looks like a
    regression target" warning must not reach the researcher."""
    import warnings

    # scikit-learn warns from 21 samples on, when over half of them are distinct classes
    texts = [f"The staff budget and rota problem number {i} again" for i in range(24)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model = LexicalModel.fit(texts, [f"C{i}" for i in range(24)])
    assert len(model.classes_) == 24 and model.vocabulary_


def test_integer_labels_and_lists_of_them_are_labels_named_by_their_digits() -> None:
    """The word model takes labels as CodeClassifier does: integers (which it names by their
    string) and lists of them, and fits what the same string labels fit."""
    names = sorted(set(LABELS))
    as_int = [names.index(lab) for lab in LABELS]
    by_str = LexicalModel.fit(TEXTS * 2, LABELS * 2, min_df=1)
    by_int = LexicalModel.fit(TEXTS * 2, as_int * 2, min_df=1)
    assert by_int.classes_ == [str(i) for i in range(len(names))]
    np.testing.assert_allclose(
        by_int.log_probabilities(TEXTS), by_str.log_probabilities(TEXTS), atol=1e-9
    )
    multi = LexicalModel.fit(TEXTS * 2, [[i, 0] if i else [] for i in as_int] * 2, min_df=1)
    assert multi.classes_ == [*by_int.classes_, "NONE"]  # [] is NONE


def test_a_stop_list_given_to_fit_is_the_one_used_and_stored() -> None:
    stop = sorted(ENGLISH_STOP_WORDS - {"never", "nobody"})
    model = LexicalModel.fit(TEXTS * 2, LABELS * 2, min_df=1, stop_words=stop)
    assert model.stop_words_ == frozenset(stop)
    assert {"never", "never money", "nobody", "nobody trained"} <= set(model.vocabulary_)
    back = LexicalModel.from_arrays(model.to_arrays(), json.loads(json.dumps(model.state())))
    assert np.array_equal(back.log_probabilities(TEXTS), model.log_probabilities(TEXTS))


def test_codes_taught_only_by_decisions_are_ones_the_word_model_cannot_read() -> None:
    from roqa_nlp.lexical import unreadable_codes

    rows = [
        ("IS.E.2", False, True),  # a training record
        ("project.burnout", True, False),  # the researcher's decided segments
        (["project.burnout", "IS.E.3"], True, False),
        ("IS.E.2", True, False),  # decided, but also read in a training record
        ("REJECTED", True, False),  # a class that fits no code is never one of them
        ("project.burnout", False, False),  # its one-line description
        ("project.described", False, False),  # a description only, no decision
        ("project.mixed", True, False),
        ("project.mixed", False, True),
    ]
    labels, decided, read = zip(*rows)
    assert unreadable_codes(labels, decided, read) == ["project.burnout", "IS.E.3"]


def _three_class_model(silent: list[str]) -> LexicalModel:
    """Words for A, NEW and NONE: "budget" gives them 8 : 1 : 1."""
    coef = np.array([[np.log(8.0)], [0.0], [0.0]])
    return LexicalModel(
        ["budget"], np.ones(1), coef, np.zeros(3), ["A", "NEW", "NONE"], [], (1, 1), 1.0, silent
    )


def test_a_code_the_word_model_cannot_read_takes_the_embedding_probability() -> None:
    """s54: a review's new code, whose words the word model was kept from, had its embedding
    probability 0.58 divided down to 0.02 by the word model's 0.001 for it, and "no code" shown
    at 0.83. The word model's distribution is completed by the embedding's for it:
    P'_words = (NEW 0.6; A 0.4 * 0.8 / 0.9; NONE 0.4 * 0.1 / 0.9), and the geometric mean of
    (0.2, 0.6, 0.2) with it is (4/15, 9/15, sqrt(2)/15), normalised."""
    classes = ["A", "NEW", "NONE"]
    log_p = np.log(np.array([[0.2, 0.6, 0.2]])) + 1.5  # up to a constant per row
    completed = combine(log_p, classes, _three_class_model(["NEW"]), ["The budget."], 0.5)
    expected = np.array([4.0, 9.0, np.sqrt(2.0)]) / (13.0 + np.sqrt(2.0))
    np.testing.assert_allclose(completed[0], expected, rtol=1e-12)
    # a word model that reads every class: the plain geometric mean, NEW far below A
    plain = combine(log_p, classes, _three_class_model([]), ["The budget."], 0.5)
    half = np.sqrt(np.array([0.2 * 0.8, 0.6 * 0.1, 0.2 * 0.1]))
    np.testing.assert_allclose(plain[0], half / half.sum(), rtol=1e-12)
    # over the embedding classifier's own column order, as the coder combines them
    order = ["NONE", "NEW", "A"]
    np.testing.assert_allclose(
        combine(log_p[:, ::-1], order, _three_class_model(["NEW"]), ["The budget."], 0.5)[0],
        expected[::-1],
        rtol=1e-12,
    )


def test_the_codes_the_word_model_cannot_read_are_stored_with_it() -> None:
    model = LexicalModel.fit(TEXTS * 2, LABELS * 2, min_df=1, silent_classes=["OS.D", "X.Y"])
    assert model.silent_classes_ == ["OS.D"]  # only the codes it has as classes
    state = json.loads(json.dumps(model.state()))
    assert state["silent_classes"] == ["OS.D"]
    back = LexicalModel.from_arrays(model.to_arrays(), state)
    assert back.silent_classes_ == ["OS.D"]
    # a word model that reads every class saves as before, without the key
    plain = LexicalModel.fit(TEXTS * 2, LABELS * 2, min_df=1)
    assert plain.silent_classes_ == [] and "silent_classes" not in plain.state()
    with pytest.raises(ValueError, match="silent classes are not among its classes"):
        LexicalModel.from_arrays(model.to_arrays(), {**state, "silent_classes": ["X.Y"]})


def test_a_word_model_asked_to_record_its_silent_codes_records_none_as_an_empty_list() -> None:
    # a model retrained on decisions: without the key, load() took its project codes for silent
    plain = LexicalModel.fit(TEXTS * 2, LABELS * 2, min_df=1)
    assert plain.state(record_silent=True)["silent_classes"] == []
