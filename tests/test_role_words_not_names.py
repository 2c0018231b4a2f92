"""A speaker label of a role or kin word alone (``Mum``, ``Nurse``, ``Manager``:
``data/person_words.txt``) names someone of their own, never the one person named rejoined from
a device, as ``iPhone`` or ``Guest`` is (docs/privacy.md). Session 72 rolewords: ``Nurse``
beside ``Maria Okafor`` was Maria, and her turns given Maria's pseudonym."""

from __future__ import annotations

import pytest

from roqa_nlp.pseudonyms import people_named


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
