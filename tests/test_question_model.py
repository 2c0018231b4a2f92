"""Specification of the question model (``roqa_nlp.question_model``): which codes an
interviewer's question leads to, learnt from coded answers with their question, and how the
AutoCoder trains, stores and applies it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from roqa_nlp import question_model
from roqa_nlp.autocoder import AutoCoder
from roqa_nlp.embedding import Embedder
from roqa_nlp.errors import RoqaError
from roqa_nlp.question_model import MIN_RECORDS, QuestionModel, with_question
from roqa_nlp.training import TrainingSet

#: One question per code of the tiny training set: what an interviewer asks before such answers.
QUESTIONS = {
    "IS.E.2": "Did you have the staff, time and money you needed for it?",
    "OS.D": "What did the regulator and the commissioners expect of you?",
    "IC.F": "How easy was the new system to learn and use?",
    "IS.B": "How do teams in your organisation share news and talk to each other?",
    "PR.A": "How did you plan the roll-out before you started?",
    "CI.B": "How confident did staff feel doing it themselves?",
}
ANSWER = "It was a real struggle, honestly, some weeks were better than others."


#: The packaged threshold, read before the fixture below lowers it for the tiny training set.
PACKAGED_MIN_CODE_RECORDS = question_model.MIN_CODE_RECORDS


@pytest.fixture(scope="module", autouse=True)
def five_records_make_a_code() -> Iterator[None]:
    """The tiny training set has five records per code: here that is enough for the question
    model to learn a code (the packaged threshold, 20, is checked on the packaged model)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(question_model, "MIN_CODE_RECORDS", 5)
        yield


# -- the mixing rule ---------------------------------------------------------------------------


def test_the_question_reweighs_the_codes_and_keeps_the_other_classes_share() -> None:
    Q = np.array([[0.2, 0.3, 0.1, 0.4]])  # A, B, C, NONE
    log_pq = np.log(np.array([[0.8, 0.2]]))  # the model knows A and B only
    out = with_question(Q, ["A", "B", "C", "NONE"], [0, 1, 2], log_pq, ["B", "A"], 1.0)
    # codes: 0.2 * 0.2, 0.3 * 0.8, 0.1 * 0.5 (C unknown: the even share of two classes),
    # rescaled to the codes' share 0.6; NONE keeps 0.4
    raw = np.array([0.2 * 0.2, 0.3 * 0.8, 0.1 * 0.5])
    assert out == pytest.approx(np.array([[*(0.6 * raw / raw.sum()), 0.4]]))
    assert with_question(Q, ["A", "B", "C", "NONE"], [0, 1, 2], log_pq, ["B", "A"], 0.0) == (
        pytest.approx(Q)
    )


@settings(max_examples=50, deadline=None)
@given(
    Q=arrays(np.float64, (3, 4), elements=st.floats(0.01, 1.0)),
    L=arrays(np.float64, (3, 3), elements=st.floats(0.01, 1.0)),
    w=st.floats(0.0, 1.0),
)
def test_rows_stay_distributions_and_a_flat_question_changes_nothing(
    Q: np.ndarray, L: np.ndarray, w: float
) -> None:
    Q = Q / Q.sum(axis=1, keepdims=True)
    L = L / L.sum(axis=1, keepdims=True)
    classes, cols = ["A", "B", "C", "NONE"], [0, 1, 2]
    out = with_question(Q, classes, cols, np.log(L), ["A", "B", "C"], w)
    assert out.sum(axis=1) == pytest.approx(np.ones(3))
    assert out[:, 3] == pytest.approx(Q[:, 3])
    flat = with_question(Q, classes, cols, np.log(np.full((3, 3), 1 / 3)), ["A", "B", "C"], w)
    assert flat == pytest.approx(Q)


# -- the model ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def asked(tiny_training: TrainingSet) -> TrainingSet:
    """The tiny training set with each coded record's question (off-framework talk has none)."""
    return replace(
        tiny_training, contexts=[QUESTIONS[c[0]] if c else "" for c in tiny_training.codes]
    )


@pytest.mark.slow
def test_the_model_learns_which_codes_a_question_leads_to(
    asked: TrainingSet, embedder: Embedder
) -> None:
    rows = [i for i, c in enumerate(asked.codes) if c]
    model = QuestionModel.fit(
        embedder.encode([asked.contexts[i] for i in rows]), [asked.codes[i] for i in rows]
    )
    assert model is not None and sorted(model.classes_) == sorted(QUESTIONS)
    L = model.log_probabilities(embedder.encode(list(QUESTIONS.values())))
    assert [model.classes_[j] for j in L.argmax(axis=1)] == list(QUESTIONS)
    assert np.exp(L).sum(axis=1) == pytest.approx(np.ones(len(QUESTIONS)))
    back = QuestionModel.from_arrays(model.to_arrays(), json.loads(json.dumps(model.state())))
    assert back.log_probabilities(embedder.encode(["How was it?"])) == pytest.approx(
        model.log_probabilities(embedder.encode(["How was it?"]))
    )


