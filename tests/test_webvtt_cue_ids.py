"""WebVTT cue ids are no talk, and names alone above timing lines are told of, not read as
speakers (session 86, fixer cueids; hunt31, session 85).

In a file opening with ``WEBVTT`` the line right above a cue's timing line, after a blank line,
is the cue's id: ``Caption``, ``intro-1``, a GUID or ``Speaker 1`` was read as words ("... in
2019. Caption") with a warning of cue blocks with no timing line. A file read with no speakers
told apart whose lines above its timing lines recur like speakers' names (``Jo Lee`` /
``0:30 --> 0:36`` / words) is warned of once; who speaks is not changed (a rule reading such
lines as speakers was reverted in session 85: it swallowed the real speakers)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.language import reading_warnings
from roqa_nlp.transcripts.segment import segment

SAID = [
    "We opened the service in 2019.",
    "Staffing was the hardest part of it.",
    "How did the team take the change?",
    "They were wary at first, to be honest.",
]
ALL_SAID = " ".join(SAID)


def _clock(seconds: int, sep: str = ".") -> str:
    return f"00:00:{seconds:02d}{sep}000"


def _cues(ids: list[str], texts: list[str] | None = None, header: str = "WEBVTT") -> str:
    """A subtitle file: ``header`` (none if empty), then one cue per sentence of :data:`SAID`
    (or ``texts``), 3 s each, each under the next of ``ids`` (in turn)."""
    lines = [header, ""] if header else []
    for i, words in enumerate(texts or SAID):
        lines += [ids[i % len(ids)], f"{_clock(3 * i)} --> {_clock(3 * i + 3)}", words, ""]
    return "\n".join(lines)


def _read(path: Path) -> tuple[Transcript, list[str]]:
    """The transcript of ``path``, its reading warnings, every segment's offsets checked."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path)
    for s in segment(t, unit="sentence"):
        assert t.text[s.start : s.end] == s.text
    return t, [str(w) for w in reading_warnings(t)]


def _turns(t: Transcript) -> list[tuple[str, str, float | None]]:
    return [(u.speaker, t.text[u.start : u.end], u.begin_time) for u in t.turns]


def _name_warnings(said: list[str]) -> list[str]:
    return [w for w in said if "right above its subtitle timing lines" in w]


@pytest.mark.parametrize(
    "ids",
    [
        ["Caption"],
        ["intro-1", "intro-2", "intro-3", "intro-4"],
        ["5f3a2c1e-9b7d-4e0f-a1b2-c3d4e5f60718/12-0", "abc-123/12-0"],
        ["Speaker 1", "Speaker 2"],
        ["Subtitle", "Caption"],
    ],
    ids=["caption", "intro-n", "teams-ids", "speaker-n", "two-ids"],
)
def test_a_webvtt_cue_id_is_no_talk(tmp_path: Path, ids: list[str]) -> None:
    f = tmp_path / "p01.vtt"
    f.write_text(_cues(ids), "utf-8")
    t, said = _read(f)
    assert [words for _, words, _ in _turns(t)] == [ALL_SAID]
    assert not [w for w in said if "no timing line" in w]


def test_cue_ids_are_no_talk_with_crlf_a_bom_and_note_style_region_blocks(tmp_path: Path) -> None:
    blocks = ["NOTE made by hand", "", "STYLE", "::cue { color: red }", "", "REGION", "id:r1", ""]
    text = _cues(["Caption"]).replace("WEBVTT\n\n", "WEBVTT\n\n" + "\n".join(blocks) + "\n")
    f = tmp_path / "p02.vtt"
    f.write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
    t, said = _read(f)
    assert [(words, begin) for _, words, begin in _turns(t)] == [(ALL_SAID, 0.0)]
    assert not [w for w in said if "no timing line" in w]


def test_a_webvtt_saved_as_text_drops_its_cue_ids_too(tmp_path: Path) -> None:
    f = tmp_path / "p03.txt"
    f.write_text(_cues(["Caption"]), "utf-8")
    t, _ = _read(f)
    assert [words for _, words, _ in _turns(t)] == [ALL_SAID]


def test_a_cue_id_above_labelled_cues_leaves_the_labels_the_speakers_and_times(
    tmp_path: Path,
) -> None:
    texts = [f"{('Jo Lee', 'Sam Roe')[i % 2]}: {w}" for i, w in enumerate(SAID)]
    f = tmp_path / "p04.vtt"
    f.write_text(_cues(["Caption"], texts), "utf-8")
    t, said = _read(f)
    assert _turns(t) == [
        ("Jo Lee", SAID[0], 0.0),
        ("Sam Roe", SAID[1], 3.0),
        ("Jo Lee", SAID[2], 6.0),
        ("Sam Roe", SAID[3], 9.0),
    ]
    assert not _name_warnings(said)


