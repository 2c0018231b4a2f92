"""A speaker labelled by a job of two words or more (``Peer Worker:``, ``Key Worker:``, ``Link
Worker:``, ``Housing Officer:``) names no one: none of its words is replaced in the talk, and the
key gives it a row of its transcript alone, so two files' ``Support Worker`` are two people
(docs/privacy.md). Session 72 tester, left open: ``Peer`` and ``Key`` are names too (not in
``data/not_names.txt``), so ``Peer Worker:`` made "Peer support" "[P01] support" and "the key
worker" of another speaker "the [P02]" in every interview; and a role's label took a row of the
key for the whole study, so ``Support Worker:`` of p51.txt and of p52.txt were one case, P51."""

from __future__ import annotations

import csv
import warnings
from pathlib import Path

import pytest

from roqa_nlp.pseudonyms import PseudonymKey, name_parts, people_named, pseudonymise
from roqa_nlp.transcripts import read_transcript
from test_cli_core import roqa

ROLE_TITLES = [
    "Peer Worker",
    "Key Worker",
    "Link Worker",
    "Peer Support Worker",
    "Senior Peer Worker",
    "Housing Officer",
    "Outreach Worker",
    "Recovery Worker",
    "Link Nurse",
    "Keyworker",
    "Peer Worker 2",
]

#: a person's name whose last word is a role's: the name words stay names
NAMES = [
    ("Rose Nurse", ["Rose"]),
    ("Mark Manager", ["Mark"]),
    ("Sam Key", ["Sam", "Key"]),
    ("Mr Key", ["Key"]),
    ("Dean Mason", ["Dean", "Mason"]),
    ("Dean (support worker)", ["Dean"]),
    ("Peer", ["Peer"]),
    ("Priya Peer Worker", ["Priya", "Peer"]),
]


@pytest.mark.parametrize("label", ROLE_TITLES)
def test_a_job_title_has_no_name_words(label: str) -> None:
    assert name_parts(label) == []


@pytest.mark.parametrize(("label", "words"), NAMES)
def test_a_persons_name_keeps_its_name_words(label: str, words: list[str]) -> None:
    assert name_parts(label) == words


def test_a_job_title_is_someone_of_their_own_beside_a_person_named() -> None:
    assert people_named(["Jo Whitfield", "Peer Worker"]) == [["Jo Whitfield"], ["Peer Worker"]]


P01 = (
    "Interviewer: Thanks for joining. Can you tell me about your service?\n"
    "Peer Worker: Yes. I'm the peer worker here. Peer support is at the heart of how we work, "
    "and the key worker for each person meets them weekly.\n"
    "Interviewer: Who backs that?\n"
    "Peer Worker: The team leader, Dean, backs us. Ask Mr Key in the office.\n"
)
P02 = (
    "Interviewer: Who do you work with most?\n"
    "Key Worker: The peer worker and the link worker. A key worker's job is to link people "
    "to housing. Peer support helps too.\n"
)
P03 = (
    "Interviewer: What is your role?\n"
    "Link Worker: I'm the link worker. I link people to the community. Peer support is a key "
    "part.\n"
)


def _study(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in (("p01.txt", P01), ("p02.txt", P02), ("p03.txt", P03)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_the_words_of_a_job_title_label_stay_in_the_talk(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (t1, t2, t3), _ = pseudonymise([read_transcript(p) for p in _study(tmp_path)])
    assert "P01: Yes. I'm the peer worker here. Peer support is at the heart" in t1.text
    assert "the key worker for each person" in t1.text
    assert "Ask Mr Key in the office." in t1.text  # no keyed name: left, and listed to check
    assert "P02: The peer worker and the link worker. A key worker's job is to link" in t2.text
    assert "P03: I'm the link worker. I link people to the community. Peer support" in t3.text
    assert "[" not in t1.text + t2.text + t3.text


def test_a_job_title_takes_no_row_of_the_key_for_the_study(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, key = pseudonymise([read_transcript(p) for p in _study(tmp_path)])
    assert not {"Peer Worker", "Key Worker", "Link Worker"} & set(key.pseudonyms)
    rows = {name: p for own in key.scoped.values() for name, p in own.items()}
    assert rows == {"Peer Worker": "P01", "Key Worker": "P02", "Link Worker": "P03"}


SUPPORT_WORKER = (
    "Interviewer: What helps?\n"
    "Support Worker: Supervision every week, and the support worker forum.\n"
    "Interviewer: Thanks.\n"
    "Support Worker: Bye.\n"
)


def test_a_job_title_in_two_files_is_two_people_on_every_run(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    for name in ("p51.txt", "p52.txt", "site_b.txt"):
        text = SUPPORT_WORKER.replace("forum", f"forum of {name[:-4]}")
        (tmp_path / "raw" / name).write_text(text, encoding="utf-8")
    key_path = tmp_path / "private" / "key.csv"
    runs = []
    for out in ("shared1", "shared2"):
        run = roqa("pseudonymise", tmp_path / "raw", "--key", key_path, "--out", tmp_path / out)
        assert run.code == 0, run.err
        runs.append({p.name: p.read_text(encoding="utf-8") for p in (tmp_path / out).iterdir()})
    assert runs[0] == runs[1]
    speakers = {name: text.splitlines()[1].split(":")[0] for name, text in runs[0].items()}
    assert speakers == {"p51.txt": "P51", "p52.txt": "P52", "site_b.txt": "P53"}
    with key_path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["name"], r["pseudonym"], r["transcript"]) for r in rows] == [
        ("Support Worker", "P51", "../raw/p51.txt"),
        ("Support Worker", "P52", "../raw/p52.txt"),
        ("Support Worker", "P53", "../raw/site_b.txt"),
    ]


def test_a_key_row_for_a_job_title_from_before_parts_two_numbered_files(
    tmp_path: Path,
) -> None:
    """A key written before this version holds ``Support Worker,P51`` for the study: p52.txt's
    support worker takes the number of her own file, as a participant labelled by a first name
    does (``Kate,P51``), and that row stays."""
    paths = []
    for name in ("p51.txt", "p52.txt"):
        (path := tmp_path / name).write_text(SUPPORT_WORKER, encoding="utf-8")
        paths.append(path)
    key = PseudonymKey({"Support Worker": "P51"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (t51, t52), key = pseudonymise([read_transcript(p) for p in paths], key)
    assert t51.turns[1].speaker == "P51"
    assert t52.turns[1].speaker == "P52"
    assert key.pseudonyms["Support Worker"] == "P51"
