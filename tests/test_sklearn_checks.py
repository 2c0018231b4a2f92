"""scikit-learn's own estimator checks (``check_estimator``) on every estimator in roqa_nlp.

``CodeClassifier`` passes every check with its default method ("logreg"). The checks that do not
apply are listed below as expected failures, each with the reason; ``xfail_strict`` makes a
listed check that starts passing fail the run, so the list cannot go stale.

``LexicalModel`` (``roqa_nlp.lexical``) is not a scikit-learn estimator: it is built by the class
method ``LexicalModel.fit(texts, labels)`` and predicts from its saved arrays with numpy alone, so
``check_estimator`` does not apply to it (its label handling is tested in ``test_lexical.py``).

The whole module runs in about 20 s.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from roqa_nlp.classifier import CodeClassifier
from roqa_nlp.novelty import NoveltyDetector

#: Prototypes are class means, which class weights do not change: only the logistic regression
#: ("logreg", and half of "hybrid") weighs classes, and the check wants a weight of 1000 on one
#: class to dominate every prediction.
PROTOTYPE_FAILURES = {
    "check_class_weight_classifiers": (
        "class_weight weighs the logistic regression only; the prototypes (class means) of "
        "'prototype' and 'hybrid' ignore it"
    ),
}

#: NoveltyDetector is a *supervised* novelty detector: it learns which codes exist from the
#: labels, and flags what fits none of them. scikit-learn's outlier checks fit on X alone.
#: Its hyper-parameter ``score`` (the nonconformity score) is saved in every model card's
#: ``params``, so it keeps its name, although scikit-learn looks for a ``score`` *method* of
#: that name and calls the string.
NOVELTY_FAILURES = {
    "check_outliers_train": "fits on X alone; NoveltyDetector needs the code labels y",
    "check_outliers_fit_predict": "fits on X alone; NoveltyDetector needs the code labels y",
    "check_fit_score_takes_y": "calls estimator.score, which is the nonconformity-score parameter",
    "check_pipeline_consistency": "calls estimator.score, which is the nonconformity-score "
    "parameter",
    "check_n_features_in_after_fitting": "calls estimator.score, which is the nonconformity-score "
    "parameter",
}


def expected_failed_checks(estimator: object) -> dict[str, str]:
    if isinstance(estimator, NoveltyDetector):
        return NOVELTY_FAILURES
    if isinstance(estimator, CodeClassifier) and estimator.method != "logreg":
        return PROTOTYPE_FAILURES
    return {}


@pytest.mark.filterwarnings("ignore")
@parametrize_with_checks(
    [
        CodeClassifier(),
        CodeClassifier("prototype"),
        CodeClassifier("hybrid"),
        NoveltyDetector(),
    ],
    expected_failed_checks=expected_failed_checks,
)
def test_sklearn_estimator_checks(estimator: object, check: Callable[[object], None]) -> None:
    check(estimator)
