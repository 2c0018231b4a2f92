"""Specification of pseudonymising a study in batches with one key (session 42, tester's D2):
the two people of a numbered transcript take the file's number only when no one of the key has
it already, else the next free one, as one speaker does; and two copies whose names differ
only in case (``zoom_P02.txt``, ``zoom_p02.txt``), one file on macOS and Windows, are told
apart in one run and refused across runs."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript, Turn
from test_cli_core import roqa

BATCH_1 = {"Sam Roe": "Interviewer", "Grace Young": "P01", "Faith Adeyemi": "P02"}


def call(source: str, *turns: tuple[str, str]) -> Transcript:
    """A transcript named after ``source`` of ``turns`` (speaker, talk); Sam Roe interviews."""
    text, spans = "", []
    for speaker, talk in turns:
        start = len(text) + len(speaker) + 2
        text += f"{speaker}: {talk}\n"
        role = "interviewer" if speaker == "Sam Roe" else "participant"
        spans.append(Turn(speaker, role, start, start + len(talk)))
    return Transcript(Path(source).stem, text, spans, source=source)


TWO_PEOPLE = call(
    "zoom_p02.vtt",
    ("Sam Roe", "Hello, can you hear me?"),
    ("Oluwaseun Adebayo", "Yes, loud and clear."),
    ("Dean (support worker)", "I can too."),
)


def keyed(key: dict[str, str], *transcripts: Transcript) -> tuple[list[Transcript], PseudonymKey]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        return pseudonymise(list(transcripts), PseudonymKey(dict(key)))


def test_two_people_of_a_file_whose_number_the_key_gave_someone_else_take_the_next_free_one():
    """Before, they were P02a and P02b beside batch 1's P02, Faith Adeyemi: one case of three
    people from two interviews."""
    (after,), key = keyed(BATCH_1, TWO_PEOPLE)
    assert [t.speaker for t in after.turns] == ["Interviewer", "P03a", "P03b"]
    assert key.pseudonyms == {
        **BATCH_1,
        "Oluwaseun Adebayo": "P03a",
        "Dean (support worker)": "P03b",
    }


def test_two_people_of_a_file_whose_number_is_free_are_its_case_lettered_as_before():
    (after,), _ = keyed({"Sam Roe": "Interviewer", "Grace Young": "P01"}, TWO_PEOPLE)
    assert [t.speaker for t in after.turns] == ["Interviewer", "P02a", "P02b"]


def test_a_lettered_case_of_the_key_takes_its_number_from_the_next_free_one():
    one = call("zoom_anna.vtt", ("Sam Roe", "Hello?"), ("Anna Berg", "Hi."))
    (after,), _ = keyed({**BATCH_1, "Oluwaseun Adebayo": "P03a", "Dean Jones": "P03b"}, one)
    assert [t.speaker for t in after.turns] == ["Interviewer", "P04"]


def test_a_renamed_copy_never_takes_another_files_name_but_for_case() -> None:
    """zoom_faith.vtt renamed for Faith Adeyemi, P02, beside zoom_p02.vtt: 'zoom_P02' and
    'zoom_p02' are one file on macOS and Windows, so one overwrote the other. (zoom_p02.vtt is
    her follow-up: another's would be renumbered, and named so, zoom_p03, since session 52.)"""
    faith = call("zoom_faith.vtt", ("Sam Roe", "Hello?"), ("Faith Adeyemi", "Hi."))
    again = call("zoom_p02.vtt", ("Sam Roe", "Hello again?"), ("Faith Adeyemi", "Hi."))
    after, _ = keyed(BATCH_1, faith, again)
    assert [t.id for t in after] == ["zoom_P02-2", "zoom_p02"]
    assert [t.source for t in after] == ["zoom_P02-2.vtt", "zoom_p02.vtt"]


def test_a_copy_whose_name_differs_only_in_case_from_one_in_the_out_folder_is_refused(
    tmp_path: Path,
) -> None:
    (tmp_path / "batch2").mkdir()
    (tmp_path / "batch2" / "zoom_p02.txt").write_text(  # Faith's follow-up: not renumbered
        "Sam Roe: Hello?\nFaith Adeyemi: Hi.\n", encoding="utf-8"
    )
    out = tmp_path / "copies"
    out.mkdir()
    (out / "zoom_P02.txt").write_text("Interviewer: Hello?\nP02: Hi.\n", encoding="utf-8")
    key = tmp_path / "key.csv"
    key.write_text("name,pseudonym\nSam Roe,Interviewer\nFaith Adeyemi,P02\n", encoding="utf-8")
    run = roqa(
        "pseudonymise", tmp_path / "batch2", "--interviewer", "Sam Roe", "--key", key, "--out", out
    )
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {out / 'zoom_p02.txt'}: differs only in case from zoom_P02.txt in the "
        "folder, one file on macOS and Windows, which the copy would overwrite (give "
        "another folder with --out, or rename one of the transcripts)"
    )
    assert (out / "zoom_P02.txt").read_text(encoding="utf-8") == "Interviewer: Hello?\nP02: Hi.\n"
    assert not (out / "zoom_p02.txt").exists()


def test_two_transcripts_whose_copies_differ_only_in_case_are_refused(tmp_path: Path) -> None:
    for folder, name in (("a", "Site_B.txt"), ("b", "site_b.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text("Sam Roe: Hello?\nAnna Berg: Hi.\n", "utf-8")
    out = tmp_path / "copies"
    run = roqa(
        "pseudonymise", tmp_path / "a", tmp_path / "b", "--interviewer", "Sam Roe",
        "--key", tmp_path / "key.csv", "--out", out,
    )  # fmt: skip
    assert run.code == 2
    assert run.err.splitlines()[-1] == (
        f"roqa: error: {out / 'site_b.txt'}: two transcripts would be written to one file on "
        "macOS and Windows, whose file names differ only in case there (Site_B.txt and "
        "site_b.txt) (rename one of the files)"
    )
    assert not out.exists()
