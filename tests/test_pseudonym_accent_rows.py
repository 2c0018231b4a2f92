"""Specification of two key rows whose names differ only by accents (session 42, regression
hunt R3): each row is its own spelling's, exactly, an accent-insensitive match applies only
where no row spells the name as written, talk that both rows match only without their accents
is neither's (warned of, once), and a fresh key gets no row that no copy uses. Before, the
first of ``Siobhan O'Brien,P07`` and ``Siobhán O’Brien,P06`` took both spellings (P07 for
both, silently), and from a fresh key a row ``Siobhan O'Brien,P07`` was written that no copy
used."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, pseudonymise
from roqa_nlp.schema import Transcript, Turn


def joint(source: str, *turns: tuple[str, str]) -> Transcript:
    """A transcript of ``turns`` (speaker, talk), ``Speaker: talk`` a line each."""
    text, spans = "", []
    for speaker, talk in turns:
        start = len(text) + len(speaker) + 2
        text += f"{speaker}: {talk}\n"
        role = "interviewer" if speaker == "Interviewer" else "participant"
        spans.append(Turn(speaker, role, start, start + len(talk)))
    return Transcript(source.rsplit(".", 1)[0], text, spans, source=source)


def zoom_a() -> Transcript:
    return joint(
        "zoom_a.txt",
        ("Interviewer", "Welcome."),
        ("Siobhán O’Brien", "Thanks. Ask Siobhan O'Brien too."),
    )


def zoom_b() -> Transcript:
    return joint(
        "zoom_b.txt",
        ("Interviewer", "Welcome back."),
        ("Siobhan O'Brien", "Hello. Siobhán O’Brien said so."),
    )


def run(ts: list[Transcript], key: PseudonymKey) -> tuple[list[str], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RoqaWarning)
        after, _ = pseudonymise(ts, key)
    said = [str(w.message) for w in caught if issubclass(w.category, RoqaWarning)]
    return [t.text for t in after], said


def key_file(tmp_path: Path) -> PseudonymKey:
    path = tmp_path / "kn3.csv"
    path.write_text("name,pseudonym\nSiobhan O'Brien,P07\nSiobhán O’Brien,P06\n", "utf-8")
    return PseudonymKey.read(path)


def test_each_row_keeps_its_own_spelling(tmp_path: Path) -> None:
    texts, _ = run([zoom_a(), zoom_b()], key_file(tmp_path))
    assert texts == [
        "Interviewer: Welcome.\nP06: Thanks. Ask [P07] too.\n",
        "Interviewer: Welcome back.\nP07: Hello. [P06] said so.\n",
    ]


def test_case_apostrophe_and_decomposed_accents_are_still_the_exact_row(tmp_path: Path) -> None:
    t = joint(
        "p1.txt",
        ("Interviewer", "So SIOBHAN O’BRIEN and siobha\u0301n o'brien, and Siobhan alone."),
    )
    texts, said = run([t], key_file(tmp_path))
    # each full spelling is its row's; the first name alone is two rows' (no one speaks)
    assert texts == ["Interviewer: So [P07] and [P06], and Siobhan alone.\n"]
    assert not [s for s in said if "accents" in s]


def test_a_spelling_of_neither_row_is_neither_persons_and_warned_once(tmp_path: Path) -> None:
    t = joint(
        "p2.txt",
        ("Interviewer", "Siobhàn O'Brien came. Then Siobhàn O'Brien left."),
    )
    u = joint("p3.txt", ("Interviewer", "Siobhàn O'Brien again."))
    texts, said = run([t, u], key_file(tmp_path))
    assert texts == [
        "Interviewer: [name] came. Then [name] left.\n",
        "Interviewer: [name] again.\n",
    ]
    ambiguous = [s for s in said if "accents" in s]
    assert ambiguous == [
        "p2.txt: a name in the talk is spelled as neither of the key's rows for P06 and P07, whose "
        "names differ only by accents, so it is [name] in the copy, not one of them: add a row "
        "to the key for that spelling with its person's pseudonym"
    ]


def test_one_row_still_finds_its_name_without_accents(tmp_path: Path) -> None:
    path = tmp_path / "k.csv"
    path.write_text("name,pseudonym\nSiobhán O’Brien,P06\n", "utf-8")
    texts, said = run([zoom_a(), zoom_b()], PseudonymKey.read(path))
    assert texts == [
        "Interviewer: Welcome.\nP06: Thanks. Ask [P06] too.\n",
        "Interviewer: Welcome back.\nP06: Hello. [P06] said so.\n",
    ]
    assert not [s for s in said if "accents" in s]


def test_a_fresh_key_gets_no_row_that_no_copy_uses(tmp_path: Path) -> None:
    key = PseudonymKey()
    texts, _ = run([zoom_a(), zoom_b()], key)
    assert texts == [
        "Interviewer: Welcome.\nP01: Thanks. Ask [P01] too.\n",
        "Interviewer: Welcome back.\nP01: Hello. [P01] said so.\n",
    ]
    assert key.to_csv() == "name,pseudonym\nSiobhán O’Brien,P01\n"


def test_key_rows_differing_by_accents_are_both_read_and_written_back(tmp_path: Path) -> None:
    key = key_file(tmp_path)
    assert key.get("siobhan o’brien") == "P07"
    assert key.get("SIOBHÁN O'BRIEN") == "P06"
    assert key.get("Siobhàn O'Brien") is None  # neither's
    assert key.to_csv() == "name,pseudonym\nSiobhan O'Brien,P07\nSiobhán O’Brien,P06\n"
