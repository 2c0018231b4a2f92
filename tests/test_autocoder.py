"""Specification of AutoCoder: training, coding, persistence (no pickle, hash-checked) and update.

Uses the session's tiny model (``tests/conftest.py``): the real embedding model, 40 hand-written
training records, 6 CFIR constructs plus off-framework and procedural talk.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from roqa_nlp.autocoder import FITS_A_CODE, FITS_NO_CODE, AutoCoder, segment_flags
from roqa_nlp.codebook import Codebook
from roqa_nlp.embedding import DEFAULT_MODEL_NAME, DEFAULT_WEIGHTS_SHA256, Embedder
from roqa_nlp.errors import RoqaError, RoqaWarning
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.training import TrainingSet, text_hashes

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent / "data" / "core"
TEXTS = [
    "We had nobody spare on the rota to cover the training days.",
    "The CQC changed what they want to see in the care plans.",
    "My dog is called Rex and he loves the beach.",
    "Hello, can you hear me? I think the sound is working now.",
]
MODEL_FILES = [
    "classifier.safetensors",
    "codebook.json",
    "evidence.jsonl",
    "evidence.safetensors",
    "lexical.json",
    "lexical.safetensors",
    "model_card.json",
    "novelty.safetensors",
    "valence_prior.json",
]


def copy_model(src: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "model"
    shutil.copytree(src, dst)
    return dst


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def one_line_error_naming(exc: pytest.ExceptionInfo[RoqaError], path: Path) -> str:
    msg = str(exc.value)
    assert "\n" not in msg
    assert msg.startswith(f"{path}: "), msg
    return msg


def conversation() -> Transcript:
    lines = [
        ("Interviewer", "interviewer", "Thanks for joining. Can you hear me?"),
        ("P01", "participant", "Yes, I can hear you fine, thank you."),
        ("Interviewer", "interviewer", "What got in the way of the new care records?"),
        (
            "P01",
            "participant",
            "Honestly, staffing. We never had enough people on shift to release anyone for the "
            "training, and agency cover was far too expensive for our budget.",
        ),
        ("Interviewer", "interviewer", "And from outside the organisation?"),
        (
            "P01",
            "participant",
            "The commissioners kept changing the reporting rules, and the CQC wanted new evidence.",
        ),
    ]
    text, turns, pos = "", [], 0
    for speaker, role, said in lines:
        line = f"{speaker}: {said}"
        start = pos + len(speaker) + 2
        turns.append(Turn(speaker, role, start, start + len(said)))  # type: ignore[arg-type]
        text += line + "\n"
        pos += len(line) + 1
    return Transcript(id="p01_test", text=text, turns=turns, participant="P01")


# -- training -----------------------------------------------------------------------------------


def test_classes_are_the_trained_codes_plus_none_and_procedural(tiny_model: AutoCoder) -> None:
    assert tiny_model.card["classes"] == [
        "CI.B",
        "IC.F",
        "IS.B",
        "IS.E.2",
        "NONE",
        "OS.D",
        "PR.A",
        "PROCEDURAL",
    ]


def test_model_card_records_what_the_model_was_built_from(
    tiny_model: AutoCoder, tiny_model_dir: Path
) -> None:
    card = json.loads((tiny_model_dir / "model_card.json").read_text("utf-8"))
    assert card["embedding_model"]["name"] == DEFAULT_MODEL_NAME
    assert card["embedding_model"]["weights_sha256"] == DEFAULT_WEIGHTS_SHA256
    assert card["embedding_model"]["dim"] == 384
    assert card["codebook"] == {"id": "cfir-2009", "sha256": tiny_model.codebook.hash}
    warned = card["training_data"].pop("warnings")  # the tiny set: 6 codes, 15/15 valences
    assert card["training_data"] == {
        "sha256": "tiny-training-set",
        "n_records": 40,
        "n_coded": 30,
        "n_none": 10,
    }
    assert [w.split(" (")[0] for w in warned] == [
        "33 codes have fewer than 3 training records, their descriptions aside",
        "valence: only 15 of 30 coded records are barriers and 15 enablers: barriers and "
        "enablers are read unreliably with fewer than 20 records of each; add a valence",
    ]
    assert card["n_calibration"] == 30  # every coded record scored once by a fold model
    assert sorted(card["files"]) == [f for f in MODEL_FILES if f != "model_card.json"]
    for name, digest in card["files"].items():
        assert hashlib.sha256((tiny_model_dir / name).read_bytes()).hexdigest() == digest


def test_suggestions_are_ranked_codes_with_probability_and_valence(tiny_model: AutoCoder) -> None:
    rows = tiny_model.suggest(TEXTS, top_k=3)
    assert [len(r) for r in rows] == [3, 3, 3, 3]
    assert [r[0].code_id for r in rows[:2]] == ["IS.E.2", "OS.D"]
    assert (rows[0][0].name, rows[0][0].domain, rows[0][0].valence) == (
        "Available Resources",
        "IS",
        "barrier",
    )
    for r in rows:
        probs = [g.probability for g in r]
        assert probs == sorted(probs, reverse=True)
        assert all(g.code_id not in ("NONE", "PROCEDURAL") for g in r)


def test_suggestions_carry_training_examples_of_the_code_as_evidence(
    tiny_model: AutoCoder, tiny_training: TrainingSet
) -> None:
    top = tiny_model.suggest(TEXTS[0])[0][0]
    assert len(top.evidence) == 2
    for text in top.evidence:
        assert tiny_training.codes[tiny_training.texts.index(text)] == [top.code_id]


def test_records_marked_not_evidence_are_learned_but_never_shown(
    embedder: Embedder, tiny_training: TrainingSet, cfir2009: Any
) -> None:
    """``"evidence": false`` (an interview window with its whole turn's codes): the record is
    trained on as before, and no suggestion shows it."""
    from roqa_nlp.training import normalise_records

    records = [
        {"id": i, "text": t, "codes": c, "valence": v, "kind": k, "setting": g}
        for i, t, c, v, k, g in zip(
            tiny_training.ids,
            tiny_training.texts,
            tiny_training.codes,
            tiny_training.valences,
            tiny_training.kinds,
            tiny_training.groups,
        )
    ]
    coded = [r["id"] for r in records if r["codes"]]
    hidden = set(coded[::2])
    for r in records:
        if r["id"] in hidden:
            r["evidence"] = False
    ts = normalise_records(records, cfir2009, Path("records.jsonl"))
    assert ts.not_evidence == hidden
    assert ts.subset(range(4)).not_evidence == hidden & set(ts.ids[:4])
    assert TrainingSet.from_dataset(ts.to_dataset()).not_evidence == hidden
    assert ts.subset(range(4)).extend(ts.subset(range(4, len(ts)))).not_evidence == hidden
    ac = AutoCoder("cfir-2009", embedder=embedder).fit(ts)
    assert {e["id"] for e in ac._evidence_texts} == set(coded) - hidden
    shown = {t for row in ac.suggest(TEXTS) for g in row for t in g.evidence}
    assert shown and not shown & {r["text"] for r in records if r["id"] in hidden}


def mixed_valence_model(embedder: Embedder, tiny_training: TrainingSet, **params: Any) -> AutoCoder:
    """The tiny model with three examples on the other side of their code: two enablers of
    Available Resources (IS.E.2, otherwise all barriers) and a barrier of Networks &
    Communications (IS.B, otherwise all enablers)."""
    extra = [
        (
            "IS.E.2",
            "enabler",
            "We had plenty of staff on shift to release people for the training.",
        ),
        (
            "IS.E.2",
            "enabler",
            "Our rota was generous, so somebody could always be spared for a half-day course.",
        ),
        (
            "IS.B",
            "barrier",
            "Nobody tells the night staff anything; messages never get passed on between shifts.",
        ),
    ]
    ts = tiny_training.extend(
        TrainingSet(
            ids=[f"tiny-{40 + n}" for n in range(len(extra))],
            texts=[t for _, _, t in extra],
            codes=[[c] for c, _, _ in extra],
            valences=[v for _, v, _ in extra],
            groups=[f"group-{n % 5}" for n in range(len(extra))],
            kinds=["coded"] * len(extra),
            sources=["team-written"] * len(extra),
            contexts=[""] * len(extra),
            hash="tiny-training-set-mixed",
        )
    )
    return AutoCoder("cfir-2009", embedder=embedder, params=params).fit(ts)


@pytest.fixture(scope="module")
def mixed_valence(embedder: Embedder, tiny_training: TrainingSet) -> AutoCoder:
    return mixed_valence_model(embedder, tiny_training)


def test_evidence_keeps_each_training_examples_valence(
    mixed_valence: AutoCoder, tiny_training: TrainingSet
) -> None:
    """The model's evidence.jsonl holds the valence of each example as training data gave it."""
    coded = [i for i, c in enumerate(tiny_training.codes) if c]
    assert [(e["id"], e["valence"]) for e in mixed_valence._evidence_texts] == [
        (tiny_training.ids[i], tiny_training.valences[i]) for i in coded
    ] + [("tiny-40", "enabler"), ("tiny-41", "enabler"), ("tiny-42", "barrier")]


def test_a_barrier_is_shown_the_nearest_examples_of_any_valence_each_with_its_valence(
    mixed_valence: AutoCoder,
) -> None:
    """Blind tester (s53), finding 1: examples picked by the predicted valence back that valence
    up even when it is wrong ("It's not a blame culture here" shown "It's quite a blame
    culture"). The code's nearest examples are shown whatever their valence, each with it:
    tiny-00 (cosine 0.612, a barrier) and tiny-41 (0.568, an enabler)."""
    top = mixed_valence.suggest(
        "We had nobody spare on the rota to release staff for the training days."
    )[0][0]
    assert (top.code_id, top.valence) == ("IS.E.2", "barrier")
    assert top.evidence == (
        "We simply do not have enough staff on shift to release people for the training.",
        "Our rota was generous, so somebody could always be spared for a half-day course.",
    )
    assert top.evidence_valence == ("barrier", "enabler")


def test_an_enabler_is_shown_the_nearest_examples_of_any_valence_each_with_its_valence(
    mixed_valence: AutoCoder,
) -> None:
    """By similarity: tiny-19 (0.516, enabler), tiny-42 (0.383, the one barrier)."""
    top = mixed_valence.suggest(
        "Handover is good: the day shift always tells the night carers what changed."
    )[0][0]
    assert (top.code_id, top.valence) == ("IS.B", "enabler")
    assert top.evidence == (
        "Our handover notes mean everyone knows what changed since yesterday.",
        "Nobody tells the night staff anything; messages never get passed on between shifts.",
    )
    assert top.evidence_valence == ("enabler", "barrier")


def test_more_examples_asked_are_the_next_most_like_of_any_valence(
    embedder: Embedder, tiny_training: TrainingSet
) -> None:
    """Six examples of a code with five barriers and two enablers: tiny-00 0.612, tiny-41
    0.568, tiny-40 0.567, tiny-03 0.535, tiny-01 0.453, tiny-02 0.380."""
    ac = mixed_valence_model(embedder, tiny_training, n_evidence=6)
    top = ac.suggest("We had nobody spare on the rota to release staff for the training days.")
    assert (top[0][0].code_id, top[0][0].valence) == ("IS.E.2", "barrier")
    assert top[0][0].evidence == (
        "We simply do not have enough staff on shift to release people for the training.",
        "Our rota was generous, so somebody could always be spared for a half-day course.",
        "We had plenty of staff on shift to release people for the training.",
        "Our rota is so thin that nobody can be spared for a half-day course.",
        "There was no money left in the budget to pay for the new system.",
        "Agency cover costs us a fortune, so every extra hour of training hurts.",
    )
    assert top[0][0].evidence_valence == (
        "barrier",
        "enabler",
        "enabler",
        "barrier",
        "barrier",
        "barrier",
    )


def test_evidence_without_valence_is_shown_most_like_first(mixed_valence: AutoCoder) -> None:
    """A model saved before evidence kept its valence shows the examples most like the text, of
    any valence, each with no valence ("")."""
    saved = [dict(e) for e in mixed_valence._evidence_texts]
    try:
        for e in mixed_valence._evidence_texts:
            del e["valence"]
        top = mixed_valence.suggest(
            "We had nobody spare on the rota to release staff for the training days."
        )[0][0]
    finally:
        mixed_valence._evidence_texts[:] = saved
    assert top.evidence == (
        "We simply do not have enough staff on shift to release people for the training.",
        "Our rota was generous, so somebody could always be spared for a half-day course.",
    )
    assert top.evidence_valence == ("", "")


def test_fits_no_code_flags_texts_as_code_does(tiny_model: AutoCoder) -> None:
    texts = [
        "We never had enough staff on shift to cover the training.",
        "We went on holiday to Wales and it rained every single day, the tent leaked.",
        "Yes, I consent to the interview being recorded.",
    ]
    flags = tiny_model.fits_no_code(texts)
    assert [(f["novel"], f["procedural"], f["off_topic"]) for f in flags] == [
        (False, False, False),
        (True, False, True),
        (False, True, False),
    ]
    assert all(0 < f["novelty_p"] <= 1 for f in flags)
    assert tiny_model.fits_no_code(texts[1]) == [flags[1]]
    # one pass gives both, equal to the two calls
    assert tiny_model.suggest_and_flag(texts, top_k=2) == (
        tiny_model.suggest(texts, top_k=2),
        flags,
    )


def test_suggest_of_one_string_gives_one_list(tiny_model: AutoCoder) -> None:
    assert len(tiny_model.suggest(TEXTS[0])) == 1


LONG_TALK = " ".join(
    f"In week {n} we went through the rota again and talked about who covers which visits."
    for n in range(1, 21)
)  # about 380 word pieces: well past the 256 the model reads


def test_a_text_the_model_cannot_read_whole_gets_the_mean_of_its_windows(
    tiny_model: AutoCoder, embedder: Embedder
) -> None:
    from roqa_nlp.transcripts.segment import turn_spans

    count = embedder.count_tokens()
    assert count(LONG_TALK) > embedder.max_tokens == 256
    spans = turn_spans(LONG_TALK, 0, len(LONG_TALK), max_tokens=200, count_tokens=count)
    assert len(spans) == 2 and spans[0][0] == 0 and spans[-1][1] == len(LONG_TALK)
    windows = embedder.encode([LONG_TALK[a:b] for a, b in spans])
    mean = windows.mean(axis=0)
    got = tiny_model._encode_whole([LONG_TALK, "We are short of staff."])
    np.testing.assert_allclose(got[0], mean / np.linalg.norm(mean), rtol=1e-6)
    # a text that fits keeps its own embedding bit for bit
    assert got[1].tobytes() == embedder.encode(["We are short of staff."])[0].tobytes()


def test_words_past_the_models_limit_still_count(tiny_model: AutoCoder, embedder: Embedder) -> None:
    # The embedding model alone drops the last sentence of both texts and reads them alike.
    texts = [LONG_TALK + t for t in (" We have no money for staff.", " Our manager backs us.")]
    plain = embedder.encode(texts)
    assert plain[0].tobytes() == plain[1].tobytes()
    whole = tiny_model._inputs(texts)
    assert float(whole[0] @ whole[1]) < 0.999


BLAS_SPY = """
import hashlib, json, sys
import numpy as np
import threadpoolctl

real, seen = threadpoolctl.threadpool_limits, []


class Spy:  # the limit roqa_nlp sets, and what every loaded BLAS runs with as it ends
    def __init__(self, *args, **kwargs):
        self.limit = real(*args, **kwargs)

    def __enter__(self):
        return self.limit.__enter__()

    def __exit__(self, *exc):
        info = threadpoolctl.threadpool_info()
        seen.append(sorted({i["num_threads"] for i in info if i["user_api"] == "blas"}))
        return self.limit.__exit__(*exc)


threadpoolctl.threadpool_limits = Spy
from roqa_nlp.autocoder import AutoCoder  # noqa: E402


class HashEmbedder:
    dim, max_tokens, backend = 16, 256, "torch"

    def encode(self, texts):
        seeds = [int(hashlib.sha256(t.encode()).hexdigest()[:8], 16) for t in texts]
        rows = np.array([np.random.default_rng(s).normal(size=16) for s in seeds], "float32")
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    def count_tokens(self):
        return lambda text: len(text.split())

    def describe(self):
        return {"name": "hash"}


records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
AutoCoder("cfir-2009", embedder=HashEmbedder()).fit(records)
print(json.dumps(seen))
"""


def test_the_solvers_run_on_one_blas_thread_whatever_the_machine_has(tmp_path: Path) -> None:
    """So that the fitted arrays do not depend on the thread count (`make model` is bit for bit).
    In a fresh interpreter: threadpoolctl limits only the BLAS libraries already loaded, so the
    solvers' own (scipy's OpenBLAS) must be loaded before the limit is set."""
    import subprocess
    import sys

    from conftest import CORE_DATA

    script = tmp_path / "spy.py"
    script.write_text(BLAS_SPY, encoding="utf-8")
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "2", "OMP_NUM_THREADS": "2"}
    out = subprocess.run(
        [sys.executable, str(script), str(CORE_DATA / "tiny_training.jsonl")],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1]) == [[1]]


def test_fitting_an_empty_training_set_is_a_user_error(embedder: Embedder) -> None:
    with pytest.raises(RoqaError, match="the training set is empty"):
        AutoCoder(embedder=embedder).fit(TrainingSet())


