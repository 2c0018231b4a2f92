"""Speaker labels with a character of no width inside a word. Text copied from a web tool or a
transcription service's page can carry a zero-width space, a word joiner or a byte order mark
inside a label's word (``Inter\\u200bviewer:``, ``Sar\\u200bah Khan:``). Before, such a
character between two letters was read as a space everywhere, so ``Inter viewer`` was no label
(the interviewer's question was coded as the participant's talk or lost) and ``Sar ah Khan``
was talk glued to the question before it, or another speaker. Now a label is read with the
character left out where that reading is a known label (an interviewer's, a participant
number, one the researcher names) or another line's label in the file, and as a space
otherwise (``Sarah\\u200bKhan:`` is ``Sarah Khan``, ``Main\\u200bissue:`` is talk). A name
written with the zero-width non-joiner, as Persian names are (``محمد\\u200cزاده``), is one
label and one speaker, named as the file first spells it. The transcript's text is the file's:
every turn and segment is an exact slice of it."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.segment import segment
from test_speaker_names import write_docx

NO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
QUESTIONS = ("What gets in the way?", "And what helps?", "Any training?")
ANSWERS = ("Staffing is short.", "Our manager backs us.", "Yes, every quarter.")
PERSIAN = "زهرا محمد\u200cزاده"  # Zahra Mohammad-Zadeh, the non-joiner part of her surname


def _read(path: Path, **kw: object) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, **kw)  # type: ignore[arg-type]


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def _expected(interviewer: str, participant: str) -> list[tuple[str, str, str]]:
    out = []
    for q, w in zip(QUESTIONS, ANSWERS):
        out += [(interviewer, "interviewer", q), (participant, "participant", w)]
    return out


def _txt(path: Path, askers: list[str], answerers: list[str]) -> Path:
    path.write_text(
        "".join(
            f"{a}: {q}\n{b}: {w}\n" for a, b, q, w in zip(askers, answerers, QUESTIONS, ANSWERS)
        ),
        encoding="utf-8",
    )
    return path


def _vtt(path: Path, askers: list[str], answerers: list[str]) -> Path:
    cues = []
    for k, (who, words) in enumerate(
        (x for a, b, q, w in zip(askers, answerers, QUESTIONS, ANSWERS) for x in ((a, q), (b, w)))
    ):
        cues.append(f"00:00:{k * 5:02d}.000 --> 00:00:{k * 5 + 4:02d}.000\n{who}: {words}\n")
    path.write_text("WEBVTT\n\n" + "\n".join(cues), encoding="utf-8")
    return path


Writer = Callable[[Path, list[str], list[str]], Path]


def _segments_are_slices(t: Transcript) -> list[tuple[str, str]]:
    """The coded segments' (speaker, text), each checked to be the text's own slice."""
    segments = segment(t, "turn")
    assert all(t.text[s.start : s.end] == s.text for s in segments)
    return [(s.speaker, s.text) for s in segments]


@pytest.mark.parametrize("mark", NO_WIDTH)
@pytest.mark.parametrize("write", [_txt, _vtt], ids=["txt", "vtt"])
def test_interviewer_with_a_zero_width_character_inside_asks_the_questions(
    tmp_path: Path, mark: str, write: Writer
) -> None:
    askers = [f"Inter{mark}viewer", "Interviewer", f"Inter{mark}viewer"]
    suffix = ".txt" if write is _txt else ".vtt"
    t = _read(write(tmp_path / f"p04{suffix}", askers, ["P04"] * 3))
    assert _turns(t) == _expected("Interviewer", "P04")
    assert _segments_are_slices(t) == [("P04", w) for w in ANSWERS]


def test_interviewer_with_a_zero_width_space_inside_on_every_line(tmp_path: Path) -> None:
    t = _read(_txt(tmp_path / "p05.txt", ["Inter\u200bviewer"] * 3, ["P05"] * 3))
    assert _turns(t) == _expected("Interviewer", "P05")
    assert _segments_are_slices(t) == [("P05", w) for w in ANSWERS]


def test_a_configured_label_with_a_zero_width_space_inside(tmp_path: Path) -> None:
    askers = ["Hannah Whit\u200bfield", "Hannah Whitfield", "Hannah Whit\u200bfield"]
    t = _read(
        _txt(tmp_path / "p06.txt", askers, ["P06"] * 3), interviewer_labels=["Hannah Whitfield"]
    )
    assert _turns(t) == _expected("Hannah Whitfield", "P06")


@pytest.mark.parametrize("write", [_txt, _vtt], ids=["txt", "vtt"])
def test_a_zero_width_space_inside_a_name_is_that_speaker(tmp_path: Path, write: Writer) -> None:
    answerers = ["Sarah Khan", "Sar\u200bah Khan", "Sarah Khan"]
    suffix = ".txt" if write is _txt else ".vtt"
    t = _read(write(tmp_path / f"s{suffix}", ["Interviewer"] * 3, answerers))
    assert _turns(t) == _expected("Interviewer", "Sarah Khan")
    assert _segments_are_slices(t) == [("Sarah Khan", w) for w in ANSWERS]


def test_a_zero_width_space_inside_a_name_in_a_word_document(tmp_path: Path) -> None:
    lines = [
        line
        for q, w, who in zip(QUESTIONS, ANSWERS, ["Sar\u200bah Khan", "Sarah Khan", "Sarah Khan"])
        for line in (f"Interviewer: {q}", f"{who}: {w}")
    ]
    t = _read(write_docx(tmp_path / "s.docx", lines))
    assert _turns(t) == _expected("Interviewer", "Sarah Khan")


@pytest.mark.parametrize("write", [_txt, _vtt], ids=["txt", "vtt"])
def test_a_persian_name_with_its_non_joiner_is_one_speaker(tmp_path: Path, write: Writer) -> None:
    suffix = ".txt" if write is _txt else ".vtt"
    t = _read(write(tmp_path / f"z{suffix}", ["Interviewer"] * 3, [PERSIAN] * 3))
    assert _turns(t) == _expected("Interviewer", PERSIAN)
    assert _segments_are_slices(t) == [(PERSIAN, w) for w in ANSWERS]


@pytest.mark.parametrize("write", [_txt, _vtt], ids=["txt", "vtt"])
def test_a_persian_name_typed_with_and_without_its_non_joiner_is_one_speaker(
    tmp_path: Path, write: Writer
) -> None:
    answerers = [PERSIAN, PERSIAN.replace("\u200c", ""), PERSIAN]
    suffix = ".txt" if write is _txt else ".vtt"
    t = _read(write(tmp_path / f"z{suffix}", ["Interviewer"] * 3, answerers))
    assert _turns(t) == _expected("Interviewer", PERSIAN)


@pytest.mark.parametrize("write", [_txt, _vtt], ids=["txt", "vtt"])
def test_a_transliterated_name_with_a_non_joiner_is_one_speaker(
    tmp_path: Path, write: Writer
) -> None:
    answerers = ["Zahra MohammadZadeh", "Zahra Mohammad\u200cZadeh", "Zahra MohammadZadeh"]
    suffix = ".txt" if write is _txt else ".vtt"
    t = _read(write(tmp_path / f"z{suffix}", ["Interviewer"] * 3, answerers))
    assert _turns(t) == _expected("Interviewer", "Zahra MohammadZadeh")


def test_a_zero_width_space_between_two_names_is_still_a_space(tmp_path: Path) -> None:
    answerers = ["Sarah\u200bKhan", "Sarah Khan", "Sarah\u200bKhan"]
    t = _read(_txt(tmp_path / "s2.txt", ["Interviewer"] * 3, answerers))
    assert _turns(t) == _expected("Interviewer", "Sarah Khan")


def test_voice_tags_with_a_zero_width_space_inside_a_word(tmp_path: Path) -> None:
    voices = ["Inter\u200bviewer", "Sar\u200bah Khan", "Interviewer", "Sarah Khan"]
    words = [QUESTIONS[0], ANSWERS[0], QUESTIONS[1], ANSWERS[1]]
    cues = [
        f"00:00:{k * 5:02d}.000 --> 00:00:{k * 5 + 4:02d}.000\n<v {v}>{w}\n"
        for k, (v, w) in enumerate(zip(voices, words))
    ]
    path = tmp_path / "voices.vtt"
    path.write_text("WEBVTT\n\n" + "\n".join(cues), encoding="utf-8")
    t = _read(path)
    assert _turns(t) == _expected("Interviewer", "Sarah Khan")[:4]
    assert _segments_are_slices(t) == [("Sarah Khan", w) for w in ANSWERS[:2]]


def test_srt_labels_with_a_zero_width_space_inside_a_word(tmp_path: Path) -> None:
    who = ["Inter\u200bviewer", "Sar\u200bah Khan", "Interviewer", "Sarah Khan"]
    words = [QUESTIONS[0], ANSWERS[0], QUESTIONS[1], ANSWERS[1]]
    cues = [
        f"{k + 1}\n00:00:{k * 5:02d},000 --> 00:00:{k * 5 + 4:02d},000\n{v}: {w}\n"
        for k, (v, w) in enumerate(zip(who, words))
    ]
    path = tmp_path / "s.srt"
    path.write_text("\n".join(cues), encoding="utf-8")
    assert _turns(_read(path)) == _expected("Interviewer", "Sarah Khan")[:4]
