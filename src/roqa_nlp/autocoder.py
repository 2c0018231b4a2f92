"""AutoCoder: transcripts → segments → embeddings → code suggestions + novelty flag.

The one object most users touch::

    from roqa_nlp import AutoCoder
    ac = AutoCoder.load()                  # the packaged model in models/default
    result = ac.code(["p01.vtt"])          # a CodingResult
    ac.suggest(["We just don't have the staff."])

A model directory holds arrays (safetensors) and JSON only — never pickle:

- ``model_card.json``: embedding model and weights hash, codebook id and hash, training-data hash,
  parameters, evaluation results, library version and the SHA-256 of every other file;
- ``classifier.safetensors``: classifier and valence-head arrays;
- ``novelty.safetensors``: conformal calibration scores (and, for the ``knn`` score only, the
  coded reference embeddings);
- ``evidence.safetensors`` + ``evidence.jsonl``: training examples shown as evidence;
- ``codebook.json``: the codebook the model codes against (a project codebook may add codes);
- ``lexical.safetensors`` + ``lexical.json``: the word model beside the classifier, with the
  combination's temperature (:mod:`roqa_nlp.lexical`; absent when ``lexical_weight`` is 0);
- ``valence_lexical.safetensors`` + ``valence_lexical.json``: the word model beside the valence
  head (absent when ``valence_lexical_weight`` is 0);
- ``valence_prior.json``: how many coded training records of each code are barriers, enablers
  and neutral (:mod:`roqa_nlp.valence_prior`; absent when ``valence_prior_weight`` is 0);
- ``question_model.safetensors`` + ``question_model.json``: which codes the interviewer's question
  leads to (:mod:`roqa_nlp.question_model`; absent when ``question_weight`` is 0 or no training
  record has a question);
- ``decided_valences.safetensors``: hashes of the segments a researcher gave a valence (their
  words and question), with that valence (:mod:`roqa_nlp.decided_valences`; only in a model
  retrained on decisions that give one);
- ``rejected_codes.safetensors``: the readings (embeddings) of the segments a researcher rejected
  a code on, with that code (:mod:`roqa_nlp.rejected_codes`; only in a model retrained on
  decisions that reject one).

Loading recomputes every hash and fails with a one-line error on any mismatch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypedDict

from . import __version__
from .background import in_background
from .codebook import Codebook
from .errors import (
    ON_COMMAND_LINE,
    RoqaError,
    RoqaFileNotFoundError,
    RoqaTypeError,
    RoqaValueError,
    and_list,
    in_python_too,
    quoted,
    warn,
    warn_the_caller,
)
from .io import (
    MODEL_CARD,
    atomic_write_bytes,
    atomic_write_text,
    given_path,
    hashing_run,
    make_out_dir,
    path_to_record,
    read_jsonl,
    refuse_save_among_other_kind,
    run_hashes,
    sha256_bytes,
    sha256_file,
)
from .result import MODEL_CARD_KEY, CodingResult, codings_file
from .review_file import UPDATE_WEIGHT
from .schema import (
    NONE,
    OFF_FRAMEWORK,
    PROCEDURAL,
    REJECTED,
    Segment,
    SegmentResult,
    Suggestion,
    Transcript,
    check_top_k,
)

if TYPE_CHECKING:
    import datasets
    import numpy as np
    import pandas as pd

    from .classifier import CodeClassifier
    from .decided_valences import DecidedValences
    from .decisions import FeedbackExamples
    from .embedding import Embedder
    from .lexical import LexicalModel
    from .novelty import NoveltyDetector
    from .prediction import CodePredictor, NoveltyScorer
    from .pseudonyms import PseudonymKey
    from .question_model import QuestionModel
    from .read_words_cache import ReadWordsCache
    from .rejected_codes import RejectedCodes
    from .suggestion_cache import SuggestionCache
    from .training import TrainingSet
    from .transcripts import NearCopies
    from .transcripts.reading_cache import ReadingCache
    from .transcripts.roles import LabelledCase, StudyCases
    from .transcripts.segment_cache import SegmentCache
    from .valence_prior import ValencePrior

CARD = MODEL_CARD
#: The model card's ``training_data`` key listing the codes learnt from their codebook
#: description alone (:func:`~roqa_nlp.training.codes_described_only`): never suggested.
DESCRIBED_ONLY_KEY = "described_only"
ARRAY_FILES = ("classifier.safetensors", "novelty.safetensors", "evidence.safetensors")
#: The word model (:mod:`roqa_nlp.lexical`): present when ``lexical_weight`` > 0.
LEXICAL_FILES = ("lexical.safetensors", "lexical.json")
#: The word model for valence: present when ``valence_lexical_weight`` > 0.
VALENCE_LEXICAL_FILES = ("valence_lexical.safetensors", "valence_lexical.json")
#: Each code's valence counts (:mod:`roqa_nlp.valence_prior`): present when
#: ``valence_prior_weight`` > 0.
VALENCE_PRIOR_FILE = "valence_prior.json"
#: The question model (:mod:`roqa_nlp.question_model`): present when ``question_weight`` > 0 and
#: enough coded training records have a question.
QUESTION_FILES = ("question_model.safetensors", "question_model.json")
#: The valences a researcher decided (:mod:`roqa_nlp.decided_valences`): present in a model
#: retrained on decisions that give a valence.
DECIDED_VALENCES_FILE = "decided_valences.safetensors"
#: The codes a researcher rejected on segments (:mod:`roqa_nlp.rejected_codes`): present in a
#: model retrained on decisions that reject one.
REJECTED_CODES_FILE = "rejected_codes.safetensors"
#: The key of the card's ``classifier.params`` naming :data:`REJECTED_CODES_FILE` in a model that
#: keeps rejected codes: the classifier's probabilities are scaled by them. A roqa older than
#: session 85 refuses a parameter it does not know ("the model card and arrays do not fit
#: together"), where it ignored the file and suggested the rejected codes again (hunt27).
REJECTED_CODES_PARAM = "rejected_codes"
#: The card's ``feedback`` key naming the review's new codes no decided segment was given a
#: valence for (:func:`~roqa_nlp.training.codes_given_no_valence`): suggested neutral.
NEW_CODES_WITHOUT_VALENCE = "new_codes_without_valence"
JSON_FILES = ("codebook.json", "evidence.jsonl")
#: Every file :meth:`AutoCoder.save` can write in a model directory (the parts a model has, and
#: its card): what ``roqa train --out`` replaces, where any other file is the researcher's.
MODEL_FILES = frozenset(
    {
        CARD,
        *ARRAY_FILES,
        *JSON_FILES,
        *LEXICAL_FILES,
        *VALENCE_LEXICAL_FILES,
        VALENCE_PRIOR_FILE,
        *QUESTION_FILES,
        DECIDED_VALENCES_FILE,
        REJECTED_CODES_FILE,
    }
)
DEFAULT_PARAMS: dict[str, Any] = {
    "method": "logreg",
    "C": 4.0,
    "alpha": 0.1,
    "novelty_score": "combined",
    "unit": "window",
    "max_tokens": 200,
    "top_k": 5,
    # The interviewer's question, w times its embedding added to the answer's: chosen on four
    # sets of held-out interviews (benchmarks/results/question_context_pooled.md).
    "use_context": True,
    "context_weight": 0.2,
    "lexical_weight": 0.5,
    # The temperature of the combined probability for segments read with the interviewer's
    # question; 0 = the one fitted on the seed paper's quotes, as for every other text. Fitted by
    # top-label log-loss on out-of-sample predictions of the 42 interview sets as shown, the
    # question model's reweighing included (T = 0.577; 0.5 until session 86 was fitted before
    # the question model existed and left the top confidence above accuracy;
    # benchmarks/question_temperature_shown.py).
    "question_temperature": 0.58,
    "valence_lexical_weight": 0.2,
    # The valence head's own C: chosen on out-of-sample interview folds and the quote sets
    # (benchmarks/valence_regularisation.py); the code classifier keeps C.
    "valence_C": 0.5,
    # How strongly each likely code's own valence mix weighs in: chosen on out-of-sample
    # interview folds and the quote sets (benchmarks/valence_prior.py).
    "valence_prior_weight": 1.0,
    # How much neutral weighs against barrier and enabler in a segment's valence (1 = as trained;
    # a prior shift): the team's interview sets call a third of coded talk neutral; blind testers
    # coding their own interviews called from 6 % to 46 % neutral. Chosen by a rule set before the
    # run (no tester's valence lower, quote sets higher, interview folds at most 0.02 lower), on
    # three testers' interviews, the quote sets and interview folds
    # (benchmarks/results/classifier_comparison.md, session 34). Barrier against enabler is never
    # changed by it.
    "valence_neutral_weight": 0.8,
    # How strongly the codes an interviewer's question leads to weigh in, for segments read with
    # their question: chosen on folds of the interview sets (benchmarks/question_model.py; 0.7
    # until session 22, when the model stopped learning codes too few answers carry).
    "question_weight": 1.0,
    "n_evidence": 2,
}

#: The parameters that act only when a model is trained (:meth:`AutoCoder.fit` and ``update``);
#: every other one acts when coding, so may be changed on a loaded model. Changed on a trained
#: model, these take effect at its next fit: until then coding warns once, and codes and records
#: (``run.json``'s params, a saved model's card) the values the model was trained with.
TRAINING_ONLY_PARAMS = ("method", "C", "valence_C", "novelty_score")


#: The weights of the parts of a model that training leaves out when their weight is 0 (the
#: attribute holding the part, and its name as docs/model.md gives it): on a model without the
#: part, a weight raised above 0 changes nothing until the next fit, so, as a training-only
#: parameter changed, coding warns once and codes and records the value it was trained with.
PART_WEIGHTS: dict[str, tuple[str, str]] = {
    "lexical_weight": ("_lexical", "word model"),
    "valence_lexical_weight": ("_valence_lexical", "valence word model"),
    "valence_prior_weight": ("_valence_prior", "codes' valence mix"),
    "question_weight": ("_question_model", "question model"),
}

#: What each parameter means (``help(AutoCoder)`` lists them from here).
PARAM_HELP: dict[str, str] = {
    "method": "classifier: logreg, prototype or hybrid",
    "C": "inverse regularisation strength of the logistic regression (> 0)",
    "alpha": "novelty significance level, between 0 and 1: a segment is novel when its "
    "conformal p-value is below it (higher flags more)",
    "novelty_score": "novelty score: combined, none, max_prob, ratio or knn",
    "unit": "segment unit: window or turn, whole turns cut into runs of sentences when too "
    "long, or sentence",
    "max_tokens": "most word pieces in a segment (at least 8; the model reads 256)",
    "top_k": "suggestions kept per segment (at least 1)",
    "use_context": "read each answer with the interviewer's question before it (True/False)",
    "context_weight": "weight of the question's embedding, 0 to 1",
    "lexical_weight": "weight of the word model beside the classifier, 0 to 1",
    "question_temperature": "temperature of the shown probability for segments read with the "
    "interviewer's question (0 or more; 0 = the temperature fitted for every other text)",
    "valence_lexical_weight": "weight of the word model beside the valence head, 0 to 1",
    "valence_C": "inverse regularisation strength of the valence head's logistic regression (> 0)",
    "valence_prior_weight": "weight of the likely codes' own barrier/enabler/neutral mix in a "
    "segment's valence, 0 to 1",
    "valence_neutral_weight": "how much neutral weighs against barrier and enabler in a "
    "segment's valence, above 0 to 1 (1 = as trained; lower calls more talk a barrier or an "
    "enabler)",
    "question_weight": "weight of the codes the interviewer's question leads to, for segments "
    "read with their question, 0 to 1",
    "n_evidence": "training examples shown as evidence per suggestion (0 or more)",
}


def _is_number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float))


def _param_hint(key: str) -> str:
    """The advice of an error in the parameter ``key``: what it is (:data:`PARAM_HELP`), its
    closing parenthesis made a comma, so that none is nested in the error's own, and an
    example, its default: ``(suggestions kept per segment, at least 1; e.g. top_k=5)``, as
    ``suggest(t, top_k="3")`` gives one (api tester, session 91)."""
    said = re.sub(r" \(([^()]*)\)$", r", \1", PARAM_HELP[key])
    return f"{said}; e.g. {key}={DEFAULT_PARAMS[key]!r}"


def check_params(params: dict[str, Any]) -> None:
    """A one-line :class:`RoqaError` for an unknown key or a value out of range in ``params``
    (the coding parameters: :data:`DEFAULT_PARAMS`, explained in :data:`PARAM_HELP`): a
    :class:`~roqa_nlp.errors.RoqaTypeError` for a value of the wrong type (``alpha="0.1"``), a
    :class:`~roqa_nlp.errors.RoqaValueError` for an unknown key or a value out of range
    (``alpha=2``), so ``except ValueError`` catches them as docs/python.md "Errors" says."""
    from .prediction import METHODS, SCORES
    from .transcripts.segment import MIN_MAX_TOKENS, UNITS

    unknown = [k for k in params if k not in DEFAULT_PARAMS]
    if unknown:
        raise RoqaValueError(
            f"unknown parameter(s) {', '.join(repr(k) for k in unknown)}",
            hint=f"the parameters are {', '.join(DEFAULT_PARAMS)}",
        )

    def check(key: str, of_type: bool, in_range: bool, why: str) -> None:
        if key in params and not (of_type and in_range):
            error = RoqaValueError if of_type else RoqaTypeError
            raise error(f"{key} must be {why}, got {params[key]!r}", hint=_param_hint(key))

    def number(key: str) -> tuple[bool, float]:
        """Whether ``params[key]`` (when given) is a number, and it (0 when not)."""
        value = params.get(key, 0)
        return (True, float(value)) if _is_number(value) else (False, 0.0)

    for key in (
        "lexical_weight",
        "valence_lexical_weight",
        "context_weight",
        "valence_prior_weight",
        "question_weight",
    ):
        ok, x = number(key)
        check(key, ok, 0.0 <= x <= 1.0, "a number from 0 to 1")
    ok, x = number("valence_neutral_weight")
    check("valence_neutral_weight", ok, 0.0 < x <= 1.0, "a number above 0, at most 1")
    ok, x = number("alpha")
    check("alpha", ok, 0.0 < x < 1.0, "a number between 0 and 1 (not 0 or 1)")
    for key in ("C", "valence_C"):
        ok, x = number(key)
        check(key, ok, x > 0, "a number above 0")
    ok, x = number("question_temperature")
    check("question_temperature", ok, x >= 0, "a number of 0 or more")
    for key, known in (("unit", UNITS), ("method", METHODS), ("novelty_score", SCORES)):
        value = params.get(key)
        check(key, isinstance(value, str), value in known, "one of " + ", ".join(known))
    for key, least in (("max_tokens", MIN_MAX_TOKENS), ("top_k", 1), ("n_evidence", 0)):
        value = params.get(key, least)
        whole = not isinstance(value, bool) and isinstance(value, int)
        check(key, whole, whole and value >= least, f"a whole number of at least {least}")
    check("use_context", isinstance(params.get("use_context"), bool), True, "True or False")


class Params(dict[str, Any]):
    """The coding parameters of an :class:`AutoCoder`: a dict whose every change is checked as
    the constructor checks them (:func:`check_params`), so ``ac.params["alfa"] = 0.05`` or
    ``ac.params["alpha"] = 2`` is a one-line error, not a silent no-op or a broken run."""

    def __setitem__(self, key: str, value: Any) -> None:
        check_params({key: value})
        super().__setitem__(key, value)

    def update(self, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        changes = dict(*args, **kwargs)
        check_params(changes)
        super().update(changes)

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key not in self:
            self[key] = default
        return self[key]

    def __ior__(self, other: Any) -> Params:  # type: ignore[override,misc]
        self.update(other)
        return self

    # Every parameter is read when coding: one deleted was a bare KeyError from deep inside
    # ac.code() (s62 api tester), so deleting is refused, naming the value to set instead.
    def __delitem__(self, key: str) -> None:
        raise _not_deleted(key)

    def pop(self, key: str, *default: Any) -> Any:
        if len(default) > 1:
            raise TypeError(f"pop expected at most 2 arguments, got {1 + len(default)}")
        if key not in self:  # dict's contract: the default, or KeyError, for a key not there
            if default:
                return default[0]
            raise KeyError(key)
        raise _not_deleted(key)

    def popitem(self) -> tuple[str, Any]:
        raise _not_deleted(None)

    def clear(self) -> None:
        raise _not_deleted(None)


def _training_only_said(keys: list[str], given: str, trained: str) -> str:
    """The warning of training-only parameters ``keys`` changed (``given``) on a model trained
    with ``trained``."""
    acts = "acts" if len(keys) == 1 else "act"
    return (
        f"{given} {acts} only when a model is trained: this one was trained with {trained}, "
        "which it codes with until the next fit() or update()"
    )


def _no_part_said(keys: list[str], given: str, trained: str) -> str:
    """The warning of weights ``keys`` raised (``given``) on a model without the parts they
    weigh (:data:`PART_WEIGHTS`), trained with ``trained``."""
    names = [PART_WEIGHTS[k][1] for k in keys]
    one = len(names) == 1
    parts = names[0] if one else f"{', '.join(names[:-1])} or {names[-1]}"
    return (
        f"{given} {'changes' if one else 'change'} nothing on this model, which was trained "
        f"with {trained} and has no {parts} to weigh: it codes, and records in run.json, "
        f"{trained} until a fit() or update() with "
        f"{'it above 0 makes one' if one else 'them above 0 makes them'}"
    )


def _not_deleted(key: str | None) -> RoqaTypeError:
    """The error of deleting the parameter ``key`` (None: all of them) from :class:`Params`."""
    if key is None:
        return RoqaTypeError(
            "the coding parameters cannot be deleted",
            hint='set one instead, e.g. ac.params["alpha"] = 0.05',
        )
    if key not in DEFAULT_PARAMS:
        return RoqaTypeError(
            f"a coding parameter cannot be deleted: {key!r}",
            hint=f"the parameters are {', '.join(DEFAULT_PARAMS)}",
        )
    return RoqaTypeError(
        f"a coding parameter cannot be deleted: {key!r}",
        hint=f'set it instead: ac.params["{key}"] = {DEFAULT_PARAMS[key]!r} is its default',
    )


class NoveltyFlags(TypedDict):
    """What :meth:`AutoCoder.fits_no_code` gives per text (as :meth:`AutoCoder.code` flags a
    segment, see :class:`~roqa_nlp.schema.SegmentResult`)."""

    #: fits no code: not procedural talk, and the conformal p-value is below ``alpha`` with no
    #: code at a probability of :data:`FITS_A_CODE` or more, or no code reaches
    #: :data:`FITS_NO_CODE`
    novel: bool
    #: the conformal p-value (small = unlike every coded training example)
    novelty_p: float
    #: procedural talk (greeting, consent, Zoom) explains it best, or the text is only a closing
    #: formula ("No, that's everything."): never coded, never novel
    procedural: bool
    #: novel and small talk or background (the off-framework class) explains it best
    off_topic: bool


#: What a researcher may type for the packaged model as if it were a folder: its folder's name
#: and the words the docs use for it (``--model default``, ``--model packaged``)
_PACKAGED_MODEL_WORDS = frozenset(
    {"default", "packaged", "builtin", "built-in", "all-minilm-l6-v2"}
)


def _names_the_packaged_model(path: Path) -> bool:
    """Whether ``path``, a folder that is not there, is one bare word naming the packaged
    model (``default``, ``models/default`` typed from another folder, ``packaged``)."""
    parts = path.parts
    if parts[:1] == ("models",):
        parts = parts[1:]
    return len(parts) == 1 and parts[0].casefold() in _PACKAGED_MODEL_WORDS


def packaged_model_dir() -> Path:
    """``models/default`` of the source tree (the packaged, trained model)."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "models" / "default"
        if (cand / CARD).exists():
            return cand
    raise RoqaError(
        "the packaged model models/default was not found",
        hint=in_python_too(
            "run `roqa train training_data --out models/default` or pass --model DIR",
            "AutoCoder().fit('training_data').save('models/default'), or AutoCoder.load('DIR')",
        ),
    )


