"""A pseudonym key that gives two people one pseudonym is warned of, naming both rows
(docs/privacy.md: two names with no name word in common may be two people; a nickname or another
spelling of one person's name may share theirs, so the key is read as the researcher wrote it).

Session 40 (robustness): a key with `Zoë Smith,P09` and `Siobhán Ó Briain,P09` was read, and
the two participants were made one case, P09, with only a warning that P09 spoke in two
transcripts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey


def key_file(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "key.csv"
    path.write_text("\ufeffname,pseudonym\n" + rows, encoding="utf-8")
    return path


def test_two_people_given_one_participant_pseudonym_are_warned_of_naming_both_rows(
    tmp_path: Path,
) -> None:
    """Session 40 (robustness) key_dup2: told, not silently made one case."""
    path = key_file(tmp_path, "Zoë Smith,P09\nSiobhán Ó Briain,P09\nSam Roe,Interviewer\n")
    with pytest.warns(RoqaWarning) as told:
        key = PseudonymKey.read(path)
    assert [str(w.message) for w in told] == [
        f"{path}: rows 2 and 3: 'Zoë Smith' and 'Siobhán Ó Briain' are both P09, so their talk "
        "is one person's: if they are two people, give each their own pseudonym (a nickname or "
        "another spelling of one person's name may share it)"
    ]
    assert key.pseudonyms == {
        "Zoë Smith": "P09",
        "Siobhán Ó Briain": "P09",
        "Sam Roe": "Interviewer",
    }


def test_two_interviewers_given_one_pseudonym_are_warned_of(tmp_path: Path) -> None:
    path = key_file(tmp_path, "Sam Roe,Interviewer\nHannah Whitfield,Interviewer\n")
    with pytest.warns(
        RoqaWarning, match="rows 2 and 3: 'Sam Roe' and 'Hannah Whitfield' are both Interviewer, so"
    ):
        PseudonymKey.read(path)


@pytest.mark.parametrize(
    "rows",
    [
        "Jose Garcia,P01\nJosé García,P01\n",  # roqa's own key gave them P01 and P02: merged
        "Renee Lévesque,P02\nRenée Lévesque,P02\n",
        "Siobhan O'Brien,P09\nSiobhán Ó Briain,P09\n",
        "Mohammed Al-Rashid,P03\nMuhammad Alrashid,P03\n",
        "Katherine Louise Brown,P02\nKate Brown-Lee,P02\n",
        "Elizabeth Smith,P04\nBeth Jones,P04\n",
    ],
    ids=["accents", "accent", "irish", "transliterated", "married-hyphen", "nickname-married"],
)
def test_two_spellings_of_one_person_given_one_pseudonym_are_read(
    tmp_path: Path, rows: str
) -> None:
    """Session 40 (hunt): since 3670f26 these keys were refused (exit 2, "would make two people
    one"), though a researcher merges one person's two spellings on purpose; at most a warning."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        key = PseudonymKey.read(key_file(tmp_path, rows))
    assert len(key.pseudonyms) == 2 and len(set(key.pseudonyms.values())) == 1


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


KATE = "Interviewer: How did it go?\n\nKate: {answer}\n\nInterviewer: Thanks Kate.\n"


def test_one_first_name_in_two_numbered_files_is_two_cases(tmp_path: Path) -> None:
    """Re-test s52 reprivacy, 4 (HIGH): ``Kate:`` in p51.txt and in p52.txt, with a new key,
    were both P51 ("speaks in 2 transcripts ... one case"): the first file's row ``Kate,P51``
    made p52's Kate that person. A participant takes the number in her file's name, so p52's
    Kate is P52, in a row of the key for p52.txt alone, and a second run reads it back."""
    from test_cli_core import roqa

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "p51.txt").write_text(KATE.format(answer="It went okay."), "utf-8")
    (folder / "p52.txt").write_text(KATE.format(answer="Badly."), "utf-8")
    key = tmp_path / "key.csv"
    for out in ("o1", "o2"):
        run = roqa("pseudonymise", folder, "--key", key, "--out", tmp_path / out)
        assert run.code == 0, run.err
        assert "one case" not in run.err
        copies = {p.name: p.read_text("utf-8") for p in sorted((tmp_path / out).iterdir())}
        assert copies == {
            "p51.txt": "Interviewer: How did it go?\n\nP51: It went okay.\n\n"
            "Interviewer: Thanks [P51].\n",
            "p52.txt": "Interviewer: How did it go?\n\nP52: Badly.\n\nInterviewer: Thanks [P52].\n",
        }
    assert key.read_text("utf-8-sig").splitlines() == [
        "name,pseudonym,transcript",
        "Kate,P51,",
        "Kate,P52,in/p52.txt",
    ]
