"""Role, kinship and title words that are never a person's name in UK transcripts (``data/
not_names.txt``): a speaker labelled by one (``Commissioner``, ``Committee 1``, ``Mum``, ``GP``,
``CQC Inspector``) names no one, so its word is no name to find in a file's name or to replace
in the talk; words that are also names or surnames (``Bishop``, ``Dean``, ``Page``) are left out
of the list and replaced as names (docs/privacy.md). Session 72 tester (exchange), left open by
f_numbered: ``roqa inspect t_Commissioner.txt`` said "the file's name holds a speaker's name
(Commissioner)", and ``roqa pseudonymise`` keyed ``Commissioner`` as a person and wrote "For the
[name] it is money" for a focus group's ``Committee 1`` and ``Committee 2``."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.io import packaged_words
from roqa_nlp.pseudonyms import name_parts, people_named, pseudonymise
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.language import name_in_file_warning

#: the tester's words and the roles of the seed study's setting (registered managers of
#: community mental-health providers; commissioners, CQC inspectors, service users' families)
ROLES = [
    "Commissioner",
    "Councillor",
    "Governor",
    "Trustee",
    "Committee",
    "Panel",
    "Board",
    "Mum",
    "Dad",
    "Mam",
    "GP",
    "Inspector",
    "Registered Manager",
    "Support Worker",
    "Service User",
    "CQC Inspector",
    "Care Coordinator",
    "Social Worker",
    "Family Member",
    "Team Leader",
    "Husband",
    "Daughter",
    "Sister",
    "Psychiatrist",
    "Advocate",
    "Volunteer",
]

#: role or kinship words that are also first names or surnames in the UK: left out of
#: data/not_names.txt, so a person of that name is still pseudonymised
NAMES_TOO = [
    "Bishop",
    "Dean",
    "Judge",
    "Major",
    "Page",
    "Mason",
    "Cook",
    "Porter",
    "Friend",
    "Cousin",
    "Child",
    "Constable",
    "Marshall",
    "Warden",
]

TALK = (
    "Interviewer: How do you commission recovery services?\n"
    "{role}: We write outcomes into the contract. The support workers deliver them.\n"
    "Interviewer: And barriers?\n"
    "{role}: Money, mainly, and the rating.\n"
)


@pytest.mark.parametrize("role", ROLES)
def test_a_role_word_in_a_file_name_is_no_speakers_name(role: str, tmp_path: Path) -> None:
    path = tmp_path / f"t_{role.replace(' ', '_')}.txt"
    path.write_text(TALK.format(role=role), encoding="utf-8")
    assert name_parts(role) == []
    assert name_parts(f"{role} 1") == []
    assert name_in_file_warning(read_transcript(path)) is None


FOCUS_GROUP = (
    "Moderator: Welcome everyone. Could each of you say what gets in the way?\n"
    "Committee 1: For the Committee it is money. The Committee meets monthly and the Board "
    "signs off.\n"
    "Committee 2: Our GP practice refers late. The GP told me the Panel had not met.\n"
    "Jo Whitfield: I'm Jo, registered manager. The Commissioner came in March and the CQC "
    "Inspector the week after.\n"
    "Mum: My son's care coordinator, Jo Whitfield, has been brilliant.\n"
    "Dad: The Councillor and the Trustee came to the Governor's meeting.\n"
    "Sam Bishop: Bishop here, support worker. Sam Bishop, for the record.\n"
    "Moderator: Thank you, Sam. Anything else, Jo?\n"
)


def test_role_labels_are_not_pseudonymised_as_people(tmp_path: Path) -> None:
    path = tmp_path / "fg02_roles.txt"
    path.write_text(FOCUS_GROUP, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (t,), key = pseudonymise([read_transcript(path)])
    # the role's words said in the talk are no one's name
    for said in (
        "For the Committee it is money. The Committee meets monthly and the Board signs off.",
        "The GP told me the Panel had not met.",
        "The Commissioner came in March and the CQC Inspector the week after.",
        "The Councillor and the Trustee came to the Governor's meeting.",
    ):
        assert said in t.text
    assert "[name]" not in t.text
    assert not any(w in key.pseudonyms for w in ("Commissioner", "Committee", "GP"))
    # a person's name still is, full or in part, and a surname that is also a role's word
    jo, sam = key.pseudonyms["Jo Whitfield"], key.pseudonyms["Sam Bishop"]
    assert "Whitfield" not in t.text and "Jo" not in t.text.replace("Jo Whitfield", "")
    assert f"I'm [{jo}], registered manager" in t.text
    assert f"[{sam}] here, support worker. [{sam}], for the record." in t.text
    assert "Bishop" not in t.text


@pytest.mark.parametrize("word", NAMES_TOO)
def test_a_surname_that_is_also_a_role_word_is_still_replaced(word: str, tmp_path: Path) -> None:
    assert word.casefold() not in packaged_words("not_names.txt")
    assert name_parts(f"Sam {word}") == ["Sam", word]
    path = tmp_path / "p07_interview.txt"
    path.write_text(
        f"Interviewer: Could you introduce yourself?\nSam {word}: {word} here, the manager. "
        f"Everyone calls me {word}.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (t,), key = pseudonymise([read_transcript(path)])
    assert word not in t.text
    assert f"Everyone calls me [{key.pseudonyms[f'Sam {word}']}]." in t.text


@pytest.mark.parametrize(
    ("labels", "people"),
    [
        (["Mum", "Jo Whitfield"], [["Mum"], ["Jo Whitfield"]]),
        (["Nurse", "Maria Okafor"], [["Nurse"], ["Maria Okafor"]]),
        (
            ["Maria Okafor", "Manager", "Manager (iPad)"],
            [["Maria Okafor"], ["Manager", "Manager (iPad)"]],
        ),
        (["Jo Whitfield", "Commissioner"], [["Jo Whitfield"], ["Commissioner"]]),
        (["Matron", "Maria Okafor"], [["Matron"], ["Maria Okafor"]]),
        (["Nurse", "Matron", "Sister Jones"], [["Nurse"], ["Matron"], ["Sister Jones"]]),
        (["Registered Manager", "Jo Whitfield"], [["Registered Manager"], ["Jo Whitfield"]]),
        # a device or a guest is the one person named, rejoined
        (["Jo Whitfield", "iPhone"], [["Jo Whitfield", "iPhone"]]),
        (["Jo Whitfield", "Guest"], [["Jo Whitfield", "Guest"]]),
    ],
)
def test_a_role_or_kin_label_is_not_the_one_person_named(
    labels: list[str], people: list[list[str]]
) -> None:
    """A label of no name words was the one person named, rejoined from a device: ``Mum`` beside
    ``Jo Whitfield`` would have been Jo once ``mum`` was a word of not_names.txt, and her turns
    given Jo's pseudonym."""
    assert people_named(labels) == people


def test_a_joint_interview_with_a_parent_gives_the_parent_no_ones_pseudonym(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p09_interview.txt"
    path.write_text(
        "Interviewer: What helped at home?\n"
        "Jo Whitfield: The care coordinator came weekly.\n"
        "Mum: And I could ring the team when Jo was unwell.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (t,), key = pseudonymise([read_transcript(path)])
    jo, mum = (u.speaker for u in t.turns[1:])
    assert jo != mum
    assert "Mum" not in key.pseudonyms or key.pseudonyms["Mum"] != key.pseudonyms["Jo Whitfield"]
