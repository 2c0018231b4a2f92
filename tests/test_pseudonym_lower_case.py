"""Specification of names written in lower case, as speech-to-text writes them (tester s39
privacy, 1; regression hunt s39): a keyed full name in lower case ("tom hale", "denise okoro") is
replaced, but a single name word in lower case (a one-word key row, an alias row, a word of a
speaker's own name) is not, since it is as often an everyday word ("christmas eve", "her waters
have broken", "ye ken"); it stays and is listed among the words to check, so nothing is left
silently (``roqa_nlp.pseudonyms``)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import NameToCheck, PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.schema import Transcript, Turn
from roqa_nlp.transcripts import read_transcript
from test_cli_core import roqa


def interview(lines: list[tuple[str, str, str]], name: str = "p02") -> Transcript:
    """A transcript of ``(label, role, talk)`` lines, the labels as written."""
    text, turns = "", []
    for label, role, talk in lines:
        text += f"{label}: "
        turns.append(Turn(label, role, len(text), len(text) + len(talk)))
        text += talk + "\n"
    return Transcript(name, text, turns, source=f"{name}.txt")


def pseudonymised(t: Transcript, key: dict[str, str]) -> list[str]:
    """The talk of each turn of ``t`` pseudonymised with ``key``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey(key))
    return [after.turn_text(turn) for turn in after.turns]


def checked(ts: list[Transcript], key: dict[str, str]) -> tuple[list[str], list[str]]:
    """The talk of each turn of the transcripts ``ts`` pseudonymised with ``key``, and the words
    listed to check in them."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        after, k = pseudonymise(ts, PseudonymKey(key))
    talk = [a.turn_text(turn) for a in after for turn in a.turns]
    return talk, [n.word for n in names_to_check(after, k)]


def test_a_keyed_full_name_in_lower_case_is_replaced_a_single_word_listed() -> None:
    """The tester's casetest3: "tom hale" and "maria lopez" are replaced; "maria" alone, of the
    row ``maria,deputy``, is replaced too, as the row writes it so (s76 hunt k1: before session
    77 it stayed, and was listed with the advice to add the row the key held); of the row
    ``Maria,chief executive`` it stays and is listed."""
    talk = (
        "Our nominated individual tom hale is great, and Tom Hale visits monthly. Also maria "
        "helps, and Maria Lopez too, and maria lopez."
    )
    t = interview(
        [("Interviewer", "interviewer", "Who supports you?"), ("P30", "participant", talk)]
    )
    key = {"Tom Hale": "nominated individual", "Maria Lopez": "deputy", "maria": "deputy"}
    assert checked([t], key) == (
        [
            "Who supports you?",
            "Our nominated individual [nominated individual] is great, and [nominated "
            "individual] visits monthly. Also [deputy] helps, and [deputy] too, and [deputy].",
        ],
        [],
    )
    assert checked(
        [interview([("P30", "participant", "Our chief executive, maria, was brilliant.")])],
        {"Maria": "chief executive"},
    ) == (["Our chief executive, maria, was brilliant."], ["maria"])


def test_a_speakers_own_name_in_lower_case_is_listed_where_they_speak() -> None:
    """The tester's casetest4: "hello denise" in Denise Okoro's interview stays, listed; her
    full name in lower case is replaced."""
    t = interview(
        [
            ("Sam Roe", "interviewer", "hello denise, thanks so much for making the time."),
            ("Denise Okoro", "participant", "No problem sam, okoro's my name at work."),
            ("Sam Roe", "interviewer", "thank you denise okoro."),
        ]
    )
    assert checked([t], {"Sam Roe": "Interviewer", "Denise Okoro": "P12"}) == (
        [
            "hello denise, thanks so much for making the time.",
            "No problem sam, okoro's my name at work.",
            "thank you [P12].",
        ],
        ["denise", "okoro", "sam"],
    )


@pytest.mark.parametrize(
    ("key", "lines", "listed"),
    [
        (
            {"Maria": "deputy", "Eve": "manager", "Em": "nurse", "Pip": "carer", "Nana": "matron"},
            [
                ("Interviewer", "who helps?"),
                (
                    "P01",
                    "also maria helps, and em, the rota went live on christmas eve, em, my nana "
                    "said so. the pip forms are hard.",
                ),
            ],
            ["em", "eve", "maria", "nana", "pip"],
        ),
        (
            {"Karen Waters": "P03"},
            [
                ("Interviewer", "can you describe a typical shift"),
                (
                    "Karen Waters",
                    "when a woman comes in and her waters have broken we check the trace",
                ),
            ],
            ["waters"],
        ),
        (
            {"Ken Shore": "P04"},
            [
                ("Interviewer", "how did the team take to it"),
                ("Ken Shore", "och, ye ken what it's like. the shore leave rota is different."),
            ],
            ["ken", "shore"],
        ),
        (
            {"Em Walsh": "P05"},
            [
                ("Interviewer", "so can you tell me about your role"),
                ("Em Walsh", "em yeah so i'm a ward sister em i've been here about six years"),
                ("Interviewer", "thanks em"),
            ],
            ["em"],
        ),
        (
            {"Angel Cooper": "P06"},
            [
                ("Interviewer", "hi angel, thanks for joining"),
                ("Angel Cooper", "i'm basically the angel on the shoulder of the ward"),
            ],
            ["angel"],
        ),
    ],
)
def test_a_single_name_word_in_lower_case_stays_and_is_listed(
    key: dict[str, str], lines: list[tuple[str, str]], listed: list[str]
) -> None:
    """The regression hunt s39: these were rewritten "christmas [manager]", "her [P03] have
    broken", "ye [P04]", "the [P06] on the shoulder", with nothing listed."""
    roles = ["interviewer" if label == "Interviewer" else "participant" for label, _ in lines]
    t = interview([(label, role, talk) for (label, talk), role in zip(lines, roles, strict=True)])
    talk, words = checked([t], key)
    assert talk == [said for _, said in lines]
    assert sorted(words) == listed