@pytest.mark.parametrize(
    ("ids", "texts"),
    [
        (
            ["1", "2", "3", "4"],
            [f"{('Jo Lee', 'Sam Roe')[i % 2]}: {w}" for i, w in enumerate(SAID)],
        ),
        (
            ["5f3a2c1e-9b7d-4e0f-a1b2-c3d4e5f60718/12-0"],
            [f"<v {('Jo Lee', 'Sam Roe')[i % 2]}>{w}</v>" for i, w in enumerate(SAID)],
        ),
    ],
    ids=["zoom", "teams"],
)
def test_zoom_and_teams_files_read_as_before(
    tmp_path: Path, ids: list[str], texts: list[str]
) -> None:
    f = tmp_path / "p05.vtt"
    f.write_text(_cues(ids, texts), "utf-8")
    t, said = _read(f)
    assert _turns(t) == [
        ("Jo Lee", SAID[0], 0.0),
        ("Sam Roe", SAID[1], 3.0),
        ("Jo Lee", SAID[2], 6.0),
        ("Sam Roe", SAID[3], 9.0),
    ]
    assert not _name_warnings(said)


def test_words_above_a_timing_line_are_still_read_as_words(tmp_path: Path) -> None:
    """A sentence, or a line opening with a speaker's label, right above a timing line is
    words whose own timing line is missing (session 79 hunt2 F5), not an id."""
    text = (
        "WEBVTT\n\n1\n00:00:00.000 --> 00:00:03.000\nJo: Hello there.\n\n"
        "P03: Staffing is the biggest barrier.\n00:00:04.000 --> 00:00:06.000\nJo: Tell me more.\n\n"
        "We opened it in May.\n00:00:07.000 --> 00:00:09.000\nJo: And then?\n\n"
        "Twelve.\n00:00:10.000 --> 00:00:12.000\nJo: Thank you.\n"
    )
    f = tmp_path / "p06.vtt"
    f.write_text(text, "utf-8")
    t, said = _read(f)
    turns = _turns(t)
    assert {speaker for speaker, _, _ in turns} == {"Jo", "P03"}
    words = " ".join(" ".join(words for _, words, _ in turns).split())
    for line in ("Staffing is the biggest barrier.", "We opened it in May.", "Twelve."):
        assert line in words
    assert [w for w in said if "3 cue blocks have no timing line" in w]


def test_ids_like_names_over_unlabelled_cues_are_warned_of_not_made_speakers(
    tmp_path: Path,
) -> None:
    f = tmp_path / "p07.vtt"
    f.write_text(_cues(["Jo Lee", "Sam Roe"]), "utf-8")
    t, said = _read(f)
    assert [words for _, words, _ in _turns(t)] == [ALL_SAID]
    assert _name_warnings(said) == [
        f"{f}: 2 different lines recur alone right above its subtitle timing lines like "
        "speakers' names ('Jo Lee', 'Sam Roe'), but it was read with no speakers told apart, "
        "those lines as cue ids, not speakers: if they name who speaks, put each name before "
        "its cue's words with a colon ('Jo Lee: ...'), as a labelled transcript has it"
    ]


def test_names_above_arrow_lines_in_a_text_file_are_warned_of_not_made_speakers(
    tmp_path: Path,
) -> None:
    names = ["Ann Bell", "Raj Patel", "Mo Khan", "Li Wei", "Jo Lee"]
    said_twice = SAID + SAID + SAID[:2]
    f = tmp_path / "p08.txt"
    f.write_text(_cues(names, said_twice, header=""), "utf-8")
    t, said = _read(f)
    assert len({speaker for speaker, _, _ in _turns(t)}) == 1
    assert _name_warnings(said) == [
        f"{f}: 5 different lines recur alone right above its subtitle timing lines like "
        "speakers' names ('Ann Bell', 'Raj Patel', 'Mo Khan' ...), but it was read with no "
        "speakers told apart, those lines as words of the talk, not speakers: if they name who "
        "speaks, put each name before its cue's words with a colon ('Ann Bell: ...'), as a "
        "labelled transcript has it"
    ]