def test_an_untrained_model_cannot_suggest(embedder: Embedder) -> None:
    with pytest.raises(RoqaError, match="the model is not trained"):
        AutoCoder(embedder=embedder).suggest("anything")


# -- coding transcripts -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def coded(tiny_model: AutoCoder):
    return tiny_model.code(conversation(), top_k=3)


def test_code_segments_only_participant_turns(coded) -> None:
    assert [s.segment.role for s in coded] == ["participant"] * len(coded)
    assert {s.segment.turn_index for s in coded} == {1, 3, 5}


def test_every_segment_text_is_its_transcript_slice(coded) -> None:
    t = coded.transcripts["p01_test"]
    for s in coded:
        assert t.text[s.segment.start : s.segment.end] == s.segment.text


def test_coded_segments_get_the_expected_top_codes(coded) -> None:
    tops = {s.segment.turn_index: s.top.code_id for s in coded if s.top is not None}
    assert (tops[3], tops[5]) == ("IS.E.2", "OS.D")


def test_novelty_p_values_are_conformal_and_procedural_talk_is_never_novel(coded) -> None:
    for s in coded:
        assert 0 < s.novelty_p <= 1
        top = s.suggestions[0].probability if s.suggestions else 0.0
        fits_none = (s.novelty_p < 0.1 and top < FITS_A_CODE) or top < FITS_NO_CODE
        assert s.novel == (fits_none and not s.procedural)
        assert len(s.suggestions) <= 3
    greeting = next(s for s in coded if s.segment.turn_index == 1)
    assert greeting.procedural and not greeting.novel


@pytest.mark.parametrize(
    ("p", "procedural", "aside", "top", "novel", "off_topic"),
    [
        (0.01, 0, 0, 0.2, True, False),
        (0.01, 0, 1, 0.2, True, True),
        (0.01, 1, 0, 0.2, False, False),  # procedural talk is never novel
        (0.01, 0, 0, 0.5, False, False),  # a code at 0.5 or more: it fits that code
        (0.01, 0, 1, 0.96, False, False),
        (0.2, 0, 0, 0.1, False, False),
        (0.5, 1, 0, 0.73, False, False),  # a code shown at 0.73: not procedural talk
        # no code near, whatever the p-value: road works outside, Peer Pressure at 0.029 with
        # p 0.27, was charted in Table 2 as an enabler (s71 study tester)
        (0.27, 0, 0, 0.029, True, False),
        (0.27, 0, 1, 0.029, True, True),
        (0.27, 1, 0, 0.029, False, False),  # procedural talk stays procedural
        (0.9, 0, 0, 0.0, True, False),
    ],
)
def test_segment_flags(p, procedural, aside, top, novel, off_topic) -> None:
    """A recode the word model learned (top code 0.96) but the embedding classifier's p-value
    still calls unlike the training data is no longer sent back as fitting no code; an answer
    whose top code is shown at 0.5 or more is not procedural talk either (session 28: an
    answer ending in an emoji was folded away as procedural with Access to Knowledge at 0.73)."""
    flags = segment_flags(p, procedural, aside, 0.1, top)
    assert (flags["novel"], flags["off_topic"]) == (novel, off_topic)
    assert flags["procedural"] is (bool(procedural) and top < FITS_A_CODE)


def test_off_topic_is_novel_talk_the_off_framework_class_explains_best(coded) -> None:
    for s in coded:
        assert not s.off_topic or (s.novel and not s.procedural)
    assert [s.off_topic for s in coded] == [False, False, False]


def one_turn(said: str) -> Transcript:
    """A transcript of one participant turn."""
    return Transcript(
        id="p02_test",
        text=f"P02: {said}",
        turns=[Turn("P02", "participant", 5, 5 + len(said))],
        participant="P02",
    )


def test_a_closing_formula_is_procedural_talk_whatever_the_model_says() -> None:
    """ "No, I think that's everything." was charted as Knowledge & Beliefs at 0.71 (session 34)."""
    flags = segment_flags(0.01, 0, 0, 0.1, 0.71, said_nothing=True)
    assert flags == {"novel": False, "novelty_p": 0.01, "procedural": True, "off_topic": False}