@pytest.mark.parametrize(
    ("key", "talk"),
    [
        ({"Will Jones": "P02"}, "we will see, and I will ask jones too"),
        ({"Mark Rose": "P02"}, "mark the form, a rose garden"),
        ({"Grace Hope": "P02"}, "by the grace of god, I hope so"),
        ({"Bill Dawn": "P02"}, "the bill came at dawn"),
        ({"Hope": "manager", "May": "nurse"}, "I hope we may"),
        # a word of a display name that is a word of everyday talk (data/everyday_words.txt)
        ({"Jo Bloggs | Mind in Leeds": "P02"}, "never mind, a conference room"),
        ({"Conference Room 2": "P02"}, "a conference room"),
    ],
)
def test_a_name_that_is_also_a_word_stays_in_lower_case(key: dict[str, str], talk: str) -> None:
    speaker = next(iter(key))
    t = interview([("Interviewer", "interviewer", "Go on?"), (speaker, "participant", talk)])
    assert pseudonymised(t, key)[1] == talk


def test_a_name_that_is_also_a_word_left_in_lower_case_is_listed_to_check() -> None:
    t = interview(
        [
            ("Interviewer", "interviewer", "Go on?"),
            ("Will Jones", "participant", "we will see, and denise will too."),
        ]
    )
    key = PseudonymKey({"Will Jones": "P02", "Denise Okoro": "P12"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        after, key = pseudonymise([t], key)
    # "will" is a word, and "denise" a first name of someone who does not speak here: both stay
    assert after[0].turn_text(after[0].turns[1]) == "we will see, and denise will too."
    assert names_to_check(after, key) == [
        NameToCheck("will", 2, ("p02",), ("P02",)),  # words of the key's names: theirs
        NameToCheck("denise", 1, ("p02",), ("P12",)),
    ]


def test_roqa_pseudonymise_lists_lower_case_names(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p30.txt").write_text(
        "Interviewer: Who supports you?\nP30: Also maria helps, and we will see.\n", "utf-8"
    )
    (tmp_path / "key.csv").write_text("name,pseudonym\nmaria,deputy\nWill,manager\n", "utf-8")
    run = roqa(
        "pseudonymise", tmp_path / "in", "--key", tmp_path / "key.csv", "--out", tmp_path / "out"
    )
    assert run.code == 0, run.err
    assert read_transcript(tmp_path / "out" / "p30.txt").text == (
        "Interviewer: Who supports you?\nP30: Also [deputy] helps, and we will see.\n"
    )
    # its row writes it so: replaced (s77), and listed as replaced so, to check (s77 hunt2 F2)
    still, replaced = run.out.split("Replaced in lower case: 1 word(s)")
    assert "  maria " not in still
    assert "  will                    1  p30" in still
    assert "\n  maria                   1  p30  [deputy]\n" in replaced


def test_a_title_labelling_a_speaker_is_not_listed_in_lower_case() -> None:
    """A speaker labelled by a title alone ("Matron:", "Sister Jones:") is given a pseudonym, but
    the title is no name: "the matron" and "my sister" in their talk were listed to check as
    words of their names (a job title used as a speaker label). "jones" still is."""
    t = interview(
        [
            ("Interviewer", "interviewer", "Who runs the ward?"),
            ("Matron", "participant", "The matron does, and I am the matron here."),
            ("Sister Jones", "participant", "my sister says jones is the name on the rota."),
        ]
    )
    assert checked([t], {}) == (
        [
            "Who runs the ward?",
            "The matron does, and I am the matron here.",
            "my sister says jones is the name on the rota.",
        ],
        ["jones"],
    )


def test_a_given_name_that_is_also_a_word_is_listed_where_it_is_capitalised() -> None:
    """Session 40: a capitalised word was listed only when the study wrote it in lower case
    nowhere, so "I asked Hope" was not listed beside "I hope so" in another interview, nor "Mark"
    beside "mark the form": a name of data/word_given_names.txt capitalised within a sentence
    is listed whatever else is written. Other words also written in lower case stay unlisted
    ("Recovery College"), and so do words of national bodies ("the Ministry of Justice")."""
    a = interview(
        [
            ("Interviewer", "interviewer", "Who helps?"),
            ("P01", "participant", "I asked Hope about the rota, and Mark, and Hope again."),
        ],
        "p01",
    )
    b = interview(
        [
            ("Interviewer", "interviewer", "And the college?"),
            (
                "P02",
                "participant",
                "I hope so. You mark the form at the Recovery College; recovery is a college "
                "thing, and justice, with the Ministry of Justice.",
            ),
        ],
        "p02",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        after, key = pseudonymise([a, b], PseudonymKey())
    assert names_to_check(after, key) == [
        NameToCheck("Hope", 2, ("p01",)),
        NameToCheck("Mark", 1, ("p01",)),
    ]


def test_a_given_name_that_is_also_a_word_in_a_proper_noun_phrase_is_not_listed() -> None:
    """Session 40 (hunt): since 3c27167 a given name that is also a word was listed wherever it
    was capitalised within a sentence, so the first words of names of funds, bodies and plans
    were listed as people ('Winter Pressures', 'Royal College', 'Charity Commission', 'Major
    Incident') and so was a word after an article ('the Art therapy model', 'a Grant from the
    council'). Before another capitalised word that is an everyday word and no surname, or after
    'a', 'an' or 'the', it is a word of a phrase; before a surname ('Mark Patel') or alone ('I
    asked Hope', 'claim Miles') it is still listed."""
    a = interview(
        [
            ("Interviewer", "interviewer", "Who funds it?"),
            (
                "P04",
                "participant",
                "We bid under the Winter Pressures fund, with the Royal College guidance and the "
                "Charity Commission rules. The Major Incident plan is separate. We follow the Art "
                "therapy model. We had a Grant from the council. Staff can claim Miles at 45p. I "
                "asked Hope about it, and Mark Patel.",
            ),
            (
                "P04",
                "participant",
                "I hope so. A grant, a major one, art, in winter, a royal visit, a charity day, "
                "mark it, miles away; pressures, an incident, a college, the commission.",
            ),
        ],
        "p04",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        after, key = pseudonymise([a], PseudonymKey())
    assert names_to_check(after, key) == [
        NameToCheck("Hope", 1, ("p04",)),
        NameToCheck("Mark", 1, ("p04",)),
        NameToCheck("Miles", 1, ("p04",)),
        NameToCheck("Patel", 1, ("p04",)),
    ]


def test_a_keyed_surname_alone_in_capitals_is_listed_as_written() -> None:
    """Re-tester s51, 7: 'MCALLISTER in capitals on the system' stayed (a surname alone, where
    its person does not speak) and the list named only 'mcallister', written so elsewhere: the
    researcher searching the copy for it found no 'MCALLISTER'. Each form is listed."""
    t = interview(
        [
            ("Sam Roe", "interviewer", "Who else?"),
            ("Freya Lund", "participant", "MCALLISTER in capitals, and mcallister in the emails."),
        ]
    )
    talk, words = checked([t], {"Callum McAllister": "P06", "Freya Lund": "P14"})
    assert talk[1] == "MCALLISTER in capitals, and mcallister in the emails."
    assert words == ["MCALLISTER", "mcallister"]


def test_a_keyed_word_in_lower_case_inside_an_address_is_listed() -> None:
    """s77 hunt7, LOW 1: ``kerry`` of a keyed Kerry inside a web address's hyphenated word
    (``www.kerry-care.org.uk``) stayed and was listed nowhere, while ``kerry.org.uk`` and
    ``#kerry`` were listed and ``www.Kerry-Care.org.uk`` was replaced."""
    t = interview(
        [
            ("Interviewer", "interviewer", "Any links?"),
            (
                "P02",
                "participant",
                "See www.kerry-care.org.uk or https://example.org/kerry-care/rota today. "
                "And www.Kerry-Care.org.uk too, or kerry_care.org.",
            ),
        ]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), key = pseudonymise([t], PseudonymKey({"Kerry": "Person A"}))
    assert after.turn_text(after.turns[1]) == (
        "See www.kerry-care.org.uk or https://example.org/kerry-care/rota today. "
        "And www.[Person A]-Care.org.uk too, or kerry_care.org."
    )
    assert names_to_check([after], key) == [NameToCheck("kerry", 3, ("p02",), ("Person A",))]
