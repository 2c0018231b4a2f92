"""The name of a ward, unit or home said in the talk is listed to check whole, wherever it
stands, though its first word is an everyday word: ``Oak Ward``, ``on Willow Ward``, ``the Cedar
Unit`` (``data/ward_name_ends.txt``); not a name that only says what kind of ward it is (``the
Intensive Care Unit``, ``Crown Court``: ``data/ward_kind_words.txt``), nor ``Ward`` or ``Unit``
alone. s75 tester, C: ``Oak Ward`` opening a sentence, beside ``an oak tree``, was not listed."""

from __future__ import annotations

import warnings

from pseudonym_helpers import talk
from roqa_nlp.pseudonyms import (
    PseudonymKey,
    names_to_check,
    pseudonymise,
    warn_of_names_to_check_in_file_names,
)

SAID = (
    "Oak Ward was short staffed. Before that I was on Willow Ward, by the oak tree and the "
    "willow. Then the Cedar Unit. We moved to Oak Ward in May. Red Willow Lodge took two."
)


def listed(*said: str, key: dict[str, str] | None = None) -> list[tuple[str, int]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (after,), pseudonyms = pseudonymise([talk("p01", *said)], PseudonymKey(key or {}))
    return [(f.word, f.count) for f in names_to_check([after], pseudonyms)]


def test_a_wards_name_is_listed_whole_and_its_words_not_alone() -> None:
    assert listed(SAID) == [
        ("Oak Ward", 2),
        ("Cedar Unit", 1),
        ("Red Willow Lodge", 1),
        ("Willow Ward", 1),
    ]


def test_not_a_name_that_says_what_kind_of_ward_it_is() -> None:
    said = (
        "She went to the intensive care unit, the crown court, the acute medical unit. On the "
        "Intensive Care Unit, then the Acute Medical Unit, then Crown Court, then the Mother and "
        "Baby Unit, then the Stroke Unit, then Monday Ward. The ward and the unit and the court."
    )
    words = [word for word, _ in listed(said)]
    assert [w for w in words if " " in w or w in ("Ward", "Unit", "Court")] == [], words


def test_a_keyed_ward_is_not_listed() -> None:
    said = "Oak Ward was short staffed. Then Willow Ward, and the Cedar Unit, and Oak Ward."
    assert listed(said, key={"Oak Ward": "ward A", "Willow Ward": "ward B"}) == [("Cedar Unit", 1)]


def test_a_file_named_after_a_listed_ward_is_warned_of() -> None:
    t = talk("p01_oak_ward", "I work on Oak Ward, days. We moved to Oak Ward in May.")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        found = names_to_check([t])
        warn_of_names_to_check_in_file_names([t], found)
    assert [f.word for f in found] == ["Oak Ward"]
    assert [str(w.message) for w in said] == [
        "p01_oak_ward: the file name holds oak, which the talk writes as a name listed to check "
        "(Oak Ward), and the outputs carry it: rename the file"
    ]


def test_not_a_units_specialty() -> None:
    said = "We used the Early Pregnancy Unit, the Endoscopy Unit, the Majors Unit and Oak Ward."
    assert [w for w, _ in listed(said) if " " in w] == ["Oak Ward"]


def test_not_a_common_nhs_specialty_a_units_kind() -> None:
    """s76 privacy: "the Bariatric Unit" was listed as a ward's name; its words are now those of
    ``data/ward_kind_words.txt``, as the other specialties' are. A name before one still is."""
    said = (
        "We used the Bariatric Unit, the Rheumatology Unit, the Hyperacute Stroke Unit, the "
        "Ophthalmology Suite, the Colorectal Unit, the Neurorehabilitation Unit, the Cystic "
        "Fibrosis Unit, the Nurse-Led Unit and Larch Bariatric Unit."
    )
    assert [w for w, _ in listed(said) if " " in w] == ["Larch Bariatric Unit"]


def test_a_surname_or_body_word_before_ward_or_unit_is_listed_with_it() -> None:
    """s77 hunt2 F7: foot, hand, head, blood, speech, language and more, added to
    ``data/ward_kind_words.txt`` in s77, split "Foot Ward" into "Foot", inviting a row
    ``Foot,ward`` for every capitalised Foot: such a name is listed whole again."""
    said = (
        "We moved her to Foot Ward, then to Head Ward on the second floor. Blood Unit was shut. "
        "She came back to Foot Ward in May. The Hand Unit was fine, and the Speech and Language "
        "Unit helped."
    )
    assert listed(said) == [
        ("Foot Ward", 2),
        ("Blood Unit", 1),
        ("Hand Unit", 1),
        ("Head Ward", 1),
        ("Language Unit", 1),
        ("Speech", 1),
    ]
