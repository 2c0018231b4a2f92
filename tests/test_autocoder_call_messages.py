"""What ``help()`` and the errors of AutoCoder's calls show (api tester, session 91):
``help(ac.code_batches)`` listed the private ``_stacklevel`` and ``_call``; a bad
``ac.params["top_k"]`` was advised in parentheses nested in the error's own, with no example,
where ``suggest(t, top_k="3")`` gives one; ``ac.evaluate(5)`` did not name the call, as
``suggest()`` and ``AutoCoder.load()`` do."""

from __future__ import annotations

import inspect

import pytest

from roqa_nlp import AutoCoder
from roqa_nlp.autocoder import DEFAULT_PARAMS
from roqa_nlp.errors import RoqaError


def test_code_batches_shows_no_private_parameter() -> None:
    assert list(inspect.signature(AutoCoder.code_batches).parameters) == [
        "self",
        "inputs",
        "top_k",
        "batch_segments",
        "interviewer_labels",
        "participant_labels",
        "pseudonyms",
        "study_interviewers",
    ]


def test_a_bad_top_k_in_params_is_advised_with_an_example() -> None:
    ac = AutoCoder()
    with pytest.raises(TypeError) as exc:
        ac.params["top_k"] = "3"
    assert str(exc.value) == (
        "top_k must be a whole number of at least 1, got '3' "
        "(suggestions kept per segment, at least 1; e.g. top_k=5)"
    )


def _depth(text: str) -> int:
    """The deepest nesting of parentheses in ``text``."""
    depth = most = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        most = max(most, depth)
    return most


@pytest.mark.parametrize("key", list(DEFAULT_PARAMS))
def test_no_parameters_advice_nests_parentheses_and_each_gives_its_default(key: str) -> None:
    with pytest.raises(RoqaError) as exc:
        AutoCoder(params={key: object()})
    said = str(exc.value)
    assert _depth(said) == 1, said
    assert said.endswith(f"; e.g. {key}={DEFAULT_PARAMS[key]!r})")


def test_evaluate_of_another_kind_of_data_names_the_call() -> None:
    with pytest.raises(TypeError) as exc:
        AutoCoder().evaluate(5)  # type: ignore[arg-type]
    assert str(exc.value) == (
        "evaluate() takes labelled data, not an int (give a .jsonl file or folder, a list of "
        'dicts such as [{"text": "We had no budget.", "codes": ["Available Resources"]}], a '
        "datasets.Dataset, a pandas DataFrame or a TrainingSet)"
    )
