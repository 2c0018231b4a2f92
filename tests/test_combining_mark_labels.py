"""A speaker's name that keeps a combining mark in NFC (Yoruba ``Zoë Adébáyọ̀`` ends on ``ọ``,
U+1ECD, and a grave, U+0300, for which Unicode has no precomposed letter) is a speaker label in
every layout, as in .vtt, .srt and .csv. Before (s62 formats, F1), the line-label layouts cut the
name at the mark: in Otter/Teams/Trint .txt/.docx the participant's labels were talk inside the
interviewer's one turn, ``Name: words`` lines were folded into the interviewer's turns, Rev's
``Name (00:00:10):`` left a stray ``:`` and lost the time, ``--participant`` did not match the
name as written, and a pseudonymised copy kept the name, listed to check without its grave."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.errors import RoqaWarning
from roqa_nlp.pseudonyms import PseudonymKey, names_to_check, pseudonymise
from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.speaker_labels import match_label

ZOE = "Zo\u00eb Ad\u00e9b\u00e1y\u1ecd\u0300"  # NFC, still ending on a combining grave
SIOBHAN = "Siobh\u00e1n O\u2019Connell"
TALK = (
    (SIOBHAN, "Could you tell me about your role?"),
    (ZOE, "I manage a supported living service with fourteen tenants."),
    (SIOBHAN, "What gets in the way of recovery work?"),
    (ZOE, "Staffing, mostly. We lose support workers to the supermarkets."),
    (SIOBHAN, "And what helps?"),
    (ZOE, "The recovery college training helped my team a lot."),
)
LAKSHMI = "\u0932\u0915\u094d\u0937\u094d\u092e\u0940"
TIMES = (3.0, 10.0, 24.0, 28.0, 40.0, 45.0)


def _turns(t: Transcript) -> list[tuple[str, str, str]]:
    """(speaker, role, words) of every turn, the words the text's own slice."""
    return [(u.speaker, u.role, t.text[u.start : u.end]) for u in t.turns]


def _expected() -> list[tuple[str, str, str]]:
    return [(s, "interviewer" if s == SIOBHAN else "participant", w) for s, w in TALK]


def _read(path: Path, **kw: object) -> Transcript:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_transcript(path, **kw)  # type: ignore[arg-type]


def _docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def _mmss(s: float) -> str:
    return f"{int(s // 60)}:{int(s % 60):02d}"


def _hms(s: float) -> str:
    return f"00:{int(s // 60):02d}:{int(s % 60):02d}"


def _otter_lines() -> list[str]:
    out: list[str] = []
    for (name, words), at in zip(TALK, TIMES):
        out += [f"{name}  {_mmss(at)}", words, ""]
    return out


def test_match_label_reads_the_whole_name_with_its_mark() -> None:
    m = match_label(f"{ZOE}: Staffing, mostly.")
    assert m is not None and (m.label, m.words_start) == (ZOE, len(ZOE) + 2)
    m = match_label(f"{ZOE}  0:10")
    assert m is not None and (m.label, m.time, m.timed) == (ZOE, 10.0, True)


def test_name_colon_turns_in_plain_text(tmp_path: Path) -> None:
    f = tmp_path / "rm03.txt"
    f.write_text("".join(f"{s}: {w}\n" for s, w in TALK), "utf-8")
    assert _turns(_read(f)) == _expected()


def test_a_name_colon_turn_after_a_time(tmp_path: Path) -> None:
    f = tmp_path / "rm03.txt"
    f.write_text("".join(f"[{_hms(a)}] {s}: {w}\n" for (s, w), a in zip(TALK, TIMES)), "utf-8")
    t = _read(f)
    assert _turns(t) == _expected()
    assert [u.begin_time for u in t.turns] == list(TIMES)


def test_otter_text_export(tmp_path: Path) -> None:
    f = tmp_path / "rm03.txt"
    f.write_text("\n".join([*_otter_lines(), "Transcribed by https://otter.ai"]) + "\n", "utf-8")
    t = _read(f)
    assert _turns(t) == _expected()
    assert [u.begin_time for u in t.turns] == list(TIMES)


def test_otter_word_export(tmp_path: Path) -> None:
    f = _docx(tmp_path / "rm03.docx", [*_otter_lines(), "Transcribed by https://otter.ai"])
    t = _read(f)
    assert _turns(t) == _expected()
    assert [u.begin_time for u in t.turns] == list(TIMES)


def test_teams_word_export(tmp_path: Path) -> None:
    lines = ["RM03 interview-20240314_100212-Meeting Recording", "March 14, 2024, 10:02AM"]
    lines.append(f"{SIOBHAN} started transcription")
    for (name, words), at in zip(TALK, TIMES):
        lines += [f"{name}   {_mmss(at)}", words]
    lines.append(f"{SIOBHAN} stopped transcription")
    t = _read(_docx(tmp_path / "rm03.docx", lines))
    assert _turns(t) == _expected()


