"""Specification of pseudonymising speaker labels written with a character of no width inside
(session 42, regression hunter's H1). The reader takes ``Sar\\u200bah Khan:`` as Sarah Khan and
``Inter\\u200bviewer:`` as the interviewer (text pasted from a web page), but ``roqa
pseudonymise`` replaced the name in the label as the file writes it, which its pattern did not
find: the copy read ``Sar\\u200bah P01:`` (on screen "Sarah P01", her first name left), and read
again, her answer was glued to the question before it, never coded; ``Jane\\u200bDoe:`` became
``P03\\u200bP03``. Now a label with such a character is replaced whole (its span in the file,
the character included) by the pseudonym or the role it is read as, and a keyed name in the talk
split by one is found too, so the copy reads ``P01:`` and is read again as the same speakers."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript

ZW = "\u200b"


def _read(path: Path) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path)


def _pseudonymised(tmp_path: Path, text: str) -> tuple[Transcript, Transcript]:
    """The transcript of a .txt file of ``text`` pseudonymised with a new key, and its text
    written to a file and read again."""
    path = tmp_path / "interview.txt"
    path.write_text(text, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([_read(path)], PseudonymKey())
    again = tmp_path / "again.txt"
    again.write_text(after.text, encoding="utf-8")
    return after, _read(again)


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def test_a_label_split_by_a_zero_width_space_is_replaced_whole(tmp_path: Path) -> None:
    after, again = _pseudonymised(
        tmp_path,
        f"Inter{ZW}viewer: How is staffing?\n"
        f"Sar{ZW}ah Khan: We lost three support workers.\n"
        "Interviewer: Why?\n"
        "Sarah Khan: Pay is poor.\n",
    )
    assert after.text == (
        "Interviewer: How is staffing?\n"
        "P01: We lost three support workers.\n"
        "Interviewer: Why?\n"
        "P01: Pay is poor.\n"
    )
    expected = [
        ("Interviewer", "interviewer", "How is staffing?"),
        ("P01", "participant", "We lost three support workers."),
        ("Interviewer", "interviewer", "Why?"),
        ("P01", "participant", "Pay is poor."),
    ]
    assert _turns(after) == expected
    assert _turns(again) == expected
    assert after.metadata["names_replaced"] == 2


def test_a_zero_width_space_between_a_labels_words_is_replaced_with_them(
    tmp_path: Path,
) -> None:
    after, again = _pseudonymised(
        tmp_path,
        f"Jane Doe: How is staffing?\nSar{ZW}ah Khan: Poor.\nJane{ZW}Doe: Why?\nSarah Khan: Pay.\n",
    )
    assert after.text == "P01: How is staffing?\nP02: Poor.\nP01: Why?\nP02: Pay.\n"
    assert _turns(again) == _turns(after)
    assert [u.speaker for u in again.turns] == ["P01", "P02", "P01", "P02"]


def test_a_keyed_name_split_by_a_zero_width_space_in_the_talk_is_replaced(
    tmp_path: Path,
) -> None:
    after, _ = _pseudonymised(
        tmp_path,
        "Interviewer: How is staffing?\n"
        f"Sarah Khan: We lost three. Ask Sar{ZW}ah Khan or Sarah{ZW}Khan later, or Sar{ZW}ah.\n"
        "Interviewer: Why?\n"
        "Sarah Khan: Pay is poor.\n",
    )
    assert after.text == (
        "Interviewer: How is staffing?\n"
        "P01: We lost three. Ask [P01] or [P01] later, or [P01].\n"
        "Interviewer: Why?\n"
        "P01: Pay is poor.\n"
    )
