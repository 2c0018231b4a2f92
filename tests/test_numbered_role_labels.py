"""Speakers a transcription tells apart by a number or a letter after a role's word
(``Committee 1`` and ``Committee 2``, ``Commissioner A`` and ``Commissioner B``, ``Registered
Manager 1``) are as many people, whatever the word: never one person renamed in the call
(docs/transcripts.md). Session 72 tester (exchange, 1): ``40 participant labels are 39
participants: 'Committee 1' (also 'Committee 2', read as the same person)``, and so for
Commissioner, Trustee, Governor, Councillor, Panel and Mum, whose word is no name word of
``data/not_names.txt`` as Member's or Manager's is, so their two labels shared a "name"."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.pseudonyms import people_named
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.roles import participant_labels_warning, several_participants

#: the tester's words, those that were merged and those that were not, and roles of the seed
#: study's setting (registered managers of community mental-health providers, commissioners)
ROLE_WORDS = [
    "Committee",
    "Commissioner",
    "Trustee",
    "Governor",
    "Councillor",
    "Panel",
    "Mum",
    "Member",
    "Manager",
    "Nurse",
    "Director",
    "Staff",
    "Parent",
    "Registered Manager",
    "Service User",
    "Support Worker",
    "Lead",
    "Social Worker",
    "GP",
    "Dad",
    "Board Member",
]


@pytest.mark.parametrize("word", ROLE_WORDS)
@pytest.mark.parametrize(("first", "second"), [("1", "2"), ("A", "B"), ("01", "3")])
def test_a_role_numbered_or_lettered_twice_is_two_people(
    word: str, first: str, second: str
) -> None:
    one, two = f"{word} {first}", f"{word} {second}"
    people = people_named([one, two, "Chris", "Suzanne"])
    assert [one] in people or one not in {label for p in people for label in p}
    assert not any(one in p and two in p for p in people)
    assert several_participants([one, two], "P04")


def test_numbered_labels_are_not_the_one_person_named_rejoined() -> None:
    """A label of no name words (``Member 1``) beside one person named was read as that person
    rejoined from a device (``iPhone``): numbered, it is someone of its own."""
    people = people_named(["Member 1", "Member 2", "Chris", "Member 3"])
    assert not any(len(p) > 1 for p in people)
    # a device still is the one person named, rejoined
    assert people_named(["Maria Okafor", "iPhone"]) == [["Maria Okafor", "iPhone"]]
    assert people_named(["Maria Okafor", "iPhone 12"]) == [["Maria Okafor", "iPhone 12"]]


def test_one_numbered_label_renamed_is_still_one_person() -> None:
    """The number is the person's: the same number with a note, or the label without its
    number, is still one person renamed; names are compared as before."""
    assert people_named(["Committee 1", "Committee 1 (iPhone)", "Committee 2"]) == [
        ["Committee 1", "Committee 1 (iPhone)"],
        ["Committee 2"],
    ]
    assert people_named(["Commissioner a", "Commissioner A", "Commissioner B"]) == [
        ["Commissioner a", "Commissioner A"],
        ["Commissioner B"],
    ]
    assert people_named(["Siân Llewelyn", "Dewi Llewelyn", "Sian Llewelyn"]) == [
        ["Siân Llewelyn", "Sian Llewelyn"],
        ["Dewi Llewelyn"],
    ]


GROUP = (
    "Moderator: Welcome everyone. What gets in the way?\n"
    "{a}: Funding is the main thing for our service, honestly it is.\n"
    "{b}: For us it is staffing, we cannot recruit support workers at all.\n"
    "Chris: I agree with both of those points about the service.\n"
    "{c}: Training is what I would add to that list for sure.\n"
    "Moderator: Thank you.\n"
)


@pytest.mark.parametrize(
    ("a", "b", "c"),
    [
        ("Committee 1", "Committee 2", "Suzanne"),
        ("Mum 1", "Mum 2", "Suzanne"),
        ("Member 1", "Member 2", "Member 3"),
        ("Registered Manager 1", "Service User 2", "Support Worker 3"),
        ("Commissioner A", "Commissioner B", "Lead 1"),
    ],
)
def test_a_focus_group_of_numbered_roles_has_no_check(
    tmp_path: Path, a: str, b: str, c: str
) -> None:
    f = tmp_path / "fg01.txt"
    f.write_text(GROUP.format(a=a, b=b, c=c), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f)
    assert participant_labels_warning(t) is None


def test_two_lettered_commissioners_are_two_people_not_a_rename(tmp_path: Path) -> None:
    """In a joint interview, ``Commissioner A`` and ``Commissioner B`` are two people, counted
    and cited by their labels, with no advice for one person renamed in the call."""
    f = tmp_path / "joint.txt"
    f.write_text(
        "Interviewer: What helps your commissioning of these services?\n"
        "Commissioner A: The outcomes framework we agreed with providers last year.\n"
        "Commissioner B: For me it is the relationship with the registered managers.\n"
        "Interviewer: And what gets in the way?\n"
        "Commissioner A: Short contracts, one year at a time.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(f)
    assert participant_labels_warning(t) == (
        f"{f}: 2 participants speak ('Commissioner A', 'Commissioner B'), each counted and cited "
        "by their label in the case joint"
    )
