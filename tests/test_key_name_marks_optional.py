"""A pseudonym key's name written with marks the talk often leaves out (Arabic harakat, Hebrew
points, a Devanagari nukta, tone marks on Twi/Ewe ``ɔ``/``ɛ``) is replaced in the talk with or
without them, and a plain key's name in pointed talk. Before (s62 h_labels R1), the commit that
kept a Hindi virama in a key name's pattern kept every such mark, so ``مُحَمَّد عَلِي`` in the key
left ``محمد علي`` in the pseudonymised copy, with nothing to say so. A virama and a vowel sign
stay: the talk must have them (``शर्म`` is not ``शर्मा``)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript, Turn
from test_cli_core import roqa

ARABIC = "\u0645\u064f\u062d\u064e\u0645\u0651\u064e\u062f \u0639\u064e\u0644\u0650\u064a"
ARABIC_PLAIN = "\u0645\u062d\u0645\u062f \u0639\u0644\u064a"
HEBREW = "\u05de\u05b4\u05d9\u05db\u05b8\u05d0\u05b5\u05dc \u05db\u05bc\u05b9\u05d4\u05b5\u05df"
HEBREW_PLAIN = "\u05de\u05d9\u05db\u05d0\u05dc \u05db\u05d4\u05df"
HINDI = "\u091c\u093c\u0948\u0928\u092c \u0916\u093c\u093e\u0928"  # with nukta
HINDI_PLAIN = "\u091c\u0948\u0928\u092c \u0916\u093e\u0928"
TWI = "K\u0254\u0301f\u00ed M\u025b\u0301nsah"
TWI_PLAIN = "K\u0254fi M\u025bnsah"

PAIRS = [
    (ARABIC, ARABIC_PLAIN),
    (HEBREW, HEBREW_PLAIN),
    (HINDI, HINDI_PLAIN),
    (TWI, TWI_PLAIN),
]


def _copy(key_name: str, talk_name: str) -> str:
    talk = f"I rang {talk_name} about the rota."
    t = Transcript("p04", f"P04: {talk}\n", [Turn("P04", "participant", 5, 5 + len(talk))])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey({key_name: "colleague"}))
    return after.text


@pytest.mark.parametrize(("marked", "plain"), PAIRS)
def test_a_marked_key_name_is_replaced_in_plain_talk(marked: str, plain: str) -> None:
    assert _copy(marked, plain) == "P04: I rang [colleague] about the rota.\n"


@pytest.mark.parametrize(("marked", "plain"), PAIRS)
def test_a_marked_key_name_is_replaced_as_written(marked: str, plain: str) -> None:
    assert _copy(marked, marked) == "P04: I rang [colleague] about the rota.\n"


@pytest.mark.parametrize(("marked", "plain"), PAIRS)
def test_a_plain_key_name_is_replaced_in_pointed_talk(marked: str, plain: str) -> None:
    assert _copy(plain, marked) == "P04: I rang [colleague] about the rota.\n"


def test_a_trailing_mark_goes_with_the_name() -> None:
    """A final tanween (U+064C) on the talk's name is replaced with it, not left stray."""
    assert _copy(ARABIC, ARABIC_PLAIN + "\u064c") == "P04: I rang [colleague] about the rota.\n"


def test_a_vowel_sign_or_virama_the_key_has_is_still_needed() -> None:
    """``राम कुमार`` is not ``राम कुमारी`` or ``रामा कुमार``; ``लक्ष्मी`` is not ``लकषमी``."""
    ram = "\u0930\u093e\u092e \u0915\u0941\u092e\u093e\u0930"
    talk = "\u0930\u093e\u092e \u0915\u0941\u092e\u093e\u0930\u0940"
    assert _copy(ram, talk) == f"P04: I rang {talk} about the rota.\n"
    talk = "\u0930\u093e\u092e\u093e \u0915\u0941\u092e\u093e\u0930"
    assert _copy(ram, talk) == f"P04: I rang {talk} about the rota.\n"
    lakshmi = "\u0932\u0915\u094d\u0937\u094d\u092e\u0940"
    talk = "\u0932\u0915\u0937\u092e\u0940"
    assert _copy(lakshmi, talk) == f"P04: I rang {talk} about the rota.\n"


def test_roqa_pseudonymise_replaces_marked_key_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "talk.txt").write_text(
        f"P01: {ARABIC_PLAIN} helped me, and {HEBREW_PLAIN}, and {HINDI_PLAIN}, "
        f"and {TWI_PLAIN} too.\n",
        encoding="utf-8",
    )
    (tmp_path / "key.csv").write_text(
        f"name,pseudonym\nP01,P01\n{ARABIC},P02\n{HEBREW},P03\n{HINDI},P04\n{TWI},P05\n",
        encoding="utf-8",
    )
    run = roqa("pseudonymise", "talk.txt", "--key", "key.csv", "--out", "ps")
    assert run.code == 0, run.err
    assert (tmp_path / "ps" / "talk.txt").read_text(encoding="utf-8") == (
        "P01: [P02] helped me, and [P03], and [P04], and [P05] too.\n"
    )
