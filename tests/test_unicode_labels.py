"""Speaker labels whatever their Unicode form. A label typed or pasted with decomposed accents
(NFD, ``Sia\\u0302n:``, as text copied from a PDF or some macOS apps arrives), a no-break space
between its words (``Siân\\u00a0Jones:``) or a zero-width character in it (``P07\\u200b:``) is
read as the label, and the same name in NFC and NFD is one speaker, named in NFC. Before, such a
label was no label in .txt, .md and .docx: the answer was glued to the question before it and
never coded (an NFD interviewer label made every question participant talk), and in .vtt/.srt
``José García`` in NFC and NFD were two speakers. The transcript's text is kept exactly as the
file has it: only the label is read on a composed view."""

from __future__ import annotations

import unicodedata
import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript, speaker_labels
from roqa_nlp.transcripts.speaker_labels import match_label
from test_speaker_names import write_docx


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


SIAN = "Siân"
SIAN_EVANS = "Siân Évans"
JOSE = "José García"


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    """(speaker, role, words) of every turn; the words are the text's own slice."""
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def _read(path: Path, **kw: object) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, **kw)  # type: ignore[arg-type]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


QUESTIONS = ("What gets in the way?", "And what helps?", "Any training?")
ANSWERS = ("Staffing is short.", "Our manager backs us.", "Yes, every quarter.")


def _dialogue(interviewer: str, answerers: tuple[str, str, str]) -> str:
    return "".join(
        f"{interviewer}: {q}\n{a}: {w}\n" for q, a, w in zip(QUESTIONS, answerers, ANSWERS)
    )


def _expected(interviewer: str, participant: str) -> list[tuple[str, str, str]]:
    out = []
    for q, w in zip(QUESTIONS, ANSWERS):
        out += [(interviewer, "interviewer", q), (participant, "participant", w)]
    return out


def test_an_nfd_answer_label_among_nfc_ones_is_the_same_speaker(tmp_path: Path) -> None:
    text = _dialogue("Interviewer", (SIAN, nfd(SIAN), SIAN))
    t = _read(_write(tmp_path / "p06_sian.txt", text))
    assert _turns(t) == _expected("Interviewer", SIAN)
    assert t.text == text  # the text is the file's, its NFD label untouched


def test_an_nfd_interviewer_label_is_the_interviewer(tmp_path: Path) -> None:
    # before, every question was glued to the answer before it and coded as P10's talk
    answers = (
        "Staffing — we’re always short. Agency cover costs a fortune.",
        "Our manager backs us; supervision is protected time.",
        "Yes, the trust runs a course every quarter.",
    )
    text = "".join(f"{nfd(SIAN_EVANS)}: {q}\nP10: {a}\n" for q, a in zip(QUESTIONS, answers))
    t = _read(_write(tmp_path / "l10.txt", text))
    assert _turns(t) == [
        (SIAN_EVANS, "interviewer", QUESTIONS[0]),
        ("P10", "participant", answers[0]),
        (SIAN_EVANS, "interviewer", QUESTIONS[1]),
        ("P10", "participant", answers[1]),
        (SIAN_EVANS, "interviewer", QUESTIONS[2]),
        ("P10", "participant", answers[2]),
    ]
    assert t.metadata["interviewer_guessed"] == SIAN_EVANS


@pytest.mark.parametrize("given", [SIAN_EVANS, nfd(SIAN_EVANS)])
@pytest.mark.parametrize("written", [SIAN_EVANS, nfd(SIAN_EVANS)])
def test_interviewer_named_in_either_form_matches_a_label_in_either(
    tmp_path: Path, given: str, written: str
) -> None:
    text = _dialogue(written, ("Priya Nair",) * 3)
    t = _read(_write(tmp_path / "i.txt", text), interviewer_labels=[given])
    assert _turns(t) == _expected(SIAN_EVANS, "Priya Nair")


def test_nfd_labels_in_markdown_bold_and_after_a_time(tmp_path: Path) -> None:
    md = (
        "**Interviewer**: What gets in the way?\n\n"
        f"**{nfd(SIAN_EVANS)}**: Staffing is short.\n\n"
        "**Interviewer**: And what helps?\n\n"
        f"**{SIAN_EVANS}**: Our manager backs us.\n"
    )
    t = _read(_write(tmp_path / "l14.md", md))
    assert _turns(t) == _expected("Interviewer", SIAN_EVANS)[:4]
    timed = (
        "[00:00:00] Interviewer: What gets in the way?\n"
        f"[00:00:05] {nfd(SIAN_EVANS)}: Staffing is short.\n"
        "[00:00:10] Interviewer: And what helps?\n"
        f"[00:00:15] {SIAN_EVANS}: Our manager backs us.\n"
    )
    t = _read(_write(tmp_path / "l15.txt", timed))
    assert _turns(t) == _expected("Interviewer", SIAN_EVANS)[:4]
    assert [u.begin_time for u in t.turns] == [0.0, 5.0, 10.0, 15.0]


def test_an_nfd_label_in_a_word_document(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "l12.docx", _dialogue("Interviewer", (nfd(SIAN), SIAN, SIAN)).splitlines()
    )
    assert _turns(_read(path)) == _expected("Interviewer", SIAN)


