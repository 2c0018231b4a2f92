"""A one-token line with a digit right above a subtitle timing line is a cue id only where such
ids recur (session 87, fixer readfix; session 86 cuemend, "24/7").

``24/7``, ``2-3`` or ``9am`` alone between a blank line and a timing line, in a file numbered
``1``, ``2``, ... or with no ids, is someone's words whose cue lost its timing line: it was left
out as a cue id with no warning. It is now read as words, with the warning of cue blocks with
no timing line naming it. A cue number, Teams' GUID (even once) and a token id on most cues
(``intro-1``, ``intro-2``, ...) stay ids."""

from __future__ import annotations

import warnings
from pathlib import Path

from roqa_nlp.schema import Transcript
from roqa_nlp.transcripts import read_transcript
from roqa_nlp.transcripts.language import reading_warnings


def _timing(i: int) -> str:
    return f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 2:02d}.000"


def _read(tmp_path: Path, blocks: list[str]) -> tuple[Transcript, list[str]]:
    path = tmp_path / "captions.vtt"
    path.write_text("WEBVTT\n\n" + "\n\n".join(blocks) + "\n", "utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = read_transcript(path, interviewer_labels=["Jo Lee"])
    return t, [str(w) for w in reading_warnings(t)]


def _turns(t: Transcript) -> list[tuple[str, str]]:
    return [(u.speaker, t.text[u.start : u.end]) for u in t.turns]


def test_a_digit_answer_above_a_timing_line_of_a_numbered_file_is_words(tmp_path: Path) -> None:
    t, said = _read(
        tmp_path,
        [
            f"1\n{_timing(0)}\nJo Lee: How often is the line open?",
            f"2\n{_timing(1)}\nSam Roe: Every day.",
            f"24/7\n{_timing(2)}\nSam Roe: We never close.",
            f"4\n{_timing(3)}\nJo Lee: Thank you.",
        ],
    )
    assert _turns(t) == [
        ("Jo Lee", "How often is the line open?"),
        ("Sam Roe", "Every day. 24/7 We never close."),
        ("Jo Lee", "Thank you."),
    ]
    assert [w for w in said if "no timing line" in w] == [
        f"{tmp_path / 'captions.vtt'}: 1 cue block has no timing line (line 11), so its words "
        "were read without a time, those with no speaker's label (line 11) as the talk of the "
        "speaker before them: '24/7' (mend the timing line to have them timed, or delete the line "
        "if it is the cue's id, not words)"
    ]


def test_a_range_or_a_time_above_a_timing_line_of_a_file_with_no_ids_is_words(
    tmp_path: Path,
) -> None:
    for answer in ("2-3", "9am"):
        t, said = _read(
            tmp_path,
            [
                f"{_timing(0)}\nJo Lee: How many on a night shift?",
                f"{_timing(1)}\nSam Roe: Usually",
                f"{answer}\n{_timing(2)}\nSam Roe: and a bank nurse.",
                f"{_timing(3)}\nJo Lee: Thank you.",
            ],
        )
        assert _turns(t)[1] == ("Sam Roe", f"Usually {answer} and a bank nurse.")
        assert any("1 cue block has no timing line (line 9)" in w for w in said)


def test_numbers_guids_and_recurring_token_ids_stay_ids(tmp_path: Path) -> None:
    t, said = _read(
        tmp_path,
        [
            f"5f3a2c1e-9b7d-4e0f-a1b2-c3d4e5f60718/12-0\n{_timing(0)}\nJo Lee: How long?",
            f"{_timing(1)}\nSam Roe: Twelve years.",
            f"7\n{_timing(2)}\nSam Roe: Mostly nights.",
        ],
    )
    assert _turns(t) == [("Jo Lee", "How long?"), ("Sam Roe", "Twelve years. Mostly nights.")]
    assert said == []
    t, said = _read(
        tmp_path,
        [f"intro-{i}\n{_timing(i)}\nSam Roe: Part {i} of it." for i in range(1, 5)],
    )
    assert _turns(t) == [("Sam Roe", "Part 1 of it. Part 2 of it. Part 3 of it. Part 4 of it.")]
    assert not [w for w in said if "no timing line" in w]


def test_an_id_on_a_few_cues_only_is_words_told_how_to_leave_it_out(tmp_path: Path) -> None:
    # s88 mmfix (s87 hunt40 LOW-6): '3a' hand-inserted among numbered cues, 'sub003' on some
    # cues only, cannot be told from an answer such as '24/7' by its shape: read as words,
    # warned, the warning saying how to have an id left out
    t, said = _read(
        tmp_path,
        [
            f"1\n{_timing(0)}\nJo Lee: How many hours is the line open?",
            f"2\n{_timing(1)}\nSam Roe: We run it around the clock.",
            f"3a\n{_timing(2)}\nJo Lee: Who staffs it at night?",
            f"4\n{_timing(3)}\nSam Roe: Two support workers.",
        ],
    )
    assert _turns(t)[1] == ("Sam Roe", "We run it around the clock. 3a")
    assert [w for w in said if "no timing line" in w] == [
        f"{tmp_path / 'captions.vtt'}: 1 cue block has no timing line (line 11), so its words "
        "were read without a time, those with no speaker's label (line 11) as the talk of the "
        "speaker before them: '3a' (mend the timing line to have them timed, or delete the line "
        "if it is the cue's id, not words)"
    ]
    t, said = _read(
        tmp_path,
        [
            f"sub001\n{_timing(0)}\nJo Lee: How many hours is the line open?",
            f"{_timing(1)}\nSam Roe: We run it around the clock.",
            f"sub003\n{_timing(2)}\nJo Lee: Who staffs it at night?",
            f"{_timing(3)}\nSam Roe: Two support workers.",
            f"sub005\n{_timing(4)}\nJo Lee: Thank you.",
            f"{_timing(5)}\nSam Roe: Thanks.",
        ],
    )
    assert [w for w in said if "no timing line" in w][0].endswith(
        "(mend the timing lines to have them timed, or delete each line that is a cue's id, "
        "not words)"
    )