def default_training_dir() -> Path:
    """``training_data/`` of the source tree."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent / "training_data"
        if cand.is_dir():
            return cand
    raise RoqaError("training_data/ was not found", hint="pass the training data folder explicitly")


def card_sha256(card: dict[str, Any], *, paths: bool = False) -> str:
    """SHA-256 of the model card without its own ``model_sha256``: covers the file hashes and
    everything loading uses (classes, parameters, temperature), so no edit goes unnoticed.

    The paths of the decisions files and codings a model was trained with (``feedback``'s
    ``decisions_files[].name``, ``codings[].path``) are kept in the card as they were typed,
    for the researcher, but not hashed: their SHA-256s are, so the same files reached by
    another path train a model of the same hash (learn tester, s44: coded/ and coded1/, a
    symlink to it, gave 5074bf... and bd8e17... for byte-identical arrays). ``paths=True``:
    the rule before, which hashed them (a model trained with decisions before still loads)."""
    body = {k: v for k, v in card.items() if k != "model_sha256"}
    feedback = body.get("feedback")
    if not paths and isinstance(feedback, dict):
        body["feedback"] = {
            **feedback,
            **{
                key: [
                    {k: v for k, v in f.items() if k != field} if isinstance(f, dict) else f
                    for f in feedback[key]
                ]
                for key, field in (("decisions_files", "name"), ("codings", "path"))
                if isinstance(feedback.get(key), list)
            },
        }
    return sha256_bytes(json.dumps(body, sort_keys=True).encode())


def card_text(card: dict[str, Any]) -> str:
    """The exact text of a model card file (loading refuses any other spelling of it)."""
    return json.dumps(card, indent=2, ensure_ascii=False) + "\n"


def card_shape_error(card: Any) -> str | None:
    """Why a parsed model card cannot be loaded (a field of the wrong type), or None."""
    if not isinstance(card, dict):
        return "the card is not a JSON object"
    for key in ("files", "codebook", "embedding_model", "classifier", "novelty"):
        if not isinstance(card.get(key), dict):
            return f"{key} is not a JSON object"
    if not isinstance(card.get("params", {}), dict):
        return "params is not a JSON object"
    if not isinstance(card["classifier"].get("params"), dict):
        return "classifier.params is not a JSON object"
    return None


def label_of(codes: list[str], kind: str) -> str | list[str]:
    """The classifier target of a training record."""
    if codes:
        return codes if len(codes) > 1 else codes[0]
    from .training import WORK_TALK

    return {"procedural": PROCEDURAL, "rejected": REJECTED, WORK_TALK: REJECTED}.get(kind, NONE)


def given_texts(texts: Any, call: str) -> list[Any]:
    """``texts`` (a text or an iterable of texts) as a list; anything else, a number or None,
    is a one-line error naming ``call`` (each item is checked where it is read). So is a pandas
    DataFrame, whose iteration gives its column names (they were coded: session 56), a set,
    whose order changes from run to run, and one
    str that is the name of a file there (``suggest("p09.txt")`` coded the name, where ``roqa
    suggest p09.txt`` is refused: :func:`~roqa_nlp.io.file_given_as_text`)."""
    from .errors import a_type, refuse_unordered

    if isinstance(texts, str):
        from .io import file_given_as_text

        error = file_given_as_text(
            texts,
            command=f"{call}()",
            hint=f"to code a transcript: ac.code({texts!r}); to code each line of it as a "
            f"text: ac.{call}([t for t in Path({texts!r}).read_text().splitlines() if t.strip()])",
            by_name=False,
        )
        if error is not None:
            raise error
        return [texts]
    from .training import is_dataframe

    if is_dataframe(texts):
        raise RoqaTypeError(
            f"{call}() takes a text (a str) or a list of texts, not a pandas DataFrame (its "
            "column names would be coded)",
            hint=f'give its column of texts: ac.{call}(df["text"]) or ac.{call}(df["text"].tolist())',
        )
    refuse_unordered(
        texts,
        call,
        "a text (a str) or a list of texts",
        "its results could not be matched to their texts",
        f"ac.{call}(sorted(texts))",
    )
    if isinstance(texts, (bytes, Mapping)) or not isinstance(texts, Iterable):
        raise RoqaTypeError(
            f"{call}() takes a text (a str) or a list of texts, not {a_type(texts)}",
            hint="give a sentence or a list of sentences",
        )
    return list(texts)


#: what :meth:`AutoCoder.update` takes, as its errors say it
_UPDATE_TAKES = "a decisions file (a path), a list of them or a list of Decision"
#: ... and the call that gives it
_UPDATE_EXAMPLE = "ac.update('coded/decisions.csv')"


def given_decisions(decisions: Any) -> list[Any]:
    """``decisions`` given to :meth:`AutoCoder.update` as a list of decisions files (paths) or
    of :class:`~roqa_nlp.decisions.Decision`, before anything is read or trained; anything else
    is a one-line error naming what update() takes: a wrong type (``update(42)``, None, a dict,
    a DataFrame, a list holding a number) a :class:`RoqaTypeError`, where they were Python's
    "'int' object is not iterable" or "decisions are files or Decision objects, not a mix"
    (api tester, session 79), and an empty list a :class:`RoqaValueError` (it was "the
    decisions give no training example (none)")."""
    import os

    from .decisions import Decision
    from .errors import a_type, refuse_unordered
    from .training import is_dataframe

    if isinstance(decisions, str) and not decisions.strip():  # Path("") is the folder "."
        raise RoqaValueError(
            "update() was given an empty path", hint=f"give e.g. {_UPDATE_EXAMPLE}"
        )
    if isinstance(decisions, (str, os.PathLike)):
        return [decisions]
    if is_dataframe(decisions):
        raise RoqaTypeError(
            f"update() takes {_UPDATE_TAKES}, not a pandas DataFrame",
            hint="save it as a CSV first, df.to_csv('decisions.csv', index=False), and give "
            "its path",
        )
    refuse_unordered(
        decisions,
        "update",
        "decisions files in the order of the rounds of review",
        "a later round's decision must come after an earlier one's",
        "ac.update(['r1/decisions.csv', 'r2/decisions.csv'])",
    )
    if isinstance(decisions, (bytes, bytearray, Mapping)) or not isinstance(decisions, Iterable):
        raise RoqaTypeError(
            f"update() takes {_UPDATE_TAKES}, not {a_type(decisions)}",
            hint=f"give e.g. {_UPDATE_EXAMPLE}",
        )
    items = list(decisions)
    if not items:
        raise RoqaValueError(
            "update() was given no decisions (an empty list)",
            hint=f"give the decisions file saved from report.html, e.g. {_UPDATE_EXAMPLE}",
        )
    for i, item in enumerate(items, 1):
        if not isinstance(item, (str, os.PathLike, Decision)):
            raise RoqaTypeError(
                f"update() takes {_UPDATE_TAKES}: item {i} of the {type(decisions).__name__} is "
                f"{a_type(item)}",
                hint=f"give e.g. {_UPDATE_EXAMPLE}",
            )
    if any(isinstance(d, Decision) for d in items) and not all(
        isinstance(d, Decision) for d in items
    ):
        raise RoqaTypeError(
            "decisions are files or Decision objects, not a mix",
            hint="give decisions files, or a list of Decision",
        )
    return [Path(d) if isinstance(d, os.PathLike) else d for d in items]


def _study_pass(
    inputs: list[str | Path | Transcript],
    labels: Sequence[str] | None,
    key: PseudonymKey | None,
    known: Collection[str] | None = None,
    cache: ReadingCache | None = None,
    near: NearCopies | None = None,
) -> tuple[frozenset[str], StudyCases, frozenset[str]]:
    """Read the files of ``inputs`` once before coding them (quietly: they are read again, with
    warnings, to be coded), for what takes the whole study: the people who interview in it
    (:func:`~roqa_nlp.transcripts.roles.study_interviewers`) and the cases its transcripts
    take from one another (:class:`~roqa_nlp.transcripts.roles.StudyCases`) and the
    interviewer labels given that name a speaker of some transcript
    (:func:`~roqa_nlp.transcripts.roles.labels_matched`), returned, and with
    ``key`` every speaker added to the pseudonym key before any transcript is rewritten, so that
    a full name is replaced also in the interviews read before its person's own. ``known``: the
    study's interviewers, given (not read from ``inputs``). Two transcripts of one id (a file
    given twice, two files of one name) are refused here, before the case they would make of
    one participant is warned of (tester, session 55), and so, after every other file is read,
    are the files that cannot be read (:class:`~roqa_nlp.transcripts.Unreadable`): before
    any transcript is coded, every one of them named. A file unchanged since it was read into
    ``cache`` is not read again (:mod:`~roqa_nlp.transcripts.reading_cache`). ``near`` is told
    the runs of words each case says (:meth:`~roqa_nlp.transcripts.NearCopies.knows`, with
    ``key`` of each transcript as pseudonymised: its case and words as coded), so that text
    common to the study is known to the near-copy check from the first transcript coded
    (hunter hunt13, F1: ``--pseudonymise`` called interviews on one guide copies)."""
    from .errors import RoqaWarning
    from .transcripts import Unreadable, read_each
    from .transcripts.roles import (
        StudyCases,
        labels_matched,
        numbered_case,
        participant_names,
        study_interviewers,
        unmatched_labels,
        with_study_interviewers,
    )

    def each(unreadable: Unreadable | None = None) -> Iterator[Transcript]:
        return read_each(
            inputs,
            labels,
            quiet=RoqaWarning,
            whole_study=False,
            unreadable=unreadable,
            cache=cache,
        )

    one = inputs[0] if len(inputs) == 1 else None
    found: set[str] = set(known or ())
    labelled: list[LabelledCase | None] = []
    people: list[tuple[str, str | None, tuple[str, ...]]] = []  # participant_names of each
    speakers: set[str] = set()
    unmatched: set[str] = set()
    said: list[tuple[str, str | None, Any]] = []  # id, case and hashed words of each, for ``near``
    if one is None or (isinstance(one, (str, Path)) and Path(one).is_dir()):
        unreadable = Unreadable()  # every file is read before any is refused, none coded
        for t in each(unreadable):  # one transcript alone has no study to learn from
            if unreadable.shares_id(t):  # refused now, not after the cases it would make are
                continue  # warned of
            labelled.append(numbered_case(t))
            people.append(participant_names(t))
            speakers.update(u.speaker for u in t.turns)
            unmatched.update(unmatched_labels(t))
            if known is None:
                found |= study_interviewers([t])
            if near is not None and key is None:
                said.append((t.id, t.participant, near.words_of(t)))
        unreadable.refuse()
    interviewers = frozenset(found)
    cases = StudyCases.of(labelled, people)
    for name, participant, words in said:
        case = cases.from_file_name.get(name) or cases.spelled.get(name) or participant
        if near is not None and case:
            near.knows(case, *words)  # kept until the transcript is coded: hashed once
    if key is not None:  # a second reading: roles decide the pseudonyms
        read = [cases.apply(with_study_interviewers(t, interviewers)) for t in each()]
        key.register_study(read)  # as roqa pseudonymise keys them: the same pseudonyms
        from .transcripts.roles import labelled_case

        named: list[LabelledCase | None] = []
        coded_as: list[tuple[str, str | None]] = []  # each one's id and case as coded
        for t in read:
            shown = key.preview(t)  # as coded: pseudonymised, its case and words
            named.append(labelled_case(shown))
            coded_as.append((shown.id, shown.participant))
            if near is not None and shown.participant:
                near.knows(shown.participant, *near.words_of(shown))  # the study's common text
        shared_after_pseudonyms(cases, named)
        from .transcripts.download_names import download_copies

        # a download's name the key gave a participant id is no case under that name
        cases.downloads[:] = download_copies(coded_as)
    return interviewers, cases, labels_matched(speakers, unmatched)


def shared_after_pseudonyms(cases: StudyCases, named: Iterable[LabelledCase | None]) -> None:
    """Add to ``cases.shared`` (warned of as `roqa inspect` warns) each participant label that
    speaks in several transcripts once pseudonymised (``named``: the
    :func:`~roqa_nlp.transcripts.roles.labelled_case` of each as
    :meth:`~roqa_nlp.pseudonyms.PseudonymKey.preview` rewrites it, its warnings left to be said
    when it is coded), as when the key gave a Zoom display name P01 while another
    transcript's own label is P01 (session 37: two people counted as one case, unsaid)."""
    from .transcripts.roles import StudyCases

    for entry in StudyCases.of(named).shared:  # a case's transcripts as pseudonymised
        cases.shared[:] = [e for e in cases.shared if e[1] != entry[1]]
        cases.shared.append(entry)


#: A segment whose top code the model gives at least this probability (the ranking's combined
#: probability, as shown) fits that code, whatever its novelty p-value: the p-value is the
#: embedding classifier's alone, and a word the researcher's decisions taught the word model
#: (a recode to a code the embedding classifier rarely gives) must not send their own coding
#: back to them as fitting no code.
FITS_A_CODE = 0.5

#: A segment whose top code is shown below this probability fits no code, whatever its novelty
#: p-value: the shown probabilities (embedding and word models combined) then give the no-code
#: and procedural classes nearly all the rest, and the p-value, the embedding classifier's alone,
#: can still be high. Road works outside ("They're digging up the road outside again") was
#: charted in Table 2 as an Outer Setting enabler, Peer Pressure at 0.029, with p 0.27 (s71 study
#: tester). Over the 42 interview sets, each coded by a model trained without its fold of sets,
#: it took 9 of the 51 charted uncoded segments out of the chart and 1 of the 3,581 charted coded
#: ones (the next is shown at 0.12; benchmarks/results/classifier_comparison.md, Session 71).
FITS_NO_CODE = 0.1

#: A segment of more than this many words that the embedding classifier reads as procedural
#: talk is read sentence by sentence (:meth:`AutoCoder._story_read_by_rest`): a short courtesy
#: or laugh inside a long story ("I'll, um, I'll be careful." ... "A lemon drizzle. [laughs]")
#: set a 102-word story of a service user's recovery aside among the goodbyes (tester s86
#: daily17). Of the 926 gold procedural segments of the team-written interview sets, 90 % have
#: 46 words or fewer and 60 more than 50 (the longest 82: a greeting with the room described,
#: an interruption told); with 40 words, 3 of them were read as talk to code or open coding
#: (benchmarks/results/classifier_comparison.md, Session 86).
STORY_WORDS = 50


def segment_flags(
    p_value: float,
    procedural: float,
    aside: float,
    alpha: float,
    top: float = 0.0,
    *,
    said_nothing: bool = False,
) -> NoveltyFlags:
    """A segment's novelty flags from its conformal p-value, whether procedural talk or the
    off-framework class (small talk, background) explains it best, and ``top``, the probability
    of its top code as shown: procedural when procedural talk explains it best and ``top`` is
    below :data:`FITS_A_CODE` (an answer ending in an emoji read as procedural by the embedding
    classifier while its top code was shown at 0.73), or whatever the model says when
    ``said_nothing``, the segment's words holding nothing to code (:func:`says_nothing`: "No, I
    think that's everything."; "Oh sorry, can you hear me now? I said that's the main thing for
    us."); novel when not procedural and either p < ``alpha`` and ``top`` is below
    :data:`FITS_A_CODE`, or ``top`` is below :data:`FITS_NO_CODE` (no code is near, whatever the
    p-value); off topic when novel and the off-framework class explains it best."""
    procedural = said_nothing or (bool(procedural) and top < FITS_A_CODE)
    fits_none = (bool(p_value < alpha) and top < FITS_A_CODE) or top < FITS_NO_CODE
    novel = fits_none and not procedural
    return {
        "novel": novel,
        "novelty_p": round(float(p_value), 6),
        "procedural": procedural,
        "off_topic": novel and bool(aside),
    }


def says_nothing(text: str) -> bool:
    """Whether a segment's or a text's words are procedural talk whatever the model reads in
    them: only a closing formula ("No, I think that's everything.",
    :func:`~roqa_nlp.transcripts.closings.is_closing_formula`), an answer said again after a
    repair on a bad line that says nothing of its own ("Oh sorry, can you hear me now? I said
    that's the main thing for us.", :func:`~roqa_nlp.transcripts.repairs.restates_nothing`):
    what it means was said before the line cut out (s69 seed13: coded Relative Priority at 0.80,
    three participants' only Table 2 quote), or only courtesies ("It's a pleasure. I've been
    looking forward to it actually.", :func:`~roqa_nlp.transcripts.courtesies.only_courtesies`:
    s69 seed13, Motivation at 0.40, sure), or only talk of a bad line that asks again or speaks
    to the listener ("Sorry, the Wi-Fi dropped out, what was the last bit?",
    :func:`~roqa_nlp.transcripts.repairs.only_asks_again`: read with the question before the
    interviewer's "Can you hear me okay?", it was a study's only candidate code, s88 daily22)."""
    from .transcripts.closings import is_closing_formula
    from .transcripts.courtesies import only_courtesies
    from .transcripts.repairs import only_asks_again, restates_nothing

    return (
        is_closing_formula(text)
        or restates_nothing(text)
        or only_courtesies(text)
        or only_asks_again(text)
    )


def words_read(text: str) -> str:
    """What the model reads of a segment's or a text's words: an answer that opens with a
    courtesy reply from what follows it (``Yeah, no problem. So I became a champion``,
    :func:`~roqa_nlp.transcripts.courtesies.after_courtesy_reply`), an answer said again after a
    repair on a bad line from its ``I said`` on (``Oh sorry. I said recovery isn't measured.``,
    :func:`~roqa_nlp.transcripts.repairs.restated_after_repair`), else one that opens with a
    sentence on the line from the answer after it (``Yes, I can hear you now. The council only
    funds forty minutes.``, :func:`~roqa_nlp.transcripts.repairs.after_repair_reply`), then an
    answer that opens with a closing formula from the word that turns from it, and one that
    ends with one, or with a sign-off (``... about me. Anyway. Sorry. Thank you.``), without it
    (:mod:`~roqa_nlp.transcripts.closings`), and one that ends with a repair line Zoom joined
    to it (``... make it up. Sorry, you've frozen.``), without it when it is an answer of its
    own (:func:`~roqa_nlp.transcripts.repairs.answer_before_repair_line`), all without a
    transcriber's annotations (``[inaudible]``, ``[laughs]``, ``(pause)``: :mod:`~roqa_nlp.transcripts.annotations`). The
    segment keeps its words; the embedding cache keys on the words read."""
    from .transcripts.annotations import without_annotations
    from .transcripts.closings import after_closing_formula, before_closing_formula, before_sign_off
    from .transcripts.courtesies import after_courtesy_reply
    from .transcripts.repairs import (
        after_repair_reply,
        answer_before_repair_line,
        restated_after_repair,
    )

    said = restated_after_repair(after_courtesy_reply(without_annotations(text)))
    said = answer_before_repair_line(before_sign_off(after_repair_reply(said)))
    return before_closing_formula(after_closing_formula(said))


#: How alike (difflib's ratio) a label must be to a code's id, name or alias to be read as that
#: code misspelt ("Planningg", "Complexityy") rather than as a code of a project's own ("Staff
#: wellbeing and burnout" is at most 0.6 like any CFIR 2009 name).
MISSPELT = 0.8


def _like_a_code_of(label: str, book: Codebook) -> bool:
    """Whether ``label`` is close to a code's id, name or alias in ``book`` (:data:`MISSPELT`)."""
    import difflib

    keys = [k.casefold() for c in book for k in (c.id, c.name, *c.aliases)]
    return bool(difflib.get_close_matches(label.casefold(), keys, n=1, cutoff=MISSPELT))


class _EvidenceKept(NamedTuple):
    """What coding reads of a model's evidence (:meth:`AutoCoder._evidence_view`)."""

    #: the evidence's embeddings as float32 (stored as float16), or None
    X: np.ndarray | None
    #: each code's evidence rows, in file order
    rows_of: dict[str, np.ndarray]
    #: each row's text, its valence ("" in a model saved before evidence kept it), and its words
    #: as one-space-separated text (a quote is never the evidence for its own words)
    texts: list[str]
    valences: list[str]
    words: list[str]
    #: the model's evidence texts and embeddings these were worked out from (compared by identity)
    of: tuple[object, object]


def _evidence_of(kept: _EvidenceKept, texts: object, X: object) -> bool:
    """Whether ``kept`` was worked out from the evidence texts and embeddings ``texts``, ``X``
    (the same objects)."""
    return kept.of[0] is texts and kept.of[1] is X


class _Reading(NamedTuple):
    """How the model reads a piece of a segment (:meth:`AutoCoder._judged`)."""

    set_aside: bool  # procedural or off-topic (segment_flags)
    top: float  # its top code's probability (0 without one)
    code: str  # its top code ("" without one)
    probabilities: dict[str, float]  # of every code


def _shared(a: _Reading, b: _Reading) -> float:
    """The probability two readings share: the sum over codes of the smaller of their two
    probabilities (1 for the same reading, 0 for readings with no code in common)."""
    return sum(min(p, b.probabilities.get(c, 0.0)) for c, p in a.probabilities.items())


#: Two pieces of talk either side of a backchannel left out are two answers, when each is one
#: by its words, only if the model's readings of them share less probability than this
#: (:func:`_shared`); 0, the default, parts no talk from talk. 0.2 is the bound measured best
#: (benchmarks/results/answers_apart.md, session 78): the s78 study8 tester's study, CFIR top-1
#: by turn 0.612 -> 0.735; answers of the five heldout sets joined across the question between
#: them 0.846 -> 0.893; a backchannel put inside every answer of 2 sentences or more 0.934 ->
#: 0.918 (84 of 296 parted, 148 with no bound). Not the default: it parts 8 answers that pause
#: in the example interviews p02 and p03, whose gold coded them whole (top-1 by turn 34 -> 33
#: of 44) and whose 76 segments the docs cite. Set it to opt in:
#: ``roqa_nlp.autocoder.ANSWERS_SHARE_BELOW = 0.2`` before coding.
ANSWERS_SHARE_BELOW = 0.0


def _two_answers(before: tuple[str, _Reading], after: tuple[str, _Reading]) -> bool:
    """Whether two pieces of talk a reader joined across another speaker's backchannel are two
    answers to part, each ``(words, reading)``: each an answer of its own by its words
    (:func:`~roqa_nlp.transcripts.segment.answers_apart`), and the model, reading each alone
    with the question, gives them other top codes and shares less than
    :data:`ANSWERS_SHARE_BELOW` (0 by default: never) of its probability between them (tester
    s78 study8 D1: "...
    fits their faith or their families' expectations." ``Mm-hmm.`` "And I'm worn out. ..."
    was one segment coded OS.A at 0.98, the burnout hidden in it)."""
    from .transcripts.segment import answers_apart

    return (
        ANSWERS_SHARE_BELOW > 0
        and answers_apart(before[0], after[0])
        and before[1].code != after[1].code
        and _shared(before[1], after[1]) < ANSWERS_SHARE_BELOW
    )


def _tops(rows: Sequence[Sequence[Suggestion]]) -> list[float]:
    """The probability of each row's top suggestion (0 for a row without one)."""
    return [r[0].probability if r else 0.0 for r in rows]


def _coded_as(
    segments: Sequence[Segment], transcripts: Mapping[str, Transcript], coded: Sequence[bool]
) -> list[int | None]:
    """For each of ``segments``, None, or, for a group member's reply that only agrees with
    another participant's turn (:func:`~roqa_nlp.transcripts.segment.agreed_turns`: ``I agree
    with that.``, ``Yeah, same here.``), the index in ``segments`` of the one whose coding it
    takes: the last segment of that turn that ``coded`` marks (not procedural talk, small talk
    or background), what was said just before it; else that turn's last segment, which is set
    aside (the reply borrows no code, and is set aside as that talk is); or its own index when
    that turn has no segment here. Read as its own words, with the turn's embedding added at ``context_weight``, the
    model coded ``I agree with that.`` Knowledge & Beliefs, barrier, at 0.73 after a member's
    leadership enabler (session 61); docs/report.md says such a reply is coded as the turn it
    agrees with. Not as a turn's closing aside (``Anyway, sorry, I've gone on a bit there.``)
    or a connection repair (``Sorry, that's me again, my laptop died.``): the agreement became
    procedural talk (session 61 hunt)."""
    from .transcripts.segment import agreed_turns

    # (transcript, turn) -> the index of its last coded segment, or of its last when none is
    last: dict[tuple[str, int], int] = {}
    for i, s in enumerate(segments):
        key = (s.transcript_id, s.turn_index)
        if coded[i] or key not in last or not coded[last[key]]:
            last[key] = i
    agreed: dict[str, list[int | None]] = {}
    out: list[int | None] = []
    for i, s in enumerate(segments):
        t = transcripts.get(s.transcript_id)
        if t is None:
            out.append(None)
            continue
        if s.transcript_id not in agreed:
            agreed[s.transcript_id] = agreed_turns(t)
        turn = agreed[s.transcript_id][s.turn_index]
        out.append(None if turn is None else last.get((s.transcript_id, turn), i))
    return out


class AutoCoder:
    """Suggests codebook codes for transcript segments and flags segments that fit no code.

    Most users load the packaged, trained model and code transcripts::

        ac = AutoCoder.load()                      # or AutoCoder.load("models/mine")
        result = ac.code("interviews/")            # a folder, files or Transcript objects
        ac.suggest("We just don't have the staff.")

    ``AutoCoder(codebook, embedder=None, params=None)`` builds an untrained one, to train with
    :meth:`fit` (a path, a list of dicts, a ``datasets.Dataset`` or a
    :class:`~roqa_nlp.training.TrainingSet`) and keep with :meth:`save`. ``codebook`` is a
    :class:`~roqa_nlp.codebook.Codebook`, a built-in codebook's id (``"cfir-2009"``,
    ``"cfir-2022"`` or ``"erondu-2021"``; :data:`roqa_nlp.codebooks.BUILTIN` lists them) or a
    codebook JSON file;
    ``embedder`` an :class:`~roqa_nlp.embedding.Embedder` (default: the packaged embedding
    model).

    ``params`` overrides the coding parameters (defaults in :data:`DEFAULT_PARAMS`); an unknown
    key or a value out of range is a :class:`~roqa_nlp.errors.RoqaError` that is a ValueError
    (a value of the wrong type, a TypeError):

    - ``method``: classifier, ``logreg`` (default), ``prototype`` or ``hybrid``;
    - ``C``: inverse regularisation strength of the logistic regression (4.0; > 0);
    - ``alpha``: novelty significance level, between 0 and 1 (0.1): a segment fits no code when
      its conformal p-value is below it;
    - ``novelty_score``: ``combined`` (default), ``none``, ``max_prob``, ``ratio`` or ``knn``;
    - ``unit``: segment unit, ``window`` (default; whole turns, cut into runs of sentences when
      too long), ``turn`` (the same) or ``sentence``;
    - ``max_tokens``: most word pieces in a segment (200; at least 8);
    - ``top_k``: suggestions kept per segment (5; at least 1);
    - ``use_context``: read each answer with the interviewer's question before it (True);
    - ``context_weight``: weight of the question, 0 to 1 (0.2);
    - ``lexical_weight`` / ``valence_lexical_weight``: weight of the word models beside the
      classifier / the valence head, 0 to 1 (0.5 / 0.2; 0 turns them off);
    - ``question_temperature``: temperature of the shown probability for segments read with the
      interviewer's question (0.58; 0 = the temperature fitted on the seed paper's quotes, used
      for every other text);
    - ``valence_C``: inverse regularisation strength of the valence head's logistic regression
      (0.5; > 0), stronger than the codes' because valence is read from tone within a topic;
    - ``valence_prior_weight``: how much a segment's valence leans to its likely codes' own mix
      of barriers, enablers and neutral talk in the training data, 0 to 1 (1; 0 turns it off;
      :mod:`roqa_nlp.valence_prior`);
    - ``valence_neutral_weight``: how much neutral weighs against barrier and enabler in a
      segment's valence, above 0 to 1 (0.8; 1 = as trained): a prior shift from the training
      data's share of neutral talk (a third) towards what researchers coding for a
      barriers/enablers table call neutral (often less); barrier against enabler does not change;
    - ``question_weight``: how much the codes an interviewer's question leads to (learnt from
      coded training answers with their question) weigh in the ranking of a segment read with its
      question, 0 to 1 (1; 0 turns it off; :mod:`roqa_nlp.question_model`);
    - ``n_evidence``: training examples shown as evidence per suggestion (2).

    ``method``, ``C``, ``valence_C`` and ``novelty_score`` (:data:`TRAINING_ONLY_PARAMS`) act
    only when the model is trained: changed on a trained model they take effect at the next
    :meth:`fit` or :meth:`update`, and until then coding warns once and codes, and records in
    ``run.json``, with the values the model was trained with. Every other parameter acts when
    coding, so may be changed on a loaded model (``ac.params["alpha"] = 0.05``), as ``roqa code
    --alpha/--unit/--context`` does. ``lexical_weight``, ``valence_lexical_weight``,
    ``valence_prior_weight`` and ``question_weight`` weigh parts of the model that training leaves
    out when they are 0 (:data:`PART_WEIGHTS`): on a model trained with one at 0, raising it
    changes nothing, and is warned of and recorded as a training-only parameter is.

    ``copy.deepcopy(ac)`` is a coder of its own that shares nothing with ``ac`` (its embedder
    loads the embedding model again when it first needs it); ``pickle`` is refused (a
    :class:`~roqa_nlp.errors.RoqaTypeError`): keep a model with :meth:`save` and :meth:`load`.
    """

    def __init__(
        self,
        codebook: Codebook | str = "cfir-2009",
        *,
        embedder: Embedder | None = None,
        params: dict[str, Any] | None = None,
    ):
        if params is not None and not isinstance(params, dict):
            raise RoqaTypeError(
                f"params must be a dict, not {type(params).__name__}",
                hint='e.g. params={"alpha": 0.05}',
            )
        check_params(params or {})
        self.codebook = codebook if isinstance(codebook, Codebook) else Codebook.load(codebook)
        if not isinstance(codebook, Codebook):  # a file to train with: its codes are learnt
            from .codebook import undescribed_warning

            bare = undescribed_warning(self.codebook)
            if bare is not None:
                warn(bare, path=self.codebook.origin)
        if embedder is None:
            from .embedding import Embedder

            embedder = Embedder()
        self.embedder = embedder
        self.params = Params({**DEFAULT_PARAMS, **(params or {})})
        # the training-only parameters' changes coding has warned of (_warn_of_training_only)
        self._warned_training_only: set[str] = set()
        # Coding predicts with numpy alone (CodePredictor, NoveltyScorer); the scikit-learn
        # estimators exist after fit() or are built from the arrays when first asked for.
        self._predictor: CodePredictor | None = None
        self._scorer: NoveltyScorer | None = None
        self._classifier: CodeClassifier | None = None
        self._novelty: NoveltyDetector | None = None
        self.card: dict[str, Any] = {}
        self._evidence_texts: list[dict[str, Any]] = []
        self._evidence_X: np.ndarray | None = None
        self._lexical: LexicalModel | None = None
        self._valence_lexical: LexicalModel | None = None
        self._valence_prior: ValencePrior | None = None
        self._decided_valences: DecidedValences | None = None
        self._rejected_codes: RejectedCodes | None = None
        #: the new codes of the decisions update() is training (warned of by their segments)
        self._new_codes: frozenset[str] = frozenset()
        self._question_model: QuestionModel | None = None
        # (cache folder, segmentation cache in it), opened when first needed
        self._segment_cache: tuple[Path | None, SegmentCache | None] | None = None
        # what load() read of the model (_model_parts), for the cache of suggestions
        self._loaded_parts: tuple[object, ...] | None = None

    # -- copies --------------------------------------------------------------------------------

    def __deepcopy__(self, memo: dict[int, Any]) -> AutoCoder:
        """A coder of its own (``copy.deepcopy(ac)``, ``sklearn.base.clone(ac, safe=False)``) that codes as this one does and shares nothing with it: its params,
        card, arrays and embedder are copies, the embedder's model not loaded for it
        (:meth:`Embedder.__deepcopy__ <roqa_nlp.embedding.Embedder.__deepcopy__>`), and its
        segmentation cache opened again when it first codes."""
        import copy

        new = object.__new__(type(self))
        memo[id(self)] = new
        for key, value in self.__dict__.items():
            opened = key == "_segment_cache"  # an SQLite file and its lock: no copy holds them
            new.__dict__[key] = None if opened else copy.deepcopy(value, memo)
        return new

    def __copy__(self) -> AutoCoder:
        """A shallow copy (``copy.copy(ac)``): a coder sharing every part with this one but its
        ``params``, so that ``copy.copy(ac).params["top_k"] = 2`` leaves ``ac`` coding as it did
        (s64 api tester); :meth:`__deepcopy__` shares nothing."""
        new = object.__new__(type(self))
        new.__dict__.update(self.__dict__)
        new.params = Params(self.params)
        new._warned_training_only = set(self._warned_training_only)
        return new

    def __reduce_ex__(self, protocol: Any) -> Any:
        # No pickle anywhere (docs/DESIGN): a pickled coder would be a model kept as a pickle,
        # unchecked when loaded; multiprocessing and joblib's processes pickle what they are given
        raise RoqaTypeError(
            "an AutoCoder is not pickled: roqa_nlp keeps a model as arrays and JSON, never as a "
            "pickle",
            hint="save it with ac.save('models/mine') and load it with "
            "AutoCoder.load('models/mine'); copy.deepcopy(ac) copies it in memory",
        )

    def __repr__(self) -> str:
        model = self.card.get("model_sha256")
        trained = (
            f"model {model[:12]}"
            if model
            else ("trained, not saved" if self._predictor is not None else "not trained")
        )
        return (
            f"AutoCoder(codebook={self.codebook.id!r}, {trained}, "
            f"backend={str(getattr(self.embedder, 'backend', '?'))!r})"
        )

    @property
    def classifier(self) -> CodeClassifier | None:
        """The fitted :class:`~roqa_nlp.classifier.CodeClassifier` (None before training).

        For a loaded model it is built from the model's arrays when first asked for: coding
        predicts from the same arrays without it, so scikit-learn is imported only when needed.
        """
        if self._classifier is None and self._predictor is not None:
            from .classifier import CodeClassifier

            self._classifier = CodeClassifier.from_predictor(self._predictor)
        return self._classifier

    @property
    def novelty(self) -> NoveltyDetector | None:
        """The fitted :class:`~roqa_nlp.novelty.NoveltyDetector` (built like :attr:`classifier`)."""
        if self._novelty is None and self._scorer is not None:
            from .classifier import CodeClassifier
            from .novelty import NoveltyDetector

            scorer = self._scorer
            det = NoveltyDetector(CodeClassifier(**scorer.predictor.params), **scorer.params)
            self._novelty = det.use_fitted(
                self.classifier, scorer.calibration_scores_, scorer.reference_
            )
        return self._novelty

    # -- training ------------------------------------------------------------------------------

    def _question_embeddings(self, contexts: Sequence[str] | None) -> np.ndarray | None:
        """Embeddings of the interviewer's questions the model reads: one row per non-empty
        context, in order, when ``use_context`` is on; None when it reads none."""
        if not (self.params.get("use_context") and contexts is not None and any(contexts)):
            return None
        return self.embedder.encode([c for c in contexts if c])

    def _inputs(
        self,
        texts: Sequence[str],
        contexts: Sequence[str] | None = None,
        *,
        whole: bool = True,
        questions: np.ndarray | None = None,
    ) -> np.ndarray:
        """What the classifier reads of each text: its embedding, read whole (see
        :meth:`_encode_whole`; ``whole=False`` for segments already cut to fit), with the
        interviewer's question mixed in when ``use_context`` is on and a context is given.
        ``questions`` are the contexts' :meth:`_question_embeddings` when the caller has them."""
        X = self._encode_whole(list(texts)) if whole else self.embedder.encode(list(texts))
        if questions is None:
            questions = self._question_embeddings(contexts)
        if questions is not None and contexts is not None:
            import numpy as np

            # Only segments with a question change: the rest keep their embedding bit for bit.
            has = np.array([bool(c) for c in contexts])
            Z = X[has] + float(self.params["context_weight"]) * questions
            X = X.copy()
            X[has] = Z / np.linalg.norm(Z, axis=1, keepdims=True)
        return X

    def _encode_whole(self, texts: list[str]) -> np.ndarray:
        """Embeddings of ``texts``, each read whole.

        The embedding model silently drops every word piece past its limit
        (:attr:`Embedder.max_tokens`, 256 for all-MiniLM-L6-v2). A longer text (a long record
        given to ``suggest``, ``evaluate`` or training) is cut into the windows ``roqa code``
        would cut it into (``unit`` window, ``max_tokens``) and gets the normalised mean of their
        embeddings; every other text keeps its own embedding bit for bit. A text of fewer
        characters than the limit cannot exceed it, so short texts are never tokenised.
        """
        import numpy as np

        from .transcripts.segment import turn_spans

        limit = int(self.embedder.max_tokens) - 2  # [CLS] and [SEP] take two of them
        long = [i for i, t in enumerate(texts) if len(t) > limit]
        if long:
            count = self.embedder.count_tokens()
            long = [i for i in long if count(texts[i]) > limit + 2]
        if not long:
            return self.embedder.encode(texts)
        # Only the texts that fit are embedded as they are, and every window in one call.
        window = min(int(self.params["max_tokens"]), limit + 2)
        pieces: list[str] = []
        bounds = [0]  # long[j]'s windows are pieces[bounds[j] : bounds[j + 1]]
        for i in long:
            spans = turn_spans(
                texts[i], 0, len(texts[i]), "window", max_tokens=window, count_tokens=count
            )
            pieces += [texts[i][a:b] for a, b in spans]
            bounds.append(len(pieces))
        fits = sorted(set(range(len(texts))) - set(long))
        X = np.empty((len(texts), self.embedder.dim), dtype=np.float32)
        X[fits] = self.embedder.encode([texts[i] for i in fits])
        W = self.embedder.encode(pieces)
        for j, i in enumerate(long):
            m = W[bounds[j] : bounds[j + 1]].mean(axis=0)
            X[i] = m / np.linalg.norm(m)
        return X

    def fit(
        self,
        training: TrainingSet
        | str
        | Path
        | Sequence[dict[str, Any]]
        | datasets.Dataset
        | pd.DataFrame,
    ) -> AutoCoder:
        """Train the classifier, valence head, novelty detector and question model; return
        ``self``.

        ``training`` is a ``.jsonl`` or spreadsheet file or a folder of them (as ``roqa train``
        reads, see :mod:`roqa_nlp.record_files`), a list of dicts, a Hugging Face
        ``datasets.Dataset`` or a pandas ``DataFrame`` of the same records, or a
        :class:`~roqa_nlp.training.TrainingSet`. A record has ``text`` and ``codes`` (code ids,
        names or aliases; ``[]`` = fits no code), and may have ``valence`` (barrier, enabler or
        neutral; a coded record without one trains its codes, not the valence head), ``kind``
        (``procedural`` for greetings, consent and Zoom talk), ``context`` (the interviewer's
        question the text answers: the classifier learns from the text alone, the question model
        which codes a question leads to), ``source``, ``setting`` and ``id``::

            ac = AutoCoder("cfir-2009").fit([
                {"text": "We never had the staff to cover training.",
                 "codes": ["Available Resources"], "valence": "barrier"},
                {"text": "Can you hear me okay?", "codes": [], "kind": "procedural"},
                ...
            ])

        The codebook's construct descriptions are added as one example per code (not for a
        ``TrainingSet``). Records are checked as a file is: a one-line
        :class:`~roqa_nlp.errors.RoqaError` names the record and the fix. A coded record
        without a valence trains its codes but not the valence head. Warns
        (:class:`~roqa_nlp.errors.RoqaWarning`) when fewer than 20 records are barriers or
        enablers (:data:`~roqa_nlp.training.MIN_VALENCE_RECORDS`), or a code has fewer than 3
        records (:data:`~roqa_nlp.training.MIN_CODE_RECORDS`); the card's ``training_data``
        keeps the warnings.
        """
        from .errors import warn
        from .training import (
            TrainingSet,
            as_training_set,
            calibration_shortfall,
            codes_described_only,
            codes_short_of_records,
            require_coded_records,
            valence_shortfall,
        )

        _require_codable(self.codebook, self.codebook.origin)
        everything = as_training_set(training, self.codebook)
        if len(everything):  # an empty TrainingSet is said to be empty below
            require_coded_records(
                everything,
                training
                if isinstance(training, (str, Path))
                else None
                if isinstance(training, TrainingSet)
                else "training records",
            )
        said = [
            m
            for m in (
                # a review's new codes are warned of by their decided segments (update())
                codes_short_of_records(everything, self.codebook, besides=self._new_codes),
                valence_shortfall(everything),
                # a built-in codebook's training data hold the seed paper's quotes to hold out
                # (trained in CFIR 2.0 as their counterparts); a codebook of one's own has none
                None
                if self.codebook.extends_builtin
                else calibration_shortfall(everything, self.params),
            )
            if m is not None
        ]
        # valence-only records (a researcher's valence on a segment given no code) train the
        # valence head alone; the classifier and novelty detector learn from the rest
        rows = everything.code_rows()
        if not rows:
            raise RoqaError("the training set is empty", hint="add records to training_data/")
        from .embedding import say_stage

        n = len(everything)
        # the code descriptions counted: the texts embedded
        say_stage(f"embedding {n:,} training texts (those in the cache are read from it)", n)
        # The classifier learns from the answers alone; a record's context (the question it
        # answers) trains the question model (sessions 3 and 5 measured training with the
        # question mixed in: it lowered top-1 on interviews).
        X_all = self._inputs(everything.texts)
        ts, X = everything.subset(rows), X_all[rows]
        p = self.params
        asked = [i for i, (c, q) in enumerate(zip(ts.codes, ts.contexts)) if c and q]
        questions = None  # the questions of coded records, for the question model
        if float(p.get("question_weight", 0.0)) > 0 and asked:
            questions = self.embedder.encode([ts.contexts[i] for i in asked])
        from threadpoolctl import threadpool_limits

        from . import classifier  # noqa: F401  (loads scikit-learn and scipy's own BLAS now)

        # One BLAS thread while fitting: the arrays then do not depend on the machine's thread
        # count (`make model` rebuilds the packaged files bit for bit), and the solvers here were
        # no faster with two (53 s for `make model` against 81 s, session 22). threadpoolctl
        # limits the libraries already loaded, hence the import above.
        say_stage("fitting the classifier, valence head and novelty detector", n)
        with threadpool_limits(limits=1, user_api="blas"):
            self._fit_embedded(everything, ts, X, X_all, asked, questions)
        clf, det = self._require_fitted()
        unlearnt = codes_described_only(everything)
        from .novelty import never_flagged

        if (blind := never_flagged(len(det.calibration_scores_), float(p["alpha"]))) is not None:
            said.append(blind)
        self.card = {
            "library": "roqa_nlp",
            "library_version": __version__,
            "embedding_model": self.embedder.describe(),
            "codebook": {"id": self.codebook.id, "sha256": self.codebook.hash},
            "training_data": {
                "sha256": everything.hash,
                "n_records": len(everything),
                "n_coded": sum(1 for c in ts.codes if c),
                "n_none": sum(1 for c in ts.codes if not c),
                # records the valence head alone learnt (written when there are some)
                **({"n_valence_only": n} if (n := len(everything) - len(ts)) else {}),
                # what reading and training warned of: CFIR 2009 records trained in CFIR 2.0,
                # too few records of a code, or of barriers/enablers
                **({"warnings": read} if (read := [*everything.said, *said]) else {}),
                # codes learnt from their description alone: never suggested (_suggest_rows)
                **({DESCRIBED_ONLY_KEY: unlearnt} if unlearnt else {}),
            },
            "params": dict(p),  # as trained: ac.params may change after
            "classes": [str(c) for c in clf.classes_],
            "temperature": float(clf.temperature_),
            "lexical_temperature": (
                None if self._lexical is None else float(self._lexical.temperature_)
            ),
            "n_calibration": int(len(det.calibration_scores_)),
            "metrics": {},
        }
        self._warned_training_only.clear()  # trained with them: a change since is new
        for message in said:  # once trained: an error above stops first
            warn(message, stacklevel=None)  # the researcher's line, from update() too (s64)
        return self

    def _fit_embedded(
        self,
        everything: TrainingSet,
        ts: TrainingSet,
        X: np.ndarray,
        X_all: np.ndarray,
        asked: list[int],
        questions: np.ndarray | None,
    ) -> None:
        """:meth:`fit`'s models from the embeddings: ``X`` of the records with codes or an
        off-framework kind (``ts``), ``X_all`` of all of ``everything``, and the ``questions`` of
        the coded records ``asked`` (None: no question model)."""
        from .classifier import CodeClassifier
        from .novelty import NoveltyDetector
        from .prediction import CodePredictor, NoveltyScorer

        p = self.params
        y = [label_of(c, k) for c, k in zip(ts.codes, ts.kinds)]
        base = CodeClassifier(p["method"], C=p["C"], valence_C=p["valence_C"])
        det = NoveltyDetector(base, alpha=p["alpha"], score=p["novelty_score"])
        det.fit(X, y, groups=ts.groups, fit_kwargs={"groups": ts.groups})
        vrows = everything.valence_rows()
        det.classifier_.fit_valence(X_all[vrows], [everything.valences[i] for i in vrows])
        # Through the float32 arrays save() writes and load() reads, so that this model predicts
        # exactly what it will after saving (a probability could otherwise move in its sixth
        # decimal); the estimator itself keeps scikit-learn's float64 fit.
        fitted = det.classifier_
        self._predictor = CodePredictor.from_arrays(fitted.to_arrays(), fitted.state())
        clf = det.classifier_ = CodeClassifier.from_predictor(self._predictor)
        self._novelty, self._classifier = det, clf
        self._scorer = NoveltyScorer.of(det, self._predictor)
        # Evidence: coded examples whose own text shows their codes (not the descriptions, nor
        # records marked "evidence": false, such as interview windows with their turn's codes,
        # nor the researcher's decided segments, which update() marks so).
        keep = [
            j
            for j, (i, c, k) in enumerate(zip(ts.ids, ts.codes, ts.kinds))
            if c and k != "description" and i not in ts.not_evidence
        ]
        # Each keeps its valence, so that a barrier or an enabler is shown examples on its side.
        self._evidence_texts = [
            {"id": ts.ids[j], "text": ts.texts[j], "codes": ts.codes[j], "valence": ts.valences[j]}
            for j in keep
        ]
        self._evidence_X = X[keep].astype("float16")
        self._lexical = self._valence_lexical = self._valence_prior = None
        self._decided_valences = None  # update() keeps them, after fit()
        self._rejected_codes = None  # so does it these
        self._question_model = None
        if questions is not None:
            from .question_model import QuestionModel

            self._question_model = QuestionModel.fit(questions, [ts.codes[i] for i in asked])
        if float(p.get("valence_prior_weight", 0.0)) > 0:
            from .valence_prior import ValencePrior

            self._valence_prior = ValencePrior.fit(ts.codes, ts.valences)
        if float(p.get("valence_lexical_weight", 0.0)) > 0:
            from .lexical import LexicalModel
            from .schema import VALENCES

            # the coded records (benchmarks/valence_words.py); it speaks for every valence or none
            if {everything.valences[i] for i in vrows} == set(VALENCES):
                self._valence_lexical = LexicalModel.fit(
                    [everything.texts[i] for i in vrows],
                    [everything.valences[i] for i in vrows],
                    vocabulary_from=_words_may_be_kept(everything, vrows),
                )
        if float(p.get("lexical_weight", 0.0)) > 0:
            from .lexical import LexicalModel, fit_combined_temperature, unreadable_codes

            kept = _words_may_be_kept(ts, range(len(ts.texts)))
            # the decided segments are the rows whose words the model may not keep
            mine = [True] * len(y) if kept is None else kept
            silent = unreadable_codes(
                y,
                decided=[not k for k in mine],
                read=[k and kind != "description" for k, kind in zip(mine, ts.kinds, strict=True)],
            )
            self._lexical = LexicalModel.fit(
                ts.texts, y, vocabulary_from=kept, silent_classes=silent
            )
            self._lexical.temperature_ = fit_combined_temperature(
                X,
                ts.texts,
                y,
                ts.groups,
                fitted.classes_,
                w=float(p["lexical_weight"]),
                classifier_params=fitted.get_params(),
                silent_classes=silent,
            )

    def update(
        self,
        decisions: str | Path | Sequence[str | Path] | list[Any],
        *,
        codings: CodingResult
        | str
        | Path
        | Sequence[CodingResult | str | Path | None]
        | None = None,
        training: TrainingSet
        | str
        | Path
        | Sequence[dict[str, Any]]
        | datasets.Dataset
        | pd.DataFrame
        | None = None,
        weight: int = UPDATE_WEIGHT,
    ) -> AutoCoder:
        """Retrain this coder in place with the researcher's decisions added to the training
        data; return ``self``, as :meth:`fit` does (scikit-learn's contract), so
        ``ac2 = ac.update(...)`` is ``ac``, retrained. To compare the model before and after the
        review, load it twice: ``before = AutoCoder.load(); after =
        AutoCoder.load().update(...)`` (or ``ac.save(folder)`` first and
        ``AutoCoder.load(folder)`` it back), then ``before.evaluate(gold)`` and
        ``after.evaluate(gold)``.

        ``decisions`` is a decisions file, a list of them (rounds of review, in order: all are
        trained together, and the project codebook holds the new codes of every round), or a
        list of :class:`~roqa_nlp.decisions.Decision`; ``codings`` the coding result they refer
        to (for segment texts, valences and the suggestions shown), or one per decisions file
        (default: the ``codings.jsonl`` beside each decisions file when there, as ``roqa train
        --feedback`` reads them; none for a list of :class:`~roqa_nlp.decisions.Decision`);
        ``training`` the base training data, as :meth:`fit` takes it (default: the project's
        ``training_data/``). Each
        decided segment counts ``weight`` times (an integer >= 1), since it comes from the study
        being coded: this changes how strongly decisions on existing codes count, not a new code
        (classes are balanced, so a code known only from decisions weighs the same however often
        they count; it needs several decided segments). The decisions files, their counts, the
        codings used and what was left out are recorded in the model card (``feedback``; a list
        of :class:`~roqa_nlp.decisions.Decision` is no file: its ``name`` is None).
        The decided segments are learnt but never shown as evidence (nor stored in words in the
        model's ``evidence.jsonl``): evidence stays the written exemplars and seed quotes.
        """
        import re
        import warnings

        from .decisions import (
            NEW_CODE_WITHOUT_VALENCE,
            NOTE,
            PROJECT_PREFIX,
            VALENCE,
            VALENCE_ONLY_WITHOUT_ROW,
            Decision,
            earlier_rounds,
            feedback_plan,
            merged_new_code_names,
            named_codes_recoded,
            project_codebook,
            read_decisions,
            texts_learnt_by_file,
            warn_of_few_segments,
            with_imported_project_codes,
        )
        from .errors import RoqaWarning
        from .training import (
            TrainingSet,
            as_training_set,
            decided_by_hash,
            text_hashes,
            training_data_hash,
        )

        if isinstance(weight, bool) or not isinstance(weight, int) or weight < 1:
            whole = not isinstance(weight, bool) and isinstance(weight, int)
            raise (RoqaValueError if whole else RoqaTypeError)(
                f"the feedback weight must be a whole number of at least 1, not {weight!r}",
                hint="1 counts each decided segment once, like a training record",
            )
        files: list[tuple[list[Decision], str, str]] = []  # decisions, name, sha256
        items = given_decisions(decisions)
        in_memory = isinstance(items[0], Decision)  # all of them are, or none (given_decisions)
        if not in_memory:
            for path in items:
                decs_i, h = read_decisions(path, codebook=self.codebook)
                files.append((decs_i, str(path), h))
        else:
            decs: list[Decision] = items
            # a Decision without a valence hashes as before the field was added
            blob = json.dumps(
                [
                    {k: v for k, v in d.__dict__.items() if (k != "valence" or v) and k != "row"}
                    for d in decs
                ],
                sort_keys=True,
            ).encode()
            files.append((decs, "decisions", sha256_bytes(blob)))
        looked_beside = (
            codings is None and bool(items) and all(isinstance(d, (str, Path)) for d in items)
        )
        if looked_beside:
            # as roqa train does: the codings.jsonl beside each decisions file, when there
            beside = [Path(path).parent / "codings.jsonl" for path in items]
            per_file: list[Any] = [c if c.is_file() else None for c in beside]
        elif codings is None or isinstance(codings, (str, Path, CodingResult)):
            per_file = [codings] * len(files)
        else:
            per_file = list(codings)
            if len(per_file) != len(files):
                raise RoqaValueError(
                    f"{len(per_file)} codings for {len(files)} decisions files",
                    hint="give one codings file per decisions file, in the same order",
                )
        # each file's codings' run: a file the card names in another folder is looked for from
        # there, and a path typed outside the study is recorded from there (path_to_record)
        folders = [
            (Path(c) if Path(c).is_dir() else Path(c).parent)
            if isinstance(c, (str, Path))
            else None
            for c in per_file
        ]
        results: list[CodingResult | None] = []
        used: list[dict[str, Any]] = []
        for c, folder in zip(per_file, folders):
            if isinstance(c, (str, Path)):
                if Path(c).is_dir() and not (Path(c) / "codings.jsonl").exists():
                    # the decisions were made on codings: not "code the transcripts first",
                    # nor into this folder, which may hold them (ux2, s78: --codings examples/)
                    raise RoqaValueError(
                        "holds no codings (no codings.jsonl)",
                        path=c,
                        hint="give the folder roqa code wrote, whose report the decisions were "
                        "saved from",
                    )
                # a codings folder is its codings.jsonl, as CodingResult.read takes it (privacy
                # tester, s65: --codings coded/ failed "Is a directory")
                jsonl = codings_file(c)
                # no run.json beside it is said once, below, with what it means for the rounds
                # (the reader's warning too was two in a row: hunt24, s84)
                with warnings.catch_warnings():
                    warnings.filterwarnings(
                        "ignore", re.escape(f"{jsonl}: no run.json beside it: "), RoqaWarning
                    )
                    results.append(CodingResult.read(c))
                used.append(
                    {
                        # from above its folder: the folder's name is what tells a re-run
                        # of the reviewed folder from another (code_cmd._recorded_as)
                        "path": path_to_record(jsonl, folder),
                        "sha256": sha256_bytes(jsonl.read_bytes()),
                    }
                )
            else:
                results.append(c)
                if c is not None:
                    used.append({"path": None, "sha256": None})
        # before the training: round 2's file alone forgets round 1's (adapt tester, s42)
        earlier = earlier_rounds(
            [(name, h) for _, name, h in files],
            results,
            folders=folders,
            decisions=[decs_i for decs_i, _, _ in files],  # a later round may carry them all
            # --codings given: the command it suggests gives every round's codings too
            codings_named=None
            if looked_beside
            else [str(c) if isinstance(c, (str, Path)) else None for c in per_file],
            python=not ON_COMMAND_LINE.get(),  # roqa train names its --feedback options
        )
        if earlier is not None:
            warn(earlier.said)
        # a model's codings with no run.json beside them name no model: the earlier rounds it
        # was trained with cannot be told, nor said forgotten (daily14 tester, session 84)
        every = (
            "repeat --feedback for every round"
            if ON_COMMAND_LINE.get()
            else "give update() every round"
        )
        # a result read in Python (CodingResult.read) is its file, as a path given is (hunt24,
        # s84: only paths were warned of); one made in memory is read from no file
        nameless = {
            where_from: None
            for c, r in zip(per_file, results)
            if r is not None
            and (where_from := codings_file(c) if isinstance(c, (str, Path)) else r.source)
            and not (where_from.parent / "run.json").exists()
            and any(g.probability < 1.0 for s in r.segments for g in s.suggestions)
        }
        for jsonl in nameless:
            # a model's codings.jsonl with transcripts.jsonl beside it is checked against run.json
            # for lines lost (CodingResult.read): said here, in one warning with the rest
            unchecked = jsonl.with_name("transcripts.jsonl").exists()
            warn(
                "cannot tell which model made these codings: no run.json beside it (if a model "
                "retrained on earlier decisions made them, the new model forgets those: "
                f"{every}, earliest first)"
                + ("; nor can it be checked that they lost no lines" if unchecked else ""),
                path=jsonl,
            )
        from .decisions import in_codes_the_chart_has
        from .decisions_crosswalk import (
            books_of,
            in_model_codes,
            recorded_own_chart,
        )

        # each file's codings' own codebook (`roqa code --codebook OWN.json`), read once
        owns = [recorded_own_chart(r, self.codebook) for r in results]
        translated_from = sorted(
            {
                b
                for (decs_i, _, _), own in zip(files, owns)
                for b in books_of(decs_i, self.codebook, own).values()
            }
        )
        # a new code named as a code of the researcher's own codebook the codings record is the
        # recode to it there, before any reading in the model's codes ("Culture", her code
        # mapped to Cosmopolitanism, is not CFIR's Culture: ownloop re-test, session 46)
        files = [
            (decs_i if own is None else named_codes_recoded(decs_i, own, where=name), name, h)
            for (decs_i, name, h), own in zip(files, owns)
        ]
        # every code it lacks in one line; its rejections left out, as apply-decisions does
        files = [
            (decs_i if own is None else in_codes_the_chart_has(decs_i, own, name), name, h)
            for (decs_i, name, h), own in zip(files, owns)
        ]
        # rows on codes of another codebook (a review charted in CFIR 2.0, or in the researcher's
        # own codebook the codings record): the decisions they are on the model's codes, new
        # codes among them (before the project codebook is made)
        read_as: list[list[tuple[Decision, Decision]]] = [[] for _ in files]
        # the rejections as typed: those typed in the model's codes are kept with their
        # segments (feedback_plan; hunt27, session 85: read in the model's codes here first,
        # a CFIR 2.0 reject of OUT.E was still kept as OS.D and took OUT.G.3 away)
        rejects_typed = [
            (d.segment_id, d.code_id)
            for decs_i, _, _ in files
            for d in decs_i
            if d.decision == "reject"
        ]
        # and those typed in another codebook whose model code charts the rejected code alone,
        # as the model code they were read as: kept too (hunt32, session 85; in_model_codes
        # gives them, for feedback_plan, which sees these rows in the model's codes only)
        files = [
            (
                in_model_codes(
                    decs_i,
                    self.codebook,
                    r,
                    where=name,
                    read_as=read,
                    kept_rejects=rejects_typed,
                ),
                name,
                h,
            )
            for (decs_i, name, h), r, read in zip(files, results, read_as)
        ]
        # a new code named as a code the model has is the recode to it, as apply-decisions reads it
        files = [
            (named_codes_recoded(decs_i, self.codebook, where=name), name, h)
            for decs_i, name, h in files
        ]
        where = ", ".join(name for _, name, _ in files)
        # one new code's name spelt two ways in two files is one code, as in one file
        from itertools import accumulate

        all_decs = merged_new_code_names([d for decs_i, _, _ in files for d in decs_i], where=where)
        starts = list(accumulate([0, *(len(decs_i) for decs_i, _, _ in files)]))
        files = [(all_decs[a:b], name, h) for (_, name, h), a, b in zip(files, starts, starts[1:])]
        book = project_codebook(self.codebook, all_decs, where=where)
        # project codes named by id (a QDA review of a project carrying roqa's own codes): as
        # the codebook.json roqa import wrote beside the decisions or their codings defines them
        places = [str(p) for p in items if isinstance(p, (str, Path))]
        places += [str(r.source) for r in results if r is not None and r.source is not None]
        named = {c.id for c in book.codes}
        book = with_imported_project_codes(book, all_decs, places)
        imported = [c.id for c in book.codes if c.id not in named]
        plan = feedback_plan(
            [(decs_i, r, name) for (decs_i, name, _), r in zip(files, results)],
            book,
            valence_only=True,
            rejects_typed=rejects_typed,
            # project codes an earlier round not given made: the error names it (daily24, s89)
            earlier=earlier,
        )
        if not plan.texts and not plan.valence_texts and not plan.rejections:
            from .decisions import SHORT_OF_ALL, STOP_A_CODE, only_own_codes_kept, typed_in_said

            left_out = dict(plan.left_out)
            n_other = plan.n_rejections_in_other_codes
            # rejections typed in another codebook's codes: not "short of all the segment's
            # suggestions", which told the reviewer to reject suggestions (hunt32, session 85)
            if n_other:
                left_out[SHORT_OF_ALL] = left_out.get(SHORT_OF_ALL, 0) - n_other
            why = "; ".join(
                [
                    *(
                        [
                            f"{n_other} rejection{'s' if n_other != 1 else ''} typed in "
                            f"{typed_in_said(translated_from)} codes, not kept: "
                            + only_own_codes_kept(self.codebook.id)
                        ]
                        if n_other
                        else []
                    ),
                    *(f"{n} {reason}" for reason, n in left_out.items() if n > 0),
                ]
            )
            notes = sum(d.decision == NOTE for decs_i, _, _ in files for d in decs_i)
            if not why and notes:  # "(none)" hid why (api tester, session 79)
                why = (
                    "its one row is a note, which trains nothing"
                    if notes == 1
                    else f"{notes} rows are notes, which train nothing"
                )
            raise RoqaValueError(
                f"the decisions give no training example ({why or 'none'})",
                path=where,
                hint=STOP_A_CODE
                if n_other
                else "nothing to learn: accept, recode or reject suggestions, or name new codes",
            )
        # said once the decisions are known to train (an error above stops first)
        for (decs_i, name, _), r in zip(files, results):
            if r is None and any(d.decision != NOTE for d in decs_i):
                warn(
                    f"{'no codings.jsonl beside it' if looked_beside else 'no codings given'}: "
                    "its decisions are trained without the model's valence or the interviewer's "
                    "question before each segment (give the codings the review was made on: "
                    "--codings FOLDER/codings.jsonl)",
                    path=name,
                )
        # a new code needs several decided segments to be suggested for other talk
        made = [c.id for c in book.codes if c.id.startswith(PROJECT_PREFIX)]
        warn_of_few_segments(
            {cid: sum(cid in labels for labels in plan.labels) for cid in made},
            book,
            where,
            training=True,
        )
        dhash = (
            files[0][2]
            if len(files) == 1
            else sha256_bytes("\n".join(h for _, _, h in files).encode())
        )
        base = training if training is not None else default_training_dir()
        ts = as_training_set(base, book)
        # the written training data alone: read with the codebook before the decisions, as roqa
        # train without them reads it, not with the new codes' definitions (which ts holds)
        base_hash = (
            ts.hash if isinstance(base, TrainingSet) else training_data_hash(base, self.codebook)
        )
        fb = plan.training_set(dhash)
        combined = ts
        for _ in range(weight):
            combined = combined.extend(fb)
        before = {c.id for c in self.codebook.codes}
        self.codebook = book
        self._new_codes = frozenset(made)
        try:
            self.fit(combined)
        finally:
            self._new_codes = frozenset()
        # the new codes whose every decided segment was given no valence: talk suggested them
        # reads neutral, as the review counts them (valence_prior.with_codes_read_neutral);
        # kept in the card from here, so that the decided valences are checked as code reads
        from .training import codes_given_no_valence

        unvalenced = codes_given_no_valence(combined, made)
        if unvalenced:
            self.card["feedback"] = {NEW_CODES_WITHOUT_VALENCE: unvalenced}
        read_otherwise, decided_twice = self._keep_decided_valences(plan)
        rejections_kept, rejections_dropped, rejected_texts = self._keep_rejected_codes(plan)
        # what was decided in the codes of the one codebook a review was made in (CFIR 2.0)
        decided_in: dict[str, Any] = {}
        if len(translated_from) == 1:
            from .decisions_crosswalk import decided_as
            from .training import decided_in_chart

            said: dict[str, dict[str, list[str]]] = {}
            for read, r in zip(read_as, results):
                for words, codes in decided_as(read, book, r).items():
                    for c, made in codes.items():
                        said.setdefault(words, {}).setdefault(c, []).extend(made)
            if kept := decided_in_chart(plan.decided(), said):
                decided_in = {translated_from[0]: kept}
        # (those given a new code and no valence are counted apart: they had codings)
        n_bare = sum(k == "coded" and not v for k, v in zip(plan.kinds, plan.valences))
        n_bare -= plan.counts.get(NEW_CODE_WITHOUT_VALENCE, 0)
        # a row that only keeps a note on a segment decides nothing and trains nothing
        n_notes = sum(d.decision == NOTE for d in all_decs)
        n_definitions = sum(1 for i in ts.ids if i.startswith("desc-" + PROJECT_PREFIX))
        learnt = text_hashes(fb.texts)
        by_file = texts_learnt_by_file([decs_i for decs_i, _, _ in files], results, learnt)
        self.card["feedback"] = {
            # the written training data alone (card["training_data"] hashes it with the decisions)
            "base_training_data_sha256": base_hash,
            "decisions_sha256": dhash,
            # a list of Decisions is no file: its name is null, as run.json's "decisions" is;
            # a file's path names no folder outside the study (path_to_record)
            "decisions_files": [
                {
                    "name": None if in_memory else path_to_record(name, folder),
                    "sha256": h,
                    "n_decisions": sum(d.decision != NOTE for d in decs_i),
                    # the texts learnt (as text_sha256) that this file decided: the round check
                    # charges a file changed since with those no file decides now
                    "text_sha256": its,
                }
                for (decs_i, name, h), its, folder in zip(files, by_file, folders)
            ],
            "n_decisions": len(all_decs) - n_notes,
            **({"n_notes": n_notes} if n_notes else {}),
            "by_decision": {
                k: n
                for k in ("accept", "recode", "new-code", "reject", "valence", "no-code")
                if (n := sum(1 for d in all_decs if d.decision == k))
            },
            # one example per decided segment (its words), by kind (coded, fits no code
            # "rejected", small talk "off-framework", procedural, valence-only): they sum to
            # n_examples
            "n_examples": len(fb),
            # the examples' texts as short hashes, not words: evaluate() warns of records among
            # them (figures on texts the model was trained on are not held out)
            "text_sha256": learnt,
            # the texts of the segments whose rejected codes the model keeps (their readings),
            # not among those: held in the model too, so not held out (hunt27, session 85)
            **(
                {"rejected_text_sha256": held}
                if (held := sorted(set(text_hashes(rejected_texts)) - set(learnt)))
                else {}
            ),
            # what was decided on them (codes, the researcher's valence), by the same hashes:
            # roqa code says which re-coded segments the model does not suggest so
            "decided": decided_by_hash(plan.decided()),
            # the same in the codes of the codebook the review was made in (CFIR 2.0), where
            # they are not the model's: roqa code judges the suggestions charted in it on them
            **({"decided_in": decided_in} if decided_in else {}),
            "examples_by_kind": plan.examples_by_kind(),
            # the rows behind the examples that are not coded, by kind (rejections and no-code
            # rows: three rejections of a segment's suggestions are one example that fits no code;
            # valence rows behind valence-only examples), and the valence rows on coded examples
            # (valence): with the codes by decision and the rows left out, each row once
            **({"decisions_by_kind": plan.decisions_by_kind} if plan.decisions_by_kind else {}),
            # the codes the coded examples are trained with, by the decision that gave each
            # (accept, recode, new-code): a segment given two codes counts under each, so they
            # may sum to more than the coded examples
            "codes_by_decision": plan.codes_by_decision(),
            # coded examples trained on the researcher's valence, not the model's
            **({"n_researcher_valence": n} if (n := plan.counts.get(VALENCE, 0)) else {}),
            # the researcher's valences kept for their words (decided_valences.safetensors), and
            # those the model, trained, still reads otherwise there: not carried to other talk
            **({"n_valences_kept": n} if (n := self._n_decided_valences()) else {}),
            **({"valences_read_otherwise": read_otherwise} if read_otherwise else {}),
            # segments whose words, after the same question, were given two valences: the
            # model keeps the researcher's valence for none of them
            **({"valences_decided_two_ways": decided_twice} if decided_twice else {}),
            # the codes rejected on segments, kept with those segments' readings
            # (rejected_codes.safetensors): not suggested there again, and less on talk read
            # much like it; and those not kept, as they would lower a code the researcher gave
            # on a decided segment read much like it (segment id, code)
            **({"n_rejections_kept": rejections_kept} if rejections_kept else {}),
            **({"rejections_not_kept": rejections_dropped} if rejections_dropped else {}),
            # and those not kept as they were typed in another codebook's codes (a review
            # charted in CFIR 2.0): kept as the model's code, they took away its other codes
            **(
                {"n_rejections_in_other_codes": n}
                if (n := plan.n_rejections_in_other_codes)
                else {}
            ),
            # coded examples given a new code and no valence of the researcher's: none, as
            # the review gives a new code none (the model's was shown for another code); the valence
            # head leaves them out
            **(
                {"n_new_code_without_valence": n}
                if (n := plan.counts.get(NEW_CODE_WITHOUT_VALENCE, 0))
                else {}
            ),
            # valence-only examples whose valence was given on a rejection or no-code row, no
            # valence row: that row is counted under its decision
            **(
                {"n_valence_only_without_valence_row": n}
                if (n := plan.counts.get(VALENCE_ONLY_WITHOUT_ROW, 0))
                else {}
            ),
            # the training records the examples became: each counted `weight` times
            "n_records": len(fb) * weight,
            # the definitions of the new codes, added to training data read from files as the
            # codebook's are
            **({"n_new_code_definitions": n} if (n := n_definitions) else {}),
            # coded examples with no valence (no codings to take the model's from): the valence
            # head leaves them out
            **({"n_without_valence": n_bare} if n_bare else {}),
            "n_left_out": sum(plan.left_out.values()),
            "left_out": plan.left_out,
            "codings": used,
            "weight": weight,
            "new_codes": [c.id for c in book.codes if c.id.startswith("project.")],
            "new_codes_created": [c.id for c in book.codes if c.id not in before],
            # of those, the ones no decided segment was given a valence for: suggested neutral
            **({NEW_CODES_WITHOUT_VALENCE: unvalenced} if unvalenced else {}),
            # of those, the codes decisions named by id, taken from a project codebook beside
            # them (a QDA review of a project carrying roqa's own codes)
            **({"new_codes_imported": imported} if imported else {}),
            # a review made on the codings charted in another codebook (CFIR 2.0), its rows read
            # as decisions on the model's codes (roqa_nlp.decisions_crosswalk)
            **({"translated_from": translated_from} if translated_from else {}),
        }
        return self

    def _keep_decided_valences(
        self, plan: FeedbackExamples
    ) -> tuple[list[dict[str, str]], list[str]]:
        """Keep the valences the researcher decided in ``plan`` (:mod:`roqa_nlp.decided_valences`)
        for their segments (the words read after their question), once the model is trained on
        them; return those it reads otherwise there without them (segment id, decided valence,
        the model's), read with their question as ``roqa code`` reads them, and the segments whose
        words and question were decided two ways (kept for none)."""
        from .decided_valences import DecidedValences

        ids = [g[0] for g in plan.valences_given]
        texts = [g[1] for g in plan.valences_given]
        asked = [g[2] for g in plan.valences_given]
        valences = [g[3] for g in plan.valences_given]
        self._decided_valences = None
        if not texts:
            return [], []
        read = [words_read(t) for t in texts]  # as roqa code reads a segment
        # the question the model reads (none when it reads no context), as _suggest_rows keys
        heard = asked if self.params.get("use_context") else [""] * len(asked)
        kept, both = DecidedValences.of(read, heard, valences)
        X = self._inputs(read, asked)
        rows = self._suggest_rows(X, top_k=1, texts=read, contexts=asked)[0]
        shown = [r[0].valence if r else "" for r in rows]
        self._decided_valences = kept
        twice = set(both)
        return [
            {"segment": i, "valence": v, "read": r}
            for n, (i, v, r) in enumerate(zip(ids, valences, shown))
            if r and r != v and n not in twice
        ], list(dict.fromkeys(ids[n] for n in both))

    def _keep_rejected_codes(
        self, plan: FeedbackExamples
    ) -> tuple[int, list[dict[str, str]], list[str]]:
        """Keep the codes the researcher rejected in ``plan`` (:mod:`roqa_nlp.rejected_codes`)
        with the readings of their segments (words and question, as ``roqa code`` reads them),
        once the model is trained; return how many are kept, those not kept (segment id,
        code) because they would lower a code the researcher gave on a decided segment, and the
        words of the segments kept."""
        from .rejected_codes import RejectedCodes

        self._rejected_codes = None
        if not plan.rejections:
            return 0, [], []
        clf, _ = self._require_predictor()
        ids, texts, asked, codes = (list(x) for x in zip(*plan.rejections))
        X = self._inputs([words_read(t) for t in texts], asked)
        coded = [i for i, k in enumerate(plan.kinds) if k == "coded"]
        decided_X = None
        if coded:
            decided_X = self._inputs(
                [words_read(plan.texts[i]) for i in coded], [plan.contexts[i] for i in coded]
            )
        kept, dropped = RejectedCodes.of(
            X,
            codes,
            [str(c) for c in clf.classes_],
            decided_X,
            [plan.labels[i] for i in coded],
        )
        self._rejected_codes = kept
        classes = {str(c) for c in clf.classes_}
        held = [
            t for i, (t, c) in enumerate(zip(texts, codes)) if c in classes and i not in dropped
        ]
        return (
            (0 if kept is None else len(kept.codes_)),
            [{"segment": ids[i], "code": codes[i]} for i in dropped],
            held,
        )

    def _codes_read_neutral(self) -> frozenset[str]:
        """The review's new codes no decided segment was given a valence for (the card's
        ``feedback.new_codes_without_valence``): talk suggested them reads neutral. None in a
        model trained without feedback, or before session 84."""
        feedback = self.card.get("feedback")
        codes = feedback.get(NEW_CODES_WITHOUT_VALENCE) if isinstance(feedback, dict) else None
        return frozenset(str(c) for c in codes) if isinstance(codes, list) else frozenset()

    def _n_decided_valences(self) -> int:
        """How many decided valences the model keeps for their words."""
        kept = self._decided_valences
        return 0 if kept is None else len(kept.valences_)

    def _require_fitted(self) -> tuple[CodeClassifier, NoveltyDetector]:
        """The fitted scikit-learn estimators (what saving and refitting need)."""
        self._require_predictor()
        clf, det = self.classifier, self.novelty
        assert clf is not None and det is not None
        return clf, det

    def _require_predictor(self) -> tuple[CodePredictor, NoveltyScorer]:
        """The numpy prediction head (what coding needs)."""
        if self._predictor is None or self._scorer is None:
            raise RoqaError("the model is not trained", hint="call fit() or AutoCoder.load()")
        return self._predictor, self._scorer

    # -- suggestions ---------------------------------------------------------------------------

    def _evidence_view(self) -> _EvidenceKept:
        """What :meth:`_suggest_rows` reads of the model's evidence (:class:`_EvidenceKept`)."""
        import numpy as np

        texts, X = self._evidence_texts, self._evidence_X
        # each code's evidence rows, in file order
        rows_of: dict[str, list[int]] = {}
        for m, e in enumerate(texts):
            for c in dict.fromkeys(e["codes"]):
                rows_of.setdefault(c, []).append(m)
        text = [e["text"] for e in texts]
        return _EvidenceKept(
            X=None if X is None else X.astype(np.float32),
            rows_of={c: np.asarray(r, dtype=np.intp) for c, r in rows_of.items()},
            texts=text,
            valences=[str(e.get("valence") or "") for e in texts],
            words=[" ".join(t.split()) for t in text],
            of=(texts, X),
        )

    def _model_parts(self) -> tuple[object, ...]:
        """What classifying a segment reads of the model, as objects: :meth:`load` keeps them, so
        a part trained or replaced since (``fit``, ``update``, a stand-in) is told."""
        return (
            self._predictor,
            self._scorer,
            self._lexical,
            self._valence_lexical,
            self._valence_prior,
            self._question_model,
            self._decided_valences,
            self._rejected_codes,
            self._evidence_X,
            self._evidence_texts,
            self.codebook,
        )

    def _suggestion_model_key(self) -> str | None:
        """What names this model's suggestions in the cache of suggestions
        (:mod:`~roqa_nlp.suggestion_cache`): the ``model_sha256`` :meth:`load` verified, the
        card and parameters as they are now, the codebook's hash and the embedding backend's;
        None (no cache) for a model not loaded from a folder, one whose parts were replaced
        since, or one whose classifying was replaced on it (a stand-in ``_suggest_rows``)."""
        loaded = self._loaded_parts
        model = self.card.get("model_sha256")
        if loaded is None or not model:
            return None
        if any(a is not b for a, b in zip(self._model_parts(), loaded, strict=True)):
            return None
        for name in ("_suggest_rows", "_inputs", "_question_embeddings", "_evidence_view"):
            if name in vars(self) or getattr(type(self), name) is not getattr(AutoCoder, name):
                return None
        from .json_cache import content_key

        try:
            return content_key(
                {
                    "model": model,
                    "card": self.card,
                    "params": dict(self.params),
                    "codebook": self.codebook.hash,
                    "embedding": self.embedder.cache_hash,
                }
            )
        except (TypeError, ValueError):  # a parameter JSON cannot hold: not kept
            return None

    def _suggest_rows_kept(
        self,
        X: np.ndarray,
        top_k: int | None,
        texts: list[str],
        contexts: list[str] | None,
        questions: np.ndarray | None,
        read_evidence: _EvidenceKept,
        segments: Sequence[Segment],
        cache: SuggestionCache | None,
        model_key: str | None,
    ) -> tuple[list[list[Suggestion]], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """:meth:`_suggest_rows` of a part of a run (``texts``: the words read of ``segments``),
        each transcript's rows from ``cache`` when its segments' words and questions are
        unchanged (:mod:`~roqa_nlp.suggestion_cache`), the others classified together and kept."""
        import numpy as np

        if cache is None or model_key is None:
            return self._suggest_rows(X, top_k, texts, contexts, questions, read_evidence)
        from itertools import groupby

        from .suggestion_cache import decode_rows, encode_rows, suggestion_key

        k = int(self.params["top_k"] if top_k is None else top_k)
        spans: list[tuple[int, int, str]] = []  # each transcript's rows and their key
        start = 0
        for _, group in groupby(segments, key=lambda s: s.transcript_id):
            end = start + len(list(group))
            heard = None if contexts is None else contexts[start:end]
            spans.append((start, end, suggestion_key(model_key, k, texts[start:end], heard)))
            start = end
        found = [decode_rows(cache.get(key), b - a) for a, b, key in spans]
        rows: list[list[Suggestion]] = [[] for _ in texts]
        columns = [np.zeros(len(texts)) for _ in range(4)]
        missed = [i for (a, b, _), kept in zip(spans, found) if kept is None for i in range(a, b)]
        if missed:
            heard = None if contexts is None else [contexts[i] for i in missed]
            asked = None
            if questions is not None and contexts is not None:
                # the questions' rows are those of the segments read with one, in order
                row_of = np.cumsum([bool(c) for c in contexts]) - 1
                asked = questions[[int(row_of[i]) for i in missed if contexts[i]]]
            got = self._suggest_rows(
                X[missed], top_k, [texts[i] for i in missed], heard, asked, read_evidence
            )
            for i, row in zip(missed, got[0]):
                rows[i] = row
            for column, values in zip(columns, got[1:]):
                column[missed] = values
        else:  # what classifying checks and warns of, as when it runs
            self._require_predictor()
            self._warn_of_training_only()
        for (a, b, key), kept in zip(spans, found):
            if kept is None:
                p, score, proc, aside = (c[a:b].tolist() for c in columns)
                cache.put(key, encode_rows((rows[a:b], p, score, proc, aside)))
                continue
            rows[a:b] = kept[0]
            for column, kept_values in zip(columns, kept[1:]):
                column[a:b] = kept_values
        return rows, columns[0], columns[1], columns[2], columns[3]

    def _suggest_rows(
        self,
        X: np.ndarray,
        top_k: int | None = None,
        texts: Sequence[str] | None = None,
        contexts: Sequence[str] | None = None,
        questions: np.ndarray | None = None,
        read_evidence: _EvidenceKept | None = None,
        *,
        by_rest: bool = True,
    ) -> tuple[list[list[Suggestion]], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Ranked suggestions per row, plus novelty p-values, scores, whether each row is
        procedural talk (the procedural class is the most probable) and whether it reads as
        small talk or background (the off-framework class is: it is trained on nothing else;
        segments a researcher rejected every suggestion for have a class of their own).

        With ``texts`` and a word model (:mod:`roqa_nlp.lexical`), codes are ranked and shown with
        the embedding and word probabilities combined (uncalibrated, then one temperature of their
        own, or ``question_temperature`` for rows read with the interviewer's question: those of
        ``contexts`` that are not empty, when ``use_context`` is on); novelty and procedural talk
        are judged by the embedding classifier's calibrated probabilities alone, as its
        conformal calibration was. ``questions``: the contexts' :meth:`_question_embeddings`,
        when the caller has them (else they are embedded here). ``read_evidence``: the model's
        :meth:`_evidence_view`, when the caller codes part after part of a run (else it is
        worked out here)."""
        import numpy as np

        clf, det = self._require_predictor()
        self._warn_of_training_only()
        top_k = check_top_k(top_k)
        k = int(self.params["top_k"] if top_k is None else top_k)
        from .lexical import combine
        from .prediction import calibrated_probabilities

        # one pass of the classifier: its calibrated P judges novelty, its raw log_p is combined
        log_p = clf.log_probabilities(X)
        P = calibrated_probabilities(log_p, clf.temperature_)
        V = clf.predict_valence_proba(X)
        classes = [str(c) for c in clf.classes_]
        Q = P
        w = float(self.params.get("lexical_weight", 0.0))
        if self._lexical is not None and texts is not None and w > 0:
            T: float | np.ndarray = self._lexical.temperature_
            tq = float(self.params.get("question_temperature") or 0.0)
            if tq > 0 and contexts is not None and self.params.get("use_context"):
                T = np.where([bool(c) for c in contexts], tq, T)
            Q = combine(log_p, classes, self._lexical, texts, w, T)
        wv = float(self.params.get("valence_lexical_weight", 0.0))
        if self._valence_lexical is not None and texts is not None and wv > 0:
            names = [str(v) for v in clf.valence_classes_]
            V = combine(np.log(np.clip(V, 1e-300, None)), names, self._valence_lexical, texts, wv)
        # a code learnt from its description alone, no record of talk, is no candidate: with
        # few records it could top every segment (docs tester, session 58)
        unlearnt = set(self.card.get("training_data", {}).get(DESCRIBED_ONLY_KEY) or ())
        code_cols = [
            j for j, c in enumerate(classes) if c not in OFF_FRAMEWORK and c not in unlearnt
        ]
        # The codes the interviewer's question leads to, for segments read with it: they change
        # the ranking and shown probabilities of codes, and the valence mix read from them, only
        # (novelty, small talk and procedural talk are judged below on the codes before it).
        shown = Q
        wq = float(self.params.get("question_weight", 0.0))
        qm = self._question_model
        asked = [i for i, c in enumerate(contexts or []) if c]
        if qm is not None and wq > 0 and self.params.get("use_context") and asked:
            from .question_model import with_question

            if questions is None:
                questions = self._question_embeddings(contexts)
            assert questions is not None and len(questions) == len(asked)
            shown = Q.copy()
            shown[asked] = with_question(
                Q[asked], classes, code_cols, qm.log_probabilities(questions), qm.classes_, wq
            )
        if self._rejected_codes is not None:
            # a code the researcher rejected on a segment: not suggested there again, and less
            # on talk read much like it (the ranking and shown probabilities of codes; the
            # valence prior below reads the row so lowered, as the review left it: hunt32)
            shown = self._rejected_codes.apply(shown, X)
        wp = float(self.params.get("valence_prior_weight", 0.0))
        if self._valence_prior is not None and wp > 0:
            from .valence_prior import with_prior

            V = with_prior(V, shown, classes, self._valence_prior, wp)
        wn = float(self.params.get("valence_neutral_weight", 1.0))
        names = [str(v) for v in clf.valence_classes_]
        if wn != 1.0 and "neutral" in names:
            V = V.copy()
            V[:, names.index("neutral")] *= wn
            V = V / V.sum(axis=1, keepdims=True)
        if code_cols and (unvalenced := self._codes_read_neutral()):
            # a new code given no valence in the review reads neutral, as the review counts it
            from .valence_prior import with_codes_read_neutral

            firsts = [code_cols[j] for j in np.argmax(shown[:, code_cols], axis=1)]
            V = with_codes_read_neutral(V, shown, classes, unvalenced, names, firsts)
        if self._decided_valences is not None and texts is not None:
            # the researcher's valence of a decided segment: these words after that question
            heard = contexts if self.params.get("use_context") else None
            V = self._decided_valences.apply(V, texts, heard, names)
        scores, pvals = det.score_samples_and_p_values(X, P)

        def column(M: np.ndarray, name: str) -> np.ndarray:
            return M[:, classes.index(name)] if name in classes else np.zeros(len(X))

        def explains_best(M: np.ndarray, name: str) -> np.ndarray:
            others = [column(M, c) for c in (PROCEDURAL, NONE, REJECTED) if c != name]
            return column(M, name) > np.maximum.reduce([*others, best_code(M)])

        def best_code(M: np.ndarray) -> np.ndarray:
            return M[:, code_cols].max(axis=1) if code_cols else np.zeros(len(X))

        proc = explains_best(P, PROCEDURAL).astype(float)
        # Small talk is never a segment whose shown top code (embedding and word models
        # combined) outweighs the off-framework class there: "Our manager backs us."
        off_topic = explains_best(P, NONE) & (column(Q, NONE) > best_code(Q))
        off_topic = off_topic.astype(float)
        ev_sims = None
        kept = read_evidence if read_evidence is not None else self._evidence_view()
        if kept.X is not None and len(kept.X) and self.params["n_evidence"]:
            ev_sims = X @ kept.X.T
        evidence_of = kept.rows_of if ev_sims is not None else {}
        no_evidence = np.zeros(0, dtype=np.intp)
        # Ranked columns and best valence of every row at once, then each code's best evidence
        # for the rows it is suggested for (stable sorts: ties keep class order and file order,
        # as ranking row by row did).
        cols = np.asarray(code_cols, dtype=np.intp)
        top = cols[np.argsort(-shown[:, cols], axis=1, kind="stable")[:, :k]]
        best_valence = np.argmax(V, axis=1).tolist()
        code_of = {j: self.codebook.find(classes[j]) for j in code_cols}
        evidence_text = kept.texts
        # Every suggestion is shown its code's examples most like the text, whatever their
        # valence, each with its own (roqa_nlp.evidence): picked by the text's valence, they
        # would agree with it by construction, and back it up most when it is wrong (blind
        # tester, s53). A model saved before evidence kept its valence gives "".
        evidence_valence = kept.valences
        valence_names = [str(v) for v in clf.valence_classes_]
        # a quote is shown once per suggestion, and never as the evidence for its own words (a
        # model trained before feedback was kept out of evidence stored each decided segment
        # once per --feedback-weight copy)
        evidence_words = kept.words
        own_words = None if texts is None else [" ".join(str(t).split()) for t in texts]
        n_evidence = int(self.params["n_evidence"])
        evidence: dict[tuple[int, str], tuple[str, ...]] = {}
        evidence_sides: dict[tuple[int, str], tuple[str, ...]] = {}
        if ev_sims is not None:
            for j, code in code_of.items():
                rows = np.flatnonzero((top == j).any(axis=1))
                if code is None or not len(rows):
                    continue
                cand = evidence_of.get(code.id, no_evidence)
                # stable: of equally like examples, the first in the file
                order = np.argsort(-ev_sims[np.ix_(rows, cand)], axis=1, kind="stable")
                for i, ranked_rows in zip(rows.tolist(), cand[order].tolist()):
                    seen = {own_words[i]} if own_words is not None else set()
                    picked: list[int] = []
                    for m in ranked_rows:
                        if len(picked) == n_evidence:
                            break
                        if evidence_words[m] not in seen:
                            seen.add(evidence_words[m])
                            picked.append(m)
                    evidence[i, code.id] = tuple(evidence_text[m] for m in picked)
                    evidence_sides[i, code.id] = tuple(evidence_valence[m] for m in picked)
        P_rows, V_rows = shown.tolist(), V.tolist()
        out: list[list[Suggestion]] = []
        for i, ranked in enumerate(top.tolist()):
            vi = best_valence[i]
            valence, valence_p = valence_names[vi], round(V_rows[i][vi], 6)
            row = []
            for j in ranked:
                code = code_of[j]
                if code is None:
                    continue
                row.append(
                    Suggestion(
                        code_id=code.id,
                        name=code.name,
                        domain=code.domain,
                        probability=round(P_rows[i][j], 6),
                        valence=valence,
                        valence_probability=valence_p,
                        evidence=evidence.get((i, code.id), ()),
                        evidence_valence=evidence_sides.get((i, code.id), ()),
                    )
                )
            out.append(row)
        if by_rest and texts is not None:
            self._story_read_by_rest(
                (out, pvals, scores, proc, off_topic), top_k, texts, contexts, read_evidence
            )
        return out, pvals, scores, proc, off_topic

    def _story_read_by_rest(
        self,
        got: tuple[list[list[Suggestion]], np.ndarray, np.ndarray, np.ndarray, np.ndarray],
        top_k: int | None,
        texts: Sequence[str],
        contexts: Sequence[str] | None,
        read_evidence: _EvidenceKept | None,
    ) -> None:
        """Of ``got`` (:meth:`_suggest_rows` of ``texts``), each row of more than
        :data:`STORY_WORDS` words that would be set aside as procedural talk by the embedding
        classifier (not by rule, :func:`says_nothing`) is read sentence by sentence, each with
        the row's question: when some but fewer than half of its sentences are procedural talk
        read so, the row is what the model makes of its other sentences, read together (in place).
        "Um, yes. I'll, um, I'll be careful. There was a young woman ... made everyone a cake.
        A lemon drizzle. [laughs] ..." (102 words) was procedural read whole, one sentence of
        eight procedural read alone: read without it, it is queued for open coding (tester
        s86 daily17). A greeting or an interruption told at length stays procedural: most of
        its sentences are, or what is left still reads so."""
        from .transcripts.sentences import split_sentences

        rows, pvals, scores, proc, off_topic = got
        heard = list(contexts) if contexts is not None else None
        long_ = [
            i
            for i, t in enumerate(texts)
            if proc[i]
            and (rows[i][0].probability if rows[i] else 0.0) < FITS_A_CODE
            and len(t.split()) > STORY_WORDS
            and not says_nothing(t)
        ]
        if not long_:
            return
        sentences: list[list[str]] = [
            [texts[i][a:b] for a, b in split_sentences(texts[i])] for i in long_
        ]
        said = [x for row in sentences for x in row]
        asked = (
            None if heard is None else [heard[i] for i, row in zip(long_, sentences) for _ in row]
        )
        read = self._suggest_rows(
            self._inputs(said, asked, whole=False), 1, said, asked, by_rest=False
        )
        aside = [
            says_nothing(x) or (bool(pr) and (r[0].probability if r else 0.0) < FITS_A_CODE)
            for x, r, pr in zip(said, read[0], read[3], strict=True)
        ]
        which: list[int] = []
        rests: list[str] = []
        start = 0
        for i, row in zip(long_, sentences):
            flags = aside[start : start + len(row)]
            start += len(row)
            if sum(flags) > 0 and 2 * sum(flags) < len(row):
                which.append(i)
                rests.append(" ".join(x for x, f in zip(row, flags) if not f))
        if not which:
            return
        asked = None if heard is None else [heard[i] for i in which]
        again = self._suggest_rows(
            self._inputs(rests, asked, whole=False),
            top_k,
            rests,
            asked,
            read_evidence=read_evidence,
            by_rest=False,
        )
        for k, i in enumerate(which):
            rows[i] = again[0][k]
            for column, values in zip(got[1:], again[1:], strict=True):
                column[i] = values[k]

    def suggest(
        self,
        texts: str | Iterable[str],
        *,
        top_k: int | None = None,
        codebook: str | Path | Codebook | None = None,
    ) -> list[list[Suggestion]]:
        """Ranked code suggestions for free texts: one list per text (a single string gives a
        list of one list), best first (with ``codebook``, in the model's ranking: see below).

        Each :class:`~roqa_nlp.schema.Suggestion` has ``code_id``, ``name``, ``domain``,
        ``probability`` (calibrated), ``valence`` and ``valence_probability`` (the text's most
        likely valence, the same for every code of a text), ``evidence`` (the training examples of
        the code most like the text, whatever their valence) and ``evidence_valence`` (each
        one's valence as training data gave it, which may differ from the text's).
        ``top_k`` is how many codes to keep (default ``params["top_k"]``, 5; at least 1). An
        empty text is an error, as is one that is only a speaker's label (``"P04:"``), a pandas
        DataFrame (give its column, ``df["text"]``) and one str naming a file that is there
        (``"p09.txt"``: :meth:`code` codes a transcript). Whether a text fits no code at all is :meth:`fits_no_code`'s
        answer, not a low probability here.

        ``codebook`` (``"cfir-2022"``, ``"erondu-2021"`` or a file) ranks that codebook's codes
        instead: the model's suggestions translated through the documented mapping
        (:mod:`roqa_nlp.crosswalk`), then the ``top_k`` kept. They keep the model's ranking, not
        the order of their probabilities: the counterparts of its top suggestion first, then
        those of its second, ..., so a counterpart the words fit less can show less than the next
        suggestion's (docs/codebooks.md, "Ranking and probability of a translated suggestion").
        """
        return self.suggest_and_flag(given_texts(texts, "suggest"), top_k=top_k, codebook=codebook)[
            0
        ]

    def fits_no_code(self, texts: str | Iterable[str]) -> list[NoveltyFlags]:
        """What :meth:`code` would flag for each free text: one dict per text (see
        :class:`NoveltyFlags`) with ``novel`` (fits no code), ``novelty_p`` (the conformal
        p-value; novel when below ``params["alpha"]``), ``procedural`` (greeting, consent, Zoom
        talk: never novel) and ``off_topic`` (novel small talk or background, not a candidate
        new code)."""
        return self.suggest_and_flag(given_texts(texts, "fits_no_code"), top_k=1)[1]

    def suggest_and_flag(
        self,
        texts: str | Iterable[str],
        *,
        top_k: int | None = None,
        codebook: str | Path | Codebook | None = None,
    ) -> tuple[list[list[Suggestion]], list[NoveltyFlags]]:
        """:meth:`suggest` and :meth:`fits_no_code` of the same texts, embedded and
        classified once. A text opening with a speaker's label as a transcript file has it
        (``P04: ...``, ``Interviewer: ...``, ``Jane Smith: ...``) is read without it
        (:func:`~roqa_nlp.transcripts.speaker_labels.without_speaker_label`)."""
        texts = given_texts(texts, "suggest_and_flag")
        top_k = check_top_k(top_k)
        from .errors import a_type
        from .transcripts.speaker_labels import only_a_speaker_label, without_speaker_label

        for i, t in enumerate(texts, 1):
            if not isinstance(t, str):
                raise RoqaTypeError(
                    f"text {i} is {a_type(t)}, not a str",
                    hint="give a sentence or a list of sentences",
                )
            if not t.strip() or only_a_speaker_label(t):
                raise RoqaValueError(
                    f"text {i} is empty" if len(texts) > 1 else "the text is empty",
                    hint="give the sentence to code"
                    if not t.strip()
                    else f"{quoted(t.strip())} is only a speaker's label: give the words said "
                    "after it",
                )
        book = self._codebook(codebook)

        # a line pasted from a transcript keeps its label ("P04: We've got a new puppy"): no
        # word of the talk, it turned small talk procedural; the texts are given back as given
        spoken = [without_speaker_label(t) for t in texts]
        read = [words_read(t) for t in spoken]
        X = self._inputs(read)
        if book.id == self.codebook.id:
            rows, pvals, _, proc, aside = self._suggest_rows(X, top_k, read)
            tops = _tops(rows)
        else:  # every code first: one code can map onto two, or onto none
            from .crosswalk import translate_rows

            every = len(self.codebook.codable)
            rows, pvals, _, proc, aside = self._suggest_rows(X, every, read)
            tops = _tops(rows)  # the model's own codes judge whether a text fits one
            keep = int(self.params["top_k"] if top_k is None else top_k)
            walked = translate_rows(rows, self._translated_from(), book, spoken)
            rows = [r[:keep] for r in walked]
        alpha = float(self.params["alpha"])
        flags = [
            segment_flags(p, pr, a, alpha, t, said_nothing=says_nothing(text))
            for p, pr, a, t, text in zip(pvals, proc, aside, tops, spoken, strict=True)
        ]
        return rows, flags

    @staticmethod
    def _read_words(
        segments: Sequence[Segment], cache: ReadWordsCache | None
    ) -> tuple[list[str], list[bool]]:
        """What the model reads of each of ``segments`` (:func:`words_read`) and whether it
        says nothing (:func:`says_nothing`), each transcript's from ``cache`` when its segments
        are unchanged (:mod:`~roqa_nlp.read_words_cache`)."""
        from itertools import groupby

        from .read_words_cache import read_words

        read: list[str] = []
        nothing: list[bool] = []
        for _, group in groupby(segments, key=lambda s: s.transcript_id):
            r, n = read_words([s.text for s in group], cache)
            read += r
            nothing += n
        return read, nothing

    def segments_of(self, transcript: Transcript) -> list[Segment]:
        """The segments :meth:`code` makes of ``transcript``: the model's ``unit`` and
        ``max_tokens``, with token counts by the embedding model's own tokenizer, read from the
        segmentation cache beside the embedding cache when the transcript is unchanged.

        Use this, not :func:`~roqa_nlp.transcripts.segment.segment` with its defaults, to see or
        hand-code the segments that ``code`` codes: ``segment`` estimates token counts unless it
        is given ``count_tokens=ac.embedder.count_tokens()``, so it can cut long turns elsewhere
        and number the segments differently (segment ids name other texts). A segment whose
        pieces on either side of a backchannel a reader left out differ in kind, an answer and
        an aside, or two answers, is parted there (:meth:`_asides_apart`).
        """
        if not isinstance(transcript, Transcript):
            raise RoqaTypeError(
                f"segments_of() takes a Transcript, not a {type(transcript).__name__}",
                hint="read the file with read_transcript() first",
            )
        from .transcripts.segment_cache import cached_segment, open_segment_cache

        where = self.embedder.cache_dir()
        if self._segment_cache is None or self._segment_cache[0] != where:
            self._segment_cache = (where, open_segment_cache(where))
        cache = self._segment_cache[1]
        segments = cached_segment(
            transcript,
            cache,
            counter_id=self.embedder.tokenizer_id if cache is not None else "",
            unit=self.params["unit"],
            max_tokens=int(self.params["max_tokens"]),
            count_tokens=self.embedder.count_tokens(),
        )
        return self._asides_apart(transcript, segments)

    def _asides_apart(self, transcript: Transcript, segments: list[Segment]) -> list[Segment]:
        """``segments`` with each one parted where a reader left another speaker's backchannel
        out of the turn (:func:`~roqa_nlp.transcripts.backchannel_gaps.backchannel_gaps`,
        after a sentence's end: :func:`~roqa_nlp.transcripts.segment.pieces_apart`) when the
        pieces on either side differ in kind by the model's own judgement, each piece read as
        :meth:`code` reads its segment (with the question before the turn, ``use_context``):
        talk on one side, on the other clearly an aside, set aside (procedural or off-topic)
        with its top code below :data:`FITS_NO_CODE`, or saying nothing (:func:`says_nothing`).
        A piece set aside only just, a code near it, is talk here (tester s73 study3: "...
        Nobody here's going to tell you what your recovery looks like." ``Mm-hm.`` "That's the
        whole point of peer support ..." lost its first half to procedural talk, at 0.5 with
        CI.A at 0.41, read alone 0.72 with its top at 0.22). Tester s72
        cfir2: "... she's the one who keeps it going, really." ``Okay.`` "Sorry, I need to
        sign for a parcel ..." was one segment set aside as procedural, the study's only
        Implementation Leads talk; "... you just can't." ``Right, yeah.`` "Sorry, my dog's
        barking ..." stayed coded and Table 2 quoted the dog. Runs of pieces of one kind stay
        one segment, so a joined answer whose parts are all talk (or all aside) is the segment
        it was, but for two pieces of talk that are two answers (:func:`_two_answers`: each of
        2 sentences or 25 words, read with other top codes sharing little probability), parted
        too. Only those places are tried (session 73: s72 tried every line break after a
        sentence's end, embedding each multi-line segment's pieces again, +23% CPU on cold
        coding), so a transcript with none embeds nothing more. Segments are numbered again
        when one is parted; offsets stay the text's. A model not trained yet parts nothing."""
        from bisect import bisect_left, bisect_right

        from .transcripts.backchannel_gaps import backchannel_gaps
        from .transcripts.segment import pieces_apart, segments_from_spans

        gaps = backchannel_gaps(transcript)
        if not gaps or self._predictor is None or self._scorer is None:
            return segments  # nothing to part, or no model yet to judge (segments_of before fit)
        text = transcript.text
        parts = [
            pieces_apart(
                text, s.start, s.end, gaps[bisect_right(gaps, s.start) : bisect_left(gaps, s.end)]
            )
            for s in segments
        ]
        if all(len(p) < 2 for p in parts):
            return segments
        said = [text[a:b] for p in parts if len(p) > 1 for a, b in p]
        # each piece read as its segment is, and as it is read once parted: with the
        # interviewer's question before its turn (use_context)
        asked = [s.context or "" for s, p in zip(segments, parts) if len(p) > 1 for _ in p]
        # clearly an aside: nothing to code by rule (says_nothing), or set aside and near no
        # code (top below FITS_NO_CODE). A piece set aside only just, a code near it, is part
        # of the answer (tester s73 study3: "Nobody here's going to tell you what your
        # recovery looks like." procedural at 0.5 with its top code at 0.41; "Even if it's
        # just I want to sleep." off-topic with its top at 0.16).
        by_rule = [says_nothing(words) for words in said]
        judged = self._judged(said, asked)
        clear = [
            nothing or (set_aside and top < FITS_NO_CODE)
            for nothing, (set_aside, top, *_) in zip(by_rule, judged, strict=True)
        ]
        self._talk_within(said, asked, clear, by_rule)
        aside = iter(clear)
        read = iter(zip(said, judged, strict=True))
        spans: list[tuple[int, int, int]] = []
        for s, p in zip(segments, parts, strict=True):
            if len(p) < 2:
                spans.append((s.turn_index, s.start, s.end))
                continue
            kinds = [next(aside) for _ in p]
            pieces = [next(read) for _ in p]
            # a cut before piece k: a change of kind (answer | aside), or two answers of
            # their own (tester s78 study8: "... fits their faith or their families'
            # expectations." Mm-hmm. "And I'm worn out. ..." was one segment coded OS.A)
            cuts = [
                kinds[k] != kinds[k - 1]
                or (not kinds[k] and not kinds[k - 1] and _two_answers(pieces[k - 1], pieces[k]))
                for k in range(1, len(p))
            ]
            if not any(cuts):
                spans.append((s.turn_index, s.start, s.end))
                continue
            begin = 0
            for k in range(1, len(p) + 1):
                if k == len(p) or cuts[k - 1]:
                    spans.append((s.turn_index, p[begin][0], p[k - 1][1]))
                    begin = k
        if len(spans) == len(segments):
            return segments
        return segments_from_spans(transcript, spans)

    def _talk_within(
        self, said: list[str], asked: list[str], clear: list[bool], by_rule: list[bool]
    ) -> None:
        """Mark in ``clear`` a piece the model set aside (not by rule) as talk when one of its
        sentences is talk that fits a code (not set aside, top at least FITS_A_CODE) read alone
        with the same question and read on its own words too, without it: an apology that
        opens talk is no aside (hunter s73 R2: "Sorry, I've lost my thread. Where the council
        really let us down was the housing list." was parted off as procedural, out of Table
        2; its second sentence has its top code at 0.69 with the question, 0.51 without). The
        question must not be what makes a sentence fit (hunter s74 R1: "Sorry, can you hear
        me? The signal keeps dropping." after a barrier answer was joined to it and quoted in
        Table 2, its second sentence at 0.53 with "What has got in the way ...?", 0.39
        alone; "Did you hear that bit about the inspections?" 0.75 after a question on
        commissioners, 0.31 alone). A sentence near a code without fitting one keeps the
        piece an aside. Only set-aside pieces of two sentences or more are read again, each
        sentence embedded once for both readings."""
        from .transcripts.sentences import split_sentences

        which: list[int] = []
        sentences: list[str] = []
        contexts: list[str] = []
        for i, (words, is_aside, nothing) in enumerate(zip(said, clear, by_rule, strict=True)):
            if not is_aside or nothing:
                continue
            spans = split_sentences(words)
            if len(spans) < 2:
                continue
            for a, b in spans:
                which.append(i)
                sentences.append(words[a:b])
                contexts.append(asked[i])
        if not sentences:
            return
        # one call: the embedder reads each sentence once for both readings
        read = self._judged(sentences + sentences, contexts + [""] * len(sentences))
        fits = [r.top >= FITS_A_CODE and not r.set_aside for r in read]
        n = len(sentences)
        for i, asked_fits, alone_fits in zip(which, fits[:n], fits[n:], strict=True):
            if asked_fits and alone_fits:
                clear[i] = False

    def _judged(self, said: list[str], asked: list[str]) -> list[_Reading]:
        """Of each text of ``said``, read as :meth:`code` reads a segment (labels and all, the
        question ``asked`` before it when the model uses context): whether it is set aside
        (procedural or off-topic, :func:`segment_flags`), its top code and that code's
        probability, and the probability of every code."""
        read = [words_read(t) for t in said]
        contexts = asked if self.params.get("use_context") else None
        questions = self._question_embeddings(contexts)
        X = self._inputs(read, contexts, whole=False, questions=questions)
        every = len(self.codebook.codable)
        rows, pvals, _, proc, off = self._suggest_rows(X, every, read, contexts, questions)
        alpha = float(self.params["alpha"])
        judged = []
        for pv, pr, oft, row, words in zip(pvals, proc, off, rows, said, strict=True):
            top = row[0].probability if row else 0.0
            f = segment_flags(pv, pr, oft, alpha, top, said_nothing=says_nothing(words))
            judged.append(
                _Reading(
                    f["procedural"] or f["off_topic"],
                    top,
                    row[0].code_id if row else "",
                    {x.code_id: x.probability for x in row},
                )
            )
        return judged

    def code(
        self,
        inputs: str | Path | Transcript | Iterable[str | Path | Transcript],
        *,
        top_k: int | None = None,
        batch_segments: int = 512,
        interviewer_labels: Sequence[str] | None = None,
        participant_labels: Sequence[str] | None = None,
        pseudonyms: PseudonymKey | None = None,
        study_interviewers: Collection[str] | None = None,
    ) -> CodingResult:
        """Code transcripts into a :class:`~roqa_nlp.result.CodingResult`.

        ``inputs`` is a transcript file, a folder (its transcript files, in name order, not its
        subfolders; READMEs and roqa's own CSVs are left out with a warning, and a ``roqa
        code`` output folder is an error), a :class:`~roqa_nlp.schema.Transcript` (from
        :func:`~roqa_nlp.transcripts.read_transcript`), or any iterable of these. Participant
        talk is cut into segments as :meth:`segments_of` cuts it; each segment gets ranked
        suggestions and the novelty flags of :meth:`fits_no_code`.

        ``interviewer_labels`` are speaker labels that are the interviewer's, added to the
        default labels (``Interviewer``, ``Int``, ``IV``, ``I``, ``Q``, ``Researcher``, ...) when
        files are read, as ``roqa code --interviewer`` and ``read_transcript`` add them: give the
        interviewer's name for Zoom transcripts that name people. They do not apply to
        ``Transcript`` inputs, whose roles were set when they were read (pass the labels to
        ``read_transcript``; giving both issues a warning). A file whose interviewer was guessed
        or whose talk may be coded as the participant's issues a
        :class:`~roqa_nlp.transcripts.roles.SpeakerWarning`, as ``read_transcript`` does.
        ``participant_labels`` are labels or names that are a participant's even when they match
        an interviewer label (a Zoom participant who hosted the call, ``Host``), as
        ``roqa code --participant`` gives them; like ``interviewer_labels``, for files only.

        ``pseudonyms`` (a :class:`~roqa_nlp.pseudonyms.PseudonymKey`) replaces people's names in
        each transcript as it is read, before anything is coded; every speaker of ``inputs`` is
        added to the key first, so a full name is replaced in every interview
        (``roqa code --pseudonymise KEY.csv``; save the key with ``key.write(path)``).

        A transcript read from a file records the SHA-256 of the file's bytes, as read, in its
        ``metadata["source_sha256"]`` (:mod:`~roqa_nlp.source_fingerprints`; not when a
        pseudonymised one names another file), for ``roqa report``, ``export`` and ``agree`` to
        warn of a file edited after it was coded.

        A transcript in which no one is the interviewer takes the study's: who interviews in
        the other transcripts of ``inputs``
        (:func:`~roqa_nlp.transcripts.roles.with_study_interviewers`). ``study_interviewers``
        gives them instead, for inputs that are part of a larger study (the Ray engine codes a
        study chunk by chunk and gives each chunk the whole study's).

        ``top_k`` is how many suggestions each segment keeps (default ``params["top_k"]``, 5;
        at least 1). Transcripts are streamed: segments are embedded and classified in batches
        of whole transcripts holding ``batch_segments`` segments or more (see
        :meth:`code_batches`); only the result itself grows with the corpus.
        """
        result = CodingResult(meta=self._run_meta())
        from .codebooks import BUILTIN

        if self.codebook.id not in BUILTIN:  # a study's own codes: saved and charted with it
            result.codebook = self.codebook
        for part in self._code_batches(
            inputs,
            top_k=top_k,
            batch_segments=batch_segments,
            interviewer_labels=interviewer_labels,
            participant_labels=participant_labels,
            pseudonyms=pseudonyms,
            study_interviewers=study_interviewers,
            stacklevel=3,  # warnings name the caller of code(), not this line
            call="code",
        ):
            result.extend(part)
        return result

    def code_batches(
        self,
        inputs: str | Path | Transcript | Iterable[str | Path | Transcript],
        *,
        top_k: int | None = None,
        batch_segments: int = 512,
        interviewer_labels: Sequence[str] | None = None,
        participant_labels: Sequence[str] | None = None,
        pseudonyms: PseudonymKey | None = None,
        study_interviewers: Collection[str] | None = None,
    ) -> Iterator[CodingResult]:
        """Code transcripts batch by batch: each yielded result holds the transcripts first
        seen in that batch and their coded segments (arguments as for :meth:`code`). A batch is
        whole transcripts, collected until they hold ``batch_segments`` segments or more: a
        transcript is never split, so a batch can hold many more (one 300-segment interview
        after 11 segments is a batch of 311 with ``batch_segments=50``), and the last batch
        fewer.

        Memory stays flat in the number of transcripts when the caller writes each part out and
        drops it (``roqa code --stream``, the Ray engine); it grows with the longest
        transcript, which is embedded and held whole. Concatenating the parts gives
        :meth:`code`.
        """
        return self._code_batches(
            inputs,
            top_k=top_k,
            batch_segments=batch_segments,
            interviewer_labels=interviewer_labels,
            participant_labels=participant_labels,
            pseudonyms=pseudonyms,
            study_interviewers=study_interviewers,
            stacklevel=2,
            call="code_batches",
        )

    def _code_batches(
        self,
        inputs: str | Path | Transcript | Iterable[str | Path | Transcript],
        *,
        top_k: int | None = None,
        batch_segments: int = 512,
        interviewer_labels: Sequence[str] | None = None,
        participant_labels: Sequence[str] | None = None,
        pseudonyms: PseudonymKey | None = None,
        study_interviewers: Collection[str] | None = None,
        stacklevel: int,
        call: str,
    ) -> Iterator[CodingResult]:
        """:meth:`code_batches`, its warnings ``stacklevel`` frames above the reader of the
        batches (3 for :meth:`code`: its caller) and its errors naming ``call``, kept out of
        the signature ``help(ac.code_batches)`` shows (api tester, session 91)."""
        from contextlib import nullcontext
        from dataclasses import replace

        from .source_fingerprints import fingerprint, source_record
        from .transcripts import read_files, with_default_labels
        from .transcripts.language import warn_of_reading
        from .transcripts.roles import (
            warn_of_given_roles,
            with_labels_matched_elsewhere,
            with_study_interviewers,
        )

        top_k = check_top_k(top_k)
        from .pseudonyms import checked_key
        from .transcripts import given_inputs

        pseudonyms = checked_key(pseudonyms, "code()")
        inputs = given_inputs(inputs, call, transcripts=True)
        labels = with_default_labels(interviewer_labels, participant_labels)
        from .read_words_cache import open_read_words_cache
        from .transcripts.reading_cache import open_reading_cache

        # not with pseudonyms: the cache would keep the names they replace (docs/model.md)
        readings = None if pseudonyms is not None else open_reading_cache(self.embedder.cache_dir())
        read_words_cache = open_read_words_cache(self.embedder.cache_dir())
        from .suggestion_cache import open_suggestion_cache

        # each unchanged transcript's suggestions, kept by a run before (suggestion_cache)
        model_key = self._suggestion_model_key()
        suggestions_cache = (
            None if model_key is None else open_suggestion_cache(self.embedder.cache_dir())
        )
        # each file hashed once (the study's reading and the coding's, the check for a copy, the
        # fingerprint) in this run only: a later run reads every file again (io.hashing_run)
        hashes = run_hashes()
        from .transcripts import NearCopies

        # the transcripts read, the runs of words each says, and the cases of the study say
        near = NearCopies()
        with hashing_run(hashes):
            interviewers, cases, matched = _study_pass(
                inputs, labels, pseudonyms, study_interviewers, readings, near
            )
        from .errors import warn

        for line in cases.warnings():
            warn(line, stacklevel=stacklevel + 1)
        seen: dict[str, str | None] = {}  # transcript id -> the file it came from
        # SHA-256 of a transcript's text -> the file it came from and its case
        same: dict[str, tuple[str, str | None]] = {}
        pending: list[Segment] = []
        part = CodingResult(meta=self._run_meta())
        labels_warned = labels is None  # nothing to warn of

        # the model's evidence as coding reads it, worked out once for every part of the run
        # (5 parts for 2,990 segments), unless the model holds other evidence by the next part
        evidence: list[_EvidenceKept] = []

        def flush() -> None:
            if not pending:
                return
            if not evidence or not _evidence_of(
                evidence[0], self._evidence_texts, self._evidence_X
            ):
                evidence[:] = [self._evidence_view()]
            contexts = [s.context for s in pending] if self.params.get("use_context") else None
            questions = self._question_embeddings(contexts)  # read twice, embedded once
            read, nothing = self._read_words(pending, read_words_cache)
            X = self._inputs(
                read,
                contexts,
                whole=False,  # segments are cut to fit the model already
                questions=questions,
            )
            rows, pvals, _, proc, aside = self._suggest_rows_kept(
                X,
                top_k,
                read,
                contexts,
                questions,
                evidence[0],
                pending,
                suggestions_cache,
                # the key as the coder is now: its parameters or parts may change between the
                # parts of a run (code_batches), and a part classified with other settings must
                # not be kept under the first part's key (hunt16 D1)
                self._suggestion_model_key(),
            )
            alpha = float(self.params["alpha"])
            flags = [
                segment_flags(p, pr, a, alpha, t, said_nothing=n)
                for n, p, pr, a, t in zip(nothing, pvals, proc, aside, _tops(rows))
            ]
            coded = [not (f["procedural"] or f["off_topic"]) for f in flags]
            # a member's reply that only agrees is coded as the turn it agrees with; it has no
            # words of its own, so it is no talk for open coding (session 61 hunt: six "Same."
            # replies after a novel turn made a candidate code "Same.")
            for i, k in enumerate(_coded_as(pending, part.transcripts, coded)):
                if k is None:
                    continue
                if coded[k]:
                    rows[i] = rows[k]
                # agreeing with small talk, a goodbye or a repair (a turn with no coded
                # segment): no code borrowed, set aside as that talk is, whatever its own words
                # read as (hunt s61: "Same here." after football talk was charted under three
                # codes; s62: "Same for us." after "Shall we get a coffee?" under its own CI.A)
                flags[i] = NoveltyFlags(
                    novel=False,
                    novelty_p=flags[i]["novelty_p"],  # its own words': it is never flagged novel
                    procedural=flags[k]["procedural"],
                    off_topic=flags[k]["off_topic"],
                )
            for s, sug, f in zip(pending, rows, flags):
                part.segments.append(SegmentResult(segment=s, suggestions=sug, **f))
            pending.clear()

        def segmented() -> Iterator[tuple[Transcript, bool, list[Segment]]]:
            for item in inputs:
                if isinstance(item, Transcript):
                    t = item if pseudonyms is None else pseudonyms.apply(item)
                    yield t, False, self.segments_of(t)
                    continue
                if not isinstance(item, (str, Path)):
                    raise RoqaTypeError(
                        f"cannot code an object of type {type(item).__name__}",
                        hint="give transcript files, folders or Transcript objects",
                    )
                with hashing_run(hashes):  # not over a yield: this generator runs in a thread
                    found = read_files([item], labels, whole_study=False, cache=readings)
                    shas = [fingerprint(t.source) for t in found]  # the bytes just read
                for t, sha in zip(found, shas):
                    read_from = t.source
                    t = cases.apply(with_study_interviewers(t, interviewers))
                    t = with_labels_matched_elsewhere(t, matched)
                    if pseudonyms is not None:
                        t = pseudonyms.apply(t)
                    if sha is not None and t.source == read_from:  # not renamed by pseudonyms
                        t = replace(t, metadata={**t.metadata, **source_record(read_from, sha)})
                    yield t, True, self.segments_of(t)

        # One progress bar over every segment the study still has to embed, part after part
        # (a stand-in embedder without runs has none). Its total grows as the parts are read:
        # the bar counts what is known so far and shows no time left (EncodingRun.growing).
        run = getattr(self.embedder, "encoding_run", None)
        with run() if run is not None else nullcontext() as current:
            if current is not None:
                current.growing = True
            # Reading and segmenting (spaCy, single-threaded Python) run one step ahead in a
            # background thread while the encoder (which releases the GIL) embeds the batch before:
            # the two overlap on a 2-core machine. Order and errors are those of the serial loop.
            # Warnings are issued here, in the caller's thread.
            for t, from_file, segments in in_background(segmented()):
                if t.id in seen:
                    from .transcripts import said_source, shared_id_error

                    said = said_source(t)
                    raise shared_id_error(t.id, t.source or None, seen[t.id], said, transcript=t)
                seen[t.id] = t.source or None
                from .transcripts import warn_if_near_copy, warn_if_same_text

                warn_if_same_text(t, same)  # one interview under two names: coded twice
                warn_if_near_copy(t, near)  # a draft and its final of one case: coded twice
                if from_file:
                    warn_of_reading(t, stacklevel=stacklevel, cache=readings)
                else:
                    warn_of_given_roles(t, stacklevel=stacklevel)
                if not from_file and not labels_warned:
                    labels_warned = True
                    from .errors import warn

                    given = [
                        name
                        for name, value in (
                            ("interviewer_labels", interviewer_labels),
                            ("participant_labels", participant_labels),
                        )
                        if value is not None
                    ]
                    warn(
                        f"{' and '.join(given)} do not apply to Transcript objects, whose "
                        "speakers' roles were set when they were read: pass them to "
                        "read_transcript() instead",
                        stacklevel=stacklevel,
                    )
                part.transcripts[t.id] = t
                pending.extend(segments)
                if len(pending) >= batch_segments:
                    flush()
                    yield part
                    part = CodingResult(meta=part.meta)
            flush()
            if part.segments or part.transcripts:
                yield part

    # -- evaluation ----------------------------------------------------------------------------

    def evaluate(
        self,
        labelled: TrainingSet
        | str
        | Path
        | Sequence[dict[str, Any]]
        | datasets.Dataset
        | pd.DataFrame,
        *,
        per_code: bool = False,
        predictions: bool = False,
        codebook: str | Path | Codebook | None = None,
    ) -> dict[str, Any]:
        """Metrics of the model's suggestions against labelled records.

        ``labelled`` is a ``.jsonl`` or spreadsheet file (as ``roqa evaluate`` reads, see
        :mod:`roqa_nlp.record_files`), a list of dicts, a ``datasets.Dataset`` or a pandas
        ``DataFrame`` of records with ``text`` and ``construct`` (a code name or id, or
        ``NONE`` for talk that fits no code; ``codes`` as in training data also works) and
        optionally ``valence`` and ``context``, or a :class:`~roqa_nlp.training.TrainingSet`.
        Every record must state its construct (a one-line error names the one that does not).

        Returns a dict (definitions in :mod:`roqa_nlp.evaluation`): ``n``, ``n_coded`` and
        ``n_none`` (records; NONE = fits no code); over the coded records ``construct_top1``,
        ``construct_top3``, ``construct_top1_family`` (a gold code's parent or child first counts
        too), ``construct_macro_f1``, ``construct_kappa``, ``domain_accuracy``, ``ece`` and
        ``valence_accuracy`` (records that state a valence); ``novelty_auroc``,
        ``novel_recall`` (share of NONE records set aside: flagged novel, or procedural talk, as
        ``roqa code`` flags segments; both are left out of the coding) and ``false_novel_rate``
        (share of coded ones set aside); ``alpha``, the novelty level used. A metric that cannot
        be computed is
        ``None``; when every record is NONE, ``note`` says only novelty was evaluated.

        ``per_code=True`` adds ``per_code`` and ``per_domain``: where the suggestions are right
        and wrong, code by code and domain by domain, each row with its ``name``, a record
        counted under every one of its gold codes
        (:func:`~roqa_nlp.evaluation.per_code_metrics`), and ``per_valence``, each gold valence
        with what it was read as (:func:`~roqa_nlp.evaluation.per_valence_metrics`).
        ``predictions=True`` adds
        ``predictions``: per record, in order, its ``text``, ``gold`` codes, the first three
        ``suggestions`` (``code``, ``name``, ``probability``) as scored, every code tied exactly
        at the top among them and a gold one of those first
        (:func:`~roqa_nlp.evaluation.shown_codes`), whether the gold code is ``top1`` / in the
        ``top3``, as the summary counts it, the predicted ``valence`` with its ``valence_probability`` and the
        ``gold_valence``, and the flags ``novel``, ``procedural`` and ``off_topic`` with
        ``novelty_p`` and ``off_framework_p``, for reading the errors one by one. A record of
        talk that fits no code has the gold ``["NONE"]``, as its input says.

        ``codebook`` is the codebook the records' codes are of, when it is not the model's
        (``"cfir-2022"`` for CFIR 2.0 names); when None, it is the model's, or else the
        built-in codebook that knows most of the records' codes, when it knows more of them than
        the model's (records labelled with CFIR 2.0 names are read as such, and a typo among them
        is named in cfir-2022); labels that mix codebooks are an error saying so. The model's
        suggestions are then translated into that codebook through the documented mapping
        (:mod:`roqa_nlp.crosswalk`) before they are scored, as ``roqa code --codebook``
        translates them (a project codebook's own codes kept, one named as a code of that
        codebook scored as that code), and the result names ``codebook`` and
        ``translated_from``; ``n_tied_top`` counts the coded records whose top codes tie exactly
        after the translation, each of which counts as the top one
        (:func:`~roqa_nlp.evaluation.ties_count_as_the_top`). A project codebook of the model's
        built-in one (``cfir-2009+project`` for a ``cfir-2009`` model: a review's new codes
        added, as ``roqa apply-decisions`` and ``roqa import`` write it), or the built-in one a
        model's project codebook extends, has the model's codes as they are: nothing is
        translated, and ``codebook`` names it without ``translated_from``. Either way
        ``n_unreachable`` counts the coded records whose every gold code the model never
        suggests (a code no code of its maps onto, or one it does not know, as a review's new
        code for the model from before the review), which count as misses, and
        ``unreachable_codes`` names those codes.

        Records whose texts the model was given as feedback (:meth:`update`'s decisions, kept
        in the card as hashes, ``feedback.text_sha256``) are counted in ``n_in_feedback`` (0 when
        none are, or the model had no feedback), with a warning: figures on them are not held
        out.
        """
        from .evaluation import (
            construct_metrics,
            per_code_metrics,
            per_valence_metrics,
            shown_codes,
            top_hits,
        )

        ts, book = self._labelled_set(labelled, codebook)
        questions = self._question_embeddings(ts.contexts)
        read = [words_read(t) for t in ts.texts]  # as roqa code reads a segment
        X = self._inputs(read, ts.contexts, questions=questions)
        rows, pvals, scores, proc, aside = self._suggest_rows(
            X,
            top_k=len(self.codebook.codable),
            texts=read,
            contexts=ts.contexts,
            questions=questions,
        )
        tops = _tops(rows)
        ranked = [[g.code_id for g in r] for r in rows]
        n_tied = None
        ties: list[list[str]] = [[] for _ in rows]
        # a project codebook of the model's (its built-in codes and a review's new ones), or the
        # built-in one the model's project codebook extends: the same codes, scored as they are
        extends = self._extends(book)
        if book.id != self.codebook.id and not extends:
            from .crosswalk import tied_top, translate_rows
            from .evaluation import ties_count_as_the_top

            rows = translate_rows(rows, self._translated_from(), book, list(ts.texts))
            ties = [tied_top(r) for r in rows]
            n_tied = sum(1 for t, c in zip(ties, ts.codes, strict=True) if t and c)
            # codes tied exactly at the top are each the top one (roqa_nlp.evaluation notes)
            ranked = ties_count_as_the_top(ts.codes, [[g.code_id for g in r] for r in rows], ties)
        alpha = float(self.params["alpha"])
        # flagged as roqa code and suggest flag a segment: never procedural talk, nor a text that
        # fits a code; set aside (left out of the coding) when novel or procedural
        flags = [
            segment_flags(p, pr, a, alpha, t, said_nothing=says_nothing(text))
            for p, pr, a, t, text in zip(pvals, proc, aside, tops, ts.texts, strict=True)
        ]
        set_aside = [f["novel"] or f["procedural"] for f in flags]
        domain_of = {c.id: c.domain for c in book.codable}
        pred_valence = [r[0].valence if r else "neutral" for r in rows]
        metrics = construct_metrics(
            ts.codes,
            ranked,
            [r[0].probability if r else 0.0 for r in rows],
            domain_of=domain_of,
            gold_valence=ts.valences,
            pred_valence=pred_valence,
            novelty_score=list(scores),
            novel_flag=set_aside,
            parent_of={c.id: c.parent for c in book},
        )
        metrics["alpha"] = alpha
        from .training import warn_of_trained_on

        # records the model was trained on (not held out); 0 too, so a notebook can read it
        # (api tester, session 82: the key was left out when none were)
        metrics["n_in_feedback"] = warn_of_trained_on(self.card, list(ts.texts))
        if book is not self.codebook:
            from .crosswalk import unreachable
            from .transcripts import natural_key

            if extends:  # the codes the model does not know (a review's new codes)
                known = {c.id for c in self.codebook.codable}
                never = {c.id for c in book.codable if c.id not in known}
            else:  # those the translated suggestions can never reach
                never = unreachable(self.codebook, book)
            # records whose every gold code the model's suggestions can never reach
            beyond = [c for c in ts.codes if c and all(k in never for k in c)]
            if book.id != self.codebook.id or beyond:
                metrics["codebook"] = book.id
                if not extends:
                    metrics["translated_from"] = self.codebook.id
                    metrics["n_tied_top"] = n_tied  # coded records whose top codes tie exactly
                metrics["n_unreachable"] = len(beyond)
                metrics["unreachable_codes"] = sorted(
                    {k for c in beyond for k in c}, key=natural_key
                )
        if per_code:
            names = {c.id: c.name for c in book}
            rows_by = per_code_metrics(ts.codes, ranked, domain_of=domain_of)
            metrics["per_code"] = [
                {"code": r["code"], "name": names.get(r["code"], r["code"]), **r}
                for r in rows_by["codes"]
            ]
            metrics["per_domain"] = [
                {"domain": r["domain"], "name": names.get(r["domain"], r["domain"]), **r}
                for r in rows_by["domains"]
            ]
            metrics["per_valence"] = per_valence_metrics(ts.codes, ts.valences, pred_valence)
        if predictions:
            metrics["predictions"] = [
                {
                    "id": rid,
                    "text": text,
                    # NONE as the input writes it (and the CSV), not an empty list
                    "gold": list(gold) or [NONE],
                    # in the order scored, so the hits agree with the summary's: every code
                    # tied at the top, a gold one among them first (roqa_nlp.evaluation notes)
                    "suggestions": [
                        # as the model gives them; a translated code's is the model's scaled.
                        # code_id, as codings.jsonl and suggest --json name it (s59 sat, item 3);
                        # code, the same id, as docs/cli.md promised it before
                        {
                            "code_id": g.code_id,
                            "code": g.code_id,
                            "name": g.name,
                            "probability": round(g.probability, 6),
                        }
                        for g in (next(x for x in r if x.code_id == c) for c in shown_codes(k, t))
                    ],
                    **dict(zip(("top1", "top3"), top_hits(gold, k), strict=True)),
                    "valence": r[0].valence if r else "neutral",
                    # as suggest --json gives them: valence calibration and set-aside checked
                    # from this file alone
                    "valence_probability": r[0].valence_probability if r else None,
                    "gold_valence": gv or None,
                    "novel": f["novel"],
                    "procedural": f["procedural"],
                    "off_topic": f["off_topic"],
                    "novelty_p": round(float(p), 6),
                    # what novelty_auroc ranks records by: P(fits no code) + P(procedural)
                    "off_framework_p": round(float(sc), 6),
                }
                for rid, text, gold, r, k, t, gv, p, sc, f in zip(
                    ts.ids,
                    ts.texts,
                    ts.codes,
                    rows,
                    ranked,
                    ties,
                    ts.valences,
                    pvals,
                    scores,
                    flags,
                    strict=True,
                )
            ]
        return metrics

    def _labelled_set(
        self, labelled: Any, codebook: str | Path | Codebook | None
    ) -> tuple[TrainingSet, Codebook]:
        """The labelled records of :meth:`evaluate`, and the codebook their codes are of."""
        from .codebook import BUILTIN, UnknownCode, builtin_codebook_with
        from .crosswalk import crosswalk
        from .training import TrainingSet, as_labelled_set, code_labels

        if codebook is not None:
            book = self._codebook(codebook)
            if book.id != self.codebook.id:
                crosswalk(self.codebook, book)  # a one-line error when no mapping is documented
            return as_labelled_set(labelled, book), book
        try:
            return as_labelled_set(labelled, self.codebook), self.codebook
        except UnknownCode as e:
            if isinstance(labelled, TrainingSet):
                raise
            error = e
        # The labels' codebook: the built-in one that knows most of them, when it knows more
        # than the model's and half of them or more (one typo among CFIR 2.0 names is then named
        # as such, in cfir-2022; the labels of a researcher's own codebook, one of them a name
        # in erondu-2021, are not said to be of it: owncb tester, session 39).
        labels = code_labels(labelled)

        def known(b: Codebook) -> int:
            return sum(label in b for label in labels)

        others = (Codebook.load(b) for b in BUILTIN if b != self.codebook.id)
        best = max((b for b in others if self._maps_to(b)), key=known, default=None)
        book = self.codebook
        if best is not None and known(best) > known(book) and 2 * known(best) >= len(labels):
            book = best
            try:
                return as_labelled_set(labelled, book), book
            except UnknownCode as e:
                error = e
        stray = next((label for label in labels if label not in book), None)
        origin = None if stray is None else builtin_codebook_with([stray], besides=book.id)
        if stray is None or f"code {quoted(stray)} " not in error.reason:
            raise error
        if origin is None and book is self.codebook and not _like_a_code_of(stray, book):
            # in no built-in codebook, nor a misspelt code: maybe a review's new code, which
            # the project codebook of the review has
            raise UnknownCode(
                error.reason,
                path=error.path,
                hint=f"{error.hint}; a project's own code, as a review's new code: give the "
                "project codebook with it, "
                + (
                    "--codebook FOLDER/codebook.json as roqa apply-decisions and roqa import "
                    "write it; if these are your own codebook's codes, give --model DIR, a "
                    "model trained on your codebook"
                    if ON_COMMAND_LINE.get()
                    # from Python, the call's arguments (api tester, session 76, D6)
                    else 'codebook="FOLDER/codebook.json" as roqa apply-decisions and roqa '
                    "import write it; if these are your own codebook's codes, evaluate a model "
                    'trained on your codebook: AutoCoder.load("DIR")'
                ),
            ) from None
        if origin is None:
            raise error
        said = "" if f"it is {origin}'s " in error.reason else f", a {origin} code"
        raise UnknownCode(
            f"{error.reason}{said}: the labels seem to mix codebooks",
            path=error.path,
            hint=f"label every record with one codebook's codes: {book.listing_said}",
        ) from None

    def _codebook(self, codebook: str | Path | Codebook | None) -> Codebook:
        """``codebook`` as a :class:`Codebook` (built-in id or file); the model's when None."""
        if codebook is None:
            return self.codebook
        return codebook if isinstance(codebook, Codebook) else Codebook.load(codebook)

    def _translated_from(self) -> Codebook:
        """The codebook the model's suggestions are translated from into another one: its own,
        or, for a project codebook (``cfir-2009+project``), the built-in one it extends, so that
        the project's own codes are kept (or become the code of the other codebook they are
        named as) rather than dropped as codes with no counterpart, as ``roqa code --codebook``
        charts them (:func:`~roqa_nlp.crosswalk.chart_with`)."""
        from .crosswalk import base_codebook

        return base_codebook(self.codebook)

    def _extends(self, book: Codebook) -> bool:
        """Whether ``book`` and the model's codebook are one built-in codebook, either or both
        with a project's own codes (``cfir-2009`` and ``cfir-2009+project``): the model's
        suggestions are then codes of ``book`` as they are, bar the project codes one lacks."""
        from .crosswalk import PROJECT_SUFFIX

        return book.id.removesuffix(PROJECT_SUFFIX) == self.codebook.id.removesuffix(PROJECT_SUFFIX)

    def _maps_to(self, book: Codebook) -> bool:
        """Whether a mapping from the model's codebook to ``book`` is documented."""
        from .crosswalk import crosswalk

        try:
            crosswalk(self.codebook, book)
        except RoqaError:
            return False
        return True

    # -- persistence ---------------------------------------------------------------------------

    def _params_coded_with(self) -> dict[str, Any]:
        """The parameters this model codes with: :attr:`params`, but the training-only ones
        (:data:`TRAINING_ONLY_PARAMS`) and the weights of parts it has not
        (:meth:`_weights_of_no_part`) as the model was trained with them."""
        trained = self.card.get("params") or {}
        as_trained = [*TRAINING_ONLY_PARAMS, *self._weights_of_no_part()]
        return {**self.params, **{k: trained[k] for k in as_trained if k in trained}}

    def _weights_of_no_part(self) -> list[str]:
        """The weights (:data:`PART_WEIGHTS`) raised above 0, from the value the model was
        trained with, on a trained model without the part they weigh: they change nothing (s63:
        lexical_weight=0.5 on a model trained at 0 was recorded in run.json as used)."""
        trained = self.card.get("params") or {}
        if self._predictor is None:
            return []
        return [
            k
            for k, (part, _) in PART_WEIGHTS.items()
            if getattr(self, part) is None
            and k in trained
            and trained[k] == 0  # trained above 0 without the part: no data for it (no context)
            and self.params[k] > 0
        ]

    def _warn_of_training_only(self) -> None:
        """Warn, once per change, that training-only parameters changed on a trained model act
        at its next fit, not when coding (api tester, s62: C=0.001 on a loaded model changed
        nothing, said nothing, and run.json recorded it), and so do the weights of parts the
        model has not (:meth:`_weights_of_no_part`)."""
        used = self._params_coded_with()
        changed = [k for k in TRAINING_ONLY_PARAMS if self.params[k] != used[k]]
        for keys, said in (
            (changed, _training_only_said),
            (self._weights_of_no_part(), _no_part_said),
        ):
            if not keys:
                continue
            given = and_list(f"{k}={self.params[k]!r}" for k in keys)
            if given in self._warned_training_only:
                continue
            warn_the_caller(said(keys, given, and_list(f"{k}={used[k]!r}" for k in keys)))
            # marked once given: under a warnings filter of "error" the next call raises it again
            self._warned_training_only.add(given)

    def _run_meta(self) -> dict[str, Any]:
        """A coding result's ``meta`` (its ``run.json``): :meth:`model_summary`, the parameters
        it is coded with (:meth:`_params_coded_with`), and the model card whole, so that ``roqa
        report`` of the folder shows what ``roqa code``'s report showed: the decisions files a
        model was trained on were lost (session 41)."""
        meta: dict[str, Any] = {"model": self.model_summary(), "params": self._params_coded_with()}
        if self.card:
            meta[MODEL_CARD_KEY] = json.loads(json.dumps(self.card))  # a copy, of plain values
        return meta

    def model_summary(self) -> dict[str, Any]:
        """What identifies this model, as a coding result's ``meta["model"]`` and ``run.json``
        record it: ``library_version``, ``embedding_model`` (name), ``embedding_weights_sha256``,
        ``codebook`` (id), ``codebook_sha256``, ``training_data_sha256``, ``hash`` (the model
        card's SHA-256; None for a model not trained from a card), ``embedding_backend`` (as
        given: a kind or a folder, named by :func:`~roqa_nlp.io.path_to_record`),
        ``embedding_backend_kind`` and ``embedding_backend_sha256`` (the backend card's hash,
        which tells two builds apart; None for torch)."""
        emb = self.card.get("embedding_model", {})
        from .embedding import backend_identity_of

        kind, backend_hash = backend_identity_of(self.embedder)
        return {
            "library_version": __version__,
            "embedding_model": emb.get("name"),
            "embedding_weights_sha256": emb.get("weights_sha256"),
            "codebook": self.codebook.id,
            "codebook_sha256": self.codebook.hash,
            "training_data_sha256": self.card.get("training_data", {}).get("sha256"),
            "hash": self.card.get("model_sha256"),
            # a folder given names none outside the study (privacy, s67): kind and hash say it
            "embedding_backend": path_to_record(str(self.embedder.backend)),
            "embedding_backend_kind": kind,
            "embedding_backend_sha256": backend_hash,
        }

    def save(self, out_dir: str | Path) -> Path:
        """Write the model to ``out_dir`` and return its path.

        The folder holds the learned arrays (safetensors) and ``model_card.json`` (the embedding
        model and its weights hash, the codebook and its hash, the training data's hash, the
        parameters and the metrics), never a pickle; each file is written atomically (none is
        ever left half-written), the card last. ``AutoCoder.load(out_dir)`` reads it back
        and gives the same suggestions to the last digit. A coding output folder (one holding
        ``run.json`` or ``codings.jsonl``) is refused, as ``CodingResult.save`` refuses a model
        folder.
        """
        import numpy as np
        from safetensors.numpy import save as save_any_order

        def save(arrays: dict[str, np.ndarray]) -> bytes:
            # safetensors writes an array's memory as it lies: a Fortran-ordered array (a
            # transposed view) would load scrambled, so every array is written in C order
            return save_any_order({k: np.ascontiguousarray(v) for k, v in arrays.items()})

        clf, det = self._require_fitted()
        out = given_path(out_dir, "save", "a model folder (a path)", "ac.save('models/r2')")
        refuse_save_among_other_kind(out, model=True)
        try:
            if out.is_file():
                raise FileExistsError
            # its owner's alone when made, as roqa train's --out: evidence.jsonl holds the
            # training quotes word for word
            make_out_dir(out)
        except (FileExistsError, NotADirectoryError):
            raise RoqaError(
                "is a file, and save() writes a model folder"
                if out.is_file()
                else "cannot be written: a part of its folder path is a file",
                path=out,
                hint="give a folder name, e.g. ac.save('models/r2')",
            ) from None
        blobs: dict[str, bytes] = {
            "classifier.safetensors": save(clf.to_arrays()),
            "novelty.safetensors": save(
                {
                    "calibration_scores": det.calibration_scores_.astype(np.float64),
                    # Only the knn score reads the coded reference embeddings: other scores
                    # store none, which keeps the packaged model small.
                    "reference": (
                        det.reference_ if det.score == "knn" else det.reference_[:0]
                    ).astype(np.float16),
                }
            ),
            "evidence.safetensors": save(
                {"embeddings": np.asarray(self._evidence_X, dtype=np.float16)}
            ),
            "codebook.json": self.codebook.to_json().encode("utf-8"),
            "evidence.jsonl": "".join(
                json.dumps(e, ensure_ascii=False) + "\n" for e in self._evidence_texts
            ).encode("utf-8"),
        }
        # a model retrained on decisions records the codes its word model cannot read even when
        # there are none: load() takes a lexical.json without them for one saved before they were
        retrained = bool(self.card.get("feedback"))
        for (arrays, state), words, record_silent in (
            (LEXICAL_FILES, self._lexical, retrained),
            (VALENCE_LEXICAL_FILES, self._valence_lexical, False),
        ):
            if words is not None:
                blobs[arrays] = save(words.to_arrays())
                blobs[state] = json.dumps(
                    words.state(record_silent=record_silent), ensure_ascii=False
                ).encode()
        if self._valence_prior is not None:
            blobs[VALENCE_PRIOR_FILE] = self._valence_prior.to_text().encode("utf-8")
        if self._question_model is not None:
            blobs[QUESTION_FILES[0]] = save(self._question_model.to_arrays())
            blobs[QUESTION_FILES[1]] = json.dumps(self._question_model.state()).encode()
        if self._decided_valences is not None:
            blobs[DECIDED_VALENCES_FILE] = save(self._decided_valences.to_arrays())
        if self._rejected_codes is not None:
            blobs[REJECTED_CODES_FILE] = save(self._rejected_codes.to_arrays())
        card = dict(self.card)
        # the parameters it codes with, so that it codes as it did before saving
        card["params"] = self._params_coded_with()
        card["classifier"] = clf.state()
        if self._rejected_codes is not None:
            card["classifier"]["params"] = {
                **card["classifier"]["params"],
                REJECTED_CODES_PARAM: REJECTED_CODES_FILE,
            }
        card["novelty"] = {k: v for k, v in det.get_params(deep=False).items() if k != "classifier"}
        card["files"] = {name: sha256_bytes(data) for name, data in sorted(blobs.items())}
        card["model_sha256"] = card_sha256(card)
        for name, data in blobs.items():
            atomic_write_bytes(out / name, data)
        atomic_write_text(out / CARD, card_text(card))
        # a part an earlier model saved here and this one has not (its decided valences, its
        # question model) goes, as roqa train --out replaces them: the card lists none of it,
        # and a folder shared as this model should not hold it (hunt14, session 82)
        for name in sorted(MODEL_FILES - {CARD} - set(blobs)):
            if (out / name).is_file():
                (out / name).unlink()
        self.card = card
        return out

    @classmethod
    def load(
        cls,
        dir: str | Path | None = None,
        *,
        embedder: Embedder | None = None,
        cache: bool | str | Path = True,
        backend: str | Path | None = None,
        threads: int | None = None,
    ) -> AutoCoder:
        """Load a model directory (``None`` = the packaged default), checking every hash.

        ``backend`` picks how texts are embedded (see :mod:`roqa_nlp.backends`); ``None`` = the
        one the model was trained with (``torch`` unless its card names another). ``onnx-int8``
        approximates ``torch`` closely; ``static`` vectors need a model trained on them.
        """
        from safetensors import SafetensorError
        from safetensors.numpy import load

        from .embedding import Embedder
        from .prediction import CodePredictor, NoveltyScorer

        d = (
            packaged_model_dir()
            if dir is None
            else given_path(
                dir, "AutoCoder.load", "a model folder (a path)", "AutoCoder.load('models/r2')"
            )
        )
        card_path = d / CARD
        # said as a missing --out or transcript folder is (session 56: "not a model directory
        # (no model_card.json)" of a path that is not there, or is a file)
        if not d.exists():
            from .io import missing_path_hint, near_folder

            near = near_folder(d, CARD)
            if near is None and _names_the_packaged_model(d):
                # '--model default' away from the clone (docswalk s86, L2): the packaged model is
                # the one used when none is given
                hint = in_python_too(
                    "leave out --model to use the packaged model",
                    "AutoCoder.load() with no folder",
                )
            else:
                hint = missing_path_hint(
                    d,
                    "check the path: give the model folder roqa train wrote"
                    if near is None
                    else f"did you mean {near}? Give the model folder roqa train wrote",
                )
            raise RoqaFileNotFoundError("folder not found", path=d, hint=hint)
        if not d.is_dir():
            raise RoqaValueError(
                "is a file, not a folder",
                path=d,
                hint="give the model folder roqa train wrote, holding model_card.json",
            )
        if not card_path.exists() and (d / "codings.jsonl").is_file():
            # "not a model directory ... train one" of roqa code's output (api tester, s79)
            raise RoqaValueError(
                "is a coding output folder (it holds codings.jsonl), not a model",
                path=d,
                hint=in_python_too(
                    "give the model folder roqa train wrote, holding model_card.json, or leave "
                    "out --model for the packaged model",
                    "AutoCoder.load() loads the packaged model",
                ),
            )
        if not card_path.exists():
            raise RoqaValueError(
                "not a model directory (no model_card.json)",
                path=d,
                hint=in_python_too(
                    "train one with `roqa train training_data --out DIR`",
                    "AutoCoder().fit('training_data').save('DIR')",
                ),
            )
        try:
            raw_card = card_path.read_bytes().decode("utf-8")
            card = json.loads(raw_card)
            shape = card_shape_error(card)
            if shape is not None:
                raise TypeError(shape)
            files: dict[str, str] = card["files"]
        except (ValueError, RecursionError, KeyError, TypeError):
            raise RoqaValueError(
                "the model card is not valid", path=card_path, hint="retrain the model"
            ) from None
        for name in (*ARRAY_FILES, *JSON_FILES):
            _check_model_file(d / name, files)
        # The card must also be byte for byte the text save() wrote: a change that leaves the
        # parsed content equal (white space, an equivalent spelling of a number) is an edit too.
        # a card hashed with its paths (saved before they were left out) is checked so
        if card.get("model_sha256") not in (
            card_sha256(card),
            card_sha256(card, paths=True),
        ) or raw_card != card_text(card):
            raise RoqaError("the model card was altered", path=card_path, hint="retrain the model")
        codebook = Codebook.load(d / "codebook.json", check_aliases=False)
        if codebook.hash != card.get("codebook", {}).get("sha256"):
            raise RoqaError(
                "codebook does not match the model card",
                path=d / "codebook.json",
                hint="retrain the model with this codebook",
            )
        _require_codable(codebook, d / "codebook.json")
        emb_info = card.get("embedding_model", {})
        from .backends import backend_kind

        trained_kind = backend_kind(emb_info.get("backend", "torch"))
        if backend is not None and backend_kind(backend) is None:
            from .backends import resolve_backend_dir

            # an unknown name ("gpu") is refused here, not at the first text embedded
            resolve_backend_dir(backend, str(emb_info.get("weights_sha256") or ""))
        if backend is not None and backend_kind(backend) == "static" != trained_kind:
            raise RoqaError(
                f"this model was trained on {trained_kind or 'other'} embeddings: static vectors "
                "need a model trained on them",
                path=d,
                hint="roqa train training_data --backend static --out models/static, then "
                "--model models/static",
            )
        if backend is not None and trained_kind == "static" != backend_kind(backend):
            raise RoqaError(  # the static vectors are not the transformer's embeddings
                f"this model was trained on static vectors, not the {backend} backend's embeddings",
                path=d,
                hint="leave out --backend (the model loads with the backend it was trained on), "
                "or use a model trained on that backend",
            )
        if embedder is None:
            name = emb_info.get("name")
            from .embedding import DEFAULT_MODEL_NAME

            embedder = Embedder(
                None if name == DEFAULT_MODEL_NAME else name,
                cache=cache,
                backend=emb_info.get("backend", "torch") if backend is None else backend,
                threads=threads,
            )
        if emb_info.get("weights_sha256") and embedder.weights_hash != emb_info["weights_sha256"]:
            raise RoqaError(
                "the embedding model's weights differ from those the model was trained with",
                path=embedder.model_path,
                hint="use the embedding model named in the model card or retrain",
            )
        trained_on = emb_info.get("backend_sha256")
        if trained_on and backend is None and embedder.cache_hash != trained_on:
            raise RoqaError(
                f"the {emb_info.get('backend')} embedding backend differs from the one the model "
                "was trained with",
                path=card_path,
                hint="rebuild it with `roqa build-backend` from the same model, or retrain",
            )
        try:
            arrays = {name: load((d / name).read_bytes()) for name in ARRAY_FILES}
        except (SafetensorError, OSError, ValueError):
            raise RoqaError(
                "model arrays are unreadable", path=d, hint="retrain the model"
            ) from None
        ac = cls(codebook, embedder=embedder, params=card.get("params"))
        # the classifier's parameters but the file of rejected codes its probabilities are
        # scaled by (REJECTED_CODES_PARAM), which a model keeping none does not name
        state = card["classifier"]
        rejected_in = state["params"].get(REJECTED_CODES_PARAM)
        if REJECTED_CODES_PARAM in state["params"]:
            state = {
                **state,
                "params": {k: v for k, v in state["params"].items() if k != REJECTED_CODES_PARAM},
            }
        try:
            if rejected_in is not None and (
                rejected_in != REJECTED_CODES_FILE or REJECTED_CODES_FILE not in files
            ):
                raise ValueError("rejected codes named in the card, not among its files")
            clf = CodePredictor.from_arrays(arrays["classifier.safetensors"], state)
            nov = arrays["novelty.safetensors"]
            det = NoveltyScorer.from_arrays(
                clf, nov["calibration_scores"], nov["reference"], card["novelty"]
            )
            evidence_X = arrays["evidence.safetensors"]["embeddings"]
        except (KeyError, TypeError, ValueError) as e:
            raise RoqaError(
                f"the model card and arrays do not fit together ({type(e).__name__})",
                path=card_path,
                hint="retrain the model",
            ) from None
        for c in clf.classes_:
            if c not in OFF_FRAMEWORK and codebook.find(str(c)) is None:
                raise RoqaError(
                    f"model class {c!r} is not in the model's codebook",
                    path=d / "codebook.json",
                    hint="retrain the model",
                )
        if LEXICAL_FILES[0] in files or LEXICAL_FILES[1] in files:
            classes = [str(c) for c in clf.classes_]
            # a model retrained on decisions before the word model recorded the codes it cannot
            # read: those are its review's new codes (made by the decisions alone)
            legacy: list[str] = []
            if card.get("feedback"):
                from .decisions import PROJECT_PREFIX

                legacy = [c for c in classes if c.startswith(PROJECT_PREFIX)]
            ac._lexical = _load_lexical(d, files, classes, legacy_silent=legacy)
        if VALENCE_LEXICAL_FILES[0] in files or VALENCE_LEXICAL_FILES[1] in files:
            valences = [str(v) for v in clf.valence_classes_]
            ac._valence_lexical = _load_lexical(d, files, valences, VALENCE_LEXICAL_FILES)
        if VALENCE_PRIOR_FILE in files:
            ac._valence_prior = _load_valence_prior(d, files)
        if QUESTION_FILES[0] in files or QUESTION_FILES[1] in files:
            ac._question_model = _load_question_model(d, files, clf.n_features_in_)
        if DECIDED_VALENCES_FILE in files:
            ac._decided_valences = _load_decided_valences(d, files)
        if REJECTED_CODES_FILE in files:
            ac._rejected_codes = _load_rejected_codes(d, files, len(clf.classes_))
        ac._predictor, ac._scorer, ac.card = clf, det, card
        ac._evidence_X = evidence_X
        ac._evidence_texts = read_jsonl(d / "evidence.jsonl")
        ac._loaded_parts = ac._model_parts()  # what the verified model_sha256 names
        return ac


def _require_codable(codebook: Codebook, where: str | Path | None) -> None:
    """Refuse a codebook with no codable code: a model of it could only say "fits no code"."""
    if not codebook.codable:
        raise RoqaError(
            f"codebook {codebook.id!r} has no codable code, so there is nothing to learn",
            path=where,
            hint='mark the codes talk is coded with "codable": true; domains may stay headings',
        )


def _check_model_file(p: Path, files: dict[str, str]) -> None:
    """A model file must be a regular file whose SHA-256 is the one the card records."""
    if not p.is_file():  # a device or pipe (a link to /dev/zero) would be hashed forever
        raise RoqaError(
            "model file missing or not a regular file", path=p, hint="retrain the model"
        )
    if files.get(p.name) != sha256_file(p):
        from .io import TEMPORARY_PREFIX

        # a roqa train writing into the folder now (its lock there), or one killed while it moved
        # the new files in (its temporary folder left there): not a file someone altered
        # (re-test, session 46)
        if any(f.is_dir() for f in p.parent.glob(f"{TEMPORARY_PREFIX}*.tmp")):
            raise RoqaError(
                "model file does not match its model card: a roqa train is replacing this "
                "model, or one was stopped while it did",
                path=p,
                hint="wait for the training to end; if none is running, train the model again",
            )
        raise RoqaError(
            "model file does not match its model card (altered or corrupted)",
            path=p,
            hint="retrain the model or restore the directory",
        )


def _arrays_and_state(d: Path, files: dict[str, str], names: tuple[str, str]) -> tuple[Any, Any]:
    """The arrays (safetensors) and JSON state of a part of model directory ``d`` stored as
    ``names``, both files checked against the card first (SafetensorError, OSError or ValueError
    when they are unreadable)."""
    from safetensors.numpy import load

    for name in names:
        _check_model_file(d / name, files)
    return (
        load((d / names[0]).read_bytes()),
        json.loads((d / names[1]).read_bytes().decode("utf-8")),
    )


def _load_question_model(d: Path, files: dict[str, str], dim: int) -> QuestionModel:
    """The question model stored in model directory ``d``, its files checked against the card;
    it must read embeddings of ``dim`` dimensions."""
    from safetensors import SafetensorError

    from .question_model import QuestionModel

    try:
        model = QuestionModel.from_arrays(*_arrays_and_state(d, files, QUESTION_FILES))
        if model.coef_.shape[1] != dim:
            raise ValueError("the question model reads other embeddings")
    except (SafetensorError, OSError, ValueError, KeyError, TypeError, AttributeError):
        raise RoqaError(
            "the question model is unreadable", path=d / QUESTION_FILES[0], hint="retrain the model"
        ) from None
    return model


def _load_decided_valences(d: Path, files: dict[str, str]) -> DecidedValences:
    """The researcher's decided valences stored in model directory ``d``, checked against the
    card (a model whose file holds them in session 82's first form, embeddings, is refused)."""
    from safetensors import SafetensorError
    from safetensors.numpy import load

    from .decided_valences import DecidedValences

    _check_model_file(d / DECIDED_VALENCES_FILE, files)
    try:
        arrays = load((d / DECIDED_VALENCES_FILE).read_bytes())
        if "embeddings" in arrays:  # session 82's first form: near copies matched too
            raise RoqaError(
                "holds the decided valences in an earlier form (embeddings), which gave them to "
                "other talk worded alike",
                path=d / DECIDED_VALENCES_FILE,
                hint=in_python_too(
                    "retrain the model with roqa train --feedback on the same decisions",
                    "AutoCoder().update('decisions.csv', training='training_data').save('DIR')",
                ),
            )
        kept = DecidedValences.from_arrays(arrays)
    except (SafetensorError, OSError, ValueError, KeyError, TypeError):
        raise RoqaError(
            "the decided valences are unreadable",
            path=d / DECIDED_VALENCES_FILE,
            hint="retrain the model",
        ) from None
    return kept


def _load_rejected_codes(d: Path, files: dict[str, str], n_classes: int) -> RejectedCodes:
    """The codes a researcher rejected, stored in model directory ``d``, checked against the card
    and the classifier's ``n_classes`` classes."""
    from safetensors import SafetensorError
    from safetensors.numpy import load

    from .rejected_codes import RejectedCodes

    _check_model_file(d / REJECTED_CODES_FILE, files)
    try:
        kept = RejectedCodes.from_arrays(load((d / REJECTED_CODES_FILE).read_bytes()))
        if len(kept.codes_) and int(kept.codes_.max()) >= n_classes:
            raise ValueError("a code the classifier has no class for")
    except (SafetensorError, OSError, ValueError, KeyError, TypeError):
        raise RoqaError(
            "the rejected codes are unreadable",
            path=d / REJECTED_CODES_FILE,
            hint="retrain the model",
        ) from None
    return kept


def _load_valence_prior(d: Path, files: dict[str, str]) -> ValencePrior:
    """Each code's valence counts stored in model directory ``d``, checked against the card."""
    from .valence_prior import ValencePrior

    _check_model_file(d / VALENCE_PRIOR_FILE, files)
    try:
        return ValencePrior.from_json(
            json.loads((d / VALENCE_PRIOR_FILE).read_bytes().decode("utf-8"))
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise RoqaError(
            "the valence counts are unreadable",
            path=d / VALENCE_PRIOR_FILE,
            hint="retrain the model",
        ) from None


def _load_lexical(
    d: Path,
    files: dict[str, str],
    classes: list[str],
    names: tuple[str, str] = LEXICAL_FILES,
    *,
    legacy_silent: Sequence[str] = (),
) -> LexicalModel:
    """The word model stored as ``names`` (arrays, JSON) in model directory ``d``, its files
    checked against the card; it must know every one of ``classes``. ``legacy_silent``: the
    codes it cannot read when its JSON, saved before it recorded them, does not say."""
    from safetensors import SafetensorError

    from .lexical import LexicalModel

    try:
        arrays, state = _arrays_and_state(d, files, names)
        if legacy_silent and isinstance(state, dict) and "silent_classes" not in state:
            known = set(map(str, state.get("classes") or ()))
            state = {**state, "silent_classes": [c for c in legacy_silent if c in known]}
        lex = LexicalModel.from_arrays(arrays, state)
    except (SafetensorError, OSError, ValueError, KeyError, TypeError):
        raise RoqaError(
            "the word model's files are unreadable", path=d, hint="retrain the model"
        ) from None
    if not set(classes) <= set(lex.classes_):
        raise RoqaError(
            "the word model's classes differ from the classifier's",
            path=d / names[1],
            hint="retrain the model",
        )
    return lex


def _words_may_be_kept(ts: TrainingSet, rows: Iterable[int]) -> list[bool] | None:
    """Per row of ``ts``, whether a word model may know and store its words: not the
    researcher's decided segments (source ``researcher-decisions``), whose words, names
    included, would otherwise sit in the retrained model's ``lexical.json``; None when every
    row may (the same vocabulary as before)."""
    from .decisions import FEEDBACK_SOURCE

    keep = [ts.sources[i] != FEEDBACK_SOURCE if i < len(ts.sources) else True for i in rows]
    return None if all(keep) else keep
