"""In a file that labels its answers (``A:``, ``P01:``, a name), the unlabelled lines and items
below a question marker are the interviewer's until the next label (session 72 f_lists3, rule
4), so an answer typed without its label (``Q1: What helped?`` / ``Training.`` / ``A:
Staffing.``) is not coded. The .txt and Word readers warn once per file (``read_transcript``, as
``roqa code`` reads, and ``roqa inspect``), naming how many such lines ask nothing, the first
one's line (Word: paragraph) and words, and the fix. Not for lines that ask, a list below words
ending in a colon (the question's own), a list of questions, a time, nor a file that labels no
answers, where those lines are the answer and coded."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.cli.inspect_cmd import transcript_summary
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

NAMED = "below a question marker"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "interviews"


def _read(path: Path, lines: list[str]) -> tuple[Transcript, list[str]]:
    if path.suffix == ".docx":
        import docx

        d = docx.Document()
        for p in lines:
            d.add_paragraph(p)
        d.save(str(path))
    else:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = read_transcript(path)
    return t, [str(w.message) for w in caught]


def _named(said: list[str]) -> list[str]:
    return [w for w in said if NAMED in w]


WARNED = {
    # the s72 f_lists3 test_transcripts case: 'Training.' is Q1's, not coded
    "a line": (["Q1: What helped?", "Training.", "A: Staffing."], 1, 2, "'Training.'"),
    # battery s69_lists5 X_Qhelped_items.docx: the items (and 'Thanks.') are Q's
    "a list below a question": (
        [
            "Q: What helped?",
            "a. training: the induction.",
            "b. money: not enough.",
            "Thanks.",
            "A: OK.",
        ],
        3,
        2,
        "'a. training: the induction.'",
    ),
    "a statement question": (
        ["Q: Tell me about your team.", "Mostly nurses.", "A: Five of them."],
        1,
        2,
        "'Mostly nurses.'",
    ),
    # a time alone and a line that asks are not counted; the answer after them is
    "a time and an asking line": (
        [
            "Interviewer: Hello.",
            "P01: Hello.",
            "Q2: What helped?",
            "00:01:02",
            "Was it the training?",
            "Yes, the training.",
            "P01: And money.",
        ],
        1,
        6,
        "'Yes, the training.'",
    ),
}


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("case", list(WARNED))
def test_an_answer_typed_without_its_label_is_named(tmp_path: Path, case: str, suffix: str) -> None:
    lines, n, at, first = WARNED[case]
    f = tmp_path / f"rm04{suffix}"
    t, said = _read(f, lines)
    got = _named(said)
    assert len(got) == 1, said
    piece = "line" if suffix == ".txt" else "paragraph"
    assert got[0].startswith(f"{f}: {n} {piece}{'s' if n != 1 else ''} {NAMED}")
    assert f"{piece} {at} {first}" in got[0]
    assert "read as the interviewer's, not coded" in got[0]
    assert "if they are answers" in got[0] or "if it is an answer" in got[0]
    assert "put the answerer's label" in got[0]
    assert "\n" not in got[0]
    assert transcript_summary(t)["unlabelled_answers"] == got[0]  # roqa inspect says it too


NOT_WARNED = {
    "a list of questions": [
        "Q. Two things.",
        "i. how did training go?",
        "ii. was there enough money?",
        "A. Training went fine.",
    ],
    "questions typed on": ["Q: What helped?", "And what got in the way?", "A: Staffing."],
    "a list below a colon": [
        "Q: Tell me about:",
        "a. your team",
        "b. the money",
        "A: Five nurses, not enough money.",
    ],
    "a time": ["Q: What helped?", "00:01:02", "A: Training."],
    "a header between": [
        "Q: What helped?",
        "Date: 4 May 2024",
        "A: Training.",
    ],
    # no answer labels: the line below is the answer, coded
    "numbered questions": [
        "Question 1: What helped?",
        "Training.",
        "Question 2: Tell me about your team.",
        "Five nurses.",
    ],
    "an answer's lettered list": [
        "Question 1: What helped?",
        "Two things.",
        "A. the staffing.",
        "B. the money.",
    ],
    "labelled answers": ["Q: What helped?", "A: Training.", "Q: And?", "A: Money."],
}


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
@pytest.mark.parametrize("case", list(NOT_WARNED))
def test_no_warning_where_nothing_is_lost(tmp_path: Path, case: str, suffix: str) -> None:
    t, said = _read(tmp_path / f"rm04{suffix}", NOT_WARNED[case])
    assert _named(said) == []
    assert transcript_summary(t)["unlabelled_answers"] is None


@pytest.mark.parametrize("name", ["p01_interview.txt", "p03_interview.docx"])
def test_the_example_interviews_give_no_such_warning(name: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_transcript(EXAMPLES / name)
    assert _named([str(w.message) for w in caught]) == []


def test_the_words_named_are_pseudonymised(tmp_path: Path) -> None:
    from roqa_nlp.pseudonyms import pseudonymise

    q, _ = _read(
        tmp_path / "p08.txt",
        [
            "Q: What helped?",
            "Maria Okafor: Our manager.",
            "Q: And who else?",
            "Maria Okafor told me it was Sam Roe.",
            "Maria Okafor: The team.",
        ],
    )
    assert "'Maria Okafor told me" in transcript_summary(q)["unlabelled_answers"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (out,), _ = pseudonymise([q])
    named = transcript_summary(out)["unlabelled_answers"]
    assert named is not None and "Maria Okafor" not in named


def test_the_documented_warning_is_the_one_given(tmp_path: Path) -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "transcripts.md").read_text("utf-8")
    f = tmp_path / "rm04.txt"
    _, said = _read(f, WARNED["a line"][0])
    got = _named(said)[0].replace(f"{f}:", "rm04.txt:")
    assert f"`{got}`" in " ".join(docs.split())
