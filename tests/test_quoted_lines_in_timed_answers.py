"""A ``Word: words`` line quoted inside an answer (a rota read out, ``Monday: Bev 08:00, Carl
14:00``; what someone said, ``Grandmother: you'll be fine, love``) in a file whose speakers take
turns under labels carrying a time (Otter, Otter's Unknown Speaker, Trint, Rev, Descript, Sonix,
a Teams document). Before session 83 (labelquote, D3 of the messy13 battery) the word opened a
participant 'Monday' whose turn took the rest of the answer. Now such a line stays the words of
the answer: the tool that timed every turn opened none there. Only a one-word label naming no
one, said once, in a participant's turn that asks nothing is read so (hunt17 R4: real speakers
typed by hand without a time were merged into the turn above; tests/test_untimed_speakers_kept.py
holds those). A role's label, a speaker the researcher names, a header's field above the talk
and a timed speaker are still speakers, and in a file of untimed ``Name:`` labels nothing
changes."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment

QUOTED = "Monday: Bev 08:00, Carl 14:00, nights agency."
ANSWER = f"The rota, mostly.\n{QUOTED}\nThat's the whole week like that."
SAID = [
    ("Sam Roe", "What gets in the way day to day?", 2),
    ("Li Wei", ANSWER, 6),
    ("Sam Roe", "And the commissioners?", 40),
    ("Li Wei", "They pay for visits, not for outcomes.", 45),
    ("Sam Roe", "Who helps most?", 70),
    ("Li Wei", "The peer workers, every time.", 75),
]


def _read(path: Path, interviewer: str = "Sam Roe") -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path, interviewer_labels=[interviewer])
    for s in segment(t):
        assert t.text[s.start : s.end] == s.text
    return t


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end].strip()) for u in t.turns]


def _expected(said: list[tuple[str, str, int]]) -> list[tuple[str, str, str]]:
    return [
        (who, "interviewer" if who == "Sam Roe" else "participant", words) for who, words, _ in said
    ]


def _mss(s: int) -> str:
    return f"{s // 60}:{s % 60:02d}"


def _hms(s: int) -> str:
    return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"


LAYOUTS = {
    "otter": lambda who, words, s: f"{who}  {_mss(s)}\n{words}\n",
    "trint": lambda who, words, s: f"[{_hms(s)}] {who}\n{words}\n",
    "rev": lambda who, words, s: f"{who} ({_mss(s).zfill(5)}):\n{words}\n",
    "descript": lambda who, words, s: f"[{_hms(s)}] {who}: {words}\n",
    "sonix": lambda who, words, s: f"{who}: [{_hms(s)}] {words}\n",
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_quoted_word_line_in_a_timed_answer_is_talk(tmp_path: Path, layout: str) -> None:
    f = tmp_path / "interview.txt"
    f.write_text("\n".join(LAYOUTS[layout](w, s, t) for w, s, t in SAID), encoding="utf-8")
    assert _turns(_read(f)) == _expected(SAID)


def test_a_quoted_line_under_otters_unknown_speaker_is_talk(tmp_path: Path) -> None:
    answer = (
        "My family, honestly.\nGrandmother: you'll be fine, love, just keep going.\nShe said it."
    )
    said = [(w if w == "Sam Roe" else "Unknown Speaker", s, t) for w, s, t in SAID]
    said[1] = ("Unknown Speaker", answer, 6)
    f = tmp_path / "interview.txt"
    f.write_text("\n".join(LAYOUTS["otter"](w, s, t) for w, s, t in said), encoding="utf-8")
    assert _turns(_read(f)) == _expected(said)


def test_two_quoted_lines_in_one_answer_are_both_talk(tmp_path: Path) -> None:
    """A rota's day, then what a grandmother said, in one answer: the second stands in the
    participant's turn as much as the first does."""
    answer = (
        f"{ANSWER}\nAs my grandmother put it.\nGrandmother: you'll be fine, love.\nShe was right."
    )
    said = [*SAID[:1], ("Li Wei", answer, 6), *SAID[2:]]
    f = tmp_path / "interview.txt"
    f.write_text("\n".join(LAYOUTS["otter"](w, s, t) for w, s, t in said), encoding="utf-8")
    assert _turns(_read(f)) == _expected(said)


def test_a_quoted_line_in_a_teams_document_is_talk(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for who, words, s in SAID:
        d.add_paragraph(f"{who}   {_mss(s)}")
        for line in words.split("\n"):
            d.add_paragraph(line)
    d.save(str(tmp_path / "interview.docx"))
    t = _read(tmp_path / "interview.docx")
    assert [(w, r, " ".join(x.split())) for w, r, x in _turns(t)] == [
        (w, r, " ".join(x.split())) for w, r, x in _expected(SAID)
    ]


def test_untimed_roles_a_named_speaker_and_a_timed_one_still_speak(tmp_path: Path) -> None:
    f = tmp_path / "interview.txt"
    f.write_text(
        "Location: Leeds\n\n"  # a header's field above the talk
        + "\n".join(LAYOUTS["otter"](w, s, t) for w, s, t in SAID)
        + "\nInterviewer: Thank you, that's all.\n"  # a role's label typed by hand
        + "\nJo Bell  1:30\nSorry, I need the room at two.\n",  # a speaker heard once, timed
        encoding="utf-8",
    )
    assert _turns(_read(f))[-2:] == [
        ("Interviewer", "interviewer", "Thank you, that's all."),
        ("Jo Bell", "participant", "Sorry, I need the room at two."),
    ]
    g = tmp_path / "named.txt"
    g.write_text(
        f.read_text(encoding="utf-8").replace("Interviewer:", "Ann Cole:"), encoding="utf-8"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(g, interviewer_labels=["Sam Roe", "Ann Cole"])
    assert [u.speaker for u in t.turns][-2:] == ["Ann Cole", "Jo Bell"]


def test_in_untimed_name_labels_a_quoted_line_reads_as_before(tmp_path: Path) -> None:
    """``Name: words`` with no times: ``Monday:`` reads like a speaker's label, left as it was."""
    f = tmp_path / "interview.txt"
    f.write_text("\n".join(f"{w}: {s}" for w, s, _ in SAID) + "\n", encoding="utf-8")
    assert [u.speaker for u in _read(f).turns] == [
        "Sam Roe",
        "Li Wei",
        "Monday",
        "Sam Roe",
        "Li Wei",
        "Sam Roe",
        "Li Wei",
    ]


def test_an_interjection_laid_out_as_otters_labels_still_speaks(tmp_path: Path) -> None:
    said = [*SAID[:1], ("Li Wei", "The rota, mostly.", 6), ("Jo Bell", "Sorry, wrong room.", 20)]
    said += SAID[2:]
    f = tmp_path / "interview.txt"
    f.write_text("\n".join(LAYOUTS["otter"](w, s, t) for w, s, t in said), encoding="utf-8")
    assert [u.speaker for u in _read(f).turns] == [w for w, _, _ in said]
