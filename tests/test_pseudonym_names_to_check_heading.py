"""The heading of the words listed to check says what they are in words true of every one: they
were written as a name at least once. It said "capitalised within a sentence, never in lower
case", which a greeted name opening a sentence (``Hi Ruth``), one opening a sentence before an
apposition (``Tom, our commissioner, ...``) and a given name that is also a word, written in
lower case elsewhere (``Hope`` beside ``I hope so``), are not (s74 f_privacy3 left open)."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.cli.code_cmd import names_to_check_lines
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.schema import Transcript, Turn
from test_cli_core import roqa

HEADING = (
    "word(s) of the talk that may still name a person or a place (written as a name at least "
    "once, not in the key)"
)
TALK = (
    "Interviewer: Hi Ruth, thanks for making the time today.\n"
    "P01: Tom, our commissioner, comes out every quarter. I hope so. We asked Hope about the "
    "rota, and Mrs Patel signed it off.\n"
)


def test_the_words_listed_are_not_all_capitalised_within_a_sentence_and_never_lower() -> None:
    """The case itself: each of these words is listed, and none fits the old heading."""
    start = TALK.index("Tom")
    end = len(TALK) - 1
    t = Transcript(
        "p01",
        TALK,
        [
            Turn("Interviewer", "interviewer", len("Interviewer: "), TALK.index("\n")),
            Turn("P01", "participant", start, end),
        ],
    )
    (after,), key = pseudonymise([t], PseudonymKey({}))
    assert {"Ruth", "Tom", "Hope", "Patel"} <= {f.word for f in names_to_check([after], key)}


def test_roqa_pseudonymise_heads_them_in_words_true_of_each(tmp_path: Path) -> None:
    study = tmp_path / "study"
    study.mkdir()
    (study / "p01.txt").write_text(TALK, "utf-8")
    key = tmp_path / "key.csv"
    run = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    assert f"Check 4 {HEADING}; add a row to {key}" in out, out
    assert "never in lower case" not in out and "within a sentence" not in out


def test_roqa_code_heads_them_so_too() -> None:
    found = [NameToCheck("Tom", 1, ("p01",)), NameToCheck("Hope", 1, ("p01",))]
    assert names_to_check_lines(found, Path("key.csv"), every_name=False) == [
        f"Check 2 {HEADING}: Tom, Hope; add a row to key.csv, a new file whose first line is "
        "name,pseudonym, for each that identifies someone (e.g. London,city gives [city]), then "
        "run again."
    ]
