"""Words beside the sentence embedding: a TF-IDF logistic regression over words and word pairs.

The frozen sentence embedding keeps what a passage is about better than its CFIR aspect; some
aspects are carried by words it blurs ("budget", "inspection", "pilot", "champion"). A logistic
regression on TF-IDF features of words and word pairs (lower-cased, English stop words dropped,
terms in at least two training records, sublinear term frequency, balanced classes, C = 10) is
trained on the same records and labels as the embedding classifier, and suggestions are ranked by
the weighted geometric mean ``(1 - w) log P_embedding + w log P_words`` (``lexical_weight`` w =
0.5, chosen by cross-validation grouped by source and setting:
``benchmarks/results/lexical_ensemble.md``) of the two models' uncalibrated probabilities. The
combination then gets one temperature of its own, fitted as the embedding classifier fits its
(:func:`fit_combined_temperature`: on the seed paper's quotes held out, by top-label log-loss), so
the probability a suggestion shows is calibrated for real interview speech
(``benchmarks/results/combined_calibration.md``).

A code taught only by the researcher's decisions (a review's new code) is one the word model
cannot read: it is kept from the decided segments' words, so that no word of the study's
interviews is stored with it, and it has only those few segments besides the code's one-line
description. Its probability there says only that a segment lacks words the model was never
allowed to learn (0.001 for "I'm working sixty hours a week ... I feel physically ill on Sunday
nights" against 0.58 from the embedding classifier for the new code "Manager burnout": the
combination showed it at 0.02, with "no code" at 0.83). For such *silent* codes the word model's
distribution is completed by the embedding classifier's: a silent code takes the embedding
probability, and the word model's own distribution over the codes it can read is scaled to the
rest (:func:`words_completed`), so the word model still ranks the codes it reads and the
combination remains a geometric mean of two distributions.

Training uses scikit-learn; the fitted model is stored as arrays (idf, coefficients) and JSON
(vocabulary, stop words, classes) and predicts with numpy alone, reproducing scikit-learn's
``TfidfVectorizer`` transform exactly (tested).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

#: scikit-learn's default token pattern: runs of two or more word characters.
TOKEN = re.compile(r"(?u)\b\w\w+\b")
PARAMS: dict[str, Any] = {"C": 10.0, "min_df": 2, "ngram_range": [1, 2]}


def terms(text: str, stop_words: frozenset[str], ngram_range: Sequence[int]) -> list[str]:
    """The words and word n-grams of ``text`` as scikit-learn's word analyzer makes them."""
    return list(_terms(text, stop_words, int(ngram_range[0]), int(ngram_range[1])))


@lru_cache(maxsize=4096)
def _terms(text: str, stop_words: frozenset[str], lo: int, hi: int) -> tuple[str, ...]:
    # Memoised: the code and valence word models analyse each segment alike, one after the other.
    tokens = [t for t in TOKEN.findall(text.lower()) if t not in stop_words]
    out: list[str] = []
    for n in range(lo, hi + 1):
        out += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return tuple(out)