@pytest.mark.parametrize(
    ("ids", "texts", "header"),
    [
        (["Caption", "Subtitle"], None, "WEBVTT"),
        (["English", "Welsh"], None, ""),
        (["Sure", "Mm-hmm"], None, ""),
        (["[Music]", "Top"], None, "WEBVTT"),
        (["Jo Lee"], None, ""),
        (["Jo Lee", "Sam Roe", "Ann Bell", "Raj Patel"], None, ""),
        (["1", "2", "3", "4"], None, ""),
        (
            ["Speaker 1", "Speaker 2"],
            [f"<v Speaker {i % 2 + 1}>{w}</v>" for i, w in enumerate(SAID)],
            "WEBVTT",
        ),
        (["Jo Lee", "Sam Roe"], [f">> {w}" for w in SAID], "WEBVTT"),
    ],
    ids=[
        "caption-subtitle",
        "languages",
        "replies",
        "music-top",
        "one-name",
        "names-said-once",
        "numbered",
        "voice-tags",
        "chevrons",
    ],
)
def test_no_name_warning_for_ids_replies_one_name_or_cues_that_name_speakers(
    tmp_path: Path, ids: list[str], texts: list[str] | None, header: str
) -> None:
    f = tmp_path / ("p09.vtt" if header else "p09.txt")
    f.write_text(_cues(ids, texts, header), "utf-8")
    _, said = _read(f)
    assert not _name_warnings(said)


# hunt34 (session 86): a line shaped like a cue id above one timing line only is words of a cue
# that lost its timing line and the blank line after it, read with the warning it had before.
LOST = (
    "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nJo Lee: Who do you work with most?\n\n"
    "00:00:04.000 --> 00:00:06.000\nSam Roe: Mostly with\n\n{line}\n"
    "00:00:06.000 --> 00:00:09.000\nJo Lee: And how long for?\n\n"
    "00:00:09.000 --> 00:00:11.000\nSam Roe: Years now.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Leeds Mind",
        "NHS England",
        "Community Mental Health Team",
        "- Yes",
        "Absolutely",
        "OK",
        "twelve",
        "in 2019.",
        "12 years.",
        "About 20.",
        "Yes, 12.",
    ],
)
def test_a_line_like_an_id_above_one_timing_line_only_is_words(tmp_path: Path, line: str) -> None:
    f = tmp_path / "p10.vtt"
    f.write_text(LOST.format(line=line), "utf-8")
    t, said = _read(f)
    assert [(speaker, " ".join(words.split())) for speaker, words, _ in _turns(t)] == [
        ("Jo Lee", "Who do you work with most?"),
        ("Sam Roe", f"Mostly with {line.removeprefix('- ')}"),
        ("Jo Lee", "And how long for?"),
        ("Sam Roe", "Years now."),
    ]
    assert [w for w in said if "1 cue block has no timing line (line 9)" in w]


def test_answers_under_blank_lines_after_timing_lines_are_words(tmp_path: Path) -> None:
    """A blank line after each timing line and none before the next: the one-word answers
    right above timing lines are words, not ids."""
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n\nHow many vacancies are there now?\n"
        "00:00:03.000 --> 00:00:05.000\n\nTwelve\n00:00:05.000 --> 00:00:07.000\n\n"
        "Would you go back?\n00:00:07.000 --> 00:00:09.000\n\nNever\n"
        "00:00:09.000 --> 00:00:11.000\n\nThank you.\n"
    )
    f = tmp_path / "p11.vtt"
    f.write_text(text, "utf-8")
    t, _ = _read(f)
    assert " ".join(" ".join(words for _, words, _ in _turns(t)).split()) == (
        "How many vacancies are there now? Twelve Would you go back? Never Thank you."
    )


def test_a_cue_id_said_once_among_recurring_ids_is_named(tmp_path: Path) -> None:
    f = tmp_path / "p12.vtt"
    f.write_text(_cues(["Caption", "Caption", "Leeds Mind", "Caption"]), "utf-8")
    t, said = _read(f)
    assert [words for _, words, _ in _turns(t)] == [ALL_SAID]
    assert [w for w in said if "said once" in w] == [
        f"{f}: 1 line alone right above its subtitle timing lines, said once, was left out as "
        "a cue id, not words: 'Leeds Mind' (line 11); if it is someone's words, give it a "
        "timing line of its own"
    ]
    f.write_text(_cues(["Caption"]), "utf-8")
    assert not [w for w in _read(f)[1] if "said once" in w]


def test_names_ending_cues_in_a_file_with_no_blank_lines_are_not_warned_of(
    tmp_path: Path,
) -> None:
    """With no blank lines, a short line right above a timing line below words that do not
    end is the end of its cue's words, not a speaker's name."""
    text = "WEBVTT\n\n"
    for i, (words, name) in enumerate(
        [("Our partner is", "Leeds Mind"), ("and we refer to", "Mary Seacole")] * 2
    ):
        text += f"{_clock(4 * i)} --> {_clock(4 * i + 4)}\nSam Roe: {words}\n{name}\n"
    text += f"{_clock(16)} --> {_clock(18)}\nSam Roe: every week.\n"
    f = tmp_path / "p13.vtt"
    f.write_text(text, "utf-8")
    t, said = _read(f)
    assert {speaker for speaker, _, _ in _turns(t)} == {"Sam Roe"}
    assert "Leeds Mind" in t.text
    assert not _name_warnings(said)
