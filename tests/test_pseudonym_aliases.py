"""Specification of a key row that gives a word a person's own pseudonym (``Mo,P07``): an alias
of that person (a nickname), replaced by their pseudonym where they speak, like their first name."""

from __future__ import annotations

from pathlib import Path

from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.transcripts import read_transcripts

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
    assert found == [("Gaz", 1, ("p07_interview",)), ("Mo", 1, ("p11_interview",))]


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
