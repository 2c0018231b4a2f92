"""Specification of every training-data file: provenance, codes and ids, and what is trained on.

``training_data/*.jsonl`` is what ``roqa train training_data`` reads; ``training_data/not_used/``
holds data that was written and measured but not adopted (``benchmarks/training_data_ablation.py``
reads it), so it must stay out of the packaged model.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from roqa_nlp.codebook import Codebook
from roqa_nlp.errors import RoqaError
from roqa_nlp.training import load_training_set, training_files
from roqa_nlp.transcripts.backchannels import is_backchannel

REPO = Path(__file__).resolve().parents[1]
TRAINING = REPO / "training_data"
NOT_USED = TRAINING / "not_used"
#: records in CFIR 2.0's codes, read only by ``roqa train training_data --codebook cfir-2022``
CFIR_2022 = TRAINING / "cfir-2022"
CFIR_2009_FILES = sorted(TRAINING.glob("*.jsonl")) + sorted(NOT_USED.glob("*.jsonl"))
FILES = CFIR_2009_FILES + sorted(CFIR_2022.glob("*.jsonl"))
SOURCES = {"seed-paper", "team-written"}


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(TRAINING)))
def test_every_record_states_its_source_and_provenance(path: Path) -> None:
    for r in _records(path):
        assert r["source"] in SOURCES, r["id"]
        if r["source"] == "team-written":
            assert "own words" in r["provenance"], r["id"]
        else:  # the seed paper's quotes cite it by DOI
            assert r["provenance"]["doi"] == "10.1080/15332985.2021.1949426", r["id"]


@pytest.mark.parametrize("path", CFIR_2009_FILES, ids=lambda p: str(p.relative_to(TRAINING)))
def test_every_code_is_a_codable_cfir_2009_construct(path: Path) -> None:
    book = Codebook.load("cfir-2009")
    codable = {c.id for c in book.codable}
    for r in _records(path):
        assert set(r["codes"]) <= codable, r["id"]


def test_ids_and_texts_are_unique_across_all_files() -> None:
    records = [r for f in FILES for r in _records(f)]
    ids = [r["id"] for r in records]
    texts = [" ".join(r["text"].lower().split()) for r in records]
    assert len(set(ids)) == len(ids)
    assert len(set(texts)) == len(texts)


def test_spoken_answers_carry_the_interviewers_question() -> None:
    spoken = [r for f in sorted(NOT_USED.glob("spoken_answers_*.jsonl")) for r in _records(f)]
    assert len(spoken) == 430
    assert all(r["style"] == "spoken" and r["context"].strip() for r in spoken)
    assert sum(1 for r in spoken if not r["codes"]) == 40


def test_the_packaged_model_learned_from_the_folders_own_files_only() -> None:
    book = Codebook.load("cfir-2009")
    ts = load_training_set(TRAINING, book)
    card = json.loads((REPO / "models" / "default" / "model_card.json").read_text("utf-8"))
    assert training_files(TRAINING) == sorted(TRAINING.glob("*.jsonl"))
    assert card["training_data"]["sha256"] == ts.hash
    assert card["training_data"]["n_records"] == len(ts) == 9465


def test_the_cfir_2022_records_are_18_or_20_of_each_code_no_cfir_2009_code_maps_onto() -> None:
    """Session 77: the 26 CFIR 2.0 codes the packaged model never suggests, charted from CFIR
    2009, have records of their own for a model trained in CFIR 2.0."""
    from roqa_nlp.crosswalk import unreachable

    unmapped = unreachable(Codebook.load("cfir-2009"), Codebook.load("cfir-2022"))
    records = [r for f in sorted(CFIR_2022.glob("*.jsonl")) for r in _records(f)]
    per_code = Counter(c for r in records for c in r["codes"])
    assert all(len(r["codes"]) == 1 for r in records)
    assert set(per_code) == unmapped and len(unmapped) == 26
    assert sorted(Counter(per_code.values()).items()) == [(18, 23), (20, 3)]
    assert Counter(r["valence"] for r in records) == {"enabler": 199, "barrier": 186, "neutral": 89}


def test_training_in_cfir_2022_reads_its_folder_and_the_cfir_2009_records_translated() -> None:
    """``roqa train training_data --codebook cfir-2022``: the CFIR 2009 records as their CFIR
    2.0 counterparts (every one of each code's), the 109 coded only Individual Identification
    with Organization (which CFIR 2.0 dropped) left out, and ``cfir-2022/``'s records added."""
    book = Codebook.load("cfir-2022")
    with pytest.warns(UserWarning) as said:
        ts = load_training_set(TRAINING, book)
    assert [str(w.message) for w in said] == [
        f"{TRAINING}: 7991 records are coded in cfir-2009: trained as their cfir-2022 "
        "counterparts through the documented mapping, each code as every one of its "
        "counterparts; 109 left out: no counterpart in cfir-2022"
    ]
    assert training_files(TRAINING, book) == training_files(TRAINING) + sorted(
        CFIR_2022.glob("*.jsonl")
    )
    assert len(ts) == 9465 - 39 - 109 + 67 + 474
    assert {c for codes in ts.codes for c in codes} == {c.id for c in book.codable}


def test_not_used_data_loads_like_training_data() -> None:
    book = Codebook.load("cfir-2009")
    ts = load_training_set(NOT_USED, book, descriptions=False)
    spoken = [
        i
        for i, r in enumerate(ts.ids)
        if not r.startswith(("ex7-", "ex9-", "sa37-", "aside-", "ex82-", "s86-", "s87-"))
    ]
    assert len(spoken) == 430
    batch9 = [c for r, c in zip(ts.ids, ts.codes) if r.startswith("ex9-")]
    assert sorted(Counter(c[0] for c in batch9).items()) == [
        ("IC.F", 20), ("IS.D.2", 25), ("IS.D.6", 20), ("OS.B", 20), ("PR.A", 7), ("PR.C", 8)
    ]  # fmt: skip
    assert [ts.contexts[i] for i in spoken].count("") == 0  # each spoken answer has its question
    assert {v for v, c in zip(ts.valences, ts.codes) if c} == {"barrier", "enabler", "neutral"}


def test_the_session_82_asides_and_their_work_talk_counterparts_are_not_trained_on() -> None:
    """Session 82 (classifier_comparison.md): 85 personal asides and gripes (38 with money words,
    12 role statements, 4 of them call trouble) as talk that fits no code, and 12 lines of work
    talk in personal words, measured and not adopted: the packaged model reads neither."""
    asides = _records(NOT_USED / "offframework_asides_s82.jsonl")
    work = _records(NOT_USED / "exemplars_s82_work_talk.jsonl")
    assert Counter(r["theme"] for r in asides) == {"money words": 38, "other": 35, "role": 12}
    assert Counter(r["kind"] for r in asides) == {"off-framework": 81, "procedural": 4}
    assert all(r["codes"] == [] for r in asides)
    assert Counter(c for r in work for c in r["codes"]) == {"IS.E.2": 8, "IS.E.3": 3, "OS.A": 1}
    trained = {r for f in training_files(TRAINING) for r in (x["id"] for x in _records(f))}
    assert not trained & {r["id"] for r in asides + work}


def test_the_session_86_barriers_told_as_absence_are_not_trained_on() -> None:
    """Session 86 (classifier_comparison.md, "barriers told as absence"): 54 barriers told as
    absence, insufficiency, hedge or "good, but" and 28 enablers told as a problem overcome or
    with absence words, measured and not adopted: the packaged model reads none of them."""
    told = _records(NOT_USED / "valence_told_s86.jsonl")
    assert Counter(r["valence"] for r in told) == {"barrier": 54, "enabler": 28}
    assert all(r["source"] == "team-written" and len(r["codes"]) == 1 for r in told)
    trained = {r for f in training_files(TRAINING) for r in (x["id"] for x in _records(f))}
    assert not trained & {r["id"] for r in told}


def test_the_session_87_contrast_pairs_are_not_trained_on() -> None:
    """Session 87 (classifier_comparison.md, "contrast pairs"): 80 lines, five on each side of
    the eight construct pairs most confused on the held-out interview folds, measured and not
    adopted: the packaged model reads none of them."""
    pairs = _records(NOT_USED / "contrast_pairs_s87.jsonl")
    assert Counter(r["pair"] for r in pairs) == {
        p: 10
        for p in ("IS.D.5/PR.D", "CI.A/OS.A", "IC.A/IS.D.1", "PR.B.1/PR.B.3", "IS.E.2/OS.D",
                  "IC.F/IS.E.2", "IS.D.3/IS.E.2", "CI.A/CI.B")
    }  # fmt: skip
    for pair in {r["pair"] for r in pairs}:
        sides = Counter(r["codes"][0] for r in pairs if r["pair"] == pair)
        assert sides == dict.fromkeys(pair.split("/"), 5), pair
    assert all(r["source"] == "team-written" and len(r["codes"]) == 1 for r in pairs)
    trained = {r for f in training_files(TRAINING) for r in (x["id"] for x in _records(f))}
    assert not trained & {r["id"] for r in pairs}


def test_mixed_valence_turns_are_five_per_construct() -> None:
    """3 mixed (neutral), 1 barrier and 1 enabler with a minor concession, for each construct."""
    book = Codebook.load("cfir-2009")
    ts = load_training_set(NOT_USED, book, descriptions=False)
    per_code: dict[str, list[str]] = {}
    for rid, codes, valence in zip(ts.ids, ts.codes, ts.valences):
        if rid.startswith("ex7-"):
            assert len(codes) == 1, rid
            per_code.setdefault(codes[0], []).append(valence)
    assert sorted(per_code) == sorted(c.id for c in book.codable)
    assert {
        k: sorted(v)
        for k, v in per_code.items()
        if sorted(v) != ["barrier", "enabler", "neutral", "neutral", "neutral"]
    } == {}


# -- evaluation data stays out of training ------------------------------------------------------

#: the team-written interview sets: each folder holds transcripts (*.txt) and their gold.jsonl;
#: their segments are trained on (``interview_segments.jsonl``) and scored by leaving one set
#: out, so no other training record may share their words
HELDOUT_SETS = sorted(
    p.parent
    for p in (REPO / "benchmarks" / "data").glob("*/gold.jsonl")
    if any(p.parent.glob("*.txt"))
)
#: the team-written quote sets (``benchmarks/quote_sets.py``): printed quotes of fictional
#: studies, coded blind, for evaluation only
QUOTE_SETS = sorted((REPO / "benchmarks" / "data").glob("quotes_*"))
INTERVIEW_RECORDS = TRAINING / "interview_segments.jsonl"
#: interviews no training record may share a run of words with: the example interviews (never
#: trained on) against every file, the interview sets against every file but their own records
EVALUATION_INTERVIEWS = [(p, FILES) for p in sorted((REPO / "examples" / "interviews").glob("p0*"))]
EVALUATION_INTERVIEWS += [
    (p, [f for f in FILES if f != INTERVIEW_RECORDS]) for d in HELDOUT_SETS for p in d.glob("*.txt")
]


def _eight_word_runs(text: str) -> set[tuple[str, ...]]:
    import re

    words = re.findall(r"[a-z']+", text.casefold())
    return {tuple(words[i : i + 8]) for i in range(len(words) - 7)}


RecordRuns = dict[Path, list[tuple[str, frozenset[tuple[str, ...]]]]]


@pytest.fixture(scope="module")
def record_runs() -> RecordRuns:
    """Each training file's records as (id, their eight-word runs), worked out once for the
    overlap tests below (each compared every file's 10 000 records anew: 1 s a test, 180 tests).
    Read only."""
    return {
        f: [(r["id"], frozenset(_eight_word_runs(r["text"]))) for r in _records(f)] for f in FILES
    }


def _sharing(record_runs: RecordRuns, files: list[Path], runs: set[tuple[str, ...]]) -> list[str]:
    """The ids of the records of ``files`` that share an eight-word run with ``runs``."""
    return [rid for f in files for rid, own in record_runs[f] if own & runs]


@pytest.mark.parametrize(
    ("path", "files"), EVALUATION_INTERVIEWS, ids=lambda p: getattr(p, "name", "")
)
def test_no_training_record_shares_an_eight_word_run_with_an_evaluation_interview(
    path: Path, files: list[Path], record_runs: RecordRuns
) -> None:
    """The example interviews judge the model on speech it never learned from, and each interview
    set, left out, on speech only its own records hold (the participants' turns: the
    interviewer's stock phrases are never scored)."""
    from roqa_nlp.transcripts import read_transcript

    transcript = read_transcript(path)
    said = " ".join(
        transcript.text[t.start : t.end] for t in transcript.turns if t.role == "participant"
    )
    interview = _eight_word_runs(said)
    assert len(interview) > 500  # the participant's turns were read
    assert _sharing(record_runs, files, interview) == []


@pytest.mark.parametrize("folder", QUOTE_SETS, ids=lambda p: p.name)
def test_no_training_record_shares_an_eight_word_run_with_a_quote_set(
    folder: Path, record_runs: RecordRuns
) -> None:
    """The quote sets judge the model on quote-style text it never learned from."""
    quotes = [
        json.loads(line) for line in (folder / "quotes.jsonl").read_text("utf-8").splitlines()
    ]
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text("utf-8").splitlines()]
    assert [q["text"] for q in quotes] == [g["text"] for g in gold]
    assert len(quotes) == 60 and sum(1 for g in gold if g["codes"]) == 54
    runs = set().union(*(_eight_word_runs(q["text"]) for q in quotes))
    assert _sharing(record_runs, FILES, runs) == []