def test_trint_word_export_time_first(tmp_path: Path) -> None:
    lines: list[str] = []
    for (name, words), at in zip(TALK, TIMES):
        lines += [f"[{_hms(at)}] {name}", words]
    t = _read(_docx(tmp_path / "rm03.docx", lines))
    assert _turns(t) == _expected()
    assert [u.begin_time for u in t.turns] == list(TIMES)


def test_rev_word_export_bold_name_and_time(tmp_path: Path) -> None:
    """Rev: the name in bold, `` (00:00:10):``, the words in the next paragraph. Before, her
    text began ``:`` on a line of its own and her turns had no time."""
    import docx

    d = docx.Document()
    for (name, words), at in zip(TALK, TIMES):
        p = d.add_paragraph()
        p.add_run(name).bold = True
        p.add_run(f" ({_hms(at)}):")
        d.add_paragraph(words)
    f = tmp_path / "rm03.docx"
    d.save(str(f))
    t = _read(f)
    assert _turns(t) == _expected()
    assert [u.begin_time for u in t.turns] == list(TIMES)


def test_the_researcher_names_the_participant_as_the_file_spells_her(tmp_path: Path) -> None:
    f = tmp_path / "rm03.txt"
    f.write_text("\n".join(_otter_lines()) + "\n", "utf-8")
    assert _turns(_read(f, participant_labels=[ZOE])) == _expected()
    assert _turns(_read(f, interviewer_labels=[SIOBHAN])) == _expected()


@pytest.mark.parametrize("layout", ["colon", "otter"])
def test_a_pseudonymised_copy_keeps_no_trace_of_the_name(tmp_path: Path, layout: str) -> None:
    f = tmp_path / "rm03.txt"
    if layout == "colon":
        f.write_text("".join(f"{s}: {w}\n" for s, w in TALK), "utf-8")
    else:
        f.write_text("\n".join(_otter_lines()) + "\n", "utf-8")
    t = _read(f)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), key = pseudonymise([t], PseudonymKey())
    for part in ("Zo\u00eb", "Ad\u00e9b\u00e1y", "\u0300", "Siobh"):
        assert part not in after.text
    assert sorted({u.speaker for u in after.turns}) == ["Interviewer", "P03"]
    assert [after.text[u.start : u.end] for u in after.turns] == [w for _, w in TALK]


def test_names_to_check_lists_a_name_with_its_mark() -> None:
    text = "P04: I rang Ad\u00e9b\u00e1y\u1ecd\u0300 about the rota.\n"
    from roqa_nlp.schema import Turn

    t = Transcript("p04", text, [Turn("P04", "participant", 5, len(text) - 1)])
    assert [n.word for n in names_to_check([t])] == ["Ad\u00e9b\u00e1y\u1ecd\u0300"]


def test_names_to_check_lists_a_file_name_word_with_its_mark() -> None:
    from roqa_nlp.pseudonyms import _maybe_names_in_file_name

    assert _maybe_names_in_file_name("Ad\u00e9b\u00e1y\u1ecd\u0300 interview") == [
        "Ad\u00e9b\u00e1y\u1ecd\u0300"
    ]


@pytest.mark.parametrize(
    "name",
    [
        f"{LAKSHMI} \u0936\u0930\u094d\u092e\u093e",  # Hindi
        ZOE,
    ],
)
def test_a_keyed_name_with_marks_is_replaced_in_the_talk(name: str) -> None:
    """Before, the virama (U+094D) of a Hindi name in the key was left out of the name's
    pattern, so ``लक्ष्मी शर्मा`` was left in the copy wherever the talk named her."""
    from roqa_nlp.schema import Turn

    talk = f"I rang {name} about the rota."
    text = f"P04: {talk}\n"
    t = Transcript("p04", text, [Turn("P04", "participant", 5, 5 + len(talk))])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise([t], PseudonymKey({name: "colleague"}))
    assert after.text == "P04: I rang [colleague] about the rota.\n"


def test_a_caption_mark_holding_the_name_names_the_speaker() -> None:
    from roqa_nlp.transcripts.caption_marks import mark_speaker

    assert mark_speaker(ZOE) == ZOE
    assert mark_speaker("Ad\u00e9b\u00e1y\u1ecd\u0300") == "Ad\u00e9b\u00e1y\u1ecd\u0300"


def test_a_keyed_name_is_not_found_inside_a_longer_word_that_goes_on_with_a_mark() -> None:
    """``लक्ष्मी शर्म`` (a key's name) is not ``लक्ष्मी शर्मा``: the vowel sign U+093E goes on
    the word."""
    from roqa_nlp.schema import Turn

    talk = f"I rang {LAKSHMI} \u0936\u0930\u094d\u092e\u093e about the rota."
    text = f"P04: {talk}\n"
    t = Transcript("p04", text, [Turn("P04", "participant", 5, 5 + len(talk))])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RoqaWarning)
        (after,), _ = pseudonymise(
            [t], PseudonymKey({f"{LAKSHMI} \u0936\u0930\u094d\u092e": "colleague"})
        )
    assert after.text == text