def read_as_a_code_at_071(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the model read every text as a code at 0.71, not as procedural talk, as the packaged
    model read the testers' lines: what is set aside then is the rules' doing."""
    import roqa_nlp.autocoder as autocoder

    def as_the_packaged_model(p, procedural, aside, alpha, top=0.0, *, said_nothing=False):  # type: ignore[no-untyped-def]
        return segment_flags(p, 0, aside, alpha, 0.71, said_nothing=said_nothing)

    monkeypatch.setattr(autocoder, "segment_flags", as_the_packaged_model)


@pytest.mark.parametrize(
    "said", ["No, I think that's everything.", "No, that's everything really."]
)
def test_a_participants_closing_formula_is_procedural_in_code_and_suggest(
    tiny_model: AutoCoder, monkeypatch: pytest.MonkeyPatch, said: str
) -> None:
    """Even when the model reads it as a code at 0.71 and not as procedural talk, as the
    packaged model read the tester's line."""
    read_as_a_code_at_071(monkeypatch)
    (s,) = tiny_model.code(one_turn(said)).segments
    assert (s.procedural, s.novel, s.for_open_coding) == (True, False, False)
    (flags,) = tiny_model.fits_no_code(said)
    assert (flags["procedural"], flags["novel"]) == (True, False)
    (goes_on,) = tiny_model.fits_no_code("No, that's everything, apart from the funding.")
    assert goes_on["procedural"] is False  # the model's say: a code at 0.71


def test_a_closing_that_goes_on_is_flagged_as_the_model_says(
    tiny_model: AutoCoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    said = "No, that's everything, apart from the funding which worries me."
    (s,) = tiny_model.code(one_turn(said)).segments
    monkeypatch.setattr("roqa_nlp.transcripts.closings.is_closing_formula", lambda words: False)
    (without_the_rule,) = tiny_model.code(one_turn(said)).segments
    assert s.to_dict() == without_the_rule.to_dict()
    assert not s.procedural


def test_an_answer_that_opens_with_a_closing_formula_is_read_without_it(
    tiny_model: AutoCoder,
) -> None:
    """The formula's words pulled "Not that I can think of, but the IT system was a nightmare
    ..." towards small talk: the packaged model set it aside, off topic (NONE 0.33; the IT
    system alone 0.025; session 34 tester P). The segment keeps its words; the model reads it
    as it reads what follows the formula, in code, suggest and evaluate alike."""
    said = "Not that I can think of, but the IT system was a nightmare from start to finish."
    rest = "but the IT system was a nightmare from start to finish."
    (s,) = tiny_model.code(one_turn(said)).segments
    (r,) = tiny_model.code(one_turn(rest)).segments
    assert s.segment.text == said
    own = {"text": None, "end": None}  # the words and where they end, the segment's own
    assert s.to_dict() | own == r.to_dict() | own
    assert tiny_model.suggest_and_flag(said) == tiny_model.suggest_and_flag(rest)
    records = [{"text": t, "construct": "IS.E"} for t in (said, rest)]
    (a,), (b,) = (tiny_model.evaluate([x], predictions=True)["predictions"] for x in records)
    assert a | {"text": None} == b | {"text": None}


def test_an_answer_that_ends_with_a_closing_formula_is_read_without_it(
    tiny_model: AutoCoder,
) -> None:
    """Read whole, "..., but I can't think of anything." pulled content towards small talk and
    procedural talk: the packaged model set 61 of 1584 such written answers aside
    (``benchmarks/results/closing_content.md``). The segment keeps its words; the model reads it
    as it reads what comes before the formula, in code, suggest and evaluate alike."""
    said = "The IT system was a nightmare from start to finish, but no, I think that's everything."
    assert_read_as(tiny_model, said, "The IT system was a nightmare from start to finish", "IS.E")


def assert_read_as(tiny_model: AutoCoder, said: str, rest: str, code: str) -> None:
    """A segment of ``said`` keeps its words and is coded, suggested and evaluated (a record of
    ``code``) exactly as ``rest``, the words the model reads of it."""
    (s,) = tiny_model.code(one_turn(said)).segments
    (r,) = tiny_model.code(one_turn(rest)).segments
    assert s.segment.text == said
    own = {"text": None, "end": None}  # the words and where they end, the segment's own
    assert s.to_dict() | own == r.to_dict() | own
    assert tiny_model.suggest_and_flag(said) == tiny_model.suggest_and_flag(rest)
    records = [{"text": t, "construct": code} for t in (said, rest)]
    (a,), (b,) = (tiny_model.evaluate([x], predictions=True)["predictions"] for x in records)
    assert a | {"text": None} == b | {"text": None}


def test_the_packaged_model_codes_what_comes_before_a_closing_formula() -> None:
    """Read whole, the first fitted no code and was coded Patient Needs (PR.A), the second was
    procedural talk; each is read now as the sentence alone is (IS.E; OS.D, fitting no code)."""
    said = [
        "The IT system was a nightmare from start to finish, but I can't think of anything.",
        "The commissioners never listened to us about the paperwork. So yes, I have nothing to add.",
    ]
    rows, flags = AutoCoder.load().suggest_and_flag(said)
    got = [
        (f["novel"], f["procedural"], f["off_topic"], r[0].code_id)
        for r, f in zip(rows, flags, strict=True)
    ]
    assert got == [(False, False, False, "IS.E"), (True, False, False, "OS.D")]


def test_an_answer_that_opens_with_a_courtesy_is_read_from_what_follows_it(
    tiny_model: AutoCoder,
) -> None:
    """ "Yeah, no problem." pulled the tester's answer to procedural talk (s49 focus, 4): the
    segment keeps its words; the model reads it from what follows, in code, suggest and
    evaluate alike (:func:`~roqa_nlp.transcripts.courtesies.after_courtesy_reply`)."""
    rest = (
        "So I became a champion about a year ago. Our manager asked if anyone was interested and "
        "I said yes because I'd done a bit of it in my last job. We get a day's training from "
        "the provider and then a champions' network meeting every two months."
    )
    said = f"Yeah, no problem. {rest}"
    assert_read_as(tiny_model, said, rest, "PR.B.3")


def test_the_packaged_model_codes_an_answer_after_a_courtesy_and_not_a_courtesy_alone() -> None:
    """Tester s49 focus, 4: zoom_P05_followup:0001 was procedural (top PR.B.3 at 0.42), so in
    no Table 2 row, matrix cell or saturation count; read from "So I" on it is coded PR.B.3
    (Opinion Leaders: Champions) at 0.85. "Yes, of course, no problem." stays procedural."""
    result = AutoCoder.load().code(DATA.parent / "courtesies" / "courtesy_then_answer.txt")
    got = [
        (s.segment.text[:24], s.procedural, s.novel)
        + ((None,) if s.procedural else (s.suggestions[0].code_id,))
        for s in result.segments
    ]
    assert got == [
        ("Yeah, no problem. So I b", False, False, "PR.B.3"),
        ("Yes, of course, no probl", True, False, None),
    ]


def test_the_packaged_model_codes_a_short_answer_after_a_courtesy_or_a_line_repair() -> None:
    """Tester s82 daily12, 1: "Yes, that's fine, go ahead. We use the Recovery Star ..." and
    "Yes, I can hear you now. The commissioners only pay us for forty-five minutes, ..." (20
    and 22 words after the courtesy) were read whole and set aside as procedural talk, out of
    Table 2 and the matrix, nothing said. One sentence of 5 words or more after the courtesy
    reply or the sentence on the line is now read alone; a short rest stays procedural."""
    result = AutoCoder.load().code(DATA.parent / "courtesies" / "reply_then_short_answer.txt")
    got = [
        (s.segment.text[:24], s.procedural, s.novel)
        + ((None,) if s.procedural else (s.suggestions[0].code_id,))
        for s in result.segments
    ]
    assert got == [
        ("Yes, of course, go ahead", False, False, "IS.D.5"),
        ("Yes, I can hear you now.", False, False, "OS.D"),
        ("Sure, that's fine, go ah", False, False, "CI.E"),
        ("Yes, that's fine. On tha", True, False, None),
        ("Yes, I can hear you agai", True, False, None),
    ]


def test_the_packaged_model_codes_what_follows_a_closing_formula_and_a_but() -> None:
    """Tester P's p21 (session 34): the bare closings are procedural talk; the two that go on
    after "but" and "except" are coded, not set aside as small talk (the "but" one was:
    off_topic, in no Table 2 row)."""
    result = AutoCoder.load().code(DATA.parent / "closings" / "closing_with_content.txt")
    got = [
        (s.segment.text[:24], s.procedural, s.novel, s.off_topic)
        + ((None,) if s.procedural else (s.suggestions[0].code_id,))
        for s in result.segments
    ]
    assert got == [
        ("It is the single biggest", False, False, False, "IS.E.2"),
        ("No, I think that's every", True, False, False, None),
        ("No, I think that's every", False, False, False, "OS.D"),
        ("Not that I can think of,", False, False, False, "IS.E"),  # Readiness for Implementation
        ("No, that's everything re", True, False, False, None),
    ]


def test_an_answer_that_ends_with_a_sign_off_is_read_without_it(tiny_model: AutoCoder) -> None:
    """ "Anyway. Sorry. Thank you." pulled the tester's closing statement to procedural talk (s50
    wholeint, P04:0031): the segment keeps its words; the model reads it without them, in code,
    suggest and evaluate alike (:func:`~roqa_nlp.transcripts.closings.before_sign_off`)."""
    rest = (
        "Um, just, look after the managers. Everyone talks about staff wellbeing, but nobody asks "
        "the manager how they are."
    )
    assert_read_as(tiny_model, f"{rest} Anyway. Sorry. Thank you.", rest, "IS.E.1")


def test_the_packaged_model_reads_a_closing_statement_and_not_a_closing_formula() -> None:
    """An answer to "Is there anything else you'd like to add?" that says something and ends with
    thanks or an apology is no longer procedural talk: the tester's P04:0031 (s50 wholeint; it
    was, so it was in neither the open-coding queue nor the small talk) fits no code, and three
    more wordings are coded. The closing formulas, thanks or a goodbye after them, a line come
    back with thanks, and leave-taking before a goodbye stay procedural."""
    result = AutoCoder.load().code(DATA.parent / "closings" / "closing_statements.txt")
    got = [
        (s.segment.text[:24], s.procedural, s.novel, s.off_topic)
        + ((None,) if s.procedural else (s.suggestions[0].code_id,))
        for s in result.segments
    ]
    assert got == [
        # its top code (hidden: it fits no code) was IS.E.1 with question_temperature 0.5;
        # IS.C with 0.58 (session 86), the question model's weight acting on tempered values
        ("Um, just, look after the", False, True, False, "IS.C"),
        ("Just that the managers n", False, False, False, "IS.E.2"),
        ("Only that I wish head of", False, False, False, "IS.A"),
        ("Um, please listen to the", False, False, False, "CI.E"),
        ("No, I think that's every", True, False, False, None),
        ("No, that's all, thank yo", True, False, False, None),
        ("Not that I can think of.", True, False, False, None),
        ("Yes, I can hear you now,", True, False, False, None),
        ("Right, I'd better go, I'", True, False, False, None),
    ]


def test_an_answer_said_again_after_a_repair_is_read_from_what_it_says_again(
    tiny_model: AutoCoder,
) -> None:
    """ "Oh sorry." pulled the tester's P26 line to procedural talk (session 38): the segment
    keeps its words; the model reads it from "I said" on, in code, suggest and evaluate alike
    (:func:`~roqa_nlp.transcripts.repairs.restated_after_repair`)."""
    said = "Oh sorry. I said recovery isn't measured, so it doesn't get done."
    rest = "I said recovery isn't measured, so it doesn't get done."
    assert_read_as(tiny_model, said, rest, "IS.D.5")


def test_an_answer_said_again_with_nothing_of_its_own_is_procedural_talk(
    tiny_model: AutoCoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Oh sorry, can you hear me now? I said that's the main thing for us." was coded INS.G at
    0.80 and quoted as three participants' only Relative Priority evidence (s69 seed13): what it
    means was said before the line cut out. Procedural talk in code, suggest and evaluate, as a
    closing formula is, even when the model reads a code at 0.71; one that says the thing again
    is the model's say."""
    read_as_a_code_at_071(monkeypatch)
    said = "Oh sorry, can you hear me now? I said that's the main thing for us."
    (s,) = tiny_model.code(one_turn(said)).segments
    assert (s.procedural, s.novel, s.for_open_coding) == (True, False, False)
    (flags,) = tiny_model.fits_no_code(said)
    assert (flags["procedural"], flags["novel"]) == (True, False)
    content = "Oh sorry, can you hear me now? I said the staffing is the main thing for us."
    (coded,) = tiny_model.code(one_turn(content)).segments
    assert (coded.procedural, coded.novel) == (False, False)


@pytest.mark.parametrize(
    "said",
    ["It's a pleasure. I've been looking forward to it actually.",
     "Sorry about the cat. Okay, she's gone now.", "No problem at all, glad to help. Bye now."],
)  # fmt: skip
def test_a_participants_courtesies_alone_are_procedural_talk(
    tiny_model: AutoCoder, monkeypatch: pytest.MonkeyPatch, said: str
) -> None:
    """ "It's a pleasure. I've been looking forward to it actually." was charted as Motivation at
    0.40, sure, by the packaged model (s69 seed13, defect 3). Procedural talk in code, suggest
    and evaluate, as a closing formula is, even when the model reads a code at 0.71; courtesies
    with a word of the work are the model's say."""
    read_as_a_code_at_071(monkeypatch)
    (s,) = tiny_model.code(one_turn(said)).segments
    assert (s.procedural, s.novel, s.for_open_coding) == (True, False, False)
    (flags,) = tiny_model.fits_no_code(said)
    assert (flags["procedural"], flags["novel"]) == (True, False)
    (p,) = tiny_model.evaluate([{"text": said, "construct": "IS.E"}], predictions=True)[
        "predictions"
    ]
    assert p["procedural"] is True
    content = "Thank you. The training budget was the real barrier."
    (coded,) = tiny_model.code(one_turn(content)).segments
    assert (coded.procedural, coded.novel) == (False, False)


def test_a_yes_with_courtesies_is_the_models_to_read(
    tiny_model: AutoCoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Did the board back the recovery training?" "Yes, thank you.": the yes answers it, so
    the turn is not set aside whatever the model reads, as "Yes." alone is not (s70 courtesy2)."""
    import roqa_nlp.autocoder as autocoder

    def as_a_model_coding_it(p, procedural, aside, alpha, top=0.0, *, said_nothing=False):  # type: ignore[no-untyped-def]
        return segment_flags(p, 0, aside, alpha, 0.71, said_nothing=said_nothing)

    monkeypatch.setattr(autocoder, "segment_flags", as_a_model_coding_it)
    for said in ("Yes, thank you.", "Yeah, thanks."):
        (s,) = tiny_model.code(one_turn(said)).segments
        assert (s.procedural, s.novel) == (False, False)


def test_an_answer_after_a_participants_courtesies_is_read_from_it(tiny_model: AutoCoder) -> None:
    """The packaged model set "Sorry about the dog. The biggest problem is the paperwork." aside
    as procedural talk (s70 courtesy battery); it reads it from "The biggest" on."""
    said = "Sorry about the dog. The biggest problem is the paperwork."
    assert_read_as(tiny_model, said, "The biggest problem is the paperwork.", "OS.A")


def test_the_packaged_model_codes_an_answer_said_again_after_a_repair() -> None:
    """The tester's P26 exchange: the answer said again after "Sorry, you froze there for a
    second." was set aside as procedural talk, and so was the one after "You froze, could you say
    that again?"; both are coded now (Goals & Feedback, the question before as context), while
    the participant's own repair talk stays procedural."""
    result = AutoCoder.load().code(DATA.parent / "repairs" / "restated_after_repair.txt")
    got = [
        (s.segment.text[:24], s.segment.context[:24], s.procedural, s.novel)
        + ((None,) if s.procedural else (s.suggestions[0].code_id,))
        for s in result.segments
    ]
    assert got == [
        ("We get a monthly KPI rep", "Do you get feedback on h", False, False, "IS.D.5"),
        ("Oh sorry. I said recover", "Do you get feedback on h", False, False, "IS.D.5"),
        ("Sorry, can you hear me n", "Who reads the report?", True, False, None),
        ("Sorry, I think I froze. ", "Who reads the report?", True, False, None),
        ("Oh, sorry, the wifi in t", "Who reads the report?", False, False, "IS.E.1"),  # Leadership
    ]


def test_small_talk_fits_no_code_and_is_set_aside_as_off_topic(tiny_model: AutoCoder) -> None:
    said = "We went on holiday to Wales and it rained every single day, the tent leaked."
    (s,) = tiny_model.code(one_turn(said)).segments
    assert (s.novel, s.procedural, s.off_topic) == (True, False, True)


def test_result_meta_names_the_model(tiny_model: AutoCoder, coded) -> None:
    assert coded.meta["model"] == tiny_model.model_summary()
    assert coded.meta["model"]["embedding_weights_sha256"] == DEFAULT_WEIGHTS_SHA256
    assert coded.meta["params"]["alpha"] == 0.1
    # torch has no built backend, so no backend card's hash
    backend = {k: v for k, v in coded.meta["model"].items() if k.startswith("embedding_backend")}
    assert backend == {
        "embedding_backend": "torch",
        "embedding_backend_kind": "torch",
        "embedding_backend_sha256": None,
    }


def test_two_transcripts_with_one_id_are_a_user_error(tiny_model: AutoCoder) -> None:
    with pytest.raises(RoqaError, match="two transcripts share the id 'p01_test'"):
        tiny_model.code([conversation(), conversation()])


def test_evaluate_returns_every_documented_metric(tiny_model: AutoCoder) -> None:
    m = tiny_model.evaluate(DATA / "tiny_labelled.jsonl")
    assert (m["n"], m["n_coded"], m["n_none"], m["alpha"]) == (7, 5, 2, 0.1)
    assert (m["construct_top1"], m["domain_accuracy"], m["novel_recall"]) == (1.0, 1.0, 1.0)
    assert 0.0 <= m["ece"] <= 1.0


def test_evaluate_flags_novel_talk_as_fits_no_code_does(tiny_model: AutoCoder, tmp_path) -> None:
    """Procedural talk is never novel in roqa code and suggest: evaluate's ``novel`` flag is
    theirs (it counted every p-value below alpha), and novelty recall counts what they set
    aside, novel or procedural."""
    records = [
        {"text": "Hello, can you hear me? Sorry, you broke up a bit there.", "construct": "NONE"},
        {"text": "Thank you for having me, shall I turn my camera on?", "construct": "NONE"},
        {"text": "My dog Biscuit loves the beach in the summer.", "construct": "NONE"},
        {"text": "We have no money for agency staff to cover training.", "construct": "IS.E.2"},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    m = tiny_model.evaluate(path, predictions=True)
    flags = tiny_model.fits_no_code([r["text"] for r in records])
    assert [p["novel"] for p in m["predictions"]] == [f["novel"] for f in flags]
    assert [p["procedural"] for p in m["predictions"]] == [f["procedural"] for f in flags]
    assert m["novel_recall"] == sum(f["novel"] or f["procedural"] for f in flags[:3]) / 3
    assert m["false_novel_rate"] == float(flags[3]["novel"] or flags[3]["procedural"])
    assert any(f["procedural"] for f in flags)  # the case this is about is among them


# -- persistence --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def loaded(tiny_model_dir: Path, embedder: Embedder) -> AutoCoder:
    return AutoCoder.load(tiny_model_dir, embedder=embedder)


@pytest.mark.parametrize("held", ["run.json", "codings.jsonl"])
def test_saving_a_model_into_a_coding_output_folder_is_refused(
    tiny_model: AutoCoder, tmp_path: Path, held: str
) -> None:
    """ac.save("coded/") put 13 model files beside codings.jsonl, silently (s58 api tester):
    ac.save and result.save are easily confused, and roqa train --out refuses such a folder."""
    coded = tmp_path / "coded"
    coded.mkdir()
    (coded / held).write_text("{}\n", "utf-8")
    with pytest.raises(ValueError) as exc:
        tiny_model.save(coded)
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        f"{coded}: is a roqa coding output folder (it holds {held}): ac.save() writes a model, "
        "whose files would go in among the codings (give ac.save() a new folder for the model, "
        "e.g. ac.save('models/r2'); result.save() saves codings)"
    )
    assert [f.name for f in coded.iterdir()] == [held]


def test_a_model_folder_holding_a_stray_codings_file_is_saved_into_again(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    """Regression hunt, session 58: once a codings.jsonl lay in a model's folder, saving the
    model there again was refused as saving into a coding output folder."""
    models = tmp_path / "models"
    tiny_model.save(models)
    (models / "codings.jsonl").write_text("{}\n", "utf-8")
    tiny_model.save(models)
    assert AutoCoder.load(models).suggest(TEXTS) == tiny_model.suggest(TEXTS)


def test_save_then_load_gives_identical_suggestions(tiny_model: AutoCoder, loaded) -> None:
    assert loaded.suggest(TEXTS) == tiny_model.suggest(TEXTS)


def test_save_then_load_codes_a_transcript_identically(loaded, coded) -> None:
    assert loaded.code(conversation(), top_k=3) == coded


def test_loaded_model_keeps_params_codebook_and_calibration(
    tiny_model: AutoCoder, loaded: AutoCoder
) -> None:
    assert loaded.params == tiny_model.params
    assert loaded.codebook.hash == tiny_model.codebook.hash
    assert loaded.novelty is not None and tiny_model.novelty is not None
    np.testing.assert_array_equal(
        loaded.novelty.calibration_scores_, tiny_model.novelty.calibration_scores_
    )


def test_model_dir_holds_only_safetensors_and_json(tiny_model_dir: Path) -> None:
    assert sorted(p.name for p in tiny_model_dir.iterdir()) == MODEL_FILES
    for p in tiny_model_dir.iterdir():
        data = p.read_bytes()
        assert not data.startswith(b"\x80"), f"{p.name} looks like a pickle"
        if p.suffix == ".safetensors":
            header_len = int.from_bytes(data[:8], "little")
            json.loads(data[8 : 8 + header_len])  # a safetensors JSON header
        elif p.suffix == ".json":
            json.loads(data)
        else:
            [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_loading_never_unpickles(
    tiny_model_dir: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("unpickling attempted")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)
    monkeypatch.setattr(np, "load", refuse)
    ac = AutoCoder.load(tiny_model_dir, embedder=embedder)
    assert ac.suggest(TEXTS[0])[0][0].code_id == "IS.E.2"


@pytest.mark.parametrize(
    "name",
    [
        "classifier.safetensors",
        "novelty.safetensors",
        "evidence.safetensors",
        "lexical.safetensors",
    ],
)
def test_one_altered_byte_in_an_array_file_is_refused(
    name: str, tiny_model_dir: Path, embedder: Embedder, tmp_path: Path
) -> None:
    d = copy_model(tiny_model_dir, tmp_path)
    flip_byte(d / name, -3)  # inside the array data, the header stays valid
    with pytest.raises(RoqaError) as exc:
        AutoCoder.load(d, embedder=embedder)
    assert "does not match its model card" in one_line_error_naming(exc, d / name)


@pytest.mark.parametrize("name", ["codebook.json", "evidence.jsonl"])
def test_one_altered_byte_in_a_json_file_is_refused(
    name: str, tiny_model_dir: Path, embedder: Embedder, tmp_path: Path
) -> None:
    d = copy_model(tiny_model_dir, tmp_path)
    text = (d / name).read_text("utf-8")
    offset = text.index("Intervention Source" if name == "codebook.json" else "staff") + 1
    flip_byte(d / name, offset)  # still valid JSON: a changed letter in a name or text
    with pytest.raises(RoqaError) as exc:
        AutoCoder.load(d, embedder=embedder)
    one_line_error_naming(exc, d / name)


def edit_card(d: Path, old: str, new: str) -> None:
    card = d / "model_card.json"
    text = card.read_text("utf-8")
    assert text.count(old) == 1, old
    card.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"IS.B",\n      "IS.E.2"', '"IS.C",\n      "IS.E.2"'),  # a class column renamed
        ('"alpha": 0.1,\n    "novelty_score"', '"alpha": 0.9,\n    "novelty_score"'),
        ('"temperature": ', '"temperature": 1'),
        ('"library": "roqa_nlp"', '"library": "roqa_nlq"'),
    ],
)
def test_any_edit_of_the_model_card_is_refused(
    old: str, new: str, tiny_model_dir: Path, embedder: Embedder, tmp_path: Path
) -> None:
    d = copy_model(tiny_model_dir, tmp_path)
    edit_card(d, old, new)
    with pytest.raises(RoqaError) as exc:
        AutoCoder.load(d, embedder=embedder)
    assert "the model card was altered" in one_line_error_naming(exc, d / "model_card.json")


def test_a_model_card_that_is_not_json_is_refused(
    tiny_model_dir: Path, embedder: Embedder, tmp_path: Path
) -> None:
    d = copy_model(tiny_model_dir, tmp_path)
    flip_byte(d / "model_card.json", 0)  # "{" -> "z"
    with pytest.raises(RoqaError) as exc:
        AutoCoder.load(d, embedder=embedder)
    assert "the model card is not valid" in one_line_error_naming(exc, d / "model_card.json")


def test_a_missing_model_file_is_refused(
    tiny_model_dir: Path, embedder: Embedder, tmp_path: Path
) -> None:
    d = copy_model(tiny_model_dir, tmp_path)
    (d / "novelty.safetensors").unlink()
    with pytest.raises(RoqaError) as exc:
        AutoCoder.load(d, embedder=embedder)
    assert "model file missing" in one_line_error_naming(exc, d / "novelty.safetensors")


def test_a_folder_without_a_model_card_is_not_a_model(tmp_path: Path) -> None:
    with pytest.raises(RoqaError) as exc:
        AutoCoder.load(tmp_path)
    assert "not a model directory" in one_line_error_naming(exc, tmp_path)


def test_an_embedder_with_other_weights_is_refused(tiny_model_dir: Path, tmp_path: Path) -> None:
    other = Embedder(tmp_path / "other-model", cache=False)
    other._hash = "0" * 64  # what weights_hash would compute for a different model
    with pytest.raises(RoqaError) as exc:
        AutoCoder.load(tiny_model_dir, embedder=other)
    assert "weights differ" in one_line_error_naming(exc, tmp_path / "other-model")


# -- update with the researcher's decisions -----------------------------------------------------

DECISIONS = (
    "segment_id,decision,code_id,new_code,text\n"
    "p02:0001,new-code,,COVID-19 disruption,The covid outbreak closed the home for a month.\n"
    "p02:0002,new-code,,COVID-19 disruption,Half the team were off sick with covid at once.\n"
    "p02:0003,new-code,,COVID-19 disruption,Lockdown stopped all visits and covid testing took "
    "over.\n"
    "p02:0004,accept,IS.E.2,,There was never enough money for extra shifts.\n"
    "p02:0005,reject,OS.D,,I like walking by the canal on my days off.\n"
    "p02:0005,reject,IC.H,,I like walking by the canal on my days off.\n"
    "p02:0005,reject,IS.C,,I like walking by the canal on my days off.\n"
)


@pytest.fixture(scope="module")
def updated(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path_factory: pytest.TempPathFactory
) -> tuple[AutoCoder, Path, Path]:
    work = tmp_path_factory.mktemp("update")
    decisions = work / "decisions.csv"
    decisions.write_text(DECISIONS, encoding="utf-8")
    ac = AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)
    return ac, decisions, ac.save(work / "model")


def test_update_adds_the_new_code_to_a_project_codebook(updated) -> None:
    ac, _, _ = updated
    assert ac.codebook.id == "cfir-2009+project"
    assert ac.codebook.resolve("project.covid-19-disruption").name == "COVID-19 disruption"
    assert "project.covid-19-disruption" in ac.card["classes"]


def test_a_new_code_taught_by_decisions_alone_is_one_the_word_model_cannot_read(
    updated, embedder: Embedder, tiny_model: AutoCoder
) -> None:
    """s54: the word model is kept from the decided segments' words, so its probability for a
    review's new code is no judgement; the combination takes the embedding's for it
    (roqa_nlp.lexical.words_completed), and the model saves and loads the codes it cannot read.
    A model without new codes has none, and saves its word model as before."""
    ac, _, model_dir = updated
    new = ["project.covid-19-disruption"]
    assert ac._lexical is not None and ac._lexical.silent_classes_ == new
    assert json.loads((model_dir / "lexical.json").read_text("utf-8"))["silent_classes"] == new
    loaded = AutoCoder.load(model_dir, embedder=embedder)._lexical
    assert loaded is not None and loaded.silent_classes_ == new
    assert tiny_model._lexical is not None and tiny_model._lexical.silent_classes_ == []
    assert "silent_classes" not in tiny_model._lexical.state()


def test_a_model_retrained_before_the_word_model_named_its_silent_codes_reads_its_new_codes(
    updated, embedder: Embedder, tiny_model_dir: Path, tmp_path: Path
) -> None:
    """A model retrained on decisions whose lexical.json does not say which codes its word model
    cannot read (saved before it did): its review's new codes, which the decisions alone taught
    (s54 tester's models/study). A model trained without decisions: none."""
    from roqa_nlp.autocoder import CARD, card_sha256, card_text
    from roqa_nlp.io import sha256_bytes

    _, _, model_dir = updated
    model = copy_model(model_dir, tmp_path)
    state = json.loads((model / "lexical.json").read_text("utf-8"))
    del state["silent_classes"]
    data = json.dumps(state, ensure_ascii=False).encode()
    (model / "lexical.json").write_bytes(data)
    card = json.loads((model / CARD).read_text("utf-8"))
    card["files"]["lexical.json"] = sha256_bytes(data)
    card["model_sha256"] = card_sha256(card)
    (model / CARD).write_text(card_text(card), encoding="utf-8")
    lex = AutoCoder.load(model, embedder=embedder)._lexical
    assert lex is not None and lex.silent_classes_ == ["project.covid-19-disruption"]
    plain = AutoCoder.load(tiny_model_dir, embedder=embedder)._lexical
    assert plain is not None and plain.silent_classes_ == []


def test_a_retrained_model_whose_project_code_the_word_model_reads_predicts_the_same_loaded(
    updated, embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    """review2 #3: a model retrained on decisions whose word model reads all its project codes
    (they have written training records) saved no ``silent_classes``, and loading it took every
    ``project.*`` code for silent (the fallback for models saved before the key), so it
    predicted otherwise after save and load. It now records the empty list."""
    from roqa_nlp.training import TrainingSet

    book = updated[0].codebook
    covid = FEEDBACK_TEXTS[:3] + ["Covid cases among residents meant we shut the doors again."]
    written = TrainingSet(
        ids=[f"covid-{i}" for i in range(len(covid))],
        texts=covid,
        codes=[["project.covid-19-disruption"]] * len(covid),
        valences=["barrier"] * len(covid),
        groups=[f"group-{i % 5}" for i in range(len(covid))],
        kinds=["coded"] * len(covid),
        sources=["team-written"] * len(covid),
        contexts=[""] * len(covid),
        hash="tiny-training-set-with-covid",
    )
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        "segment_id,decision,code_id,new_code,text\n"
        "p02:0004,accept,IS.E.2,,There was never enough money for extra shifts.\n",
        encoding="utf-8",
    )
    ac = AutoCoder(book, embedder=embedder).update(
        decisions, training=tiny_training.extend(written)
    )
    assert ac.card.get("feedback") and ac._lexical is not None
    assert "project.covid-19-disruption" in ac._lexical.classes_
    assert ac._lexical.silent_classes_ == []
    model_dir = ac.save(tmp_path / "model")
    assert json.loads((model_dir / "lexical.json").read_text("utf-8"))["silent_classes"] == []
    loaded = AutoCoder.load(model_dir, embedder=embedder)
    assert loaded._lexical is not None and loaded._lexical.silent_classes_ == []
    texts = ["Covid closed the home and half the staff were off sick.", FEEDBACK_TEXTS[3]]

    def ranked(model: AutoCoder) -> list[list[tuple[str, float]]]:
        return [[(s.code_id, s.probability) for s in row] for row in model.suggest(texts, top_k=8)]

    assert ranked(loaded) == ranked(ac)


FEEDBACK_TEXTS = [
    "The covid outbreak closed the home for a month.",
    "Half the team were off sick with covid at once.",
    "Lockdown stopped all visits and covid testing took over.",
    "There was never enough money for extra shifts.",
    "I like walking by the canal on my days off.",
]


def test_evaluating_on_the_feedback_texts_warns_that_the_figures_are_not_held_out(
    updated,
) -> None:
    # s47 tester: update() on decisions holding the gold texts, then evaluate() on them: 1.000
    # everywhere, with no note
    ac, _, _ = updated
    records = [
        {"text": FEEDBACK_TEXTS[3], "construct": "IS.E.2"},
        {"text": FEEDBACK_TEXTS[4], "construct": "NONE"},
        {"text": "Our manager always backs the team.", "construct": "IS.C"},
    ]
    with pytest.warns(RoqaWarning, match=r"^2 of 3 records are in this model's feedback") as w:
        metrics = ac.evaluate(records)
    assert metrics["n_in_feedback"] == 2
    # s64 api tester: it named autocoder.py's line, not the researcher's
    assert [Path(x.filename).name for x in w] == ["test_autocoder.py"]
    # s82 api tester: with none in the feedback the key was left out (a KeyError), though
    # docs/python.md says evaluate counts them in n_in_feedback
    with warnings.catch_warnings():
        warnings.simplefilter("error", RoqaWarning)
        held_out = ac.evaluate(records[2:])
    assert held_out["n_in_feedback"] == 0


def test_updates_warning_of_a_new_code_on_few_segments_names_the_researchers_line(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    """s64 api tester: update()'s warning of a new code on fewer than 3 decided segments named
    autocoder.py's line, not the researcher's, as the params warnings do; so did those of the
    fit() it makes."""
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("\n".join(DECISIONS.splitlines()[:2] + DECISIONS.splitlines()[4:]))
    ac = AutoCoder("cfir-2009", embedder=embedder)
    with pytest.warns(RoqaWarning, match=r"new code .* is on 1 decided segment only") as w:
        ac.update(decisions, training=tiny_training)
    said = [x for x in w if "decided segment only" in str(x.message)]
    assert [Path(x.filename).name for x in said] == ["test_autocoder.py"]
    # and so do the warnings of the fit() it makes (valence: only 30 of 36 coded records ...)
    assert {Path(x.filename).name for x in w} == {"test_autocoder.py"} and len(w) > 2


def test_update_records_the_decisions_in_the_model_card(
    updated, tiny_training: TrainingSet
) -> None:
    ac, decisions, _ = updated
    assert ac.card["feedback"] == {
        "base_training_data_sha256": tiny_training.hash,
        "decisions_sha256": hashlib.sha256(decisions.read_bytes()).hexdigest(),
        "decisions_files": [
            {
                # a path outside the folder trained from: its name alone (privacy, s67)
                "name": decisions.name,
                "sha256": hashlib.sha256(decisions.read_bytes()).hexdigest(),
                "n_decisions": 7,
                # the texts learnt that it decided (hunt s64 loop2: the round check's charge)
                "text_sha256": text_hashes(FEEDBACK_TEXTS),
            }
        ],
        "n_decisions": 7,
        "by_decision": {"accept": 1, "new-code": 3, "reject": 3},
        "n_examples": 5,
        "text_sha256": text_hashes(FEEDBACK_TEXTS),
        # what was decided on the coded examples, by their hashes (no valence of the researcher's)
        "decided": {
            **{
                text_hashes([t])[0]: [["project.covid-19-disruption"], ""]
                for t in FEEDBACK_TEXTS[:3]
            },
            text_hashes(FEEDBACK_TEXTS[3:4])[0]: [["IS.E.2"], ""],
        },
        "examples_by_kind": {"coded": 4, "rejected": 1},
        "decisions_by_kind": {"rejected": 3},
        "codes_by_decision": {"accept": 1, "new-code": 3},
        "n_records": 15,
        "n_without_valence": 4,
        # the canal segment's rejections of OS.D, IC.H and IS.C: OS.D kept (the tiny model has no
        # class for the others, so never suggests them)
        "n_rejections_kept": 1,
        "n_left_out": 0,
        "left_out": {},
        "codings": [],
        "weight": 3,
        "new_codes": ["project.covid-19-disruption"],
        "new_codes_created": ["project.covid-19-disruption"],
        # none of its segments was given a valence: suggested neutral (daily14, s84)
        "new_codes_without_valence": ["project.covid-19-disruption"],
    }
    # Each decided segment counts three times: 40 + 3 x 5 records, of which 3 x 1 fit no code.
    assert ac.card["training_data"]["n_records"] == 55
    assert ac.card["training_data"]["n_none"] == 13


def test_the_base_training_data_hash_does_not_change_with_the_codes_the_decisions_make(
    embedder: Embedder, cfir2009: Codebook, tmp_path: Path
) -> None:
    """feedback.base_training_data_sha256 identifies the written training data alone: what
    roqa train without decisions records for it. A model whose decisions made a new code
    recorded another hash (the new code's definition hashed in, s41 repro, 7), so two models
    trained on the same training_data/ could not be seen to share it."""
    from roqa_nlp.training import load_training_set

    data = tmp_path / "training"
    data.mkdir()
    shutil.copy(DATA / "tiny_training.jsonl", data / "tiny_training.jsonl")
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(DECISIONS, encoding="utf-8")
    ac = AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=data)
    assert ac.card["feedback"]["new_codes"] == ["project.covid-19-disruption"]
    written = load_training_set(data, cfir2009).hash
    assert written != load_training_set(data, ac.codebook).hash  # what was recorded before
    assert ac.card["feedback"]["base_training_data_sha256"] == written


def test_update_takes_base_training_records_as_fit_does(
    embedder: Embedder, cfir2009: Codebook, tmp_path: Path
) -> None:
    """update(training=[{...}]) failed with "expected str, bytes or os.PathLike object, not
    list" (s58 api tester), though fit and evaluate take a list of dicts: it takes the base
    training data as fit does, and records the list's hash as fit(records) reads it."""
    from roqa_nlp.training import as_training_set

    path = DATA / "tiny_training.jsonl"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(DECISIONS, encoding="utf-8")
    ac = AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=records)
    assert ac.card["feedback"]["base_training_data_sha256"] == (
        as_training_set(records, cfir2009).hash
    )
    assert ac.card["feedback"]["new_codes"] == ["project.covid-19-disruption"]
    with pytest.raises(TypeError, match="^training data of type int is not supported"):
        AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=5)  # type: ignore[arg-type]


def test_the_texts_of_suggest_and_fits_no_code_are_hinted_as_any_iterable() -> None:
    """A generator, a numpy array and a pandas Series of texts work; the hints said
    Sequence[str], so mypy refused them (s58 api tester)."""
    import inspect

    for method in (AutoCoder.suggest, AutoCoder.fits_no_code, AutoCoder.suggest_and_flag):
        assert inspect.signature(method).parameters["texts"].annotation == "str | Iterable[str]"
    hint = inspect.signature(AutoCoder.update).parameters["training"].annotation
    assert "Sequence[dict[str, Any]]" in hint


SHIFTS_TWICE = (
    "segment_id,decision,code_id,new_code,text\n"
    "p02:0004,accept,IS.E.2,,There was never enough money for extra shifts.\n"
    "p02:0004,accept,OS.D,,There was never enough money for extra shifts.\n"
    "p02:0004,new-code,,Agency staff,There was never enough money for extra shifts.\n"
    "p02:0005,reject,OS.D,,I like walking by the canal on my days off.\n"
    "p02:0005,reject,IC.H,,I like walking by the canal on my days off.\n"
    "p02:0005,reject,IS.C,,I like walking by the canal on my days off.\n"
)


def test_the_card_counts_examples_by_kind_and_the_codes_of_coded_examples_by_decision(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    """Tester (session 35): a segment given three codes (two accepted, one new) counted once
    under each decision in the card's ``examples``, which summed to 4 for ``n_examples`` 2.
    ``examples_by_kind`` counts the examples (decided segments) and sums to ``n_examples``;
    ``codes_by_decision`` counts the codes the coded examples are trained with, each under
    the decision that gave it."""
    from roqa_nlp.decisions import feedback_summary

    decisions = tmp_path / "decisions.csv"
    decisions.write_text(SHIFTS_TWICE, encoding="utf-8")
    ac = AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)
    fb = ac.card["feedback"]
    assert (fb["n_decisions"], fb["n_examples"], fb["n_records"]) == (6, 2, 6)
    assert fb["examples_by_kind"] == {"coded": 1, "rejected": 1}
    assert fb["codes_by_decision"] == {"accept": 2, "new-code": 1}
    # the rows behind the examples that are not coded (tester cfir2ui, s63: the parts of the
    # line, "1 fit no code" for three rejections, added up to 4 of the 6 decisions)
    assert fb["decisions_by_kind"] == {"rejected": 3}
    assert "examples" not in fb  # the key that mixed the two counts
    assert feedback_summary(fb).startswith(
        "feedback: 2 examples from 6 decisions (2 accepted, 1 new-code (1 new code created), 1 "
        "fit no code (from 3 decisions); the 1 coded example is given 3 codes), each example a decided text (one for the same words in several segments) "
        "counted 3 times (--feedback-weight): 6 training records; "
    )


VALENCE_ROWS = (
    "segment_id,decision,code_id,new_code,note,text,valence\n"
    "s:01,accept,IS.E.2,,,There was never enough money for extra shifts.,\n"
    "s:02,valence,,,,My cat sleeps on the keyboard.,barrier\n"
    "s:02,reject,OS.D,,,My cat sleeps on the keyboard.,\n"
    "s:02,reject,IC.H,,,My cat sleeps on the keyboard.,\n"
    "s:02,reject,IS.C,,,My cat sleeps on the keyboard.,\n"
    "s:03,valence,,,,I had toast for breakfast.,enabler\n"
    "s:03,valence,,,,I had toast for breakfast.,barrier\n"
    "s:03,no-code,,,,I had toast for breakfast.,\n"
    "s:14,accept,CI.A,,,Staff did not believe the model would work here.,\n"
    "s:14,valence,CI.A,,,Staff did not believe the model would work here.,barrier\n"
    "s:15,reject,OS.D,,,Hang on let me close the window.,neutral\n"
    "s:15,reject,IC.H,,,Hang on let me close the window.,\n"
    "s:15,reject,IS.C,,,Hang on let me close the window.,\n"
)


def test_every_valence_row_lands_in_one_part_of_the_feedback_line(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    """Regression hunter (s63): two valence rows on an uncoded segment read as "1 valence
    correction" with none on a coded one (R1), and a reject row carrying a valence was counted
    among the rejections and again as a valence-only example (D3). Each of the 13 rows is now in
    one part: 2 accepts, 1 valence row on a coded segment, 7 rows behind the 3 examples that fit
    no code, 3 valence rows behind 2 of the 3 valence-only examples; s:15's valence, given on a
    rejection, is learnt, its example said to be by another decision's row (s64, D1)."""
    from roqa_nlp.decisions import feedback_summary

    decisions = tmp_path / "decisions.csv"
    decisions.write_text(VALENCE_ROWS, encoding="utf-8")
    ac = AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)
    fb = ac.card["feedback"]
    assert fb["examples_by_kind"] == {"coded": 2, "rejected": 3, "valence-only": 3}
    assert fb["decisions_by_kind"] == {"rejected": 7, "valence-only": 3, "valence": 1}
    assert fb["n_valence_only_without_valence_row"] == 1  # s:15's
    assert feedback_summary(fb).startswith(
        "feedback: 8 examples from 13 decisions (2 accepted, 1 valence correction, 3 fit no code "
        "(from 7 decisions), 3 valence only (2 from 3 valence rows, 1 by the valence written on "
        "its rejection or no-code row)), each example a decided text "
        "(one for the same words in several segments) counted 3 times (--feedback-weight): 24 "
        # OS.D rejected on s:02 and s:15 (the tiny model has no class for IC.H and IS.C)
        "training records; 0 left out; 2 rejected codes kept with their segments: not suggested "
        "there again, and less on talk read much like them; codings: none (no model valence or "
        "questions, 3 "
        "suggestions assumed shown); valence: the researcher's on 4 examples (3 valence only, for "
        "the valence head alone)"
    )


def test_the_summary_of_a_card_written_before_examples_by_kind_reads_its_examples() -> None:
    """A card of an earlier version counts codes and kinds in one ``examples``: its line is the
    one a card of this version gives for the same decisions."""
    from roqa_nlp.decisions import feedback_summary

    common = {
        "n_decisions": 6,
        "n_examples": 2,
        "n_records": 6,
        "weight": 3,
        "left_out": {},
        "codings": [],
        "new_codes_created": ["project.agency-staff"],
    }
    old = {**common, "examples": {"accept": 2, "new-code": 1, "rejected": 1}}
    new = {
        **common,
        "examples_by_kind": {"coded": 1, "rejected": 1},
        "codes_by_decision": {"accept": 2, "new-code": 1},
    }
    assert (
        feedback_summary(old)
        == feedback_summary(new)
        == (
            "feedback: 2 examples from 6 decisions (2 accepted, 1 new-code (1 new code created), 1 "
            "fit no code; the 1 coded example is given 3 codes), each example a decided text (one for the same words in several segments) "
            "counted 3 times (--feedback-weight): 6 training records; 0 left out; codings: none (no "
            "model valence or questions, 3 suggestions assumed shown)"
        )
    )


@pytest.mark.parametrize(
    ("weight", "error"),
    [(0, ValueError), (-1, ValueError), (2.5, TypeError), (True, TypeError), ("3", TypeError)],
)
def test_a_feedback_weight_below_one_is_a_one_line_error(
    embedder: Embedder, tmp_path: Path, weight: Any, error: type[Exception]
) -> None:
    """update(weight=0) trained with weight 1 and recorded 0 in the model card; a weight below 1
    is a ValueError, one that is not a whole number a TypeError (s50 api tester: both were a
    bare RoqaError, which ``except ValueError`` did not catch)."""
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(DECISIONS, encoding="utf-8")
    with pytest.raises(error) as exc:
        AutoCoder("cfir-2009", embedder=embedder).update(decisions, weight=weight)
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        f"the feedback weight must be a whole number of at least 1, not {weight!r} "
        "(1 counts each decided segment once, like a training record)"
    )


