"""Specification: ``roqa train`` recognises the files ``roqa evaluate`` does that hold no
labelled records (a transcript, a folder of them, the folder ``roqa code`` wrote, its
codings.jsonl and codings.csv, a decisions file), says in one line what each is and what to run
instead, before anything is written; and ``roqa evaluate`` says what it takes of roqa's
codings.csv and of a decisions file. Before (s86 docswalk D3, L1): train said "line 1 is not
valid JSON" of a transcript, "looks like a ZIP archive (a .docx ... under another name)" of a
real .docx, "no training files found" of a folder of transcripts, "has no `construct` or `codes`
column" of coded/ and codings.csv (an invitation to edit roqa's own output) and "line 1 has no
code" of codings.jsonl; evaluate said "has no construct column" of codings.csv and, of a
decisions file, that it was "not training data"."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from roqa_nlp.not_records import kind_of
from test_cli_core import roqa

ROOT = Path(__file__).resolve().parents[1]
TRAIN_TAKES = (
    "roqa train takes labelled records (.jsonl, .csv, .tsv or .xlsx with the columns text and "
    "construct, as in training_data/)"
)
EVALUATE_TAKES = (
    "roqa evaluate takes labelled records (.jsonl, .csv or .xlsx with the columns text and "
    "construct)"
)
LEARN = "roqa train training_data --feedback coded/decisions.csv --out MODEL"
CODING = {"segment_id": "p01:0001", "text": "We had no budget.", "suggestions": []}
CODINGS_CSV = (
    "transcript,segment_id,speaker,start,end,text,code_1,name_1\np01,p01:0001,P01,0,5,Hi,,\n"
)
DECISIONS = "segment_id,decision,code_id,new_code,note,text,valence,suggestion\np01:0001,accept,IS.E.2,,,Hi,,\n"
TRANSCRIPT_CSV = "speaker,text\nInterviewer,How is it going?\nP01,We had no budget.\n"


@pytest.fixture
def study(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A study folder, the working folder: interviews/ (a .txt, .vtt and a real .docx), csv/ (a
    transcript as a speaker,text spreadsheet) and coded/, as roqa code and a review leave it."""
    interviews = tmp_path / "interviews"
    interviews.mkdir()
    (interviews / "p01.txt").write_text("Interviewer: Hello.\nP01: We lack staff.\n", "utf-8")
    (interviews / "p02.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\nHi.\n", "utf-8")
    shutil.copy(ROOT / "examples" / "interviews" / "p03_interview.docx", interviews / "p03.docx")
    (tmp_path / "csv").mkdir()
    (tmp_path / "csv" / "p04.csv").write_text(TRANSCRIPT_CSV, "utf-8")
    coded = tmp_path / "coded"
    coded.mkdir()
    (coded / "codings.jsonl").write_text(json.dumps(CODING) + "\n", "utf-8")
    (coded / "codings.csv").write_text(CODINGS_CSV, "utf-8")
    (coded / "decisions.csv").write_text(DECISIONS, "utf-8")
    (coded / "run.json").write_text("{}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("given", "error"),
    [
        (
            "interviews/p01.txt",
            "is a transcript, not training records ({takes}; to code it: roqa code "
            "interviews/p01.txt --out coded/, then learn from your review of the codings: {learn})",
        ),
        (
            "interviews/p02.vtt",
            "is a transcript, not training records ({takes}; to code it: roqa code "
            "interviews/p02.vtt --out coded/, then learn from your review of the codings: {learn})",
        ),
        (
            "interviews/p03.docx",
            "is a transcript, not training records ({takes}; to code it: roqa code "
            "interviews/p03.docx --out coded/, then learn from your review of the codings: "
            "{learn})",
        ),
        (
            "csv/p04.csv",
            "is a transcript, not training records ({takes}; to code it: roqa code csv/p04.csv "
            "--out coded/, then learn from your review of the codings: {learn})",
        ),
        (
            "interviews",
            "holds transcripts, not training records ({takes}; to code them: roqa code "
            "interviews --out coded/, then learn from your review of the codings: {learn})",
        ),
        (
            "csv",
            "holds transcripts, not training records ({takes}; to code them: roqa code csv "
            "--out coded/, then learn from your review of the codings: {learn})",
        ),
        (
            "coded",
            "is a folder roqa code wrote (its codings), not training records (to learn from your "
            "review of them: {learn})",
        ),
        (
            "coded/codings.jsonl",
            "is a coding result (roqa code output), not training records ({takes}; to learn from "
            "your review of these codings: {learn})",
        ),
        (
            "coded/codings.csv",
            "is a coding result (roqa code output), not training records ({takes}; to learn from "
            "your review of these codings: {learn})",
        ),
        (
            "coded/decisions.csv",
            "is a decisions file (a review of roqa code's suggestions), not training records "
            "({takes}; to learn from the review, give it with --feedback: {learn})",
        ),
    ],
)
def test_train_says_what_a_file_is_and_what_to_run(study: Path, given: str, error: str) -> None:
    run = roqa("train", given, "--out", "model")
    expected = error.format(takes=TRAIN_TAKES, learn=LEARN)
    assert (run.code, run.out, run.err) == (2, "", f"roqa: error: {given}: {expected}\n")
    assert not (study / "model").exists()


@pytest.mark.parametrize(
    ("given", "error"),
    [
        (
            "coded/codings.csv",
            "is a coding result (roqa code output), not labelled records ({takes}; to learn "
            "from your review of these codings: {learn})",
        ),
        (
            "coded/decisions.csv",
            "is a decisions file (a review of roqa code's suggestions), not labelled records "
            "({takes}; to learn from the review, give it with --feedback: {learn})",
        ),
        (
            "csv/p04.csv",
            "is a transcript, not labelled records ({takes}; to code a transcript: roqa code "
            "csv/p04.csv --out coded/)",
        ),
    ],
)
def test_evaluate_says_what_it_takes(study: Path, given: str, error: str) -> None:
    run = roqa("evaluate", given, "--model", study / "no-model")
    expected = error.format(takes=EVALUATE_TAKES, learn=LEARN)
    assert (run.code, run.out, run.err) == (2, "", f"roqa: error: {given}: {expected}\n")


@pytest.mark.parametrize(
    "records",
    [
        ROOT / "training_data",
        ROOT / "examples" / "gold" / "labelled.jsonl",
        *sorted((ROOT / "training_data").glob("*.jsonl")),
        *sorted((ROOT / "training_data").glob("*.csv")),
    ],
    ids=lambda p: p.name,
)
def test_labelled_records_are_none_of_these(records: Path) -> None:
    assert kind_of(records) is None


def test_a_folder_of_notes_alone_is_no_folder_of_transcripts(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("My training records, to come.\n", "utf-8")
    assert kind_of(tmp_path) is None


def test_a_folder_with_one_file_of_records_is_training_data(tmp_path: Path) -> None:
    """A transcript beside labelled records does not make the folder one of transcripts (the
    records are read, the transcript left out, as before); an empty folder is none either, and
    train says it holds no training files."""
    assert kind_of(tmp_path) is None
    (tmp_path / "p01.txt").write_text("P01: We lack staff.\n", "utf-8")
    (tmp_path / "p04.csv").write_text(TRANSCRIPT_CSV, "utf-8")
    assert kind_of(tmp_path) == "transcripts"
    (tmp_path / "mine.csv").write_text("text,construct\nWe had no budget.,Cost\n", "utf-8")
    assert kind_of(tmp_path) is None