def test_a_code_too_few_records_carry_is_left_out() -> None:
    m = question_model.MIN_CODE_RECORDS
    X = np.random.default_rng(0).normal(size=(2 * MIN_RECORDS + m + 3, 8))
    # A and B carried MIN_RECORDS times each (once together), C m - 1 times: C is left out, and
    # the records that carry C alone are not used (nor those without a code)
    a, b = [["A"]] * (MIN_RECORDS - 1), [["B"]] * (MIN_RECORDS - 1)
    codes = a + [["A", "B"]] + b + [["C"]] * (m - 1) + [[]] * 3
    model = QuestionModel.fit(X[: len(codes)], codes)
    assert model is not None and model.classes_ == ["A", "B"]
    codes = a + [["A", "B"]] + b + [["C"]] * m + [[]] * 3
    model = QuestionModel.fit(X[: len(codes)], codes)
    assert model is not None and model.classes_ == ["A", "B", "C"]


def test_seven_decided_segments_teach_it_a_new_code_at_the_default_feedback_weight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # as the module docstring says: each decision counts UPDATE_WEIGHT (3) times in retraining
    from roqa_nlp.autocoder import UPDATE_WEIGHT

    monkeypatch.setattr(question_model, "MIN_CODE_RECORDS", PACKAGED_MIN_CODE_RECORDS)
    assert (PACKAGED_MIN_CODE_RECORDS, UPDATE_WEIGHT) == (20, 3)
    X = np.random.default_rng(1).normal(size=(100, 8))
    for decided, learnt in ((7, True), (6, False)):
        codes = [["A"]] * 30 + [["B"]] * 30 + [["NEW"]] * (decided * UPDATE_WEIGHT)
        model = QuestionModel.fit(X[: len(codes)], codes)
        assert model is not None and ("NEW" in model.classes_) is learnt


def test_the_packaged_question_model_knows_the_codes_20_interview_answers_carry() -> None:
    packaged = AutoCoder.load()
    assert packaged._question_model is not None
    known = set(packaged._question_model.classes_)
    # Readiness for Implementation (5 answers with a question), Implementation Climate (6) and
    # Individual Identification with Organization (10) are left out; the other 36 codes are in
    assert len(known) == 36 and not known & {"IS.E", "IS.D", "CI.D"}
    closing = packaged.embedder.encode(["Is there anything else you'd like to add?"])
    # it gave Readiness for Implementation 0.33 from the one such answer; now no code 0.2
    assert np.exp(packaged._question_model.log_probabilities(closing)).max() < 0.2


def test_too_few_records_or_codes_give_no_model() -> None:
    X = np.eye(MIN_RECORDS + 1, 8)
    assert (
        QuestionModel.fit(X[: MIN_RECORDS - 1], ([["A"], ["B"]] * MIN_RECORDS)[: MIN_RECORDS - 1])
        is None
    )
    with pytest.raises(ValueError, match="code lists for"):
        QuestionModel.fit(X, [["A"], ["B"]])
    assert QuestionModel.fit(X, [["A"]] * (MIN_RECORDS + 1)) is None
    with pytest.raises(ValueError, match="different sizes"):
        QuestionModel(np.zeros((2, 8)), np.zeros(3), ["A", "B"])


# -- in the AutoCoder --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def with_questions(asked: TrainingSet, embedder: Embedder) -> AutoCoder:
    return AutoCoder("cfir-2009", embedder=embedder).fit(asked)


@pytest.mark.slow
def test_a_question_moves_a_vague_answer_to_the_codes_it_leads_to(
    with_questions: AutoCoder, tiny_model: AutoCoder
) -> None:
    from roqa_nlp.schema import Transcript, Turn

    def coded(question: str) -> list[str]:
        text = f"Interviewer: {question}\nP01: {ANSWER}\n"
        turns = [
            Turn("Interviewer", "interviewer", 13, 13 + len(question)),
            Turn("P01", "participant", text.index(ANSWER), text.index(ANSWER) + len(ANSWER)),
        ]
        t = Transcript(id="p01_test", text=text, turns=turns, participant="P01")
        seg = with_questions.code([t], top_k=3).segments[0]
        assert seg.segment.context == question
        return [s.code_id for s in seg.suggestions]

    for code, question in QUESTIONS.items():
        assert coded(question)[0] == code, question
    # without the question model the same answer ranks alike whatever was asked
    assert with_questions._question_model is not None
    before = with_questions.params["question_weight"]
    try:
        with_questions.params["question_weight"] = 0.0
        assert len({tuple(coded(q)) for q in QUESTIONS.values()}) < len(QUESTIONS)
    finally:
        with_questions.params["question_weight"] = before
    # the tiny set has no questions: no question model
    assert tiny_model._question_model is None