def test_each_interview_record_is_its_transcripts_words_with_its_turns_gold() -> None:
    """``benchmarks/interview_records.py`` wrote every participant segment of every set
    with the codes and valence of the gold turn it lies in, and an uncoded turn's segments as the
    kind of talk its coder's note names (procedural or off-framework)."""
    records = _records(INTERVIEW_RECORDS)
    gold = {
        (f"{d.relative_to(REPO).as_posix()}/{g['transcript']}.txt", g["turn"]): g
        for d in HELDOUT_SETS
        for g in _records(d / "gold.jsonl")
    }
    assert len(records) == 4809
    for r in records:
        turn = gold[(r["transcript"], r["turn"])]
        assert r["text"] in turn["text"]
        assert (r["codes"], r["valence"]) == (turn["codes"], turn["valence"])
        assert r["setting"] == "team-written interviews: " + r["transcript"].split("/")[2]
        assert r.get("kind") == (None if r["codes"] else turn["note"].split(":")[0])
    assert sum(1 for r in records if r["codes"]) == 3657
    assert {r["transcript"].rsplit("/", 1)[0] for r in records} == {
        d.relative_to(REPO).as_posix() for d in HELDOUT_SETS
    }
    # every turn has its segments, but a turn that is only a backchannel ("Sure.") has none
    said = {k for k, g in gold.items() if not is_backchannel(g["text"])}
    assert len(said) < len(gold)
    assert {(r["transcript"], r["turn"]) for r in records} == said


