"""Specification of the example study in examples/interviews/.

Three synthetic interviews (plain text, Zoom WebVTT, Word) that the demo and the end-to-end
tests read; these tests pin down the formats the readers are promised.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from docx import Document

REPO = Path(__file__).resolve().parents[1]
INTERVIEWS = REPO / "examples" / "interviews"
SEED_PAPER = REPO.parent / "shared" / "seeds" / "000_4e493351770c42cd.txt"
CUE_TIME = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})$")


def _seconds(h: str, m: str, s: str, ms: str) -> float:
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def _txt_turns() -> list[tuple[str, str]]:
    text = (INTERVIEWS / "p01_interview.txt").read_text(encoding="utf-8")
    return [tuple(p.split(": ", 1)) for p in text.strip().split("\n\n")]  # type: ignore[misc]


def _vtt_cues() -> list[tuple[int, float, float, str]]:
    blocks = (INTERVIEWS / "p02_interview.vtt").read_text(encoding="utf-8").split("\n\n")
    assert blocks[0].strip() == "WEBVTT"
    cues = []
    for block in blocks[1:]:
        if not block.strip():
            continue
        number, times, text = block.strip().split("\n")
        m = CUE_TIME.match(times)
        assert m, times
        cues.append((int(number), _seconds(*m.groups()[:4]), _seconds(*m.groups()[4:]), text))
    return cues


def _vtt_turns() -> list[tuple[str, str]]:
    turns: list[tuple[str, str]] = []
    for *_, text in _vtt_cues():
        speaker, words = text.split(": ", 1)
        if turns and turns[-1][0] == speaker:
            turns[-1] = (speaker, f"{turns[-1][1]} {words}")
        else:
            turns.append((speaker, words))
    return turns


def _docx_turns() -> list[tuple[str, str]]:
    doc = Document(str(INTERVIEWS / "p03_interview.docx"))
    return [tuple(p.text.split(": ", 1)) for p in doc.paragraphs]  # type: ignore[misc]


def _docx_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_docx", REPO / "examples/make_docx_example.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ALL_TURNS = {"P01": _txt_turns, "P02": _vtt_turns, "P03": _docx_turns}


@pytest.mark.parametrize("participant", ["P01", "P02", "P03"])
def test_speakers_are_the_interviewer_and_one_participant(participant: str) -> None:
    speakers = {speaker for speaker, _ in ALL_TURNS[participant]()}
    assert speakers == {"Interviewer", participant}


@pytest.mark.parametrize("participant", ["P01", "P02", "P03"])
def test_interview_is_1800_to_3000_words(participant: str) -> None:
    words = sum(len(text.split()) for _, text in ALL_TURNS[participant]())
    assert 1800 <= words <= 3000


@pytest.mark.parametrize("participant", ["P01", "P02", "P03"])
def test_interview_has_20_to_30_interviewer_turns(participant: str) -> None:
    asked = [s for s, _ in ALL_TURNS[participant]() if s == "Interviewer"]
    assert 20 <= len(asked) <= 30


@pytest.mark.parametrize("participant", ["P01", "P02", "P03"])
def test_interview_opens_with_the_interviewer_and_asks_to_record(participant: str) -> None:
    turns = ALL_TURNS[participant]()
    assert turns[0][0] == "Interviewer"
    assert any("record" in text for speaker, text in turns[:8] if speaker == "Interviewer")


def test_vtt_cues_are_numbered_from_one() -> None:
    numbers = [n for n, *_ in _vtt_cues()]
    assert numbers == list(range(1, len(numbers) + 1))


def test_vtt_cues_run_forward_without_overlapping() -> None:
    cues = _vtt_cues()
    assert all(start < end for _, start, end, _ in cues)
    assert all(a[2] <= b[1] for a, b in zip(cues, cues[1:]))


def test_vtt_recording_lasts_about_25_minutes() -> None:
    assert 20 * 60 <= _vtt_cues()[-1][2] <= 30 * 60


def test_vtt_splits_long_turns_across_cues_of_the_same_speaker() -> None:
    cues = _vtt_cues()
    assert len(_vtt_turns()) < len(cues)


def test_docx_speaker_label_is_a_bold_first_run() -> None:
    doc = Document(str(INTERVIEWS / "p03_interview.docx"))
    for p in doc.paragraphs:
        assert p.runs[0].bold is True
        assert p.runs[0].text in ("Interviewer:", "P03:")


def test_committed_docx_is_what_the_script_writes() -> None:
    script = _docx_script()
    expected = script.build_docx(script.parse_turns())
    assert (INTERVIEWS / "p03_interview.docx").read_bytes() == expected


def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.casefold())
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.parametrize("participant", ["P01", "P02", "P03"])
def test_participant_shares_no_eight_word_run_with_the_seed_paper(participant: str) -> None:
    # The interviewer asks the seed study's topic-guide questions; only the answers must be new.
    if not SEED_PAPER.exists():
        pytest.skip(f"seed paper not available at {SEED_PAPER}")
    paper = _shingles(SEED_PAPER.read_text(encoding="utf-8"))
    text = " ".join(t for speaker, t in ALL_TURNS[participant]() if speaker == participant)
    assert not (_shingles(text) & paper)
