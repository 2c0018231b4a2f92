"""Specification: a valence the researcher decided is the model's for the decided words once it is
trained on the decisions, and roqa train names the decided valences it still reads otherwise.

study11, session 81: "...Nobody on the ward asked for it, and nobody asked us what we wanted from
it either." was decided a barrier; `roqa train --feedback` with that decision gave a model that
still read the same words as an enabler (head 0.52 enabler, Innovation Source's valence mix 0.44
enabler), and 3 more of the 16 valence corrections likewise.

hunt14, session 82 (F3): the first form kept the decided segments' embeddings and moved any
segment within cosine 0.9 of one to its valence: "...much harder to track the referrals..." read
enabler 0.75 after "...much easier to track the referrals..." was decided an enabler (cosine
0.94), and one "Yes, definitely." decided a barrier made every later one a barrier, after any
question. The valence is now kept for the same words after the same question only.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest

from roqa_nlp.autocoder import DECIDED_VALENCES_FILE, AutoCoder
from roqa_nlp.decided_valences import MIN_WORDS_ALONE, DecidedValences, segment_key
from roqa_nlp.decisions import (
    Decision,
    valences_decided_two_ways_note,
    valences_read_otherwise_note,
)
from roqa_nlp.embedding import Embedder
from roqa_nlp.schema import VALENCES

# a staffing turn: the five staffing records of the tiny training set are all barriers
COVERED = (
    "We're short of staff most weeks, but agency nurses know the ward and cover the training days."
)
OTHER = "Agency cover costs more every month and the rota has gaps nobody can fill."
# hunt14's pair: the researcher decides the first an enabler; the second says the opposite in
# nearly the same words (cosine 0.94), and the model reads it a barrier (0.52) without the first
EASIER = "The IT system made it much easier to track the referrals between the teams."
HARDER = "The IT system made it much harder to track the referrals between the teams."


def reviewed(embedder: Embedder) -> AutoCoder:
    from conftest import tiny_training_set

    decided = [
        Decision("p01:0002", "accept", "IS.E.2", text=COVERED),
        Decision("p01:0002", "valence", text=COVERED, valence="enabler"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return AutoCoder("cfir-2009", embedder=embedder).update(
            decided, training=tiny_training_set()
        )


@pytest.fixture(scope="module")
def after(embedder: Embedder) -> AutoCoder:
    return reviewed(embedder)


def top(ac: AutoCoder, text: str) -> tuple[str, str, float]:
    s = ac.suggest(text)[0][0]
    return s.code_id, s.valence, s.valence_probability


def test_the_decided_words_read_as_the_researcher_decided_after_training(
    after: AutoCoder,
) -> None:
    # before the fix: ('IS.E.2', 'barrier', 0.52), the staffing records' barrier kept
    assert top(after, COVERED) == ("IS.E.2", "enabler", 1.0)


def test_the_card_names_the_decided_valence_the_model_reads_otherwise(after: AutoCoder) -> None:
    feedback = after.card["feedback"]
    assert feedback["n_valences_kept"] == 1
    assert feedback["valences_read_otherwise"] == [
        {"segment": "p01:0002", "valence": "enabler", "read": "barrier"}
    ]


def test_other_talk_keeps_the_models_own_valence(after: AutoCoder) -> None:
    kept = after._decided_valences
    assert kept is not None
    with_kept = after.suggest(OTHER)[0][0]
    after._decided_valences = None
    try:
        without = after.suggest(OTHER)[0][0]
    finally:
        after._decided_valences = kept
    assert (with_kept.valence, with_kept.valence_probability) == (
        without.valence,
        without.valence_probability,
    )
    assert kept.decided([OTHER], None) == [None]


def without_kept(ac: AutoCoder, text: str) -> tuple[str, str, float]:
    kept, ac._decided_valences = ac._decided_valences, None
    try:
        return top(ac, text)
    finally:
        ac._decided_valences = kept


@pytest.fixture(scope="module")
def hunt14(embedder: Embedder) -> AutoCoder:
    """hunt14's review: a staffing barrier and EASIER decided an enabler."""
    from conftest import tiny_training_set

    staffing = (
        "Staffing was a real problem for us on nights, we never had enough people to do the checks."
    )
    decided = [
        Decision("p01:0001", "accept", "IS.E.2", text=staffing),
        Decision("p01:0001", "valence", text=staffing, valence="barrier"),
        Decision("p01:0002", "accept", "IS.E.2", text=EASIER),
        Decision("p01:0002", "valence", text=EASIER, valence="enabler"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return AutoCoder("cfir-2009", embedder=embedder).update(
            decided, training=tiny_training_set()
        )


def test_the_opposite_said_in_nearly_the_same_words_keeps_the_models_valence(
    hunt14: AutoCoder,
) -> None:
    assert top(hunt14, EASIER) == ("IS.E.2", "enabler", 1.0)
    # before the fix: ('IS.E.2', 'enabler', 0.75), the decided enabler carried over (cos 0.94)
    assert top(hunt14, HARDER) == without_kept(hunt14, HARDER)
    assert top(hunt14, HARDER)[:2] == ("IS.E.2", "barrier")


def test_a_segment_takes_the_decided_valence_only_with_its_words_and_question() -> None:
    asked = "Was staffing a problem on the ward?"
    other = "Did the ward managers support the pathway?"
    kept, both = DecidedValences.of(["Yes, definitely."], [asked], ["barrier"])
    assert kept is not None and both == []
    V = np.array([[0.2, 0.5, 0.3]] * 4)
    words = ["Yes, definitely.", "yes,   DEFINITELY.", "Yes, definitely.", "Yes, definitely."]
    out = kept.apply(V, words, [asked, " was STAFFING a problem on the ward?", other, ""], VALENCES)
    np.testing.assert_allclose(out[0], [1.0, 0.0, 0.0])  # the decided segment
    np.testing.assert_allclose(out[1], [1.0, 0.0, 0.0])  # case and spacing aside
    # before the fix: the same reply after another question, or none, was a barrier (λ 0.82)
    np.testing.assert_allclose(out[2:], V[2:])
    assert kept.apply(V, words, None, VALENCES) is V  # read with no question: not the segment


def test_words_decided_with_no_question_come_back_alone_only_when_long() -> None:
    long = "Nobody on the ward asked for it, and nobody asked us what we wanted."
    assert len(long.split()) >= MIN_WORDS_ALONE > len(["No,", "not", "really."])
    kept, _ = DecidedValences.of([long, "No, not really."], ["", ""], ["barrier", "enabler"])
    assert kept is not None
    assert kept.decided([long, "No, not really."], ["", ""]) == [0, 1]
    asked = ["Who asked for the new pathway?"] * 2
    assert kept.decided([long, "No, not really."], asked) == [0, None]


def test_words_decided_two_ways_after_the_same_question_keep_neither() -> None:
    q = "Was staffing a problem?"
    kept, both = DecidedValences.of(
        ["Yes.", "Yes.", "Yes.", "It was fine."],
        [q, q, "Any other issues?", q],
        ["barrier", "enabler", "barrier", "neutral"],
    )
    assert both == [0, 1]
    assert kept is not None
    assert kept.decided(["Yes.", "Yes.", "It was fine."], [q, "Any other issues?", q]) == [
        None,
        0,
        2,
    ]
    assert DecidedValences.of(["Yes.", "Yes."], [q, q], ["barrier", "enabler"]) == (None, [0, 1])


def test_a_model_keeps_no_words_nor_embeddings_of_the_decided_segments(
    after: AutoCoder,
) -> None:
    arrays = after._decided_valences.to_arrays()  # type: ignore[union-attr]
    assert sorted(arrays) == ["keys", "valences"]
    assert arrays["keys"].shape == (1, 8) and arrays["keys"].dtype == np.uint8
    assert bytes(arrays["keys"][0]) == segment_key(COVERED)  # decided with no codings: no question


def test_the_same_words_after_two_questions_keep_each_its_own_valence() -> None:
    """One example is trained on the words (the later valence), but each segment keeps its own."""
    from roqa_nlp.codebook import load_codebook
    from roqa_nlp.decisions import feedback_plan
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    q1, q2 = "Was staffing a problem on the ward?", "Did the managers support the pathway?"
    said = [("Yes, definitely.", q1), ("Yes, definitely.", q2)]
    segs = [
        SegmentResult(
            segment=Segment(f"p01:000{n}", "p01", "P01", "participant", 0, 16, t, context=q),
            suggestions=[Suggestion("IS.E.2", "Available Resources", "IS", 0.5, valence="neutral")],
        )
        for n, (t, q) in enumerate(said, 1)
    ]
    decisions = [
        Decision("p01:0001", "accept", "IS.E.2", text=said[0][0], valence="barrier"),
        Decision("p01:0002", "accept", "IS.E.2", text=said[1][0], valence="enabler"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plan = feedback_plan(
            [(decisions, CodingResult(segments=segs), "d.csv")], load_codebook("cfir-2009")
        )
    assert plan.valences_given == [
        ("p01:0001", "Yes, definitely.", q1, "barrier"),
        ("p01:0002", "Yes, definitely.", q2, "enabler"),
    ]
    kept, both = DecidedValences.of(*zip(*((t, q, v) for _, t, q, v in plan.valences_given)))
    assert both == [] and kept is not None
    assert kept.decided(["Yes, definitely."] * 3, [q1, q2, "Anything else?"]) == [0, 1, None]


def test_decisions_without_a_valence_keep_none() -> None:
    assert DecidedValences.of(["a", "b"], ["", ""], ["", ""]) == (None, [])


def test_update_keeps_none_for_words_decided_two_ways_and_says_so(embedder: Embedder) -> None:
    from conftest import tiny_training_set

    decided = [
        Decision("p01:0002", "accept", "IS.E.2", text=COVERED),
        Decision("p01:0002", "valence", text=COVERED, valence="enabler"),
        Decision("p02:0002", "accept", "IS.E.2", text=COVERED),
        Decision("p02:0002", "valence", text=COVERED, valence="barrier"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ac = AutoCoder("cfir-2009", embedder=embedder).update(decided, training=tiny_training_set())
    assert ac._decided_valences is None
    feedback = ac.card["feedback"]
    assert feedback["valences_decided_two_ways"] == ["p01:0002", "p02:0002"]
    assert "n_valences_kept" not in feedback
    assert valences_decided_two_ways_note(feedback) == (
        "note: 2 segments have the same words after the same question as another and were "
        "given another valence (p01:0002, p02:0002): the model keeps the decided valence for "
        "none of them and reads their valence itself; give such segments one valence to have "
        'it kept (docs/model.md, "Valences a researcher decided")'
    )
    assert valences_decided_two_ways_note({"n_valences_kept": 3}) is None


def test_save_over_a_model_with_decided_valences_leaves_none_behind(
    after: AutoCoder, tiny_model_dir: Path, tmp_path: Path
) -> None:
    folder = after.save(tmp_path / "model")
    assert (folder / DECIDED_VALENCES_FILE).is_file()
    AutoCoder.load(tiny_model_dir).save(folder)
    # before the fix: the earlier model's decided valences stayed in the folder, unlisted
    assert not (folder / DECIDED_VALENCES_FILE).exists()
    assert AutoCoder.load(folder)._decided_valences is None


def test_a_model_with_the_first_forms_embeddings_is_refused_in_one_line(
    after: AutoCoder, tmp_path: Path
) -> None:
    from safetensors.numpy import save

    from roqa_nlp.autocoder import card_sha256, card_text
    from roqa_nlp.errors import RoqaError
    from roqa_nlp.io import sha256_bytes

    folder = after.save(tmp_path / "model")
    old = save({"embeddings": np.zeros((1, 4), np.float32), "valences": np.zeros(1, np.int64)})
    (folder / DECIDED_VALENCES_FILE).write_bytes(old)
    card = json.loads((folder / "model_card.json").read_text("utf-8"))
    card["files"][DECIDED_VALENCES_FILE] = sha256_bytes(old)
    card["model_sha256"] = card_sha256(card)
    (folder / "model_card.json").write_text(card_text(card), "utf-8")
    with pytest.raises(RoqaError) as e:
        AutoCoder.load(folder)
    assert "earlier form (embeddings)" in str(e.value)
    assert str(e.value).endswith(  # said to Python, the call too (docs/python.md; session 84)
        "(retrain the model with roqa train --feedback on the same decisions; in Python, "
        "AutoCoder().update('decisions.csv', training='training_data').save('DIR'))"
    )
    assert "\n" not in str(e.value)


def test_train_notes_the_decided_valences_the_model_reads_otherwise() -> None:
    card = {
        "n_valences_kept": 16,
        "valences_read_otherwise": [
            {"segment": f"p01:000{i}", "valence": "barrier", "read": "enabler"} for i in range(6)
        ],
    }
    assert valences_read_otherwise_note(card, shown=2) == (
        "note: 6 of the 16 valences the review decided the model still reads otherwise in their "
        "own words: p01:0000 (decided barrier, read enabler); p01:0001 (decided barrier, read "
        "enabler) and 4 more. It gives those segments (the same words after the same question) "
        "the decided valence, but does not carry it to other talk like them: the valence head "
        "and each code's usual valence mix, learnt from the training data, outweigh a few "
        'decided segments (docs/model.md, "Valences a researcher decided")'
    )
    assert valences_read_otherwise_note({"n_valences_kept": 3}) is None
