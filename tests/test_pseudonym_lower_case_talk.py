"""A transcript whose talk is written in lower case, as speech-to-text writes it, is warned of in
one line naming the file: its names cannot be found by their capitals, so must be keyed by hand;
and a name after an honorific in lower case (``mrs adeyinka``, ``dr okafor``) is listed whole, as
written, so that a row for it replaces it. Privacy tester s77, H3: such a transcript listed
nothing, said nothing, and its names reached every output."""

from __future__ import annotations

import warnings
from pathlib import Path

from pseudonym_helpers import talk
from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import (
    NameToCheck,
    PseudonymKey,
    names_to_check,
    pseudonymise,
    warn_of_lower_case_transcripts,
)
from roqa_nlp.schema import Transcript
from test_cli_core import roqa

STT = (
    "so the key workers kemi and tunde review the goals and mrs adeyinka visits every sunday "
    "and dr okafor from mayday said no, and mr o'connor too, but i miss the bus and miss work"
)


def warned(t: Transcript) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warn_of_lower_case_transcripts([t])
    return [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]


def test_the_testers_lower_case_transcript_is_warned_of_in_one_line() -> None:
    assert warned(talk("stt_p06", STT)) == [
        "stt_p06: the talk is written in lower case (as speech-to-text writes it), so its "
        "names cannot be found by their capitals and only those after a title (mrs, dr) and "
        "common given names (kemi) are listed to check: read it and add a key row for each name "
        "in it, then run again"
    ]


def test_a_transcript_with_capitals_or_too_short_or_without_case_is_not() -> None:
    assert warned(talk("p01", STT.capitalize() + ". Then Kemi left, and I'm sure of it.")) == []
    assert warned(talk("p02", "yes i can hear you fine thanks")) == []
    assert warned(talk("p03", " ".join(["नमस्ते"] * 30))) == []


def test_names_after_an_honorific_in_lower_case_are_listed_whole() -> None:
    (after,), key = pseudonymise([talk("p01", STT)], PseudonymKey({}))
    assert names_to_check([after], key) == [
        NameToCheck("dr okafor", 1, ("p01",)),
        NameToCheck("mr o'connor", 1, ("p01",)),
        NameToCheck("mrs adeyinka", 1, ("p01",)),
        # common given names in lower case, as written (data/given_names.txt; s77, pfix3)
        NameToCheck("kemi", 1, ("p01",)),
        NameToCheck("tunde", 1, ("p01",)),
    ]


def test_a_row_for_one_replaces_it() -> None:
    (after,), key = pseudonymise(
        [talk("p01", STT)], PseudonymKey({"Mrs Adeyinka": "person 5", "Dr Okafor": "person 6"})
    )
    assert "[person 5] visits" in after.text and "[person 6] from mayday" in after.text
    assert [f.word for f in names_to_check([after], key)] == ["mr o'connor", "kemi", "tunde"]


def test_roqa_pseudonymise_warns_of_it(tmp_path: Path) -> None:
    study = tmp_path / "study"
    study.mkdir()
    (study / "stt_p06.txt").write_text(f"Interviewer: who helps\nP06: {STT}\n", encoding="utf-8")
    run = roqa("pseudonymise", study, "--key", tmp_path / "key.csv", "--out", tmp_path / "out")
    assert run.code == 0, run.err
    assert (
        "roqa: warning: stt_p06.txt: the talk is written in lower case (as speech-to-text "
        "writes it), so its names cannot be found by their capitals and only those after a "
        "title (mrs, dr) and common given names (kemi) are listed to check: read it and add a "
        "key row for each name in it, then run again\n"
    ) in run.err


def test_a_keyed_surname_misspelt_after_its_given_name_is_listed_as_the_rows() -> None:
    """Privacy2 L11 (session 78): speech-to-text's ``sara okafur`` and ``lucy pemberten`` (one
    edit from Okafor and Pemberton, after the given name) reached every output unlisted. Listed
    as the row's, not replaced: not after another word (``the oakfur team``), not a surname of
    four letters (``tom hall`` for Tom Hill), nor two edits away or another first letter."""
    key = PseudonymKey({"Dr Sarah Okafor": "P09", "LUCY PEMBERTON": "P08", "Tom Hill": "P03"})
    said = (
        "I asked sara okafur and lucy pemberten. Then lucy pemberten again, and tom hall, "
        "and sarah okafor. The oakfur team, and sarah okafir, and lucy pembartan, lucy bemberton."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), key = pseudonymise([talk("p01", said)], key)
    listed = {f.word: (f.count, f.keyed_as) for f in names_to_check([after], key)}
    assert {w: v for w, v in listed.items() if w in ("okafur", "okafir", "pemberten")} == {
        "okafur": (1, ("P09",)),
        "okafir": (1, ("P09",)),
        "pemberten": (2, ("P08",)),
    }
    assert not {"oakfur", "hall", "pembartan", "bemberton"} & set(listed)
    assert "sara okafur" in after.text  # not replaced