@pytest.mark.parametrize("suffix", [".vtt", ".srt"])
def test_nfc_and_nfd_cue_labels_are_one_speaker_named_in_nfc(tmp_path: Path, suffix: str) -> None:
    speakers = ["Interviewer", nfd(JOSE), "Interviewer", JOSE]
    words = ["What gets in the way?", "Staffing is short.", "And what helps?", "Our manager."]
    cues = []
    for i, (s, w) in enumerate(zip(speakers, words)):
        time = f"00:00:{i * 5:02d}.000 --> 00:00:{i * 5 + 4:02d}.000"
        if suffix == ".srt":
            time = time.replace(".", ",")
        cues.append(f"{i + 1}\n{time}\n{s}: {w}\n" if suffix == ".srt" else f"{time}\n{s}: {w}\n")
    head = "WEBVTT\n\n" if suffix == ".vtt" else ""
    t = _read(_write(tmp_path / f"l11{suffix}", head + "\n".join(cues)))
    assert [(u.speaker, u.role) for u in t.turns] == [
        ("Interviewer", "interviewer"),
        (JOSE, "participant"),
        ("Interviewer", "interviewer"),
        (JOSE, "participant"),
    ]
    assert all(len(u.speaker) == 11 for u in t.turns if u.role == "participant")


def test_a_vtt_voice_tag_in_nfd_is_the_nfc_speaker(tmp_path: Path) -> None:
    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Interviewer>What gets in the way?\n\n"
        f"00:00:05.000 --> 00:00:09.000\n<v {nfd(JOSE)}>Staffing is short.\n\n"
        "00:00:10.000 --> 00:00:14.000\n<v Interviewer>And what helps?\n\n"
        f"00:00:15.000 --> 00:00:19.000\n<v {JOSE}>Our manager.\n"
    )
    t = _read(_write(tmp_path / "voices.vtt", vtt))
    assert [u.speaker for u in t.turns] == ["Interviewer", JOSE, "Interviewer", JOSE]


def test_a_no_break_space_in_a_label_is_a_space(tmp_path: Path) -> None:
    text = _dialogue("Interviewer", ("Siân\u00a0Jones",) * 3)
    t = _read(_write(tmp_path / "l6.txt", text))
    assert _turns(t) == _expected("Interviewer", "Siân Jones")
    assert t.text == text


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_a_zero_width_character_around_a_label_is_no_part_of_it(tmp_path: Path, mark: str) -> None:
    text = _dialogue("Interviewer", (f"P07{mark}", "P07", f"{mark}P07"))
    t = _read(_write(tmp_path / "l7.txt", text))
    assert _turns(t) == _expected("Interviewer", "P07")
    assert t.text == text


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_a_zero_width_character_between_letters_parts_words(tmp_path: Path, mark: str) -> None:
    """``Main\u200bissue: turnover.`` inside P04's answer is talk, as ``Main issue:`` is: a
    zero-width character between two letters parts words, it does not join them into a label
    ``Mainissue``. Before, 'Mainissue' became a speaker and took the rest of the answer."""
    text = (
        "Interviewer: What helps?\n\nP04: A few things.\n\nInterviewer: Anything else?\n\n"
        f"P04: Yes.\nMain{mark}issue: turnover.\nThe caf\u00e9 manager: she was brilliant.\n"
    )
    t = _read(_write(tmp_path / "u1.txt", text))
    assert _turns(t)[-1] == (
        "P04",
        "participant",
        f"Yes.\nMain{mark}issue: turnover.\nThe caf\u00e9 manager: she was brilliant.",
    )
    assert speaker_labels.label_view(f"Main{mark}issue: x")[0] == "Main issue: x"
    assert speaker_labels.label_view(f"Sia\u0302{mark}n:")[0] == "Siâ n:"


def test_match_label_keeps_offsets_in_the_line_as_written() -> None:
    line = f"{nfd(SIAN_EVANS)}\u200b:\u00a0 Words here"
    m = match_label(line)
    assert m is not None
    assert (m.label, line[m.words_start :]) == (SIAN_EVANS, "Words here")


def test_label_view_maps_each_character_back() -> None:
    line = "Sia\u0302n\u200b:\u00a0ok"
    view, at = speaker_labels.label_view(line)
    assert view == "Siân: ok"
    assert at == [0, 1, 2, 4, 6, 7, 8, 9, 10]
    assert speaker_labels.label_view("Plain: ascii") == ("Plain: ascii", None)
    # joiners that join an emoji's parts or a script's letters are kept
    assert speaker_labels.label_view("👩\u200d⚕ Jane: hi")[0] == "👩\u200d⚕ Jane: hi"


def test_an_nfd_label_on_a_cues_second_line_starts_a_turn(tmp_path: Path) -> None:
    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nInterviewer: What gets in the way?\n"
        f"{nfd(JOSE)}: Staffing is short.\n\n"
        "00:00:05.000 --> 00:00:09.000\nInterviewer: And what helps?\n\n"
        f"00:00:10.000 --> 00:00:14.000\n{JOSE}: Our manager.\n"
    )
    t = _read(_write(tmp_path / "two.vtt", vtt))
    assert _turns(t) == [
        ("Interviewer", "interviewer", "What gets in the way?"),
        (JOSE, "participant", "Staffing is short."),
        ("Interviewer", "interviewer", "And what helps?"),
        (JOSE, "participant", "Our manager."),
    ]


def test_roqa_import_names_an_nfd_transcript_id_file_in_nfc() -> None:
    from roqa_nlp.io import file_stem as _filename

    # before, the combining accent became "_": "Sia_n_NFD"
    assert _filename(nfd("Siân NFD"), set()) == "Siân NFD"
    assert _filename("Siân NFD", set()) == "Siân NFD"