def test_decisions_files_mixed_with_decisions_or_too_many_codings_are_type_and_value_errors(
    embedder: Embedder, tmp_path: Path
) -> None:
    """A list mixing a file and a Decision is a TypeError, one codings per decisions file given
    twice a ValueError: both as docs/python.md "Errors" says (s50 api tester)."""
    from roqa_nlp.decisions import Decision

    decisions = tmp_path / "decisions.csv"
    decisions.write_text(DECISIONS, encoding="utf-8")
    ac = AutoCoder("cfir-2009", embedder=embedder)
    mixed = [decisions, Decision("p02:0004", "accept", "IS.E.2", text=SHIFTS)]
    with pytest.raises(TypeError) as exc:
        ac.update(mixed)  # type: ignore[arg-type]
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value) == (
        "decisions are files or Decision objects, not a mix "
        "(give decisions files, or a list of Decision)"
    )
    with pytest.raises(ValueError) as exc:
        ac.update(decisions, codings=[tmp_path / "a.jsonl", tmp_path / "b.jsonl"])
    assert isinstance(exc.value, RoqaError)
    assert str(exc.value).startswith("2 codings for 1 decisions files")


def test_decisions_that_give_no_example_are_a_one_line_error_before_training(
    embedder: Embedder, tmp_path: Path
) -> None:
    """Rejections alone were such decisions until session 85: now the model keeps the codes
    rejected (tests/test_rejected_codes.py); a note alone still decides nothing."""
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        "segment_id,decision,code_id,note,text\ns:1,note,,check later,a\n", encoding="utf-8"
    )
    ac = AutoCoder("cfir-2009", embedder=embedder)
    with pytest.raises(RoqaError) as exc:
        ac.update(decisions, training=tmp_path / "missing")  # never read: nothing to learn
    assert str(exc.value) == (
        f"{decisions}: the decisions give no training example (its one row is a note, which "
        "trains nothing) (nothing to learn: accept, recode or reject suggestions, or name new "
        "codes)"
    )


