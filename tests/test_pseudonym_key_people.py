"""A pseudonym key that gives two people one pseudonym is refused (docs/privacy.md: two names
with no name word in common are two people; a nickname of one person may share theirs).

Session 40 (robustness): a key with `Zoë Smith,P09` and `Siobhán Ó Briain,P09` was read, and
the two participants were made one case, P09, with only a warning that P09 spoke in two
transcripts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaError
from roqa_nlp.pseudonyms import PseudonymKey


def key_file(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "key.csv"
    path.write_text("\ufeffname,pseudonym\n" + rows, encoding="utf-8")
    return path


def test_two_people_given_one_participant_pseudonym_are_refused_naming_both_rows(
    tmp_path: Path,
) -> None:
    path = key_file(tmp_path, "Zoë Smith,P09\nSiobhán Ó Briain,P09\nSam Roe,Interviewer\n")
    with pytest.raises(RoqaError) as e:
        PseudonymKey.read(path)
    assert str(e.value) == (
        f"{path}: rows 2 and 3: 'Zoë Smith' and 'Siobhán Ó Briain' are both P09, which would "
        "make two people one (two names with no name word in common are two people: give each "
        "their own pseudonym; a nickname or another spelling of one person's name may share it)"
    )


def test_two_interviewers_given_one_pseudonym_are_refused(tmp_path: Path) -> None:
    path = key_file(tmp_path, "Sam Roe,Interviewer\nHannah Whitfield,Interviewer\n")
    with pytest.raises(RoqaError) as e:
        PseudonymKey.read(path)
    assert e.value.reason == (
        "rows 2 and 3: 'Sam Roe' and 'Hannah Whitfield' are both Interviewer, which would make "
        "two people one"
    )


@pytest.mark.parametrize(
    "rows",
    [
        "Maria Okafor,P07\nMo,P07\n",  # a nickname (docs/privacy.md)
        "Maria Okafor,P07\nMaria Bello,P07\n",  # a surname changed: a name word in common
        "Maria Okafor,P07\nDr Maria Okafor (iPhone),P07\n",  # a display name
        "Tom Hale,nominated individual\nAnn Lee,nominated individual\n",  # a role, not a person
    ],
    ids=["nickname", "surname-changed", "display-name", "role"],
)
def test_names_that_may_be_one_person_or_a_role_share_a_pseudonym(
    tmp_path: Path, rows: str
) -> None:
    key = PseudonymKey.read(key_file(tmp_path, rows))
    assert len(set(key.pseudonyms.values())) == 1
