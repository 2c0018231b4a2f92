"""A label of role or kin words alone (``Team leader``, ``Pharmacist``, ``Grandmother``) beside a
file's one named speaker (``Sarah``) is someone else; only a device's or a guest's label
(``iPhone``, ``Guest``, ``Zoom user``: data/device_names.txt) is that person rejoined
(docs/privacy.md, "One person under two labels"). Session 73 hunter, R1: the role and kin
words session 72 added to data/not_names.txt but not to data/person_words.txt left such labels
with no name word and no role word, and ``roqa inspect`` read them as the one person named
("the participant speaks under 2 labels ('Team leader', 'Sarah'), read as one person") and
``roqa pseudonymise`` gave both one pseudonym."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.pseudonyms import people_named, pseudonymise
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.roles import names_by_role, several_participants

#: labels of role or kin words alone: the hunter's nine, the rest of the words s72 added to
#: not_names.txt alone, and two that were merged before s72 already (Admin, Team lead)
ROLE_LABELS = [
    "Team leader",
    "Pharmacist",
    "Councillor",
    "Grandmother",
    "Trustee",
    "Advocate",
    "Mummy",
    "Secretary",
    "Physio",
    "Physiotherapist",
    "Paramedic",
    "Governor",
    "Treasurer",
    "Guardian",
    "Chairman",
    "Chairwoman",
    "Grandfather",
    "Granddad",
    "Stepmum",
    "Stepdad",
    "Daddy",
    "Admin",
    "Team lead",
]

#: a device's or a guest's label: the one person named, rejoined
DEVICE_LABELS = ["iPhone", "iPhone 12", "iPad (2)", "Guest", "Zoom user", "Meeting room"]


@pytest.mark.parametrize("label", ROLE_LABELS)
def test_a_role_label_beside_the_one_person_named_is_someone_else(label: str) -> None:
    assert names_by_role(label)
    assert people_named(["Sarah", label]) == [["Sarah"], [label]]
    assert people_named([label, "Sarah", label]) == [[label], ["Sarah"]]
    # in a numbered participant's file too: two people, each cited by their label
    assert several_participants(["Sarah", label], "P05")


@pytest.mark.parametrize("label", DEVICE_LABELS)
def test_a_device_or_guest_label_is_still_the_one_person_named(label: str) -> None:
    assert not names_by_role(label)
    assert people_named(["Sarah", label]) == [["Sarah", label]]
    assert not several_participants(["Sarah", label], "P05")


def test_a_focus_group_member_labelled_by_role_gets_a_pseudonym_of_their_own(
    tmp_path: Path,
) -> None:
    path = tmp_path / "fg_team_leader.txt"
    path.write_text(
        "Facilitator: What has got in the way?\n"
        "Team leader: Money, mostly. We lost two posts last year.\n"
        "Sarah: Same for us. Agency cover is the norm now.\n"
        "Grandmother: I had to chase them for months.\n"
        "Facilitator: And what helped?\n"
        "Team leader: Having a champion on each shift.\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (t,), key = pseudonymise([read_transcript(path)])
    leader, sarah, gran = (u.speaker for u in t.turns[1:4])
    assert len({leader, sarah, gran}) == 3
    assert t.turns[5].speaker == leader