@pytest.mark.parametrize("folder", HELDOUT_SETS, ids=lambda p: p.name)
def test_the_heldout_gold_matches_its_interviews_turn_by_turn(folder: Path) -> None:
    book = Codebook.load("cfir-2009")
    gold = _records(folder / "gold.jsonl")
    assert {g["transcript"] for g in gold} == {p.stem for p in folder.glob("*.txt")}
    for path in sorted(folder.glob("*.txt")):
        label = f"P{path.stem.split('_')[0][1:]}: "
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")]
        turns = [p[len(label) :] for p in paragraphs if p.startswith(label)]
        rows = [g for g in gold if g["transcript"] == path.stem]
        assert [g["text"] for g in rows] == turns
        assert [g["turn"] for g in rows] == list(range(1, len(turns) + 1))
    for g in gold:
        assert len(g["codes"]) <= 2 and all(book.resolve(c).codable for c in g["codes"])
        assert g["valence"] in {"barrier", "enabler", "neutral"}
        assert g["codes"] or g["note"].startswith(("procedural:", "off-framework:"))


def test_missing_training_data_says_where_the_teams_training_data_is(tmp_path: Path) -> None:
    """``roqa train training_data`` run outside the clone said only "give training_data/ or a
    .jsonl file" (session 35): the training data ship with the clone, not the installed package."""
    with pytest.raises(RoqaError) as caught:
        training_files(tmp_path / "training_data")
    assert str(caught.value) == (
        f"{tmp_path / 'training_data'}: training data not found (the team's training data is "
        f"the clone's training_data/ folder, {TRAINING}, which is not installed with the "
        "package: give that folder, a folder of your own or a .jsonl file)"
    )