@pytest.mark.slow
def test_each_question_is_embedded_once_per_run(
    with_questions: AutoCoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The question is read twice (mixed into the answer, and by the question model); with the
    # cache off (--no-cache) a second embedding would cost a second pass of the encoder.
    from roqa_nlp.schema import Transcript, Turn

    question = QUESTIONS["IC.F"]
    text = f"Interviewer: {question}\nP01: {ANSWER}\n"
    turns = [
        Turn("Interviewer", "interviewer", 13, 13 + len(question)),
        Turn("P01", "participant", text.index(ANSWER), text.index(ANSWER) + len(ANSWER)),
    ]
    t = Transcript(id="p01_once", text=text, turns=turns, participant="P01")
    encoded: list[str] = []
    encode = with_questions.embedder.encode

    def counting(texts: list[str]) -> np.ndarray:
        encoded.extend(texts)
        return encode(texts)

    monkeypatch.setattr(with_questions.embedder, "encode", counting)
    seg = with_questions.code([t], top_k=3).segments[0]
    assert seg.segment.context == question and seg.top.code_id == "IC.F"
    assert encoded.count(question) == 1 and encoded.count(ANSWER) == 1
    encoded.clear()
    with_questions.evaluate([{"text": ANSWER, "construct": "IC.F", "context": question}])
    assert encoded.count(question) == 1


@pytest.mark.slow
def test_it_changes_only_segments_read_with_a_question_and_only_their_codes(
    with_questions: AutoCoder, embedder: Embedder, asked: TrainingSet
) -> None:
    texts = [ANSWER, "My dog is called Rex and he loves the beach.", "Can you hear me?"]
    off = AutoCoder("cfir-2009", embedder=embedder, params={"question_weight": 0.0}).fit(asked)
    # the classifier learns from the answers alone, so both models' arrays are the same
    assert np.array_equal(off._predictor.coef_, with_questions._predictor.coef_)  # type: ignore[union-attr]
    X = with_questions._inputs(texts, ["", "", ""])
    assert (
        with_questions._suggest_rows(X, 3, texts, ["", "", ""])[0]
        == off._suggest_rows(X, 3, texts, ["", "", ""])[0]
    )
    contexts = [QUESTIONS["OS.D"]] * 3
    X = with_questions._inputs(texts, contexts)
    on_rows, on_p, _, on_proc, on_off = with_questions._suggest_rows(X, 3, texts, contexts)
    off_rows, off_p, _, off_proc, off_off = off._suggest_rows(X, 3, texts, contexts)
    assert on_rows != off_rows
    assert np.array_equal(on_p, off_p) and np.array_equal(on_proc, off_proc)
    assert np.array_equal(on_off, off_off)


@pytest.mark.slow
def test_the_question_model_is_saved_checked_and_loaded(
    with_questions: AutoCoder, embedder: Embedder, tmp_path: Path
) -> None:
    out = with_questions.save(tmp_path / "model")
    for name in ("question_model.safetensors", "question_model.json"):
        assert name in with_questions.card["files"]
    back = AutoCoder.load(out, embedder=embedder)
    assert back._question_model is not None
    contexts = [QUESTIONS["PR.A"]]
    X = back._inputs([ANSWER], contexts)
    assert (
        back._suggest_rows(X, 3, [ANSWER], contexts)[0]
        == with_questions._suggest_rows(X, 3, [ANSWER], contexts)[0]
    )
    state = json.loads((out / "question_model.json").read_text("utf-8"))
    assert state == {"classes": sorted(QUESTIONS), "C": 2.0}
    bad = tmp_path / "bad"
    shutil.copytree(out, bad)
    (bad / "question_model.json").write_text(json.dumps({**state, "C": 3.0}), "utf-8")
    with pytest.raises(RoqaError, match="does not match its model card"):
        AutoCoder.load(bad, embedder=embedder)


@pytest.mark.slow
def test_weight_0_trains_no_question_model(asked: TrainingSet, embedder: Embedder) -> None:
    ac = AutoCoder("cfir-2009", embedder=embedder, params={"question_weight": 0.0}).fit(asked)
    assert ac._question_model is None


@pytest.mark.parametrize("w", [-0.1, 1.5, "1", None, True])
def test_the_weight_must_be_a_number_from_0_to_1(w: object) -> None:
    with pytest.raises(RoqaError) as exc:
        AutoCoder("cfir-2009", params={"question_weight": w})
    assert str(exc.value).startswith(f"question_weight must be a number from 0 to 1, got {w!r}")


@pytest.mark.slow
def test_arrays_in_any_memory_order_load_as_saved(
    with_questions: AutoCoder, embedder: Embedder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """safetensors writes an array's memory as it lies: a Fortran-ordered (transposed) array would
    load scrambled, so the model directory is written in C order whatever the arrays' order."""
    qm = with_questions._question_model
    assert qm is not None

    def fortran(self: QuestionModel) -> dict[str, np.ndarray]:
        return {
            "coef": np.asfortranarray(self.coef_.astype(np.float32)),
            "intercept": self.intercept_.astype(np.float32),
        }

    monkeypatch.setattr(QuestionModel, "to_arrays", fortran)
    assert not fortran(qm)["coef"].flags.c_contiguous
    back = AutoCoder.load(with_questions.save(tmp_path / "model"), embedder=embedder)
    assert back._question_model is not None
    assert np.array_equal(back._question_model.coef_, qm.coef_)


@pytest.mark.slow
def test_retraining_with_decisions_learns_the_studys_own_questions(
    tiny_model: AutoCoder, embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    """The tiny set has no questions; a researcher's decisions on segments read with their
    question teach the question model this study's topic guide."""
    from roqa_nlp.schema import Transcript, Turn

    staff, cqc = "Did you have the staff for it?", "What did the CQC expect?"
    pairs = [
        (staff, "We were short every single week.", "IS.E.2"),
        (cqc, "They wanted the new forms at the visit.", "OS.D"),
        (staff, "Nights were the worst, we had agency cover.", "IS.E.2"),
        (cqc, "The inspector asked to see the plans.", "OS.D"),
        (staff, "Two seniors left in the spring.", "IS.E.2"),
        (cqc, "Our rating depended on it, really.", "OS.D"),
        (staff, "Budgets meant no overtime at all.", "IS.E.2"),
        (cqc, "They changed the key lines of enquiry.", "OS.D"),
    ]  # eight answers, each decided once and counted three times: 24 records with a question
    text, turns = "", []
    for q, a, _ in pairs:
        for speaker, role, said in (("Interviewer", "interviewer", q), ("P01", "participant", a)):
            start = len(text) + len(speaker) + 2
            turns.append(Turn(speaker, role, start, start + len(said)))  # type: ignore[arg-type]
            text += f"{speaker}: {said}\n"
    result = tiny_model.code([Transcript(id="p09", text=text, turns=turns, participant="P09")])
    segs = result.segments
    assert [s.segment.context for s in segs] == [q for q, _, _ in pairs]
    codings = tmp_path / "codings.jsonl"
    codings.write_text(result.to_jsonl(), encoding="utf-8")
    rows = "".join(f"{s.segment.id},accept,{c}\n" for s, (_, _, c) in zip(segs, pairs))
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("segment_id,decision,code_id\n" + rows, encoding="utf-8")
    ac = AutoCoder("cfir-2009", embedder=embedder).update(
        decisions, codings=codings, training=tiny_training
    )
    assert tiny_model._question_model is None
    assert ac._question_model is not None
    assert sorted(ac._question_model.classes_) == ["IS.E.2", "OS.D"]


@pytest.mark.slow
def test_the_valence_mix_reads_the_codes_as_the_question_reweighed_them(
    with_questions: AutoCoder, embedder: Embedder
) -> None:
    from roqa_nlp.lexical import combine
    from roqa_nlp.schema import OFF_FRAMEWORK
    from roqa_nlp.valence_prior import with_prior

    ac = with_questions
    ac.params["valence_neutral_weight"] = 1.0  # as trained: the mix alone (no prior shift)
    clf, lex, qm, prior = ac._predictor, ac._lexical, ac._question_model, ac._valence_prior
    assert clf is not None and lex is not None and qm is not None and prior is not None
    assert ac._valence_lexical is None  # the tiny set has no neutral records
    texts, contexts = [ANSWER], [QUESTIONS["IS.E.2"]]
    X = ac._inputs(texts, contexts)
    classes = [str(c) for c in clf.classes_]
    codes = [j for j, c in enumerate(classes) if c not in OFF_FRAMEWORK]
    T = ac.params["question_temperature"]
    Q = combine(clf.log_probabilities(X), classes, lex, texts, ac.params["lexical_weight"], T)
    L = qm.log_probabilities(embedder.encode(contexts))
    shown = with_question(Q, classes, codes, L, qm.classes_, ac.params["question_weight"])
    V = with_prior(clf.predict_valence_proba(X), shown, classes, prior, 1.0)
    (row,) = ac._suggest_rows(X, 3, texts, contexts)[0]
    names = [str(v) for v in clf.valence_classes_]
    assert row[0].valence == names[int(V[0].argmax())]
    assert row[0].valence_probability == pytest.approx(float(V[0].max()), abs=1e-6)
    assert row[0].probability == pytest.approx(float(shown[0, codes].max()), abs=1e-6)
