"""One participant renamed in the call (``Siân Llewelyn``, then ``Sian Llewelyn`` or ``Siân
Llewelyn (she/her)``, or rejoined as ``Siân's iPhone``) is one person beside a second
participant, as ``--interviewer`` matches a name with or without its accents. Session 51 tester
(readers, finding 5): ``3 participants speak ('Siân Llewelyn', 'Dewi Llewelyn', 'Sian
Llewelyn')``, and the framework and pseudonym key counted Siân twice."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.pseudonyms import people_named
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.devices import device_name_warning
from roqa_nlp.transcripts.roles import participant_labels_warning, several_participants

DATA = Path(__file__).parent / "data" / "short_zoom"


def test_a_name_with_and_without_its_accents_is_one_person() -> None:
    assert people_named(["Siân Llewelyn", "Dewi Llewelyn", "Sian Llewelyn"]) == [
        ["Siân Llewelyn", "Sian Llewelyn"],
        ["Dewi Llewelyn"],
    ]
    assert people_named(["Renée O’Sullivan", "Renee O'Sullivan (she/her)", "Tom Reid"]) == [
        ["Renée O’Sullivan", "Renee O'Sullivan (she/her)"],
        ["Tom Reid"],
    ]
    # two people who share a surname stay two
    assert not several_participants(["Siân Llewelyn", "Sian Llewelyn"], "P04")
    assert several_participants(["Siân Llewelyn", "Dewi Llewelyn"], "P04")


@pytest.mark.parametrize(
    ("name", "people"),
    [
        (
            "zoom_renamed_accents.vtt",
            "'Siân Llewelyn' (also 'Sian Llewelyn', read as the same person)",
        ),
        (
            "zoom_renamed_pronouns.vtt",
            "'Siân Llewelyn' (also 'Siân Llewelyn (she/her)', read as the same person)",
        ),
        (
            "zoom_rejoined_iphone.vtt",
            "'Siân Llewelyn 🌻' (also \"Siân's iPhone\", read as the same person)",
        ),
    ],
)
def test_the_check_counts_people_and_names_the_labels_read_as_one(name: str, people: str) -> None:
    f = DATA / name
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f, interviewer_labels=["Sam Roe"])
    case = t.participant
    assert participant_labels_warning(t) == (
        f"{f}: 2 participants speak ({people}, 'Dewi Llewelyn'), each counted and cited by their "
        f"first label in the case {case}: if they are one person under two labels (renamed in "
        "the call), label all their turns alike"
    )
    # Siân's iPhone is read as Siân rejoining, named above, not as a device of its own
    assert device_name_warning(t) is None


def test_a_name_with_an_emoji_matches_the_name_given_without_it() -> None:
    """The re-tester's N2 (session 51): ``Siân Llewelyn 🌻`` is the name ``Sian Llewelyn``, as
    with or without its accents: a display name's emoji and symbols (with their variation
    selectors, skin tones and joiners) are folded as names are compared."""
    from roqa_nlp.transcripts.roles import interviewer_keys, name_key, participant_keys

    assert name_key("Siân Llewelyn 🌻") == "sian llewelyn"
    assert name_key("Sam ❤️ Roe 👩🏽‍💻") == "sam roe"
    assert name_key("Renée O’Sullivan") == "renee o'sullivan"  # accents, apostrophes as before
    assert "Siân Llewelyn 🌻" in participant_keys(["Sian Llewelyn"])
    assert "Sam Roe ✨" in interviewer_keys(["Sam Roe"])
    assert "Dewi Llewelyn 🌻" not in participant_keys(["Sian Llewelyn"])


def test_two_plainly_different_names_get_no_rename_advice(tmp_path: Path) -> None:
    """The re-tester's N4 (session 51): the interviewer prompts without questions, so no one is
    guessed; 'Lucy Fenwick' and 'Graham Oduya' share no word of their names, so the note counts
    them without the advice for one person renamed in the call (given 'Llewelyn' shared, above)."""
    f = tmp_path / "e_prompts.txt"
    f.write_text(
        "Lucy Fenwick: Tell me about your role.\n\n"
        "Graham Oduya: I run the day service, twelve staff, forty people a week.\n\n"
        "Lucy Fenwick: Talk me through the last inspection.\n\n"
        "Graham Oduya: It went well, the inspector liked the activity plans.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f)
    assert participant_labels_warning(t) == (
        f"{f}: 2 participants speak ('Lucy Fenwick', 'Graham Oduya'), each counted and cited by "
        "their label in the case e_prompts"
    )


GROUP_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:05.000
Sam Roe: What helped your service most?

2
00:00:06.000 --> 00:00:12.000
Daniel Okoro: Training, mostly, though it was short.

3
00:00:13.000 --> 00:00:19.000
Zoë Adebayo: Supervision, every fortnight.

4
00:00:20.000 --> 00:00:26.000
Ruth Price: The peer workers we hired last year.

5
00:00:27.000 --> 00:00:33.000
Daniel's iPhone: Sorry, I dropped out. The training, as I said.
"""


def write_group(folder: Path) -> Path:
    """A focus group of four participant labels: Daniel Okoro rejoins as 'Daniel's iPhone'."""
    f = folder / "fg03_zoom.vtt"
    f.write_text(GROUP_VTT, encoding="utf-8")
    return f


def test_a_focus_groups_check_names_the_labels_read_as_one_person(tmp_path: Path) -> None:
    """Tester s61 focus, 7: in a focus group (more than three participant labels) the check
    said nothing, though the framework and the pseudonym key read 'Daniel Okoro' and "Daniel's
    iPhone" as one person (:func:`people_named`); it names them, by that one rule."""
    f = write_group(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f, interviewer_labels=["Sam Roe"])
    labels = ["Daniel Okoro", "Zoë Adebayo", "Ruth Price", "Daniel's iPhone"]
    assert people_named(labels) == [
        ["Daniel Okoro", "Daniel's iPhone"],
        ["Zoë Adebayo"],
        ["Ruth Price"],
    ]
    assert participant_labels_warning(t) == (
        f"{f}: 4 participant labels are 3 participants: 'Daniel Okoro' (also \"Daniel's "
        'iPhone", read as the same person), counted and cited by its first label in the case '
        f"{t.participant}: if they are different people, label each one's turns with a name of "
        "their own"
    )


def test_a_focus_group_of_one_label_each_has_no_check(tmp_path: Path) -> None:
    f = tmp_path / "fg04_zoom.vtt"
    f.write_text(GROUP_VTT.replace("Daniel's iPhone", "Kwame Mensah"), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f, interviewer_labels=["Sam Roe"])
    assert participant_labels_warning(t) is None
