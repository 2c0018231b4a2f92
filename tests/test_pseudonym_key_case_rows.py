"""Rows of a pseudonym key whose names differ only in case (``kerry`` and ``Kerry``, the same
pseudonym) are the user's rows, and each is written back byte for byte when the key is rewritten
(docs/privacy.md, "The key file").

Session 75 tester (pseudo, K1): ``PseudonymKey.read(k).write(p)``, and a roqa pseudonymise run
adding a speaker, wrote the key without its ``Kerry,CMHT worker C`` row, unsaid.
"""

from __future__ import annotations

from pathlib import Path

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise
from test_cli_core import roqa

KEY = (
    "name,pseudonym,notes\n"
    "Pat Jones,P01,\n"
    "kerry,CMHT worker C,as the transcript writes it\n"
    "Kerry,CMHT worker C,\n"
    "KERRY,CMHT worker C,shouted\n"
)


def test_rows_differing_only_in_case_are_each_written_back(tmp_path: Path) -> None:
    k = tmp_path / "key.csv"
    k.write_text(KEY, encoding="utf-8")
    PseudonymKey.read(k).write(tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_text(encoding="utf-8") == KEY


def test_a_run_adding_a_speaker_keeps_each_of_them(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "p07.txt").write_text(
        "Interviewer: Tell me more.\n\nPat Newman: Kerry from the CMHT helped me.\n",
        encoding="utf-8",
    )
    k = tmp_path / "key.csv"
    k.write_text(KEY, encoding="utf-8")
    run = roqa("pseudonymise", tmp_path / "raw", "--key", k, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert k.read_text(encoding="utf-8") == KEY + "Pat Newman,P07,\n"
    assert "[CMHT worker C] from the CMHT" in (tmp_path / "out" / "p07.txt").read_text()


def test_a_row_written_in_lower_case_replaces_that_spelling(tmp_path: Path) -> None:
    """s76 hunt k1: ``kerry,Person A`` left "kerry" and listed it, asking for a row the key
    held; a single word in lower case with no such row still stays and is listed."""
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "p01.txt").write_text(
        "Interviewer: What gets in the way?\nMaria Okafor: Kerry said we lacked staff. kerry "
        "runs the rota. KERRY too. denise helps.\n",
        encoding="utf-8",
    )
    k = tmp_path / "key.csv"
    k.write_text(
        "name,pseudonym\nkerry,Person A\nMaria Okafor,P01\nDenise Okoro,P02\n", encoding="utf-8"
    )
    run = roqa("pseudonymise", tmp_path / "raw", "--key", k, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (tmp_path / "out" / "p01.txt").read_text(encoding="utf-8") == (
        "Interviewer: What gets in the way?\nP01: [Person A] said we lacked staff. [Person A] "
        "runs the rota. [Person A] too. denise helps.\n"
    )
    said = " ".join(run.out.split())
    still, replaced = said.split("Replaced in lower case: 1 word(s)")
    assert still.endswith("Word, times, transcripts, a word of the name of: denise 1 p01 [P02] ")
    assert "kerry" not in still
    # listed to check that it reads as the name (s77 hunt2 F2)
    assert replaced.endswith(
        "a word of the name of: kerry 1 p01 [Person A] Wrote 1 "
        f"pseudonymised transcript(s) to {tmp_path / 'out'}."
    )


def test_a_row_written_in_lower_case_of_an_everyday_word_leaves_the_word() -> None:
    key = PseudonymKey({"will": "manager"})
    (after,), key = pseudonymise([talk("p01", "we will see, Will said.")], key)
    assert after.text == "P01: we will see, [manager] said.\n"
    assert [(f.word, f.keyed_as) for f in names_to_check([after], key)] == [("will", ("manager",))]