SHORT_ANSWERS = REPO / "benchmarks" / "data" / "short_answers" / "check.jsonl"


def test_the_short_answer_check_set_is_42_answers_and_30_procedural_lines_of_3_to_25_words() -> (
    None
):
    lines = _records(SHORT_ANSWERS)
    assert Counter(r["kind"] for r in lines) == {"coded": 42, "procedural": 30}
    assert all(3 <= len(r["text"].split()) <= 25 and r["question"].strip() for r in lines)
    book = Codebook.load("cfir-2009")
    codable = {c.id for c in book.codable}
    assert all(r["codes"] and set(r["codes"]) <= codable for r in lines if r["kind"] == "coded")
    assert {r["valence"] for r in lines if r["kind"] == "coded"} == {"barrier", "enabler"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(TRAINING)))
def test_no_training_record_shares_a_six_word_run_with_the_short_answer_check_set(
    path: Path,
) -> None:
    """The check set's lines are short, so six words, not eight, make a shared phrase."""
    import re

    def runs(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z']+", text.casefold())
        return {tuple(words[i : i + 6]) for i in range(len(words) - 5)}

    check = set().union(*(runs(r["text"]) for r in _records(SHORT_ANSWERS)))
    assert [r["id"] for r in _records(path) if runs(r["text"]) & check] == []


def test_the_short_answer_exemplars_are_short_and_not_trained_on() -> None:
    """148 team-written short answers (52 of them word traps: words of procedural talk in a
    content answer), measured and not adopted (benchmarks/results/short_answers.md)."""
    book = Codebook.load("cfir-2009")
    ts = load_training_set(NOT_USED, book, descriptions=False)
    short = [i for i, r in enumerate(ts.ids) if r.startswith("sa37-")]
    assert len(short) == 148 and not any(
        r["id"].startswith("sa37-") for f in sorted(TRAINING.glob("*.jsonl")) for r in _records(f)
    )
    assert all(3 <= len(ts.texts[i].split()) <= 25 and ts.codes[i] for i in short)
    records = _records(NOT_USED / "short_answers_s37.jsonl")
    assert sum(1 for r in records if r.get("trap")) == 52
