"""Specification of a key row that gives a word a person's own pseudonym (``Mo,P07``): an alias
of that person (a nickname), replaced by their pseudonym where they speak, like their first name."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.transcripts import read_transcripts
from test_cli_core import roqa

KEY = {
    "Sam Roe": "Interviewer",
    "Maria Okafor": "P07",
    "Gareth Jones": "P11",
    "Mo": "P07",
    "Gaz": "P11",
}


def study(tmp_path: Path) -> Path:
    (tmp_path / "p07_interview.txt").write_text(
        "Sam Roe: What do people call you?\n"
        "Maria Okafor: Everyone calls me Mo. I met Gaz at the network.\n",
        encoding="utf-8",
    )
    (tmp_path / "p11_interview.txt").write_text(
        "Sam Roe: How was it at first?\n"
        "Gareth Jones: Gaz, as they call me, was sceptical. I asked Mo about it.\n",
        encoding="utf-8",
    )
    return tmp_path


def test_a_nickname_keyed_to_a_speakers_pseudonym_is_replaced_where_they_speak(
    tmp_path: Path,
) -> None:
    """'Mo,P07' and 'Gaz,P11' were silently ignored, while 'Mo,nickname' was replaced
    everywhere (tester s37 privacy, 6): a one-word row whose pseudonym is a speaker's was taken
    only for a speaker labelled so."""
    transcripts = read_transcripts(study(tmp_path), interviewer_labels=["Sam Roe"])
    (p07, p11), key = pseudonymise(transcripts, PseudonymKey(dict(KEY)))
    assert p07.text == (
        "Interviewer: What do people call you?\n"
        "P07: Everyone calls me [P07]. I met Gaz at the network.\n"
    )
    assert p11.text == (
        "Interviewer: How was it at first?\n"
        "P11: [P11], as they call me, was sceptical. I asked Mo about it.\n"
    )
    assert key.added == []
    # in another's interview, as a first name is, the nickname is as likely someone else: listed
    found = [(f.word, f.count, f.transcripts) for f in names_to_check([p07, p11], key)]
    # Mo, a given name that is also a word ("wait a mo"), first (session 73)
    assert found == [("Mo", 1, ("p11_interview",)), ("Gaz", 1, ("p07_interview",))]


def test_a_nickname_keyed_to_a_pseudonym_no_speaker_has_is_replaced_everywhere(
    tmp_path: Path,
) -> None:
    """A row whose pseudonym is not a speaker's ('Mo,nickname') is unchanged: replaced in
    every transcript."""
    transcripts = read_transcripts(study(tmp_path), interviewer_labels=["Sam Roe"])
    key = PseudonymKey({**KEY, "Mo": "nickname", "Gaz": "nickname 2"})
    (p07, p11), _ = pseudonymise(transcripts, key)
    assert p07.turn_text(p07.turns[1]) == (
        "Everyone calls me [nickname]. I met [nickname 2] at the network."
    )
    assert p11.turn_text(p11.turns[1]) == (
        "[nickname 2], as they call me, was sceptical. I asked [nickname] about it."
    )


def test_a_speakers_own_pseudonym_row_left_in_another_interview_says_why_and_what_to_do(
    tmp_path: Path,
) -> None:
    """Tester s49 focus, 3: `roqa pseudonymise` listed 'Marek' (of Marek Nowak, P03, who speaks
    in the focus group) as still in P05's follow-up and said to add a row; the row 'Marek,P03'
    was then ignored there unsaid, and the same line came back. A row with a speaker's own
    pseudonym is their alias only where they speak (a first name elsewhere may be someone
    else), so one warning line says so and what to write instead; the word is no longer among
    the words told to add a row for."""
    study = tmp_path / "study"
    study.mkdir()
    (study / "fg1_northside.txt").write_text(
        "Interviewer: How did it start?\nMarek Nowak: I asked for champions.\n"
        "Priya Nair: I said yes.\n",
        encoding="utf-8",
    )
    (study / "p05_followup.txt").write_text(
        "Interviewer: How did you start?\nPriya Nair: So Marek asked if anyone was interested.\n",
        encoding="utf-8",
    )
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nMarek Nowak,P03\nPriya Nair,P05\nMarek,P03\n", encoding="utf-8")
    run = roqa("pseudonymise", study, "--key", key, "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (tmp_path / "out" / "p05_followup.txt").read_text(encoding="utf-8") == (
        "Interviewer: How did you start?\nP05: So Marek asked if anyone was interested.\n"
    )
    said = " ".join(run.err.split())
    assert (
        f"roqa: warning: {key}: the row 'Marek,P03' gives a participant's own pseudonym, so it "
        "replaces 'Marek' only in the interviews where P03 speaks (a first name elsewhere may be "
        "someone else, whom [P03] would misattribute); it stays in p05_followup: if it is P03 "
        "there too, give the row a description instead of the pseudonym (e.g. 'Marek,manager' "
        "gives [manager] there), then run again"
    ) in said
    assert "Still in the talk" not in run.out