def test_rounds_of_decisions_are_trained_together(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    """Round 2 recodes to the project code round 1 created; both files are recorded."""
    r0, r1 = tmp_path / "r0.csv", tmp_path / "r1.csv"
    r0.write_text(DECISIONS, encoding="utf-8")
    r1.write_text(
        "segment_id,decision,code_id,new_code,text\n"
        "p03:0001,recode,project.covid-19-disruption,,Everyone was isolating in their rooms.\n"
        "p02:0004,reject,IS.E.2,,There was never enough money for extra shifts.\n",
        encoding="utf-8",
    )
    ac = AutoCoder("cfir-2009", embedder=embedder).update([r0, r1], training=tiny_training)
    fb = ac.card["feedback"]
    # outside the folder trained from, with no codings: by name (privacy, s67)
    assert [f["name"] for f in fb["decisions_files"]] == ["r0.csv", "r1.csv"]
    assert [f["n_decisions"] for f in fb["decisions_files"]] == [7, 2]
    # the texts learnt that each file decided: r0.csv's accept on the money, replaced, is not
    # learnt (hunt s64 loop2: the round check charges a changed file with its own segments)
    assert [f["text_sha256"] for f in fb["decisions_files"]] == [
        text_hashes([*FEEDBACK_TEXTS[:3], FEEDBACK_TEXTS[4]]),
        text_hashes(["Everyone was isolating in their rooms."]),
    ]
    # the later reject of IS.E.2 replaces round 1's accept: that segment is left out
    assert (fb["n_decisions"], fb["n_examples"]) == (9, 5)
    assert fb["examples_by_kind"] == {"coded": 4, "rejected": 1}
    assert fb["codes_by_decision"] == {"recode": 1, "new-code": 3}
    assert fb["left_out"] == {
        "replaced by a later row on the same words and code": 1,
        "rejections short of all the segment's suggestions": 1,
    }
    assert fb["new_codes"] == ["project.covid-19-disruption"]


#: DECISIONS as roqa import reads a QDA review whose project carries roqa's own code for COVID-19
#: disruption (its export of reviewed codings): recodes to the project code, not new-code rows
QDA_RECODES = DECISIONS.replace(
    "new-code,,COVID-19 disruption", "recode,project.covid-19-disruption,"
)


def imported_codebook() -> Codebook:
    """The project codebook roqa import writes beside the decisions of such a review."""
    from roqa_nlp.schema import Code

    covid = Code(
        id="project.covid-19-disruption",
        name="COVID-19 disruption",
        level="code",
        parent=None,
        domain=None,
        codable=True,
        description="Project code created in open coding or review: COVID-19 disruption.",
    )
    return Codebook.load("cfir-2009").with_codes([covid], id="cfir-2009+project")


def test_recodes_to_a_code_of_the_imported_project_codebook_train_as_its_new_code(
    updated, embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    """Tester (session 36): a QDA review imported from a project carrying roqa's GUID for the
    review's new code "COVID-19 disruption" gives `recode,project.covid-19-disruption` rows,
    and training failed "unknown code 'project.covid-19-disruption' (made by an earlier round's
    decisions: give that decisions file too)" though the codebook.json roqa import wrote
    beside them defines it; the same code under a fresh GUID (new-code rows) trained. The
    code is now taken from that codebook: the model is the one the new-code rows give."""
    from roqa_nlp.decisions import feedback_summary

    folder = tmp_path / "qreview"
    (folder / "decisions").mkdir(parents=True)
    imported_codebook().save(folder / "codebook.json")
    decisions = folder / "decisions" / "Researcher.csv"
    decisions.write_text(QDA_RECODES, encoding="utf-8")
    ac = AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)
    by_new_code, _, _ = updated
    assert ac.codebook.id == "cfir-2009+project"
    assert ac.codebook.codes == by_new_code.codebook.codes
    fb = ac.card["feedback"]
    assert fb["by_decision"] == {"accept": 1, "recode": 3, "reject": 3}
    assert fb["new_codes_created"] == fb["new_codes_imported"] == ["project.covid-19-disruption"]
    assert feedback_summary(fb).startswith(
        "feedback: 5 examples from 7 decisions (1 accepted, 3 recoded (1 to new code of the "
        "project codebook), 1 fit no code (from 3 decisions)), "
    )
    text = "Covid swept through the home and everyone was isolating."
    assert ac.suggest(text) == by_new_code.suggest(text)


def test_the_codebook_beside_the_codings_defines_the_project_code_too(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    """roqa import writes OUT/codebook.json and OUT/codings/USER/codings.jsonl: decisions kept
    elsewhere find the code through the codings they are given with."""
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult

    imported_codebook().save(tmp_path / "qreview" / "codebook.json")
    codings = tmp_path / "qreview" / "codings" / "roqa_nlp"
    # one segment the review decided: decisions none of which is on a segment of their codings
    # are refused (session 81 trfix)
    words = "There was never enough money for extra shifts."
    CodingResult(
        segments=[
            SegmentResult(Segment("p02:0004", "p02", "P02", "participant", 0, len(words), words))
        ]
    ).save(codings)
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(QDA_RECODES, encoding="utf-8")
    with pytest.warns(RoqaWarning, match="6 decisions on no segment of the codings"):
        ac = AutoCoder("cfir-2009", embedder=embedder).update(
            decisions, codings=codings / "codings.jsonl", training=tiny_training
        )
    assert ac.codebook.resolve("project.covid-19-disruption").name == "COVID-19 disruption"


def test_segments_whose_every_suggestion_was_rejected_get_a_class_of_their_own(updated) -> None:
    ac, _, _ = updated
    assert {"NONE", "PROCEDURAL", "REJECTED"} <= set(ac.card["classes"])
    # talk like the rejected segment is set aside for open coding, not as small talk
    (s,) = ac.code(
        one_turn("I love walking by the canal on my days off, it clears my head.")
    ).segments
    assert s.novel and not s.off_topic
    (t,) = ac.code(one_turn("We went on holiday to Cornwall and it rained every day.")).segments
    assert t.novel and t.off_topic


def test_updated_model_suggests_the_new_code(updated) -> None:
    ac, _, _ = updated
    top = ac.suggest("Covid swept through the home and everyone was isolating.")[0][0]
    assert (top.code_id, top.name, top.domain) == (
        "project.covid-19-disruption",
        "COVID-19 disruption",
        None,
    )


def test_updated_model_loads_with_its_project_codebook(updated, embedder: Embedder) -> None:
    ac, decisions, path = updated
    back = AutoCoder.load(path, embedder=embedder)
    assert back.codebook.id == "cfir-2009+project"
    assert back.card["feedback"]["decisions_sha256"] == ac.card["feedback"]["decisions_sha256"]
    text = "Covid swept through the home and everyone was isolating."
    assert back.suggest(text) == ac.suggest(text)


def test_codings_of_a_model_with_new_codes_carry_its_codebook_to_the_charts_and_files(
    updated, tmp_path: Path
) -> None:
    """ac.code() then result.save() with a study's retrained model: `roqa report` on the folder
    failed ("codebook 'cfir-2009+project' ... not built in") and barriers_enablers(result)
    needed codebook= (session 27)."""
    from roqa_nlp import barriers_enablers
    from roqa_nlp.result import CodingResult

    ac, _, _ = updated
    f = tmp_path / "p01.txt"
    f.write_text(
        "Interviewer: What got in the way?\n"
        "P01: Covid swept through the home and everyone was isolating.\n",
        encoding="utf-8",
    )
    result = ac.code([f])
    assert result.codebook is ac.codebook and result[:1].codebook is ac.codebook
    table = barriers_enablers(result)  # no codebook= needed
    assert table.construct("project.covid-19-disruption") is not None
    written = result.save(tmp_path / "coded")
    assert written["codebook.json"].is_file()
    back = CodingResult.read(tmp_path / "coded")
    assert barriers_enablers(back).to_dict() == table.to_dict()


# -- the word model beside the embedding classifier ----------------------------------------------


def test_without_the_word_model_codes_rank_by_the_embedding_classifier_alone(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    ac = AutoCoder("cfir-2009", embedder=embedder, params={"lexical_weight": 0.0})
    ac.fit(tiny_training)
    out = ac.save(tmp_path / "model")
    assert not (out / "lexical.json").exists() and not (out / "lexical.safetensors").exists()
    back = AutoCoder.load(out, embedder=embedder)
    assert back._lexical is None
    P = back._predictor.predict_proba(embedder.encode(TEXTS))
    classes = [str(c) for c in back._predictor.classes_]
    for row, sugg in zip(P, back.suggest(TEXTS)):
        ranked = sorted(classes, key=lambda c: -row[classes.index(c)])
        ranked = [c for c in ranked if c not in ("NONE", "PROCEDURAL")]
        assert [s.code_id for s in sugg] == ranked[: len(sugg)]


def test_the_word_model_changes_the_ranking_but_not_the_novelty_flags(
    tiny_model: AutoCoder, embedder: Embedder, tiny_training: TrainingSet
) -> None:
    alone = AutoCoder("cfir-2009", embedder=embedder, params={"lexical_weight": 0.0})
    alone.fit(tiny_training)
    texts = [*TEXTS, "The budget for the new forms ran out and nobody trained us."]
    with_words = tiny_model.code(conversation(), top_k=3)
    without = alone.code(conversation(), top_k=3)
    assert [s.novelty_p for s in with_words.segments] == [s.novelty_p for s in without.segments]
    assert [s.procedural for s in with_words.segments] == [s.procedural for s in without.segments]
    assert tiny_model.suggest(texts) != alone.suggest(texts)


@pytest.mark.parametrize("key", ["lexical_weight", "valence_lexical_weight"])
@pytest.mark.parametrize("w", [-0.1, 1.5, "0.5", None, True])
def test_the_word_model_weight_must_be_a_number_from_0_to_1(key: str, w: object) -> None:
    with pytest.raises(RoqaError) as exc:
        AutoCoder("cfir-2009", params={key: w})
    assert str(exc.value).startswith(f"{key} must be a number from 0 to 1, got {w!r} (weight")


def test_shown_probabilities_are_the_combination_at_its_own_temperature(
    tiny_model: AutoCoder, embedder: Embedder
) -> None:
    from roqa_nlp.lexical import combine

    lex = tiny_model._lexical
    assert lex is not None and lex.temperature_ != 1.0
    assert tiny_model.card["lexical_temperature"] == lex.temperature_
    clf = tiny_model._predictor
    classes = [str(c) for c in clf.classes_]
    log_p = clf.log_probabilities(embedder.encode(TEXTS).astype(np.float64))
    Q = combine(log_p, classes, lex, TEXTS, 0.5, lex.temperature_)
    for row, sugg in zip(Q, tiny_model.suggest(TEXTS, top_k=3)):
        assert [s.probability for s in sugg] == pytest.approx(
            [float(row[classes.index(s.code_id)]) for s in sugg], abs=1e-6
        )


def test_the_combined_temperature_minimises_the_held_out_groups_top_label_loss(
    embedder: Embedder, tiny_training: TrainingSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    import roqa_nlp.classifier as classifier_module
    from roqa_nlp.autocoder import label_of
    from roqa_nlp.classifier import CodeClassifier
    from roqa_nlp.lexical import LexicalModel, combine, fit_combined_temperature

    monkeypatch.setattr(classifier_module, "MIN_CALIBRATION_RECORDS", 5)
    ts = tiny_training
    X = embedder.encode(ts.texts).astype(np.float64)
    y = [label_of(c, k) for c, k in zip(ts.codes, ts.kinds)]
    params = CodeClassifier(calibration_group="group-0").get_params()
    classes = [str(c) for c in CodeClassifier(calibrate=False).fit(X, y).classes_]
    t = fit_combined_temperature(
        X, ts.texts, y, ts.groups, classes, w=0.5, classifier_params=params
    )
    # the held-out group scored by models fitted on the other groups, as a researcher's quotes
    rest = [i for i, g in enumerate(ts.groups) if g != "group-0"]
    held = [i for i, g in enumerate(ts.groups) if g == "group-0" and ts.codes[i]]
    sub = CodeClassifier(calibrate=False).fit(X[rest], [y[i] for i in rest])
    words = LexicalModel.fit([ts.texts[i] for i in rest], [y[i] for i in rest])
    seen = [str(c) for c in sub.classes_]
    log_p = np.log(sub.predict_proba(X[held]))
    codes = [j for j, c in enumerate(seen) if c not in ("NONE", "PROCEDURAL")]

    def top_label_loss(temperature: float) -> float:
        Q = combine(log_p, seen, words, [ts.texts[i] for i in held], 0.5, temperature)
        top = [codes[int(np.argmax(row[codes]))] for row in Q]
        p = np.array([Q[r, j] for r, j in enumerate(top)])
        hit = np.array([seen[j] in ts.codes[i] for j, i in zip(top, held)], dtype=float)
        assert 0 < hit.mean() < 1  # else the loss has no minimum and the fallback is taken
        return float(-np.mean(hit * np.log(p) + (1 - hit) * np.log(1 - p)))

    assert top_label_loss(t) <= min(top_label_loss(t * 1.25), top_label_loss(t / 1.25))
    fallback = fit_combined_temperature(
        X, ts.texts, y, ts.groups, classes, w=0.5, classifier_params=CodeClassifier().get_params()
    )
    assert fallback != pytest.approx(t)


@pytest.fixture(scope="module")
def valence_model(embedder: Embedder, tiny_training: TrainingSet) -> AutoCoder:
    """The tiny model trained with a third of its coded records neutral (the tiny set has none),
    so that a word model for valence is fitted; without the codes' valence mix
    (``tests/test_valence_prior.py``), so that valence is the head's and the words' alone."""
    from dataclasses import replace

    valences = [
        "neutral" if codes and i % 3 == 0 else v
        for i, (codes, v) in enumerate(zip(tiny_training.codes, tiny_training.valences))
    ]
    ts = replace(tiny_training, valences=valences)
    params = {"valence_prior_weight": 0.0}
    return AutoCoder("cfir-2009", embedder=embedder, params=params).fit(ts)


def test_valence_is_the_heads_and_the_word_models_weighted_geometric_mean(
    valence_model: AutoCoder, embedder: Embedder
) -> None:
    from roqa_nlp.lexical import combine

    words = valence_model._valence_lexical
    assert words is not None and sorted(words.classes_) == ["barrier", "enabler", "neutral"]
    clf = valence_model._predictor
    names = [str(v) for v in clf.valence_classes_]
    V = combine(np.log(clf.predict_valence_proba(embedder.encode(TEXTS))), names, words, TEXTS, 0.2)
    head = clf.predict_valence_proba(embedder.encode(TEXTS))
    assert not np.allclose(V, head)
    # as trained: no prior shift (the neutral weight's own test is below)
    valence_model.params["valence_neutral_weight"] = 1.0
    for row, sugg in zip(V, valence_model.suggest(TEXTS, top_k=2)):
        best = int(np.argmax(row))
        for s in sugg:
            # shown rounded to six decimals
            assert (s.valence, s.valence_probability) == (
                names[best],
                pytest.approx(row[best], abs=5e-7),
            )


@pytest.mark.parametrize("weight", [0.5, 0.2])
def test_the_neutral_weight_scales_neutral_against_barrier_and_enabler(
    valence_model: AutoCoder, embedder: Embedder, weight: float
) -> None:
    """valence_neutral_weight w: a segment's valence probabilities are the trained ones (the
    head's and the word model's weighted geometric mean, as above) with neutral times w,
    renormalised; barrier against enabler never changes."""
    from roqa_nlp.lexical import combine

    clf = valence_model._predictor
    names = [str(v) for v in clf.valence_classes_]
    head = np.log(clf.predict_valence_proba(embedder.encode(TEXTS)))
    V = combine(head, names, valence_model._valence_lexical, TEXTS, 0.2)
    V[:, names.index("neutral")] *= weight
    V = V / V.sum(axis=1, keepdims=True)
    valence_model.params["valence_neutral_weight"] = weight
    try:
        shown = [s[0] for s in valence_model.suggest(TEXTS, top_k=1)]
    finally:
        valence_model.params["valence_neutral_weight"] = 1.0
    assert [(s.valence, s.valence_probability) for s in shown] == [
        (names[int(np.argmax(row))], pytest.approx(float(row.max()), abs=5e-7)) for row in V
    ]


def test_the_neutral_weight_is_checked() -> None:
    with pytest.raises(RoqaError, match="valence_neutral_weight must be a number above 0"):
        AutoCoder("cfir-2009", params={"valence_neutral_weight": 0})
    with pytest.raises(RoqaError, match="valence_neutral_weight must be a number above 0"):
        AutoCoder("cfir-2009", params={"valence_neutral_weight": 1.5})


def test_the_valence_word_model_is_saved_checked_and_loaded(
    valence_model: AutoCoder, embedder: Embedder, tmp_path: Path
) -> None:
    out = valence_model.save(tmp_path / "model")
    assert {"valence_lexical.json", "valence_lexical.safetensors"} <= set(
        json.loads((out / "model_card.json").read_text("utf-8"))["files"]
    )
    back = AutoCoder.load(out, embedder=embedder)
    assert back.suggest(TEXTS) == valence_model.suggest(TEXTS)
    flip_byte(out / "valence_lexical.safetensors", -3)
    with pytest.raises(RoqaError) as exc:
        AutoCoder.load(out, embedder=embedder)
    assert "does not match its model card" in one_line_error_naming(
        exc, out / "valence_lexical.safetensors"
    )


def test_a_valence_word_model_is_fitted_only_when_every_valence_occurs(
    tiny_model: AutoCoder, tiny_training: TrainingSet
) -> None:
    assert not {v for c, v in zip(tiny_training.codes, tiny_training.valences) if c} >= {"neutral"}
    assert tiny_model._valence_lexical is None


def test_without_the_valence_word_model_valence_is_the_heads_alone(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    from dataclasses import replace

    valences = [
        "neutral" if codes and i % 3 == 0 else v
        for i, (codes, v) in enumerate(zip(tiny_training.codes, tiny_training.valences))
    ]
    ts = replace(tiny_training, valences=valences)
    ac = AutoCoder(
        "cfir-2009",
        embedder=embedder,
        params={
            "valence_lexical_weight": 0.0,
            "valence_prior_weight": 0.0,
            "valence_neutral_weight": 1.0,
        },
    )
    ac.fit(ts)
    out = ac.save(tmp_path / "model")
    assert not (out / "valence_lexical.json").exists()
    back = AutoCoder.load(out, embedder=embedder)
    assert back._valence_lexical is None and back._lexical is not None
    V = back._predictor.predict_valence_proba(embedder.encode(TEXTS))
    names = [str(v) for v in back._predictor.valence_classes_]
    for row, sugg in zip(V, back.suggest(TEXTS, top_k=1)):
        assert sugg[0].valence == names[int(np.argmax(row))]
        assert sugg[0].valence_probability == pytest.approx(float(row.max()), abs=1e-6)


def test_a_handful_of_records_trains_a_model_that_ranks_by_the_embeddings(
    embedder: Embedder, tmp_path: Path
) -> None:
    texts = [
        "We have no staff.",
        "Money is tight.",
        "The CQC visited.",
        "Lovely weather.",
        "Commissioners cut the contract.",
        "Hello there.",
    ]
    ts = TrainingSet(
        ids=[str(i) for i in range(6)],
        texts=texts,
        codes=[["IS.E.2"], ["IS.E.2"], ["OS.D"], [], ["OS.D"], []],
        valences=["barrier", "barrier", "neutral", "neutral", "barrier", "neutral"],
        groups=list("abcdef"),
        kinds=["coded", "coded", "coded", "off-framework", "coded", "procedural"],
        sources=["team-written"] * 6,
        contexts=[""] * 6,
        hash="six-records",
    )
    ac = AutoCoder("cfir-2009", embedder=embedder).fit(ts)
    assert ac._lexical is not None and ac._lexical.vocabulary_ == []  # no word in two records
    back = AutoCoder.load(ac.save(tmp_path / "model"), embedder=embedder)
    query = ["We are short of staff on every shift."]
    assert [s.code_id for s in back.suggest(query, top_k=2)[0]] == ["IS.E.2", "OS.D"]


class TableEmbedder:
    """Stand-in embedder: a fixed unit vector per known text."""

    dim = 3
    max_tokens = 256  # word pieces it reads: every text in these tests is far shorter

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = np.array([self.table[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_the_question_is_mixed_in_with_its_weight_and_only_where_there_is_one() -> None:
    emb = TableEmbedder({"a": [1, 0, 0], "b": [0, 1, 0], "q": [0, 0, 1]})
    ac = AutoCoder("cfir-2009", embedder=emb, params={"use_context": True, "context_weight": 0.2})  # type: ignore[arg-type]
    X = ac._inputs(["a", "b"], ["q", ""])
    np.testing.assert_allclose(X[0], np.array([1, 0, 0.2]) / np.sqrt(1.04), rtol=1e-6)
    assert X[1].tobytes() == emb.encode(["b"])[0].tobytes()  # no question: bit for bit
    off = AutoCoder("cfir-2009", embedder=emb, params={"use_context": False})  # type: ignore[arg-type]
    np.testing.assert_array_equal(off._inputs(["a"], ["q"]), emb.encode(["a"]))


@pytest.mark.parametrize("w", [-0.1, 1.5, True, "0.2"])
def test_context_weight_outside_zero_to_one_is_refused(w: object) -> None:
    with pytest.raises(RoqaError) as exc:
        AutoCoder("cfir-2009", embedder=TableEmbedder({}), params={"context_weight": w})  # type: ignore[arg-type]
    assert str(exc.value) == (
        f"context_weight must be a number from 0 to 1, got {w!r} "
        "(weight of the question's embedding, 0 to 1; e.g. context_weight=0.2)"
    )


def test_interviewer_labels_are_added_to_the_defaults_as_the_cli_adds_them(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    """Naming the Zoom host keeps `Interviewer:` turns the interviewer's: nothing they say is
    coded."""
    f = tmp_path / "p05.txt"
    f.write_text(
        "Interviewer: What gets in the way?\n"
        "Sam Roe: And how long has that been the case?\n"
        "P05: We never had enough staff on shift to cover the training.\n",
        encoding="utf-8",
    )
    result = tiny_model.code([f], interviewer_labels=["Sam Roe"])
    assert [s.segment.speaker for s in result] == ["P05"]
    (t,) = result.transcripts.values()
    assert [(turn.speaker, turn.role) for turn in t.turns] == [
        ("Interviewer", "interviewer"),
        ("Sam Roe", "interviewer"),
        ("P05", "participant"),
    ]


def test_static_vectors_on_a_model_trained_on_the_transformer_are_refused(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    """Static vectors lie near, not in, the transformer's space: the packaged model scored dev
    top-3 0.33 on them, silently. A static backend given by directory is recognised by its card."""
    static_dir = tmp_path / "static-build"
    static_dir.mkdir()
    (static_dir / "backend_card.json").write_text('{"backend": "static"}', encoding="utf-8")
    for backend in ("static", str(static_dir)):
        with pytest.raises(RoqaError) as exc:
            AutoCoder.load(tiny_model_dir, backend=backend)
        assert str(exc.value).startswith(
            f"{tiny_model_dir}: this model was trained on torch embeddings: static vectors need a "
            "model trained on them (roqa train training_data --backend static"
        )


# -- the researcher's valence (audit G #8) --------------------------------------------------------

SHIFTS = "There was never enough money for extra shifts."


def _valence_update(
    embedder: Embedder, tiny_training: TrainingSet, monkeypatch: pytest.MonkeyPatch, rows: list
) -> tuple[AutoCoder, TrainingSet]:
    """An update on one accepted segment the model called an enabler, and the training set the
    model was fitted on."""
    from roqa_nlp.decisions import Decision
    from roqa_nlp.result import CodingResult
    from roqa_nlp.schema import Segment, SegmentResult, Suggestion

    seg = Segment("p02:0004", "p02", "P02", "participant", 0, len(SHIFTS), SHIFTS)
    top = Suggestion("IS.E.2", "Available Resources", "IS", 0.6, valence="enabler")
    codings = CodingResult(segments=[SegmentResult(segment=seg, suggestions=[top])])
    seen: list[TrainingSet] = []
    fit = AutoCoder.fit

    def spy(self: AutoCoder, training: Any) -> AutoCoder:
        seen.append(training)
        return fit(self, training)

    monkeypatch.setattr(AutoCoder, "fit", spy)
    decisions = [Decision("p02:0004", "accept", "IS.E.2", text=SHIFTS), *rows]
    ac = AutoCoder("cfir-2009", embedder=embedder).update(
        decisions, codings=codings, training=tiny_training, weight=10
    )
    return ac, seen[0]


def test_a_list_of_decisions_names_no_file_in_the_model_card(
    embedder: Embedder, tiny_training: TrainingSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """update([Decision(...)]) recorded decisions_files [{'name': 'decisions'}], a file that
    does not exist, where reviewed_codings(...).save() writes "decisions": null (s50 api)."""
    ac, _ = _valence_update(embedder, tiny_training, monkeypatch, [])
    (entry,) = ac.card["feedback"]["decisions_files"]
    assert entry["name"] is None
    assert entry["n_decisions"] == 1
    assert len(entry["sha256"]) == 64


def test_update_trains_the_valence_head_with_the_researchers_valence(
    embedder: Embedder, tiny_training: TrainingSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roqa_nlp.decisions import Decision

    fixed = Decision("p02:0004", "valence", text=SHIFTS, valence="barrier")
    ac, ts = _valence_update(embedder, tiny_training, monkeypatch, [fixed])
    model_only, ts0 = _valence_update(embedder, tiny_training, monkeypatch, [])
    feedback = [v for i, v in zip(ts.ids, ts.valences) if i.startswith("feedback-")]
    assert feedback == ["barrier"] * 10
    assert [v for i, v in zip(ts0.ids, ts0.valences) if i.startswith("feedback-")] == (
        ["enabler"] * 10
    )
    assert ac.card["feedback"]["examples_by_kind"] == {"coded": 1}
    assert ac.card["feedback"]["codes_by_decision"] == {"accept": 1}
    assert ac.card["feedback"]["n_researcher_valence"] == 1
    assert ac.card["feedback"]["by_decision"] == {"accept": 1, "valence": 1}

    # the valence head learnt it: the segment is more of a barrier than the model alone says
    def barrier(model: AutoCoder) -> float:
        clf = model.classifier
        assert clf is not None
        names = [str(v) for v in clf.valence_classes_]
        return float(clf.predict_valence_proba(model._inputs([SHIFTS]))[0][names.index("barrier")])

    assert barrier(ac) > barrier(model_only)


def test_a_row_that_only_keeps_a_note_is_not_counted_as_a_decision(
    embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path
) -> None:
    from roqa_nlp.decisions import feedback_summary

    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        DECISIONS.replace("segment_id,decision,code_id,new_code,text", "segment_id,decision,code_id,new_code,text,note")
        + "p02:0006,note,,,We talked about the weather.,ask P02 about the rota\n",
        encoding="utf-8",
    )  # fmt: skip
    ac = AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)
    fb = ac.card["feedback"]
    assert (fb["n_decisions"], fb["n_notes"], fb["n_examples"]) == (7, 1, 5)
    assert fb["decisions_files"][0]["n_decisions"] == 7
    assert feedback_summary(fb) == (
        "feedback: 5 examples from 7 decisions (1 accepted, 3 new-code (1 new code created), 1 "
        "fit no code (from 3 decisions)), each example a decided text (one for the same words in several segments) counted 3 times (--feedback-weight): 15 "
        "training records; 0 left out; 1 rejected code kept with its segment: not suggested "
        "there again, and less on talk read much like it; 1 note (not trained on); codings: none (no model "
        "valence or questions, 3 suggestions assumed shown); valence: none on 4 examples "
        "(without codings; the valence head leaves them out); 1 new code with no valence on any "
        "example, suggested neutral: 'project.covid-19-disruption'"
    )


CFIR_2022_RECORDS = [
    {"text": "We are short of carers, so nobody can go on the course.", "construct": "Available Resources"},
    {"text": "The app has too many steps and confusing screens.", "construct": "Innovation Complexity"},
    {"text": "We made a timetable for the roll-out with clear steps.", "construct": "Planning"},
    {"text": "My son plays rugby on Saturdays.", "construct": "NONE"},
]  # fmt: skip


def test_evaluate_reads_cfir_2022_names_and_translates_the_suggestions(
    tiny_model: AutoCoder,
) -> None:
    m = tiny_model.evaluate(CFIR_2022_RECORDS, per_code=True, predictions=True)
    assert (m["codebook"], m["translated_from"]) == ("cfir-2022", "cfir-2009")
    assert (m["n"], m["n_coded"], m["n_none"]) == (4, 3, 1)
    # IS.E.2 -> INS.J, IC.F -> INN.F, PR.A -> PRO.D: the 2009 hits stay hits in CFIR 2.0
    assert [p["gold"] for p in m["predictions"]] == [["INS.J"], ["INN.F"], ["PRO.D"], ["NONE"]]
    assert [p["suggestions"][0]["code"] for p in m["predictions"][:3]] == [
        "INS.J",
        "INN.F",
        "PRO.D",
    ]
    assert (m["construct_top1"], m["domain_accuracy"]) == (1.0, 1.0)
    assert {r["code"] for r in m["per_code"]} == {"INS.J", "INN.F", "PRO.D"}
    assert {r["name"] for r in m["per_domain"]} == {
        "Innovation",
        "Inner Setting",
        "Implementation Process",
    }
    same = tiny_model.evaluate(CFIR_2022_RECORDS, codebook="cfir-2022")
    assert same["construct_top1"] == 1.0 and same["codebook"] == "cfir-2022"
    assert (same["n_unreachable"], same["unreachable_codes"]) == (0, [])


def test_evaluate_counts_the_records_no_cfir_2009_code_can_reach(tiny_model: AutoCoder) -> None:
    """26 of CFIR 2.0's 67 codes (Funding, Teaming, Critical Incidents ...) are no 2009 code's
    counterpart, so a 2009 model never suggests them: their records are misses by construction,
    and the output says how many (session 28: 7 of 9 records, with no word of it)."""
    from roqa_nlp.codebook import Codebook
    from roqa_nlp.crosswalk import unreachable

    never = unreachable(Codebook.load("cfir-2009"), Codebook.load("cfir-2022"))
    assert len(never) == 26
    names = {Codebook.load("cfir-2022")[k].name for k in never}
    assert {"Funding", "Teaming", "Critical Incidents", "Adapting"} <= names
    records = [
        *CFIR_2022_RECORDS,
        {"text": "The grant ran out in March.", "construct": "Funding"},
        {"text": "The ward flooded and we closed for a month.", "construct": "Critical Incidents"},
        {"text": "Money and teamwork.", "codes": ["Funding", "Available Resources"]},
    ]
    m = tiny_model.evaluate(records, codebook="cfir-2022")
    book = Codebook.load("cfir-2022")
    assert m["n_unreachable"] == 2
    assert sorted(book[k].name for k in m["unreachable_codes"]) == ["Critical Incidents", "Funding"]


INCIDENTS = (
    "segment_id,decision,code_id,new_code,text\n"
    "p02:0001,new-code,,Critical Incidents,A ransomware attack took the system down for a week.\n"
    "p02:0002,new-code,,Critical Incidents,The cyber incident sent every ward back to paper.\n"
    "p02:0003,new-code,,Critical Incidents,After the hack we re-entered a week of data by hand.\n"
    "p02:0004,new-code,,Alert fatigue,The device bleeps so often that nobody listens any more.\n"
    "p02:0005,new-code,,Alert fatigue,We are bleeped for every score of three and ignore it.\n"
    "p02:0006,new-code,,Alert fatigue,So many alarms go off that the doctors tune them out.\n"
)


@pytest.fixture
def incidents_model(embedder: Embedder, tiny_training: TrainingSet, tmp_path: Path) -> AutoCoder:
    decisions = tmp_path / "decisions.csv"
    decisions.write_text(INCIDENTS, encoding="utf-8")
    return AutoCoder("cfir-2009", embedder=embedder).update(decisions, training=tiny_training)


def test_evaluate_in_cfir_2022_scores_the_models_own_code_named_as_a_construct(
    incidents_model: AutoCoder,
) -> None:
    """Tester H (session 32): a model trained with a new code "Critical Incidents" suggests it
    at p = 1.000 for a ransomware story, but evaluating CFIR 2.0 gold dropped the project code
    (suggestions PRO.G 7e-06 ...), scored a miss, and said the model never suggests Critical
    Incidents. Its suggestions are now translated as `roqa code --codebook` translates them: the
    code named Critical Incidents is CFIR 2.0's Critical Incidents, and a project code named as
    no construct (Alert fatigue) is kept as the model's own."""
    said = "The ransomware attack sent every ward back to paper for a week."
    (own,) = incidents_model.suggest(said, top_k=1)
    assert own[0].code_id == "project.critical-incidents"
    records = [
        {"text": said, "construct": "Critical Incidents"},
        {"text": "The grant ran out in March.", "construct": "Funding"},
        {"text": "We made a timetable for the roll-out with clear steps.", "construct": "Planning"},
    ]
    m = incidents_model.evaluate(records, predictions=True)
    assert (m["codebook"], m["translated_from"]) == ("cfir-2022", "cfir-2009+project")
    first = m["predictions"][0]
    assert (first["gold"], first["top1"]) == (["OUT.A"], True)
    assert first["suggestions"][0]["code"] == "OUT.A"
    assert first["suggestions"][0]["name"] == "Critical Incidents"
    assert first["suggestions"][0]["probability"] == pytest.approx(own[0].probability)
    assert (m["n_unreachable"], m["unreachable_codes"]) == (1, ["INS.J.1"])  # Funding
    (walked,) = incidents_model.suggest(said, top_k=1, codebook="cfir-2022")
    assert [(g.code_id, g.name) for g in walked] == [("OUT.A", "Critical Incidents")]
    bleeps = "The alarms bleep so often that the doctors ignore them."
    (kept,) = incidents_model.suggest(bleeps, top_k=1, codebook="cfir-2022")
    assert [(g.code_id, g.name) for g in kept] == [("project.alert-fatigue", "Alert fatigue")]


def burnout_codebook(base: str = "cfir-2009") -> Codebook:
    """A built-in codebook and a review's new code "Staff wellbeing and burnout", as the project
    codebook roqa apply-decisions and roqa import write (id ``<base>+project``)."""
    from roqa_nlp.schema import Code

    burnout = Code(
        id="project.staff-wellbeing-and-burnout",
        name="Staff wellbeing and burnout",
        level="code",
        parent=None,
        domain=None,
        codable=True,
        description="Project code created in open coding or review: Staff wellbeing and burnout.",
    )
    return Codebook.load(base).with_codes([burnout], id=f"{base}+project")


BURNOUT = "My staff are exhausted, two are off with stress and one uses the food bank."


def test_evaluate_scores_a_reviews_new_codes_as_misses_of_a_model_without_them(
    tiny_model: AutoCoder,
) -> None:
    """Tester (session 36): held-out records with a review's new code could not be scored by the
    model from before the review learnt it, to compare before and after on one file: "unknown
    code 'Staff wellbeing and burnout'", and with the project codebook "codebook
    'cfir-2009+project' documents no mapping from 'cfir-2009'". The project codebook extends the
    model's: its built-in codes are scored as they are, the new code is a miss, counted."""
    cfir = [json.loads(line) for line in (DATA / "tiny_labelled.jsonl").open(encoding="utf-8")]
    records = [*cfir[:5], {"text": BURNOUT, "construct": "Staff wellbeing and burnout"}]
    plain = tiny_model.evaluate(cfir[:5], predictions=True)
    m = tiny_model.evaluate(records, codebook=burnout_codebook(), predictions=True)
    assert m["codebook"] == "cfir-2009+project"
    assert "translated_from" not in m  # nothing translated: the same codes
    assert (m["n_coded"], m["n_unreachable"]) == (6, 1)
    assert m["unreachable_codes"] == ["project.staff-wellbeing-and-burnout"]
    assert (plain["construct_top1"], m["construct_top1"]) == (1.0, 5 / 6)
    # the same predictions; off_framework_p as close as float arithmetic over a batch of 6
    # rather than 5 gives (the last digit differed on a new install, s45)
    for got, want in zip(m["predictions"][:5], plain["predictions"], strict=True):
        assert got["off_framework_p"] == pytest.approx(want["off_framework_p"], rel=1e-9)
        assert {**got, "off_framework_p": 0} == {**want, "off_framework_p": 0}
    assert (m["predictions"][5]["top1"], m["predictions"][5]["top3"]) == (False, False)


def test_evaluate_reads_a_project_codebook_of_cfir_2022_through_its_mapping(
    tiny_model: AutoCoder,
) -> None:
    """A CFIR 2.0 project's codebook (cfir-2022+project) maps from the model's cfir-2009 as
    cfir-2022 does: its built-in codes through the documented mapping, its own code a miss."""
    records = [
        {"text": "The app has too many steps and confusing screens.", "construct": "INN.F"},
        {"text": BURNOUT, "construct": "Staff wellbeing and burnout"},
    ]
    m = tiny_model.evaluate(records, codebook=burnout_codebook("cfir-2022"))
    assert (m["codebook"], m["translated_from"]) == ("cfir-2022+project", "cfir-2009")
    assert (m["construct_top1"], m["n_unreachable"]) == (0.5, 1)
    assert "project.staff-wellbeing-and-burnout" in m["unreachable_codes"]


def test_evaluate_keeps_the_models_codebook_when_every_code_is_in_it(
    tiny_model: AutoCoder,
) -> None:
    m = tiny_model.evaluate(DATA / "tiny_labelled.jsonl")
    assert "codebook" not in m and "translated_from" not in m


def test_evaluate_names_a_typo_in_the_codebook_that_knows_most_labels(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    """One typo among CFIR 2.0 names is named as such, in cfir-2022, which knows the other
    labels; before, cfir-2009 was blamed for record 1's valid 'Work Infrastructure'."""
    records = [
        {"text": "We had no staff.", "construct": "Work Infrastructure"},
        {"text": "It was hard to use.", "construct": "Innovation Complexityy"},
    ]
    expected = (
        "record 2: unknown code 'Innovation Complexityy' in codebook 'cfir-2022' (did you mean "
        "'Innovation Complexity'? `roqa codebook cfir-2022` lists the codes; in Python, "
        "load_codebook('cfir-2022').codes)"
    )
    with pytest.raises(RoqaError) as e:
        tiny_model.evaluate(records)
    assert str(e.value) == f"labelled records, {expected}"
    file = tmp_path / "gold.jsonl"
    file.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with pytest.raises(RoqaError) as e:
        tiny_model.evaluate(file)
    assert str(e.value) == f"{file}:2: unknown code 'Innovation Complexityy' in codebook " + (
        "'cfir-2022' (did you mean 'Innovation Complexity'? `roqa codebook cfir-2022` lists the "
        "codes; in Python, load_codebook('cfir-2022').codes)"
    )
    # cfir-2022 knows 3 of the 4 labels, cfir-2009 2 of them (Available Resources, Planning)
    with pytest.raises(
        RoqaError, match="record 5: unknown code 'Nonexistent Construct' in codebook 'cfir-2022'"
    ):
        tiny_model.evaluate(
            [*CFIR_2022_RECORDS, {"text": "W.", "construct": "Nonexistent Construct"}]
        )
    with pytest.raises(
        RoqaError, match="unknown code 'Innovation Complexity' in codebook 'cfir-2009'"
    ):
        tiny_model.evaluate(CFIR_2022_RECORDS, codebook="cfir-2009")


def test_evaluate_keeps_the_models_codebook_for_a_typo_among_its_codes(
    tiny_model: AutoCoder,
) -> None:
    records = [
        {"text": "Nobody wanted it.", "construct": "Implementation Climate"},
        {"text": "We made a plan.", "construct": "Planningg"},
    ]
    with pytest.raises(RoqaError) as e:
        tiny_model.evaluate(records)
    assert str(e.value) == (
        "labelled records, record 2: unknown code 'Planningg' in codebook 'cfir-2009' (did you "
        "mean 'Planning'? `roqa codebook cfir-2009` lists the codes; in Python, "
        "load_codebook('cfir-2009').codes)"
    )


def test_evaluate_says_the_labels_seem_to_mix_codebooks(tiny_model: AutoCoder) -> None:
    climate = {"text": "Nobody wanted it.", "construct": "Implementation Climate"}  # 2009 only
    staff = {"text": "We had no staff.", "construct": "Work Infrastructure"}  # CFIR 2.0 only
    with pytest.raises(RoqaError) as e:
        tiny_model.evaluate([staff, climate])  # one each: the model's codebook is kept
    assert str(e.value) == (
        "labelled records, record 1: unknown code 'Work Infrastructure' in codebook 'cfir-2009': "
        "it is cfir-2022's INS.A.3 Work Infrastructure, whose cfir-2009 counterpart is IS.A "
        "Structural Characteristics: the labels seem to mix codebooks (label every record with "
        "one codebook's codes: `roqa codebook cfir-2009` lists the codes; in Python, "
        "load_codebook('cfir-2009').codes)"
    )
    hard = {"text": "It was hard to use.", "construct": "Innovation Complexity"}
    with pytest.raises(RoqaError) as e:
        tiny_model.evaluate([staff, hard, climate])
    assert str(e.value) == (
        "labelled records, record 3: unknown code 'Implementation Climate' in codebook "
        "'cfir-2022': it is cfir-2009's IS.D Implementation Climate, whose cfir-2022 "
        "counterparts are INS.E Tension for Change, INS.F Compatibility, INS.G Relative "
        "Priority, INS.H Incentive Systems, PRO.D Planning, PRO.H.1 Reflecting & Evaluating: "
        "Implementation and INS.D.4 Learning-Centeredness: the labels seem to mix codebooks "
        "(label every record with one codebook's codes: `roqa codebook cfir-2022` lists the "
        "codes; in Python, load_codebook('cfir-2022').codes)"
    )
    # tester R (session 35): "Champions" was a silent CFIR 2.0 alias of Implementation Leads
    incidents = {"text": "Covid shut everything.", "construct": "Critical Incidents"}
    champion = {"text": "Our champion Sue drove it.", "construct": "Champions"}
    with pytest.raises(RoqaError) as e:
        tiny_model.evaluate([incidents, champion])
    assert str(e.value) == (
        "labelled records, record 1: unknown code 'Critical Incidents' in codebook 'cfir-2009': "
        "it is cfir-2022's OUT.A Critical Incidents, which has no cfir-2009 counterpart: the "
        "labels seem to mix codebooks (label every record with one codebook's codes: `roqa "
        "codebook cfir-2009` lists the codes; in Python, load_codebook('cfir-2009').codes)"
    )
    with pytest.raises(RoqaError) as e:
        tiny_model.evaluate([incidents, champion], codebook="cfir-2022")
    assert str(e.value) == (
        "labelled records, record 2: unknown code 'Champions' in codebook 'cfir-2022': it is "
        "cfir-2009's PR.B.3 Champions, whose cfir-2022 counterparts are IND.C Opinion Leaders, "
        "IND.E Implementation Leads and IND.F Implementation Team Members (label it with one of "
        "those, or every record with cfir-2009's codes)"
    )


def test_suggest_ranks_the_codes_of_another_codebook(tiny_model: AutoCoder) -> None:
    said = "The app has too many steps and confusing screens."
    (before,) = tiny_model.suggest(said, top_k=39)
    (after,) = tiny_model.suggest(said, top_k=2, codebook="cfir-2022")
    assert before[0].code_id == "IC.F" and after[0].code_id == "INN.F"
    assert len(after) == 2 and after[0].probability == pytest.approx(before[0].probability)
    assert all(g.code_id in Codebook.load("cfir-2022") for g in after)
    with pytest.raises(RoqaError, match="cfir-1999: codebook not found"):
        tiny_model.suggest(said, codebook="cfir-1999")
    unmapped = Codebook.from_dict({"id": "own", "name": "Our codes", "codes": []})
    with pytest.raises(
        RoqaError,
        match="codebook 'own' documents no mapping from 'cfir-2009', so cfir-2009 codes cannot "
        "be translated into its codes",
    ):
        tiny_model.suggest(said, codebook=unmapped)


def no_codable_codebook() -> Codebook:
    return Codebook.from_dict(
        {
            "id": "headings",
            "name": "Headings only",
            "codes": [{"id": "CAP", "name": "Capability", "level": "domain", "codable": False}],
        }
    )


def test_training_on_a_codebook_without_codable_codes_is_a_one_line_error(
    embedder: Embedder,
) -> None:
    records = [{"text": "We had no training at all.", "codes": []}]
    with pytest.raises(RoqaError) as info:
        AutoCoder(no_codable_codebook(), embedder=embedder).fit(records)
    assert str(info.value) == (
        "codebook 'headings' has no codable code, so there is nothing to learn (mark the codes "
        'talk is coded with "codable": true; domains may stay headings)'
    )


def test_a_model_of_a_codebook_without_codable_codes_is_refused_at_load(
    tiny_model_dir: Path, tmp_path: Path, embedder: Embedder
) -> None:
    """A model trained before training refused such a codebook crashed at its first text."""
    from roqa_nlp.autocoder import CARD, card_sha256, card_text
    from roqa_nlp.io import sha256_bytes

    model = copy_model(tiny_model_dir, tmp_path)
    data = no_codable_codebook().to_json().encode("utf-8")
    (model / "codebook.json").write_bytes(data)
    card = json.loads((model / CARD).read_text("utf-8"))
    card["files"]["codebook.json"] = sha256_bytes(data)
    card["codebook"] = {"id": "headings", "sha256": no_codable_codebook().hash}
    card["model_sha256"] = card_sha256(card)
    (model / CARD).write_text(card_text(card), encoding="utf-8")
    with pytest.raises(RoqaError) as info:
        AutoCoder.load(model, embedder=embedder)
    assert one_line_error_naming(info, model / "codebook.json").endswith(
        "codebook 'headings' has no codable code, so there is nothing to learn (mark the codes "
        'talk is coded with "codable": true; domains may stay headings)'
    )


def test_a_templates_label_in_files_given_one_by_one_takes_the_case_from_each_file_name(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    # the study is every file given, not each file alone: each is coded as its own input
    files = []
    for n in (1, 2, 3):
        f = tmp_path / f"p{n}_interview.txt"
        f.write_text("Interviewer: What helps?\nParticipant 1: Supervision helps.\n", "utf-8")
        files.append(f)
    result = tiny_model.code(files)
    assert [t.participant for t in result.transcripts.values()] == ["P1", "P2", "P3"]
    assert [result.participant_of(s.segment.transcript_id) for s in result] == ["P1", "P2", "P3"]


def test_a_participant_id_shared_by_files_given_one_by_one_is_warned_of_once(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    files = []
    for n in (1, 2):
        f = tmp_path / f"p{n}_interview.txt"
        f.write_text("Interviewer: What helps?\nP01: Supervision helps.\n", "utf-8")
        files.append(f)
    from roqa_nlp.errors import RoqaWarning

    with pytest.warns(RoqaWarning, match="'P01' speaks in 2 transcripts") as caught:
        result = tiny_model.code(files)
    assert [t.participant for t in result.transcripts.values()] == ["P01", "P01"]
    assert sum("speaks in" in str(w.message) for w in caught) == 1


def test_the_card_counts_new_code_examples_given_no_valence(
    embedder: Embedder, tiny_training: TrainingSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Blind tester (session 38): a new code named without a valence row was trained with the
    valence the model showed for another code. Since session 69 it has none, as the review gives
    it none (the valence head leaves it out); the card counts such examples (its summary line
    says so), and a valence row takes it off the count and trains it."""
    from roqa_nlp.decisions import Decision, feedback_summary

    named = Decision("p02:0004", "new-code", new_code="Shift cover", text=SHIFTS)
    ac, _ = _valence_update(embedder, tiny_training, monkeypatch, [named])
    fb = ac.card["feedback"]
    assert fb["n_new_code_without_valence"] == 1
    assert "n_new_code_model_valence" not in fb
    assert "n_without_valence" not in fb  # it had codings: said as a new code's, not as bare
    assert feedback_summary(fb).endswith(
        "; valence: none on 1 example given a new code (the valence head leaves it out, as "
        "the review gives a new code none: a valence row on it trains yours); 1 new code with no "
        "valence on any example, suggested neutral: 'project.shift-cover'"
    )
    fixed = Decision("p02:0004", "valence", text=SHIFTS, valence="barrier")
    ac, _ = _valence_update(embedder, tiny_training, monkeypatch, [named, fixed])
    assert "n_new_code_without_valence" not in ac.card["feedback"]
    assert "new_codes_without_valence" not in ac.card["feedback"]


def test_code_reads_a_number_two_file_names_write_two_ways_as_one_participant(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    """Tester s46 (ids 1, 4): P4_interview.txt and P04_followup.txt of 'Sarah:' turns were two
    cases, P4 and P04, in the matrix; and a draft beside its final, both coded, doubled the
    case's counts silently. One case, each said once."""
    from roqa_nlp.errors import RoqaWarning
    from roqa_nlp.framework import framework_matrix

    talk = (
        "Sarah: Honestly the biggest thing is staffing, we lose good support workers to the "
        "supermarkets because they pay more, and every time someone leaves the tenants lose a "
        "face they trusted and we start again with the new starter, shadow shifts, the lot.\n"
    )
    (tmp_path / "P4_interview.txt").write_text("Interviewer: What gets in the way?\n" + talk)
    (tmp_path / "P04_followup.txt").write_text("Interviewer: What helps?\nSarah: Supervision.\n")
    (tmp_path / "P4_draft.txt").write_text("Interviewer: What gets in?\n" + talk)
    with pytest.warns(RoqaWarning) as caught:
        result = tiny_model.code([tmp_path])
    assert {t.participant for t in result.transcripts.values()} == {"P4"}
    assert framework_matrix(result).cases == ["P4"]
    said = [str(w.message)[:60] for w in caught]
    assert said.count("participant 4 is numbered two ways, P4 and P04, in 3 transcripts"[:60]) == 1
    assert said.count(f"{tmp_path / 'P4_interview.txt'}: is nearly the same text as "[:60]) == 1


def test_code_hashes_each_transcripts_words_once(
    tiny_model: AutoCoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hunter hunt13 (session 81, F2): roqa code hashed each transcript's words in the study's
    reading (for the cases that say each run) and again when the near-copy check read it to
    code it, a third of the check's time. The study's reading keeps each transcript's hashed
    words until it is coded: three transcripts, hashed three times."""
    from roqa_nlp.transcripts import run_index

    hashed: list[int] = []
    word_hashes = run_index.word_hashes

    def counted(words):  # type: ignore[no-untyped-def]
        hashed.append(len(words))
        return word_hashes(words)

    monkeypatch.setattr(run_index, "word_hashes", counted)
    for case in ("P01", "P02", "P03"):
        (tmp_path / f"{case}.txt").write_text(
            "Interviewer: How did the review pathway start here?\n"
            f"{case}: It came from the federation, case {case[1:]} says, and we were one of the "
            "first practices to sign up, because the lead GP had seen it work in Leeds.\n",
            "utf-8",
        )
    result = tiny_model.code([tmp_path])
    assert sorted(t.participant for t in result.transcripts.values()) == ["P01", "P02", "P03"]
    assert hashed == [36, 36, 36]


def test_code_with_pseudonyms_knows_a_vignette_every_case_reads(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    """Hunter hunt13 (session 81, F1): five cases each read one vignette aloud and answer it
    in about 45 words. roqa code knew the text every case says before coding, but not with
    pseudonyms (they change the cases and the words): P02, coded second, was called P01's
    copy (63%). The study's reading now counts each transcript as pseudonymised: nothing is
    said."""
    import warnings

    from roqa_nlp.errors import RoqaWarning
    from roqa_nlp.pseudonyms import PseudonymKey

    vignette = (
        "Mrs Jones is seventy two and lives alone. She has had type two diabetes for ten years "
        "and has missed her last two reviews. Her daughter rings the practice to say her mother "
        "is confused about her tablets and has stopped going out. The practice nurse has "
        "fifteen minutes for the review and the next available appointment is in six weeks."
    )
    answers = (
        ("I would ring the daughter back first and book a double slot.", "Time, mostly."),
        ("A home visit, if the district nurses would agree to one.", "They never agree."),
        ("Check the tablets with the pharmacist and send a letter.", "Nobody reads letters."),
        ("Ask the GP to phone her when he is back from leave.", "He is away a month."),
        ("Put her on the frailty list and flag her for a call.", "The list is full."),
    )
    for number, (then, barrier) in enumerate(answers, 1):
        case = f"P0{number}"
        (tmp_path / f"{case}.txt").write_text(
            "Interviewer: Could you read the case out loud for the recording, please?\n"
            f"{case}: {vignette}\nInterviewer: What would you do?\n{case}: {then} I think "
            "that is where I would start with her, to be honest.\n"
            f"Interviewer: What would get in the way?\n{case}: {barrier} That and the rota.\n",
            "utf-8",
        )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RoqaWarning)
        result = tiny_model.code([tmp_path], pseudonyms=PseudonymKey())
    assert sorted(t.participant for t in result.transcripts.values()) == [
        "P01",
        "P02",
        "P03",
        "P04",
        "P05",
    ]
    assert [str(w.message) for w in caught if "nearly the same text" in str(w.message)] == []


def test_code_knows_a_consent_statement_every_case_reads_from_the_first_transcript(
    tiny_model: AutoCoder, tmp_path: Path
) -> None:
    """Hunter hunt10 (session 81, N1): each participant reads the consent statement aloud, P04
    in the interview and in a short follow-up. Text said in other cases' transcripts is no
    sign of a copy, but a stream warns as it reads: coding P04_followup.txt then
    P04_interview.txt, no other case read yet, the two were called one interview. The study's
    reading before coding tells the check what every case says: nothing is said."""
    import warnings

    from roqa_nlp.errors import RoqaWarning

    consent = (
        "I confirm that I have read the information sheet dated the first of March and have "
        "had the chance to ask questions. I understand that taking part is voluntary and that I "
        "can withdraw at any time without giving a reason. I agree to the interview being audio "
        "recorded and to anonymised quotes being used in reports."
    )
    said = {
        "P04_followup": "We've lost two receptionists so the recalls have slipped. The template "
        "is fine now though.",
        "P04_interview": "It came from the federation, they had money for it, and we were one "
        "of the first to sign up. The lead GP was keen, she'd seen it work in Leeds.",
        "P05_interview": "Our practice manager found it in a newsletter and brought it to the "
        "partners, who agreed to try it for six months.",
        "P06_interview": "I was not here then, I joined last year, so I only know the version we "
        "run now with the recall letters.",
    }
    for name, answer in said.items():
        who = name[:3]
        (tmp_path / f"{name}.txt").write_text(
            "Interviewer: Before we start, could you read the consent statements aloud?\n"
            f"{who}: {consent}\nInterviewer: So how did the pathway start?\n{who}: {answer}\n",
            "utf-8",
        )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RoqaWarning)
        result = tiny_model.code([tmp_path])
    assert sorted(t.participant for t in result.transcripts.values()) == [
        "P04",
        "P04",
        "P05",
        "P06",
    ]
    assert [str(w.message) for w in caught if "nearly the same text" in str(w.message)] == []


def test_evaluate_predictions_round_every_probability_to_six_decimals(
    tiny_model: AutoCoder,
) -> None:
    """The model's probabilities are given to 6 decimals; a translated code's (the model's
    scaled by its counterpart's share) and the novelty figures were unrounded floats beside
    them in ``--predictions`` (0.13203750000000022: cfir2022 tester, session 47)."""
    m = tiny_model.evaluate(CFIR_2022_RECORDS, codebook="cfir-2022", predictions=True)
    figures = [g["probability"] for p in m["predictions"] for g in p["suggestions"]]
    figures += [p[k] for p in m["predictions"] for k in ("novelty_p", "off_framework_p")]
    assert len(figures) == 4 * 3 + 4 * 2
    assert [round(x, 6) for x in figures] == figures


MOTIVATED = (
    "Most of them really want to. They come into this job because they care, and when they see "
    "someone get a flat of their own they are proud and keen to do more."
)


def test_a_predictions_row_hit_by_a_tie_agrees_with_the_summary() -> None:
    """cfir2022 tester, session 55: the packaged model's one CFIR 2009 code, Other Personal
    Attributes, is a 4-way tie in CFIR 2.0 (Need = Capability = Opportunity = Motivation); gold
    Motivation. The summary counted a top-3 hit, the --predictions row listed Need, Capability,
    Opportunity and said ``"top1": true, "top3": false``. The row now lists every tied code, the
    gold one first as scored, and its hits are the summary's."""
    m = AutoCoder.load().evaluate(
        [{"text": MOTIVATED, "construct": "Motivation"}], codebook="cfir-2022", predictions=True
    )
    (row,) = m["predictions"]
    shown = [g["code"] for g in row["suggestions"]]
    assert shown == ["IND.M", "IND.J", "IND.K", "IND.L"]
    assert len({g["probability"] for g in row["suggestions"]}) == 1  # the tie, as scored
    assert (row["top1"], row["top3"]) == (True, True)
    assert (m["construct_top1"], m["construct_top3"], m["n_tied_top"]) == (1.0, 1.0, 1)


def test_evaluate_predictions_name_a_suggestions_code_code_id_as_codings_jsonl_does(
    tiny_model: AutoCoder,
) -> None:
    """Tester s59 (sat, item 3): a ``--predictions`` record's suggestions gave their code id as
    ``code`` alone, where codings.jsonl and ``suggest --json`` say ``code_id``. Each now has
    ``code_id``; ``code``, the same id, is kept, as docs/cli.md promised it."""
    m = tiny_model.evaluate(CFIR_2022_RECORDS, codebook="cfir-2022", predictions=True)
    suggestions = [g for p in m["predictions"] for g in p["suggestions"]]
    assert len(suggestions) == 4 * 3
    assert {tuple(g) for g in suggestions} == {("code_id", "code", "name", "probability")}
    assert all(g["code_id"] == g["code"] for g in suggestions)


def _coded(path: Path) -> list[tuple[str, bool, bool, str | None]]:
    from roqa_nlp.transcripts import read_transcript

    t = read_transcript(path, interviewer_labels=["Hannah Okafor"])
    result = AutoCoder.load().code([t])
    for s in result.segments:  # offsets exact after a segment is parted
        assert t.text[s.segment.start : s.segment.end] == s.segment.text
    return [
        (
            s.segment.text[:24],
            s.procedural or s.off_topic,
            s.novel and not s.off_topic,
            None if s.procedural or s.novel else s.suggestions[0].code_id,
        )
        for s in result.segments
    ]


def test_an_aside_after_a_backchannel_is_set_aside_apart_from_the_answer() -> None:
    """Tester s72 cfir2, defect 1: the interviewer's "Okay." was left out and the answer joined
    to "Sorry, I need to sign for a parcel ...", so the whole of p23:0006 was set aside (or
    fitted no code), the study's only Implementation Leads talk. At the line break where the
    backchannel was, a substantive answer and an aside are parted: the answer is coded
    alone; two substantive parts (the housing answer across "Mm-hmm.") stay one segment."""
    got = _coded(DATA.parent / "asides" / "parcel_after_backchannel.csv")
    assert [g[:3] for g in got] == [
        ("We've got a recovery lea", False, False),
        ("Sorry, can I just, I nee", True, False),
        ("The other barrier is hou", False, False),
    ]
    assert got[0][3] is not None and got[2][3] is not None


def test_a_quote_leaves_out_an_aside_after_a_backchannel() -> None:
    """Tester s72 cfir2, defect 2: Table 2 quoted "... you just can't. Sorry, my dog's barking,
    hang on. Biscuit, quiet! ..." as evidence of Available Resources. The dog is a segment of its
    own, set aside; the staffing answer is coded without it, and the director answer joined
    across "Mm-hmm." stays whole."""
    got = _coded(DATA.parent / "asides" / "dog_after_backchannel.vtt")
    assert [g[:3] for g in got] == [
        ("Staffing is the big one.", False, False),
        ("Sorry, my dog's barking,", True, False),
        ("Our director backs it co", False, False),
    ]
    assert got[0][3] is not None and got[2][3] is not None


def test_an_answer_that_is_talk_on_both_sides_of_a_backchannel_stays_one_segment() -> None:
    """Tester s73 study3, D1: "Recovery's not a, it's not a model for us ... Nobody here's going
    to tell you what your recovery looks like." ``Mm-hm.`` "That's the whole point of peer
    support ..." was parted, its first half set aside as procedural (read alone, procedural
    talk 0.72, top code 0.22) and left out of Table 2. A piece is parted off only when it is
    clearly an aside, read with the question as its segment is and near no code (below
    FITS_NO_CODE); the son who came in from school, after the next answer's ``Mm-hm.``, still
    is."""
    got = _coded(DATA.parent / "asides" / "peer_support_across_backchannel.csv")
    assert [g[:3] for g in got] == [
        ("Recovery's not a, it's n", False, False),
        ("So we've put in reflecti", False, False),
        ("Sorry, sorry, that's my ", True, False),
    ]
    assert got[0][3] is not None and got[1][3] is not None


def test_the_last_words_of_an_answer_after_a_backchannel_are_not_set_aside() -> None:
    """Tester s73 study3, item 2: in a service .srt, "Even if it's just I want to sleep." after
    the interviewer's ``Mm-hm.`` was parted off the crisis-house answer as off-topic (read
    alone: the off-framework class 0.76, top code 0.12). It ends the answer: one segment."""
    got = _coded(DATA.parent / "asides" / "crisis_stay_across_backchannel.srt")
    assert len(got) == 1
    assert got[0][:3] == ("It's hard in crisis, cos", False, False)
    assert got[0][3] is not None


def test_a_turn_parted_at_a_line_of_only_a_label_or_a_note_is_read_and_not_refused() -> None:
    """A piece after a backchannel left out that is only a speaker's label or a transcriber's
    note (``P05:``, ``[inaudible].``) is read as the model reads any segment (suggest would
    refuse a label alone): the turn is parted, with exact offsets, not an error."""
    t = Transcript.from_turns(
        "edge",
        [
            ("Interviewer", "interviewer", "What gets in the way?"),
            (
                "P05",
                "participant",
                "The training budget was cut in half this year, so new starters get two days "
                "instead of five.\nP05:\n[inaudible].\nSorry, someone's at the door, one sec. "
                "Right, sorry, that was the window cleaner.",
            ),
        ],
    )
    from roqa_nlp.transcripts.backchannel_gaps import with_backchannel_gaps

    t = with_backchannel_gaps(t, [t.text.index("five.\nP05:") + 6, t.text.index("Sorry")])
    got = AutoCoder.load().code([t]).segments
    assert [(s.segment.text[:12], s.procedural) for s in got] == [
        ("The training", False),
        ("P05:\n[inaudi", True),
    ]
    assert all(t.text[s.segment.start : s.segment.end] == s.segment.text for s in got)


def test_no_aside_is_parted_where_no_backchannel_was_left_out(tmp_path: Path) -> None:
    """Session 73: the answer and the parcel typed as two lines of P23's turn, with no
    backchannel between, stay one segment: a segment is parted only where a reader left a
    backchannel out (s72 parted any line break after a sentence's end, and embedded every
    multi-line segment's pieces again to judge them: +23% CPU on cold coding)."""
    import csv

    with (DATA.parent / "asides" / "parcel_after_backchannel.csv").open(encoding="utf-8") as f:
        rows = [(r["speaker"], r["text"]) for r in csv.DictReader(f)]
    del rows[2]  # the interviewer's "Okay."
    path = tmp_path / "p23_interview.txt"
    path.write_text(
        "Interviewer: {}\n\nP23: {}\n{}\n\nInterviewer: {}\n\nP23: {}\n".format(
            *(w for _, w in rows[:5])
        ),
        "utf-8",
    )
    got = _coded(path)
    assert [g[0] for g in got] == ["We've got a recovery lea", "The other barrier is hou"]


def test_segments_of_judges_no_piece_when_no_backchannel_was_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cost of parting asides: a transcript whose readers left no backchannel out (here
    multi-line turns built in memory) has no piece embedded again by ``segments_of``."""
    ac = AutoCoder.load()
    t = Transcript.from_turns(
        "p05",
        [
            ("Interviewer", "interviewer", "What gets in the way?"),
            ("P05", "participant", "The budget was cut.\nSorry, a parcel, one sec.\nRight."),
        ],
    )

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a piece was embedded to judge it")

    monkeypatch.setattr(ac, "_suggest_rows", refuse)
    assert [s.text for s in ac.segments_of(t)] == [
        "The budget was cut.\nSorry, a parcel, one sec.\nRight."
    ]


def test_an_aside_is_parted_the_same_after_transcripts_jsonl(tmp_path: Path) -> None:
    """The places a reader left a backchannel out are kept in transcripts.jsonl, so the
    transcript read back is segmented as it was coded."""
    from roqa_nlp.result import CodingResult
    from roqa_nlp.transcripts import read_transcript

    t = read_transcript(DATA.parent / "asides" / "parcel_after_backchannel.csv")
    ac = AutoCoder.load()
    ac.code([t]).save(tmp_path / "coded")
    back = CodingResult.read(tmp_path / "coded").transcripts[t.id]
    assert ac.segments_of(back) == ac.segments_of(t)
    assert len(ac.segments_of(t)) == 3


def test_an_apology_that_opens_talk_after_a_backchannel_is_not_parted_off() -> None:
    """Hunter s73, R2: "Sorry, I've lost my thread. Where the council really let us down was
    the housing list." after the interviewer's ``Mm-hmm.`` was parted off the agency answer as
    procedural (the piece's top code 0.04), out of Table 2. A set-aside piece one of whose
    sentences alone fits a code (the council sentence, top code 0.69 with the question) is
    talk; the line-drop aside, whose question about the inspections fits none (0.24), is still
    parted off."""
    got = _coded(DATA.parent / "asides" / "apology_opens_talk_after_backchannel.vtt")
    assert [g[:3] for g in got] == [
        ("Agency cover became the ", False, False),
        ("You can't change a cultu", False, False),
        ("Sorry, the line dropped ", True, False),
    ]
    assert got[0][3] is not None and got[1][3] is not None


def test_line_trouble_after_a_barrier_answer_is_parted_off_whatever_the_question() -> None:
    """Hunter s74, R1: "Sorry, can you hear me? The signal keeps dropping." after the
    interviewer's ``Mm-hm.`` was joined to the staffing answer and quoted in Table 2 as its
    first barrier quote: read with the barrier question, "The signal keeps dropping." fitted
    a code (0.53; 0.60 after a question on commissioners), read on its own words it fits none
    (0.39). A sentence makes a set-aside piece talk only when it fits a code read with the
    question and read alone too; so "Did you hear that bit about the inspections?" (0.75 after
    the commissioners question, 0.31 alone) leaves its line-drop aside parted off."""
    got = _coded(DATA.parent / "asides" / "line_trouble_after_barrier_answers.vtt")
    assert [g[:3] for g in got] == [
        ("Staffing is the big one.", False, False),
        ("Sorry, can you hear me? ", True, False),
        ("The contract pays for ho", False, False),
        ("Sorry, the line dropped ", True, False),
    ]
    assert got[0][3] is not None and got[2][3] is not None