class LexicalModel:
    """A fitted word-level classifier: ``log_probabilities(texts)`` over ``classes_``."""

    def __init__(
        self,
        vocabulary: Sequence[str],
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: Sequence[str],
        stop_words: Sequence[str],
        ngram_range: Sequence[int] = (1, 2),
        temperature: float = 1.0,
        silent_classes: Sequence[str] = (),
    ) -> None:
        self.vocabulary_ = list(vocabulary)
        self.index_ = {t: i for i, t in enumerate(self.vocabulary_)}
        self.idf_ = np.asarray(idf, dtype=np.float64)
        self.coef_ = np.asarray(coef, dtype=np.float64)
        self.intercept_ = np.asarray(intercept, dtype=np.float64)
        self.classes_ = [str(c) for c in classes]
        self.stop_words_ = frozenset(stop_words)
        self.ngram_range = [int(n) for n in ngram_range]
        #: the temperature of the probabilities combined with the embedding classifier's
        #: (:func:`fit_combined_temperature`; 1.0 until fitted)
        self.temperature_ = float(temperature)
        if not self.temperature_ > 0:
            raise ValueError("the word model's temperature must be positive")
        #: the codes the word model cannot read (:func:`unreadable_codes`): the combination
        #: takes the embedding classifier's probability for them (:func:`words_completed`)
        self.silent_classes_ = [str(c) for c in silent_classes]
        if not set(self.silent_classes_) <= set(self.classes_):
            raise ValueError("the word model's silent classes are not among its classes")
        k, v = self.coef_.shape
        if v != len(self.vocabulary_) or len(self.idf_) != v or self.intercept_.shape != (k,):
            raise ValueError("lexical arrays and vocabulary have different sizes")
        if len(self.classes_) != k:
            raise ValueError("lexical coefficients and classes have different sizes")

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        labels: Sequence[Any],
        *,
        C: float = PARAMS["C"],
        min_df: int = PARAMS["min_df"],
        ngram_range: Sequence[int] = tuple(PARAMS["ngram_range"]),
        vocabulary_from: Sequence[bool] | None = None,
        stop_words: Sequence[str] | None = None,
        silent_classes: Sequence[str] = (),
    ) -> LexicalModel:
        """Fit on ``texts`` and labels as :class:`~roqa_nlp.classifier.CodeClassifier` takes
        them (a code id, a list of ids, or an off-framework class). ``vocabulary_from`` (one flag
        per text) names the texts whose words the model may know and store: all by default; the
        researcher's decided segments are left out of it, so a retrained model's ``lexical.json``
        holds no word of their interviews (names included); the model still learns from them
        through the words the other texts know. ``stop_words``: the words dropped (scikit-learn's
        English stop words by default); stored with the model, which drops them when it
        predicts. ``silent_classes``: the codes it cannot read (:func:`unreadable_codes`), those
        of them it has as classes kept."""
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        from .classifier import _expand, _fit_labels, class_weights

        rows, y, weights = _expand(np.arange(len(texts))[:, None], list(labels))
        wanted = set(map(str, silent_classes))
        stop = sorted(ENGLISH_STOP_WORDS if stop_words is None else set(stop_words))
        vec = TfidfVectorizer(
            sublinear_tf=True,
            min_df=min_df,
            ngram_range=(int(ngram_range[0]), int(ngram_range[1])),
            stop_words=stop,
        )
        classes = sorted(set(map(str, y)))
        try:
            if vocabulary_from is None:
                T = vec.fit_transform(list(texts))
            else:
                known = [t for t, ok in zip(texts, vocabulary_from, strict=True) if ok]
                T = vec.fit(known).transform(list(texts))
        except ValueError:  # no term in min_df records (a small training set): no word evidence
            T = None
        if T is None or len(classes) < 2:
            # Knows no word, or has one class only: uniform probabilities, so the combination
            # ranks as the embedding classifier alone.
            k = len(classes)
            empty = np.zeros((k, 0), dtype=np.float32)
            silent = [c for c in classes if c in wanted]
            return cls([], np.zeros(0), empty, np.zeros(k), classes, stop, ngram_range, 1.0, silent)
        lr = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
        _fit_labels(lr, T[rows[:, 0]], y, sample_weight=weights)
        vocab = sorted(vec.vocabulary_, key=vec.vocabulary_.__getitem__)
        classes = [str(c) for c in lr.classes_]
        coef, intercept = class_weights(lr)
        # Coefficients are stored as float32: round them now so a saved model predicts the same.
        coef = np.asarray(coef, dtype=np.float32)
        silent = [c for c in classes if c in wanted]
        return cls(vocab, vec.idf_, coef, intercept, classes, stop, ngram_range, 1.0, silent)

    def _entries(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The non-zero TF-IDF entries of all ``texts`` at once: (row, term index, L2-normalised
        value), sorted by row and then term, as scikit-learn's ``TfidfVectorizer`` gives them."""
        lo, hi = self.ngram_range
        index, stop = self.index_, self.stop_words_
        rows: list[int] = []
        cols: list[int] = []
        for i, text in enumerate(texts):
            hits = [index[t] for t in _terms(text, stop, lo, hi) if t in index]
            cols += hits
            rows += [i] * len(hits)
        v = max(len(self.vocabulary_), 1)
        keys, counts = np.unique(
            np.asarray(rows, dtype=np.int64) * v + np.asarray(cols, dtype=np.int64),
            return_counts=True,
        )
        r, c = np.divmod(keys, v)
        val = (1.0 + np.log(counts.astype(np.float64))) * self.idf_[c]
        norm = np.sqrt(np.bincount(r, weights=val * val, minlength=len(texts)))[r]
        return r, c, np.divide(val, norm, out=val.copy(), where=norm > 0)

    def transform(self, texts: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Each text's TF-IDF row (term indices, L2-normalised values), as scikit-learn's."""
        r, c, val = self._entries(texts)
        bounds = np.searchsorted(r, np.arange(len(texts) + 1))
        return [(c[a:b], val[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]

    def log_probabilities(self, texts: Sequence[str], batch_size: int = 512) -> np.ndarray:
        """Log-probabilities of each class (columns ``classes_``) for each text."""
        Z = np.tile(self.intercept_, (len(texts), 1))
        for start in range(0, len(texts), batch_size):  # bounds the classes x entries product
            r, c, val = self._entries(texts[start : start + batch_size])
            if not len(r):
                continue
            first = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
            Z[start + r[first]] += np.add.reduceat(self.coef_[:, c] * val, first, axis=1).T
        Z -= Z.max(axis=1, keepdims=True)
        return np.asarray(Z - np.log(np.exp(Z).sum(axis=1, keepdims=True)))

    def to_arrays(self) -> dict[str, np.ndarray]:
        # C order: safetensors writes the raw buffer, and scikit-learn's coef_ can be
        # Fortran-ordered
        return {
            "idf": np.ascontiguousarray(self.idf_, dtype=np.float64),
            "coef": np.ascontiguousarray(self.coef_, dtype=np.float32),
            "intercept": np.ascontiguousarray(self.intercept_, dtype=np.float64),
        }

    def state(self, *, record_silent: bool = False) -> dict[str, Any]:
        """The model's JSON state; ``silent_classes`` is in it when there are any, or when
        ``record_silent`` (a model retrained on decisions, which a loader without the key takes
        for one saved before it was recorded)."""
        out: dict[str, Any] = {
            "vocabulary": self.vocabulary_,
            "stop_words": sorted(self.stop_words_),
            "classes": self.classes_,
            "ngram_range": self.ngram_range,
            "temperature": self.temperature_,
        }
        # only when there are any: a model without a review's new codes saves as before
        if self.silent_classes_ or record_silent:
            out["silent_classes"] = self.silent_classes_
        return out

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], state: dict[str, Any]) -> LexicalModel:
        return cls(
            state["vocabulary"],
            arrays["idf"],
            arrays["coef"],
            arrays["intercept"],
            state["classes"],
            state["stop_words"],
            state["ngram_range"],
            float(state.get("temperature", 1.0)),
            state.get("silent_classes", ()),
        )


def unreadable_codes(
    labels: Sequence[Any], decided: Sequence[bool], read: Sequence[bool]
) -> list[str]:
    """The codes a word model cannot read: those of ``labels`` (as
    :class:`~roqa_nlp.classifier.CodeClassifier` takes them) on a ``decided`` record (a
    researcher's decision) and on no record the word model can ``read`` (one whose words it may
    keep that is not the code's one-line description), in order of first appearance."""
    from .classifier import _labels_of
    from .schema import OFF_FRAMEWORK

    taught: dict[str, None] = {}
    readable: set[str] = set()
    for label, was_decided, can_read in zip(labels, decided, read, strict=True):
        codes = [str(c) for c in _labels_of(label) if str(c) not in OFF_FRAMEWORK]
        if can_read:
            readable.update(codes)
        if was_decided:
            taught.update(dict.fromkeys(codes))
    return [c for c in taught if c not in readable]


def words_completed(
    log_words: np.ndarray, log_p: np.ndarray, classes: Sequence[str], lexical: LexicalModel
) -> np.ndarray:
    """The word model's log-probabilities over ``classes``, completed by the embedding
    classifier's for the codes it cannot read (its ``silent_classes_``): ``log_words`` are the
    word model's (columns ``lexical.classes_``), ``log_p`` the embedding classifier's (columns
    ``classes``, up to a constant per row). A silent code's probability is the embedding's, and
    the word model's distribution over the classes it reads is scaled to what is left::

        P'_words(c) = P_emb(c)                                           c silent
        P'_words(c) = (1 - sum_silent P_emb) * P_words(c) / sum_read P_words   otherwise

    so it still ranks the classes it reads and sums to one. Without silent classes, the word
    model's own log-probabilities."""
    col = {c: j for j, c in enumerate(lexical.classes_)}
    L = np.asarray(log_words)[:, [col[str(c)] for c in classes]]
    silent = set(lexical.silent_classes_)
    cols = [j for j, c in enumerate(classes) if str(c) in silent]
    if not cols:
        return L
    read = [j for j, c in enumerate(lexical.classes_) if c not in silent]
    mass_read = np.exp(np.asarray(log_words, dtype=np.float64)[:, read]).sum(axis=1)
    z = np.asarray(log_p, dtype=np.float64)
    z = z - z.max(axis=1, keepdims=True)
    log_emb = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    left = np.clip(1.0 - np.exp(log_emb[:, cols]).sum(axis=1), 1e-12, None)
    out = np.array(L, dtype=np.float64)
    out += (np.log(left) - np.log(np.clip(mass_read, 1e-300, None)))[:, None]
    out[:, cols] = log_emb[:, cols]
    return out


def combine(
    log_p: np.ndarray,
    classes: Sequence[str],
    lexical: LexicalModel,
    texts: Sequence[str],
    w: float,
    temperature: float | np.ndarray = 1.0,
) -> np.ndarray:
    """Probabilities ``softmax(((1 - w) log_p + w log P_words) / T)`` over ``classes`` (every one
    must be in the lexical model's classes); ``log_p`` are the embedding classifier's
    uncalibrated log-probabilities, T the combination's temperature (one for every row, or one
    per row). For the codes the word model cannot read, ``P_words`` is completed by the
    embedding classifier's probabilities (:func:`words_completed`)."""
    from .prediction import softmax

    L = words_completed(lexical.log_probabilities(texts), log_p, classes, lexical)
    T = np.asarray(temperature, dtype=np.float64)
    return softmax(((1.0 - w) * np.asarray(log_p) + w * L) / (T[:, None] if T.ndim else T))


def fit_combined_temperature(
    X: np.ndarray,
    texts: Sequence[str],
    y: Sequence[Any],
    groups: Sequence[str] | None,
    classes: Sequence[str],
    *,
    w: float,
    classifier_params: dict[str, Any],
    silent_classes: Sequence[str] = (),
) -> float:
    """The temperature of the combined probabilities, fitted as the embedding classifier fits its
    own (:func:`roqa_nlp.classifier.fit_held_out_temperature`: the calibration group's quotes held
    out, else grouped out-of-fold predictions), with both models refitted without the held-out
    rows. ``classifier_params`` are the embedding classifier's; ``silent_classes`` the codes the
    word model cannot read (:func:`unreadable_codes`), combined as the fitted model combines them."""
    from .classifier import CodeClassifier, fit_held_out_temperature, widen

    classes = [str(c) for c in classes]
    X = np.asarray(X, dtype=np.float64)

    def scores(train: np.ndarray, test: np.ndarray) -> tuple[np.ndarray, list[str]]:
        labels = [y[i] for i in train]
        sub = CodeClassifier(**{**classifier_params, "calibrate": False})
        sub._fit_core(X[train], labels)  # codes only, as the classifier's own calibration
        words = LexicalModel.fit([texts[i] for i in train], labels, silent_classes=silent_classes)
        seen = [str(c) for c in sub.classes_]
        Q = combine(sub._logits(X[test]), seen, words, [texts[i] for i in test], w)
        return widen(np.log(np.clip(Q, 1e-12, None)), seen, classes), seen

    return fit_held_out_temperature(
        scores,
        y,
        groups,
        classes,
        calibration_group=classifier_params.get("calibration_group", "seed-paper"),
        n_splits=int(classifier_params.get("n_splits", 5)),
        random_state=int(classifier_params.get("random_state", 0)),
    )
